"""The pemda recap of Evaluasi AKIP: every OPD's score and predikat per year and per komponen, as a table for the
page and as xlsx."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook

from evaluasi import services
from evaluasi.models import Evaluasi
from sakip.lib.xlsx import Sheet


@dataclass
class BarisRekap:
    opd: object
    per_tahun: dict[int, Evaluasi] = field(default_factory=dict)
    komponen: dict[str, Decimal] = field(default_factory=dict)  # of the latest year with a score


def rekap(evaluasi_qs) -> tuple[list[int], list[str], list[BarisRekap]]:
    """(years, komponen names, rows): final evaluations side by side; komponen scores of each OPD's latest final."""
    finals = list(
        evaluasi_qs.filter(status=Evaluasi.Status.FINAL).select_related("opd", "templat").order_by("opd__kode", "tahun")
    )
    rows: dict[int, BarisRekap] = {}
    for ev in finals:
        rows.setdefault(ev.opd_id, BarisRekap(ev.opd)).per_tahun[ev.tahun] = ev
    komponen_names: list[str] = []
    lke_cache: dict[int, services.Lke] = defaultdict()
    for row in rows.values():
        latest = row.per_tahun[max(row.per_tahun)]
        lke = services.load(latest)
        lke_cache[latest.pk] = lke
        hasil = services.nilai(lke)
        for k in lke.komponen:
            name = f"{k.kode}. {k.nama}"
            if name not in komponen_names:
                komponen_names.append(name)
            row.komponen[name] = services.skor.bulat(hasil.komponen[k.kode])
    years = sorted({ev.tahun for ev in finals})
    return years, komponen_names, list(rows.values())


def rekap_xlsx(pemda_nama: str, years, komponen_names, rows) -> bytes:
    workbook = Workbook()
    for blank in list(workbook.worksheets):
        workbook.remove(blank)
    sheet = Sheet(workbook, "Rekap", "Rekapitulasi Evaluasi AKIP", pemda_nama)
    sheet.header(
        [["Perangkat daerah", *(f"Nilai {y}" for y in years), *(f"Predikat {y}" for y in years), *komponen_names]], []
    )
    for row in rows:
        sheet.write(
            [
                row.opd.nama,
                *(row.per_tahun[y].nilai_akhir if y in row.per_tahun else None for y in years),
                *(row.per_tahun[y].predikat if y in row.per_tahun else "" for y in years),
                *(row.komponen.get(n) for n in komponen_names),
            ],
            formats=dict.fromkeys(range(2, 2 + len(years)), "0.00"),
        )
    sheet.finish({1: 40})
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
