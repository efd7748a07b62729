# rapport: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core (npm) for the accessibility test, tests/test_a11y.py; pinned, installed into build/node/.
AXE_VERSION := 4.14.1
AXE := build/node/.axe-core-$(AXE_VERSION)

.DEFAULT_GOAL := help

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

# The environment is built with uv where it can be had (installed into the venv by pip, or on the
# PATH): several times faster than pip. Without it, plain pip does the same.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@if command -v uv >/dev/null || $(BIN)/pip install --quiet --disable-pip-version-check uv 2>/dev/null; then \
	  UV=$$(command -v uv || echo $(BIN)/uv); \
	  echo "$$UV pip install -e '.[dev]'"; $$UV pip install --quiet --python $(BIN)/python -e '.[dev]'; \
	else \
	  echo "pip install -e '.[dev]' (uv not available)"; \
	  $(BIN)/pip install --quiet --upgrade pip && $(BIN)/pip install --quiet -e '.[dev]'; \
	fi
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (rapport)" >/dev/null
	touch $(STAMP)

setup: $(STAMP) ## Create .venv and install rapport with its tools

report: $(STAMP) ## Render every params file under params/ into output/
	$(BIN)/rapport render --all

$(AXE):
	@if command -v npm >/dev/null; then \
	  npm install --no-save --no-audit --no-fund --silent --prefix build/node axe-core@$(AXE_VERSION) && touch $(AXE); \
	else echo "npm not found: tests/test_a11y.py will be skipped (install Node.js and npm)"; fi

test-tools: $(AXE) ## Install the test tools outside Python (axe-core from npm, into build/node/)

test: $(STAMP) test-tools ## Run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP) ## Check the code with ruff
	$(BIN)/ruff check src tests notebooks benchmarks

lab: $(STAMP) ## Start JupyterLab with the project's kernel
	cd notebooks && ../$(BIN)/jupyter lab

demo-data: $(STAMP) ## Regenerate the synthetic example data in data/example/
	$(BIN)/python -m rapportlib.demo data/example

clean: ## Remove generated output and the private build folder
	rm -rf output/*/ output/index.html build

.PHONY: help setup report test test-tools lint lab demo-data clean
