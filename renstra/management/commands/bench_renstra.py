"""``manage.py bench_renstra``: server time and query count of the Renstra pages on a large plan.

Generates 20 programs, 100 kegiatan, 600 sub kegiatan, ~1,500 indicators over 6 years inside a
transaction that is rolled back, requests each page a few times and prints the best time. A
benchmark, not a test: the goal (under 300 ms, constant queries) is read by a person.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from renstra.models import Level
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import Pemda, PerangkatDaerah, User


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Mengukur waktu server dan jumlah query halaman Renstra pada rencana besar."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, repeat, **options):
        try:
            with transaction.atomic():
                self.run(repeat)
                raise Rollback
        except Rollback:
            pass

    def run(self, repeat: int) -> None:
        started = time.perf_counter()
        pemda = Pemda.objects.create(kode="bench", nama="Kabupaten Bench", kepala_daerah_jabatan="Bupati", ibukota="X")
        opd = PerangkatDaerah.objects.create(pemda=pemda, kode="BENCH", nama="Dinas Bench")
        versi = generate_plan(
            make_versi(opd, make_periode(pemda)),
            programs=20,
            kegiatan_per_program=5,
            sub_per_kegiatan=6,
            indicators_per_element=2,
        )
        self.stdout.write(
            f"Rencana: {versi.elemen.count()} elemen, "
            f"{versi.elemen.filter(level=Level.SUB_KEGIATAN).count()} sub kegiatan, "
            f"{sum(e.indikator.count() for e in versi.elemen.all())} indikator, 6 tahun "
            f"(dibuat dalam {time.perf_counter() - started:.1f} s)"
        )
        user = User.objects.create_superuser("bench", password=None)
        client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".").replace("*", "localhost"))
        client.force_login(user)
        for name in ("renstra:versi_detail", "renstra:target_grid", "renstra:pagu_grid"):
            url = reverse(name, args=[versi.pk])
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
                f"{name:24} terbaik {best:7.1f} ms   median {median:7.1f} ms"
                f"   {queries} query   {len(response.content) // 1024} KiB"
            )
