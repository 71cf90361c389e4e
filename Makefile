# Two commands set everything up on a fresh machine:
#   make demo   installs what is missing, then checks the bundled demo site and writes a report
#   make test   installs what is missing, then runs the whole test suite, and the offline tests and a
#               --from-artifacts run on the lowest Python pyproject.toml declares (LOWEST)
PYTHON ?= python3
LOWEST ?= 3.10
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
VENV_LOWEST  := .venv-py$(LOWEST)
STAMP_LOWEST := $(VENV_LOWEST)/.installed

.PHONY: demo test test-lowest install browser bench clean

# Dependencies at the versions of constraints.txt, the ones the tests pass with.
$(STAMP): pyproject.toml setup.py constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --constraint constraints.txt -e '.[test]'
	touch $(STAMP)

# PYTHON_LOWEST names that Python; otherwise scripts/ensure-python.sh finds (or installs) one.
$(STAMP_LOWEST): pyproject.toml setup.py constraints.txt
	"$${PYTHON_LOWEST:-$$(bash scripts/ensure-python.sh $(LOWEST))}" -m venv $(VENV_LOWEST)
	$(VENV_LOWEST)/bin/python -m pip install -q --constraint constraints.txt -e '.[test]'
	touch $(STAMP_LOWEST)

install: $(STAMP) browser

browser: $(STAMP)
	PYTHON=$(PY) bash scripts/ensure-browser.sh

demo: install
	$(VENV)/bin/parity-check demo

test-lowest: $(STAMP_LOWEST)
	bash scripts/test-lowest-python.sh $(VENV_LOWEST)/bin/python

test: install test-lowest
	$(PY) -m pytest -q

bench: install
	$(PY) bench/throughput.py
	$(PY) bench/language_bench.py

clean:
	rm -rf $(VENV) $(VENV_LOWEST) build dist *.egg-info .pytest_cache
