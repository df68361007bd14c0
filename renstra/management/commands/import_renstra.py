"""``manage.py import_renstra --opd KODE --periode 2021-2026 FILE.xlsx [--dry-run]``.

Prints the same report as the preview in the browser; exits non-zero when the file has errors (and then
saves nothing).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renstra.importers import tc27
from renstra.management.util import find_opd, find_periode
from sakip.audit import acting_as
from sakip.lib.numbers import format_rupiah
from sakip.lib.uploads import sha256_of


class Command(BaseCommand):
    help = "Mengimpor Renstra dari workbook Excel (tabel seperti T-C.27) ke versi draf baru."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--opd", required=True, help="Kode perangkat daerah.")
        parser.add_argument("--pemda", help="Kode pemda, bila kode OPD dipakai di lebih dari satu pemda.")
        parser.add_argument("--periode", required=True, help="Mis. 2021-2026.")
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa; jangan simpan.")

    def handle(self, *args, file: Path, opd, pemda, periode, dry_run, **options):
        opd = find_opd(opd, pemda)
        periode = find_periode(opd, periode)
        if not file.exists():
            raise CommandError(f"Berkas tidak ditemukan: {file}")
        with open(file, "rb") as handle:
            report = tc27.read_renstra(handle, periode.years, size=file.stat().st_size)
        self.print_report(report)
        if report.errors:
            raise CommandError(f"{len(report.errors)} kesalahan; tidak ada yang disimpan.")
        if dry_run:
            self.stdout.write("Pemeriksaan saja (--dry-run): tidak ada yang disimpan.")
            return
        with acting_as(label="import_renstra"):
            try:
                versi = tc27.save_renstra(report, opd, periode, berkas=file.name, sha256=sha256_of(file))
            except tc27.ImportRefused as error:
                raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Disimpan sebagai {versi} ({versi.elemen.count()} elemen)."))

    def print_report(self, report: tc27.Report) -> None:
        self.stdout.write("Jumlah: " + ", ".join(f"{label} {n}" for label, n in report.counts.items()))
        for year, total in report.totals.items():
            self.stdout.write(f"  Pagu {year}: {format_rupiah(total)}")
        if report.ignored_columns:
            self.stdout.write("Kolom diabaikan: " + "; ".join(report.ignored_columns))
        for problem in report.problems:
            kind = "KESALAHAN" if problem.error else "peringatan"
            where = f"baris {problem.row}" if problem.row else ""
            if problem.column:
                where += f", kolom “{problem.column}”"
            text = f" [{problem.text}]" if problem.text else ""
            self.stdout.write(f"{kind}: {where}{text}: {problem.message}".replace(": : ", ": "))
