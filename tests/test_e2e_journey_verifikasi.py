"""Journey 3 (issue 16), in a real browser at 1366×900: the planner enters a realisasi, the evaluator returns it
from its own page (a return without reason is refused at the field), the planner corrects it, and the evaluator
verifies it from the same page without typing a reason."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import JendelaRealisasi, Realisasi
from renstra.models import Indikator
from sakip.models import PerangkatDaerah
from tests.journey import login, open_site, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    return open_site(live_server, page)


def enter(page, url, opd, ind, value):
    page.goto(f"{url}/realisasi/opd/{opd.pk}/2024/indikator/")
    page.locator("input[data-row]").first.wait_for()  # grid.js has indexed the cells
    cell = page.locator(f"tr[data-id='{ind.pk}']").locator("input").nth(1)  # TW II
    cell.fill(value)
    cell.press("Control+s")
    page.get_by_text("1 sel tersimpan.").wait_for()


def test_realisasi_entered_returned_corrected_verified_from_its_page(page, site):
    opd = PerangkatDaerah.objects.get(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000")
    JendelaRealisasi.objects.filter(pemda=opd.pemda, tahun=2024, triwulan=2).update(terbuka=True)
    ind = Indikator.objects.get(uraian="Jumlah Paskibraka")
    detail = site.url + reverse("realisasi:realisasi_detail", args=[ind.pk, 2024, 2])

    login(page, site.url, "perencana.blitar")
    enter(page, site.url, opd, ind, "35 orang")
    item = Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=2)
    assert (item.nilai, item.status) == (35, "menunggu")

    login(page, site.url, "evaluator.blitar")
    page.goto(detail)
    form = page.get_by_test_id("verifikasi-form")
    form.get_by_role("button", name="Kembalikan").click()
    assert page.locator("#id_komentar ~ .invalid-feedback").inner_text() == "Tuliskan alasan pengembalian."
    shoot(page, "realisasi-kembalikan-galat")
    assert Realisasi.objects.get(pk=item.pk).status == "menunggu"
    page.locator("#id_komentar").fill("Jumlah peserta menurut SK Bupati 36 orang.")
    page.get_by_test_id("verifikasi-form").get_by_role("button", name="Kembalikan").click()
    page.get_by_text("Realisasi dikembalikan.").wait_for()
    assert page.get_by_test_id("status").inner_text().startswith("Dikembalikan")

    login(page, site.url, "perencana.blitar")
    page.goto(detail)
    assert page.get_by_text("Jumlah peserta menurut SK Bupati 36 orang.").is_visible()
    enter(page, site.url, opd, ind, "36 orang")
    assert Realisasi.objects.get(pk=item.pk).status == "menunggu"  # a corrected value waits again

    login(page, site.url, "evaluator.blitar")
    page.goto(detail)
    assert page.get_by_test_id("nilai").inner_text().startswith("36")
    shoot(page, "realisasi-verifikasi")
    page.get_by_test_id("verifikasi-form").get_by_role("button", name="Verifikasi").click()
    page.get_by_text("Realisasi diverifikasi.").wait_for()
    item.refresh_from_db()
    assert (item.nilai, item.status, item.komentar) == (36, "diverifikasi", "")
    assert page.get_by_test_id("verifikasi-form").count() == 0


def test_a_return_into_a_closed_quarter_leads_the_planner_to_a_page_where_it_can_be_corrected(page, site):
    opd = PerangkatDaerah.objects.get(pemda__kode="blitar", kode="8.01.0.00.0.00.02.0000")
    JendelaRealisasi.objects.filter(pemda=opd.pemda, tahun=2024, triwulan=2).update(terbuka=False)
    ind = Indikator.objects.get(uraian="Jumlah Paskibraka")
    item, _created = Realisasi.objects.update_or_create(
        indikator=ind, tahun=2024, triwulan=2, defaults={"nilai": Decimal(35), "status": "menunggu"}
    )
    detail = site.url + reverse("realisasi:realisasi_detail", args=[ind.pk, 2024, 2])

    login(page, site.url, "evaluator.blitar")
    page.goto(detail)
    page.locator("#id_komentar").fill("Lampirkan SK Bupati.")
    page.get_by_test_id("verifikasi-form").get_by_role("button", name="Kembalikan").click()
    page.get_by_text("Triwulan yang sudah ditutup dibuka kembali untuk perbaikan: TW II 2024").wait_for()

    login(page, site.url, "perencana.blitar")  # the inbox's item opens a page where the correction is possible
    page.get_by_role("link", name="Perbaiki realisasi TW II 2024: Jumlah Paskibraka").click()
    banner = page.get_by_test_id("perbaikan")
    assert "dibuka kembali untuk perangkat daerah Anda" in banner.inner_text()
    shoot(page, "realisasi-perbaikan")
    page.locator("#id_catatan-kendala").fill("SK Bupati terlambat terbit.")
    page.get_by_role("button", name="Simpan catatan").click()
    page.get_by_text("Catatan disimpan.").wait_for()
    banner.get_by_role("link", name="tabel realisasi indikator").click()
    enter(page, site.url, opd, ind, "36 orang")
    item.refresh_from_db()
    assert (item.nilai, item.status, item.kendala) == (36, "menunggu", "SK Bupati terlambat terbit.")
