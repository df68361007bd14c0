"""In a real browser, on the screens pemda staff use: at 1024×768 no main page of any role scrolls sideways
and the navbar stays one line (it collapses into its toggler below 1200 px, with the user menu and the OPD
switcher behind it); at 1366×900 the plan tree shows every year of its six-year period and the totals
without scrolling the page."""

import pytest
from django.core.management import call_command

from kinerja.models import PerjanjianKinerja
from lkjip.models import Dokumen
from pohon.models import PohonKinerja
from renstra.models import RenstraVersi
from sakip.demo import DEMO_PASSWORD
from sakip.models import PerangkatDaerah

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROLES = [
    "admin.balangan",
    "perencana.balangan",
    "pimpinan.balangan",
    "evaluator.balangan",
    "perencana.blitar",
    "pimpinan.blitar",
    "evaluator.blitar",
]
# A navbar of one line is about 56 px high; two lines are over 90.
ONE_LINE_NAVBAR = 70


def main_pages(username: str) -> list[tuple[str, str]]:
    """(name, path) of the main pages a demo user works on: the menu's pages and the plan, PK, realisasi,
    document and pohon pages of their pemda's demo OPD."""
    pemda = username.split(".")[-1]
    opd = PerangkatDaerah.objects.filter(pemda__kode=pemda, renstra__isnull=False).first()
    pages = [
        ("beranda", "/"),
        ("opd", "/opd/"),
        ("renstra", "/renstra/"),
        ("pk", "/pk/"),
        ("realisasi", "/realisasi/"),
        ("dokumen", "/dokumen/"),
        ("pohon", "/pohon-kinerja/"),
        ("kata-sandi", "/kata-sandi/"),
    ]
    if opd is None:
        return pages
    pages.append(("opd-detail", f"/opd/{opd.pk}/"))
    versi = RenstraVersi.objects.filter(renstra__opd=opd).order_by("-nomor").first()
    if versi is not None:
        pages += [
            ("renstra-detail", f"/renstra/{versi.renstra_id}/"),
            ("pohon-renstra", f"/renstra/versi/{versi.pk}/"),
            ("target", f"/renstra/versi/{versi.pk}/target/"),
            ("pagu", f"/renstra/versi/{versi.pk}/pagu/"),
        ]
    for status in PerjanjianKinerja.Status:  # one PK of each status: a draft, one to sign, a signed one
        pk = PerjanjianKinerja.objects.filter(opd=opd, status=status).order_by("-tahun").first()
        if pk is not None:
            pages += [(f"pk-{status}", f"/pk/{pk.pk}/"), (f"rencana-aksi-{status}", f"/pk/{pk.pk}/rencana-aksi/")]
    tahun = 2024 if pemda == "blitar" else 2026
    pages += [
        ("dasbor", f"/realisasi/opd/{opd.pk}/{tahun}/"),
        ("realisasi-indikator", f"/realisasi/opd/{opd.pk}/{tahun}/indikator/"),
        ("realisasi-anggaran", f"/realisasi/opd/{opd.pk}/{tahun}/anggaran/"),
        ("verifikasi", "/realisasi/verifikasi/"),
    ]
    for dokumen in Dokumen.objects.filter(opd=opd):
        if dokumen.versi_id:
            pages.append(("dokumen-renstra", f"/dokumen/renstra/{dokumen.versi_id}/"))
        else:
            pages.append(("dokumen-lkjip", f"/dokumen/lkjip/{opd.pk}/{dokumen.tahun}/"))
    for pohon in PohonKinerja.objects.filter(opd=opd)[:1]:
        pages += [
            ("pohon-detail", f"/pohon-kinerja/{pohon.pk}/"),
            ("pohon-diagram", f"/pohon-kinerja/{pohon.pk}/diagram/"),
        ]
    if username.startswith("admin."):
        pages += [
            ("profil-pemda", "/pemda/ubah/"),
            ("pegawai", "/pegawai/"),
            ("pengguna", "/pengguna/"),
            ("pengguna-baru", "/pengguna/baru/"),
            ("periode", "/renstra/periode/"),
            ("nomenklatur", "/renstra/nomenklatur/"),
            ("naskah-pk", "/pk/naskah/"),
            ("jendela", f"/realisasi/jendela/{tahun}/"),
            ("pengaturan-capaian", "/realisasi/pengaturan/"),
            ("audit", "/audit/"),
            ("dasbor-pemda", f"/realisasi/pemda/{tahun}/"),
            ("impor", f"/renstra/opd/{opd.pk}/impor/"),
        ]
    return pages


@pytest.fixture
def demo(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_default_timeout(15_000)
    return live_server


def login(page, base_url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/")


def overflow(page) -> int:
    """How many pixels the page scrolls sideways (0: none)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def navbar_height(page) -> float:
    return page.evaluate("() => document.querySelector('nav.navbar').getBoundingClientRect().height")


def test_no_main_page_scrolls_sideways_at_1024(page, demo):
    page.set_viewport_size({"width": 1024, "height": 768})
    problems, visited = [], 0
    for username in ROLES:
        login(page, demo.url, username)
        for name, path in main_pages(username):
            response = page.goto(f"{demo.url}{path}")
            if response is None or response.status in (403, 404):
                continue  # a page this role may not open has no layout to check
            assert response.ok, f"{username} {path}: {response.status}"
            visited += 1
            if (extra := overflow(page)) > 0:
                problems.append(f"{username} {name} ({path}): the page scrolls {extra} px sideways")
            if navbar_height(page) > ONE_LINE_NAVBAR:
                problems.append(f"{username} {name} ({path}): the navbar wraps")
    assert visited > 60
    assert problems == []


def test_collapsed_navbar_keeps_the_user_menu_and_opd_switcher(page, demo):
    page.set_viewport_size({"width": 1024, "height": 768})
    login(page, demo.url, "admin.balangan")
    assert not page.get_by_test_id("user-menu").is_visible()
    page.get_by_role("button", name="Menu").click()
    page.get_by_test_id("user-menu").click()
    assert page.get_by_role("link", name="Ganti kata sandi").is_visible()
    assert page.get_by_role("button", name="Keluar").is_visible()
    # Wide enough, the whole menu is on one line without the toggler.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    assert page.get_by_test_id("user-menu").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert navbar_height(page) <= ONE_LINE_NAVBAR


def in_view(locator, width: int) -> bool:
    """The element is inside the window and not hidden by the scroll of the box around it."""
    box = locator.bounding_box()
    if box is None or box["x"] < 0 or box["x"] + box["width"] > width:
        return False
    return locator.evaluate(
        """(el) => {
          const box = el.closest('.sheet, .table-responsive');
          return box === null || el.getBoundingClientRect().right <= box.getBoundingClientRect().right + 1;
        }"""
    )


def test_spreadsheet_pages_show_six_years_and_the_pk_buttons_at_1366(page, demo):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, demo.url, "perencana.balangan")
    versi = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", nomor=1)
    base = f"/renstra/versi/{versi.pk}/"
    for path in (base, f"{base}pagu/", f"{base}target/"):
        page.goto(f"{demo.url}{path}")
        assert overflow(page) == 0, path
        for year in range(2021, 2027):
            assert in_view(page.locator("thead th", has_text=str(year)).first, 1366), f"{path}: {year} is hidden"
    page.goto(f"{demo.url}{base}")
    assert in_view(page.locator("thead th", has_text="Jumlah").first, 1366)
    assert in_view(page.get_by_test_id("plan-total").locator("td").last, 1366)
    # The completeness panel folds away to give the years room, and opens on demand.
    assert not page.get_by_test_id("completeness").is_visible()
    page.get_by_test_id("toggle-completeness").click()
    page.get_by_test_id("completeness").get_by_text("dipakai lebih dari sekali").first.wait_for()

    # A draft PK's rows: every Simpan in view, without scrolling the page or the table.
    login(page, demo.url, "perencana.blitar")
    draft = PerjanjianKinerja.objects.filter(opd__pemda__kode="blitar", status="draft").first()
    page.goto(f"{demo.url}/pk/{draft.pk}/")
    buttons = page.get_by_role("button", name="Simpan", exact=True)
    assert buttons.count() >= 2
    for i in range(buttons.count()):
        assert in_view(buttons.nth(i), 1366), f"Simpan {i} is off screen"
    assert overflow(page) == 0


def test_long_work_shows_progress_and_is_not_asked_twice(page, demo):
    """Printing a document takes seconds (TASK_BACKEND=immediate: in the request): the button is disabled and
    says what happens until the answer is in; a link to a PDF says it is being prepared."""
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, demo.url, "perencana.blitar")
    opd = PerangkatDaerah.objects.get(pemda__kode="blitar", renstra__isnull=False)
    page.goto(f"{demo.url}/dokumen/lkjip/{opd.pk}/2024/")
    # What the button shows while the request is out, recorded as it changes (the server's answer is stood in
    # for: printing itself is the document tests' subject).
    page.evaluate(
        """() => {
          window.seen = [];
          const button = document.querySelector("[data-testid=buat-pratinjau]");
          new MutationObserver(() => window.seen.push([button.disabled, button.textContent.trim()]))
            .observe(button, {attributes: true, childList: true, subtree: true});
        }"""
    )
    page.route(
        "**/pratinjau/",
        lambda route: route.fulfill(status=200, content_type="text/html", body='<div id="cetakan">Selesai</div>'),
    )
    button = page.get_by_test_id("buat-pratinjau")
    button.click()
    page.locator("#cetakan", has_text="Selesai").wait_for()
    seen = page.evaluate("() => window.seen")
    assert [True, "Mencetak PDF, bisa sampai 10 detik…"] in seen
    assert not button.is_disabled() and button.inner_text().strip() == "Buat pratinjau PDF"
    page.unroute("**/pratinjau/")

    draft = PerjanjianKinerja.objects.filter(opd=opd, status="draft").first()
    page.goto(f"{demo.url}/pk/{draft.pk}/")
    link = page.locator(f"a[href='/pk/{draft.pk}/pdf/']")
    assert link.inner_text().strip() == "Pratinjau PDF (draf)"
    # The PDF is stood in for by "204 No Content", which leaves the page in place to be read.
    page.route(f"**/pk/{draft.pk}/pdf/", lambda route: route.fulfill(status=204))
    link.click()
    page.wait_for_function("() => document.querySelector('a.is-busy') !== null")
    assert link.get_attribute("aria-busy") == "true"
    assert link.inner_text().strip() == "Menyiapkan PDF, mohon tunggu…"

    # A plain form: pressed twice, it is sent once, and the pressed button says the work is under way.
    page.goto(f"{demo.url}/pk/{draft.pk}/")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    form = page.get_by_test_id("pk-indikator").locator("form").first
    with page.expect_navigation():  # the one POST's answer (waiting for "load" alone may return before it)
        state = form.evaluate(
            """(form) => {
              const button = form.querySelector("button");
              form.requestSubmit(button);
              form.requestSubmit(button);
              return new Promise((resolve) => setTimeout(() => resolve([button.disabled, button.textContent]), 0));
            }"""
        )
    assert state == [True, "Sedang diproses…"]
    assert len(posts) == 1
