"""Journey 7 (issue 16), in a real browser at 1366×900: the planner ratifies a perubahan made today (1 December
2026 in the tests). The form proposes the latest sensible year, not the period's first; a start before the
version it amends is refused at the field; the legal basis is typed on the same form."""

import pytest

from renstra import services
from renstra.models import RenstraVersi
from tests.journey import login, open_site, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    return open_site(live_server, page)


def test_planner_ratifies_a_perubahan_from_next_year(page, site):
    in_force = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", status="ditetapkan")
    assert in_force.berlaku_mulai == 2023
    draft = services.create_perubahan(in_force)
    login(page, site.url, "perencana.balangan")
    page.goto(f"{site.url}/renstra/{in_force.renstra_id}/")
    page.get_by_test_id("versions").get_by_role("link", name="Tetapkan").click()
    assert page.get_by_test_id("versi-diubah").inner_text() == (
        "Versi ini mengubah Penyesuaian (versi 1), yang berlaku mulai 2023."
    )
    # Today is in 2026, the period's last year: next year is past the period, so its last year is proposed.
    assert page.locator("#id_berlaku_mulai").input_value() == "2026"
    shoot(page, "tetapkan")

    # Only the years it may take are offered: none before the version it amends (2023).
    offered = page.locator("#id_berlaku_mulai option").evaluate_all("(options) => options.map((o) => o.value)")
    assert "2022" not in offered and "2023" in offered
    page.get_by_role("button", name="Tetapkan").click()
    assert page.locator("#id_dasar_hukum_nomor ~ .invalid-feedback").inner_text() == "Bidang ini tidak boleh kosong."
    shoot(page, "tetapkan-galat")
    draft.refresh_from_db()
    assert draft.is_draft

    page.locator("#id_dasar_hukum_nomor").fill("Peraturan Bupati Balangan Nomor 12 Tahun 2026")
    page.locator("#id_dasar_hukum_tanggal").fill("2026-11-27")
    page.locator("#id_berlaku_mulai").select_option("2026")
    page.get_by_role("button", name="Tetapkan").click()
    page.get_by_text("Perubahan (versi 2) ditetapkan dan kini hanya dapat dibaca.").wait_for()
    draft.refresh_from_db()
    assert (draft.is_draft, draft.berlaku_mulai) == (False, 2026)
    assert (draft.dasar_hukum_nomor, draft.dasar_hukum_tanggal.isoformat()) == (
        "Peraturan Bupati Balangan Nomor 12 Tahun 2026",
        "2026-11-27",
    )
    renstra = draft.renstra
    assert renstra.versi_berlaku(2025) == in_force and renstra.versi_berlaku(2026) == draft
    page.goto(f"{site.url}/renstra/{renstra.pk}/")
    assert "27 November 2026" in page.get_by_test_id("versions").inner_text()
