"""Indonesian number formatting (``1.234.567,89``), independent of the active locale.

Documents and exports must print Indonesian numbers whatever language the reader's browser asks
for, so they use these helpers rather than Django's localisation.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import accumulate


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
    """The one rounding rule for money, targets and percentages: half up, as officials round by hand
    (``Decimal("90.995")`` → ``91.00``). Everything that prints or compares a displayed figure uses it."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


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
