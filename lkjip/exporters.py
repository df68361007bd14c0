"""A document's generated tables as Excel: every table of the Renstra or LKjIP as one workbook, a sheet per
table, or one table; the same :class:`~sakip.lib.tabel.Tabel` the PDF prints."""

from __future__ import annotations

from lkjip.isi import Isi
from sakip.lib.tabel import workbook


class TabelTidakAda(LookupError):
    """The document has no table of that key."""


def xlsx(isi: Isi, kunci: str = "") -> tuple[bytes, str]:
    """The workbook and its file name; ``kunci`` picks one table (:class:`TabelTidakAda` when there is none)."""
    chosen = [t for t in isi.tables if t.key == kunci] if kunci else isi.tables
    if not chosen:
        raise TabelTidakAda(kunci)
    subtitle = f"{isi.opd.nama} · {isi.pemda.nama} · {isi.judul.title()} {isi.subjudul.title()}"
    return workbook(chosen, subtitle), f"{isi.nama_file}{'-' + kunci if kunci else ''}.xlsx"
