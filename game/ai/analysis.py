"""What the planner works out from a scenario's content once and keeps: the ways to fly
each mission, what each mission shows a side can do, which events lift a grounding ...

Each is a pure function of the content (and of its key), so a loaded game played on by a
fresh AI is the same game. One ``Analysis`` belongs to each loaded content, held by a weak
reference: it goes when the content goes, and the content itself carries nothing of the
AI's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary, ref

if TYPE_CHECKING:
    from game.content.model import Content


@dataclass
class Analysis:
    kits: dict[str, Any] = field(default_factory=dict)  # side -> mission -> its kits, cheapest first
    availabilities: dict[str, list[int]] = field(default_factory=dict)  # side -> the quarters kits open
    kit_reach: dict[tuple, tuple] = field(default_factory=dict)  # (side, mission) -> (kits' quarters, programmes)
    start_costs: dict[str, float] | None = None  # programme -> its start cost
    goal_missions: dict[tuple, frozenset[str]] = field(default_factory=dict)  # (side, goal) -> missions
    goal_kits: dict[tuple, tuple] = field(default_factory=dict)  # (side, goal) -> (what flies, crewed?)
    goal_kits_by_mission: dict[tuple, tuple] = field(default_factory=dict)  # (side, goal) -> (mission, one-launch kits)
    goal_paths: dict[tuple, frozenset[str]] = field(default_factory=dict)  # the goal and the firsts toward it
    ready_from: dict[Any, int] = field(default_factory=dict)  # kit -> the first quarter it could fly
    skill_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # mission -> skill -> steps
    training_skills: dict[tuple, tuple[str, ...]] = field(default_factory=dict)  # missions -> the skills they call on
    best_kits: dict[tuple, dict] = field(default_factory=dict)  # the planner's best kits by position (_best_kits)
    targets: dict[tuple, list] = field(default_factory=dict)  # the planner's targets by position (_shared_targets)
    liftable: dict[str, frozenset[str]] = field(default_factory=dict)  # side -> programmes an event ungrounds
    demands: dict[str, frozenset[str]] = field(default_factory=dict)  # mission -> what flying it shows
    demonstrated: dict[frozenset, frozenset[str]] = field(default_factory=dict)  # missions flown -> shown
    races: dict[frozenset, frozenset[str]] = field(default_factory=dict)  # missions flown -> likely next
    test_missions: tuple[str, ...] | None = None  # the role: test_flight missions, craft tests first


_ANALYSES: WeakKeyDictionary[Content, Analysis] = WeakKeyDictionary()


_last: tuple[ref | None, Analysis | None] = (None, None)  # the last asked for: the planner asks very often


def of(content: Content) -> Analysis:
    """The content's analysis, made empty the first time it is asked for and filled as used."""
    global _last
    last_ref, last = _last
    if last_ref is not None and last_ref() is content:
        return last
    found = _ANALYSES.get(content)
    if found is None:
        found = _ANALYSES[content] = Analysis()
    _last = (ref(content), found)
    return found
