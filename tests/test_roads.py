"""Roads to the Moon: the roads as data, the choice and what it bars, missions of two
launches flown step by step, and the computer rival choosing and changing its road."""

from collections import Counter

from game import sim
from game.ai import make_agent
from game.ai import roads as road_ai
from game.content import loader
from game.core import commands, dates, joint, roads, save
from game.core.game import Game
from game.core.state import FirstWon


def _problems(tmp_path, text: str) -> str:
    (tmp_path / "roads.yaml").write_text(text, encoding="utf-8")
    return "\n".join(map(str, loader.check(tmp_path)[1]))


# --- the roads as data -------------------------------------------------------------------

def test_every_side_has_its_roads_and_history_marks_one(content):
    usa = {r.id for r in content.roads.values() if r.side == "usa"}
    ussr = {r.id for r in content.roads.values() if r.side == "ussr"}
    assert usa == {"usa_lor", "usa_eor", "usa_direct"}
    assert ussr == {"ussr_n1l3", "ussr_ur500k", "ussr_ur700", "ussr_soyuz"}
    assert [r.id for r in content.roads.values() if r.history] == ["usa_lor", "ussr_n1l3"]
    # Apollo's command module is on every American road, so no choice bars it
    assert "apollo_csm" not in content.road_programmes["usa"]
    assert content.road_programmes["usa"]["nova"] == {"usa_direct"}
    assert content.missions["eor_landing"].joint == "eor_tanker_launch"


def test_a_bad_road_is_refused_with_the_file_line_and_the_nearest_name(tmp_path):
    text = _problems(tmp_path, "roads:\n  - id: usa_lor\n    side: usa\n    name: LOR\n    history: true\n"
                     "    available: 1961-Q3\n    programmes: [saturn55]\n    missions: [crewed_landng]\n")
    assert "roads.yaml:7: roads[usa_lor].programmes[0]: unknown programme 'saturn55' (did you mean 'saturn5'?)" in text
    assert "roads[usa_lor].missions[0]: unknown mission 'crewed_landng' (did you mean 'crewed_landing'?)" in text
    text = _problems(tmp_path, "roads:\n  - id: usa_eor\n    side: usa\n    name: EOR\n    history: true\n"
                     "    available: 1961-Q3\n    programmes: [n1]\n    missions: [eor_landing]\n")
    assert "'n1' is not a usa programme" in text
    assert "the usa roads must mark exactly one as history's (history: true); 2 are marked" in text


def test_a_multi_launch_mission_must_name_a_mission_of_one_launch(tmp_path):
    (tmp_path / "missions.yaml").write_text(
        "missions:\n  - id: eor_tanker_launch\n    name: Tanker\n    joint: eor_landing\n"
        "    needs: [orbital_tanker]\n    steps: [{id: launch, name: Lift-off, uses: rocket}]\n", encoding="utf-8")
    text = "\n".join(map(str, loader.check(tmp_path)[1]))
    assert "'eor_landing' is itself a multi-launch mission" in text


# --- the choice -----------------------------------------------------------------------------

def _campaign_at(content, quarter: str) -> Game:
    game = Game.new(content, "campaign", 3)
    game.state.quarter = dates.parse_quarter(quarter)
    return game


def test_a_road_is_chosen_by_command_and_refused_with_a_reason(content):
    game = _campaign_at(content, "1961-Q1")
    assert game.execute(commands.ChooseRoad("usa", "usa_eor")).reason == \
        "Earth-orbit rendezvous cannot be chosen before 1961-Q3"
    game.state.quarter = dates.parse_quarter("1961-Q3")
    assert game.execute(commands.ChooseRoad("usa", "ussr_n1l3")).reason == "N1-L3 is not a USA road"
    assert game.execute(commands.ChooseRoad("usa", "usa_mars")).reason == "no road 'usa_mars'"
    assert game.execute(commands.ChooseRoad("usa", "usa_lor"))
    assert game.execute(commands.ChooseRoad("usa", "usa_lor")).reason == "the side already follows Lunar-orbit rendezvous"
    assert any("chooses its road to the Moon: Lunar-orbit rendezvous" in e.text for e in game.state.log)


def test_the_road_bars_the_other_roads_programmes_and_missions(content):
    game = _campaign_at(content, "1962-Q1")
    side = game.state.sides["usa"]
    for prog in ("saturn1", "apollo_csm"):
        game.open_programme(side, prog)
    side.cash = 1000
    # before the choice every road is open: the bureaus worked on all of them
    assert game.why_not_start("usa", "nova") is None
    game.open_programme(side, "nova")
    game.execute(commands.FundProgramme("usa", "nova", 20))
    assert game.execute(commands.ChooseRoad("usa", "usa_lor"))
    assert side.programmes["nova"].funding == 0  # the road not taken gets no more money
    reason = game.execute(commands.FundProgramme("usa", "nova", 20)).reason
    assert reason == "Nova belongs to Direct ascent, and the side follows Lunar-orbit rendezvous: change road first"
    assert "belongs to Direct ascent or Earth-orbit rendezvous" in game.why_not_start("usa", "apollo_direct")
    assert game.execute(commands.FundProgramme("usa", "nova", 0))  # stopping is always allowed
    reason = game.execute(commands.PlanMission("usa", "crewed_landing_direct", "nova", "apollo_direct")).reason
    assert reason == "the direct lunar landing is flown on Direct ascent, and the side follows Lunar-orbit rendezvous"


def test_changing_road_costs_money_and_time(content):
    game = _campaign_at(content, "1963-Q1")
    side = game.state.sides["usa"]
    for prog in ("saturn1", "apollo_csm", "saturn1b", "saturn5"):
        game.open_programme(side, prog)
    assert game.execute(commands.ChooseRoad("usa", "usa_lor"))
    side.programmes["saturn5"].invested = 55
    side.cash = 10
    reason = game.execute(commands.ChooseRoad("usa", "usa_direct")).reason
    assert reason == "changing to Direct ascent costs 40, and only 10 is in hand"
    side.cash = 100
    assert game.execute(commands.ChooseRoad("usa", "usa_direct"))
    assert side.road == "usa_direct" and side.road_changes == 1
    assert side.cash == 60
    assert side.programmes["apollo_csm"].delayed_until == game.state.quarter + 3
    assert any("55 invested in it is lost" in e.text for e in game.state.log)
    assert game.why_not_start("usa", "apollo_lm").startswith("Apollo lunar module belongs to Lunar-orbit rendezvous")


def test_the_moon_era_opens_on_historys_road_and_the_card_can_change_it(content):
    game = Game.new(content, "moon", 1)
    assert (game.state.sides["usa"].road, game.state.sides["ussr"].road) == ("usa_lor", "ussr_n1l3")
    ussr = game.state.sides["ussr"]
    ussr.pending_events.append("soviet_moon_decree")
    ussr.cash = 100
    assert game.execute(commands.AnswerEvent("ussr", "soviet_moon_decree", "stations_instead"))
    assert ussr.road == "ussr_ur700" and ussr.road_changes == 1


def test_the_road_is_saved_and_loaded(content, tmp_path):
    game = _campaign_at(content, "1964-Q2")
    game.execute(commands.ChooseRoad("ussr", "ussr_soyuz"))
    state, _ = save.loads(save.dumps(game.state))
    save.check_against(content, state)
    assert state.sides["ussr"].road == "ussr_soyuz"


def test_a_save_from_before_the_roads_still_loads(content):
    """Format 1 had no roads: its sides load with none chosen, its launches with one launch."""
    game = Game.new(content, "campaign", 2)
    text = save.dumps(game.state)
    old = text.replace(f'"version":{save.VERSION}', '"version":1', 1)
    assert old.count(',"road":null,"road_changes":0') == 2
    old = old.replace(',"road":null,"road_changes":0', "")
    state, _ = save.loads(old)
    assert state.sides["usa"].road is None and state.sides["ussr"].road_changes == 0


# --- a mission of two launches ------------------------------------------------------------

class Scripted:
    """The game's RNG with its draws for random() given in advance (the rest pass through)."""

    def __init__(self, rng, draws):
        self._rng, self.draws = rng, list(draws)

    def random(self):
        return self.draws.pop(0)

    def chance(self, probability):
        return False  # no pad is wrecked

    def __getattr__(self, name):
        return getattr(self._rng, name)


def _eor_ready(content) -> tuple[Game, commands.PlanMission]:
    game = Game.new(content, "moon", 2)
    game.state.quarter = dates.parse_quarter("1969-Q2")  # both Saturn V pads are open
    usa = game.state.sides["usa"]
    usa.road = "usa_eor"
    for prog in ("apollo_direct", "eor_tanker", "saturn5", "apollo_csm", "landing_gear", "docking_system"):
        state = game.open_programme(usa, prog)
        state.reliability, state.quarters = 90, 40
    usa.articles.update({"saturn5": 2, "apollo_direct": 1, "eor_tanker": 1})
    crew = tuple(c.id for c in game.ready_crew("usa")[:2])
    return game, commands.PlanMission("usa", "eor_landing", "saturn5", "apollo_direct", 0, crew, "saturn5", "eor_tanker")


def test_a_two_launch_mission_books_both_pads_and_both_launches_hardware(content):
    game, booking = _eor_ready(content)
    alone = commands.PlanMission("usa", "eor_landing", "saturn5", "apollo_direct", 0, booking.crew)
    assert game.execute(alone).reason == ("the earth-orbit rendezvous landing flies on two launches: name the "
                                          "rocket for the orbital tanker launch")
    game.state.sides["usa"].articles["saturn5"] = 1
    assert game.execute(booking).reason == "no 2 Saturn V built and in hand for both launches: order more first"
    game.state.sides["usa"].articles["saturn5"] = 2
    assert game.execute(booking)
    booked = game.state.sides["usa"].missions[-1]
    assert {booked.pad, booked.pad2} == {"lc39a", "lc39b"}
    assert sorted(booked.articles) == ["apollo_direct", "eor_tanker", "saturn5", "saturn5"]
    assert game.state.sides["usa"].articles["saturn5"] == 0
    assert game.why_no_pad("usa", content.programmes["saturn5"])[1] is not None  # both pads are taken


def _fly(game, booking, draws):
    assert game.execute(booking)
    booked = game.state.sides["usa"].missions.pop()
    game.state.launches = []
    real = game.state.rng
    game.state.rng = Scripted(real, draws)
    try:
        joint.fly(game, booked, booked.month, 10)
    finally:
        remaining, game.state.rng = game.state.rng.draws, real
    return booked, remaining


def test_both_launches_then_the_rendezvous_fly_and_each_has_its_report(content):
    game, booking = _eor_ready(content)
    steps = len(content.missions["eor_tanker_launch"].steps) + len(content.missions["eor_landing"].steps)
    _, remaining = _fly(game, booking, [0.0] * steps)
    assert remaining == []  # one draw a step, every step a success
    tanker, crew = game.state.launches
    assert (tanker.type, tanker.outcome, tanker.pad) == ("eor_tanker_launch", "success", "lc39b")
    assert (crew.type, crew.outcome) == ("eor_landing", "success")
    assert [s.step for s in crew.steps][2] == "rendezvous"
    assert game.state.winner == "usa"  # the first crew on the Moon ends the race


def test_a_failed_tanker_keeps_the_crew_on_the_ground(content):
    game, booking = _eor_ready(content)
    # lift-off succeeds, staging fails (0.99), and the failure is a loss (0.99)
    _, remaining = _fly(game, booking, [0.0, 0.99, 0.99])
    assert remaining == []
    assert [(r.type, r.outcome) for r in game.state.launches] == [("eor_tanker_launch", "lost")]
    usa = game.state.sides["usa"]
    assert usa.articles["saturn5"] == 1 and usa.articles["apollo_direct"] == 1  # the crew's launch stood down
    assert usa.flown.get("eor_landing") is None
    assert any("the crew's launch stands down" in e.text for e in game.state.log)


def test_a_failed_rendezvous_aborts_the_landing(content):
    game, booking = _eor_ready(content)
    # the tanker's three steps and the crew's two succeed; the rendezvous fails and aborts (0.5 < 0.8)
    _, remaining = _fly(game, booking, [0.0, 0.0, 0.0, 0.0, 0.0, 0.99, 0.5])
    assert remaining == []
    crew = game.state.launches[-1]
    assert crew.outcome == "aborted"
    assert [(s.step, s.outcome) for s in crew.steps][2:4] == [("rendezvous", "abort"), ("tli", "skipped")]
    assert game.state.winner is None


def test_a_scrubbed_tanker_moves_both_launches_to_the_next_quarter(content):
    game, booking = _eor_ready(content)
    booked, _ = _fly(game, booking, [0.99, 0.1])  # lift-off fails, and the failure is a scrub (0.1 < 0.4)
    assert [(r.type, r.outcome) for r in game.state.launches] == [("eor_tanker_launch", "scrubbed")]
    assert booked in game.state.sides["usa"].missions and booked.quarter == game.state.quarter + 1


def test_the_soviet_complex_goes_round_the_moon_on_two_semyorkas(content):
    game = Game.new(content, "moon", 5)
    game.state.quarter = dates.parse_quarter("1967-Q1")
    ussr = game.state.sides["ussr"]
    ussr.road = "ussr_soyuz"
    for prog in ("soyuz", "soyuz_9k", "docking_system", "voskhod_rocket"):
        state = game.open_programme(ussr, prog)
        state.reliability, state.quarters = 92, 40
    ussr.articles.update({"voskhod_rocket": 2, "soyuz": 1, "soyuz_9k": 1})
    crew = tuple(c.id for c in game.ready_crew("ussr")[:2])
    booking = commands.PlanMission("ussr", "soyuz_complex", "voskhod_rocket", "soyuz", 0, crew,
                                   "voskhod_rocket", "soyuz_9k")
    assert game.execute(booking)
    booked = game.state.sides["ussr"].missions[-1]
    assert booked.pad == booked.pad2 == "tyuratam_1"  # it launches twice a quarter (Vostok 3 and 4)
    assert dict(game.pad_slots("ussr", "voskhod_rocket"))["tyuratam_1"] == 0
    state, _ = save.loads(save.dumps(game.state))  # a booked mission of two launches is saved whole
    save.check_against(content, state)
    assert state.sides["ussr"].missions[-1].pad2 == "tyuratam_1"


# --- the circumlunar race --------------------------------------------------------------------

def test_a_crewed_flyby_can_win_the_first_crew_round_the_moon(content):
    winners = {m for m, mission in content.missions.items() if "first_crewed_lunar_orbit" in mission.firsts}
    assert {"crewed_lunar_flyby", "soyuz_complex", "crewed_lunar_orbit"} <= winners
    assert "single loop" in content.firsts["first_crewed_lunar_orbit"].description
    # Chelomei's LK-1 on the Proton can fly it: the circumlunar road's whole point
    assert "circumlunar" in content.programmes["lk1"].provides


# --- the computer rival -------------------------------------------------------------------------

def test_the_ai_chooses_its_road_once_all_are_on_the_table_and_says_so(content):
    game = Game.new(content, "campaign", 11)
    agents = {"usa": make_agent("ai"), "ussr": make_agent("ai")}
    sim.advance(game, agents, turns=dates.parse_quarter("1964-Q2") - game.state.quarter)
    for side in ("usa", "ussr"):
        assert game.state.sides[side].road is not None
        assert any(e.side == side and "road to the Moon" in e.text for e in game.state.log)


def test_the_ai_gives_up_a_road_with_nothing_left_to_win(content):
    game = Game.new(content, "moon", 7)
    game.state.quarter = dates.parse_quarter("1966-Q1")
    ussr = game.state.sides["ussr"]
    ussr.road, ussr.cash = "ussr_ur500k", 200
    assert road_ai.should_switch(game, "ussr") is False
    game.state.firsts["first_crewed_lunar_orbit"] = [FirstWon("first_crewed_lunar_orbit", "usa", 1965, 12, 21,
                                                              "crewed_lunar_flyby", 0)]
    assert road_ai.should_switch(game, "ussr")
    make_agent("ai").plan(game, "ussr")
    assert content.roads[ussr.road].lands and ussr.road_changes == 1
    assert any("changes road: UR-500K and LK-1 is given up" in e.text for e in game.state.log)


def test_the_ai_changes_road_in_a_seeded_game_and_flies_toward_the_new_one(content):
    """A Soviet rival on the circumlunar road sees the Americans take the circumlunar first in
    1966: it changes to a road that lands, and starts that road's programmes."""
    game = Game.new(content, "moon", 21)
    ussr = game.state.sides["ussr"]
    ussr.road = "ussr_ur500k"
    agents = {"usa": make_agent("ai"), "ussr": make_agent("ai")}
    sim.advance(game, agents, turns=8)
    assert ussr.road == "ussr_ur500k"  # nothing has told it to change
    game.state.firsts["first_crewed_lunar_orbit"] = [FirstWon("first_crewed_lunar_orbit", "usa", 1966, 1, 5,
                                                              "crewed_lunar_flyby", 0)]
    sim.advance(game, agents, turns=1)
    assert ussr.road_changes == 1 and content.roads[ussr.road].lands
    new_road = content.roads[ussr.road]
    sim.advance(game, agents, turns=4)
    assert any(p in ussr.programmes and ussr.programmes[p].funding > 0 for p in new_road.programmes)
    assert not any(ussr.programmes[p].funding for p in ("lk1",) if p in ussr.programmes)


def test_no_road_is_taken_in_more_than_seven_campaigns_in_ten(content):
    picks = {"usa": Counter(), "ussr": Counter()}
    agents = {"usa": make_agent("ai"), "ussr": make_agent("ai")}
    for seed in range(30):
        game = Game.new(content, "campaign", seed)
        sim.advance(game, agents, turns=dates.parse_quarter("1964-Q2") - game.state.quarter)
        for side in picks:
            picks[side][game.state.sides[side].road] += 1
    for side, counted in picks.items():
        assert len(counted) >= 3, (side, counted)
        assert max(counted.values()) <= 21, (side, counted)


def test_the_hard_rival_takes_the_road_it_weighs_highest(content):
    """The normal rival draws its road by weight, so it varies from game to game; the hard
    one takes the heaviest every time (a draw costs it the games it draws a weaker road)."""
    game = Game.new(content, "campaign", 1)
    game.state.quarter = max(dates.parse_quarter(r.available) for r in content.roads.values())  # all on the table
    for side in ("usa", "ussr"):
        options = roads.roads_of(game, side)
        heaviest = max(options, key=lambda r: road_ai.weight(game, side, r))
        assert road_ai.pick(game, side, options, best=True) is heaviest
        drawn = {road_ai.pick(game, side, options).id for _ in range(30)}
        assert len(drawn) > 1
        road_ai.plan_road(game, side, best=True)
        assert game.state.sides[side].road == heaviest.id


def test_whole_campaigns_finish_with_the_roads(content):
    for seed in (1, 2):
        game = sim.play(content, "campaign", seed, {"usa": make_agent("ai"), "ussr": make_agent("ai")})
        assert game.state.over
