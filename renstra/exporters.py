"""The plan's tables as Excel: T-C.25, T-C.26, T-C.27, the target grid and the pagu grid.

T-C.25, T-C.26 and T-C.27 are the tables the Renstra document prints (:mod:`renstra.tabel`), described once.

Numbers are written as numbers (Excel can sum them) with Rupiah and percentage formats; text is always
text, so a cell beginning with "=", "+", "-" or "@" can never become a formula. T-C.27 is written with its
Satuan column, the way :mod:`renstra.importers.tc27` reads it, so export → import gives the same plan.
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


def _tc27(workbook, plan, subtitle) -> None:
    write_table(workbook, tabel.tc27(plan, satuan_column=True), subtitle, sheet_name="T-C.27")


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
