"""BAB II Perencanaan Kinerja: the Renstra (Tabel 2.1–2.3), the PK (Tabel 2.4), the programs (Tabel 2.5)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import PerjanjianKinerja
from kinerja.realisasi.dasbor import DasborOPD
from lkjip.builders.lkjip.common import ZERO, iku_per_sasaran, nilai_shown, pk_kepala, realisasi_tahun
from lkjip.isi import Isi
from renstra.models import Level
from sakip.lib.tabel import Kepala, Sel, Tabel, rupiah, with_unit
from sakip.lib.values import format_value


def bab2(isi: Isi, texts, d: DasborOPD, tahun: int) -> None:
    sheet = d.sheet
    plan = sheet.plan
    isi.bab("BAB II", _("PERENCANAAN KINERJA"))
    versi = sheet.versi
    title = _("Rencana Strategis %(opd)s") % {"opd": isi.opd.nama}
    if versi:
        title += f" {versi.renstra.periode.tahun_awal}–{versi.renstra.periode.tahun_akhir}"
    isi.sub(title, "A.")
    isi.narasi("rencana_strategis", texts)
    if plan is None:
        isi.teks(_("<p><i>Belum ada Renstra yang ditetapkan dan berlaku untuk tahun %(t)s.</i></p>") % {"t": tahun})
        return
    isi.tabel(tabel_2_1(sheet, tahun))
    isi.tabel(tabel_2_2(plan))
    iku = list(sheet.iku)
    by_sasaran = iku_per_sasaran(iku)
    isi.tabel(tabel_2_3(plan, by_sasaran))
    # B. Perjanjian Kinerja: the head's latest signed PK (else the latest draft, said so).
    isi.sub(_("Perjanjian Kinerja Tahun %(t)s") % {"t": tahun}, "B.")
    isi.narasi("perjanjian_kinerja", texts)
    isi.tabel(tabel_2_4(isi.opd, sheet, iku, tahun))
    # C. Program dan kegiatan: each IKU with the programs under its sasaran and their budget.
    isi.sub(_("Program dan Kegiatan"), "C.")
    isi.tabel(tabel_2_5(isi.opd, plan, by_sasaran, d.anggaran, tahun))


def tabel_2_1(sheet, tahun: int) -> Tabel:
    """The tujuan indicators, target and realisasi over the years so far."""
    plan = sheet.plan
    years = [y for y in plan.years if y <= tahun][-4:]
    realised = realisasi_tahun([ind.pk for n in plan.of_level(Level.TUJUAN) for ind in n.indikator], years, sheet)
    head = [Kepala(_("No.")), Kepala(_("Indikator Kinerja Tujuan")), Kepala(_("Satuan"))]
    head += [Kepala(str(y), colspan=2) for y in years]
    t21 = Tabel(
        "tujuan-tren",
        "2.1",
        _("Target dan Realisasi Indikator Tujuan Tahun %(a)s s.d. %(b)s") % {"a": years[0], "b": years[-1]}
        if years
        else _("Target dan Realisasi Indikator Tujuan"),
        [head, [Kepala(x) for y in years for x in (_("Target"), _("Realisasi"))]],
    )
    for i, kepala in enumerate(head):
        if i < 3:
            kepala.rowspan = 2
    t21.header[1] = [Kepala(x) for y in years for x in (_("Target"), _("Realisasi"))]
    n = 0
    for node in plan.of_level(Level.TUJUAN):
        for ind in node.indikator:
            n += 1
            cells = [str(n), ind.uraian, ind.satuan]
            for y in years:
                target = ind.targets.get(y)
                cells.append(with_unit(target.shown if target else "", ind.satuan))
                cells.append(with_unit(nilai_shown(realised.get((ind.pk, y), engine.Nilai())), ind.satuan))
            t21.add_row(*cells)
    return t21


def tabel_2_2(plan) -> Tabel:
    """The tujuan and their indicators."""
    t22 = Tabel(
        "tujuan",
        "2.2",
        _("Tujuan dan Indikator Tujuan"),
        [[Kepala(_("No.")), Kepala(_("Tujuan Renstra OPD")), Kepala(_("Uraian Indikator"))]],
        widths=["6%", "47%", "47%"],
    )
    for i, node in enumerate(plan.of_level(Level.TUJUAN), start=1):
        for j, ind in enumerate(node.indikator or [None]):
            t22.add_row(str(i) if j == 0 else "", node.elemen.nama if j == 0 else "", ind.uraian if ind else "")
    return t22


def tabel_2_3(plan, by_sasaran) -> Tabel:
    """The sasaran and their IKU."""
    t23 = Tabel(
        "iku",
        "2.3",
        _("Indikator Kinerja Utama (IKU)"),
        [[Kepala(_("No.")), Kepala(_("Sasaran Renstra OPD")), Kepala(_("Uraian Indikator"))]],
        widths=["6%", "47%", "47%"],
    )
    for i, node in enumerate(plan.of_level(Level.SASARAN), start=1):
        for j, r in enumerate(by_sasaran[node.elemen.pk] or [None]):
            t23.add_row(str(i) if j == 0 else "", node.elemen.nama if j == 0 else "", r.indikator.uraian if r else "")
    return t23


def tabel_2_4(opd, sheet, iku, tahun: int) -> Tabel:
    """The head's PK beside the Renstra's target and last year's realisasi."""
    rows_by_ind = {r.indikator.pk: r for r in sheet.rows}
    pk = pk_kepala(opd, tahun)
    label = _("Perjanjian Kinerja")
    if pk and pk.jenis == PerjanjianKinerja.Jenis.PERUBAHAN:
        label = _("Perjanjian Kinerja Perubahan")
    t24 = Tabel(
        "pk",
        "2.4",
        _("%(label)s %(opd)s Tahun %(t)s") % {"label": label, "opd": opd.nama, "t": tahun},
        [
            [
                Kepala(_("No.")),
                Kepala(_("Sasaran Renstra")),
                Kepala(_("Indikator Kinerja")),
                Kepala(_("Target Renstra Tahun %(t)s") % {"t": tahun}),
                Kepala(_("Realisasi Kinerja s.d. Tahun %(t)s") % {"t": tahun - 1}),
                Kepala(_("Target Perjanjian Kinerja Tahun %(t)s") % {"t": tahun}),
            ]
        ],
        widths=["5%", "27%", "29%", "13%", "13%", "13%"],
    )
    previous = realisasi_tahun([r.indikator.pk for r in iku], [tahun - 1], sheet)
    if pk:
        lines = list(pk.indikator.select_related("sumber").order_by("urutan", "pk"))
        last_sasaran, n = None, 0
        for line in lines:
            first = line.sasaran != last_sasaran
            if first:
                n += 1
                last_sasaran = line.sasaran
            src = line.sumber
            renstra = rows_by_ind[src.pk].target if src and src.pk in rows_by_ind else None
            t24.add_row(
                str(n) if first else "",
                line.sasaran if first else "",
                line.uraian,
                with_unit(
                    renstra.shown if renstra else format_value(line.renstra_nilai, line.renstra_teks), line.satuan
                ),
                with_unit(nilai_shown(previous.get((src.pk, tahun - 1), engine.Nilai())) if src else "", line.satuan),
                with_unit(format_value(line.target_nilai, line.target_teks), line.satuan),
            )
        t24.note = _("Sumber: %(pk)s, ditandatangani %(tgl)s.") % {
            "pk": str(pk),
            "tgl": pk.tanggal.strftime("%d-%m-%Y") if pk.tanggal else "-",
        }
    else:
        t24.note = _("Perjanjian Kinerja kepala perangkat daerah tahun ini belum ditandatangani.")
    return t24


def tabel_2_5(opd, plan, by_sasaran, money, tahun: int) -> Tabel:
    """Each sasaran's IKU with the programs under it, their target and budget."""
    t25 = Tabel(
        "program",
        "2.5",
        _("Program %(opd)s Tahun %(t)s") % {"opd": opd.nama, "t": tahun},
        [
            [
                Kepala(_("No.")),
                Kepala(_("IKU")),
                Kepala(_("Program")),
                Kepala(_("Target Tahun %(t)s") % {"t": tahun}),
                Kepala(_("Anggaran Tahun %(t)s (Rp)") % {"t": tahun}),
            ]
        ],
        widths=["5%", "25%", "35%", "13%", "22%"],
    )
    total = ZERO
    for i, node in enumerate(plan.of_level(Level.SASARAN), start=1):
        indicators = " ".join(r.indikator.uraian for r in by_sasaran[node.elemen.pk])
        programs = [c for c in node.children if c.elemen.level == Level.PROGRAM]
        for j, program in enumerate(programs or [None]):
            if program is None:
                t25.add_row(str(i), indicators, "", "", "")
                continue
            ind = program.indikator[0] if program.indikator else None
            target = ind.targets.get(tahun) if ind else None
            value = money[program.elemen.pk].anggaran
            total += value
            t25.add_row(
                str(i) if j == 0 else "",
                indicators if j == 0 else "",
                program.elemen.nama,
                with_unit(target.shown if target else "", ind.satuan if ind else ""),
                rupiah(value),
            )
    t25.add_row(Sel(_("Jumlah"), span=4), rupiah(total), style="jumlah")
    return t25
