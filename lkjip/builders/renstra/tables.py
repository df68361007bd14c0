"""The tables of the Renstra document: T-C.23, T-C.24 and T-C.28 (Permendagri 86/2017) and the comparison of a
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
from renstra.models import Level
from sakip.lib.numbers import format_number
from sakip.lib.tabel import Kepala, Sel, Tabel, persen, rupiah, with_unit
from sakip.lib.values import format_value

ZERO = Decimal(0)
BAWAAN = engine.Kebijakan()  # the policy of a pemda that set none


def _target(ind, year) -> str:
    t = ind.targets.get(year)
    return t.shown if t else ""


def _previous_years(rows, periode) -> list[int]:
    """The five years before the period, and any other year typed."""
    years = {v.tahun for r in rows for v in r.nilai.all()} | set(range(periode.tahun_awal - 5, periode.tahun_awal))
    return sorted(years)


def _v(nilai, teks) -> str:
    return format_value(nilai, teks)


def tc23(opd, rows, periode, kebijakan: engine.Kebijakan = BAWAAN) -> Tabel:
    """The previous period's service, its ratios by the pemda's capaian policy (printed under the table)."""
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
        wide=True,
        column_numbers=True,
    )
    for i, row in enumerate(rows, start=1):
        values = {v.tahun: v for v in row.nilai.all()}
        targets, realised, ratios = [], [], []
        for y in years:
            v = values.get(y)
            target = _v(v.rencana_nilai, v.rencana_teks) if v else ""
            real = _v(v.realisasi_nilai, v.realisasi_teks) if v else ""
            targets.append(with_unit(target, row.satuan))
            realised.append(with_unit(real, row.satuan))
            hasil = (
                engine.capaian(
                    engine.Nilai(v.rencana_nilai, v.rencana_teks),
                    engine.Nilai(v.realisasi_nilai, v.realisasi_teks),
                    row.polaritas,
                    kebijakan,
                )
                if v
                else engine.Hasil(None)
            )
            ratios.append(persen(hasil.nilai) if hasil.nilai is not None else Sel("–"))
        t.add_row(str(i), row.uraian, row.target_nspk or "–", row.target_ikk or "–", row.target_lain or "–",
                 *targets, *realised, *ratios)  # fmt: skip
    if not rows:
        t.note = _("Belum diisi: capaian kinerja pelayanan periode sebelumnya (menu Dokumen › Periode lalu).")
    else:
        rumus = " ".join(kebijakan.uraian()[:2])
        t.note = _("Rasio capaian: realisasi / target × 100; %(rumus)s") % {"rumus": rumus}
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
        wide=True,
        column_numbers=True,
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
        _tc24_row(t, _("Jumlah"), totals_a, totals_r, style="jumlah")
    else:
        t.note = _("Belum diisi: anggaran dan realisasi pendanaan periode sebelumnya (menu Dokumen › Periode lalu).")
    return t


def _tc24_row(t: Tabel, uraian: str, anggaran: list, realisasi: list, style: str = "") -> None:
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
        style=style,
    )


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
        wide=len(years) > 4,
        column_numbers=True,
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
                with_unit(ind.kondisi_awal, ind.satuan),
                *[with_unit(_target(ind, y), ind.satuan) for y in years],
                with_unit(ind.kondisi_akhir, ind.satuan),
            )
    return t


KIND = {
    "added": gettext_lazy("Ditambahkan"),
    "removed": gettext_lazy("Dihapus"),
    "renamed": gettext_lazy("Nama diubah"),
    "moved": gettext_lazy("Dipindah"),
    "changed": gettext_lazy("Diubah"),
}


def nama_versi(lama, baru) -> tuple[str, str]:
    """How two versions are named side by side: by their kind ("Murni", "Perubahan"), with their number when
    both are of one kind ("Perubahan versi 2" and "Perubahan versi 3"), so the two never read the same."""
    a, b = lama.get_jenis_display(), baru.get_jenis_display()
    if a != b:
        return a, b
    return _("%(jenis)s versi %(n)s") % {"jenis": a, "n": lama.nomor}, _("%(jenis)s versi %(n)s") % {
        "jenis": b,
        "n": baru.nomor,
    }


def perbandingan(old_versi, new_versi) -> Tabel:
    """What the perubahan changed against the version it revises (as seed 004's murni/perubahan tables)."""
    a, b = nama_versi(old_versi, new_versi)
    t = Tabel(
        "perbandingan",
        "6.2",
        _("Perbandingan Renstra %(a)s dan %(b)s") % {"a": a, "b": b},
        [
            [
                Kepala(_("Tingkat")),
                Kepala(_("Kode")),
                Kepala(_("Uraian %(v)s") % {"v": a}),
                Kepala(_("Uraian %(v)s") % {"v": b}),
                Kepala(_("Perubahan")),
            ]
        ],
        wide=True,
        widths=["9%", "11%", "24%", "24%", "32%"],
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
    if not t.rows:
        t.note = _("Tidak ada perbedaan.")
    return t


def _rp(value) -> str:
    return format_number(value, 0)
