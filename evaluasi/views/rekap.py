"""The pemda recap: every OPD's nilai SAKIP and predikat year over year, by komponen, sortable, with a chart and
an xlsx download."""

from __future__ import annotations

from django.shortcuts import render

from evaluasi import exporters
from evaluasi.models import Evaluasi
from sakip.lib import http
from sakip.lib.charts import bars


def _data(request):
    return exporters.rekap(Evaluasi.objects.for_user(request.user))


def rekap(request):
    years, komponen, rows = _data(request)
    sort = request.GET.get("urut", "")
    if sort.isdigit() and int(sort) in years:
        rows.sort(key=lambda r: -(r.per_tahun[int(sort)].nilai_akhir if int(sort) in r.per_tahun else -1))
    pairs = [(r, y) for r in rows for y in years if y in r.per_tahun]
    chart = ""
    if pairs:
        chart = bars(
            [r.per_tahun[y].nilai_akhir for r, y in pairs],
            [f"{r.opd.singkatan or r.opd.kode} {y}" for r, y in pairs],
            label="Nilai SAKIP",
            reference=70,
            width=max(240, 70 * len(pairs)),
            height=120,
        )
    context = {"years": years, "komponen": komponen, "rows": rows, "chart": chart}
    return render(request, "evaluasi/rekap.html", context)


def rekap_xlsx(request):
    years, komponen, rows = _data(request)
    pemda = getattr(request.user.pemda, "nama", "") if request.user.pemda_id else ""
    return http.download(exporters.rekap_xlsx(pemda, years, komponen, rows), "rekap-evaluasi-akip.xlsx", http.XLSX)
