"""Printing a document in pieces: the front matter, the contents, the chapters (on several cores).

Official documents number the cover and the front matter (kata pengantar, daftar isi) in roman numerals
and the chapters from 1. So the front matter, the chapters and the table of contents print as separate
documents, the contents last, when every page number is known; pypdf joins them, with the bookmarks
and the contents' links.

WeasyPrint lays a document out on one core, and a Renstra of 600 sub kegiatan is mostly one table of
1,400 rows. The chapters of a document of more than ``PRINT_PARALLEL_MIN`` table cells are therefore
cut, where a page starts anyway (between runs), before a heading, or before a plan element's rows in a
long table, into as many parts of equal weight as there are worker processes (``PRINT_WORKERS``). They
print at once while this process prints the front matter; then one document of empty pages per part
carries its page headers and numbers, laid over its pages. A piece of a long table is a table of its
own (:meth:`~sakip.lib.tabel.Tabel.slice`): it starts a page with the repeated header, as any page of the
table does.
"""

from __future__ import annotations

import io
import itertools
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from django.conf import settings

from lkjip.isi import Blok, Isi
from sakip.lib import printing
from sakip.lib.pdf import base_url
from sakip.lib.periode import roman_numeral

log = logging.getLogger(__name__)
PX_TO_PT = 0.75
ANCHOR_DAFTAR_ISI = "daftar-isi"

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
#: the last document printed in parts: its parts' seconds and the workers' peak memory (benchmarks)
last_run: dict = {}


def pool() -> ProcessPoolExecutor:
    """The worker processes, started once per process and kept (started fresh, without Django)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(settings.PRINT_WORKERS, mp_context=multiprocessing.get_context("spawn"))
        return _pool


def _reset_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def prepare() -> None:
    """Start the workers now (WeasyPrint takes a second to load), e.g. before a benchmark."""
    futures = [pool().submit(printing.print_html, "<p>.</p>", "") for _ in range(settings.PRINT_WORKERS)]
    for future in futures:
        future.result()


# --- Where to cut ---------------------------------------------------------------------------------


def cost(blok: Blok) -> int:
    """What a block costs to print, in table cells (WeasyPrint's time grows with the boxes it lays out)."""
    if blok.jenis == "tabel":
        t = blok.tabel
        return sum(len(row) for row in t.header) + sum(_row_cost(b) for b in t.rows)
    if blok.jenis in ("narasi", "teks"):
        return len(blok.html) // 40
    return 150 if blok.jenis == "grafik" else 10


def _row_cost(baris) -> int:
    return sum(1 for c in baris.cells if not c.covered)


# Where a part may begin, and what a page break there costs the reader (as a share of the document):
# nothing where a page begins anyway, a little before a heading, more inside a table.
RUN_START, SECTION_HEADING, HEADING, ROW = 0.0, 0.02, 0.04, 0.10


def cut_points(runs: list[list[Blok]], parts: int) -> list[tuple[int, int, int]]:
    """Where parts 2…n begin, as (run, block, row): at a run, a heading, or the first row of a plan
    element in a table; each near an equal share of the cost, preferring the places a reader notices
    least."""
    places: list[tuple[float, float, tuple[int, int, int]]] = []  # (cost before, penalty, place)
    total = 0
    for r, run in enumerate(runs):
        for b, blok in enumerate(run):
            if b == 0 and r > 0:
                places.append((total, RUN_START, (r, 0, 0)))
            elif blok.jenis == "sub":
                places.append((total, SECTION_HEADING, (r, b, 0)))
            elif blok.jenis == "teks" and blok.html.lstrip().startswith(("<h3", "<h4", "<h5")):
                places.append((total, HEADING, (r, b, 0)))
            if blok.jenis != "tabel":
                total += cost(blok)
                continue
            total += sum(len(row) for row in blok.tabel.header)
            for i, baris in enumerate(blok.tabel.rows):
                if i > 0 and not baris.continued and baris.style != "jumlah":
                    places.append((total, ROW, (r, b, i)))
                total += _row_cost(baris)
    cuts: list[tuple[int, int, int]] = []
    for k in range(1, parts):
        share = total * k / parts
        later = [p for p in places if not cuts or p[2] > cuts[-1]]
        if later:
            cuts.append(min(later, key=lambda p: abs(p[0] - share) / total + p[1])[2])
    return cuts


def split(runs: list[list[Blok]], cuts: list[tuple[int, int, int]]) -> list[list[list[Blok]]]:
    """The runs of each part; a table with a cut inside becomes pieces (:meth:`Tabel.slice`)."""
    parts: list[list[list[Blok]]] = [[] for _ in range(len(cuts) + 1)]
    part = 0
    for r, run in enumerate(runs):
        for b, blok in enumerate(run):
            while part < len(cuts) and cuts[part] <= (r, b, 0):
                part += 1
                parts[part].append([])  # a part starts a run of its own
            if b == 0 and (not parts[part] or parts[part][-1]):
                parts[part].append([])
            inside = [cut[2] for cut in cuts if cut[:2] == (r, b) and cut[2] > 0]
            if not inside:
                parts[part][-1].append(blok)
                continue
            bounds = [0, *inside, len(blok.tabel.rows)]
            for start, stop in itertools.pairwise(bounds):
                if start > 0:
                    part += 1
                    parts[part].append([])
                parts[part][-1].append(replace(blok, tabel=blok.tabel.slice(start, stop)))
    return [[run for run in p if run] for p in parts]


# --- Printing -------------------------------------------------------------------------------------


def toc_position(runs) -> int | None:
    """The table of contents comes before the first numbered chapter (after the kata pengantar)."""
    return next((i for i, run in enumerate(runs) if run[0].jenis == "bab" and run[0].nomor), None)


def roman(n: int) -> str:
    """Lower-case roman numerals, as the front matter's pages are numbered (the seeds: i, ii, …)."""
    return roman_numeral(n).lower()


def print_document(isi: Isi, *, in_parts: bool = True) -> tuple[bytes, int]:
    """The PDF and its page count, numbered as the official documents are: the front matter (kata
    pengantar, contents) in roman numerals, the chapters from 1. The chapters print as one piece here,
    or, when the document is long, as several at once in the workers. Attachments (signed PDFs) follow
    unchanged."""
    from lkjip.render import html  # lkjip.render imports this module

    runs = isi.halaman
    toc_at = toc_position(runs) or 0
    body = runs[toc_at:]
    long = sum(cost(b) for run in body for b in run) >= settings.PRINT_PARALLEL_MIN
    pieces = split(body, cut_points(body, settings.PRINT_WORKERS)) if in_parts and long else [body]
    base = base_url()
    front_html = html(isi, sampul=True, headers_footers=True, roman_numerals=True, first_page=0, runs=runs[:toc_at])
    if len(pieces) > 1:
        try:
            futures = [pool().submit(printing.print_and_release, html(isi, runs=p), base) for p in pieces]
            front = printing.print_html(front_html, base)  # meanwhile, here
            parts = [future.result() for future in futures]
            # Each part's first page number is now known: headers and numbers go onto them in the workers.
            first = list(itertools.accumulate((p.pages for p in parts), initial=1))
            overlays = [
                pool().submit(printing.overlay, part.pdf, _overlay_html(isi, part, start), base)
                for part, start in zip(parts, first, strict=False)
            ]
        except BrokenProcessPool:  # a worker died (out of memory?): print in this process rather than fail
            log.exception("Printing %s in parts failed; printing it here", isi.nama_file)
            _reset_pool()
            return print_document(isi, in_parts=False)
        last_run.update(parts=[p.seconds for p in parts], worker_mib=max(p.peak_mib for p in parts))
    else:
        front = printing.print_html(front_html, base)
        parts, first, overlays = [printing.print_html(html(isi, runs=body, headers_footers=True), base)], [1], []
    # The table of contents, every number known: roman in the front matter (the cover has none), arabic after.
    toc_start = front.pages
    numbers = {name: roman(page) for name, (page, _y) in front.anchors.items()}
    numbers[ANCHOR_DAFTAR_ISI] = roman(toc_start)
    for part, start in zip(parts, first, strict=False):
        numbers.update({k: str(start + page) for k, (page, _y) in part.anchors.items() if k not in numbers})
    toc_html = html(isi, daftar_isi=numbers, headers_footers=True, roman_numerals=True, first_page=toc_start)
    toc = printing.print_html(toc_html, base, links_elsewhere=True)
    # Where each anchor is in the joined PDF, for the contents' links.
    pages = dict(front.anchors) | {ANCHOR_DAFTAR_ISI: (toc_start, 0)}
    offset = front.pages + toc.pages
    for part, start in zip(parts, first, strict=False):
        for name, (page, y) in part.anchors.items():
            pages.setdefault(name, (offset + start - 1 + page, y))
    try:
        bodies = [future.result() for future in overlays] or [parts[0].pdf]
    except BrokenProcessPool:
        log.exception("Numbering the parts of %s failed; printing it here", isi.nama_file)
        _reset_pool()
        return print_document(isi, in_parts=False)
    sizes = [size for p in (front, toc, *parts) for size in p.sizes]
    return _join([front.pdf, toc.pdf, *bodies], toc, toc_start, pages, sizes, isi.lampiran_pdf)


def _overlay_html(isi: Isi, part: printing.Printed, start: int) -> str:
    """Empty pages like the part's, numbered from ``start``, with the page header."""
    from lkjip.render import html  # lkjip.render imports this module

    kinds = ["lebar" if w > h else "tegak" for w, h in part.sizes]
    return html(isi, overlays=kinds, headers_footers=True, first_page=start)


def _join(
    pdfs: list[bytes], toc: printing.Printed, toc_start: int, pages: dict, sizes: list, lampiran: list[bytes]
) -> tuple[bytes, int]:
    """One PDF of the pieces, the table of contents' links pointing at their pages, then the attachments
    (signed PDFs) as they are; and its page count."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit

    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    for number, anchor, (x1, y1, x2, y2) in toc.links:
        if anchor not in pages:
            continue
        target, top = pages[anchor]
        height = sizes[toc_start + number][1]
        rect = (x1 * PX_TO_PT, (height - y2) * PX_TO_PT, x2 * PX_TO_PT, (height - y1) * PX_TO_PT)
        fit = Fit.xyz(left=0, top=(sizes[target][1] - top) * PX_TO_PT)
        writer.add_annotation(toc_start + number, Link(rect=rect, target_page_index=target, fit=fit))
    for attachment in lampiran:
        writer.append(PdfReader(io.BytesIO(attachment)))
    metadata = PdfReader(io.BytesIO(pdfs[0])).metadata
    if metadata:
        writer.add_metadata(dict(metadata))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)
