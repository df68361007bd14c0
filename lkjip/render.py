"""From a :class:`~lkjip.models.Dokumen` to a PDF: build the content, print it, cache the rendering.

* :func:`build` builds the content (:class:`~lkjip.isi.Isi`) from the data (:mod:`lkjip.builders`);
* :func:`pdf` prints it with WeasyPrint and appends signed attachments (the PK) as they are;
* :func:`run` renders a queued :class:`~lkjip.models.Cetakan` (called by :func:`lkjip.tasks.render_cetakan`;
  :func:`lkjip.services.request_render` reuses the rendering of the current data or queues one, which runs at
  once without a worker, ``TASK_BACKEND=immediate``).

Writes on documents (:func:`lkjip.services.finalkan`, the rows people type) are in :mod:`lkjip.services`.
"""

from __future__ import annotations

import logging
import time

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from lkjip import angka, parallel
from lkjip.builders import lkjip as lkjip_builder
from lkjip.builders import renstra as renstra_builder
from lkjip.isi import Isi
from lkjip.models import Cetakan, Dokumen, Jenis
from renstra.models import Level, RenstraVersi
from renstra.services import load_plan
from sakip.lib.numbers import Pembulatan, format_number, pembulatan
from sakip.lib.pdf import data_uri, page_sizes
from sakip.lib.periode import long_date

log = logging.getLogger(__name__)


def build(dokumen: Dokumen) -> Isi:
    """The document's content, its figures rounded by its pemda's policy (printed under the tables)."""
    pemda = dokumen.opd.pemda
    kebijakan = Pembulatan(desimal=pemda.desimal_persen, cara=pemda.pembulatan)
    with translation.override("id"), pembulatan(kebijakan):
        isi = renstra_builder.build(dokumen) if dokumen.jenis == Jenis.RENSTRA else lkjip_builder.build(dokumen)
        for blok in isi.blok:  # the narratives' live figures, from the tables as printed
            if blok.jenis == "narasi" and blok.html:
                blok.html, missing = angka.isi_nilai(blok.html, isi.tables)
                isi.nilai_hilang += missing
    isi.pembulatan = kebijakan
    return isi


def html(isi: Isi, **bagian) -> str:
    """The document without its table of contents (the cover, then every chapter), or, with ``bagian``,
    one of the pieces :mod:`lkjip.parallel` prints: ``runs`` (the runs to print), ``sampul`` (the cover),
    ``daftar_isi`` (the contents: ``{anchor: page number}``), ``headers_footers`` (page headers and numbers),
    ``roman_numerals`` (numbered in roman numerals), ``first_page`` (the number of the first page) and ``overlays``
    (empty pages of these kinds that carry only headers and numbers)."""
    pemda, opd = isi.pemda, isi.opd
    context = {
        "isi": isi,
        "runs": isi.halaman,
        "sampul": True,
        "daftar_isi": None,
        "headers_footers": True,
        "roman_numerals": False,
        "first_page": None,
        "overlays": None,
        "logo": data_uri(pemda.logo) or data_uri(opd.logo),
        **page_sizes(pemda.ukuran_kertas),
        "tempat_tanggal": f"{isi.tempat or pemda.ibukota}, {long_date(isi.tanggal)}",
        "format_number": format_number,
        "pembulatan_uraian": isi.pembulatan.uraian(),
    }
    if bagian:
        context.update({"runs": [], "sampul": False, "headers_footers": False}, **bagian)
    with translation.override("id"), pembulatan(isi.pembulatan):
        return render_to_string("documents/dokumen.html", context, using="jinja2")


def pdf(isi: Isi) -> tuple[bytes, int]:
    """The PDF and its page count; attachments (signed PDFs) follow the generated pages unchanged."""
    return parallel.print_document(isi)


# --- Cached renderings ----------------------------------------------------------------------------


def latest(dokumen: Dokumen, sidik: str) -> Cetakan | None:
    """The rendering of exactly this data, if one is done or under way."""
    return (
        Cetakan.objects.filter(dokumen=dokumen, sidik=sidik)
        .exclude(status=Cetakan.Status.GAGAL)
        .order_by("-created_at")
        .first()
    )


def run(cetakan_id: int) -> None:
    """Render one queued :class:`Cetakan` (called by the task), recording progress as it goes."""
    cetakan = Cetakan.objects.select_related("dokumen__opd__pemda", "dokumen__versi__renstra").get(pk=cetakan_id)
    if cetakan.status == Cetakan.Status.SELESAI:
        return
    started = time.perf_counter()

    def step(progres: int, tahap: str, **fields) -> None:
        Cetakan.objects.filter(pk=cetakan.pk).update(progres=progres, tahap=tahap, **fields)

    try:
        step(10, _("Mengumpulkan data"), status=Cetakan.Status.PROSES)
        isi = build(cetakan.dokumen)
        step(35, _("Menyusun halaman"), sidik=isi.fingerprint())
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


def sasaran_nodes(dokumen: Dokumen) -> list:
    """The sasaran of an LKjIP's year (each has its own analysis narrative); none for a Renstra."""
    if dokumen.jenis != Jenis.LKJIP:
        return []
    versi = RenstraVersi.objects.berlaku(dokumen.opd, dokumen.tahun)
    return load_plan(versi).of_level(Level.SASARAN) if versi else []
