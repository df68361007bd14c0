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
    for pk in PerjanjianKinerja.objects.filter(opd=opd).order_by("-tahun", "status")[:2]:
        pages += [(f"pk-{pk.pk}", f"/pk/{pk.pk}/"), (f"rencana-aksi-{pk.pk}", f"/pk/{pk.pk}/rencana-aksi/")]
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
    assert page.get_by_test_id("user-menu").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert navbar_height(page) <= ONE_LINE_NAVBAR


def test_plan_tree_shows_six_years_and_totals_at_1366(page, demo):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, demo.url, "perencana.balangan")
    versi = RenstraVersi.objects.get(renstra__opd__pemda__kode="balangan", nomor=1)
    base = f"/renstra/versi/{versi.pk}/"
    for path in (base, f"{base}pagu/", f"{base}target/"):
        page.goto(f"{demo.url}{path}")
        assert overflow(page) == 0, path
        for year in range(2021, 2027):
            header = page.locator("thead th", has_text=str(year)).first
            box = header.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 1366, f"{path}: {year} is off screen"
            assert header.evaluate(
                "(el) => el.closest('.table-responsive, .grid-scroll') === null || "
                "el.getBoundingClientRect().right <= el.closest('.table-responsive, .grid-scroll')"
                ".getBoundingClientRect().right + 1"
            ), f"{path}: {year} hides in the table's scroll"
