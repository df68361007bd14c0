"""In a real browser (1366×900): a planner finds a plan element by its code from the navbar's search box and lands
on its row in the plan tree; then filters the tree by typing, the ancestors of the matching rows kept. The
nomenklatur picker finds a code by words, labels each Kepmendagri version, and fills code and name. The results
and a help page are screenshot at 1366×900 and 1024×768 (into $SAKIP_SCREENSHOTS when set)."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from renstra.models import Elemen, Level, Nomenklatur, Periode, Renstra, RenstraVersi
from sakip.demo import DEMO_PASSWORD
from sakip.models import PerangkatDaerah

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SIZES = [(1366, 900), (1024, 768)]


@pytest.fixture
def site(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_default_timeout(10_000)
    page.set_viewport_size({"width": 1366, "height": 900})
    return live_server


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SAKIP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def login(page, url, username):
    page.goto(f"{url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{url}/")


def visible_rows(page) -> list[str]:
    return page.locator("[data-testid=plan-tree] tbody tr[data-path]:visible").evaluate_all(
        "rows => rows.map(r => r.id)"
    )


def test_search_a_code_from_the_navbar_then_filter_the_tree(page, site, shots):
    login(page, site.url, "perencana.balangan")
    box = page.get_by_test_id("search-box").get_by_role("searchbox")
    box.fill("8.01.03.2.01")
    box.press("Enter")
    page.wait_for_url("**/cari/?q=*")
    group = page.locator("[data-testid=cari-group][data-kind=elemen]")
    first = group.get_by_test_id("cari-hit").first
    assert first.locator("code").inner_text() == "8.01.03.2.01"
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=shots / f"cari-{width}x{height}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    first.click()

    kegiatan = Elemen.objects.filter(kode="8.01.03.2.01", versi__renstra__opd__pemda__kode="balangan").latest("pk")
    page.wait_for_url(f"**/renstra/versi/{kegiatan.versi_id}/#e-{kegiatan.pk}")
    row = page.locator(f"#e-{kegiatan.pk}")
    assert row.is_visible() and "Perumusan Kebijakan Teknis" in row.inner_text()

    everything = visible_rows(page)
    page.get_by_test_id("saring").fill("ketahanan EKONOMI")
    match = Elemen.objects.get(versi=kegiatan.versi, kode="8.01.05.2.01")
    ancestors = []
    node = match
    while node.parent_id:
        node = node.parent
        ancestors.append(f"e-{node.pk}")
    page.wait_for_function("() => document.querySelectorAll('tr.saring-sembunyi').length > 0")
    shown = visible_rows(page)
    assert f"e-{match.pk}" in shown
    assert set(ancestors) <= set(shown)  # the program, sasaran and tujuan above it stay visible
    assert f"e-{kegiatan.pk}" not in shown and len(shown) < len(everything) / 2
    assert "cocok" in page.locator("#saring-status").inner_text()
    page.get_by_test_id("saring").press("Escape")
    page.wait_for_function("() => document.querySelectorAll('tr.saring-sembunyi').length === 0")
    assert len(visible_rows(page)) == len(everything)


def test_help_page_from_the_realisasi_grid(page, site, shots):
    login(page, site.url, "perencana.blitar")
    page.get_by_role("link", name="Realisasi", exact=True).click()
    page.get_by_test_id("bantuan-link").click()
    page.wait_for_url("**/bantuan/realisasi/")
    assert page.get_by_role("heading", name="Realisasi", exact=True).is_visible()
    assert page.get_by_text("(2 × target − realisasi) ÷ target × 100%").is_visible()
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=shots / f"bantuan-{width}x{height}.png", full_page=False)
        page.screenshot(path=shots / f"bantuan-{width}x{height}-full.png", full_page=True)


def test_nomenklatur_picker_fills_code_and_name(page, site, shots):
    blitar = PerangkatDaerah.objects.get(pemda__kode="blitar")
    periode = Periode.objects.create(pemda=blitar.pemda, nama="RPJMD 2031–2035", tahun_awal=2031, tahun_akhir=2035)
    versi = RenstraVersi.objects.create(renstra=Renstra.objects.create(opd=blitar, periode=periode), nomor=1)
    tujuan = Elemen.objects.create(versi=versi, level=Level.TUJUAN, nama="Tujuan uji")
    sasaran = Elemen.objects.create(versi=versi, level=Level.SASARAN, parent=tujuan, nama="Sasaran uji")
    program = Elemen.objects.create(versi=versi, level=Level.PROGRAM, parent=sasaran, kode="8.01.03", nama="Program")
    kegiatan_2021 = Nomenklatur.objects.get(pemda=None, versi=Nomenklatur.Versi.V2021, kode="8.01.03.2.01")
    Nomenklatur.objects.get_or_create(  # the seed holds it in both versions already
        pemda=None,
        versi=Nomenklatur.Versi.V2023,
        kode=kegiatan_2021.kode,
        defaults={"tingkat": kegiatan_2021.tingkat, "nama": kegiatan_2021.nama},
    )
    login(page, site.url, "perencana.blitar")
    page.goto(f"{site.url}/renstra/versi/{versi.pk}/")
    row = page.locator(f"#e-{program.pk}")
    row.hover()
    row.locator("[data-act=create][data-level=kegiatan]").click()
    page.wait_for_selector("#modal-body form")
    page.locator("#modal-body #id_nomenklatur").fill("POLITIK pendidikan")
    picks = page.locator("#modal-body [data-nomenklatur-pick]")
    picks.first.wait_for()
    labels = page.locator("#modal-body [data-testid=nomenklatur-versi]").all_inner_texts()
    assert labels == ["Kepmendagri 900.1.15.5-1317/2023", "Kepmendagri 050-5889/2021"]  # the same code, each labelled
    page.screenshot(path=shots / "nomenklatur-1366x900.png")
    picks.nth(1).click()
    assert page.locator("#modal-body #id_kode").input_value() == "8.01.03.2.01"
    assert page.locator("#modal-body #id_nama").input_value().startswith("Perumusan Kebijakan Teknis")
    assert "050-5889/2021" in page.locator("#modal-body [data-nomenklatur-terpilih]").inner_text()
    page.locator("#modal-body button[type=submit]").click()
    page.locator("#editor").wait_for(state="hidden")
    saved = Elemen.objects.get(versi=versi, level=Level.KEGIATAN)
    assert (saved.kode, saved.nomenklatur_id) == ("8.01.03.2.01", kegiatan_2021.pk)
