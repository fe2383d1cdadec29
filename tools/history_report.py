"""Measure history against history: the table of docs/history-report.md.

    .venv/bin/python tools/history_report.py [--games 30] [--era campaign] [--workers 2] [--eras]

Plays ``--games`` seeded games (seeds 0 on) with the history rival on both sides, in
historical and in dynamic mode, and prints for every first history's side and month, the
median month, its distance from history's, and the games each side won it in. A first
whose median is more than ``--limit`` months off is marked; the exit status is 1 if any is.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import sim  # noqa: E402
from game.content import loader  # noqa: E402


def measure(content, era: str, games: int, mode: str, workers: int) -> list[dict]:
    return sim.run(content, era, "history", "history", games, 0, mode, workers=workers)["games"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=30)
    parser.add_argument("--era", default="campaign")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=6, help="months a median may be off history")
    parser.add_argument("--eras", action="store_true", help="also each era's games won, and history against the planner")
    args = parser.parse_args(argv)
    content = loader.load()
    runs = {mode: measure(content, args.era, args.games, mode, args.workers) for mode in ("historical", "dynamic")}
    print("| first | history | historical: median | off | USA | USSR | dynamic: median | off | USA | USSR |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    bad = []
    for first_id, first in content.firsts.items():
        history = sim.won_month(first.history.date)
        cells = [f"`{first_id}`", f"{first.history.side.upper()} {first.history.date}"]
        for mode, results in runs.items():
            won = [r["firsts"][first_id] for r in results if first_id in r["firsts"]]
            if not won:
                cells += ["never", "", "0", "0"]
                bad.append((first_id, mode, "never"))
                continue
            months = sorted(sim.won_month(w["date"]) for w in won)
            median = months[(len(months) - 1) // 2]
            off = median - history
            if abs(off) > args.limit:
                bad.append((first_id, mode, off))
            cells += [sim.month_text(median // 12, median % 12 + 1) + (" **!**" if abs(off) > args.limit else ""),
                      f"{off:+d} m", str(sum(w["side"] == "usa" for w in won)),
                      str(sum(w["side"] == "ussr" for w in won))]
        print("| " + " | ".join(cells) + " |")
    for mode, results in runs.items():
        wins = {s: sum(r["winner"] == s for r in results) for s in ("usa", "ussr", "none")}
        deaths = {s: statistics.fmean(r["deaths"][s] for r in results) for s in ("usa", "ussr")}
        print(f"\n{mode}: games won USA {wins['usa']}, USSR {wins['ussr']}, none {wins['none']}; "
              f"deaths a game USA {deaths['usa']:.1f}, USSR {deaths['ussr']:.1f}")
    if args.eras:
        print("\n| era | mode | USA | USSR | none | games |\n|---|---|---|---|---|---|")
        for era in ERAS:
            for mode in ("historical", "dynamic"):
                wins = _wins(measure(content, era, args.games, mode, args.workers))
                print(f"| {era} | {mode} | {wins['usa']} | {wins['ussr']} | {wins['none']} | {args.games} |")
        print("\n| era | history plays | history wins | planner wins | none |\n|---|---|---|---|---|")
        for era in ERAS:
            for side in ("usa", "ussr"):
                agents = {"usa": "history" if side == "usa" else "ai", "ussr": "history" if side == "ussr" else "ai"}
                games = sim.run(content, era, agents["usa"], agents["ussr"], 20, 0, "historical",
                                workers=args.workers)["games"]
                wins = _wins(games)
                other = "ussr" if side == "usa" else "usa"
                print(f"| {era} | {side} | {wins[side]} | {wins[other]} | {wins['none']} |")
    for first_id, mode, off in bad:
        print(f"off by more than {args.limit} months: {first_id} ({mode}): {off}")
    return 1 if bad else 0


ERAS = ("rockets", "satellites", "survival", "moon", "campaign")


def _wins(results: list[dict]) -> dict:
    return {s: sum(r["winner"] == s for r in results) for s in ("usa", "ussr", "none")}


if __name__ == "__main__":
    sys.exit(main())
