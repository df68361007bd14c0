# Sakip: one obvious target for each thing. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist); a module stays on one of them (--dist loadfile), so its demo tests share one demo.
WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(WORKERS) --dist loadfile

.PHONY: run demo test test-fast bench bench-reliability lint format check migrations messages clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

## run: the app with demo data on SQLite at http://127.0.0.1:8000 (development mode)
run: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_demo --url http://$(HOST):$(PORT)/
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

## demo: (re)load the demo data only
demo: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_demo

## test: the whole suite (DATABASE_URL=postgres://postgres@127.0.0.1:5432/test make test for PostgreSQL)
test: $(STAMP)
	$(PYTEST)

## test-fast: the suite without the browser tests
test-fast: $(STAMP)
	$(PYTEST) -m "not e2e"

## bench: page times and query counts on a large plan, Excel import on 5,000 rows, realisasi dashboards of 50 OPD, document rendering
bench: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py bench_renstra
	DEBUG=1 $(BIN)/python manage.py bench_import
	DEBUG=1 $(BIN)/python manage.py bench_delete
	DEBUG=1 $(BIN)/python manage.py bench_realisasi
	DEBUG=1 $(BIN)/python manage.py bench_realisasi_upload
	DEBUG=1 $(BIN)/python manage.py bench_documents

## bench-reliability: gunicorn (3 workers, DEBUG=0) on PostgreSQL and Redis, 20 logged-in users reading and saving grids for 60 s
## (needs PostgreSQL at DATABASE_URL's server, default 127.0.0.1:5432, and Redis at CACHE_URL, default 127.0.0.1:6379/1)
SECONDS_BENCH ?= 60
bench-reliability: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py bench_reliability --seconds $(SECONDS_BENCH)

## lint: ruff (lint and format check), mypy, import layering, template indentation (djhtml); runs every check, fails if any failed
lint: $(STAMP)
	@status=0; \
	echo "== ruff check"; $(BIN)/ruff check . || status=1; \
	echo "== ruff format --check"; $(BIN)/ruff format --check . || status=1; \
	echo "== mypy"; DEBUG=1 $(BIN)/mypy || status=1; \
	echo "== lint-imports"; $(BIN)/lint-imports || status=1; \
	echo "== djhtml --check"; $(BIN)/djhtml --check templates || status=1; \
	exit $$status

## format: ruff fix and format, djhtml on the templates
format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	git ls-files 'templates/*.html' | xargs $(BIN)/djhtml

## check: Django's checks and missing migrations
check: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py check
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

migrations: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemigrations

## messages: refresh the English catalogue (the source language is Indonesian)
messages: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles
	DEBUG=1 $(BIN)/python manage.py compilemessages -l en

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
