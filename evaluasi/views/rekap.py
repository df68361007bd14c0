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
    latest = years[-1] if years else None
    chart = ""
    if latest:
        shown = [r for r in rows if latest in r.per_tahun]
        chart = bars(
            [r.per_tahun[latest].nilai_akhir for r in shown],
            [r.opd.singkatan or r.opd.kode for r in shown],
            label=f"Nilai {latest}",
            width=max(240, 60 * len(shown)),
            height=120,
        )
    context = {"years": years, "komponen": komponen, "rows": rows, "chart": chart}
    return render(request, "evaluasi/rekap.html", context)


def rekap_xlsx(request):
    years, komponen, rows = _data(request)
    pemda = getattr(request.user.pemda, "nama", "") if request.user.pemda_id else ""
    return http.download(exporters.rekap_xlsx(pemda, years, komponen, rows), "rekap-evaluasi-akip.xlsx", http.XLSX)
