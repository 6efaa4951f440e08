# AI Journal developer tasks. `make test` is what CI runs (see .ci/run).

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: all .venv install run test lint screenshots bench bench-peers bench-insights clean

all: test

# The virtual environment, (re)installed whenever pyproject.toml changes.
.venv: $(STAMP)
install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -U pip
	$(VENV)/bin/pip install -e '.[test]'
	touch $@

run: $(STAMP)
	$(VENV)/bin/aijournal

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -q $(PYTEST_ARGS)

# The formatter, the linter, the layer contracts (pyproject.toml [tool.importlinter]) and
# the types outside ui/ (mypy, [tool.mypy]).
lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# Every view in both themes at 1280x720 and at 200% on 1600x1000, each under its own Xvfb.
screenshots: $(STAMP)
	$(VENV)/bin/python scripts/screenshots.py --all

# The budgets of DESIGN.md (docs/benchmarks.md), with a private Secret Service for the key.
bench: $(STAMP)
	bench/with_secret_service.sh $(VENV)/bin/python bench/run.py $(ARGS)

# jrnl, the best-known peer, in a virtual environment of its own under bench/cache/.
bench-peers: $(STAMP)
	bench/with_secret_service.sh $(VENV)/bin/python bench/run.py --peers $(ARGS)

# Insights' false-finding rate, power and coverage on 4,000 simulated journals per cell
# (about half an hour on 2 cores); figures in docs/insights.md.
bench-insights: $(STAMP)
	$(VENV)/bin/python bench/insights_simulation.py --thorough --workers 2 --json bench/insights_results.json $(ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
