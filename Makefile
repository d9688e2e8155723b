# MS relapse treatment portal: developer commands. Run `make` to list them.
#
# Every target sets up what it needs (virtualenv, npm packages, a PostgreSQL
# database via scripts/with-database) and skips the steps already done, so
# repeated runs are fast.

.DEFAULT_GOAL := help
.PHONY: help run serve test lint format bench backup restore clean venv node-modules chromium
.NOTPARALLEL:  # the set-up steps build on each other

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
WITH_DB := scripts/with-database
CHROMIUM_PATH ?= /usr/bin/chromium

# Recipes find the virtualenv's python, ruff and pytest first.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export CHROMIUM_PATH

help: ## List the targets
	@echo "Usage: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk -F ':.*## ' '{ printf "  %-8s %s\n", $$1, $$2 }'

run: venv ## Set up everything and serve the site on http://127.0.0.1:8000
	@DJANGO_SETTINGS_MODULE=relapse_portal.settings.dev $(WITH_DB) sh -ec '\
		python manage.py migrate --noinput; \
		python manage.py load_demo_content; \
		python manage.py create_demo_accounts; \
		python manage.py collectstatic --noinput -v0; \
		exec python manage.py runserver 127.0.0.1:8000'

serve: venv ## Production settings: gunicorn behind Varnish on http://127.0.0.1:8080 (PORT=...)
	@$(WITH_DB) python -m deploy.serve

# The settings module is given explicitly so a DJANGO_SETTINGS_MODULE left in
# the shell cannot override pyproject.toml's (pytest-django prefers the env).
test: venv node-modules chromium lint ## Lint, check migrations and run all tests (what CI runs)
	@export DJANGO_SETTINGS_MODULE=relapse_portal.settings.test; \
	$(WITH_DB) sh -ec '\
		python manage.py makemigrations --check --dry-run; \
		pytest'

lint: venv ## Check code style (ruff) and the apps' import layers (import-linter)
	ruff check .
	ruff format --check .
	lint-imports --no-cache

format: venv ## Reformat code and apply ruff's safe fixes
	ruff format .
	ruff check --fix .

bench: venv ## Time pages, glossary marking and search (1,000 pages) in process, then requests/s: nginx, bare Django, portal, Varnish
	@DJANGO_SETTINGS_MODULE=relapse_portal.settings.dev $(WITH_DB) sh -ec '\
		python manage.py migrate --noinput -v0; \
		python manage.py load_demo_content; \
		python manage.py benchmark_pages; \
		python manage.py benchmark_marking; \
		python manage.py benchmark_search; \
		python -m deploy.bench'


backup: venv ## Back up the database and uploaded files (ARCHIVE=file.tar.gz to choose where)
	$(WITH_DB) python manage.py backup $(ARCHIVE)

restore: venv ## Restore ARCHIVE=file.tar.gz into an empty database and media folder
	@if [ -z "$(ARCHIVE)" ]; then echo "Say which backup: make restore ARCHIVE=backup-....tar.gz" >&2; exit 1; fi
	$(WITH_DB) python manage.py restore $(ARCHIVE)

clean: ## Remove .venv, node_modules and staticfiles (keeps the local database)
	rm -rf $(VENV) node_modules staticfiles

# Creates .venv if missing or broken, then runs pip only when the requirement
# files changed since the last successful install (checksum kept in .venv).
venv:
	@set -e; \
	if ! $(VENV)/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		rm -rf $(VENV); \
		found=$$($(PYTHON) -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || echo "no working $(PYTHON)"); \
		if ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
			echo "Python 3.12+ is needed (found $$found); install it or use pyenv: the project's .python-version asks for 3.13" >&2; \
			exit 1; \
		fi; \
		echo "Creating $(VENV) with Python $$found"; \
		$(PYTHON) -m venv $(VENV); \
	fi; \
	sum=$$(cat requirements.txt requirements-dev.txt | cksum); \
	if [ "$$sum" != "$$(cat $(VENV)/.requirements.cksum 2>/dev/null)" ]; then \
		echo "Installing Python packages (requirements-dev.txt)"; \
		$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt; \
		echo "$$sum" > $(VENV)/.requirements.cksum; \
	fi

# npm ci only when package-lock.json changed (checksum kept in node_modules).
node-modules:
	@set -e; \
	if [ ! -f package.json ]; then exit 0; fi; \
	if [ ! -f package-lock.json ]; then \
		echo "package-lock.json is missing: run npm install and commit it" >&2; exit 1; \
	fi; \
	sum=$$(cksum < package-lock.json); \
	if [ "$$sum" != "$$(cat node_modules/.package-lock.cksum 2>/dev/null)" ]; then \
		echo "Installing npm packages (package-lock.json)"; \
		npm ci --no-audit --no-fund --loglevel=error; \
		mkdir -p node_modules && echo "$$sum" > node_modules/.package-lock.cksum; \
	fi

chromium:
	@if [ ! -x "$(CHROMIUM_PATH)" ]; then \
		echo "Chromium is needed for the browser tests: sudo apt-get install chromium (or set CHROMIUM_PATH)." >&2; \
		exit 1; \
	fi
