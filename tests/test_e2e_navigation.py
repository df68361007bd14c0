"""In a real browser: each demo role logs in and sees the navigation of its role."""

import pytest
from django.core.management import call_command

from sakip.demo import DEMO_PASSWORD
from sakip.models import PerangkatDaerah

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_default_timeout(10_000)
    return live_server


def login(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/")


def nav_text(page) -> str:
    return page.get_by_test_id("nav").inner_text()


def test_admin_pemda_sees_settings(page, demo):
    login(page, demo.url, "admin.balangan")
    page.get_by_role("button", name="Pengaturan").or_(page.get_by_role("link", name="Pengaturan")).click()
    for item in ["Perangkat Daerah", "Pegawai", "Pengguna", "Log audit"]:
        assert page.get_by_role("link", name=item, exact=True).first.is_visible()
    page.get_by_role("link", name="Pengguna", exact=True).click()
    assert page.get_by_role("heading", name="Pengguna").is_visible()
    assert page.get_by_text("perencana.balangan").is_visible()
    # Indonesian even though this browser asks for English (Accept-Language: en-US).
    assert page.get_by_role("link", name="Nama pengguna").is_visible()
    page.get_by_label("Aktif", exact=True).select_option("false")
    page.get_by_role("button", name="Tampilkan").click()
    assert page.get_by_text("perencana.balangan").count() == 0


def test_perencana_sees_own_opd_and_no_settings(page, demo):
    login(page, demo.url, "perencana.balangan")
    assert "Pengaturan" not in nav_text(page)
    page.get_by_test_id("opd-saya").get_by_role("link").first.click()
    assert page.get_by_role("heading", name="Badan Kesatuan Bangsa dan Politik").is_visible()
    assert page.get_by_text("Kabupaten Balangan").first.is_visible()
    # A planner reads the structure but does not manage it.
    assert page.get_by_role("link", name="Ubah profil").count() == 0


def test_evaluator_reads_without_edit_controls(page, demo):
    login(page, demo.url, "evaluator.balangan")
    assert "Pengaturan" not in nav_text(page)
    page.get_by_role("link", name="Perangkat Daerah").first.click()
    page.get_by_role("link", name="Badan Kesatuan Bangsa dan Politik").click()
    assert page.get_by_test_id("jabatan").is_visible()
    assert page.get_by_role("link", name="Jabatan", exact=True).count() == 0  # no "+ Jabatan" button


def test_pimpinan_sees_own_position(page, demo):
    login(page, demo.url, "pimpinan.balangan")
    assert "Pengaturan" not in nav_text(page)
    card = page.get_by_test_id("jabatan-saya")
    assert "Kepala Badan" in card.inner_text()
    assert "Bupati Balangan" in card.inner_text()


def test_other_pemda_object_is_not_found(page, demo):

    blitar = PerangkatDaerah.objects.get(pemda__kode="blitar")
    login(page, demo.url, "perencana.balangan")
    response = page.goto(f"{demo.url}/opd/{blitar.pk}/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Halaman tidak ditemukan").is_visible()


def test_admin_fixes_an_invalid_form(page, demo):
    login(page, demo.url, "admin.balangan")
    page.goto(f"{demo.url}/pegawai/baru/")
    page.locator("#id_nama").fill("Rahmat, S.IP")
    page.locator("#id_nip").fill("19800101 200501 3 001")
    page.get_by_role("button", name="Simpan").click()
    assert page.get_by_text("Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.").is_visible()
    page.locator("#id_nip").fill("19800101 200501 1 001")
    page.get_by_role("button", name="Simpan").click()
    assert page.get_by_role("heading", name="Rahmat, S.IP").is_visible()
    assert page.get_by_test_id("nip").inner_text() == "19800101 200501 1 001"
