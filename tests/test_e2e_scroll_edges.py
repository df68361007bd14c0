"""In a real browser (issue 16): a table box that scrolls sideways shows it by a shadow at the edge where columns
hide (the realisasi grid, the plan tree and the dashboard at 1024 px); the pagu grid shows its Jumlah at 1366 px;
a grid cell is as wide as its value, so "15.000.000,50" is never clipped."""

import pytest

from renstra.models import RenstraVersi
from sakip.models import PerangkatDaerah
from tests.test_e2e_layout import demo, in_view, login  # noqa: F401 (the demo fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# For each box that scrolls sideways: whether its background draws the edge shadows (attached to the box, under
# covers that scroll with the content) and whether the body cell at its right edge lets that background through.
SCROLL_EDGES = """() => [...document.querySelectorAll('.table-responsive, .sheet')]
  .filter((box) => box.scrollWidth > box.clientWidth + 1)
  .map((box) => {
    const style = getComputedStyle(box);
    const rect = box.getBoundingClientRect();
    const row = box.querySelector('tbody tr');
    const y = row ? row.getBoundingClientRect().top + 4 : rect.top + rect.height / 2;
    const cell = document.elementFromPoint(rect.right - 4, y);
    const td = cell && cell.closest('td, th');
    return {
      shadow: style.backgroundImage.includes('radial-gradient') && style.backgroundAttachment.includes('local'),
      see_through: td === null || getComputedStyle(td).backgroundColor === 'rgba(0, 0, 0, 0)',
    };
  })"""


def test_boxes_that_scroll_sideways_show_it_at_1024(page, demo):  # noqa: F811
    page.set_viewport_size({"width": 1024, "height": 768})
    login(page, demo.url, "perencana.balangan")
    opd = PerangkatDaerah.objects.filter(pemda__kode="balangan", renstra__isnull=False).first()
    versi = RenstraVersi.objects.filter(renstra__opd=opd).order_by("-nomor").first()
    for path in (
        f"/realisasi/opd/{opd.pk}/2026/indikator/",
        f"/renstra/versi/{versi.pk}/",
        f"/realisasi/opd/{opd.pk}/2026/",
    ):
        page.goto(f"{demo.url}{path}")
        boxes = page.evaluate(SCROLL_EDGES)
        assert boxes, f"{path}: nothing scrolls sideways at 1024 px"
        for box in boxes:
            assert box == {"shadow": True, "see_through": True}, f"{path}: {box}"


def test_pagu_grid_shows_its_jumlah_at_1366_and_cells_fit_their_value(page, demo):  # noqa: F811
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, demo.url, "perencana.balangan")
    versi = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", nomor=1)
    page.goto(f"{demo.url}/renstra/versi/{versi.pk}/pagu/")
    assert in_view(page.locator("thead th", has_text="Jumlah").first, 1366)
    assert in_view(page.get_by_test_id("plan-total").locator("td").last, 1366)
    opd = PerangkatDaerah.objects.filter(pemda__kode="balangan", renstra__isnull=False).first()
    page.goto(f"{demo.url}/realisasi/opd/{opd.pk}/2026/indikator/")  # the demo's open quarter
    cell = page.locator("[data-grid] input:not([readonly])").first
    cell.fill("15.000.000,50")
    assert cell.evaluate("(el) => el.scrollWidth <= el.clientWidth"), "the value is clipped"
