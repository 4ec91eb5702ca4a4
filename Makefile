# Effectif — the commands of the README.
#   make run    set up, migrate SQLite under var/, load the demo, serve http://127.0.0.1:$(PORT)
#               with the task worker beside the development server
#   make test   set up, lint, type-check, check layers and migrations, run the whole suite
#   make serve  production: migrate, collect static files, gunicorn and the task worker
#               (configured by the EFFECTIF_* variables of docs/production.md)
#   make backup / make restore ARCHIVE=…   a backup of the database, files and key, and back
#   make bench  the benchmarks, with their sizes and figures printed
#   make lint   ruff, mypy, import-linter, makemigrations --check

PORT ?= 8000
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py

.PHONY: setup run serve backup restore test lint bench test-postgres browser clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed
	@true

browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get install -y -q chromium >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null)); \
	  else echo "Chromium est absent : installez le paquet Debian « chromium »."; exit 1; fi; }

run: setup
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --no-input -v 0
	$(MANAGE) serve --dev --bind 127.0.0.1:$(PORT)

serve: setup
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) collectstatic --no-input -v 0
	$(MANAGE) check --deploy
	$(MANAGE) serve

backup: setup
	$(MANAGE) backup

restore: setup
	@test -n "$(ARCHIVE)" || { echo "Indiquez l'archive : make restore ARCHIVE=var/backups/…tar.gz"; exit 1; }
	$(MANAGE) restore "$(ARCHIVE)"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy effectif
	$(BIN)/lint-imports
	$(MANAGE) makemigrations --check --dry-run

test: lint browser
	$(BIN)/pytest -n 2

# The database tests again on PostgreSQL (used by .ci/run).
test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	  $(BIN)/pytest -n 2 -m "not browser"

bench: setup
	$(PY) -m effectif.bench

clean:
	rm -rf $(VENV) node_modules var
