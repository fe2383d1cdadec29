"""The pictures drawn by code: every machine has one, in proportion, and drawing is cheap."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import time  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.content import loader  # noqa: E402
from game.ui import vehicles  # noqa: E402


@pytest.fixture(scope="module")
def content():
    pygame.display.init()
    return loader.load()


def _drawn(surface: pygame.Surface) -> int:
    """How many pixels are not transparent."""
    return sum(1 for x in range(0, surface.get_width(), 2) for y in range(0, surface.get_height(), 2)
               if surface.get_at((x, y)).a)


def test_every_programme_with_art_has_its_own_drawing(content):
    keys = {p.art for p in content.programmes.values() if p.art}
    assert keys, "programmes.yaml names no art"
    missing = keys - set(vehicles.VEHICLES)
    assert not missing, f"no drawing for {sorted(missing)}"
    for programme in content.programmes.values():
        if programme.art:
            picture = vehicles.icon(programme.art, programme.kind, (64, 34))
            assert _drawn(picture) > 20, programme.id


def test_rockets_are_in_proportion_to_history():
    # the history file: V-2 14 m, Redstone 21 m, R-7 31 m, Saturn V 110.6 m, N1 105 m
    assert vehicles.height_m("v2", None) == pytest.approx(14.0, abs=1)
    assert vehicles.height_m("r7", None) == pytest.approx(31, abs=3)
    assert vehicles.height_m("saturn5", "apollo_csm") == pytest.approx(110.6, rel=0.06)
    assert vehicles.height_m("n1", None) == pytest.approx(105, rel=0.06)
    scale = 3.0
    v2, saturn = vehicles.stack("v2", None, scale), vehicles.stack("saturn5", None, scale)
    assert saturn.height / v2.height == pytest.approx(110.6 / 14.0, rel=0.12)


def test_stages_are_separate_pictures_for_the_launch():
    saturn = vehicles.stack("saturn5", "apollo_csm", 2.0)
    assert len(saturn.stages) == 5  # S-IC, S-II, S-IVB, Apollo, the escape tower
    r7 = vehicles.stack("vostok_rocket", "vostok", 2.0)
    assert len(r7.stages) == 4  # the four strap-ons, the core, Block E, Vostok
    tops = [top for _, top in saturn.stages]
    assert tops == sorted(tops, reverse=True)  # each stage sits above the one before


def test_probes_ride_under_a_fairing_and_crews_under_a_tower():
    alone = vehicles.height_m("r7", None)
    with_sputnik = vehicles.height_m("r7", "sputnik")
    assert with_sputnik > 28 and abs(with_sputnik - alone) < 6
    assert vehicles.height_m("redstone", "mercury") == pytest.approx(25, abs=2.5)  # Mercury-Redstone


def test_drawing_every_machine_is_quick():
    vehicles.stack.cache_clear()
    vehicles.picture.cache_clear()
    start = time.perf_counter()
    for key in vehicles.VEHICLES:
        vehicles.picture(key, None, (120, 300))
    assert time.perf_counter() - start < 1.0


# --- the event pictures ------------------------------------------------------------------------------

def _keys(content) -> set[str]:
    return {event.illustration for event in content.events.values() if event.illustration}


def test_every_illustration_key_gets_a_picture_that_fits_its_words(content):
    from game.ui import poster

    keys = _keys(content)
    assert len(keys) > 50
    seen = set()
    for key in sorted(keys):
        picture = poster.illustration(key, (300, 210), "usa")
        raw = pygame.image.tobytes(picture, "RGB")
        colours = {raw[i:i + 3] for i in range(0, len(raw), 3 * 7)}
        assert len(colours) > 4, f"{key} looks blank"
        seen.add(raw)
    assert len(seen) == len(keys)  # no two keys share a picture
    assert poster.motifs("sputnik_beep")["theme"] == "orbit" and poster.motifs("sputnik_beep")["radio"]
    assert poster.motifs("n1_pad_explosion")["theme"] == "fire"
    assert poster.motifs("n1_pad_explosion")["rocket"] == "n1"
    assert poster.motifs("kennedy_speech")["side"] == "usa" and poster.motifs("kennedy_speech")["theme"] == "crowd"
    assert poster.motifs("korolev_funeral")["side"] == "ussr"
    assert poster.motifs("apollo_8_earthrise")["theme"] == "moon"
    assert poster.motifs("a_key_nobody_wrote", "ussr")["rocket"] == "r7"  # never blank


def test_illustrations_are_quick(content):
    from game.ui import poster

    poster.illustration.cache_clear()
    start = time.perf_counter()
    for key in sorted(_keys(content))[:40]:
        poster.illustration(key, (420, 300), "ussr")
    assert (time.perf_counter() - start) / 40 < 0.02


def test_each_side_has_its_emblem():
    from game.ui import poster

    usa, ussr = poster.emblem("usa", 44), poster.emblem("ussr", 44)
    assert usa.get_size() == (44, 44) and _drawn(usa) > 300 and _drawn(ussr) > 300
    blue = usa.get_at((22, 8))
    red = ussr.get_at((22, 8))
    assert blue.b > blue.r and red.r > red.b  # a blue disc and a red one


def test_each_sides_emblem_follows_the_date():
    """No NASA disc before NASA (October 1958), no Sputnik on the Soviet one before Sputnik."""
    import pygame

    from game.core import dates
    from game.ui import poster

    def picture(side, quarter):
        return pygame.image.tobytes(poster.emblem_for(side, 44, dates.parse_quarter(quarter)), "RGBA")

    assert picture("usa", "1953-Q1") == picture("usa", "1958-Q3") != picture("usa", "1958-Q4")
    assert picture("usa", "1958-Q4") == pygame.image.tobytes(poster.emblem("usa", 44), "RGBA")
    assert picture("ussr", "1957-Q3") != picture("ussr", "1957-Q4") == picture("ussr", "1965-Q1")


def test_the_map_knows_where_each_rocket_flew_from():
    from game.ui import worldmap

    assert worldmap.site_for("v2", 1945, "usa") == "Peenemünde"
    assert worldmap.site_for("hermes", 1949, "usa") == "White Sands"
    assert worldmap.site_for("saturn5", 1969, "usa") == "Cape Canaveral"
    assert worldmap.site_for("r1", 1948, "ussr") == "Kapustin Yar"
    assert worldmap.site_for("n1", 1969, "ussr") == "Baikonur"
    surface = pygame.Surface((300, 150))
    worldmap.draw_inset(surface, surface.get_rect(), "Baikonur", 0.0)
    x, y = worldmap._to_xy(*worldmap.SITES["Baikonur"], (300, 150))
    assert surface.get_at((int(x), int(y)))[:3] == (255, 255, 255)  # the site is marked
    sea = surface.get_at((150, 140))[:3]
    land = surface.get_at((int(worldmap._to_xy(20, 5, (300, 150))[0]), int(worldmap._to_xy(20, 5, (300, 150))[1])))[:3]
    assert sea != land  # Africa is drawn


def test_the_leading_people_appear_as_cameos_on_their_posters():
    from game.ui import poster

    assert poster.person("glushko_korolev") == "glushko"
    assert poster.person("kennedy_speech") == "kennedy" and poster.person("laika") is None
    for who in poster.PEOPLE:
        picture = poster.portrait(who, 60, "usa")
        assert _drawn(picture) > 500, who
    with_cameo = poster.illustration("khrushchev_furious", (300, 210), "ussr")
    cameo = poster.portrait("khrushchev", 84, "ussr")
    drawn, face = with_cameo.get_at((52, 52)), cameo.get_at((42, 42))
    assert all(abs(a - b) <= 3 for a, b in zip(drawn[:3], face[:3], strict=True))  # the face, in the corner


def test_the_published_art_keys_are_what_the_ui_draws():
    from game.ui import artkeys

    assert artkeys.FILE.read_text(encoding="utf-8") == artkeys.text(), \
        "assets/art_keys.yaml is out of date: run python -m game.ui.artkeys"


def test_bundled_content_declares_its_art_and_the_pictures_read_it(content):
    from game.ui import poster
    from game.ui.film import LaunchFilm

    assert all(step.phase for m in content.missions.values() for step in m.steps)
    assert all(e.art is not None and e.art.scene for e in content.events.values())
    # the declaration wins over the words of the key: a "desk" key drawn as the scene declared
    declared = type(next(iter(content.events.values())).art)(scene="moon", craft="apollo_lm", person="webb")
    parts = poster.motifs("budget_desk", "usa", declared)
    assert (parts["theme"], parts["craft"], parts["person"]) == ("moon", "apollo_lm", "webb")
    assert poster.motifs("budget_desk", "usa")["theme"] == "desk"
    # and the film plays a step in the phase its mission declares, whatever its name says
    from game.core.state import LaunchReport, StepResult

    steps = [StepResult("launch", "Lift-off", 0.9, "success"), StepResult("odd", "Powered flight", 0.9, "success")]
    report = LaunchReport(1, "usa", "orbital", "atlas", "mercury", [], 1962, 2, 20, steps, "success", [], True)
    assert LaunchFilm(report, "atlas", "mercury", (320, 200)).kinds[1] == "ascent"
    assert LaunchFilm(report, "atlas", "mercury", (320, 200), phases={"odd": "space"}).kinds[1] == "space"


def test_wrapped_text_never_starts_a_line_with_a_percent_sign():
    """The new-game screen broke 'Given 30 % more money' after the 30."""
    from game.ui import art

    pygame.font.init()
    fnt = art.font(14)
    text = "Given 30 % more money, 50 % more from its research and 20 % quicker development."
    for width in range(fnt.size("development.")[0], fnt.size(text)[0] + 1, 3):
        lines = art.wrap(text, fnt, width)
        assert " ".join(lines) == text
        assert not any(line.startswith("%") for line in lines), (width, lines)
