"""The tables of the Renstra document: T-C.23 to T-C.28 (Permendagri 86/2017) and the comparison of a
Renstra Perubahan with the version it changes.

The plan tables come from :func:`renstra.services.load_plan`, the same tree the Renstra pages show;
T-C.23 and T-C.24 (the previous period's service) from the rows the planner typed or copied.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja import capaian as engine
from renstra import diff
from renstra.exporters import tc27_order
from renstra.models import Level
from sakip.lib.numbers import format_number
from sakip.lib.tabel import Kepala, Sel, Tabel, dengan_satuan, persen, rupiah
from sakip.lib.values import format_value

ZERO = Decimal(0)


def _target(ind, year) -> str:
    t = ind.targets.get(year)
    return t.shown if t else ""


def _previous_years(rows, periode) -> list[int]:
    """The five years before the period, and any other year typed."""
    years = {v.tahun for r in rows for v in r.nilai.all()} | set(range(periode.tahun_awal - 5, periode.tahun_awal))
    return sorted(years)


def _v(nilai, teks) -> str:
    return format_value(nilai, teks)


def tc23(opd, rows, periode) -> Tabel:
    years = _previous_years(rows, periode)
    n = len(years)
    labels = [_("Tahun ke-%(i)s") % {"i": i} for i in range(1, n + 1)]
    t = Tabel(
        "tc23",
        "T-C.23",
        _("Pencapaian Kinerja Pelayanan %(opd)s %(pemda)s") % {"opd": opd.nama, "pemda": opd.pemda.nama},
        [
            [
                Kepala(_("No."), rowspan=2),
                Kepala(_("Indikator Kinerja sesuai Tugas dan Fungsi Perangkat Daerah"), rowspan=2),
                Kepala(_("Target NSPK"), rowspan=2),
                Kepala(_("Target IKK"), rowspan=2),
                Kepala(_("Target Indikator Lainnya"), rowspan=2),
                Kepala(_("Target Renstra Perangkat Daerah"), colspan=n),
                Kepala(_("Realisasi Capaian"), colspan=n),
                Kepala(_("Rasio Capaian"), colspan=n),
            ],
            [Kepala(f"{label} ({y})") for _k in range(3) for label, y in zip(labels, years, strict=True)],
        ],
        lebar=True,
        nomor_kolom=True,
    )
    for i, row in enumerate(rows, start=1):
        values = {v.tahun: v for v in row.nilai.all()}
        targets, realised, ratios = [], [], []
        for y in years:
            v = values.get(y)
            target = _v(v.rencana_nilai, v.rencana_teks) if v else ""
            real = _v(v.realisasi_nilai, v.realisasi_teks) if v else ""
            targets.append(dengan_satuan(target, row.satuan))
            realised.append(dengan_satuan(real, row.satuan))
            hasil = (
                engine.capaian(
                    engine.Nilai(v.rencana_nilai, v.rencana_teks),
                    engine.Nilai(v.realisasi_nilai, v.realisasi_teks),
                    row.polaritas,
                )
                if v
                else engine.Hasil(None)
            )
            ratios.append(persen(hasil.nilai) if hasil.nilai is not None else Sel("–"))
        t.add_row(str(i), row.uraian, row.target_nspk or "–", row.target_ikk or "–", row.target_lain or "–",
                 *targets, *realised, *ratios)  # fmt: skip
    if not rows:
        t.catatan = _("Belum diisi: capaian kinerja pelayanan periode sebelumnya (menu Dokumen › Periode lalu).")
    return t


def pertumbuhan(values: list[Decimal | None]) -> Decimal | None:
    """Mean year-on-year growth in % over the consecutive years that have a non-zero previous value."""
    rates = [(b - a) / a * 100 for a, b in itertools.pairwise(values) if a not in (None, ZERO) and b is not None]
    return sum(rates, ZERO) / len(rates) if rates else None


def tc24(opd, rows, periode) -> Tabel:
    years = _previous_years(rows, periode)
    n = len(years)
    labels = [f"{_('Tahun ke-%(i)s') % {'i': i}} ({y})" for i, y in enumerate(years, start=1)]
    t = Tabel(
        "tc24",
        "T-C.24",
        _("Anggaran dan Realisasi Pendanaan Pelayanan %(opd)s %(pemda)s") % {"opd": opd.nama, "pemda": opd.pemda.nama},
        [
            [
                Kepala(_("Uraian"), rowspan=2),
                Kepala(_("Anggaran pada Tahun"), colspan=n),
                Kepala(_("Realisasi Anggaran pada Tahun"), colspan=n),
                Kepala(_("Rasio antara Realisasi dan Anggaran Tahun"), colspan=n),
                Kepala(_("Rata-rata Pertumbuhan"), colspan=2),
            ],
            [Kepala(x) for _k in range(3) for x in labels] + [Kepala(_("Anggaran")), Kepala(_("Realisasi"))],
        ],
        lebar=True,
        nomor_kolom=True,
    )
    totals_a = [ZERO] * n
    totals_r = [ZERO] * n
    for row in rows:
        values = {v.tahun: v for v in row.nilai.all()}
        anggaran = [values[y].rencana_nilai if y in values else None for y in years]
        realisasi = [values[y].realisasi_nilai if y in values else None for y in years]
        for i in range(n):
            totals_a[i] += anggaran[i] or ZERO
            totals_r[i] += realisasi[i] or ZERO
        _tc24_row(t, row.uraian, anggaran, realisasi)
    if rows:
        _tc24_row(t, _("Jumlah"), totals_a, totals_r, gaya="jumlah")
    else:
        t.catatan = _("Belum diisi: anggaran dan realisasi pendanaan periode sebelumnya (menu Dokumen › Periode lalu).")
    return t


def _tc24_row(t: Tabel, uraian: str, anggaran: list, realisasi: list, gaya: str = "") -> None:
    ratios = [
        persen(engine.penyerapan(r, a).nilai) if a else Sel("–") for a, r in zip(anggaran, realisasi, strict=True)
    ]
    growth_a, growth_r = pertumbuhan(anggaran), pertumbuhan(realisasi)
    t.add_row(
        uraian,
        *[rupiah(a) if a is not None else "" for a in anggaran],
        *[rupiah(r) if r is not None else "" for r in realisasi],
        *ratios,
        persen(growth_a) if growth_a is not None else Sel("–"),
        persen(growth_r) if growth_r is not None else Sel("–"),
        gaya=gaya,
    )


def tc27(plan) -> Tabel:
    years = plan.years
    n = len(years)
    first_year = years[0] - 1 if years else ""
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
                Kepala(_("Data Capaian pada Tahun Awal Perencanaan (%(t)s)") % {"t": first_year}, rowspan=3),
                Kepala(_("Target Kinerja Program dan Kerangka Pendanaan"), colspan=2 * n),
                Kepala(_("Kondisi Kinerja pada Akhir Periode Renstra"), colspan=2, rowspan=2),
                Kepala(_("Unit Kerja Penanggung Jawab"), rowspan=3),
                Kepala(_("Lokasi"), rowspan=3),
            ],
            [Kepala(_("Tahun %(t)s") % {"t": y}, colspan=2) for y in years],
            [Kepala(x) for _y in range(n + 1) for x in (_("Target"), _("Rp"))],
        ],
        lebar=True,
        nomor_kolom=True,
        # Rp columns wide enough for 15 characters ("165.201.237.277") and the location for
        # "Kabupaten" unbroken, at the size this 22-column table prints.
        kolom=_widths([10, 10, 12, 19, 19, 9] + [9, 16.5] * (n + 1) + [12, 12]),
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
        gaya = {Level.PROGRAM: "grup", Level.KEGIATAN: "tebal"}.get(e.level, "")
        start = len(t.baris)
        for i, ind in enumerate(node.indikator or [None]):
            first = i == 0
            cells: list = [
                e.nama if first and e.level == Level.TUJUAN else "",
                e.nama if first and e.level == Level.SASARAN else "",
                e.kode if first else "",
                e.nama if first and e.level not in (Level.TUJUAN, Level.SASARAN) else "",
                ind.uraian if ind else "",
                dengan_satuan(ind.kondisi_awal, ind.satuan) if ind else "",
            ]
            for y in years:
                cells.append(dengan_satuan(_target(ind, y), ind.satuan) if ind else "")
                cells.append(rupiah(node.pagu[y]) if first and node.has_pagu else "")
            cells.append(dengan_satuan(ind.kondisi_akhir, ind.satuan) if ind else "")
            cells.append(rupiah(node.pagu_total) if first and node.has_pagu else "")
            unit = (e.unit_kerja.nama if e.unit_kerja else e.unit_kerja_teks) if first else ""
            cells += [unit, e.lokasi if first else ""]
            t.add_row(*cells, gaya=gaya if first else "")
        # The element's own columns (names, code, funding, unit, location) span its indicator rows.
        t.merge_down(start, [0, 1, 2, 3, *range(7, 7 + 2 * n + 1, 2), 6 + 2 * n + 2, 6 + 2 * n + 3])
        if e.level in (Level.TUJUAN, Level.SASARAN):
            groups.append((start, 0 if e.level == Level.TUJUAN else 1, rows_under[id(node)]))
    # A tujuan's (a sasaran's) cell spans everything planned under it.
    for start, column, rows in groups:
        t.merge_down(start, [column], last=start + rows - 1, keep_together=False)
    total: list = [Sel(_("JUMLAH"), span=6)]
    for y in years:
        total += ["", rupiah(plan.total[y])]
    total += ["", rupiah(plan.total_periode), "", ""]
    t.add_row(*total, gaya="jumlah")
    return t


def _widths(mm: list[float]) -> list[str]:
    total = sum(mm)
    return [f"{w / total * 100:.2f}%" for w in mm]


def tc28(plan, opd) -> Tabel:
    years = plan.years
    t = Tabel(
        "tc28",
        "T-C.28",
        _("Indikator Kinerja Perangkat Daerah yang Mengacu pada Tujuan dan Sasaran RPJMD"),
        [
            [
                Kepala(_("No."), rowspan=2),
                Kepala(_("Indikator"), rowspan=2),
                Kepala(_("Satuan"), rowspan=2),
                Kepala(_("Kondisi Kinerja pada Awal Periode RPJMD"), rowspan=2),
                Kepala(_("Target Capaian Setiap Tahun"), colspan=len(years)),
                Kepala(_("Kondisi Kinerja pada Akhir Periode RPJMD"), rowspan=2),
            ],
            [Kepala(str(y)) for y in years],
        ],
        lebar=len(years) > 4,
        nomor_kolom=True,
    )
    n = 0
    for node in plan.flat():
        if node.elemen.level not in (Level.TUJUAN, Level.SASARAN):
            continue
        for ind in node.indikator:
            n += 1
            t.add_row(
                str(n),
                ind.uraian,
                ind.satuan,
                dengan_satuan(ind.kondisi_awal, ind.satuan),
                *[dengan_satuan(_target(ind, y), ind.satuan) for y in years],
                dengan_satuan(ind.kondisi_akhir, ind.satuan),
            )
    return t


KIND = {
    "added": gettext_lazy("Ditambahkan"),
    "removed": gettext_lazy("Dihapus"),
    "renamed": gettext_lazy("Nama diubah"),
    "moved": gettext_lazy("Dipindah"),
    "changed": gettext_lazy("Diubah"),
}


def perbandingan(old_versi, new_versi) -> Tabel:
    """What the perubahan changed against the version it revises (as seed 004's murni/perubahan tables)."""
    t = Tabel(
        "perbandingan",
        "6.2",
        _("Perbandingan Renstra %(a)s dan %(b)s")
        % {"a": old_versi.get_jenis_display(), "b": new_versi.get_jenis_display()},
        [
            [
                Kepala(_("Tingkat")),
                Kepala(_("Kode")),
                Kepala(_("Uraian %(v)s") % {"v": old_versi.get_jenis_display()}),
                Kepala(_("Uraian %(v)s") % {"v": new_versi.get_jenis_display()}),
                Kepala(_("Perubahan")),
            ]
        ],
        lebar=True,
        kolom=["9%", "11%", "24%", "24%", "32%"],
    )
    level_label = dict(Level.choices)
    for change in diff.compare(old_versi, new_versi):
        if change.kind == "same":
            continue
        notes = []
        if change.kind in KIND:
            notes.append(str(KIND[change.kind]))
        if change.moved and change.renamed:
            notes.append(str(KIND["renamed"]))
        for uraian in change.indikator_added:
            notes.append(_("indikator baru: %(i)s") % {"i": uraian})
        for uraian in change.indikator_removed:
            notes.append(_("indikator dihapus: %(i)s") % {"i": uraian})
        for uraian, col, a, b in change.target_changes:
            notes.append(f"{uraian} ({col}): {a or '–'} → {b or '–'}")
        for year, a, b in change.pagu_changes:
            notes.append(_("pagu %(y)s: %(a)s → %(b)s") % {"y": year, "a": _rp(a), "b": _rp(b)})
        t.add_row(
            str(level_label.get(change.level, change.level)),
            change.kode,
            change.old.elemen.nama if change.old else "–",
            change.new.elemen.nama if change.new else "–",
            "; ".join(notes),
        )
    if not t.baris:
        t.catatan = _("Tidak ada perbedaan.")
    return t


def _rp(value) -> str:
    return format_number(value, 0)
