"""Roads to the Moon: which way a side goes, and what the choice bars.

The roads are data (``roads.yaml``, ``Content.roads``). A side has chosen none at first
(in the campaign) or history's (the Moon era). Before it chooses every programme and
mission is open to it: the bureaus worked on all the roads in the debate years. Once it
has chosen, a programme on some of its side's roads but not on the chosen one may not be
started or funded, and a mission another road opens may not be flown. Changing road
later is allowed at a price: the new road's ``switch_cost`` now, its programmes standing
still for its ``switch_delay`` quarters, and the money sunk in the old road's own
programmes lost (they are no longer funded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from game.core import dates
from game.core.state import SIDES

if TYPE_CHECKING:
    from game.core.game import Game


_ROADS: WeakKeyDictionary = WeakKeyDictionary()  # content -> side -> its roads (the AI asks every quarter)


def roads_of(game: Game, side: str) -> list:
    """The side's roads, history's first."""
    by_side = _ROADS.get(game.content)
    if by_side is None:
        by_side = _ROADS[game.content] = {}
    if side not in by_side:
        by_side[side] = tuple(sorted((r for r in game.content.roads.values() if r.side == side),
                                     key=lambda r: (not r.history, r.id)))
    return list(by_side[side])


def road_of(game: Game, side: str):
    road = game.state.sides[side].road
    return game.content.roads.get(road) if road else None


def barred(game: Game, side: str, prog_id: str) -> bool:
    """Whether the side's road bars a programme (the AI asks this often: no words made)."""
    road = game.state.sides[side].road
    on = game.content.road_programmes.get(side, {}).get(prog_id)
    return not (road is None or on is None or road in on)


_BARRED: WeakKeyDictionary = WeakKeyDictionary()  # content -> (side, road) -> the programmes barred


def barred_programmes(game: Game, side: str) -> frozenset[str]:
    """Every programme the side's road bars (for the AI, which asks of many at once)."""
    road = game.state.sides[side].road
    by_road = _BARRED.setdefault(game.content, {})
    if (side, road) not in by_road:
        by_road[side, road] = frozenset(pid for pid in game.content.road_programmes.get(side, {})
                                        if barred(game, side, pid))
    return by_road[side, road]


def mission_barred(game: Game, side: str, mission_id: str) -> bool:
    """Whether the side may not fly a mission because of its road (or its lack of one)."""
    on = game.content.road_missions.get(side, {}).get(mission_id)
    return on is not None and game.state.sides[side].road not in on


def why_barred(game: Game, side: str, prog_id: str) -> str | None:
    """Why the side's road bars a programme (from starting or funding), or None."""
    if not barred(game, side, prog_id):
        return None
    road = game.state.sides[side].road
    on = game.content.road_programmes[side][prog_id]
    names = " or ".join(game.content.roads[r].name for r in sorted(on))
    return (f"{game.content.programmes[prog_id].name} belongs to {names}, and the side follows "
            f"{game.content.roads[road].name}: change road first")


def why_mission_barred(game: Game, side: str, mission_id: str) -> str | None:
    """Why the side may not fly a mission that a road opens, or None."""
    on = game.content.road_missions.get(side, {}).get(mission_id)
    if on is None:
        return None
    road = game.state.sides[side].road
    names = " or ".join(game.content.roads[r].name for r in sorted(on))
    if road is None:
        return f"the {game.content.missions[mission_id].name.lower()} needs a road to the Moon: choose {names}"
    if road not in on:
        return (f"the {game.content.missions[mission_id].name.lower()} is flown on {names}, and the side "
                f"follows {game.content.roads[road].name}")
    return None


def why_not_choose(game: Game, side: str, road_id: str) -> str | None:
    road = game.content.roads.get(road_id)
    if road is None:
        return f"no road {road_id!r}"
    if road.side != side:
        return f"{road.name} is not a {side.upper()} road"
    if game.state.quarter < dates.parse_quarter(road.available):
        return f"{road.name} cannot be chosen before {road.available}"
    current = game.state.sides[side].road
    if current == road_id:
        return f"the side already follows {road.name}"
    if current is not None and game.state.sides[side].cash < road.switch_cost:
        return (f"changing to {road.name} costs {road.switch_cost:g}, and only "
                f"{game.state.sides[side].cash:.0f} is in hand")
    return None


def take_road(game: Game, side_id: str, road_id: str) -> None:
    """The side follows a road from now on; from another road, at the new road's price."""
    side = game.state.sides[side_id]
    road = game.content.roads[road_id]
    old = game.content.roads.get(side.road) if side.road else None
    if old is road:
        return
    side.road = road_id
    quarter = game.state.quarter
    lost = 0.0
    for prog_id, prog in side.programmes.items():
        if why_barred(game, side_id, prog_id):
            lost += prog.invested if old is not None and prog_id in old.programmes else 0.0
            prog.funding = 0.0  # an abandoned road's programmes get no more money
    traits = game.content.sides[side_id]
    visible = SIDES if traits.public_failures else (side_id,)  # an open programme announces it
    if old is None:
        game.log(side_id, "news", f"{traits.name} chooses its road to the Moon: {road.name}.", visible)
        return
    side.road_changes += 1
    side.cash -= road.switch_cost
    side.spent += road.switch_cost
    if road.switch_delay:
        for prog_id in road.programmes:
            if prog_id in side.programmes:
                prog = side.programmes[prog_id]
                prog.delayed_until = max(prog.delayed_until, quarter + road.switch_delay)
    game.log(side_id, "news", f"{traits.name} changes road: {old.name} is given up for {road.name} "
             f"({lost:.0f} invested in it is lost; the change costs {road.switch_cost:g} and "
             f"{road.switch_delay} quarter{'s' if road.switch_delay != 1 else ''}).", visible)
