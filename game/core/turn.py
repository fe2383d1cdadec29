"""Resolving a quarter, in the design's order: research, launches by month, budgets,
news; then the winning rule and the next quarter, whose event cards are drawn as it opens
(``draw_events``), so a card reaches the player in the quarter its text is dated.

Within a quarter both sides' launches interleave by month and, inside a month, by a day
drawn for each launch; a first goes to the earlier launch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core import dates, rules
from game.core.eventtypes import CONDITIONS
from game.core.state import (
    NATION,
    SHORT,
    SIDES,
    FiredEvent,
    FirstWon,
    LaunchReport,
    Mission,
    SideRecord,
    SideState,
    StepResult,
    rival_of,
)

if TYPE_CHECKING:
    from game.core.game import Game

EVENTS_PER_SIDE_PER_QUARTER = 3  # more than this buries the player in cards
REPEAT_COOLDOWN = 4  # quarters before an event that is not "once" may come again
ICBM_PRESSURE_FROM = 1954 * 4  # the R-7 decree: from 1954 the Kremlin wants its missile
SUPPORT_FROM_OWN_FIRST = {"usa": 0.4, "ussr": 0.8}  # Khrushchev prized propaganda firsts
SUPPORT_FROM_RIVAL_FIRST = {"usa": 0.5, "ussr": -0.2}  # Sputnik's and Gagarin's shock paid for NASA
SUPPORT_DRIFT = 0.03  # support drifts back toward 50 by this share each quarter


def resolve_quarter(game: Game) -> list[LaunchReport]:
    state = game.state
    state.launches = []
    for side in SIDES:
        _research(game, state.sides[side])
    _launches(game)
    for side in SIDES:
        _budget(game, state.sides[side])
    _end_or_advance(game)
    return state.launches


# --- research ---------------------------------------------------------------------------

def _research(game: Game, side: SideState) -> None:
    quarter = game.state.quarter
    content = game.content.programmes
    active = [(pid, p) for pid, p in side.programmes.items() if p.funding > 0 and p.delayed_until <= quarter]
    wanted = sum(p.funding for _, p in active)
    share = min(1.0, side.cash / wanted) if wanted > 0 else 0.0
    for prog_id, prog in active:
        money = prog.funding * share
        side.cash -= money
        side.spent += money
        prog.invested += money
        definition = content[prog_id]
        gain = rules.research_gain(definition, prog, money, side.expertise, game.state.rng.uniform(0.5, 1.5))
        prog.reliability = min(definition.cap, prog.reliability + gain)
        if money > 0:
            prog.quarters += 1
    # the Chief Designer works himself to death: many programmes at once wear him down
    if side.side == "ussr":
        strain = len(active) - 5
        side.leader_health = min(100.0, max(0.0, side.leader_health - max(0, strain) * 0.6
                                            + (1.0 if strain < -2 else 0.0)))
    for crew in side.crews.values():
        if crew.status != "active":
            continue
        if crew.training:
            skill = crew.skill(crew.training)
            setattr(crew, crew.training, min(100.0, skill + rules.TRAINING_GAIN * (1 - skill / 100)))
        crew.morale = min(100.0, crew.morale + 1)


# --- events -----------------------------------------------------------------------------

def triggered(game: Game, event, side: str) -> bool:
    trigger = event.trigger
    quarter = game.state.quarter
    dynamic = not dated(game, event)
    if not dynamic:
        if trigger.from_ and quarter < dates.parse_quarter(trigger.from_):
            return False
        if trigger.to and quarter > dates.parse_quarter(trigger.to):
            return False
    clauses = trigger.conditions + (trigger.dynamic if dynamic else ())
    return all(CONDITIONS[c.type].run(game, side, c.params) for c in clauses)


def eligible(game: Game, event, side: str) -> bool:
    side_state = game.state.sides[side]
    if side not in event.sides or event.id in side_state.pending_events:
        return False
    last = game.last_fired(event.id, side)
    if last is not None and (event.once or game.state.quarter - last < REPEAT_COOLDOWN):
        return False
    return triggered(game, event, side)


def draw_events(game: Game) -> None:
    """The cards of the quarter that has just opened (and of the era's first quarter)."""
    for side in SIDES:
        _events(game, side)


def due_now(game: Game, event) -> bool:
    """In historical mode a dated event is history: in the last quarter of its window it is
    certain, and not held back by the cap on cards a quarter, so it never fails to happen
    (the Apollo 1 fire, at 0.5 a quarter over three quarters, was missing from one game in
    eight). Its conditions must still hold."""
    to = event.trigger.to
    return game.state.mode == "historical" and to is not None and game.state.quarter >= dates.parse_quarter(to)


def _events(game: Game, side: str) -> None:
    state = game.state
    fired = 0
    still_open = []
    candidates = game.open_events(side)  # (earliest quarter it can fire, event), sorted
    for index, (earliest, event) in enumerate(candidates):
        if earliest > state.quarter:
            still_open.extend(candidates[index:])  # none after this one can fire yet
            break
        if _over_for_good(game, event, side):
            continue  # never look at it again this game
        still_open.append((earliest, event))
        forced = due_now(game, event)
        if (forced or fired < EVENTS_PER_SIDE_PER_QUARTER) and eligible(game, event, side) \
                and (forced or state.rng.chance(event.chance)):
            state.sides[side].pending_events.append(event.id)
            game.record_fired(FiredEvent(event.id, side, state.quarter))
            game.log(side, "event", event.title, (side,))
            fired += 1
    game.set_open_events(side, still_open)


def dated(game: Game, event) -> bool:
    """Whether the event keeps to its date window in this game's mode."""
    return game.state.mode != "dynamic" or event.trigger.dynamic is None


def earliest_quarter(game: Game, event) -> int:
    trigger = event.trigger
    return dates.parse_quarter(trigger.from_) if dated(game, event) and trigger.from_ else 0


def _over_for_good(game: Game, event, side: str) -> bool:
    """A once-only event that has fired, or a dated one whose window has passed for good."""
    if event.once and game.last_fired(event.id, side) is not None:
        return True
    to = event.trigger.to
    return dated(game, event) and to is not None and game.state.quarter > dates.parse_quarter(to)


# --- launches ---------------------------------------------------------------------------

def _launches(game: Game) -> None:
    state = game.state
    booked = [m for side in SIDES for m in state.sides[side].missions if m.quarter == state.quarter]
    keyed = [((m.month, state.rng.below(28) + 1, state.rng.random()), m) for m in booked]
    keyed.sort(key=lambda pair: pair[0])
    for (month, day, _), mission in keyed:
        state.sides[mission.side].missions.remove(mission)
        _fly(game, mission, month, day)


def _fly(game: Game, booked: Mission, month: int, day: int) -> None:
    state = game.state
    side = state.sides[booked.side]
    mission = game.content.missions[booked.type]
    public = booked.side == "usa"  # the Soviet programme announced only its successes
    hardware = game.hardware(booked.side, mission, booked.rocket, booked.spacecraft)
    crew = [side.crews[c] for c in booked.crew if c in side.crews]
    report = LaunchReport(booked.id, booked.side, booked.type, booked.rocket, booked.spacecraft,
                          [c.name for c in crew], game.year, month, day, [], "scrubbed", [], public,
                          booked.expected)
    scrub_reason = None
    if isinstance(hardware, str):
        scrub_reason = hardware
    elif mission.crew_min and side.stand_down_until > state.quarter:
        scrub_reason = "crewed flights are stood down"
    elif mission.crew_min and (len(crew) < mission.crew_min or any(c.status != "active" for c in crew)):
        scrub_reason = "no crew fit to fly"
    if scrub_reason:
        _rebook(game, booked, report, scrub_reason)
        return
    owned = side.programmes
    chances = game.step_chances(booked.side, mission, hardware, crew, believed=False)
    flown: dict[str, bool] = {}  # programme -> failed
    outcome = "success"
    for index, (step, prog, chance) in enumerate(zip(mission.steps, hardware.by_step, chances, strict=True)):
        flown.setdefault(prog.id, False)
        if state.rng.random() < chance:
            report.steps.append(StepResult(step.id, step.name, chance, "success"))
            continue
        flown[prog.id] = True
        roll = state.rng.random()
        if roll < step.scrub and index == 0:
            result = "scrub"
        elif roll < step.scrub + step.abort:
            result = "abort"
        else:
            result = "loss"
        if result == "loss" and crew:
            saved = step.escape and hardware.escape is not None and state.rng.random() < rules.effective(
                hardware.escape, owned[hardware.escape.id], False)
            result = "abort" if saved else "death"
        report.steps.append(StepResult(step.id, step.name, chance, result))
        outcome = {"scrub": "scrubbed", "abort": "aborted", "loss": "lost", "death": "crew_lost"}[result]
        for later in mission.steps[index + 1:]:
            report.steps.append(StepResult(later.id, later.name, 0.0, "skipped"))
        break
    if outcome == "scrubbed":
        _rebook(game, booked, report, f"{report.steps[-1].name} scrubbed")
        return
    for prog_id, failed in flown.items():
        rules.learn_from_flight(game.content.programmes[prog_id], owned[prog_id], failed)
    side.launches += 1
    report.outcome = outcome
    state.launches.append(report)
    who = f"{SHORT[booked.side]}: {mission.name} on {hardware.rocket.name}"
    if crew:
        who += f" with {', '.join(c.name for c in crew)}"
    if outcome == "success":
        _success(game, side, mission, booked, crew, report, month, day, who)
    else:
        _failure(game, side, mission, crew, report, month, who, outcome)


def _rebook(game: Game, booked: Mission, report: LaunchReport, reason: str) -> None:
    """A scrubbed launch waits for the same month of the next quarter."""
    state = game.state
    report.outcome = "scrubbed"
    state.launches.append(report)
    if state.quarter < state.end:
        booked.quarter += 1
        booked.month = (booked.month + 2) % 12 + 1
        state.sides[booked.side].missions.append(booked)
    game.log(booked.side, "launch", f"{game.content.missions[booked.type].name} scrubbed: {reason}.",
             (booked.side,), report.month)


def _success(game, side: SideState, mission, booked, crew, report, month, day, who) -> None:
    state = game.state
    side.flown[mission.id] = side.flown.get(mission.id, 0) + 1
    side.expertise = min(100.0, side.expertise + mission.expertise)
    for member in crew:
        member.flights += 1
        member.morale = min(100.0, member.morale + 5)
    won_any = False
    for first_id in mission.firsts:
        if state.has_first(side.side, first_id):
            continue
        won = state.firsts.setdefault(first_id, [])
        rank = len(won)
        won.append(FirstWon(first_id, side.side, game.year, month, day, mission.id, rank))
        report.firsts.append(first_id)
        won_any = True
        first = game.content.firsts[first_id]
        value = first.prestige * (1.0 if rank == 0 else rules.SECOND_SHARE)
        side.prestige += value
        game.change_support(side, value * SUPPORT_FROM_OWN_FIRST[side.side])
        if rank == 0:
            rival = state.sides[rival_of(side.side)]
            game.change_support(rival, value * SUPPORT_FROM_RIVAL_FIRST[rival.side])
            headline = first.headline.format(nation=NATION[side.side], mission=mission.name) if first.headline \
                else f"{NATION[side.side]} achieves the {first.name.lower()}."
            headline = headline[0].upper() + headline[1:]  # "the United States ..." opens a sentence
            game.log(side.side, "first", headline, SIDES, month)
        _check_goal(game, first_id, side.side, month)
    if not won_any:
        side.prestige += mission.prestige * (0.5 if side.side == "usa" else 1.0)
    # Soviet missile tests were secret: a first is announced, the test itself is not
    game.log(side.side, "launch", f"{who}: success.", (side.side,) if game.secret_test(report) else SIDES, month)


def _failure(game, side: SideState, mission, crew, report, month, who, outcome) -> None:
    public = side.side == "usa"
    side.failures += 1
    visible = SIDES if public else (side.side,)
    if public:
        side.prestige -= rules.PUBLIC_FAILURE_PRESTIGE
        game.change_support(side, -1.5)
    else:
        game.change_support(side, -0.5)
    text = {"aborted": "aborted", "lost": "vehicle lost", "crew_lost": "the crew is lost"}[outcome]
    game.log(side.side, "launch", f"{who}: {text}.", visible, month)
    if outcome == "crew_lost":
        for member in crew:
            game.kill_crew(side, member, public)
        if public:
            side.prestige -= rules.DEATH_PRESTIGE
            game.change_support(side, -6)
            side.stand_down_until = max(side.stand_down_until, game.state.quarter + 1 + rules.STAND_DOWN_QUARTERS)
            game.log(side.side, "news", "Crewed flights stand down while an inquiry looks for the cause.",
                     SIDES, month)
        else:
            game.change_support(side, -4)
            side.leader_health = max(0.0, side.leader_health - 5)


def _check_goal(game: Game, first_id: str, side: str, month: int) -> None:
    state = game.state
    if state.winner is None and first_id == game.era.goal.first:
        state.winner = side
        state.over = True
        state.end_year, state.end_month = game.year, month


# --- budgets ----------------------------------------------------------------------------

def _budget(game: Game, side: SideState) -> None:
    state = game.state
    side.cash *= 1 - rules.CLAWBACK  # unspent money goes back to the treasury, in part
    if side.side == "ussr" and state.quarter >= ICBM_PRESSURE_FROM and not state.has_first("ussr", "first_icbm"):
        icbm_funded = any(p.funding > 0 and "icbm" in game.content.programmes[pid].provides
                          for pid, p in side.programmes.items())
        if not icbm_funded:
            game.change_support(side, -1.5)  # the military's needs come first
    side.support += (50 - side.support) * SUPPORT_DRIFT
    if state.quarter % 4 == 3:  # the year's end: support sets next year's budget
        side.base_budget *= 1 + side.budget_growth
        side.budget = rules.quarterly_budget(side)
        game.log(side.side, "budget", f"Next year's budget: {side.budget:.0f} a quarter "
                 f"(support {side.support:.0f} %).", (side.side,), 12)
    side.cash += side.budget * (1 - side.bureau_share)
    state.records.setdefault(side.side, []).append(SideRecord(
        state.quarter, side.budget, round(side.prestige, 2), round(side.support, 2),
        {pid: round(p.reliability, 1) for pid, p in side.programmes.items()}))


# --- the end or the next quarter ---------------------------------------------------------

def _end_or_advance(game: Game) -> None:
    state = game.state
    if not state.over and state.quarter >= state.end:
        state.over = True
        state.end_year, state.end_month = game.year, dates.first_month(state.quarter) + 2
        fallback = game.era.goal.fallback
        if fallback != "none":
            usa, ussr = (getattr(state.sides[s], fallback) for s in SIDES)
            state.winner = "usa" if usa > ussr else "ussr" if ussr > usa else None
    if state.over:
        winner = NATION[state.winner] if state.winner else "nobody"
        winner = winner[0].upper() + winner[1:]
        game.log(None, "news", f"The race is over: {winner} wins.")
        for side in state.sides.values():
            side.ready = False
        return
    state.quarter += 1
    state.turn += 1
    for side in state.sides.values():
        side.ready = False
        side.missions = [m for m in side.missions if m.quarter >= state.quarter]
    draw_events(game)
