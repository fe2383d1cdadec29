"""The registry of event conditions and effects.

A scenario writes each as a one-key mapping, ``- support: -5`` or
``- reliability: {programme: r7, amount: 10}``. Each type declares its parameters here
(the loader checks them and the ids they name) and a function on the game. A type not
in the registry is an error when the file loads, never a surprise in play.

Parameters called ``target`` choose whose state is read or changed: ``self`` (the side
the event is for, the default) or ``rival``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.core import dates
from game.core.state import Crew, LogEntry, rival_of

if TYPE_CHECKING:
    from game.core.game import Game

REQUIRED = object()

# What a parameter holds; id kinds are checked against the loaded content.
NUMBER, INT, TEXT, BOOL, QUARTER, TARGET, NAMES = "number", "int", "text", "bool", "quarter", "target", "names"
PROGRAMME, FIRST, FLAG, EVENT, MISSION = "programme", "first", "flag", "event", "mission"
CLAUSES = "conditions"  # a list of conditions, each checked like a top-level one
ID_KINDS = (PROGRAMME, FIRST, EVENT, MISSION)


@dataclass(frozen=True)
class Param:
    kind: str
    default: Any = REQUIRED


@dataclass(frozen=True)
class ClauseType:
    name: str
    params: dict[str, Param]
    shorthand: str | None  # the parameter a bare scalar fills
    run: Callable[..., Any]  # (game, side, params) -> bool for a condition, None for an effect
    doc: str


CONDITIONS: dict[str, ClauseType] = {}
EFFECTS: dict[str, ClauseType] = {}


def _register(table, type_name, doc, shorthand=None, **params):
    def wrap(fn):
        table[type_name] = ClauseType(type_name, params, shorthand, fn, doc)
        return fn
    return wrap


def condition(type_name, doc, shorthand=None, **params):
    return _register(CONDITIONS, type_name, doc, shorthand, **params)


def effect(type_name, doc, shorthand=None, **params):
    return _register(EFFECTS, type_name, doc, shorthand, **params)


def _whose(game: Game, side: str, p: dict):
    return game.state.sides[rival_of(side) if p.get("target") == "rival" else side]


_T = Param(TARGET, "self")

# --- conditions ------------------------------------------------------------------------


@condition("date_from", "the date is this quarter or later", "quarter", quarter=Param(QUARTER))
def _date_from(game, side, p):
    return game.state.quarter >= dates.parse_quarter(p["quarter"])


@condition("date_before", "the date is before this quarter", "quarter", quarter=Param(QUARTER))
def _date_before(game, side, p):
    return game.state.quarter < dates.parse_quarter(p["quarter"])


@condition("first_won", "someone has won this first", "first", first=Param(FIRST))
def _first_won(game, side, p):
    return bool(game.state.firsts.get(p["first"]))


@condition("first_open", "nobody has won this first yet", "first", first=Param(FIRST))
def _first_open(game, side, p):
    return not game.state.firsts.get(p["first"])


@condition("has_first", "the side (or its rival) has achieved this first", "first", first=Param(FIRST), target=_T)
def _has_first(game, side, p):
    whose = rival_of(side) if p["target"] == "rival" else side
    return game.state.has_first(whose, p["first"])


@condition("lacks_first", "the side (or its rival) has not achieved this first", "first",
           first=Param(FIRST), target=_T)
def _lacks_first(game, side, p):
    return not _has_first(game, side, p)


@condition("first_ever", "the side (or its rival) won this first before anyone else", "first",
           first=Param(FIRST), target=_T)
def _first_ever(game, side, p):
    whose = rival_of(side) if p["target"] == "rival" else side
    return game.state.first_holder(p["first"]) == whose


@condition("failures_at_least", "the programme has failed in flight at least this many times",
           programme=Param(PROGRAMME), value=Param(INT), target=_T)
def _failures(game, side, p):
    prog = _whose(game, side, p).programmes.get(p["programme"])
    return prog is not None and prog.failures >= p["value"]


@condition("successes_at_least", "the programme has flown successfully at least this many times",
           programme=Param(PROGRAMME), value=Param(INT), target=_T)
def _successes(game, side, p):
    prog = _whose(game, side, p).programmes.get(p["programme"])
    return prog is not None and prog.successes >= p["value"]


@condition("fired_within", "this event happened to the side within the last few quarters",
           event=Param(EVENT), quarters=Param(INT))
def _fired_within(game, side, p):
    last = game.last_fired(p["event"], side)
    return last is not None and game.state.quarter - last <= p["quarters"]


@condition("era", "the game is this era (rockets, satellites, survival, moon or campaign)", "era",
           era=Param(TEXT))
def _era(game, side, p):
    return game.state.era == p["era"]


@condition("any_of", "at least one of the listed conditions holds", "conditions",
           conditions=Param(CLAUSES))
def _any_of(game, side, p):
    return any(CONDITIONS[c["type"]].run(game, side, c["params"]) for c in p["conditions"])


@condition("flag", "the flag is set", "flag", flag=Param(FLAG), target=_T)
def _flag(game, side, p):
    return p["flag"] in _whose(game, side, p).flags


@condition("not_flag", "the flag is not set", "flag", flag=Param(FLAG), target=_T)
def _not_flag(game, side, p):
    return p["flag"] not in _whose(game, side, p).flags


@condition("programme_started", "the programme has been started", "programme",
           programme=Param(PROGRAMME), target=_T)
def _started(game, side, p):
    return p["programme"] in _whose(game, side, p).programmes


@condition("programme_not_started", "the programme has not been started", "programme",
           programme=Param(PROGRAMME), target=_T)
def _not_started(game, side, p):
    return p["programme"] not in _whose(game, side, p).programmes


@condition("reliability_below", "the started programme's true reliability is below the value",
           programme=Param(PROGRAMME), value=Param(NUMBER), target=_T)
def _rel_below(game, side, p):
    prog = _whose(game, side, p).programmes.get(p["programme"])
    return prog is not None and prog.reliability < p["value"]


@condition("reliability_at_least", "the started programme's true reliability is at least the value",
           programme=Param(PROGRAMME), value=Param(NUMBER), target=_T)
def _rel_at_least(game, side, p):
    prog = _whose(game, side, p).programmes.get(p["programme"])
    return prog is not None and prog.reliability >= p["value"]


@condition("rushed", "the programme has flown before its development time was up", "programme",
           programme=Param(PROGRAMME), target=_T)
def _rushed(game, side, p):
    state = _whose(game, side, p).programmes.get(p["programme"])
    if state is None or state.flights == 0:
        return False
    return state.quarters < game.content.programmes[p["programme"]].min_quarters + 2


@condition("mission_flown", "the side has flown this mission type successfully", "mission",
           mission=Param(MISSION), target=_T)
def _flown(game, side, p):
    return _whose(game, side, p).flown.get(p["mission"], 0) > 0


@condition("support_below", "support is below the value", "value", value=Param(NUMBER), target=_T)
def _support_below(game, side, p):
    return _whose(game, side, p).support < p["value"]


@condition("support_at_least", "support is at least the value", "value", value=Param(NUMBER), target=_T)
def _support_at_least(game, side, p):
    return _whose(game, side, p).support >= p["value"]


@condition("prestige_behind", "the rival leads in prestige by at least the value", "value", value=Param(NUMBER))
def _behind(game, side, p):
    s = game.state.sides
    return s[rival_of(side)].prestige - s[side].prestige >= p["value"]


@condition("cash_at_least", "the side has at least this much money", "value", value=Param(NUMBER), target=_T)
def _cash(game, side, p):
    return _whose(game, side, p).cash >= p["value"]


@condition("deaths_at_least", "at least this many of the side's crew have died", "value",
           value=Param(INT), target=_T)
def _deaths(game, side, p):
    return _whose(game, side, p).deaths >= p["value"]


@condition("crew_below", "the side has fewer active crew members than the value", "value",
           value=Param(INT), target=_T)
def _crew_below(game, side, p):
    return sum(1 for c in _whose(game, side, p).crews.values() if c.status == "active") < p["value"]


@condition("leader_health_below", "the chief designer's health is below the value", "value",
           value=Param(NUMBER), target=_T)
def _health(game, side, p):
    return _whose(game, side, p).leader_health < p["value"]


@condition("event_fired", "this event has already happened to the side", "event", event=Param(EVENT))
def _fired(game, side, p):
    return game.last_fired(p["event"], side) is not None


@condition("event_not_fired", "this event has not happened to the side", "event", event=Param(EVENT))
def _not_fired(game, side, p):
    return not _fired(game, side, p)


@condition("choice_made", "the side chose this choice in this event", event=Param(EVENT), choice=Param(TEXT))
def _choice(game, side, p):
    return any(f.event == p["event"] and f.side == side and f.choice == p["choice"] for f in game.state.fired)


@condition("mode", "the game is played in this mode (historical or dynamic)", "mode", mode=Param(TEXT))
def _mode(game, side, p):
    return game.state.mode == p["mode"]


# --- effects ---------------------------------------------------------------------------


@effect("money", "adds money now (negative: takes it)", "amount", amount=Param(NUMBER), target=_T)
def _money(game, side, p):
    whose = _whose(game, side, p)
    whose.cash = max(0.0, whose.cash + p["amount"])


@effect("budget", "changes the quarterly budget at 50 % support, for good", "amount",
        amount=Param(NUMBER), target=_T)
def _budget(game, side, p):
    whose = _whose(game, side, p)
    whose.base_budget = max(1.0, whose.base_budget + p["amount"])


@effect("support", "moves support (0-100)", "amount", amount=Param(NUMBER), target=_T)
def _support(game, side, p):
    game.change_support(_whose(game, side, p), p["amount"])


@effect("prestige", "adds prestige", "amount", amount=Param(NUMBER), target=_T)
def _prestige(game, side, p):
    _whose(game, side, p).prestige += p["amount"]


@effect("expertise", "adds V-2 expertise (0-100)", "amount", amount=Param(NUMBER), target=_T)
def _expertise(game, side, p):
    whose = _whose(game, side, p)
    whose.expertise = min(100.0, max(0.0, whose.expertise + p["amount"]))


@effect("leader_health", "changes the chief designer's health (0-100)", "amount", amount=Param(NUMBER), target=_T)
def _leader_health(game, side, p):
    whose = _whose(game, side, p)
    whose.leader_health = min(100.0, max(0.0, whose.leader_health + p["amount"]))


@effect("leader", "a new leader takes over the programme", "name", name=Param(TEXT), target=_T)
def _leader(game, side, p):
    whose = _whose(game, side, p)
    whose.leader = p["name"]
    whose.leader_health = 100.0


@effect("bureau_share", "changes the share of the budget lost to rival bureaus", "amount",
        amount=Param(NUMBER), target=_T)
def _bureau(game, side, p):
    whose = _whose(game, side, p)
    whose.bureau_share = min(0.5, max(0.0, whose.bureau_share + p["amount"]))


@effect("reliability", "changes a started programme's reliability (within 1 and its cap)",
        programme=Param(PROGRAMME), amount=Param(NUMBER), target=_T)
def _reliability(game, side, p):
    state = _whose(game, side, p).programmes.get(p["programme"])
    if state is not None:
        cap = game.content.programmes[p["programme"]].cap
        state.reliability = min(cap, max(1.0, state.reliability + p["amount"]))


@effect("start_programme", "starts a programme at no cost, its requirements and date notwithstanding",
        "programme",
        programme=Param(PROGRAMME), target=_T)
def _start(game, side, p):
    whose = _whose(game, side, p)
    game.open_programme(whose, p["programme"])


@effect("delay", "research on a programme stands still for some quarters",
        programme=Param(PROGRAMME), quarters=Param(INT), target=_T)
def _delay(game, side, p):
    state = _whose(game, side, p).programmes.get(p["programme"])
    if state is not None:
        state.delayed_until = max(state.delayed_until, game.state.quarter + p["quarters"])


@effect("ground", "politics keeps a programme from flying (until unground)", "programme",
        programme=Param(PROGRAMME), target=_T)
def _ground(game, side, p):
    _whose(game, side, p).grounded.add(p["programme"])


@effect("unground", "lets a grounded programme fly again", "programme", programme=Param(PROGRAMME), target=_T)
def _unground(game, side, p):
    _whose(game, side, p).grounded.discard(p["programme"])


@effect("set_flag", "sets a flag", "flag", flag=Param(FLAG), target=_T)
def _set_flag(game, side, p):
    _whose(game, side, p).flags.add(p["flag"])


@effect("clear_flag", "clears a flag", "flag", flag=Param(FLAG), target=_T)
def _clear_flag(game, side, p):
    _whose(game, side, p).flags.discard(p["flag"])


@effect("recruit", "a group of crew joins (names already on the roster are skipped) and starts basic "
        "training", names=Param(NAMES),
        piloting=Param(NUMBER, 55), endurance=Param(NUMBER, 50), eva=Param(NUMBER, 30), docking=Param(NUMBER, 30),
        women=Param(BOOL, False), target=_T)
def _recruit(game, side, p):
    from game.core.rules import BASIC_TRAINING_QUARTERS  # (rules imports state only; no cycle)
    whose = _whose(game, side, p)
    known = {c.name for c in whose.crews.values()}
    for name in p["names"]:
        if name in known:
            continue
        game.add_crew(whose, Crew(id="", name=name, piloting=p["piloting"], endurance=p["endurance"],
                                  eva=p["eva"], docking=p["docking"], woman=p["women"],
                                  ready_from=game.state.quarter + BASIC_TRAINING_QUARTERS))


@effect("lose_crew", "crew members die in training or an accident: the one named, else the least flown "
        "(the newest first)", "count", count=Param(INT, 1), name=Param(TEXT, ""), target=_T)
def _lose_crew(game, side, p):
    whose = _whose(game, side, p)
    active = [c for c in whose.crews.values() if c.status == "active"]
    named = [c for c in active if c.name == p["name"]]
    order = sorted(active, key=lambda c: (c.flights, -int(c.id.rsplit("-", 1)[1])))
    for crew in (named or order)[: p["count"]]:
        game.kill_crew(whose, crew, public=False)


@effect("crew_morale", "changes every active crew member's morale", "amount", amount=Param(NUMBER), target=_T)
def _morale(game, side, p):
    for crew in _whose(game, side, p).crews.values():
        crew.morale = min(100.0, max(0.0, crew.morale + p["amount"]))


@effect("stand_down", "no crewed flights for some quarters", "quarters", quarters=Param(INT), target=_T)
def _stand_down(game, side, p):
    whose = _whose(game, side, p)
    whose.stand_down_until = max(whose.stand_down_until, game.state.quarter + p["quarters"])


@effect("news", "a line in the news; the rival sees it only if public", "text",
        text=Param(TEXT), public=Param(BOOL, True))
def _news(game, side, p):
    visible = ("usa", "ussr") if p["public"] else (side,)
    game.state.log.append(LogEntry(game.state.quarter, game.month_now(), "news", side, p["text"], visible))


# --- checking parameters (used by the content loader) -------------------------------------

def _check_param(name: str, param: Param, value: Any) -> Any:
    kind = param.kind
    if kind in (NUMBER, INT):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
                or abs(value) > 1e6 or (kind == INT and not float(value).is_integer()):
            raise ValueError(f"{name}: expected {'a whole number' if kind == INT else 'a number'}, got {value!r}")
        return int(value) if kind == INT else float(value)
    if kind == BOOL:
        if not isinstance(value, bool):
            raise ValueError(f"{name}: expected true or false, got {value!r}")
        return value
    if kind == TARGET:
        if value not in ("self", "rival"):
            raise ValueError(f"{name}: expected self or rival, got {value!r}")
        return value
    if kind == QUARTER:
        try:
            dates.parse_quarter(value if isinstance(value, str) else "")
        except ValueError:
            raise ValueError(f"{name}: expected a quarter like 1957-Q4, got {value!r}") from None
        return value
    if kind == CLAUSES:
        if not isinstance(value, list) or not value:
            raise ValueError(f"{name}: expected a list of conditions, got {value!r}")
        out = []
        for item in value:
            if not isinstance(item, dict) or len(item) != 1:
                raise ValueError(f"{name}: each condition is a one-key mapping, such as {{flag: x}}")
            (kind_name, params), = item.items()
            spec = CONDITIONS.get(kind_name)
            if spec is None:
                close = difflib.get_close_matches(str(kind_name), list(CONDITIONS), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValueError(f"{name}: unknown condition type {kind_name!r}{hint}")
            out.append({"type": kind_name, "params": normalise(spec, params)})
        return tuple(out)
    if kind == NAMES:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise ValueError(f"{name}: expected a list of names, got {value!r}")
        return tuple(value)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name}: expected {'an id' if kind in ID_KINDS + (FLAG,) else 'text'}, got {value!r}")
    return value


def normalise(spec: ClauseType, params: Any) -> dict:
    """Check a clause's parameters against its type; fill in defaults. Raises ValueError."""
    if not isinstance(params, dict):
        if spec.shorthand is None:
            raise ValueError(f"{spec.name} takes a mapping of {', '.join(spec.params)}")
        params = {spec.shorthand: params}
    out = {}
    for key in params:
        if key not in spec.params:
            close = difflib.get_close_matches(str(key), list(spec.params), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"{spec.name} has no parameter {key!r}{hint}; it takes {', '.join(spec.params)}")
    for name, param in spec.params.items():
        if name in params:
            out[name] = _check_param(name, param, params[name])
        elif param.default is REQUIRED:
            raise ValueError(f"{spec.name} needs {name!r}")
        else:
            out[name] = param.default
    return out
