"""Screenshots of the main screens from a real game, for the docs.

    python -m game.ui.screenshots docs/screenshots [--side usa] [--era moon] [--seed 4]
    python -m game.ui.screenshots docs/screenshots --intel   # only each side's file on the rival

The computer plans the player's side too, so the screens show a lived-in game; the
pictures are drawn off-screen (SDL's dummy video driver).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

SHOTS = ("title", "new_game", "headquarters", "research", "mission_planner", "odds_panel", "minimum_window", "crews",
         "event_card", "great_moment", "launch_film", "launch", "turn_report", "chronicle", "end_screen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--side", choices=("usa", "ussr"), default="usa")
    parser.add_argument("--era", default="moon")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--suffix", default="", help="added to each file name, e.g. _ussr")
    parser.add_argument("--intel", action="store_true", help="only intel_usa.png and intel_ussr.png")
    parser.add_argument("--goal", action="store_true",
                        help="only goal_long_shot.png and goal_sound_try_ussr.png (the Race for Survival)")
    args = parser.parse_args(argv)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    if args.intel or args.goal:
        with tempfile.TemporaryDirectory() as home:
            shots = intel_shots(args.out, args.era, args.seed, Path(home)) if args.intel else \
                goal_shots(args.out, Path(home))
            for path in shots:
                print(path)
        return 0
    with tempfile.TemporaryDirectory() as home:
        taken = take(args.out, args.side, args.era, args.seed, args.suffix, Path(home))
    missing = [name for name in SHOTS if name not in taken]
    for name in taken:
        print(args.out / f"{name}{args.suffix}.png")
    if missing:
        print("not seen in this game:", ", ".join(missing))
    return 0


class Camera:
    """Takes the pictures: the whole window as it stands, or a part of it, each named once."""

    def __init__(self, app, out: Path, suffix: str):
        self.app, self.out, self.suffix = app, out, suffix
        self.taken: set[str] = set()

    def path(self, name: str) -> Path:
        return self.out / f"{name}{self.suffix}.png"

    def shot(self, name: str) -> None:
        _still(self.app, self.path(name))
        self.taken.add(name)

    def part(self, name: str, rect) -> None:
        """A part of the window as the last frame drew it."""
        import pygame

        pygame.image.save(self.app.window.subsurface(rect).copy(), str(self.path(name)))
        self.taken.add(name)


def take(out: Path, side: str, era: str, seed: int, suffix: str, home: Path) -> set[str]:
    """Plays a game the computer plans for the player too, and takes each screen in SHOTS once."""
    from game.ui.app import App
    from game.ui.session import Session
    from game.ui.storage import Storage

    out.mkdir(parents=True, exist_ok=True)
    app = App(Storage(home), (1280, 720), fullscreen=False)
    app.settings.guide = False  # the pictures show the screens, not the first-game hints
    camera = Camera(app, out, suffix)
    session = Session.new(app.content, era, side, "ai", "normal", seed)
    opening_shots(camera, session, side, era)
    app.start_session(session, fresh=False)
    great_moment(app, session.game, side, camera.shot)
    play_and_shoot(camera, session.game, side)
    camera.shot("end_screen")
    return camera.taken


def opening_shots(camera: Camera, session, side: str, era: str) -> None:
    """The title (offering to continue the game just saved) and the new game screen."""
    from game.ui.screens.newgame import NewGameScreen
    from game.ui.screens.title import TitleScreen

    app = camera.app
    app.start_session(session, fresh=True)  # an autosave, so the title offers to continue
    app.reset(TitleScreen(app))
    camera.shot("title")
    new_game = NewGameScreen(app)
    new_game.team, new_game.era, new_game.difficulty = side, era, "hard"  # the level that says what it is given
    app.push(new_game)
    camera.shot("new_game")


def play_and_shoot(camera: Camera, game, side: str) -> None:
    """Quarter by quarter: an event card when one comes, the screens once a launch is booked,
    then the turn's end with its launches and report; until the game is over."""
    from game.ai import make_agent
    from game.ui.screens.event import EventScreen

    app, taken = camera.app, camera.taken
    helper = make_agent("ai:normal")
    for turn in range(200):
        app.back_to_hq()
        pending = game.state.sides[side].pending_events
        if pending and "event_card" not in taken:
            app.push(EventScreen(app, pending[0]))
            camera.shot("event_card")
            app.back_to_hq()
        helper.plan(game, side)
        booked = any(m.quarter == game.state.quarter for m in game.state.sides[side].missions)
        if turn >= 3 and booked and "headquarters" not in taken:
            app.rebuild_top()
            camera.shot("headquarters")
            screens_tour(camera)
            planner_shots(camera)
        app.end_turn()
        end_of_turn_shots(camera, turn)
        if game.state.over:
            break


def screens_tour(camera: Camera) -> None:
    """Research, crews and the chronicle, then the menu and the dialogs it opens."""
    from game.ui.screens.files import SaveLoadScreen
    from game.ui.screens.help import HelpScreen
    from game.ui.screens.menu import GameMenuScreen
    from game.ui.screens.settings import SettingsScreen

    app = camera.app
    for name in ("research", "crews", "chronicle"):
        app.navigate(name)
        camera.shot(name)
    for name, screen in (("game_menu", GameMenuScreen(app)), ("save", SaveLoadScreen(app, "save")),
                         ("load", SaveLoadScreen(app, "load")), ("settings", SettingsScreen(app)),
                         ("how_to_play", HelpScreen(app))):
        app.back_to_hq()
        app.push(screen)
        camera.shot(name)


def planner_shots(camera: Camera) -> None:
    """The mission planner on a crewed mission where there is one, its odds panel up close, and
    the planner in the smallest window the game allows."""
    app = camera.app
    app.navigate("missions")
    crewed = [m for m in app.top._flyable() if app.content.missions[m].crew_min]
    if crewed:
        app.top._pick_mission(crewed[-1])
    camera.shot("mission_planner")
    # the odds panel up close: each step with what drives it, the weakest marked
    camera.part("odds_panel", app.top.panels[-1][0])
    app.set_window(1024, 600, False)  # the smallest window the game allows
    camera.shot("minimum_window")
    app.set_window(1280, 720, False)


def end_of_turn_shots(camera: Camera, turn: int) -> None:
    """The screens the turn's end brings, each answered as Return would: the launches (a moment
    of the film, then the whole report), the decisions in flight, the quarter's report."""
    from game.ui.screens.decision import DecisionScreen
    from game.ui.screens.launch import LaunchScreen
    from game.ui.screens.report import ReportScreen

    app, taken = camera.app, camera.taken
    for _ in range(60):
        app.frame(0.5)
        top = app.top
        if isinstance(top, LaunchScreen):
            launch_shots(camera, top, turn)
            top.main_action()
        elif isinstance(top, ReportScreen):
            if "turn_report" not in taken and turn >= 2:
                camera.shot("turn_report")
            top.main_action()
        elif isinstance(top, DecisionScreen):  # the safest answer, as Return gives
            while top.animating:
                app.frame(0.5)
            top.main_action()
        else:
            break


def launch_shots(camera: Camera, screen, turn: int) -> None:
    """A moment of the first film, and a launch report with a few steps, once each."""
    app, taken = camera.app, camera.taken
    if "launch_film" not in taken and screen.film is not None:
        # a moment of the film: a stage falling away, or the climb
        film = screen.film
        moment = film.drop_times[0] + 0.35 if film.drop_times else film.reveal[0] - 0.2
        while screen.clock < moment and screen.animating:
            app.frame(1 / 20)
        camera.shot("launch_film")
    while screen.animating:
        app.frame(0.5)
    if "launch" not in taken and (len(screen.report.steps) >= 4 or turn > 8):
        camera.shot("launch")


def great_moment(app, game, side: str, shot) -> None:
    """The first human in space as the side flew it: the film held on its headline."""
    from game.core.state import LaunchReport, StepResult
    from game.ui.screens.launch import LaunchScreen

    mission_id, rocket, craft, crew, year, month, day = (
        ("crewed_suborbital", "redstone", "mercury", ["Alan Shepard"], 1961, 5, 5) if side == "usa"
        else ("crewed_orbital", "r7", "vostok", ["Yuri Gagarin"], 1961, 4, 12))
    steps = [StepResult(s.id, s.name, 0.9, "success") for s in game.content.missions[mission_id].steps]
    report = LaunchReport(0, side, mission_id, rocket, craft, crew, year, month, day, steps, "success",
                          ["first_human_in_space"], True)
    screen = LaunchScreen(app, [report])
    app.push(screen)
    while screen.animating:
        app.frame(0.25)
    shot("great_moment")
    app.session.moments.pop("first_human_in_space", None)  # a picture for the docs, not the game's
    app.back_to_hq()


def intel_shots(out: Path, era: str, seed: int, home: Path, turns: int = 6) -> list[Path]:
    """Each side's file on the rival, a few quarters into a game the computer plays for both."""
    from game import sim
    from game.ai import make_agent
    from game.ui.app import App
    from game.ui.session import Session
    from game.ui.storage import Storage

    out.mkdir(parents=True, exist_ok=True)
    app = App(Storage(home), (1280, 720), fullscreen=False)
    app.settings.guide = False
    paths = []
    for side in ("usa", "ussr"):
        session = Session.new(app.content, era, side, "ai", "normal", seed)
        sim.advance(session.game, {s: make_agent("ai") for s in ("usa", "ussr")}, turns=turns)
        app.start_session(session, fresh=False)
        app.back_to_hq()
        app.navigate("intel")
        paths.append(_still(app, out / f"intel_{side}.png"))
    return paths


def goal_shots(out: Path, home: Path) -> list[Path]:
    """The planner on a crewed try at the Race for Survival's goal in late 1960, when the
    crews are ready: an American long shot (under the side's goal_abort_below) and a sound
    Soviet try, each saying what a failure would cost. The first seed that shows each."""
    from game import sim
    from game.ai import make_agent
    from game.ui.app import App
    from game.ui.session import Session
    from game.ui.storage import Storage

    out.mkdir(parents=True, exist_ok=True)
    app = App(Storage(home), (1280, 720), fullscreen=False)
    app.settings.guide = False
    paths = []
    for side, long_shot, name in (("usa", True, "goal_long_shot"), ("ussr", False, "goal_sound_try_ussr")):
        for seed in range(1, 40):
            session = Session.new(app.content, "survival", side, "ai", "normal", seed)
            game = session.game
            sim.advance(game, {s: make_agent("ai") for s in ("usa", "ussr")}, turns=7)  # to 1960-Q4
            app.start_session(session, fresh=False)
            app.back_to_hq()
            app.navigate("missions")
            top = app.top
            top._pick_mission("crewed_orbital")
            mission = app.content.missions["crewed_orbital"]
            hardware = game.hardware(side, mission, top.rocket, top.spacecraft)
            if isinstance(hardware, str) or not top.crew:
                continue
            chance = game.odds(side, mission, hardware, [game.state.sides[side].crews[c] for c in top.crew]).success
            if (chance < app.content.sides[side].goal_abort_below) == long_shot:
                paths.append(_still(app, out / f"{name}.png"))
                break
    return paths


def _still(app, path: Path) -> Path:
    """The window as it stands, with no toast, focus or hover look."""
    import pygame

    app.toasts.clear()
    app.focus = None
    app.last_input -= 10  # no hover looks
    app.frame()
    pygame.image.save(app.window, str(path))
    return path


if __name__ == "__main__":
    raise SystemExit(main())
