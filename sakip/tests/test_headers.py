"""Defence in depth in the response headers: a Content-Security-Policy without inline script or style, no
caching of logged-in pages, a same-origin Referrer-Policy; and no template that would need an inline script or
an inline style."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from kinerja.models import PerjanjianKinerja
from pohon.models import PohonKinerja
from sakip.models import User

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Printed by WeasyPrint, never shown by a browser: they carry their own <style> and style= attributes.
PRINT_TEMPLATES = (
    "documents/**/*.html",
    "jinja2/documents/**/*.html",
    "kinerja/*_pdf.html",
    "pohon/pdf.html",
    "pohon/_pdf_tabel.html",
    "evaluasi/lhe_pdf.html",  # the LHE, printed by WeasyPrint (evaluasi.services)
)
INLINE_STYLE = re.compile(r"""<style\b[^>]*>|\sstyle\s*=\s*["']?[^"'>]*""", re.I)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_pages_carry_a_policy_without_inline_script(client, world):
    for response in (client.get(reverse("login")), _logged_in(client, world).get(reverse("home"))):
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
        assert policy["style-src"] == ["'self'"]  # no <style> elements either
        assert policy["style-src-attr"] == ["'none'"]  # nor style= attributes
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert response["Referrer-Policy"] == "same-origin"


def _logged_in(client, world):
    client.force_login(world.alice)
    return client


def test_logged_in_pages_are_not_stored(client, world):
    anonymous = client.get(reverse("home"))  # the way to the login page: nothing private in it
    assert anonymous.status_code == 302 and "no-store" not in anonymous.get("Cache-Control", "")
    client.force_login(world.alice)
    for name, args in (("home", []), ("sakip:opd_detail", [world.opd_a.pk])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], name


def test_no_template_has_an_inline_script_or_event_handler():
    """The policy would block them in the browser: behaviour goes into static/sakip/*.js with data- attributes."""
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
    handler = re.compile(r"\s(on[a-z]+|hx-on[:\w-]*)\s*=", re.I)
    javascript_url = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.I)
    found = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (inline_script, handler, javascript_url):
            found += [f"{path.relative_to(TEMPLATES)}: {m.group(0).strip()}" for m in pattern.finditer(text)]
    assert found == []


def _browser_templates() -> list[Path]:
    printed = set()
    for pattern in PRINT_TEMPLATES:
        matched = set(TEMPLATES.glob(pattern))
        assert matched, f"{pattern} names no template: update PRINT_TEMPLATES"
        printed |= matched
    return [path for path in TEMPLATES.rglob("*.html") if path not in printed]


def test_no_browser_template_has_an_inline_style():
    """The policy refuses style= attributes and <style> elements: looks are classes in static/sakip/sakip.css,
    a value computed per row a data- attribute (data-depth …) that sakip.css or base.js turns into a style."""
    found = []
    for path in _browser_templates():
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(TEMPLATES)}: {m.group(0).strip()}" for m in INLINE_STYLE.finditer(text)]
    assert found == []


def test_pages_with_server_drawn_svg_have_no_inline_style(client, demo_data):
    """The charts of the OPD dashboard and the pohon diagram are drawn on the server into the page: their SVG
    styles itself by presentation attributes and sakip.css classes, never a style= or a <style>."""

    pk = PerjanjianKinerja.objects.filter(status=PerjanjianKinerja.Status.DITANDATANGANI).first()
    pohon = PohonKinerja.objects.first()
    pages = [
        ("perencana.blitar", reverse("realisasi:opd_dashboard", args=[pk.opd_id, pk.tahun]), "<svg"),
        ("perencana.balangan", reverse("pohon:pohon_diagram", args=[pohon.pk]), "<svg"),
    ]
    for username, url, marker in pages:
        client.force_login(User.objects.get(username=username))
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200 and marker in html, url
        assert INLINE_STYLE.findall(html) == [], url
