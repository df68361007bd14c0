"""The sample workbook in ``fixtures/``: seed 000's table T-C.27 as planners keep it in Excel.

Built from ``fixtures/demo/renstra_balangan_2021_2026.tsv`` with the seed's own spellings of numbers
("2,897,729, 010", "3 dok", "100%", "-"), two indicators in one cell, codes written with tabs or spaces,
title rows above a three-row merged header and the "(4) … (21)" numbering row.
``python manage.py build_sample_workbook`` writes it again.
"""

from __future__ import annotations

import csv

from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

SAMPLE = settings.BASE_DIR / "fixtures" / "renstra_tc27_balangan.xlsx"
TABLE = settings.BASE_DIR / "fixtures" / "demo" / "renstra_balangan_2021_2026.tsv"
YEARS = list(range(2021, 2027))
# Codes as the seed's extraction wrote them, where the digits still allow reading them back.
SPACED = {
    "1.05.01.2.01.06": "1\t05\t01\t2.01\t06",
    "1.05.01.2.02.01": "1 05 01 2.02 01",
    "8.01.02.2.01.04": "8 01 02 2.01 04",
}


def build(path=SAMPLE) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "T-C.27"
    ws.append(["Tabel T-C.27."])
    ws.append(["Rencana Program, Kegiatan, dan Pendanaan Badan Kesatuan Bangsa dan Politik Kabupaten Balangan"])
    ws.append([])
    top = [
        "Kode",
        "Program; Kegiatan dan Sub Kegiatan",
        "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (Output)",
        "Data Capaian pada Tahun Awal Perencanaan 2020",
        "Target Kinerja Program dan Kerangka Pendanaan",
    ]
    top += [None] * 11 + ["Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah (2026)", None]
    top += ["Unit Kerja Perangkat Daerah Penanggungjawab", "Lokasi"]
    years = [None] * 4 + [x for y in YEARS for x in (f"Tahun {y}", None)] + [None] * 4
    sub = [None] * 4 + ["target", "Rp"] * 6 + ["Target", "Rp", None, None]
    for row in (top, years, sub):
        ws.append(row)
    first = 4
    for col in (1, 2, 3, 4, 19, 20):
        ws.merge_cells(start_row=first, start_column=col, end_row=first + 2, end_column=col)
    ws.merge_cells(start_row=first, start_column=5, end_row=first, end_column=16)
    ws.merge_cells(start_row=first, start_column=17, end_row=first + 1, end_column=18)
    for i in range(6):
        ws.merge_cells(start_row=first + 1, start_column=5 + 2 * i, end_row=first + 1, end_column=6 + 2 * i)
    ws.append([f"({n})" for n in range(4, 24)][:20])
    with open(TABLE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            kode = SPACED.get(row["kode"], row["kode"])
            if row["baris_seed"] == "1288":  # two indicators in one cell, one per line
                indikator = "Nilai SAKIP Perangkat Daerah\nNilai IKM Perangkat Daerah"
                targets = [row[f"target_{y}"].replace(" ", "\n") for y in YEARS]
                awal = row["kondisi_awal"].replace(" ", "\n")
            else:
                indikator, targets, awal = row["indikator"], [row[f"target_{y}"] for y in YEARS], row["kondisi_awal"]
            rp = [row[f"rp_{y}"] for y in YEARS]
            values = [x for pair in zip(targets, rp, strict=True) for x in pair]
            akhir_rp = row["rp_akhir"]  # as the seed prints it, "#REF!" and wrong totals included
            ws.append(
                [
                    kode,
                    row["uraian"],
                    indikator,
                    awal,
                    *values,
                    row["kondisi_akhir"],
                    akhir_rp,
                    row["unit_kerja"],
                    row["lokasi"],
                ]
            )
    ws.append(["JUMLAH", None, None, None, None, "6,807,641,768"])
    for cell in ws[first]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(path)
