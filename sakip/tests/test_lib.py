"""Settings parsing and Indonesian number formatting."""

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sakip.lib import http
from sakip.lib.env import env_bool, env_cache, env_int, env_list, env_secret_key
from sakip.lib.numbers import format_number, format_rupiah
from sakip.lib.periode import Triwulan, long_date, roman, roman_numeral

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("raw,expected", [("1", True), ("true", True), ("Yes", True), ("0", False), ("off", False)])
def test_env_bool_reads_common_spellings(raw, expected):
    assert env_bool("X", not expected, {"X": raw}) is expected


def test_env_bool_default_when_unset():
    assert env_bool("X", True, {}) is True


def test_env_bool_refuses_nonsense():
    with pytest.raises(ImproperlyConfigured, match="DEBUG='ture' is not a boolean"):
        env_bool("DEBUG", False, {"DEBUG": "ture"})


def test_env_int():
    assert env_int("N", 5, {"N": " 12 "}) == 12
    assert env_int("N", 5, {}) == 5
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("N", 5, {"N": "12a"})
    with pytest.raises(ImproperlyConfigured, match="below the minimum"):
        env_int("N", 5, {"N": "0"}, minimum=1)


def test_env_list():
    assert env_list("H", ["a"], {"H": "sakip.example.go.id, ,localhost"}) == ["sakip.example.go.id", "localhost"]
    assert env_list("H", ["a"], {}) == ["a"]


def test_secret_key_rules():
    assert env_secret_key(True, {}).startswith("django-insecure")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        env_secret_key(False, {})
    with pytest.raises(ImproperlyConfigured, match="at least 50"):
        env_secret_key(False, {"SECRET_KEY": "short"})
    assert env_secret_key(False, {"SECRET_KEY": "k" * 60}) == "k" * 60


def test_cache_url_redis_or_memory():
    assert env_cache("CACHE_URL", {})["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    for url in ("redis://127.0.0.1:6379/1", "rediss://:secret@cache.example.go.id:6380", "redis://localhost"):
        assert env_cache("CACHE_URL", {"CACHE_URL": f" {url} "}) == {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
        }


@pytest.mark.parametrize(
    "raw", ["127.0.0.1:6379", "memcached://127.0.0.1:11211", "redis://127.0.0.1:63a9/1", "redis:///1", "redis://h/x"]
)
def test_cache_url_refuses_a_malformed_address(raw):
    with pytest.raises(ImproperlyConfigured, match=r"^CACHE_URL=.* \(e\.g\. redis://127\.0\.0\.1:6379/1\)\.$"):
        env_cache("CACHE_URL", {"CACHE_URL": raw})


CONFIG_VARIABLES = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "p" * 30 + "-production-secret-for-the-deploy-check-only",
    "ALLOWED_HOSTS": "sakip.balangankab.go.id",
    "CSRF_TRUSTED_ORIGINS": "https://sakip.balangankab.go.id",
}


def test_deploy_check_is_clean_with_documented_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_server_refuses_to_start_on_a_bad_value():
    result = _manage("check", **{**PRODUCTION, "DEBUG": "ture"})
    assert result.returncode != 0
    assert "DEBUG='ture' is not a boolean" in result.stderr


def test_settings_read_cache_url():
    result = _manage("diffsettings", **{**PRODUCTION, "CACHE_URL": "redis://127.0.0.1:6379/1"})
    assert result.returncode == 0, result.stderr
    assert "'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': 'redis://127.0.0.1:6379/1'" in (
        result.stdout
    )
    result = _manage("check", **{**PRODUCTION, "CACHE_URL": "127.0.0.1:6379"})
    assert result.returncode != 0
    assert "CACHE_URL='127.0.0.1:6379' is not a redis:// or rediss:// address" in result.stderr


def test_server_refuses_to_start_without_secret_in_production():
    result = _manage("check", **{k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize(
    "value,places,expected",
    [
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("62.56"), 2, "62,56"),
        (Decimal("0.005"), 2, "0,01"),  # half up, as documents round
        (Decimal("-1234.5"), 1, "-1.234,5"),
        (Decimal("-0.001"), 2, "0,00"),
        (2897729010, 0, "2.897.729.010"),
        (None, 2, ""),
    ],
)
def test_format_number(value, places, expected):
    assert format_number(value, places) == expected


def test_format_rupiah():
    assert format_rupiah(Decimal("2897729010")) == "Rp 2.897.729.010"
    assert format_rupiah(Decimal("1234567.89"), 2) == "Rp 1.234.567,89"


def test_templates_print_indonesian_numbers_and_dates(settings):
    from datetime import date

    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load sakip_tags %}{{ n|angka }}|{{ n|rupiah }}|{{ d|date }}|{{ y }}|{{ pk }}")
    with translation.override("id"):
        out = template.render(Context({"n": Decimal("1234567.89"), "d": date(2024, 1, 2), "y": 2024, "pk": 1234}))
    assert out == "1.234.567,89|Rp 1.234.568|2 Januari 2024|2024|1234"


def test_quarters_and_roman_numerals():
    import datetime

    from django.utils import translation

    assert [t.label for t in Triwulan] == ["TW I", "TW II", "TW III", "TW IV"]
    assert [roman(q) for q in (1, "2", 3, 4)] == ["I", "II", "III", "IV"]
    assert [roman_numeral(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    with translation.override("en"):  # official dates are Indonesian whoever reads them
        assert long_date(datetime.date(2024, 1, 2)) == "2 Januari 2024"
    assert long_date(datetime.date(2025, 12, 31)) == "31 Desember 2025"


def test_sakip_imports_no_domain_app():
    """sakip ← renstra ← pohon ← kinerja ← lkjip: the core (and its lib) never reaches to the right."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    domain = {"renstra", "pohon", "kinerja", "lkjip"}
    found = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            found += [f"{path.relative_to(root)}: {n}" for n in names if n.split(".")[0] in domain]
    assert found == []


def test_a_download_keeps_a_name_outside_ascii():

    response = http.download(b"%PDF-", "Renstra Badan–Kesbangpol.pdf", http.PDF, inline=True)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''Renstra%20Badan%E2%80%93")
    saved = http.download(b"x", "Tabel.xlsx", http.XLSX)
    assert saved["Content-Disposition"] == 'attachment; filename="Tabel.xlsx"'
