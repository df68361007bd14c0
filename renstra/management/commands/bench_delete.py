"""``manage.py bench_delete [--programs 10 --kegiatan 10 --sub 28]``: time of deleting a large draft version.

Generates a draft Renstra version (by default 2,912 elements — the 3,000-row workbook of issue 15 — with an
indicator each, six years of targets and pagu: about 40,000 rows), deletes it with
:func:`renstra.services.delete_versi` and prints the seconds, the rows deleted and the audit entries written;
everything is rolled back at the end. A benchmark, not a test: the goal (a few seconds, one audit entry) is read
by a person.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from renstra import services
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.audit import acting_as
from sakip.models import AuditEntry, Pemda, PerangkatDaerah


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Waktu menghapus versi draf Renstra yang besar (semuanya dibatalkan di akhir)."

    def add_arguments(self, parser):
        parser.add_argument("--programs", type=int, default=10)
        parser.add_argument("--kegiatan", type=int, default=10, help="kegiatan per program")
        parser.add_argument("--sub", type=int, default=28, help="sub kegiatan per kegiatan")

    def handle(self, *args, programs, kegiatan, sub, **options):
        try:
            with transaction.atomic(), acting_as(label="bench_delete"):
                pemda = Pemda.objects.create(kode="bench-delete", nama="B", kepala_daerah_jabatan="B", ibukota="B")
                opd = PerangkatDaerah.objects.create(pemda=pemda, kode="BENCH", nama="Dinas Bench")
                started = time.perf_counter()
                versi = generate_plan(
                    make_versi(opd, make_periode(pemda)),
                    programs=programs,
                    kegiatan_per_program=kegiatan,
                    sub_per_kegiatan=sub,
                )
                self.stdout.write(
                    f"Rencana: {versi.elemen.count()} elemen, dibuat dalam {time.perf_counter() - started:.1f} s"
                )
                entries = AuditEntry.objects.count()
                started = time.perf_counter()
                counts = services.delete_versi(versi)
                seconds = time.perf_counter() - started
                self.stdout.write(
                    f"Hapus versi: {seconds:.2f} s, {sum(counts.values())} baris "
                    f"({', '.join(f'{label} {n}' for label, n in sorted(counts.items()))}), "
                    f"{AuditEntry.objects.count() - entries} catatan audit"
                )
                raise Rollback
        except Rollback:
            pass
