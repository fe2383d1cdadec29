"""The game window, driven by posted events under the dummy video driver."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import argparse  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import __version__ as GAME_VERSION  # noqa: E402
from game.content import loader  # noqa: E402
from game.core import commands  # noqa: E402
from game.ui import app as app_module  # noqa: E402
from game.ui.screens.chronicle import ChronicleScreen  # noqa: E402
from game.ui.screens.crews import CrewsScreen  # noqa: E402
from game.ui.screens.dialogs import ContentErrorScreen, HandOverScreen, MessageScreen, QuestionScreen  # noqa: E402
from game.ui.screens.end import EndScreen  # noqa: E402
from game.ui.screens.event import EventScreen  # noqa: E402
from game.ui.screens.files import SaveLoadScreen  # noqa: E402
from game.ui.screens.help import HelpScreen  # noqa: E402
from game.ui.screens.hq import HeadquartersScreen  # noqa: E402
from game.ui.screens.intel import IntelScreen  # noqa: E402
from game.ui.screens.launch import LaunchScreen  # noqa: E402
from game.ui.screens.menu import GameMenuScreen  # noqa: E402
from game.ui.screens.missions import MissionPlannerScreen  # noqa: E402
from game.ui.screens.newgame import NewGameScreen  # noqa: E402
from game.ui.screens.report import ReportScreen  # noqa: E402
from game.ui.screens.research import ResearchScreen  # noqa: E402
from game.ui.screens.settings import SettingsScreen  # noqa: E402
from game.ui.screens.title import TitleScreen  # noqa: E402
from game.ui.session import Session  # noqa: E402
from game.ui.storage import Storage  # noqa: E402

# --- driving the window ---------------------------------------------------------------------


def open_window(tmp_path, content, size=(1280, 720), **play):
    app = app_module.App(Storage(tmp_path), size)
    pygame.event.clear()
    app._content = content
    if play:
        app.reset(TitleScreen(app))
        session = Session.new(content, play.get("era", "survival"), play.get("side", "usa"),
                                         play.get("rival", "ai"), "normal", play.get("seed", 3))
        app.start_session(session, fresh=True)
    else:
        app.reset(TitleScreen(app))
    pump(app)
    return app


def pump(app, frames=2):
    for _ in range(frames):
        app.frame()


def key(app, name, mod=0):
    code = pygame.key.key_code(name) if len(name) > 1 or name.isalpha() else ord(name)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0))
    pump(app)


def click(app, element):
    pos = element.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pump(app, 3)


def button(app, starts_with):
    found = [b for b in app.top.actions if b.text.startswith(starts_with) and b.alive()]
    assert found, f"no button {starts_with!r} on {type(app.top).__name__}: {[b.text for b in app.top.actions]}"
    return found[0]


def colours(surface, step=3):
    raw = pygame.image.tobytes(surface, "RGB")
    width = surface.get_width()
    return {raw[i:i + 3] for row in range(0, surface.get_height(), step)
            for i in range(row * width * 3, (row + 1) * width * 3, 3 * step)}


def shoot(app, folder, name):
    app.frame()
    path = folder / f"{name}.png"
    pygame.image.save(app.window, str(path))
    assert len(colours(app.window)) > 40, f"{name} looks blank"
    return path


@pytest.fixture
def hq(tmp_path, content):
    """A game at headquarters, its first quarter's cards (drawn as the quarter opens) answered."""
    app = open_window(tmp_path, content, era="survival", side="usa", seed=3)
    game = app.session.game
    for event_id in list(game.state.sides["usa"].pending_events):
        game.execute(commands.AnswerEvent("usa", event_id, content.events[event_id].choices[0].id))
    app.back_to_hq()
    pump(app)
    return app


# --- each screen opens and closes ---------------------------------------------------------------


def test_title_and_new_game_open_and_close(tmp_path, content):
    app = open_window(tmp_path, content)
    assert isinstance(app.top, TitleScreen)
    assert pygame.display.get_caption()[0] == f"Space Race {GAME_VERSION}"
    key(app, "return")
    assert isinstance(app.top, NewGameScreen)
    key(app, "escape")
    assert isinstance(app.top, TitleScreen)
    for label, kind in (("Settings", SettingsScreen), ("How to play", HelpScreen), ("Load game", SaveLoadScreen)):
        click(app, button(app, label))
        assert isinstance(app.top, kind)
        key(app, "escape")
        assert isinstance(app.top, TitleScreen)


def test_navigation_keys_open_each_game_screen_and_esc_returns(hq):
    assert isinstance(hq.top, HeadquartersScreen)
    for letter, kind in (("r", ResearchScreen), ("m", MissionPlannerScreen), ("c", CrewsScreen),
                         ("i", IntelScreen), ("t", ChronicleScreen)):
        key(hq, letter)
        assert isinstance(hq.top, kind)
        key(hq, "escape")
        assert isinstance(hq.top, HeadquartersScreen)
    key(hq, "r")
    key(hq, "h")
    assert isinstance(hq.top, HeadquartersScreen)
    key(hq, "escape")
    assert isinstance(hq.top, GameMenuScreen)
    key(hq, "escape")
    assert isinstance(hq.top, HeadquartersScreen)
    key(hq, "f1")
    assert isinstance(hq.top, HelpScreen)
    key(hq, "escape")
    assert isinstance(hq.top, HeadquartersScreen)


def test_nav_buttons_work_by_mouse(hq):
    click(hq, button(hq, "Research"))
    assert isinstance(hq.top, ResearchScreen)
    click(hq, button(hq, "Crews"))
    assert isinstance(hq.top, CrewsScreen)
    click(hq, button(hq, "Menu"))
    assert isinstance(hq.top, GameMenuScreen)
    click(hq, button(hq, "Settings"))
    assert isinstance(hq.top, SettingsScreen)
    key(hq, "escape")
    assert isinstance(hq.top, HeadquartersScreen)


def test_the_research_screen_says_until_when_a_timed_grounding_holds(hq):
    """An event's timed grounding (the Army's Orbiter, 1955): the row says grounded and its tip
    the first quarter the vehicle may fly."""
    from game.content import clauses
    from game.core import dates, eventtypes

    game = hq.session.game
    for clause in loader.validate(tuple[clauses.Effect, ...], [{"ground": {"programme": "redstone", "quarters": 2}}]):
        eventtypes.apply(game, "usa", clause)
    key(hq, "r")
    row = [e for e in all_elements(hq.top.elements) if getattr(e, "text", "") and "(grounded)" in e.text]
    assert len(row) == 1 and row[0].text.endswith("(grounded)")  # (a rushed figure as well did not fit)
    assert f"it may not fly before {dates.format_quarter(game.state.quarter + 2)}" in row[0].tool_tip_text


# --- commands through the screens -----------------------------------------------------------------


def test_start_button_starts_a_programme(hq):
    key(hq, "r")
    side = hq.session.game.state.sides["usa"]
    startable = [p for p in hq.content.programmes.values() if hq.session.game.why_not_start("usa", p.id) is None
                 and p.start_cost <= side.cash]
    assert startable
    name = startable[0].name
    starts = [b for b in hq.top.actions if b.text.startswith("Start") and b.is_enabled]
    click(hq, starts[0])
    started = [p for p in side.programmes if hq.content.programmes[p].name == name]
    assert started, "the start button did not start the programme"
    assert side.programmes[started[0]].funding > 0


def test_plus_and_minus_change_funding(hq):
    key(hq, "r")
    side = hq.session.game.state.sides["usa"]
    plus = [b for b in hq.top.actions if b.text == "+" and b.is_enabled][0]
    before = {p: s.funding for p, s in side.programmes.items()}
    click(hq, plus)
    after = {p: s.funding for p, s in side.programmes.items()}
    changed = [p for p in after if after[p] > before[p]]
    assert len(changed) == 1
    minus = [b for b in hq.top.actions if b.text == "\u2212" and b.is_enabled][0]
    click(hq, minus)
    assert side.programmes[changed[0]].funding == before[changed[0]]


def test_return_in_the_planner_orders_then_books_and_cancel_returns_the_hardware(hq):
    key(hq, "m")
    side = hq.session.game.state.sides["usa"]
    side.articles.clear()
    hq.top.refresh()
    cash = side.cash
    key(hq, "return")  # nothing is built: Return orders it
    assert side.missions == [] and side.orders and side.cash < cash
    for order in side.orders:  # as if the build time had passed
        side.articles[order.programme] = side.articles.get(order.programme, 0) + 1
    side.orders.clear()
    stock = dict(side.articles)
    hq.top.refresh()
    key(hq, "return")
    assert len(side.missions) == 1 and sum(side.articles.values()) < sum(stock.values())
    click(hq, button(hq, "Cancel"))
    assert side.missions == [] and side.articles == stock


def test_crew_training_button_sends_traincrew(tmp_path, content):
    app = open_window(tmp_path, content, era="moon", side="ussr", seed=3)  # (the Race for Survival opens with no crews)
    if isinstance(app.top, EventScreen):
        key(app, "escape")  # the card waits at headquarters
    key(app, "c")
    crew = next(iter(app.session.game.state.sides["ussr"].crews.values()))
    assert crew.training is None
    click(app, [b for b in app.top.actions if b.text.startswith("Training")][0])
    assert crew.training == "piloting"


def test_return_at_headquarters_ends_the_turn(hq):
    game = hq.session.game
    quarter = game.state.quarter
    key(hq, "return")  # nothing is booked: the game asks first
    assert isinstance(hq.top, QuestionScreen)
    key(hq, "return")
    assert game.state.quarter == quarter + 1
    assert isinstance(hq.top, (LaunchScreen, ReportScreen))
    for _ in range(10):
        if not isinstance(hq.top, (LaunchScreen, ReportScreen)):
            break
        key(hq, "return")
    assert isinstance(hq.top, (HeadquartersScreen, EventScreen))
    assert list((hq.storage.saves).glob("autosave-*.json"))


def test_an_empty_turn_asks_once_before_it_ends_and_the_question_can_be_turned_off(hq):
    game = hq.session.game
    quarter = game.state.quarter
    assert hq.top.unspent() > 0
    click(hq, button(hq, "End turn"))
    assert isinstance(hq.top, QuestionScreen), "an empty turn ended without a question"
    assert "unspent" in hq.top.message
    key(hq, "escape")  # back to planning: nothing happened
    assert isinstance(hq.top, HeadquartersScreen) and game.state.quarter == quarter
    click(hq, button(hq, "End turn"))  # asked once: the second time it ends
    assert game.state.quarter == quarter + 1
    quarter += 1
    hq.back_to_hq()
    pump(hq)
    while hq.session.game.state.sides["usa"].pending_events:
        key(hq, "1")
    assert hq.top.unspent() > 0
    click(hq, button(hq, "End turn"))  # a new turn: asked again
    assert isinstance(hq.top, QuestionScreen)
    click(hq, button(hq, "End it, and do not ask again"))
    assert game.state.quarter == quarter + 1
    assert hq.settings.ask_empty_turn is False
    assert Storage(hq.storage.root).load_settings().ask_empty_turn is False
    hq.back_to_hq()
    pump(hq)
    assert hq.top.unspent() > 0
    key(hq, "return")  # not asked again
    assert not isinstance(hq.top, QuestionScreen)


def test_a_turn_with_a_launch_booked_ends_without_a_question(hq):
    game = hq.session.game
    quarter = game.state.quarter
    key(hq, "m")
    key(hq, "return")  # the planner books its suggested launch
    assert any(m.quarter == quarter for m in game.state.sides["usa"].missions)
    key(hq, "h")
    key(hq, "return")
    assert game.state.quarter == quarter + 1


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (2560, 1440)])
def test_buttons_that_lead_to_headquarters_are_not_where_end_turn_is(tmp_path, content, size):
    """Clicking through the films and the report must not land the next click on End turn."""
    app = open_window(tmp_path, content, size=size, era="survival", side="usa", seed=3)
    game = app.session.game
    for event_id in list(game.state.sides["usa"].pending_events):  # the first quarter's cards
        game.execute(commands.AnswerEvent("usa", event_id, content.events[event_id].choices[0].id))
    app.back_to_hq()
    pump(app)
    end_turn = button(app, "End turn").rect
    app.settings.ask_empty_turn = False
    key(app, "return")
    seen = 0
    while isinstance(app.top, (LaunchScreen, ReportScreen)):
        for b in app.top.actions:
            if b.text.startswith(("Continue", "Skip")):
                seen += 1
                assert not b.rect.colliderect(end_turn), f"{b.text} sits on End turn at {size}"
        key(app, "return")
    assert seen


def test_event_card_keys_answer_and_end_turn_waits_for_them(hq):
    game = hq.session.game
    side = game.state.sides["usa"]
    for _ in range(12):
        if side.pending_events:
            break
        game.execute(commands.EndTurn("usa"))
        for event_id in list(game.state.sides["ussr"].pending_events):  # the rival answers its own cards
            game.execute(commands.AnswerEvent("ussr", event_id, game.content.events[event_id].choices[0].id))
        game.execute(commands.EndTurn("ussr"))
    assert side.pending_events, "no event came up in twelve quarters"
    hq.back_to_hq()
    pump(hq)
    quarter = game.state.quarter
    key(hq, "return")  # refused: the event card opens instead
    assert game.state.quarter == quarter
    assert isinstance(hq.top, EventScreen)
    waiting = len(side.pending_events)
    hq.toasts.clear()
    key(hq, "return")  # no default answer: the card says how to choose, and stays
    assert isinstance(hq.top, EventScreen) and len(side.pending_events) == waiting
    assert any(text.startswith("Choose an answer: press 1") for text, _, _ in hq.toasts)
    key(hq, "1")
    assert len(side.pending_events) == waiting - 1


def test_the_report_asks_for_money_only_where_money_would_help(hq):
    """A quarter that moved no estimate by half a point: "fund them" only when nothing is
    funded (near its ceiling a funded programme gains less than that, as in 1969's last
    quarter); and the money the treasury took back is not advice once the race is over."""
    from game.ui.session import snapshot

    session = hq.session
    game = session.game
    me = game.state.sides[session.side]
    for programme in me.programmes.values():
        programme.funding = 0.0
    session.before = {side: snapshot(game, side) for side in game.state.sides}  # nothing moves
    me.cash = me.budget * (1 - me.bureau_share) + 30  # 40 left unspent, 10 of it taken back

    def said():
        return [text for text, *_ in ReportScreen(hq, review=True)._mine(game.state.quarter)]

    assert "No programme moved: fund them in Research (R)." in said()
    next(iter(me.programmes.values())).funding = 5.0
    assert any(text.startswith("No estimate moved by half a point") for text in said())
    assert any(text.endswith("book launches or fund research to keep it.") for text in said())
    game.state.over = True
    taken = [text for text in said() if "went back to the treasury" in text]
    assert taken and taken[0].endswith("of what was left).")


def test_the_report_names_waiting_cards_only_while_they_can_be_answered(hq):
    state = hq.session.game.state
    side = state.sides[hq.session.side]
    side.pending_events = [next(iter(hq.session.game.content.events))]
    report = ReportScreen(hq, review=True)
    assert any(text.startswith("Waiting for your answer") for text, *_ in report._mine(state.quarter))
    state.over = True  # the game ended with the card drawn: the end screen comes next, not the card
    assert not any(text.startswith("Waiting for your answer") for text, *_ in report._mine(state.quarter))


def test_keyboard_focus_moves_with_tab_and_presses_with_return(hq):
    key(hq, "r")
    key(hq, "tab")
    assert hq.focus is not None
    first = hq.focus
    key(hq, "tab")
    assert hq.focus is not first
    key(hq, "tab", pygame.KMOD_SHIFT)
    assert hq.focus is first
    focused = hq.focus
    side = hq.session.game.state.sides["usa"]
    before = {p: s.funding for p, s in side.programmes.items()}
    key(hq, "return")
    pressed_something = before != {p: s.funding for p, s in side.programmes.items()} or \
        len(before) != len(side.programmes) or not isinstance(hq.top, ResearchScreen)
    assert pressed_something, f"Return did not press {focused.text!r}"


# --- saving and loading -------------------------------------------------------------------------------


def test_quick_save_and_quick_load(hq):
    game = hq.session.game
    hq.settings.ask_empty_turn = False  # Return ends the turn without the question about an empty one
    key(hq, "f5")
    assert hq.storage.quicksave_path.exists()
    quarter = game.state.quarter
    key(hq, "return")
    for _ in range(6):
        if isinstance(hq.top, (LaunchScreen, ReportScreen)):
            key(hq, "return")
    assert hq.session.game.state.quarter == quarter + 1
    key(hq, "f9")
    assert hq.session.game.state.quarter == quarter
    assert isinstance(hq.top, (HeadquartersScreen, EventScreen))


def test_named_save_then_load_from_the_title(tmp_path, content):
    app = open_window(tmp_path, content, era="satellites", side="ussr", seed=5)
    app.escape_to_menu()
    pump(app)
    click(app, button(app, "Save game"))
    assert isinstance(app.top, SaveLoadScreen)
    key(app, "return")
    assert any(i.kind == "named" for i in app.storage.list_saves())
    app.quit_to_title()
    pump(app)
    click(app, button(app, "Load game"))
    click(app, button(app, "Load"))
    assert app.session is not None and app.session.player == "ussr"


def test_saving_over_a_named_save_asks_first(tmp_path, content):
    from game.ui.screens.dialogs import ConfirmScreen

    app = open_window(tmp_path, content, era="satellites", side="usa", seed=5)

    def save_with_return():
        app.escape_to_menu()
        pump(app)
        click(app, button(app, "Save game"))
        key(app, "return")

    save_with_return()
    (path,) = [i.path for i in app.storage.list_saves() if i.kind == "named"]
    os.utime(path, ns=(1, 1))
    for answer, replaced in (("escape", False), ("return", True)):
        save_with_return()
        assert isinstance(app.top, ConfirmScreen)
        key(app, answer)
        assert not isinstance(app.top, ConfirmScreen)
        assert (path.stat().st_mtime_ns != 1) == replaced
    assert [i.path for i in app.storage.list_saves() if i.kind == "named"] == [path]


@pytest.mark.parametrize("edit, expected", [('"cash":', '"cash":NaN,"x":'), ('"grounded":[]', '"grounded":"abc"'),
                                           ('"winner":null', '"winner":"martians"')])
def test_an_edited_save_is_refused_in_a_dialog_and_left_alone(hq, edit, expected):
    from game.core import save

    path = hq.storage.saves / "edited.json"
    text = save.dumps(hq.session.game.state, hq.session.meta()).replace(edit, expected, 1)
    path.write_text(text)
    game = hq.session.game
    assert not hq.load_game(path)
    assert isinstance(hq.top, MessageScreen) and "edited.json" in hq.top.message
    key(hq, "return")
    assert hq.session.game is game and path.read_text() == text


@pytest.mark.parametrize("screen", ["Save game", "Load game"])
def test_the_save_and_load_screens_open_over_a_hostile_saves_folder(hq, screen):
    from test_save_list import _hostile_folder

    from game.core import save

    expect = _hostile_folder(hq.storage, save.dumps(hq.session.game.state, hq.session.meta()))
    hq.escape_to_menu()
    pump(hq)
    click(hq, button(hq, screen))
    assert isinstance(hq.top, SaveLoadScreen)
    pump(hq)
    if screen == "Load game":
        assert len([b for b in hq.top.actions if b.text == "Load"]) >= len(expect)


def test_a_bad_save_shows_its_error_and_the_game_goes_on(hq):
    bad = hq.storage.saves / "broken.json"
    bad.write_text('{"format": "spacerace-save", "version": 99, "state": {}}')
    game = hq.session.game
    hq.escape_to_menu()
    pump(hq)
    click(hq, button(hq, "Load game"))
    loads = [b for b in hq.top.actions if b.text == "Load"]
    click(hq, loads[[i.path.name for i in hq.storage.list_saves()].index("broken.json")])
    assert isinstance(hq.top, MessageScreen)
    assert "newer version" in hq.top.message
    key(hq, "return")
    assert hq.session.game is game


def test_a_content_error_lists_its_problems(tmp_path, monkeypatch):
    problem = loader.Problem("eras/moon.yaml", 3, "start", "expected a quarter like 1957-Q4")

    def broken(*args, **kwargs):
        raise loader.ContentError([problem])

    monkeypatch.setattr(loader, "load", broken)
    app = app_module.open_app(argparse.Namespace(command="play", side="usa", era="moon", seed=1, rival="ai",
                                                 load=None), Storage(tmp_path))
    pump(app)
    assert isinstance(app.top, ContentErrorScreen)
    key(app, "return")
    assert not app.running


# --- hot-seat -----------------------------------------------------------------------------------------


def test_hot_seat_hands_over_and_hides_the_other_side(tmp_path, content):
    app = open_window(tmp_path, content, era="survival", side="usa", rival="human", seed=2)
    app.settings.ask_empty_turn = False  # Return ends the turn without the question about an empty one
    assert isinstance(app.top, HandOverScreen) and app.top.to_side == "usa"
    key(app, "escape")  # the hand-over cannot be skipped
    assert isinstance(app.top, HandOverScreen)
    key(app, "return")
    while isinstance(app.top, EventScreen):
        key(app, "1")
    assert isinstance(app.top, HeadquartersScreen) and app.session.side == "usa"
    quarter = app.session.game.state.quarter
    key(app, "return")
    assert isinstance(app.top, HandOverScreen) and app.top.to_side == "ussr"
    assert app.session.game.state.quarter == quarter
    key(app, "return")
    while isinstance(app.top, EventScreen):
        key(app, "1")
    assert app.session.side == "ussr"
    key(app, "return")
    assert app.session.game.state.quarter == quarter + 1
    assert isinstance(app.top, HandOverScreen) and app.top.to_side == "usa"


# --- the window's size --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_screens_fit_the_window(tmp_path, content, size):
    app = open_window(tmp_path, content, size, era="moon", side="usa", seed=4)
    app.back_to_hq()
    for letter in ("h", "r", "m", "c", "i", "t"):
        key(app, letter)
        window = pygame.Rect((0, 0), app.size)
        for element in app.top.elements:
            assert window.contains(element.rect), f"{type(app.top).__name__}: {element} outside {window}"


def test_resize_lays_the_screen_out_again(hq):
    hq.set_window(1024, 600, False)
    pump(hq)
    assert hq.manager.window_resolution == (1024, 600)
    end_turn = button(hq, "End turn")
    assert end_turn.rect.right <= 1024 and end_turn.rect.bottom <= 600


def test_idle_window_stops_drawing(hq):
    hq.last_input -= 10
    hq.toasts.clear()
    hq.frame()
    assert not hq.busy()


# --- a whole era through the window alone ---------------------------------------------------------------


def test_play_an_era_from_new_game_to_the_end_screen(tmp_path, content):
    shots = tmp_path / "shots"
    shots.mkdir()
    app = open_window(tmp_path, content)
    shoot(app, shots, "title")
    key(app, "return")
    assert isinstance(app.top, NewGameScreen)
    click(app, button(app, "Soviet Union"))
    click(app, button(app, "Race for Survival"))
    click(app, button(app, "Hard"))
    shoot(app, shots, "new_game")
    key(app, "return")
    assert app.session is not None and app.session.player == "ussr" and app.session.difficulty == "hard"
    seen = set()
    for _ in range(200):
        top = app.top
        name = type(top).__name__
        if name not in seen:
            seen.add(name)
            shoot(app, shots, name)
        if isinstance(top, EndScreen):
            break
        if isinstance(top, EventScreen):
            key(app, "1")
        elif isinstance(top, HeadquartersScreen):
            if "ResearchScreen" not in seen:
                for letter in ("r", "m", "c", "t"):
                    key(app, letter)
                    shoot(app, shots, type(app.top).__name__)
                key(app, "h")
            key(app, "return")
        else:
            key(app, "return")
    assert isinstance(app.top, EndScreen), f"stopped at {type(app.top).__name__}"
    assert app.session.game.state.over
    for name in ("title", "new_game", "HeadquartersScreen", "ResearchScreen", "MissionPlannerScreen", "CrewsScreen",
                 "ChronicleScreen", "ReportScreen", "EndScreen"):
        assert (shots / f"{name}.png").exists(), name


def all_elements(elements):
    """Every element, and those inside scrolling containers, depth first."""
    for element in elements:
        yield element
        inner = getattr(element, "scrollable_container", None)
        if inner is not None:
            yield from all_elements(list(inner.elements))


def test_every_button_and_figure_explains_itself(tmp_path, content):
    app = open_window(tmp_path, content, era="moon", side="ussr", seed=6)
    app.back_to_hq()
    missing = []
    for letter in ("h", "r", "m", "c", "i", "t"):
        key(app, letter)
        for element in all_elements(app.top.elements):
            text = getattr(element, "text", "") or ""
            is_button = element in app.top.actions
            is_figure = type(element).__name__ == "UILabel" and any(ch.isdigit() for ch in text)
            if (is_button or is_figure) and not element.tool_tip_text:
                missing.append(f"{type(app.top).__name__}: {text!r}")
    assert not missing, missing


def test_f12_saves_a_screenshot_into_the_data_folder(hq):
    key(hq, "f12")
    shots = list(hq.storage.screenshots.glob("*.png"))
    assert len(shots) == 1 and shots[0].stat().st_size > 1000


def test_history_rival_says_on_screen_who_stands_in(tmp_path, content):
    app = open_window(tmp_path, content, era="survival", side="usa", rival="history", seed=1)
    note = app.session.note
    if note:  # until a history agent exists, the computer plays and the player is told
        assert any(note in text for text, _, _ in app.toasts)


def test_settings_change_the_window_and_are_kept(tmp_path, content):
    app = open_window(tmp_path, content)
    click(app, button(app, "Settings"))
    click(app, button(app, "1024"))
    assert app.size == (1024, 600)
    click(app, button(app, "+"))
    click(app, button(app, "Colour-blind"))
    key(app, "return")
    kept = app.storage.load_settings()
    assert (kept.width, kept.height, kept.palette) == (1024, 600, "colour-blind")
    assert kept.volume > 0.5
    app.set_palette("navy")


def test_a_dismissed_head_gets_an_end_screen_that_says_so(hq):
    """The leadership review ends a game with its own verdict, not a goal's."""
    game = hq.session.game
    game.state.sides["usa"].pending_events.clear()
    for _ in range(game.content.sides["usa"].review.quarters):
        game.state.sides["usa"].support = 0
        for side in game.state.sides.values():
            side.pending_events.clear()
            game.execute(commands.EndTurn(side.side))
    assert game.state.over and game.state.dismissed == "usa"
    hq.reset(EndScreen(hq))
    pump(hq)
    texts = [e.text for e in hq.top.elements if isinstance(getattr(e, "text", None), str)]
    assert any("replaced Wernher von Braun" in t for t in texts), texts
