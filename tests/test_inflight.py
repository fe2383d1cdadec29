"""Decisions in flight: faults as data, a flight that stops for its side's answer, the
quarter paused and resumed in month order, saves taken at a decision, the computer's
answers, and hot-seat secrecy."""

import json
from types import SimpleNamespace

import pytest

from game import sim
from game.ai import decide, make_agent
from game.content import loader
from game.core import inflight, save
from game.core.commands import DecideInFlight, EndTurn, FundProgramme
from game.core.game import Game
from game.core.state import SIDES, Mission


def _to_decision(content, seed: int, era: str = "campaign", max_turns: int = 110, tries: int = 8) -> Game:
    """A seeded game played by the normal AI on both sides up to its first decision in flight
    (from ``seed``, or the next seed that has one: about one campaign in twenty-five has none)."""
    for tried in range(seed, seed + tries):
        game = Game.new(content, era, tried, "historical")
        agents = {side: make_agent("ai") for side in SIDES}
        for _ in range(max_turns):
            for side in SIDES:
                agents[side].plan(game, side)
                assert game.execute(EndTurn(side))
            if game.state.decision is not None:
                return game
            if game.state.over:
                break
    pytest.fail(f"seeds {seed}-{seed + tries - 1}: no decision in flight")  # a rule has gone wrong


def _copy(content, game: Game) -> Game:
    return Game(content, save.loads(save.dumps(game.state))[0])


def _ends_its_quarter(content, game: Game) -> bool:
    """Whether every answer to the waiting decision lets the quarter's flights finish: no
    second fault stops the same flight, or another flight of the quarter."""
    for option in content.faults[game.state.decision.fault].options:
        copy = _copy(content, game)
        assert copy.execute(DecideInFlight(copy.state.decision.side, option.id))
        if copy.state.decision is not None:
            return False
    return True


@pytest.fixture(scope="module")
def paused(content):
    """The first seeded decision in flight whose answers each finish the quarter (the tests
    below follow one decision to the quarter's end)."""
    seed = 0
    for _ in range(10):
        game = _to_decision(content, seed)
        if _ends_its_quarter(content, game):
            return game
        seed = game.state.seed + 1
    pytest.fail("ten seeded decisions in a row each led to another in the same quarter")


def test_the_faults_load_and_history_is_there(content):
    for fault in ("heat_shield_light", "tied_module", "stuck_thruster", "swollen_suit", "missed_burn", "unopened_panel",
                  "program_alarms", "low_fuel", "oxygen_tank"):
        assert fault in content.faults
    crewed_steps = {s.id for m in content.missions.values() if m.crew_min for s in m.steps[1:]}
    covered = {s for f in content.faults.values() if f.crewed is not False for s in f.steps}
    assert len(crewed_steps & covered) >= 0.8 * len(crewed_steps)  # most crewed steps can raise one
    assert any(f.crewed is False for f in content.faults.values())


def test_every_answer_of_a_fault_that_can_abort_is_worth_taking(content):
    """Where a flight can be given up, each answer trades the crew's odds against the
    flight's: none is worse on both counts than another (Apollo 11's abort to orbit was
    once less safe than landing through the alarms: no decision at all)."""
    for fault in content.faults.values():
        if not any(o.kind == "abort" for o in fault.options):
            continue  # one thing weighed: Glenn's light (both fly on), a probe's (no crew)
        for option in fault.options:
            better = [o.id for o in fault.options
                      if o is not option and o.crew >= option.crew and o.goes_on >= option.goes_on]
            assert not better, f"{fault.id}: '{option.id}' is no better than {better} on either count"


@pytest.mark.parametrize("side, rocket, capsule, own", [
    ("usa", "atlas", "mercury", "heat_shield_light"),  # Friendship 7
    ("ussr", "vostok_rocket", "vostok", "tied_module"),  # Vostok 1
])
def test_each_sides_capsule_meets_its_own_history_at_reentry_first(content, side, rocket, capsule, own):
    game = Game.new(content, "survival", 0, "historical")
    mission = content.missions["crewed_orbital"]
    reentry = next(i for i, step in enumerate(mission.steps) if step.id == "reentry")
    hardware = SimpleNamespace(rocket=content.programmes[rocket], spacecraft=content.programmes[capsule], by_step=[])
    booked = Mission(1, side, mission.id, rocket, capsule, 4, game.state.quarter, crew=["someone"])
    fits = [f.id for f in inflight.faults_for(game, booked, hardware, reentry)]
    assert fits[0] == own and "steep_reentry" in fits[1:]  # history's own, then the generic one
    empty = Mission(2, side, mission.id, rocket, capsule, 4, game.state.quarter)
    assert own not in [f.id for f in inflight.faults_for(game, empty, hardware, reentry)]  # a crew's fault


@pytest.mark.parametrize("body, expected", [
    ("faults:\n  - id: gremlins\n    name: Gremlins\n    text: x\n    steps: [reentri]\n    chance: 0.5\n"
     "    options:\n      - {id: a, text: A}\n      - {id: b, text: B}\n",
     "faults.yaml:5: faults[gremlins].steps[0]: no step 'reentri' in any mission (did you mean 'reentry'?)"),
    ("faults:\n  - id: gremlins\n    name: Gremlins\n    text: x\n    steps: [reentry]\n    chance: 0.5\n"
     "    options:\n      - {id: a, text: A, crew: 1.5}\n      - {id: b, text: B}\n",
     "faults.yaml:8: faults[gremlins].options[a].crew: input should be less than or equal to 1"),
    ("faults:\n  - id: gremlins\n    name: Gremlins\n    text: x\n    steps: [reentry]\n    chance: 0.5\n"
     "    options:\n      - {id: a, text: A, crew: 0.5, goes_on: 0.6}\n      - {id: b, text: B}\n",
     "faults.yaml:8: faults[gremlins].options[a]: goes_on (0.6) is above crew (0.5)"),
    ("faults:\n  - id: gremlins\n    name: Gremlins\n    text: x\n    steps: [reentry]\n    chance: 0.5\n"
     "    options:\n      - {id: go, text: A, kind: press_on, crew: 0.9, goes_on: 0.9}\n"
     "      - {id: back, text: B, kind: abort, crew: 0.85}\n",
     "faults.yaml:2: faults[gremlins]: the abort 'back' brings the crew home 0.85 of the time, no likelier than 'go' "
     "(0.9): an abort must be the safest answer"),
    ("faults:\n  - id: gremlins\n    name: Gremlins\n    text: x\n    steps: [launch]\n    chance: 0.5\n"
     "    options:\n      - {id: a, text: A}\n      - {id: b, text: B}\n",
     "a mission's first step"),
    ("faults:\n  - id: gremlins\n    name: Gremlins\n    text: x\n    steps: [reentry]\n    programmes: [mercuri]\n"
     "    chance: 0.5\n    options:\n      - {id: a, text: A}\n      - {id: b, text: B}\n",
     "unknown programme 'mercuri'"),
])
def test_a_bad_faults_file_is_refused_with_its_place(tmp_path, body, expected):
    (tmp_path / "faults.yaml").write_text(body)
    _, problems = loader.check(tmp_path)
    text = "\n".join(str(p) for p in problems)
    assert expected in text, text


def test_an_uncrewed_faults_abort_is_not_weighed_by_crew_odds(tmp_path):
    """Without a crew the crew's odds mean nothing (both answers keep their default, 1.0):
    an abort that only gives up the probe is allowed."""
    (tmp_path / "faults.yaml").write_text(
        "faults:\n  - id: gremlins\n    name: Gremlins\n    text: x\n    steps: [orbit]\n    crewed: false\n"
        "    chance: 0.5\n    options:\n      - {id: go, text: A, kind: press_on, goes_on: 0.5}\n"
        "      - {id: safe_it, text: B, kind: abort}\n")
    _, problems = loader.check(tmp_path)
    assert not problems, problems


def test_a_seeded_flight_stops_for_a_decision(content, paused):
    state = paused.state
    decision = state.decision
    fault = content.faults[decision.fault]
    mission = content.missions[decision.mission.type]
    assert mission.steps[decision.step].id in fault.steps
    assert len(decision.report.steps) == decision.step  # the steps flown before the trouble
    assert all(s.ready for s in state.sides.values())
    # nothing else moves while the flight waits
    assert "ended its turn" in paused.execute(EndTurn(decision.side)).reason
    assert not paused.execute(FundProgramme(decision.side, next(iter(state.sides[decision.side].programmes)), 1))


def test_each_option_resumes_the_quarter_in_month_order(content, paused):
    decision = paused.state.decision
    fault = content.faults[decision.fault]
    quarter = paused.state.quarter
    outcomes = set()
    for option in fault.options:
        game = _copy(content, paused)
        result = game.execute(DecideInFlight(decision.side, option.id))
        assert result, result.reason
        report = next(r for r in game.state.launches if r.mission_id == decision.mission.id)
        assert (report.fault, report.choice) == (fault.id, option.id)
        assert len(report.steps) == len(content.missions[report.type].steps)
        if option.goes_on == 0:
            assert report.outcome != "success"
        outcomes.add(report.outcome)
        order = [(r.month, r.day) for r in game.state.launches]
        assert order == sorted(order)
        if game.state.decision is None:
            assert game.state.quarter == quarter + 1 or game.state.over
            assert not game.state.queue
    assert outcomes


def test_an_answer_comes_out_at_its_odds(content, paused):
    """Over many draws the step that stopped goes on, ends with the crew alive, or loses
    the crew, as often as the option's odds say."""
    from game.core.rng import Rng

    decision = paused.state.decision
    text = save.dumps(paused.state)
    game = Game(content, save.loads(text)[0])
    game.state.decision.fault = "cabin_leak"
    game.state.decision.mission.crew = game.state.decision.mission.crew or ["x"]
    option = next(o for o in content.faults["cabin_leak"].options if o.id == "suits_on")  # crew .85, on .7
    counts = {"success": 0, "abort": 0, "death": 0}
    trials = 300
    for seed in range(trials):
        copy = Game(content, save.loads(text)[0])
        copy.state.decision.fault = "cabin_leak"
        copy.state.decision.mission.crew = game.state.decision.mission.crew
        copy.state.rng = Rng(seed)
        assert copy.execute(DecideInFlight(decision.side, option.id))
        pending = copy.state.decision
        if pending is not None and pending.mission.id == decision.mission.id:
            report = pending.report
        else:
            report = next(r for r in copy.state.launches if r.mission_id == decision.mission.id)
        counts[report.steps[decision.step].outcome] += 1
    for outcome, expected in (("success", option.goes_on), ("abort", option.crew - option.goes_on),
                              ("death", 1 - option.crew)):
        sd = (expected * (1 - expected) / trials) ** 0.5
        assert abs(counts[outcome] / trials - expected) < 4 * sd, counts


def test_a_wrong_answer_is_refused_with_a_reason(content, paused):
    decision = paused.state.decision
    game = _copy(content, paused)
    refused = game.execute(DecideInFlight(decision.side, "pray"))
    assert not refused and "has no option 'pray'" in refused.reason
    other = "ussr" if decision.side == "usa" else "usa"
    refused = game.execute(DecideInFlight(other, content.faults[decision.fault].options[0].id))
    assert not refused and refused.reason == "no flight of yours is waiting for a decision"
    assert game.state.decision is not None


def test_a_save_at_a_decision_resumes_there(content, paused, tmp_path):
    path = tmp_path / "paused.json"
    save.write(path, paused.state)
    state, _ = save.read(path)
    save.check_against(content, state)
    assert state.decision == paused.state.decision and state.queue == paused.state.queue
    option = content.faults[state.decision.fault].options[-1].id
    a, b = _copy(content, paused), Game(content, state)
    assert a.execute(DecideInFlight(a.state.decision.side, option))
    assert b.execute(DecideInFlight(b.state.decision.side, option))
    assert save.dumps(a.state) == save.dumps(b.state)  # the loaded game goes on exactly as the saved one


def test_the_quarters_research_waits_for_its_launches_and_is_done_once(content, paused):
    """Research comes after the quarter's launches: a game paused at a decision in flight has
    not done it, and does it once the flights are over. A save from before format 5 did the
    research first, so it reads as done and is not done again."""
    assert paused.state.researched is False
    option = content.faults[paused.state.decision.fault].options[-1].id
    invested = {side: {p: prog.invested for p, prog in paused.state.sides[side].programmes.items()}
                for side in SIDES}
    resumed = _copy(content, paused)
    assert resumed.execute(DecideInFlight(resumed.state.decision.side, option))
    assert resumed.state.researched is True
    spent = any(prog.invested > invested[side][p] for side in SIDES
                for p, prog in resumed.state.sides[side].programmes.items())
    assert spent  # the quarter's research money went in after the flights
    data = json.loads(save.dumps(paused.state))
    data["version"] = 4
    del data["state"]["researched"]
    old, _ = save.loads(json.dumps(data))
    assert old.researched is True
    older = Game(content, old)
    assert older.execute(DecideInFlight(older.state.decision.side, option))
    assert all(prog.invested == invested[side][p] for side in SIDES
               for p, prog in older.state.sides[side].programmes.items())


def test_an_older_save_without_decisions_still_loads(content):
    game = sim.play(content, "moon", 3, {s: make_agent("ai") for s in SIDES}, turns=3)
    data = json.loads(save.dumps(game.state))
    data["version"] = 1
    del data["state"]["decision"], data["state"]["queue"]
    for report in data["state"]["launches"]:
        report.pop("fault"), report.pop("choice")
    state, _ = save.loads(json.dumps(data))
    assert state.decision is None and state.queue == []


def test_the_computer_decides_by_its_nerve(content, paused):
    game = _copy(content, paused)
    side = game.state.decision.side
    game.state.decision.fault = "oxygen_tank"  # abort: crew 0.85; press on: crew 0.4, goes on 0.3
    game.state.decision.mission.crew = game.state.decision.mission.crew or ["someone"]
    assert decide.by_nerve(game, side, make_agent("ai").level.crew_risk) == "lifeboat"
    assert decide.by_nerve(game, side, 1.0) == "press_on"  # no fear at all: the likeliest to go on
    assert decide.as_history(game, side) == "lifeboat"
    assert decide.safest(game, side) == "lifeboat"
    assert decide.at_random(game, side) in ("lifeboat", "press_on")
    game.state.decision.fault = "cabin_leak"  # come home: crew 0.96; suits on: crew 0.85, goes on 0.7
    assert decide.by_nerve(game, side, 0.2) == "suits_on"
    assert decide.by_nerve(game, side, 0.05) == "come_home"


@pytest.mark.parametrize("agent", ["ai", "history", "random", "crude:goal-once"])
def test_every_agent_answers_and_the_sim_finishes(content, agent, monkeypatch):
    asked = []
    real = inflight.resolve
    monkeypatch.setattr(inflight, "resolve", lambda game, option: (asked.append(option), real(game, option)))
    games = []
    for seed in range(6):  # until a decision has come up (most campaigns meet one)
        games.append(sim.play(content, "campaign", seed, {"usa": make_agent(agent), "ussr": make_agent("ai")}))
        if asked and seed:
            break
    assert all(g.state.over and g.state.decision is None and not g.state.queue for g in games)
    assert asked or agent == "random"  # decisions came up, and were answered (random flies few crews)


def test_hot_seat_keeps_a_decision_to_its_own_side(content):
    from game.ui.session import Session

    game = _to_decision(content, 0)
    session = Session(game, "usa", "human")  # built at the decision, as a loaded save is
    decision = game.state.decision
    rival = "ussr" if decision.side == "usa" else "usa"
    assert session.at_keyboard == decision.side and session.waiting_decision() is decision
    session.at_keyboard = rival  # the rival at the keyboard sees nothing of it
    assert session.waiting_decision() is None
    shown = [e.text for e in game.visible_log(rival)]
    fault = content.faults[decision.fault]
    assert not any(fault.name.lower() in t.lower() for t in shown)
    session.at_keyboard = decision.side
    outcome = session.decide(inflight.safest(fault, inflight.crewed(decision)).id)
    assert not outcome.refused
    report = next(r for r in game.state.launches if r.mission_id == decision.mission.id)
    for entry in game.visible_log(rival):  # the answer's news is the deciding side's alone
        assert fault.name not in entry.text
    assert report.fault == fault.id  # kept on the report, which the launch screen shows only to its side
