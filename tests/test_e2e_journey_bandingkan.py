"""Journey 1 (issue 16), in a real browser at 1366×900: the planner creates a perubahan, deletes a sub kegiatan
and compares the two versions, in both orders; the removed element is listed, nothing crashes."""

import pytest

from renstra.models import Elemen, Level, RenstraVersi
from tests.journey import login, open_site, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    return open_site(live_server, page)


def test_planner_deletes_an_element_in_a_perubahan_and_compares(page, site):
    in_force = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", status="ditetapkan")
    sub = Elemen.objects.filter(versi=in_force, level=Level.SUB_KEGIATAN).order_by("-kode").first()
    login(page, site.url, "perencana.balangan")
    page.goto(f"{site.url}/renstra/{in_force.renstra_id}/")
    page.get_by_role("button", name="Buat perubahan").click()
    page.get_by_text("dibuat dari Penyesuaian (versi 1)").wait_for()
    draft = RenstraVersi.objects.get(renstra=in_force.renstra, status="draft")

    row = page.locator("tr[data-path]", has_text=sub.nama).first
    row.hover()
    row.get_by_role("button", name="Hapus", exact=True).click()
    page.locator("#modal-body").get_by_role("button", name="Ya, hapus").click()
    page.locator("tr[data-path]", has_text=sub.nama).first.wait_for(state="detached")
    assert not Elemen.objects.filter(versi=draft, asal=sub).exists()

    page.get_by_role("link", name="Bandingkan").click()
    summary = page.get_by_test_id("compare-summary").inner_text()
    assert "Dari Penyesuaian (versi 1) ke Perubahan (versi 2): 0 ditambah, 1 dihapus" in summary
    removed = page.locator("tr[data-kind='removed']")
    assert removed.count() == 1
    assert "Dihapus" in removed.inner_text() and sub.kode in removed.inner_text()
    shoot(page, "bandingkan")

    # The other order: from the draft back to the version in force, the element is one added.
    page.goto(f"{site.url}/renstra/versi/{in_force.pk}/banding/")
    page.locator("#dengan").select_option(str(draft.pk))
    page.wait_for_url(f"**/banding/?dengan={draft.pk}")
    assert "1 ditambah, 0 dihapus" in page.get_by_test_id("compare-summary").inner_text()
    added = page.locator("tr[data-kind='added']")
    assert added.count() == 1 and sub.kode in added.inner_text()
