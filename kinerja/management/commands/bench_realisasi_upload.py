"""``manage.py bench_realisasi_upload``: time and peak memory of a realisasi workbook upload of 20,000 cells.

Generates an OPD whose Renstra has ~5,000 indicators (inside a transaction that is rolled back), fills the
downloaded template's four quarters of every indicator (20,000 changed cells) and times the preview (the
checking run, rolled back) and the save, as the upload page runs them. A benchmark, not a test: the goal
(each well within gunicorn's 120 s timeout; under 30 s) is read by a person.
"""

import resource
import time
from io import BytesIO

from django.core.management.base import BaseCommand
from django.db import transaction
from openpyxl import load_workbook

from kinerja import exporters, importers
from kinerja.exporters import IND_COLS, SHEET_IND
from kinerja.models import JendelaRealisasi, Realisasi
from renstra.models import Indikator, RenstraVersi
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.models import Pemda, PerangkatDaerah, User

TAHUN = 2024


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Mengukur waktu dan memori unggahan lembar kerja realisasi berisi 20.000 sel."

    def add_arguments(self, parser):
        parser.add_argument("--programs", type=int, default=50)

    def handle(self, *args, programs, **options):
        try:
            with transaction.atomic():
                self.run(programs)
                raise Rollback
        except Rollback:
            pass

    def run(self, programs: int) -> None:
        started = time.perf_counter()
        pemda = Pemda.objects.create(kode="bench", nama="Kabupaten Bench", kepala_daerah_jabatan="Bupati", ibukota="X")
        periode = make_periode(pemda)
        opd = PerangkatDaerah.objects.create(pemda=pemda, kode="B001", nama="Dinas Bench")
        versi = generate_plan(
            make_versi(opd, periode),
            programs=programs,
            kegiatan_per_program=5,
            sub_per_kegiatan=9,
            indicators_per_element=2,
        )
        versi.status, versi.berlaku_mulai = RenstraVersi.Status.DITETAPKAN, periode.tahun_awal
        versi.save()
        for q in (1, 2, 3, 4):
            JendelaRealisasi.objects.create(pemda=pemda, tahun=TAHUN, triwulan=q, terbuka=True)
        user = User.objects.create_superuser("bench", password=None)
        wb = load_workbook(BytesIO(exporters.template(opd, TAHUN)))
        ws = wb[SHEET_IND]
        cells = 0
        for row in range(2, ws.max_row + 1):
            for n, col in enumerate(IND_COLS, start=1):
                ws.cell(row, col).value = f"{row % 97},{n}"
                cells += 1
        out = BytesIO()
        wb.save(out)
        data = out.getvalue()
        self.stdout.write(
            f"Renstra: {Indikator.objects.filter(elemen__versi=versi).count()} indikator; lembar kerja "
            f"{len(data) // 1024} KiB, {cells} sel diubah (disiapkan dalam {time.perf_counter() - started:.1f} s)"
        )
        for label, save in (("pratinjau", False), ("simpan", True)):
            begin = time.perf_counter()
            report = importers.import_workbook(opd, TAHUN, BytesIO(data), actor=user, save=save, size=len(data))
            elapsed = time.perf_counter() - begin
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux: the process so far
            self.stdout.write(
                f"{label:10} {elapsed:6.1f} s   puncak memori proses {peak / 1024:6.1f} MiB   "
                f"{report.indikator} sel indikator, {len(report.errors)} kesalahan"
            )
        saved = Realisasi.objects.filter(indikator__elemen__versi=versi, tahun=TAHUN).count()
        self.stdout.write(f"Tersimpan: {saved} realisasi (target: {cells})")
