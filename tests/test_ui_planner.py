"""The mission planner: odds that explain themselves, and a planner that is easy to drive."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
import pytest  # noqa: E402
from test_ui import button, click, key, open_window, pump  # noqa: E402

from game.core import explain  # noqa: E402
from game.ui import views, words  # noqa: E402


@pytest.fixture
def planner(tmp_path, content):
    app = open_window(tmp_path, content, era="moon", side="usa", seed=4)
    app.settings.ask_long_shot = False  # (its question has its own test: here Return books)
    side = app.session.game.state.sides["usa"]
    for prog_id in side.programmes:  # every vehicle built, a few of each, so what is tested is the planner
        if content.programmes[prog_id].kind != "component":
            side.articles[prog_id] = 4
    key(app, "m")
    crewed = [m for m in app.top._flyable() if content.missions[m].crew_min
              and any(app.top._ready(m, *kit) for kit in app.top._kits(m))]
    # the crewed mission with the most steps that a pad can launch in 1964: rushed hardware among them
    app.top._pick_mission(max(crewed, key=lambda m: len(content.missions[m].steps)))
    pump(app)
    return app


def _texts(app):
    return [e.text for e in app.top.elements if hasattr(e, "text") and isinstance(e.text, str)]


def test_each_step_names_what_drives_it_and_the_weakest_is_marked(planner):
    top = planner.top
    game = planner.session.game
    mtype = planner.content.missions[top.mission]
    hardware = game.hardware("usa", mtype, top.rocket, top.spacecraft)
    crew = [game.state.sides["usa"].crews[c] for c in top.crew]
    drivers = explain.step_drivers(game, "usa", mtype, hardware, crew)
    # the parts add up to the chance the rules use
    assert [round(d.chance, 6) for d in drivers] == \
        [round(c, 6) for c in game.step_chances("usa", mtype, hardware, crew, believed=True)]
    weakest = min(drivers, key=lambda d: d.chance)
    texts = _texts(planner)
    assert any(t.startswith(weakest.name) and "weakest" in t for t in texts), texts
    assert any(weakest.programme.name in t for t in texts if "\u00b7" in t), "the weakest step's driver is not named"


def test_a_rushed_programme_shows_the_same_figure_on_research_as_in_the_planner(planner):
    game = planner.session.game
    side = game.state.sides["usa"]
    rushed = [(p, s) for p, s in side.programmes.items()
              if explain.flies_at(planner.content.programmes[p], s) < 99
              and planner.content.programmes[p].min_quarters > s.quarters]
    assert rushed, "nothing is rushed at the start of the moon era"
    prog_id, state = rushed[0]
    flies = f"{explain.flies_at(planner.content.programmes[prog_id], state):.0f} %"
    key(planner, "r")
    assert any("rushed" in t and flies in t for t in _texts(planner) + [
        e.text for box in planner.top.elements for e in getattr(getattr(box, "scrollable_container", None),
                                                                 "elements", [])
        if isinstance(getattr(e, "text", None), str)]), f"research does not say it flies at {flies}"


def test_book_stays_put_and_the_booked_list_names_each_crew(planner):
    book = button(planner, "Book the launch").rect.copy()
    for _ in range(2):
        key(planner, "return")
        assert button(planner, "Book the launch").rect == book, "Book the launch moved as bookings were added"
    side = planner.session.game.state.sides["usa"]
    assert len(side.missions) == 2
    texts = " ".join(e.text for box in planner.top.elements
                     for e in getattr(getattr(box, "scrollable_container", None), "elements", [])
                     if isinstance(getattr(e, "text", None), str))
    for mission in side.missions:
        for crew_id in mission.crew:
            assert side.crews[crew_id].name.split()[-1] in texts, "a booked launch does not name its crew"
    assert any("next flight" in t for t in _texts(planner)), "the odds do not say they plan the next flight"


def test_a_crew_sent_on_a_long_shot_is_asked_about_first(planner):
    """The planner opens on the likeliest first to win, which can be a flight at 25 % to lose
    its crew, one Return away: such a booking asks first, and Esc books nothing."""
    from game.ui.screens.dialogs import QuestionScreen
    from game.ui.screens.missions import LONG_SHOT_CREW_LOSS

    planner.settings.ask_long_shot = True
    top = planner.top
    side = planner.session.game.state.sides["usa"]
    command = top._command()
    crew_loss = top._crew_loss(command)
    assert crew_loss >= LONG_SHOT_CREW_LOSS, "the fixture's rushed crewed flight is no long shot"
    key(planner, "return")
    assert isinstance(planner.top, QuestionScreen) and side.missions == []
    names = [side.crews[c].name for c in command.crew]
    message = planner.top.message
    assert all(name in message for name in names) and words.percent(crew_loss) in message
    key(planner, "escape")
    assert planner.top is top and side.missions == []
    key(planner, "return")
    key(planner, "return")  # yes
    assert planner.top is top and len(side.missions) == 1
    planner.settings.ask_long_shot = False
    key(planner, "return")
    assert planner.top is top and len(side.missions) == 2


def test_do_not_ask_again_books_the_long_shot_and_is_kept(planner):
    from game.ui.storage import Storage

    planner.settings.ask_long_shot = True
    key(planner, "return")
    click(planner, button(planner, "Book it, and do not ask again"))
    assert len(planner.session.game.state.sides["usa"].missions) == 1
    assert Storage(planner.storage.root).load_settings().ask_long_shot is False


def test_settings_turn_each_question_off_and_on(planner):
    from game.ui.screens.settings import SettingsScreen
    from game.ui.storage import Storage

    planner.settings.ask_long_shot = True
    planner.push(SettingsScreen(planner))
    pump(planner)
    click(planner, button(planner, "Crew long shots: ask"))
    assert Storage(planner.storage.root).load_settings().ask_long_shot is False
    assert planner.settings.ask_empty_turn is True  # the other question is left alone
    click(planner, button(planner, "Crew long shots: off"))
    click(planner, button(planner, "Empty turns: ask"))
    saved = Storage(planner.storage.root).load_settings()
    assert saved.ask_long_shot is True and saved.ask_empty_turn is False


def test_a_sound_crewed_flight_books_without_a_question(planner):
    top = planner.top
    side = planner.session.game.state.sides["usa"]
    planner.settings.ask_long_shot = True
    for prog in side.programmes.values():  # every vehicle made sound
        prog.reliability, prog.bias = 99.0, 0.0
        prog.quarters, prog.successes, prog.flights = 40, 10, 10
    top.refresh()
    assert top._crew_loss(top._command()) < 0.15
    key(planner, "return")
    assert planner.top is top and len(side.missions) == 1


def _planner_at_minimum(tmp_path, content):
    app = open_window(tmp_path, content, size=(1024, 600), era="moon", side="usa", seed=4)
    key(app, "m")
    crewed = [m for m in app.top._flyable() if content.missions[m].crew_min]
    app.top._pick_mission(crewed[-1])
    pump(app)
    return app


def test_the_crew_is_in_sight_without_scrolling_at_the_smallest_window(tmp_path, content):
    app = _planner_at_minimum(tmp_path, content)
    middle = [b for b in app.top._boxes() if any(getattr(e, "text", "").startswith("Crew")
                                                for e in b.scrollable_container.elements)][0]
    heading = [e for e in middle.scrollable_container.elements if getattr(e, "text", "").startswith("Crew")][0]
    first = [e for e in middle.scrollable_container.elements if e in app.top.actions
             and e.rect.top > heading.rect.top][0]
    assert first.rect.bottom <= middle.rect.bottom, "the crew's names are below the fold"


def test_page_down_scrolls_the_list_under_the_pointer_and_a_click_on_the_track_pages(tmp_path, content):
    app = _planner_at_minimum(tmp_path, content)
    boxes = app.top._boxes()
    missions = min(boxes, key=lambda b: b.rect.x)
    others = {b: b.vert_scroll_bar.start_percentage for b in boxes if b is not missions}
    bar = missions.vert_scroll_bar
    bar.set_scroll_from_start_percentage(0.0)
    missions.update(0.0)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=missions.rect.center, rel=(1, 1),
                                         buttons=(0, 0, 0)))
    pump(app)
    key(app, "page down")
    missions = min(app.top._boxes(), key=lambda b: b.rect.x)
    assert missions.vert_scroll_bar.start_percentage > 0, "Page Down did not scroll the list under the pointer"
    assert all(b.vert_scroll_bar.start_percentage == others.get(b, b.vert_scroll_bar.start_percentage)
               for b in app.top._boxes() if b is not missions)
    missions.vert_scroll_bar.set_scroll_from_start_percentage(0.0)
    missions.update(0.0)
    pump(app)
    before = missions.vert_scroll_bar.start_percentage
    handle = missions.vert_scroll_bar.sliding_button.rect
    below = (handle.centerx, min(missions.vert_scroll_bar.rect.bottom - 24, handle.bottom + 20))
    assert below[1] > handle.bottom, "no track below the handle to click"
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=below, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=below, button=1))
    pump(app)
    assert missions.vert_scroll_bar.start_percentage > before, "a click on the scroll bar's track did not page"


def test_missions_not_possible_yet_say_why_and_these_years_come_last(tmp_path, content):
    app = open_window(tmp_path, content, era="rockets", side="usa", seed=4)
    key(app, "m")
    planner = app.top
    rest = [m for m in content.missions if m not in planner._flyable()]
    assert rest
    captions = [e.text for b in planner._boxes() for e in b.scrollable_container.elements
                if getattr(e, "text", None) and e not in planner.actions]
    assert any(c.startswith("Not in these years") for c in captions)
    beyond = [views.beyond_era(app.session, "usa", m) is not None for m in rest]
    assert beyond == sorted(beyond), "missions beyond the era's years are not listed last"
    assert views.beyond_era(app.session, "usa", "crewed_landing") == \
        "not in these years: room for a crew in lunar orbit comes later"
    assert views.beyond_era(app.session, "usa", "ballistic_test") is None


def test_no_tooltip_opens_over_the_booked_list_after_booking(planner):
    """The pointer still rests on Book the launch after a click: its tooltip would cover the list."""
    from test_ui import click

    assert button(planner, "Book the launch").tool_tip_text
    click(planner, button(planner, "Book the launch"))
    assert planner.session.game.state.sides["usa"].missions
    assert not button(planner, "Book the launch").tool_tip_text, "a tooltip is ready to open over the booked list"
    planner.rebuild_top()  # anything else done on the screen: the button explains itself again
    assert button(planner, "Book the launch").tool_tip_text


@pytest.mark.parametrize("era, side", [("moon", "ussr"), ("survival", "usa"), ("satellites", "ussr")])
def test_the_planner_opens_on_the_likeliest_mission_worth_flying(tmp_path, content, era, side):
    """Of the missions that can still win a first (built and with a pad free, if any are), it opens
    on the one its engineers believe likeliest to work, not merely the first in the list."""
    app = open_window(tmp_path, content, era=era, side=side, seed=4)
    key(app, "m")
    planner = app.top
    flyable = planner._flyable()
    open_first = [m for m in flyable if planner._open_firsts(m)]
    ready = [m for m in flyable if any(planner._ready(m, *kit) for kit in planner._kits(m))]
    group = [m for m in ready if m in open_first] or ready or open_first or flyable
    assert planner.mission in group
    assert planner._best_success(planner.mission) == max(planner._best_success(m) for m in group)


def test_the_planner_says_what_a_failed_try_at_the_goal_costs(content):
    """A long shot at the goal is reviewed longer if it fails: the planner says so, in full and
    in warning colour, and says the shorter review a sound try gets."""
    from types import SimpleNamespace

    from game.core.game import Game

    game = Game.new(content, "survival", 1)
    session = SimpleNamespace(game=game)
    traits = content.sides["usa"]
    below = traits.goal_abort_below
    notes, must = views.planner_notes(session, "usa", "crewed_orbital", None, None, False, "mercury", below - 0.1)
    assert must == 1 and notes[0][0].startswith("A long shot at the goal")
    assert f"{traits.goal_abort_stand_down} quarters" in notes[0][0]
    assert f"a death for {traits.death_stand_down}" in notes[0][0]
    notes, must = views.planner_notes(session, "usa", "crewed_orbital", None, None, False, "mercury", below)
    assert must == 0 and f"crewed Mercury flights for {traits.abort_stand_down} quarters" in notes[0][0]
    notes, _ = views.planner_notes(session, "usa", "capsule_test", None, None, False, "mercury", below - 0.1)
    assert not any("crewed Mercury flights" in n[0] for n in notes), "an uncrewed test has no crew to stand down"
