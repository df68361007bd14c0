"""Import a Renstra from the workbook planners already have: table T-C.27 (Permendagri 86/2017) or its
relatives such as Tabel 6.3 of a Renstra Perubahan.

Reading is separate from saving: :func:`read_renstra` parses and checks the whole sheet and returns a
:class:`Report` (the tree, counts, totals, every error and warning with its row, column and cell text);
:func:`save_renstra` writes a report without errors into a new draft version, in one transaction.

The header is found by its text in the first 15 rows and may span up to three rows (a group title, the
year, then Target/Rp). Rows get their level from the Tujuan/Sasaran columns, else from the code's depth,
else from the name ("PROGRAM ...", "Kegiatan ...") or the row above.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Model
from django.utils.translation import gettext as _

from renstra.models import (
    ArahKebijakan,
    Elemen,
    Indikator,
    Level,
    Nomenklatur,
    Pagu,
    Periode,
    Renstra,
    RenstraVersi,
    Strategi,
    Target,
)
from sakip import audit
from sakip.lib.numbers import format_number
from sakip.lib.values import Parsed, UnreadableValue, parse_money, parse_value, plausibility, read_cell
from sakip.lib.workbook import MAX_ROWS, WorkbookError, iter_rows, open_workbook
from sakip.models import PerangkatDaerah, UnitKerja

HEADER_SEARCH_ROWS = 15
ZERO = Decimal("0")

_YEAR = re.compile(r"\b(20\d\d)\b")
_NUMBERING = re.compile(r"^[(\-]?\d{1,2}\)?$")
_SUBHEADER = re.compile(r"^(tahun\s*)?(20\d\d)$|^target$|^rp\.?$|^\(rp\)$|^pagu( \(rp\))?$|^anggaran$|^kinerja$")


@dataclass
class Problem:
    message: str
    row: int | None = None
    column: str = ""
    text: str = ""
    error: bool = True


@dataclass
class ParsedIndikator:
    uraian: str
    satuan: str = ""
    awal: Parsed = field(default_factory=Parsed)
    targets: dict[int, Parsed] = field(default_factory=dict)
    akhir: Parsed = field(default_factory=Parsed)


@dataclass
class ParsedElemen:
    row: int
    level: str
    kode: str = ""
    nama: str = ""
    indikator: list[ParsedIndikator] = field(default_factory=list)
    pagu: dict[int, Decimal] = field(default_factory=dict)  # sub kegiatan only
    printed_rp: dict[int, Decimal] = field(default_factory=dict)  # program/kegiatan: checked against the sum
    printed_rp_akhir: Decimal | None = None
    unit_kerja: str = ""
    lokasi: str = ""
    children: list[ParsedElemen] = field(default_factory=list)
    parent: ParsedElemen | None = field(default=None, repr=False)

    @property
    def level_label(self) -> str:
        return str(Level(self.level).label)

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth

    def tercetak(self) -> dict[str, str]:
        """The printed amounts kept with the element (``Elemen.rp_tercetak``) to show where they differ."""
        out = {str(y): str(v) for y, v in self.printed_rp.items()}
        if self.printed_rp_akhir is not None:
            out["akhir"] = str(self.printed_rp_akhir)
        return out

    def computed_rp(self, year: int) -> Decimal:
        if self.level == Level.SUB_KEGIATAN:
            return self.pagu.get(year, ZERO)
        return sum((child.computed_rp(year) for child in self.children), ZERO)


@dataclass
class Column:
    index: int
    kind: str  # tujuan, sasaran, kode, nama, indikator, satuan, awal, target, rp, akhir_target, akhir_rp, unit, lokasi
    label: str
    year: int | None = None


@dataclass
class Report:
    roots: list[ParsedElemen] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    rows_read: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.error]

    def flat(self) -> list[ParsedElemen]:
        out: list[ParsedElemen] = []

        def walk(items):
            for item in items:
                out.append(item)
                walk(item.children)

        walk(self.roots)
        return out

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(e.level for e in self.flat())
        counts = {str(Level(level).label): counter[level] for level in Level.values}
        counts[_("Indikator")] = sum(len(e.indikator) for e in self.flat())
        return counts

    @property
    def totals(self) -> dict[int, Decimal]:
        roots = [r for r in self.roots if r.level in (Level.TUJUAN, Level.PROGRAM)]
        return {y: sum((r.computed_rp(y) for r in roots), ZERO) for y in self.years}

    def error(self, message, row=None, column="", text=""):
        self.problems.append(Problem(message, row, column, str(text or "")[:120], True))

    def warn(self, message, row=None, column="", text=""):
        self.problems.append(Problem(message, row, column, str(text or "")[:120], False))


# --- Opening the file ---------------------------------------------------------------------------


def _pick_sheet(workbook):
    """The first sheet whose first rows hold a T-C.27-like header (an export has T-C.25 first), else the first."""
    for sheet in workbook.worksheets:
        for number, values in iter_rows(sheet):
            if _is_header_start([_text(v) for v in values]):
                return sheet
            if number >= HEADER_SEARCH_ROWS:
                break
    return workbook.worksheets[0]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r", "").strip()


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w%/()]+", " ", text.lower()).split())


# --- The header -----------------------------------------------------------------------------------


def _is_header_start(cells: list[str]) -> bool:
    normed = [_norm(c) for c in cells]
    return any(c.startswith("kode") for c in normed) and any(c.startswith("indikator") for c in normed)


def _is_subheader(cells: list[str]) -> bool:
    values = [_norm(c) for c in cells if c]
    return bool(values) and all(_SUBHEADER.match(v) or _NUMBERING.match(v) for v in values)


def _is_numbering(cells: list[str]) -> bool:
    values = [c.strip() for c in cells if c.strip()]
    return len(values) >= 3 and all(_NUMBERING.match(v) for v in values)


def _classify(label: str, sub: str) -> tuple[str, int | None]:
    """What a column holds, from its header text (all header rows joined) and its lowest part."""
    text = _norm(label)
    money = bool(re.search(r"\brp\b|pagu|anggaran|pendanaan", sub)) and "target" not in sub
    if text.startswith("indikator"):
        return "indikator", None
    if text.startswith("kode"):
        return "kode", None
    if text.startswith("satuan"):
        return "satuan", None
    if text.startswith("tujuan"):
        return "tujuan", None
    if text.startswith("sasaran"):
        return "sasaran", None
    if "awal" in text or "data capaian" in text:
        return "awal", None
    if "akhir" in text:
        return ("akhir_rp" if money else "akhir_target"), None
    if "unit kerja" in text or "penanggung" in text:
        return "unit", None
    if text.startswith("lokasi"):
        return "lokasi", None
    if text.startswith(("program", "uraian", "kegiatan", "sub kegiatan", "nama")):
        return "nama", None
    if m := _YEAR.search(text):
        return ("rp" if money else "target"), int(m.group(1))
    return "ignored", None


def _read_header(rows: list[tuple[int, list[str]]], report: Report) -> tuple[int, list[Column]] | None:
    """Find the header in the first rows; returns the last header row number and the columns."""
    for i, (number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not _is_header_start(cells):
            continue
        header = [cells]
        last = number
        for next_number, next_cells in rows[i + 1 : i + 3]:
            if _is_subheader(next_cells) and not _is_numbering(next_cells):
                header.append(next_cells)
                last = next_number
            else:
                break
        width = max(len(h) for h in header)
        grid = [h + [""] * (width - len(h)) for h in header]
        # Merged header cells come as one value and blanks: a blank whose lower rows have a value belongs
        # to the group on its left.
        for r, line in enumerate(grid):
            for c in range(1, width):
                same_group_above = r == 0 or grid[r - 1][c] == grid[r - 1][c - 1]
                if not line[c] and same_group_above and any(grid[lower][c] for lower in range(r + 1, len(grid))):
                    line[c] = line[c - 1]
        columns, seen = [], set()
        for c in range(width):
            parts = [grid[r][c] for r in range(len(grid)) if grid[r][c]]
            if not parts:
                continue
            unique = list(dict.fromkeys(parts))
            kind, year = _classify(" / ".join(unique), _norm(unique[-1]))
            label = " / ".join(unique[-2:])  # "Tahun 2024 / Rp": what the planner sees above the cell
            if kind == "ignored":
                report.ignored_columns.append(label)
                continue
            key = (kind, year)
            if key in seen:
                report.warn(_("Kolom “%(label)s” muncul dua kali; yang kedua diabaikan.") % {"label": label}, number)
                continue
            seen.add(key)
            columns.append(Column(c, kind, label, year))
        return last, columns
    return None


# --- Codes and levels -----------------------------------------------------------------------------

_BY_DIGITS = {5: (1, 2, 2), 8: (1, 2, 2, 1, 2), 10: (1, 2, 2, 1, 2, 2), 12: (1, 2, 2, 1, 2, 4)}
_LEVEL_BY_PARTS = {3: Level.PROGRAM, 5: Level.KEGIATAN, 6: Level.SUB_KEGIATAN}


def read_kode(raw: str) -> tuple[str, str | None]:
    """(normalised code, level) for a code as written: dotted, or with spaces/tabs for dots.

    ``1\\t05\\t01\\t2.01\\t06`` → ``1.05.01.2.01.06``, sub kegiatan. A code whose digits do not fit the
    official pattern is kept with whitespace turned into dots, and its level is left to the caller.
    """
    text = raw.strip()
    if not text:
        return "", None
    if re.fullmatch(r"[\dX]+(\.[\dX]+)*", text):
        kode = text
    else:
        digits = re.sub(r"[\s.]", "", text)
        if digits.isdigit() and len(digits) in _BY_DIGITS:
            parts, pos = [], 0
            for width in _BY_DIGITS[len(digits)]:
                parts.append(digits[pos : pos + width])
                pos += width
            kode = ".".join(parts)
        else:
            kode = ".".join(p for p in re.split(r"[\s.]+", text) if p)
    parts = kode.split(".")
    widths = [len(p) for p in parts]
    official = (
        len(parts) in _LEVEL_BY_PARTS
        and widths[:3] == [1, 2, 2]
        and (len(parts) < 5 or widths[3:5] == [1, 2])
        and (len(parts) < 6 or widths[5] in (2, 4))
    )
    return kode, _LEVEL_BY_PARTS[len(parts)] if official else None


def _is_total(text: str) -> bool:
    return _norm(text) in ("jumlah", "total", "jumlah total")


def _level_from_name(nama: str) -> str | None:
    lowered = nama.lower()
    if lowered.startswith("program"):
        return Level.PROGRAM
    if lowered.startswith("sub kegiatan"):
        return Level.SUB_KEGIATAN
    if lowered.startswith("kegiatan"):
        return Level.KEGIATAN
    return None


# --- Reading the rows -----------------------------------------------------------------------------


def read_renstra(fileobj, years: list[int], *, size: int | None = None, max_rows: int = MAX_ROWS) -> Report:
    """Read and check a T-C.27-like sheet for a period of ``years``; nothing is written."""
    report = Report(years=list(years))
    try:
        sheet = _pick_sheet(open_workbook(fileobj, size, max_rows=max_rows))
        rows = [(number, [_text(v) for v in values]) for number, values in iter_rows(sheet, max_rows=max_rows)]
    except WorkbookError as error:
        report.error(str(error))
        return report
    if not any(any(cells) for _n, cells in rows):
        report.error(_("Lembar kerjanya kosong."))
        return report
    found = _read_header(rows, report)
    if found is None:
        report.error(
            _("Baris judul tabel tidak ditemukan di %(n)d baris pertama: perlu kolom “Kode” dan “Indikator”.")
            % {"n": HEADER_SEARCH_ROWS}
        )
        return report
    header_end, columns = found
    by_kind: dict[str, Column] = {c.kind: c for c in columns if c.year is None}
    targets = {c.year: c for c in columns if c.kind == "target"}
    moneys = {c.year: c for c in columns if c.kind == "rp"}
    if "nama" not in by_kind and "tujuan" not in by_kind:
        report.error(_("Kolom uraian (Program, Kegiatan dan Sub Kegiatan) tidak ditemukan."), header_end)
        return report
    for year in sorted(set(targets) | set(moneys)):
        if year not in years:
            report.warn(_("Kolom tahun %(y)s di luar periode Renstra; diabaikan.") % {"y": year}, header_end)
    for year in years:
        if year not in targets:
            report.warn(_("Tidak ada kolom target untuk tahun %(y)s.") % {"y": year}, header_end)
    _Rows(report, by_kind, targets, moneys).read([r for r in rows if r[0] > header_end])
    report.rows_read = len(rows)
    return report


class _Rows:
    """Turns data rows into the tree, with the context (latest tujuan, sasaran, program, kegiatan)."""

    def __init__(self, report: Report, by_kind, targets, moneys):
        self.report, self.by_kind, self.targets, self.moneys = report, by_kind, targets, moneys
        self.current: dict[str, ParsedElemen | None] = dict.fromkeys(Level.values)
        self.last: ParsedElemen | None = None

    def cell(self, cells: list[str], kind: str) -> str:
        column = self.by_kind.get(kind)
        return cells[column.index] if column and column.index < len(cells) else ""

    @staticmethod
    def at(cells: list[str], column) -> str:
        return cells[column.index] if column and column.index < len(cells) else ""

    def read(self, rows):
        for number, cells in rows:
            if not any(cells) or _is_numbering(cells):
                continue
            self.row(number, cells)
        self.check_totals()

    def row(self, number: int, cells: list[str]) -> None:
        report = self.report
        tujuan, sasaran = self.cell(cells, "tujuan"), self.cell(cells, "sasaran")
        raw_kode, nama = self.cell(cells, "kode"), self.cell(cells, "nama")
        indikator = self.cell(cells, "indikator")
        created = None
        if _is_total(tujuan or sasaran) and not raw_kode and not nama:
            # "JUMLAH" under the Tujuan column, as the printed table has it: a total, not a tujuan.
            report.warn(_("Baris jumlah dilewati (jumlah dihitung sendiri)."), number, self.label("tujuan"), tujuan)
            return
        if tujuan:
            created = self.add(number, Level.TUJUAN, "", tujuan, None)
        if sasaran:
            if self.current[Level.TUJUAN] is None:
                report.warn(_("Sasaran tanpa tujuan di atasnya; tujuan kosong dibuat."), number, "Sasaran", sasaran)
                self.add(number, Level.TUJUAN, "", _("(tujuan belum diisi)"), None)
            created = self.add(number, Level.SASARAN, "", sasaran, self.current[Level.TUJUAN])
        if raw_kode or nama:
            kode, level = read_kode(raw_kode)
            if raw_kode and not re.search(r"\d", raw_kode):
                # "JUMLAH" and the like: a printed total, not an element.
                report.warn(_("Baris jumlah dilewati (jumlah dihitung sendiri)."), number, self.label("kode"), raw_kode)
                return
            if not nama:
                report.error(_("Kode tanpa uraian."), number, self.label("nama"), raw_kode)
                return
            if not raw_kode and not indikator and not self.has_values(cells) and self.last is not None and not created:
                # A name split over two lines by a PDF copy: it continues the row above.
                self.last.nama = f"{self.last.nama} {nama}"
                report.warn(
                    _("Uraian tanpa kode dan nilai disambung ke baris di atasnya."), number, self.label("nama"), nama
                )
                return
            level = level or _level_from_name(nama) or self.level_from_context()
            if raw_kode and read_kode(raw_kode)[1] is None:
                report.warn(
                    _("Kode “%(kode)s” tidak sesuai pola kode resmi; tingkat dibaca dari uraian atau baris atasnya.")
                    % {"kode": raw_kode},
                    number,
                    self.label("kode"),
                    raw_kode,
                )
            elif not raw_kode:
                report.warn(_("Baris tanpa kode."), number, self.label("kode"), nama)
            parent = self.parent_for(level, number)
            if parent is False:
                return
            created = self.add(number, level, kode, nama, parent)
            created.unit_kerja, created.lokasi = self.cell(cells, "unit"), self.cell(cells, "lokasi")
            self.read_money(created, cells, number)
        elif indikator and self.last is not None:
            created = self.last  # another indicator of the element above, on its own row
        elif indikator:
            report.error(_("Indikator tanpa elemen di atasnya."), number, self.label("indikator"), indikator)
            return
        elif created is None:
            report.warn(_("Baris tanpa kode dan uraian dilewati."), number, "", " | ".join(c for c in cells if c)[:80])
            return
        self.read_indicators(created, cells, number)

    def label(self, kind: str) -> str:
        column = self.by_kind.get(kind)
        return column.label if column else kind

    def has_values(self, cells) -> bool:
        return any(self.at(cells, c) for c in [*self.targets.values(), *self.moneys.values()])

    def level_from_context(self) -> str:
        if self.current[Level.KEGIATAN] is not None:
            return Level.SUB_KEGIATAN
        if self.current[Level.PROGRAM] is not None:
            return Level.KEGIATAN
        return Level.PROGRAM

    def parent_for(self, level: str, number: int):
        if level == Level.PROGRAM:
            return self.current[Level.SASARAN]  # none: a program penunjang directly under the plan
        above = {Level.KEGIATAN: Level.PROGRAM, Level.SUB_KEGIATAN: Level.KEGIATAN}[level]
        parent = self.current[above]
        if parent is None:
            self.report.error(
                _("%(level)s tanpa %(above)s di atasnya.")
                % {"level": Level(level).label, "above": Level(above).label.lower()},
                number,
                self.label("kode"),
            )
            return False
        return parent

    def add(self, number, level, kode, nama, parent) -> ParsedElemen:
        element = ParsedElemen(row=number, level=level, kode=kode, nama=" ".join(nama.split()), parent=parent)
        (parent.children if parent else self.report.roots).append(element)
        self.current[level] = element
        order = Level.values
        for lower in order[order.index(level) + 1 :]:
            self.current[lower] = None
        self.last = element
        return element

    def read_money(self, element: ParsedElemen, cells, number) -> None:
        for year, column in self.moneys.items():
            if year not in self.report.years:
                continue
            text = self.at(cells, column)
            try:
                reading = read_cell(text, money=True)  # whole rupiah, as the pagu grid saves it
            except UnreadableValue as error:
                if element.level == Level.SUB_KEGIATAN:
                    self.report.error(str(error), number, column.label, text)
                else:
                    self.report.warn(
                        _("Jumlah tercetak tidak terbaca dan diabaikan: %(e)s") % {"e": error},
                        number,
                        column.label,
                        text,
                    )
                continue
            amount = reading.parsed.nilai
            if amount is None:
                continue
            if element.level == Level.SUB_KEGIATAN:
                if reading.catatan:
                    self.report.warn(reading.catatan, number, column.label, text)
                element.pagu[year] = amount
            else:
                element.printed_rp[year] = amount
        column = self.by_kind.get("akhir_rp")
        if column:
            text = self.at(cells, column)
            try:
                element.printed_rp_akhir = parse_money(text)
            except UnreadableValue:
                self.report.warn(
                    _("Rp kondisi akhir tidak terbaca dan diabaikan (dihitung sendiri)."), number, column.label, text
                )

    def read_indicators(self, element: ParsedElemen, cells, number) -> None:
        names = [line.strip() for line in self.cell(cells, "indikator").split("\n") if line.strip()]
        if not names:
            if self.has_values(cells) and element.level not in (Level.SUB_KEGIATAN,):
                pass
            return
        satuan_cell = [s.strip() for s in self.cell(cells, "satuan").split("\n")]

        def lines(column) -> list[str]:
            text = self.at(cells, column) if column else ""
            parts = [line.strip() for line in text.split("\n")]
            return parts if len(parts) == len(names) else [text.strip()] + [""] * (len(names) - 1)

        columns = [("awal", self.by_kind.get("awal")), ("akhir", self.by_kind.get("akhir_target"))]
        columns += [(year, col) for year, col in sorted(self.targets.items()) if year in self.report.years]
        values = {key: lines(col) for key, col in columns}
        for i, uraian in enumerate(names):
            ind = ParsedIndikator(
                uraian=" ".join(uraian.split()), satuan=satuan_cell[i] if i < len(satuan_cell) else ""
            )
            units = []
            for key, col in columns:
                text = values[key][i]
                try:
                    parsed = parse_value(text)
                except UnreadableValue as error:
                    self.report.error(str(error), number, col.label, text)
                    continue
                if parsed.satuan:
                    units.append(parsed.satuan)
                if key == "awal":
                    ind.awal = parsed
                elif key == "akhir":
                    ind.akhir = parsed
                elif not parsed.is_empty:
                    ind.targets[key] = parsed
            if not ind.satuan and units:
                ind.satuan = Counter(units).most_common(1)[0][0]
            self.check_plausible(ind, columns, values, i, number)
            element.indikator.append(ind)

    def check_plausible(self, ind: ParsedIndikator, columns, values, i: int, number: int) -> None:
        """The grids' plausibility warnings, at their cell (a negative count, a percentage over 100, a year's
        target ten times the kondisi akhir): said in the preview, never blocking the import."""
        akhir = ind.akhir.nilai if ind.akhir and not ind.akhir.predikat else None
        for key, col in columns:
            parsed = ind.awal if key == "awal" else ind.akhir if key == "akhir" else ind.targets.get(key)
            if parsed is None or col is None:
                continue
            target = akhir if key not in ("awal", "akhir") else None
            for message in plausibility(parsed, satuan=ind.satuan, target=target):
                self.report.warn(message, number, col.label, values[key][i])

    def check_totals(self) -> None:
        """Printed program/kegiatan amounts and printed period totals are not stored; a difference from the
        sum is worth a warning, with both values."""
        for element in self.report.flat():
            for year, printed in sorted(element.printed_rp.items()):
                computed = element.computed_rp(year)
                if printed != computed:
                    self.report.warn(
                        _("Rp %(y)s tercetak %(p)s, jumlah sub kegiatannya %(c)s; yang dipakai jumlahnya.")
                        % {"y": year, "p": format_number(printed, 0), "c": format_number(computed, 0)},
                        element.row,
                        self.moneys[year].label,
                    )
            printed = element.printed_rp_akhir
            if (
                printed is not None
                and (computed := sum((element.computed_rp(y) for y in self.moneys), ZERO)) != printed
            ):
                self.report.warn(
                    _("Rp kondisi akhir tercetak %(p)s, jumlah tahunannya %(c)s; yang dipakai jumlahnya.")
                    % {"p": format_number(printed, 0), "c": format_number(computed, 0)},
                    element.row,
                    self.by_kind["akhir_rp"].label,
                )


# --- Saving ----------------------------------------------------------------------------------------


class ImportRefused(Exception):
    pass


@transaction.atomic
def save_renstra(
    report: Report,
    opd: PerangkatDaerah,
    periode: Periode,
    *,
    berkas: str = "",
    sha256: str = "",
    dasar: RenstraVersi | None = None,
    induk: Callable[[RenstraVersi], dict[int, Elemen]] | None = None,
) -> RenstraVersi:
    """Write a checked report as a new draft version (or a new Renstra): all of it, or nothing.

    ``berkas``/``sha256`` name the workbook in the audit entry. ``induk(versi)`` may give a parent element for
    roots of the report (by ``id()``): an import starting at the programs keeps the tujuan and sasaran in force
    (:mod:`renstra.importers.berlaku`), ``dasar`` being the version in force. Printed totals: ``rp_tercetak``."""
    if report.errors:
        raise ImportRefused(_("Berkas masih mengandung kesalahan; tidak ada yang disimpan."))
    renstra, _created = Renstra.objects.get_or_create(opd=opd, periode=periode)
    if renstra.versi.filter(status=RenstraVersi.Status.DRAFT).exists():
        raise ImportRefused(_("Renstra ini masih punya versi draf. Tetapkan atau hapus draf itu sebelum mengimpor."))
    nomor = (renstra.versi.aggregate(n=Max("nomor"))["n"] or 0) + 1
    versi = RenstraVersi.objects.create(
        renstra=renstra,
        nomor=nomor,
        jenis=RenstraVersi.Jenis.MURNI if nomor == 1 else RenstraVersi.Jenis.PERUBAHAN,
        alasan=_("Diimpor dari berkas Excel."),
        dasar=dasar,
    )
    roots = induk(versi) if induk else {}
    units = {u.nama.lower(): u for u in UnitKerja.objects.filter(opd=opd)}
    flat = report.flat()
    master = {
        n.kode: n
        for n in Nomenklatur.objects.for_pemda(opd.pemda_id)
        .filter(kode__in={e.kode for e in flat if e.kode})
        .order_by("versi")
    }
    saved: dict[int, Elemen] = {}
    order: Counter = Counter()
    pending = list(flat)
    while pending:  # parents before children: one bulk insert per level of the tree
        ready = [e for e in pending if e.parent is None or id(e.parent) in saved]
        done = {id(r) for r in ready}
        pending = [e for e in pending if id(e) not in done]
        objects = []
        for e in ready:
            parent = saved.get(id(e.parent)) if e.parent else roots.get(id(e))
            order[id(e.parent)] += 1
            objects.append(
                Elemen(
                    versi=versi,
                    level=e.level,
                    parent=parent,
                    urutan=order[id(e.parent)],
                    kode=e.kode,
                    nama=e.nama,
                    nomenklatur=master.get(e.kode),
                    unit_kerja=units.get(e.unit_kerja.lower()),
                    unit_kerja_teks=e.unit_kerja[:250],
                    lokasi=e.lokasi[:200],
                    rp_tercetak=e.tercetak(),
                )
            )
        for e, obj in zip(ready, Elemen.objects.bulk_create(objects), strict=True):
            saved[id(e)] = obj
    indicators, values = [], []
    for e in flat:
        for i, ind in enumerate(e.indikator, start=1):
            agregasi = _agregasi(ind)
            obj = Indikator(
                elemen=saved[id(e)],
                urutan=i,
                uraian=ind.uraian,
                satuan=ind.satuan[:60],
                tipe=Indikator.Tipe.PERSEN if ind.satuan == "%" else Indikator.Tipe.ANGKA,
                agregasi=agregasi,
                kondisi_awal_nilai=ind.awal.nilai,
                kondisi_awal_teks=ind.awal.teks,
                kondisi_akhir_nilai=ind.akhir.nilai,
                kondisi_akhir_teks=ind.akhir.teks,
            )
            indicators.append(obj)
            values.append(ind)
    Indikator.objects.bulk_create(indicators)
    Target.objects.bulk_create(
        Target(indikator=obj, tahun=year, nilai=parsed.nilai, teks=parsed.teks)
        for obj, ind in zip(indicators, values, strict=True)
        for year, parsed in ind.targets.items()
    )
    Pagu.objects.bulk_create(
        Pagu(elemen=saved[id(e)], tahun=year, jumlah=amount) for e in flat for year, amount in e.pagu.items()
    )
    audit.record(
        audit.Operasi.RENSTRA_IMPOR,
        versi,
        jumlah=_rows_of(versi),
        berkas=berkas,
        sha256=sha256,
    )
    return versi


def _rows_of(versi: RenstraVersi) -> dict[type[Model], int]:
    """The rows the version holds, per model: counted in the database, so that rows ``induk`` copied from the
    version in force are in the import's entry too."""
    return {
        Elemen: Elemen.objects.filter(versi=versi).count(),
        Indikator: Indikator.objects.filter(elemen__versi=versi).count(),
        Target: Target.objects.filter(indikator__elemen__versi=versi).count(),
        Pagu: Pagu.objects.filter(elemen__versi=versi).count(),
        Strategi: Strategi.objects.filter(sasaran__versi=versi).count(),
        ArahKebijakan: ArahKebijakan.objects.filter(strategi__sasaran__versi=versi).count(),
    }


def _agregasi(ind: ParsedIndikator) -> str:
    """Cumulative when the kondisi akhir is the sum of the years (as planners write count indicators)."""
    numbers = [p.nilai for p in ind.targets.values() if p.nilai is not None]
    end = ind.akhir.nilai
    if end is not None and len(numbers) > 1 and end == sum(numbers) and end != numbers[-1]:
        return Indikator.Agregasi.KUMULATIF
    return Indikator.Agregasi.NILAI_AKHIR
