"""Journey 2 (issue 16), in a real browser at 1366×900: the planner drafts the head's PK while the pemda's
profile names no kepala daerah (the second party is missing), deletes the draft and drafts it again; the admin
fills the name; the same draft now shows the signer and is submitted; the pimpinan signs; the PDF prints them."""

import io

import pytest
from pypdf import PdfReader

from kinerja.models import PerjanjianKinerja
from sakip.models import Pemda
from tests.journey import login, open_site, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MISSING = "Nama kepala daerah (pihak kedua) belum diisi di Profil pemda."


@pytest.fixture
def site(live_server, page):
    site = open_site(live_server, page)
    Pemda.objects.filter(kode="balangan").update(kepala_daerah_nama="")
    # The demo's PK 2026 of the Kepala Badan waits for the pimpinan's signature; this journey drafts it anew.
    PerjanjianKinerja.objects.filter(opd__pemda__kode="balangan", tahun=2026).delete()
    return site


def susun(page, url):
    page.goto(f"{url}/pk/")
    page.get_by_role("link", name="Susun PK Kesbangpol").click()
    # The year proposed is one the Renstra in force covers: this year (2026 in the tests).
    assert page.locator("#id_tahun").input_value() == "2026"
    page.locator("#id_jabatan").select_option(label="Kepala Badan")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_test_id("pk-indikator").wait_for()


def test_pk_drafted_signer_fixed_by_admin_submitted_signed_printed(page, site):
    login(page, site.url, "perencana.balangan")
    susun(page, site.url)
    assert MISSING in page.get_by_test_id("pk-problems").inner_text()
    assert page.get_by_role("button", name="Ajukan untuk ditandatangani").is_disabled()
    shoot(page, "pk-draf")

    # Susun again opens the same draft; the draft can be deleted (asked first) and drafted anew.
    susun(page, site.url)
    page.get_by_text("PK ini sudah ada sebagai draf").wait_for()
    page.get_by_role("link", name="Hapus draf").click()
    shoot(page, "pk-hapus")
    page.get_by_role("button", name="Ya, hapus draf").click()
    page.get_by_text("Draf PK dihapus.").wait_for()
    assert not PerjanjianKinerja.objects.filter(opd__pemda__kode="balangan", tahun=2026).exists()
    susun(page, site.url)
    url = page.url

    login(page, site.url, "admin.balangan")
    page.goto(url)  # the problem links to where the admin pemda fixes it
    shoot(page, "pk-masalah-admin")
    page.get_by_test_id("pk-problems").get_by_role("link", name="Profil pemda").click()
    page.wait_for_url(f"{site.url}/pemda/ubah/")
    page.locator("#id_kepala_daerah_nama").fill("H. ABDUL HADI, S.Ag., M.I.Kom")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"{site.url}/")

    login(page, site.url, "perencana.balangan")
    page.goto(url)
    assert page.get_by_test_id("pk-problems").count() == 0
    assert "H. ABDUL HADI, S.Ag., M.I.Kom" in page.locator("main, #content").first.inner_text()
    page.get_by_role("button", name="Ajukan untuk ditandatangani").click()
    page.get_by_text("PK diajukan untuk ditandatangani.").wait_for()

    login(page, site.url, "pimpinan.balangan")
    page.goto(url)
    page.get_by_role("link", name="Tandatangani").click()
    assert "Tanda tangan tidak dapat dibatalkan." in page.get_by_test_id("konfirmasi-ttd").inner_text()
    assert PerjanjianKinerja.objects.get(opd__pemda__kode="balangan", tahun=2026).status == "diajukan"  # asked
    shoot(page, "pk-konfirmasi-ttd")
    page.get_by_role("button", name="Ya, tandatangani").click()
    page.get_by_test_id("signed").wait_for()
    pk = PerjanjianKinerja.objects.get(opd__pemda__kode="balangan", tahun=2026, jabatan__nama="Kepala Badan")
    assert pk.is_signed and pk.kedua_nama == "H. ABDUL HADI, S.Ag., M.I.Kom"
    assert page.get_by_role("link", name="Hapus draf").count() == 0
    shoot(page, "pk-ditandatangani")

    response = page.request.get(f"{site.url}/pk/{pk.pk}/pdf/")
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "H. ABDUL HADI, S.Ag., M.I.Kom" in text and "BUPATI BALANGAN" in text.upper()
