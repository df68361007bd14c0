"""BAB III Akuntabilitas Kinerja: A. the performance achieved and its analysis (Tabel 3.1–3.5), B. the
budget (Tabel 3.6, 3.7 and one table per sasaran)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import BelanjaOPD, Realisasi
from kinerja.realisasi.dasbor import DasborOPD, sort_belanja
from lkjip import narasi
from lkjip.builders.lkjip.common import (
    ZERO,
    baris_sasaran,
    esc,
    hasil,
    iku_per_sasaran,
    nilai_shown,
    nomor_program,
    realisasi_tahun,
)
from lkjip.isi import Isi
from lkjip.models import Pembanding
from renstra.models import Level
from sakip.lib import charts
from sakip.lib.periode import roman
from sakip.lib.tabel import Kepala, Sel, Tabel, persen, rupiah, with_unit


def bab3(isi: Isi, texts, d: DasborOPD, sasaran_nodes, dokumen) -> None:
    sheet = d.sheet
    isi.bab("BAB III", _("AKUNTABILITAS KINERJA"))
    isi.sub(_("Capaian Kinerja Organisasi"), "A.")
    if sheet.plan is None:
        isi.teks(_("<p><i>Belum ada Renstra yang berlaku; capaian tidak dapat diukur.</i></p>"))
        return
    by_sasaran = iku_per_sasaran(sheet.iku)
    numbered = [(i, node, by_sasaran[node.elemen.pk]) for i, node in enumerate(sasaran_nodes, start=1)]
    capaian_target(isi, texts, sheet, numbered)
    capaian_tahun_lalu(isi, texts, d, dokumen)
    capaian_jangka_menengah(isi, texts, sheet, numbered)
    analisis_penyebab(isi, texts, sheet, numbered)
    efisiensi(isi, texts, d, numbered)
    isi.teks(
        "<h4>"
        + _("6. Analisis program/kegiatan yang menunjang keberhasilan ataupun kegagalan pencapaian kinerja")
        + "</h4>"
    )
    isi.narasi("program_penunjang", texts)
    realisasi_anggaran(isi, texts, d, numbered)


# --- A. Capaian kinerja organisasi ----------------------------------------------------------------


def capaian_target(isi: Isi, texts, sheet, numbered) -> None:
    """A.1: target against realisasi (Tabel 3.1)."""
    tahun = sheet.tahun
    isi.teks("<h4>" + _("1. Perbandingan antara target dan realisasi kinerja tahun %(t)s") % {"t": tahun} + "</h4>")
    isi.tabel(tabel_3_1(isi.opd, sheet, numbered))
    isi.narasi("capaian_target", texts)


def tabel_3_1(opd, sheet, numbered) -> Tabel:
    tahun = sheet.tahun
    t31 = Tabel(
        "capaian",
        "3.1",
        _("Target, Realisasi dan Capaian Kinerja Tahun %(t)s") % {"t": tahun},
        [
            [
                Kepala(_("No.")),
                Kepala(_("Sasaran Renstra OPD")),
                Kepala(_("Uraian Indikator")),
                Kepala(_("Target %(t)s") % {"t": tahun}),
                Kepala(_("Realisasi %(t)s") % {"t": tahun}),
                Kepala(_("Capaian %(t)s") % {"t": tahun}),
                Kepala(_("Kategori")),
            ]
        ],
        widths=["5%", "27%", "26%", "10%", "10%", "11%", "11%"],
    )
    baris_sasaran(
        t31,
        numbered,
        lambda node, r, first: (
            [
                with_unit(r.target_shown, r.indikator.satuan),
                with_unit(r.tahunan_shown, r.indikator.satuan),
                hasil(r.capaian),
                r.kategori,
            ]
            if r
            else ["", "", "", ""]
        ),
    )
    versi = sheet.versi
    t31.note = _("Sumber: Renstra %(v)s %(opd)s %(a)s–%(b)s dan realisasi triwulan yang diverifikasi.") % {
        "v": versi.get_jenis_display(),
        "opd": opd.nama,
        "a": versi.renstra.periode.tahun_awal,
        "b": versi.renstra.periode.tahun_akhir,
    }
    return t31


def capaian_tahun_lalu(isi: Isi, texts, d: DasborOPD, dokumen) -> None:
    """A.2: this year against the previous years (Tabel 3.1a, a chart per IKU), and the benchmarks (3.1b)."""
    isi.teks(
        "<h4>" + _("2. Perbandingan realisasi dan capaian kinerja tahun ini dengan tahun-tahun sebelumnya") + "</h4>"
    )
    iku = d.sheet.iku
    isi.tabel(tabel_3_1a(d))
    for r in iku:
        isi.grafik(_("Target dan realisasi %(i)s") % {"i": r.indikator.uraian}, r.grafik)
    isi.narasi("capaian_tahun_lalu", texts)
    t_nas = tabel_3_1b(isi, d.sheet, dokumen)
    if t_nas is not None:
        isi.tabel(t_nas)
    isi.narasi("capaian_nasional", texts)


def tabel_3_1a(d: DasborOPD) -> Tabel:
    """The IKU over the years so far; draws each IKU's chart too (``r.grafik``)."""
    sheet = d.sheet
    iku = sheet.iku
    years = d.tahun_riwayat
    past = realisasi_tahun([r.indikator.pk for r in iku], years, sheet)
    head = [Kepala(_("No."), rowspan=2), Kepala(_("Indikator"), rowspan=2), Kepala(_("Satuan"), rowspan=2)]
    head += [Kepala(str(y), colspan=3) for y in years]
    t_tren = Tabel(
        "tren",
        "3.1a",
        _("Realisasi dan Capaian Indikator Kinerja Utama Tahun %(a)s s.d. %(b)s") % {"a": years[0], "b": years[-1]}
        if years
        else _("Realisasi dan Capaian Indikator Kinerja Utama"),
        [head, [Kepala(x) for _y in years for x in (_("Target"), _("Realisasi"), _("Capaian"))]],
        wide=len(years) > 3,
    )
    for n, r in enumerate(iku, start=1):
        ind = r.indikator
        cells: list = [str(n), ind.uraian, ind.satuan]
        riwayat = dict(r.riwayat)
        targets_chart, real_chart = [], []
        for y in years:
            target = ind.targets.get(y)
            value = past.get((ind.pk, y), engine.Nilai())
            cells += [
                with_unit(target.shown if target else "", ind.satuan),
                with_unit(nilai_shown(value), ind.satuan),
                hasil(riwayat.get(y, engine.Hasil(None))),
            ]
            targets_chart.append(target.nilai if target and target.nilai is not None else None)
            real_chart.append(value.nilai)
        t_tren.add_row(*cells)
        r.grafik = charts.target_realisasi(ind.uraian[:70], years, targets_chart, real_chart, ind.satuan)
    return t_tren


def tabel_3_1b(isi: Isi, sheet, dokumen) -> Tabel | None:
    """The IKU beside the national and other regions' figures typed for this document (none: no table)."""
    iku = sheet.iku
    benchmarks = list(
        Pembanding.objects.filter(dokumen_id=dokumen.pk, indikator_id__in=[r.indikator.pk for r in iku]).order_by(
            "indikator_id", "urutan", "pk"
        )
    )
    if not benchmarks:
        return None
    t_nas = Tabel(
        "pembanding",
        "3.1b",
        _("Perbandingan Realisasi dengan Nasional dan Daerah Lain"),
        [
            [
                Kepala(_("Indikator")),
                Kepala(_("Pembanding")),
                Kepala(_("Tahun")),
                Kepala(_("Nilai")),
                Kepala(_("Sumber")),
            ]
        ],
        widths=["30%", "25%", "9%", "12%", "24%"],
    )
    per_ind = defaultdict(list)
    for b in benchmarks:
        per_ind[b.indikator_id].append(b)
    for r in iku:
        if not per_ind[r.indikator.pk]:
            continue
        t_nas.add_row(
            r.indikator.uraian, f"{isi.opd.nama} ({isi.pemda.nama})", str(sheet.tahun), r.tahunan_shown, _("Sakip")
        )
        for b in per_ind[r.indikator.pk]:
            t_nas.add_row("", b.pembanding, str(b.tahun), b.nilai, b.sumber)
    return t_nas


def capaian_jangka_menengah(isi: Isi, texts, sheet, numbered) -> None:
    """A.3: this year against the Renstra's end target (Tabel 3.2)."""
    isi.teks(
        "<h4>"
        + _("3. Perbandingan realisasi kinerja tahun %(t)s dengan target jangka menengah Renstra") % {"t": sheet.tahun}
        + "</h4>"
    )
    isi.tabel(tabel_3_2(sheet, numbered))
    isi.narasi("capaian_jangka_menengah", texts)


def tabel_3_2(sheet, numbered) -> Tabel:
    tahun = sheet.tahun
    akhir = sheet.versi.renstra.periode.tahun_akhir
    t32 = Tabel(
        "kemajuan",
        "3.2",
        _("Perbandingan Realisasi Kinerja s.d. Akhir Periode Renstra"),
        [
            [
                Kepala(_("No.")),
                Kepala(_("Sasaran Renstra")),
                Kepala(_("Indikator Kinerja")),
                Kepala(_("Target Akhir Renstra Tahun %(t)s") % {"t": akhir}),
                Kepala(_("Realisasi Kinerja Tahun %(t)s") % {"t": tahun}),
                Kepala(_("Tingkat Kemajuan")),
            ]
        ],
        widths=["5%", "30%", "29%", "12%", "12%", "12%"],
    )
    baris_sasaran(
        t32,
        numbered,
        lambda node, r, first: (
            [
                with_unit(r.indikator.kondisi_akhir, r.indikator.satuan),
                with_unit(r.tahunan_shown, r.indikator.satuan),
                hasil(r.kemajuan),
            ]
            if r
            else ["", "", ""]
        ),
    )
    return t32


def analisis_penyebab(isi: Isi, texts, sheet, numbered) -> None:
    """A.4: causes and solutions, per sasaran: the narrative and the quarterly notes."""
    isi.teks(
        "<h4>"
        + _("4. Analisis penyebab keberhasilan/kegagalan atau peningkatan/penurunan kinerja serta alternatif solusi")
        + "</h4>"
    )
    notes = defaultdict(list)
    for ind_id, q, kendala, solusi in (
        Realisasi.objects.filter(indikator_id__in=[r.indikator.pk for r in sheet.rows], tahun=sheet.tahun)
        .exclude(kendala="", solusi="")
        .order_by("triwulan")
        .values_list("indikator_id", "triwulan", "kendala", "solusi")
    ):
        notes[ind_id].append((q, kendala, solusi))
    node_of = {r.indikator.pk: r.node for r in sheet.rows}
    under: dict[int, list] = defaultdict(list)
    for ind_id, items in notes.items():
        node = node_of[ind_id]
        sasaran = _sasaran_of(node, sheet.plan)
        if sasaran is not None:
            under[sasaran.elemen.pk].extend(items)
    for i, node, _rows in numbered:
        isi.teks(f"<h5>{_('Sasaran')} {i}: {esc(node.elemen.nama)}</h5>")
        isi.narasi(narasi.kunci_sasaran(node.elemen.pk), texts)
        kendala = [f"TW {roman(q)}: {k}" for q, k, _s in under[node.elemen.pk] if k.strip()]
        solusi = [f"TW {roman(q)}: {s}" for q, _k, s in under[node.elemen.pk] if s.strip()]
        isi.daftar(_("Kendala yang dicatat pada realisasi triwulan"), kendala)
        isi.daftar(_("Solusi yang telah dilakukan"), solusi)


def _sasaran_of(node, plan):
    current = node
    while current is not None:
        if current.elemen.level == Level.SASARAN:
            return current
        current = plan.nodes.get(current.elemen.parent_id)
    return None


def efisiensi(isi: Isi, texts, d: DasborOPD, numbered) -> None:
    """A.5: the efficiency of the resources used (Tabel 3.3–3.5)."""
    isi.teks("<h4>" + _("5. Analisis atas efisiensi penggunaan sumber daya") + "</h4>")
    money = {s.node.elemen.pk: s for s in d.sasaran}
    isi.tabel(tabel_3_3(d, money, numbered))
    isi.tabel(tabel_3_4(d.sheet.tahun, money, numbered))
    isi.teks(
        _(
            "<p>Efisiensi dihitung dengan rumus E = Σ((PAK × CK) − RAK) / Σ(PAK × CK) × 100 %, dengan PAK pagu "
            "anggaran, RAK realisasi anggaran dan CK capaian kinerja sasaran.</p>"
        )
    )
    isi.tabel(tabel_3_5(money, numbered))
    isi.narasi("efisiensi", texts)


def tabel_3_3(d: DasborOPD, money, numbered) -> Tabel:
    """The budget of each sasaran and its share."""
    total = sum((s.anggaran.anggaran for s in d.sasaran), ZERO)
    t33 = Tabel(
        "alokasi",
        "3.3",
        _("Alokasi Anggaran per Sasaran Tahun %(t)s") % {"t": d.sheet.tahun},
        [
            [
                Kepala(_("No.")),
                Kepala(_("Sasaran Strategis")),
                Kepala(_("Indikator Kinerja")),
                Kepala(_("Anggaran (Rp)")),
                Kepala(_("% Anggaran")),
            ]
        ],
        widths=["5%", "34%", "29%", "18%", "14%"],
    )
    baris_sasaran(
        t33,
        numbered,
        lambda node, r, first: (
            [
                rupiah(money[node.elemen.pk].anggaran.anggaran),
                persen(money[node.elemen.pk].anggaran.anggaran / total * 100) if total else Sel("–"),
            ]
            if first
            else ["", ""]
        ),
    )
    t33.add_row(Sel(_("Jumlah"), span=3), rupiah(total), persen(Decimal(100)) if total else Sel(""), style="jumlah")
    return t33


def tabel_3_4(tahun: int, money, numbered) -> Tabel:
    """Performance beside the budget spent, per sasaran."""
    t34 = Tabel(
        "kinerja-anggaran",
        "3.4",
        _("Pencapaian Kinerja dan Anggaran Tahun %(t)s") % {"t": tahun},
        [
            [
                Kepala(_("No."), rowspan=2),
                Kepala(_("Sasaran Strategis"), rowspan=2),
                Kepala(_("Indikator Kinerja"), rowspan=2),
                Kepala(_("Kinerja"), colspan=3),
                Kepala(_("Anggaran"), colspan=3),
            ],
            [
                Kepala(x)
                for x in (_("Target"), _("Realisasi"), _("Capaian"), _("Anggaran"), _("Realisasi"), _("Capaian"))
            ],
        ],
        widths=["4%", "19%", "19%", "8%", "8%", "8%", "13%", "13%", "8%"],
    )
    baris_sasaran(
        t34,
        numbered,
        lambda node, r, first: [
            with_unit(r.target_shown, r.indikator.satuan) if r else "",
            with_unit(r.tahunan_shown, r.indikator.satuan) if r else "",
            hasil(r.capaian) if r else "",
            rupiah(money[node.elemen.pk].anggaran.anggaran) if first else "",
            rupiah(money[node.elemen.pk].anggaran.realisasi) if first else "",
            hasil(money[node.elemen.pk].anggaran.penyerapan) if first else "",
        ],
    )
    return t34


def tabel_3_5(money, numbered) -> Tabel:
    """The efficiency of each sasaran."""
    t35 = Tabel(
        "efisiensi",
        "3.5",
        _("Efisiensi Penggunaan Sumber Daya"),
        [
            [
                Kepala(_("No.")),
                Kepala(_("Sasaran Strategis")),
                Kepala(_("Indikator Kinerja")),
                Kepala(_("Capaian Kinerja")),
                Kepala(_("Penyerapan Anggaran")),
                Kepala(_("Tingkat Efisiensi")),
            ]
        ],
        widths=["5%", "32%", "27%", "12%", "12%", "12%"],
    )
    baris_sasaran(
        t35,
        numbered,
        lambda node, r, first: (
            [
                hasil(money[node.elemen.pk].capaian),
                hasil(money[node.elemen.pk].anggaran.penyerapan),
                hasil(money[node.elemen.pk].efisiensi),
            ]
            if first
            else ["", "", ""]
        ),
    )
    return t35


# --- B. Realisasi anggaran ------------------------------------------------------------------------


def realisasi_anggaran(isi: Isi, texts, d: DasborOPD, numbered) -> None:
    """B: spending by kind (Tabel 3.6), the quarterly chart, the plan's budget (3.7), one table per sasaran."""
    sheet, tahun = d.sheet, d.sheet.tahun
    isi.sub(_("Realisasi Anggaran"), "B.")
    isi.narasi("realisasi_anggaran", texts)
    isi.tabel(tabel_3_6(isi.opd, tahun))
    if d.total:
        isi.grafik(
            _("Serapan anggaran kumulatif per triwulan tahun %(t)s") % {"t": tahun},
            charts.serapan(
                d.total.triwulan, d.total.anggaran, judul=_("Serapan anggaran kumulatif %(t)s") % {"t": tahun}
            ),
        )
    budget = d.anggaran
    isi.tabel(tabel_3_7(sheet.plan, budget, tahun, isi.opd))
    rows_by_ind = {r.indikator.pk: r for r in sheet.rows}
    for i, node, _rows in numbered:
        t = tabel_sasaran(node, budget, rows_by_ind, f"3.{7 + i}", i)
        if t.rows:
            isi.tabel(t)


def tabel_3_6(opd, tahun: int) -> Tabel:
    """Budget and spending by kind of expenditure, this year and the last."""
    rows = {(b.tahun, b.jenis): b for b in BelanjaOPD.objects.filter(opd=opd, tahun__in=[tahun - 1, tahun])}
    kinds = sort_belanja({b.jenis: b for b in rows.values()}.values())
    t = Tabel(
        "belanja",
        "3.6",
        _("Anggaran dan Realisasi Belanja %(opd)s Tahun %(t)s") % {"opd": opd.nama, "t": tahun},
        [
            [
                Kepala(_("Uraian"), rowspan=2),
                Kepala(_("Tahun %(t)s") % {"t": tahun - 1}, colspan=3),
                Kepala(_("Tahun %(t)s") % {"t": tahun}, colspan=3),
            ],
            [Kepala(x) for x in (_("Anggaran"), _("Realisasi"), "%") * 2],
        ],
        widths=["25%", "14%", "14%", "8%", "15%", "15%", "9%"],
    )
    sums = {y: [ZERO, ZERO] for y in (tahun - 1, tahun)}
    for kind in kinds:
        cells: list = [kind.get_jenis_display()]
        for y in (tahun - 1, tahun):
            b = rows.get((y, kind.jenis))
            a, r = (b.anggaran, b.realisasi) if b else (ZERO, ZERO)
            sums[y][0] += a
            sums[y][1] += r
            cells += [rupiah(a), rupiah(r), persen(engine.penyerapan(r, a).nilai)]
        t.add_row(*cells)
    cells = [_("Jumlah")]
    for y in (tahun - 1, tahun):
        a, r = sums[y]
        cells += [rupiah(a), rupiah(r), persen(engine.penyerapan(r, a).nilai)]
    t.add_row(*cells, style="jumlah")
    if not kinds:
        t.note = _("Belanja per jenis belum diisi (menu Realisasi › Belanja).")
    return t


def tabel_3_7(plan, budget, tahun: int, opd) -> Tabel:
    """The budget and spending of every program, kegiatan and sub kegiatan."""
    t = Tabel(
        "pagu-realisasi",
        "3.7",
        _("Pagu Anggaran dan Realisasi Kegiatan %(opd)s Tahun %(t)s") % {"opd": opd.nama, "t": tahun},
        [
            [
                Kepala(_("No.")),
                Kepala(_("Program/Kegiatan/Sub Kegiatan")),
                Kepala(_("Anggaran (Rp)")),
                Kepala(_("Realisasi (Rp)")),
                Kepala("%"),
            ]
        ],
        widths=["7%", "53%", "16%", "16%", "8%"],
    )
    programs = plan.of_level(Level.PROGRAM)
    for p_i, program in enumerate(programs):
        _budget_row(t, nomor_program(p_i), program, budget, "grup", upper=True)
        kegiatan = [c for c in program.children if c.elemen.level == Level.KEGIATAN]
        for k_i, keg in enumerate(kegiatan, start=1):
            _budget_row(t, str(k_i), keg, budget, "tebal")
            subs = [c for c in keg.children if c.elemen.level == Level.SUB_KEGIATAN]
            for s_i, sub in enumerate(subs, start=1):
                _budget_row(t, f"{k_i}.{s_i}", sub, budget, "", kode=True)
    sum_a = sum((budget[p.elemen.pk].anggaran for p in programs), ZERO)
    sum_r = sum((budget[p.elemen.pk].realisasi for p in programs), ZERO)
    t.add_row(
        Sel(_("Total"), span=2),
        rupiah(sum_a),
        rupiah(sum_r),
        persen(engine.penyerapan(sum_r, sum_a).nilai),
        style="jumlah",
    )
    return t


def _budget_row(t: Tabel, nomor: str, node, budget, style: str, *, upper: bool = False, kode: bool = False) -> None:
    row = budget[node.elemen.pk]
    name = node.elemen.nama.upper() if upper else node.elemen.nama
    if kode and node.elemen.kode:
        name = f"{node.elemen.kode} {name}"
    t.add_row(nomor, name, rupiah(row.anggaran), rupiah(row.realisasi), persen(row.penyerapan.nilai), style=style)


def tabel_sasaran(node, budget, rows_by_ind, nomor: str, index: int) -> Tabel:
    """Tabel 3.8, 3.9, …: the programs, kegiatan and sub kegiatan of one sasaran, budget and output."""
    t = Tabel(
        f"sasaran-{index}",
        nomor,
        _("Realisasi Program, Kegiatan dan Sub Kegiatan Sasaran %(i)s: %(s)s") % {"i": index, "s": node.elemen.nama},
        [
            [
                Kepala(_("No."), rowspan=2),
                Kepala(_("Program/Kegiatan/Sub Kegiatan"), rowspan=2),
                Kepala(_("Alokasi Biaya"), colspan=3),
                Kepala(_("Keluaran (Output)"), colspan=4),
            ],
            [
                Kepala(x)
                for x in (_("Anggaran"), _("Realisasi"), "%", _("Indikator"), _("Target"), _("Realisasi"), _("Capaian"))
            ],
        ],
        wide=True,
        widths=["5%", "22%", "11%", "11%", "6%", "21%", "8%", "8%", "8%"],
    )

    def add(nomor: str, child, style: str) -> None:
        row = budget[child.elemen.pk]
        name = child.elemen.nama
        if child.elemen.level == Level.SUB_KEGIATAN and child.elemen.kode:
            name = f"{child.elemen.kode} {name}"
        indicators = child.indikator or [None]
        for j, ind in enumerate(indicators):
            r = rows_by_ind.get(ind.pk) if ind else None
            money = (
                [rupiah(row.anggaran), rupiah(row.realisasi), persen(row.penyerapan.nilai)] if j == 0 else ["", "", ""]
            )
            t.add_row(
                nomor if j == 0 else "",
                name if j == 0 else "",
                *money,
                ind.uraian if ind else "",
                with_unit(r.target_shown, ind.satuan, other_units=True) if r else "",
                with_unit(r.tahunan_shown, ind.satuan, other_units=True) if r else "",
                hasil(r.capaian) if r else "",
                style=style if j == 0 else "",
            )

    programs = [c for c in node.children if c.elemen.level == Level.PROGRAM]
    for p_i, program in enumerate(programs):
        add(nomor_program(p_i), program, "grup")
        for k_i, keg in enumerate([c for c in program.children if c.elemen.level == Level.KEGIATAN], start=1):
            add(str(k_i), keg, "tebal")
            for s_i, sub in enumerate([c for c in keg.children if c.elemen.level == Level.SUB_KEGIATAN], start=1):
                add(f"{k_i}.{s_i}", sub, "")
    return t
