"""Refusing a request before it costs anything: a body larger than any upload Sakip accepts is answered 413
from its ``Content-Length`` alone, before a byte of it is read; the errors Django raises while reading a
body (too large, too many fields or files) get an Indonesian page (or JSON for the grids), never a 500."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

MiB = 1024 * 1024


def _mb(size: int) -> str:
    return f"{size / MiB:.1f}".replace(".", ",").removesuffix(",0")


def refusal(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """The message as the grids read it (JSON ``{"error": …}``) or as a page."""
    wants_json = request.content_type == "application/json" or "application/json" in request.headers.get("Accept", "")
    if wants_json:
        return JsonResponse({"error": message}, status=status)
    template = "413.html" if status == 413 else "400.html"
    return HttpResponse(render_to_string(template, {"message": message, "status": status}), status=status)


def too_large_message() -> str:
    return _(
        "Kiriman ini terlalu besar. Berkas Excel paling besar %(xlsx)s MB, bukti dukung paling besar %(bukti)s MB."
    ) % {"xlsx": _mb(settings.MAX_WORKBOOK_UPLOAD), "bukti": _mb(settings.MAX_EVIDENCE_UPLOAD)}


class RequestSizeLimitMiddleware:
    """First in the chain: a declared body over ``MAX_REQUEST_BODY`` is refused unread (413)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY:
            response = refusal(request, 413, too_large_message())
            response["Connection"] = "close"  # the unread body must not be taken for the next request
            return response
        return self.get_response(request)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: what Django raises while reading a body, in the user's language."""
    if isinstance(exception, RequestDataTooBig):
        return refusal(request, 413, too_large_message())
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return refusal(request, 400, _("Terlalu banyak isian dalam satu kiriman; kirim sebagian saja."))
    return refusal(request, 400, _("Data yang dikirim tidak terbaca. Muat ulang halaman lalu coba lagi."))
