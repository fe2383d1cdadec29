# Each target makes .venv when it is missing, then installs the game into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test bench soak lint clean exploits

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/spacerace

lint: $(STAMP)
	$(BIN)/ruff check game tests tools

test: $(STAMP) lint
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/pytest

bench: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python tools/bench.py

# long runs: thousands of headless games with every invariant checked (not part of make test)
soak: $(STAMP)
	$(BIN)/python tools/soak.py
	$(BIN)/python tools/soak_ui.py

# crude strategies against the AI in every era and seat (long; not part of make test)
exploits: $(STAMP)
	$(BIN)/python tools/exploits.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
