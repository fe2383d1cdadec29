"""What each event condition and effect does to a game.

The clauses themselves, their parameters and the names scenarios write them under, are
typed models in ``game.content.clauses``; here each model gets its rule: a condition's
test, ``(game, side, clause) -> bool``, or an effect's change, ``(game, side, clause)``.
``holds`` and ``apply`` are how the turn and ``AnswerEvent`` run them. A model without a
rule is an error when this module loads, never a surprise in play.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from game.content import clauses as c
from game.core import dates, intel, roads
from game.core.state import Crew, LogEntry, rival_of

if TYPE_CHECKING:
    from game.core.game import Game


class Rule(NamedTuple):
    run: Callable[..., Any]  # (game, side, clause)


CONDITIONS: dict[str, Rule] = {}  # by the clause's type name
EFFECTS: dict[str, Rule] = {}


def holds(game: Game, side: str, clause: c.Clause) -> bool:
    return CONDITIONS[clause.type].run(game, side, clause)


def apply(game: Game, side: str, clause: c.Clause) -> None:
    EFFECTS[clause.type].run(game, side, clause)


def _rule(table: dict[str, Rule], model: type[c.Clause]):
    def wrap(fn):
        table[model.type] = Rule(fn)
        return fn
    return wrap


def condition(model: type[c.Clause]):
    return _rule(CONDITIONS, model)


def effect(model: type[c.Clause]):
    return _rule(EFFECTS, model)


def _whose(game: Game, side: str, clause):
    return game.state.sides[rival_of(side) if clause.target == "rival" else side]


# --- conditions ------------------------------------------------------------------------


@condition(c.AllOf)
def _all_of(game, side, clause):
    return all(holds(game, side, part) for part in clause.conditions)


@condition(c.AnyOf)
def _any_of(game, side, clause):
    return any(holds(game, side, part) for part in clause.conditions)


@condition(c.Not)
def _not(game, side, clause):
    return not holds(game, side, clause.condition)


@condition(c.Date)
def _date(game, side, clause):
    quarter = game.state.quarter
    return (clause.from_ is None or quarter >= dates.parse_quarter(clause.from_)) \
        and (clause.before is None or quarter < dates.parse_quarter(clause.before))


@condition(c.Era)
def _era(game, side, clause):
    return game.state.era == clause.era


@condition(c.RoadOpen)
def _road_open(game, side, clause):
    return (_whose(game, side, clause).road is None) == clause.open


@condition(c.OnRoad)
def _on_road(game, side, clause):
    return _whose(game, side, clause).road == clause.road


@condition(c.Mode)
def _mode(game, side, clause):
    return game.state.mode == clause.mode


@condition(c.FirstWon)
def _first_won(game, side, clause):
    return bool(game.state.firsts.get(clause.first))


@condition(c.HasFirst)
def _has_first(game, side, clause):
    return game.state.has_first(rival_of(side) if clause.target == "rival" else side, clause.first)


@condition(c.FirstEver)
def _first_ever(game, side, clause):
    return game.state.first_holder(clause.first) == (rival_of(side) if clause.target == "rival" else side)


@condition(c.MissionFlown)
def _flown(game, side, clause):
    return _whose(game, side, clause).flown.get(clause.mission, 0) > 0


@condition(c.ProgrammeStarted)
def _started(game, side, clause):
    return clause.programme in _whose(game, side, clause).programmes


@condition(c.Rushed)
def _rushed(game, side, clause):
    state = _whose(game, side, clause).programmes.get(clause.programme)
    if state is None or state.flights == 0:
        return False
    return state.quarters < game.content.programmes[clause.programme].min_quarters + 2


@condition(c.EventFired)
def _fired(game, side, clause):
    return game.last_fired(clause.event, side) is not None


@condition(c.FiredWithin)
def _fired_within(game, side, clause):
    last = game.last_fired(clause.event, side)
    return last is not None and game.state.quarter - last <= clause.quarters


@condition(c.ChoiceMade)
def _choice(game, side, clause):
    return any(f.event == clause.event and f.side == side and f.choice == clause.choice for f in game.state.fired)


@condition(c.FlagSet)
def _flag(game, side, clause):
    return clause.flag in _whose(game, side, clause).flags


@condition(c.Support)
def _support_is(game, side, clause):
    return clause.compare(_whose(game, side, clause).support)


@condition(c.Cash)
def _cash(game, side, clause):
    return clause.compare(_whose(game, side, clause).cash)


@condition(c.PrestigeGap)
def _prestige_gap(game, side, clause):
    sides = game.state.sides
    return clause.compare(sides[rival_of(side)].prestige - sides[side].prestige)


@condition(c.LeaderHealth)
def _health(game, side, clause):
    return clause.compare(_whose(game, side, clause).leader_health)


@condition(c.Deaths)
def _deaths(game, side, clause):
    return clause.compare(_whose(game, side, clause).deaths)


@condition(c.CrewCount)
def _crew(game, side, clause):
    return clause.compare(sum(1 for crew in _whose(game, side, clause).crews.values() if crew.status == "active"))


@condition(c.Reliability)
def _reliability_is(game, side, clause):
    prog = _whose(game, side, clause).programmes.get(clause.programme)
    return prog is not None and clause.compare(prog.reliability)


@condition(c.Failures)
def _failures(game, side, clause):
    prog = _whose(game, side, clause).programmes.get(clause.programme)
    return prog is not None and clause.compare(prog.failures)


@condition(c.Successes)
def _successes(game, side, clause):
    prog = _whose(game, side, clause).programmes.get(clause.programme)
    return prog is not None and clause.compare(prog.successes)


# --- effects ---------------------------------------------------------------------------


@effect(c.SharpenFile)
def _sharpen_file(game, side, clause):
    whose = _whose(game, side, clause)
    file = whose.file
    quarter = game.state.quarter
    share = min(file.sharp_share, clause.share) if file.sharp_until > quarter else clause.share
    file.sharp_until = max(file.sharp_until, quarter + clause.quarters)
    file.sharp_share = share
    intel.redraw(game, whose.side)  # the photographs are in: the file is redrawn now


@effect(c.Money)
def _money(game, side, clause):
    whose = _whose(game, side, clause)
    whose.cash = max(0.0, whose.cash + clause.amount)


@effect(c.Budget)
def _budget(game, side, clause):
    whose = _whose(game, side, clause)
    whose.base_budget = max(1.0, whose.base_budget + clause.amount)


@effect(c.SupportChange)
def _support(game, side, clause):
    game.change_support(_whose(game, side, clause), clause.amount)


@effect(c.Prestige)
def _prestige(game, side, clause):
    _whose(game, side, clause).prestige += clause.amount


@effect(c.Expertise)
def _expertise(game, side, clause):
    whose = _whose(game, side, clause)
    whose.expertise = min(100.0, max(0.0, whose.expertise + clause.amount))


@effect(c.LeaderHealthChange)
def _leader_health(game, side, clause):
    whose = _whose(game, side, clause)
    whose.leader_health = min(100.0, max(0.0, whose.leader_health + clause.amount))


@effect(c.Leader)
def _leader(game, side, clause):
    whose = _whose(game, side, clause)
    whose.leader = clause.name
    whose.leader_health = 100.0


@effect(c.BureauShare)
def _bureau(game, side, clause):
    whose = _whose(game, side, clause)
    whose.bureau_share = min(0.5, max(0.0, whose.bureau_share + clause.amount))


@effect(c.ReliabilityChange)
def _reliability(game, side, clause):
    state = _whose(game, side, clause).programmes.get(clause.programme)
    if state is not None:
        cap = game.content.programmes[clause.programme].cap
        state.reliability = min(cap, max(1.0, state.reliability + clause.amount))


@effect(c.StartProgramme)
def _start(game, side, clause):
    game.open_programme(_whose(game, side, clause), clause.programme)


@effect(c.Delay)
def _delay(game, side, clause):
    state = _whose(game, side, clause).programmes.get(clause.programme)
    if state is not None:
        state.delayed_until = max(state.delayed_until, game.state.quarter + clause.quarters)


def ground(grounded: set[str], until: dict[str, int], programme: str, quarters: int | None, now: int) -> None:
    """A grounding: until an unground (``quarters`` None), or for some quarters, which never
    shortens one held until further notice. (The planner weighs a card's choices with it.)"""
    if quarters is None:
        until.pop(programme, None)
    elif programme not in grounded or programme in until:
        until[programme] = max(until.get(programme, 0), now + quarters)
    grounded.add(programme)


def unground(grounded: set[str], until: dict[str, int], programme: str) -> None:
    grounded.discard(programme)
    until.pop(programme, None)


@effect(c.Ground)
def _ground(game, side, clause):
    whose = _whose(game, side, clause)
    ground(whose.grounded, whose.grounded_until, clause.programme, clause.quarters, game.state.quarter)


@effect(c.Unground)
def _unground(game, side, clause):
    whose = _whose(game, side, clause)
    unground(whose.grounded, whose.grounded_until, clause.programme)


@effect(c.ChooseRoad)
def _choose_road(game, side, clause):
    roads.take_road(game, _whose(game, side, clause).side, clause.road)


@effect(c.SetFlag)
def _set_flag(game, side, clause):
    _whose(game, side, clause).flags.add(clause.flag)


@effect(c.ClearFlag)
def _clear_flag(game, side, clause):
    _whose(game, side, clause).flags.discard(clause.flag)


@effect(c.Recruit)
def _recruit(game, side, clause):
    whose = _whose(game, side, clause)
    known = {crew.name for crew in whose.crews.values()}
    for name in clause.names:
        if name in known:
            continue
        game.add_crew(whose, Crew(id="", name=name, piloting=clause.piloting, endurance=clause.endurance,
                                  eva=clause.eva, docking=clause.docking, woman=clause.women,
                                  ready_from=game.state.quarter + clause.training))


@effect(c.LoseCrew)
def _lose_crew(game, side, clause):
    whose = _whose(game, side, clause)
    active = [crew for crew in whose.crews.values() if crew.status == "active"]
    named = [crew for crew in active if crew.name == clause.name]
    order = sorted(active, key=lambda crew: (crew.flights, -int(crew.id.rsplit("-", 1)[1])))
    for crew in (named or order)[: clause.count]:
        game.kill_crew(whose, crew, public=False)


@effect(c.CrewMorale)
def _morale(game, side, clause):
    for crew in _whose(game, side, clause).crews.values():
        crew.morale = min(100.0, max(0.0, crew.morale + clause.amount))


@effect(c.StandDown)
def _stand_down(game, side, clause):
    whose = _whose(game, side, clause)
    whose.stand_down_until = max(whose.stand_down_until, game.state.quarter + clause.quarters)


@effect(c.News)
def _news(game, side, clause):
    visible = ("usa", "ussr") if clause.public else (side,)
    game.state.log.append(LogEntry(game.state.quarter, game.month_now(), "news", side, clause.text, visible))


_missing = sorted((set(c.CONDITIONS) - set(CONDITIONS)) | (set(c.EFFECTS) - set(EFFECTS)))
if _missing:
    raise ImportError(f"event clauses without a rule: {', '.join(_missing)}")
