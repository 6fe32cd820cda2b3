# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    start the dashboard on the demo data at http://127.0.0.1:8050
#   make test   install what the tests need (Chromium included) and run them all

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_INDEX := data/demo/index.json

.PHONY: run test lint demo bench browsers clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

$(DEMO_INDEX): | $(VENV)/.runtime
	$(BIN)/python -m dashboard.demo --out data/demo

demo: $(VENV)/.runtime
	$(BIN)/python -m dashboard.demo --out data/demo

run: $(VENV)/.runtime $(DEMO_INDEX)
	$(BIN)/python app.py

# Browser tests drive Debian's Chromium through its own chromedriver (no driver downloads).
browsers:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	fi

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(VENV)/.dev browsers lint
	$(BIN)/pytest

bench: $(VENV)/.dev $(DEMO_INDEX)
	$(BIN)/python -m benchmarks.parse_speed
	$(BIN)/python -m benchmarks.grid_and_detail
	$(BIN)/python -m benchmarks.fleet

clean:
	rm -rf $(VENV) data cache .pytest_cache .ruff_cache .mypy_cache
