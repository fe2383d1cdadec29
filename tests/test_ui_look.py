"""Each side's face, the launch's animation and the sounds, driven like test_ui drives the window."""

import itertools
import json
import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
from test_ui import key, open_window  # noqa: E402

from game.ui import art  # noqa: E402
from game.ui.app import THEME as THEME_FILE  # noqa: E402
from game.ui.screens.dialogs import HandOverScreen  # noqa: E402
from game.ui.screens.event import EventScreen  # noqa: E402
from game.ui.screens.hq import HeadquartersScreen  # noqa: E402


def _background(app):
    app.frame()
    return tuple(app.window.get_at((app.size[0] // 2, app.size[1] - 4)))[:3]


def test_hot_seat_wears_the_face_of_the_side_at_the_keyboard(tmp_path, content):
    app = open_window(tmp_path, content, era="survival", side="usa", rival="human", seed=2)
    app.settings.ask_empty_turn = False  # Return ends the turn without the question about an empty one
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


# --- the launch film ------------------------------------------------------------------------------

def _report(content, mission, rocket, craft, outcomes, crew=(), side="usa", firsts=()):
    from game.core.state import LaunchReport, StepResult

    steps = content.missions[mission].steps
    results = [StepResult(s.id if hasattr(s, "id") else str(i), s.name, 0.9, outcomes[i] if i < len(outcomes) else "skipped")
               for i, s in enumerate(steps)]
    failed = next((r.outcome for r in results if r.outcome not in ("success", "skipped")), None)
    outcome = {"loss": "lost", "death": "crew_lost", "abort": "aborted", "scrub": "scrubbed"}.get(failed, "success")
    return LaunchReport(7, side, mission, rocket, craft, list(crew), 1969, 7, 16, results, outcome, list(firsts), True)


def test_every_film_lasts_five_to_fifteen_seconds(content):
    from game.ui.film import LaunchFilm

    for mission in content.missions.values():
        n = len(mission.steps)
        for outcomes in (["success"] * n, ["scrub"], ["success", "loss"], ["success"] * (n - 1) + ["death"]):
            report = _report(content, mission.id, "saturn5", "apollo_csm" if mission.spacecraft else None, outcomes)
            film = LaunchFilm(report, "saturn5", "apollo_csm" if mission.spacecraft else None, (700, 460))
            assert 5.0 <= film.duration <= 15.0, (mission.id, outcomes, film.duration)
            assert film.reveal == sorted(film.reveal)
            assert film.steps_shown(0.0) == 0 and film.steps_shown(film.duration) == n


def test_the_launch_plays_its_steps_in_turn_and_return_skips_to_the_end(tmp_path, content):
    from game.ui.screens.launch import LaunchScreen

    app = open_window(tmp_path, content, era="moon", side="usa", seed=4)
    good = _report(content, "crewed_landing", "saturn5", "apollo_csm", ["success"] * 20, ["a", "b"], firsts=list(content.missions["crewed_landing"].firsts))
    bad = _report(content, "crewed_orbital", "atlas", "mercury", ["success", "loss"], ["a"])
    app.push(LaunchScreen(app, [good, bad]))
    screen = app.top
    assert screen.animating and screen.shown == 0
    for _ in range(60):  # two seconds: the countdown, then lift-off
        app.frame(1 / 30)
    assert screen.shown <= 1 and screen.animating
    for _ in range(75):
        app.frame(1 / 30)
    assert 1 <= screen.shown < len(good.steps)
    key(app, "return")  # the film jumps to its end, every step shown
    assert not screen.animating and screen.shown == len(good.steps)
    key(app, "return")  # the next launch: an Atlas lost at staging
    assert screen.index == 1 and screen.animating
    fail = screen.film.fail_time
    steps = 0
    while screen.clock < fail + 0.2:
        app.frame(1 / 30)
        steps += 1
    flash = pygame.image.tobytes(app.window.subsurface(screen.scene_rect), "RGB")
    bright = sum(flash[i] for i in range(0, len(flash), 301)) / (len(flash) / 301)
    assert bright > 150  # the flash of the explosion
    assert screen.outcome_label.text.startswith("Vehicle lost")


# --- sound ----------------------------------------------------------------------------------------

def test_every_sound_is_made_by_code_and_sounds_like_something():
    import array

    from game.ui import sound

    lengths = {}
    for name, make in sound.MAKERS.items():
        data = make()
        assert len(data) % 4 == 0 and data, name
        samples = array.array("h", data)
        assert max(abs(v) for v in samples[::7]) > 2000, f"{name} is silent"
        lengths[name] = len(samples) / 2 / sound.RATE
    assert lengths["click"] < 0.1 and 1.5 < lengths["sputnik"] < 3 and lengths["roar"] >= 3
    assert 1 < lengths["fanfare"] < 4


def test_no_audio_device_means_silence_and_nothing_else(monkeypatch):
    from game.ui import sound

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    sounds = sound.Sounds(0.8)
    assert not sounds.ready
    sounds.prepare()
    for name in sound.MAKERS:
        sounds.play(name)
    assert sounds.sounds == {}


def test_mute_and_volume_in_settings_are_kept(tmp_path, content):
    from test_ui import button, click

    from game.ui.screens.settings import SettingsScreen
    from game.ui.storage import Storage

    app = open_window(tmp_path, content)
    app.push(SettingsScreen(app))
    click(app, button(app, "Muted"))
    assert app.settings.muted and app.sounds.muted
    app.sounds.play("roar")
    assert "roar" not in app.sounds.sounds  # muted: nothing made, nothing played
    assert Storage(tmp_path).load_settings().muted
    click(app, button(app, "Sound on"))
    assert not Storage(tmp_path).load_settings().muted
    volume = app.settings.volume
    click(app, button(app, "+"))
    assert Storage(tmp_path).load_settings().volume == min(1.0, round(volume + 0.1, 1))


# --- charts ---------------------------------------------------------------------------------------

def _finished(content, seed=5):
    from game.core import commands
    from game.ui.session import Session

    session = Session.new(content, "survival", "usa", "ai", "normal", seed)
    game = session.game
    for _ in range(60):
        for event in list(game.state.sides["usa"].pending_events):
            game.execute(commands.AnswerEvent("usa", event, content.events[event].choices[0].id))
        session.end_turn()
        if game.state.over:
            break
    assert game.state.over
    return session


def test_the_end_screen_charts_the_race_and_saves_them_as_png(tmp_path, content):
    from test_ui import button, click

    from game.ui.screens.end import EndScreen

    app = open_window(tmp_path, content)
    app.start_session(_finished(content), fresh=False)
    assert isinstance(app.top, EndScreen)
    images = [e for e in app.top.elements if type(e).__name__ == "UIImage" and e.rect.width > 200
              and e.rect.height > 120]
    assert len(images) >= 4  # prestige, budget, support and the truth about reliability
    click(app, button(app, "Save charts"))
    saved = list((tmp_path / "screenshots").glob("charts-*.png"))
    assert len(saved) == 1
    picture = pygame.image.load(str(saved[0]))
    assert picture.get_width() == 1220 and picture.get_height() > 600


def test_the_chronicle_shows_charts_with_g_and_keeps_the_truth_back_until_the_end(tmp_path, content):
    from game.ui import charts
    from game.ui.screens.chronicle import ChronicleScreen

    app = open_window(tmp_path, content, era="survival", side="ussr", seed=2)
    while isinstance(app.top, EventScreen):
        key(app, "1")
    app.end_turn()
    app.back_to_hq()
    key(app, "t")
    assert isinstance(app.top, ChronicleScreen)
    key(app, "g")
    assert app.top.show_charts
    titles = [title for title, _, _ in charts.charts(app.session.game, ("ussr",), over=False)]
    assert titles == ["Prestige", "Budget a quarter", "Support"]
    budget = charts.charts(app.session.game, ("ussr",), over=False)[1][2]
    assert [name for name, _, _ in budget] == ["USSR"]  # the rival's budget is not known
    key(app, "g")
    assert not app.top.show_charts


# --- the first-game guide ---------------------------------------------------------------------------

def test_the_guide_points_at_the_next_thing_to_do_and_can_be_turned_off(tmp_path, content):
    from test_ui import button, click

    from game.core import commands
    from game.ui.screens.settings import SettingsScreen
    from game.ui.storage import Storage

    app = open_window(tmp_path, content, era="moon", side="usa", seed=4)
    while isinstance(app.top, EventScreen):
        key(app, "1")
    app.toasts.clear()
    app.hinted.clear()
    app.back_to_hq()
    app.rebuild_top()
    app._guide()
    assert "Research (R)" in app.toasts[-1][0]
    app._guide()
    assert len(app.toasts) == 1  # once a quarter on each screen, not again and again
    side = app.session.side
    prog = next(iter(app.session.game.state.sides[side].programmes))
    assert app.session.game.execute(commands.FundProgramme(side, prog, 5.0))
    app.hinted.clear()
    app._guide()
    assert "Missions (M)" in app.toasts[-1][0]
    app.push(SettingsScreen(app))
    click(app, button(app, "Hints off"))
    assert not Storage(tmp_path).load_settings().guide
    app.toasts.clear()
    app.hinted.clear()
    key(app, "escape")
    key(app, "r")
    assert not any(text.startswith("Guide") for text, _, _ in app.toasts)


# --- colours that say one thing each ---------------------------------------------------------------------


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in rgb)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


# Vienot, Brettel and Mollon (1999): what a protanope or deuteranope sees, in linear RGB
_SEEN_BY = {"protanopia": ((0.11238, 0.88762, 0), (0.11238, 0.88762, 0), (0.00401, -0.00401, 1)),
            "deuteranopia": ((0.29275, 0.70725, 0), (0.29275, 0.70725, 0), (-0.02234, 0.02234, 1))}


def _seen(rgb, how):
    if how is None:
        return rgb
    lin = [_linear(v) for v in rgb]
    out = [min(1.0, max(0.0, sum(m * v for m, v in zip(row, lin, strict=True)))) for row in _SEEN_BY[how]]
    return tuple(255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055) for c in out)


def _difference(a, b) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5  # CIE76 delta E


def test_side_colours_and_good_and_bad_are_distinct_in_every_palette():
    for name, colours in art.PALETTES.items():
        sights = (None, "protanopia", "deuteranopia") if name == "colour-blind" else (None,)
        for how in sights:
            for one, other in itertools.combinations(("usa", "ussr", "good", "bad", "warn"), 2):
                apart = _difference(_seen(colours[one], how), _seen(colours[other], how))
                assert apart >= 20, f"{name}: {one} and {other} look alike ({how or 'normal sight'}): {apart:.0f}"


def test_a_palette_sets_every_colour_the_screens_draw_with():
    try:
        for name, colours in art.PALETTES.items():
            theme = art.set_palette(name)
            assert (colours["good"], colours["bad"], colours["warn"]) == (art.GOOD, art.BAD, art.WARN)
            assert {"usa": colours["usa"], "ussr": colours["ussr"]} == art.SIDE_COLOUR
            for kind in ("good", "bad", "warn", "usa", "ussr"):
                assert theme[f"#{kind}"]["colours"]["normal_text"] == "#{:02x}{:02x}{:02x}".format(*colours[kind])
    finally:
        art.set_palette("navy")
    theme = json.loads(THEME_FILE.read_text())  # the default theme agrees with the default palette
    for kind in ("good", "bad", "warn", "usa", "ussr"):
        assert theme[f"#{kind}"]["colours"]["normal_text"] == "#{:02x}{:02x}{:02x}".format(*art.PALETTES["navy"][kind])


# --- the guide helps and gets out of the way ------------------------------------------------------------


def _hint_box(app):
    app.frame()
    boxes, width, (x, y) = app._toast_place[1]
    return pygame.Rect(x, y, width, sum(b[3] for b in boxes) + 6 * (len(boxes) - 1))


def test_a_hint_applies_shows_once_and_covers_nothing(tmp_path, content):
    from game.core import commands
    from game.ui import guide

    app = open_window(tmp_path, content, size=(1280, 720), era="rockets", side="usa", seed=4)
    game, side = app.session.game, app.session.side
    assert not guide.can_fly(game, side)
    me = game.state.sides[side]
    for prog in me.programmes:
        game.execute(commands.FundProgramme(side, prog, 2.0))
    said = {}
    for letter in ("h", "r", "m", "c"):
        app.toasts.clear()
        key(app, letter)
        hints = [t[0] for t in app.toasts if t[0].startswith("Guide")]
        said[letter] = hints
        for text in hints:
            assert "book a launch" not in text.lower() and "Book the launch" not in text, text
        if hints:  # nothing to press is covered, nor anything the hint names
            box = _hint_box(app)
            pressed = [b.text for b in app.top.actions if b.visible and b.rect.colliderect(box)
                       and (b.ui_container is app.manager.get_root_container()
                            or b.ui_container.rect.colliderect(box))]
            assert not pressed, f"the hint on {letter} covers {pressed}"
    if not game.active_crew(side):
        assert not said["c"], "a hint about training with nobody to train"
    assert said["m"] and "nothing can fly" in said["m"][0].lower()
    # the next quarter the same hints are not given again
    app.settings.ask_empty_turn = False
    app.session.end_turn()
    app.back_to_hq()
    for letter in ("r", "m", "h"):
        app.toasts.clear()
        key(app, letter)
        repeated = [t[0] for t in app.toasts if t[0] in said["r"] + said["m"] + said["h"]]
        assert not repeated, f"a hint came back: {repeated}"


# --- pictures that match ------------------------------------------------------------------------------------


def _fireball_pixels(film, times) -> int:
    surface = pygame.Surface(film.size)
    rect = surface.get_rect()
    found = 0
    for t in times:
        surface.fill((0, 0, 0))
        film.draw(surface, rect, t)
        raw = pygame.image.tobytes(surface, "RGB")
        found += sum(1 for i in range(0, len(raw), 3) if raw[i:i + 3] in (b"\xff\x8c\x28", b"\xff\xe6\x96"))
    return found


def test_a_parachute_failure_is_a_fall_into_the_sea_not_a_fireball(content):
    from game.ui.film import LaunchFilm

    steps = content.missions["crewed_orbital"].steps
    chute = next(i for i, s in enumerate(steps) if "parachute" in s.name.lower())
    falls = _report(content, "crewed_orbital", "atlas", "mercury", ["success"] * chute + ["death"], ["a"])
    blows = _report(content, "crewed_orbital", "atlas", "mercury", ["success", "death"], ["a"])
    for report, fire in ((falls, False), (blows, True)):
        film = LaunchFilm(report, "atlas", "mercury", (320, 240), "test")
        times = [film.fail_time + d for d in (0.2, 0.5, 0.9)]
        assert (_fireball_pixels(film, times) > 0) == fire, f"{report.steps[film.failed_at].name}: fireball {fire}"


def test_chart_legends_never_overlap():
    for title, widths, width in ((120, [40, 90, 70, 110, 60], 300), (120, [30, 30], 600), (200, [150] * 5, 420)):
        spots, top = art.legend_layout(title, widths, width)
        boxes = [pygame.Rect(x - 14, y, w + 14, 16) for (x, y), w in zip(spots, widths, strict=True)]
        boxes.append(pygame.Rect(10, 6, title, 18))
        for i, a in enumerate(boxes):
            assert a.right <= width and a.left >= 0, f"{a} outside a chart {width} wide"
            assert all(not a.colliderect(b) for b in boxes[i + 1:]), f"legend entries overlap: {boxes}"
        assert top >= max(b.bottom for b in boxes), "the plot starts under the legend"


# --- great moments ---------------------------------------------------------------------------------------


def test_the_great_firsts_get_their_own_moment_and_a_frame_in_the_chronicle(tmp_path, content):
    from game.ui.screens.chronicle import ChronicleScreen
    from game.ui.screens.launch import LaunchScreen

    app = open_window(tmp_path, content, era="survival", side="ussr", seed=4)
    played = []
    app.sounds.play = played.append
    gagarin = _report(content, "crewed_suborbital", "r7", "vostok", ["success"] * 9, ["Yuri Gagarin"], side="ussr",
                      firsts=["first_human_in_space"])
    test = _report(content, "capsule_test", "r7", "vostok", ["success"] * 9, side="ussr")
    for report, great in ((test, False), (gagarin, True)):
        played.clear()
        app.push(LaunchScreen(app, [report]))
        while app.top.animating:
            app.frame(1 / 10)
        app.frame()
        assert ("moment" in played) == great, f"{report.type}: {played}"
        app.pop()
    frame, headline, line = app.session.moments["first_human_in_space"]
    assert "GAGARIN" in headline and "Yuri Gagarin" in line and frame.get_width() > 100
    assert "capsule_test" not in str(app.session.moments)
    app.push(ChronicleScreen(app))
    tips = [e.tool_tip_text for b in app.top._boxes() for e in b.scrollable_container.elements
            if type(e).__name__ == "UIImage"]
    assert any(t and "GAGARIN" in t for t in tips), "the chronicle keeps no frame of the moment"
