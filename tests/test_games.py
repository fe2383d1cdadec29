"""Whole games: the same seed gives the same game; AI-vs-AI games keep the invariants."""

import math
import os
import subprocess
import sys

import pytest

from game import sim
from game.ai import make_agent
from game.core import dates, save
from game.core.commands import EndTurn
from game.core.game import Game
from game.core.state import SIDES

ERAS = ("rockets", "satellites", "survival", "moon", "campaign")


def _agents(usa="ai", ussr="ai"):
    return {"usa": make_agent(usa), "ussr": make_agent(ussr)}


def test_the_same_seed_gives_the_same_game(content):
    one = sim.play(content, "campaign", 11, _agents())
    two = sim.play(content, "campaign", 11, _agents())
    assert save.dumps(one.state) == save.dumps(two.state)


# Plays a few games in a fresh process and prints a digest of each end state. A crude
# strategy once started its programmes in a set's order, which Python's string hashing
# changes from process to process: the simulator's workers then disagreed with each
# other and with a loaded game on what the same seed gives.
_DIGEST_GAMES = """
import hashlib
from game import sim
from game.ai import make_agent
from game.content import loader
from game.core import save
content = loader.load()
for era, seed, usa, ussr in (("moon", 1000, "ai", "crude:cheapest"), ("campaign", 1000, "crude:cheapest", "ai"),
                             ("campaign", 11, "ai", "ai:hard"), ("survival", 3, "random", "ai")):
    game = sim.play(content, era, seed, {"usa": make_agent(usa), "ussr": make_agent(ussr)})
    print(era, seed, hashlib.sha256(save.dumps(game.state).encode()).hexdigest())
"""


def test_the_same_seed_gives_the_same_game_in_any_process():
    def digests(hash_seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        return subprocess.run([sys.executable, "-c", _DIGEST_GAMES], env=env, check=True,
                              capture_output=True, text=True).stdout

    first = digests("1")
    assert first.count("\n") == 4
    assert digests("2") == first


def test_different_seeds_give_different_games(content):
    games = {save.dumps(sim.play(content, "survival", seed, _agents()).state) for seed in range(4)}
    assert len(games) == 4


class Invariants:
    """Checked after every turn of a game."""

    def __init__(self):
        self.last_quarter = None
        self.dead: dict[str, set[str]] = {s: set() for s in SIDES}

    def __call__(self, game: Game) -> None:
        state = game.state
        if self.last_quarter is not None and not state.over:
            assert state.quarter == self.last_quarter + 1, "dates advance one quarter a turn"
        self.last_quarter = state.quarter
        assert state.start <= state.quarter <= state.end
        for side in SIDES:
            side_state = state.sides[side]
            for value in (side_state.cash, side_state.budget, side_state.prestige, side_state.support):
                assert math.isfinite(value)
            assert side_state.cash >= -1e-6, "money never goes negative"
            assert 0 <= side_state.support <= 100
            for prog_id, prog in side_state.programmes.items():
                assert 0 <= prog.reliability <= game.content.programmes[prog_id].cap + 1e-9
            for report in state.launches:
                if report.side == side and report.outcome != "scrubbed":
                    assert not set(report.crew) & self.dead[side], "nobody dead flies"
            self.dead[side] |= {c.name for c in side_state.crews.values() if c.status == "dead"}
            assert side_state.deaths == sum(c.status == "dead" for c in side_state.crews.values())


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("mode", ["historical", "dynamic"])
def test_ai_games_keep_the_invariants(content, era, mode):
    for seed in range(3):
        check = Invariants()
        game = sim.play(content, era, seed, _agents("ai", "ai:hard"), mode, after_turn=check)
        assert game.state.over
        assert game.state.winner in ("usa", "ussr", None)
        won_in_play = [w for won in game.state.firsts.values() for w in won if w.mission]
        assert all(game.state.start // 4 <= w.year <= game.state.end // 4 for w in won_in_play)


@pytest.mark.parametrize("era", ERAS)
def test_random_players_keep_the_invariants(content, era):
    check = Invariants()
    game = sim.play(content, era, 5, _agents("random", "random"), after_turn=check)
    assert game.state.over


def test_the_ai_never_has_a_command_refused(content, monkeypatch):
    refused = []
    original = Game.execute

    def spy(self, command):
        result = original(self, command)
        if not result:
            refused.append((type(command).__name__, result.reason))
        return result

    monkeypatch.setattr(Game, "execute", spy)
    for era in ERAS:
        for level in ("ai:easy", "ai", "ai:hard"):
            sim.play(content, era, 1, _agents(level, level))
    assert refused == []


def test_most_satellite_races_put_a_satellite_in_orbit(content):
    report = sim.run(content, "satellites", games=12, seed=0)
    orbited = sum("first_satellite" in g["firsts"] for g in report["games"])
    assert orbited >= 9


def test_a_save_resumes_exactly(content, tmp_path):
    agents = _agents()
    game = sim.play(content, "moon", 7, agents, turns=6)
    path = tmp_path / "game.json"
    save.write(path, game.state)
    state, _ = save.read(path)
    save.check_against(content, state)
    resumed = Game(content, state)
    other_agents = _agents()
    for _ in range(8):
        for side in SIDES:
            agents[side].plan(game, side)
            game.execute(EndTurn(side))
            other_agents[side].plan(resumed, side)
            resumed.execute(EndTurn(side))
    assert save.dumps(game.state) == save.dumps(resumed.state)


@pytest.mark.parametrize("era, level, split", [("campaign", "ai", 31), ("campaign", "ai:hard", 58),
                                               ("satellites", "ai", 9), ("moon", "ai:hard", 12)])
def test_a_fresh_ai_after_a_load_plays_on_as_the_old_one_would(content, era, level, split):
    """The planner's caches must not carry judgement the saved state lacks: a game saved
    mid-way and played on by new agents ends exactly as the uninterrupted one."""
    whole = sim.play(content, era, 11, _agents(level, level))
    half = sim.play(content, era, 11, _agents(level, level), turns=split)
    resumed = sim.advance(Game(content, save.loads(save.dumps(half.state))[0]), _agents(level, level))
    assert save.dumps(resumed.state) == save.dumps(whole.state)


def test_remembered_hardware_is_what_the_rules_would_work_out_afresh(content):
    """Game.hardware remembers its answers (see its docstring for what they rest on): every
    few quarters of a campaign, each owned rocket and craft for each mission type must get
    the answer worked out from scratch."""
    checked = []

    def compare(game):
        if game.state.quarter % 6:
            return
        for side in SIDES:
            owned = [content.programmes[p] for p in game.state.sides[side].programmes]
            rockets = [p.id for p in owned if p.kind == "rocket"]
            craft = [p.id for p in owned if p.kind == "spacecraft"] + [None]
            for mission in content.missions.values():
                for rocket in rockets:
                    for spacecraft in craft:
                        fresh = game._work_out_hardware(side, mission, rocket, spacecraft,
                                                        lambda capability, side=side: game.provider(side, capability))
                        assert game.hardware(side, mission, rocket, spacecraft, any_date=True) == fresh
                        assert game.hardware(side, mission, rocket, spacecraft) == \
                            (game.too_early(rocket, spacecraft) or fresh)  # history's calendar, then the rest
                        checked.append(fresh)

    sim.play(content, "campaign", 5, _agents(), after_turn=compare)
    assert sum(not isinstance(answer, str) for answer in checked) > 500  # flyable ones, not only refusals


def test_remembered_hardware_follows_the_most_reliable_provider(content):
    """Where two started programmes could bring a capability, the more reliable flies, and
    a remembered answer must follow when their order changes."""
    game = Game.new(content, "moon", 1)
    game.state.quarter = dates.parse_quarter("1969-Q1")  # the Saturn V flies from 1966-Q4
    usa = game.state.sides["usa"]
    for prog_id in ("saturn5", "apollo_csm", "apollo_lm", "lk", "docking_system", "heat_shield"):
        game.open_programme(usa, prog_id)  # the Soviet lander too: a second way to land
    mission = content.missions["crewed_landing"]

    def lander() -> str:
        hardware = game.hardware("usa", mission, "saturn5", "apollo_csm")
        assert not isinstance(hardware, str), hardware
        return next(p.id for p, step in zip(hardware.by_step, mission.steps, strict=True) if step.uses == "lunar_lander")

    usa.programmes["apollo_lm"].reliability, usa.programmes["lk"].reliability = 80, 60
    assert lander() == "apollo_lm"
    usa.programmes["apollo_lm"].reliability, usa.programmes["lk"].reliability = 60, 80
    assert lander() == "lk"


def test_damaged_saves_are_refused_with_the_file_named(tmp_path, content):
    game = sim.play(content, "moon", 1, _agents(), turns=2)
    good = tmp_path / "good.json"
    save.write(good, game.state)
    text = good.read_text()
    cases = {
        "truncated.json": text[: len(text) // 2],
        "not_json.json": "hello",
        "future.json": text.replace(f'"version":{save.VERSION}', '"version":99', 1),
        "edited.json": text.replace('"sides":', '"sidez":', 1),
    }
    for name, body in cases.items():
        path = tmp_path / name
        path.write_text(body)
        with pytest.raises(save.SaveError, match=name):
            save.read(path)
    assert save.read(good)[0].era == "moon"


def test_a_small_balance_check(content):
    """A loose bound on docs/balance.md's figures: equal AIs both win, the Moon is reached,
    deaths stay few, and hard beats normal."""
    report = sim.run(content, "campaign", games=24, seed=100, mode="dynamic")
    wins = report["summary"]["wins"]
    assert wins["usa"] >= 3 and wins["ussr"] >= 3
    assert report["summary"]["firsts"]["first_crewed_landing"]["usa"] \
        + report["summary"]["firsts"]["first_crewed_landing"]["ussr"] >= 12  # at least half
    assert all(d <= 6 for d in report["summary"]["deaths_per_game"].values())
    # (in the Race for Survival the crews' selection dates now decide, where no daring helps)
    # (24 games a seat: with 12, one change to the dice moved it from 13 to 8 of 24 while hard won
    # 63 of 100 over more seeds)
    hard = sum(sim.run(content, "campaign", usa, ussr, games=24, seed=200)["summary"]["wins"][side]
               for usa, ussr, side in (("ai:hard", "ai", "usa"), ("ai", "ai:hard", "ussr")))
    # with hardware to build and pads to share hard no longer beats normal clearly in the campaign
    # (47 % as the USA, 60-65 % as the USSR over 100 games, against normal's 45 / 55 %): it must
    # not be worse. docs/exploits.md and issue 13's note track the target of a clear lead.
    assert hard >= 22  # of 48
