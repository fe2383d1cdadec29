"""The roads on screen: the research screen lists them and takes one; the planner books a
mission of two launches, drawn side by side."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from test_ui import click, key, open_window, pump  # noqa: E402

from game.core import dates  # noqa: E402


def _texts(app):
    return [e.text for e in app.top.elements if hasattr(e, "text") and isinstance(e.text, str)]


def test_the_research_screen_lists_the_roads_and_changes_road(tmp_path, content):
    app = open_window(tmp_path, content, era="moon", side="ussr", seed=4)
    game = app.session.game
    game.state.sides["ussr"].pending_events.clear()
    game.state.sides["ussr"].cash = 500
    key(app, "r")
    rows = app.top._rows()
    assert rows[0] == "Roads to the Moon" and rows[1] == ("road", content.roads["ussr_n1l3"])  # its own first
    changes = [b for b in app.top.actions if b.text.startswith("Change road") and b.is_enabled]
    assert len(changes) == 3  # the three roads the Soviet Union does not follow
    click(app, changes[0])
    assert game.state.sides["ussr"].road != "ussr_n1l3" and game.state.sides["ussr"].road_changes == 1


def test_the_planner_books_both_launches_of_an_eor_landing(tmp_path, content):
    app = open_window(tmp_path, content, era="moon", side="usa", seed=4)
    game = app.session.game
    game.state.quarter = dates.parse_quarter("1969-Q2")
    usa = game.state.sides["usa"]
    usa.pending_events.clear()
    usa.road = "usa_eor"
    for prog in ("apollo_direct", "eor_tanker", "saturn5", "apollo_csm", "landing_gear", "docking_system"):
        state = game.open_programme(usa, prog)
        state.reliability, state.quarters = 90, 40
    usa.articles.update({"saturn5": 2, "apollo_direct": 1, "eor_tanker": 1})
    key(app, "m")
    assert "eor_landing" in app.top._flyable() and "crewed_landing" not in app.top._flyable()
    app.top._pick_mission("eor_landing")
    pump(app)
    texts = _texts(app)
    assert "two launches" in texts
    assert any(t.startswith("First: Orbital tanker launch on Saturn V") for t in texts)
    app.settings.ask_long_shot = False  # (the long-shot question has its tests in test_ui_planner.py)
    app.top.main_action()
    booked = [m for m in usa.missions if m.type == "eor_landing"]
    assert booked and (booked[0].rocket2, booked[0].spacecraft2) == ("saturn5", "eor_tanker")
    assert usa.articles["saturn5"] == 0
