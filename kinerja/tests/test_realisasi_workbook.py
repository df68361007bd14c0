"""Realisasi by workbook: the template filled and uploaded, a bad row or a foreign file refused, text never a formula."""

from __future__ import annotations

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.models import (
    AnggaranSubKegiatan,
    Realisasi,
    RealisasiAnggaran,
)
from kinerja.tests.conftest import TAHUN
from renstra.models import Elemen, Indikator, Level


def filled_template(client, world, fill):
    response = client.get(reverse("realisasi:workbook_template", args=[world.opd_a.pk, TAHUN]))
    wb = load_workbook(io.BytesIO(response.content))
    fill(wb)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("realisasi.xlsx", out.getvalue())


def test_workbook_round_trip(client, world, iku, windows):
    client.force_login(world.alice)
    sub = Elemen.objects.filter(versi=iku.elemen.versi, level=Level.SUB_KEGIATAN).order_by("kode").first()

    def fill(wb):
        ws = wb["Realisasi indikator"]
        row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == iku.pk)
        row[7].value = "75,5"  # TW II
        ws2 = wb["Realisasi anggaran"]
        row = next(r for r in ws2.iter_rows(min_row=2) if r[0].value == sub.pk)
        row[3].value = 2_000_000  # DPA
        row[6].value = 450_000.5  # TW II

    url = reverse("realisasi:workbook_import", args=[world.opd_a.pk, TAHUN])
    preview = client.post(url, {"berkas": filled_template(client, world, fill)})
    assert "dapat disimpan" in preview.content.decode()
    assert "dibulatkan menjadi 450.001" in preview.content.decode()  # Rupiah are whole, and the preview says so
    assert not Realisasi.objects.exists()  # nothing saved before confirming
    token = preview.context["token"]
    assert client.post(url, {"token": token}).status_code == 302
    assert Realisasi.objects.get(indikator=iku, triwulan=2).nilai == Decimal("75.5")
    assert AnggaranSubKegiatan.objects.get(elemen=sub).jumlah == 2_000_000
    assert RealisasiAnggaran.objects.get(elemen=sub).jumlah == Decimal("450001")
    # The template downloaded again carries what was saved.
    again = load_workbook(
        io.BytesIO(client.get(reverse("realisasi:workbook_template", args=[world.opd_a.pk, TAHUN])).content)
    )
    row = next(r for r in again["Realisasi indikator"].iter_rows(min_row=2, values_only=True) if r[0] == iku.pk)
    assert row[7] == "75,5"


def test_workbook_with_a_bad_row_saves_nothing(client, world, iku, windows):
    client.force_login(world.alice)
    other = Indikator.objects.filter(elemen__versi=iku.elemen.versi).exclude(pk=iku.pk).first()

    def fill(wb):
        ws = wb["Realisasi indikator"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == iku.pk:
                row[7].value = "75"
            if row[0].value == other.pk:
                row[7].value = "tujuh"
                bad_row.append(row[0].row)

    bad_row = []
    url = reverse("realisasi:workbook_import", args=[world.opd_a.pk, TAHUN])
    page = client.post(url, {"berkas": filled_template(client, world, fill)}).content.decode()
    assert "tidak ada yang disimpan" in page
    assert f"<td>{bad_row[0]}</td><td>H</td>" in page
    assert 'name="token"' not in page
    assert not Realisasi.objects.exists()


def test_workbook_that_is_not_a_template(client, world, iku, windows):
    client.force_login(world.alice)
    url = reverse("realisasi:workbook_import", args=[world.opd_a.pk, TAHUN])
    page = client.post(url, {"berkas": SimpleUploadedFile("x.xlsx", b"not a zip")}).content.decode()
    assert "bukan berkas Excel .xlsx" in page
    page = client.post(url, {"berkas": SimpleUploadedFile("x.csv", b"a;b")}, follow=True).content.decode()
    assert "Pilih berkas .xlsx" in page
    huge = SimpleUploadedFile("x.xlsx", b"0" * (20 * 1024 * 1024 + 1))
    assert "terlalu besar" in client.post(url, {"berkas": huge}, follow=True).content.decode()


def test_text_in_workbooks_never_becomes_a_formula(client, world, iku, windows):
    Indikator.objects.filter(pk=iku.pk).update(uraian='=HYPERLINK("http://x")')
    client.force_login(world.alice)
    dashboard = client.get(reverse("realisasi:opd_dashboard", args=[world.opd_a.pk, TAHUN]) + "?format=xlsx")
    template = client.get(reverse("realisasi:workbook_template", args=[world.opd_a.pk, TAHUN]))
    for content, sheet in ((dashboard.content, "IKU"), (template.content, "Realisasi indikator")):
        ws = load_workbook(io.BytesIO(content))[sheet]
        cells = [c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
        assert cells and all(c.data_type == "s" for c in cells)
