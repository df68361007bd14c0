"""Issue 16, journeys 4–6 in a real browser at 1366×900: a form error stays in the form (no page inside the
page); the planner imports the T-C.27 workbook into Balangan's plan in force and sees its tujuan and sasaran
kept, the programs placed under them; a second import offers to replace the draft the first one made."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from renstra.models import Level, RenstraVersi
from renstra.samples import SAMPLE
from sakip.models import PerangkatDaerah
from tests.test_e2e_pk import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.set_default_timeout(15_000)
    return live_server


def test_import_into_the_plan_in_force_keeps_tujuan_and_sasaran(page, site):
    opd = PerangkatDaerah.objects.get(pemda__kode="balangan", kode="8.01.0.00.0.00.01.0000")
    in_force = RenstraVersi.objects.berlaku(opd, 2026)
    periode = in_force.renstra.periode
    login(page, site.url, "perencana.balangan")
    page.goto(site.url + reverse("renstra:renstra_import", args=[opd.pk]))

    # Journey 4: no file → the error at its field, the page not nested in itself.
    page.locator("#id_periode").select_option(str(periode.pk))
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.locator("#import-form .invalid-feedback").first.wait_for()
    assert page.locator("nav").count() == page.locator("body > nav, header nav").count()  # one navbar
    assert page.locator("#import-result h1").count() == 0 and page.locator("h1").count() == 1

    # Journey 6: the preview shows where each program goes; saving keeps the tujuan and sasaran.
    page.locator("#id_periode").select_option(str(periode.pk))
    page.locator("#id_berkas").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Unggah dan periksa").click()
    tautan = page.get_by_test_id("import-tautan")
    tautan.wait_for()
    assert "8.01.02" in tautan.inner_text()
    page.screenshot(path="/tmp/h16b-import-1366.png", full_page=True)
    page.set_viewport_size({"width": 1024, "height": 768})
    page.screenshot(path="/tmp/h16b-import-1024.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("button", name="Simpan sebagai draf").click()
    page.get_by_text("Renstra diimpor sebagai").wait_for()
    new = RenstraVersi.objects.filter(renstra=in_force.renstra, status="draft").get()
    assert new.elemen.filter(level=Level.TUJUAN).count() == in_force.elemen.filter(level=Level.TUJUAN).count() > 0
    assert new.elemen.filter(level=Level.SASARAN).count() == in_force.elemen.filter(level=Level.SASARAN).count()
    assert new.elemen.filter(level=Level.PROGRAM, parent__level=Level.SASARAN).exists()
    tujuan = in_force.elemen.filter(level=Level.TUJUAN).first()
    assert page.locator("tr.level-tujuan", has_text=tujuan.nama[:40]).count() >= 1
    assert page.get_by_role("link", name="Bandingkan dengan versi berlaku").is_visible()

    # Journey 5: the draft is named before the next upload, and replaced on request.
    page.goto(site.url + reverse("renstra:renstra_import", args=[opd.pk]))
    assert new.label in page.get_by_test_id("import-draft-notice").inner_text()
    page.locator("#id_periode").select_option(str(periode.pk))
    page.locator("#id_berkas").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.get_by_test_id("import-confirm").wait_for()
    page.get_by_label("Hapus draf").check()
    page.get_by_role("button", name="Ganti draf").click()
    page.get_by_text("Renstra diimpor sebagai").wait_for()
    assert not RenstraVersi.objects.filter(pk=new.pk).exists()
    assert RenstraVersi.objects.filter(renstra=in_force.renstra, status="draft").count() == 1
