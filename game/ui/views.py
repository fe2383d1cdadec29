"""What the screens show, worked out from the session: plain functions that return lines of
(text, colour, size[, bold]), or a cell's (text, tooltip, look), so a screen only lays them
out, and a test can read them without a window. They read only what the side may know.
"""

from __future__ import annotations

from game.core import dates, intel, rules
from game.core.state import SHORT, rival_of
from game.ui import art, words
from game.ui.screens.common import arriving

FALLBACK_WORDS = {"prestige": "the higher prestige wins", "expertise": "the greater V-2 expertise wins",
                  "none": "nobody wins"}


def open_firsts_of(game, mission_id: str) -> list[str]:
    """The firsts a mission can still win: those nobody has yet (the rival's are only seconds now)."""
    return [f for f in game.content.missions[mission_id].firsts if game.state.first_holder(f) is None]


def race_lines(session, side: str) -> list[tuple]:
    """The era's goal, what decides it at the end, who has done it, and the firsts so far."""
    game = session.game
    era = game.era
    goal_owner = game.state.first_holder(era.goal.first)
    lines = [(era.goal.description, art.TEXT, 15),
             (f"If nobody has done it by the end of {words.quarter_long(game.state.end)}, "
              f"{FALLBACK_WORDS[era.goal.fallback]}.", art.MUTED, 14)]
    if goal_owner:
        lines.insert(0, (f"{SHORT[goal_owner]} has already done it.", art.ACCENT, 15, True))
    mine = sum(1 for won in game.state.firsts.values() for w in won if w.side == side and w.rank == 0)
    theirs = sum(1 for won in game.state.firsts.values() for w in won if w.side != side and w.rank == 0)
    lines.append((f"Firsts so far: {SHORT[side]} {mine}, {SHORT[rival_of(side)]} {theirs}.  "
                  f"Rival: {session.rival_description()}.", art.MUTED, 14))
    return lines


def quarter_lines(session, side: str) -> list[tuple]:
    """This quarter: each launch booked with the odds its engineers believe, the research money
    against the cash, a stand-down, and the firsts the side's file says the rival may try."""
    game = session.game
    me = game.state.sides[side]
    lines = []
    for mission in sorted((m for m in me.missions if m.quarter == game.state.quarter), key=lambda m: m.month):
        mtype = game.content.missions[mission.type]
        rocket = game.content.programmes[mission.rocket].name
        hardware = game.hardware(side, mtype, mission.rocket, mission.spacecraft)
        odds = "" if isinstance(hardware, str) else \
            f"  \u00b7  {words.percent(game.odds(side, mtype, hardware, [me.crews[c] for c in mission.crew]).success)}"
        crew = f" with {', '.join(me.crews[c].name.split()[-1] for c in mission.crew)}" if mission.crew else ""
        lines.append((f"{words.month_name(mission.month)[:3]}: {mtype.name} on {rocket}{crew}{odds}", art.TEXT, 15))
    if not lines:
        lines = [("No launches booked this quarter. Missions (M) plans one.", art.MUTED, 15)]
    research = sum(p.funding for p in me.programmes.values())
    funded = sum(1 for p in me.programmes.values() if p.funding > 0)
    lines.append((f"Research: {words.count(funded, 'programme')} funded, "
                  f"{words.money(research)} a quarter from {words.money(me.cash)} in hand.",
                  art.BAD if research > me.cash else art.TEXT, 15))
    if me.stand_down_until > game.state.quarter:
        lines.append((f"Crewed flights stand down until {words.quarter_long(me.stand_down_until)}.", art.BAD, 15))
    for _, warning in intel.warnings(game, side):  # from the side's own file: Rival file (I) has more
        lines.append((warning, art.WARN, 15))
    return lines


def planner_notes(session, side: str, mission_id: str | None, reason: str | None, weakest_why: str | None,
                  lacks_only_hardware: bool, spacecraft: str | None = None,
                  chance: float | None = None) -> tuple[list[tuple], int]:
    """What the planner says under the odds, most important first: why it cannot book (unless
    building is all it lacks: the button says that), what makes the weakest step weak, what a
    crewed flight's failure would cost (a long shot at the goal, in full), a first the side's
    file says the rival may take this quarter, the milestones not yet flown, the firsts it can
    win, and the mission. With how many lines at the top must be shown whole."""
    game = session.game
    content = game.content
    notes: list[tuple] = []
    if reason and not lacks_only_hardware:
        notes.append((f"Cannot book: {reason}.", art.BAD, 15, True))
    if weakest_why:
        notes.append((weakest_why, art.TEXT, 14))
    must = len(notes)
    if mission_id is None:
        return notes, must
    mission = content.missions[mission_id]
    if mission.crew_min and spacecraft and chance is not None:
        text, long_shot = failure_cost(game, side, mission, content.programmes[spacecraft].name, chance)
        if text:
            notes.append((text, art.WARN if long_shot else art.TEXT, 14))
            must += long_shot
    open_firsts = open_firsts_of(game, mission_id)
    for flight, warning in intel.warnings(game, side):
        if set(open_firsts).intersection(flight.firsts):  # the rival may take this mission's first first
            notes.append((warning, art.WARN, 14, True))
            must += 1
    points, missing = game.milestone_penalty(side, mission)
    if missing:
        notes.append((f"Milestones not yet flown: {', '.join(missing)} (\u2212{points:.0f} on each step "
                      f"until they are).", art.WARN, 14))
    if open_firsts:
        notes.append(("Can win: " + ", ".join(content.firsts[f].name for f in open_firsts) + ".", art.ACCENT, 14))
    notes.append((mission.description, art.MUTED, 14))
    return notes, must


def failure_cost(game, side: str, mission, craft: str, chance: float) -> tuple[str, bool]:
    """What a failed crewed flight at ``chance`` would cost in quarters without a crew ('' if
    nothing), and whether it is a long shot at the era's goal, reviewed longer than a sound try.
    The rule is ``Game.abort_stand_down``'s: asked at the worst and the best odds, it says
    whether the odds matter for this flight at all."""
    traits = game.content.sides[side]
    aborted = game.abort_stand_down(side, mission, chance)
    long_shot, sound = game.abort_stand_down(side, mission, 0.0), game.abort_stand_down(side, mission, 1.0)
    died = f", a death for {traits.death_stand_down}" if traits.death_stand_down else ""
    stops = f"an abort stops crewed {craft} flights for {words.count(aborted, 'quarter')}" if aborted \
        else f"an abort stops no crewed {craft} flight"
    if long_shot != sound:  # a try at the goal, where odds under goal_abort_below cost more
        below = words.percent(traits.goal_abort_below)
        if aborted == long_shot:
            return f"A long shot at the goal: {stops} (at {below} or better: {sound}){died}.", True
        return f"{words.upper_first(stops)} ({long_shot} for a long shot at the goal, under {below}){died}.", False
    if aborted:
        return f"{words.upper_first(stops)}{died}.", False
    return (f"A death stops crewed {craft} flights for {words.count(traits.death_stand_down, 'quarter')}."
            if traits.death_stand_down else ""), False


def research_summary(session, side: str) -> tuple[str, bool]:
    """What research asks a quarter against the cash and the budget; and whether it asks more
    than the cash in hand."""
    me = session.game.state.sides[side]
    research = sum(p.funding for p in me.programmes.values())
    return (f"Research asks {words.money(research)} a quarter; you have {words.money(me.cash)} in "
            f"hand and {words.money(arriving(me))} arrives each quarter."), research > me.cash


def research_outlook(session, side: str, prog_id: str) -> tuple[str, str]:
    """What a started programme's money buys next quarter, and why: (text, tooltip)."""
    game = session.game
    me = game.state.sides[side]
    definition = game.content.programmes[prog_id]
    state = me.programmes[prog_id]
    if state.delayed_until > game.state.quarter:
        return (f"stands still until {dates.format_quarter(state.delayed_until)}",
                "An event has held up this programme: money spent now buys nothing until then.")
    if state.funding <= 0 and (ended := game.production_ended(definition)):
        in_hand = me.articles.get(prog_id, 0) + len(game.on_order(side, prog_id))
        return (f"no longer built ({in_hand} left)" if in_hand else "no longer built",
                f"{ended}. What is in hand still flies, and research makes that likelier to work.")
    if state.funding <= 0:
        return ("unfunded: no progress" if rules.estimate(state) < definition.cap - 0.5 else "at its best",
                "Without money a programme stands still; flights still teach it something.")
    gain = words.expected_gain(definition, state, state.funding, me.expertise)
    return (f"about +{gain:.1f} points",
            f"At {words.money(state.funding)} a quarter, research should add about {gain:.1f} points "
            f"(between {gain * 0.5:.1f} and {gain * 1.5:.1f}, by luck). The nearer the cap of "
            f"{definition.cap:.0f} %, the slower it goes.")


def road_lines(session, side: str, road_id: str) -> tuple[str, str, str | None, str]:
    """A road to the Moon on the research screen: its title, whether the side follows it (with
    the look for that), and the tooltip that says what it is and what changing to it costs."""
    game = session.game
    me = game.state.sides[side]
    road = game.content.roads[road_id]
    missions = ", ".join(game.content.missions[m].name for m in road.missions)
    marked = " (history\u2019s road)" if road.history else ""
    tip = (f"<b>{road.name}</b>{marked}: {road.description}<br>"
           f"Its programmes: {', '.join(game.content.programmes[p].name for p in road.programmes)}.<br>"
           f"It flies: {missions}{'' if road.lands else ' (round the Moon only: it lands nobody)'}.<br>"
           f"Changing to it from another road costs {words.money(road.switch_cost)} and "
           f"{words.count(road.switch_delay, 'quarter')} of its programmes' work; "
           f"the money in the old road's own programmes is lost.")
    title = road.name + ("  \u00b7  history\u2019s" if road.history else "")
    if me.road == road.id:
        status, kind = "your road", "#good"
    elif me.road is None:
        status, kind = "open: no road chosen yet", "#muted"
    else:
        status, kind = "barred: not your road", "#muted"
    return title, f"{status}  \u00b7  flies {missions}", kind, tip


# --- crews ---------------------------------------------------------------------------------

def crew_heading(session, side: str, corps: str) -> str:
    """The roster's heading: how many of the side's ``corps`` are ready to fly, and how many it has lost."""
    me = session.game.state.sides[side]
    heading = f"Your {corps}: {len(session.game.active_crew(side))} ready to fly"
    lost = sum(1 for c in me.crews.values() if c.status == "dead")
    if lost:
        heading += f", {lost} lost"
    return heading


def crew_bookings(session, side: str) -> dict[str, tuple[str, str]]:
    """Who is booked to fly: crew id -> (the month, short; the mission and its month, for a tooltip)."""
    game = session.game
    out = {}
    for mission in game.state.sides[side].missions:
        for crew_id in mission.crew:
            out[crew_id] = (words.month_name(mission.month)[:3],
                            f"{game.content.missions[mission.type].name}, {words.month_name(mission.month)}")
    return out


def training_gain(crew) -> float:
    """The skill points a quarter of the crew member's training should add (none when not training)."""
    return rules.TRAINING_GAIN * (1 - crew.skill(crew.training) / 100) if crew.training else 0


# --- the file on the rival ---------------------------------------------------------------------

def seen_hardware(session, side: str) -> tuple[list[tuple], str, str]:
    """What the side's file has seen of the rival's hardware: lines for what is built and what is
    being built; a line on the pads found and any out of use; and that line's tooltip, each pad
    with the rockets the file knows it serves."""
    game = session.game
    file = game.state.sides[side].file
    programmes, pads = game.content.programmes, game.content.pads
    built = [f"{n} \u00d7 {programmes[p].name}" for p, n in sorted(file.articles.items())]
    building = [f"{n} \u00d7 {programmes[p].name}" for p, n in sorted(file.building.items())]
    lines = [("Built: " + (", ".join(built) if built else "none seen"), art.TEXT if built else art.MUTED, 14),
             ("Being built: " + (", ".join(building) if building else "none seen"),
              art.TEXT if building else art.MUTED, 14)]
    quarter = game.state.quarter
    names = {pad_id: pads[pad_id].name if pad_id in pads else pad_id for pad_id in file.pads}
    busy = [f"{names[p]} (until {dates.format_quarter(u)})" for p, u in sorted(file.pads.items()) if u > quarter]
    pad_line = (f"Pads: {len(file.pads)} found" + (f"; out of use: {', '.join(busy)}" if busy else ", all usable")
                if file.pads else "Pads: none found yet")
    pad_tip = ("The rival's launch pads your file knows, with the rockets it knows they serve:<br>"
               + "<br>".join(_pad_served(game, file, pad_id, names[pad_id]) for pad_id in sorted(names, key=names.get))
               if names else "Your file has found none of the rival's launch pads yet.")
    return lines, pad_line, pad_tip


def _pad_served(game, file, pad_id: str, name: str) -> str:
    """A pad the file knows, with the rockets it serves that the file knows too."""
    pad = game.content.pads.get(pad_id)
    serves = [game.content.programmes[r].name for r in (pad.serves if pad else ()) if r in file.programmes]
    return f"{name}: {', '.join(serves)}" if serves else name


def likely_lines(session, side: str) -> list[tuple]:
    """The flights the side's file expects the rival may try within a quarter, with the chance
    it gives each and the firsts still open to anyone; those it warns of stand out."""
    game = session.game
    content = game.content
    lines = []
    warned = {id(f) for f, _ in intel.warnings(game, side)}
    for flight in game.state.sides[side].file.likely:
        mission = content.missions[flight.mission]
        kit = content.programmes[flight.rocket].name
        if flight.spacecraft:
            kit = f"{content.programmes[flight.spacecraft].name} on {kit}"
        opened = [content.firsts[f].name for f in flight.firsts if not game.state.firsts.get(f)]
        text = f"{words.percent(flight.chance)}  {mission.name} ({kit})"
        if opened:
            text += ": " + ", ".join(opened).lower()
        lines.append((text, art.WARN if id(flight) in warned else art.TEXT, 14, id(flight) in warned))
    if not lines:
        lines = [("Nothing your file can see them ready to fly.", art.MUTED, 14)]
    return lines


# --- the chronicle -------------------------------------------------------------------------------

STAR = "  \u2022"  # marks the first ever


def first_by(game, first_id: str, side: str) -> tuple[str, str, str]:
    """When a side won a first in this game: (text, tooltip, look); the first ever is starred."""
    mine = next((w for w in game.state.firsts.get(first_id, []) if w.side == side), None)
    if mine is None:
        return "\u2014", f"{words.SIDE_NAME[side]} has not done it yet.", "#muted"
    return (words.month_text(mine.year, mine.month) + (STAR if mine.rank == 0 else ""),
            f"{words.SIDE_NAME[side]}: {dates.MONTH_NAMES[mine.month - 1]} {mine.day}, {mine.year}"
            + (", the first ever." if mine.rank == 0 else ", after the rival."), f"#{side}")


def against_history(game, first) -> tuple[str, str, str | None]:
    """How a first in this game compares with history's date: (text, tooltip, look). Still open,
    it says how far the race has fallen behind history; won, how early or late, and by whom."""
    state = game.state
    won = state.firsts.get(first.id, [])
    hist_year, hist_month = dates.parse_month(first.history.date)
    if not won:
        now = (state.quarter // 4, dates.first_month(state.quarter))
        late = words.months_between((hist_year, hist_month), now)
        if late > 0:
            return (f"{late} months behind history", "The race is slower than history here.", "#muted")
        return ("still open", "Nobody has done it yet.", "#muted")
    winner = won[0]
    if dates.quarter_of_month(winner.year, winner.month) < state.start:
        return ("before this era", "Won before this era began: the era starts from history's state.", "#muted")
    diff = words.months_between((winner.year, winner.month), (hist_year, hist_month))
    when = "same month as history" if diff == 0 else \
        f"{words.count(abs(diff), 'month')} {'early' if diff > 0 else 'late'}"
    other = winner.side != first.history.side
    text = f"{when}{', other side' if other else ''}"
    tip = (f"{words.SIDE_NAME[winner.side]} did it {when.replace('same month as history', 'in the same month as history')}"
           + (f"; in history it was {words.SIDE_NAME[first.history.side]}." if other else "."))
    return (text, tip, "#good" if diff > 0 else "#warn" if diff < 0 else None)


# --- the mission planner ---------------------------------------------------------------------------

def racing(session, side: str, mission_ids) -> dict:
    """Of the missions given, those whose open first the side's file says the rival may fly
    within a quarter: mission -> (the rival's likely flight, the warning)."""
    game = session.game
    warnings = intel.warnings(game, side)
    out = {}
    for mission_id in mission_ids:
        wanted = set(open_firsts_of(game, mission_id))
        found = next(((f, w) for f, w in warnings if wanted.intersection(f.firsts)), None)
        if found is not None:
            out[mission_id] = found
    return out


def beyond_era(session, side: str, mission_id: str) -> str | None:
    """Why these years cannot fly a mission at all: what it needs no programme gives before the era ends."""
    game = session.game
    end = game.state.end
    for capability in game.content.missions[mission_id].needs:
        givers = [p for p in game.content.programmes.values() if capability in p.provides
                  and game.may_have(side, p.id)]
        soonest = [dates.parse_quarter(p.available) if p.available else 0 for p in givers]
        if not soonest or min(soonest) > end:
            return f"not in these years: {words.capability(capability)} comes later"
    return None


def kit_lines(session, side: str, mission_id: str, hardware, second=None) -> list[tuple[str, str]]:
    """What is built of a launch's hardware and what is coming, and its pad: (line, tooltip) each.
    A multi-launch mission's other launch (``second``, its hardware) comes first, with the chance
    it reaches orbit."""
    game = session.game
    content = game.content
    me = game.state.sides[side]
    lines = []
    if second is not None:  # the odds shown are the crew's launch: its partner flies first
        other = content.missions[content.missions[mission_id].joint]
        chance = game.odds(side, other, second, []).success
        lines.append((f"First: {other.name} on {second.rocket.name}, {chance * 100:.0f} %",
                      f"The {words.lower_first(other.name)} flies first, on its own pad; if it fails the crew stays "
                      f"on the ground and the mission has failed. The odds above are the crew's launch."))
    for prog_id in game.articles_needed(hardware):
        prog = content.programmes[prog_id]
        coming = game.on_order(side, prog_id)
        text = f"{prog.name}: {me.articles.get(prog_id, 0)} built"
        if coming:
            text += f", {len(coming)} coming (first {words.quarter_short(coming[0])})"
        done = me.ordered_this_year.get(prog_id, 0)
        if ended := game.production_ended(prog):
            lines.append((text + "; no more are built",
                          f"{ended}. What is in hand still flies, and a launch spends it, whatever comes of the flight."))
            continue
        lines.append((text, f"Each {prog.name} costs {words.money(prog.unit_cost)} and takes "
                            f"{words.count(prog.build_quarters, 'quarter')} to build; "
                            f"at most {prog.per_year} a year ({done} ordered this year). A launch spends it, "
                            f"whatever comes of the flight."
                            + (f" The last may be ordered in {prog.last_order}." if prog.last_order else "")))
    lines.extend(_pad_lines(game, side, hardware))
    return lines


def _pad_lines(game, side: str, hardware) -> list[tuple[str, str]]:
    """The pad a launch would fly from this quarter, or why there is none."""
    pad, reason = game.why_no_pad(side, hardware.rocket)
    if pad:
        return [(f"Pad: {game.content.pads[pad].name}, free this quarter",
                 "A pad launches so many a quarter; an explosion at lift-off can wreck it for quarters.")]
    if not reason:
        return []
    short = reason.split(" (one is free in ")[-1].rstrip(")") if "free in" in reason else None
    text = (f"Pad: none before {reason.rsplit(' ', 1)[-1]}" if " before " in reason
            else f"Pad: free again in {short}" if short else "Pad: all booked this quarter")
    return [(text, f"{reason[0].upper()}{reason[1:]}. Pads open by history's dates, or sooner "
                   "once their rocket is far enough along; an explosion can wreck one.")]
