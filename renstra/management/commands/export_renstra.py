"""``manage.py export_renstra --opd KODE --periode 2021-2026 [--versi N] -o FILE.xlsx``.

Writes T-C.25, T-C.26, T-C.27, the target grid and the pagu grid; by default of the version in force.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from renstra import exporters
from renstra.management.util import find_opd, find_periode
from renstra.models import Renstra


class Command(BaseCommand):
    help = "Mengekspor tabel Renstra ke Excel."

    def add_arguments(self, parser):
        parser.add_argument("--opd", required=True)
        parser.add_argument("--pemda")
        parser.add_argument("--periode", required=True, help="Mis. 2021-2026.")
        parser.add_argument("--versi", type=int, help="Nomor versi; bawaan: versi yang berlaku.")
        parser.add_argument("--tabel", choices=list(exporters.TABLES), action="append", help="Bawaan: semua.")
        parser.add_argument("-o", "--output", type=Path, required=True)

    def handle(self, *args, opd, pemda, periode, versi, tabel, output, **options):
        opd = find_opd(opd, pemda)
        renstra = Renstra.objects.filter(opd=opd, periode=find_periode(opd, periode)).first()
        if renstra is None:
            raise CommandError(f"{opd} belum punya Renstra untuk periode {periode}.")
        chosen = renstra.versi.filter(nomor=versi).first() if versi else renstra.versi_berlaku()
        chosen = chosen or renstra.versi.order_by("-nomor").first()
        if chosen is None:
            raise CommandError("Versi tidak ditemukan.")
        output.write_bytes(exporters.export_workbook(chosen, tabel))
        self.stdout.write(f"{chosen}: ditulis ke {output}")
