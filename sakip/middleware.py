"""Middleware of the project's own: refusing an oversized request before reading it, answering a race's
IntegrityError with a message, an error to an HTMX request as a fragment, and keeping logged-in pages out of
caches."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

MiB = 1024 * 1024
logger = logging.getLogger(__name__)


def _mb(size: int) -> str:
    return f"{size / MiB:.1f}".replace(".", ",").removesuffix(",0")


def htmx_alert(message: str, status: int) -> HttpResponse:
    """An error as the fragment an HTMX request swaps into its target (never a whole page inside the page)."""
    return HttpResponse(render_to_string("_htmx_error.html", {"message": message, "status": status}), status=status)


def refusal(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """The message as the grids read it (JSON ``{"error": …}``), as a fragment to HTMX, or as a page."""
    wants_json = request.content_type == "application/json" or "application/json" in request.headers.get("Accept", "")
    if wants_json:
        return JsonResponse({"error": message}, status=status)
    if request.headers.get("HX-Request"):
        return htmx_alert(message, status)
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


class IntegrityErrorMiddleware:
    """A constraint broken by a race (two requests writing the same row at the same moment) answers with a
    message, never a server error: 409 with ``{"error": …}`` to a script (grids, HTMX), else back to the page
    the user came from with the message on it. The services lock what they write, so this is the last net."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, IntegrityError):
            return None
        logger.warning("IntegrityError answered with a message: %s %s: %s", request.method, request.path, exception)
        message = _("Data ini baru saja diubah pengguna lain pada saat yang sama; muat ulang halaman lalu ulangi.")
        if request.headers.get("HX-Request"):
            return htmx_alert(message, 409)
        if request.content_type == "application/json":
            return JsonResponse({"error": message}, status=409)
        messages.error(request, message)
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
            back = "/"
        return redirect(back)


def _error_message(status: int) -> str:
    if status == 403:
        return _("Akses ditolak: Anda tidak berwenang melakukan tindakan ini.")
    if status == 404:
        return _("Data yang diminta tidak ditemukan; mungkin sudah dihapus. Muat ulang halaman.")
    if status == 405:
        return _("Tindakan ini tidak dapat dilakukan dengan cara itu. Muat ulang halaman lalu coba lagi.")
    if status >= 500:
        return _("Terjadi kesalahan di server; tidak ada yang disimpan. Coba lagi sebentar lagi.")
    return _("Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.")


class HtmxFragmentMiddleware:
    """An error answered to an HTMX request as a fragment: the error pages (403, 404, 500 …) are whole pages,
    which HTMX would swap into the element it targets, a page inside the page. Views answer their own
    fragments (a form with its errors); this is the net for every error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.headers.get("HX-Request")
            and response.status_code >= 400
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and b"<html" in response.content[:2000].lower()
        ):
            return htmx_alert(_error_message(response.status_code), response.status_code)
        return response


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response to a logged-in user: a plan, a PK or a user list must not
    stay in a shared computer's browser cache or a proxy after logging out. Static files and media are left
    alone (WhiteNoise answers those before this runs; this covers ``MEDIA_URL`` served by Django too)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(self.skip):
            add_never_cache_headers(response)
        return response
