"""``manage.py bench_realisasi``: server time and query count of the realisasi dashboards at pemda scale.

Generates a pemda of 50 OPD, each with a Renstra of 600 sub kegiatan and ~1,500 indicators with four
quarters of realisasi and budget (inside a transaction that is rolled back), then requests the pemda
dashboard, one OPD dashboard and the OPD's realisasi grid a few times and prints the best and median
time and the query count. A benchmark, not a test: the goal (under 500 ms, constant queries) is read
by a person.
"""

import time
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.models import AnggaranSubKegiatan, JendelaRealisasi, Realisasi, RealisasiAnggaran
from renstra.models import Elemen, Indikator, Level, RenstraVersi
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import Pemda, PerangkatDaerah, User

TAHUN = 2024


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Mengukur waktu server dan jumlah query dasbor realisasi pada pemda besar."

    def add_arguments(self, parser):
        parser.add_argument("--opd", type=int, default=50)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, opd, repeat, **options):
        try:
            with transaction.atomic():
                self.run(opd, repeat)
                raise Rollback
        except Rollback:
            pass

    def build(self, pemda, periode, n: int) -> PerangkatDaerah:
        opd = PerangkatDaerah.objects.create(pemda=pemda, kode=f"B{n:03d}", nama=f"Dinas Bench {n}")
        versi = generate_plan(
            make_versi(opd, periode), programs=20, kegiatan_per_program=5, sub_per_kegiatan=6, indicators_per_element=2
        )
        versi.status, versi.berlaku_mulai = RenstraVersi.Status.DITETAPKAN, periode.tahun_awal
        versi.save()
        Indikator.objects.filter(elemen__versi=versi, elemen__level=Level.SASARAN).update(is_iku=True)
        Realisasi.objects.bulk_create(
            (
                Realisasi(indikator_id=i, tahun=TAHUN, triwulan=q, nilai=Decimal(20 + q))
                for i in Indikator.objects.filter(elemen__versi=versi).values_list("pk", flat=True)
                for q in (1, 2, 3, 4)
            ),
            batch_size=2000,
        )
        subs = list(Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN).values_list("pk", flat=True))
        AnggaranSubKegiatan.objects.bulk_create(
            AnggaranSubKegiatan(
                elemen_id=s, tahun=TAHUN, jenis=AnggaranSubKegiatan.Jenis.DPA, jumlah=Decimal(1_000_000)
            )
            for s in subs
        )
        RealisasiAnggaran.objects.bulk_create(
            (
                RealisasiAnggaran(elemen_id=s, tahun=TAHUN, triwulan=q, jumlah=Decimal(200_000))
                for s in subs
                for q in (1, 2, 3, 4)
            ),
            batch_size=2000,
        )
        return opd

    def run(self, n_opd: int, repeat: int) -> None:
        started = time.perf_counter()
        pemda = Pemda.objects.create(kode="bench", nama="Kabupaten Bench", kepala_daerah_jabatan="Bupati", ibukota="X")
        periode = make_periode(pemda)
        for q in (1, 2, 3, 4):
            JendelaRealisasi.objects.create(pemda=pemda, tahun=TAHUN, triwulan=q, terbuka=q == 4)
        opds = [self.build(pemda, periode, n) for n in range(1, n_opd + 1)]
        self.stdout.write(
            f"Pemda: {n_opd} OPD, "
            f"{Elemen.objects.filter(versi__renstra__opd__pemda=pemda, level=Level.SUB_KEGIATAN).count()} "
            f"sub kegiatan, {Indikator.objects.filter(elemen__versi__renstra__opd__pemda=pemda).count()} indikator, "
            f"{Realisasi.objects.filter(indikator__elemen__versi__renstra__opd__pemda=pemda).count()} realisasi "
            f"(dibuat dalam {time.perf_counter() - started:.1f} s)"
        )
        user = User.objects.create_superuser("bench", password=None)
        user.pemda = pemda
        user.save()
        client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".").replace("*", "localhost"))
        client.force_login(user)
        pages = [
            ("dasbor pemda", reverse("realisasi:pemda_dashboard", args=[TAHUN])),
            ("dasbor OPD", reverse("realisasi:opd_dashboard", args=[opds[0].pk, TAHUN])),
            ("tabel realisasi OPD", reverse("realisasi:indikator_grid", args=[opds[0].pk, TAHUN])),
            ("tabel anggaran OPD", reverse("realisasi:anggaran_grid", args=[opds[0].pk, TAHUN])),
        ]
        connection.queries_log.clear()  # the build overflowed it; CaptureQueriesContext counts from here
        for label, url in pages:
            timings, queries = [], 0
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as ctx:
                    begin = time.perf_counter()
                    response = client.get(url)
                    timings.append(time.perf_counter() - begin)
                assert response.status_code == 200, response.status_code
                queries = len(ctx.captured_queries)
            best, median = min(timings) * 1000, sorted(timings)[len(timings) // 2] * 1000
            self.stdout.write(
                f"{label:22} terbaik {best:7.1f} ms   median {median:7.1f} ms"
                f"   {queries} query   {len(response.content) // 1024} KiB"
            )
