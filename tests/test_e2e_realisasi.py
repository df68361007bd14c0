"""In a real browser: the admin opens a quarter, the planner types and pastes realisasi into the grid, a
closed quarter stays read-only, the evaluator verifies from the queue and reads the dashboard."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from kinerja.models import JendelaRealisasi, Realisasi
from renstra.models import Indikator
from sakip.models import PerangkatDaerah
from tests.test_e2e_pk import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_default_timeout(15_000)
    return live_server


def test_realisasi_entry_verification_and_dashboard(page, site):
    opd = PerangkatDaerah.objects.get(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000")
    year = timezone.localdate().year
    JendelaRealisasi.objects.filter(pemda=opd.pemda, tahun=2024, triwulan=2).update(terbuka=True)
    ind = Indikator.objects.get(uraian="Jumlah Paskibraka")

    login(page, site.url, "perencana.blitar")
    page.get_by_role("link", name="Realisasi", exact=True).click()
    page.wait_for_url(f"**/realisasi/opd/{opd.pk}/{year}/")
    page.get_by_test_id("year-select").select_option(label="2024")
    page.get_by_role("link", name="Realisasi indikator").click()
    page.locator("input[data-row]").first.wait_for()  # grid.js has indexed the cells
    row = page.locator(f"tr[data-id='{ind.pk}']")
    assert row.locator("input").nth(0).get_attribute("readonly") is not None  # TW I closed
    cell = row.locator("input").nth(1)  # TW II open
    cell.fill("36 orang")
    cell.press("Control+s")
    page.get_by_text("1 sel tersimpan.").wait_for()
    assert Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=2).nilai == 36

    login(page, site.url, "evaluator.blitar")
    page.goto(f"{site.url}/realisasi/verifikasi/?tahun=2024")
    page.get_by_role("row", name="Jumlah Paskibraka").get_by_role("checkbox").check()
    page.get_by_role("button", name="Verifikasi yang dipilih").click()
    page.get_by_text("1 realisasi diverifikasi.").wait_for()
    assert Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=2).status == "diverifikasi"

    page.goto(f"{site.url}/realisasi/opd/{opd.pk}/2024/")
    iku = page.get_by_test_id("iku-table").inner_text()
    assert "98,38 %" in iku and "88,38 %" in iku
    assert "5,80 %" in page.get_by_test_id("sasaran-table").inner_text()
