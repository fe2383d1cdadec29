"""Measure decisions in flight (issue 15): how often the normal AI meets one, and what
pressing on where the odds are poor costs in crews against aborting.

    python tools/decisions.py [GAMES] [ERA]      (default 400 campaign games, one process)

Three runs over the same seeds (0 .. GAMES-1), normal AI against normal AI:
  nerve     each side answers by its nerve, as in play;
  press-on  both sides always take the option likeliest to go on, whatever the crew's odds;
  abort     both sides always take the abort (the safest answer where a fault has none).
Prints the figures as Markdown for docs/decisions.md.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game import sim  # noqa: E402
from game.ai import decide  # noqa: E402
from game.ai.planner import PlanningAI  # noqa: E402
from game.content import loader  # noqa: E402
from game.core import inflight  # noqa: E402
from game.core.state import SIDES  # noqa: E402

POOR = 0.85  # an option whose crew odds are under this is "pressing on where the odds are poor"


def _press_on(game, side):
    fault = game.content.faults[game.state.decision.fault]
    return max(fault.options, key=lambda o: (o.goes_on, o.crew)).id


def _abort(game, side):
    fault = game.content.faults[game.state.decision.fault]
    aborts = [o for o in fault.options if o.kind == "abort"]
    return aborts[0].id if aborts else decide.safest(game, side)


class Forced(PlanningAI):
    """The normal AI in everything but its answers in flight."""

    def __init__(self, choose):
        super().__init__("normal")
        self.choose = choose

    def decide(self, game, side):
        decide.answer(game, side, self.choose)


def run(content, era: str, games: int, make) -> dict:
    tally = Counter()
    real = inflight.resolve
    per_game: list[Counter] = []

    def spy(game, option_id):
        decision = game.state.decision
        fault = game.content.faults[decision.fault]
        crewed = inflight.crewed(decision)
        real(game, option_id)
        again = game.state.decision  # the same flight may stop at a second fault further on
        report = again.report if again is not None and again.mission.id == decision.mission.id else next(
            r for r in reversed(game.state.launches) if r.mission_id == decision.mission.id)
        died = report.steps[decision.step].outcome == "death"
        current = per_game[-1]
        current["decisions"] += 1
        current[f"decisions_{decision.side}"] += 1
        if crewed:
            current["crewed"] += 1
            # a fault "with poor odds": pressing on (its likeliest option to go on) risks the crew
            poor = max(fault.options, key=lambda o: (o.goes_on, o.crew)).crew < POOR
            current["poor_faults"] += poor
            current["deaths_at_decision"] += died
            current["crew_members_lost_at_decision"] += len(decision.mission.crew) if died else 0
            current["poor_deaths"] += died and poor
            current["went_on"] += report.steps[decision.step].outcome == "success"

    inflight.resolve = spy
    started = time.time()
    try:
        for seed in range(games):
            per_game.append(Counter())
            game = sim.play(content, era, seed, {side: make() for side in SIDES})
            per_game[-1]["deaths"] += sum(game.state.sides[s].deaths for s in SIDES)
            per_game[-1]["usa_wins"] += game.state.winner == "usa"
    finally:
        inflight.resolve = real
    for counts in per_game:
        tally.update(counts)
        tally["games_with_decision"] += counts["decisions"] > 0
        tally["games_with_usa_decision"] += counts["decisions_usa"] > 0
        tally["games_with_ussr_decision"] += counts["decisions_ussr"] > 0
    tally["seconds"] = round(time.time() - started)
    return tally


def main(argv: list[str]) -> int:
    games = int(argv[0]) if argv else 400
    era = argv[1] if len(argv) > 1 else "campaign"
    content = loader.load()
    runs = {"nerve": lambda: PlanningAI("normal"), "press-on": lambda: Forced(_press_on),
            "abort": lambda: Forced(_abort)}
    print(f"{games} {era} games a run, seeds 0-{games - 1}, normal AI against normal AI, one process\n")
    print("| run | games with a decision | USA / USSR faced one | decisions | crewed | "
          "of them with poor odds to press on | crews lost at a decision (of them at poor odds) | "
          "crew members lost there | got past the fault | all deaths | USA wins | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, make in runs.items():
        t = run(content, era, games, make)
        print(f"| {name} | {t['games_with_decision']} of {games} | {t['games_with_usa_decision']} / "
              f"{t['games_with_ussr_decision']} | {t['decisions']} | {t['crewed']} | {t['poor_faults']} | "
              f"{t['deaths_at_decision']} ({t['poor_deaths']}) | {t['crew_members_lost_at_decision']} | "
              f"{t['went_on']} | {t['deaths']} | {t['usa_wins']} | {t['seconds']} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
