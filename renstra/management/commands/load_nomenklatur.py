"""``manage.py load_nomenklatur``: the nomenclature codes that appear in the seed documents. Idempotent.

These are the official list (no pemda), which only the operator changes; the full Kepmendagri list is imported
by the operator (superuser) on Nomenklatur → Impor dari Excel. A pemda's admin adds only local entries.
"""

from django.core.management.base import BaseCommand

from renstra.importers.nomenklatur import load_seed_nomenklatur
from sakip.audit import acting_as


class Command(BaseCommand):
    help = "Memuat nomenklatur yang dipakai dokumen contoh (fixtures/nomenklatur_seed.tsv)."

    def handle(self, *args, **options):
        with acting_as(label="load_nomenklatur"):
            result = load_seed_nomenklatur()
        self.stdout.write(f"Nomenklatur: {result.created} baru, {result.updated} diperbarui.")
