"""The client's address behind reverse proxies, and a small per-address rate limiter.

``PROXY_COUNT`` is the number of reverse proxies in front of Django (nginx alone: 1). Each proxy appends the
address it received the request from to ``X-Forwarded-For``, so the client is the ``PROXY_COUNT``-th address
from the right of "X-Forwarded-For, REMOTE_ADDR"; whatever a client writes into the header itself stands to
the left of it and is ignored. With ``PROXY_COUNT=0`` the header is not read at all. django-ipware does the
parsing; django-axes (login throttling) and :func:`allow` both use :func:`client_ip`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ipware.ip import get_client_ip


def client_ip(request: HttpRequest) -> str:
    """The address of the client that made ``request``, per ``settings.PROXY_COUNT``."""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if not proxies:
        return remote
    # X-Forwarded-For holds every hop but the last proxy, which is REMOTE_ADDR: ipware counts the proxies
    # inside the header. Non-strict: a client-written prefix makes the chain longer, never the pick different.
    ip, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    # No (or too short a) header: the request did not come through the proxies; count it against its peer.
    return ip or remote


def allow(request: HttpRequest, scope: str, limit: int, seconds: int = 60) -> bool:
    """Count one request of ``scope`` from the client; False once it made more than ``limit`` in the window.

    A fixed window in Django's cache (the default cache is per process: with several workers and no shared
    cache, each worker counts on its own).
    """
    key = f"ratelimit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=seconds)
        return True
    return count <= limit
