"""make bench, the window's part: runs game/ui/bench.py (launch time, frame time, idle CPU)."""

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
runpy.run_module("game.ui.bench", run_name="__main__")
