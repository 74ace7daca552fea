# Two commands do all set-up on a fresh machine with Python 3.10+:
#   make serve   - the bundled example site at http://127.0.0.1:8000
#   make test    - lint, type-check and the whole test suite
# and CI's second job: make properdocs - the example site and the site tests under ProperDocs
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material prints an end-of-life notice on every build; the example site knows.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint bench fuzz tour properdocs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -m 'slow or not slow' $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

fuzz: $(STAMP)
	MADR_FUZZ_EXAMPLES=$${MADR_FUZZ_EXAMPLES:-100000} $(BIN)/python -m pytest tests/test_fuzz.py -q

# The Tour page's screenshots (docs/tour/), from the example site in Chromium.
tour: $(STAMP)
	$(BIN)/python tests/tour.py docs/tour

# The ProperDocs job of CI (.ci/properdocs); $(STAMP) gives it MkDocs' site to compare with.
properdocs: $(STAMP)
	PYTHON=$(PYTHON) MKDOCS_VENV=$(VENV) bash .ci/properdocs

clean:
	rm -rf $(VENV) .venv-properdocs site .pytest_cache .mypy_cache .ruff_cache
