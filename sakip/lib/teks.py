"""Text as messages show it: a name cut to a readable length ("Program peningkatan …")."""

from __future__ import annotations

from django.utils.text import Truncator

PANJANG_PESAN = 80  # characters of a name a message repeats


def singkat(obj: object, panjang: int = PANJANG_PESAN) -> str:
    """``str(obj)`` cut to ``panjang`` characters with an ellipsis, for a message that names what was saved."""
    return Truncator(" ".join(str(obj).split())).chars(panjang)
