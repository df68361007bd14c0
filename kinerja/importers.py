"""The realisasi workbook: a template per OPD and year, filled offline and uploaded back.

The upload is checked as a whole (every wrong cell reported with its sheet, row and column) and saved in
one transaction: one bad cell and nothing is saved.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from kinerja.realisasi import anggaran as anggaran_svc
from kinerja.realisasi import lembar as lembar_svc
from renstra.models import Level

SHEET_IND, SHEET_ANG = "Realisasi indikator", "Realisasi anggaran"
IND_HEAD = ["ID", "Kode", "Elemen", "Indikator", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV"]
ANG_HEAD = [
    "ID",
    "Kode",
    "Sub kegiatan",
    "DPA (Rp)",
    "DPPA (Rp)",
    "TW I (Rp)",
    "TW II (Rp)",
    "TW III (Rp)",
    "TW IV (Rp)",
]
IND_COLS = {7: "tw1", 8: "tw2", 9: "tw3", 10: "tw4"}
ANG_COLS = {4: "dpa", 5: "dppa", 6: "tw1", 7: "tw2", 8: "tw3", 9: "tw4"}
INPUT = PatternFill("solid", fgColor="FFF8E1")


def _head(ws, names, widths):
    ws.append(names)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        ws.cell(1, i).font = Font(bold=True)
    ws.freeze_panes = "D2"
    ws.column_dimensions["A"].hidden = True


def template(opd, tahun: int) -> bytes:
    """The OPD's indicators and sub kegiatan for the year, with what is already entered."""
    sheet = lembar_svc.lembar(opd, tahun)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_IND
    _head(ws, IND_HEAD, [8, 18, 40, 50, 12, 14, 12, 12, 12, 12])
    for row in sheet.rows:
        values = [r.tampil if r else "" for r in row.triwulan()]
        ind = row.indikator
        ws.append(
            [ind.pk, row.node.elemen.kode, row.node.elemen.nama, ind.uraian, ind.satuan, row.target_tampil, *values]
        )
        for col in IND_COLS:
            cell = ws.cell(ws.max_row, col)
            cell.fill, cell.number_format = INPUT, "@"
            cell.protection = Protection(locked=False)
    ws2 = wb.create_sheet(SHEET_ANG)
    _head(ws2, ANG_HEAD, [8, 20, 60, 18, 18, 18, 18, 18, 18])
    if sheet.plan is not None:
        budget = anggaran_svc.anggaran(sheet.plan, tahun)
        for node in sheet.plan.of_level(Level.SUB_KEGIATAN):
            b = budget[node.elemen.pk]
            ws2.append([node.elemen.pk, node.elemen.kode, node.elemen.nama, b.dpa, b.dppa, *b.triwulan])
            for col in ANG_COLS:
                cell = ws2.cell(ws2.max_row, col)
                cell.fill, cell.number_format = INPUT, "#,##0"
                cell.protection = Protection(locked=False)
    for w in (ws, ws2):
        for row in w.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # a name beginning with "=" stays text, never a formula
                cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (3, 4))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@dataclass
class Laporan:
    """What an upload would save, and every problem with its place in the workbook."""

    indikator: int = 0
    anggaran: int = 0
    errors: list[tuple[str, int, str, str]] = field(default_factory=list)  # sheet, row, column, message


class UploadRefused(Exception):
    pass


def _cells(ws, columns: dict[int, str], id_field: str, places: dict, report: Laporan):
    cells = []
    for number, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if not row or all(v in (None, "") for v in row):
            continue
        raw_id = row[0]
        if not isinstance(raw_id, int | float) or int(raw_id) != raw_id:
            report.errors.append((ws.title, number, "A", _("Kolom ID kosong atau diubah; unduh templat baru.")))
            continue
        for col, kolom in columns.items():
            value = row[col - 1] if len(row) >= col else None
            text = "" if value is None else str(value).strip()
            if isinstance(value, float) and value.is_integer():
                text = str(int(value))
            elif isinstance(value, float):
                text = repr(value).replace(".", ",")
            key = f"{int(raw_id)}:{kolom}"
            places[(id_field, key)] = (ws.title, number, get_column_letter(col))
            cells.append({id_field: int(raw_id), "kolom": kolom, "value": text})
    return cells


def read(fileobj) -> tuple[list[dict], list[dict], Laporan, dict]:
    report = Laporan()
    places: dict[str, tuple[str, int, str]] = {}
    try:
        wb = load_workbook(fileobj, read_only=True, data_only=True)
    except Exception:  # openpyxl raises several kinds for a file that is not a workbook
        report.errors.append(("", 0, "", _("Berkas ini bukan lembar kerja Excel (.xlsx) yang dapat dibaca.")))
        return [], [], report, places
    if SHEET_IND not in wb.sheetnames or SHEET_ANG not in wb.sheetnames:
        report.errors.append(
            ("", 0, "", _("Lembar “%s” dan “%s” tidak ditemukan; pakai templat dari Sakip.") % (SHEET_IND, SHEET_ANG))
        )
        return [], [], report, places
    ind = _cells(wb[SHEET_IND], IND_COLS, "indikator", places, report)
    ang = _cells(wb[SHEET_ANG], ANG_COLS, "elemen", places, report)
    return ind, ang, report, places


def unggah(opd, tahun: int, fileobj, *, actor, simpan: bool) -> Laporan:
    """Check (``simpan=False``: everything rolled back) or save the workbook, all or nothing."""
    ind, ang, report, places = read(fileobj)
    if report.errors:
        return report
    try:
        with transaction.atomic():
            r1 = lembar_svc.simpan_realisasi(opd, tahun, ind, actor=actor)
            r2 = anggaran_svc.simpan_anggaran(opd, tahun, ang)
            for id_field, result in (("indikator", r1), ("elemen", r2)):
                for key, message in result.errors.items():
                    sheet, row, col = places.get((id_field, key), ("", 0, ""))
                    report.errors.append((sheet, row, col, message))
            report.indikator = sum(1 for v in r1.saved.values() if v)
            report.anggaran = sum(1 for v in r2.saved.values() if v)
            if report.errors or not simpan:
                raise UploadRefused
    except UploadRefused:
        pass
    report.errors.sort(key=lambda e: (e[0], e[1], e[2]))
    return report
