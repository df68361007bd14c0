"""``manage.py bench_reliability [--seconds 60 --users 20 --workers 3 --think 1]``: Sakip under load, as served.

Issue 15's reliability benchmark. On PostgreSQL (the server of ``DATABASE_URL``, by default
postgres://postgres@127.0.0.1:5432; the database ``sakip_bench_reliability`` is created for the run and dropped
after it) it migrates, loads the demo, opens a draft Renstra perubahan for Balangan and Blitar and the current
quarter's realisasi window, collects the static files, and starts gunicorn on 127.0.0.1 with ``--workers``
workers in production mode (``DEBUG=0``, plain http, the Redis cache of ``--cache-url``). Then ``--users``
people log in through the real login form and, for ``--seconds``, each does what a planner, a head, an
evaluator or an admin does, pausing ``--think`` seconds on average between actions (0: no pause, a stress
test): reads (home, plan tree, target grid, realisasi grid, dashboards, PK pages, the public PK verification)
and grid saves (the draft's target grid, the open quarter of the realisasi grid: a few cells each, with the
token the page showed; two planners on one cell make a conflict, which is not an error). It prints
throughput, p50/p95/p99 latency per kind and overall, the errors (5xx, other unexpected answers, exceptions,
timeouts), the conflicts and the answers of the rate limit apart, and the load average of the machine.

A benchmark, not a test: the goal (0 errors, p95 under 300 ms on 2 cores) is read by a person. It talks only
to 127.0.0.1 and stops after ``--seconds`` (at most 600) and ``--max-requests``.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from psycopg2 import sql

from kinerja.models import JendelaRealisasi, PerjanjianKinerja
from renstra import services as renstra_services
from renstra.models import RenstraVersi
from sakip.audit import acting_as
from sakip.models import Pemda

BENCH_DB = "sakip_bench_reliability"
PASSWORD = "Sakip#Demo2024"  # the demo's (README, "Demo logins")
HOST = "127.0.0.1"
TIMEOUT = 30  # seconds a client waits for an answer before counting a timeout
NUMBER = re.compile(r"^-?[\d.]*(,\d+)?$")  # a cell showing a number (or nothing), in Indonesian format

# Who the users are, in turn: (username, pemda slug, planner?). Planners also save grids.
ROSTER = [
    ("perencana.balangan", "balangan", True),
    ("perencana.blitar", "blitar", True),
    ("evaluator.blitar", "blitar", False),
    ("pimpinan.balangan", "balangan", False),
    ("perencana.balangan", "balangan", True),
    ("perencana.blitar", "blitar", True),
    ("admin.blitar", "blitar", False),
    ("evaluator.balangan", "balangan", False),
    ("pimpinan.blitar", "blitar", False),
    ("admin.balangan", "balangan", False),
]


class Command(BaseCommand):
    help = "Uji keandalan: gunicorn di PostgreSQL, pengguna bersamaan membaca dan menyimpan grid (bukan tes)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=60, help="lama pengukuran (1–600 detik)")
        parser.add_argument("--users", type=int, default=20, help="pengguna bersamaan (1–100)")
        parser.add_argument("--workers", type=int, default=3, help="proses gunicorn")
        parser.add_argument("--think", type=float, default=1.0, help="jeda rata-rata antar tindakan (detik)")
        parser.add_argument("--max-requests", type=int, default=100_000)
        parser.add_argument("--cache-url", default=os.environ.get("CACHE_URL") or "redis://127.0.0.1:6379/1")
        parser.add_argument("--seed", type=int, default=15)
        parser.add_argument("--prepare", action="store_true", help=f"(internal) prepare {BENCH_DB}")

    def handle(self, *args, **options):
        if options["prepare"]:
            if settings.DATABASES["default"]["NAME"] != BENCH_DB:  # it opens drafts: never in a real database
                raise CommandError(f"--prepare runs only in the database {BENCH_DB}.")
            self.stdout.write(json.dumps(prepare()))
            return
        if not 1 <= options["seconds"] <= 600 or not 1 <= options["users"] <= 100 or options["workers"] < 1:
            raise CommandError("--seconds 1–600, --users 1–100, --workers ≥ 1.")
        if options["think"] < 0:
            raise CommandError("--think ≥ 0.")
        Bench(self.stdout, options).run()


# --- inside the bench database (a subprocess with DATABASE_URL pointing to it) ---------------------------------


def prepare() -> dict:
    """Open a draft perubahan per demo pemda and the current quarter's window; the pages each pemda's users visit."""
    today = timezone.localdate()
    pages: dict[str, dict] = {}
    with transaction.atomic(), acting_as(label="bench_reliability"):
        for slug, nama in (("balangan", "Kabupaten Balangan"), ("blitar", "Kabupaten Blitar")):
            pemda = Pemda.objects.get(nama=nama)
            berlaku = (
                RenstraVersi.objects.filter(renstra__opd__pemda=pemda, status=RenstraVersi.Status.DITETAPKAN)
                .select_related("renstra__opd", "renstra__periode")
                .order_by("pk")
                .first()
            )
            assert berlaku is not None, f"the demo has no Renstra ditetapkan for {nama}"
            opd = berlaku.renstra.opd
            periode = berlaku.renstra.periode
            draf = renstra_services.create_perubahan(berlaku)
            tahun = min(max(today.year, periode.tahun_awal), periode.tahun_akhir)
            triwulan = (today.month - 1) // 3 + 1 if tahun == today.year else 4
            JendelaRealisasi.objects.update_or_create(
                pemda=pemda, tahun=tahun, triwulan=triwulan, defaults={"terbuka": True}
            )
            pks = list(PerjanjianKinerja.objects.filter(opd__pemda=pemda).order_by("pk"))
            reads = [
                ("beranda", reverse("home")),
                ("pohon rencana", berlaku.get_absolute_url()),
                ("pohon rencana", draf.get_absolute_url()),
                ("grid target", reverse("renstra:target_grid", args=[berlaku.pk])),
                ("grid realisasi", reverse("realisasi:indikator_grid", args=[opd.pk, tahun])),
                ("dasbor", reverse("realisasi:opd_dashboard", args=[opd.pk, tahun])),
                ("dasbor", reverse("realisasi:opd_dashboard", args=[opd.pk, 2024])),
                ("dasbor", reverse("realisasi:pemda_dashboard", args=[tahun])),
                ("PK", reverse("kinerja:pk_list")),
                *[("PK", pk.get_absolute_url()) for pk in pks],
                *[("PK", reverse("kinerja:rencana_aksi_grid", args=[pk.pk])) for pk in pks[:1]],
            ]
            signed = [pk for pk in pks if pk.kode_verifikasi and pk.pdf_sha256]
            pages[slug] = {
                "reads": reads,
                "target": reverse("renstra:target_grid", args=[draf.pk]),
                "realisasi": reverse("realisasi:indikator_grid", args=[opd.pk, tahun]),
                "verifikasi": reverse("kinerja:pk_verifikasi", args=[signed[0].kode_verifikasi]) if signed else None,
                "tahun": tahun,
                "triwulan": triwulan,
            }
    return pages


# --- the load -----------------------------------------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # a redirect is an answer of its own (302 after login, after a POST)


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    status: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    errors: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    conflicts: int = 0
    cells_saved: int = 0
    cells_refused: int = 0
    requests: int = 0

    def add(self, kind: str, seconds: float, outcome: str) -> None:
        with self.lock:
            self.times[kind].append(seconds)
            self.status[kind][outcome] += 1
            self.requests += 1

    def error(self, text: str) -> None:
        with self.lock:
            if len(self.errors) < 20:
                self.errors.append(text)


class User:
    """One person in one browser: a cookie jar, the pages they visit, the grid they have open."""

    def __init__(self, bench: Bench, username: str, pages: dict, planner: bool, rng: random.Random):
        self.bench, self.username, self.pages, self.planner, self.rng = bench, username, pages, planner, rng
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect)
        self.reads: list[tuple[str, str]] = list(pages["reads"])
        self.grids: dict[str, tuple[str, dict[tuple[str, str], str]]] = {}  # kind → (csrf, {(id, kolom): token})

    def request(self, kind: str, path: str, data: bytes | None = None, headers: dict | None = None):
        """(status, body) of one request, timed and counted; (None, "") after an exception or a timeout."""
        bench = self.bench
        req = urllib.request.Request(f"{bench.base}{path}", data=data, headers=headers or {})  # noqa: S310 - http://127.0.0.1
        started = time.perf_counter()
        try:
            with self.opener.open(req, timeout=TIMEOUT) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as answer:
            status, body = answer.code, answer.read()
        except TimeoutError:
            bench.stats.add(kind, time.perf_counter() - started, "timeout")
            bench.stats.error(f"{kind} {path}: timeout after {TIMEOUT} s")
            return None, ""
        except (OSError, urllib.error.URLError) as error:
            bench.stats.add(kind, time.perf_counter() - started, "exception")
            bench.stats.error(f"{kind} {path}: {error!r}")
            return None, ""
        elapsed = time.perf_counter() - started
        expected = status in (200, 302) or (status == 409) or (kind == "verifikasi PK" and status == 429)
        outcome = str(status) if expected or status < 500 else "5xx"
        bench.stats.add(kind, elapsed, outcome)
        if not expected:
            bench.stats.error(f"{kind} {path}: HTTP {status}")
        return status, body.decode("utf-8", "replace")

    def login(self) -> bool:
        status, page = self.request("masuk", reverse("login"))
        token = csrf_of(page)
        if status != 200 or not token:
            return False
        form = urllib.parse.urlencode(
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        status, _ = self.request("masuk", reverse("login"), form, {"Content-Type": "application/x-www-form-urlencoded"})
        return status == 302

    def check_pages(self) -> None:
        """Drop the pages this role may not open (403/404 are its access rules at work, not errors)."""
        kept = []
        for kind, path in self.reads:
            status, _ = self.request("periksa", path)
            if status == 200:
                kept.append((kind, path))
        self.reads = kept

    def act(self) -> None:
        roll = self.rng.random()
        if self.planner and roll < 0.35:
            self.save_grid("target" if roll < 0.2 else "realisasi")
        elif roll > 0.98 and self.pages["verifikasi"]:
            self.request("verifikasi PK", self.pages["verifikasi"])
        elif self.reads:
            self.request(*self.rng.choice(self.reads))

    def load_grid(self, which: str) -> None:
        status, page = self.request(f"grid {which}", self.pages[which])
        if status != 200:
            self.grids.pop(which, None)
            return
        kolom = re.findall(r'<th[^>]*data-kolom="([^"]+)"', page)
        cells: dict[tuple[str, str], str] = {}
        for row_id, row in re.findall(r'<tr data-id="(\d+)">(.*?)</tr>', page, re.S):
            for name, attrs in zip(kolom, re.findall(r"<input([^>]*)>", row), strict=False):
                value = re.search(r'value="([^"]*)"', attrs)
                token = html.unescape(value.group(1)) if value else ""
                if "readonly" not in attrs and NUMBER.match(token):
                    cells[(row_id, name)] = token
        self.grids[which] = (csrf_of(page), cells)

    def save_grid(self, which: str) -> None:
        if which not in self.grids or self.rng.random() < 0.5:  # (re)open the grid, or save again from the page
            self.load_grid(which)
        if which not in self.grids or not self.grids[which][1]:
            return
        csrf, cells = self.grids[which]
        hot = sorted(cells)[:40]  # everyone edits the first rows: some edits meet
        chosen = self.rng.sample(hot, min(len(hot), self.rng.randint(1, 4)))
        body = {
            "cells": [
                {"indikator": i, "kolom": k, "value": f"{self.rng.randint(1, 999)},{self.rng.randint(0, 99):02d}",
                 "token": cells[(i, k)]}
                for i, k in chosen
            ]
        }  # fmt: skip
        status, text = self.request(
            f"simpan {which}",
            self.pages[which],
            json.dumps(body).encode(),
            {"Content-Type": "application/json", "X-CSRFToken": csrf},
        )
        if status != 200:
            return
        result = json.loads(text)
        stats = self.bench.stats
        with stats.lock:
            stats.cells_saved += len(result.get("saved", {}))
            stats.conflicts += len(result.get("conflicts", {}))
            stats.cells_refused += len(result.get("errors", {}))
        for key, shown in result.get("saved", {}).items():
            i, k = key.split(":", 1)
            cells[(i, k)] = shown  # the new token, as grid.js keeps it
        for key, conflict in result.get("conflicts", {}).items():
            i, k = key.split(":", 1)
            cells[(i, k)] = conflict["nilai"]  # theirs: saving again overwrites it deliberately
        for key, message in result.get("errors", {}).items():
            i, k = key.split(":", 1)
            cells.pop((i, k), None)  # a cell that takes no plain number (a predikat): left alone from now on
            with stats.lock:
                if len(stats.refused) < 5:
                    stats.refused.append(f"{which} {key}: {message}")

    def run(self, deadline: float, think: float) -> None:
        while time.monotonic() < deadline and self.bench.stats.requests < self.bench.max_requests:
            self.act()
            if think:
                time.sleep(min(think * self.rng.uniform(0.5, 1.5), max(0.0, deadline - time.monotonic())))


def csrf_of(page: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return match.group(1) if match else ""


def percentile(values: list[float], p: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


class Bench:
    def __init__(self, stdout, options: dict):
        self.out, self.options = stdout, options
        self.stats = Stats()
        self.max_requests = options["max_requests"]
        self.tmp = Path(tempfile.mkdtemp(prefix="sakip-bench-"))
        self.server = postgres_server()
        self.database_url = f"{self.server}/{BENCH_DB}"
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}},
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": self.database_url,
            "CACHE_URL": options["cache_url"],
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "BEHIND_PROXY": "0",
            "PROXY_COUNT": "0",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "TASK_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
        }

    def say(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    def manage(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 - this interpreter and manage.py, fixed arguments
            [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise CommandError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def run(self) -> None:
        gunicorn = None
        try:
            self.create_database()
            started = time.perf_counter()
            self.manage("migrate", "--noinput")
            self.manage("load_demo")
            pages = json.loads(self.manage("bench_reliability", "--prepare").strip().splitlines()[-1])
            self.manage("collectstatic", "--noinput")
            self.say(
                f"Basis data {BENCH_DB}: migrasi, demo, draf perubahan, statis: {time.perf_counter() - started:.0f} s"
            )
            gunicorn = self.start_gunicorn()
            self.load(pages)
        finally:
            if gunicorn is not None:
                self.stop_gunicorn(gunicorn)
            self.drop_database()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def create_database(self) -> None:
        with maintenance(self.server) as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(BENCH_DB)))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DB)))

    def drop_database(self) -> None:
        try:
            with maintenance(self.server) as cursor:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(BENCH_DB)))
        except psycopg2.Error as error:
            self.say(f"Basis data {BENCH_DB} tidak terhapus: {error}")

    def start_gunicorn(self) -> subprocess.Popen:
        workers = self.options["workers"]
        self.log = self.tmp / "gunicorn.log"
        command = [
            sys.executable, "-m", "gunicorn", "sakip.wsgi", "--bind", f"{HOST}:{self.port}",
            "--workers", str(workers), "--timeout", "60", "--chdir", str(settings.BASE_DIR),
        ]  # fmt: skip
        with open(self.log, "wb") as log:
            process = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        self.gunicorn_pid = process.pid
        for _ in range(300):
            if process.poll() is not None:
                raise CommandError(f"gunicorn stopped:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.base}{reverse('login')}", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        self.say(f"gunicorn: {workers} proses di {self.base} (DEBUG=0, cache {self.env['CACHE_URL']})")
                        return process
            except OSError:
                time.sleep(0.1)
        process.terminate()
        raise CommandError("gunicorn did not answer within 30 s")

    def stop_gunicorn(self, process: subprocess.Popen) -> None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def load(self, pages: dict) -> None:
        options = self.options
        rng = random.Random(options["seed"])  # noqa: S311 - a repeatable mix of actions, no secret
        users = []
        for n in range(options["users"]):
            username, slug, planner = ROSTER[n % len(ROSTER)]
            users.append(User(self, username, pages[slug], planner, random.Random(rng.random())))  # noqa: S311
        for user in users:
            if not user.login():
                raise CommandError(f"login of {user.username} failed (see {self.log})")
        for user in users:
            user.check_pages()
        warmup, self.stats = self.stats, Stats()  # what follows is measured
        load_before = os.getloadavg()
        seconds, think = options["seconds"], options["think"]
        self.say(
            f"{len(users)} pengguna masuk; {seconds} s, jeda rata-rata {think:g} s, beban mesin sebelum: "
            f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} ({os.cpu_count()} inti)"
        )
        server_cpu, client_cpu = cpu_seconds(self.gunicorn_pid), time.process_time()
        started = time.monotonic()
        deadline = started + seconds
        threads = [threading.Thread(target=user.run, args=(deadline, think), daemon=True) for user in users]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + TIMEOUT + 30)
        elapsed = time.monotonic() - started
        server_cpu, client_cpu = cpu_seconds(self.gunicorn_pid) - server_cpu, time.process_time() - client_cpu
        self.report(elapsed, load_before, os.getloadavg(), pages)
        if self.stats.requests:
            self.say(
                f"CPU gunicorn: {server_cpu:.1f} s = {server_cpu / self.stats.requests * 1000:.0f} ms per permintaan "
                f"(tanpa PostgreSQL); CPU klien (proses ini): {client_cpu:.1f} s; "
                f"{server_cpu / elapsed:.2f} dari {os.cpu_count()} inti dipakai gunicorn"
            )
        checked = ", ".join(f"{s}×{n}" for s, n in sorted(warmup.status["periksa"].items()))
        self.say(f"Sebelum pengukuran: masuk {dict(warmup.status['masuk'])}, halaman diperiksa per peran {checked}")
        if any(outcome not in {"200", "302", "403", "404"} for k in warmup.status for outcome in warmup.status[k]):
            self.say("Galat sebelum pengukuran:\n  " + "\n  ".join(warmup.errors))

    def report(self, elapsed: float, before, after, pages: dict) -> None:
        stats = self.stats
        ms = 1000
        self.say(f"\n{'jenis':<16} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'maks ms':>8}  jawaban")
        everything: list[float] = []
        for kind in sorted(stats.times, key=lambda k: -percentile(stats.times[k], 95)):
            times = stats.times[kind]
            if kind != "verifikasi PK":  # answered before any work once the limit is reached
                everything += times
            answers = ", ".join(f"{s}×{n}" for s, n in sorted(stats.status[kind].items()))
            self.say(
                f"{kind:<16} {len(times):>6} {percentile(times, 50) * ms:>8.0f} {percentile(times, 95) * ms:>8.0f} "
                f"{percentile(times, 99) * ms:>8.0f} {max(times) * ms:>8.0f}  {answers}"
            )
        if everything:
            self.say(
                f"{'semua':<16} {len(everything):>6} {percentile(everything, 50) * ms:>8.0f} "
                f"{percentile(everything, 95) * ms:>8.0f} {percentile(everything, 99) * ms:>8.0f} "
                f"{max(everything) * ms:>8.0f}  (tanpa verifikasi PK)"
            )
        counts: dict[str, int] = defaultdict(int)
        errors = 0
        for kind, per_kind in stats.status.items():
            for outcome, n in per_kind.items():
                counts[outcome] += n
                if outcome not in {"200", "302", "409"} and not (kind == "verifikasi PK" and outcome == "429"):
                    errors += n
        verified = stats.status["verifikasi PK"]
        self.say(
            f"\nThroughput: {stats.requests / elapsed:.1f} permintaan/s ({stats.requests} dalam {elapsed:.1f} s)\n"
            f"Galat: {errors} (5xx {counts['5xx']}, pengecualian {counts['exception']}, timeout {counts['timeout']}, "
            f"4xx lain {errors - counts['5xx'] - counts['exception'] - counts['timeout']})\n"
            f"Sel disimpan: {stats.cells_saved}; konflik (diubah orang lain, tidak ditimpa): {stats.conflicts}"
            f" + HTTP 409 {counts['409']}; sel ditolak: {stats.cells_refused}\n"
            f"Verifikasi PK publik: {verified['200']} dijawab, {verified['429']} dibatasi (30/menit per alamat, "
            f"dihitung bersama oleh {self.options['workers']} proses lewat cache)\n"
            f"Beban mesin (1/5/15 menit) sebelum {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
            f"sesudah {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}; {os.cpu_count()} inti"
        )
        if stats.refused:
            self.say("Contoh sel ditolak:\n  " + "\n  ".join(stats.refused))
        if stats.errors:
            self.say("Contoh galat:\n  " + "\n  ".join(stats.errors))
            log = self.log.read_text(errors="replace")
            if "Traceback" in log:
                self.say("Log gunicorn (akhir):\n" + log[-4000:])


def postgres_server() -> str:
    """postgres://user[:password]@host:port of DATABASE_URL when it is PostgreSQL, else the local server."""
    url = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", ""))
    if url.scheme not in {"postgres", "postgresql", "pgsql"}:
        return "postgres://postgres@127.0.0.1:5432"
    return f"postgres://{url.netloc}"


class maintenance:
    """A cursor on the server's ``postgres`` database, outside any transaction (CREATE/DROP DATABASE)."""

    def __init__(self, server: str):
        self.server = server

    def __enter__(self):
        try:
            self.connection = psycopg2.connect(f"{self.server}/postgres")
        except psycopg2.Error as error:
            raise CommandError(f"PostgreSQL at {self.server} is needed: {error}") from None
        self.connection.autocommit = True
        return self.connection.cursor()

    def __exit__(self, *exc):
        self.connection.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children now running (Linux /proc; 0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for p in [str(pid), *children]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0.0
    return total
