"""The official tables of a Renstra's plan that the plan page's Excel and the Renstra document share:
T-C.25 and T-C.26 (Permendagri 86/2017), described once as :class:`~sakip.lib.tabel.Tabel`.

The document prints them (:mod:`lkjip.builders.renstra`); :func:`renstra.exporters.export_workbook`
writes the same tables to Excel, where targets are numbers.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from renstra.models import Level, Misi
from sakip.lib.tabel import Kepala, Sel, Tabel, nilai


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
        lebar=len(years) > 4,
        nomor_kolom=True,
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
                gaya="tebal" if is_tujuan and first else "",
            )
    return t


def tc26(plan) -> Tabel:
    periode = plan.versi.renstra.periode
    t = Tabel(
        "tc26",
        "T-C.26",
        _("Tujuan, Sasaran, Strategi, dan Kebijakan"),
        [[Kepala(_("Tujuan")), Kepala(_("Sasaran")), Kepala(_("Strategi")), Kepala(_("Arah Kebijakan"))]],
        kolom=["24%", "24%", "24%", "28%"],
    )
    t.add_row(Sel(f"{_('Visi')}: {periode.visi}", span=4), gaya="grup")
    misi_ids = {n.elemen.misi_id for n in plan.flat() if n.elemen.misi_id}
    for m in Misi.objects.filter(pk__in=misi_ids).order_by("nomor"):
        t.add_row(Sel(f"{_('Misi')} {m.nomor}: {m.uraian}", span=4), gaya="grup")
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
