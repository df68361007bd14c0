"""``manage.py render_document KIND --opd KODE --tahun 2024 -o FILE.pdf`` (or ``--all-opd --pemda P -o DIR``).

Kinds:

* ``renstra``: the Renstra version in force in --tahun (the latest final is written as stored unless
  --preview; otherwise it is rendered from the current data);
* ``lkjip``: the LKjIP of --tahun, likewise;
* ``pk``: a position's Perjanjian Kinerja (the latest signed version, else the draft; without --jabatan the
  head of the OPD); ``rencana-aksi``: its rencana aksi;
* ``pohon-kinerja``: the pohon kinerja in force in --tahun (default: this year), its diagram and its
  translation table (--kertas A3 or A4);
* the documents apps above lkjip register in :mod:`sakip.documents`, e.g. ``lhe``: the Laporan Hasil Evaluasi
  AKIP of --tahun (the stored final, else from the current grades).

With --all-opd every OPD of the pemda is written into the folder -o, one file per OPD (for archiving);
an OPD without the document is listed and skipped.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from kinerja import exporters as kinerja_exporters
from kinerja import services
from kinerja.models import PerjanjianKinerja, RencanaAksi
from lkjip import render
from lkjip import services as dokumen_services
from lkjip.models import Final
from pohon import exporters as pohon_exporters
from pohon import services as pohon_services
from pohon.models import PohonKinerja
from renstra.management.util import find_opd
from renstra.models import RenstraVersi
from sakip import documents
from sakip.lib.pdf import DIAGRAM_PAPERS
from sakip.models import Jabatan, PerangkatDaerah

KINDS = ("renstra", "lkjip", "pk", "rencana-aksi", "pohon-kinerja")


class Skip(Exception):
    pass


class Command(BaseCommand):
    help = "Mencetak dokumen (Renstra, LKjIP, PK, rencana aksi, pohon kinerja, LHE) ke PDF."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=(*KINDS, *documents.kinds()))
        parser.add_argument("--opd", help="Kode perangkat daerah.")
        parser.add_argument("--all-opd", action="store_true", help="Semua perangkat daerah pemda (--pemda).")
        parser.add_argument("--pemda", help="Kode pemda.")
        parser.add_argument("--tahun", type=int, help="Wajib kecuali untuk pohon-kinerja (bawaan: tahun ini).")
        parser.add_argument("--kertas", choices=DIAGRAM_PAPERS, default="A3", help="Kertas diagram pohon kinerja.")
        parser.add_argument("--jabatan", help="Id atau nama jabatan (pk, rencana-aksi); bawaan: kepala.")
        parser.add_argument("--preview", action="store_true", help="Cetak dari data terkini walau ada versi final.")
        parser.add_argument("-o", "--output", type=Path, required=True, help="Berkas PDF, atau folder bila --all-opd.")

    def handle(self, *args, kind, opd, all_opd, pemda, tahun, jabatan, preview, output, kertas, **options):
        self.kertas = kertas
        if tahun is None:
            if kind != "pohon-kinerja":
                raise CommandError("--tahun wajib untuk dokumen ini.")
            tahun = timezone.localdate().year
        if all_opd:
            if not pemda:
                raise CommandError("--all-opd memerlukan --pemda.")
            opds = list(PerangkatDaerah.objects.filter(pemda__kode=pemda, aktif=True).select_related("pemda"))
            if not opds:
                raise CommandError(f"Pemda {pemda!r} tidak ditemukan atau tidak punya perangkat daerah.")
            output.mkdir(parents=True, exist_ok=True)
            written = 0
            for each in opds:
                target = output / f"{kind}-{tahun}-{(each.singkatan or each.kode).replace('/', '-')}.pdf"
                try:
                    message = self._one(kind, each, tahun, jabatan, preview, target)
                except Skip as reason:
                    self.stdout.write(f"{each.nama}: dilewati ({reason})")
                else:
                    written += 1
                    self.stdout.write(message)
            self.stdout.write(f"{written} dari {len(opds)} perangkat daerah ditulis ke {output}")
            return
        if not opd:
            raise CommandError("Sebutkan --opd atau --all-opd.")
        try:
            self.stdout.write(self._one(kind, find_opd(opd, pemda), tahun, jabatan, preview, output))
        except Skip as reason:
            raise CommandError(str(reason)) from None

    def _one(self, kind, opd, tahun, jabatan, preview, output: Path) -> str:
        if kind in documents.kinds():
            try:
                content, message = documents.printer(kind)(opd, tahun, preview=preview)
            except documents.Lewati as reason:
                raise Skip(str(reason)) from None
            output.write_bytes(content)
            return f"{message}: ditulis ke {output}"
        if kind == "pohon-kinerja":
            return self._pohon(opd, tahun, output)
        if kind in ("renstra", "lkjip"):
            return self._document(kind, opd, tahun, preview, output)
        return self._pk(kind, opd, tahun, jabatan, output)

    def _document(self, kind, opd, tahun, preview, output: Path) -> str:
        versi = RenstraVersi.objects.berlaku(opd, tahun)
        if versi is None:
            raise Skip(f"belum ada Renstra yang ditetapkan dan berlaku tahun {tahun}")
        dokumen = dokumen_services.lkjip(opd, tahun) if kind == "lkjip" else dokumen_services.renstra(versi)
        final = Final.objects.filter(dokumen_id=dokumen.pk).order_by("-nomor").first() if dokumen.pk else None
        if final is not None and not preview:
            with final.pdf.open("rb") as handle:
                output.write_bytes(handle.read())
            return f"{dokumen} (final versi {final.nomor}, SHA-256 {final.sha256}): ditulis ke {output}"
        content, pages = render.pdf(render.build(dokumen))
        output.write_bytes(content)
        return f"{dokumen} (dari data terkini, {pages} halaman): ditulis ke {output}"

    def _pohon(self, opd, tahun, output: Path) -> str:
        pohon = PohonKinerja.objects.berlaku(opd, tahun)
        if pohon is None:
            raise Skip(f"belum ada pohon kinerja yang berlaku tahun {tahun}")
        tree = pohon_services.load(pohon)
        output.write_bytes(pohon_exporters.pdf(tree, kertas=self.kertas))
        return f"{pohon} ({len(tree.nodes)} simpul): ditulis ke {output}"

    def _pk(self, kind, opd, tahun, jabatan, output: Path) -> str:
        positions = Jabatan.objects.filter(opd=opd)
        if jabatan:
            lookup = Q(pk=int(jabatan)) if jabatan.isdigit() else Q(nama__iexact=jabatan)
            position = positions.filter(lookup).first()
        else:
            position = positions.filter(atasan__isnull=True).first()
        if position is None:
            raise Skip("jabatan tidak ditemukan")
        pks = PerjanjianKinerja.objects.filter(jabatan=position, tahun=tahun)
        pk = pks.latest_signed() or pks.order_by("-versi").first()
        if pk is None:
            raise Skip(f"{position} belum punya PK tahun {tahun}")
        if kind == "pk":
            content = pk.pdf.read() if pk.is_signed else kinerja_exporters.pk_pdf(pk)
        else:
            rows = list(
                RencanaAksi.objects.filter(pk_doc=pk)
                .select_related("indikator", "penanggung_jawab")
                .prefetch_related("aksi")
            )
            if not rows:
                rows = services.prepare_rencana_aksi(pk)
            content = kinerja_exporters.rencana_aksi_pdf(pk, rows)
        output.write_bytes(content)
        state = "ditandatangani" if pk.is_signed else "draf"
        return f"{pk} ({state}): ditulis ke {output}"
