"""Shared steps of the journey tests (issue 16): a live demo site in Chromium at 1366×900, and screenshots of
the pages a journey passes through at 1366×900 and 1024×768 when ``SAKIP_SCREENSHOTS`` names a folder."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management import call_command

from sakip.demo import DEMO_PASSWORD

WIDE = {"width": 1366, "height": 900}
NARROW = {"width": 1024, "height": 768}


def open_site(live_server, page):
    """The demo loaded, the browser at 1366×900."""
    call_command("load_demo", verbosity=0)
    page.set_viewport_size(WIDE)
    page.set_default_timeout(15_000)
    return live_server


def login(page, url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{url}/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{url}/")


def shoot(page, name: str) -> None:
    """Full-page screenshots at both sizes into $SAKIP_SCREENSHOTS (nothing when it is not set)."""
    folder = os.environ.get("SAKIP_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for size in (WIDE, NARROW):
        page.set_viewport_size(size)
        page.screenshot(path=f"{folder}/{name}-{size['width']}.png", full_page=True)
    page.set_viewport_size(WIDE)
