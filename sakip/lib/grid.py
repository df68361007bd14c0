"""The spreadsheet-like grids' protocol (static/sakip/grid.js).

The page POSTs ``{"cells": [{<id field>: id, "kolom": column, "value": text}, …]}`` and gets back
``{"saved": {key: shown}, "errors": {key: message}}``: each cell is saved or reported on its own, a value
that cannot be read (text that is no number, a number no column holds) at its cell by the saver, through
:func:`sakip.lib.values.parse_value`. A body that is not of that shape is refused whole
(:class:`GridInvalid`, HTTP 400), before anything is saved, so that a broken or hostile request never
reaches the database as a server error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.http import JsonResponse
from django.utils.translation import gettext as _

from sakip.lib.values import parse_id

T = TypeVar("T")

MAX_CELLS = 20_000  # a pasted sheet of 600 sub kegiatan × 8 columns fits many times


class GridInvalid(ValueError):
    """The POST body is not a grid's cells; the message is for the user."""

    def response(self) -> JsonResponse:
        return JsonResponse({"error": str(self)}, status=400)


@dataclass
class CellResult:
    saved: dict[str, str] = field(default_factory=dict)  # key → value as shown after saving
    errors: dict[str, str] = field(default_factory=dict)  # key → message

    def response(self) -> JsonResponse:
        return JsonResponse({"saved": self.saved, "errors": self.errors})


def read_cells(body: bytes, id_field: str) -> list[dict[str, Any]]:
    """The cells of a grid's POST body, checked for shape; :class:`GridInvalid` when it is not."""
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):  # JSONDecodeError, and integers too long to read
        raise GridInvalid(_("Data yang dikirim tidak terbaca.")) from None
    if not isinstance(data, dict) or not isinstance(data.get("cells", []), list):
        raise GridInvalid(_("Data yang dikirim tidak terbaca."))
    cells: list[dict[str, Any]] = data.get("cells", [])
    if len(cells) > MAX_CELLS:
        raise GridInvalid(_("Terlalu banyak sel dalam satu kiriman (paling banyak %(n)s).") % {"n": MAX_CELLS})
    for cell in cells:
        if not isinstance(cell, dict) or id_field not in cell or "kolom" not in cell:
            message = _("Data yang dikirim tidak terbaca: setiap sel memuat %(id)s dan kolom.")
            raise GridInvalid(message % {"id": id_field})
        value = cell.get("value")
        if isinstance(value, bool) or not isinstance(value, str | int | float | None):
            raise GridInvalid(_("Data yang dikirim tidak terbaca: nilai sel harus berupa teks atau angka."))
    return cells


def ids(cells: list[dict[str, Any]], id_field: str) -> set[int]:
    """The object ids the cells name (to load them in one query)."""
    return {i for c in cells if (i := parse_id(c.get(id_field, ""))) is not None}


def cells_of(
    cells: list[dict[str, Any]], id_field: str, objects: Mapping[int, T], columns: set[str], result: CellResult
) -> Iterator[tuple[str, T, str, object]]:
    """The cells that name one of ``objects`` and one of its ``columns``, as (key, object, column, value).

    Other cells (another plan's indicator, a year outside the period, a computed total) are reported.
    """
    for cell in cells:
        raw_id, kolom = str(cell.get(id_field, "")), str(cell.get("kolom", ""))
        key = f"{raw_id}:{kolom}"
        pk = parse_id(raw_id)
        obj = objects.get(pk) if pk is not None else None
        if obj is None or kolom not in columns:
            result.errors[key] = _("Sel ini bukan bagian dari tabel ini.")
            continue
        yield key, obj, kolom, cell.get("value")
