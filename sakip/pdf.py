"""PDF documents: a Django template rendered to HTML and printed by WeasyPrint.

Fonts come from the system (Liberation Serif, Carlito: README "Production"); images are embedded as
data URIs so that rendering needs no web server and no network.
"""

from __future__ import annotations

import base64
import mimetypes

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

PAPER = {"A4": ("210mm", "297mm"), "F4": ("215mm", "330mm")}


def data_uri(field) -> str:
    """An uploaded image (a logo) as a data URI, or "" when there is none or it cannot be read."""
    if not field:
        return ""
    try:
        with field.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return ""
    kind = mimetypes.guess_type(field.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(content).decode()}"


def qr_svg(text: str) -> str:
    return segno.make(text, error="m").svg_data_uri(scale=3, border=1)


def render_pdf(template: str, context: dict, *, paper: str = "A4") -> bytes:
    with translation.override("id"):  # official documents are Indonesian whoever prints them
        width, height = PAPER.get(paper, PAPER["A4"])
        sizes = {"paper_size": f"{width} {height}", "paper_landscape": f"{height} {width}"}
        html = render_to_string(template, {**context, **sizes})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
