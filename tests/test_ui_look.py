"""Each side's face, the launch's animation and the sounds, driven like test_ui drives the window."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
from test_ui import key, open_window  # noqa: E402

from game.ui import art  # noqa: E402
from game.ui.screens.dialogs import HandOverScreen  # noqa: E402
from game.ui.screens.event import EventScreen  # noqa: E402
from game.ui.screens.hq import HeadquartersScreen  # noqa: E402


def _background(app):
    app.frame()
    return tuple(app.window.get_at((app.size[0] // 2, app.size[1] - 4)))[:3]


def test_hot_seat_wears_the_face_of_the_side_at_the_keyboard(tmp_path, content):
    app = open_window(tmp_path, content, era="survival", side="usa", rival="human", seed=2)
    key(app, "return")
    while isinstance(app.top, EventScreen):
        key(app, "1")
    assert isinstance(app.top, HeadquartersScreen) and app.face == "usa"
    american = _background(app)
    key(app, "return")  # hand over to the Soviet player
    assert isinstance(app.top, HandOverScreen)
    key(app, "return")
    while isinstance(app.top, EventScreen):
        key(app, "1")
    assert app.session.side == "ussr" and app.face == "ussr"
    soviet = _background(app)
    assert soviet != american
    assert soviet[0] > soviet[2]  # red above blue: the Soviet face
    assert american[2] > american[0]


def test_the_colour_blind_palette_survives_a_change_of_face(tmp_path, content):
    app = open_window(tmp_path, content, era="survival", side="ussr", seed=2)
    app.set_palette("colour-blind")
    assert app.face == "ussr"
    assert art.SIDE_COLOUR["ussr"] == art.PALETTES["colour-blind"]["ussr"]
    app.wear_face("usa")
    assert art.SIDE_COLOUR["ussr"] == art.PALETTES["colour-blind"]["ussr"]
    good = art.GOOD
    assert good == art.PALETTES["colour-blind"]["good"]
    app.set_palette("navy")
    app.quit_to_title()
    assert app.face is None and art.FACE == "base"
    pygame.event.clear()
