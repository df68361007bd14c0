"""Downloads: one way to answer a generated file (PDF, xlsx, SVG), with a Content-Disposition that also
carries names outside ASCII (an OPD's name with "–" or "é")."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SVG = "image/svg+xml"


def download(content: bytes | str, filename: str, content_type: str, *, inline: bool = False) -> HttpResponse:
    """The file as a response: shown in the browser (``inline``, PDFs) or saved (spreadsheets, drawings)."""
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(not inline, filename)
    if disposition:  # None only for an inline file without a name, which downloads never are
        response["Content-Disposition"] = disposition
    return response


def site_url(request: HttpRequest | None) -> str:
    """The address printed on documents: ``SITE_URL`` when it is set, else the one this request came to."""
    if settings.SITE_URL_SET or request is None:
        return str(settings.SITE_URL)
    return request.build_absolute_uri("/").rstrip("/")
