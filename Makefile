# Two commands set everything up on a fresh machine:
#   make demo   installs what is missing, then checks the bundled demo site and writes a report
#   make test   installs what is missing, then runs the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test install browser bench clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP) browser

browser: $(STAMP)
	PYTHON=$(PY) bash scripts/ensure-browser.sh

demo: install
	$(VENV)/bin/parity-check demo

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/throughput.py
	$(PY) bench/language_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
