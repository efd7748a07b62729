# rapport: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (rapport)" >/dev/null
	touch $(STAMP)

setup: $(STAMP) ## Create .venv and install rapport with its tools

report: $(STAMP) ## Render every params file under params/ into output/
	$(BIN)/rapport render --all

test: $(STAMP) ## Run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP) ## Check the code with ruff
	$(BIN)/ruff check src tests notebooks benchmarks

lab: $(STAMP) ## Start JupyterLab with the project's kernel
	cd notebooks && ../$(BIN)/jupyter lab

demo-data: $(STAMP) ## Regenerate the synthetic example data in data/example/
	$(BIN)/python -m rapportlib.demo data/example

clean: ## Remove generated output and the private build folder
	rm -rf output/*/ output/index.html build

.PHONY: help setup report test lint lab demo-data clean
