"""Live figures in narratives, and the check that what a narrative writes still matches the tables.

A narrative can carry a figure of a generated table as a field, ``{{ nilai:3.5|Jumlah|5 }}``: the table's
number (or its key), the row (its number among the table's rows, or the text of one of its cells) and the
column (as the table numbers its columns, 1 …). At print time the field becomes the figure as the table
prints it, so the text follows the data. The narrative page lists the fields of every table to pick from.

Figures typed as text cannot follow the data; :func:`periksa` lists the percentages, amounts and predikat a
narrative writes that no table of the document prints, with the nearest figure it does print.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from sakip.lib.numbers import format_number
from sakip.lib.tabel import Baris, Tabel

FIELD = re.compile(r"\{\{\s*nilai\s*:\s*(?P<tabel>[^|{}]+?)\s*\|\s*(?P<baris>[^|{}]+?)\s*\|\s*(?P<kolom>\d+)\s*\}\}")
# "98,3%", "99.93 %", "-1.66%": a percentage, either decimal mark
PERSEN = re.compile(r"(?<![\d.,])(-?\d{1,3}(?:[.,]\d{1,2})?)\s?%")
# "Rp. 66.347.193.835,-", "66.348.353.265": an amount of at least a million (thousands in dots)
UANG = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3}){2,})(?![\d])")
# "66,55 (BB)" or "BB (66,55)": a SAKIP score with its predikat
PREDIKAT = re.compile(
    r"(?<![\w,])(\d{1,3},\d{1,2})\s*\((AA|A|BB|B|CC|C|D)\)|\b(AA|A|BB|B|CC|C|D)\s*\((\d{1,3},\d{1,2})\)"
)


@dataclass(frozen=True)
class Pilihan:
    """A figure a narrative can carry: its field and what the table prints now."""

    token: str
    tabel: str
    baris: str
    kolom: str
    nilai: str


def _columns(row: Baris) -> dict[int, str]:
    """The row's printed texts by column number (a cell spanning columns counts from its first)."""
    out, n = {}, 1
    for cell in row.cells:
        out[n] = cell.shown
        n += cell.span
    return out


def _row_label(row: Baris) -> str:
    return next((c.shown for c in row.cells if c.shown and any(ch.isalpha() for ch in c.shown)), "")


def _find_row(tabel: Tabel, baris: str) -> Baris | None:
    if baris.isdigit():
        i = int(baris) - 1
        return tabel.rows[i] if 0 <= i < len(tabel.rows) else None
    wanted = baris.casefold()
    for row in tabel.rows:
        if any(c.shown.strip().casefold() == wanted for c in row.cells):
            return row
    return next((r for r in tabel.rows if any(c.shown.casefold().startswith(wanted) for c in r.cells)), None)


def nilai(tables: list[Tabel], tabel: str, baris: str, kolom: int) -> str | None:
    """The figure a field points at, as printed; None when the table, row or column is not there."""
    t = next((t for t in tables if t.nomor == tabel and not t.continued), None)
    t = t or next((t for t in tables if t.key == tabel), None)
    row = _find_row(t, baris) if t is not None else None
    return _columns(row).get(kolom) if row is not None else None


def isi_nilai(text: str, tables: list[Tabel]) -> tuple[str, list[str]]:
    """The narrative with its fields replaced by the figures, and the fields that point at nothing."""
    missing: list[str] = []

    def replace(match: re.Match) -> str:
        found = nilai(tables, match["tabel"], match["baris"], int(match["kolom"]))
        if found is None or found == "":
            missing.append(match[0])
            return f"[{_('nilai tidak ditemukan')}: {html.escape(match[0])}]"
        return html.escape(found).replace(" %", "\u00a0%")  # "-7,88 %" never breaks before its sign

    return FIELD.sub(replace, text or ""), missing


def pilihan(tables: list[Tabel]) -> list[Pilihan]:
    """Every figure of the tables as a field to insert (rows named by their label where it is unique)."""
    out = []
    for t in tables:
        if t.continued:
            continue
        labels = [_row_label(r) for r in t.rows]
        for i, row in enumerate(t.rows, start=1):
            label = labels[i - 1]
            key = label if label and labels.count(label) == 1 and "|" not in label and len(label) < 80 else str(i)
            for kolom, shown in _columns(row).items():
                if shown and any(ch.isdigit() for ch in shown) and shown != label:
                    token = "{{ nilai:%s|%s|%s }}" % (t.nomor, key, kolom)  # noqa: UP031 (braces)
                    out.append(Pilihan(token, t.label, label or str(i), str(kolom), shown))
    return out


# --- Written figures ----------------------------------------------------------------------------------


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _figures(tables: list[Tabel]) -> tuple[list[Decimal], list[Decimal], set[tuple[str, Decimal]]]:
    """What the tables print: percentages, amounts (whole numbers of a million and more) and predikat scores."""
    persen: list[Decimal] = []
    uang: list[Decimal] = []
    predikat: set[tuple[str, Decimal]] = set()
    for t in tables:
        for row in t.rows:
            for cell in row.cells:
                text = cell.shown
                if not text:
                    continue
                for m in PREDIKAT.finditer(text):
                    grade, score = (m[2], m[1]) if m[1] else (m[3], m[4])
                    predikat.add((grade, Decimal(score.replace(",", "."))))
                if isinstance(cell.value, Decimal):
                    (persen if text.endswith("%") else uang).append(cell.value)
                    if not text.endswith("%"):
                        persen.append(cell.value)  # a ratio printed as a plain number
                elif (value := _decimal(text.replace(".", "").replace(",", ".").rstrip("% "))) is not None:
                    (persen if text.endswith("%") else uang).append(value)
    return persen, uang, predikat


def _agrees(written: Decimal, places: int, value: Decimal) -> bool:
    """Written with ``places`` decimals, the figure reads the same rounded half up or cut."""
    step = Decimal(1).scaleb(-places)
    return written in (value.quantize(step, rounding=ROUND_HALF_UP), value.quantize(step, rounding=ROUND_DOWN))


def _nearest(value: Decimal, candidates: list[Decimal], slack: Decimal) -> Decimal | None:
    """The closest printed figure, if close enough for the text to be about it (else the text states a
    figure of its own, which no table can check)."""
    near = min(candidates, key=lambda c: abs(c - value), default=None)
    return near if near is not None and abs(near - value) <= max(slack, abs(near) * Decimal("0.05")) else None


def periksa(judul: str, text: str, tables: list[Tabel]) -> list[str]:
    """The figures a narrative writes that no table prints, each with the nearest one the tables print."""
    plain = html.unescape(strip_tags(FIELD.sub(" ", text or "")))
    persen, uang, predikat = _figures(tables)
    problems: list[str] = []
    for m in PERSEN.finditer(plain):
        written_text = m[1]
        places = len(re.split(r"[.,]", written_text)[1]) if re.search(r"[.,]", written_text) else 0
        written = Decimal(written_text.replace(",", "."))
        if abs(written) == 100 or any(_agrees(written, places, v) for v in persen):
            continue
        if (near := _nearest(written, persen, Decimal(1))) is not None:
            problems.append(_pesan(judul, f"{written_text}%", f"{format_number(near, 2)} %"))
    for m in UANG.finditer(plain):
        written = Decimal(m[1].replace(".", ""))
        if written not in uang and (near := _nearest(written, uang, Decimal(0))) is not None:
            problems.append(_pesan(judul, m[1], format_number(near, 0)))
    for m in PREDIKAT.finditer(plain):
        grade, score = (m[2], m[1]) if m[1] else (m[3], m[4])
        value = Decimal(score.replace(",", "."))
        printed = {g for g, s in predikat if s == value}
        if printed and grade not in printed:
            problems.append(_pesan(judul, m[0], f"{sorted(printed)[0]} ({score})"))
    return problems


def _pesan(judul: str, written: str, near: str) -> str:
    return _("Narasi \u201c%(b)s\u201d menulis %(w)s; tabel mencetak %(n)s.") % {"b": judul, "w": written, "n": near}


def selisih_tercetak(tercetak, tables: list[Tabel]) -> list[str]:
    """Each figure a source printed (:class:`lkjip.models.AngkaTercetak`) that the table computes otherwise."""
    out = []
    for a in tercetak:
        computed = nilai(tables, a.tabel, a.baris, a.kolom)
        if computed is not None and _sama(a.nilai, computed):
            continue
        out.append(
            _("Tabel %(t)s, %(b)s, kolom (%(k)s): tercetak di sumber %(p)s, dihitung dari datanya %(c)s.")
            % {"t": a.tabel, "b": a.baris, "k": a.kolom, "p": a.nilai, "c": computed or "–"}
        )
    return out


def _sama(printed: str, computed: str) -> bool:
    def number(text: str) -> Decimal | None:
        return _decimal(text.replace("Rp", "").replace(".", "").replace(",", ".").replace("%", "").strip())

    a, b = number(printed), number(computed)
    return a == b if a is not None and b is not None else printed.strip() == computed.strip()
