"""The file on the rival: what each side's intelligence makes of the other's programmes.

Each quarter, as it opens, each side surveys the other (``survey``): it pays what it has
set with ``FundIntelligence``, notes the rival's launches it saw (the public record), may
spot programmes, pads and built hardware it has missed, and draws a band around each rival
vehicle's reliability. The band is centred off the truth by an error with a lasting part
(drawn once per programme, ``SeenProgramme.bias``) and a fresh part, both in standard
deviations of a spread that starts at the side's ``band_sd`` (a trait: the USA saw the
USSR through a fog, the USSR read the American press) and narrows with the rival's flights
seen, with money and with an event's windfall. The band's half-width is ``BAND_Z`` of that
spread, so it holds the truth about 86 % of the time whatever is spent (measured in
docs/intelligence.md); money makes it narrower, not surer.

The file is state: saved, and read by the screens and the AI instead of the rival's true
state (tests/test_intel.py holds the AI to it). Only this module reads the truth for it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from game.core import dates, rules
from game.core.state import SIDES, LikelyFlight, RivalFile, SeenProgramme, rival_of

if TYPE_CHECKING:
    from game.core.game import Game

BAND_Z = 1.65  # the band's half-width in spreads: with the two errors below it holds the truth ~86 % of the time
FRESH_SHARE = 0.5  # the fresh error's spread against the lasting one's: the file moves a little each quarter
MAX_BIAS = 2.5  # the lasting error is clamped, so no file is hopelessly wrong
MIN_SD = 1.0  # points: even a perfect source is a point or so off
LIKELY_MIN = 0.05  # a flight the file gives less chance than this is not listed
LIKELY_SHOWN = 6
WAIT_DECAY = 0.8  # a flight expected and not tried is believed this much less each quarter it is not
TRIES_A_QUARTER = 2.0  # flights a side tries in a quarter, about: the likely flights' chances share them
WARN_CHANCE = 0.25  # the planner and headquarters warn of a first the rival tries with at least this chance


def survey_all(game: Game) -> None:
    """The quarter's survey for both sides (the turn calls this once the quarter has opened).
    At the race's end only the last launches are noted: nothing is paid or drawn."""
    for side in SIDES:
        if game.state.over:
            _note_launches(game, side, game.state.sides[side].file)
        else:
            survey(game, side)


def survey(game: Game, side: str) -> None:
    """Pay for the quarter's intelligence, note what was seen to fly, and redraw the file."""
    state = game.state
    file = state.sides[side].file
    _pay(game, side, file)
    tried = _note_launches(game, side, file)
    redraw(game, side, tried)
    file.updated = state.quarter


def _pay(game: Game, side: str, file: RivalFile) -> None:
    me = game.state.sides[side]
    paid = min(file.spending, max(0.0, me.cash))
    me.cash -= paid
    me.spent += paid
    file.paid = round(paid, 2)


def _note_launches(game: Game, side: str, file: RivalFile) -> set[str]:
    """The rival's launches of the last quarter that the side knows of (its public record);
    returns the mission types it was seen to try."""
    rival = rival_of(side)
    tried = set()
    for report in game.visible_launches(side):
        if report.side != rival or report.outcome == "scrubbed":
            continue
        tried.add(report.type)
        if report.outcome == "success":
            file.flown[report.type] = file.flown.get(report.type, 0) + 1
        for pid in dict.fromkeys(p for p in (report.rocket, report.spacecraft) if p):
            seen = _see(game, file, pid)
            seen.flights += 1
        if report.pad:
            file.pads.setdefault(report.pad, 0)
    return tried


def focus(game: Game, side: str) -> float:
    """The share of its base spread the file's error has now: money and windfalls narrow it.
    Money spent at ``spending_share`` of the budget halves it, with diminishing returns."""
    me = game.state.sides[side]
    traits = game.content.sides[side].intel
    file = me.file
    scale = max(0.1, traits.spending_share * me.budget)
    share = 1 / (1 + file.paid / scale)
    if file.sharp_until > game.state.quarter:
        share *= file.sharp_share
    return share


def redraw(game: Game, side: str, tried: set[str] | None = None) -> None:
    """Spot what was missed and draw each band afresh (the survey, with the mission types the
    rival was seen to try last quarter; and an event's windfall, with None)."""
    state = game.state
    rng = state.rng
    file = state.sides[side].file
    rival_side = rival_of(side)
    rival = state.sides[rival_side]
    traits = game.content.sides[side].intel
    share = focus(game, side)
    spot = 1 - (1 - traits.spot_chance) * share  # the chance a missed thing is found this quarter
    see = 1 - (1 - traits.see_hardware) * share
    known_before = len(file.programmes)  # (a file only gains programmes, each at the end)
    for pid in rival.programmes:
        if pid not in file.programmes and rng.chance(spot):
            _see(game, file, pid)
    for pad in _side_pads(game.content, rival_side):
        if pad.id not in file.pads and game.pad_open(rival_side, pad) and rng.chance(spot):
            file.pads[pad.id] = 0
    for pad in file.pads:
        file.pads[pad] = rival.pads.get(pad, 0)  # a pad seen is watched: its rebuilding is seen
    file.articles = _count(game, file, rival.articles.items(), see)
    building: dict[str, int] = {}
    for order in rival.orders:
        building[order.programme] = building.get(order.programme, 0) + 1
    file.building = _count(game, file, building.items(), see)
    base_sd = traits.band_sd * share
    rival_programmes, sqrt = rival.programmes, math.sqrt  # (a hot loop)
    # (clamps written as comparisons, not max and min, and the fresh errors drawn at once, in
    # the loop's order: this loop runs for every programme in both files every quarter, and
    # the calls were a fiftieth of a headless game)
    fresh = rng.gausses(len(file.programmes))
    middles = {}  # each band's middle as a fraction, for likely_flights
    for (pid, seen), draw in zip(file.programmes.items(), fresh, strict=True):
        # the spread, in points, of the file's error on the programme: the side's band at its
        # focus now, narrowed by the flights seen
        sd = base_sd / sqrt(1 + seen.flights)
        if sd < MIN_SD:
            sd = MIN_SD
        # the middle stays a reliability (0-100), so a band near the top is not falsely narrow
        centre = rival_programmes[pid].reliability + (seen.bias + draw * FRESH_SHARE) * sd
        centre = 100.0 if centre > 100.0 else centre if centre > 0.0 else 0.0
        width = BAND_Z * sd
        low, high = centre - width, centre + width
        seen.low = round(low if low > 0.0 else 0.0, 1)  # (centre - a width is never above 100)
        seen.high = round(high if high < 100.0 else 100.0, 1)  # (nor centre + a width below 0)
        middles[pid] = midpoint(seen) / 100
    file.likely = likely_flights(game, side, tried, middles)
    found = [game.content.programmes[pid].name for pid in list(file.programmes)[known_before:]]
    if found and file.updated:  # (the era's first survey finds what history had made public)
        game.log(side, "news", f"Intelligence: the {game.content.sides[rival_side].name} has "
                 f"{'a programme' if len(found) == 1 else 'programmes'} we did not know of: {', '.join(found)}.",
                 (side,))


def _see(game: Game, file: RivalFile, pid: str) -> SeenProgramme:
    """A rival programme enters the file (if it is not there yet), with its lasting error."""
    seen = file.programmes.get(pid)
    if seen is None:
        bias = max(-MAX_BIAS, min(MAX_BIAS, game.state.rng.gauss()))
        seen = file.programmes[pid] = SeenProgramme(pid, game.state.quarter, 0.0, 100.0, round(bias, 3))
    return seen


def _count(game: Game, file: RivalFile, items, see: float) -> dict[str, int]:
    """How many of each built (or building) vehicle are seen: each one with chance ``see``.
    A vehicle seen reveals its programme."""
    rng = game.state.rng
    out = {}
    for pid, count in sorted(items):
        seen = rng.successes(count, see)
        if seen:
            out[pid] = seen
            _see(game, file, pid)
    return out


def midpoint(seen: SeenProgramme) -> float:
    return (seen.low + seen.high) / 2


def likely_flights(game: Game, side: str, tried: set[str] | None, middles: dict[str, float]) -> list[LikelyFlight]:
    """The flights the rival may try next, judged from the file alone: the missions it could
    fly with the programmes the file knows, on hardware seen built (or being built) and a
    pad seen, weighed by the odds the bands' middles give and the milestones seen flown. A
    flight expected quarter after quarter and not seen tried is believed less each time
    (``WAIT_DECAY``): the file learns that the rival is not ready, or hides its failures.
    ``middles``: each band's middle (``midpoint``) as a fraction, as ``redraw`` has just drawn them."""
    file = game.state.sides[side].file
    waited = {f.mission: f.waited for f in file.likely}
    if not file.programmes:
        return []
    found: dict[str, LikelyFlight] = {}
    known = frozenset(file.programmes)
    cache = _KITS.get(game.content)
    if cache is None:
        cache = _KITS[game.content] = _Kits(game.content)
    quarter = game.state.quarter
    free_pads = frozenset(p for p, ready in file.pads.items() if ready <= quarter)  # seen, and free
    # (a hot loop: late in a race the file watches forty kits or more. What a mission makes of
    # any of its kits' chances is worked out once, and its flight made once, for the best kit)
    articles, building, flown = file.articles, file.building, file.flown
    for mission, open_firsts, kits in cache.candidates(game, file, known):
        after = 1 - 0.6 * sum(1 for m in mission.after if not flown.get(m)) / len(mission.after) \
            if mission.after else None  # the milestones seen flown
        best_chance, best_kit = 0.0, None
        for kit in kits:
            if quarter < kit.first_quarter:
                continue  # history's calendar holds it back (Game.too_early)
            chance = _try_chance(kit, middles, articles, building, free_pads, after, mission.woman)
            if best_kit is None or chance > best_chance:  # (the first of equals)
                best_chance, best_kit = chance, kit
        if best_kit is not None:
            found[mission.id] = LikelyFlight(mission.id, best_kit.rocket, best_kit.craft, best_chance,
                                             list(open_firsts))
    for flight in found.values():
        if tried is None:
            flight.waited = waited.get(flight.mission, 0)
        elif flight.mission not in tried:
            flight.waited = waited.get(flight.mission, -1) + 1
        flight.chance = round(flight.chance * WAIT_DECAY ** flight.waited, 3)
    found = {m: f for m, f in found.items() if f.chance >= LIKELY_MIN}
    # a side launches a flight or two a quarter, not everything it could: the chances share that
    total = sum(f.chance for f in found.values())
    if total > TRIES_A_QUARTER:
        for flight in found.values():
            flight.chance = round(flight.chance * TRIES_A_QUARTER / total, 3)
    return sorted(found.values(), key=lambda f: (-f.chance, f.mission))[:LIKELY_SHOWN]


class _Kits:
    """What the surveys of one content work out once: each mission's kits by the programmes
    the file knows. Kept per content, and by the known programmes that matter to the mission
    (any rocket or craft, and what provides a capability it needs), so spotting an unrelated
    programme does not make every mission's kits be worked out again."""

    def __init__(self, content):
        # (no reference to the content: it is the key of the weak table that holds this)
        self.relevant = {m.id: _relevant(content, m) for m in content.missions.values()}
        self.by_mission: dict[tuple[str, frozenset[str]], list[tuple]] = {}
        self.watch: dict[tuple, list[tuple]] = {}  # (known, firsts won, types seen flown) -> candidates

    def candidates(self, game: Game, file: RivalFile, known: frozenset[str]) -> list[tuple]:
        """The missions worth watching for, each with its open firsts and its kits: those the
        known programmes can fly that still win a first, or a test not yet seen flown. Kept by
        the known programmes, the firsts won and the types seen flown, which change a few times
        a game."""
        won = frozenset(first for first, holders in game.state.firsts.items() if holders)
        key = (known, won, frozenset(file.flown))
        if key not in self.watch:
            found = []
            for mission in game.content.missions.values():
                kits = self.work_out(game.content, known, mission)
                if not kits:
                    continue
                open_firsts = [f for f in mission.firsts if f not in won]
                if not open_firsts and (mission.firsts or file.flown.get(mission.id)):
                    continue  # nothing left to win, or a test it has been seen to fly: not news
                found.append((mission, open_firsts, kits))
            self.watch[key] = found
        return self.watch[key]

    def work_out(self, content, known: frozenset[str], mission) -> list[tuple]:
        """The kits (rocket, craft, programmes along) with which the known programmes can fly
        a mission, each capability from the first known programme that provides it."""
        known = known & self.relevant[mission.id]
        key = (mission.id, known)
        if key not in self.by_mission:
            self.by_mission[key] = _kits(content, known, mission)
        return self.by_mission[key]


_KITS: WeakKeyDictionary = WeakKeyDictionary()  # content -> its _Kits


def _own_needs(content, mission) -> list[str]:
    """What the rocket or the craft itself must provide (not a component, nor a craft flying along)."""
    kinds = content.capability_kinds
    return [c for c in mission.needs if "rocket" in kinds.get(c, ())
            or "spacecraft" in kinds.get(c, ()) and c not in mission.second_craft]


def _pair_can_fly(rocket, craft, own: list[str]) -> bool:
    return all(c in rocket.provides or craft is not None and c in craft.provides for c in own)


def _relevant(content, mission) -> frozenset[str]:
    """The programmes that can be in the mission's kits: the rockets and craft of the pairs
    that provide what they must themselves, and whatever provides a capability it needs."""
    own = _own_needs(content, mission)
    programmes = content.programmes.values()
    rockets = [p for p in programmes if p.kind == "rocket"]
    crafts = [p for p in programmes if p.kind == "spacecraft"] if mission.spacecraft else [None]
    pairs = [(r, c) for r in rockets for c in crafts if _pair_can_fly(r, c, own)]
    return frozenset({r.id for r, _ in pairs} | {c.id for _, c in pairs if c is not None}
                     | {p.id for p in programmes if not set(p.provides).isdisjoint(mission.needs)})


class _WatchedKit(NamedTuple):
    """A kit the file watches for, with what ``_try_chance`` asks of it worked out once."""
    rocket: str
    craft: str | None
    vehicles: tuple[tuple[str, bool], ...]  # rocket, craft and what flies along: (id, built as an article)
    pads: tuple[str, ...]  # the pads that serve the rocket
    first_quarter: int  # the first quarter history's calendar lets it fly (its vehicles' ``earliest``; -1: any)


def _watched(content, rocket, craft, along) -> _WatchedKit:
    vehicles = tuple((p.id, p.kind != "component") for p in (rocket, craft, *along) if p is not None)
    earliest = [dates.parse_quarter(p.earliest) for p in (rocket, craft) if p is not None and p.earliest]
    pads = tuple(p.id for p in content.pads_serving.get(rocket.id, ()))
    return _WatchedKit(rocket.id, craft.id if craft else None, vehicles, pads, max(earliest, default=-1))


def _kits(content, known: frozenset[str], mission) -> list[_WatchedKit]:
    programmes = [content.programmes[pid] for pid in sorted(known)]

    def provider(capability: str):
        return next((p for p in content.providers.get(capability, ()) if p.id in known), None)

    # a pair without what it must provide itself is passed over at once (rules.why_cannot_fly
    # would refuse it too, but only after writing out why)
    own = _own_needs(content, mission)
    flies = []
    for rocket in (p for p in programmes if p.kind == "rocket"):
        for craft in [p for p in programmes if p.kind == "spacecraft"] if mission.spacecraft else [None]:
            if not _pair_can_fly(rocket, craft, own):
                continue
            reason, along = rules.why_cannot_fly(mission, rocket, craft, content.capability_kinds, provider)
            if not reason:
                flies.append(_watched(content, rocket, craft, along))
    return flies


def _try_chance(kit: _WatchedKit, middles: dict[str, float], articles: dict[str, int], building: dict[str, int],
                free_pads: frozenset[str], after: float | None, woman: bool) -> float:
    """The chance the file gives a kit of being tried within a quarter: its hardware seen
    (the file's ``articles`` and ``building``), a pad seen free for it (``free_pads``), odds
    (from the bands' middles) a side would fly at, and its mission's milestones seen flown
    (``after``: the share of its willingness they leave, None for a mission with none).
    (Clamps as comparisons: the same numbers as max and min, without the calls.)"""
    ready = 1.0
    odds = 1.0
    for pid, built in kit.vehicles:
        odds *= middles[pid]
        if built and not articles.get(pid):
            ready *= 0.35 if building.get(pid) else 0.1  # built out of sight, or not yet
    if kit.pads and free_pads.isdisjoint(kit.pads):
        ready *= 0.3  # no pad seen free for it
    willing = (odds - 0.2) / 0.4  # a side flies when it believes the odds fair
    willing = 1.0 if willing > 1.0 else willing
    willing = 0.05 if willing < 0.05 else willing
    if after is not None:
        willing *= after
    if woman:
        willing *= 0.3  # who is in the rival's corps is not in the file
    chance = ready * willing
    return 0.9 if chance > 0.9 else chance


_SIDE_PADS: WeakKeyDictionary = WeakKeyDictionary()  # content -> side -> its pads, in the file's order


def _side_pads(content, side: str) -> tuple:
    cache = _SIDE_PADS.get(content)  # (not setdefault: it would make a weak reference each time)
    if cache is None:
        cache = _SIDE_PADS[content] = {}
    if side not in cache:
        cache[side] = tuple(p for p in content.pads.values() if p.side == side)
    return cache[side]



def warnings(game: Game, side: str) -> list[tuple[LikelyFlight, str]]:
    """The firsts the file says the rival may fly within a quarter, with a line for each."""
    out = []
    file = game.state.sides[side].file
    for flight in file.likely:
        opened = [f for f in flight.firsts if not game.state.firsts.get(f)]
        if flight.chance < WARN_CHANCE or not opened:
            continue
        names = ", ".join(game.content.firsts[f].name.lower() for f in opened)
        mission = game.content.missions[flight.mission].name
        out.append((flight, f"The {game.content.sides[rival_of(side)].name} may try a {mission.lower()} "
                            f"within a quarter ({flight.chance * 100:.0f} % by your file): the {names}."))
    return out

