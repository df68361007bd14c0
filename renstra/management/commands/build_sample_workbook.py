from django.core.management.base import BaseCommand

from renstra.samples import SAMPLE, build


class Command(BaseCommand):
    help = "Menulis ulang contoh workbook T-C.27 di fixtures/ dari tabel demo."

    def handle(self, *args, **options):
        build()
        self.stdout.write(f"Ditulis: {SAMPLE}")
