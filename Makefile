# The two commands of the README: `make run` and `make test`. Both start with `make install`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
PYTEST_ARGS ?=

.PHONY: install run test lint format serve bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

# Migrate, load the reference lists and the June 2022 meeting, create the demo accounts
# (only with DEBUG on) and serve. Safe to run again: existing data is kept.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference
	$(PY) manage.py load_seed
	$(PY) manage.py create_demo_users --if-debug
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff, and the import contracts of pyproject.toml ([tool.importlinter]): the layers of
# docs/architecture.md, and an importer that runs without Django.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Production-like serving: gunicorn, whitenoise-served static files, DEBUG off. Needs
# SECRET_KEY and ALLOWED_HOSTS in the environment (README, "Production deployment");
# WEB_CONCURRENCY sets the number of worker processes, GUNICORN_ARGS adds options.
GUNICORN_ARGS ?=
serve: install
	@test -n "$$SECRET_KEY" -a -n "$$ALLOWED_HOSTS" || { echo "make serve runs with DEBUG=0: set SECRET_KEY (50+ random characters) and ALLOWED_HOSTS (see README)" >&2; exit 2; }
	DEBUG=0 $(PY) manage.py collectstatic --noinput
	DEBUG=0 $(PY) manage.py migrate --noinput
	DEBUG=0 $(VENV)/bin/gunicorn webcert_forum.wsgi --bind $(HOST):$(PORT) \
		--workers $${WEB_CONCURRENCY:-$(WORKERS)} --timeout 120 --access-logfile - \
		--logger-class webcert_forum.gunicorn_logging.Logger $(GUNICORN_ARGS)

bench: install
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
