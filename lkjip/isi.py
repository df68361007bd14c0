"""The content of a document, in order: chapters, sections, narratives, tables, charts, signatures.

Builders fill an :class:`Isi` from the database; the PDF template prints it, the workbook writer takes
its tables, and a finalised document keeps its :meth:`Isi.snapshot`. Its :meth:`Isi.fingerprint` (a SHA-256
of that snapshot) tells whether the data changed since a rendering.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from kinerja.pihak import Pihak, pihak_untuk
from lkjip.models import Jenis
from lkjip.narasi import kosong, opsional, penanda_sendiri
from sakip.lib.numbers import Pembulatan, pembulatan
from sakip.lib.tabel import Tabel
from sakip.models import Jabatan, Pemda, PerangkatDaerah

#: bump when the layout changes so cached renderings are not reused
VERSI_TATA_LETAK = "2"


@dataclass
class Blok:
    jenis: str  # bab | sub | narasi | tabel | grafik | teks | daftar | ttd | pk
    judul: str = ""
    nomor: str = ""
    html: str = ""
    tabel: Tabel | None = None
    svg: str = ""
    items: list = field(default_factory=list)
    anchor: str = ""
    kosong: bool = False
    wide: bool = False  # a landscape section (tables too wide for portrait)


@dataclass
class Isi:
    jenis: str
    judul: str  # "LAPORAN KINERJA INSTANSI PEMERINTAH"
    subjudul: str  # "TAHUN 2024"
    opd: PerangkatDaerah
    pemda: Pemda
    tahun_dokumen: int
    tanggal: datetime.date
    penandatangan: Pihak
    tempat: str = ""  # where it is signed (the pemda's ibukota unless the document says otherwise)
    nomor: str = ""  # the document's number, printed on the cover
    blok: list[Blok] = field(default_factory=list)
    nama_file: str = "dokumen"
    lampiran_pdf: list[bytes] = field(default_factory=list)  # signed PDFs appended as they are (the PK)
    lampiran_sidik: list[str] = field(default_factory=list)
    sasaran: list = field(default_factory=list)  # LKjIP: the sasaran nodes, each with its analysis narrative
    pembulatan: Pembulatan = field(default_factory=Pembulatan)  # the pemda's rounding of printed figures
    nilai_hilang: list[str] = field(default_factory=list)  # narrative fields ({{ nilai:… }}) pointing at nothing
    _bab: int = 0
    _sub: int = 0
    _wide: bool = False  # the current chapter is landscape

    # -- building ---------------------------------------------------------------------------------

    def bab(self, nomor: str, judul: str, *, wide: bool = False) -> None:
        """A chapter; ``wide``: all of it on landscape pages (a chapter that is mostly one wide table)."""
        self._bab += 1
        self._sub = 0
        self._wide = wide
        self.blok.append(Blok("bab", judul=judul, nomor=nomor, anchor=f"bab-{self._bab}", wide=wide))

    def _add(self, blok: Blok) -> None:
        blok.wide = blok.wide or self._wide
        self.blok.append(blok)

    def sub(self, judul: str, nomor: str = "") -> None:
        self._sub += 1
        self._add(Blok("sub", judul=judul, nomor=nomor, anchor=f"bab-{self._bab}-{self._sub}"))

    def narasi(self, kunci: str, texts: dict[str, str], *, fallback: str = "") -> None:
        html = texts.get(kunci, "")
        empty = kosong(html)
        if empty and not fallback and kunci in opsional(self.jenis):
            return  # an optional section left empty is not printed (a required one shows it is missing)
        self._add(Blok("narasi", html=penanda_sendiri(html) if not empty else fallback, kosong=empty, judul=kunci))

    def teks(self, text: str) -> None:
        self._add(Blok("teks", html=text))

    def tabel(self, tabel: Tabel) -> Tabel:
        self._add(Blok("tabel", tabel=tabel, wide=tabel.wide, anchor=f"tabel-{tabel.key}"))
        return tabel

    def grafik(self, judul: str, svg: str) -> None:
        if svg:
            self._add(Blok("grafik", judul=judul, svg=svg))

    def daftar(self, judul: str, items: list[str]) -> None:
        if items:
            self._add(Blok("daftar", judul=judul, items=items))

    def ttd(self) -> None:
        self._add(Blok("ttd"))

    # -- reading ----------------------------------------------------------------------------------

    @property
    def tables(self) -> list[Tabel]:
        return [b.tabel for b in self.blok if b.jenis == "tabel"]

    def table(self, key: str) -> Tabel | None:
        return next((t for t in self.tables if t.key == key), None)

    @property
    def halaman(self) -> list[list[Blok]]:
        """Blocks grouped into runs of the same orientation (each run starts a page of its kind)."""
        runs: list[list[Blok]] = []
        for b in self.blok:
            if runs and b.jenis != "bab" and runs[-1][0].wide == b.wide:
                runs[-1].append(b)
            else:
                runs.append([b])
        return runs

    def snapshot(self) -> dict:
        with pembulatan(self.pembulatan):
            return self._snapshot()

    def _snapshot(self) -> dict:
        return {
            "versi_tata_letak": VERSI_TATA_LETAK,
            "jenis": self.jenis,
            "judul": self.judul,
            "subjudul": self.subjudul,
            "opd": {"kode": self.opd.kode, "nama": self.opd.nama},
            "pemda": self.pemda.nama,
            "tanggal": self.tanggal.isoformat(),
            "tempat": self.tempat,
            "nomor": self.nomor,
            "penandatangan": {
                "nama": self.penandatangan.nama,
                "nip": self.penandatangan.nip,
                "jabatan": self.penandatangan.jabatan,
            },
            "blok": [_blok_json(b) for b in self.blok],
            "lampiran_sha256": self.lampiran_sidik,
            "pembulatan": self.pembulatan.uraian(),
        }

    def fingerprint(self) -> str:
        data = json.dumps(self.snapshot(), cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode()).hexdigest()


def _blok_json(b: Blok) -> dict:
    out = {"jenis": b.jenis}
    if b.judul:
        out["judul"] = b.judul
    if b.nomor:
        out["nomor"] = b.nomor
    if b.html:
        out["html"] = b.html
    if b.tabel is not None:
        out["tabel"] = b.tabel.snapshot()
    if b.items:
        out["items"] = b.items
    if b.svg:
        out["svg"] = hashlib.sha256(b.svg.encode()).hexdigest()  # drawn from the tables' data
    return out


def penandatangan(opd, tanggal: datetime.date) -> Pihak:
    """The head of the OPD on the document's date (the position without an atasan)."""
    head = Jabatan.objects.filter(opd=opd, atasan__isnull=True).order_by("urutan", "pk").first()
    return pihak_untuk(head, opd.pemda, tanggal) if head else Pihak()


def tanggal_dokumen(dokumen) -> datetime.date:
    """The date the document carries: its own; unset, an LKjIP's is the print day but no later than 31 March
    of the next year (the reporting deadline), a Renstra's the day its version was set (else the print day)."""
    if dokumen.tanggal:
        return dokumen.tanggal
    today = timezone.localdate()
    if dokumen.tahun and dokumen.jenis == Jenis.LKJIP:
        return min(today, datetime.date(dokumen.tahun + 1, 3, 31))
    versi = dokumen.versi if dokumen.versi_id else None
    return (versi.dasar_hukum_tanggal if versi else None) or today


def tempat_dokumen(dokumen) -> str:
    """Where the document is signed: its own place, else the pemda's ibukota."""
    return dokumen.tempat or dokumen.opd.pemda.ibukota
