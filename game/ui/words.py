"""Numbers and rules put into words for the screens. No pygame here."""

from __future__ import annotations

import dataclasses
import math

from game.core import dates, rules
from game.core.state import SHORT

LEADER_TITLE = {"usa": "von Braun's team", "ussr": "the Chief Designer"}
SIDE_NAME = {"usa": "United States", "ussr": "Soviet Union"}
QUARTER_MONTHS = {1: "January to March", 2: "April to June", 3: "July to September", 4: "October to December"}
SKILLS = ("piloting", "endurance", "eva", "docking")
SKILL_NAMES = {"piloting": "Piloting", "endurance": "Endurance", "eva": "EVA", "docking": "Docking"}
SKILL_HELP = {
    "piloting": "Flying the craft: re-entry and landings go better with a good pilot aboard.",
    "endurance": "Standing g-forces and long days in orbit.",
    "eva": "Work outside the spacecraft in a suit: spacewalks.",
    "docking": "Finding and joining another spacecraft: rendezvous and docking.",
}


# what each capability a mission needs is, in a player's words: "needs a rocket with {words}"
CAPABILITY_WORDS = {
    "ballistic": "ballistic range", "icbm": "intercontinental (ICBM) range", "own_build": "a home-built design",
    "crew_capsule": "a crew cabin", "multi_crew": "seats for a crew of two or more",
    "maneuver": "engines to change orbit", "eva_capable": "an airlock for spacewalks",
    "circumlunar": "the range to loop round the Moon", "animal_capsule": "a cabin for an animal",
    "satellite": "a satellite", "lunar_probe": "a Moon probe", "lunar_orbit_crew": "room for a crew in lunar orbit",
    "lunar_lander_probe": "a probe that can land on the Moon", "lunar_lander": "a lunar lander",
    "life_support": "life support", "landing_gear": "landing gear", "heat_shield": "a heat shield",
    "guidance": "guidance", "eva_suit": "spacesuits for spacewalks", "escape_system": "a launch escape system",
    "docking_system": "a docking system",
    "direct_lander": "a landing stage that sets the whole ship down on the Moon",
    "orbital_tanker": "a propellant tanker for Earth orbit", "lunar_booster": "a rocket block to push a craft to the Moon",
}


def capability(cap: str) -> str:
    return CAPABILITY_WORDS.get(cap, cap.replace("_", " "))


def skill_word(skill: str) -> str:
    """A skill's name inside a sentence: lower case, but EVA stays EVA."""
    name = SKILL_NAMES.get(skill, skill)
    return name if name.isupper() else name.lower()


def plain(reason: str, content) -> str:
    """A rule's reason as a player reads it: capabilities in words, not their ids, and
    mission names such as 'ICBM test' spelled as they are."""
    import re

    for mission in content.missions.values():
        lowered = mission.name.lower()
        if lowered != mission.name[:1].lower() + mission.name[1:] and lowered in reason:
            reason = reason.replace(lowered, mission.name)
    return re.sub(r"\b(needs (?:a rocket with |a spacecraft with )?)([a-z]+(?:[ _][a-z]+)*)$",
                  lambda m: m.group(1) + capability(m.group(2).replace(" ", "_")), reason)


def fold_repeats(lines: list, key=None) -> list:
    """Runs of the same line said once, with how many: [(line, times)], the run's first line kept.
    ``key`` says what makes two lines the same (the whole line unless told)."""
    same = key or (lambda line: line)
    out: list = []
    for line in lines:
        if out and same(line) == same(out[-1][0]):
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((line, 1))
    return out


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# the first words of names that keep their capital inside a sentence
PROPER_OPENINGS = frozenset({"Earth", "Moon", "Soyuz", "Apollo", "Gemini", "Mercury", "Vostok", "Voskhod", "Saturn"})


def lower_first(text: str) -> str:
    """A name inside a sentence: 'Course to the Moon' -> 'course to the Moon'. A name that
    opens with a proper noun or a code ('Soyuz complex', '9K rocket block') is kept as it is."""
    first = text.split(" ", 1)[0]
    if first[1:2].islower() and first.split("-")[0] not in PROPER_OPENINGS:
        return text[:1].lower() + text[1:]
    return text


def money(amount: float) -> str:
    return f"{amount:,.0f} M" if abs(amount) >= 10 or amount == int(amount) else f"{amount:,.1f} M"


def signed(amount: float, digits: int = 0) -> str:
    text = f"{amount:+.{digits}f}"
    return text.replace("-", "\u2212")


def count(number: int, noun: str) -> str:
    """'1 quarter', '4 quarters': a whole number of a regular noun."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def listed(names: list[str]) -> str:
    """'Grissom', 'Grissom and Young', 'Grissom, White and Chaffee'."""
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def number_keys(count: int) -> str:
    """The number keys that pick one of ``count`` answers: "1", or "1\u20133"."""
    return "1" if count == 1 else f"1\u2013{count}"


def percent(fraction: float) -> str:
    """A chance (0-1) as a percentage a player reads at a glance; never a flat 0 or 100."""
    value = fraction * 100
    if 0 < value < 1:
        return "<1 %"
    if 99 < value < 100:
        return ">99 %"
    return f"{value:.0f} %"


def quarter_short(quarter: int) -> str:
    year, q = dates.split_quarter(quarter)
    first = (q - 1) * 3
    return f"{dates.MONTH_NAMES[first][:3]}\u2013{dates.MONTH_NAMES[first + 2][:3]} {year}"


def quarter_long(quarter: int) -> str:
    year, q = dates.split_quarter(quarter)
    return f"{QUARTER_MONTHS[q]} {year}"


def month_name(month: int) -> str:
    return dates.MONTH_NAMES[month - 1]


def month_text(year: int, month: int) -> str:
    return f"{dates.MONTH_NAMES[month - 1][:3]} {year}"


def months_between(a: tuple[int, int], b: tuple[int, int]) -> int:
    return (b[0] - a[0]) * 12 + (b[1] - a[1])


def turns_left(state) -> int:
    return state.end - state.quarter + 1


def estimate_text(prog_state) -> str:
    return f"{rules.estimate(prog_state):.0f} % \u00b1 {rules.estimate_sd(prog_state):.0f}"


def quarters_to_go(definition, prog_state) -> int:
    """Funded quarters of development a programme still needs to fly unrushed, in whole
    quarters (a level's pace counts a quarter as more than one, so the count may be fractional)."""
    return math.ceil(max(0.0, definition.min_quarters - prog_state.quarters))


def estimate_tip(definition, prog_state) -> str:
    flights = prog_state.flights
    lines = [f"{definition.name}: your engineers believe it works {rules.estimate(prog_state):.0f} % of the time, "
             f"give or take {rules.estimate_sd(prog_state):.0f} points."]
    if flights:
        lines.append(f"Flown {count(flights, 'time')}: {prog_state.successes} worked, "
                     f"{prog_state.failures} failed. Each flight narrows the uncertainty and teaches "
                     "something (a failure more).")
    else:
        lines.append("Never flown: the figure is a guess until it flies.")
    lines.append(f"Research can take it to {definition.cap:.0f} % at most.")
    rushed = rules.rush_penalty(definition, prog_state)
    if rushed:
        left = quarters_to_go(definition, prog_state)
        lines.append(f"Rushed: {count(left, 'more funded quarter')} of development before it "
                     f"flies at its full figure; flown now it loses {rushed:.0f} points.")
    untried = rules.untried_penalty(definition, prog_state)
    if untried:
        lines.append(f"Untried: a {'first' if prog_state.flights == 0 else 'second'} flight loses {untried:.0f} points "
                     "(the faults no test stand finds); an uncrewed test takes that risk off a crew.")
    return "<br>".join(lines)


def expected_gain(definition, prog_state, funding: float, expertise: float) -> float:
    """The reliability a quarter at this funding should add, judged from the estimate
    (the true figure stays hidden), at the average research draw."""
    from game.core.state import ProgrammeState

    believed = ProgrammeState(prog_state.id, rules.estimate(prog_state), quarters=prog_state.quarters)
    return rules.research_gain(definition, believed, funding, expertise, 1.0)


def funding_step(definition) -> float:
    scale = rules.funding_scale(definition)
    for step in (1, 2, 5, 10, 20, 50):
        if scale / step <= 4:
            return float(step)
    return 100.0


# --- event effects ------------------------------------------------------------------------

# effects said by one template each: whose (empty for the side itself), the programme's
# name, the signed amount, the quarters
EFFECT_WORDS = {
    "budget": "{whose}budget {amount} M a quarter from now on",
    "support": "{whose}support {amount}",
    "prestige": "{whose}prestige {amount}",
    "expertise": "{whose}V-2 expertise {amount}",
    "leader_health": "{whose}the Chief Designer's health {amount}",
    "crew_morale": "{whose}crew morale {amount}",
    "reliability": "{whose}{prog} reliability {amount} points",
    "start_programme": "starts {whose}{prog} at no cost",
    "ground": "{whose}{prog} may not fly",  # (for some quarters: describe_effect)
    "unground": "{whose}{prog} may fly again",
    "stand_down": "{whose}no crewed flights for {quarters} quarters",
}


def describe_effect(clause, content, side: str) -> str | None:
    """One effect of an event choice in words, or None for bookkeeping a player need not see."""
    whose = "" if getattr(clause, "target", "self") == "self" else f"the {SHORT['ussr' if side == 'usa' else 'usa']}'s "
    programme = getattr(clause, "programme", "")
    prog = content.programmes[programme].name if programme in content.programmes else programme
    amount = getattr(clause, "amount", 0)
    kind = clause.type
    if kind == "money":
        if whose:
            return f"{whose}cash {signed(amount)} M"
        return f"costs {money(-amount)} now" if amount < 0 else f"brings {money(amount)} now"
    if kind == "ground" and clause.quarters:
        return f"{whose}{prog} may not fly for {count(clause.quarters, 'quarter')}"
    if kind in EFFECT_WORDS:
        return EFFECT_WORDS[kind].format(whose=whose, prog=prog, amount=signed(amount), quarters=getattr(clause, "quarters", None))
    if kind == "leader":
        return f"{clause.name} takes over {whose or 'the programme'}".rstrip()
    if kind == "bureau_share":
        rival = "ussr" if side == "usa" else "usa"
        hit = side if getattr(clause, "target", "self") == "self" else rival
        return f"{rival_services(hit)} take {signed(amount * 100)} % of {whose or 'your '}budget"
    if kind == "delay":
        return f"{whose}{prog} research stands still for {count(clause.quarters, 'quarter')}"
    if kind == "recruit":
        return _recruit_words(clause)
    if kind == "lose_crew":
        return f"{clause.count} of {whose or 'your '}crew die{'s' if clause.count == 1 else ''}"
    if kind == "news":
        return "the world hears of it" if clause.public else None
    if kind == "choose_road":
        road = content.roads.get(clause.road)
        return f"{whose}road to the Moon: {road.name if road else clause.road}"
    return None  # flags: they only shape what comes later


def rival_services(side: str) -> str:
    """Who takes a share of a side's budget first: the Soviet design bureaus, the American services."""
    return "rival design bureaus" if side == "ussr" else "the Army's and Air Force's own programmes"


def describe_choice(choice, content, side: str) -> str:
    parts = [d for d in (describe_effect(c, content, side) for c in choice.effects) if d]
    if any(c.type in ("set_flag", "clear_flag") for c in choice.effects):
        parts.append("shapes what comes later")
    return "; ".join(parts) if parts else "no immediate effect"


# --- what drives a step's chance ------------------------------------------------------------------


def step_parts(driver) -> list[str]:
    """The parts of a step's chance in a few words each: the programme first."""
    parts = [f"{driver.programme.name} {driver.estimate:.0f} %"]
    if driver.rush >= 0.5:
        parts.append(f"rushed \u2212{driver.rush:.0f}")
    if driver.untried >= 0.5:
        parts.append(f"untried \u2212{driver.untried:.0f}")
    if driver.skill and abs(driver.crew) >= 0.5:
        parts.append(f"crew {skill_word(driver.skill)} {signed(driver.crew)}")
    elif driver.skill:
        parts.append(f"crew {skill_word(driver.skill)}")
    if abs(driver.difficulty) >= 0.5:
        parts.append(f"hard \u2212{driver.difficulty:.0f}" if driver.difficulty > 0 else
                     f"easy +{-driver.difficulty:.0f}")
    if driver.milestones >= 0.5:
        parts.append(f"milestones missed \u2212{driver.milestones:.0f}")
    return parts


def step_why(driver, state=None, chance: bool = True) -> str:
    """A sentence on what sets a step's chance, for the weakest step and every step's tooltip."""
    prog = driver.programme
    said = (f"{percent(driver.chance)}. " if chance else "") + f"{prog.name} is believed {driver.estimate:.0f} % reliable"
    if driver.rush >= 0.5:
        to_go = f"; {quarters_to_go(prog, state)} funded quarters to go" if state is not None else ""
        said += (f" but rushed (\u2212{driver.rush:.0f}{to_go}), so "
                 f"{max(1.0, driver.estimate - driver.rush):.0f} % if flown now")
    if driver.untried >= 0.5:
        said += (f"; {'flown once' if state is not None and state.flights else 'never flown'}, it loses "
                 f"\u2212{driver.untried:.0f} (an uncrewed test takes that risk off a crew)")
    if driver.share > 1:
        said += f"; over its {driver.share} steps, {driver.hardware:.0f} % each"
    if driver.skill:
        said += (f"; crew {skill_word(driver.skill)} and morale "
                 + (f"+{driver.crew:.0f}" if driver.crew >= 0.5 else
                    f"\u2212{-driver.crew:.0f}" if driver.crew <= -0.5 else "\u00b10"))
    if driver.difficulty >= 0.5:
        said += f"; the step is hard: \u2212{driver.difficulty:.0f}"
    elif driver.difficulty <= -0.5:
        said += f"; the step is easy: +{-driver.difficulty:.0f}"
    if driver.milestones >= 0.5:
        said += f"; the missions that should come first have not flown: \u2212{driver.milestones:.0f}"
    return said + "."


def _recruit_words(clause) -> str:
    """Who joins, their skills where the card sets them, and how long they train: the
    choices on a crew card differ in these."""
    joining = len(clause.names)
    defaults = {f.name: f.default for f in dataclasses.fields(clause)}
    named = {skill: name if name.isupper() else name.lower() for skill, name in SKILL_NAMES.items()}  # EVA stays
    skills = [f"{named[skill]} {getattr(clause, skill):.0f}" for skill in SKILL_NAMES
              if getattr(clause, skill) != defaults[skill]]
    said = f"{count(joining, 'new crew member')} join{'s' if joining == 1 else ''}"
    if skills:
        said += f" ({', '.join(skills)})"
    training = clause.training
    return said + (f", ready to fly after {count(training, 'quarter')} of training"
                   if training else ", ready to fly at once")


def level_edge(level) -> str:
    """What a level of the computer rival is given beyond its judgement (levels.yaml), said
    beside the level: '' for none."""
    if level is None:
        return ""
    parts = []
    for factor, what in ((level.budget, "money"), (level.research, "from its research")):
        if abs(factor - 1) >= 0.005:
            parts.append(f"{abs(factor - 1) * 100:.0f} % {'more' if factor > 1 else 'less'} {what}")
    if abs(level.pace - 1) >= 0.005:  # development counted faster: a rushed craft is ready sooner
        parts.append(f"{abs(1 - 1 / level.pace) * 100:.0f} % {'quicker' if level.pace > 1 else 'slower'} development")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"Given {listed}."
