"""Who owns the nomenclature: the official Kepmendagri list is the operator's; each pemda adds local entries
that only it sees and edits; every change shows in the audit log of the pemda it belongs to (issue 15)."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from renstra.models import Nomenklatur

V = Nomenklatur.Versi.V2023


def _xlsx(*rows) -> SimpleUploadedFile:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Kode", "Nomenklatur", "Kinerja", "Indikator", "Satuan"])
    for row in rows:
        sheet.append(list(row))
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile("nomenklatur.xlsx", out.getvalue())


@pytest.fixture
def official(client, world):
    """The operator imports the official list."""
    client.force_login(world.olga)
    upload = _xlsx(
        ("8.01", "KESATUAN BANGSA DAN POLITIK", "", "", ""), ("8.01.02", "PROGRAM PENGUATAN IDEOLOGI", "", "", "")
    )
    assert client.post(reverse("renstra:nomenklatur_import"), {"versi": V, "berkas": upload}).status_code == 302
    client.logout()
    return Nomenklatur.objects.get(kode="8.01.02")


def _local(client, admin, kode="8.01.02.2.01", nama="Kegiatan Lokal Satu"):
    client.force_login(admin)
    data = {"versi": V, "kode": kode, "nama": nama, "kinerja": "", "indikator": "", "satuan": ""}
    return client.post(reverse("renstra:nomenklatur_create"), data)


def test_the_operators_import_is_the_official_list(official):
    assert official.pemda is None and official.nama == "PROGRAM PENGUATAN IDEOLOGI"


def test_a_pemda_admin_cannot_change_an_official_code(client, world, official):
    client.force_login(world.dave)
    url = reverse("renstra:nomenklatur_update", args=[official.pk])
    assert client.get(url).status_code == 403
    data = {"versi": V, "kode": "8.01.02", "nama": "DIGANTI", "kinerja": "", "indikator": "", "satuan": ""}
    assert client.post(url, data).status_code == 403
    # Nor by import: the file is refused whole, naming the code.
    upload = _xlsx(("8.01.02", "DIGANTI", "", "", ""), ("8.01.02.2.05", "Kegiatan baru", "", "", ""))
    page = client.post(reverse("renstra:nomenklatur_import"), {"versi": V, "berkas": upload}).content.decode()
    assert "Kode 8.01.02 ada di daftar resmi Kepmendagri; hanya operator yang dapat mengubahnya." in page
    # Nor by adding a local entry under an official code.
    response = _local(client, world.dave, kode="8.01.02", nama="DIGANTI")
    assert response.status_code == 200 and "hanya operator yang dapat mengubahnya" in response.content.decode()
    official.refresh_from_db()
    assert official.nama == "PROGRAM PENGUATAN IDEOLOGI"
    assert Nomenklatur.objects.count() == 2
    assert not client.get(reverse("renstra:nomenklatur_list")).content.decode().count("nomenklatur_update")


def test_local_entries_are_seen_and_edited_only_within_their_pemda(client, world, official):
    assert _local(client, world.dave).status_code == 302
    local = Nomenklatur.objects.get(kode="8.01.02.2.01")
    assert local.pemda == world.pemda and local.tingkat == Nomenklatur.Tingkat.KEGIATAN
    list_url = reverse("renstra:nomenklatur_list")
    # The pemda's planner sees it; the other pemda's admin sees neither it nor a way to it.
    client.force_login(world.alice)
    assert "Kegiatan Lokal Satu" in client.get(list_url).content.decode()
    client.force_login(world.frank)
    page = client.get(list_url).content.decode()
    assert "Kegiatan Lokal Satu" not in page and "PROGRAM PENGUATAN IDEOLOGI" in page
    assert client.get(reverse("renstra:nomenklatur_update", args=[local.pk])).status_code == 404
    # Another pemda may add the same code as its own.
    assert _local(client, world.frank, nama="Kegiatan Lokal Dua").status_code == 302
    assert Nomenklatur.objects.filter(kode="8.01.02.2.01").count() == 2
    client.force_login(world.dave)
    assert "Kegiatan Lokal Dua" not in client.get(list_url).content.decode()
    # Its admin edits it.
    data = {
        "versi": V,
        "kode": "8.01.02.2.01",
        "nama": "Kegiatan Lokal Diubah",
        "kinerja": "",
        "indikator": "",
        "satuan": "",
    }
    assert client.post(reverse("renstra:nomenklatur_update", args=[local.pk]), data).status_code == 302
    local.refresh_from_db()
    assert local.nama == "Kegiatan Lokal Diubah"


def test_a_local_change_is_in_its_pemdas_audit_log_only(client, world, official):
    _local(client, world.dave)
    local = Nomenklatur.objects.get(kode="8.01.02.2.01")
    data = {
        "versi": V,
        "kode": local.kode,
        "nama": "Kegiatan Lokal Diubah",
        "kinerja": "",
        "indikator": "",
        "satuan": "",
    }
    client.post(reverse("renstra:nomenklatur_update", args=[local.pk]), data)
    page = client.get(reverse("sakip:audit_log")).content.decode()
    assert "8.01.02.2.01 Kegiatan Lokal Diubah" in page and "8.01.02.2.01 Kegiatan Lokal Satu" in page
    client.force_login(world.frank)
    assert "8.01.02.2.01" not in client.get(reverse("sakip:audit_log")).content.decode()


def test_plans_pick_from_the_official_list_and_their_own_pemdas(world, official):
    Nomenklatur.objects.create(pemda=world.pemda2, versi=V, tingkat="program", kode="8.01.03", nama="Lokal Dua")
    assert set(Nomenklatur.objects.for_pemda(world.pemda.pk).values_list("kode", flat=True)) == {"8.01", "8.01.02"}
    assert "8.01.03" in set(Nomenklatur.objects.for_pemda(world.pemda2.pk).values_list("kode", flat=True))
