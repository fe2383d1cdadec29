"""Write docs/balance.md: the balance targets of the race, measured with `spacerace sim`.

    python tools/balance.py [GAMES]      (default 400; re-run after any rule change)

Every figure comes from a command line printed beside it, so anyone can reproduce it. The
targets of issue 5 are checked against the figures and their verdicts written at the top.
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


# Why targets have been missed or barely met when this was last run (2026-11-30); check them against the
# verdicts above them, and rewrite them when the rules change.
NOTES = """## Known reasons for a narrow or missed target

Measured with every rule of part two in (built hardware, pads, inquiries, untried hardware,
milestones, the review, the roads, decisions in flight, the file on the rival). A quarter's
launches fly before its research, so a flight flies at the odds its side saw when it booked
it. Both planners press the era's goal first each quarter (crewed at a believed 15 %,
all-up at 20 %), work toward it from the first, fund its vehicles before their other
targets and keep its rushed vehicles' clocks running. The hard rival is also given 30 %
more money, 50 % more from its research and 25 % more development a quarter (levels.yaml,
said on the new-game screen), takes the road to the Moon it weighs highest instead of
drawing one, and reads the calendar: it weighs an event's choices by the quarters they put
before the goal could fly, and builds an uncrewed goal's hardware ahead of its first date.

- Equal AIs in the Race for Rockets, dynamic mode (40/60 here: the USA's 39.75 % rounds to
  the bound and misses it; 41/59 over 200 games from seed 1000 in docs/exploits.md). It was
  30-35/65-70: two dynamic triggers gave the Soviet R-1 a year's start ('Soviet Steel'
  waited for the R-1 to be started and became a free push; 'The First R-1' fired before
  any R-1 had flown). Both now follow history's order.
- Equal AIs in the Race for Survival, historical mode: 50/42 here since Vostok starts the
  era at 42 % (it was 30, and the USSR won 39 %, under the bound; money moved nothing).
- Normal against random in the Race for Survival (82 % as the USA, 67 % as the USSR) and in
  the Race for the Moon as the USA (79 %): the rest are games nobody wins, or won by the
  random side on the prestige it starts with. In the Race for Survival each side has one
  crewed try: its crews are ready in late 1960, and a failed try stands the craft down for
  longer than the era has left. Now that the odds shown are the odds flown, the Soviet try
  was believed at 58 % on average and worked 54 times in 100 (Vostok at 30 %), so the AI
  wins about as often as its one try works. Waiting for better odds while the rival was not seen near the goal
  lifted these figures (to 85-92 % over 100 games) but let a crude player who hid its
  progress (the Soviet seat, seen through the American fog) win the Moon era: not kept.
- Hard against normal: the lower end of hard's interval is above normal's rate in every
  seat at 400 games; in the Race for Rockets as the USSR only just (46 %, 41-51, against
  41 %), and in the Race for the Moon as the USA it is level with it (60 %, 55-64, against
  55 %: met by the rule's letter, not by a margin).
- In the Race for Satellites the Soviet side wins about seven games in ten with equal AIs:
  the R-7 may fly from 1956-Q2 and Sputnik is lifted by Khrushchev's visit, while the
  normal American planner gives the satellite to the Navy, as Eisenhower did, and the
  Vanguard's pad opens in late 1956. The hard American rival takes Project Orbiter: the
  Jupiter-C is grounded three quarters for its upper stages and flies about when the R-7
  first may, and it wins four games in five. The hard Soviet rival builds its R-7s before
  their first date and flies in 1956-Q2, before any Vanguard: it wins nearly every game.
"""


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
    games = sys.argv[1] if len(sys.argv) > 1 else "400"
    lines = ["# Balance", "",
             "Measured with the headless simulator by `tools/balance.py`; re-run it after any rule change.",
             f"Rates are shares of {games} games, with 95 % Wilson intervals. Each row's command reproduces it.", ""]
    checks: list[tuple[bool, str]] = []
    body: list[str] = []
    equal_rates: dict[str, dict[str, float]] = {}

    lines, head = body, lines
    lines += ["## Equal AIs", "", "| era | mode | USA wins | USSR wins | goal reached | median date |"
              " deaths a game (USA / USSR) | command |", "|---|---|---|---|---|---|---|---|"]
    for era in ERAS:
        for mode in ("historical", "dynamic"):
            command, report = sim("--era", era, "--mode", mode, "--games", games)
            if mode == "historical":
                equal_rates[era] = {side: report["summary"]["win_rate"][side]["rate"] for side in ("usa", "ussr")}
            goal = GOALS[era]
            median = report["summary"]["firsts"].get(goal, {}).get("median_date", "never")
            deaths = report["summary"]["deaths_per_game"]
            lines.append(f"| {era} | {mode} | {rate(report, 'usa')} | {rate(report, 'ussr')} | "
                         f"{reached(report, goal)} | {median} | {deaths['usa']} / {deaths['ussr']} | `{command}` |")
            print(lines[-1], flush=True)
            share = sum(goal in g["firsts"] for g in report["games"]) / len(report["games"])
            checks.append((share > 0.5, f"{era} ({mode}): the goal is reached in {share:.0%} of games"))
            if era != "satellites":  # the satellite era's lopsidedness is history's (see the notes)
                wins = [report["summary"]["win_rate"][side]["rate"] for side in ("usa", "ussr")]
                checks.append((all(0.4 <= won <= 0.6 for won in wins),
                               f"{era} ({mode}), equal AIs: the USA wins {rate(report, 'usa')}, "
                               f"the USSR {rate(report, 'ussr')} (wanted 40-60 % each)"))
            if era == "campaign":
                worst = max(deaths.values())
                checks.append((worst <= 4, f"campaign ({mode}): crew deaths a game {deaths['usa']} (USA), "
                                           f"{deaths['ussr']} (USSR), history's a few"))

    lines += ["", "## The normal AI against a random player", "",
              "| era | AI plays | AI wins | command |", "|---|---|---|---|"]
    for era in ERAS:
        for side, other in (("usa", "ussr"), ("ussr", "usa")):
            command, report = sim("--era", era, f"--{side}", "ai", f"--{other}", "random", "--games", games)
            lines.append(f"| {era} | {side.upper()} | {rate(report, side)} | `{command}` |")
            print(lines[-1], flush=True)
            won = report["summary"]["win_rate"][side]["rate"]
            checks.append((won >= 0.95, f"normal AI as the {side.upper()} against random, {era}: {rate(report, side)}"))

    lines += ["", "## Hard against normal", "",
              "Beside each, what the normal AI wins in the same seat against normal (historical mode).", "",
              "| era | hard plays | hard wins | normal wins | command |", "|---|---|---|---|---|"]
    for era in ERAS:
        for side, other in (("usa", "ussr"), ("ussr", "usa")):
            command, report = sim("--era", era, f"--{side}", "ai:hard", f"--{other}", "ai", "--games", games)
            equal = equal_rates[era][side]
            lines.append(f"| {era} | {side.upper()} | {rate(report, side)} | {equal:.0%} | `{command}` |")
            print(lines[-1], flush=True)
            low = report["summary"]["win_rate"][side]["ci95"][0]
            checks.append((low > equal, f"hard as the {side.upper()} against normal, {era}: wins {rate(report, side)}, "
                                        f"where normal against normal wins {equal:.0%}"))

    met = sum(ok for ok, _ in checks)
    head += [f"## The targets of issue 5: {met} of {len(checks)} met", ""]
    head += [f"- {'met' if ok else '**not met**'}: {text}" for ok, text in checks]
    head += ["- hard beats normal when the lower end of its interval is above what normal wins in its seat.", ""]
    OUT.write_text("\n".join(head + [NOTES] + body + part_two()) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


# part two of the design: each measured by its own tool into its own page; their tables are
# gathered here so that one page holds every balance figure
PART_TWO = (("exploits.md", "Crude strategies against the AI (issue 13)"),
            ("roads.md", "Roads to the Moon (issue 14)"),
            ("decisions.md", "Decisions in flight (issue 15)"),
            ("intelligence.md", "The file on the rival (issue 15)"))


def part_two() -> list[str]:
    """The tables (and charts) of docs/exploits.md, roads.md, decisions.md and intelligence.md,
    each under its heading, with the command that measured it (as that page gives it)."""
    lines = ["", "# Part two: risk, roads, decisions, intelligence", "",
             "Gathered from the pages each tool writes or that record its runs; each names its command.", ""]
    for name, title in PART_TWO:
        path = OUT.parent / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8").splitlines()
        commands = sorted({row.strip() for row in text if row.strip().startswith("python tools/")})
        lines += [f"## {title}", "", f"From [{name}]({name})" + (": " + ", ".join(f"`{c}`" for c in commands)
                                                                 if commands else "") + ".", ""]
        block: list[str] = []  # a table, or a chart drawn in a fenced block
        fenced = False
        for row in text + [""]:
            if row.startswith("```"):
                block.append(row)
                if fenced:
                    lines += block + [""]
                    block = []
                fenced = not fenced
            elif fenced or row.startswith("|"):
                block.append(row)
            elif block:
                lines += block + [""]
                block = []
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
