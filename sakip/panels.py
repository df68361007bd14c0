"""Home-page panels contributed by the domain apps.

Each app registers its panels in its ``AppConfig.ready()``; the home page asks :func:`panels_for` and
so imports no domain app (they depend on sakip, never the other way round). A panel takes the request
and the user's :class:`~sakip.access.Scope` and renders itself (its own template), or returns "" when it
has nothing for this user.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

Panel = Callable[[HttpRequest, object], str]
_panels: list[Panel] = []


def register(panel: Panel) -> Panel:
    """Add a panel (once, however often the app is readied); usable as a decorator."""
    if panel not in _panels:
        _panels.append(panel)
    return panel


def panels_for(request: HttpRequest, scope: object) -> list[SafeString]:
    """The panels this user sees, rendered, in the order they were registered."""
    return [SafeString(html) for panel in _panels if (html := panel(request, scope))]
