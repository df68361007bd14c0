"""From a :class:`~lkjip.models.Dokumen` to a PDF: build the content, print it, cache it, freeze it.

* :func:`bangun` builds the content (:class:`~lkjip.isi.Isi`) from the data;
* :func:`pdf` prints it with WeasyPrint and appends signed attachments (the PK) as they are;
* :func:`minta_cetak` returns the cached rendering of the current data or queues a new one
  (:func:`lkjip.tasks.cetak`), which runs at once without a worker (``TASK_BACKEND=immediate``);
* :func:`finalkan` freezes a rendering: PDF, SHA-256 and the data snapshot, never changed again.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from lkjip import narasi
from lkjip.builders import lkjip as lkjip_builder
from lkjip.builders import renstra as renstra_builder
from lkjip.isi import Isi
from lkjip.models import Cetakan, Dokumen, Final, Jenis
from sakip.lib.numbers import format_number
from sakip.pdf import PAPER, data_uri

log = logging.getLogger(__name__)
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip


def bangun(dokumen: Dokumen) -> Isi:
    with translation.override("id"):
        if dokumen.jenis == Jenis.RENSTRA:
            return renstra_builder.build(dokumen)
        return lkjip_builder.build(dokumen)


def tanggal_panjang(tanggal) -> str:
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def html(isi: Isi, **bagian) -> str:
    """The document without its table of contents (the cover, then every chapter), or, with ``bagian``,
    one of the pieces :mod:`lkjip.parallel` prints: ``runs`` (the runs to print), ``sampul`` (the cover),
    ``daftar_isi`` (the contents: ``{anchor: page number}``), ``kepala_kaki`` (page headers and numbers),
    ``romawi`` (numbered in roman numerals), ``mulai`` (the number of the first page) and ``lapisan``
    (empty pages of these kinds that carry only headers and numbers)."""
    pemda, opd = isi.pemda, isi.opd
    paper = pemda.ukuran_kertas
    width, height = PAPER.get(paper, PAPER["A4"])
    context = {
        "isi": isi,
        "runs": isi.halaman,
        "sampul": True,
        "daftar_isi": None,
        "kepala_kaki": True,
        "romawi": False,
        "mulai": None,
        "lapisan": None,
        "logo": data_uri(pemda.logo) or data_uri(opd.logo),
        "paper_size": f"{width} {height}",
        "paper_landscape": f"{height} {width}",
        "tempat_tanggal": f"{pemda.ibukota}, {tanggal_panjang(isi.tanggal)}",
        "format_number": format_number,
    }
    if bagian:
        context.update({"runs": [], "sampul": False, "kepala_kaki": False}, **bagian)
    with translation.override("id"):
        return render_to_string("documents/dokumen.html", context, using="jinja2")


def pdf(isi: Isi) -> tuple[bytes, int]:
    """The PDF and its page count; attachments (signed PDFs) follow the generated pages unchanged."""
    from lkjip import parallel

    return parallel.cetak(isi)


# --- Cached renderings ----------------------------------------------------------------------------


def terbaru(dokumen: Dokumen, sidik: str) -> Cetakan | None:
    """The rendering of exactly this data, if one is done or under way."""
    return (
        Cetakan.objects.filter(dokumen=dokumen, sidik=sidik)
        .exclude(status=Cetakan.Status.GAGAL)
        .order_by("-created_at")
        .first()
    )


def minta_cetak(dokumen: Dokumen, *, actor=None, isi: Isi | None = None) -> Cetakan:
    """The rendering of the current data: reused when there is one, else queued (or made now, without a worker)."""
    from lkjip.tasks import cetak

    isi = isi or bangun(dokumen)
    sidik = isi.sidik()
    existing = terbaru(dokumen, sidik)
    if existing is not None and (existing.status != Cetakan.Status.SELESAI or existing.pdf):
        return existing
    cetakan = Cetakan.objects.create(dokumen=dokumen, sidik=sidik, diminta_oleh=actor, tahap=_("Menunggu giliran"))
    transaction.on_commit(lambda: cetak.enqueue(cetakan.pk))
    return cetakan


def jalankan(cetakan_id: int) -> None:
    """Render one queued :class:`Cetakan` (called by the task), recording progress as it goes."""
    cetakan = Cetakan.objects.select_related("dokumen__opd__pemda", "dokumen__versi__renstra").get(pk=cetakan_id)
    if cetakan.status == Cetakan.Status.SELESAI:
        return
    started = time.perf_counter()

    def step(progres: int, tahap: str, **fields) -> None:
        Cetakan.objects.filter(pk=cetakan.pk).update(progres=progres, tahap=tahap, **fields)

    try:
        step(10, _("Mengumpulkan data"), status=Cetakan.Status.PROSES)
        isi = bangun(cetakan.dokumen)
        step(35, _("Menyusun halaman"), sidik=isi.sidik())
        content, pages = pdf(isi)
        step(90, _("Menyimpan PDF"))
        cetakan.refresh_from_db()
        cetakan.pdf.save(f"{isi.nama_file}.pdf", ContentFile(content), save=False)
        cetakan.status, cetakan.progres, cetakan.tahap = Cetakan.Status.SELESAI, 100, _("Selesai")
        cetakan.halaman, cetakan.detik = pages, time.perf_counter() - started
        cetakan.save()
    except Exception as exc:  # the user sees the failure instead of a spinner that never ends
        log.exception("Rendering %s failed", cetakan.dokumen)
        step(100, _("Gagal"), status=Cetakan.Status.GAGAL, galat=str(exc)[:2000])
        raise


# --- Final documents ------------------------------------------------------------------------------


@transaction.atomic
def finalkan(dokumen: Dokumen, *, actor, catatan: str = "") -> Final:
    """Freeze the current rendering. Refused while required narratives are empty or the preview is stale."""
    isi = bangun(dokumen)
    sections = narasi.bagian(dokumen, isi.sasaran)
    missing = narasi.kelengkapan(dokumen, sections, narasi.isi(dokumen))
    if missing:
        raise ValidationError(
            _("Narasi berikut masih kosong: %(list)s.") % {"list": "; ".join(str(b.judul) for b in missing)}
        )
    sidik = isi.sidik()
    cetakan = terbaru(dokumen, sidik)
    if cetakan is None or cetakan.status != Cetakan.Status.SELESAI or not cetakan.pdf:
        raise ValidationError(_("Buat pratinjau dari data terkini dahulu, periksa, lalu finalkan."))
    with cetakan.pdf.open("rb") as handle:
        content = handle.read()
    nomor = (Final.objects.filter(dokumen=dokumen).aggregate(n=Max("nomor"))["n"] or 0) + 1
    final = Final(
        dokumen=dokumen,
        nomor=nomor,
        sha256=hashlib.sha256(content).hexdigest(),
        sidik=sidik,
        snapshot=isi.snapshot(),
        halaman=cetakan.halaman,
        catatan=catatan,
        difinalkan_oleh=actor,
    )
    final.pdf.save(f"{isi.nama_file}-final-{nomor}.pdf", ContentFile(content), save=False)
    final.save()
    return final


def sasaran_nodes(dokumen: Dokumen) -> list:
    """The sasaran of an LKjIP's year (each has its own analysis narrative); none for a Renstra."""
    from renstra.models import Level, RenstraVersi
    from renstra.services import load_plan

    if dokumen.jenis != Jenis.LKJIP:
        return []
    versi = RenstraVersi.objects.berlaku(dokumen.opd, dokumen.tahun)
    return load_plan(versi).of_level(Level.SASARAN) if versi else []
