"""Sakip settings: one module, driven by environment variables (see README, "Configuration").

Every variable is parsed by ``sakip.lib.env``, which refuses values it cannot read.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sakip.lib.env import env_bool, env_cache, env_int, env_list, env_secret_key, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_secret_key(DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"CSRF_TRUSTED_ORIGINS entry {_origin!r} must start with http:// or https://.")

INSTALLED_APPS = [
    "sakip",
    "renstra",
    "kinerja",
    "lkjip",
    "pohon",
    "evaluasi",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "auditlog",
    "axes",
    "django_tables2",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: a body larger than any upload is refused (413) before anything reads it.
    "sakip.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The user's pemda's time zone (WIB/WITA/WIT), kept in the session at login.
    "sakip.zona.ZonaWaktuMiddleware",
    "sakip.middleware.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    # Every page needs a login unless its view says otherwise (login page, static files).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "sakip.middleware.HtmxFragmentMiddleware",
    "sakip.audit.AuditMiddleware",
    "sakip.middleware.IntegrityErrorMiddleware",
    # Last, so that it sees the outcome of authentication (django-axes' rule).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sakip.urls"
WSGI_APPLICATION = "sakip.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sakip.context_processors.navigation",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "sakip.jinja2.environment"},
    },
]

# SQLite in the project directory unless DATABASE_URL says otherwise (postgres://user@host:5432/name).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The PK verification rate limit (sakip.lib.client.allow) counts in this cache: with several gunicorn workers
# it must be one they share (CACHE_URL=redis://127.0.0.1:6379/1), else each worker counts on its own. Unset, a
# per-process memory cache (development, tests).
CACHES = {"default": env_cache("CACHE_URL")}

AUTH_USER_MODEL = "sakip.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: after AXES_FAILURE_LIMIT failures a username is locked for AXES_COOLOFF_MINUTES.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
# Reverse proxies in front of Django (nginx: 1); the client address is read from X-Forwarded-For only when
# this is above 0 (sakip.lib.client: django-ipware under both login throttling and the rate limiters).
PROXY_COUNT = env_int("PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "sakip.lib.client.client_ip"

# Sessions end after a working day of inactivity and when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60, minimum=300)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Production hardening; all on unless DEBUG. Behind a reverse proxy terminating TLS, the proxy must send
# X-Forwarded-Proto (README, "Production").
SECURE = not DEBUG
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", SECURE)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", SECURE)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", SECURE) else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SECURE else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): scripts and stylesheets from this site only, no inline script or event
# handler (behaviour is in static/sakip/*.js, declared with data- attributes), no <style> element and no style=
# attribute (looks are classes in static/sakip/sakip.css; a per-row value such as the indentation by depth is a
# data- attribute that sakip.css or base.js turns into a style through the CSSOM, which the policy allows).
# data: images: Bootstrap's icons in its CSS and the pohon diagram's PNG download.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [NONE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"

# Always Indonesian, whatever the browser asks for: pemda staff often run English-language browsers.
# Strings are marked for translation; serving English means adding a catalogue and LocaleMiddleware.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Numbers meant for people go through the |angka and |rupiah filters (sakip.lib.numbers); Django's own
# grouping would also turn years and ids in HTML attributes into "2.021".
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["sakip.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Request bodies are bounded before they are read (sakip.middleware): the largest upload is a 20 MB
# workbook (sakip.lib.workbook.MAX_BYTES); evidence files take 10 MB (kinerja.forms.BUKTI_MAKS). A body
# declaring more than the workbook plus the multipart envelope is answered 413 unread.
MAX_WORKBOOK_UPLOAD = 20 * 1024 * 1024
MAX_EVIDENCE_UPLOAD = 10 * 1024 * 1024
MAX_REQUEST_BODY = MAX_WORKBOOK_UPLOAD + 1024 * 1024
# A body that is not a file (form fields, a grid's JSON: 20,000 cells are about 1.5 MB) is held in memory
# up to this; more is RequestDataTooBig, answered 413 by sakip.middleware.bad_request.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded files larger than this are streamed to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

AUDITLOG_LOGENTRY_MODEL = "sakip.AuditEntry"
# Our AuditEntry replaces auditlog's LogEntry; auditlog's own migrations would still create its unused
# table, which then blocks TRUNCATE on PostgreSQL (it references django_content_type).
MIGRATION_MODULES = {"auditlog": None}
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True
AUDITLOG_DISABLE_REMOTE_ADDR = False

# Long documents render in the background. TASK_BACKEND=database queues them in the database for
# `manage.py db_worker` (README "Production"); the default, immediate, renders in the request, so
# development needs no worker.
TASK_BACKEND = env_str("TASK_BACKEND", "immediate")
if TASK_BACKEND not in {"immediate", "database"}:
    raise ImproperlyConfigured(f"TASK_BACKEND={TASK_BACKEND!r} is not one of immediate, database.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASK_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

# WeasyPrint lays a document out on one core: a document of more than PRINT_PARALLEL_MIN table cells
# (about two seconds of printing) is printed in parts by PRINT_WORKERS processes at once
# (lkjip.parallel); PRINT_WORKERS=1 prints every document in one go.
PRINT_WORKERS = env_int("PRINT_WORKERS", min(os.cpu_count() or 1, 4), minimum=1)
PRINT_PARALLEL_MIN = env_int("PRINT_PARALLEL_MIN", 2000, minimum=0)

ADMINS = [("Sakip", a) for a in env_list("ADMIN_EMAILS", [])]
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or not env_str("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "sakip@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The address printed on documents (the PK's verification QR code points to SITE_URL/pk/verifikasi/<kode>/)
# and in e-mails. Production sets it; unset, a PK signed in a request prints the address it was served at
# (sakip.lib.http.site_url) and e-mails use the development address.
SITE_URL_SET = bool(env_str("SITE_URL"))
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"SITE_URL={SITE_URL!r} must start with http:// or https://.")

LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"LOG_LEVEL={LOG_LEVEL!r} is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {name: {"level": "WARNING"} for name in ("axes", "weasyprint", "fontTools")},
}
