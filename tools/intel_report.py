"""Write docs/intelligence.md: how often the file's bands hold the truth, how wide they are
at each level of spending, and whether the AI plays much the same reading only its file.

    python tools/intel_report.py [GAMES]     (default 40 games per era and level; one process)

Coverage counts every (side, rival programme, quarter) the files hold: inside when the
band's low <= the true reliability <= its high. Both sides spend the same share of their
budget on intelligence in a level's games. The AI check plays normal against normal with
the AI reading its file (as it does) and, for comparison, reading the rival's true record
of flights (as it did before the file), on the same seeds.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game import sim  # noqa: E402
from game.ai import make_agent, planner  # noqa: E402
from game.content import loader  # noqa: E402
from game.core import intel  # noqa: E402
from game.core.game import Game  # noqa: E402
from game.core.state import SIDES, rival_of  # noqa: E402

OUT = ROOT / "docs" / "intelligence.md"
ERAS = ("satellites", "survival", "moon")
LEVELS = (0.0, 0.025, 0.05, 0.10, 0.20)  # of the budget, a quarter
AI_ERAS = ("satellites", "survival", "moon", "campaign")  # the campaign with half as many games: it is long


# Measured by hand when this was written (2026-11-30): the same normal-against-normal games on
# main before the file existed; rewrite it when the rules change.
BEFORE = """## Against the game before the file

Measured once, when the file was added (on its branch, before the roads to the Moon and the
longer stand-downs): the same 200 games an era (normal against normal, seeds 1000-1199, one
process), on main at dd6e97a, before the file existed, and with it:

| era | game | USA wins | USSR wins | nobody | deaths USA | deaths USSR |
|---|---|---|---|---|---|---|
| satellites | before | 11 | 189 | 0 | 0.0 | 0.0 |
| satellites | with the file | 13 | 187 | 0 | 0.0 | 0.0 |
| survival | before | 123 | 74 | 3 | 0.17 | 0.33 |
| survival | with the file | 112 | 85 | 3 | 0.20 | 0.40 |
| moon | before | 157 | 43 | 0 | 3.62 | 0.45 |
| moon | with the file | 145 | 55 | 0 | 3.67 | 0.38 |

No first's median date moved by more than a quarter (the landing's, 1969-01 to 1968-10). The shifts in
wins (5 and 6 points of 100, inside or at the edge of each share's 95 % interval of about
plus or minus 7 points) come from the dice and the cards, not from what the AI reads: each
quarter's survey draws from the game's one seeded RNG, so every later roll differs, and four
cards are new (the open American press, 1955; the U-2 over Tyuratam, 1957; Corona, 1960;
NASA's press kits, 1965). The table of the section above, on the same seeds both ways and
measured anew each time this page is written, shows the AI reading its file plays the very
same games as the AI reading the truth in three eras out of four; in the campaign, where
secret Soviet missile tests are a real difference between the two, the results differ by a
few games in 100, inside the noise.

docs/balance.md gathers this page's tables with the other balance figures.
"""


def coverage(content, era: str, share: float, games: int) -> dict:
    inside = {s: 0 for s in SIDES}
    count = {s: 0 for s in SIDES}
    widths = {s: [] for s in SIDES}

    def note(game: Game) -> None:
        for side in SIDES:
            file = game.state.sides[side].file
            file.spending = round(share * game.state.sides[side].budget, 2)
            if file.updated != game.state.quarter:
                continue  # the race is over: no survey this quarter
            truth = game.state.sides[rival_of(side)].programmes
            for pid, seen in file.programmes.items():
                count[side] += 1
                inside[side] += seen.low <= truth[pid].reliability <= seen.high
                widths[side].append(seen.high - seen.low)

    for seed in range(games):
        game = Game.new(content, era, 5000 + seed)
        note(game)
        sim.advance(game, {s: make_agent("ai") for s in SIDES}, after_turn=note)
    return {"inside": inside, "count": count, "widths": widths}


def _reading_the_truth():
    """The planner as it was before the file: the rival's true record, no warnings."""
    saved = planner._seen_flown, intel.warnings
    planner._seen_flown = lambda game, side: game.state.sides[rival_of(side)].flown
    intel.warnings = lambda game, side: []
    return saved


def ai_check(content, era: str, games: int) -> dict:
    out = {}
    for name in ("file", "truth"):
        saved = _reading_the_truth() if name == "truth" else None
        try:
            report = sim.run(content, era, "ai:normal", "ai:normal", games=games, seed=1000)
        finally:
            if saved:
                planner._seen_flown, intel.warnings = saved
        summary = report["summary"]
        out[name] = {"wins": summary["wins"], "deaths": summary["deaths_per_game"],
                     "turns": round(statistics.fmean(g["turns"] for g in report["games"]), 2),
                     "firsts": {f: (v["usa"], v["ussr"], v["median_date"]) for f, v in summary["firsts"].items()}}
    return out


def bar(share: float, width: int = 30) -> str:
    filled = round(share * width)
    return "#" * filled + "." * (width - filled)


def main(argv: list[str]) -> int:
    games = int(argv[0]) if argv else 40
    content = loader.load()
    lines = ["# The file on the rival, measured", "",
             f"Written by `python tools/intel_report.py {games}` (one process; {games} games per era and level, "
             f"normal AI against normal AI, eras {', '.join(ERAS)}, seeds 5000-{5000 + games - 1}).", "",
             "Each side's file (`game/core/intel.py`) draws a band around each rival programme's reliability "
             "each quarter. An observation is one (side, rival programme, quarter) the files hold; it is "
             "*inside* when the band holds the true reliability. Both sides spend the same share of their "
             "budget on intelligence (`FundIntelligence`).", "",
             "## The band holds the truth, and money narrows it", "",
             "| spent a quarter | observations | inside | USA's file | USSR's file | mean width | USA | USSR |",
             "|---|---|---|---|---|---|---|---|"]
    chart = []
    for share in LEVELS:
        inside = {s: 0 for s in SIDES}
        count = {s: 0 for s in SIDES}
        widths: dict[str, list] = {s: [] for s in SIDES}
        for era in ERAS:
            found = coverage(content, era, share, games)
            for side in SIDES:
                inside[side] += found["inside"][side]
                count[side] += found["count"][side]
                widths[side] += found["widths"][side]
        total, held = sum(count.values()), sum(inside.values())
        every = widths["usa"] + widths["ussr"]
        mean = statistics.fmean(every)
        label = "nothing" if not share else f"{share * 100:g} % of budget"
        lines.append(f"| {label} | {total:,} | {held / total * 100:.1f} % | "
                     f"{inside['usa'] / count['usa'] * 100:.1f} % | {inside['ussr'] / count['ussr'] * 100:.1f} % | "
                     f"{mean:.1f} pts | {statistics.fmean(widths['usa']):.1f} | "
                     f"{statistics.fmean(widths['ussr']):.1f} |")
        chart.append(f"{label:>18}  width {bar(mean / 60)} {mean:5.1f}   inside {held / total * 100:5.1f} %")
    lines += ["", "Mean band width (points, 60 = the whole bar):", "", "```", *chart, "```", "",
              "The band's half-width is 1.65 spreads and its error has a lasting part (drawn once per "
              "programme) and a fresh part half as large, so about 86 % of bands should hold the truth "
              "at any level of spending; money narrows the spread (spending 5 % of the budget halves it), "
              "it does not make the file surer. The USA's file starts wider (a spread of 12 points against "
              "the USSR's 7: `intel` in `scenarios/sides.yaml`), and both narrow with each flight seen. "
              "A band is clipped to 0-100 %, which holds the truth slightly more often near the ends.", "",
              "## The AI reading only its file", "",
              f"Normal against normal, {games * 2} games an era ({games} of the campaign) from seed 1000, the "
              "same seeds both ways: the AI "
              "reading its file (its rival's flights as seen, and the firsts its file says the rival may try "
              "within a quarter) against the same AI reading the rival's true record of flights (secret "
              "Soviet tests included), as it did before the file.", "",
              "| era | reads | USA wins | USSR wins | nobody | deaths USA | deaths USSR | quarters |",
              "|---|---|---|---|---|---|---|---|"]
    for era in AI_ERAS:
        found = ai_check(content, era, games if era == "campaign" else games * 2)
        for name in ("file", "truth"):
            row = found[name]
            wins = row["wins"]
            lines.append(f"| {era} | {'its file' if name == 'file' else 'the truth'} | {wins['usa']} | {wins['ussr']} | "
                         f"{wins['none']} | {row['deaths']['usa']} | {row['deaths']['ussr']} | {row['turns']} |")
        moved = [f"{f} {found['truth']['firsts'][f][2]} -> {v[2]}" for f, v in found["file"]["firsts"].items()
                 if f in found["truth"]["firsts"] and v[2] != found["truth"]["firsts"][f][2]]
        if moved:
            lines.append(f"| | medians moved | {'; '.join(moved)} | | | | | |")
    lines += ["", BEFORE]
    OUT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
