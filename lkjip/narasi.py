"""The narrative sections of each document, and how their HTML is cleaned.

Narratives are written in the browser (or pasted from Word) and printed inside the official PDF, so
their HTML is reduced by nh3 to what a report needs: paragraphs, lists, emphasis and plain tables.
Word's classes, styles, fonts and conditional comments do not survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from lkjip.models import Dokumen, Jenis, Narasi

TAGS = {"p", "br", "strong", "b", "em", "i", "u", "sup", "sub", "ul", "ol", "li", "blockquote"}
TAGS |= {"table", "thead", "tbody", "tr", "th", "td", "caption", "h4"}
ATTRIBUTES = {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}, "ol": {"start", "type"}}
# Drop these with everything inside them (Word puts its XML and styles there).
DROP_WITH_CONTENT = {"script", "style", "xml", "head", "title", "meta", "template"}
_DIV = re.compile(r"<(/?)div\b", re.IGNORECASE)
_EMPTY_P = re.compile(r"<p>(\s|&nbsp;|<br>)*</p>")


def clean_html(html: str) -> str:
    """Sanitised HTML; a browser's <div> lines become paragraphs, empty paragraphs go."""
    html = _DIV.sub(r"<\1p", html or "")
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        clean_content_tags=DROP_WITH_CONTENT,
        strip_comments=True,
        link_rel=None,
    )
    return _EMPTY_P.sub("", clean).strip()


_UL = re.compile(r"<ul>((?:(?!</?ul>).)*)</ul>", re.DOTALL)
_LI = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_MARKER = re.compile(r"^\s*(\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[-–•*])\s")


def penanda_sendiri(html: str) -> str:
    """A bulleted list whose items carry their own markers ("a.", "1)", "(2)", pasted from Word) prints without
    bullets, so no item shows two markers ("• 1)")."""

    def fix(match: re.Match) -> str:
        items = _LI.findall(match.group(1))
        own = items and all(_MARKER.match(_TAG.sub("", item)) for item in items)
        return f'<ul class="bertanda">{match.group(1)}</ul>' if own else match.group(0)

    return _UL.sub(fix, html) if "<ul>" in html else html


def kosong(html: str) -> bool:
    return not strip_tags(html or "").replace("&nbsp;", "").strip()


@dataclass(frozen=True)
class Bagian:
    kunci: str
    judul: str
    wajib: bool = True
    petunjuk: str = ""


RENSTRA = [
    Bagian("kata_pengantar", _("Kata Pengantar"), False, _("Opsional; bila kosong, bagian ini tidak dicetak.")),
    Bagian("latar_belakang", _("Bab I · Latar Belakang")),
    Bagian("landasan_hukum", _("Bab I · Landasan Hukum")),
    Bagian("maksud_tujuan", _("Bab I · Maksud dan Tujuan")),
    Bagian("sistematika", _("Bab I · Sistematika Penulisan"), False),
    Bagian("tugas_fungsi", _("Bab II · Tugas, Fungsi dan Struktur Organisasi")),
    Bagian("sumber_daya", _("Bab II · Sumber Daya Perangkat Daerah (sebelum tabel pegawai)")),
    Bagian("sumber_daya_non_asn", _("Bab II · Sumber Daya: antara tabel PNS dan daftar tenaga non-ASN"), False),
    Bagian("sarana_prasarana", _("Bab II · Sumber Daya: sarana dan prasarana (setelah daftar tenaga non-ASN)"), False),
    Bagian("kinerja_pelayanan", _("Bab II · Kinerja Pelayanan (pengantar T-C.23 dan T-C.24)"), False),
    Bagian("tantangan_peluang", _("Bab II · Tantangan dan Peluang Pengembangan Pelayanan")),
    Bagian("permasalahan", _("Bab III · Identifikasi Permasalahan (sebelum Tabel 3.1)")),
    Bagian("permasalahan_penutup", _("Bab III · Identifikasi Permasalahan (setelah Tabel 3.1)"), False),
    Bagian("telaahan_visi_misi", _("Bab III · Telaahan Visi, Misi dan Program Kepala Daerah"), False),
    Bagian("telaahan_renstra_kl", _("Bab III · Telaahan Renstra K/L dan Renstra Provinsi"), False),
    Bagian("telaahan_rtrw", _("Bab III · Telaahan RTRW dan KLHS"), False),
    Bagian("isu_strategis", _("Bab III · Penentuan Isu-isu Strategis")),
    Bagian("tujuan_sasaran", _("Bab IV · Pengantar Tujuan dan Sasaran"), False),
    Bagian("tujuan", _("Bab IV · 4.1 Tujuan (sebelum rumusan tujuan dan indikatornya)"), False),
    Bagian("sasaran", _("Bab IV · 4.2 Sasaran (sebelum daftar sasaran dan T-C.25)"), False),
    Bagian("strategi_kebijakan", _("Bab V · Pengantar Strategi dan Arah Kebijakan"), False),
    Bagian("rencana_program", _("Bab VI · Pengantar Rencana Program dan Pendanaan"), False),
    Bagian("kinerja_urusan", _("Bab VII · Pengantar Kinerja Penyelenggaraan Bidang Urusan"), False),
    Bagian("penutup", _("Bab VIII · Penutup")),
]

LKJIP = [
    Bagian("kata_pengantar", _("Kata Pengantar")),
    Bagian("ikhtisar", _("Ikhtisar Eksekutif"), False, _("Opsional; bila kosong, bagian ini tidak dicetak.")),
    Bagian("latar_belakang", _("Bab I · Latar Belakang")),
    Bagian("gambaran_umum", _("Bab I · Gambaran Umum Organisasi (tugas, fungsi, struktur, SDM)")),
    Bagian("isu_strategis", _("Bab I · Isu Strategis")),
    Bagian("landasan_hukum", _("Bab I · Landasan Hukum"), False),
    Bagian("sistematika", _("Bab I · Sistematika Penyajian"), False),
    Bagian("rencana_strategis", _("Bab II · Pengantar Rencana Strategis"), False),
    Bagian("perjanjian_kinerja", _("Bab II · Pengantar Perjanjian Kinerja"), False),
    Bagian("capaian_target", _("Bab III · Analisis Target dan Realisasi")),
    Bagian("capaian_tahun_lalu", _("Bab III · Perbandingan dengan Tahun-tahun Sebelumnya"), False),
    Bagian("capaian_nasional", _("Bab III · Perbandingan dengan Standar Nasional/Daerah Lain"), False),
    Bagian("capaian_jangka_menengah", _("Bab III · Perbandingan dengan Target Jangka Menengah"), False),
    Bagian("efisiensi", _("Bab III · Analisis Efisiensi Penggunaan Sumber Daya")),
    Bagian("program_penunjang", _("Bab III · Program/Kegiatan Penunjang Keberhasilan"), False),
    Bagian("realisasi_anggaran", _("Bab III · Realisasi Anggaran")),
    Bagian("kesimpulan", _("Bab IV · Kesimpulan")),
    Bagian("saran", _("Bab IV · Saran")),
]


def opsional(jenis: str) -> set[str]:
    """The sections of a document that may stay empty (and are then not printed)."""
    return {b.kunci for b in (RENSTRA if jenis == Jenis.RENSTRA else LKJIP) if not b.wajib}


def kunci_sasaran(elemen_id: int) -> str:
    return f"sasaran-{elemen_id}"


def bagian(dokumen: Dokumen, sasaran: list | None = None) -> list[Bagian]:
    """The sections of ``dokumen``; an LKjIP adds one analysis per sasaran (``sasaran``: plan nodes)."""
    if dokumen.jenis == Jenis.RENSTRA:
        return list(RENSTRA)
    out = list(LKJIP)
    at = next(i for i, b in enumerate(out) if b.kunci == "efisiensi")
    per_sasaran = [
        Bagian(
            kunci_sasaran(node.elemen.pk),
            _("Bab III · Analisis penyebab keberhasilan/kegagalan: %(s)s") % {"s": node.elemen.nama},
            True,
            _("Penyebab keberhasilan/kegagalan dan solusi yang telah dilakukan; kendala dan solusi triwulanan "
              "dari realisasi dicetak di bawahnya."),
        )
        for node in sasaran or []
    ]  # fmt: skip
    return out[:at] + per_sasaran + out[at:]


def isi(dokumen: Dokumen) -> dict[str, str]:
    """The document's narratives. A Renstra perubahan's document not created yet shows those of the version it
    amends: they are copied into it when it is created (:func:`lkjip.services.salin_isi`)."""
    if dokumen.pk is None:
        dasar = dokumen.versi.dasar_id if dokumen.jenis == Jenis.RENSTRA and dokumen.versi_id else None
        if dasar is None:
            return {}
        rows = Narasi.objects.filter(dokumen__jenis=Jenis.RENSTRA, dokumen__versi_id=dasar)
        return dict(rows.values_list("kunci", "isi"))
    return dict(Narasi.objects.filter(dokumen=dokumen).values_list("kunci", "isi"))


@transaction.atomic
def save(dokumen: Dokumen, kunci: str, html: str, *, actor) -> Narasi:
    clean = clean_html(html)
    narasi, created = Narasi.objects.get_or_create(dokumen=dokumen, kunci=kunci, defaults={"isi": clean})
    if not created and narasi.isi != clean:
        narasi.isi = clean
        narasi.diubah_oleh = actor
        narasi.save()
    elif created:
        narasi.diubah_oleh = actor
        narasi.save(update_fields=["diubah_oleh"])
    return narasi


def kelengkapan(dokumen: Dokumen, sections: list[Bagian], texts: dict[str, str]) -> list[Bagian]:
    """The required sections still empty."""
    return [b for b in sections if b.wajib and kosong(texts.get(b.kunci, ""))]
