"""Every write on documents: finding (or creating) them, freezing a final, the rows people type for them
(T-C.23/24, the benchmarks of Tabel 3.1b); and what a document still lacks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.realisasi.anggaran import anggaran, anggaran_berlaku
from kinerja.realisasi.lembar import lembar
from lkjip import angka, narasi, render, tasks
from lkjip.isi import Isi
from lkjip.models import (
    BarisPeriodeLalu,
    Cetakan,
    Dokumen,
    Final,
    Jenis,
    NilaiPeriodeLalu,
    Pembanding,
    Permasalahan,
    TenagaNonAsn,
)
from renstra.models import Level, RenstraVersi
from renstra.services import check as check_renstra
from renstra.services import load_plan
from sakip import audit
from sakip.lib.numbers import format_number
from sakip.lib.values import UnreadableValue, read_cell


def lkjip(opd, tahun: int, *, create: bool = False) -> Dokumen:
    found = Dokumen.objects.filter(jenis=Jenis.LKJIP, opd=opd, tahun=tahun).first()
    if found is None:
        found = Dokumen(jenis=Jenis.LKJIP, opd=opd, tahun=tahun)
        if create:
            found.save()
    return found


def renstra(versi, *, create: bool = False) -> Dokumen:
    """The Renstra document of a version (unsaved unless ``create``); a perubahan's, when first created, starts
    from what was written for the version it amends (:func:`salin_isi`)."""
    found = Dokumen.objects.filter(jenis=Jenis.RENSTRA, versi=versi).first()
    if found is None:
        found = Dokumen(jenis=Jenis.RENSTRA, opd=versi.renstra.opd, versi=versi)
        if create:
            with transaction.atomic():
                found.save()
                dasar = Dokumen.objects.filter(jenis=Jenis.RENSTRA, versi_id=versi.dasar_id).first()
                if versi.dasar_id and dasar is not None:
                    salin_isi(dasar, found)
    return found


def salin_isi(sumber: Dokumen, dokumen: Dokumen) -> None:
    """Copy what people wrote for ``sumber`` into the new ``dokumen``: its narratives, Tabel 3.1, the non-ASN
    staff and T-C.23/24 with their values (one save each, so each copy is in the audit log)."""
    for row in [*sumber.narasi.all(), *sumber.permasalahan.all(), *sumber.tenaga_non_asn.all()]:
        _salin(row, dokumen=dokumen)
    for baris in sumber.periode_lalu.prefetch_related("nilai"):
        values = list(baris.nilai.all())
        _salin(baris, dokumen=dokumen)
        for nilai in values:
            _salin(nilai, baris=baris)


def _salin(row, **owner) -> None:
    """Save ``row`` again as a new row, under ``owner`` (field → the new owner)."""
    row.pk = None
    row._state.adding = True
    for name, value in owner.items():
        setattr(row, name, value)
    row.save()


@dataclass
class State:
    """What the document page shows: the last final, the current rendering, and the gaps."""

    final: Final | None
    finals: list[Final]
    cetakan: Cetakan | None
    sidik: str
    kosong: list[narasi.Bagian]
    bagian: list[narasi.Bagian]
    isi_narasi: dict[str, str]
    catatan: list[str]

    @property
    def terisi(self) -> set[str]:
        return {k for k, v in self.isi_narasi.items() if not narasi.kosong(v)}

    @property
    def data_changed(self) -> bool:
        return self.final is not None and self.final.sidik != self.sidik


def selisih_renstra(versi) -> list[str]:
    """The plan's figures typed or imported that differ from what its data computes (printed totals, kondisi
    akhir), each with both values: shown, not silently corrected."""
    return [
        f"{i.elemen.kode or i.elemen.get_level_display()} {i.elemen.nama[:80]}: {i.message}"
        for i in check_renstra(versi)
        if i.selisih
    ]


def state(dokumen: Dokumen, isi) -> State:
    sidik = isi.fingerprint()
    finals = list(Final.objects.filter(dokumen=dokumen).order_by("-nomor")) if dokumen.pk else []
    texts = narasi.isi(dokumen)  # a perubahan not created yet: the texts it will start from
    sections = narasi.bagian(dokumen, isi.sasaran)
    notes = []
    if dokumen.jenis == Jenis.LKJIP:
        if not any(b.jenis == "tabel" and b.tabel.key == "pk" and b.tabel.rows for b in isi.blok):
            notes.append(_("Perjanjian Kinerja kepala perangkat daerah tahun ini belum ditandatangani."))
        table = isi.table("capaian")
        if table is not None and any(row.cells[4].shown in ("", "–") for row in table.rows if len(row.cells) > 4):
            notes.append(_("Sebagian IKU belum memiliki realisasi tahunan."))
    else:
        if not BarisPeriodeLalu.objects.filter(dokumen_id=dokumen.pk).exists():
            notes.append(_("T-C.23 dan T-C.24 (kinerja dan pendanaan periode lalu) belum diisi."))
        notes += selisih_renstra(dokumen.versi)
    if dokumen.pk:
        notes += angka.selisih_tercetak(dokumen.angka_tercetak.all(), isi.tables)
    for field_text in isi.nilai_hilang:
        notes.append(_("Isian nilai %(f)s tidak menemukan tabel, baris atau kolomnya.") % {"f": field_text})
    for b in sections:  # what the narratives write against what the tables print
        notes += angka.periksa(str(b.judul), texts.get(b.kunci, ""), isi.tables)
    return State(
        final=finals[0] if finals else None,
        finals=finals,
        cetakan=render.latest(dokumen, sidik) if dokumen.pk else None,
        sidik=sidik,
        kosong=narasi.kelengkapan(dokumen, sections, texts),
        bagian=sections,
        isi_narasi=texts,
        catatan=notes,
    )


# --- T-C.23 / T-C.24 rows -------------------------------------------------------------------------


@dataclass
class GalatSel:
    baris: int
    tahun: int
    bagian: str  # "rencana" (target or anggaran) or "realisasi"
    kolom: str  # as the user reads it: "anggaran 2018"
    pesan: str


def _parse(text: str, *, money: bool) -> tuple[Decimal | None, str]:
    """A T-C.23/T-C.24 cell read as every value (:func:`read_cell`; Rupiah in whole rupiah)."""
    parsed = read_cell(text, money=money).parsed
    return parsed.nilai, parsed.teks


@transaction.atomic
def save_periode_lalu(dokumen: Dokumen, tabel: str, rows: list[dict], years: list[int]) -> list[GalatSel]:
    """Replace the rows of T-C.23 or T-C.24 with ``rows`` (all or nothing; errors name row and column).

    Each row: uraian, satuan, polaritas, target_nspk, target_ikk, target_lain and per year
    ``{year: (rencana, realisasi)}`` as typed.
    """
    errors: list[GalatSel] = []
    money = tabel == BarisPeriodeLalu.Tabel.PENDANAAN
    parsed_rows = []
    for i, row in enumerate(rows, start=1):
        values = {}
        for year in years:
            rencana, realisasi = row["tahun"].get(year, ("", ""))
            cells = []
            parts = (
                ("rencana", _("anggaran") if money else _("target"), rencana),
                ("realisasi", _("realisasi"), realisasi),
            )
            for bagian, label, text in parts:
                try:
                    cells.append(_parse(text, money=money))
                except UnreadableValue as error:
                    errors.append(GalatSel(i, year, bagian, f"{label} {year}", str(error)))
                    cells.append((None, ""))
            values[year] = cells
        parsed_rows.append((row, values))
    if errors:
        transaction.set_rollback(True)
        return errors
    _n, deleted = BarisPeriodeLalu.objects.filter(dokumen=dokumen, tabel=tabel).delete()
    values_created = 0
    for urutan, (row, values) in enumerate(parsed_rows, start=1):
        baris = BarisPeriodeLalu.objects.create(
            dokumen=dokumen,
            tabel=tabel,
            urutan=urutan,
            uraian=row["uraian"],
            satuan=row.get("satuan", ""),
            polaritas=row.get("polaritas") or BarisPeriodeLalu.Polaritas.POSITIF,
            target_nspk=row.get("target_nspk", ""),
            target_ikk=row.get("target_ikk", ""),
            target_lain=row.get("target_lain", ""),
        )
        for year, ((rn, rt), (qn, qt)) in values.items():
            if rn is None and not rt and qn is None and not qt:
                continue
            NilaiPeriodeLalu.objects.create(
                baris=baris, tahun=year, rencana_nilai=rn, rencana_teks=rt, realisasi_nilai=qn, realisasi_teks=qt
            )
            values_created += 1
    audit.record(
        audit.Operasi.PERIODE_LALU_SIMPAN,
        dokumen,
        jumlah={BarisPeriodeLalu: len(parsed_rows), NilaiPeriodeLalu: values_created},
        action=audit.AuditEntry.Action.UPDATE,
        tabel=str(BarisPeriodeLalu.Tabel(tabel).label),
        dihapus=sum(deleted.values()),
    )
    return []


@transaction.atomic
def save_permasalahan(dokumen: Dokumen, rows: list[tuple[str, str, str]]) -> list[Permasalahan]:
    """Replace Tabel 3.1 of a Renstra document with ``rows`` (masalah pokok, masalah, akar masalah), in order.

    A row may leave its masalah pokok or masalah empty: it then continues the one above it, as the table prints.
    Rows are saved and deleted one by one, so each is in the audit log.
    """
    Dokumen.objects.select_for_update().filter(pk=dokumen.pk).first()
    for old in Permasalahan.objects.filter(dokumen=dokumen):
        old.delete()
    saved, pokok, masalah = [], "", ""
    for urutan, (p, m, akar) in enumerate(rows, start=1):
        pokok, masalah = p or pokok, m or masalah
        saved.append(
            Permasalahan.objects.create(
                dokumen=dokumen, urutan=urutan, masalah_pokok=pokok, masalah=masalah, akar_masalah=akar
            )
        )
    return saved


@transaction.atomic
def save_tenaga_non_asn(dokumen: Dokumen, rows: list[tuple[str, int]]) -> list[TenagaNonAsn]:
    """Replace the Renstra's list of non-ASN staff (tugas, jumlah orang) with ``rows``, each row audited."""
    Dokumen.objects.select_for_update().filter(pk=dokumen.pk).first()
    for old in TenagaNonAsn.objects.filter(dokumen=dokumen):
        old.delete()
    return [
        TenagaNonAsn.objects.create(dokumen=dokumen, urutan=urutan, tugas=tugas, jumlah=jumlah)
        for urutan, (tugas, jumlah) in enumerate(rows, start=1)
    ]


@transaction.atomic
def save_pembanding(dokumen: Dokumen, formset) -> list[Pembanding]:
    """Save the benchmarks of a valid formset for ``dokumen``, all or nothing; each row saved and deleted one by
    one so that the audit log records it."""
    saved = []
    for obj in formset.save(commit=False):
        obj.dokumen = dokumen
        obj.save()
        saved.append(obj)
    for obj in formset.deleted_objects:
        obj.delete()
    return saved


def tahun_periode_lalu(dokumen: Dokumen) -> list[int]:
    periode = dokumen.versi.renstra.periode
    stored = set(NilaiPeriodeLalu.objects.filter(baris__dokumen_id=dokumen.pk).values_list("tahun", flat=True))
    return sorted(stored | set(range(periode.tahun_awal - 5, periode.tahun_awal)))


def load_periode_lalu(dokumen: Dokumen, tabel: str) -> list[dict]:
    """T-C.23 or T-C.24 rows from the previous period's Renstra of the same OPD, when Sakip holds it, as
    the planner would type them (to check and save): T-C.23 the tujuan and sasaran indicators with each
    year's target and realisasi; T-C.24 the programs with each year's budget (DPPA, else DPA, else the
    Renstra's pagu) and realisasi anggaran. Indicators and programs are matched across the period's
    versions by their wording and code. Empty when the previous period is not in Sakip."""
    rows: dict[tuple, dict] = {}
    for year in tahun_periode_lalu(dokumen):
        if tabel == BarisPeriodeLalu.Tabel.KINERJA:
            for line in lembar(dokumen.opd, year).rows:
                if line.node.elemen.level not in (Level.TUJUAN, Level.SASARAN):
                    continue
                ind = line.indikator
                row = rows.setdefault(
                    (ind.uraian.strip().lower(), ind.satuan),
                    {"uraian": ind.uraian, "satuan": ind.satuan, "polaritas": ind.polaritas, "tahun": {}},
                )
                row["tahun"][year] = (line.target_shown, line.tahunan_shown)
            continue
        versi = RenstraVersi.objects.berlaku(dokumen.opd, year)
        if versi is None:
            continue
        plan = load_plan(versi)
        spent = anggaran(plan, year)
        budget = anggaran_berlaku(plan, year, spent)
        for node in plan.flat():
            if node.elemen.level not in (Level.PROGRAM, Level.KEGIATAN):
                continue
            e = node.elemen
            row = rows.setdefault((e.kode, e.nama.strip().lower()), {"uraian": f"{e.kode} {e.nama}", "tahun": {}})
            realisasi = spent[e.pk]
            entered = any(v is not None for v in realisasi.triwulan)
            row["tahun"][year] = (
                format_number(budget[e.pk], 0),
                format_number(realisasi.realisasi, 0) if entered else "",
            )
    return list(rows.values())


# --- Final documents ------------------------------------------------------------------------------


class SudahFinal(Exception):
    """*Finalkan* again with nothing new since the last final (often the same button pressed twice)."""

    def __init__(self, final: Final):
        self.final = final
        super().__init__(
            _("Dokumen ini sudah difinalkan sebagai versi %(n)s dari data yang sama.") % {"n": final.nomor}
        )


@transaction.atomic
def finalkan(dokumen: Dokumen, *, actor, catatan: str = "") -> Final:
    """Freeze the current rendering. Refused while required narratives are empty or the preview is stale.

    The document's row is locked first, so two requests (a double click) never both number a final: the
    second waits, then finds the first one's final of the same rendering and raises :class:`SudahFinal`
    with it. The PDF is written only once the final is certain, and removed if its row cannot be saved.
    """
    dokumen = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
    isi = render.build(dokumen)
    sections = narasi.bagian(dokumen, isi.sasaran)
    missing = narasi.kelengkapan(dokumen, sections, narasi.isi(dokumen))
    if missing:
        raise ValidationError(
            _("Narasi berikut masih kosong: %(list)s.") % {"list": "; ".join(str(b.judul) for b in missing)}
        )
    sidik = isi.fingerprint()
    cetakan = render.latest(dokumen, sidik)
    if cetakan is None or cetakan.status != Cetakan.Status.SELESAI or not cetakan.pdf:
        raise ValidationError(_("Buat pratinjau dari data terkini dahulu, periksa, lalu finalkan."))
    with cetakan.pdf.open("rb") as handle:
        content = handle.read()
    sha256 = hashlib.sha256(content).hexdigest()
    last = Final.objects.filter(dokumen=dokumen).order_by("-nomor").first()
    if last is not None and (last.sidik, last.sha256) == (sidik, sha256):
        raise SudahFinal(last)
    nomor = (last.nomor if last else 0) + 1
    final = Final(
        dokumen=dokumen,
        nomor=nomor,
        sha256=sha256,
        sidik=sidik,
        snapshot=isi.snapshot(),
        halaman=cetakan.halaman,
        catatan=catatan,
        difinalkan_oleh=actor,
    )
    final.pdf.save(f"{isi.nama_file}-final-{nomor}.pdf", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            final.save()
    except Exception:
        final.pdf.delete(save=False)  # no orphan file for a final that does not exist
        raise
    if dokumen.tanggal is None:  # the date the final carries stays the document's (no new date tomorrow)
        dokumen.tanggal = isi.tanggal
        dokumen.save(update_fields=["tanggal", "updated_at"])
    return final


@transaction.atomic
def simpan_identitas(dokumen: Dokumen, data: dict) -> Dokumen:
    """The document's own date, place and number (a valid :class:`lkjip.forms.IdentitasForm`'s
    ``cleaned_data``); the row is locked so a concurrent final sees either all of them or none."""
    dokumen = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
    for name in ("tanggal", "tempat", "nomor"):
        setattr(dokumen, name, data.get(name) or ("" if name != "tanggal" else None))
    dokumen.save(update_fields=["tanggal", "tempat", "nomor", "updated_at"])  # audited (auditlog)
    return dokumen


def request_render(dokumen: Dokumen, *, actor=None, isi: Isi | None = None) -> Cetakan:
    """The rendering of the current data: reused when there is one, else queued (or made now, without a worker)."""
    isi = isi or render.build(dokumen)
    sidik = isi.fingerprint()
    existing = render.latest(dokumen, sidik)
    if existing is not None and (existing.status != Cetakan.Status.SELESAI or existing.pdf):
        return existing
    cetakan = Cetakan.objects.create(dokumen=dokumen, sidik=sidik, diminta_oleh=actor, tahap=_("Menunggu giliran"))
    transaction.on_commit(lambda: tasks.render_cetakan.enqueue(cetakan.pk))
    return cetakan
