"""The dashboards' tables as .xlsx, with numbers as numbers (full precision) and the same headings."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

PERCENT = '0.00" %"'
MONEY = "#,##0"


def _sheet(wb, title: str, head: list[str], rows: list[list], formats: dict[int, str], first: bool = False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title[:31]
    ws.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
        for col, fmt in formats.items():
            ws.cell(ws.max_row, col).number_format = fmt
    for i, name in enumerate(head, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(60, len(name) + 4)) if i > 1 else 60
    ws.freeze_panes = "B2"
    return ws


def _save(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def dasbor_opd(d) -> bytes:
    wb = Workbook()
    _sheet(
        wb,
        "IKU",
        ["Indikator", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Realisasi", "Capaian (%)", "Kategori",
         "Tingkat kemajuan (%)"],
        [
            [r.indikator.uraian, r.indikator.satuan, r.target_tampil, *[x.tampil if x else "" for x in r.triwulan()],
             r.tahunan_tampil, r.capaian.nilai, r.kategori, r.kemajuan.nilai]
            for r in d.sheet.iku
        ],
        {9: PERCENT, 11: PERCENT},
        first=True,
    )  # fmt: skip
    _sheet(
        wb,
        "Sasaran",
        ["Sasaran", "Capaian (%)", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan (%)", "Efisiensi (%)"],
        [
            [s.node.elemen.nama, s.capaian.nilai, s.anggaran.anggaran, s.anggaran.realisasi,
             s.anggaran.penyerapan.nilai, s.efisiensi.nilai]
            for s in d.sasaran
        ],
        {2: PERCENT, 3: MONEY, 4: MONEY, 5: PERCENT, 6: PERCENT},
    )  # fmt: skip
    _sheet(
        wb,
        "Semua indikator",
        ["Kode", "Elemen", "Indikator", "Target", "Realisasi", "Capaian (%)", "Terlambat (TW)", "Berisiko"],
        [
            [r.node.elemen.kode, r.node.elemen.nama, r.indikator.uraian, r.target_tampil, r.tahunan_tampil,
             r.capaian.nilai, ", ".join(map(str, r.terlambat)), "ya" if r.berisiko else ""]
            for r in d.sheet.rows
        ],
        {6: PERCENT},
    )  # fmt: skip
    if d.total is not None:
        running, rows = 0, []
        for q, (spent, planned) in enumerate(zip(d.total.triwulan, d.rencana_tw, strict=True), start=1):
            running += spent or 0
            rows.append([f"TW {q}", spent or 0, running, planned or None, d.total.anggaran])
        _sheet(
            wb,
            "Serapan",
            ["Triwulan", "Realisasi (Rp)", "Realisasi kumulatif (Rp)", "Rencana kumulatif (Rp)", "Anggaran (Rp)"],
            rows,
            {2: MONEY, 3: MONEY, 4: MONEY, 5: MONEY},
        )
    _sheet(
        wb,
        "Belanja",
        ["Jenis belanja", "Anggaran (Rp)", "Realisasi (Rp)"],
        [[b.get_jenis_display(), b.anggaran, b.realisasi] for b in d.belanja],
        {2: MONEY, 3: MONEY},
    )
    return _save(wb)


def dasbor_pemda(rows, tahun: int) -> bytes:
    wb = Workbook()
    _sheet(
        wb,
        f"Dasbor {tahun}",
        ["Perangkat daerah", "Capaian IKU (%)", "Kategori", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan (%)",
         "Kelengkapan isian (%)"],
        [
            [r.opd.nama, r.capaian.nilai, r.kategori, r.anggaran, r.realisasi, r.penyerapan.nilai,
             r.kelengkapan.nilai]
            for r in rows
        ],
        {2: PERCENT, 4: MONEY, 5: MONEY, 6: PERCENT, 7: PERCENT},
        first=True,
    )  # fmt: skip
    return _save(wb)
