"""Risk with teeth: what a launch costs beyond its price, and the bugs that let it be free."""

import dataclasses

from game.core import commands, dates
from game.core.game import Game
from game.core.state import Crew


def _ready(content, era, seed, sides=(("usa", "jupiter_c", "explorer"), ("ussr", "r7", "sputnik"))):
    # the rules of a flight as the dice alone decide it: no fault stops one for a decision
    # in flight (tests/test_inflight.py has those)
    game = Game.new(dataclasses.replace(content, faults={}), era, seed)
    game.state.quarter = max(game.state.quarter, 1957 * 4 + 3)  # both sides have their pads
    for side, rocket, craft in sides:
        side_state = game.state.sides[side]
        side_state.cash = 500
        for prog_id in (rocket, craft):
            prog = game.open_programme(side_state, prog_id)
            prog.reliability, prog.quarters = 99.0, 20
            side_state.articles[prog_id] = 5
    return game


def _end_turn(game):
    for side in game.state.sides.values():
        side.pending_events.clear()
        assert game.execute(commands.EndTurn(side.side))


def test_no_launch_flies_after_the_goal_is_won(content):
    """The race ends with the goal: a launch booked for later in that quarter stays on the ground."""
    checked = 0
    for seed in range(20):
        game = _ready(content, "satellites", seed)
        month = game.month_now()
        assert game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik", month))
        assert game.execute(commands.PlanMission("usa", "satellite", "jupiter_c", "explorer", month + 2))
        _end_turn(game)
        if game.state.winner == "ussr":
            assert [r.side for r in game.state.launches if r.outcome != "scrubbed"] == ["ussr"]
            assert game.state.sides["usa"].launches == 0
            checked += 1
    assert checked


def test_a_second_is_not_reported_as_a_first(content):
    checked = 0
    for seed in range(20):
        game = _ready(content, "campaign", seed)
        month = game.month_now()
        assert game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik", month))
        assert game.execute(commands.PlanMission("usa", "satellite", "jupiter_c", "explorer", month + 2))
        _end_turn(game)
        won = game.state.firsts.get("first_satellite", [])
        if [w.side for w in won] == ["ussr", "usa"]:
            by_side = {r.side: r for r in game.state.launches}
            assert by_side["ussr"].firsts == ["first_satellite"]
            assert by_side["usa"].firsts == []
            checked += 1
    assert checked


def test_a_scrub_names_the_step_that_scrubbed(content):
    """The scrub message names the failed step, not the last of those skipped after it."""
    for seed in range(200):
        game = _ready(content, "satellites", seed, (("ussr", "r7", "sputnik"),))
        game.state.sides["ussr"].programmes["r7"].reliability = 20.0
        assert game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik"))
        _end_turn(game)
        report = next(r for r in game.state.launches if r.side == "ussr")
        if report.outcome != "scrubbed" or not report.steps:
            continue
        scrubbed = next(s for s in report.steps if s.outcome == "scrub")
        assert scrubbed.name != report.steps[-1].name  # lift-off scrubbed; later steps were skipped
        lines = [e.text for e in game.state.log if "scrubbed" in e.text]
        assert lines[-1] == f"Satellite scrubbed: {scrubbed.name} scrubbed."
        return
    raise AssertionError("no scrub at lift-off in 200 seeds")



# --- flight articles -------------------------------------------------------------------------

def test_hardware_is_ordered_paid_for_and_built_in_time(content):
    game = Game.new(content, "moon", 1)
    usa = game.state.sides["usa"]
    usa.cash = 500
    saturn = content.programmes["saturn5"]
    game.open_programme(usa, "saturn5")
    before = usa.cash
    assert game.execute(commands.OrderHardware("usa", "saturn5"))
    assert usa.cash == before - saturn.unit_cost
    ready = game.state.quarter + saturn.build_quarters
    assert game.on_order("usa", "saturn5") == [ready]
    while game.state.quarter < ready:
        assert usa.articles.get("saturn5", 0) == 0
        _end_turn(game)
    assert usa.articles["saturn5"] == 1 and not game.on_order("usa", "saturn5")


def test_a_programme_builds_only_so_many_a_year(content):
    game = Game.new(content, "moon", 1)
    usa = game.state.sides["usa"]
    usa.cash = 10_000
    game.open_programme(usa, "saturn5")
    limit = content.programmes["saturn5"].per_year
    assert game.execute(commands.OrderHardware("usa", "saturn5", limit))
    refused = game.execute(commands.OrderHardware("usa", "saturn5"))
    assert not refused and f"at most {limit} a year" in refused.reason


def test_components_and_unstarted_programmes_cannot_be_ordered(content):
    game = Game.new(content, "moon", 1)
    assert "not built for a flight" in game.execute(commands.OrderHardware("usa", "heat_shield")).reason
    assert "has not been started" in game.execute(commands.OrderHardware("usa", "n1")).reason
    assert "whole number" in game.execute(commands.OrderHardware("usa", "saturn1b", 0)).reason


def test_a_launch_flies_built_hardware_and_a_cancel_returns_it(content):
    game = _ready(content, "satellites", 1, (("ussr", "r7", "sputnik"),))
    ussr = game.state.sides["ussr"]
    ussr.articles = {"r7": 1}
    refused = game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik"))
    assert not refused and "no Sputnik built and in hand" in refused.reason
    ussr.articles["sputnik"] = 1
    booked = game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik"))
    assert booked and ussr.articles == {"r7": 0, "sputnik": 0}
    assert game.execute(commands.CancelMission("ussr", booked.value))
    assert ussr.articles == {"r7": 1, "sputnik": 1}


def test_hardware_history_stopped_building_cannot_be_ordered_but_flies_from_stock(content):
    """The V-2's captured parts ran out in 1952: no more are ordered after its last_order,
    what is in hand still flies, and once it is gone the booking says so."""
    game = Game.new(dataclasses.replace(content, faults={}), "satellites", 1)
    usa = game.state.sides["usa"]
    usa.cash, usa.articles["v2"] = 500, 5
    game.state.quarter = dates.parse_quarter(content.programmes["v2"].last_order)
    assert game.execute(commands.OrderHardware("usa", "v2"))  # the last quarter it may be ordered
    game.state.quarter += 1
    refused = game.execute(commands.OrderHardware("usa", "v2"))
    assert not refused and refused.reason == "V-2 (A-4) is no longer built: the last could be ordered in 1952-Q2"
    assert game.execute(commands.PlanMission("usa", "ballistic_test", "v2"))  # from the five in hand
    usa.articles["v2"] = 0
    waiting = game.execute(commands.PlanMission("usa", "ballistic_test", "v2"))
    assert "order one first" in waiting.reason  # the last one ordered is still being built
    usa.orders.clear()
    refused = game.execute(commands.PlanMission("usa", "ballistic_test", "v2"))
    assert refused.reason == "no V-2 (A-4) in hand, and no more are built"


def test_the_ai_flies_no_hardware_after_history_stopped_building_it(content):
    """The satellite era opens in 1953 with the V-2's last built and Hermes ending: the American
    AI flew four V-2s and two Hermes a game there as filler, and now flies neither past what
    it may still build."""
    from game import sim
    from game.ai import make_agent

    ends = {p.id: dates.parse_quarter(p.last_order) for p in content.programmes.values() if p.last_order}
    assert {"v2", "hermes"} <= ends.keys()
    late = []

    def watch(game):
        for report in game.state.launches:
            for vehicle in (report.rocket, report.spacecraft):
                if vehicle in ends and report.outcome != "scrubbed":
                    # the last one ordered is built later, and may wait a quarter for its pad
                    flown = dates.quarter_of_month(report.year, report.month)
                    if flown > ends[vehicle] + content.programmes[vehicle].build_quarters + 1:
                        late.append((report.side, vehicle, report.year, report.month))

    for seed in range(6):
        sim.play(content, "satellites", seed, {"usa": make_agent("ai"), "ussr": make_agent("ai")}, after_turn=watch)
    assert not late


def test_the_moon_era_flies_gemini_and_voskhod_crews_not_the_first_capsules(content):
    """History ended Mercury and Vostok in 1963. Both planners flew them as filler to 1969
    (some Mercuries on a Saturn I), and Gemini carried a crew once in four games: a player saw
    no Gemini programme. The era now opens with Gemini and Voskhod about to fly, as in 1964."""
    from game import sim
    from game.ai import make_agent

    crewed: dict[tuple[str, int], str] = {}

    def watch(game):
        for report in game.state.launches:
            if report.crew and report.outcome != "scrubbed":
                crewed[report.side, report.mission_id] = report.spacecraft

    for seed in range(6):
        sim.play(content, "moon", seed, {"usa": make_agent("ai"), "ussr": make_agent("ai")}, after_turn=watch)
    craft = list(crewed.values())
    assert "mercury" not in craft and "vostok" not in craft
    assert craft.count("gemini") >= 4 and craft.count("voskhod") >= 2, craft


def test_a_kit_is_worked_toward_until_a_year_before_its_last_order(content):
    """Vostok is last ordered in 1963: in 1961, the Race for Survival's last year, the Soviet
    planner still works toward a crewed flight on it (it dropped every kit ten quarters before
    its vehicles' last order, and so the era's own goal in its last year)."""
    from game.ai import make_agent

    game = Game.new(content, "survival", 0)
    game.state.quarter = dates.parse_quarter("1961-Q1")
    planner = make_agent("ai")
    planner = getattr(planner, "planner", planner)
    assert any(kit.spacecraft == "vostok" for _, kit in planner._targets(game, "ussr"))
    game.state.quarter = dates.parse_quarter("1962-Q2")  # a year before: no longer
    planner = make_agent("ai")
    planner = getattr(planner, "planner", planner)
    assert not any(kit.spacecraft == "vostok" for _, kit in planner._targets(game, "ussr"))


# --- pads --------------------------------------------------------------------------------------

def test_no_pad_no_launch_before_history_built_one(content):
    game = Game.new(content, "rockets", 1)
    ussr = game.state.sides["ussr"]
    game.open_programme(ussr, "v2").reliability = 90
    ussr.articles["v2"] = 3
    refused = game.execute(commands.PlanMission("ussr", "ballistic_test", "v2"))
    assert not refused and refused.reason == "no pad can launch V-2 (A-4) before 1947-Q4"


def test_a_pad_launches_so_many_a_quarter(content):
    game = _ready(content, "satellites", 1, (("usa", "vanguard", "explorer"),))
    game.state.sides["usa"].articles["vanguard"] = game.state.sides["usa"].articles["explorer"] = 3
    game.state.sides["usa"].programmes["vanguard"].reliability = 90
    assert game.execute(commands.PlanMission("usa", "satellite", "vanguard", "explorer"))
    refused = game.execute(commands.PlanMission("usa", "satellite", "vanguard", "explorer"))
    assert not refused and "every Vanguard pad is booked this quarter" in refused.reason


def test_a_loss_at_lift_off_can_wreck_the_pad(content):
    pads = {k: dataclasses.replace(p, wreck_chance=1.0) for k, p in content.pads.items()}
    wrecking = dataclasses.replace(content, pads=pads)
    for seed in range(100):
        game = _ready(wrecking, "satellites", seed, (("usa", "vanguard", "explorer"),))
        usa = game.state.sides["usa"]
        usa.programmes["vanguard"].reliability = 10
        usa.articles.update(vanguard=2, explorer=2)
        assert game.execute(commands.PlanMission("usa", "satellite", "vanguard", "explorer"))
        quarter = game.state.quarter
        _end_turn(game)
        report = game.state.launches[0]
        if report.steps[0].outcome == "loss":
            assert usa.pads["lc18"] == quarter + 1 + content.pads["lc18"].wreck_quarters
            refused = game.execute(commands.PlanMission("usa", "satellite", "vanguard", "explorer"))
            assert not refused and "being rebuilt" in refused.reason
            return
    raise AssertionError("no loss at lift-off in 100 seeds")


# --- inquiries, deaths and the leadership review -------------------------------------------------

def test_repeated_failures_bring_an_inquiry_that_stands_the_vehicle_down(content):
    game = _ready(content, "satellites", 5, (("usa", "vanguard", "explorer"),))
    usa = game.state.sides["usa"]
    usa.programmes["explorer"].reliability = 1  # the rocket works; the satellite never does
    usa.programmes["vanguard"].flights = 5  # tried: no maiden-flight penalty to scrub a launch
    usa.articles.update(vanguard=10, explorer=10)
    limit = content.sides["usa"].inquiry_failures
    for _ in range(limit):
        assert game.execute(commands.PlanMission("usa", "satellite", "vanguard", "explorer"))
        _end_turn(game)
    until = usa.programmes["explorer"].inquiry_until
    assert until == game.state.quarter + content.sides["usa"].inquiry_quarters
    refused = game.execute(commands.PlanMission("usa", "satellite", "vanguard", "explorer"))
    name = content.programmes["explorer"].name
    assert not refused and f"{name} is stood down by an inquiry" in refused.reason
    assert any(f"an inquiry stands {name} down" in e.text for e in game.visible_log("ussr"))  # public


def _crewed_loss(content, side, rocket, craft, mission, era="survival", outcome="crew_lost", believed=None):
    for seed in range(300):
        game = _ready(content, era, seed, ((side, rocket, craft),))
        side_state = game.state.sides[side]
        for prog_id in list(side_state.programmes):
            side_state.programmes[prog_id].quarters = 40
        side_state.programmes[rocket].reliability = 20
        side_state.articles.update({rocket: 3, craft: 3})
        game.state.quarter = dates.parse_quarter("1961-Q1")  # the craft may fly and its crews are trained
        game.add_crew(side_state, Crew(id="", name="Test Pilot"))
        game.add_crew(side_state, Crew(id="", name="Second Pilot"))
        crew = (game.active_crew(side)[0].id,)
        assert game.execute(commands.PlanMission(side, mission, rocket, craft, crew=crew))
        if believed is not None:  # the odds the side booked it at, whatever the rocket is truly worth
            side_state.missions[0].expected = believed
        _end_turn(game)
        if game.state.launches[0].outcome == outcome:
            return game
    raise AssertionError(f"no flight {outcome} in 300 seeds")


def test_a_death_stands_down_that_spacecraft_on_either_side(content):
    for side, rocket, craft, mission in (("usa", "atlas", "mercury", "crewed_orbital"),
                                         ("ussr", "vostok_rocket", "vostok", "crewed_orbital")):
        game = _crewed_loss(content, side, rocket, craft, mission)
        side_state = game.state.sides[side]
        assert side_state.programmes[craft].crewed_until == \
            game.state.quarter + content.sides[side].death_stand_down  # the quarter has moved on by one
        crew = (game.active_crew(side)[0].id,)
        refused = game.execute(commands.PlanMission(side, mission, rocket, craft, crew=crew))
        assert not refused and "carries no crew until" in refused.reason
        assert game.execute(commands.PlanMission(side, "capsule_test", rocket, craft))  # uncrewed tests go on


def test_a_flight_held_by_a_stand_down_is_taken_off_the_schedule(content):
    """A crewed flight booked before a death grounds its craft does not wait out the
    stand-down quarter by quarter with its rocket and craft locked up: it is cancelled and
    its hardware goes back to stock."""
    game = _crewed_loss(content, "ussr", "vostok_rocket", "vostok", "crewed_orbital")
    side_state = game.state.sides["ussr"]
    stock = dict(side_state.articles)
    crew = (game.active_crew("ussr")[0].id,)
    booked = commands.PlanMission("ussr", "crewed_orbital", "vostok_rocket", "vostok", crew=crew)
    side_state.programmes["vostok"].crewed_until = 0  # booked before the stand-down began ...
    assert game.execute(booked)
    side_state.programmes["vostok"].crewed_until = game.state.quarter + 6  # ... which holds it now
    assert side_state.articles["vostok"] == stock["vostok"] - 1
    _end_turn(game)
    assert game.state.launches[-1].outcome == "scrubbed"
    assert not side_state.missions  # not rebooked for the next quarter
    assert side_state.articles == stock
    assert any("taken off the schedule: Vostok carries no crew until" in e.text for e in game.state.log)


def test_an_aborted_crewed_flight_stands_its_spacecraft_down_too(content):
    """Apollo 13: a crew brought home from a failed flight, and the craft checked before the next."""
    game = _crewed_loss(content, "usa", "atlas", "mercury", "crewed_orbital", era="moon", outcome="aborted")
    side_state = game.state.sides["usa"]
    assert content.sides["usa"].abort_stand_down > 0
    assert side_state.programmes["mercury"].crewed_until == game.state.quarter + content.sides["usa"].abort_stand_down
    refused = game.execute(commands.PlanMission("usa", "crewed_orbital", "atlas", "mercury",
                                                crew=(game.active_crew("usa")[0].id,)))
    assert not refused and "failure of its last crewed flight" in refused.reason


def test_a_failed_try_at_the_goal_stands_the_craft_down_longer(content):
    """The survival era's goal is the first person in space: a crew brought home from a failed
    try at it grounds the craft for the goal's stand-down, longer than an ordinary abort's."""
    traits = content.sides["usa"]
    assert traits.goal_abort_stand_down > traits.abort_stand_down
    game = _crewed_loss(content, "usa", "atlas", "mercury", "crewed_orbital", outcome="aborted")
    assert game.era.goal.first in content.missions["crewed_orbital"].firsts
    assert game.state.sides["usa"].programmes["mercury"].crewed_until == \
        game.state.quarter + traits.goal_abort_stand_down


def test_a_sound_try_at_the_goal_that_fails_is_reviewed_as_any_abort(content):
    """Only a long shot answers at length: a try booked at odds the side calls sound, that
    failed by bad luck, stands the craft down for an ordinary abort's quarters, so a side
    that waited for good odds has a second try in a short era."""
    traits = content.sides["usa"]
    below = traits.goal_abort_below
    assert below is not None
    for believed, quarters in ((below - 0.01, traits.goal_abort_stand_down), (below, traits.abort_stand_down)):
        game = _crewed_loss(content, "usa", "atlas", "mercury", "crewed_orbital", outcome="aborted",
                            believed=believed)
        assert game.state.sides["usa"].programmes["mercury"].crewed_until == game.state.quarter + quarters


def test_low_support_warns_then_ends_the_tenure(content):
    game = Game.new(content, "survival", 2)
    review = content.sides["ussr"].review
    ussr = game.state.sides["ussr"]
    for turn in range(review.quarters):
        ussr.support = 0
        _end_turn(game)
        if turn + 1 < review.warn_after:
            assert not any("Warning" in e.text for e in game.visible_log("ussr"))
        if turn + 1 < review.quarters:
            assert not game.state.over
    assert any("Warning: support is under" in e.text for e in game.visible_log("ussr"))
    assert game.state.over and game.state.dismissed == "ussr" and game.state.winner == "usa"
    assert any("is replaced" in e.text for e in game.visible_log("usa"))


# --- milestones --------------------------------------------------------------------------------

def test_flying_before_the_milestones_costs_odds_and_says_why(content):
    game = _ready(content, "survival", 1, (("usa", "atlas", "mercury"),))
    usa = game.state.sides["usa"]
    mission = content.missions["crewed_orbital"]
    hardware = game.hardware("usa", mission, "atlas", "mercury")
    crew = game.active_crew("usa")[:1]
    penalty, missing = game.milestone_penalty("usa", mission)
    assert penalty == mission.milestone_penalty / len(mission.steps) and missing == ["Uncrewed capsule test"]
    before = game.odds("usa", mission, hardware, crew).success
    usa.flown["capsule_test"] = 1
    assert game.milestone_penalty("usa", mission) == (0.0, [])
    assert game.odds("usa", mission, hardware, crew).success > before


def test_the_validator_refuses_milestones_in_a_circle(tmp_path):
    from game.content import loader
    (tmp_path / "missions.yaml").write_text(
        "missions:\n  - id: satellite\n    name: Satellite\n    needs: [satellite]\n"
        "    steps: [{id: launch, name: Lift-off, uses: rocket}]\n    after: [animal_orbit]\n")
    text = "\n".join(map(str, loader.check(tmp_path)[1]))
    assert "milestones go round in a circle" in text


def test_a_launch_flies_from_the_pad_its_side_had_at_the_time(content):
    """The site follows the side and the date: White Sands for an American V-2 of 1946, Kapustin
    Yar for a Soviet one of 1947, never Peenemuende after the war (issue 18's launch sites)."""
    sites = {}
    for side, quarter in (("usa", "1946-Q3"), ("ussr", "1947-Q4")):
        game = Game.new(content, "rockets", 1)
        game.state.quarter = dates.parse_quarter(quarter)
        side_state = game.state.sides[side]
        side_state.pending_events.clear()
        side_state.grounded.clear()
        game.open_programme(side_state, "v2").quarters = 20
        side_state.articles["v2"] = 1
        assert game.execute(commands.PlanMission(side, "ballistic_test", "v2"))
        _end_turn(game)
        report = next(r for r in game.state.launches if r.side == side)
        sites[side] = content.pads[report.pad].site
    assert sites == {"usa": "White Sands", "ussr": "Kapustin Yar"}


def test_a_flight_flies_the_hardware_its_side_saw_when_it_booked_it(content, monkeypatch):
    """The quarter's development comes after its launches: a rushed rocket funded this
    quarter flies as rushed as it was when booked (before, a quarter's work between the
    booking and the flight made long shots at the goal better than the odds shown)."""
    from game.core import turn

    game = _ready(content, "satellites", 3)
    r7 = game.state.sides["ussr"].programmes["r7"]
    r7.reliability, r7.quarters = 70.0, content.programmes["r7"].min_quarters - 3  # rushed
    assert game.execute(commands.FundProgramme("ussr", "r7", 10))
    sputnik = content.missions["satellite"]
    hardware = game.hardware("ussr", sputnik, "r7", "sputnik")
    booked_odds = game.odds("ussr", sputnik, hardware, [], believed=False).success
    assert game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik", game.month_now()))
    flown_odds = []
    fly = turn._fly

    def watched(game, mission, month, day):
        flown_odds.append(game.odds("ussr", sputnik, hardware, [], believed=False).success)
        return fly(game, mission, month, day)

    monkeypatch.setattr(turn, "_fly", watched)
    _end_turn(game)
    assert flown_odds == [booked_odds]
    assert r7.quarters == content.programmes["r7"].min_quarters - 2 and r7.invested > 0  # worked on after


def _queue(content, seed: int, bookings: dict[str, int]):
    """The quarter's launch queue when each side books ``bookings[side]`` flights in February."""
    from game.core import turn
    from game.core.state import Mission

    game = Game.new(content, "satellites", seed)
    state = game.state
    number = 0
    for side, count in bookings.items():
        for _ in range(count):
            number += 1
            state.sides[side].missions.append(Mission(number, side, "satellite", "r7", "sputnik", 2, state.quarter))
    turn._launches(game)
    return state.queue


def test_a_sides_flights_of_one_month_fly_one_after_another_in_booking_order(content):
    queue = _queue(content, 3, {"usa": 0, "ussr": 3})
    days = [q.day for q in queue]
    assert [q.mission_id for q in queue] == [1, 2, 3]
    assert days == [min(28, days[0] + gap) for gap in (0, 3, 6)]


def test_booking_more_flights_in_a_month_buys_no_earlier_first_one(content):
    # with a day drawn for each booking, three bookings flew the first on the earliest of three
    # days: ahead of a rival's single flight in the same month three times in four
    games = 600
    ahead = sum(_queue(content, seed, {"usa": 1, "ussr": 3})[0].side == "ussr" for seed in range(games))
    assert 0.43 * games < ahead < 0.57 * games
