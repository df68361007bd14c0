"""The user's pending work on the home page (*Beranda*): an inbox per role, filled by the domain apps.

Each app registers item providers in its ``AppConfig.ready()`` (as with :mod:`sakip.panels`), so sakip imports
no domain app. A provider takes the user, their :class:`~sakip.access.Scope` and today's date and returns the
:class:`Item` of work waiting for them within that scope, each linking to the page where the work is done;
the work done, the item is gone (providers read the live state, nothing is marked read). A provider runs a
fixed number of queries whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Item:
    """One piece of pending work: what, for which OPD, where it is done, and by when (if dated)."""

    jenis: str  # a stable key per kind of work (tests and styling), e.g. "pk-tanda-tangan"
    judul: str
    url: str
    keterangan: str = ""
    tenggat: datetime.date | None = None
    mendesak: bool = False  # shown first and marked (a deadline within a week, a signature awaited)


Provider = Callable[[object, object, datetime.date], list[Item]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider (once, however often the app is readied); usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def items_for(user, scope, today: datetime.date | None = None) -> list[Item]:
    """The user's pending work: urgent first, then by deadline, in the order the providers gave them."""
    today = today or timezone.localdate()
    items = [item for provider in _providers for item in provider(user, scope, today)]
    far = datetime.date.max
    return sorted(items, key=lambda i: (not i.mendesak, i.tenggat or far))
