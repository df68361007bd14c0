"""In a real browser with the Content-Security-Policy enforced: each role's pages load without a violation (no
inline script, handler or <style> slipped in) and the behaviour moved out of the templates still works."""

from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command

from kinerja.models import PerjanjianKinerja
from sakip.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The demo's plan and pohon are Balangan's, its PK and realisasi Blitar's.
ROLES = [
    "perencana.balangan",
    "admin.balangan",
    "perencana.blitar",
    "evaluator.blitar",
    "pimpinan.blitar",
    "operator",
]
PAGES_PER_ROLE = 30
# Links not followed: they change data, download files or log out.
SKIP = ("/hapus", "/pdf", "/excel", "/unduh", "/keluar", "/xlsx", "/ekspor", "/cetak", "/media/", "/static/")


@pytest.fixture
def demo(live_server, page):
    call_command("load_demo", verbosity=0)
    page.set_default_timeout(15_000)
    return live_server


@pytest.fixture
def console_errors(page):
    """Every console error and uncaught exception of the page; a CSP violation is reported as one."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: uncaught {exc}"))
    return errors


def login(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/")


def links(page, base_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    found = []
    for href in hrefs:
        url = urljoin(page.url, href).split("#")[0]
        path = urlsplit(url).path
        if url.startswith(base_url) and not any(s in path for s in SKIP) and "." not in path.rsplit("/", 1)[-1]:
            found.append(url)
    return found


def crawl(page, base_url: str) -> list[str]:
    """The home page, every page it and the navigation link to, and the pages those link to, up to a limit."""
    seen: list[str] = []
    queue = [f"{base_url}/"]
    while queue and len(seen) < PAGES_PER_ROLE:
        url = queue.pop(0)
        key = urlsplit(url).path
        if key in {urlsplit(s).path for s in seen}:
            continue
        response = page.goto(url)
        seen.append(url)
        if response is not None and response.ok and "text/html" in response.headers.get("content-type", ""):
            page.wait_for_load_state("load")
            queue += links(page, base_url)
    return seen


def csp_violations(errors: list[str]) -> list[str]:
    return [e for e in errors if "Content Security Policy" in e or "Content-Security-Policy" in e]


def script_errors(errors: list[str]) -> list[str]:
    """Everything but an HTTP error status (a link to a missing page is not this test's subject)."""
    return [e for e in errors if "Failed to load resource" not in e]


@pytest.mark.parametrize("username", ROLES)
def test_main_pages_of_each_role_load_without_a_csp_violation(page, demo, console_errors, username):
    login(page, demo.url, username)
    seen = crawl(page, demo.url)
    assert len(seen) >= 5, seen
    assert csp_violations(console_errors) == []
    assert script_errors(console_errors) == []


def test_behaviour_moved_out_of_the_templates_still_works(page, demo, console_errors):

    # The PK list's year filter submits itself on change (was onchange=).
    login(page, demo.url, "perencana.blitar")
    page.goto(f"{demo.url}/pk/")
    year = str(PerjanjianKinerja.objects.values_list("tahun", flat=True).first())
    page.locator("#tahun").select_option(year)
    page.wait_for_url(f"**/pk/?tahun={year}")

    # The realisasi year menu opens the chosen year (was onchange="location = …").
    page.goto(f"{demo.url}/realisasi/")
    select = page.get_by_test_id("year-select").first
    other = select.locator("option:not([selected])").first
    target = other.get_attribute("value")
    select.select_option(target)
    page.wait_for_url(f"**{target}")

    # "Tambah peran" adds a role row to the user form (was an inline <script>).
    page.context.clear_cookies()
    login(page, demo.url, "admin.balangan")
    page.goto(f"{demo.url}/pengguna/baru/")
    rows = page.locator("#peran-table tbody tr")
    before = rows.count()
    page.get_by_role("button", name="Tambah peran").click()
    assert rows.count() == before + 1
    assert page.locator(f"#peran-table select[name$='-{before}-jenis']").count() == 1

    assert script_errors(console_errors) == []
