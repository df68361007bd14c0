"""A GET never writes domain data: every page reachable from the home page, opened by each demo role, leaves the
row count of every model of the project's apps (the audit log included) as it was.

The pages are found as a user finds them, by following the links of each page (same site, one visit per
path), starting from the home page and the rencana aksi and document pages of the demo PKs and OPDs.
Downloads of long documents (PDF, xlsx) are left out for time; they read only, as their tests show.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.urls import Resolver404, resolve, reverse

from kinerja.models import PerjanjianKinerja
from sakip.models import User

ROLES = [
    "admin.balangan",
    "perencana.balangan",
    "pimpinan.balangan",
    "evaluator.balangan",
    "perencana.setda.balangan",
    "admin.blitar",
    "perencana.blitar",
    "evaluator.blitar",
]
SKIP = re.compile(r"(/pdf/|\.pdf|xlsx|/unduh|/ekspor|/excel|/templat|/operator/|/keluar/|/static/|/media/|\?)")
HREF = re.compile(r'href="(/[^"#]*)"')


def _count_query() -> str:
    """One query for the row count of every table of the project's apps (one round trip per page)."""
    labels = ("sakip", "renstra", "pohon", "kinerja", "lkjip")
    tables = sorted(
        {
            m._meta.db_table
            for label in labels
            for m in apps.get_app_config(label).get_models(include_auto_created=True)
            if not m._meta.proxy and m._meta.managed
        }
    )
    return "SELECT " + ", ".join(f'(SELECT COUNT(*) FROM "{t}") AS "{t}"' for t in tables)


def _counts(sql: str) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        names = [c[0] for c in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def _crawl(client, starts: list[str]) -> set[str]:
    """Follow the links from ``starts``; each URL name is opened at most twice (two objects of a kind)."""
    sql = _count_query()
    seen: set[str] = set()
    per_name: Counter[str] = Counter()
    queue = list(starts)
    before = _counts(sql)
    while queue:
        url = queue.pop(0)
        path = urlsplit(url).path
        if path in seen or SKIP.search(url):
            continue
        seen.add(path)
        try:
            name = resolve(path).view_name
        except Resolver404:
            continue
        if per_name[name] >= 2:
            continue
        per_name[name] += 1
        response = client.get(url)
        after = _counts(sql)
        changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        assert not changed, f"GET {url} ({response.status_code}) changed row counts: {changed}"
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(HREF.findall(response.content.decode()))
    return set(per_name)


@pytest.mark.parametrize("username", ROLES)
def test_no_get_writes(client, demo_data, username):
    client.force_login(User.objects.get(username=username))
    client.raise_request_exception = False  # a page that fails is another test's concern; here only writes count
    starts = [reverse("home")]
    # Pages that once wrote on GET: the rencana aksi of each PK, the documents.
    starts += [reverse("kinerja:rencana_aksi_grid", args=[pk.pk]) for pk in PerjanjianKinerja.objects.all()]
    names = _crawl(client, starts)
    assert "home" in names and len(names) > 10, names
    if username.startswith(("perencana.b", "evaluator.")):
        assert {"kinerja:rencana_aksi_grid", "lkjip:lkjip_detail"} <= names, names
