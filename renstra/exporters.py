"""The plan's tables as Excel: T-C.25, T-C.26, T-C.27, the target grid and the pagu grid.

T-C.25 and T-C.26 are the tables the Renstra document prints (:mod:`renstra.tabel`), described once.

Numbers are written as numbers (Excel can sum them) with Rupiah and percentage formats; text is always
text, so a cell beginning with "=", "+", "-" or "@" can never become a formula. T-C.27 is written the way
:mod:`renstra.importers.tc27` reads it, so export → import gives the same plan.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

from renstra import services, tabel
from renstra.models import Level, RenstraVersi
from sakip.lib.tabel import write_table
from sakip.lib.xlsx import RUPIAH, TOTAL_FILL, Sheet, number_format

TABLES = {
    "tc25": "T-C.25 Tujuan dan Sasaran",
    "tc26": "T-C.26 Strategi dan Kebijakan",
    "tc27": "T-C.27 Program dan Pendanaan",
    "target": "Target",
    "pagu": "Pagu",
}


def _value(nilai, teks):
    """A target as a cell: the number, or the qualitative text ("BB (75,3)")."""
    if teks:
        return teks
    return nilai


def _indicator_rows(ind, years) -> tuple[list, dict]:
    targets = ind.targets
    values = [_value(ind.kondisi_awal_nilai, ind.kondisi_awal_teks)]
    values += [_value(targets[y].nilai, targets[y].teks) if y in targets else None for y in years]
    values.append(_value(ind.kondisi_akhir_nilai, ind.kondisi_akhir_teks))
    return values


def export_workbook(versi: RenstraVersi, tables: list[str] | None = None) -> bytes:
    plan = services.load_plan(versi, with_targets=True)
    renstra = versi.renstra
    subtitle = f"{renstra.opd.nama} {renstra.opd.pemda.nama} · {renstra.periode} · {versi.label}"
    workbook = Workbook()
    workbook.remove(workbook.active)
    writers = {"tc25": _tc25, "tc26": _tc26, "tc27": _tc27, "target": _target, "pagu": _pagu}
    for key in tables or list(TABLES):
        writers[key](workbook, plan, subtitle)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def tc27_order(plan) -> list:
    """Programs directly under the plan first: an importer attaches a program to the sasaran above it."""
    roots = [n for n in plan.roots if n.elemen.level == Level.PROGRAM] + [
        n for n in plan.roots if n.elemen.level != Level.PROGRAM
    ]
    out = []

    def walk(nodes):
        for node in nodes:
            out.append(node)
            walk(node.children)

    walk(roots)
    return out


def _tc27(workbook, plan, subtitle) -> None:
    years = plan.years
    sheet = Sheet(workbook, "T-C.27", _("Tabel T-C.27 Rencana Program, Kegiatan, dan Pendanaan"), subtitle)
    n_years = len(years)
    end = 8 + 2 * n_years  # first column after the years
    top = [
        _("Tujuan"),
        _("Sasaran"),
        _("Kode"),
        _("Program, Kegiatan dan Sub Kegiatan"),
        _("Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)"),
        _("Satuan"),
        _("Data Capaian pada Tahun Awal Perencanaan"),
        _("Target Kinerja Program dan Kerangka Pendanaan"),
    ]
    top += [None] * (2 * n_years - 1) + [_("Kondisi Kinerja pada Akhir Periode Renstra"), None]
    top += [_("Unit Kerja Perangkat Daerah Penanggung Jawab"), _("Lokasi")]
    second = [None] * 7 + [x for y in years for x in (f"Tahun {y}", None)] + [None] * 4
    third = [None] * 7 + [_("Target"), _("Rp")] * n_years + [_("Target"), _("Rp"), None, None]
    merges = [(0, c, 2, c) for c in (1, 2, 3, 4, 5, 6, 7, end + 2, end + 3)]
    merges += [(0, 8, 0, end - 1), (0, end, 1, end + 1)]
    merges += [(1, 8 + 2 * i, 1, 9 + 2 * i) for i in range(n_years)]
    sheet.header([top, second, third], merges)
    for node in tc27_order(plan):
        e = node.elemen
        indicators = node.indikator or [None]
        for i, ind in enumerate(indicators):
            first = i == 0
            row = [
                e.nama if first and e.level == Level.TUJUAN else None,
                e.nama if first and e.level == Level.SASARAN else None,
                e.kode if first else None,
                e.nama if first and e.level not in (Level.TUJUAN, Level.SASARAN) else None,
                ind.uraian if ind else None,
                ind.satuan if ind else None,
            ]
            values = _indicator_rows(ind, years) if ind else [None] * (n_years + 2)
            row.append(values[0])
            formats = {}
            for j, year in enumerate(years):
                row.append(values[1 + j])
                row.append(node.pagu[year] if first and node.has_pagu and node.pagu[year] else None)
                formats[9 + 2 * j] = RUPIAH
            row.append(values[-1])
            row.append(node.pagu_total if first and node.has_pagu and node.pagu_total else None)
            formats[end + 1] = RUPIAH
            if first and e.level == Level.SUB_KEGIATAN:
                row += [e.unit_kerja.nama if e.unit_kerja else e.unit_kerja_teks, e.lokasi]
            elif first:
                row += [e.unit_kerja.nama if e.unit_kerja else e.unit_kerja_teks or None, e.lokasi or None]
            if ind:
                for col, value in (
                    (7, values[0]),
                    *((8 + 2 * j, values[1 + j]) for j in range(n_years)),
                    (end, values[-1]),
                ):
                    if isinstance(value, Decimal):
                        formats[col] = number_format(value, ind.satuan)
            bold = first and e.level in (Level.PROGRAM, Level.KEGIATAN)
            sheet.write(row, bold=bold, fill=TOTAL_FILL if bold and e.level == Level.PROGRAM else None, formats=formats)
    total = [None, None, _("JUMLAH"), None, None, None, None]
    for year in years:
        total += [None, plan.total[year]]
    total += [None, plan.total_periode, None, None]
    row = sheet.write(total, bold=True, fill=TOTAL_FILL, formats=dict.fromkeys(range(9, end + 2), RUPIAH))
    sheet.ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=7)
    sheet.finish({1: 24, 2: 24, 3: 18, 4: 40, 5: 40})


def _tc25(workbook, plan, subtitle) -> None:
    write_table(workbook, tabel.tc25(plan), subtitle, sheet_name="T-C.25")


def _tc26(workbook, plan, subtitle) -> None:
    write_table(workbook, tabel.tc26(plan), subtitle, sheet_name="T-C.26")


def _target(workbook, plan, subtitle) -> None:
    years = plan.years
    sheet = Sheet(workbook, "Target", _("Target indikator per tahun"), subtitle)
    sheet.header(
        [
            [
                _("Tingkat"),
                _("Kode"),
                _("Uraian"),
                _("Indikator"),
                _("Satuan"),
                _("Kondisi Awal"),
                *map(str, years),
                _("Kondisi Akhir"),
            ]
        ],
        [],
    )
    for node in plan.flat():
        e = node.elemen
        for ind in node.indikator:
            values = _indicator_rows(ind, years)
            formats = {6 + i: number_format(v, ind.satuan) for i, v in enumerate(values) if isinstance(v, Decimal)}
            sheet.write([e.get_level_display(), e.kode, e.nama, ind.uraian, ind.satuan, *values], formats=formats)
    sheet.finish({3: 40, 4: 40})


def _pagu(workbook, plan, subtitle) -> None:
    years = plan.years
    sheet = Sheet(workbook, "Pagu", _("Pagu indikatif per tahun (Rp)"), subtitle)
    sheet.header([[_("Tingkat"), _("Kode"), _("Uraian"), *map(str, years), _("Jumlah")]], [])
    formats = dict.fromkeys(range(4, 5 + len(years)), RUPIAH)
    for node in plan.flat():
        if not node.has_pagu:
            continue
        e = node.elemen
        bold = e.level != Level.SUB_KEGIATAN
        sheet.write(
            [e.get_level_display(), e.kode, e.nama, *(node.pagu[y] for y in years), node.pagu_total],
            bold=bold,
            formats=formats,
        )
    sheet.write(
        [None, None, _("JUMLAH"), *(plan.total[y] for y in years), plan.total_periode],
        bold=True,
        fill=TOTAL_FILL,
        formats=formats,
    )
    sheet.finish({3: 50})
