"""Template filters for Indonesian numbers, money and NIP, the same in pages and documents; the help link."""

from __future__ import annotations

import re
from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from sakip.lib.nip import format_nip
from sakip.lib.numbers import format_number, format_rupiah
from sakip.lib.values import format_value

register = template.Library()
_DECIMAL = re.compile(r"-?\d+\.\d+")


@register.filter
def angka(value, places=2):
    """``{{ x|angka }}`` → 1.234.567,89; ``{{ x|angka:0 }}`` → 1.234.568."""
    return format_number(value, int(places))


@register.filter
def rupiah(value, places=0):
    return format_rupiah(value, int(places))


@register.filter
def nip(value):
    return format_nip(value)


@register.filter
def audit_value(value):
    """A before/after value of an audit entry as a person reads it."""
    if value in (None, "", "None"):
        return "—"
    if value is True or value == "True":
        return "Ya"
    if value is False or value == "False":
        return "Tidak"
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return format_value(Decimal(value))  # "22.0000" as stored → "22"; "62.5600" → "62,56"
    return value


@register.filter
def get_item(mapping, key):
    """``{{ dict|get_item:key }}``; a missing key (or None) reads as the "None" entry, then empty."""
    if mapping is None:
        return None
    return mapping.get(key if key is not None else "None", mapping.get(str(key), ()))


@register.filter
def angka_ringkas(value):
    """A target as people write it: "3", "62,56", "" (no trailing ,00)."""
    return format_value(value) if value not in (None, "") else ""


@register.simple_tag
def bantuan(bagian: str):
    """The *Bantuan* link of a page header, to the help section ``bagian`` (sakip.views.bantuan.BAGIAN)."""
    return format_html(
        '<a class="btn btn-sm btn-outline-secondary" href="{}" data-testid="bantuan-link">'
        '<i aria-hidden="true" class="bi bi-question-circle"></i> {}</a>',
        reverse("bantuan", args=[bagian]),
        _("Bantuan"),
    )
