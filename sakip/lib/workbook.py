"""Opening an uploaded .xlsx with bounded work, whatever the file holds.

Every workbook upload (the T-C.27 import, the nomenclature list, the realisasi template) goes through
:func:`open_workbook` and :func:`iter_rows`. Before openpyxl sees the file, the zip is checked from its
central directory alone (nothing is decompressed): the upload's size, the total unpacked size and each
member's compression ratio (a "decompression bomb": a few hundred KB whose shared strings unpack to
hundreds of MiB), and each sheet's declared dimension. The workbook is then opened read-only (streamed),
and :func:`iter_rows` stops at the row and column limits. Whatever is wrong is a :class:`WorkbookError`
whose text names the limit, for the user; nothing here raises anything else for a bad file.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import column_index_from_string

MiB = 1024 * 1024
MAX_BYTES: int = settings.MAX_WORKBOOK_UPLOAD  # the upload itself (20 MB)
MAX_UNPACKED = 100 * MiB  # all members of the zip together, unpacked
MAX_RATIO = 100  # unpacked : packed, per member larger than RATIO_FLOOR (real sheets stay well below 30)
RATIO_FLOOR = 1 * MiB
MAX_MEMBERS = 2_000
MAX_ROWS = 20_000  # per sheet
MAX_COLUMNS = 200  # read per row; cells further right are ignored
MAX_CELLS = 2_000_000  # per sheet, rows × columns as the sheet declares them

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?\"")


class WorkbookError(Exception):
    """A file that cannot be read within the limits; ``str()`` is the message for the user."""


def _mb(size: int) -> str:
    return f"{size / MiB:.1f}".replace(".", ",").removesuffix(",0")


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_size(size: int | None, limit: int = MAX_BYTES) -> None:
    if size is not None and size > limit:
        raise WorkbookError(
            _("Berkas terlalu besar (%(size)s MB); batasnya %(max)s MB.") % {"size": _mb(size), "max": _mb(limit)}
        )


def check_workbook(fileobj: IO[bytes], size: int | None = None, *, max_rows: int = MAX_ROWS) -> None:
    """Refuse a file that is no .xlsx or would take unbounded work to read; the file is left at its start."""
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
    fileobj.seek(0)
    check_size(size)
    head = fileobj.read(8)
    fileobj.seek(0)
    if not head:
        raise WorkbookError(_("Berkasnya kosong."))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # The OLE container: an old .xls, or an .xlsx encrypted with a password.
        raise WorkbookError(
            _("Ini berkas Excel lama (.xls) atau berkas yang dikunci kata sandi. Buka di Excel, hapus kata "
              "sandinya bila ada, lalu simpan sebagai .xlsx.")
        )  # fmt: skip
    if not head.startswith(b"PK"):
        raise WorkbookError(_("Ini bukan berkas Excel .xlsx."))
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            _check_members(members)
            for info in members:
                if re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
                    _check_dimension(archive, info, max_rows)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, ValueError) as error:
        raise WorkbookError(
            _("Berkas .xlsx ini rusak dan tidak dapat dibuka (%(e)s).") % {"e": type(error).__name__}
        ) from None
    finally:
        fileobj.seek(0)


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(
            _("Berkas .xlsx ini berisi %(n)s bagian; batasnya %(max)s.")
            % {"n": _number(len(members)), "max": _number(MAX_MEMBERS)}
        )
    for info in members:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise WorkbookError(
                _(
                    "Bagian “%(name)s” berkas ini mengembang %(ratio)s kali saat dibuka; batasnya %(max)s kali. "
                    "Berkas ini tidak dibaca."
                )
                % {
                    "name": info.filename,
                    "ratio": _number(info.file_size // max(info.compress_size, 1)),
                    "max": MAX_RATIO,
                }
            )
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_UNPACKED:
        raise WorkbookError(
            _("Isi berkas ini terlalu besar setelah dibuka (%(size)s MB); batasnya %(max)s MB.")
            % {"size": _mb(unpacked), "max": _mb(MAX_UNPACKED)}
        )


def _check_dimension(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_rows: int) -> None:
    """The sheet's declared used range (``<dimension ref="A1:K5000"/>``, near the top of its XML)."""
    with archive.open(info) as stream:
        start = stream.read(4096)
    match = _DIMENSION.search(start)
    if not match:
        return
    first_col, first_row, last_col, last_row = (bytes(g).decode() if g else "" for g in match.groups())
    rows = int(last_row or first_row or 1)
    columns = column_index_from_string(last_col or first_col or "A")
    if rows > max_rows:
        raise WorkbookError(
            _(
                "Lembar kerja berisi %(n)s baris, lebih dari %(max)s baris yang dapat dibaca. Hapus baris kosong "
                "di bawah tabel atau pecah menjadi beberapa berkas."
            )
            % {"n": _number(rows), "max": _number(max_rows)}
        )
    if rows * min(columns, MAX_COLUMNS) > MAX_CELLS:
        raise WorkbookError(
            _("Lembar kerja berisi %(n)s sel; batasnya %(max)s.")
            % {"n": _number(rows * min(columns, MAX_COLUMNS)), "max": _number(MAX_CELLS)}
        )


def open_workbook(fileobj: IO[bytes], size: int | None = None, *, max_rows: int = MAX_ROWS) -> Workbook:
    """An .xlsx checked by :func:`check_workbook` and opened read-only (values, not formulas)."""
    check_workbook(fileobj, size, max_rows=max_rows)
    try:
        workbook = load_workbook(fileobj, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (KeyError, TypeError, lxml's) for a broken file
        raise WorkbookError(
            _("Berkas .xlsx ini rusak dan tidak dapat dibuka (%(e)s).") % {"e": type(error).__name__}
        ) from None
    if not workbook.worksheets:
        raise WorkbookError(_("Workbook ini tidak punya lembar kerja."))
    return workbook


def iter_rows(
    sheet: Any, *, min_row: int = 1, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, values) of a sheet opened by :func:`open_workbook`, at most ``max_columns`` wide.

    A sheet longer than ``max_rows`` (whatever its dimension said) is a :class:`WorkbookError` when the
    reader gets there; a sheet broken inside its XML too.
    """
    declared = getattr(sheet, "max_column", None)
    width = min(declared, max_columns) if isinstance(declared, int) and declared > 0 else max_columns
    try:
        for number, values in enumerate(
            sheet.iter_rows(min_row=min_row, max_col=width, values_only=True), start=min_row
        ):
            if number > max_rows:
                raise WorkbookError(
                    _(
                        "Lembar “%(sheet)s” berisi lebih dari %(max)s baris; pecah menjadi beberapa berkas atau "
                        "hapus baris kosong."
                    )
                    % {"sheet": sheet.title, "max": _number(max_rows)}
                )
            yield number, values
    except WorkbookError:
        raise
    except Exception as error:  # a sheet's XML broken halfway (lxml, zipfile CRC, openpyxl's own)
        raise WorkbookError(
            _("Lembar “%(sheet)s” rusak dan tidak dapat dibaca (%(e)s).")
            % {"sheet": sheet.title, "e": type(error).__name__}
        ) from None
