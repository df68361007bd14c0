"""Quarters, roman numerals and dates as Indonesian official documents write them, defined once."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import formats, translation


class Triwulan(models.IntegerChoices):
    I = 1, "TW I"  # noqa: E741 (the roman numeral)
    II = 2, "TW II"
    III = 3, "TW III"
    IV = 4, "TW IV"

    @property
    def roman(self) -> str:
        return self.name


def roman(q: int | str) -> str:
    """A quarter's number as people write it: 1 → "I"."""
    return Triwulan(int(q)).roman


_ROMAN_NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def roman_numeral(n: int) -> str:
    """Any positive number in roman numerals: 14 → "XIV" (programs, front matter pages)."""
    out = ""
    for value, letters in _ROMAN_NUMERALS:
        count, n = divmod(n, value)
        out += letters * count
    return out


def long_date(tanggal: datetime.date) -> str:
    """ "2 Januari 2024", whatever language the user reads Sakip in (sakip/formats/id)."""
    with translation.override("id"):
        return formats.date_format(tanggal, "j F Y")
