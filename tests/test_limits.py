"""Bounded work for any input: a decompression bomb, an oversized workbook and a too-large request body are
refused with a message naming the limit, before the work they would cause (issue 15, "limits")."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.exporters import SHEET_ANG, SHEET_IND
from kinerja.models import JendelaRealisasi, Realisasi
from kinerja.realisasi.lembar import BULK_FROM
from renstra.models import Nomenklatur, RenstraVersi
from renstra.testing import generate_plan, make_periode, make_versi
from sakip.lib import workbook
from sakip.models import AuditEntry

MiB = 1024 * 1024
TAHUN = 2024


def _small_workbook(rows=(("Kode", "Nomenklatur"), ("8.01", "Urusan"))) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _bomb(unpacked_mib: int = 150) -> bytes:
    """A valid .xlsx of a few hundred KB whose shared strings unpack to ``unpacked_mib`` MiB: one string of
    "A"s that openpyxl would load whole into memory (the security test's 413 KB → 400 MiB file)."""
    source = zipfile.ZipFile(io.BytesIO(_small_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                bomb.writestr(info, source.read(info))
        with bomb.open("xl/sharedStrings.xml", "w") as stream:
            stream.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            chunk = b"A" * MiB
            for _ in range(unpacked_mib):
                stream.write(chunk)
            stream.write(b"</t></si></sst>")
    return out.getvalue()


def _long_workbook(rows: int) -> bytes:
    """A real sheet of ``rows`` rows (write-only, so that building it stays quick), named as the realisasi
    template's sheets so that every importer reads it."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_IND)
    ws.append(["Kode", "Nomenklatur", "Indikator"])
    for n in range(1, rows):
        ws.append([n, "x", "y"])
    wb.create_sheet(SHEET_ANG)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb()


@pytest.fixture(scope="module")
def long_workbook() -> bytes:
    return _long_workbook(workbook.MAX_ROWS + 5)


# --- sakip.lib.workbook itself ------------------------------------------------------------------------------


def test_bomb_is_refused_from_the_zip_directory(bomb):
    assert len(bomb) < 1 * MiB
    with pytest.raises(workbook.WorkbookError) as refused:
        workbook.open_workbook(io.BytesIO(bomb))
    message = str(refused.value)
    assert "xl/sharedStrings.xml" in message and f"batasnya {workbook.MAX_RATIO} kali" in message


def test_unpacked_total_is_bounded(monkeypatch):
    # Below the ratio limit (a few MiB of varied text), above the total: the total's message.
    monkeypatch.setattr(workbook, "MAX_UNPACKED", 2 * MiB)
    monkeypatch.setattr(workbook, "MAX_RATIO", 10**6)
    data = _bomb(unpacked_mib=3)
    with pytest.raises(workbook.WorkbookError, match=r"terlalu besar setelah dibuka .*batasnya 2 MB"):
        workbook.check_workbook(io.BytesIO(data))


def _rewrite(data: bytes, member: str, change) -> io.BytesIO:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == member else content)
    out.seek(0)
    return out


def test_declared_dimension_is_bounded_before_parsing():
    wb = Workbook()
    for n in range(30):
        wb.active.append([n, n, n])
    out = io.BytesIO()
    wb.save(out)
    sheet = "xl/worksheets/sheet1.xml"
    huge = _rewrite(out.getvalue(), sheet, lambda xml: xml.replace(b'ref="A1:C30"', b'ref="A1:C25000"'))
    with pytest.raises(workbook.WorkbookError, match=r"berisi 25\.000 baris, lebih dari 20\.000 baris"):
        workbook.check_workbook(huge)
    wide = _rewrite(out.getvalue(), sheet, lambda xml: xml.replace(b'ref="A1:C30"', b'ref="A1:XFD19000"'))
    with pytest.raises(workbook.WorkbookError, match=r"sel; batasnya 2\.000\.000"):
        workbook.check_workbook(wide)


def test_real_rows_are_bounded_while_streaming(long_workbook):
    """The write-only workbook declares no dimension: the row count stops the reader."""
    sheet = workbook.open_workbook(io.BytesIO(long_workbook)).worksheets[0]
    with pytest.raises(workbook.WorkbookError, match=r"lebih dari 20\.000 baris"):
        list(workbook.iter_rows(sheet))


def test_wide_rows_are_cut_at_the_column_limit():
    wb = Workbook()
    wb.active.cell(1, 1, "a")
    wb.active.cell(1, 5000, "far right")
    out = io.BytesIO()
    wb.save(out)
    sheet = workbook.open_workbook(out).worksheets[0]
    rows = list(workbook.iter_rows(sheet))
    assert rows == [(1, ("a",) + (None,) * (workbook.MAX_COLUMNS - 1))]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "kosong"),
        (b"PK\x03\x04 not really a zip", "rusak"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
        (b"<html>", "bukan berkas Excel"),
    ],
)
def test_broken_files_are_messages(data, message):
    with pytest.raises(workbook.WorkbookError, match=message):
        workbook.open_workbook(io.BytesIO(data))


# --- Every upload endpoint ----------------------------------------------------------------------------------


@pytest.fixture
def endpoints(world):
    """(user, url, form fields besides the file) of every page that reads an uploaded workbook."""
    periode = make_periode(world.pemda)
    versi = generate_plan(make_versi(world.opd_a, periode))
    RenstraVersi.objects.filter(pk=versi.pk).update(status=RenstraVersi.Status.DITETAPKAN, berlaku_mulai=2021)
    for q in (1, 2, 3, 4):
        JendelaRealisasi.objects.create(pemda=world.pemda, tahun=TAHUN, triwulan=q, terbuka=True)
    return {
        "renstra": (world.alice, reverse("renstra:renstra_import", args=[world.opd_a.pk]), {"periode": periode.pk}),
        "nomenklatur": (world.dave, reverse("renstra:nomenklatur_import"), {"versi": Nomenklatur.Versi.V2023}),
        "realisasi": (world.alice, reverse("realisasi:workbook_import", args=[world.opd_a.pk, TAHUN]), {}),
    }


ENDPOINTS = ["renstra", "nomenklatur", "realisasi"]


def _upload(client, endpoint, data: bytes):
    user, url, fields = endpoint
    client.force_login(user)
    return client.post(url, {**fields, "berkas": SimpleUploadedFile("unggah.xlsx", data)}, follow=True)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_bomb_upload_is_refused_with_the_limit(client, endpoints, bomb, name):
    response = _upload(client, endpoints[name], bomb)
    assert response.status_code == 200
    page = response.content.decode()
    assert "mengembang" in page and f"batasnya {workbook.MAX_RATIO} kali" in page
    assert not Nomenklatur.objects.exists() and not Realisasi.objects.exists()


@pytest.mark.parametrize("name", ENDPOINTS)
def test_oversized_workbook_is_refused_with_the_limit(client, endpoints, long_workbook, name):
    response = _upload(client, endpoints[name], long_workbook)
    assert response.status_code == 200
    assert "lebih dari 20.000 baris" in response.content.decode()
    assert not Nomenklatur.objects.exists()


@pytest.mark.parametrize("name", ENDPOINTS)
def test_corrupt_workbook_is_a_message(client, endpoints, name):
    data = _small_workbook()
    corrupt = data[: len(data) // 2]  # cut in the middle: the central directory is gone
    response = _upload(client, endpoints[name], corrupt)
    assert response.status_code == 200
    assert "rusak" in response.content.decode()


def test_a_realisasi_workbook_with_a_broken_sheet_is_a_message(client, world, endpoints):
    """A zip that opens, whose sheet XML breaks halfway: a message, not a 500, while streaming."""
    user, url, _fields = endpoints["realisasi"]
    client.force_login(user)
    template = client.get(reverse("realisasi:workbook_template", args=[world.opd_a.pk, TAHUN])).content
    source = zipfile.ZipFile(io.BytesIO(template))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) * 2 // 3]
            target.writestr(info, data)
    assert load_workbook(io.BytesIO(broken.getvalue()), read_only=True).sheetnames  # it does open
    response = client.post(url, {"berkas": SimpleUploadedFile("r.xlsx", broken.getvalue())})
    assert response.status_code == 200
    assert "rusak dan tidak dapat dibaca" in response.content.decode()


# --- Request bodies -----------------------------------------------------------------------------------------


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self):
        return True

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


@pytest.mark.parametrize("name", ENDPOINTS)
def test_too_large_body_is_413_unread(client, endpoints, name):
    user, url, _fields = endpoints[name]
    client.force_login(user)
    response = client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(300 * MiB),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "terlalu besar" in page and "20 MB" in page


def test_grid_body_over_the_memory_limit_is_413_json(client, endpoints, world, settings):
    client.force_login(world.alice)
    url = reverse("realisasi:indikator_grid", args=[world.opd_a.pk, TAHUN])
    body = json.dumps({"cells": [], "pad": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 413
    assert "terlalu besar" in response.json()["error"]


def test_too_many_fields_is_400_in_indonesian(client, world, endpoints):
    client.force_login(world.dave)
    url = reverse("renstra:nomenklatur_import")
    body = "&".join(f"f{n}=1" for n in range(1200))
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "Terlalu banyak isian" in response.content.decode()


def test_a_large_realisasi_upload_is_saved_in_bulk_with_one_audit_entry(client, world):
    """Above BULK_FROM changed cells the save is a few batched queries and one summary audit entry; every
    cell is saved (the 20,000-cell timing is `manage.py bench_realisasi_upload`)."""

    versi = generate_plan(
        make_versi(world.opd_a, make_periode(world.pemda)), programs=2, sub_per_kegiatan=5, indicators_per_element=2
    )
    RenstraVersi.objects.filter(pk=versi.pk).update(status=RenstraVersi.Status.DITETAPKAN, berlaku_mulai=2021)
    for q in (1, 2, 3, 4):
        JendelaRealisasi.objects.create(pemda=world.pemda, tahun=TAHUN, triwulan=q, terbuka=True)
    client.force_login(world.alice)
    wb = load_workbook(
        io.BytesIO(client.get(reverse("realisasi:workbook_template", args=[world.opd_a.pk, TAHUN])).content)
    )
    ws = wb[SHEET_IND]
    for row in ws.iter_rows(min_row=2):
        for n, cell in enumerate(row[6:10], start=1):
            cell.value = f"{row[0].row},{n}"
    out = io.BytesIO()
    wb.save(out)
    cells = 4 * (ws.max_row - 1)
    assert cells >= BULK_FROM
    url = reverse("realisasi:workbook_import", args=[world.opd_a.pk, TAHUN])
    preview = client.post(url, {"berkas": SimpleUploadedFile("r.xlsx", out.getvalue())})
    token = preview.context["token"]
    assert not Realisasi.objects.exists()  # the preview saved nothing
    before = AuditEntry.objects.count()
    client.post(url, {"token": token})
    assert Realisasi.objects.count() == cells
    assert Realisasi.objects.get(indikator_id=ws.cell(2, 1).value, triwulan=3).nilai == Decimal("2.3")
    entries = AuditEntry.objects.filter(pk__gt=0).order_by("-pk")[: AuditEntry.objects.count() - before]
    summary = [e for e in entries if e.operasi == AuditEntry.Operasi.REALISASI_SIMPAN_MASSAL]
    assert len(summary) == 1 and summary[0].data["dibuat"] == cells
    assert summary[0].opd_ref == world.opd_a.pk
