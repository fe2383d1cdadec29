# Each target makes .venv when it is missing, then installs the game into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test bench soak lint clean exploits dist dist-check

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

# the one-folder desktop app, dist/spacerace/, that runs without Python (not part of make test: slow)
DIST_STAMP := $(VENV)/.dist-installed
APP := dist/spacerace

$(DIST_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[test,dist]'
	touch $(DIST_STAMP)

# what goes in, and why, is in tools/spacerace.spec; the icon is drawn by code: the window sets
# it itself, and the PNG beside the app is for `dist/spacerace/spacerace desktop` and file managers
dist: $(DIST_STAMP)
	rm -rf $(APP) build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller tools/spacerace.spec
	$(BIN)/python -c "from game.ui import icon; icon.save_png('$(APP)/spacerace.png')"
	cp LICENSE $(APP)/
	du -sh $(APP)

dist-check:
	$(PYTHON) tools/dist_check.py $(APP)/spacerace

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
