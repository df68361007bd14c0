"""In a real browser with the Content-Security-Policy enforced: each role's pages load without a violation (no
inline script, handler, <style> or style= attribute slipped in) and the behaviour and the looks moved out of the
templates still work."""

from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

from kinerja.models import PerjanjianKinerja
from lkjip.models import Cetakan, Dokumen
from pohon.diagram import WARNA
from pohon.models import PohonKinerja, Tingkat
from renstra.models import RenstraVersi
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


@pytest.fixture
def violations(page):
    """Every violation the policy reports in the page (its securitypolicyviolation event), script or style: a
    refused style= attribute, <style> element or style set with setAttribute included."""
    found: list[str] = []
    page.expose_function("reportCspViolation", lambda text: found.append(f"{page.url}: {text}"))
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (e) => window.reportCspViolation(
            `${e.effectiveDirective} ${e.sourceFile || ""}:${e.lineNumber} ${e.sample || ""}`));"""
    )
    return found


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


def settle(page) -> None:
    """Let the violation events of what the page just did reach the test."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 50))")


def csp_violations(errors: list[str]) -> list[str]:
    return [e for e in errors if "Content Security Policy" in e or "Content-Security-Policy" in e]


def script_errors(errors: list[str]) -> list[str]:
    """Everything but an HTTP error status (a link to a missing page is not this test's subject)."""
    return [e for e in errors if "Failed to load resource" not in e]


@pytest.mark.parametrize("username", ROLES)
def test_main_pages_of_each_role_load_without_a_csp_violation(page, demo, console_errors, violations, username):
    login(page, demo.url, username)
    seen = crawl(page, demo.url)
    settle(page)
    assert len(seen) >= 5, seen
    assert violations == []
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


def px(page, selector: str, prop: str) -> float:
    value = page.locator(selector).first.evaluate(f"(el) => getComputedStyle(el).{prop}")
    return float(value.removesuffix("px"))


def test_looks_moved_out_of_the_templates_still_apply(page, demo, console_errors, violations):
    """Indentation by depth, the pohon legend's colours, an HTMX-swapped modal and import preview, the progress
    bar: as they looked with style= attributes, and not one refused by the policy."""

    login(page, demo.url, "perencana.balangan")
    pohon = PohonKinerja.objects.first()
    # The builder's outline: 22 px a level (was style="margin-left: …px").
    page.goto(f"{demo.url}/pohon-kinerja/{pohon.pk}/")
    assert px(page, ".pohon-node[data-depth='0']", "marginLeft") == 0
    assert px(page, ".pohon-node[data-depth='2']", "marginLeft") == 44
    # The node form (an HTMX swap into the modal) sizes its columns by class.
    page.locator(".pohon-node[data-depth='1'] [title='Ubah']").first.click()
    page.wait_for_selector(".modal.show th.w-pct-32")
    # The diagram's legend takes each level's colours from the server (was style="background: …").
    page.goto(f"{demo.url}/pohon-kinerja/{pohon.pk}/diagram/")
    fill, stroke = WARNA[Tingkat.OUTCOME]
    swatch = page.locator(".pohon-legenda").first
    rgb = swatch.evaluate("(el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderTopColor]")
    assert rgb == [hex_to_rgb(fill), hex_to_rgb(stroke)]
    # The plan tree: 1.1 rem (17.6 px) a level, from the first row's 0.
    versi = RenstraVersi.objects.filter(renstra__opd=pohon.opd).first()
    page.goto(f"{demo.url}/renstra/versi/{versi.pk}/")
    assert px(page, "[data-testid=plan-tree] .indent[data-depth='0']", "paddingLeft") == 0
    assert px(page, "[data-testid=plan-tree] .indent[data-depth='2']", "paddingLeft") == pytest.approx(35.2)
    # Deeper than the stylesheet's classes: base.js sets the depth, on content HTMX swaps in too.
    page.evaluate(
        """() => {
          document.body.insertAdjacentHTML("beforeend", '<span id="deep" class="indent" data-depth="15">x</span>');
          htmx.trigger(document.getElementById("deep"), "htmx:load");
        }"""
    )
    assert px(page, "#deep", "paddingLeft") == 300
    # The import preview (an HTMX swap): its tree indented 1.25 rem a level.
    page.goto(f"{demo.url}/renstra/opd/{pohon.opd_id}/impor/")
    page.locator("select[name=periode]").select_option(index=1)
    page.locator("input[type=file]").set_input_files(str(settings.BASE_DIR / "fixtures" / "renstra_tc27_balangan.xlsx"))
    page.get_by_role("button", name="Unggah dan periksa").click()
    assert px(page, "[data-testid=import-tree] li[data-depth='1']", "paddingLeft") == 20
    # A document's rendering under way: the bar as wide as its progress.
    dokumen = Dokumen.objects.filter(opd=pohon.opd).first()
    cetakan = Cetakan.objects.create(dokumen=dokumen, sidik="0" * 64, status=Cetakan.Status.PROSES, progres=35)
    page.goto(f"{demo.url}/dokumen/")
    page.evaluate(f"htmx.ajax('GET', '/dokumen/cetakan/{cetakan.pk}/', {{target: 'main', swap: 'innerHTML'}})")
    page.wait_for_selector(".progress-bar")
    ratio = page.evaluate(
        "() => document.querySelector('.progress-bar').getBoundingClientRect().width"
        " / document.querySelector('.progress').getBoundingClientRect().width"
    )
    assert ratio == pytest.approx(0.35, abs=0.01)

    settle(page)
    assert violations == []
    assert script_errors(console_errors) == []


def hex_to_rgb(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"
