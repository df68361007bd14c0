"""Issue 16, journeys 8 and 9 in a real browser at 1366×900: a block pasted into the pagu grid with one bad cell,
the totals show what was saved; realisasi saved and the row's year value and capaian updated at once; a value
ten times the target is saved once "Simpan juga" is clicked; the budget grid's Jumlah follows a saved cell."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.models import JendelaRealisasi, Realisasi
from renstra import services
from renstra.models import Indikator, RenstraVersi, Target
from sakip.lib.numbers import format_number
from sakip.models import PerangkatDaerah
from tests.test_e2e_pk import login
from tests.test_e2e_renstra import PASTE


def _rupiah(text: str) -> int:
    return int(text.replace(".", "") or 0)


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.set_default_timeout(15_000)
    return live_server


def test_pagu_totals_and_realisasi_capaian_follow_what_was_saved(page, site):
    opd = PerangkatDaerah.objects.get(pemda__kode="balangan", kode="8.01.0.00.0.00.01.0000")
    versi = RenstraVersi.objects.filter(renstra__opd=opd, status="draft").first()
    if versi is None:
        versi = services.create_perubahan(RenstraVersi.objects.berlaku(opd, 2026))
    login(page, site.url, "perencana.balangan")
    page.goto(site.url + reverse("renstra:pagu_grid", args=[versi.pk]))
    page.locator("input[data-row]").first.wait_for()
    first = page.locator('input[data-row="0"][data-col="0"]')
    year = page.locator('input[data-row="0"][data-col="0"]').get_attribute("data-kolom")
    before = page.locator(f"[data-grand='{year}']").inner_text()
    first.click()
    page.evaluate(PASTE, "abc\t2.000.000")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("1 sel tersimpan, 1 sel perlu diperbaiki.").wait_for()
    assert page.locator(f"[data-grand='{year}']").inner_text() == before  # the refused cell counts as stored
    page.screenshot(path="/tmp/h16b-pagu-1366.png")

    blitar = PerangkatDaerah.objects.get(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000")
    JendelaRealisasi.objects.filter(pemda=blitar.pemda, tahun=2024, triwulan=2).update(terbuka=True)
    ind = Indikator.objects.get(uraian="Jumlah Paskibraka")
    login(page, site.url, "perencana.blitar")
    page.goto(site.url + reverse("realisasi:indikator_grid", args=[blitar.pk, 2024]))
    page.locator("input[data-row]").first.wait_for()
    row = page.locator(f"tr[data-id='{ind.pk}']")
    capaian_before = row.locator("[data-derived='capaian']").inner_text()
    cell = row.locator("input").nth(1)
    cell.fill("36 orang")
    cell.press("Control+s")
    page.get_by_text("1 sel tersimpan.").wait_for()
    assert row.locator("[data-derived='realisasi']").inner_text() == "36"
    assert row.locator("[data-derived='capaian']").inner_text() != capaian_before

    # Ten times the target: the cell asks; "Simpan juga" saves it as typed.
    target = Target.objects.get(indikator=ind, tahun=2024).nilai
    much = int(target * 20)
    cell.fill(str(much))
    cell.press("Control+s")
    page.get_by_text("0 sel tersimpan, 1 sel perlu dikonfirmasi.").wait_for()
    assert "sepuluh kali target" in row.locator(".cell-warning").inner_text()
    assert Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=2).nilai == 36
    row.get_by_role("button", name="Simpan juga").click()
    page.get_by_text("1 sel tersimpan.").wait_for()
    assert Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=2).nilai == much
    assert row.locator("[data-derived='realisasi']").inner_text() == format_number(much, 0)
    assert not row.locator(".cell-warning").count()

    # The budget grid's Jumlah follows what was saved, without reloading.
    page.goto(site.url + reverse("realisasi:anggaran_grid", args=[blitar.pk, 2024]))
    page.locator("input[data-row]").first.wait_for()
    dpa = page.locator('input[data-row="0"][data-kolom="dpa"]')
    total = page.locator("tfoot [data-derived='dpa']")
    expected = _rupiah(total.inner_text()) - _rupiah(dpa.input_value()) + 7_000_000
    dpa.fill("7.000.000")
    dpa.press("Control+s")
    page.get_by_text("1 sel tersimpan.").wait_for()
    assert total.inner_text() == format_number(expected, 0)
    page.screenshot(path="/tmp/h16b-realisasi-1366.png")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.screenshot(path="/tmp/h16b-realisasi-1024.png")
