"""make bench: the project's speed targets, each figure printed beside its target.

Timings are the median of several runs, on this machine, so they can be compared from
one change to the next. Benchmarks of the window live in tools/bench_ui.py, if present.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game import sim  # noqa: E402
from game.ai import make_agent  # noqa: E402
from game.content import loader  # noqa: E402

RESULTS: list[tuple[str, float, float, str]] = []


def report(name: str, value: float, target: float, unit: str) -> None:
    RESULTS.append((name, value, target, unit))
    verdict = "ok" if value <= target else "OVER"
    print(f"{name:<52} {value:>9.1f} {unit:<3} target < {target:g} {unit}   {verdict}", flush=True)


def bench_campaign(passes: int = 3) -> None:
    """The median over 20 seeded games of each game's best time in a few passes: the best
    of several runs measures the code rather than whatever else the machine is doing (on
    a shared virtual machine the same game's time can swing by half), as timeit does."""
    content = loader.load()
    sim.play(content, "campaign", 0, {"usa": make_agent("ai"), "ussr": make_agent("ai")})  # warm caches
    seeds = range(1, 21)
    best = dict.fromkeys(seeds, float("inf"))
    turns = []
    for _ in range(passes):
        for seed in seeds:
            start = time.perf_counter()
            game = sim.play(content, "campaign", seed, {"usa": make_agent("ai"), "ussr": make_agent("ai")})
            best[seed] = min(best[seed], time.perf_counter() - start)
            turns.append(game.state.turn + 1)
    report(f"headless campaign game, AI vs AI (~{statistics.median(turns):.0f} turns)",
           statistics.median(best.values()) * 1000, 50, "ms")


def bench_validate() -> None:
    command = [sys.executable, "-m", "game", "validate"]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    report("spacerace validate, all bundled scenarios (whole command)", statistics.median(times) * 1000, 500, "ms")
    content_times = []
    for _ in range(5):
        start = time.perf_counter()
        loader.check()
        content_times.append(time.perf_counter() - start)
    report("  of which loading and checking the files", statistics.median(content_times) * 1000, 500, "ms")


def bench_installed(runs: int = 5) -> None:
    """Issue 19: the wheel, installed in a fresh environment (as tests/test_install.py does it),
    opens its first frame no slower than the checkout."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work), str(ROOT)],
                       check=True, capture_output=True)
        venv.create(work / "env", with_pip=False)
        python = str(work / "env" / "bin" / "python")
        site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              check=True, capture_output=True, text=True).stdout.strip()
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", site,
                        *work.glob("*.whl")], check=True, capture_output=True)
        Path(site, "_project_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
        env = dict(os.environ, SPACERACE_HOME=str(work / "home"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
                   SPACERACE_EXIT_AFTER_FIRST_FRAME="1")
        play = ["-m", "game", "play", "--side", "usa", "--era", "moon", "--seed", "4"]

        def first_frame(command: list[str], cwd: Path) -> float:
            start = time.time()
            out = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout
            return float(next(line for line in out.splitlines() if line.startswith("frame ")).split()[1]) - start

        times: dict[str, list[float]] = {"wheel": [], "checkout": []}
        for _ in range(runs):  # interleaved, so a busy moment of the machine hits both alike
            times["wheel"].append(first_frame([python, *play], work))
            times["checkout"].append(first_frame([sys.executable, *play], ROOT))
    checkout = statistics.median(times["checkout"]) * 1000
    print(f"{'launch to first frame, spacerace play from the checkout':<52} {checkout:>9.1f} ms", flush=True)
    report("  and from the wheel in a fresh environment", statistics.median(times["wheel"]) * 1000,
           round(checkout * 1.1), "ms")


def bench_save_list(count: int = 10_000) -> None:
    """The Load screen's list over a folder of 10,000 campaign saves: each is read only to
    its header, so the list does not grow with the size of the games."""
    import tempfile

    from game.core import save
    from game.ui.storage import Storage

    content = loader.load()
    game = sim.play(content, "campaign", 1, {"usa": make_agent("ai"), "ussr": make_agent("ai")}, turns=60)
    with tempfile.TemporaryDirectory() as folder:
        storage = Storage(Path(folder))
        storage.saves.mkdir()
        text = save.dumps(game.state, {"label": "bench", "turn": 60, "era_name": "Campaign"})
        for number in range(count):
            (storage.saves / f"save-{number:05d}.json").write_text(text, encoding="utf-8")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            listed = storage.list_saves()
            times.append(time.perf_counter() - start)
        assert len(listed) == count and not any(i.problem for i in listed)
    report(f"list {count:,} saves of {len(text) // 1000} kB (Load screen)", min(times) * 1000, 1000, "ms")


def main() -> int:
    bench_campaign()
    bench_validate()
    bench_installed()
    bench_save_list()
    ui = ROOT / "tools" / "bench_ui.py"
    if ui.exists():
        subprocess.run([sys.executable, str(ui)], cwd=ROOT, check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
