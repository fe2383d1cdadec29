"""Input rules: one press is one action, however long the key is held or however busy the game."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
import pytest  # noqa: E402
from test_ui import key, open_window, pump  # noqa: E402

from game.core import commands  # noqa: E402


def _down(name):
    code = pygame.key.key_code(name) if len(name) > 1 or name.isalpha() else ord(name)
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)


def hold(app, name, repeats=6):
    """A key held down: its first press, then the window's key repeats over several frames."""
    down = _down(name)
    for _ in range(1 + repeats):
        pygame.event.post(down)
        pump(app, 1)
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=down.key, mod=0, unicode="", scancode=0))
    pump(app)


def rushed(app, name, repeats=6):
    """A key pressed and held while the game was busy: all its repeats wait in one frame's queue."""
    down = _down(name)
    for _ in range(1 + repeats):
        pygame.event.post(down)
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=down.key, mod=0, unicode="", scancode=0))
    pump(app)


def _pending(app):
    """End quarters until an event waits for the American player."""
    game = app.session.game
    side = game.state.sides["usa"]
    for _ in range(16):
        if side.pending_events:
            break
        game.execute(commands.EndTurn("usa"))
        game.execute(commands.EndTurn("ussr"))
    assert side.pending_events, "no event came up"
    app.back_to_hq()
    pump(app)


SCREENS = {  # how to reach each screen from a new game at headquarters
    "title": lambda app: app.quit_to_title(),
    "new game": lambda app: (app.quit_to_title(), pump(app), key(app, "return")),
    "hq": lambda app: None,
    "hq with an event": _pending,
    "research": lambda app: key(app, "r"),
    "missions": lambda app: key(app, "m"),
    "crews": lambda app: key(app, "c"),
    "rival file": lambda app: key(app, "i"),
    "chronicle": lambda app: key(app, "t"),
    "menu": lambda app: key(app, "escape"),
    "help": lambda app: key(app, "f1"),
}


def _seen(app):
    """What a key press can change: the screens open, the quarter, the answers and plans."""
    stack = tuple(type(s).__name__ for s in app.screens)
    if app.session is None:
        return stack, None
    state = app.session.game.state
    side = state.sides["usa"]
    return stack, (state.quarter, tuple(side.pending_events), len(side.missions),
                   tuple(sorted((p, s.funding) for p, s in side.programmes.items())),
                   len(list(app.storage.saves.glob("quick*"))), side.file.spending, side.road)


@pytest.mark.parametrize("where", sorted(SCREENS))
def test_a_held_key_acts_once_on_every_screen(tmp_path, content, where):
    for name in ("return", "escape", "1", "f5"):
        once = open_window(tmp_path / f"once-{name}", content, era="survival", side="usa", seed=3)
        SCREENS[where](once)
        pump(once)
        key(once, name)
        for how in (hold, rushed):
            app = open_window(tmp_path / f"{how.__name__}-{name}", content, era="survival", side="usa", seed=3)
            SCREENS[where](app)
            pump(app)
            how(app, name)
            assert _seen(app) == _seen(once), f"holding {name} on {where} ({how.__name__}) did more than one press"


def test_held_page_down_still_scrolls(tmp_path, content):
    app = open_window(tmp_path, content, size=(1024, 600), era="moon", side="usa", seed=3)
    key(app, "r")
    boxes = [e for e in app.top.elements if getattr(e, "vert_scroll_bar", None) is not None]
    assert boxes, "research has no scrolled list"
    bar = max(boxes, key=lambda b: b.rect.height).vert_scroll_bar
    assert bar.visible_percentage < 0.4
    hold(app, "page down", repeats=0)
    after_one = bar.start_percentage
    hold(app, "page down", repeats=1)
    assert bar.start_percentage > after_one > 0


def test_the_focused_button_shows_its_tooltip_like_the_mouse_would(tmp_path, content):
    app = open_window(tmp_path, content, era="survival", side="usa", seed=3)
    key(app, "r")
    key(app, "tab")
    focused = app.focus
    assert focused is not None and focused.tool_tip_text
    for _ in range(3):
        app.frame(0.3)
    tip = app.focus_tip
    assert tip is not None and tip.alive(), "no tooltip for the keyboard's focus"
    assert tip.text_block.html_text == focused.tool_tip_text
    key(app, "tab")
    assert not tip.alive(), "the old tooltip stayed when the focus moved on"
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(1, 1), buttons=(0, 0, 0)))
    pump(app)
    assert app.focus_tip is None


def test_held_function_keys_act_once(tmp_path, content):
    app = open_window(tmp_path, content, era="survival", side="usa", seed=3)
    hold(app, "f12")
    assert len(list(app.storage.screenshots.glob("*.png"))) == 1
    hold(app, "f5")
    toasts = [t for t in app.toasts if t[0].startswith("Saved")]
    assert len(toasts) == 1


def test_research_makes_the_rows_out_of_sight_as_a_scroll_brings_them_near(tmp_path, content):
    app = open_window(tmp_path, content, size=(1024, 600), era="moon", side="usa", seed=3)
    key(app, "r")
    box, spans, _, built = app.top.lazy[0]
    assert len(built) < len(spans), "every row was made at once"
    for _ in range(8):
        key(app, "page down")
    assert len(built) == len(spans), "rows were left unmade at the end of the list"
    names = [e.text for e in box.scrollable_container.elements if getattr(e, "text", None)]
    assert app.top._rows()[-1].name in names
