"""Dashboards: an OPD's year, every OPD of the pemda side by side, a PK's capaian per triwulan."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from kinerja import exporters
from kinerja.models import PerjanjianKinerja
from kinerja.realisasi.dasbor import capaian_pk, dasbor_opd, dasbor_pemda
from kinerja.realisasi.lembar import kebijakan_pemda
from kinerja.realisasi.verifikasi import sees_pemda
from kinerja.views.common import realisasi_context, valid_tahun, xlsx_response, year_links
from sakip import access
from sakip.lib.periode import Triwulan
from sakip.models import PerangkatDaerah
from sakip.views.generic import get_opd, require_pemda


def opd_dashboard(request, opd: int, tahun: int):
    opd, tahun = get_opd(request, opd), valid_tahun(tahun)
    dasbor = dasbor_opd(opd, tahun)
    if request.GET.get("format") == "xlsx":
        return xlsx_response(exporters.dasbor_opd(dasbor), f"dasbor-{opd.singkatan or opd.pk}-{tahun}")
    return render(
        request,
        "kinerja/realisasi/opd_dashboard.html",
        realisasi_context(request, opd, tahun, d=dasbor, tw_labels=[t.roman for t in Triwulan]),
    )


SORTS = {
    "opd": lambda r: r.opd.kode,
    "capaian": lambda r: (r.capaian.nilai is None, -(r.capaian.nilai or 0)),
    "penyerapan": lambda r: -(r.penyerapan.nilai or 0),
    "kelengkapan": lambda r: -(r.kelengkapan.nilai or 0),
}


def pemda_dashboard(request, tahun: int):
    """Every OPD side by side, for the admin pemda and evaluators."""
    tahun = valid_tahun(tahun)
    pemda = require_pemda(request.user)
    if not sees_pemda(request.user):
        raise PermissionDenied
    opds = PerangkatDaerah.objects.for_user(request.user).filter(pemda=pemda).order_by("kode")
    rows = dasbor_pemda(pemda, tahun, opds)
    sort = request.GET.get("urut", "opd")
    rows.sort(key=SORTS.get(sort, SORTS["opd"]))
    if request.GET.get("format") == "xlsx":
        return xlsx_response(exporters.dasbor_pemda(rows, tahun), f"dasbor-pemda-{tahun}")
    return render(
        request,
        "kinerja/realisasi/pemda_dashboard.html",
        {
            "rows": rows,
            "tahun": tahun,
            "sort": sort,
            "year_links": year_links(request, tahun),
            "kebijakan": kebijakan_pemda(pemda),
        },
    )


def pk_capaian(request, pk: int):
    """A PK's indicators after each triwulan: against the rencana aksi and against the year's PK target."""
    pk = access.get_for_user(request.user, PerjanjianKinerja.objects.select_related("opd__pemda", "jabatan"), pk=pk)
    rows = capaian_pk(pk)
    return render(
        request,
        "kinerja/realisasi/pk_capaian.html",
        {
            "pk": pk,
            "rows": rows,
            "kebijakan": kebijakan_pemda(pk.opd.pemda),
            "roman": {t.value: t.roman for t in Triwulan},
        },
    )
