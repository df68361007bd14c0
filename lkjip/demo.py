"""Demo documents: the Renstra of Kesbangpol Balangan (seed 000) and the LKjIP 2024 of Bakesbangpol Blitar
(seed 001), with their narratives taken from the seeds (``fixtures/demo/narasi.json``, paragraphs and
lists as the seeds print them), T-C.23/T-C.24 of the previous period (seed 000) and the benchmarks of
seed 001's Bab III, Tabel 3.1 and the non-ASN staff of seed 000. Idempotent: narratives are saved only when they differ, rows only once.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kinerja.capaian import RumusNegatif
from kinerja.services import save_pengaturan_capaian
from lkjip import narasi, render, services
from lkjip.models import AngkaTercetak, BarisPeriodeLalu, Final, Pembanding, Permasalahan, TenagaNonAsn
from renstra.models import Indikator, Level, RenstraVersi
from sakip.models import PerangkatDaerah, User

TC23 = [
    ("Angka Kejadian gangguan ketentraman sosial", "kejadian", "negatif",
     ["12", "10", "10", "9", "8"], ["", "", "4", "5", "4"]),
    ("Prosentase Ormas yang berpartisipasi menciptakan ketentraman sosial masyarakat", "%", "positif",
     ["2,6", "2,6", "2,6", "3,5", "4"], ["", "", "2,6", "2,6", "10"]),
    ("Angka partisipasi Pemilu", "%", "positif", ["", "", "90", "95", ""], ["", "", "86", "86", ""]),
    ("Nilai / Predikat Akuntabilitas Kinerja", "predikat", "positif",
     ["CC", "CC", "B", "B", "BB"], ["", "", "B", "B", "B"]),
    ("Persentase Temuan BPK/Inspektorat yang ditindaklanjuti", "%", "positif", ["100"] * 5, [""] * 5),
]  # fmt: skip
TC24 = [
    ("Meningkatnya ketentraman sosial masyarakat",
     ["", "", "1663674400", "1641690150", "650680100"], ["", "", "1514022700", "1537257070", "637255900"]),
    ("Meningkatnya Partisipasi Masyarakat dalam Pemilu",
     ["", "", "554073500", "737353000", "1306296200"], ["", "", "542056900", "620338720", "1079050725"]),
]  # fmt: skip
TAHUN_LALU = [2016, 2017, 2018, 2019, 2020]

# Seed 000 Tabel 3.1, Pemetaan Permasalahan: (masalah pokok, masalah, akar masalah); empty continues the row above.
PERMASALAHAN = [
    ("Adanya Potensi Konflik Sosial Bernuansa SARA",
     "Melemahnya pemahaman terkait nilai-nilai Pancasila, karakter dan wawasan kebangsaan dalam kehidupan Masyarakat",
     "Kurangnya Pembinaan Ideologi Pancasila dan Karakter Kebangsaan melalui diskusi, sosialisasi dan seminar di "
     "Masyarakat"),
    ("", "", "Kurangnya Koordinasi Kerukunan Antar Suku"),
    ("", "", "Kurangnya Fasilitasi Gugus Tugas Gerakan Nasional Revolusi Mental"),
    ("", "Belum Optimalnya Pemahaman, Pendidikan Politik dan Pengembangan Etika Serta Budaya Politik",
     "Belum Optimalnya pemahaman wawasan politik dimasyarakat dalam membangun pemilih cerdas dan bertanggung jawab"),
    ("", "", "Belum optimalnya sosialisasi dan simulasi pemilu dan pemilihan kepala daerah dikalangan Masyarakat dalam "
     "rangka meningkatkan partisipasi Masyarakat untuk mengikuti pemilu dan pemilihan kepala daerah"),
    ("", "", "Belum Optimalnya Fasilitas Tim Koordinasi dukungan kelancaran Pemilihan Umum / Kepala Daerah"),
    ("", "", "Belum optimalnya peran partai politik dalam proses penguatan kualitas dan kapasitas kelembagaan "
     "demokrasi di Masyarakat"),
    ("", "Belum Optimalnya Pemberdayaan dan Pengawasan Organisasi Masyarakat",
     "Belum Optimalnya Pembinaan dan Pengawasan terhadap Ormas"),
    ("", "", "Belum Optimalnya Pengawasan terhadap Organisasi Masyarakat"),
    ("", "Belum Optimalnya Pembinaan Ketahanan Ekonomi, Sosial, Budaya dan Agama",
     "Belum Optimalnya fasilitas Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika (P4GN)"),
    ("", "", "Kurangnya Pembinaan Organisasi Keagamaan"),
    ("", "Belum Optimalnya Kewaspadaan Nasional dan Penanganan Konflik",
     "Munculnya potensi konflik yang berkaitan dengan Ideologi, Politik, Ekonomi, dan Sosial, Budaya Agama "
     "pertahanan dan keamanan"),
    ("", "", "Kurangnya kewaspadaan Masyarakat terhadap potensi konflik sosial"),
    ("", "", "Belum Optimalnya Koordinasi Lintas Sektor dalam kewaspadaan dan penanganan konflik"),
    ("", "", "Belum adanya Koordinasi Pengawasan orang asing/ lembaga asing"),
]  # fmt: skip
# Seed 000 Bab II: the tenaga harian lepas by task (the narrative says 33; the list adds up to 32, kept as printed).
TENAGA_NON_ASN = [("Tenaga Kebersihan", 2), ("Penjaga Malam", 2), ("Tenaga Administrasi", 27), ("Sopir", 1)]

# Seed 001 Bab III: the comparison tables per IKU (wilayah, value), all for 2024.
PEMBANDING = {
    "Indeks Kesalehan Sosial": [("Nasional", "83,83"), ("Kabupaten Lamongan", "89,33"), ("Kota Mojokerto", "91,67")],
    "Tingkat penanganan konflik sosial di masyarakat": [
        ("Kota Blitar", "100%"),
        ("Kabupaten Magetan", "100%"),
        ("Kabupaten Malang", "81,8%"),
    ],
    "Nilai SAKIP pada Bakesbangpol Kab.Blitar": [("Kota Blitar", "85,62"), ("Kabupaten Magetan", "87,66")],
}
SUMBER_PEMBANDING = "LKjIP Bakesbangpol Kabupaten Blitar 2024, Bab III"

# Seed 001 names causes and solutions for the IKU together; each sasaran gets the sentences about it.
ANALISIS = [
    None,  # sasaran 1: the seed's whole analysis (analisis_umum)
    "<p>Masih sering terjadinya konflik horizontal di masyarakat yang berkaitan dengan IPOLEKSOBUD; tahun 2024 "
    "merupakan tahun politik sehingga rawan terjadi benturan kepentingan antar pihak.</p><p>Alternatif solusi yang "
    "telah dilakukan: meningkatkan partisipasi masyarakat dalam deteksi dini dan cegah dini serta penanggulangan "
    "terhadap potensi ATHG.</p>",
    "<p>Kurangnya akuntabilitas partai politik dalam pengelolaan bantuan hibah partai politik dan kurangnya "
    "pemahaman politik bagi masyarakat Kabupaten Blitar.</p><p>Alternatif solusi yang telah dilakukan: workshop "
    "administrasi kelembagaan dan keuangan bagi pengurus partai politik, verifikasi dan monitoring partai politik, "
    "serta peningkatan peran dan pemberdayaan masyarakat dalam pendidikan politik melalui sosialisasi dan "
    "perluasan informasi publik.</p>",
    "<p>Pada tahun 2024 terdapat perubahan indikator penilaian pada Lembar Kerja Evaluasi (LKE) SAKIP, sehingga ada "
    "beberapa unsur dari indikator yang belum terpenuhi; nilai SAKIP terealisasi 66,55 dari target 75,3.</p>",
]


def _texts() -> dict:
    path = Path(settings.BASE_DIR) / "fixtures" / "demo" / "narasi.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _save(dokumen, texts: dict[str, str]) -> None:
    for kunci, html in texts.items():
        narasi.save(dokumen, kunci, html, actor=None)


@transaction.atomic
def load(stdout) -> None:
    texts = _texts()
    balangan = PerangkatDaerah.objects.filter(pemda__kode="balangan", kode="8.01.0.00.0.00.01.0000").first()
    versi = RenstraVersi.objects.filter(renstra__opd=balangan).order_by("-nomor").first() if balangan else None
    if balangan is not None:  # seed 000's T-C.23 rates a lower-is-better indicator (T − R) / T (60 %, 44,4 %)
        save_pengaturan_capaian(balangan.pemda, {"rumus_negatif": RumusNegatif.T_MINUS_R})
    if versi is not None:
        dokumen = services.renstra(versi, create=True)
        _save(dokumen, texts["renstra_balangan"])
    if versi is not None and not dokumen.periode_lalu.exists():  # loaded once: a reload changes nothing
        rows = [
            {
                "uraian": u,
                "satuan": s,
                "polaritas": p,
                "tahun": dict(zip(TAHUN_LALU, zip(t, r, strict=True), strict=True)),
            }
            for u, s, p, t, r in TC23
        ]
        services.save_periode_lalu(dokumen, BarisPeriodeLalu.Tabel.KINERJA, rows, TAHUN_LALU)
        rows = [{"uraian": u, "tahun": dict(zip(TAHUN_LALU, zip(a, r, strict=True), strict=True))} for u, a, r in TC24]
        services.save_periode_lalu(dokumen, BarisPeriodeLalu.Tabel.PENDANAAN, rows, TAHUN_LALU)
    if versi is not None and not Permasalahan.objects.filter(dokumen=dokumen).exists():
        services.save_permasalahan(dokumen, PERMASALAHAN)
    if versi is not None and not TenagaNonAsn.objects.filter(dokumen=dokumen).exists():
        services.save_tenaga_non_asn(dokumen, TENAGA_NON_ASN)
    blitar = PerangkatDaerah.objects.filter(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000").first()
    if blitar is not None and RenstraVersi.objects.berlaku(blitar, 2024) is not None:
        dokumen = services.lkjip(blitar, 2024, create=True)
        if dokumen.tanggal is None:  # seed 001: "Blitar, 28 Februari 2025" (kata pengantar and signature)
            services.simpan_identitas(dokumen, {"tanggal": datetime.date(2025, 2, 28), "tempat": "Blitar"})
        lk = dict(texts["lkjip_blitar_2024"])
        general = lk.pop("analisis_umum")
        _save(dokumen, lk)
        for node, text in zip(render.sasaran_nodes(dokumen), ANALISIS, strict=False):
            narasi.save(dokumen, narasi.kunci_sasaran(node.elemen.pk), text or general, actor=None)
        if not dokumen.angka_tercetak.exists():  # the seed's Jumlah, 30 more than its rows add up to
            AngkaTercetak.objects.create(
                dokumen=dokumen, tabel="3.6", baris="Jumlah", kolom=5, nilai="66.347.193.865", sumber=SUMBER_PEMBANDING
            )
        versi_blitar = RenstraVersi.objects.berlaku(blitar, 2024)
        for uraian, rows in PEMBANDING.items() if not dokumen.pembanding.exists() else ():
            indikator = Indikator.objects.filter(
                elemen__versi=versi_blitar, elemen__level=Level.SASARAN, uraian=uraian
            ).first()
            for i, (wilayah, nilai) in enumerate(rows, start=1):
                if indikator is not None:
                    Pembanding.objects.create(
                        dokumen=dokumen,
                        indikator=indikator,
                        urutan=i,
                        pembanding=wilayah,
                        nilai=nilai,
                        tahun=2024,
                        sumber=SUMBER_PEMBANDING,
                    )
    stdout.write("Dokumen demo: Renstra Kesbangpol Balangan dan LKjIP 2024 Bakesbangpol Blitar (narasi dari seed).")
    if getattr(settings, "DEMO_FINAL", True):
        finals = load_finals()
        if finals:
            stdout.write(f"Dokumen final demo: {', '.join(finals)}.")


def load_finals() -> list[str]:
    """The demo's Renstra of Kesbangpol Balangan and LKjIP 2024 of Bakesbangpol Blitar rendered and finalised
    (once), so that the evaluators have a final to download. Printing takes some seconds per document, so
    the test suite leaves it out (``settings.DEMO_FINAL``) and a test that needs a final calls this."""
    done = []
    dokumen = []
    balangan = PerangkatDaerah.objects.filter(pemda__kode="balangan", kode="8.01.0.00.0.00.01.0000").first()
    versi = RenstraVersi.objects.filter(renstra__opd=balangan, status=RenstraVersi.Status.DITETAPKAN).first()
    if versi is not None:
        dokumen.append(services.renstra(versi, create=True))
    blitar = PerangkatDaerah.objects.filter(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000").first()
    if blitar is not None and RenstraVersi.objects.berlaku(blitar, 2024) is not None:
        dokumen.append(services.lkjip(blitar, 2024, create=True))
    for doc in dokumen:
        if Final.objects.filter(dokumen=doc).exists():
            continue
        cetakan = services.request_render(doc)
        if not cetakan.pdf:
            render.run(cetakan.pk)  # now, not after the loader's transaction: the final needs the PDF
        planner = User.objects.filter(username=f"perencana.{doc.opd.pemda.kode}").first()  # a name on the final
        services.finalkan(doc, actor=planner, catatan="Data demo")
        done.append(str(doc))
    return done
