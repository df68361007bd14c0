"""One HTML document to PDF with WeasyPrint, in this process or in a worker process: every PDF of Sakip
is printed by :func:`print_html` (through :func:`sakip.lib.pdf.render_pdf` or the document pipeline).

Free of Django on purpose: a worker process of :mod:`lkjip.parallel` starts with WeasyPrint alone.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import io
import logging
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

#: paper sizes, portrait, in mm: the pemda's official papers (A4, F4) and the pohon kinerja's A3
PAPERS = {"A3": (297, 420), "A4": (210, 297), "F4": (215, 330)}


def paper_mm(kertas: str, *, landscape: bool = False) -> tuple[int, int]:
    """Width and height in mm of a paper (A4 when unknown), turned when ``landscape``."""
    width, height = PAPERS.get(kertas, PAPERS["A4"])
    return (height, width) if landscape else (width, height)


@dataclass
class Printed:
    pdf: bytes
    sizes: list[tuple[float, float]]  # each page's width and height, CSS px
    anchors: dict[str, tuple[int, float]] = field(default_factory=dict)  # name → (page, y in CSS px)
    links: list[tuple[int, str, tuple[float, float, float, float]]] = field(
        default_factory=list
    )  # (page, anchor, (x1, y1, x2, y2))
    peak_mib: float = 0.0  # the peak memory of the process that printed it
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return len(self.sizes)


class _LinksElsewhere(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("No anchor #")


@contextlib.contextmanager
def _no_collections() -> Iterator[None]:
    """WeasyPrint makes millions of boxes that live as long as the document: the cyclic garbage
    collector finds nothing in them and costs a tenth of the time. It runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def print_html(html: str, base_url: str, *, links_elsewhere: bool = False) -> Printed:
    """``links_elsewhere``: the document links to anchors printed in other pieces (the table of contents)."""
    from weasyprint import HTML

    started = time.perf_counter()
    quiet = _LinksElsewhere()
    if links_elsewhere:
        logging.getLogger("weasyprint").addFilter(quiet)
    try:
        with _no_collections():
            document = HTML(string=html, base_url=base_url).render()
            printed = Printed(pdf=document.write_pdf(), sizes=[(p.width, p.height) for p in document.pages])
    finally:
        logging.getLogger("weasyprint").removeFilter(quiet)
    for number, page in enumerate(document.pages):
        for name, (_x, y, *_rest) in page.anchors.items():
            printed.anchors.setdefault(name, (number, y))
        printed.links += [(number, target, rect) for kind, target, rect, _box in page.links if kind == "internal"]
    printed.peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    printed.seconds = time.perf_counter() - started
    return printed


def print_and_release(html: str, base_url: str) -> Printed:
    """:func:`print_html` in a worker process that lives on: give the memory of the layout back afterwards."""
    try:
        return print_html(html, base_url)
    finally:
        gc.collect()
        libc = ctypes.util.find_library("c")
        if libc:
            with contextlib.suppress(OSError, AttributeError):  # not glibc
                ctypes.CDLL(libc).malloc_trim(0)


def overlay(pdf: bytes, html: str, base_url: str) -> bytes:
    """``pdf`` with the pages of ``html`` (page headers and numbers on empty pages) laid over its own."""
    from pypdf import PdfReader, PdfWriter

    layer = PdfReader(io.BytesIO(print_html(html, base_url).pdf))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page, over in zip(writer.pages, layer.pages, strict=True):
        page.merge_page(over)
        page.compress_content_streams()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
