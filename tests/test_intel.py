"""The file on the rival: its bands hold the truth, money narrows them, events feed it, it
is saved, and the AI reads the rival only through it."""

import copy
import dataclasses
import json
import re
from pathlib import Path

import pytest

from game import sim
from game.ai import make_agent
from game.ai.planner import PlanningAI
from game.core import commands, intel, save
from game.core.game import Game
from game.core.state import SIDES, rival_of

GAME = Path(__file__).resolve().parents[1] / "game"


def _observations(content, spending_share: float, seeds=range(4), era="survival"):
    """(inside, width) for each (side, programme, quarter) the files hold, with each side
    spending ``spending_share`` of its budget on intelligence."""
    out = []

    def note(game):
        for side in SIDES:
            truth = game.state.sides[rival_of(side)].programmes
            for pid, seen in game.state.sides[side].file.programmes.items():
                out.append((side, seen.low <= truth[pid].reliability <= seen.high, seen.high - seen.low))

    for seed in seeds:
        game = Game.new(content, era, seed)
        agents = {s: make_agent("ai") for s in SIDES}

        def fund(game):
            for side in SIDES:
                game.state.sides[side].file.spending = round(spending_share * game.state.sides[side].budget, 2)
            note(game)
        fund(game)
        sim.advance(game, agents, after_turn=fund)
    return out


def test_the_band_holds_the_truth_and_money_narrows_it(content):
    free = _observations(content, 0.0)
    paid = _observations(content, 0.10)
    assert len(free) > 200
    for found in (free, paid):
        assert sum(inside for _, inside, _ in found) / len(found) >= 0.8
    mean = lambda found: sum(w for *_, w in found) / len(found)  # noqa: E731
    assert mean(paid) < 0.8 * mean(free)


def test_the_ussr_reads_the_american_press(content):
    """The traits differ: the Soviet file is narrower and misses less than the American one."""
    found = _observations(content, 0.0, seeds=range(2))
    width = {side: [w for s, _, w in found if s == side] for side in SIDES}
    assert sum(width["ussr"]) / len(width["ussr"]) < sum(width["usa"]) / len(width["usa"])


def test_a_mod_changes_how_a_side_sees(content):
    blind = dataclasses.replace(content.sides["ussr"].intel, band_sd=40.0, spot_chance=0.0, see_hardware=0.0)
    modded = dataclasses.replace(content, sides={**content.sides,
                                                 "ussr": dataclasses.replace(content.sides["ussr"], intel=blind)})
    plain, fogged = Game.new(content, "moon", 2), Game.new(modded, "moon", 2)
    assert plain.state.sides["ussr"].file.programmes and not fogged.state.sides["ussr"].file.programmes
    assert not fogged.state.sides["ussr"].file.articles


def test_fund_intelligence_is_checked_and_paid(content):
    game = Game.new(content, "survival", 1)
    budget = game.state.sides["usa"].budget
    for amount, reason in ((-1, "less than nothing"), (float("nan"), "a number"), ("5", "a number"),
                           (budget + 1, "at most the whole budget")):
        result = game.execute(commands.FundIntelligence("usa", amount))
        assert not result and reason in result.reason
    assert game.execute(commands.FundIntelligence("usa", 5))
    assert game.state.sides["usa"].file.spending == 5
    for side in SIDES:
        game.state.sides[side].pending_events.clear()
        game.execute(commands.EndTurn(side))
    assert game.state.sides["usa"].file.paid == 5 and game.state.sides["ussr"].file.paid == 0


def test_an_event_sharpens_the_file(content):
    game = Game.new(content, "satellites", 5)
    game.state.quarter += 17  # 1957: the R-7 era, the U-2 card's window
    file = game.state.sides["usa"].file
    before = {pid: s.high - s.low for pid, s in file.programmes.items()}
    event = content.events["u2_tyuratam"]
    game.state.sides["usa"].pending_events.append(event.id)
    assert game.execute(commands.AnswerEvent("usa", event.id, "more_overflights"))
    assert file.sharp_until == game.state.quarter + 8 and file.sharp_share == 0.4
    after = {pid: s.high - s.low for pid, s in file.programmes.items() if pid in before}
    assert sum(after.values()) < 0.6 * sum(before.values())
    assert set(file.programmes) >= set(before)


def test_secret_launches_stay_out_of_the_file(content):
    """A Soviet missile test is secret; the American file's record holds only what was announced."""
    game = sim.play(content, "satellites", 3, {s: make_agent("ai") for s in SIDES})
    truth, seen = game.state.sides["ussr"].flown, game.state.sides["usa"].file.flown
    assert all(seen.get(kind, 0) <= count for kind, count in truth.items())
    assert seen.get("ballistic_test", 0) < truth.get("ballistic_test", 0) or seen.get("own_rocket_test", 0) < \
        truth.get("own_rocket_test", 0)
    # the USSR reads everything the Americans fly
    assert game.state.sides["ussr"].file.flown == game.state.sides["usa"].flown


def test_the_file_is_saved_and_an_older_save_loads(content):
    game = sim.play(content, "moon", 4, {s: make_agent("ai") for s in SIDES}, turns=3)
    game.state.sides["usa"].file.spending = 7.5
    text = save.dumps(game.state)
    state, _ = save.loads(text)
    assert state.sides["usa"].file == game.state.sides["usa"].file
    assert state.sides["ussr"].file.likely == game.state.sides["ussr"].file.likely
    old = json.loads(text)
    old["version"] = 1
    for side in old["state"]["sides"].values():
        del side["file"]
    state, _ = save.loads(json.dumps(old))
    assert state.sides["usa"].file.programmes == {}
    played_on = Game(content, state)
    sim.advance(played_on, {s: make_agent("ai") for s in SIDES}, turns=1)
    assert played_on.state.sides["usa"].file.programmes  # filled at the next quarter


def test_an_edited_file_is_refused(content):
    game = Game.new(content, "moon", 4)
    data = json.loads(save.dumps(game.state))
    pid = next(iter(data["state"]["sides"]["usa"]["file"]["programmes"]))
    data["state"]["sides"]["usa"]["file"]["programmes"][pid]["low"] = 150
    with pytest.raises(save.SaveError, match="low"):
        save.loads(json.dumps(data))
    data = json.loads(save.dumps(game.state))
    data["state"]["sides"]["usa"]["file"]["programmes"]["saturn5"] = {
        "id": "saturn5", "since": 0, "low": 0, "high": 1, "bias": 0, "flights": 0}
    with pytest.raises(save.SaveError, match="not started"):
        save.loads(json.dumps(data))


def _planned(content, state, side: str, level: str) -> list:
    game = Game(content, state)
    done = []
    execute = game.execute

    def recording(command):
        result = execute(command)
        done.append((command, bool(result)))
        return result
    game.execute = recording
    PlanningAI(level).plan(game, side)
    return done


def _hide_the_truth(content, state, side: str, seed: int) -> None:
    """Change everything about the rival the side may not know: reliability, money, hardware,
    its true record of flights (secret failures and tests included)."""
    rival = state.sides[rival_of(side)]
    for index, prog in enumerate(rival.programmes.values()):
        prog.reliability = (seed * 37 + index * 23) % 90 + 5
        prog.funding = float((seed + index) % 7)
        prog.quarters += 3
        prog.bias = -prog.bias
        prog.failures += 2
        prog.invested += 50
    rival.articles = {pid: 3 for pid in rival.articles}
    rival.orders = []
    rival.cash, rival.budget = rival.cash * 3 + 10, rival.budget + 5
    rival.flown = {kind: 5 for kind in content.missions}  # it has flown everything, in secret
    rival.failures += 4


@pytest.mark.parametrize("era, seed, turns", [("survival", 1, 3), ("moon", 2, 5), ("satellites", 3, 10),
                                              ("campaign", 4, 55)])
def test_the_ai_reads_the_rival_only_through_its_file(content, era, seed, turns):
    game = sim.play(content, era, seed, {s: make_agent("ai") for s in SIDES}, turns=turns)
    for side in SIDES:
        for level in ("normal", "hard"):
            truth = _planned(content, copy.deepcopy(game.state), side, level)
            hidden = copy.deepcopy(game.state)
            _hide_the_truth(content, hidden, side, seed)
            assert _planned(content, hidden, side, level) == truth


def test_the_ai_modules_never_read_the_rivals_state():
    """Every read of the rival in the AI goes through the file (or the public record)."""
    for path in (GAME / "ai").glob("*.py"):
        source = path.read_text()
        for match in re.finditer(r"sides\[rival_of\(\w+\)\](\.\w+)?", source):
            assert match.group(1) == ".prestige", f"{path.name} reads the rival's state: {match.group(0)}"


def test_warnings_name_open_firsts_only(content):
    game = Game.new(content, "survival", 6)
    file = game.state.sides["ussr"].file
    file.likely = [intel.LikelyFlight("crewed_suborbital", "redstone", "mercury", 0.6, ["first_human_in_space"]),
                   intel.LikelyFlight("satellite", "jupiter_c", "explorer", 0.9, ["first_satellite"])]
    found = intel.warnings(game, "ussr")
    assert len(found) == 1 and "first human in space" in found[0][1]


def test_a_bad_intel_trait_is_reported_with_file_and_line(tmp_path):
    from game.content import loader

    text = (GAME.parent / "scenarios" / "sides.yaml").read_text(encoding="utf-8")
    (tmp_path / "sides.yaml").write_text(text.replace("intel: {band_sd: 12,", "intel: {band_sd: -3,"), encoding="utf-8")
    _, problems = loader.check(tmp_path)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "intel: {band_sd: 12," in row)
    assert [str(p).split("/")[-1] for p in problems] == [
        f"sides.yaml:{line}: sides[usa].intel.band_sd: input should be greater than 0, got -3"]


def test_a_programme_found_is_news_for_the_side_that_found_it(content):
    game = sim.play(content, "survival", 3, {s: make_agent("ai") for s in SIDES})
    found = [e for e in game.state.log if e.text.startswith("Intelligence:")]
    assert found and all(e.visible_to == (e.side,) for e in found)
    assert all(e.quarter > game.state.start for e in found)  # the era's first survey is not news


def test_a_watched_kit_waits_for_historys_calendar_as_the_rules_do(content):
    """The file works out once when a kit may first fly (``_WatchedKit.first_quarter``): it
    must agree with ``Game.too_early`` on both sides of that quarter, for every kit the
    file could watch for with every programme known."""
    game = Game.new(content, "campaign", 1)
    known = frozenset(content.programmes)
    checked = 0
    for mission in content.missions.values():
        for kit in intel._kits(content, known, mission):
            dated = kit.first_quarter >= 0  # (-1: no first date)
            for quarter in (kit.first_quarter - 1, kit.first_quarter) if dated else (game.state.start,):
                game.state.quarter = quarter
                assert (quarter < kit.first_quarter) == bool(game.too_early(kit.rocket, kit.craft)), kit
                checked += 1
    assert checked > 100
