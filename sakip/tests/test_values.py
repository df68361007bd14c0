"""Reading values as planners type and paste them (spec D1–D3)."""

from decimal import Decimal

import pytest

from sakip.lib.values import UnreadableValue, format_value, parse_money, parse_value


@pytest.mark.parametrize(
    "text,nilai,satuan",
    [
        ("62,56", "62.56", ""),
        ("1.234.567,89", "1234567.89", ""),
        ("1.234.567", "1234567", ""),
        ("1.234", "1234", ""),
        ("21.3", "21.3", ""),
        ("2,897,729,010", "2897729010", ""),
        ("2,897,729, 010", "2897729010", ""),
        ("4,673,447,7 34", "4673447734", ""),
        ("1,234,567.89", "1234567.89", ""),
        ("100%", "100", "%"),
        ("1,2%", "1.2", "%"),
        ("3 dok", "3", "dok"),
        ("17 orang", "17", "orang"),
        ("225 peserta", "225", "peserta"),
        ("12 Bln", "12", "Bln"),
        ("0", "0", ""),
        ("-5", "-5", ""),
    ],
)
def test_numbers_and_units(text, nilai, satuan):
    parsed = parse_value(text)
    assert parsed.nilai == Decimal(nilai)
    assert parsed.satuan == satuan


@pytest.mark.parametrize("text", ["", "-", "N/A", "  ", None, "–"])
def test_no_value(text):
    assert parse_value(text).is_empty


def test_predikat():
    assert parse_value("BB (75,3)").nilai == Decimal("75.3")
    assert parse_value("BB (75,3)").teks == "BB (75,3)"
    assert parse_value("BB (75,3)").predikat == "BB"
    assert parse_value("cc").teks == "CC" and parse_value("cc").nilai is None
    assert parse_value("82 (Sangat Tinggi)").nilai == Decimal(82)


@pytest.mark.parametrize("text", ["abc", "12,34,5.6.7", "1.2.3,4,5", "#REF!", "(75)"])
def test_unreadable_is_an_error_not_zero(text):
    with pytest.raises(UnreadableValue):
        parse_value(text)


@pytest.mark.parametrize(
    "value",
    ["12345678901234567", "12.345.678.901.234.567", "Rp 12.345.678.901.234.567,00", "BB (12345678901234567)",
     "-12345678901234567", 12345678901234567, 1e300, Decimal("1E+16")],
)  # fmt: skip
def test_a_number_no_column_holds_is_an_error(value):
    # Every number column is DecimalField(20, 4) or (18, 2): 16 digits before the decimal point.
    with pytest.raises(UnreadableValue, match=r"^Angka terlalu besar: paling banyak 16 digit sebelum koma\.$"):
        parse_value(value)
    if not str(value).startswith("BB"):  # no predikat in Rupiah
        with pytest.raises(UnreadableValue, match="terlalu besar"):
            parse_money(value)


def test_a_number_that_rounds_to_seventeen_digits_is_an_error():
    # The database rounds to the column's decimals (4 for targets, 2 for Rupiah) and would overflow.
    with pytest.raises(UnreadableValue, match="terlalu besar"):
        parse_value("9999999999999999,99995")
    with pytest.raises(UnreadableValue, match="terlalu besar"):
        parse_money("9999999999999999,995")
    assert parse_value("9999999999999999,99994").nilai == Decimal("9999999999999999.99994")


def test_sixteen_digits_fit_and_nan_is_no_number():
    assert parse_value("9999999999999999,9999").nilai == Decimal("9999999999999999.9999")
    assert parse_money("Rp 1.234.567.890.123.456,50") == Decimal("1234567890123456.50")
    assert parse_value(-9999999999999999).nilai == Decimal(-9999999999999999)
    for value in (float("nan"), float("inf"), Decimal("NaN")):
        with pytest.raises(UnreadableValue, match="bukan angka"):
            parse_value(value)


def test_money():
    assert parse_money("Rp 1.234.000,00") == Decimal("1234000.00")
    assert parse_money("2,897,729, 010") == Decimal("2897729010")
    assert parse_money("-") is None
    assert parse_money("581,000") == Decimal("581000")  # Rupiah has no third decimal
    assert parse_value("0,125").nilai == Decimal("0.125")  # a target may
    with pytest.raises(UnreadableValue, match="bukan jumlah rupiah"):
        parse_money("3 dok")
    with pytest.raises(UnreadableValue, match="negatif"):
        parse_money("-5")


def test_format_value():
    assert format_value(Decimal("62.56")) == "62,56"
    assert format_value(Decimal("3.00")) == "3"
    assert format_value(Decimal("1234567")) == "1.234.567"
    assert format_value(Decimal("75.3"), "BB (75,3)") == "BB (75,3)"
    assert format_value(None) == ""


def test_a_label_longer_than_the_text_column_is_an_error():
    """Every qualitative value's column holds 60 characters: a longer label is a message, not a database error."""
    assert parse_value("82 (" + "x" * 55 + ")").teks == "82 (" + "x" * 55 + ")"
    with pytest.raises(UnreadableValue, match=r"^Teks nilai terlalu panjang: paling banyak 60 karakter\.$"):
        parse_value("82 (" + "x" * 56 + ")")
