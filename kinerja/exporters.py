"""The PK and Rencana Aksi as PDF documents (PermenPAN-RB 53/2014 format; seed 003 for the rencana aksi)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from kinerja.models import PerjanjianKinerja
from sakip.pdf import data_uri, qr_svg, render_pdf


def _kop(pk: PerjanjianKinerja) -> dict:
    pemda, opd = pk.opd.pemda, pk.opd
    return {
        "pemda": pemda,
        "opd": opd,
        "logo": data_uri(opd.logo) or data_uri(pemda.logo),
    }


def pk_pdf(pk: PerjanjianKinerja) -> bytes:
    verify = ""
    if pk.kode_verifikasi:
        verify = settings.SITE_URL + reverse("kinerja:verifikasi", args=[pk.kode_verifikasi])
    context = {
        **_kop(pk),
        "pk": pk,
        "indikator": list(pk.indikator.all()),
        "anggaran": list(pk.anggaran.all()),
        "draft": not pk.is_signed,
        "verify_url": verify,
        "qr": qr_svg(verify) if verify else "",
        "kepala_daerah": pk.jabatan.atasan_id is None,
        "level_label": _level_label(pk),
    }
    return render_pdf("kinerja/pk_pdf.html", context, paper=pk.opd.pemda.ukuran_kertas)


def _level_label(pk: PerjanjianKinerja) -> dict:
    """Captions of the lampiran by the position's jenjang."""
    from sakip.models import Jenjang

    return {
        Jenjang.JPT_PRATAMA: {"sasaran": "Sasaran Strategis", "anggaran": "Program"},
        Jenjang.ADMINISTRATOR: {"sasaran": "Sasaran Program", "anggaran": "Kegiatan"},
        Jenjang.PENGAWAS: {"sasaran": "Sasaran Kegiatan", "anggaran": "Sub Kegiatan"},
    }.get(pk.jabatan.jenjang, {"sasaran": "Sasaran", "anggaran": "Sub Kegiatan"})


def rencana_aksi_pdf(pk: PerjanjianKinerja, rows) -> bytes:
    context = {**_kop(pk), "pk": pk, "rows": rows, "months": list(range(1, 13))}
    return render_pdf("kinerja/rencana_aksi_pdf.html", context, paper=pk.opd.pemda.ukuran_kertas)
