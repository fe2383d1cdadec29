"""The planning AI's judgement: it reads the way to the goal, the rival's record and the
events, proves a vehicle before it carries a crew, and beats a random player."""

import dataclasses
import gc

from game import sim
from game.ai import analysis, decide, make_agent, planner
from game.content import loader
from game.core import commands, dates
from game.core.commands import EndTurn
from game.core.game import Game
from game.core.state import Crew, FiredEvent, LikelyFlight, ProgrammeState


def _advance_until(game, agents, done, limit=60):
    for _ in range(limit):
        if done(game) or game.state.over:
            return
        for side in ("usa", "ussr"):
            agents[side].plan(game, side)
            game.execute(EndTurn(side))
            decide.answer_all(game, agents)  # a flight stopped at a fault waits for its side's answer


def test_a_grounded_goal_makes_the_first_that_lifts_it_part_of_the_goal(content):
    """Sputnik waits for the ICBM: while it is grounded, the first ICBM counts as the goal."""
    game = Game.new(content, "satellites", 1)
    assert planner._goal_path(game, "ussr") == {"first_satellite"}
    game.state.sides["ussr"].grounded.add("sputnik")
    assert "first_icbm" in planner._goal_path(game, "ussr")
    ai = planner.PlanningAI()
    assert any("first_icbm" in content.missions[kit.mission].firsts for _, kit in ai._targets(game, "ussr"))


def test_the_soviet_ai_gets_its_satellite_up_against_a_random_player(content):
    """Before it read the groundings it lost a third of these games; now it should win nearly all."""
    report = sim.run(content, "satellites", "random", "ai", games=20, seed=300)
    assert report["summary"]["wins"]["ussr"] >= 17


def test_the_rivals_public_record_shows_what_it_is_about_to_fly(content):
    demonstrated = planner._demonstrated(content, {"capsule_test": 2, "animal_orbit": 1})
    assert planner._within_reach(content, "crewed_orbital", demonstrated)
    assert not planner._within_reach(content, "crewed_landing", demonstrated)
    assert not planner._within_reach(content, "crewed_orbital", planner._demonstrated(content, {}))


def test_a_crew_flies_untried_hardware_only_at_the_all_up_odds(content):
    """The landing flies a crew on a lander never flown empty only when the believed chance
    reaches the level's all-up odds and the crew risk stays within the goal's; otherwise the
    lander is flown empty first."""
    level = planner.LEVELS["normal"]
    landings = []
    for seed in range(4, 12):  # the first game in which the USA books a landing before the race ends
        game = Game.new(content, "moon", seed)
        agents = {"usa": make_agent("ai"), "ussr": make_agent("ai")}
        booked: list[tuple[str, int, float, float]] = []
        execute = game.execute

        def watch(command, game=game, booked=booked, execute=execute):
            if isinstance(command, commands.PlanMission) and command.side == "usa":
                side = game.state.sides["usa"]
                odds = (1.0, 0.0)
                if command.mission == "crewed_landing":
                    mission = content.missions[command.mission]
                    hardware = game.hardware("usa", mission, command.rocket, command.spacecraft)
                    found = game.odds("usa", mission, hardware, [side.crews[c] for c in command.crew])
                    odds = (found.success, found.crew_loss)
                booked.append((command.mission, side.programmes["apollo_lm"].successes, *odds))
            return execute(command)

        game.execute = watch
        _advance_until(game, agents, lambda g, booked=booked: any(m == "crewed_landing" for m, *_ in booked),
                       limit=30)
        landings = [entry for entry in booked if entry[0] == "crewed_landing"]
        if landings:
            break
    assert landings
    for _, lander_successes, success, crew_loss in landings:
        if lander_successes == 0:
            assert success >= level.all_up_odds and crew_loss <= level.goal_crew_risk
        else:
            assert success >= level.goal_odds


def test_a_crew_is_built_from_specialists(content):
    """A step draws on the crew's best at its skill: a landing, with its docking in lunar
    orbit, wants the best docker aboard beside the best pilot."""
    game = Game.new(content, "moon", 1)
    game.state.quarter = dates.parse_quarter("1969-Q1")  # the Saturn V flies from 1967-Q4
    crews = game.state.sides["usa"].crews
    for crew in crews.values():
        crew.piloting, crew.docking = 70, 30
    pilot, docker = list(crews.values())[:2]
    pilot.piloting = 95
    docker.piloting, docker.docking = 40, 95
    mission = content.missions["crewed_landing"]
    hardware = game.hardware("usa", mission, "saturn5", "apollo_csm")
    assert not isinstance(hardware, str)
    chosen = planner.PlanningAI()._pick_crew(game, "usa", mission, hardware)
    assert pilot.id in chosen and docker.id in chosen


def test_an_event_answer_weighs_the_time_a_stand_down_costs(content):
    """With the landing still to fly and little time left, a long stand-down costs more than
    a short one that leaves the capsule less improved."""
    fire = content.events["apollo_1_fire"]
    full, quick = (next(c for c in fire.choices if c.id == i) for i in ("full_redesign", "quick_fix"))
    wanted = frozenset({"apollo_csm", "saturn5"})

    def worth(choice, quarters_left):
        return choice.ai_weight + planner._effect_value(choice.effects, wanted, quarters_left, True, "prestige")

    assert worth(quick, 9) > worth(full, 9)
    assert worth(full, 30) > worth(quick, 30)


def test_ungrounding_the_goal_is_worth_more_than_habit(content):
    visit = content.events["khrushchev_podlipki"]
    wanted = frozenset({"sputnik", "r7"})
    values = {c.id: c.ai_weight + planner._effect_value(c.effects, wanted, 12) for c in visit.choices}
    assert max(values, key=values.get) == "fly_it_now"


def test_a_programme_in_development_at_the_eras_start_is_still_rushed(content):
    """The Moon era opens with the N1 six quarters into its development: it is rushed."""
    game = Game.new(content, "moon", 1)
    n1 = game.state.sides["ussr"].programmes["n1"]
    assert n1.quarters == content.eras["moon"].ussr.programmes["n1"].quarters
    assert n1.quarters < content.programmes["n1"].min_quarters
    r7 = game.state.sides["ussr"].programmes["r7"]
    assert r7.quarters >= content.programmes["r7"].min_quarters  # flown for years: not rushed


def test_the_planner_keeps_its_analysis_beside_the_content_not_in_it():
    content = loader.load()
    sim.play(content, "survival", 1, {"usa": make_agent("ai"), "ussr": make_agent("ai")})
    assert analysis.of(content).kits and analysis.of(content) is analysis.of(content)
    assert not [key for key in vars(content) if key.startswith("_ai")]
    held = len(analysis._ANALYSES)
    del content
    gc.collect()
    assert len(analysis._ANALYSES) == held - 1  # it went with its content


def test_toward_the_goal_the_kit_that_can_fly_soonest_comes_first(content):
    """1956: the Atlas is the nearer to flying well, but its pad opens in mid-1957 and the
    Vanguard's in late 1956, a race the Atlas loses to Sputnik. The planner aims its
    satellite at the Vanguard, though both are started and the Atlas is the more reliable
    (the Jupiter-C, sooner still, is held back for the Army's missile, as in 1956)."""
    game = Game.new(content, "satellites", 1)
    game.state.quarter = dates.parse_quarter("1955-Q4")
    usa = game.state.sides["usa"]
    usa.grounded.clear()
    usa.grounded.add("jupiter_c")
    for prog_id, reliability in (("atlas", 80.0), ("vanguard", 30.0), ("explorer", 70.0)):
        usa.programmes[prog_id] = ProgrammeState(prog_id, reliability)
    kits = {kit.rocket: kit for kit in planner._kits(content, "usa")["satellite"]}
    assert planner._ready_from(content, "usa", kits["vanguard"]) < planner._ready_from(content, "usa", kits["atlas"])
    targets = planner.PlanningAI()._targets(game, "usa")
    satellite = [kit for _, kit in targets if kit.mission == "satellite"]
    assert satellite and satellite[0].rocket == "vanguard"


def test_an_uncrewed_goal_is_flown_in_a_salvo_whatever_the_odds(content):
    """A rushed Hermes at a few per cent is still flown at the goal, on every article and
    pad slot the quarter has (White Sands launches two a quarter): a failure costs a rocket
    and teaches as much as a test."""
    game = Game.new(content, "rockets", 1)
    game.state.quarter = dates.parse_quarter("1947-Q4")
    usa = game.state.sides["usa"]
    usa.programmes["hermes"] = ProgrammeState("hermes", 40.0)
    usa.articles["hermes"] = 3
    mission = content.missions["own_rocket_test"]
    hardware = game.hardware("usa", mission, "hermes", None)
    assert game.odds("usa", mission, hardware, []).success < 0.05
    ai = planner.PlanningAI()
    ai._press_goal(game, "usa")
    booked = [(m.type, m.rocket) for m in usa.missions]
    assert booked == [("own_rocket_test", "hermes")] * 2
    assert ai.level.goal_salvo >= 2


def test_the_goal_is_worked_toward_from_the_first(content):
    """In 1962, with the lunar-orbit road taken, the landing is years off and ranks below
    the nearer firsts; the normal planner still works toward it (a player who funded only
    the cheapest kit to the Moon beat a planner that waited, docs/exploits.md)."""
    chosen = {}
    for always in (False, True):
        game = Game.new(content, "campaign", 1)
        game.state.quarter = dates.parse_quarter("1962-Q1")
        game.state.sides["usa"].road = "usa_lor"
        ai = planner.PlanningAI("normal")
        assert ai.level.goal_always
        ai.level = dataclasses.replace(ai.level, goal_always=always)
        chosen[always] = [kit.mission for _, kit in ai._targets(game, "usa")]
    assert "crewed_landing" not in chosen[False]
    assert "crewed_landing" in chosen[True]
    assert chosen[True][: len(chosen[False])] == chosen[False]  # beside the nearer targets, not instead


def test_the_goals_rushed_vehicle_is_worked_on_when_the_cash_goes_on_hardware(content):
    """With nothing in hand for research, the lunar module's clock still runs: a token of
    funding counts a quarter of its development (unfunded, it stood still for a year and
    flew rushed, at believed odds of one in five)."""
    game = Game.new(content, "moon", 1)
    usa = game.state.sides["usa"]
    lm = usa.programmes["apollo_lm"]
    assert lm.quarters < content.programmes["apollo_lm"].min_quarters  # rushed at the era's start
    ai = planner.PlanningAI("normal")
    ai._answer_events(game, "usa")  # (the quarter's card first: it may change the cash)
    targets = ai._targets(game, "usa")
    assert any("apollo_lm" in kit.flies for _, kit in targets)
    usa.cash = planner._hardware_reserve(game, "usa", targets)  # all of it kept for the hardware
    assert usa.cash > 0
    ai._research(game, "usa", targets)
    assert lm.funding > 0
    quarters = lm.quarters
    assert game.execute(EndTurn("usa")) and game.execute(EndTurn("ussr"))
    assert game.state.sides["usa"].programmes["apollo_lm"].quarters > quarters


def test_the_hard_rival_reads_what_a_choice_does_to_the_calendar(content):
    """1955: the Navy's Vanguard cannot fly before its pad is built late in 1956; the Army's
    Orbiter waits three quarters for its upper stages. By habit and rough worth both levels
    take the Vanguard, as Eisenhower did; the hard rival sees the quarters it saves."""
    def game_at_the_choice():
        game = Game.new(content, "satellites", 1)
        game.state.quarter = dates.parse_quarter("1955-Q3")
        usa = game.state.sides["usa"]
        usa.programmes["explorer"] = ProgrammeState("explorer", 85.0, quarters=6)
        usa.programmes["jupiter_c"] = ProgrammeState("jupiter_c", 75.0, quarters=2)
        usa.pending_events = ["navy_gets_satellite"]
        game.record_fired(FiredEvent("navy_gets_satellite", "usa", game.state.quarter))
        return game

    waits, chosen = _read_the_card(content, game_at_the_choice, "usa", "navy_gets_satellite")
    assert waits["orbiter"] == 3 and waits["vanguard"] > waits["orbiter"]
    assert waits["both_services"] == waits["vanguard"]  # the Army, forbidden to orbit, waits on the Navy
    assert chosen == {"normal": "vanguard", "hard": "orbiter"}


def test_the_hard_rival_counts_a_delay_at_its_own_pace(content):
    """1947: the R-1 may be started now and fly from 1947-Q3, rushed until developed. Stalin's
    'every bolt Soviet' holds its development two quarters; German parts where needed do not.
    The hard rival develops faster than anyone's pace, so it must count its own: the calendar
    at anyone's pace (no R-1 developed before 1948-Q3) hid the quarters the order costs it,
    and it obeyed as history did, flying rushed R-1s against the American planner (about
    even, where it now wins most games). It keeps the German parts."""
    def game_at_the_choice():
        game = Game.new(content, "rockets", 1, levels={"ussr": "hard"})
        game.state.quarter = dates.parse_quarter("1947-Q2")
        ussr = game.state.sides["ussr"]
        ussr.pending_events = ["soviet_materials"]
        game.record_fired(FiredEvent("soviet_materials", "ussr", game.state.quarter))
        return game

    waits, chosen = _read_the_card(content, game_at_the_choice, "ussr", "soviet_materials")
    assert waits["every_bolt_soviet"] > waits["german_where_needed"]
    assert chosen == {"normal": "every_bolt_soviet", "hard": "german_where_needed"}


def _read_the_card(content, game_at_the_choice, side: str, event_id: str) -> tuple[dict, dict]:
    """What each of a card's choices puts before the goal could fly (``_goal_wait``), and
    which choice each level takes, each in a fresh game at the card."""
    waits = {c.id: planner._goal_wait(game_at_the_choice(), side, c.effects)
             for c in content.events[event_id].choices}
    chosen = {}
    for level in ("normal", "hard"):
        game = game_at_the_choice()
        planner.PlanningAI(level)._answer_events(game, side)
        chosen[level] = next(f.choice for f in game.state.fired if f.event == event_id)
    return waits, chosen


def test_the_hard_rival_builds_the_goal_in_time_for_its_first_date(content):
    """1955-Q4: the R-7 may not fly before 1956-Q2 and takes two quarters to build. The hard
    rival orders its salvo now, to fly on the first day it may; the normal one waits for the
    date, as it did in every game (its first satellite flew in October 1956). A goal that
    would fly at poor odds is not built ahead: a failed salvo costs more than a quarter."""
    def orders(level, reliability):
        game = Game.new(content, "satellites", 1)
        game.state.quarter = dates.parse_quarter("1955-Q4")
        ussr = game.state.sides["ussr"]
        ussr.grounded.clear()
        ussr.programmes["r7"] = ProgrammeState("r7", reliability, quarters=10)
        ussr.programmes["sputnik"] = ProgrammeState("sputnik", reliability, quarters=8)
        ussr.cash = 100.0
        planner.PlanningAI(level)._press_goal(game, "ussr")
        return sorted(o.programme for o in ussr.orders)

    assert orders("hard", 95.0) == ["r7"] * 3 + ["sputnik"] * 3
    assert orders("normal", 95.0) == []
    assert orders("hard", 20.0) == []


def test_the_hard_rival_trains_its_first_crew_fast_when_the_goal_waits_on_it(content):
    """1960: Kamanin's pilots can be trained hard (history's choice, ready in three quarters)
    or fast (two). With Vostok built, the crew is what the first flight waits on; the hard
    rival sees the quarter, the normal one trains them as history did."""
    def game_at_the_choice():
        game = Game.new(content, "survival", 1)
        game.state.quarter = dates.parse_quarter("1960-Q1")
        ussr = game.state.sides["ussr"]
        for prog_id in ussr.programmes:
            ussr.programmes[prog_id].quarters = 40  # developed: nothing but the crew holds the flight
        ussr.pending_events = ["vostok_group"]
        game.record_fired(FiredEvent("vostok_group", "ussr", game.state.quarter))
        return game

    waits, chosen = _read_the_card(content, game_at_the_choice, "ussr", "vostok_group")
    assert waits == {"train_hard": 3, "train_fast": 2}
    assert planner._goal_wait(game_at_the_choice(), "ussr", ()) > 3  # no crew coming: past the era's end
    assert chosen == {"normal": "train_hard", "hard": "train_fast"}


def test_the_goal_is_tried_first_on_its_likeliest_kit(content):
    """Late 1960, one crew ready and one pad: a ballistic hop on the R-7 is likelier to
    work than a full orbit on the Vostok rocket, whose last stage is raw; the hop flies."""
    game = Game.new(content, "survival", 1)
    game.state.quarter = dates.parse_quarter("1960-Q4")
    ussr = game.state.sides["ussr"]
    for prog in ussr.programmes.values():
        prog.quarters, prog.reliability = 40, 95.0
        prog.successes = prog.flights = max(prog.flights, 3)  # tried: no untried hardware
    ussr.programmes["vostok_rocket"].reliability = 60.0
    ussr.articles.update({"r7": 2, "vostok_rocket": 2, "vostok": 2})
    game.add_crew(ussr, Crew(id="", name="Yuri Gagarin", piloting=60, endurance=60))
    ai = planner.PlanningAI("normal")
    chances = {}
    for mission_id, rocket in (("crewed_suborbital", "r7"), ("crewed_orbital", "vostok_rocket")):
        mission = content.missions[mission_id]
        chances[mission_id] = ai._goal_chance(game, "ussr", mission, game.hardware("ussr", mission, rocket, "vostok"))
    assert chances["crewed_suborbital"] > chances["crewed_orbital"] >= planner.GOAL_ODDS
    ai._press_goal(game, "ussr")
    assert [(m.type, m.rocket) for m in ussr.missions] == [("crewed_suborbital", "r7")]


def test_the_hard_rival_tests_the_goals_craft_on_another_rocket_while_its_own_waits(content):
    """1965: the Saturn V may not fly before late 1966. The hard rival flies the Apollo
    command module, uncrewed, on a Saturn IB meanwhile (AS-201, February 1966), so that the
    landing does not carry an untried craft; the normal one waits for the Saturn V."""
    def booked(level):
        game = Game.new(content, "moon", 1)
        game.state.quarter = dates.parse_quarter("1965-Q3")
        usa = game.state.sides["usa"]
        for prog_id in ("saturn1b", "apollo_csm"):
            usa.programmes[prog_id].quarters, usa.programmes[prog_id].reliability = 40, 90.0
        usa.articles.update({"saturn1b": 1, "apollo_csm": 1})
        usa.cash = 500.0
        ai = planner.PlanningAI(level)
        landing = content.missions["crewed_landing"]
        assert isinstance(game.hardware("usa", landing, "saturn5", "apollo_csm"), str)  # too early
        ai._launch(game, "usa", ai._targets(game, "usa"))
        return [(m.type, m.rocket, m.spacecraft) for m in usa.missions]

    assert ("capsule_test", "saturn1b", "apollo_csm") in booked("hard")
    assert ("capsule_test", "saturn1b", "apollo_csm") not in booked("normal")


def test_the_hard_rival_waits_out_an_early_long_shot_unless_the_rival_is_near(content):
    """Dynamic mode, late 1959: Kamanin's pilots are ready a year before Mercury's, and a
    Vostok hop stands at about one in three. The hard rival waits for better odds (a long
    shot that fails stands its craft down longer); the normal one flies. The hard rival
    flies too once the file warns that the rival may try the goal, once half the era is
    gone, and whenever the chance is at the side's long-shot line or better."""
    game = Game.new(content, "survival", 1, mode="dynamic")
    game.state.quarter = dates.parse_quarter("1959-Q4")
    mission = content.missions["crewed_suborbital"]
    line = content.sides["ussr"].goal_abort_below
    hard, normal = planner.PlanningAI("hard"), planner.PlanningAI("normal")
    assert hard._waits_for_better(game, "ussr", mission, line - 0.15)
    assert not normal._waits_for_better(game, "ussr", mission, line - 0.15)
    assert not hard._waits_for_better(game, "ussr", mission, line)
    assert not hard._waits_for_better(game, "ussr", content.missions["capsule_test"], 0.1)  # not the goal

    warned = game.state.sides["ussr"].file
    warned.likely = [LikelyFlight("crewed_suborbital", "redstone", "mercury", 0.5, ["first_human_in_space"])]
    assert hard._waits_for_better(game, "usa", mission, line - 0.15)  # the USA's own file warns of nothing
    assert not hard._waits_for_better(game, "ussr", mission, line - 0.15)
    warned.likely = []
    game.state.quarter = game.state.end - (game.state.end - game.state.start) // 2
    assert not hard._waits_for_better(game, "ussr", mission, line - 0.15)


def test_the_goals_craft_flies_empty_while_its_crews_train(content):
    """Mid-1960: Vostok has flown once and Kamanin's pilots are still in training. The
    planner flies the craft uncrewed meanwhile, as the Korabl-Sputniks flew while Gagarin's
    group trained, rather than leave the pad idle until the crew is ready."""
    game = Game.new(content, "survival", 1)
    game.state.quarter = dates.parse_quarter("1960-Q2")
    ussr = game.state.sides["ussr"]
    for prog_id in ("r7", "vostok_rocket", "vostok"):
        prog = ussr.programmes[prog_id]
        prog.quarters, prog.reliability = 40, 85.0
        prog.successes = prog.flights = 1
    ussr.articles.update({"r7": 2, "vostok_rocket": 2, "vostok": 2})
    ussr.crews.clear()
    ussr.cash = 300.0
    ai = planner.PlanningAI("normal")
    ai._launch(game, "ussr", ai._targets(game, "ussr"))
    assert [(m.type, m.spacecraft) for m in ussr.missions] == [("capsule_test", "vostok")]


def test_what_the_planner_keeps_with_the_content_changes_no_game():
    """The best kits and targets kept with the content, across games (planner._best_kits,
    _shared_targets), and Game.hardware's table, are looked up under all they read: a game
    played on a content whose tables other games have filled ends as one played on a fresh
    content."""
    from game.core.state import to_dict

    def agents():
        return {"usa": make_agent("ai:hard"), "ussr": make_agent("ai")}

    fresh, used = loader.load(), loader.load()
    for seed in (1, 2):
        sim.play(used, "campaign", seed, agents())
    assert analysis.of(used).targets and analysis.of(used).best_kits
    hits = len(analysis.of(used).targets)
    alone = sim.play(fresh, "campaign", 3, agents())
    after = sim.play(used, "campaign", 3, agents())
    assert len(analysis.of(used).targets) < hits + len(analysis.of(fresh).targets)  # some were found, not made
    assert to_dict(alone.state) == to_dict(after.state)
