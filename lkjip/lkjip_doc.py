"""The LKjIP of an OPD for a year (PermenPAN-RB 53/2014, laid out as seed 001 does).

Every figure comes from the realisasi module's computations (:func:`kinerja.realisasi.dasbor_opd`), so
the document, the dashboard and their Excel files agree to the last digit.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import BelanjaOPD, PerjanjianKinerja, Realisasi
from kinerja.realisasi import DasborOPD, dasbor_opd, nilai_tahunan, urut_belanja
from lkjip import narasi
from lkjip.isi import Isi, penandatangan, tanggal_dokumen
from lkjip.models import Pembanding
from renstra.models import Level
from sakip.lib import charts
from sakip.lib.periode import angka_romawi, romawi
from sakip.lib.tabel import Kepala, Sel, Tabel, dengan_satuan, persen, rupiah
from sakip.lib.values import format_value

ZERO = Decimal(0)


def _nomor_program(i: int) -> str:
    """Programs are numbered I…XV, then 16, 17, …"""
    return angka_romawi(i + 1) if i < 15 else str(i + 1)


def _hasil(h: engine.Hasil) -> Sel:
    return persen(h.nilai) if h.nilai is not None else Sel("–")


def _nilai(nilai: engine.Nilai) -> str:
    return format_value(nilai.nilai, nilai.teks if nilai.predikat or nilai.nilai is None else "")


def bangun(dokumen) -> Isi:
    opd, tahun = dokumen.opd, dokumen.tahun
    tanggal = tanggal_dokumen(dokumen)
    d = dasbor_opd(opd, tahun)
    plan = d.sheet.plan
    sasaran_nodes = plan.of_level(Level.SASARAN) if plan else []
    texts = narasi.isi(dokumen)
    isi = Isi(
        jenis="lkjip",
        judul=_("LAPORAN KINERJA INSTANSI PEMERINTAH"),
        subjudul=_("TAHUN %(t)s") % {"t": tahun},
        opd=opd,
        pemda=opd.pemda,
        tahun_dokumen=tahun,
        tanggal=tanggal,
        penandatangan=penandatangan(opd, tanggal),
        nama_file=f"LKjIP-{tahun}-{opd.singkatan or opd.kode}",
        sasaran=sasaran_nodes,
    )
    isi.bab("", _("KATA PENGANTAR"))
    isi.narasi("kata_pengantar", texts)
    isi.ttd()
    if not narasi.kosong(texts.get("ikhtisar", "")):
        isi.bab("", _("IKHTISAR EKSEKUTIF"))
        isi.narasi("ikhtisar", texts)
    _bab1(isi, texts, opd)
    _bab2(isi, texts, d, tahun)
    _bab3(isi, texts, d, sasaran_nodes, dokumen)
    isi.bab("BAB IV", _("PENUTUP"))
    isi.sub(_("Kesimpulan"), "A.")
    isi.narasi("kesimpulan", texts)
    isi.sub(_("Saran"), "B.")
    isi.narasi("saran", texts)
    isi.ttd()
    _lampiran(isi, opd, tahun)
    return isi


def _bab1(isi: Isi, texts, opd) -> None:
    isi.bab("BAB I", _("PENDAHULUAN"))
    isi.sub(_("Latar Belakang"), "A.")
    isi.narasi("latar_belakang", texts)
    isi.sub(_("Gambaran Umum Organisasi"), "B.")
    isi.narasi("gambaran_umum", texts)
    isi.tabel(_pejabat(opd, isi.tanggal))
    isi.sub(_("Isu Strategis"), "C.")
    isi.narasi("isu_strategis", texts)
    letter = iter("DEFGH")
    if not narasi.kosong(texts.get("landasan_hukum", "")):
        isi.sub(_("Landasan Hukum"), f"{next(letter)}.")
        isi.narasi("landasan_hukum", texts)
    isi.sub(_("Sistematika Penyajian"), f"{next(letter)}.")
    isi.narasi(
        "sistematika",
        texts,
        fallback=_(
            "<p>Laporan ini disusun sebagai berikut. <b>Bab I Pendahuluan</b> menjelaskan latar belakang, gambaran "
            "umum organisasi dan isu strategis. <b>Bab II Perencanaan Kinerja</b> menyajikan ringkasan Rencana "
            "Strategis, Perjanjian Kinerja serta program dan kegiatan tahun berjalan. <b>Bab III Akuntabilitas "
            "Kinerja</b> menyajikan capaian kinerja organisasi beserta analisisnya dan realisasi anggaran. "
            "<b>Bab IV Penutup</b> memuat kesimpulan dan saran. Perjanjian Kinerja dilampirkan.</p>"
        ),
    )


def _pejabat(opd, tanggal) -> Tabel:
    """The structural positions and who holds them on the document's date (two queries)."""
    from sakip.models import Jabatan, Penugasan

    t = Tabel(
        "pejabat",
        "1.1",
        _("Susunan Pejabat %(opd)s") % {"opd": opd.nama},
        [[Kepala(_("No.")), Kepala(_("Jabatan")), Kepala(_("Nama")), Kepala(_("Pangkat/Golongan"))]],
        kolom=["6%", "44%", "28%", "22%"],
    )
    holders: dict[int, Penugasan] = {}
    for p in Penugasan.objects.aktif_pada(tanggal).filter(jabatan__opd=opd).pemangku_dulu().select_related("pegawai"):
        holders.setdefault(p.jabatan_id, p)
    positions = Jabatan.objects.filter(opd=opd).exclude(jenjang="pelaksana").order_by("urutan", "pk")
    for i, jabatan in enumerate(positions, start=1):
        holder = holders.get(jabatan.pk)
        if holder is None:
            t.tambah(str(i), jabatan.nama, _("(lowong)"), "")
            continue
        prefix = {Penugasan.Jenis.PLT: "Plt. ", Penugasan.Jenis.PLH: "Plh. "}.get(holder.jenis, "")
        t.tambah(str(i), prefix + jabatan.nama, holder.pegawai.nama, holder.pegawai.pangkat_golongan)
    return t


def _bab2(isi: Isi, texts, d: DasborOPD, tahun: int) -> None:
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
    rows_by_ind = {r.indikator.pk: r for r in sheet.rows}
    # Tabel 2.1: the tujuan indicators, target and realisasi over the years so far.
    years = [y for y in plan.years if y <= tahun][-4:]
    realised = _realisasi_tahun([ind.pk for n in plan.of_level(Level.TUJUAN) for ind in n.indikator], years, sheet)
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
    t21.kepala[1] = [Kepala(x) for y in years for x in (_("Target"), _("Realisasi"))]
    n = 0
    for node in plan.of_level(Level.TUJUAN):
        for ind in node.indikator:
            n += 1
            cells = [str(n), ind.uraian, ind.satuan]
            for y in years:
                target = ind.targets.get(y)
                cells.append(dengan_satuan(target.tampil if target else "", ind.satuan))
                cells.append(dengan_satuan(_nilai(realised.get((ind.pk, y), engine.Nilai())), ind.satuan))
            t21.tambah(*cells)
    isi.tabel(t21)
    # Tabel 2.2 tujuan and its indicators; 2.3 sasaran and IKU.
    t22 = Tabel(
        "tujuan",
        "2.2",
        _("Tujuan dan Indikator Tujuan"),
        [[Kepala(_("No.")), Kepala(_("Tujuan Renstra OPD")), Kepala(_("Uraian Indikator"))]],
        kolom=["6%", "47%", "47%"],
    )
    for i, node in enumerate(plan.of_level(Level.TUJUAN), start=1):
        for j, ind in enumerate(node.indikator or [None]):
            t22.tambah(str(i) if j == 0 else "", node.elemen.nama if j == 0 else "", ind.uraian if ind else "")
    isi.tabel(t22)
    t23 = Tabel(
        "iku",
        "2.3",
        _("Indikator Kinerja Utama (IKU)"),
        [[Kepala(_("No.")), Kepala(_("Sasaran Renstra OPD")), Kepala(_("Uraian Indikator"))]],
        kolom=["6%", "47%", "47%"],
    )
    iku = list(sheet.iku)
    by_sasaran = defaultdict(list)
    for r in iku:
        by_sasaran[r.node.elemen.pk].append(r)
    for i, node in enumerate(plan.of_level(Level.SASARAN), start=1):
        for j, r in enumerate(by_sasaran[node.elemen.pk] or [None]):
            t23.tambah(str(i) if j == 0 else "", node.elemen.nama if j == 0 else "", r.indikator.uraian if r else "")
    isi.tabel(t23)
    # B. Perjanjian Kinerja: the head's latest signed PK (else the latest draft, said so).
    isi.sub(_("Perjanjian Kinerja Tahun %(t)s") % {"t": tahun}, "B.")
    isi.narasi("perjanjian_kinerja", texts)
    pk = _pk_kepala(isi.opd, tahun)
    label = _("Perjanjian Kinerja")
    if pk and pk.jenis == PerjanjianKinerja.Jenis.PERUBAHAN:
        label = _("Perjanjian Kinerja Perubahan")
    t24 = Tabel(
        "pk",
        "2.4",
        _("%(label)s %(opd)s Tahun %(t)s") % {"label": label, "opd": isi.opd.nama, "t": tahun},
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
        kolom=["5%", "27%", "29%", "13%", "13%", "13%"],
    )
    previous = _realisasi_tahun([r.indikator.pk for r in iku], [tahun - 1], sheet)
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
            t24.tambah(
                str(n) if first else "",
                line.sasaran if first else "",
                line.uraian,
                dengan_satuan(
                    renstra.tampil if renstra else format_value(line.renstra_nilai, line.renstra_teks), line.satuan
                ),
                dengan_satuan(_nilai(previous.get((src.pk, tahun - 1), engine.Nilai())) if src else "", line.satuan),
                dengan_satuan(format_value(line.target_nilai, line.target_teks), line.satuan),
            )
        t24.catatan = _("Sumber: %(pk)s, ditandatangani %(tgl)s.") % {
            "pk": str(pk),
            "tgl": pk.tanggal.strftime("%d-%m-%Y") if pk.tanggal else "-",
        }
    else:
        t24.catatan = _("Perjanjian Kinerja kepala perangkat daerah tahun ini belum ditandatangani.")
    isi.tabel(t24)
    # C. Program dan kegiatan: each IKU with the programs under its sasaran and their budget.
    isi.sub(_("Program dan Kegiatan"), "C.")
    money = d.anggaran
    t25 = Tabel(
        "program",
        "2.5",
        _("Program %(opd)s Tahun %(t)s") % {"opd": isi.opd.nama, "t": tahun},
        [
            [
                Kepala(_("No.")),
                Kepala(_("IKU")),
                Kepala(_("Program")),
                Kepala(_("Target Tahun %(t)s") % {"t": tahun}),
                Kepala(_("Anggaran Tahun %(t)s (Rp)") % {"t": tahun}),
            ]
        ],
        kolom=["5%", "25%", "35%", "13%", "22%"],
    )
    total = ZERO
    for i, node in enumerate(plan.of_level(Level.SASARAN), start=1):
        indicators = " ".join(r.indikator.uraian for r in by_sasaran[node.elemen.pk])
        programs = [c for c in node.children if c.elemen.level == Level.PROGRAM]
        for j, program in enumerate(programs or [None]):
            if program is None:
                t25.tambah(str(i), indicators, "", "", "")
                continue
            ind = program.indikator[0] if program.indikator else None
            target = ind.targets.get(tahun) if ind else None
            value = money[program.elemen.pk].anggaran
            total += value
            t25.tambah(
                str(i) if j == 0 else "",
                indicators if j == 0 else "",
                program.elemen.nama,
                dengan_satuan(target.tampil if target else "", ind.satuan if ind else ""),
                rupiah(value),
            )
    t25.tambah(Sel(_("Jumlah"), span=4), rupiah(total), gaya="jumlah")
    isi.tabel(t25)


def _pk_kepala(opd, tahun):
    return (
        PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun, jabatan__atasan__isnull=True)
        .select_related("opd__pemda")
        .latest_signed()
    )


def _realisasi_tahun(ids: list[int], years: list[int], sheet) -> dict[tuple[int, int], engine.Nilai]:
    """The yearly realisasi of some indicators over some years (one query)."""
    agregasi = {r.indikator.pk: r.indikator.agregasi for r in sheet.rows}
    quarters: dict[tuple[int, int], list] = defaultdict(lambda: [None] * 4)
    for ind_id, y, q, nilai, teks in Realisasi.objects.filter(indikator_id__in=ids, tahun__in=years).values_list(
        "indikator_id", "tahun", "triwulan", "nilai", "teks"
    ):
        quarters[(ind_id, y)][q - 1] = engine.Nilai(nilai, teks)
    return {key: nilai_tahunan(values, agregasi.get(key[0], "")) for key, values in quarters.items()}


def _bab3(isi: Isi, texts, d: DasborOPD, sasaran_nodes, dokumen) -> None:
    sheet, tahun = d.sheet, d.sheet.tahun
    isi.bab("BAB III", _("AKUNTABILITAS KINERJA"))
    isi.sub(_("Capaian Kinerja Organisasi"), "A.")
    if sheet.plan is None:
        isi.teks(_("<p><i>Belum ada Renstra yang berlaku; capaian tidak dapat diukur.</i></p>"))
        return
    iku = sheet.iku
    by_sasaran = defaultdict(list)
    for r in iku:
        by_sasaran[r.node.elemen.pk].append(r)
    numbered = [(i, node, by_sasaran[node.elemen.pk]) for i, node in enumerate(sasaran_nodes, start=1)]

    def sasaran_rows(t: Tabel, cells_for) -> None:
        for i, node, rows in numbered:
            for j, r in enumerate(rows or [None]):
                first = j == 0
                t.tambah(
                    str(i) if first else "",
                    node.elemen.nama if first else "",
                    r.indikator.uraian if r else _("(belum ada IKU)"),
                    *cells_for(node, r, first),
                )

    # 1. Target vs realisasi.
    isi.teks("<h4>" + _("1. Perbandingan antara target dan realisasi kinerja tahun %(t)s") % {"t": tahun} + "</h4>")
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
        kolom=["5%", "27%", "26%", "10%", "10%", "11%", "11%"],
    )
    sasaran_rows(
        t31,
        lambda node, r, first: (
            [
                dengan_satuan(r.target_tampil, r.indikator.satuan),
                dengan_satuan(r.tahunan_tampil, r.indikator.satuan),
                _hasil(r.capaian),
                r.kategori,
            ]
            if r
            else ["", "", "", ""]
        ),
    )
    versi = sheet.versi
    t31.catatan = _("Sumber: Renstra %(v)s %(opd)s %(a)s–%(b)s dan realisasi triwulan yang diverifikasi.") % {
        "v": versi.get_jenis_display(),
        "opd": isi.opd.nama,
        "a": versi.renstra.periode.tahun_awal,
        "b": versi.renstra.periode.tahun_akhir,
    }
    isi.tabel(t31)
    isi.narasi("capaian_target", texts)

    # 2. This year against the previous years, with charts; benchmarks.
    isi.teks(
        "<h4>" + _("2. Perbandingan realisasi dan capaian kinerja tahun ini dengan tahun-tahun sebelumnya") + "</h4>"
    )
    years = d.tahun_riwayat
    past = _realisasi_tahun([r.indikator.pk for r in iku], years, sheet)
    head = [Kepala(_("No."), rowspan=2), Kepala(_("Indikator"), rowspan=2), Kepala(_("Satuan"), rowspan=2)]
    head += [Kepala(str(y), colspan=3) for y in years]
    t_tren = Tabel(
        "tren",
        "3.1a",
        _("Realisasi dan Capaian Indikator Kinerja Utama Tahun %(a)s s.d. %(b)s") % {"a": years[0], "b": years[-1]}
        if years
        else _("Realisasi dan Capaian Indikator Kinerja Utama"),
        [head, [Kepala(x) for _y in years for x in (_("Target"), _("Realisasi"), _("Capaian"))]],
        lebar=len(years) > 3,
    )
    for n, r in enumerate(iku, start=1):
        ind = r.indikator
        cells: list = [str(n), ind.uraian, ind.satuan]
        hasil = dict(r.riwayat)
        targets_chart, real_chart = [], []
        for y in years:
            target = ind.targets.get(y)
            value = past.get((ind.pk, y), engine.Nilai())
            cells += [
                dengan_satuan(target.tampil if target else "", ind.satuan),
                dengan_satuan(_nilai(value), ind.satuan),
                _hasil(hasil.get(y, engine.Hasil(None))),
            ]
            targets_chart.append(target.nilai if target and target.nilai is not None else None)
            real_chart.append(value.nilai)
        t_tren.tambah(*cells)
        r.grafik = charts.target_realisasi(ind.uraian[:70], years, targets_chart, real_chart, ind.satuan)
    isi.tabel(t_tren)
    for r in iku:
        isi.grafik(_("Target dan realisasi %(i)s") % {"i": r.indikator.uraian}, r.grafik)
    isi.narasi("capaian_tahun_lalu", texts)
    benchmarks = list(
        Pembanding.objects.filter(dokumen_id=dokumen.pk, indikator_id__in=[r.indikator.pk for r in iku]).order_by(
            "indikator_id", "urutan", "pk"
        )
    )
    if benchmarks:
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
            kolom=["30%", "25%", "9%", "12%", "24%"],
        )
        per_ind = defaultdict(list)
        for b in benchmarks:
            per_ind[b.indikator_id].append(b)
        for r in iku:
            if not per_ind[r.indikator.pk]:
                continue
            t_nas.tambah(
                r.indikator.uraian, f"{isi.opd.nama} ({isi.pemda.nama})", str(tahun), r.tahunan_tampil, _("Sakip")
            )
            for b in per_ind[r.indikator.pk]:
                t_nas.tambah("", b.pembanding, str(b.tahun), b.nilai, b.sumber)
        isi.tabel(t_nas)
    isi.narasi("capaian_nasional", texts)

    # 3. Against the Renstra's end target.
    isi.teks(
        "<h4>"
        + _("3. Perbandingan realisasi kinerja tahun %(t)s dengan target jangka menengah Renstra") % {"t": tahun}
        + "</h4>"
    )
    akhir = versi.renstra.periode.tahun_akhir
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
        kolom=["5%", "30%", "29%", "12%", "12%", "12%"],
    )
    sasaran_rows(
        t32,
        lambda node, r, first: (
            [
                dengan_satuan(r.indikator.kondisi_akhir, r.indikator.satuan),
                dengan_satuan(r.tahunan_tampil, r.indikator.satuan),
                _hasil(r.kemajuan),
            ]
            if r
            else ["", "", ""]
        ),
    )
    isi.tabel(t32)
    isi.narasi("capaian_jangka_menengah", texts)

    # 4. Causes and solutions, per sasaran: the narrative and the quarterly notes.
    isi.teks(
        "<h4>"
        + _("4. Analisis penyebab keberhasilan/kegagalan atau peningkatan/penurunan kinerja serta alternatif solusi")
        + "</h4>"
    )
    notes = defaultdict(list)
    for ind_id, q, kendala, solusi in (
        Realisasi.objects.filter(indikator_id__in=[r.indikator.pk for r in sheet.rows], tahun=tahun)
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
        isi.teks(f"<h5>{_('Sasaran')} {i}: {_esc(node.elemen.nama)}</h5>")
        isi.narasi(narasi.kunci_sasaran(node.elemen.pk), texts)
        kendala = [f"TW {romawi(q)}: {k}" for q, k, _s in under[node.elemen.pk] if k.strip()]
        solusi = [f"TW {romawi(q)}: {s}" for q, _k, s in under[node.elemen.pk] if s.strip()]
        isi.daftar(_("Kendala yang dicatat pada realisasi triwulan"), kendala)
        isi.daftar(_("Solusi yang telah dilakukan"), solusi)

    # 5. Efficiency: Tabel 3.3–3.5.
    isi.teks("<h4>" + _("5. Analisis atas efisiensi penggunaan sumber daya") + "</h4>")
    money = {s.node.elemen.pk: s for s in d.sasaran}
    total = sum((s.anggaran.anggaran for s in d.sasaran), ZERO)
    t33 = Tabel(
        "alokasi",
        "3.3",
        _("Alokasi Anggaran per Sasaran Tahun %(t)s") % {"t": tahun},
        [
            [
                Kepala(_("No.")),
                Kepala(_("Sasaran Strategis")),
                Kepala(_("Indikator Kinerja")),
                Kepala(_("Anggaran (Rp)")),
                Kepala(_("% Anggaran")),
            ]
        ],
        kolom=["5%", "34%", "29%", "18%", "14%"],
    )
    sasaran_rows(
        t33,
        lambda node, r, first: (
            [
                rupiah(money[node.elemen.pk].anggaran.anggaran),
                persen(money[node.elemen.pk].anggaran.anggaran / total * 100) if total else Sel("–"),
            ]
            if first
            else ["", ""]
        ),
    )
    t33.tambah(Sel(_("Jumlah"), span=3), rupiah(total), persen(Decimal(100)) if total else Sel(""), gaya="jumlah")
    isi.tabel(t33)
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
        kolom=["4%", "19%", "19%", "8%", "8%", "8%", "13%", "13%", "8%"],
    )
    sasaran_rows(
        t34,
        lambda node, r, first: [
            dengan_satuan(r.target_tampil, r.indikator.satuan) if r else "",
            dengan_satuan(r.tahunan_tampil, r.indikator.satuan) if r else "",
            _hasil(r.capaian) if r else "",
            rupiah(money[node.elemen.pk].anggaran.anggaran) if first else "",
            rupiah(money[node.elemen.pk].anggaran.realisasi) if first else "",
            _hasil(money[node.elemen.pk].anggaran.penyerapan) if first else "",
        ],
    )
    isi.tabel(t34)
    isi.teks(
        _(
            "<p>Efisiensi dihitung dengan rumus E = Σ((PAK × CK) − RAK) / Σ(PAK × CK) × 100 %, dengan PAK pagu "
            "anggaran, RAK realisasi anggaran dan CK capaian kinerja sasaran.</p>"
        )
    )
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
        kolom=["5%", "32%", "27%", "12%", "12%", "12%"],
    )
    sasaran_rows(
        t35,
        lambda node, r, first: (
            [
                _hasil(money[node.elemen.pk].capaian),
                _hasil(money[node.elemen.pk].anggaran.penyerapan),
                _hasil(money[node.elemen.pk].efisiensi),
            ]
            if first
            else ["", "", ""]
        ),
    )
    isi.tabel(t35)
    isi.narasi("efisiensi", texts)
    isi.teks(
        "<h4>"
        + _("6. Analisis program/kegiatan yang menunjang keberhasilan ataupun kegagalan pencapaian kinerja")
        + "</h4>"
    )
    isi.narasi("program_penunjang", texts)

    # B. Budget.
    isi.sub(_("Realisasi Anggaran"), "B.")
    isi.narasi("realisasi_anggaran", texts)
    isi.tabel(_belanja(isi.opd, tahun))
    if d.total:
        isi.grafik(
            _("Serapan anggaran kumulatif per triwulan tahun %(t)s") % {"t": tahun},
            charts.serapan(
                d.total.triwulan, d.total.anggaran, judul=_("Serapan anggaran kumulatif %(t)s") % {"t": tahun}
            ),
        )
    budget = d.anggaran
    isi.tabel(_pagu_realisasi(sheet.plan, budget, tahun, isi.opd))
    rows_by_ind = {r.indikator.pk: r for r in sheet.rows}
    for i, node, _rows in numbered:
        t = _per_sasaran(node, budget, rows_by_ind, f"3.{7 + i}", i)
        if t.baris:
            isi.tabel(t)


def _esc(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


def _sasaran_of(node, plan):
    current = node
    while current is not None:
        if current.elemen.level == Level.SASARAN:
            return current
        current = plan.nodes.get(current.elemen.parent_id)
    return None


def _belanja(opd, tahun: int) -> Tabel:
    rows = {(b.tahun, b.jenis): b for b in BelanjaOPD.objects.filter(opd=opd, tahun__in=[tahun - 1, tahun])}
    kinds = urut_belanja({b.jenis: b for b in rows.values()}.values())
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
        kolom=["25%", "14%", "14%", "8%", "15%", "15%", "9%"],
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
        t.tambah(*cells)
    cells = [_("Jumlah")]
    for y in (tahun - 1, tahun):
        a, r = sums[y]
        cells += [rupiah(a), rupiah(r), persen(engine.penyerapan(r, a).nilai)]
    t.tambah(*cells, gaya="jumlah")
    if not kinds:
        t.catatan = _("Belanja per jenis belum diisi (menu Realisasi › Belanja).")
    return t


def _pagu_realisasi(plan, budget, tahun: int, opd) -> Tabel:
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
        kolom=["7%", "53%", "16%", "16%", "8%"],
    )
    programs = plan.of_level(Level.PROGRAM)
    for p_i, program in enumerate(programs):
        _budget_row(t, _nomor_program(p_i), program, budget, "grup", upper=True)
        kegiatan = [c for c in program.children if c.elemen.level == Level.KEGIATAN]
        for k_i, keg in enumerate(kegiatan, start=1):
            _budget_row(t, str(k_i), keg, budget, "tebal")
            subs = [c for c in keg.children if c.elemen.level == Level.SUB_KEGIATAN]
            for s_i, sub in enumerate(subs, start=1):
                _budget_row(t, f"{k_i}.{s_i}", sub, budget, "", kode=True)
    sum_a = sum((budget[p.elemen.pk].anggaran for p in programs), ZERO)
    sum_r = sum((budget[p.elemen.pk].realisasi for p in programs), ZERO)
    t.tambah(
        Sel(_("Total"), span=2),
        rupiah(sum_a),
        rupiah(sum_r),
        persen(engine.penyerapan(sum_r, sum_a).nilai),
        gaya="jumlah",
    )
    return t


def _budget_row(t: Tabel, nomor: str, node, budget, gaya: str, *, upper: bool = False, kode: bool = False) -> None:
    row = budget[node.elemen.pk]
    name = node.elemen.nama.upper() if upper else node.elemen.nama
    if kode and node.elemen.kode:
        name = f"{node.elemen.kode} {name}"
    t.tambah(nomor, name, rupiah(row.anggaran), rupiah(row.realisasi), persen(row.penyerapan.nilai), gaya=gaya)


def _per_sasaran(node, budget, rows_by_ind, nomor: str, index: int) -> Tabel:
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
        lebar=True,
        kolom=["5%", "22%", "11%", "11%", "6%", "21%", "8%", "8%", "8%"],
    )

    def add(nomor: str, child, gaya: str) -> None:
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
            t.tambah(
                nomor if j == 0 else "",
                name if j == 0 else "",
                *money,
                ind.uraian if ind else "",
                dengan_satuan(r.target_tampil, ind.satuan, unit=True) if r else "",
                dengan_satuan(r.tahunan_tampil, ind.satuan, unit=True) if r else "",
                _hasil(r.capaian) if r else "",
                gaya=gaya if j == 0 else "",
            )

    programs = [c for c in node.children if c.elemen.level == Level.PROGRAM]
    for p_i, program in enumerate(programs):
        add(_nomor_program(p_i), program, "grup")
        for k_i, keg in enumerate([c for c in program.children if c.elemen.level == Level.KEGIATAN], start=1):
            add(str(k_i), keg, "tebal")
            for s_i, sub in enumerate([c for c in keg.children if c.elemen.level == Level.SUB_KEGIATAN], start=1):
                add(f"{k_i}.{s_i}", sub, "")
    return t


def _lampiran(isi: Isi, opd, tahun: int) -> None:
    pk = _pk_kepala(opd, tahun)
    isi.bab(_("LAMPIRAN"), _("PERJANJIAN KINERJA TAHUN %(t)s") % {"t": tahun})
    if pk and pk.pdf:
        try:
            with pk.pdf.open("rb") as handle:
                content = handle.read()
        except OSError:
            content = b""
        if content:
            isi.teks(
                _("<p>Dilampirkan %(pk)s sebagaimana ditandatangani (SHA-256 %(sha)s).</p>")
                % {"pk": _esc(str(pk)), "sha": pk.pdf_sha256}
            )
            isi.lampiran_pdf.append(content)
            isi.lampiran_sidik.append(pk.pdf_sha256)
            return
    isi.teks(
        _("<p><i>Perjanjian Kinerja kepala perangkat daerah tahun %(t)s belum ditandatangani.</i></p>") % {"t": tahun}
    )
