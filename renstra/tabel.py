"""The official tables of a Renstra's plan that the plan page's Excel and the Renstra document share:
T-C.25, T-C.26 and T-C.27 (Permendagri 86/2017), described once as :class:`~sakip.lib.tabel.Tabel`.

The document prints them (:mod:`lkjip.builders.renstra`); :func:`renstra.exporters.export_workbook`
writes the same tables to Excel, where targets are numbers. T-C.27 in Excel also has the Satuan column the
printed table leaves out (it prints each target with its unit), so that :mod:`renstra.importers.tc27` reads
an exported sheet back into the same plan.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from renstra.models import Level, Misi
from sakip.lib.tabel import Kepala, Sel, Tabel, nilai, rupiah


def _target(ind, year) -> Sel | str:
    t = ind.targets.get(year)
    return nilai(t.nilai, t.teks, ind.satuan) if t else ""


def tc25(plan, nomor: str = "T-C.25", suffix: str = "") -> Tabel:
    years = plan.years
    t = Tabel(
        "tc25" if nomor == "T-C.25" else f"tc25-{nomor}",
        nomor,
        _("Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah") + suffix,
        [
            [
                Kepala(_("No."), rowspan=2),
                Kepala(_("Tujuan"), rowspan=2),
                Kepala(_("Sasaran"), rowspan=2),
                Kepala(_("Indikator Tujuan/Sasaran"), rowspan=2),
                Kepala(_("Satuan"), rowspan=2),
                Kepala(_("Kondisi Awal"), rowspan=2),
                Kepala(_("Target Kinerja Tujuan/Sasaran pada Tahun"), colspan=len(years)),
                Kepala(_("Kondisi Akhir"), rowspan=2),
            ],
            [Kepala(str(y)) for y in years],
        ],
        wide=len(years) > 4,
        column_numbers=True,
    )
    n = 0
    for node in plan.flat():
        e = node.elemen
        if e.level not in (Level.TUJUAN, Level.SASARAN):
            continue
        is_tujuan = e.level == Level.TUJUAN
        if is_tujuan:
            n += 1
        for i, ind in enumerate(node.indikator or [None]):
            first = i == 0
            t.add_row(
                str(n) if is_tujuan and first else "",
                e.nama if is_tujuan and first else "",
                e.nama if not is_tujuan and first else "",
                ind.uraian if ind else "",
                ind.satuan if ind else "",
                nilai(ind.kondisi_awal_nilai, ind.kondisi_awal_teks, ind.satuan) if ind else "",
                *[_target(ind, y) if ind else "" for y in years],
                nilai(ind.kondisi_akhir_nilai, ind.kondisi_akhir_teks, ind.satuan) if ind else "",
                style="tebal" if is_tujuan and first else "",
            )
    return t


def tc26(plan) -> Tabel:
    periode = plan.versi.renstra.periode
    t = Tabel(
        "tc26",
        "T-C.26",
        _("Tujuan, Sasaran, Strategi, dan Kebijakan"),
        [[Kepala(_("Tujuan")), Kepala(_("Sasaran")), Kepala(_("Strategi")), Kepala(_("Arah Kebijakan"))]],
        widths=["24%", "24%", "24%", "28%"],
    )
    t.add_row(Sel(f"{_('Visi')}: {periode.visi}", span=4), style="grup")
    misi_ids = {n.elemen.misi_id for n in plan.flat() if n.elemen.misi_id}
    for m in Misi.objects.filter(pk__in=misi_ids).order_by("nomor"):
        t.add_row(Sel(f"{_('Misi')} {m.nomor}: {m.uraian}", span=4), style="grup")
    for node in plan.flat():
        e = node.elemen
        if e.level == Level.TUJUAN:
            t.add_row(e.nama, "", "", "")
        elif e.level == Level.SASARAN:
            if not node.strategi:
                t.add_row("", e.nama, "", "")
            first_sasaran = True
            for strategi in node.strategi:
                policies = list(strategi.kebijakan.all()) or [None]
                for i, kebijakan in enumerate(policies):
                    t.add_row(
                        "",
                        e.nama if first_sasaran else "",
                        strategi.uraian if i == 0 else "",
                        kebijakan.uraian if kebijakan else "",
                    )
                    first_sasaran = False
    return t


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


def tc27(plan, *, satuan_column: bool = False) -> Tabel:
    """T-C.27: every plan element with its indicators, targets and pagu per year. ``satuan_column``: the
    indicator's unit in a column of its own (Excel, where targets are bare numbers)."""
    years = plan.years
    n = len(years)
    first_year = years[0] - 1 if years else ""
    satuan = [Kepala(_("Satuan"), rowspan=3)] if satuan_column else []
    s = len(satuan)  # the columns after the indicator move right by one when it has its satuan column
    t = Tabel(
        "tc27",
        "T-C.27",
        _("Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah"),
        [
            [
                Kepala(_("Tujuan"), rowspan=3),
                Kepala(_("Sasaran"), rowspan=3),
                Kepala(_("Kode"), rowspan=3),
                Kepala(_("Program, Kegiatan dan Sub Kegiatan"), rowspan=3),
                Kepala(_("Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)"), rowspan=3),
                *satuan,
                Kepala(_("Data Capaian pada Tahun Awal Perencanaan (%(t)s)") % {"t": first_year}, rowspan=3),
                Kepala(_("Target Kinerja Program dan Kerangka Pendanaan"), colspan=2 * n),
                Kepala(_("Kondisi Kinerja pada Akhir Periode Renstra"), colspan=2, rowspan=2),
                Kepala(_("Unit Kerja Penanggung Jawab"), rowspan=3),
                Kepala(_("Lokasi"), rowspan=3),
            ],
            [Kepala(_("Tahun %(t)s") % {"t": y}, colspan=2) for y in years],
            [Kepala(x) for _y in range(n + 1) for x in (_("Target"), _("Rp"))],
        ],
        wide=True,
        column_numbers=True,
        # Rp columns wide enough for 15 characters ("165.201.237.277") and the location for "Kabupaten" unbroken,
        # at the size this 22-column table prints.
        widths=_widths([10, 10, 12, 19, 19, *([8] * s), 9] + [9, 16.5] * (n + 1) + [12, 12]),
    )
    rows_under: dict[int, int] = {}  # a node's rows, its own and all below it

    def count(node) -> int:
        rows_under[id(node)] = max(1, len(node.indikator)) + sum(count(c) for c in node.children)
        return rows_under[id(node)]

    for root in plan.roots:
        count(root)
    groups = []
    for node in tc27_order(plan):
        e = node.elemen
        style = {Level.PROGRAM: "grup", Level.KEGIATAN: "tebal"}.get(e.level, "")
        start = len(t.rows)
        for i, ind in enumerate(node.indikator or [None]):
            first = i == 0
            cells: list = [
                e.nama if first and e.level == Level.TUJUAN else "",
                e.nama if first and e.level == Level.SASARAN else "",
                e.kode if first else "",
                e.nama if first and e.level not in (Level.TUJUAN, Level.SASARAN) else "",
                ind.uraian if ind else "",
                *([ind.satuan if ind else ""] * s),
                nilai(ind.kondisi_awal_nilai, ind.kondisi_awal_teks, ind.satuan) if ind else "",
            ]
            for y in years:
                cells.append(_target(ind, y) if ind else "")
                cells.append(rupiah(node.pagu[y]) if first and node.has_pagu else "")
            cells.append(nilai(ind.kondisi_akhir_nilai, ind.kondisi_akhir_teks, ind.satuan) if ind else "")
            cells.append(rupiah(node.pagu_total) if first and node.has_pagu else "")
            unit = (e.unit_kerja.nama if e.unit_kerja else e.unit_kerja_teks) if first else ""
            cells += [unit, e.lokasi if first else ""]
            t.add_row(*cells, style=style if first else "")
        # The element's own columns (names, code, funding, unit, location) span its indicator rows.
        rp = range(s + 7, s + 8 + 2 * n, 2)
        t.merge_down(start, [0, 1, 2, 3, *rp, s + 8 + 2 * n, s + 9 + 2 * n])
        if e.level in (Level.TUJUAN, Level.SASARAN):
            groups.append((start, 0 if e.level == Level.TUJUAN else 1, rows_under[id(node)]))
    # A tujuan's (a sasaran's) cell spans everything planned under it.
    for start, column, rows in groups:
        t.merge_down(start, [column], last=start + rows - 1, keep_together=False)
    total: list = [Sel(_("JUMLAH"), span=6 + s)]
    for y in years:
        total += ["", rupiah(plan.total[y])]
    total += ["", rupiah(plan.total_periode), "", ""]
    t.add_row(*total, style="jumlah")
    return t


def _widths(mm: list[float]) -> list[str]:
    total = sum(mm)
    return [f"{w / total * 100:.2f}%" for w in mm]
