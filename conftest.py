"""Test-wide setup: safe environment defaults, fast hashing, plain static files, browser launch."""

# SECRET_KEY and DJANGO_ALLOW_ASYNC_UNSAFE (Playwright's sync API runs an event loop in the thread
# that also touches the ORM) are set by pytest-env from pyproject.toml, before Django loads settings.
import os
import shutil

import pytest

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
    import tempfile

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="sakip-media-")  # signed PDFs of tests land here


def pytest_collection_modifyitems(config, items):
    if HAVE_CHROMIUM:
        return
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
    from sakip.testing import make_world

    return make_world()
