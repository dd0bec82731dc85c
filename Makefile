# recordkeeper: the two commands a fresh machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint typecheck contracts unit bench clean example-share

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

example-share: $(STAMP)
	$(BIN)/recordkeeper demo-share var/share

# Runs the daemon on its embedded defaults: SQLite in var/, the example share in var/share.
run: example-share
	$(BIN)/recordkeeper run

lint: $(STAMP)
	$(BIN)/ruff check recordkeeper tests bench
	$(BIN)/ruff format --check recordkeeper tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

# The whole suite: lint, types, import contracts, then pytest.
test: $(STAMP)
	$(MAKE) lint typecheck contracts
	$(BIN)/pytest

unit: $(STAMP)
	$(BIN)/pytest tests/unit -q

bench: $(STAMP)
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
