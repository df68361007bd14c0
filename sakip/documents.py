"""Documents printed by apps above lkjip (the Evaluasi AKIP's LHE), offered by ``manage.py render_document``.

lkjip's command cannot import those apps (they depend on it), so they register a printer here in their
``AppConfig.ready()``, as with :mod:`sakip.panels`. A printer takes the OPD, the year and whether the current data
is wanted over a stored final (``preview``) and returns the PDF and a line saying what was written; it raises
:class:`Lewati` (with the reason) when the OPD has no such document.
"""

from __future__ import annotations

from collections.abc import Callable

Printer = Callable[..., tuple[bytes, str]]
_printers: dict[str, Printer] = {}


class Lewati(Exception):
    """The OPD has no such document (the message says why)."""


def register(kind: str, printer: Printer) -> None:
    _printers[kind] = printer


def kinds() -> tuple[str, ...]:
    return tuple(_printers)


def printer(kind: str) -> Printer:
    return _printers[kind]
