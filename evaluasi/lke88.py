"""The LKE of PermenPAN-RB 88/2021 as data (regulations §6.1 and appendix A): komponen → sub-komponen → kriteria,
with weights, each criterion's expected evidence and the evaluator's working steps, and the key of the rule by
which Sakip finds evidence for it (:mod:`evaluasi.bukti`). Pure data: the data migration and ``load_demo`` load it.
"""

from __future__ import annotations

NAMA = "LKE PermenPAN-RB 88/2021"

#: how a sub-komponen's criteria are examined, by its kind (keberadaan 20 %, kualitas 30 %, pemanfaatan 50 %)
LANGKAH = {
    "a": "Periksa keberadaan bukti; nilai AA–E menurut persentase pemenuhan (BB: 100% sesuai mandat, "
    "B: >75%, CC: >50%, C: >25%, D: >0%, E: tidak ada upaya).",
    "b": "Uji kualitas bukti terhadap standar (SMART, berjenjang, tepat waktu); wawancarai pengelola kinerja; "
    "catat kekurangan sebagai temuan.",
    "c": "Telusuri pemanfaatan: cari keputusan, perubahan dokumen atau kegiatan yang lahir dari informasi kinerja; "
    "konfirmasi kepada pimpinan dan pegawai.",
}

# (kode, nama, bobot, [(kode sub, nama, bobot, [(uraian, bukti yang diharapkan, aturan bukti Sakip)])])
KOMPONEN = [
    (
        "1",
        "Perencanaan Kinerja",
        "30",
        [
            (
                "1.a",
                "Dokumen perencanaan kinerja telah tersedia",
                "6",
                [
                    ("Terdapat pedoman teknis perencanaan kinerja", "Pedoman/SOP perencanaan kinerja", ""),
                    ("Terdapat dokumen perencanaan kinerja jangka panjang", "RPJPD", ""),
                    ("Terdapat dokumen perencanaan kinerja jangka menengah", "Renstra yang ditetapkan", "renstra"),
                    ("Terdapat dokumen perencanaan kinerja jangka pendek", "Renja, Perjanjian Kinerja", "pk"),
                    ("Terdapat dokumen perencanaan aktivitas yang mendukung kinerja", "Rencana aksi", "rencana_aksi"),
                    ("Terdapat dokumen perencanaan anggaran yang mendukung kinerja", "DPA, RKA", ""),
                    (
                        "Setiap unit/satuan kerja merumuskan dan menetapkan perencanaan kinerja",
                        "PK setiap unit kerja (eselon III/IV)",
                        "pk",
                    ),
                ],
            ),
            (
                "1.b",
                "Dokumen perencanaan kinerja telah memenuhi standar yang baik (SMART, cascading, crosscutting)",
                "9",
                [
                    (
                        "Dokumen perencanaan kinerja telah diformalkan",
                        "Keputusan/Peraturan penetapan Renstra",
                        "renstra",
                    ),
                    ("Dokumen perencanaan kinerja telah dipublikasikan tepat waktu", "Bukti publikasi, tanggal", ""),
                    ("Dokumen perencanaan kinerja menggambarkan kebutuhan atas kinerja sebenarnya", "Renstra, IKU", ""),
                    (
                        "Kualitas rumusan hasil (tujuan/sasaran) jelas dan berorientasi hasil",
                        "Renstra, pohon kinerja",
                        "",
                    ),
                    (
                        "Ukuran keberhasilan (indikator) memenuhi kriteria SMART",
                        "Indikator dan definisinya",
                        "definisi",
                    ),
                    ("Indikator kinerja utama menggambarkan kinerja utama dan berkelanjutan", "Penetapan IKU", ""),
                    ("Target kinerja ditetapkan achievable, menantang dan realistis", "Target Renstra dan PK", ""),
                    (
                        "Setiap dokumen perencanaan kinerja menggambarkan hubungan berkesinambungan (cascading)",
                        "Pohon kinerja, cascading ke jabatan",
                        "pohon",
                    ),
                    (
                        "Perencanaan kinerja telah memuat kinerja yang beririsan (crosscutting)",
                        "Pohon kinerja, kinerja lintas perangkat daerah",
                        "pohon",
                    ),
                    ("Setiap pegawai merumuskan dan menetapkan perencanaan kinerja", "PK/SKP seluruh pegawai", "pk"),
                ],
            ),
            (
                "1.c",
                "Perencanaan kinerja telah dimanfaatkan untuk mewujudkan hasil yang berkesinambungan",
                "15",
                [
                    ("Anggaran yang ditetapkan telah mengacu pada kinerja", "DPA dan PK", ""),
                    (
                        "Aktivitas yang dilaksanakan telah mendukung kinerja",
                        "Rencana aksi dan realisasinya",
                        "rencana_aksi",
                    ),
                    (
                        "Target yang ditetapkan telah dicapai dengan baik atau on the right track",
                        "Realisasi vs target",
                        "realisasi",
                    ),
                    (
                        "Rencana aksi bersifat dinamis karena capaiannya dipantau secara berkala",
                        "Monitoring rencana aksi",
                        "rencana_aksi",
                    ),
                    (
                        "Dokumen perencanaan diperbaiki dari analisis perbaikan kinerja sebelumnya",
                        "Renstra perubahan",
                        "renstra",
                    ),
                    ("Dokumen perencanaan diperbaiki untuk mewujudkan hasil yang lebih baik", "Revisi dokumen", ""),
                    ("Unit kerja memahami, peduli dan berkomitmen atas kinerja yang direncanakan", "Wawancara", ""),
                    ("Pegawai memahami, peduli dan berkomitmen atas kinerja yang direncanakan", "Wawancara", ""),
                ],
            ),
        ],
    ),
    (
        "2",
        "Pengukuran Kinerja",
        "30",
        [
            (
                "2.a",
                "Pengukuran kinerja telah dilakukan",
                "6",
                [
                    ("Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data kinerja", "SOP pengukuran", ""),
                    (
                        "Terdapat definisi operasional yang jelas atas kinerja dan cara mengukur indikator kinerja",
                        "Manual IKU, definisi operasional dan formula",
                        "definisi",
                    ),
                    (
                        "Terdapat mekanisme yang jelas terhadap pengumpulan data kinerja yang dapat diandalkan",
                        "SOP pengumpulan data, verifikasi",
                        "realisasi",
                    ),
                ],
            ),
            (
                "2.b",
                "Pengukuran kinerja telah menjadi kebutuhan dalam mewujudkan kinerja secara efektif dan efisien "
                "dan telah dilakukan secara berjenjang dan berkelanjutan",
                "9",
                [
                    (
                        "Pimpinan selalu terlibat sebagai pengambil keputusan dalam mengukur capaian kinerja",
                        "Notulen",
                        "",
                    ),
                    (
                        "Data kinerja yang dikumpulkan telah relevan untuk mengukur capaian kinerja",
                        "Data realisasi",
                        "",
                    ),
                    ("Data kinerja yang dikumpulkan telah mendukung capaian kinerja", "Data dukung realisasi", ""),
                    ("Pengukuran kinerja telah dilakukan secara berkala", "Realisasi per triwulan", "realisasi"),
                    (
                        "Setiap level organisasi melakukan pemantauan atas pengukuran capaian kinerja",
                        "Laporan berjenjang",
                        "rencana_aksi",
                    ),
                    ("Pengumpulan data kinerja telah memanfaatkan teknologi informasi", "Aplikasi", "realisasi"),
                    ("Pengukuran capaian kinerja telah memanfaatkan teknologi informasi", "Aplikasi", "realisasi"),
                ],
            ),
            (
                "2.c",
                "Pengukuran kinerja telah dijadikan dasar dalam pemberian reward dan punishment, serta penyesuaian "
                "strategi dalam mencapai kinerja yang efektif dan efisien",
                "15",
                [
                    ("Pengukuran kinerja menjadi dasar pemberian tunjangan kinerja/penghasilan", "SK TPP", ""),
                    ("Pengukuran kinerja menjadi dasar penempatan/penghapusan jabatan", "SK mutasi", ""),
                    ("Pengukuran kinerja mempengaruhi penyesuaian (refocusing) organisasi", "Kajian organisasi", ""),
                    ("Pengukuran kinerja mempengaruhi penyesuaian strategi", "Renstra perubahan", ""),
                    ("Pengukuran kinerja mempengaruhi penyesuaian kebijakan", "Kebijakan baru", ""),
                    ("Pengukuran kinerja mempengaruhi penyesuaian aktivitas", "Revisi rencana aksi", "rencana_aksi"),
                    ("Pengukuran kinerja mempengaruhi penyesuaian anggaran", "DPPA", ""),
                    ("Terdapat efisiensi atas penggunaan anggaran dalam mencapai kinerja", "Analisis efisiensi", ""),
                    ("Setiap unit/satuan kerja memahami dan peduli atas hasil pengukuran kinerja", "Wawancara", ""),
                    ("Setiap pegawai memahami dan peduli atas hasil pengukuran kinerja", "Wawancara", ""),
                ],
            ),
        ],
    ),
    (
        "3",
        "Pelaporan Kinerja",
        "15",
        [
            (
                "3.a",
                "Terdapat dokumen laporan yang menggambarkan kinerja",
                "3",
                [
                    ("Dokumen laporan kinerja telah disusun", "LKjIP", "lkjip"),
                    ("Dokumen laporan kinerja telah disusun secara berkala", "Laporan triwulanan, LKjIP", "realisasi"),
                    ("Dokumen laporan kinerja telah diformalkan", "LKjIP final yang ditandatangani", "lkjip"),
                    ("Dokumen laporan kinerja telah direviu", "LHR APIP", ""),
                    ("Dokumen laporan kinerja telah dipublikasikan", "Bukti publikasi", ""),
                    (
                        "Dokumen laporan kinerja telah disampaikan tepat waktu",
                        "Tanggal penyampaian (31 Maret)",
                        "lkjip",
                    ),
                ],
            ),
            (
                "3.b",
                "Dokumen laporan kinerja telah memenuhi standar menggambarkan kualitas atas pencapaian kinerja",
                "4.5",
                [
                    ("Dokumen laporan kinerja disusun secara berkualitas sesuai dengan standar", "LKjIP", "lkjip"),
                    (
                        "Dokumen laporan kinerja telah mengungkap seluruh informasi tentang pencapaian kinerja",
                        "LKjIP",
                        "",
                    ),
                    (
                        "Dokumen laporan kinerja menginfokan perbandingan realisasi dengan target tahunan",
                        "Bab III LKjIP",
                        "lkjip",
                    ),
                    (
                        "Dokumen laporan kinerja menginfokan perbandingan realisasi dengan target jangka menengah",
                        "Bab III LKjIP",
                        "lkjip",
                    ),
                    (
                        "Dokumen laporan kinerja menginfokan perbandingan realisasi dengan tahun-tahun sebelumnya",
                        "Bab III LKjIP",
                        "lkjip",
                    ),
                    (
                        "Dokumen laporan kinerja menginfokan perbandingan realisasi dengan "
                        "standar nasional/internasional",
                        "Tabel benchmark LKjIP",
                        "lkjip",
                    ),
                    (
                        "Dokumen laporan kinerja menginfokan kualitas atas capaian kinerja "
                        "beserta upaya nyata dan hambatannya",
                        "Analisis LKjIP",
                        "",
                    ),
                    (
                        "Dokumen laporan kinerja menginfokan efisiensi atas penggunaan sumber daya",
                        "Tabel efisiensi LKjIP",
                        "lkjip",
                    ),
                    (
                        "Dokumen laporan kinerja menginfokan upaya perbaikan dan penyempurnaan kinerja ke depan",
                        "Rekomendasi LKjIP",
                        "",
                    ),
                ],
            ),
            (
                "3.c",
                "Pelaporan kinerja telah memberikan dampak yang besar dalam penyesuaian strategi/kebijakan",
                "7.5",
                [
                    (
                        "Informasi dalam laporan kinerja selalu menjadi perhatian utama pimpinan",
                        "Disposisi, notulen",
                        "",
                    ),
                    ("Penyajian informasi dalam laporan kinerja menjadi kepedulian seluruh pegawai", "Wawancara", ""),
                    (
                        "Informasi laporan kinerja berkala telah digunakan dalam penyesuaian aktivitas",
                        "Revisi rencana aksi",
                        "",
                    ),
                    (
                        "Informasi laporan kinerja berkala telah digunakan dalam penyesuaian penggunaan anggaran",
                        "DPPA",
                        "",
                    ),
                    (
                        "Informasi laporan kinerja telah digunakan dalam evaluasi pencapaian keberhasilan kinerja",
                        "Notulen",
                        "",
                    ),
                    (
                        "Informasi laporan kinerja telah digunakan dalam penyesuaian perencanaan kinerja berikutnya",
                        "Renja/PK tahun berikutnya",
                        "",
                    ),
                    (
                        "Informasi laporan kinerja selalu mempengaruhi perubahan budaya kinerja organisasi",
                        "Wawancara",
                        "",
                    ),
                ],
            ),
        ],
    ),
    (
        "4",
        "Evaluasi Akuntabilitas Kinerja Internal",
        "25",
        [
            (
                "4.a",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan",
                "5",
                [
                    ("Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal", "Pedoman evaluasi", ""),
                    ("Evaluasi AKIP internal telah dilaksanakan pada seluruh unit kerja/perangkat daerah", "LHE", ""),
                    ("Evaluasi AKIP internal telah dilaksanakan secara berjenjang", "LHE unit kerja", ""),
                ],
            ),
            (
                "4.b",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan secara berkualitas dengan sumber daya "
                "yang memadai",
                "7.5",
                [
                    ("Evaluasi AKIP internal telah dilaksanakan sesuai standar", "KKE, LHE", ""),
                    ("Evaluasi AKIP internal telah dilaksanakan oleh SDM yang memadai", "Surat tugas tim", ""),
                    ("Evaluasi AKIP internal telah dilaksanakan dengan pendalaman yang memadai", "KKE", ""),
                    ("Evaluasi AKIP internal telah dilaksanakan pada seluruh unit kerja/perangkat daerah", "LHE", ""),
                    ("Evaluasi AKIP internal telah dilaksanakan menggunakan teknologi informasi", "Aplikasi", ""),
                ],
            ),
            (
                "4.c",
                "Implementasi SAKIP telah meningkat karena evaluasi akuntabilitas kinerja internal sehingga "
                "memberikan kesan yang nyata dalam efektivitas dan efisiensi kinerja",
                "12.5",
                [
                    (
                        "Seluruh rekomendasi atas hasil evaluasi akuntabilitas kinerja internal telah ditindaklanjuti",
                        "Tindak lanjut rekomendasi",
                        "tindak_lanjut",
                    ),
                    (
                        "Telah terjadi peningkatan implementasi SAKIP dengan melaksanakan tindak lanjut rekomendasi",
                        "Nilai evaluasi tahun lalu",
                        "tindak_lanjut",
                    ),
                    (
                        "Hasil evaluasi AKIP internal telah dimanfaatkan untuk perbaikan dan "
                        "peningkatan akuntabilitas kinerja",
                        "Dokumen perbaikan",
                        "",
                    ),
                    (
                        "Hasil evaluasi AKIP internal telah dimanfaatkan dalam mendukung "
                        "efektivitas dan efisiensi kinerja",
                        "Dokumen perbaikan",
                        "",
                    ),
                    (
                        "Telah terjadi perbaikan dan peningkatan kinerja dengan memanfaatkan "
                        "hasil evaluasi AKIP internal",
                        "Capaian kinerja",
                        "",
                    ),
                ],
            ),
        ],
    ),
]


def muat(Templat, Komponen, SubKomponen, Kriteria, *, pemda=None, nama: str = NAMA):
    """Create the template from :data:`KOMPONEN` with the given model classes (the real ones, or a data
    migration's historical ones) unless one of that name exists for ``pemda``; returns it."""
    ada = Templat.objects.filter(pemda=pemda, nama=nama).first()
    if ada is not None:
        return ada
    templat = Templat.objects.create(
        pemda=pemda,
        nama=nama,
        keterangan="Lembar Kerja Evaluasi Implementasi SAKIP, Lampiran PermenPAN-RB Nomor 88 Tahun 2021.",
    )
    for i, (kode, nama_k, bobot, subs) in enumerate(KOMPONEN):
        komponen = Komponen.objects.create(templat=templat, kode=kode, nama=nama_k, bobot=bobot, urutan=i)
        for j, (kode_s, nama_s, bobot_s, kriteria) in enumerate(subs):
            sub = SubKomponen.objects.create(komponen=komponen, kode=kode_s, nama=nama_s, bobot=bobot_s, urutan=j)
            langkah = LANGKAH[kode_s[-1]]
            for n, (uraian, bukti, sumber) in enumerate(kriteria, start=1):
                Kriteria.objects.create(
                    sub=sub, nomor=n, uraian=uraian, bukti_diharapkan=bukti, langkah_kerja=langkah, sumber=sumber
                )
    return templat
