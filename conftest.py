"""Test-wide setup: safe environment defaults, fast hashing, plain static files, browser launch, a fixed
"today", and the demo data loaded once per session (per xdist worker) for the tests that ask for it."""

# SECRET_KEY and DJANGO_ALLOW_ASYNC_UNSAFE (Playwright's sync API runs an event loop in the thread
# that also touches the ORM) are set by pytest-env from pyproject.toml, before Django loads settings.
import datetime
import os
import shutil
import zoneinfo
from io import StringIO

import pytest
import time_machine

pytest_plugins = ["tests.collection_gate"]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HAVE_CHROMIUM = shutil.which(CHROMIUM) is not None or os.path.exists(CHROMIUM)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config):
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    # Tests talk plain HTTP to "testserver" and to the live server on 127.0.0.1.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.AXES_ENABLED = False  # the throttling test turns it back on
    # load_demo leaves out printing and finalising the demo's Renstra and LKjIP (seconds per document, at
    # every load); a test that needs the finals calls lkjip.demo.load_finals().
    settings.DEMO_FINAL = False
    import tempfile

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="sakip-media-")  # signed PDFs of tests land here


# Every test runs on this day (time-machine; the clock ticks on from here): the demo's current year and
# quarter, default PK dates, "tahun berjalan" in forms and menus never move with the calendar. A test that
# needs another day moves the clock itself (the ``time_machine`` fixture's ``move_to``).
TODAY = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))


@pytest.fixture(autouse=True)
def _fixed_today():
    with time_machine.travel(TODAY, tick=True):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits count in Django's cache (per process): no test inherits another's counts."""
    from django.core.cache import cache

    yield
    cache.clear()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # The tests on the shared demo run first and one after the other, so one process loads the demo once.
    # Under xdist (``--dist loadfile``) a module's demo tests run together on one worker: one load per module.
    # (``--dist loadgroup`` would keep them all on one worker, but pytest-xdist 3.8's groups are lost on
    # pytest 9.2, which no longer reads the node id xdist rewrites.)
    demo = [item for item in items if "demo_data" in getattr(item, "fixturenames", ())]
    if demo:
        ids = {id(item) for item in demo}
        items[:] = demo + [item for item in items if id(item) not in ids]
    if HAVE_CHROMIUM:
        return
    if os.environ.get("CI") and any("e2e" in item.keywords for item in items):
        # CI installs Chromium: a browser test that cannot run there is a failure, not a skip.
        raise pytest.UsageError(f"Chromium not found at {CHROMIUM}: CI must run the browser tests.")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: end-to-end browser tests skipped")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if not HAVE_CHROMIUM:
        terminalreporter.write_line(
            f"NOTE: Chromium not found at {CHROMIUM}; the end-to-end browser tests were SKIPPED "
            "(apt-get install chromium to run them).",
            yellow=True,
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def world(db):
    """Two pemda, three OPD and one user per role (see sakip.testing.make_world)."""
    from sakip.testing import make_world  # conftest is imported before Django loads the apps

    return make_world()


class SharedDemo:
    """The demo data (``load_demo``) in a transaction held open under consecutive tests that ask for it.

    Each of those tests gets its own transaction on top (pytest-django's ``db``: a savepoint here), rolled
    back after it, so the demo every test sees is the freshly loaded one. The first test that does not ask
    for the demo rolls it back, so no other test ever sees it (tests counting rows or building their own
    world with ``make_world`` are safe); the collection order keeps the demo tests together.
    """

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    def open(self):
        if self.atomic is not None:
            return
        from django.core.management import call_command
        from django.db import connection, transaction

        with self.blocker.unblock():
            if connection.in_atomic_block:
                raise pytest.UsageError(
                    "demo_data must be set up before the test's own transaction: do not combine it with "
                    "@pytest.mark.django_db (it requests db itself) or with transactional_db/live_server"
                )
            atomic = transaction.atomic()
            atomic._from_testcase = True  # like Django's TestCase transactions: durable blocks may nest in it
            atomic.__enter__()
            try:
                call_command("load_demo", stdout=StringIO())
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        self.atomic = atomic

    def close(self):
        if self.atomic is None:
            return
        from django.db import transaction

        with self.blocker.unblock():
            # A connection closed under the demo (a transactional test's teardown) took its transaction with it:
            # then there is nothing left to roll back.
            if transaction.get_connection().in_atomic_block:
                transaction.set_rollback(True)
                self.atomic.__exit__(None, None, None)
        self.atomic = None


_shared_demo: SharedDemo | None = None


@pytest.fixture(scope="session")
def _demo_session(django_db_setup, django_db_blocker):
    global _shared_demo
    _shared_demo = SharedDemo(django_db_blocker)
    yield _shared_demo
    _shared_demo.close()
    _shared_demo = None


@pytest.fixture(autouse=True)
def _demo_switch(request, _fixed_today):
    """Opens the shared demo before a test that uses it (before its ``db``), closes it before one that does not."""
    if "demo_data" in request.fixturenames:
        request.getfixturevalue("_demo_session").open()
    elif _shared_demo is not None:
        _shared_demo.close()


@pytest.fixture
def demo_data(_demo_switch, db):
    """The demo data (``manage.py load_demo``), loaded once per session and rolled back after each test.

    Do not combine with ``transactional_db``, ``live_server`` or ``@pytest.mark.django_db``.
    """
    from django.db import connection

    assert _shared_demo is not None and _shared_demo.atomic is not None
    assert connection.atomic_blocks[0] is _shared_demo.atomic, "the demo's transaction must be the outermost"
