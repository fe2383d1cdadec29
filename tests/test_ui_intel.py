"""The rival file on screen: its tab and key, its spending control, the warnings, and
hot-seat fairness (what one player sees never depends on the other's secrets or file)."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
from test_ui import all_elements, key, pump  # noqa: E402

from game import sim  # noqa: E402
from game.ai import make_agent  # noqa: E402
from game.core import intel  # noqa: E402
from game.core.state import LikelyFlight, rival_of  # noqa: E402
from game.ui import app as app_module  # noqa: E402
from game.ui.screens.dialogs import HandOverScreen  # noqa: E402
from game.ui.screens.event import EventScreen  # noqa: E402
from game.ui.screens.hq import HeadquartersScreen  # noqa: E402
from game.ui.screens.intel import IntelScreen  # noqa: E402
from game.ui.screens.report import ReportScreen  # noqa: E402
from game.ui.screens.title import TitleScreen  # noqa: E402
from game.ui.session import Session  # noqa: E402
from game.ui.storage import Storage  # noqa: E402

SCREENS = ("h", "r", "m", "c", "i", "t")


def _window(tmp_path, content, session):
    app = app_module.App(Storage(tmp_path), (1280, 720))
    pygame.event.clear()
    app._content = content
    app.settings.guide = False
    app.reset(TitleScreen(app))
    app.start_session(session, fresh=False)
    pump(app)
    return app


def _seen(app) -> list:
    """Everything the player at the keyboard can read or hover on each main screen: texts,
    tooltips and the pixels of every picture."""
    seen = []
    for letter in SCREENS:
        key(app, letter)
        app.toasts.clear()
        for element in all_elements(app.top.elements):
            picture = getattr(element, "image", None)
            seen.append((type(app.top).__name__, getattr(element, "text", None), element.tool_tip_text,
                         pygame.image.tobytes(picture, "RGBA") if picture is not None and
                         type(element).__name__ == "UIImage" else None))
    app.back_to_hq()
    app.push(ReportScreen(app, review=True))  # the last quarter's report
    pump(app)
    for element in all_elements(app.top.elements):
        seen.append(("ReportScreen", getattr(element, "text", None), element.tool_tip_text, None))
    app.back_to_hq()
    return seen


def _hide(state, rival: str) -> None:
    """Change the rival's secrets and its own file: nothing of this may show to the other player."""
    them = state.sides[rival]
    for index, prog in enumerate(them.programmes.values()):
        prog.reliability = (index * 29) % 90 + 5
        prog.funding, prog.invested, prog.bias = 3.0 + index, prog.invested + 40, -prog.bias
        prog.failures += 3
    them.articles = {pid: 4 for pid in them.articles}
    them.orders = []
    them.cash, them.budget, them.base_budget = them.cash + 77, them.budget + 11, them.base_budget + 9
    for seen in them.file.programmes.values():
        seen.low, seen.high = 1.0, 2.0
    them.file.spending, them.file.paid = 42.0, 42.0
    them.file.likely = [LikelyFlight("satellite", "redstone", None, 0.9, ["first_satellite"])]


def test_the_intel_tab_shows_the_file_and_sets_the_money(tmp_path, content):
    session = Session.new(content, "moon", "usa", "ai", "normal", 5)
    sim.advance(session.game, {s: make_agent("ai") for s in ("usa", "ussr")}, turns=3)
    app = _window(tmp_path, content, session)
    app.back_to_hq()
    key(app, "i")
    assert isinstance(app.top, IntelScreen)
    file = session.game.state.sides["usa"].file
    names = {content.programmes[p].name for p in file.programmes}
    tips = " ".join(e.tool_tip_text or "" for e in all_elements(app.top.elements))
    assert file.programmes and all(name in tips for name in names)
    plus = next(b for b in app.top.actions if b.text == "+")
    app.top.actions[plus]()
    pump(app)
    assert session.game.state.sides["usa"].file.spending > 0
    key(app, "escape")
    assert isinstance(app.top, HeadquartersScreen)


def test_headquarters_and_the_planner_warn_of_a_first_the_rival_may_fly(tmp_path, content):
    session = Session.new(content, "survival", "usa", "ai", "normal", 2)
    game = session.game
    game.state.sides["usa"].file.likely = [
        LikelyFlight("crewed_orbital", "vostok_rocket", "vostok", 0.7, ["first_human_in_space", "first_crewed_orbit"])]
    warning = intel.warnings(game, "usa")[0][1]
    app = _window(tmp_path, content, session)
    app.back_to_hq()
    for event_id in list(game.state.sides["usa"].pending_events):
        game.state.sides["usa"].pending_events.remove(event_id)
    app.rebuild_top()
    pump(app)
    assert "USSR may try a crewed orbital flight" in warning  # (drawn as text: caught as it is drawn below)
    texts = []
    original = app_module.art.text_block

    def spy(items, width, gap=6):
        texts.extend(t[0] for t in items)
        return original(items, width, gap)
    app_module.art.text_block = spy
    try:
        app.rebuild_top()
        key(app, "m")
        planner = app.top
        crewed = [m for m in content.missions if "first_human_in_space" in content.missions[m].firsts]
        planner._pick_mission(crewed[0])
        pump(app)
    finally:
        app_module.art.text_block = original
    assert texts.count(warning) >= 1  # at headquarters
    tips = [e.tool_tip_text or "" for e in all_elements(planner.elements)]
    assert any(warning in tip for tip in tips)  # and beside each mission whose first the rival may take


def test_hot_seat_never_shows_the_other_players_secrets_or_file(tmp_path, content):
    session = Session.new(content, "moon", "usa", "human", "normal", 3)
    sim.advance(session.game, {s: make_agent("ai") for s in ("usa", "ussr")}, turns=4)
    app = _window(tmp_path, content, session)
    while isinstance(app.top, (HandOverScreen, EventScreen)):
        key(app, "return" if isinstance(app.top, HandOverScreen) else "1")
    side = app.session.side
    before = _seen(app)
    _hide(session.game.state, rival_of(side))
    after = _seen(app)
    assert len(before) == len(after) > 100
    changed = [b[:3] for b, a in zip(before, after, strict=True) if b != a]
    assert not changed, changed[:5]


def test_the_file_screen_reads_its_lines_from_the_view_functions(content):
    """What the file has seen built and on the pads, and the flights it expects, from a real game."""
    from game.ui import art, views

    session = Session.new(content, "moon", "usa", "ai", "normal", 4)
    game = session.game
    sim.advance(game, {s: make_agent("ai") for s in ("usa", "ussr")}, turns=6)
    file = game.state.sides["usa"].file
    lines, pad_line, pad_tip = views.seen_hardware(session, "usa")
    assert file.articles and file.pads  # the file has seen something by now
    for prog_id, count in file.articles.items():
        assert f"{count} \u00d7 {content.programmes[prog_id].name}" in lines[0][0]
    assert pad_line.startswith(f"Pads: {len(file.pads)} found")
    assert all(content.pads[pad_id].name in pad_tip for pad_id in file.pads)
    landing = next(f for f in content.missions["crewed_landing"].firsts if not game.state.firsts.get(f))
    file.likely = [LikelyFlight("crewed_landing", "n1", "lok", 0.7, [landing]),
                   LikelyFlight("satellite", "r7", None, 0.1, [])]
    warned, quiet = views.likely_lines(session, "usa")
    assert warned[0] == (f"70 %  {content.missions['crewed_landing'].name} ({content.programmes['lok'].name} on "
                         f"{content.programmes['n1'].name}): {content.firsts[landing].name.lower()}")
    assert warned[1] == art.WARN and warned[3] is True
    assert quiet[0].startswith("10 %") and quiet[1] == art.TEXT and quiet[3] is False
    file.likely = []
    assert views.likely_lines(session, "usa")[0][1] == art.MUTED
