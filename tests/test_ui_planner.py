"""The mission planner: odds that explain themselves, and a planner that is easy to drive."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pytest  # noqa: E402
from test_ui import button, key, open_window, pump  # noqa: E402

from game.core import explain  # noqa: E402


@pytest.fixture
def planner(tmp_path, content):
    app = open_window(tmp_path, content, era="moon", side="usa", seed=4)
    key(app, "m")
    crewed = [m for m in app.top._flyable() if content.missions[m].crew_min]
    app.top._pick_mission(crewed[-1])  # the landing: many steps, rushed hardware
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
