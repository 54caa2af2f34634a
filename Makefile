# UB-Lotse: two commands for a fresh machine (Python 3.11 + make): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install compile run test serve bench index clean browser

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 wird benötigt ($(PYTHON) nicht gefunden)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	@# uv resolves and installs in about 5 s where pip takes 25-35 s; pip takes over wherever uv
	@# cannot be had or fails. Both keep to the versions in constraints.txt. No byte-compiling of
	@# every installed module (about 15 s): Python compiles those it imports. The project is linked
	@# by a plain path (editable_mode=compat), not by setuptools' import hook, which every start of
	@# Python would load (some 15 ms of a cold `lotse ask`).
	@{ $(BIN)/pip install --quiet uv >/dev/null 2>&1 && \
	   $(BIN)/uv pip install --quiet --python $(BIN)/python -c constraints.txt -C editable_mode=compat -e ".[test]"; } || \
	 $(BIN)/pip install --quiet --no-compile -c constraints.txt --config-settings editable_mode=compat -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

# byte-compiled once here, so every start of `lotse` skips compiling the sources
# (also where PYTHONDONTWRITEBYTECODE is set); only changed files are compiled again
compile: $(STAMP)
	@$(BIN)/python -m compileall -q assistant knowledge tui >/dev/null

run: $(STAMP) compile
	$(BIN)/lotse

serve: $(STAMP)
	$(BIN)/lotse serve

# Debian's Chromium for the browser smoke test, where the machine allows installing it;
# otherwise that test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installiere Chromium für den Browser-Test …"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; } || \
	    echo "Chromium ließ sich nicht installieren: der Browser-Test wird übersprungen."; \
	  else echo "Chromium fehlt und kann hier nicht installiert werden: der Browser-Test wird übersprungen."; fi; }

# Chromium installs beside the test run (its log: .venv/browser-install.log): the browser tests come
# about a minute in (tests/conftest.py) and wait while the pending file exists. Idle workers take
# tests from the busy one (worksteal: 117-122 s against 130-152 s by file, 2 cores).
test:
	@$(MAKE) --no-print-directory install
	@$(MAKE) --no-print-directory compile
	@touch $(VENV)/.browser-pending
	@{ $(MAKE) --no-print-directory browser; rm -f $(VENV)/.browser-pending; } > $(VENV)/browser-install.log 2>&1 &
	LOTSE_BROWSER_PENDING=$(VENV)/.browser-pending $(BIN)/python -m pytest -q -rs -n auto --dist worksteal
	$(BIN)/lint-imports

bench: $(STAMP) compile
	$(BIN)/python -m assistant.bench

index: $(STAMP)
	$(BIN)/lotse index

clean:
	rm -rf $(VENV)
