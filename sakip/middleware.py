"""Response headers for a logged-in session."""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import add_never_cache_headers


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
