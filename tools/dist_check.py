"""make dist-check: run the one-folder app that make dist built, as a player would.

From an empty folder outside the checkout, with a bare environment (no virtualenv, no
PYTHONPATH, PATH without this Python): ``--version``, ``validate``, a short seeded ``sim``,
and the window's first frame (on the X display if there is one, else SDL's dummy driver).
Prints each step's time; exits 1 at the first step that fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    app = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "spacerace" / "spacerace").resolve()
    if not app.is_file():
        print(f"{app}: not built (make dist)", file=sys.stderr)
        return 1
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    with tempfile.TemporaryDirectory() as folder:
        env = {"PATH": "/usr/bin:/bin", "HOME": folder, "SPACERACE_HOME": str(Path(folder) / "data"),
               "SDL_AUDIODRIVER": "dummy", "LANG": os.environ.get("LANG", "C.UTF-8")}
        if os.environ.get("DISPLAY"):
            env["DISPLAY"] = os.environ["DISPLAY"]
        else:
            env["SDL_VIDEODRIVER"] = "dummy"
        checks = [
            (["--version"], lambda out: out.strip() == f"spacerace {version}"),
            (["validate"], lambda out: out.startswith("OK: ")),
            (["sim", "--era", "rockets", "--games", "2", "--seed", "1", "--json"], lambda out: '"winner"' in out),
            (["play", "--side", "usa", "--era", "moon", "--seed", "4"],
             lambda out: "frame " in out and "ready " in out),
        ]
        for args, good in checks:
            start = time.perf_counter()
            result = subprocess.run([str(app), *args], cwd=folder, capture_output=True, text=True, timeout=120,
                                    env=dict(env, SPACERACE_EXIT_AFTER_FIRST_FRAME="1") if args[0] == "play" else env)
            took = time.perf_counter() - start
            ok = result.returncode == 0 and good(result.stdout) and "Traceback" not in result.stderr
            print(f"{'ok' if ok else 'FAILED':<7} {took * 1000:>6.0f} ms  spacerace {' '.join(args)}", flush=True)
            if not ok:
                print(result.stdout[-2000:], result.stderr[-2000:], sep="\n", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
