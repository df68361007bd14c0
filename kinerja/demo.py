"""Demo for the PK and Rencana Aksi issue.

* Bakesbangpol Kabupaten Blitar: its Renstra 2021–2026 as far as the LKjIP 2024 (seed 001) tells it —
  the tujuan and its indicators (Tabel 2.2), the four sasaran with their IKU (Tabel 2.3), the 2024 targets
  (Tabel 2.4) and end-of-period targets (Tabel 3.2), the six programs with their kegiatan and sub kegiatan,
  indicators, 2024 targets and 2024 pagu (Tabel 2.5, 3.7, 3.8–3.10). The seed prints no codes for the
  program penunjang's sub kegiatan; they take the nomenclature's. Other years' targets are not in the
  seed and stay empty (the completeness panel says so).
* The PK 2024 of the head of Bakesbangpol Blitar, signed, and its PK Perubahan (after the DPPA), signed;
  a cascaded PK of the Kepala Bidang Politik Dalam Negeri as a draft (the seed names no holder).
* Realisasi of the four IKU 2022–2024 (Tabel 2.1, 3.1, sasaran tables), the 2024 DPA and realisasi per sub
  kegiatan (Tabel 3.7; the quarters are spread 15/25/25/35 %, the seed gives the year), the jenis belanja
  2023–2024 (Tabel 3.6), and the entry windows (past years closed, this year's current quarter open).
* Kota Metro (a third pemda) with its Kesbangpol and the Rencana Aksi 2021 of seed 003.

Signing dates are not in the seeds: 31 January and 1 October 2024 are used.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from kinerja import pihak, services
from kinerja.models import (
    Aksi,
    AnggaranSubKegiatan,
    BelanjaOPD,
    JendelaRealisasi,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    Realisasi,
    RealisasiAnggaran,
    RencanaAksi,
)
from renstra.models import Elemen, Indikator, Level, Misi, Pagu, Periode, Renstra, RenstraVersi, Target
from sakip.demo import give_logo
from sakip.lib.values import parse_money, parse_value
from sakip.models import Jabatan, Jenjang, Pegawai, Pemda, Penugasan, PerangkatDaerah, UnitKerja, User

BID_IDEOLOGI = "Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa"
BID_POLITIK = "Bidang Politik Dalam Negeri"
BID_EKOSOSBUD = "Bidang Ketahanan Ekonomi, Sosial, Budaya, Agama dan Organisasi Kemasyarakatan"
BID_KEWASPADAAN = "Bidang Kewaspadaan Nasional dan Penanganan Konflik"

TUJUAN = (
    "Penguatan karakter Pancasila melalui kesalehan sosial untuk mewujudkan stabilitas wilayah di bidang "
    "IPOLEKSOSBUD (Ideologi, Politik, Ekonomi, Sosial dan Budaya)",
    [("Indeks Kesalehan Sosial", "Indeks"), ("Persentase stabilitas di bidang IPOLEKSOSBUD (Ideologi, Politik, Ekonomi, Sosial Budaya)", "%"), ("Nilai SAKIP Perangkat Daerah", "Nilai")],
)  # fmt: skip

# sasaran, IKU, satuan, target 2024, end target 2026, programs
# program: (kode, nama, indikator, target 2024, unit, kegiatan [(kode, nama, indikator, target, subs [(kode, nama, indikator, target, pagu)])])
SASARAN = [
    ("Meningkatnya indeks kesalehan sosial melalui fasilitasi lembaga kesatuan bangsa", "Indeks Kesalehan Sosial", "Indeks", "86", "90", [
        ("8.01.02", "Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan",
         "Persentase Kebijakan Teknis dan pemantapan pelaksanaan Bidang ideologi Pancasila dan Karakter Kebangsaan yang dilaksanakan", "80%", BID_IDEOLOGI, [
            ("8.01.02.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan Karakter Kebangsaan",
             "Persentase kegiatan pemantapan ideologi Pancasila dan karakter bangsa yang dilaksanakan", "80%", [
                ("8.01.02.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter Bangsa, Pembauran Kebangsaan, Bineka Tunggal Ika dan Sejarah Kebangsaan",
                 "Jumlah Orang yang Mengikuti Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter Bangsa, Pembauran Kebangsaan, Bineka Tunggal Ika dan Sejarah Kebangsaan", "450 orang", "273.103.297"),
                ("8.01.02.2.01.0005", "Pelaksanaan Monitoring Evaluasi dan Pelaporan di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter Bangsa, Pembauran Kebangsaan, Bineka Tunggal Ika dan Sejarah Kebangsaan",
                 "Jumlah Laporan Hasil Monitoring Evaluasi dan Pelaporan di Bidang Ideologi Wawasan Kebangsaan, Bela Negara, Karakter Bangsa, Pembauran Kebangsaan, Bineka Tunggal Ika dan Sejarah Kebangsaan", "4 laporan", "3.600.000"),
                ("8.01.02.2.01.0007", "Pembinaan terhadap aktivitas kepaskibrakaan dan Purnapaskibraka",
                 "Laporan Hasil Pembinaan Aktivitas Kepaskibrakaan dan Laporan Hasil Pembinaan Purnapaskibraka", "4 dokumen", "24.562.992"),
                ("8.01.02.2.01.0008", "Pembentukan Paskibraka", "Jumlah Paskibraka", "72 orang", "692.503.710"),
                ("8.01.02.2.01.0009", "Pembinaan Lanjutan kepada Purnapaskibraka Duta Pancasila",
                 "Laporan Hasil Pembinaan Lanjutan kepada Purnapaskibraka Duta Pancasila", "4 dokumen", "6.630.000"),
            ]),
        ]),
        ("8.01.05", "Program Pembinaan dan Pengembangan Ketahanan Ekonomi, Sosial, dan Budaya",
         "Persentase Kebijakan Teknis Dan Pemantapan Bidang Ketahanan Ekonomi, Sosial Dan Budaya yang dilaksanakan", "84%", BID_EKOSOSBUD, [
            ("8.01.05.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ketahanan Ekonomi, Sosial dan Budaya",
             "Persentase Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ketahanan Ekonomi, Sosial dan Budaya yang dihasilkan", "84%", [
                ("8.01.05.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di Daerah",
                 "Jumlah Orang yang Mengikuti Pelaksanaan Kebijakan di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di Daerah", "175 orang", "45.677.088"),
                ("8.01.05.2.01.0004", "Pelaksanaan Koordinasi di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di Daerah",
                 "Jumlah Orang yang Mengikuti Koordinasi di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di Daerah", "225 orang", "57.867.920"),
                ("8.01.05.2.01.0005", "Pelaksanaan Monitoring, Evaluasi dan Pelaporan di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di Daerah",
                 "Jumlah Laporan Hasil Monitoring, Evaluasi dan Pelaporan di Bidang Ketahanan Ekonomi, Sosial, Budaya dan Fasilitasi Pencegahan Penyalahgunaan Narkotika, Fasilitasi Kerukunan Umat Beragama dan Penghayat Kepercayaan di Daerah", "3 laporan", "4.320.680"),
            ]),
        ]),
    ]),
    ("Meningkatnya penanganan konflik sosial di masyarakat", "Tingkat penanganan konflik sosial di masyarakat", "%", "90%", "95%", [
        ("8.01.06", "Program Peningkatan Kewaspadaan Nasional dan Peningkatan Kualitas dan Fasilitasi Penanganan Konflik Sosial",
         "Tingkat penanganan konflik sosial di masyarakat", "90%", BID_KEWASPADAAN, [
            ("8.01.06.2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Kewaspadaan Nasional dan Penanganan Konflik Sosial",
             "Persentase kegiatan pemantapan Kewaspadaan Nasional dan penanganan konflik sosial yang dilaksanakan", "90%", [
                ("8.01.06.2.01.0004", "Pelaksanaan Koordinasi di Bidang Kewaspadaan Dini, Kerjasama Intelijen, Pemantauan Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan Perbatasan Antar Negara, Fasilitasi Kelembagaan Bidang Kewaspadaan, serta Penanganan Konflik di Daerah",
                 "Jumlah Orang yang Mengikuti Koordinasi di Bidang Kewaspadaan Dini, Kerja Sama Intelijen, Pemantauan Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan Perbatasan antar Negara, Fasilitasi Kelembagaan Bidang Kewaspadaan, serta Penanganan Konflik di Daerah", "185 orang", "196.838.000"),
                ("8.01.06.2.01.0005", "Pelaksanaan Monitoring, Evaluasi dan Pelaporan di Bidang Kewaspadaan Dini, Kerjasama Intelijen, Pemantauan Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan Perbatasan Antar Negara, Fasilitasi Kelembagaan Bidang Kewaspadaan, serta Penanganan Konflik di Daerah",
                 "Jumlah Laporan Hasil Monitoring, Evaluasi dan Pelaporan di Bidang Kewaspadaan Dini, Kerja Sama Intelijen, Pemantauan Orang Asing, Tenaga Kerja Asing dan Lembaga Asing, Kewaspadaan Perbatasan antar Negara", "8 laporan", "50.664.000"),
                ("8.01.06.2.01.0006", "Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/Kota",
                 "Jumlah Dokumen Hasil Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/Kota", "4 dokumen", "879.096.500"),
            ]),
        ]),
    ]),
    ("Meningkatnya partisipasi politik masyarakat melalui penguatan infrastruktur demokrasi", "Tingkat fasilitasi penguatan infrastruktur demokrasi", "%", "80%", "80%", [
        ("8.01.03", "Program Peningkatan Peran Partai Politik dan Lembaga Pendidikan melalui Pendidikan Politik dan Pengembangan Etika serta Budaya Politik",
         "Tingkat kehadiran masyarakat dalam pemilu dan pilkada", "80%", BID_POLITIK, [
            ("8.01.03.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik",
             "Persentase kegiatan peningkatan partisipasi masyarakat dalam pemilu dan pilkada yang dilaksanakan", "80%", [
                ("8.01.03.2.01.0003", "Pelaksanaan Kebijakan di Bidang Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah",
                 "Jumlah Orang yang Mengikuti Pelaksanaan Kebijakan di Bidang Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah", "225 orang", "64.206.097"),
                ("8.01.03.2.01.0004", "Pelaksanaan Koordinasi di Bidang Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah",
                 "Jumlah Orang yang Mengikuti Koordinasi Kebijakan di Bidang Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah", "225 orang", "362.325.846"),
                ("8.01.03.2.01.0005", "Pelaksanaan Monitoring, Evaluasi dan Pelaporan di Bidang Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum Kepala Daerah, serta Pemantauan Situasi Politik di Daerah",
                 "Jumlah Laporan Hasil Monitoring, Evaluasi dan Pelaporan di Bidang Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum Kepala Daerah", "9 laporan", "57.561.451.889"),
            ]),
        ]),
        ("8.01.04", "Program Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan",
         "Persentase organisasi kemasyarakatan yang diberdayakan", "27%", BID_EKOSOSBUD, [
            ("8.01.04.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan",
             "Persentase ormas yang dibina", "27%", [
                ("8.01.04.2.01.0003", "Pelaksanaan Kebijakan di Bidang Pendaftaran Ormas, Pemberdayaan Ormas, Evaluasi dan Mediasi Sengketa Ormas, Pengawasan Ormas dan Ormas Asing di Daerah",
                 "Jumlah Orang yang Mengikuti Pelaksanaan Kebijakan di Bidang Pendaftaran Ormas, Pemberdayaan Ormas, Evaluasi dan Mediasi Sengketa Ormas, Pengawasan Ormas dan Ormas Asing di Daerah", "185 orang", "18.900.000"),
                ("8.01.04.2.01.0005", "Pelaksanaan Monitoring, Evaluasi dan Pelaporan di Bidang Pendaftaran Ormas, Pemberdayaan Ormas, Evaluasi dan Mediasi Sengketa Ormas, Pengawasan Ormas dan Ormas Asing di Daerah",
                 "Jumlah Laporan Hasil Monitoring, Evaluasi dan Pelaporan di Bidang Pendaftaran Ormas, Pemberdayaan Ormas, Evaluasi dan Mediasi Sengketa Ormas, Pengawasan Ormas dan Ormas Asing di Daerah", "8 laporan", "2.726.102.232"),
            ]),
        ]),
    ]),
    ("Meningkatnya akuntabilitas pada Bakesbangpol Kab. Blitar", "Nilai SAKIP pada Bakesbangpol Kab.Blitar", "Nilai", "BB (75,3)", "BB (75,9)", [
        ("8.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "", "", "Sekretariat", [
            ("8.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "", "", [
                ("8.01.01.2.01.0007", "Evaluasi Kinerja Perangkat Daerah", "", "", "15.999.484")]),
            ("8.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", "", "", [
                ("8.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "", "", "2.459.088.265"),
                ("8.01.01.2.02.0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "", "", "33.072.960"),
                ("8.01.01.2.02.0004", "Koordinasi Pelaksanaan Akuntansi SKPD", "", "", "11.159.940")]),
            ("8.01.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", "", "", [
                ("8.01.01.2.05.0005", "Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai", "", "", "8.151.840"),
                ("8.01.01.2.05.0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "", "", "4.359.572")]),
            ("8.01.01.2.06", "Administrasi Umum Perangkat Daerah", "", "", [
                ("8.01.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor", "", "", "170.909.705"),
                ("8.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "", "", "234.925.500")]),
            ("8.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "", "", [
                ("8.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", "", "", "372.776.984")]),
            ("8.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "", "", [
                ("8.01.01.2.09.0001", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan", "", "", "70.058.764")]),
        ]),
    ]),
]  # fmt: skip

MISI_BLITAR = [
    "Meningkatkan Kesejahteraan Sosial Masyarakat Blitar Berlandaskan Iman dan Takwa dengan Kearifan Lokal Budaya",
    "Meningkatkan Taraf hidup masyarakat Blitar yang memiliki mutu dan nilai kompetensi tinggi, dengan mengoptimalkan potensi generasi muda Kabupaten Blitar",
    "Pengoptimalan kinerja pemerintah yang akuntabel, inovatif dan berintegritas",
    "Percepatan dan pemerataan pembangunan yang adil dan merata melalui pembangunan potensi ekonomi daerah dengan mengedepankan pemberdayaan masyarakat dan kelestarian lingkungan",
]  # fmt: skip


def _indicator(elemen, uraian, satuan, target_2024, akhir="", *, iku=False):
    if not uraian:
        return None
    ind = Indikator.objects.create(
        elemen=elemen, urutan=elemen.indikator.count() + 1, uraian=uraian, satuan=satuan, is_iku=iku,
        tipe=Indikator.Tipe.PERSEN if satuan == "%" else Indikator.Tipe.ANGKA,
    )  # fmt: skip
    if target_2024:
        value = parse_value(target_2024)
        Target.objects.create(indikator=ind, tahun=2024, nilai=value.nilai, teks=value.teks)
    if akhir:
        value = parse_value(akhir)
        ind.kondisi_akhir_nilai, ind.kondisi_akhir_teks = value.nilai, value.teks
        ind.save()
    return ind


def _satuan(target: str) -> str:
    if not target:
        return ""
    parsed = parse_value(target)
    return parsed.satuan.capitalize() if parsed.satuan and parsed.satuan != "%" else parsed.satuan


def _blitar_renstra(opd: PerangkatDaerah) -> RenstraVersi:
    periode, _ = Periode.objects.get_or_create(
        pemda=opd.pemda,
        tahun_awal=2021,
        defaults={
            "nama": "RPJMD Kabupaten Blitar 2021–2026",
            "tahun_akhir": 2026,
            "visi": "Terwujudnya Kabupaten Blitar yang Mandiri dan Sejahtera Berlandaskan Akhlak Mulia Baldatun, Thoyyibatun, Wa Robbun Ghofuur",
            "dasar_hukum": "Peraturan Daerah Kabupaten Blitar Nomor 2 Tahun 2021",
        },
    )
    for nomor, text in enumerate(MISI_BLITAR, start=1):
        Misi.objects.get_or_create(periode=periode, nomor=nomor, defaults={"uraian": text})
    renstra, created = Renstra.objects.get_or_create(opd=opd, periode=periode)
    if not created:
        return renstra.versi.order_by("nomor").first()
    versi = RenstraVersi.objects.create(
        renstra=renstra, nomor=1, jenis=RenstraVersi.Jenis.PERUBAHAN,
        dasar_hukum_nomor="Renstra Perubahan Badan Kesatuan Bangsa dan Politik Kabupaten Blitar 2021–2026",
        alasan="Sebagaimana dirujuk LKjIP 2024.",
    )  # fmt: skip
    units = {u.nama: u for u in UnitKerja.objects.filter(opd=opd)}
    tujuan = Elemen.objects.create(
        versi=versi, level=Level.TUJUAN, nama=TUJUAN[0], urutan=1, misi=periode.misi.get(nomor=1)
    )
    for uraian, satuan in TUJUAN[1]:
        _indicator(tujuan, uraian, satuan, "")
    for s_order, (nama, iku, satuan, target, akhir, programs) in enumerate(SASARAN, start=1):
        sasaran = Elemen.objects.create(versi=versi, level=Level.SASARAN, parent=tujuan, nama=nama, urutan=s_order)
        _indicator(sasaran, iku, satuan, target, akhir, iku=True)
        for p_order, (kode, p_nama, p_ind, p_target, unit, kegiatan) in enumerate(programs, start=1):
            program = Elemen.objects.create(
                versi=versi, level=Level.PROGRAM, parent=sasaran, kode=kode, nama=p_nama, urutan=p_order
            )
            _indicator(program, p_ind, _satuan(p_target), p_target)
            for k_order, (k_kode, k_nama, k_ind, k_target, subs) in enumerate(kegiatan, start=1):
                keg = Elemen.objects.create(
                    versi=versi, level=Level.KEGIATAN, parent=program, kode=k_kode, nama=k_nama, urutan=k_order
                )
                _indicator(keg, k_ind, _satuan(k_target), k_target)
                for sub_order, (s_kode, s_nama, s_ind, s_target, pagu) in enumerate(subs, start=1):
                    sub = Elemen.objects.create(
                        versi=versi, level=Level.SUB_KEGIATAN, parent=keg, kode=s_kode, nama=s_nama, urutan=sub_order,
                        unit_kerja=units.get(unit), lokasi="Kabupaten Blitar",
                    )  # fmt: skip
                    _indicator(sub, s_ind, _satuan(s_target), s_target)
                    Pagu.objects.create(elemen=sub, tahun=2024, jumlah=parse_money(pagu))
    versi.status, versi.berlaku_mulai = RenstraVersi.Status.DITETAPKAN, 2022
    versi.save()
    return versi


def _blitar_pk(opd: PerangkatDaerah) -> None:
    kepala = Jabatan.objects.get(opd=opd, atasan__isnull=True)
    if PerjanjianKinerja.objects.filter(jabatan=kepala, tahun=2024).exists():
        return
    pk = services.susun_dari_renstra(kepala, 2024)
    services.ajukan(pk, actor=None)
    pk = services.tandatangani(pk, actor=None, tanggal=datetime.date(2024, 1, 31))
    perubahan = services.create_perubahan(
        pk, alasan="Penyesuaian dengan Dokumen Pelaksanaan Perubahan Anggaran (DPPA) 2024."
    )
    services.ajukan(perubahan, actor=None)
    services.tandatangani(perubahan, actor=None, tanggal=datetime.date(2024, 10, 1))
    kabid = Jabatan.objects.get(opd=opd, nama="Kepala Bidang Politik Dalam Negeri")
    if not PerjanjianKinerja.objects.filter(jabatan=kabid, tahun=2024).exists():
        services.susun_dari_renstra(kabid, 2024)


# Seed 003: Rencana Aksi Kinerja Sasaran 2021, Kesbangpol Kota Metro, as the seed prints it. Its quarterly
# targets (TR 1–4) and the "target kegiatan" are separate columns; where the seed prints no annual target for
# the sasaran the PK line has none. Rows 1 and 2 share one sub kegiatan (Rp 109.000.000, counted once in the PK).
# The seed's JADWAL KEGIATAN has three rows of ticks, for the rencana aksi of rows 1–3, one tick per aksi in
# order (row 1: months 2, 4, 9, 12; row 2: 7, 12; row 3: 4, 10); rows 4–5 have no schedule in the seed.
SUB_KETAHANAN = (
    "Pelaksanaan kebijakan di bidang ketahanan ekonomi, sosial, budaya dan fasilitasi pencegahan penyalahgunaan "
    "narkotika, fasilitasi kerukunan umat beragama dan penghayat kepercayaan di daerah"
)
METRO_RA: list[dict[str, Any]] = [
    {"sasaran": "Meningkatnya kerukunan umat beragama", "uraian": "Persentase kerukunan umat beragama", "satuan": "%",
         "target": "70", "agregasi": Indikator.Agregasi.KUMULATIF, "tw": ["15", "25", "15", "15"], "target_kegiatan": "70%",
         "sub": SUB_KETAHANAN, "anggaran": "109.000.000", "pj": "Dra. LISMANIA AMPARAWATI",
         "aksi": [("Melaksanakan rapat-rapat koordinasi antar umat beragama (menghadiri dan mensupport hari besar "
                "agama Budha)", [2]),
               ("Melaksanakan monitoring takbir akbar keliling Metro bersama Walikota, Kementerian Agama, Forkopimda "
                "dan Badan Kesbangpol", [4]),
               ("Menghadiri hari raya Galungan di Pura Girinata Metro", [9]),
               ("Melaksanakan monitoring malam perayaan Natal bersama Walikota, Forkopimda, Kementerian Agama dan "
                "Badan Kesbangpol di Gereja Hati Kudus Yosodadi Metro", [12])]},
    {"sasaran": "Meningkatkan peserta sosialisasi yang paham terhadap bahaya narkoba",
         "uraian": "Jumlah peserta sosialisasi yang paham terhadap bahaya narkoba", "satuan": "orang", "target": None,
         "agregasi": Indikator.Agregasi.KUMULATIF, "tw": [None, None, "79", "79"], "target_kegiatan": "225 peserta",
         "sub": SUB_KETAHANAN, "anggaran": "109.000.000", "pj": "Dra. LISMANIA AMPARAWATI",
         "aksi": [("Melaksanakan sosialisasi Perda Nomor 05 Tahun 2019 (peserta mahasiswa dan perangkat kelurahan)", [7]),
               ("Melaksanakan sosialisasi Perda Nomor 05 Tahun 2019 (peserta masyarakat)", [12])],
         "catatan": "Dokumen sumber tidak mencantumkan target tahunan sasaran ini (TW III dan TW IV 79 orang; target kegiatan "
                 "225 peserta)."},
    {"sasaran": "Meningkatkan jumlah partai politik yang melaksanakan fungsinya sesuai peraturan perundang-undangan",
         "uraian": "Persentase partai politik yang melaksanakan fungsinya sesuai peraturan perundang-undangan",
         "satuan": "%", "target": None, "agregasi": Indikator.Agregasi.NILAI_AKHIR, "tw": [None, None, "50", None],
         "target_kegiatan": "50%",
         "sub": "Pelaksanaan koordinasi di bidang pendidikan politik, etika budaya politik, peningkatan demokrasi, "
             "fasilitasi kelembagaan pemerintahan, perwakilan dan partai politik, pemilihan umum/pemilihan umum "
             "kepala daerah serta pemantauan situasi politik di daerah",
         "anggaran": "51.150.000", "pj": "I KETUT GEDE PARTITO, S.Sos",
         "aksi": [("Sosialisasi partai politik untuk mewujudkan pemilu yang berintegritas dan bermartabat", [4]),
               ("Pembinaan partai politik dalam pengelolaan keuangan", [10])],
         "catatan": "Dokumen sumber tidak mencantumkan target tahunan sasaran ini (TW III 50%; target kegiatan 50%)."},
    {"sasaran": "Meningkatkan ormas yang melaksanakan fungsi di bidang kesatuan bangsa dan politik dalam negeri",
         "uraian": "Persentase ormas yang melaksanakan fungsi di bidang kesatuan bangsa dan politik dalam negeri",
         "satuan": "%", "target": None, "agregasi": Indikator.Agregasi.NILAI_AKHIR, "tw": [None, None, None, None],
         "target_kegiatan": "",
         "sub": "Pelaksanaan kebijakan di bidang pendaftaran ormas, pemberdayaan ormas, evaluasi dan mediasi sengketa "
             "ormas, pengawasan ormas dan ormas asing di daerah",
         "anggaran": "648.510.600", "pj": "I KETUT GEDE PARTITO, S.Sos",
         "aksi": [("Melaksanakan penyuluhan ormas untuk mendukung pemilu yang berintegritas dan bermartabat", [])],
         "catatan": "Dokumen sumber mencantumkan \"35%\" pada baris ini tanpa kolom yang jelas (target triwulan atau target "
                 "kegiatan); belum ditempatkan."},
    {"sasaran": "Meningkatkan penanganan konflik sosial", "uraian": "Persentase penanganan konflik sosial", "satuan": "%",
         "target": None, "agregasi": Indikator.Agregasi.KUMULATIF, "tw": ["25", "25", "25", "25"], "target_kegiatan": "",
         "sub": "Pelaksanaan monitoring, evaluasi dan pelaporan di bidang kewaspadaan dini, kerjasama intelijen, "
             "pemantauan orang asing, tenaga kerja asing, kewaspadaan perbatasan antar negara, fasilitasi "
             "kelembagaan bidang kewaspadaan serta penanganan konflik di daerah",
         "anggaran": "157.415.000", "pj": "HERI HENDARTO, S.Sos",
         "aksi": [("Memberdayakan forum-forum yang sudah terbentuk di Badan Kesbangpol: Tim Terpadu Penanganan Konflik "
                "Sosial (Polri, TNI, Camat dan Lurah) dan FKDM (satu tokoh masyarakat dari tiap kelurahan)", [])],
         "catatan": "Dokumen sumber tidak mencantumkan target tahunan sasaran ini (TW I–IV masing-masing 25%)."},
]  # fmt: skip


def _metro() -> None:
    pemda, _ = Pemda.objects.update_or_create(
        kode="metro",
        defaults={
            "nama": "Kota Metro",
            "jenis": Pemda.Jenis.KOTA,
            "provinsi": "Lampung",
            "kepala_daerah_jabatan": "Wali Kota Metro",
            "kepala_daerah_nama": "dr. H. WAHDI, Sp.OG(K), M.H.",
            "ibukota": "Metro",
        },
    )
    give_logo(pemda)
    opd, _ = PerangkatDaerah.objects.update_or_create(
        pemda=pemda,
        kode="8.01.0.00.0.00.03.0000",
        defaults={"nama": "Badan Kesatuan Bangsa dan Politik", "singkatan": "Kesbangpol"},
    )
    kepala, _ = Jabatan.objects.get_or_create(opd=opd, nama="Kepala Badan", defaults={"jenjang": Jenjang.JPT_PRATAMA})
    rosita, _ = Pegawai.objects.get_or_create(
        pemda=pemda, nip="197003151990032001", defaults={"nama": "Dra. ROSITA, MM", "golongan": "IV/c"}
    )
    Penugasan.objects.get_or_create(pegawai=rosita, jabatan=kepala, mulai=datetime.date(2019, 1, 2))
    if PerjanjianKinerja.objects.filter(jabatan=kepala, tahun=2021).exists():
        return
    # The seed is a rencana aksi without the Renstra behind it: its PK lines carry their own text.
    pk = PerjanjianKinerja(opd=opd, jabatan=kepala, tahun=2021, tempat="Metro", tanggal=datetime.date(2021, 1, 29))
    pihak.copy_parties(pk, pk.tanggal)
    pk.save()
    funded: set[str] = set()
    for order, row_data in enumerate(METRO_RA, start=1):
        _metro_row(pk, pemda, order, row_data, funded)


def _metro_row(pk, pemda, order: int, data: dict, funded: set[str]) -> None:
    """One rencana aksi of seed 003 with its PK line; a sub kegiatan funds the PK once however many rows use it."""
    row = PKIndikator.objects.create(
        pk_doc=pk, urutan=order, sasaran=data["sasaran"], uraian=data["uraian"], satuan=data["satuan"],
        target_nilai=Decimal(data["target"]) if data["target"] else None, agregasi=data["agregasi"],
    )  # fmt: skip
    amount = parse_money(data["anggaran"])
    if data["sub"] not in funded:
        funded.add(data["sub"])
        PKAnggaran.objects.create(pk_doc=pk, urutan=order, level=Level.SUB_KEGIATAN, nama=data["sub"], anggaran=amount)
    person, _ = Pegawai.objects.get_or_create(pemda=pemda, nama=data["pj"])
    tw = [Decimal(q) if q else None for q in data["tw"]]
    ra = RencanaAksi.objects.create(
        pk_doc=pk,
        indikator=row,
        program=data["sub"],
        anggaran=amount,
        penanggung_jawab=person,
        tw1=tw[0],
        tw2=tw[1],
        tw3=tw[2],
        tw4=tw[3],
        target_kegiatan=data["target_kegiatan"],
        catatan=data.get("catatan", ""),
    )  # fmt: skip  (the seed splits no anggaran per triwulan: the check says so)
    for a_order, (text, bulan) in enumerate(data["aksi"], start=1):
        Aksi.objects.create(rencana=ra, urutan=a_order, uraian=text, bulan=bulan)


def load(stdout) -> None:
    blitar = PerangkatDaerah.objects.get(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000")
    _blitar_renstra(blitar)
    _blitar_pk(blitar)
    _blitar_realisasi(blitar)
    _metro()
    tahun = _tahun_berjalan(blitar)
    _jendela_bertanggal()  # after the windows of this year exist
    stdout.write(
        "PK demo: Bakesbangpol Blitar 2024 (PK dan PK Perubahan ditandatangani; realisasi 2022–2024); "
        f"rencana aksi Kesbangpol Kota Metro 2021; PK {tahun} Balangan dan Blitar menunggu tanda tangan; "
        f"triwulan berjalan {tahun} terbuka."
    )


# --- The current year, workable at once ---------------------------------------------------------------


def _tahun_berjalan(blitar: PerangkatDaerah) -> int:
    """Each demo pemda has this year's quarters up to today's (the current one open, those before closed),
    targets and pagu for the year, and its head's PK of the year submitted and waiting for the signature.

    Blitar's plan comes from its LKjIP 2024, which names no later targets or pagu: the demo carries 2024's
    forward to the years after it (an assumption of the demo, not of the seed).
    """
    today = timezone.localdate()
    tahun, current_q = today.year, (today.month - 1) // 3 + 1
    versi = RenstraVersi.objects.filter(renstra__opd=blitar).order_by("nomor").first()
    if versi is not None:
        _carry_forward(versi, 2024, range(2025, versi.renstra.periode.tahun_akhir + 1))
    for kode, opd_kode, perencana in (
        ("balangan", "8.01.0.00.0.00.01.0000", "perencana.balangan"),
        ("blitar", "8.01.0.00.0.00.02.0000", "perencana.blitar"),
    ):
        opd = PerangkatDaerah.objects.filter(pemda__kode=kode, kode=opd_kode).select_related("pemda").first()
        if opd is None:
            continue
        for q in range(1, current_q + 1):
            JendelaRealisasi.objects.get_or_create(
                pemda=opd.pemda, tahun=tahun, triwulan=q, defaults={"terbuka": q == current_q}
            )
        kepala = Jabatan.objects.filter(opd=opd, atasan__isnull=True).first()
        if kepala is None or RenstraVersi.objects.berlaku(opd, tahun) is None:
            continue
        if not PerjanjianKinerja.objects.filter(jabatan=kepala, tahun=tahun).exists():
            pk = services.susun_dari_renstra(kepala, tahun)
            services.ajukan(pk, actor=User.objects.filter(username=perencana).first())
    return tahun


def _carry_forward(versi: RenstraVersi, dari: int, years) -> None:
    """The year ``dari``'s targets and pagu copied to each of ``years`` that has none."""
    targets = list(Target.objects.filter(indikator__elemen__versi=versi, tahun=dari))
    pagu = list(Pagu.objects.filter(elemen__versi=versi, tahun=dari))
    for tahun in years:
        have = set(
            Target.objects.filter(indikator__elemen__versi=versi, tahun=tahun).values_list("indikator_id", flat=True)
        )
        Target.objects.bulk_create(
            Target(indikator_id=t.indikator_id, tahun=tahun, nilai=t.nilai, teks=t.teks)
            for t in targets
            if t.indikator_id not in have
        )
        have = set(Pagu.objects.filter(elemen__versi=versi, tahun=tahun).values_list("elemen_id", flat=True))
        Pagu.objects.bulk_create(
            Pagu(elemen_id=p.elemen_id, tahun=tahun, jumlah=p.jumlah) for p in pagu if p.elemen_id not in have
        )


# --- Realisasi (seed 001, LKjIP 2024 Bakesbangpol Blitar) -------------------------------------------

# IKU → {year: realisasi}; entered in TW IV (all four are yearly measurements)
REALISASI_IKU = {
    "Indeks Kesalehan Sosial": {2022: "84,09", 2023: "84,23", 2024: "84,61"},
    "Tingkat penanganan konflik sosial di masyarakat": {2022: "90%", 2023: "90%", 2024: "90%"},
    "Tingkat fasilitasi penguatan infrastruktur demokrasi": {2022: "70%", 2023: "70%", 2024: "80%"},
    "Nilai SAKIP pada Bakesbangpol Kab.Blitar": {2022: "BB (71,39)", 2023: "BB (75,16)", 2024: "B (66,55)"},
}
TARGET_LALU = {"Indeks Kesalehan Sosial": {2022: "82", 2023: "84"}}  # Tabel 2.1 (RPJMD targets)
KENDALA_IKS = (
    "Terdapat perubahan responden dari sasaran tokoh agama dan tokoh masyarakat ditambah tokoh organisasi "
    "masyarakat, FKUB, dan FPK."
)
SOLUSI_IKS = (
    "Pemupukan jiwa kepahlawanan melalui Peringatan Hari Besar Nasional (PHBN) dan sosialisasi pendidikan "
    "Pancasila dan wawasan kebangsaan kepada pelajar."
)

# Tabel 3.7: realisasi 2024 per sub kegiatan (the anggaran is the pagu of the plan)
REALISASI_SUB_2024 = {
    "8.01.01.2.01.0007": "15.999.200", "8.01.01.2.02.0001": "2.337.667.627", "8.01.01.2.02.0003": "31.292.350",
    "8.01.01.2.02.0004": "11.159.200", "8.01.01.2.05.0005": "8.151.050", "8.01.01.2.05.0009": "4.279.100",
    "8.01.01.2.06.0002": "158.357.788", "8.01.01.2.06.0009": "234.892.400", "8.01.01.2.08.0004": "354.221.877",
    "8.01.01.2.09.0001": "66.956.800",
    "8.01.02.2.01.0003": "272.643.912", "8.01.02.2.01.0005": "3.600.000", "8.01.02.2.01.0007": "24.462.800",
    "8.01.02.2.01.0008": "692.367.016", "8.01.02.2.01.0009": "6.592.500",
    "8.01.05.2.01.0003": "45.644.600", "8.01.05.2.01.0004": "57.867.600", "8.01.05.2.01.0005": "4.320.000",
    "8.01.06.2.01.0004": "178.698.000", "8.01.06.2.01.0005": "50.664.000", "8.01.06.2.01.0006": "831.858.500",
    "8.01.03.2.01.0003": "58.843.650", "8.01.03.2.01.0004": "352.601.000", "8.01.03.2.01.0005": "57.536.347.400",
    "8.01.04.2.01.0003": "18.893.600", "8.01.04.2.01.0005": "2.696.519.400",
}  # fmt: skip
# The LKjIP gives the year only; the demo spreads it over the quarters (the sum is the seed's).
SEBARAN_TW = (Decimal("0.15"), Decimal("0.25"), Decimal("0.25"))

# Tabel 3.6: anggaran and realisasi per jenis belanja. The seed's 2024 Jumlah (66.347.193.865) is 30 more
# than its rows add up to (66.347.193.835); the page shows the sum of the rows.
BELANJA = {
    2023: [("pegawai", "2.398.607.120", "2.276.136.520"), ("barang_jasa", "3.975.963.000", "3.896.255.466"),
           ("hibah", "38.192.205.200", "38.190.258.326"), ("modal_peralatan", "0", "0"), ("modal_gedung", "0", "0")],
    2024: [("pegawai", "2.530.668.865", "2.408.627.627"), ("barang_jasa", "3.841.178.585", "3.705.199.583"),
           ("hibah", "59.887.356.160", "59.857.774.160"), ("modal_peralatan", "87.990.225", "83.300.000"),
           ("modal_gedung", "0", "0")],
}  # fmt: skip


def _jendela_bertanggal() -> None:
    """Give this year's windows dates, as a pemda's schedule would (so the inbox counts down): a quarter opens on
    its first day and closes on the 15th of the month after it ends. Windows already dated keep their dates."""
    for window in JendelaRealisasi.objects.filter(tahun=timezone.localdate().year, ditutup_pada=None):
        first_month = 3 * window.triwulan - 2
        end_year, end_month = (window.tahun + 1, 1) if window.triwulan == 4 else (window.tahun, first_month + 3)
        window.dibuka_pada = datetime.date(window.tahun, first_month, 1)
        window.ditutup_pada = datetime.date(end_year, end_month, 15)
        window.save(update_fields=["dibuka_pada", "ditutup_pada", "updated_at"])


def _blitar_realisasi(opd: PerangkatDaerah) -> None:
    if Realisasi.objects.filter(indikator__elemen__versi__renstra__opd=opd).exists():
        return
    versi = RenstraVersi.objects.filter(renstra__opd=opd).order_by("nomor").first()
    perencana = User.objects.filter(username="perencana.blitar").first()
    evaluator = User.objects.filter(username="evaluator.blitar").first()
    this_year = timezone.localdate().year
    for tahun in (2022, 2023, 2024):
        for q in (1, 2, 3, 4):
            JendelaRealisasi.objects.get_or_create(
                pemda=opd.pemda, tahun=tahun, triwulan=q, defaults={"terbuka": False}
            )
    current_q = (timezone.localdate().month - 1) // 3 + 1
    for q in range(1, current_q + 1):
        JendelaRealisasi.objects.get_or_create(
            pemda=opd.pemda, tahun=this_year, triwulan=q, defaults={"terbuka": q == current_q}
        )
    # The IKU and the tujuan's indicators are yearly measurements (a survey, the SAKIP evaluation).
    Indikator.objects.filter(elemen__versi=versi).filter(Q(is_iku=True) | Q(elemen__level=Level.TUJUAN)).update(
        frekuensi=Indikator.Frekuensi.TAHUNAN
    )
    indicators = {i.uraian: i for i in Indikator.objects.filter(elemen__versi=versi, is_iku=True)}
    for uraian, years in TARGET_LALU.items():
        for tahun, text in years.items():
            value = parse_value(text)
            Target.objects.get_or_create(
                indikator=indicators[uraian], tahun=tahun, defaults={"nilai": value.nilai, "teks": value.teks}
            )
    for uraian, years in REALISASI_IKU.items():
        for tahun, text in years.items():
            value = parse_value(text)
            verified = tahun < 2024 or uraian != "Nilai SAKIP pada Bakesbangpol Kab.Blitar"
            Realisasi.objects.create(
                indikator=indicators[uraian], tahun=tahun, triwulan=4, nilai=value.nilai, teks=value.teks,
                dicatat_oleh=perencana,
                status=Realisasi.Status.DIVERIFIKASI if verified else Realisasi.Status.MENUNGGU,
                diverifikasi_oleh=evaluator if verified else None,
                diverifikasi_pada=timezone.now() if verified else None,
                kendala=KENDALA_IKS if (uraian == "Indeks Kesalehan Sosial" and tahun == 2024) else "",
                solusi=SOLUSI_IKS if (uraian == "Indeks Kesalehan Sosial" and tahun == 2024) else "",
            )  # fmt: skip
    subs = {e.kode: e for e in Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN)}
    pagu = {p.elemen_id: p.jumlah for p in Pagu.objects.filter(elemen__versi=versi, tahun=2024)}
    for kode, text in REALISASI_SUB_2024.items():
        sub = subs[kode]
        AnggaranSubKegiatan.objects.create(
            elemen=sub, tahun=2024, jenis=AnggaranSubKegiatan.Jenis.DPA, jumlah=pagu[sub.pk]
        )
        total, spent = parse_money(text), Decimal(0)
        for q, share in enumerate(SEBARAN_TW, start=1):
            amount = (total * share).quantize(Decimal(1))
            RealisasiAnggaran.objects.create(elemen=sub, tahun=2024, triwulan=q, jumlah=amount)
            spent += amount
        RealisasiAnggaran.objects.create(elemen=sub, tahun=2024, triwulan=4, jumlah=total - spent)
    for tahun, rows in BELANJA.items():
        for jenis, anggaran, realisasi in rows:
            BelanjaOPD.objects.create(
                opd=opd, tahun=tahun, jenis=jenis, anggaran=parse_money(anggaran), realisasi=parse_money(realisasi)
            )
