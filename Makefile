# `make run` and `make test` each set up everything they need in .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench bench-check screenshots clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# --retries 1: offline, the unreachable torch page of requirements.txt costs seconds, not
	# the ~90 s of pip's five backed-off retries per package (the wheel may lie on disk)
	$(BIN)/pip install --quiet --retries 1 -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.port 8501

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n 2 --timeout 600

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

bench-check: $(STAMP)
	$(BIN)/python -m benchmarks.budget

# Screenshots of every page (English, Chinese, presentation mode) for the README's gallery.
screenshots: $(STAMP)
	$(BIN)/pytest tests/e2e -k "fresh_server or redraws or presentation" -p no:cacheprovider
	$(BIN)/python docs/gallery.py

clean:
	rm -rf $(VENV)
