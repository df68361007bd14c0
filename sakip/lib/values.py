"""Read the values planners type or paste: Indonesian and English numbers, percentages, units written
into the cell, SAKIP predikat, and the many ways of writing "no value".

``parse_value("1.234.567,89")`` → 1234567.89; ``"2,897,729, 010"`` → 2897729010 (a stray space from a
PDF copy); ``"100%"`` → 100 with satuan "%"; ``"3 dok"`` → 3 with satuan "dok"; ``"BB (75,3)"`` →
predikat BB with score 75.3; ``"-"``, ``"N/A"`` and ``""`` → no value. Anything else is an error with a
message for the planner, never a silent zero; so is a number no column can hold (more than 16 digits before
the decimal point), whichever way it comes in (a grid cell, a form, a workbook).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from sakip.lib.numbers import format_number, round_decimal

PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D")  # SAKIP grades, best first
# Every number column holds 16 digits before the decimal point: DecimalField(20, 4) for targets and
# realisasi, DecimalField(18, 2) for Rupiah (pagu, anggaran, realisasi anggaran).
MAX_INTEGER_DIGITS = 16
_WIDE = Context(prec=MAX_INTEGER_DIGITS + 20)
MAX_TEKS = 60  # a qualitative value's text column (Target.teks, Realisasi.teks, PKIndikator.target_teks, …)
EMPTY = {"", "-", "–", "—", "n/a", "na", "#n/a", "tidak ada", "nihil"}

_SPACES_IN_NUMBER = re.compile(r"(?<=[\d.,])\s+(?=[\d.,])")
_NUMBER = re.compile(r"^[+-]?(\d[\d.,]*)$")
_NUMBER_AND_UNIT = re.compile(r"^(?P<num>[+-]?\d[\d.,\s]*?)\s*(?P<unit>%|[^\d\s.,%()][^\d()]*)?$")
_PREDIKAT = re.compile(r"^(?P<grade>AA|A|BB|B|CC|C|D)\s*(\((?P<score>[\d.,\s]+)\))?$", re.IGNORECASE)
_NUMBER_WITH_LABEL = re.compile(r"^(?P<num>[+-]?\d[\d.,]*)\s*\((?P<label>[^)]+)\)$")


# The units indicators count in (SAKIP practice: Kepmendagri 050-5889/2021's indikator, the Renstra tables): a count
# is whole; ``SATUAN_KATA`` are the unit words a planner may write into a cell ("3 dok"), anything else after a
# number is a typo ("1.234,5x"), not a unit.
_HITUNG = (
    "orang org jiwa dokumen dok laporan kegiatan keg forum paket kebijakan parpol unit desa kelurahan kecamatan "
    "sekolah buah ruang kali kasus peserta pegawai aplikasi sistem layanan rekomendasi lembaga kelompok rumah "
    "perda perbup regulasi naskah berkas eksemplar lokasi titik ormas organisasi opd instansi izin aduan "
    "pengaduan sertifikat kk keluarga pos perusahaan koperasi umkm event kejadian"
)
_UKURAN = (
    "% persen indeks nilai predikat poin skor jumlah bulan bln tahun thn hari jam menit minggu triwulan semester "
    "rupiah rp km m m2 m3 ha ton kg liter meter hektar mbps"
)
SATUAN_HITUNG = frozenset(_HITUNG.split())
SATUAN_KATA = SATUAN_HITUNG | frozenset(_UKURAN.split())


def satuan_hitung(satuan: str) -> bool:
    """Whether an indicator's ``satuan`` counts whole things ("Orang", "Dokumen", "Laporan/Tahun")."""
    words = re.findall(r"[a-z]+", satuan.lower())
    return bool(words) and words[0] in SATUAN_HITUNG


class UnreadableValue(ValueError):
    """A value that cannot be read; ``str()`` is the message for the user."""


@dataclass(frozen=True)
class Parsed:
    nilai: Decimal | None = None  # the number, or a predikat's score
    teks: str = ""  # kept for qualitative values ("BB (75,3)", "82 (Sangat Tinggi)")
    satuan: str = ""  # a unit written into the cell ("dok", "%")
    predikat: str = ""

    @property
    def is_empty(self) -> bool:
        return self.nilai is None and not self.teks


def parse_number(text: str, *, money: bool = False) -> Decimal:
    """A number written the Indonesian or the English way.

    ``money``: Rupiah never has three decimals, so "581,000" is five hundred eighty-one thousand.
    """
    raw = _SPACES_IN_NUMBER.sub("", text.strip())
    negative = raw.startswith("-")
    raw = raw.lstrip("+-")
    if not _NUMBER.match(raw):
        raise UnreadableValue(_("“%(text)s” bukan angka.") % {"text": text.strip()})
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        # Whichever comes last separates the decimals: 1.234.567,89 or 1,234,567.89.
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        if raw.count(decimal_sep) > 1:
            raise UnreadableValue(_("“%(text)s” bukan angka yang jelas.") % {"text": text.strip()})
        raw = raw.replace(thousands, "").replace(decimal_sep, ".")
    elif commas:
        # 62,56 is Indonesian decimals; 2,897,729,010 is English thousands.
        english = commas > 1 or (money and len(raw.split(",")[1]) == 3)
        raw = raw.replace(",", "") if english else raw.replace(",", ".")
    elif dots > 1:
        raw = raw.replace(".", "")
    elif dots == 1:
        # 1.234 is an Indonesian thousand; 21.3 or 75.50 is an English decimal.
        whole, frac = raw.split(".")
        raw = whole + frac if len(frac) == 3 else raw
    if not _check_groups(raw):
        raise UnreadableValue(_("“%(text)s” bukan angka.") % {"text": text.strip()})
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise UnreadableValue(_("“%(text)s” bukan angka.") % {"text": text.strip()}) from None
    return _fitting(-number if negative else number, text.strip(), 2 if money else 4)


def _fitting(number: Decimal, text: str, places: int = 4) -> Decimal:
    """The number, if a number column can hold it once rounded to its ``places`` decimals (as the database
    will: 9999999999999999,99995 becomes a 17-digit number there)."""
    if not number.is_finite():  # NaN or infinity, sent as a JSON number
        raise UnreadableValue(_("“%(text)s” bukan angka.") % {"text": text})
    if number.adjusted() < MAX_INTEGER_DIGITS:
        number_rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN, context=_WIDE)
    else:
        number_rounded = number
    if number_rounded.adjusted() >= MAX_INTEGER_DIGITS:
        raise UnreadableValue(
            _("Angka terlalu besar: paling banyak %(n)s digit sebelum koma.") % {"n": MAX_INTEGER_DIGITS}
        )
    return number


def _check_groups(raw: str) -> bool:
    return bool(re.fullmatch(r"\d+(\.\d+)?", raw))


def parse_value(text: object, *, allow_predikat: bool = True, money: bool = False) -> Parsed:
    """Read one cell; raise ``UnreadableValue`` with a message when it cannot be read."""
    parsed = _parse_value(text, allow_predikat=allow_predikat, money=money)
    if len(parsed.teks) > MAX_TEKS:
        raise UnreadableValue(_("Teks nilai terlalu panjang: paling banyak %(n)s karakter.") % {"n": MAX_TEKS})
    return parsed


def _parse_value(text: object, *, allow_predikat: bool, money: bool) -> Parsed:
    if text is None:
        return Parsed()
    if isinstance(text, int | Decimal):
        return Parsed(nilai=_fitting(Decimal(text), str(text), 2 if money else 4))
    if isinstance(text, float):
        return Parsed(nilai=_fitting(Decimal(repr(text)), repr(text), 2 if money else 4))
    cleaned = " ".join(str(text).split())
    if cleaned.lower() in EMPTY:
        return Parsed()
    if allow_predikat and (m := _PREDIKAT.match(cleaned)):
        score = parse_number(m["score"]) if m["score"] else None
        grade = m["grade"].upper()
        return Parsed(
            nilai=score, teks=cleaned.upper() if not score else f"{grade} ({m['score'].strip()})", predikat=grade
        )
    if m := _NUMBER_WITH_LABEL.match(cleaned):
        return Parsed(nilai=parse_number(m["num"]), teks=cleaned)
    if cleaned.lower().startswith("rp"):
        return Parsed(nilai=parse_number(cleaned[2:].lstrip(" ."), money=True))
    if m := _NUMBER_AND_UNIT.match(cleaned):
        unit = (m["unit"] or "").strip()
        return Parsed(nilai=parse_number(m["num"], money=money), satuan=unit)
    raise UnreadableValue(_("“%(text)s” tidak dapat dibaca sebagai angka, persen atau predikat.") % {"text": cleaned})


def parse_money(text: object) -> Decimal | None:
    """A Rupiah amount: a plain number, optionally with "Rp"; no units, no predikat."""
    parsed = parse_value(text, allow_predikat=False, money=True)
    if parsed.satuan or parsed.teks:
        raise UnreadableValue(_("“%(text)s” bukan jumlah rupiah.") % {"text": " ".join(str(text).split())})
    if parsed.nilai is not None and parsed.nilai < 0:
        raise UnreadableValue(_("Jumlah rupiah tidak boleh negatif."))
    return parsed.nilai


def format_value(nilai: Decimal | None, teks: str = "", places: int = 2) -> str:
    """How a stored target reads back: the qualitative text if any, else the number (no trailing ,00)."""
    if teks:
        return teks
    if nilai is None:
        return ""
    digits = nilai.normalize().as_tuple().exponent  # an int for every finite number
    exponent = -digits if isinstance(digits, int) and nilai != nilai.to_integral() else 0
    return format_number(nilai, max(0, min(places, exponent)) if exponent > 0 else 0)


def parse_id(raw: object) -> int | None:
    """A primary key or a year sent by a browser, or None: ASCII digits only ("²" is a digit to ``str.isdigit``) and no
    longer than a database integer holds, so a forged id is "not found", never an error."""
    text = str(raw)
    if not text or len(text) > 18 or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


@dataclass(frozen=True)
class Reading:
    """A value read for saving: the value, and what the user should see or confirm about it."""

    parsed: Parsed
    catatan: str = ""  # said, not asked: money rounded to whole rupiah
    peringatan: tuple[str, ...] = ()  # plausibility warnings the user confirms before the value is saved


def _satuan_berbeda(parsed: Parsed, satuan: str) -> bool:
    return bool(parsed.satuan and parsed.satuan != "%" and satuan and parsed.satuan.lower() not in satuan.lower())


def read_cell(
    text: object,
    *,
    satuan: str = "",
    persen: bool = False,
    target: Decimal | None = None,
    money: bool = False,
    pembanding: Decimal | None = None,
) -> Reading:
    """The one reader of a value typed in a form or a grid cell, or read from a workbook.

    Indicator values (``money=False``): :func:`parse_value`, and a unit written into the cell must be the
    indicator's ``satuan`` ("1.234,5x" is refused where the indicator counts "dok"). Rupiah (``money=True``):
    :func:`parse_money`, rounded to whole rupiah by :func:`sakip.lib.numbers.round_decimal`, saying so when that
    changed the value ("15.000.000,50" becomes 15.000.001). Warnings, for the user to confirm: a negative
    number, a percentage over 100, a value ten times the ``target`` or more (for Rupiah, ``target`` is the budget
    a realisasi or a DPPA is compared with), a fraction of a count (``satuan`` "Orang"), a value ten times
    ``pembanding`` (the largest of the other years' targets of the indicator) or more."""
    if money:
        amount = parse_money(text)
        if amount is None:
            return Reading(Parsed())
        rounded = round_decimal(amount, 0)
        note = ""
        if rounded != amount:
            note = _("%(typed)s dibulatkan menjadi %(rounded)s (rupiah penuh).") % {
                "typed": format_number(amount, 2),
                "rounded": format_number(rounded, 0),
            }
        warned: tuple[str, ...] = ()
        if target is not None and target > 0 and rounded >= target * 10:
            warned = (
                _("Jumlahnya %(v)s, sepuluh kali anggarannya (%(t)s) atau lebih.")
                % {"v": format_number(rounded, 0), "t": format_number(target, 0)},
            )
        return Reading(Parsed(nilai=rounded), catatan=note, peringatan=warned)
    parsed = parse_value(text)
    if _satuan_berbeda(parsed, satuan):
        if not set(re.findall(r"[a-z0-9%]+", parsed.satuan.lower())) <= SATUAN_KATA:  # a typo, not a unit
            raise UnreadableValue(
                _("“%(text)s” bukan angka yang dapat dibaca.") % {"text": " ".join(str(text).split())}
            )
        raise UnreadableValue(
            _("Satuan “%(cell)s” berbeda dengan satuan indikator “%(ind)s”.") % {"cell": parsed.satuan, "ind": satuan}
        )
    return Reading(
        parsed,
        peringatan=plausibility(parsed, satuan=satuan, persen=persen, target=target, pembanding=pembanding),
    )


def plausibility(
    parsed: Parsed,
    *,
    satuan: str = "",
    persen: bool = False,
    target: Decimal | None = None,
    pembanding: Decimal | None = None,
) -> tuple[str, ...]:
    """What is worth a second look in a value read (by :func:`read_cell`, or by a workbook importer that reads its
    own way): a negative number, a percentage over 100, ten times the ``target`` or more, a fraction of a count,
    ten times ``pembanding`` (the other years' targets) or more."""
    warnings = []
    nilai = parsed.nilai
    if nilai is not None and not parsed.predikat:
        if nilai < 0:
            warnings.append(_("Nilainya negatif (%(v)s).") % {"v": format_value(nilai)})
        if (persen or parsed.satuan == "%" or satuan.strip() == "%") and nilai > 100:
            warnings.append(_("Persentase lebih dari 100 (%(v)s %%).") % {"v": format_value(nilai)})
        if target is not None and target > 0 and nilai >= target * 10:
            warnings.append(
                _("Nilainya %(v)s, sepuluh kali target (%(t)s) atau lebih.")
                % {"v": format_value(nilai), "t": format_value(target)}
            )
        if satuan_hitung(satuan) and nilai != nilai.to_integral_value():
            warnings.append(
                _("Satuan “%(s)s” dihitung utuh, tetapi nilainya pecahan (%(v)s).")
                % {"s": satuan.strip(), "v": format_value(nilai, places=4)}
            )
        if pembanding is not None and pembanding > 0 and nilai >= pembanding * 10:
            warnings.append(
                _("Nilainya %(v)s, sepuluh kali target tahun lain (paling besar %(t)s) atau lebih.")
                % {"v": format_value(nilai), "t": format_value(pembanding)}
            )
    return tuple(warnings)
