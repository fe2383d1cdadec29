"""Side traits: the sides differ by data in sides.yaml, never by code that names them."""

import dataclasses
import re
from pathlib import Path

from game.content import loader
from game.core import commands, dates
from game.core.game import Game

GAME = Path(__file__).resolve().parents[1] / "game"


def test_the_rules_never_name_a_side():
    """turn.py reads traits; a side's name in it would be a rule a mod cannot change."""
    source = (GAME / "core" / "turn.py").read_text()
    assert not re.search(r"""["'](usa|ussr)["']""", source)


def _failing_launch(content, seed):
    game = Game.new(content, "survival", seed)
    game.state.quarter = dates.parse_quarter("1960-Q4")  # Vostok may fly
    ussr = game.state.sides["ussr"]
    for prog in ussr.programmes.values():
        prog.reliability = 5  # it will fail
        prog.quarters = 20
    ussr.cash = 1000
    ussr.articles = {"vostok_rocket": 1, "vostok": 1}
    game.execute(commands.PlanMission("ussr", "capsule_test", "vostok_rocket", "vostok"))
    ussr.pending_events.clear()  # the quarter's cards are not what is measured
    game.state.sides["usa"].ready = True
    assert game.execute(commands.EndTurn("ussr"))
    return game, next(r for r in game.state.launches if r.side == "ussr")


def test_a_mod_can_make_soviet_failures_public(content):
    glasnost = dataclasses.replace(content.sides["ussr"], public_failures=True, failure_prestige=5)
    modded = dataclasses.replace(content, sides={**content.sides, "ussr": glasnost})
    for seed in range(20):
        game, report = _failing_launch(content, seed)
        modded_game, modded_report = _failing_launch(modded, seed)
        if report.outcome in ("lost", "aborted"):
            assert not report.public and modded_report.public
            assert modded_game.state.sides["ussr"].prestige == game.state.sides["ussr"].prestige - 5
            return
    raise AssertionError("no failure in 20 seeds at 5 % reliability")


def test_military_priority_costs_support_only_where_declared(content):
    """The Kremlin's wish for its missile: a Soviet side that funds no ICBM loses favour from 1954."""
    def support_after_two_years(content_used):
        game = Game.new(content_used, "satellites", 3)
        for side in game.state.sides.values():
            for prog in side.programmes.values():
                prog.funding = 0
        for _ in range(8):  # the era opens in 1953; the decree binds from 1954
            for side in game.state.sides.values():
                side.pending_events.clear()  # the events are not what is measured
                assert game.execute(commands.EndTurn(side.side))
        return game.state.sides["ussr"].support
    free = dataclasses.replace(content.sides["ussr"], military_priority=None)
    relaxed = dataclasses.replace(content, sides={**content.sides, "ussr": free})
    assert support_after_two_years(content) < support_after_two_years(relaxed)


def _mod_with_sides(tmp_path, text):
    (tmp_path / "sides.yaml").write_text(text)
    return loader.check(tmp_path)[1]


def test_the_validator_checks_what_the_traits_name(tmp_path):
    problems = _mod_with_sides(tmp_path, (
        "sides:\n  - id: ussr\n    name: USSR\n    nation: the Soviet Union\n    public_failures: false\n"
        "    military_priority: {first: first_icmb, capability: icbm, from: 1954-Q1, support: -1.5}\n"))
    text = "\n".join(map(str, problems))
    assert "sides.yaml:6: sides[ussr].military_priority.first: unknown first 'first_icmb'" in text
    assert "did you mean 'first_icbm'?" in text


def test_a_misspelt_trait_names_the_nearest(tmp_path):
    problems = _mod_with_sides(tmp_path, (
        "sides:\n  - id: usa\n    name: USA\n    nation: the United States\n    public_failure: true\n"))
    text = "\n".join(map(str, problems))
    assert "public_failure" in text and "public_failures" in text
