"""A generated table, described once and written twice: into the PDF (HTML) and into Excel.

The builders (:mod:`lkjip.renstra_doc`, :mod:`lkjip.lkjip_doc`) describe each official table as a
:class:`Tabel`: header rows with spans, body rows of typed cells. The same object is printed by the
document template, written to .xlsx by :func:`workbook`, and kept in a final document's snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from sakip.lib.numbers import format_number, pembulatan_aktif
from sakip.lib.values import format_value
from sakip.lib.xlsx import BORDER, HEADER_FILL, RUPIAH, TOTAL_FILL, Sheet, number_format

TEKS, ANGKA, RUPIAH_FMT, PERSEN = "teks", "angka", "rupiah", "persen"
NILAI = "nilai"  # a target or kondisi: printed as typed with its satuan ("90%"), a number in Excel


@dataclass(slots=True)
class Sel:
    value: object = None  # str, Decimal or None
    fmt: str = TEKS
    span: int = 1
    indent: int = 0
    rowspan: int = 1  # in the PDF, this cell also covers the rows below it …
    covered: bool = False  # … whose cells under it are then not printed (Excel keeps them, empty)
    satuan: str = ""  # with NILAI: the indicator's unit

    @property
    def shown(self) -> str:
        v = self.value
        if v is None or v == "":
            return ""
        if self.fmt == NILAI:
            return with_unit(format_value(v) if isinstance(v, Decimal) else str(v), self.satuan)
        if not isinstance(v, Decimal):
            return str(v)
        if self.fmt == RUPIAH_FMT:
            return format_number(v, 0)
        if self.fmt == PERSEN:
            return f"{format_number(v, pembulatan_aktif().desimal)} %"
        whole = v == v.to_integral_value()
        return format_number(v, 0 if whole else 2)

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, Decimal)

    @property
    def right_aligned(self) -> bool:
        """Printed right-aligned, as figures are (targets print as typed, like the text around them)."""
        return self.fmt != NILAI and (self.is_number or self.fmt != TEKS)


@dataclass(slots=True)
class Baris:
    cells: list[Sel]
    style: str = ""  # "" | "grup" (a heading row) | "tebal" | "jumlah" (a total, printed once)
    continued: bool = False  # continues the element of the row above (a printed part never starts here)


@dataclass(slots=True)
class Kepala:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Tabel:
    key: str  # the slug of its .xlsx download
    nomor: str  # "T-C.25", "3.1"
    judul: str
    header: list[list[Kepala]]
    rows: list[Baris] = field(default_factory=list)
    wide: bool = False  # printed on a landscape page
    widths: list[str] = field(default_factory=list)  # column widths for the PDF ("8%")
    note: str = ""  # the "Sumber: …" or a footnote under the table
    column_numbers: bool = False  # the (1) (2) (3) … row under the header
    continued: bool = False  # a later piece of a table printed in parts: no title of its own

    @property
    def column_count(self) -> int:
        return sum(k.colspan for k in self.header[0]) if self.header else 0

    def add_row(self, *cells: object, style: str = "") -> Baris:
        row = Baris([c if isinstance(c, Sel) else Sel(c) for c in cells], style)
        self.rows.append(row)
        return row

    def merge_down(
        self, first: int, columns: Iterable[int], *, last: int | None = None, keep_together: bool = True
    ) -> None:
        """Merge ``columns`` of row ``first`` with the rows after it, up to ``last`` (default: the last
        row of the table): one plan element over its indicators, or a tujuan over everything under it,
        as the official documents print them. Fewer cells also print faster. ``keep_together``: the rows are one
        element's and stay together when the table is printed in parts."""
        rows = self.rows[first : None if last is None else last + 1]
        if len(rows) < 2:
            return
        for col in columns:
            rows[0].cells[col].rowspan = len(rows)
            for row in rows[1:]:
                row.cells[col].covered = True
        if keep_together:
            for row in rows[1:]:
                row.continued = True

    def slice(self, start: int, stop: int) -> Tabel:
        """Rows ``start:stop`` as a table of their own, for printing a long table in parts: merged cells
        are cut at both ends, the columns keep their widths, only the first piece has the title and only
        the last the note."""
        rows = [Baris([replace(c) for c in b.cells], b.style, b.continued) for b in self.rows[start:stop]]
        for i, row in enumerate(rows):
            for cell in row.cells:
                if cell.rowspan > 1:
                    cell.rowspan = min(cell.rowspan, len(rows) - i)
        for col, cell in enumerate(rows[0].cells if rows else []):
            if cell.covered:  # covered by a cell above the piece: reopen it, empty, down to where it ended
                above = next(r for r in range(start - 1, -1, -1) if not self.rows[r].cells[col].covered)
                end = above + self.rows[above].cells[col].rowspan
                cell.covered, cell.value = False, None
                cell.rowspan = min(end, stop) - start
        return replace(
            self,
            rows=rows,
            widths=self.column_widths,
            continued=start > 0,
            note=self.note if stop >= len(self.rows) else "",
        )

    @property
    def column_widths(self) -> list[str]:
        """Column widths for the PDF: as given, else by the length of what the columns hold."""
        if self.widths:
            return self.widths
        n = self.column_count
        longest = [3.0] * n
        for row in self.rows[:200]:
            if len(row.cells) != n:
                continue  # rows with spans say nothing about single columns
            for i, cell in enumerate(row.cells):
                text = cell.shown
                # Long texts wrap: their weight grows slower than their length.
                size = len(text) if len(text) < 14 else 14 + (len(text) - 14) ** 0.6
                longest[i] = max(longest[i], size)
        total = sum(longest)
        return [f"{w / total * 100:.2f}%" for w in longest]

    @property
    def ada_persen(self) -> bool:
        """Whether it prints a percentage (the rounding policy is then printed under it)."""
        return any(c.fmt == PERSEN and c.is_number for row in self.rows for c in row.cells)

    @property
    def label(self) -> str:
        return f"Tabel {self.nomor} {self.judul}"

    def snapshot(self) -> dict[str, object]:
        """The table as plain JSON: what the final document showed."""
        return {
            "nomor": self.nomor,
            "judul": self.judul,
            "kepala": [[k.text for k in row] for row in self.header],
            "baris": [[c.shown for c in row.cells] for row in self.rows],
        }


def with_unit(text: str, satuan: str, *, other_units: bool = False) -> str:
    """A value as the documents print it: "90" with satuan "%" reads "90%"; with ``other_units`` other units follow
    ("450 orang") for tables that have no satuan column."""
    satuan = (satuan or "").strip()
    if not text:
        return text
    if satuan == "%":
        return f"{text}%" if text[-1].isdigit() else text
    if other_units and satuan and text[-1].isdigit():
        return f"{text} {satuan}"
    return text


def nilai(value: Decimal | None, teks: str = "", satuan: str = "") -> Sel:
    """A target or kondisi: the qualitative text when there is one, else the number."""
    return Sel(teks or value, NILAI, satuan=satuan)


def angka(value: Decimal | None, fmt: str = ANGKA) -> Sel:
    return Sel(value, fmt)


def rupiah(value: Decimal | None) -> Sel:
    return Sel(value, RUPIAH_FMT)


def persen(value: Decimal | None) -> Sel:
    return Sel(value, PERSEN)


# --- Excel ------------------------------------------------------------------------------------------


def _grid(header: list[list[Kepala]]) -> tuple[list[list[str | None]], list[tuple[int, int, int, int]]]:
    """Header rows with spans → a rectangular grid of texts and the merges (0-based rows, 1-based columns)."""
    width = sum(k.colspan for k in header[0])
    grid: list[list[str | None]] = [[None] * width for _ in header]
    taken = [[False] * width for _ in header]
    merges = []
    for r, row in enumerate(header):
        c = 0
        for head in row:
            while c < width and taken[r][c]:
                c += 1
            if c >= width:
                break
            grid[r][c] = head.text
            for dr in range(head.rowspan):
                for dc in range(head.colspan):
                    if r + dr < len(header) and c + dc < width:
                        taken[r + dr][c + dc] = True
            if head.colspan > 1 or head.rowspan > 1:
                merges.append((r, c + 1, r + head.rowspan - 1, c + head.colspan))
            c += head.colspan
    return grid, merges


def _format(cell: Sel) -> str:
    if cell.fmt == RUPIAH_FMT:
        return RUPIAH
    if cell.fmt == PERSEN:
        return '0.00" %"'
    value = cell.value
    assert isinstance(value, Decimal)  # only figures are formatted (Sel.is_number)
    return number_format(value, cell.satuan)  # a target in % shows its %


def write_table(workbook: Workbook, tabel: Tabel, subtitle: str, *, sheet_name: str = "") -> None:
    sheet = Sheet(workbook, sheet_name or f"Tabel {tabel.nomor}".replace("/", "-"), tabel.label, subtitle)
    grid, merges = _grid(tabel.header)
    sheet.header(grid, merges)
    for row in tabel.rows:
        values, formats, spans = [], {}, []
        col = 1
        for cell in row.cells:
            if cell.is_number:
                values.append(cell.value)
                formats[col] = _format(cell)
            else:
                text = cell.shown
                values.append(("    " * cell.indent + text) if text else None)
            if cell.span > 1:
                spans.append((col, col + cell.span - 1))
                values.extend([None] * (cell.span - 1))
            col += cell.span
        bold = row.style in ("grup", "tebal", "jumlah")
        fill = TOTAL_FILL if row.style in ("grup", "jumlah") else None
        r = sheet.write(values, bold=bold, fill=fill, formats=formats)
        for c1, c2 in spans:
            sheet.ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=c2)
    if tabel.note:
        sheet.row += 1
        sheet.ws.cell(row=sheet.row + 1, column=1, value=tabel.note).font = Font(italic=True, size=9)
    sheet.finish()
    for c in range(1, tabel.column_count + 1):  # long texts wrap rather than stretch the sheet
        letter = get_column_letter(c)
        if (sheet.ws.column_dimensions[letter].width or 0) > 50:
            sheet.ws.column_dimensions[letter].width = 50
    for row in sheet.ws.iter_rows(min_row=4):
        for cell in row:
            if cell.border != BORDER:
                continue
            if isinstance(cell.value, str):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.ws.iter_rows(min_row=4, max_row=3 + len(grid)):
        for cell in row:
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")


def workbook(tables: list[Tabel], subtitle: str) -> bytes:
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    for tabel in tables:
        write_table(book, tabel, subtitle)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
