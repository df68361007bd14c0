"""The spreadsheet-like grids' protocol (static/sakip/grid.js).

The page POSTs ``{"cells": [{<id field>: id, "kolom": column, "value": text}, …]}`` and gets back
``{"saved": {key: shown}, "errors": {key: message}}`` (and, where a grid has them, ``"rows"``: each touched row's
computed columns as saved, and ``"warnings"``: values that need the user's confirmation): each cell is saved
or reported on its own, a value
that cannot be read (text that is no number, a number no column holds) at its cell by the saver, through
:func:`sakip.lib.values.parse_value`. A body that is not of that shape is refused whole
(:class:`GridInvalid`, HTTP 400), before anything is saved, so that a broken or hostile request never
reaches the database as a server error.

**Two people on one cell.** Each cell may carry ``"token"``: the value as the page showed it before the edit
(grid.js sends the cell's original text). When the stored value no longer reads so, someone else changed it
meanwhile: the cell is not saved and comes back in ``"conflicts": {key: {"pesan": "Diubah oleh … pada 14.02
menjadi …", "nilai": the value now}}``, so the user sees both and decides (save again to overwrite, Esc to take
theirs). A saved cell's shown value in ``"saved"`` is its new token. The shown value is the token, rather than
a row's ``updated_at``, because a row can hold several cells (kondisi awal and akhir of one indicator) and
change without its value changing (a realisasi verified): neither is a conflict a user would recognise.
A cell without a token (a workbook upload) is saved as before.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from sakip.lib.periode import long_date
from sakip.lib.values import Reading, parse_id

T = TypeVar("T")

MAX_CELLS = 20_000  # a pasted sheet of 600 sub kegiatan × 8 columns fits many times


class GridInvalid(ValueError):
    """The POST body is not a grid's cells; the message is for the user."""

    def response(self) -> JsonResponse:
        return JsonResponse({"error": str(self)}, status=400)


@dataclass
class CellResult:
    saved: dict[str, str] = field(default_factory=dict)  # key → value as shown after saving (its new token)
    errors: dict[str, str] = field(default_factory=dict)  # key → message
    conflicts: dict[str, dict[str, str]] = field(default_factory=dict)  # key → {"pesan", "nilai"}
    # row id → {name: text}: what the saved cells changed in the row's computed columns (a realisasi row's year
    # value and capaian), for the page to show without reloading; each cell [data-derived=name] of the row.
    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)  # key → a saved value worth a second look
    # key → the warning of a value the user confirmed and that was saved (not sent: a workbook upload reports it)
    dikonfirmasi: dict[str, str] = field(default_factory=dict)

    def response(self) -> JsonResponse:
        data: dict[str, Any] = {"saved": self.saved, "errors": self.errors, "conflicts": self.conflicts}
        if self.rows:
            data["rows"] = self.rows
        if self.warnings:
            data["warnings"] = self.warnings
        return JsonResponse(data)

    def conflict(self, key: str, nilai: str, oleh: str, pada: datetime.datetime | None) -> None:
        """Report that the cell now reads ``nilai``, as ``oleh`` left it at ``pada``; nothing is saved."""
        self.conflicts[key] = {"pesan": conflict_message(nilai, oleh, pada), "nilai": nilai}


def tokens(cells: list[dict[str, Any]], id_field: str) -> dict[str, str]:
    """The token each cell carries, by key (cells without one are left out)."""
    return {
        f"{cell.get(id_field, '')}:{cell.get('kolom', '')}": str(cell["token"]).strip()
        for cell in cells
        if cell.get("token") is not None
    }


def confirmed(cells: list[dict[str, Any]], id_field: str) -> set[str]:
    """The keys of the cells the user confirmed (``"konfirmasi": true``) after a plausibility warning."""
    return {f"{cell.get(id_field, '')}:{cell.get('kolom', '')}" for cell in cells if cell.get("konfirmasi") is True}


def needs_confirming(result: CellResult, key: str, reading: Reading, confirmed: set[str]) -> bool:
    """Whether a cell waits for the user's confirmation (a negative count, a percentage over 100, ten times the
    target): then it is not saved, and comes back in ``"warnings"`` for the page to ask."""
    if not reading.peringatan:
        return False
    if key in confirmed:
        result.dikonfirmasi[key] = " ".join(reading.peringatan)
        return False
    result.warnings[key] = " ".join(reading.peringatan)
    return True


def changed_meanwhile(token: str | None, shown: str) -> bool:
    """Whether a cell was edited from a value (its ``token``) other than the one stored now, ``shown`` as the
    grid shows it."""
    return token is not None and token != shown


def conflict_message(nilai: str, oleh: str, pada: datetime.datetime | None) -> str:
    """ "Diubah oleh Budi pada 14.02 menjadi “75”; nilai Anda belum disimpan." (the date too when not today)."""
    oleh = oleh or _("pengguna lain")
    if pada is None:
        waktu = ""
    else:
        local = timezone.localtime(pada)
        jam = local.strftime("%H.%M")
        waktu = jam if local.date() == timezone.localdate() else f"{long_date(local.date())} {jam}"
    if nilai:
        text = _("Diubah oleh %(oleh)s pada %(waktu)s menjadi “%(nilai)s”; nilai Anda belum disimpan.")
    else:
        text = _("Dikosongkan oleh %(oleh)s pada %(waktu)s; nilai Anda belum disimpan.")
    text = text % {"oleh": oleh, "waktu": waktu, "nilai": nilai}
    return text.replace(" pada ;", ";").replace(" pada  menjadi", " menjadi")


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
        for name in ("value", "token"):
            value = cell.get(name)
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
