"""Indonesian number formatting (``1.234.567,89``), independent of the active locale.

Documents and exports must print Indonesian numbers whatever language the reader's browser asks
for, so they use these helpers rather than Django's localisation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import accumulate

SETENGAH_NAIK, POTONG = "setengah_naik", "potong"
PILIHAN_DESIMAL = [(n, str(n)) for n in range(5)]  # decimals a percentage may be printed with
CARA_PEMBULATAN = [(SETENGAH_NAIK, "Setengah ke atas (98,38 → 98,4)"), (POTONG, "Dipotong (98,38 → 98,3)")]


@dataclass(frozen=True)
class Pembulatan:
    """A pemda's rounding policy for printed figures: the decimals a percentage is printed with, and whether
    the last one is rounded half up (90,995 → 91,00) or cut (98,38 → 98,3, as seed 001 prints)."""

    desimal: int = 2
    cara: str = SETENGAH_NAIK

    def uraian(self) -> str:
        """The policy as the sentence printed under the tables."""
        how = "dipotong tanpa pembulatan" if self.cara == POTONG else "dibulatkan setengah ke atas"
        return f"Persentase ditulis dengan {self.desimal} angka desimal, {how}."


_AKTIF: ContextVar[Pembulatan] = ContextVar("pembulatan", default=Pembulatan())  # noqa: B039 (immutable)


def pembulatan_aktif() -> Pembulatan:
    return _AKTIF.get()


@contextmanager
def pembulatan(kebijakan: Pembulatan) -> Iterator[Pembulatan]:
    """Print everything inside with ``kebijakan`` (a document of a pemda, its tables and their checks)."""
    token = _AKTIF.set(kebijakan)
    try:
        yield kebijakan
    finally:
        _AKTIF.reset(token)


def to_decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # Floats only ever come from outside (a spreadsheet); go through repr to avoid binary noise.
        value = repr(value)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def round_decimal(value: Decimal, places: int = 2) -> Decimal:
    """The one rounding rule for money, targets and percentages: by default half up, as officials round by
    hand (``Decimal("90.995")`` → ``91.00``), or cut where the pemda's policy says so (:func:`pembulatan`).
    Everything that prints or compares a displayed figure uses it."""
    mode = ROUND_DOWN if _AKTIF.get().cara == POTONG else ROUND_HALF_UP
    return value.quantize(Decimal(1).scaleb(-places), rounding=mode)


def as_printed(value: Decimal) -> Decimal:
    """A percentage as the policy prints it (98,3838 → 98,3 cut to one decimal): derived figures are computed
    from it, so a reader who recomputes from the printed inputs gets the printed result."""
    return round_decimal(value, _AKTIF.get().desimal)


def cumulative(values: Iterable[Decimal | int | None]) -> list[Decimal]:
    """Running totals, a missing figure counting as 0: spending or plans to the end of each triwulan."""
    return list(accumulate(Decimal(v or 0) for v in values))


def format_number(value: object, places: int = 2, *, strip_zeros: bool = False) -> str:
    """``Decimal("1234567.891")`` → ``"1.234.567,89"``; None → ``""``.

    ``strip_zeros`` drops a fraction that is all zeros ("17" rather than "17,00") for counts.
    """
    number = to_decimal(value)
    if number is None:
        return ""
    if places == 0 and number == number.to_integral_value() and 0 <= number < 1000:
        return str(int(number))  # the common small whole number, without the general machinery
    number = round_decimal(number, places)
    sign = "-" if number < 0 else ""
    integer, _, fraction = f"{abs(number):f}".partition(".")
    groups: list[str] = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = ".".join(groups)
    if fraction and not (strip_zeros and set(fraction) == {"0"}):
        text = f"{text},{fraction}"
    if sign and set(text) <= {"0", ".", ","}:
        sign = ""  # no "-0,00"
    return sign + text


def format_rupiah(value: object, places: int = 0) -> str:
    text = format_number(value, places)
    return f"Rp {text}" if text else ""
