"""The window's logic that needs no window: the turn's flow, what a side may see, saves, words."""

import json

import pytest

from game.core import commands
from game.core.state import LaunchReport
from game.ui import words
from game.ui.session import Session, make_rival, parse_rival
from game.ui.storage import AUTOSAVES_KEPT, Settings, Storage, safe_name


def test_rival_names_from_the_command_line():
    assert parse_rival("ai:hard") == ("ai", "hard")
    assert parse_rival("ai", "easy") == ("ai", "easy")
    assert parse_rival("human") == ("human", "normal")
    assert parse_rival("nonsense") == ("ai", "normal")


def test_history_rival_falls_back_to_the_computer_and_says_so():
    agent, note = make_rival("history", "hard")
    assert agent is not None
    try:
        from game.ai import make_agent

        make_agent("history")
    except ValueError:
        assert "history" in note.lower()


def test_an_unknown_rival_is_named_on_screen(content):
    session = Session.new(content, "survival", "usa", "martians", seed=1)
    assert "martians" in session.note and session.rival == "ai"


def test_end_turn_plays_the_rival_and_resolves_the_quarter(content):
    session = Session.new(content, "survival", "usa", "ai", seed=1)
    game = session.game
    for event_id in list(game.state.sides["usa"].pending_events):  # the first quarter's cards
        game.execute(commands.AnswerEvent("usa", event_id, content.events[event_id].choices[0].id))
    quarter = session.game.state.quarter
    outcome = session.end_turn()
    assert outcome.resolved and session.game.state.quarter == quarter + 1
    assert session.report_due == {"usa"} and session.resolved_quarter == quarter
    assert "usa" in session.before and session.before["usa"].estimates


def test_end_turn_is_refused_while_an_event_waits(content):
    session = Session.new(content, "survival", "usa", "ai", seed=1)
    game = session.game
    for _ in range(12):
        if game.state.sides["usa"].pending_events:
            break
        session.end_turn()
    assert game.state.sides["usa"].pending_events
    quarter = game.state.quarter
    outcome = session.end_turn()
    assert outcome.refused and game.state.quarter == quarter
    assert not game.state.sides["usa"].ready and not game.state.sides["ussr"].ready


def test_hot_seat_alternates_sides(content):
    session = Session.new(content, "survival", "usa", "human", seed=1)
    assert session.agent is None
    for side in ("usa", "ussr"):
        for event in list(session.game.state.sides[side].pending_events):
            choice = session.game.content.events[event].choices[0].id
            session.game.execute(commands.AnswerEvent(side, event, choice))
    first = session.end_turn()
    assert first.handover_to == "ussr" and session.side == "ussr"
    second = session.end_turn()
    assert second.resolved and session.side == "usa" and session.report_due == {"usa", "ussr"}


def _report(side, outcome, public):
    return LaunchReport(1, side, "satellite", "r7", "sputnik", [], 1957, 10, 4, [], outcome, [], public)


def test_soviet_failures_stay_secret_from_the_american_player(content):
    session = Session.new(content, "satellites", "usa", "ai", seed=1)
    session.game.state.launches = [_report("ussr", "lost", False), _report("ussr", "success", False),
                                   _report("usa", "lost", True)]
    seen = session.visible_launches("usa")
    assert [r.outcome for r in seen] == ["success", "lost"]
    assert len(session.visible_launches("ussr")) == 3  # the Soviet side sees its own and the American press


def test_the_screens_hide_what_the_core_hides(content):
    """One rule for what a side sees: the rival's scrubs and secret missile tests stay hidden."""
    session = Session.new(content, "rockets", "usa", "ai", seed=1)
    scrub = _report("ussr", "scrubbed", False)
    missile = LaunchReport(2, "ussr", "ballistic_test", "r1", None, [], 1948, 10, 10, [], "success", [], False)
    own_scrub = _report("usa", "scrubbed", True)
    session.game.state.launches = [scrub, missile, own_scrub]
    assert session.visible_launches("usa") == [own_scrub] == session.game.visible_launches("usa")
    assert session.visible_launches("ussr") == [scrub, missile]


def test_autosaves_keep_the_last_few(tmp_path, content):
    storage = Storage(tmp_path)
    session = Session.new(content, "survival", "usa", seed=1)
    for _ in range(AUTOSAVES_KEPT + 3):
        storage.autosave(session.game.state, session.meta())
    autos = [i for i in storage.list_saves() if i.kind == "auto"]
    assert len(autos) == AUTOSAVES_KEPT


def test_saves_round_trip_with_who_plays(tmp_path, content):
    storage = Storage(tmp_path)
    session = Session.new(content, "moon", "ussr", "ai:hard", seed=2)
    path = storage.named_save("My race / 1", session.game.state, session.meta())
    assert path.name.startswith("My race - 1-") and path.suffix == ".json"
    loaded = Session.load(content, path)
    assert (loaded.player, loaded.rival, loaded.difficulty) == ("ussr", "ai", "hard")
    assert loaded.game.state.quarter == session.game.state.quarter


def test_a_damaged_save_is_listed_with_its_problem(tmp_path):
    storage = Storage(tmp_path)
    storage.saves.mkdir(parents=True)
    (storage.saves / "bad.json").write_text("{not json")
    (info,) = storage.list_saves()
    assert info.problem


def test_settings_survive_a_broken_file(tmp_path):
    storage = Storage(tmp_path)
    assert storage.load_settings() == Settings()
    storage.settings_file.write_text("[1, 2")
    assert storage.load_settings() == Settings()
    storage.settings_file.write_text(json.dumps({"width": 10, "height": 99999, "volume": 7, "junk": 1}))
    settings = storage.load_settings()
    assert (settings.width, settings.height, settings.volume) == (1024, 4320, 1.0)
    storage.save_settings(Settings(width=1600, height=900))
    assert storage.load_settings().width == 1600
    # switches edited by hand: the string "false" turns one off (bool("false") would be True)
    storage.settings_file.write_text(json.dumps({"muted": "yes", "guide": "false", "ask_long_shot": 0,
                                                 "ask_empty_turn": "maybe", "fullscreen": [1]}))
    settings = storage.load_settings()
    assert (settings.muted, settings.guide, settings.ask_long_shot) == (True, False, False)
    assert (settings.ask_empty_turn, settings.fullscreen) == (True, False)  # not a switch: the defaults


@pytest.mark.parametrize("text", ['{"width": 1e999}', '{"width": NaN}', '{"volume": -Infinity}', '{"palette": [1]}',
                                  '{"palette": {"a": 1}}', "[" * 100_000, '{"width": "wide"}', "\x00", ""])
def test_hostile_settings_files_give_the_defaults(tmp_path, text):
    storage = Storage(tmp_path)
    storage.root.mkdir(exist_ok=True)
    storage.settings_file.write_text(text)
    settings = storage.load_settings()
    assert isinstance(settings.palette, str) and 1024 <= settings.width <= 7680 and 0 <= settings.volume <= 1


def test_a_settings_fifo_or_folder_is_never_opened(tmp_path):
    import os

    storage = Storage(tmp_path)
    os.mkfifo(storage.settings_file)
    assert storage.load_settings() == Settings()
    storage.settings_file.unlink()
    storage.settings_file.mkdir()
    assert storage.load_settings() == Settings()


@pytest.mark.parametrize("name, expected", [("", "save-"), ("autosave-1", "save-autosave-1-"), ("Ünïcode!", "Ünïcode!"),
                                            ("Луна", "Луна"), ("a/b", "a-b-"), ("CON", "save-CON-"),
                                            ("../../etc", "-..-etc-")])
def test_safe_names(name, expected):
    assert safe_name(name) == expected or (expected.endswith("-") and safe_name(name).startswith(expected)
                                           and len(safe_name(name)) == len(expected) + 8)


def test_every_event_choice_is_put_into_words(content):
    for event in content.events.values():
        for side in event.sides:
            for choice in event.choices:
                text = words.describe_choice(choice, content, side)
                assert text and "None" not in text, (event.id, choice.id)


def test_headquarters_numbers_come_from_the_view_functions(content):
    """The screens lay out what game/ui/views.py works out, which a test reads without a window."""
    from game.core import commands
    from game.ui import views

    session = Session.new(content, "moon", "usa", "ai", seed=4)
    game = session.game
    race = [line[0] for line in views.race_lines(session, "usa")]
    assert race[0] == game.era.goal.description and any(text.startswith("Firsts so far") for text in race)
    assert views.quarter_lines(session, "usa")[0][0].startswith("No launches booked")
    game.execute(commands.FundProgramme("usa", "atlas", 5.0))
    assert any("1 programme funded, 5 M a quarter" in line[0] for line in views.quarter_lines(session, "usa"))


def test_the_crews_screen_reads_its_roster_figures_from_the_view_functions(content):
    """Who is ready, who is lost, who flies when, and what training adds: from a real game."""
    from game.ui import views

    session = Session.new(content, "moon", "usa", "ai", seed=4)
    game = session.game
    me = game.state.sides["usa"]
    assert views.crew_heading(session, "usa", "astronauts") == f"Your astronauts: {len(me.crews)} ready to fly"
    assert views.crew_bookings(session, "usa") == {}
    month = game.month_now()
    assert game.execute(commands.PlanMission("usa", "docking", "titan2", "gemini", month, ("usa-1", "usa-2")))
    mission_month = words.month_name(month)
    assert views.crew_bookings(session, "usa") == {crew: (mission_month[:3], f"Docking, {mission_month}")
                                                   for crew in ("usa-1", "usa-2")}
    me.crews["usa-3"].status = "dead"
    assert views.crew_heading(session, "usa", "astronauts") == \
        f"Your astronauts: {len(me.crews) - 1} ready to fly, 1 lost"
    crew = me.crews["usa-4"]
    crew.training, crew.docking = "docking", 40.0
    assert views.training_gain(crew) == pytest.approx(6.0 * 0.6)
    crew.training = None
    assert views.training_gain(crew) == 0


def test_the_chronicle_reads_each_first_against_history_from_the_view_functions(content):
    """Each side's date for a first and how it compares with history's, from a real game."""
    from game.core.state import FirstWon
    from game.ui import views

    session = Session.new(content, "moon", "usa", "ai", seed=4)
    game = session.game
    gagarin = content.firsts["first_human_in_space"]  # won before the Moon era opens
    assert views.first_by(game, gagarin.id, "ussr")[::2] == (words.month_text(1961, 4) + views.STAR, "#ussr")
    assert views.against_history(game, gagarin)[0] == "before this era"
    landing = content.firsts["first_crewed_landing"]  # history's: the USA, July 1969
    assert views.first_by(game, landing.id, "usa") == ("\u2014", "United States has not done it yet.", "#muted")
    assert views.against_history(game, landing)[::2] == ("still open", "#muted")
    game.state.firsts[landing.id] = [FirstWon(landing.id, "usa", 1969, 3, 20, "crewed_landing", 0),
                                     FirstWon(landing.id, "ussr", 1970, 1, 5, "crewed_landing", 1)]
    assert views.against_history(game, landing)[::2] == ("4 months early", "#good")
    assert views.first_by(game, landing.id, "usa")[0].endswith(views.STAR)
    assert views.first_by(game, landing.id, "ussr")[1].endswith(", after the rival.")
    game.state.firsts[landing.id] = [FirstWon(landing.id, "ussr", 1969, 9, 1, "crewed_landing", 0)]
    text, tip, look = views.against_history(game, landing)
    assert (text, look) == ("2 months late, other side", "#warn") and "in history it was" in tip


def test_the_planner_says_when_a_vehicle_is_no_longer_built(content):
    """The satellite era opens after the last V-2 was built: the kit says so, and the launch
    button gives the reason rather than offering an order the rules refuse."""
    from game.ui import views

    session = Session.new(content, "satellites", "usa", "ai", seed=1)
    game = session.game
    hardware = game.hardware("usa", content.missions["ballistic_test"], "v2", None)
    line, tip = views.kit_lines(session, "usa", "ballistic_test", hardware)[0]
    assert line == "V-2 (A-4): 0 built; no more are built"
    assert "the last could be ordered in 1952-Q2" in tip
    reason = commands.PlanMission("usa", "ballistic_test", "v2").check(game)
    assert reason == "no V-2 (A-4) in hand, and no more are built"
    assert views.research_outlook(session, "usa", "v2")[0] == "no longer built"
    game.state.sides["usa"].articles["v2"] = 2
    assert views.research_outlook(session, "usa", "v2")[0] == "no longer built (2 left)"
    assert views.research_outlook(session, "usa", "hermes")[0] == "unfunded: no progress"  # built until 1954-Q1


def test_the_planner_reads_a_kit_and_the_race_from_the_view_functions(content):
    """What a launch's hardware has built and coming, its pad, and the missions the rival may
    race for: from a real game."""
    from game.core.state import LikelyFlight
    from game.ui import views

    session = Session.new(content, "moon", "usa", "ai", seed=4)
    game = session.game
    hardware = game.hardware("usa", content.missions["docking"], "titan2", "gemini")
    lines = [line for line, _ in views.kit_lines(session, "usa", "docking", hardware)]
    articles = game.state.sides["usa"].articles
    assert lines[:2] == [f"Titan II: {articles['titan2']} built", f"Gemini: {articles['gemini']} built"]
    assert lines[2].startswith("Pad: ") and lines[2].endswith(", free this quarter")
    assert game.execute(commands.OrderHardware("usa", "titan2"))
    assert views.kit_lines(session, "usa", "docking", hardware)[0][0].startswith(
        f"Titan II: {articles['titan2']} built, 1 coming (first ")
    assert views.racing(session, "usa", ["docking", "satellite"]) == {}
    flight = LikelyFlight("docking", "r7", "soyuz", 0.6, ["first_docking"])
    game.state.sides["usa"].file.likely = [flight]
    raced = views.racing(session, "usa", ["docking", "satellite"])
    assert list(raced) == ["docking"] and raced["docking"][0] is flight
