"""Resolving a quarter, in the design's order: research, launches by month, budgets,
news; then the winning rule and the next quarter, whose event cards are drawn as it opens
(``draw_events``), so a card reaches the player in the quarter its text is dated.

Within a quarter both sides' launches interleave by month and, inside a month, by a day
drawn for each launch; a first goes to the earlier launch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core import dates, eventtypes, inflight, intel, rules
from game.core.state import (
    SIDES,
    FiredEvent,
    FirstWon,
    LaunchReport,
    Mission,
    QueuedLaunch,
    SideRecord,
    SideState,
    StepResult,
    rival_of,
)

if TYPE_CHECKING:
    from game.core.game import Game

EVENTS_PER_SIDE_PER_QUARTER = 3  # more than this buries the player in cards
REPEAT_COOLDOWN = 4  # quarters before an event that is not "once" may come again
SUPPORT_DRIFT = 0.03  # support drifts back toward 50 by this share each quarter


def resolve_quarter(game: Game) -> list[LaunchReport]:
    state = game.state
    state.launches = []
    state.researched = False
    _launches(game)
    return resume_quarter(game)


def resume_quarter(game: Game) -> list[LaunchReport]:
    """Fly the quarter's launches still queued, then its budgets and its end. A decision in
    flight (``inflight``) pauses it here: ``commands.DecideInFlight`` brings it back."""
    state = game.state
    while state.queue and state.decision is None:
        queued = state.queue.pop(0)
        side = state.sides[queued.side]
        mission = next(m for m in side.missions if m.id == queued.mission_id)
        side.missions.remove(mission)
        if state.over:  # the goal was won earlier this quarter: the race is over, nobody flies
            continue
        if game.content.missions[mission.type].joint:
            from game.core import joint  # (joint.py builds on this module's helpers)
            joint.fly(game, mission, queued.month, queued.day)  # two launches that meet in orbit
        else:
            _fly(game, mission, queued.month, queued.day)
    if state.decision is not None:
        return state.launches
    # the quarter's work comes after its launches: a flight flies the hardware its side saw
    # when it booked it. (Before, a rushed kit gained a quarter's development between the
    # booking and the flight: a landing shown at one chance in ten flew at one in three, and
    # a player who booked whatever the odds knew better than the odds shown.)
    if not state.researched:
        for side in SIDES:
            _research(game, state.sides[side])
        state.researched = True
    for side in SIDES:
        _budget(game, state.sides[side])
    _end_or_advance(game)
    intel.survey_all(game)  # each side's file on the other, as the new quarter opens
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
        gain = rules.research_gain(definition, prog, money, side.expertise,
                                   game.state.rng.uniform(0.5, 1.5)) * side.research_edge
        prog.reliability = min(definition.cap, prog.reliability + gain)
        if money > 0:
            prog.quarters += side.pace
    strain = game.content.sides[side.side].leader_strain
    if strain is not None:
        over = len(active) - strain.free_programmes
        rest = strain.rest if over <= -strain.rest_margin else 0.0
        side.leader_health = min(100.0, max(0.0, side.leader_health - max(0, over) * strain.per_programme + rest))
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
    return all(eventtypes.holds(game, side, c) for c in clauses)


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

LAUNCH_GAP_DAYS = 3  # between a side's launches of one month: one launch team and range at a time


def _launches(game: Game) -> None:
    """The quarter's launches in the order they fly. Each side's launches of a month fly one
    after another, in the order booked, from one drawn day: a day drawn for each booking
    would fly the first of three on the earliest of three days, so that booking more
    flights in a month would buy an earlier first one against the rival."""
    state = game.state
    booked = [m for side in SIDES for m in state.sides[side].missions if m.quarter == state.quarter]
    slots: dict[tuple[str, int], list] = {}  # (side, month) -> [first day, tie-break, launches so far]
    keyed = []
    for m in booked:
        slot = slots.get((m.side, m.month))
        if slot is None:
            slot = slots[(m.side, m.month)] = [state.rng.below(28) + 1, state.rng.random(), 0]
        first_day, tie, before = slot
        keyed.append(((m.month, min(28, first_day + LAUNCH_GAP_DAYS * before), tie, before), m))
        slot[2] += 1
    keyed.sort(key=lambda pair: pair[0])
    state.queue = [QueuedLaunch(m.side, m.id, month, day) for (month, day, _, _), m in keyed]


def _aboard(game: Game, booked: Mission) -> tuple:
    """A booked flight's side, mission type, hardware (or why it cannot fly) and crew, as they
    stand now: its start, a flight resumed after a decision, and its landing all ask."""
    side = game.state.sides[booked.side]
    mission = game.content.missions[booked.type]
    hardware = game.hardware(booked.side, mission, booked.rocket, booked.spacecraft)
    return side, mission, hardware, [side.crews[c] for c in booked.crew if c in side.crews]


def _fly(game: Game, booked: Mission, month: int, day: int) -> None:
    side, mission, hardware, crew = _aboard(game, booked)
    public = game.content.sides[booked.side].public_failures  # else only successes are announced
    report = LaunchReport(booked.id, booked.side, booked.type, booked.rocket, booked.spacecraft,
                          [c.name for c in crew], game.year, month, day, [], "scrubbed", [], public,
                          booked.expected, booked.pad)
    scrub_reason = None
    if isinstance(hardware, str):
        scrub_reason = hardware
    elif held := game.why_not_fly_now(booked.side, mission, hardware):
        scrub_reason = held
    elif mission.crew_min and (len(crew) < mission.crew_min or any(c.status != "active" for c in crew)):
        scrub_reason = "no crew fit to fly"
    if scrub_reason:
        take_off_schedule(game, booked, report, scrub_reason)
        return
    chances = game.step_chances(booked.side, mission, hardware, crew, believed=False)
    fly_on(game, booked, report, chances, {}, 0)


def fly_on(game: Game, booked: Mission, report: LaunchReport, chances: list[float],
           flown: dict[str, bool], start: int) -> None:
    """Roll a flight's steps from ``start`` and land it; a fault stops it for a decision."""
    _, mission, hardware, crew = _aboard(game, booked)

    def stop(index: int) -> bool:  # the flight waits for its side's decision (inflight.resolve)
        return inflight.stop_for_fault(game, booked, hardware, report, chances, flown, index)

    outcome = roll_steps(game, booked.side, mission, hardware, crew, chances, report, flown, start, stop=stop)
    if outcome is not None:
        land(game, booked, report, flown, outcome)


def roll_steps(game: Game, side_id: str, mission, hardware, crew, chances: list[float], report: LaunchReport,
               flown: dict[str, bool], start: int = 0, can_scrub: bool = True, stop=None) -> str | None:
    """Each step from ``start`` against its chance, into the report and ``flown`` (programme ->
    whether it failed): the flight's outcome, or None when ``stop(index)`` halted it at a
    failed step after the first (a fault waiting for a decision)."""
    rng = game.state.rng
    owned = game.state.sides[side_id].programmes
    for index, (step, prog, chance) in enumerate(zip(mission.steps, hardware.by_step, chances, strict=True)):
        if index < start:
            continue
        flown.setdefault(prog.id, False)
        if rng.random() < chance:
            report.steps.append(StepResult(step.id, step.name, chance, "success"))
            continue
        flown[prog.id] = True
        if stop is not None and index > 0 and stop(index):
            return None
        result = step_failure(game, step, index, hardware, bool(crew), owned, can_scrub)
        report.steps.append(StepResult(step.id, step.name, chance, result))
        for later in mission.steps[index + 1:]:
            report.steps.append(StepResult(later.id, later.name, 0.0, "skipped"))
        return OUTCOME_OF[result]
    return "success"


OUTCOME_OF = {"scrub": "scrubbed", "abort": "aborted", "loss": "lost", "death": "crew_lost"}  # a step's, the flight's


def step_failure(game: Game, step, index: int, hardware, crewed: bool, owned, can_scrub: bool = True) -> str:
    """How a failed step ends: a scrub (the first step only, if the flight may wait), an
    abort, or a loss; a loss with a crew aboard is a death unless the escape system saves them."""
    rng = game.state.rng
    roll = rng.random()
    if roll < step.scrub and index == 0:
        result = "scrub" if can_scrub else "abort"
    elif roll < step.scrub + step.abort:
        result = "abort"
    else:
        result = "loss"
    if result == "loss" and crewed:
        saved = step.escape and hardware.escape is not None and rng.random() < rules.effective(
            hardware.escape, owned[hardware.escape.id], False)
        result = "abort" if saved else "death"
    return result


def land(game: Game, booked: Mission, report: LaunchReport, flown: dict[str, bool], outcome: str) -> None:
    """A flight's end, whatever it was: what was learnt, the pad, the news, the firsts."""
    side, mission, hardware, crew = _aboard(game, booked)
    if outcome == "scrubbed":
        scrubbed = next(s for s in report.steps if s.outcome == "scrub")
        _rebook(game, booked, report, f"{scrubbed.name} scrubbed")
        return
    record_flight(game, booked.side, report, outcome, flown, booked)
    conclude(game, side, mission, booked, hardware, crew, report, outcome)


def record_flight(game: Game, side_id: str, report: LaunchReport, outcome: str, flown: dict[str, bool],
                  pad_of) -> None:
    """What every launch that flew leaves behind: lessons, the count, the report, the pad's
    use (``pad_of``: what names the side and the pad, a booked mission or its other launch)
    and any inquiry."""
    owned = game.state.sides[side_id].programmes
    for prog_id, failed in flown.items():
        rules.learn_from_flight(game.content.programmes[prog_id], owned[prog_id], failed)
    game.state.sides[side_id].launches += 1
    report.outcome = outcome
    game.state.launches.append(report)
    lift_off_lost = outcome in ("lost", "crew_lost") and report.steps[0].outcome in ("loss", "death")
    _use_pad(game, pad_of, lift_off_lost, report.month)
    _inquiries(game, side_id, flown, report.month)


def conclude(game: Game, side: SideState, mission, booked: Mission, hardware, crew, report: LaunchReport,
             outcome: str) -> None:
    """The news of a flight that flew, and what its success or failure brings."""
    who = f"{game.content.sides[booked.side].name}: {mission.name} on {hardware.rocket.name}"
    if crew:
        who += f" with {', '.join(c.name for c in crew)}"
    if outcome == "success":
        _success(game, side, mission, booked, crew, report, report.month, report.day, who)
    else:
        _failure(game, side, mission, crew, report, report.month, who, outcome)


def _use_pad(game: Game, booked: Mission, lift_off_lost: bool, month: int) -> None:
    """A launch takes its pad out of use for its turnaround; a loss at lift-off may wreck it."""
    pad = game.content.pads.get(booked.pad) if booked.pad else None
    if pad is None:
        return
    side = game.state.sides[booked.side]
    quarter = game.state.quarter
    if pad.turnaround:
        side.pads[pad.id] = max(side.pads.get(pad.id, 0), quarter + 1 + pad.turnaround)
    if lift_off_lost and game.state.rng.chance(pad.wreck_chance):
        side.pads[pad.id] = max(side.pads.get(pad.id, 0), quarter + 1 + pad.wreck_quarters)
        public = game.content.sides[booked.side].public_failures
        game.log(booked.side, "news", f"The explosion wrecked {pad.name}: it is rebuilt by "
                 f"{dates.format_quarter(side.pads[pad.id])}.", SIDES if public else (booked.side,), month)


def _inquiries(game: Game, side_id: str, flown: dict[str, bool], month: int) -> None:
    """A vehicle that fails again and again is stood down while an inquiry finds out why."""
    traits = game.content.sides[side_id]
    owned = game.state.sides[side_id].programmes
    for prog_id, failed in flown.items():
        prog = game.content.programmes[prog_id]
        if prog.kind == "component":
            continue  # the inquiry is into the vehicle that carried the faulty part
        state = owned[prog_id]
        state.failure_streak = state.failure_streak + 1 if failed else 0
        if state.failure_streak >= traits.inquiry_failures and traits.inquiry_quarters:
            state.failure_streak = 0
            state.inquiry_until = game.state.quarter + 1 + traits.inquiry_quarters
            visible = SIDES if traits.public_failures else (side_id,)
            game.log(side_id, "news", f"After {traits.inquiry_failures} failures in a row, an inquiry stands "
                     f"{prog.name} down until {dates.format_quarter(state.inquiry_until)}.", visible, month)


def take_off_schedule(game: Game, booked: Mission, report: LaunchReport, reason: str) -> None:
    """A flight that cannot leave the ground (its craft stood down, its crew gone) is taken off
    the schedule and its hardware goes back to stock: rebooked, it would wait out a stand-down
    of a year or more quarter by quarter, its rocket and craft locked up for nothing."""
    state = game.state
    report.outcome = "scrubbed"
    state.launches.append(report)
    unbook(state.sides[booked.side], booked)
    game.log(booked.side, "launch", f"{game.content.missions[booked.type].name} taken off the schedule: "
             f"{reason}. Its hardware goes back to stock.", (booked.side,), report.month)


def unbook(side: SideState, booked: Mission) -> None:
    """A booked flight's hardware goes back to stock (and what an old save paid for it, to the cash)."""
    for article in booked.articles:
        side.articles[article] = side.articles.get(article, 0) + 1
    side.cash += booked.cost
    side.spent -= booked.cost


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
    traits = game.content.sides[side.side]
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
        if rank == 0:  # the report's firsts are the firsts ever; a second is not one
            report.firsts.append(first_id)
        won_any = True
        first = game.content.firsts[first_id]
        value = first.prestige * (1.0 if rank == 0 else rules.SECOND_SHARE)
        side.prestige += value
        game.change_support(side, value * traits.support_from_own_first)
        if rank == 0:
            rival = state.sides[rival_of(side.side)]
            game.change_support(rival, value * game.content.sides[rival.side].support_from_rival_first)
            headline = first.headline.format(nation=traits.nation, mission=mission.name) if first.headline \
                else f"{traits.nation} achieves the {first.name.lower()}."
            headline = headline[0].upper() + headline[1:]  # "the United States ..." opens a sentence
            game.log(side.side, "first", headline, SIDES, month)
        _check_goal(game, first_id, side.side, month)
    if not won_any:
        side.prestige += mission.prestige * traits.success_prestige_share
    # Soviet missile tests were secret: a first is announced, the test itself is not
    game.log(side.side, "launch", f"{who}: success.", (side.side,) if game.secret_test(report) else SIDES, month)


def _failure(game, side: SideState, mission, crew, report, month, who, outcome) -> None:
    traits = game.content.sides[side.side]
    public = traits.public_failures
    side.failures += 1
    visible = SIDES if public else (side.side,)
    side.prestige -= traits.failure_prestige
    game.change_support(side, traits.failure_support)
    text = {"aborted": "aborted", "lost": "vehicle lost", "crew_lost": "the crew is lost"}[outcome]
    game.log(side.side, "launch", f"{who}: {text}.", visible, month)
    craft = game.content.programmes.get(report.spacecraft or "")
    stand_down = game.abort_stand_down(side.side, mission, report.expected)
    if outcome == "aborted" and crew and craft is not None and stand_down:
        # a crew brought home from a failed flight: the craft is checked before it carries another
        _stand_down_crews(game, side, craft, stand_down, visible, month)
    if outcome == "crew_lost":
        for member in crew:
            game.kill_crew(side, member, public)
        side.prestige -= traits.death_prestige
        game.change_support(side, traits.death_support)
        side.leader_health = max(0.0, side.leader_health + traits.death_leader_health)
        if traits.death_stand_down and craft is not None:
            _stand_down_crews(game, side, craft, traits.death_stand_down, visible, month)


def _stand_down_crews(game: Game, side: SideState, craft, quarters: int, visible, month: int) -> None:
    """The spacecraft carries no crew for the quarters after this one while an inquiry works."""
    craft_state = side.programmes[craft.id]
    craft_state.crewed_until = max(craft_state.crewed_until, game.state.quarter + 1 + quarters)
    game.log(side.side, "news", f"{craft.name} carries no crew until "
             f"{dates.format_quarter(craft_state.crewed_until)} while an inquiry looks for the cause.", visible, month)


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
    priority = game.content.sides[side.side].military_priority
    if priority is not None and state.quarter >= dates.parse_quarter(priority.from_) \
            and not state.has_first(side.side, priority.first):
        obeyed = any(p.funding > 0 and priority.capability in game.content.programmes[pid].provides
                     for pid, p in side.programmes.items())
        if not obeyed:
            game.change_support(side, priority.support)  # the military's needs come first
    side.support += (50 - side.support) * SUPPORT_DRIFT
    _review(game, side)
    if state.quarter % 4 == 3:  # the year's end: support sets next year's budget
        side.ordered_this_year.clear()  # the factories' new year
        side.base_budget *= 1 + side.budget_growth
        side.budget = rules.quarterly_budget(side)
        game.log(side.side, "budget", f"Next year's budget: {side.budget:.0f} a quarter "
                 f"(support {side.support:.0f} %).", (side.side,), 12)
    side.cash += side.budget * (1 - side.bureau_share)
    state.records.setdefault(side.side, []).append(SideRecord(
        state.quarter, side.budget, round(side.prestige, 2), round(side.support, 2),
        {pid: round(p.reliability, 1) for pid, p in side.programmes.items()}))


def _review(game: Game, side: SideState) -> None:
    """Standing under the line quarter after quarter ends the programme head's tenure."""
    review = game.content.sides[side.side].review
    state = game.state
    if review is None or state.over:
        return
    side.low_support = side.low_support + 1 if side.support < review.support_below else 0
    left = review.quarters - side.low_support
    if side.low_support >= review.quarters:
        state.over, state.dismissed = True, side.side
        state.winner = rival_of(side.side)
        state.end_year, state.end_month = game.year, dates.first_month(state.quarter) + 2
        game.log(side.side, "news", f"{side.leader} is replaced: support stayed under "
                 f"{review.support_below:g} % for {review.quarters} quarters.", SIDES, 12)
    elif side.low_support >= review.warn_after:
        game.log(side.side, "news", f"Warning: support is under {review.support_below:g} %. "
                 f"{left} more quarter{'s' if left != 1 else ''} like this and {side.leader} is replaced.",
                 (side.side,), 12)


# --- the end or the next quarter ---------------------------------------------------------

def _end_or_advance(game: Game) -> None:
    state = game.state
    if not state.over and state.quarter >= state.end:
        state.over = True
        state.end_year, state.end_month = game.year, dates.first_month(state.quarter) + 2
        fallback = game.era.goal.fallback
        if fallback != "none":
            scores = sorted(((getattr(state.sides[s], fallback), s) for s in SIDES), reverse=True)
            state.winner = scores[0][1] if scores[0][0] > scores[1][0] else None  # a tie is a draw
    if state.over:
        winner = game.content.sides[state.winner].nation if state.winner else "nobody"
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
        _deliver(side, state.quarter)
        _lift_groundings(game, side)
    draw_events(game)


def _lift_groundings(game: Game, side: SideState) -> None:
    """A timed grounding (an event's ``ground`` with ``quarters``) ends when its time is served."""
    for programme, until in sorted(side.grounded_until.items()):
        if until <= game.state.quarter:
            eventtypes.unground(side.grounded, side.grounded_until, programme)
            game.log(side.side, "news", f"{game.content.programmes[programme].name} may fly again.", (side.side,))


def _deliver(side: SideState, quarter: int) -> None:
    """Ordered hardware whose build time is served joins the stock."""
    if not any(o.ready <= quarter for o in side.orders):
        return
    for order in side.orders:
        if order.ready <= quarter:
            side.articles[order.programme] = side.articles.get(order.programme, 0) + 1
    side.orders = [o for o in side.orders if o.ready > quarter]
