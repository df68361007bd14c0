"""``manage.py bench_import [--rows 5000]``: time and memory of the Excel import on a generated workbook.

Writes a T-C.27 workbook of the given number of rows, reads it (the preview) and saves it (in a
transaction that is rolled back), and prints seconds and peak memory. A benchmark, not a test: the goal
(each step under 20 s, memory not growing with the file beyond a few hundred MB) is read by a person.
"""

import resource
import tempfile
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from openpyxl import Workbook

from renstra.importers import tc27
from renstra.testing import make_periode
from sakip.models import Pemda, PerangkatDaerah

YEARS = list(range(2021, 2027))


class Rollback(Exception):
    pass


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_workbook(path, rows: int) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("T-C.27")
    ws.append(
        ["Kode", "Program, Kegiatan dan Sub Kegiatan", "Indikator", "Data Capaian pada Tahun Awal Perencanaan"]
        + [x for y in YEARS for x in (f"Tahun {y}", None)]
        + ["Kondisi akhir", None, "Unit Kerja Penanggung Jawab", "Lokasi"]
    )
    ws.append([None] * 4 + ["Target", "Rp"] * 7 + [None, None])
    written, p = 2, 0
    while written < rows:
        p += 1
        ws.append(
            [
                f"8.{p // 100 + 1:02d}.{p % 100:02d}",
                f"Program {p}",
                "Persentase capaian",
                "80%",
                *(["85%", None] * 6),
                "90%",
                None,
            ]
        )
        written += 1
        for k in range(1, 11):
            ws.append(
                [
                    f"8.{p // 100 + 1:02d}.{p % 100:02d}.2.{k:02d}",
                    f"Kegiatan {p}.{k}",
                    "Jumlah dokumen",
                    "1",
                    *(["2 dok", None] * 6),
                    "12 dok",
                ]
            )
            written += 1
            for s in range(1, 10):
                values = [x for y in YEARS for x in (f"{y - 2000} orang", f"{1_000_000 * s:,}")]
                kode = f"8.{p // 100 + 1:02d}.{p % 100:02d}.2.{k:02d}.{s:04d}"
                ws.append(
                    [
                        kode,
                        f"Sub kegiatan {p}.{k}.{s}",
                        "Jumlah orang",
                        "10",
                        *values,
                        "126 orang",
                        None,
                        "Sekretariat",
                        "Kab. X",
                    ]
                )
                written += 1
                if written >= rows:
                    break
            if written >= rows:
                break
    wb.save(path)
    return written


class Command(BaseCommand):
    help = "Mengukur waktu dan memori impor Renstra dari Excel."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=5000)

    def handle(self, *args, rows, **options):
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
            started = time.perf_counter()
            written = write_workbook(handle.name, rows)
            self.stdout.write(f"Workbook: {written} baris, dibuat dalam {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            with open(handle.name, "rb") as data:
                report = tc27.read_renstra(data, YEARS)
            read_s = time.perf_counter() - started
            self.stdout.write(
                f"Pratinjau: {read_s:.1f} s, memori proses tertinggi {peak_mb():.0f} MB, "
                f"{sum(report.counts.values())} butir, {len(report.errors)} kesalahan"
            )
            try:
                with transaction.atomic():
                    pemda = Pemda.objects.create(kode="bench-import", nama="B", kepala_daerah_jabatan="B", ibukota="B")
                    opd = PerangkatDaerah.objects.create(pemda=pemda, kode="BENCH", nama="Dinas Bench")
                    started = time.perf_counter()
                    versi = tc27.save_renstra(report, opd, make_periode(pemda))
                    save_s = time.perf_counter() - started
                    self.stdout.write(
                        f"Simpan: {save_s:.1f} s, memori proses tertinggi {peak_mb():.0f} MB, "
                        f"{versi.elemen.count()} elemen"
                    )
                    raise Rollback
            except Rollback:
                pass
