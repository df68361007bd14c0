"""In a real browser: a planner grows the demo pohon kinerja in place, and pans and zooms its diagram."""

import pytest
from playwright.sync_api import expect

from pohon.models import Simpul
from tests.test_e2e_navigation import demo, login  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_planner_adds_a_node_in_place_and_zooms_the_diagram(page, demo):  # noqa: F811
    login(page, demo.url, "perencana.balangan")
    page.get_by_role("link", name="Pohon Kinerja").first.click()
    page.get_by_test_id("pohon-list").get_by_role("link").first.click()
    outcome = Simpul.objects.get(parent__isnull=True, tingkat="outcome")
    page.locator(f"#simpul-{outcome.pk}").get_by_role("button", name="Tambah anak").click()
    dialog = page.locator("#modal-body")
    dialog.get_by_role("button", name="Simpan").click()  # empty: refused at the field
    expect(dialog.get_by_text("Bidang ini tidak boleh kosong.").first).to_be_visible()
    dialog.get_by_label("Kinerja / kondisi").fill("Meningkatnya deteksi dini konflik")
    dialog.locator("#id_ind-0-uraian").fill("Jumlah laporan deteksi dini")
    dialog.get_by_role("button", name="Simpan").click()
    expect(page.get_by_test_id("pohon-tree").get_by_text("Meningkatnya deteksi dini konflik")).to_be_visible()
    node = Simpul.objects.get(kinerja="Meningkatnya deteksi dini konflik")
    assert node.parent == outcome and node.tingkat == "strategis"

    page.get_by_role("link", name="Diagram").click()
    svg = page.get_by_test_id("diagram").locator("svg")
    before = svg.get_attribute("viewBox")
    page.get_by_role("button", name="Perbesar").click()
    assert svg.get_attribute("viewBox") != before
    boxes = page.get_by_test_id("diagram").locator("g.simpul > title")
    assert boxes.filter(has_text="Meningkatnya deteksi dini konflik").count() == 1
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh PNG").click()
    assert download.value.suggested_filename == "pohon-kinerja-Kesbangpol-2023.png"
    assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
