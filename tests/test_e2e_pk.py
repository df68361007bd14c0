"""In a real browser: a planner drafts a PK from the plan and submits it, the head signs it, a revision is
made and signed, the evaluator downloads both PDFs, another OPD's planner gets a 404."""

import pytest
from django.core.management import call_command

from kinerja.models import PerjanjianKinerja
from sakip.demo import DEMO_PASSWORD
from sakip.models import Pemda

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    call_command("load_demo", verbosity=0)
    Pemda.objects.filter(kode="balangan").update(kepala_daerah_nama="H. ABDUL HADI")
    page.set_default_timeout(15_000)
    return live_server


def login(page, url, username):
    page.context.clear_cookies()
    page.goto(f"{url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{url}/")


def test_pk_from_draft_to_signed_revision(page, site):
    login(page, site.url, "perencana.balangan")
    page.get_by_role("link", name="Perjanjian Kinerja").click()
    page.get_by_role("link", name="Susun PK Kesbangpol").click()
    page.locator("#id_jabatan").select_option(label="Kepala Badan")
    page.locator("#id_tahun").select_option("2024")
    page.get_by_role("button", name="Simpan").click()
    assert "Persentase Daerah Rawan Konflik yang Terpetakan" in page.get_by_test_id("pk-indikator").inner_text()
    page.get_by_role("button", name="Ajukan untuk ditandatangani").click()
    page.get_by_text("PK diajukan untuk ditandatangani.").wait_for()
    url = page.url

    login(page, site.url, "pimpinan.balangan")
    page.goto(url)
    page.get_by_role("link", name="Tandatangani").click()
    page.get_by_role("button", name="Ya, tandatangani").click()
    assert page.get_by_test_id("signed").is_visible()

    login(page, site.url, "perencana.balangan")
    page.goto(url)
    page.get_by_placeholder("Alasan perubahan").fill("Perubahan anggaran (DPPA)")
    page.get_by_role("button", name="Buat PK perubahan").click()
    page.get_by_text("Draf PK perubahan (versi 2) dibuat.").wait_for()
    page.get_by_label("Target Tingkat Partisipasi Politik Masyarakat").fill("13")
    page.get_by_placeholder("Alasan bila berbeda").nth(1).fill("Disesuaikan dengan DPPA")
    page.get_by_role("button", name="Simpan").nth(1).click()
    page.get_by_text("Perubahan disimpan.").wait_for()
    assert "12,6" in page.get_by_test_id("pk-diff").inner_text()
    page.get_by_role("button", name="Ajukan untuk ditandatangani").click()
    url2 = page.url

    login(page, site.url, "pimpinan.balangan")
    page.goto(url2)
    page.get_by_role("link", name="Tandatangani").click()
    page.get_by_role("button", name="Ya, tandatangani").click()
    assert page.get_by_test_id("signed").is_visible()

    login(page, site.url, "evaluator.balangan")
    for pk in PerjanjianKinerja.objects.filter(opd__pemda__kode="balangan", tahun=2024):
        assert pk.is_signed
        response = page.request.get(f"{site.url}/pk/{pk.pk}/pdf/")
        assert response.headers["content-type"] == "application/pdf" and response.body().startswith(b"%PDF")
    page.goto(url2)
    assert page.get_by_role("link", name="Tandatangani").count() == 0

    login(page, site.url, "perencana.blitar")
    assert page.goto(url2).status == 404
