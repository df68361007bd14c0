"""Read settings from the environment, failing loudly on values that make no sense.

A mistyped ``DEBUG=ture`` must stop the server at start-up, not silently run in the
wrong mode (healthchecks' envbool does the same).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return environ.get(name, default).strip()


def env_bool(name: str, default: bool, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    value = environ[name].strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={environ[name]!r} is not a boolean; use 1/0, true/false, yes/no or on/off.")


def env_int(
    name: str,
    default: int,
    environ: Mapping[str, str] | None = None,
    *,
    minimum: int | None = None,
) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} is below the minimum of {minimum}.")
    return value


def env_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    """A comma-separated list; blanks between commas are dropped."""
    environ = os.environ if environ is None else environ
    if name not in environ:
        return list(default)
    return [item.strip() for item in environ[name].split(",") if item.strip()]


def env_secret_key(debug: bool, environ: Mapping[str, str] | None = None) -> str:
    """SECRET_KEY is required in production; development gets a fixed, obviously unsafe one."""
    value = env_str("SECRET_KEY", environ=environ)
    if value:
        if not debug and len(value) < 50:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long in production.")
        return value
    if debug:
        return "django-insecure-development-only-key-never-use-in-production-0123456789"
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")


def env_cache(name: str = "CACHE_URL", environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Django's default cache: Redis at ``redis://host:port/db`` (or ``rediss://`` for TLS), shared by every
    worker process; unset, each process keeps its own in memory (development and tests)."""
    raw = env_str(name, environ=environ)
    if not raw:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sakip"}
    example = "e.g. redis://127.0.0.1:6379/1"
    url = urlsplit(raw)
    if url.scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a redis:// or rediss:// address ({example}).")
    try:
        url.port  # noqa: B018 (parsing it raises ValueError on a port that is no number or out of range)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} has a port that is not a number ({example}).") from None
    if not url.hostname:
        raise ImproperlyConfigured(f"{name}={raw!r} names no host ({example}).")
    db = url.path.strip("/")
    if db and not db.isdigit():
        raise ImproperlyConfigured(f"{name}={raw!r}: the database after the host must be a number ({example}).")
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw}
