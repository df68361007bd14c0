"""PDF documents from Django templates: the template rendered in Indonesian, printed by
:func:`sakip.lib.printing.print_html` (the one way Sakip prints).

Fonts come from the system (Liberation Serif, Carlito: README "Production"); images are embedded as
data URIs so that rendering needs no web server and no network.
"""

from __future__ import annotations

import base64
import mimetypes
from typing import Any

import segno
from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import translation

from sakip.lib.printing import PAPERS, paper_mm, print_html

#: the papers a pemda prints its official documents on, and those of the pohon kinerja diagram (landscape)
DOCUMENT_PAPERS = ("A4", "F4")
DIAGRAM_PAPERS = ("A3", "A4")
_NAMES = {"F4": "F4/Folio"}


def paper_choices(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """Form and model choices with each paper's size: ("F4", "F4/Folio (215 × 330 mm)")."""
    return [(k, f"{_NAMES.get(k, k)} ({PAPERS[k][0]} × {PAPERS[k][1]} mm)") for k in names]


def data_uri(field: FieldFile | None) -> str:
    """An uploaded image (a logo) as a data URI, or "" when there is none or it cannot be read."""
    if not field:
        return ""
    try:
        with field.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return ""
    kind = mimetypes.guess_type(field.name or "")[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(content).decode()}"


def qr_svg(text: str) -> str:
    return segno.make(text, error="m").svg_data_uri(scale=3, border=1)


def page_sizes(paper: str, *, landscape: bool = False) -> dict[str, str]:
    """The CSS page sizes templates use: ``paper_size`` (the page as asked) and ``paper_landscape``."""
    width, height = paper_mm(paper, landscape=landscape)
    wide = paper_mm(paper, landscape=True)
    return {"paper_size": f"{width}mm {height}mm", "paper_landscape": f"{wide[0]}mm {wide[1]}mm"}


def base_url() -> str:
    """Where the printed HTML's relative URLs (static files) are read from."""
    return str(settings.BASE_DIR)


def render_pdf(template: str, context: dict[str, Any], *, paper: str = "A4", landscape: bool = False) -> bytes:
    with translation.override("id"):  # official documents are Indonesian whoever prints them
        html = render_to_string(template, {**context, **page_sizes(paper, landscape=landscape)})
    return print_html(html, base_url()).pdf
