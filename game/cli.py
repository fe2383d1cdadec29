"""The ``spacerace`` command: play, validate scenario files, simulate games."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path

from game import __version__

ERAS = ("rockets", "satellites", "survival", "moon", "campaign")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="spacerace", description="Space Race: from the V-2 to the Moon.")
    parser.add_argument("--version", action="version", version=f"spacerace {__version__}")
    sub = parser.add_subparsers(dest="command")

    validate = sub.add_parser("validate", help="check scenario files (bundled, or mods laid over them)")
    validate.add_argument("paths", nargs="*", type=Path, help="mod folders to check over the bundled scenarios")

    sim = sub.add_parser("sim", help="play whole games between computer players, without a window")
    sim.add_argument("--era", choices=ERAS, help="the era to play (not needed with --load)")
    from game.ai import AGENT_NAMES

    sim.add_argument("--usa", default="ai", choices=AGENT_NAMES)
    sim.add_argument("--ussr", default="ai", choices=AGENT_NAMES)
    sim.add_argument("--games", type=int, default=1)
    sim.add_argument("--seed", type=int, default=0)
    sim.add_argument("--mode", choices=("historical", "dynamic"), default="historical")
    sim.add_argument("--turns", type=int, default=None, help="stop each game after this many quarters")
    sim.add_argument("--workers", type=int, default=1, help="play the games on this many processes (same results)")
    sim.add_argument("--mods", type=Path, action="append", default=[], help="a mod folder over the scenarios")
    sim.add_argument("--save", type=Path, default=None, help="save the game at the end (one game only)")
    sim.add_argument("--load", type=Path, default=None, help="continue a saved game (one game only)")
    sim.add_argument("--json", action="store_true", help="print one JSON object")

    play = sub.add_parser("play", help="open the game at headquarters")
    play.add_argument("--side", choices=("usa", "ussr"), default="usa")
    play.add_argument("--era", choices=ERAS, default="campaign")
    play.add_argument("--seed", type=int, default=None)
    play.add_argument("--rival", default="ai", help="ai, ai:easy, ai:normal, ai:hard, history or human")
    play.add_argument("--difficulty", choices=("easy", "normal", "hard"), default=None,
                      help="how well the computer rival plays (ai:LEVEL in --rival says the same)")
    play.add_argument("--mode", choices=("historical", "dynamic"), default="historical",
                      help="events near their real dates, or following the state of the race")
    play.add_argument("--load", type=Path, default=None, help="a saved game to open")
    play.add_argument("--mods", type=Path, action="append", default=[],
                      help="a mod folder over the scenarios (the data folder's mods/ are used too)")

    sub.add_parser("desktop", help="add Space Race to the desktop's application menu (Linux)")

    args = parser.parse_args(argv)
    if args.command == "desktop":
        from game import desktop

        for path in desktop.install():
            print(f"wrote {path}")
        return 0
    if args.command == "validate":
        return _interruptible(lambda a: _validate(a.paths), args)
    if args.command == "sim":
        return _interruptible(_sim, args)
    return _play(args)


class Stopped(BaseException):
    """SIGTERM, turned into an exception so that worker processes are ended on the way out."""


def _interruptible(run, args) -> int:
    """Ctrl-C prints one line and exits 130, SIGTERM 143; no traceback, and (as the
    exception passes through ``sim.run``) no worker process left behind."""
    import signal

    def stop(_number, _frame):
        raise Stopped

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("spacerace: interrupted", file=sys.stderr)
        return 130
    except Stopped:
        print("spacerace: terminated", file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)


def _validate(paths: list[Path]) -> int:
    from game.content import loader

    content, problems = loader.check(*paths)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 1
    print(f"OK: {len(content.programmes)} programmes, {len(content.missions)} mission types, "
          f"{len(content.firsts)} firsts, {len(content.eras)} eras, {len(content.events)} events, "
          f"{len(content.faults)} faults in flight.")
    return 0


def _sim(args) -> int:
    from game import sim
    from game.content import loader

    for problem in _sim_limits(args):
        print(problem, file=sys.stderr)
        return 2
    wanted = args.workers
    args.workers = min(args.workers, args.games, os.cpu_count() or 1)
    if args.workers < wanted:
        print(f"--workers {wanted}: using {args.workers} (no more than the games and the machine's cores)",
              file=sys.stderr)
    if (args.save or args.load) and args.games != 1:
        print("--save and --load play one game: leave out --games", file=sys.stderr)
        return 2
    if not args.load and not args.era:
        print("give --era, or --load a saved game", file=sys.stderr)
        return 2
    content, problems = loader.check(*args.mods)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    if args.load or args.save:
        return _sim_one(args, content)
    report = sim.run(content, args.era, args.usa, args.ussr, args.games, args.seed, args.mode,
                     turns=args.turns, workers=args.workers, mods=[str(m) for m in args.mods])
    print(json.dumps(report, sort_keys=True) if args.json else _table(report))
    return 0


def _sim_limits(args):
    """What is wrong with sim's numbers, each as one line: bounds keep a typo from taking
    the machine's memory (--games 1000000000) or its processes (--workers 999)."""
    from game import sim

    if not 1 <= args.games <= sim.MAX_GAMES:
        yield f"--games must be from 1 to {sim.MAX_GAMES:,}, got {args.games:,}"
    if args.turns is not None and not 0 <= args.turns <= sim.MAX_TURNS:
        yield f"--turns must be from 0 to {sim.MAX_TURNS} (a whole campaign is about 100), got {args.turns:,}"
    if args.workers < 1:
        yield f"--workers must be at least 1, got {args.workers}"
    if not -2**63 <= args.seed < 2**63 - sim.MAX_GAMES:
        yield "--seed must fit in 64 bits"
    if args.save is not None:
        try:
            mode = os.lstat(args.save).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as err:
            mode = None
            yield f"cannot save to {args.save}: {err.strerror or err}"
        if mode is not None and not stat.S_ISREG(mode):
            yield f"cannot save to {args.save}: something other than a file is there (a link, folder, device or pipe)"


def _sim_one(args, content) -> int:
    """One game that may start from a save and may end in one: resuming is exact."""
    from game import sim
    from game.ai import levels_of, make_agent
    from game.core import save
    from game.core.game import Game

    if args.load:
        try:
            state, _ = save.read(args.load)
            save.check_against(content, state, str(args.load))
        except save.SaveError as err:
            print(f"cannot load: {err}", file=sys.stderr)
            return 2
        game = Game(content, state)
    agents = {"usa": make_agent(args.usa), "ussr": make_agent(args.ussr)}
    if not args.load:
        game = Game.new(content, args.era, args.seed, args.mode, levels_of(agents))
    sim.advance(game, agents, args.turns)
    if args.save:
        problems = list(_sim_limits(args))  # still a file, or nothing, after the game
        if problems:
            print(problems[0], file=sys.stderr)
            return 2
        try:
            save.write(args.save, game.state, {"agents": {"usa": args.usa, "ussr": args.ussr}})
        except (OSError, save.SaveError) as err:
            print(f"cannot save to {args.save}: {getattr(err, 'strerror', None) or err}", file=sys.stderr)
            return 2
    result = sim.summarise(game)
    report = {"era": game.state.era, "seed": game.state.seed, "games": [result],
              "summary": sim.summary(content, [result])}
    print(json.dumps(report, sort_keys=True) if args.json else _table(report))
    return 0


def _table(report: dict) -> str:
    lines = [f"{report['era']}: {len(report['games'])} game(s) from seed {report['seed']}", ""]
    lines.append(f"{'seed':>6}  {'winner':<6}  {'end':<7}  {'turns':>5}  {'deaths':>9}  firsts (usa/ussr)")
    for game in report["games"]:
        count = {s: sum(f["side"] == s for f in game["firsts"].values()) for s in ("usa", "ussr")}
        lines.append(f"{game['seed']:>6}  {game['winner']:<6}  {game['end']:<7}  {game['turns']:>5}  "
                     f"{game['deaths']['usa']:>4}/{game['deaths']['ussr']:<4}  {count['usa']}/{count['ussr']}")
    summary = report["summary"]
    wins, rates = summary["wins"], summary["win_rate"]
    lines += ["", "wins: " + ", ".join(
        f"{label} {wins[side]} ({rates[side]['ci95'][0]:.0%}-{rates[side]['ci95'][1]:.0%})"
        for side, label in (("usa", "USA"), ("ussr", "USSR"), ("none", "nobody"))) + "  (95 % intervals)",
        f"deaths a game: USA {summary['deaths_per_game']['usa']}, USSR {summary['deaths_per_game']['ussr']};"
        f" spent a game: USA {summary['spent_per_game']['usa']:.0f}, USSR {summary['spent_per_game']['ussr']:.0f}",
        "", f"{'first':<28} {'USA':>4} {'USSR':>5}  {'median':<8} {'middle half':<17} range"]
    for first, row in summary["firsts"].items():
        spread = summary["first_spread"][first]
        lines.append(f"{first:<28} {row['usa']:>4} {row['ussr']:>5}  {row['median_date']:<8} "
                     f"{spread['q1']} to {spread['q3']}  {spread['earliest']} to {spread['latest']}")
    return "\n".join(lines)


def _play(args) -> int:
    try:
        from game.ui.app import run
    except ImportError as err:  # pragma: no cover - only without pygame installed
        print(f"The game window needs pygame-ce and pygame_gui: {err}", file=sys.stderr)
        return 1
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
