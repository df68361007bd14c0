"""``manage.py render_document KIND --opd KODE --tahun 2024 [--jabatan ID|NAMA] -o FILE.pdf``.

Kinds: ``pk`` (a position's Perjanjian Kinerja: the latest signed version, else the draft; without
--jabatan the head of the OPD) and ``rencana-aksi``. A signed PK is written exactly as stored.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from kinerja import documents, services
from kinerja.models import PerjanjianKinerja, RencanaAksi
from renstra.management.util import find_opd
from sakip.models import Jabatan

KINDS = ("pk", "rencana-aksi")


class Command(BaseCommand):
    help = "Mencetak dokumen (PK, rencana aksi) ke PDF."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("--opd", required=True)
        parser.add_argument("--pemda")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--jabatan", help="Id atau nama jabatan; bawaan: kepala perangkat daerah.")
        parser.add_argument("-o", "--output", type=Path, required=True)

    def handle(self, *args, kind, opd, pemda, tahun, jabatan, output, **options):
        opd = find_opd(opd, pemda)
        positions = Jabatan.objects.filter(opd=opd)
        if jabatan:
            lookup = Q(pk=int(jabatan)) if jabatan.isdigit() else Q(nama__iexact=jabatan)
            position = positions.filter(lookup).first()
        else:
            position = positions.filter(atasan__isnull=True).first()
        if position is None:
            raise CommandError("Jabatan tidak ditemukan.")
        pks = PerjanjianKinerja.objects.filter(jabatan=position, tahun=tahun)
        pk = pks.latest_signed() or pks.order_by("-versi").first()
        if pk is None:
            raise CommandError(f"{position} belum punya PK tahun {tahun}.")
        if kind == "pk":
            content = pk.pdf.read() if pk.is_signed else documents.pk_pdf(pk)
        else:
            rows = list(
                RencanaAksi.objects.filter(pk_doc=pk)
                .select_related("indikator", "penanggung_jawab")
                .prefetch_related("aksi")
            )
            if not rows:
                rows = services.siapkan_rencana_aksi(pk)
            content = documents.rencana_aksi_pdf(pk, rows)
        output.write_bytes(content)
        state = "ditandatangani" if pk.is_signed else "draf"
        self.stdout.write(f"{pk} ({state}): ditulis ke {output}")
