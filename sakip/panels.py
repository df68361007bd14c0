"""Home-page panels contributed by the domain apps.

Each app registers its panels in its ``AppConfig.ready()``; the home page asks :func:`panels_for` and
so imports no domain app (they depend on sakip, never the other way round). A panel takes the request
and the user's :class:`~sakip.access.Scope` and returns the context it adds (``{}`` when it has none).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

Panel = Callable[[HttpRequest, object], dict]
_panels: list[Panel] = []


def register(panel: Panel) -> Panel:
    """Add a panel (once, however often the app is readied); usable as a decorator."""
    if panel not in _panels:
        _panels.append(panel)
    return panel


def panels_for(request: HttpRequest, scope) -> dict:
    """The context every registered panel adds for this user, in the order they were registered."""
    context: dict = {}
    for panel in _panels:
        context.update(panel(request, scope))
    return context
