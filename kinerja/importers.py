"""The realisasi workbook uploaded back: the template of :func:`kinerja.exporters.template`, filled offline.

The upload is checked as a whole (every wrong cell reported with its sheet, row and column) and saved in
one transaction: one bad cell and nothing is saved. Values worth a second look (the grids' plausibility
warnings) are listed at their cell in the preview and saved as read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from kinerja.exporters import ANG_COLS, IND_COLS, SHEET_ANG, SHEET_IND
from kinerja.realisasi.anggaran import save_anggaran
from kinerja.realisasi.lembar import save_realisasi
from sakip import audit
from sakip.lib.uploads import sha256_of
from sakip.lib.workbook import WorkbookError, iter_rows, open_workbook


@dataclass
class Laporan:
    """What an upload would save, and every problem with its place in the workbook."""

    indikator: int = 0
    anggaran: int = 0
    errors: list[tuple[str, int, str, str]] = field(default_factory=list)  # sheet, row, column, message
    # the same, for values saved as read but worth a second look (a negative count, a percentage over 100, ten
    # times the target or budget, Rupiah rounded): shown in the preview at their cell, never blocking
    warnings: list[tuple[str, int, str, str]] = field(default_factory=list)


class UploadRefused(Exception):
    pass


def _cells(ws, columns: dict[int, str], id_field: str, places: dict, report: Laporan):
    cells = []
    for number, row in iter_rows(ws, min_row=2):
        if not row or all(v in (None, "") for v in row):
            continue
        raw_id = row[0]
        if not isinstance(raw_id, int | float) or not 0 < raw_id < 2**31 or int(raw_id) != raw_id:
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
            # confirmed: a workbook's plausibility warnings are shown in the preview, they do not block it
            cells.append({id_field: int(raw_id), "kolom": kolom, "value": text, "konfirmasi": True})
    return cells


def read(fileobj, size: int | None = None) -> tuple[list[dict], list[dict], Laporan, dict]:
    report = Laporan()
    places: dict[str, tuple[str, int, str]] = {}
    try:
        wb = open_workbook(fileobj, size)
    except WorkbookError as error:
        report.errors.append(("", 0, "", str(error)))
        return [], [], report, places
    if SHEET_IND not in wb.sheetnames or SHEET_ANG not in wb.sheetnames:
        report.errors.append(
            ("", 0, "", _("Lembar “%s” dan “%s” tidak ditemukan; pakai templat dari Sakip.") % (SHEET_IND, SHEET_ANG))
        )
        return [], [], report, places
    try:
        ind = _cells(wb[SHEET_IND], IND_COLS, "indikator", places, report)
        ang = _cells(wb[SHEET_ANG], ANG_COLS, "elemen", places, report)
    except WorkbookError as error:
        report.errors.append(("", 0, "", str(error)))
        return [], [], report, places
    return ind, ang, report, places


def import_workbook(
    opd, tahun: int, fileobj, *, actor, save: bool, berkas: str = "", size: int | None = None
) -> Laporan:
    """Check (``save=False``: everything rolled back) or save the workbook, all or nothing; a saved workbook
    gets one audit entry naming the file (``berkas``) and its SHA-256, besides the entries of its cells."""
    digest = sha256_of(fileobj) if save else ""
    ind, ang, report, places = read(fileobj, size)
    if report.errors:
        return report
    try:
        with transaction.atomic():
            r1 = save_realisasi(opd, tahun, ind, actor=actor)
            r2 = save_anggaran(opd, tahun, ang)
            for id_field, result in (("indikator", r1), ("elemen", r2)):
                for key, message in result.errors.items():
                    sheet, row, col = places.get((id_field, key), ("", 0, ""))
                    report.errors.append((sheet, row, col, message))
                for key, message in {**result.warnings, **result.dikonfirmasi}.items():
                    sheet, row, col = places.get((id_field, key), ("", 0, ""))
                    report.warnings.append((sheet, row, col, message))
            report.indikator = sum(1 for v in r1.saved.values() if v)
            report.anggaran = sum(1 for v in r2.saved.values() if v)
            if report.errors or not save:
                raise UploadRefused
            audit.record(
                audit.Operasi.REALISASI_IMPOR,
                opd,
                jumlah={},
                tahun=tahun,
                sel_indikator=report.indikator,
                sel_anggaran=report.anggaran,
                berkas=berkas or getattr(fileobj, "name", ""),
                sha256=digest,
            )
    except UploadRefused:
        pass
    report.errors.sort(key=lambda e: (e[0], e[1], e[2]))
    report.warnings.sort(key=lambda e: (e[0], e[1], e[2]))
    return report
