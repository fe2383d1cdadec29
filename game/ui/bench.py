"""The window's speed targets, printed like ``tools/bench.py`` prints its own.

    python -m game.ui.bench

- launch to the first frame, against a bare pygame-ce window opened the same way;
- a headquarters frame at 1280x720;
- opening each screen, the first time and again;
- idle CPU while nothing happens (Linux: read from /proc);
- ending a turn: the rival's planning and the quarter's resolution;
- the memory held after a tour of every screen, against a bare window;
- drawing every machine (cold), a frame of the launch film at 1280x720 (a success
  and a failure, the whole film), the launch screen's frame with its widgets.

Runs under SDL's dummy video driver unless a display is set, so it works headless.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRAME_FLAG = "SPACERACE_EXIT_AFTER_FIRST_FRAME"  # the app prints when it drew, then quits

BARE_WINDOW = """
import time, pygame
pygame.display.init()
pygame.display.set_caption("Space Race")
screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
screen.fill((15, 26, 46))
pygame.display.flip()
print("frame", time.time(), flush=True)
"""


def report(name: str, value: float, target: float | None, unit: str) -> None:
    if target is None:
        print(f"{name:<52} {value:>9.2f} {unit}", flush=True)
        return
    verdict = "ok" if value <= target else "OVER"
    print(f"{name:<52} {value:>9.1f} {unit:<3} target < {target:g} {unit}   {verdict}", flush=True)


def _env(home: str) -> dict:
    env = dict(os.environ, SPACERACE_HOME=home, SDL_AUDIODRIVER="dummy")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["SDL_VIDEODRIVER"] = "dummy"
    return env


def _first_frame(command: list[str], env: dict, what: str = "frame") -> float:
    """Seconds from starting the process to its first drawn frame (``ready``: the first
    frame of the game proper, after any loading frame)."""
    start = time.time()
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60).stdout
    stamps = [float(line.split()[1]) for line in out.splitlines() if line.startswith(what + " ")]
    if not stamps:
        raise RuntimeError(f"no {what} reported by {command}")
    return stamps[0] - start


def _frame_times(app, frames: int) -> list[float]:
    """Seconds each of ``frames`` frames takes: update at 60 Hz, draw, flip."""
    import pygame

    times = []
    for _ in range(frames):
        start = time.perf_counter()
        app.update(1 / 60)
        app.draw(app.window)
        pygame.display.flip()
        times.append(time.perf_counter() - start)
    return times


def bench_first_frame(home: str) -> None:
    env = _env(home)
    game = [sys.executable, "-m", "game", "play", "--side", "usa", "--era", "moon", "--seed", "4"]
    title = [sys.executable, "-m", "game"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    flagged = dict(env, **{FRAME_FLAG: "1"})
    runs = {name: statistics.median(_first_frame(cmd, flagged if cmd is not bare else env) for _ in range(5))
            for name, cmd in (("play", game), ("title", title), ("bare", bare))}
    ready = statistics.median(_first_frame(game, flagged, "ready") for _ in range(5))
    report("launch to first frame, spacerace play", runs["play"] * 1000, 1000, "ms")
    report("  and to headquarters drawn", ready * 1000, 1000, "ms")
    report("launch to first frame, spacerace (title)", runs["title"] * 1000, 1000, "ms")
    report("  a bare pygame-ce window opened the same way", runs["bare"] * 1000, None, "ms")
    report("  ratio: spacerace play / bare window", runs["play"] / runs["bare"], None, "x")


def bench_opening(app) -> None:
    """Every key answers at once: each screen opened from headquarters and drawn, the
    first time (fonts and pictures made) and again (the median of five)."""
    from game.ui.screens.help import HelpScreen
    from game.ui.screens.menu import GameMenuScreen

    app.settings.guide = False  # the guide's first hints are not what is measured
    openers = {name: (lambda n=name: app.navigate(n)) for name in ("research", "missions", "crews", "chronicle")}
    openers["menu"] = lambda: app.push(GameMenuScreen(app))
    openers["how to play"] = lambda: app.push(HelpScreen(app))

    def timed(open_it) -> float:
        app.back_to_hq()
        app.frame()
        start = time.perf_counter()
        open_it()
        app.frame()
        return time.perf_counter() - start

    for name, open_it in openers.items():
        first = timed(open_it)
        again = statistics.median(timed(open_it) for _ in range(5))
        report(f"opening {name}, the first time", first * 1000, 150, "ms")
        report(f"opening {name} again (median of 5)", again * 1000, 50, "ms")


def bench_frames(home: str) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

    from game.core import commands
    from game.ui.app import App
    from game.ui.session import Session
    from game.ui.storage import Storage

    app = App(Storage(Path(home)), (1280, 720), fullscreen=False)
    session = Session.new(app.content, "moon", "usa", "ai", "normal", 4)
    app.start_session(session, fresh=False)
    app.back_to_hq()
    app.frame()
    times = _frame_times(app, 300)
    report("headquarters frame at 1280x720 (median)", statistics.median(times) * 1000, 8, "ms")
    bench_opening(app)
    ends = []
    for seed in range(3):
        session = Session.new(app.content, "campaign", "usa", "ai:hard", "hard", seed)
        for _ in range(40):
            for event in list(session.game.state.sides["usa"].pending_events):
                choice = session.game.content.events[event].choices[0].id
                session.game.execute(commands.AnswerEvent("usa", event, choice))
            start = time.perf_counter()
            _end_and_decide(session)
            ends.append(time.perf_counter() - start)
            if session.game.state.over:
                break
    ends.sort()
    report("ending a turn: rival plans, quarter resolves (95th %)", ends[int(len(ends) * 0.95)] * 1000, 100, "ms")


def bench_look(home: str) -> None:
    """The art's targets: it is cheap to make, the launch film's frames under 16 ms."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App
    from game.ui.storage import Storage

    app = App(Storage(Path(home)), (1280, 720), fullscreen=False)
    bench_machines(app)
    good, bad = sample_launches(app.content)
    bench_films(good, bad)
    bench_launch_screen(app, good, bad)
    bench_end_screen(app)


def bench_machines(app) -> None:
    """Every rocket and spacecraft drawn cold, and the title's four rockets."""
    import pygame

    from game.ui import vehicles
    from game.ui.screens.title import TitleScreen

    vehicles.stack.cache_clear()
    vehicles.picture.cache_clear()
    vehicles.lying.cache_clear()
    start = time.perf_counter()
    for key, machine in vehicles.VEHICLES.items():
        if machine.stages and (machine.nose or machine.craft or len(machine.stages) > 1 or key in ("v2", "r1")):
            vehicles.icon(key, "rocket", (64, 34))
        else:
            vehicles.icon(key, "spacecraft", (34, 34))
    report("drawing every rocket and spacecraft (cold, all)", (time.perf_counter() - start) * 1000, 300, "ms")
    vehicles.stack.cache_clear()
    start = time.perf_counter()
    TitleScreen(app)._lineup(pygame.Rect(0, 0, 1280, 720))
    report("  the title's four rockets, added to the first frame", (time.perf_counter() - start) * 1000, 300, "ms")


def sample_launches(content):
    """Two Moon landings to film: Apollo's success, and an N1 lost on its first step."""
    from game.core.state import LaunchReport, StepResult

    mission = content.missions["crewed_landing"]
    steps = [StepResult(s.id, s.name, 0.9, "success") for s in mission.steps]
    good = LaunchReport(1, "usa", mission.id, "saturn5", "apollo_csm", ["a", "b", "c"], 1969, 7, 16, steps,
                        "success", [], True)
    outcomes = ["success", "loss"] + ["skipped"] * (len(mission.steps) - 2)
    bad_steps = [StepResult(s.id, s.name, 0.9, o) for s, o in zip(mission.steps, outcomes, strict=True)]
    bad = LaunchReport(2, "ussr", mission.id, "n1", "lok", ["a"], 1969, 2, 21, bad_steps, "lost", [], True)
    return good, bad


def bench_films(good, bad) -> None:
    """Each film made, then drawn frame by frame at 60 a second for its whole length."""
    import pygame

    from game.ui.film import LaunchFilm

    surface = pygame.Surface((1280, 720))
    rect = pygame.Rect(24, 116, 672, 474)  # the launch screen's scene at 1280x720
    for name, each, rocket, craft in (("success", good, "saturn5", "apollo_csm"), ("failure", bad, "n1", "lok")):
        start = time.perf_counter()
        film = LaunchFilm(each, rocket, craft, rect.size)
        made = time.perf_counter() - start
        times = []
        t = 0.0
        while t <= film.duration:
            start = time.perf_counter()
            film.draw(surface, rect, t)
            times.append(time.perf_counter() - start)
            t += 1 / 60
        report(f"launch film ({name}, {film.duration:.1f} s): frame, median", statistics.median(times) * 1000, 16, "ms")
        report(f"  slowest frame of {len(times)}", max(times) * 1000, 16, "ms")
        report("  making the film's pictures", made * 1000, None, "ms")


def bench_launch_screen(app, good, bad) -> None:
    """The launch screen showing both launches, its widgets and all, for the first film's length."""
    from game.ui.screens.launch import LaunchScreen
    from game.ui.session import Session

    session = Session.new(app.content, "moon", "usa", "ai", "normal", 4)
    app.start_session(session, fresh=False)
    app.back_to_hq()
    app.push(LaunchScreen(app, [good, bad]))
    app.frame()
    times = _frame_times(app, int(app.top.film.duration * 60))
    times.sort()
    report("launch screen frame at 1280x720 (median)", statistics.median(times) * 1000, 16, "ms")
    report("  95th percentile", times[int(len(times) * 0.95)] * 1000, 16, "ms")


def bench_end_screen(app) -> None:
    """The charts: a whole era played out, then the end screen with its four charts."""
    from game.core import commands
    from game.ui import charts
    from game.ui.session import Session

    content = app.content
    session = Session.new(content, "moon", "usa", "ai", "normal", 4)
    while not session.game.state.over:
        for event in list(session.game.state.sides["usa"].pending_events):
            session.game.execute(commands.AnswerEvent("usa", event, content.events[event].choices[0].id))
        _end_and_decide(session)
    start = time.perf_counter()
    charts.draw(session.game, ("usa",), True, (600, 260))
    report("drawing the end screen's charts (all four)", (time.perf_counter() - start) * 1000, None, "ms")
    app.start_session(session, fresh=False)
    app.frame()
    times = _frame_times(app, 120)
    report("end screen frame with its charts at 1280x720 (median)", statistics.median(times) * 1000, 16, "ms")


def bench_idle(home: str) -> None:
    if not Path("/proc/self/stat").exists():
        return
    env = _env(home)
    process = subprocess.Popen([sys.executable, "-m", "game", "play", "--side", "usa", "--era", "moon", "--seed", "4"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(4)  # past the start and the seconds of full-rate frames after it
        before = _cpu_ticks(process.pid)
        time.sleep(10)
        used = (_cpu_ticks(process.pid) - before) / os.sysconf("SC_CLK_TCK")
    finally:
        process.terminate()
        process.wait(timeout=10)
    report("idle CPU at headquarters, share of one core", used / 10 * 100, 5, "%")


TOUR = """
import sys, tempfile
from pathlib import Path
from game.ui.app import App
from game.ui.session import Session
from game.ui.storage import Storage
from game.ui.screens.files import SaveLoadScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.menu import GameMenuScreen
from game.ui.screens.report import ReportScreen
from game.ui.screens.settings import SettingsScreen
app = App(Storage(Path(sys.argv[1])), (1280, 720), fullscreen=False)
app.settings.guide = False
app.start_session(Session.new(app.content, "moon", "usa", "ai", "normal", 4), fresh=False)
for _ in range(2):
    for name in ("research", "missions", "crews", "chronicle"):
        app.back_to_hq(); app.frame(); app.navigate(name); app.frame()
    for make in (GameMenuScreen, HelpScreen, SettingsScreen, lambda a: SaveLoadScreen(a, "load"),
                 lambda a: SaveLoadScreen(a, "save"), lambda a: ReportScreen(a, review=True)):
        app.back_to_hq(); app.frame(); app.push(make(app)); app.frame()
app.back_to_hq(); app.frame()
app.release_memory()  # what the window does after a second with nothing to do
print("rss", [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS")][0] / 1024)
"""
BARE_RSS = BARE_WINDOW + """
print("rss", [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS")][0] / 1024)
"""


def bench_memory(home: str) -> None:
    """What the game holds after a tour of every screen, against a bare pygame-ce
    window on the same screen. With no display, a virtual one (Xvfb) if it is installed: the
    dummy driver leaves out the X and GL libraries both would load, so its ratio means little."""
    if not Path("/proc/self/status").exists():
        return
    env = _env(home)
    xvfb = None
    if env.get("SDL_VIDEODRIVER") == "dummy" and shutil.which("Xvfb"):
        display = f":{os.getpid() % 400 + 500}"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x900x24"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.5)
        env = dict(env, DISPLAY=display)
        env.pop("SDL_VIDEODRIVER")
    try:
        def rss(code: str, *args: str) -> float:
            out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True,
                                 text=True, timeout=120).stdout
            return float(next(line.split()[1] for line in out.splitlines() if line.startswith("rss ")))

        game, bare = rss(TOUR, home), rss(BARE_RSS)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    where = "a virtual X screen" if xvfb is not None or env.get("DISPLAY") else "the dummy driver"
    report(f"memory after every screen ({where})", game, None, "MB")
    report("  a bare pygame-ce window on the same screen", bare, None, "MB")
    report("  ratio: the game / a bare window", game / bare, 2, "x")


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def main() -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        bench_first_frame(home)
        bench_frames(home)
        bench_look(home)
        bench_idle(home)
        bench_memory(home)
    return 0


def _end_and_decide(session) -> None:
    """End the player's turn, taking the safest answer to each decision in flight."""
    from game.core import inflight

    session.end_turn()
    while (decision := session.waiting_decision()) is not None:
        session.decide(inflight.safest(session.game.content.faults[decision.fault], inflight.crewed(decision)).id)


if __name__ == "__main__":
    raise SystemExit(main())
