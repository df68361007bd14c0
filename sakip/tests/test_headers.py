"""Defence in depth in the response headers: a Content-Security-Policy without inline script, no caching of
logged-in pages, a same-origin Referrer-Policy; and no template that would need an inline script."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_pages_carry_a_policy_without_inline_script(client, world):
    for response in (client.get(reverse("login")), _logged_in(client, world).get(reverse("home"))):
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
        assert policy["style-src"] == ["'self'"]  # no <style> elements either
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
