# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
# `make run` shows the site as patients see it (its own error pages); DEBUG=true for tracebacks.
DEBUG ?= false
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

# Python 3.12 or newer: $PYTHON if given, then python3.14 … python3.12, python3, then pyenv's versions.
define find_python
for candidate in "$$PYTHON" python3.14 python3.13 python3.12 python3 \
    $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV); do \
  [ -n "$$candidate" ] || continue; \
  if "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    command -v "$$candidate" || echo "$$candidate"; exit 0; \
  fi; \
done; exit 1
endef

.PHONY: help run serve test flakecheck securitycheck lint format check install lock messages audit bench loadtest faults worker clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(PY):
	@python="$$( $(find_python) )" || { \
	  echo "This project needs Python 3.12 or newer, and none was found." >&2; \
	  echo "Install it (https://www.python.org/downloads/ or 'pyenv install 3.12'), or run: make PYTHON=/path/to/python3.12 ..." >&2; \
	  exit 1; }; \
	echo "Creating $(VENV) with $$python ($$("$$python" --version))"; \
	"$$python" -m venv $(VENV)

# requirements-dev.txt pins every package the site and its tools need, with hashes (`make lock`).
$(STAMP): requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	@touch $(STAMP)

lock: install ## After changing a dependency in pyproject.toml: pin it and everything it needs, with hashes
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
	  --no-emit-find-links --output-file=requirements.txt pyproject.toml
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
	  --no-emit-find-links --extra=dev --output-file=requirements-dev.txt pyproject.toml

# The site's words in each language, compiled from locale/*/LC_MESSAGES/django.po.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

$(MO_FILES): %.mo: %.po $(STAMP)
	@$(PY) manage.py compile_translations

install: $(STAMP) $(MO_FILES) ## Create .venv, install the project with its development tools, compile the translations

messages: install ## After changing marked text: update locale/es/LC_MESSAGES/django.po (needs GNU gettext)
	$(PY) manage.py makemessages -l es --no-obsolete --ignore=.venv --ignore=node_modules \
	  --ignore=tests --ignore=staticfiles --ignore=scripts --ignore=demo

# The address in the site's links (sitemap, feeds, e-mails). `make run` gives the site this
# machine's, http://127.0.0.1:$(PORT), only over an address that is local too (Wagtail's
# localhost:80, an earlier run's port): a real one from Settings › Sites is kept. SITE_URL=...
# (e.g. a tunnel's https address) is applied as given, as a deploy's `migrate` applies it.
RUN_URL = $(or $(SITE_URL),http://127.0.0.1:$(PORT))

run: install ## Set up the database and demo content, then serve the site on http://127.0.0.1:$(PORT)
	@echo "Setting up the database"
	@$(PY) manage.py migrate --noinput --verbosity 0
	@$(PY) manage.py load_demo_content
	@$(PY) manage.py set_site_address $(if $(SITE_URL),,--if-local) $(RUN_URL)
	@$(PY) manage.py ensure_demo_users --url $(RUN_URL)/admin/
	@echo "Serving the clinic on http://127.0.0.1:$(PORT)/ (the admin is at /admin/). Stop with Ctrl+C."
	@SITE_URL=$(RUN_URL) DEBUG=$(DEBUG) $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: install ## The site as production runs it (gunicorn, the task worker, Redis) on http://127.0.0.1:$(PORT)
	@PORT=$(PORT) $(PY) scripts/serve.py

# One test process per core (at most 4), each with its own test database and demo clinic.
TEST_PROCESSES ?= -n auto --maxprocesses 4

# The share of the site's lines the suite runs, printed after it (COVERAGE= to leave it out);
# CI fails below the floor of .ci/run (COVERAGE_FLOOR). Python's own monitoring keeps it cheap.
COVERAGE ?= --cov --cov-report=term:skip-covered $(if $(COVERAGE_FLOOR),--cov-fail-under=$(COVERAGE_FLOOR))

test: install ## Run the whole test suite (DATABASE_URL picks the database; SQLite by default)
	COVERAGE_CORE=sysmon $(PY) -m pytest $(TEST_PROCESSES) $(COVERAGE) $(PYTEST_ARGS)

RUNS ?= 5
flakecheck: install ## Run `make test` $(RUNS) times in a row with every core kept busy; all must pass
	$(PY) scripts/under_load.py $(RUNS) $(MAKE) --no-print-directory test

lint: install ## Check code style with ruff, and the layers of docs/architecture.md with import-linter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install ## Fix what ruff can fix
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django's system checks and a check for missing migrations
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

audit: install node_modules/.package-lock.json ## Lighthouse scores for every page type (or AUDIT_PAGES="home insurance"), served as in production
	$(PY) scripts/audit.py $(AUDIT_PAGES)

loadtest: install ## Production settings under gunicorn with 32 simulated patients for 60 s, then with Redis stopped for 10 s
	$(PY) scripts/loadtest.py

faults: install ## Each fault (Redis, PostgreSQL, SMTP, workers killed, disk full) for 15 s under load: a table (or FAULTS="redis-refused pg-hang", FAULTS=soak)
	FAULTS="$(FAULTS)" $(PY) scripts/faults.py

securitycheck: install ## 10,000 generated requests per database at gunicorn (0 × 5xx, all answered, no worker lost), then the role tests
	$(PY) scripts/securitycheck.py
	$(PY) -m pytest -q tests/home/test_staff_accounts.py tests/appointments/test_front_desk_reach.py

worker: install ## Run the task worker that sends e-mail outside requests (production: one beside the app server)
	$(PY) manage.py db_worker

bench: install ## Pages against the bare framework under gunicorn (needs wrk), search quality and latency, then admin screens
	$(PY) scripts/bench_pages.py
	$(PY) scripts/bench.py
	$(PY) scripts/bench_admin.py

clean: ## Remove .venv, node_modules, the SQLite database and collected files
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles .test-media .test-db .audit
