"""Middleware of the project's own."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


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
        if request.content_type == "application/json" or request.headers.get("HX-Request"):
            return JsonResponse({"error": message}, status=409)
        messages.error(request, message)
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
            back = "/"
        return redirect(back)


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
