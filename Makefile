# Two commands set up a fresh machine and do the work:
#   make example   check the example cables shipped in tests/data
#   make test      run the test suite (set CABLEMODEL_CORPUS to include the corpus tests)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: example test lint grammar docs clean

$(BIN)/cablemodel: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e . --group dev
	touch $@

example: $(BIN)/cablemodel
	$(BIN)/cablemodel check --statistics --exit-zero tests/data

test: $(BIN)/cablemodel
	$(BIN)/python -m pytest

lint: $(BIN)/cablemodel
	$(BIN)/ruff check src tests benchmarks fuzz tools
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# after editing grammar/cable.lark: ship a copy and regenerate the parser tables
grammar: $(BIN)/cablemodel
	cp grammar/cable.lark src/cablemodel/grammar/cable.lark
	$(BIN)/python tools/generate_parser_tables.py

# the documentation site in site/, built strictly: a warning fails the build (not with
# --quiet, which hides the warnings that strict mode counts)
docs: $(BIN)/cablemodel
	$(BIN)/python -m pip install --quiet --group docs
	$(BIN)/python tools/generate_rule_docs.py --check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
