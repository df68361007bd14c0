"""NIP (Nomor Induk Pegawai): 18 digits, YYYYMMDD YYYYMM G NNN.

Birth date, TMT CPNS (year and month), sex (1 men, 2 women) and a serial number. Printed grouped
with spaces ("19670403 199403 1 015"); stored as the bare digits.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_SEPARATORS = re.compile(r"[\s.\-]")


def normalize_nip(value: str) -> str:
    return _SEPARATORS.sub("", value or "")


def validate_nip(value: str) -> None:
    digits = normalize_nip(value)
    if not digits.isdigit() or len(digits) != 18:
        raise ValidationError(_("NIP harus terdiri dari 18 angka."), code="nip_length")
    try:
        datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError(_("Delapan angka pertama NIP bukan tanggal lahir yang sah."), code="nip_birth") from None
    if not 1 <= int(digits[12:14]) <= 12:
        raise ValidationError(_("Angka ke-13 dan ke-14 NIP bukan bulan TMT CPNS yang sah."), code="nip_tmt")
    if int(digits[8:12]) < int(digits[0:4]):
        raise ValidationError(_("Tahun TMT CPNS dalam NIP lebih awal dari tahun lahir."), code="nip_tmt")
    if digits[14] not in "12":
        raise ValidationError(_("Angka ke-15 NIP (jenis kelamin) harus 1 atau 2."), code="nip_sex")


def format_nip(value: str) -> str:
    digits = normalize_nip(value)
    if len(digits) != 18:
        return value or ""
    return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:18]}"
