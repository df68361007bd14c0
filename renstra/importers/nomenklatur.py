"""Import the official nomenclature list from a spreadsheet: Kode | Nomenklatur | Kinerja | Indikator | Satuan."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from renstra.models import Nomenklatur
from renstra.services import normalize_kode
from sakip import audit
from sakip.lib.uploads import sha256_of
from sakip.lib.workbook import WorkbookError, iter_rows, open_workbook

HEADERS = ("kode", "nomenklatur", "kinerja", "indikator", "satuan")
DEPTH = {
    1: Nomenklatur.Tingkat.URUSAN,
    2: Nomenklatur.Tingkat.BIDANG,
    3: Nomenklatur.Tingkat.PROGRAM,
    5: Nomenklatur.Tingkat.KEGIATAN,
    6: Nomenklatur.Tingkat.SUB_KEGIATAN,
}


def tingkat_of(kode: str) -> str | None:
    return DEPTH.get(len(kode.split(".")))


@dataclass
class ImportResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0


def read_nomenklatur(fileobj, size: int | None = None) -> ImportResult:
    """Read and check every row of a workbook's first sheet; nothing is written here."""
    try:
        sheet = open_workbook(fileobj, size).worksheets[0]
        rows = [values for _number, values in iter_rows(sheet)]
    except WorkbookError as error:
        return ImportResult(errors=[str(error)])
    return read_rows(rows)


def read_rows(rows) -> ImportResult:
    """Rows as sequences of cells; the header (Kode, Nomenklatur, ...) is found in the first 15."""
    result = ImportResult()
    header_row, columns = None, {}
    seen: dict[tuple[str, str], int] = {}
    for number, row in enumerate(rows, start=1):
        cells = ["" if v is None else str(v).strip() for v in row]
        if header_row is None:
            lowered = [" ".join(c.lower().split()) for c in cells]
            if "kode" in lowered and "nomenklatur" in lowered:
                header_row = number
                columns = {name: lowered.index(name) for name in (*HEADERS, "versi") if name in lowered}
            elif number >= 15:
                break
            continue
        if not any(cells):
            continue

        def cell(name, cells=cells, columns=columns):
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        kode, nama = normalize_kode(cell("kode")), cell("nomenklatur")
        if not kode:
            result.errors.append(_("Baris %(n)d: kode kosong.") % {"n": number})
            continue
        tingkat = tingkat_of(kode)
        if tingkat is None:
            result.errors.append(
                _("Baris %(n)d: “%(kode)s” bukan kode urusan, bidang, program, kegiatan atau sub kegiatan.")
                % {"n": number, "kode": kode}
            )
            continue
        if not nama:
            result.errors.append(_("Baris %(n)d: kolom Nomenklatur kosong.") % {"n": number})
            continue
        too_long = [
            (label, limit)
            for label, name, value in ((_("Kode"), "kode", kode), (_("Satuan"), "satuan", cell("satuan")))
            if len(value) > (limit := getattr(Nomenklatur._meta.get_field(name), "max_length", 0))
        ]
        if too_long:
            label, limit = too_long[0]
            result.errors.append(
                _("Baris %(n)d: %(kolom)s paling panjang %(batas)d karakter.")
                % {"n": number, "kolom": label, "batas": limit}
            )
            continue
        versi = cell("versi")
        if versi and versi not in Nomenklatur.Versi.values:
            result.errors.append(_("Baris %(n)d: versi “%(v)s” tidak dikenal.") % {"n": number, "v": versi})
            continue
        if (versi, kode) in seen:
            result.errors.append(
                _("Baris %(n)d: kode %(kode)s sudah ada di baris %(m)d.")
                % {"n": number, "kode": kode, "m": seen[(versi, kode)]}
            )
            continue
        seen[(versi, kode)] = number
        result.rows.append(
            {
                "versi": versi,
                "kode": kode,
                "tingkat": tingkat,
                "nama": nama,
                "kinerja": cell("kinerja"),
                "indikator": cell("indikator"),
                "satuan": cell("satuan"),
            }
        )
    if header_row is None:
        result.errors.append(
            _("Baris judul dengan kolom “Kode” dan “Nomenklatur” tidak ditemukan di 15 baris pertama.")
        )
    return result


# The columns a file sets (the row dicts of :func:`read_rows`).
FIELDS = ["versi", "kode", "tingkat", "nama", "kinerja", "indikator", "satuan"]


def save_rows(result: ImportResult, versi: str = "", *, pemda=None, berkas: str = "", sha256: str = "") -> ImportResult:
    """Write checked rows (the file's own Versi column wins over ``versi``), in bulk, with one audit entry for
    the whole list (thousands of Kepmendagri codes would otherwise fill every pemda's log row by row).

    Without ``pemda`` the rows are the official list (the operator's); with it they are that pemda's local
    entries, and a code of the official list is refused (only the operator changes it): then nothing is written.
    ``berkas`` and ``sha256`` name the file in the entry.
    """
    rows = [{**row, "versi": row["versi"] or versi} for row in result.rows]
    if pemda is not None:
        official = set(
            Nomenklatur.objects.official().filter(kode__in={r["kode"] for r in rows}).values_list("versi", "kode")
        )
        for row in rows:
            if (row["versi"], row["kode"]) in official:
                result.errors.append(
                    _("Kode %(kode)s ada di daftar resmi Kepmendagri; hanya operator yang dapat mengubahnya.")
                    % {"kode": row["kode"]}
                )
        if result.errors:
            return result
    existing = {(n.versi, n.kode): n for n in Nomenklatur.objects.select_for_update().filter(pemda=pemda)}
    created: list[Nomenklatur] = []
    changed: dict[int, Nomenklatur] = {}
    for row in rows:
        key = (row["versi"], row["kode"])
        item = existing.get(key)
        if item is None:
            existing[key] = item = Nomenklatur(pemda=pemda, **row)
            created.append(item)
        elif any(getattr(item, k) != v for k, v in row.items()):
            for k, v in row.items():
                setattr(item, k, v)
            if item.pk:
                changed[item.pk] = item
    Nomenklatur.objects.bulk_create(created, batch_size=1000)
    Nomenklatur.objects.bulk_update(changed.values(), FIELDS, batch_size=1000)
    result.created, result.updated = len(created), len(changed)
    if created or changed:
        audit.record(
            audit.Operasi.NOMENKLATUR_IMPOR,
            Nomenklatur,
            pemda=pemda.pk if pemda is not None else None,
            jumlah={Nomenklatur: len(created) + len(changed)},
            dibuat=len(created),
            diubah=len(changed),
            berkas=berkas,
            sha256=sha256,
        )
    return result


@transaction.atomic
def import_nomenklatur(versi: str, fileobj, *, pemda=None, size: int | None = None) -> ImportResult:
    """All rows or none: a file with any error writes nothing; one audit entry names the file and its counts.
    ``pemda``: see :func:`save_rows` (the entry is in that pemda's log, the operator's for the official list)."""
    digest = sha256_of(fileobj)
    result = read_nomenklatur(fileobj, size)
    if result.errors:
        return result
    return save_rows(result, versi, pemda=pemda, berkas=getattr(fileobj, "name", ""), sha256=digest)


SEED_FILE = settings.BASE_DIR / "fixtures" / "nomenklatur_seed.tsv"


@transaction.atomic
def load_seed_nomenklatur() -> ImportResult:
    """The codes that appear in the seed documents, shipped with Sakip (fixtures/nomenklatur_seed.tsv)."""
    with open(SEED_FILE, encoding="utf-8", newline="") as handle:
        result = read_rows(csv.reader(handle, delimiter="\t"))
    if result.errors:
        raise ValueError("; ".join(result.errors))
    return save_rows(result)
