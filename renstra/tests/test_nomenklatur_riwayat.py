"""Every change of the official nomenclature (the operator's list, shared by every pemda) is visible to each
pemda's readers: in each pemda's audit log and on the nomenclature's own history page (issue 15)."""

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
    return SimpleUploadedFile("resmi-2023.xlsx", out.getvalue())


def _entry(kode: str, nama: str) -> dict:
    return {"versi": V, "kode": kode, "nama": nama, "kinerja": "", "indikator": "", "satuan": ""}


@pytest.fixture
def changed(client, world):
    """The operator imports the official list and renames one code; pemda 2's admin adds a local entry."""
    client.force_login(world.olga)
    upload = _xlsx(("8.01", "KESATUAN BANGSA DAN POLITIK", "", "", ""), ("8.01.02", "PROGRAM LAMA", "", "", ""))
    assert client.post(reverse("renstra:nomenklatur_import"), {"versi": V, "berkas": upload}).status_code == 302
    official = Nomenklatur.objects.get(kode="8.01.02", pemda=None)
    url = reverse("renstra:nomenklatur_update", args=[official.pk])
    assert client.post(url, _entry("8.01.02", "PROGRAM PENGUATAN IDEOLOGI")).status_code == 302
    client.force_login(world.frank)
    response = client.post(reverse("renstra:nomenklatur_create"), _entry("8.01.02.2.09", "Kegiatan Kota Dua"))
    assert response.status_code == 302
    client.logout()


@pytest.mark.parametrize("admin", ["dave", "frank"])
def test_each_pemdas_audit_log_shows_the_official_lists_changes(client, world, changed, admin):
    client.force_login(getattr(world, admin))
    page = client.get(reverse("sakip:audit_log")).content.decode()
    assert "8.01.02 PROGRAM PENGUATAN IDEOLOGI" in page  # the rename, with its old value
    assert "PROGRAM LAMA" in page and "olga" in page
    assert "Nomenklatur diimpor" in page and "resmi-2023.xlsx" in page  # the import's summary entry
    # Another pemda's local entry stays in that pemda's log only.
    assert ("Kegiatan Kota Dua" in page) == (admin == "frank")


def test_the_home_page_of_a_pemda_admin_lists_the_official_change(client, world, changed):
    client.force_login(world.dave)
    assert "PROGRAM PENGUATAN IDEOLOGI" in client.get(reverse("home")).content.decode()


def test_every_reader_of_the_list_sees_its_history(client, world, changed):
    client.force_login(world.alice)  # a planner: reads the list, manages nothing
    listing = client.get(reverse("renstra:nomenklatur_list")).content.decode()
    url = reverse("renstra:nomenklatur_riwayat")
    assert f'href="{url}"' in listing
    page = client.get(url).content.decode()
    assert "8.01.02 PROGRAM PENGUATAN IDEOLOGI" in page and "PROGRAM LAMA" in page
    assert "resmi-2023.xlsx" in page
    assert "Kegiatan Kota Dua" not in page  # a pemda's local entry is not the official list
