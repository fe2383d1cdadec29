"""Write docs/balance.md: the balance targets of the race, measured with `spacerace sim`.

    python tools/balance.py [GAMES]      (default 200; re-run after any rule change)

Every figure comes from a command line printed beside it, so anyone can reproduce it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "balance.md"
ERAS = ("rockets", "satellites", "survival", "moon", "campaign")
GOALS = {"rockets": "first_own_rocket", "satellites": "first_satellite", "survival": "first_human_in_space",
         "moon": "first_crewed_landing", "campaign": "first_crewed_landing"}


def sim(*args: str) -> tuple[str, dict]:
    command = ["spacerace", "sim", *args, "--workers", "2", "--json"]
    out = subprocess.run([sys.executable, "-m", "game", *command[1:]], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return " ".join(command), json.loads(out)


def rate(report: dict, side: str) -> str:
    entry = report["summary"]["win_rate"][side]
    low, high = entry["ci95"]
    return f"{entry['rate']:.0%} ({low:.0%}-{high:.0%})"


def reached(report: dict, first: str) -> str:
    games = report["games"]
    return f"{sum(first in g['firsts'] for g in games) / len(games):.0%}"


def main() -> int:
    games = sys.argv[1] if len(sys.argv) > 1 else "200"
    lines = ["# Balance", "",
             "Measured with the headless simulator by `tools/balance.py`; re-run it after any rule change.",
             "Rates are shares of games, with 95 % Wilson intervals. Each row's command reproduces it.", ""]

    lines += ["## Equal AIs", "", "| era | mode | USA wins | USSR wins | goal reached | median date |"
              " deaths a game (USA / USSR) | command |", "|---|---|---|---|---|---|---|---|"]
    for era in ERAS:
        for mode in ("historical", "dynamic"):
            command, report = sim("--era", era, "--mode", mode, "--games", games)
            goal = GOALS[era]
            median = report["summary"]["firsts"].get(goal, {}).get("median_date", "never")
            deaths = report["summary"]["deaths_per_game"]
            lines.append(f"| {era} | {mode} | {rate(report, 'usa')} | {rate(report, 'ussr')} | "
                         f"{reached(report, goal)} | {median} | {deaths['usa']} / {deaths['ussr']} | `{command}` |")
            print(lines[-1], flush=True)

    lines += ["", "## The normal AI against a random player", "",
              "| era | AI plays | AI wins | command |", "|---|---|---|---|"]
    for era in ERAS:
        for side, other in (("usa", "ussr"), ("ussr", "usa")):
            command, report = sim("--era", era, f"--{side}", "ai", f"--{other}", "random", "--games", games)
            lines.append(f"| {era} | {side.upper()} | {rate(report, side)} | `{command}` |")
            print(lines[-1], flush=True)

    lines += ["", "## Hard against normal", "", "| era | hard plays | hard wins | command |", "|---|---|---|---|"]
    for era in ERAS:
        for side, other in (("usa", "ussr"), ("ussr", "usa")):
            command, report = sim("--era", era, f"--{side}", "ai:hard", f"--{other}", "ai", "--games", games)
            lines.append(f"| {era} | {side.upper()} | {rate(report, side)} | `{command}` |")
            print(lines[-1], flush=True)

    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
