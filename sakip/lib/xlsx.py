"""Writing .xlsx sheets: numbers stay numbers (formatted, so Excel can sum them) and text stays text,
so a cell beginning with "=", "+", "-" or "@" can never become a formula."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

RUPIAH = "#,##0"
WHOLE = "#,##0"
DECIMAL = "#,##0.00##"
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")


def number_format(value: Decimal, satuan: str = "") -> str:
    whole = value == value.to_integral_value()
    base = WHOLE if whole else DECIMAL
    return f'{base}"%"' if satuan.strip() == "%" else base


class Sheet:
    """A worksheet with a title, a (merged) header and rows; numbers stay numbers, text stays text."""

    def __init__(self, workbook: Workbook, name: str, title: str, subtitle: str):
        self.ws = workbook.create_sheet(name[:31])
        self.ws.append([title])
        self.ws["A1"].font = Font(bold=True, size=12)
        self.ws.append([subtitle])
        self.ws.append([])
        self.row = 3
        self.widths: dict[int, int] = {}

    def header(self, rows: Sequence[Sequence[str | None]], merges: list[tuple[int, int, int, int]]) -> None:
        first = self.row + 1
        for values in rows:
            self.write(values, bold=True, fill=HEADER_FILL, wrap=True)
        for r1, c1, r2, c2 in merges:
            self.ws.merge_cells(start_row=first + r1, start_column=c1, end_row=first + r2, end_column=c2)
        self.ws.freeze_panes = self.ws.cell(row=self.row + 1, column=1)
        self.ws.print_title_rows = f"{first}:{self.row}"

    def write(
        self,
        values: Sequence[object],
        *,
        bold: bool = False,
        fill: PatternFill | None = None,
        wrap: bool = False,
        formats: dict[int, str] | None = None,
    ) -> int:
        self.row += 1
        for col, value in enumerate(values, start=1):
            cell = self.ws.cell(row=self.row, column=col)
            if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
                cell.value = value
                cell.number_format = (formats or {}).get(col, number_format(Decimal(value)))
                cell.alignment = Alignment(horizontal="right", vertical="top")
                length = 14
            elif value not in (None, ""):
                cell.value = str(value)
                cell.data_type = TYPE_STRING  # never a formula, whatever the text begins with
                cell.alignment = Alignment(wrap_text=True, vertical="top" if not wrap else "center")
                length = max(len(line) for line in str(value).split("\n"))
            else:
                length = 0
            cell.border = BORDER
            if bold:
                cell.font = Font(bold=True)
            if fill:
                cell.fill = fill
            if not bold or not wrap:
                self.widths[col] = max(self.widths.get(col, 8), min(length + 2, 60))
        return self.row

    def finish(self, min_widths: dict[int, int] | None = None) -> None:
        for col, width in {**self.widths, **(min_widths or {})}.items():
            self.ws.column_dimensions[get_column_letter(col)].width = max(width, (min_widths or {}).get(col, 0))
        setup = self.ws.page_setup
        setup.orientation = "landscape"
        setup.paperSize = self.ws.PAPERSIZE_A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth, setup.fitToHeight = 1, 0
