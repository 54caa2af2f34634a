# UB-Lotse: two commands for a fresh machine (Python 3.11 + make): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test serve bench index clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 wird benötigt ($(PYTHON) nicht gefunden)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/lotse

serve: $(STAMP)
	$(BIN)/lotse serve

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m assistant.bench

index: $(STAMP)
	$(BIN)/lotse index

clean:
	rm -rf $(VENV)
