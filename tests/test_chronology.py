"""History's calendar in the rules: crews arrive when they were chosen, vehicles fly no
earlier than history allows, dated events happen, cards come in their own quarter, the
secret stays secret, and the firsts the race turned on can be won."""

from game import sim
from game.ai import make_agent
from game.content import loader
from game.core import commands, dates, rules, turn
from game.core.game import Game
from game.core.state import SIDES, FirstWon


def _answer(game, side, event_id, choice_id):
    assert game.execute(commands.AnswerEvent(side, event_id, choice_id))


def _clear_cards(game):
    for side in game.state.sides.values():
        side.pending_events.clear()


def _end_quarter(game):
    _clear_cards(game)
    for side in SIDES:
        assert game.execute(commands.EndTurn(side))


# --- crews ----------------------------------------------------------------------------------

def test_the_race_for_survival_opens_with_no_crews_and_recruits_must_train_first(content):
    game = Game.new(content, "survival", 0)
    assert all(not s.crews for s in game.state.sides.values())
    while "mercury_seven" not in game.state.sides["usa"].pending_events:
        assert dates.format_quarter(game.state.quarter) < "1959-Q3", "the Mercury Seven never came"
        _end_quarter(game)
    assert dates.format_quarter(game.state.quarter) == "1959-Q2"  # named on 9 April 1959
    _answer(game, "usa", "mercury_seven", "introduce_them")
    shepard = next(c for c in game.state.sides["usa"].crews.values() if c.name == "Alan Shepard")
    assert dates.format_quarter(shepard.ready_from) == "1960-Q4"  # flew in May 1961: two years on
    assert game.ready_crew("usa") == []
    usa = game.state.sides["usa"]
    usa.cash = 500
    usa.articles.update(redstone=1, mercury=1)
    for prog in usa.programmes.values():
        prog.reliability, prog.quarters = 90, 20
    game.state.quarter = dates.parse_quarter("1960-Q3")  # past Mercury's earliest, still in training
    reason = commands.PlanMission("usa", "crewed_suborbital", "redstone", "mercury", crew=(shepard.id,)).check(game)
    assert reason == "Alan Shepard is in basic training until 1960-Q4"
    game.state.quarter = shepard.ready_from
    assert shepard in game.ready_crew("usa")
    assert commands.PlanMission("usa", "crewed_suborbital", "redstone", "mercury", crew=(shepard.id,)).check(game) is None


def test_the_cosmonauts_are_chosen_in_1960_in_historical_play(content):
    game = sim.play(content, "survival", 1, {s: make_agent("history") for s in SIDES}, turns=6)
    gagarin = next(c for c in game.state.sides["ussr"].crews.values() if c.name == "Yuri Gagarin")
    assert dates.format_quarter(gagarin.ready_from) == "1960-Q4"  # chosen in March 1960, ten months' training


def test_training_the_cosmonauts_fast_readies_them_sooner_and_weaker(content):
    """The card's choice is a trade: a quarter sooner in space against endurance."""
    ready = {}
    for choice in ("train_hard", "train_fast"):
        game = Game.new(content, "survival", 0)
        game.state.quarter = dates.parse_quarter("1960-Q1")
        game.state.sides["ussr"].pending_events.append("vostok_group")
        _answer(game, "ussr", "vostok_group", choice)
        gagarin = next(c for c in game.state.sides["ussr"].crews.values() if c.name == "Yuri Gagarin")
        ready[choice] = (gagarin.ready_from, gagarin.endurance)
    assert ready["train_fast"][0] == ready["train_hard"][0] - 1
    assert ready["train_fast"][1] < ready["train_hard"][1]


# --- the secret -----------------------------------------------------------------------------

def test_deaths_an_event_causes_are_secret_american_ones_too(content):
    game = Game.new(content, "moon", 0)
    for side, rival, event in (("usa", "ussr", "apollo_1_fire"), ("ussr", "usa", "soyuz_1_komarov")):
        game.state.sides[side].pending_events.append(event)
        _answer(game, side, event, content.events[event].choices[0].id)
        deaths = [e for e in game.state.log if e.kind == "death" and e.side == side]
        assert deaths, side
        assert all(e.visible_to == (side,) for e in deaths)
        assert not [e for e in game.visible_log(rival) if e.kind == "death" and e.side == side]
    named = {c.name for c in game.state.sides["usa"].crews.values() if c.status == "dead"}
    assert {"Gus Grissom", "Ed White"} <= named  # the fire's crew, not the newest men on the roster


def test_soviet_missile_tests_are_secret_but_their_firsts_are_not(content):
    game = Game.new(content, "satellites", 3)
    _clear_cards(game)
    game.state.quarter = dates.parse_quarter("1956-Q3")
    ussr = game.state.sides["ussr"]
    ussr.cash = 500
    for prog_id in ("r5", "r7", "heat_shield"):
        prog = game.open_programme(ussr, prog_id)
        prog.reliability, prog.quarters = 99.0, 20
    ussr.articles.update(r5=1, r7=1)
    ussr.grounded.clear()
    assert game.execute(commands.PlanMission("ussr", "own_rocket_test", "r5"))
    assert game.execute(commands.PlanMission("ussr", "icbm_test", "r7"))
    game.state.sides["usa"].ready = True
    game.execute(commands.EndTurn("ussr"))
    flown = {r.type: r for r in game.state.launches if r.side == "ussr" and r.outcome == "success"}
    seen = {r.type for r in game.visible_launches("usa")}
    if "own_rocket_test" in flown:
        assert "own_rocket_test" not in seen  # TASS said nothing of the R-5
    if "icbm_test" in flown and flown["icbm_test"].firsts:
        assert "icbm_test" in seen
        assert any(e.kind == "first" for e in game.visible_log("usa"))


# --- dated events ---------------------------------------------------------------------------

def test_in_historical_play_a_dated_event_happens_by_the_end_of_its_window(content):
    """The Apollo 1 fire has a chance of 0.5 a quarter: without the rule it was missing from
    about one game in eight."""
    fire = content.events["apollo_1_fire"]
    assert fire.chance < 1
    for seed in range(16):
        game = sim.play(content, "moon", seed, {s: make_agent("history") for s in SIDES},
                        turns=dates.parse_quarter(fire.trigger.to) - dates.parse_quarter("1964-Q1") + 1)
        fired = [f for f in game.state.fired if f.event == "apollo_1_fire"]
        assert fired, f"seed {seed}: no fire"
        assert fired[0].quarter <= dates.parse_quarter(fire.trigger.to)


def test_in_dynamic_play_the_chance_still_rules(content):
    game = Game.new(content, "moon", 0, "dynamic")
    game.state.quarter = dates.parse_quarter("1967-Q3")
    assert not turn.due_now(game, content.events["apollo_1_fire"])


def test_a_card_comes_in_the_quarter_its_text_is_dated(content):
    game = Game.new(content, "rockets", 0)
    assert "v2_attacks" in game.state.sides["usa"].pending_events  # September 1944, in 1944-Q3
    assert [f.quarter for f in game.state.fired if f.event == "v2_attacks" and f.side == "usa"] == [game.state.start]


# --- vehicles -------------------------------------------------------------------------------

def test_no_vehicle_flies_before_history_allows(content):
    r7 = content.programmes["r7"]
    game = Game.new(content, "satellites", 0)
    _clear_cards(game)
    ussr = game.state.sides["ussr"]
    ussr.cash = 500
    for prog_id in ("r7", "heat_shield"):
        prog = game.open_programme(ussr, prog_id)
        prog.reliability, prog.quarters = 99.0, 20
    ussr.articles["r7"] = 1
    game.state.quarter = dates.parse_quarter("1953-Q4")
    result = game.execute(commands.PlanMission("ussr", "icbm_test", "r7"))
    assert not result and result.reason == f"R-7 Semyorka cannot fly before {r7.earliest}"
    game.state.quarter = dates.parse_quarter(r7.earliest)
    assert game.execute(commands.PlanMission("ussr", "icbm_test", "r7"))


def test_every_rocket_has_an_earliest_date_no_later_than_its_first_launch(content):
    for prog in content.programmes.values():
        if prog.kind == "rocket" and prog.id != "v2":  # (the German V-2 flew in 1942)
            assert prog.earliest, prog.id
            if not prog.first_flight:
                continue  # a road not taken (Nova, UR-700): it never flew
            year, month = dates.parse_month(prog.first_flight)
            assert dates.parse_quarter(prog.earliest) <= dates.quarter_of_month(year, month), prog.id


def test_the_loader_refuses_flights_before_a_vehicles_earliest_date(tmp_path):
    (tmp_path / "eras").mkdir()
    era = (loader.BUNDLED / "eras" / "satellites.yaml").read_text(encoding="utf-8")
    (tmp_path / "eras" / "satellites.yaml").write_text(
        era.replace("  programmes:\n", "  programmes:\n    r7: {reliability: 60, flights: 3}\n", 2), encoding="utf-8")
    (tmp_path / "history.yaml").write_text(
        "ussr:\n  programmes: {r7: 1954-Q2, heat_shield: 1953-Q1}\n"
        "  launches: [{month: \"1955-04\", mission: icbm_test, rocket: r7}]\n", encoding="utf-8")
    _, problems = loader.check(tmp_path)
    text = " ".join(str(p) for p in problems)
    assert "'r7' has flown before the era opens (1953-Q1), but it cannot fly before 1956-Q2" in text
    assert "'r7' cannot fly before 1956-Q2" in text


def test_the_loader_refuses_history_flights_of_a_vehicle_no_longer_built(tmp_path):
    (tmp_path / "history.yaml").write_text(
        "usa:\n  programmes: {v2: 1945-Q2}\n"
        "  launches: [{month: \"1952-07\", mission: ballistic_test, rocket: v2},\n"
        "             {month: \"1952-10\", mission: ballistic_test, rocket: v2}]\n", encoding="utf-8")
    _, problems = loader.check(tmp_path)
    found = [str(p) for p in problems]
    assert len(found) == 1, found  # July 1952 was ordered in the last quarter allowed; October was not
    assert "history.yaml:4" in found[0]
    assert "'v2' is no longer built then: the last may be ordered in 1952-Q2, and one takes 1 quarter to build" \
        in found[0]


# --- cards that give a programme ----------------------------------------------------------------

def test_a_programme_a_waiting_card_can_give_is_not_sold(content):
    game = Game.new(content, "rockets", 0)
    while "mittelwerk" not in game.state.sides["usa"].pending_events:
        _end_quarter(game)
    game.state.sides["usa"].cash = 100
    reason = commands.StartProgramme("usa", "v2").check(game)
    assert reason and "The Tunnels of Mittelwerk" in reason
    _answer(game, "usa", "mittelwerk", "take_papers")  # the card passes without starting it
    assert commands.StartProgramme("usa", "v2").check(game) is None


# --- firsts ---------------------------------------------------------------------------------

def test_a_history_campaign_wins_the_new_firsts_on_historys_dates(content):
    """Over a few seeds, as the dice may lose a crew and stand the craft down in any one."""
    games = [sim.play(content, "campaign", seed, {s: make_agent("history") for s in SIDES}) for seed in range(5)]
    for first_id in ("first_lunar_far_side", "first_woman_in_space"):
        history = content.firsts[first_id].history
        won = [g.state.firsts[first_id][0] for g in games if g.state.firsts.get(first_id)]
        assert len(won) >= 4 and all(w.side == history.side for w in won)
        months = sorted(sim.won_month(sim.month_text(w.year, w.month)) for w in won)
        assert abs(months[len(months) // 2] - sim.won_month(history.date)) <= 6
    women = [c for g in games for c in g.state.sides["ussr"].crews.values() if c.woman]
    assert "Valentina Tereshkova" in {c.name for c in women}
    assert any(c.flights for c in women)


def test_a_womans_flight_needs_a_woman_aboard(content):
    game = Game.new(content, "moon", 0)
    _clear_cards(game)
    ussr = game.state.sides["ussr"]
    man = next(iter(ussr.crews.values()))
    reason = commands.PlanMission("ussr", "woman_in_orbit", "vostok_rocket", "vostok", crew=(man.id,)).check(game)
    assert reason == "the woman in orbit needs a woman in the crew"


def test_a_crewed_flyby_can_win_the_first_crew_round_the_moon(content):
    won = []
    for seed in range(30):
        game = Game.new(content, "moon", seed)
        _clear_cards(game)
        game.state.quarter = dates.parse_quarter("1968-Q3")
        ussr = game.state.sides["ussr"]
        ussr.cash = 1000
        for prog_id in ("proton", "zond", "heat_shield", "guidance", "escape_system", "life_support"):
            prog = game.open_programme(ussr, prog_id)
            prog.reliability, prog.quarters = 99.0, 30
        ussr.articles.update(proton=1, zond=1)
        crew = next(iter(ussr.crews.values()))
        result = game.execute(commands.PlanMission("ussr", "crewed_lunar_flyby", "proton", "zond", crew=(crew.id,)))
        assert result, result.reason
        game.state.sides["usa"].ready = True
        game.execute(commands.EndTurn("ussr"))
        if game.state.firsts.get("first_crewed_lunar_orbit"):
            won.append(game.state.firsts["first_crewed_lunar_orbit"][0].side)
    assert won and set(won) == {"ussr"}


def test_the_soviet_v2s_wait_for_the_decree_that_founds_the_industry(content):
    """Captured at Peenemuende in 1945, grounded until Decree 1017-419 (May 1946)."""
    game = Game.new(content, "rockets", 0)
    ussr = game.state.sides["ussr"]
    while "peenemunde_taken" not in ussr.pending_events:
        _end_quarter(game)
    _answer(game, "ussr", "peenemunde_taken", "institut_rabe")
    ussr.programmes["v2"].quarters = 20
    ussr.cash = 100
    ussr.articles["v2"] = 1
    reason = commands.PlanMission("ussr", "ballistic_test", "v2").check(game)
    assert reason == "V-2 (A-4) is grounded by order from above"
    ussr.pending_events.append("nii88_decree")
    _answer(game, "ussr", "nii88_decree", "ustinov_leads")
    # then Kapustin Yar: the first Soviet V-2 flew from it in October 1947
    assert commands.PlanMission("ussr", "ballistic_test", "v2").check(game) == "no pad can launch V-2 (A-4) before 1947-Q4"
    game.state.quarter = dates.parse_quarter("1947-Q4")
    assert commands.PlanMission("ussr", "ballistic_test", "v2").check(game) is None


def test_a_card_that_tells_of_a_flight_waits_for_that_flight(content):
    """The Dream tells of Luna 1's miss, The Ground Will Hold of the first soft landing."""
    game = Game.new(content, "campaign", 0)
    game.state.quarter = dates.parse_quarter("1959-Q2")
    ussr = game.state.sides["ussr"]
    luna = game.open_programme(ussr, "luna")
    dream = content.events["luna_mechta"]
    assert not turn.triggered(game, dream, "ussr")  # no probe of its own has missed
    luna.flights = luna.failures = 1
    assert turn.triggered(game, dream, "ussr")
    ground = content.events["moon_surface"]
    game.state.quarter = dates.parse_quarter("1966-Q1")
    assert not turn.triggered(game, ground, "usa")  # nothing has landed on the Moon
    game.state.firsts["first_lunar_soft_landing"] = [FirstWon("first_lunar_soft_landing", "ussr", 1966, 2, 3, "", 0)]
    assert turn.triggered(game, ground, "usa")


def test_a_card_that_would_start_a_running_programme_backs_it_instead(content):
    game = Game.new(content, "rockets", 0)
    usa = game.state.sides["usa"]
    v2 = game.open_programme(usa, "v2")  # paid for, say, before the card came
    before = v2.reliability
    usa.pending_events.append("mittelwerk")
    _answer(game, "usa", "mittelwerk", "ship_everything")
    assert v2.reliability == before + rules.CARD_BACKING
    assert any("already under way" in e.text for e in game.visible_log("usa"))
