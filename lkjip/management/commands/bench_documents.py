"""``manage.py bench_documents``: render time and peak memory of the Renstra and LKjIP documents.

Prints, for the demo LKjIP 2024 (Blitar), the demo Renstra (Balangan) and the Renstra of a generated
OPD of 600 sub kegiatan over 6 years (inside a rolled-back transaction), the time spent building the
content (queries and computation), the time printing it (template and WeasyPrint), the pages and the
peak memory (of this process and of the print workers, see lkjip.parallel). A benchmark, not a test:
the goals (demo LKjIP < 5 s, large Renstra < 20 s and < 1 GB, building < 10 % of the total) are read by
a person. The workers are started first, as a long-running task worker has them.
"""

import resource
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from lkjip import parallel, render, services
from renstra import services as renstra_services
from renstra.models import RenstraVersi
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import Pemda, PerangkatDaerah


class Rollback(Exception):
    pass


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Mengukur waktu cetak dan memori puncak dokumen Renstra dan LKjIP."

    def measure(self, label: str, dokumen) -> None:
        parallel.last_run.clear()
        begin = time.perf_counter()
        isi = render.build(dokumen)
        built = time.perf_counter() - begin
        html_begin = time.perf_counter()
        render.html(isi)
        templated = time.perf_counter() - html_begin
        pdf_begin = time.perf_counter()
        _content, pages = render.pdf(isi)
        printed = time.perf_counter() - pdf_begin
        total = built + printed
        parts = parallel.last_run
        workers = f", {len(parts['parts'])} bagian paralel" if parts else ", sekaligus"
        memory = f"memori puncak {_peak_mib():4.0f} MiB"
        if parts:
            memory += f" + pekerja {len(parts['parts'])} × {parts['worker_mib']:.0f} MiB"
        self.stdout.write(
            f"{label:34} {total:6.1f} s  (data {built:5.2f} s = {built / total * 100:4.1f} %, "
            f"template {templated:5.2f} s, cetak {printed:5.1f} s{workers})  {pages:4} halaman  {memory}"
        )

    def handle(self, *args, **options):
        begin = time.perf_counter()
        parallel.prepare()
        self.stdout.write(
            f"{settings.PRINT_WORKERS} pekerja cetak siap dalam {time.perf_counter() - begin:.1f} s "
            "(sekali per proses pekerja tugas)"
        )
        blitar = PerangkatDaerah.objects.filter(kode="8.01.0.00.0.00.02.0000").first()
        if blitar and RenstraVersi.objects.berlaku(blitar, 2024):
            self.measure("LKjIP 2024 demo (Blitar)", services.lkjip(blitar, 2024))
        balangan = PerangkatDaerah.objects.filter(kode="8.01.0.00.0.00.01.0000").first()
        versi = RenstraVersi.objects.filter(renstra__opd=balangan).order_by("-nomor").first() if balangan else None
        if versi:
            self.measure("Renstra demo (Balangan)", services.renstra(versi))
        if not blitar:
            self.stdout.write("Data demo belum dimuat (make demo): hanya dokumen besar yang diukur.")
        try:
            with transaction.atomic():
                pemda = Pemda.objects.create(
                    kode="bench-doc", nama="Kabupaten Bench", kepala_daerah_jabatan="Bupati", ibukota="X"
                )
                opd = PerangkatDaerah.objects.create(pemda=pemda, kode="BENCH", nama="Dinas Bench")
                big = generate_plan(
                    make_versi(opd, make_periode(pemda)),
                    programs=20,
                    kegiatan_per_program=5,
                    sub_per_kegiatan=6,
                    indicators_per_element=2,
                )
                renstra_services.tetapkan(big, berlaku_mulai=2021, actor=None)
                self.measure("Renstra besar (600 sub kegiatan)", services.renstra(big))
                self.measure("LKjIP besar 2023 (600 sub kegiatan)", services.lkjip(opd, 2023))
                raise Rollback
        except Rollback:
            pass
