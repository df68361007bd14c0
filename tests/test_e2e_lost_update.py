"""In a real browser: a target changed by a colleague after the page was loaded is not overwritten; the cell
says who changed it, when and to what, and saving it again overwrites deliberately."""

import pytest
from django.urls import reverse

from renstra import services
from renstra.models import Indikator, Level, Target
from renstra.testing import generate_plan, make_periode, make_versi
from sakip import audit
from sakip.models import Peran
from sakip.testing import PASSWORD, make_user, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_cell_changed_meanwhile_shows_who_changed_it(page, live_server):
    world = make_world()
    anto = make_user("anto", world.pemda, (Peran.Jenis.PERENCANA, world.opd_a))
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    ind = Indikator.objects.filter(elemen__versi=versi, elemen__level=Level.SUB_KEGIATAN).order_by("pk").first()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/masuk/")
    page.locator("#id_username").fill("alice")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(live_server.url + reverse("renstra:target_grid", args=[versi.pk]))
    cell = page.locator(f'tr[data-id="{ind.pk}"] input').nth(2)  # kondisi awal, 2021, 2022
    # Meanwhile Anto sets the 2022 target to 55 from his own page.
    with audit.acting_as(anto):
        shown = Target.objects.get(indikator=ind, tahun=2022).shown
        services.save_target_cells(versi, [{"indikator": ind.pk, "kolom": "2022", "value": "55", "token": shown}])
    cell.fill("60")
    page.keyboard.press("Control+s")
    note = page.locator("td.conflict .cell-error")
    note.wait_for()
    assert note.inner_text().startswith("Diubah oleh Anto (anto) pada ") and "menjadi “55”" in note.inner_text()
    assert Target.objects.get(indikator=ind, tahun=2022).nilai == 55  # his value stays
    # Alice has read it and saves hers again: now it overwrites.
    cell.focus()
    page.keyboard.press("Control+s")
    page.get_by_text("1 sel tersimpan.").wait_for()
    assert Target.objects.get(indikator=ind, tahun=2022).nilai == 60
