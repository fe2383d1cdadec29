"""A game being played in the window: the game, who sits at the keyboard, and the rival.

No pygame here, so the turn flow can be tested on its own. The state changes only
through ``game.execute``; the rest is reading it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from game.ai import levels_of, make_agent
from game.core import dates, rules, save
from game.core.commands import DecideInFlight, EndTurn
from game.core.game import Game
from game.core.state import SHORT, SIDES, LaunchReport, rival_of

RIVALS = ("ai", "history", "human")
DIFFICULTIES = ("easy", "normal", "hard")


@dataclass
class Snapshot:
    """A side's figures just before the quarter resolved, for the turn report."""

    cash: float
    budget: float
    prestige: float
    support: float
    estimates: dict[str, float]


@dataclass
class EndTurnOutcome:
    refused: str = ""  # why the turn could not end
    handover_to: str | None = None  # hot-seat: the other side plans now
    resolved: bool = False  # the quarter was played out
    decision: str | None = None  # a flight of this side waits for its player's decision


@dataclass
class Session:
    game: Game
    player: str  # the side of the (first) person at the keyboard
    rival: str  # ai | history | human
    difficulty: str = "normal"
    at_keyboard: str = ""
    note: str = ""  # said on screen once: e.g. the history rival was not available
    agent: object = None
    report_due: set[str] = field(default_factory=set)  # sides that have not seen the last quarter
    resolved_quarter: int | None = None
    before: dict[str, Snapshot] = field(default_factory=dict)
    moments: dict = field(default_factory=dict)  # first -> (frame, headline, line): the great moments seen
    asked_empty: set = field(default_factory=set)  # (side, quarter): asked once before an empty turn ended
    resolving: int | None = None  # the quarter being played out (paused by a decision in flight)

    def __post_init__(self):
        self.at_keyboard = self.at_keyboard or self.player
        if self.rival != "human" and self.agent is None:
            self.agent, self.note = make_rival(self.rival, self.difficulty)
        decision = self.game.state.decision
        if decision is not None:  # a game saved at a decision in flight: its side decides first
            self.resolving = self.game.state.quarter
            if decision.side in self.humans():
                self.at_keyboard = decision.side

    # --- starting -------------------------------------------------------------------

    @classmethod
    def new(cls, content, era: str, side: str, rival: str = "ai", difficulty: str = "normal",
            seed: int = 0, mode: str = "historical") -> Session:
        asked = (rival or "ai").strip().lower()
        rival, difficulty = parse_rival(rival, difficulty)
        agent, note = make_rival(rival, difficulty) if rival != "human" else (None, "")
        levels = levels_of({rival_of(side): agent}) if agent is not None else {}
        session = cls(Game.new(content, era, seed, mode, levels), side, rival, difficulty, note=note, agent=agent)
        if asked not in RIVALS and not asked.startswith("ai:"):
            session.note = f"No rival called {asked!r}: the computer ({difficulty}) plays instead."
        return session

    @classmethod
    def load(cls, content, path: Path) -> Session:
        """Raises ``save.SaveError`` with a message to show."""
        state, meta = save.read(path)
        save.check_against(content, state, str(path))
        side = meta.get("side") if meta.get("side") in SIDES else "usa"
        rival, difficulty = parse_rival(str(meta.get("rival", "ai")), str(meta.get("difficulty", "normal")))
        at_keyboard = meta.get("at_keyboard") if meta.get("at_keyboard") in SIDES else side
        if rival != "human":
            at_keyboard = side
        return cls(Game(content, state), side, rival, difficulty, at_keyboard=at_keyboard)

    def meta(self) -> dict:
        state = self.game.state
        return {"side": self.player, "rival": self.rival, "difficulty": self.difficulty,
                "at_keyboard": self.at_keyboard, "era": state.era, "era_name": self.game.era.name,
                "date": dates.format_quarter(state.quarter), "turn": state.turn, "mode": state.mode,
                "saved": time.strftime("%Y-%m-%d %H:%M")}

    # --- who plays ------------------------------------------------------------------

    @property
    def hot_seat(self) -> bool:
        return self.rival == "human"

    @property
    def side(self) -> str:
        """The side whose plans the screens show now."""
        return self.at_keyboard

    def rival_description(self) -> str:
        if self.hot_seat:
            return "a second player at this keyboard"
        if self.rival == "history":
            return "history"
        return f"the computer ({self.difficulty})"

    # --- the turn -------------------------------------------------------------------

    def end_turn(self) -> EndTurnOutcome:
        game = self.game
        side = self.at_keyboard
        other = rival_of(side)
        if self.hot_seat and not game.state.sides[other].ready:
            result = game.execute(EndTurn(side))
            if not result:
                return EndTurnOutcome(refused=result.reason)
            self.at_keyboard = other
            return EndTurnOutcome(handover_to=other)
        if not self.hot_seat:
            # the rival plans after the player, as the design orders a turn
            reason = EndTurn(side).check(game)
            if reason:
                return EndTurnOutcome(refused=reason)
            game.execute(EndTurn(side))
            self.agent.plan(game, other)
        self.before = {s: snapshot(game, s) for s in SIDES}
        self.resolving = game.state.quarter
        result = game.execute(EndTurn(other if not self.hot_seat else side))
        if not result:  # only a broken rival gets here: say so rather than hang the game
            return EndTurnOutcome(refused=f"the {SHORT[other]} could not end its turn: {result.reason}")
        return self.settle()

    # --- decisions in flight ------------------------------------------------------------

    def waiting_decision(self):
        """The decision in flight the side at the keyboard must take now, if any: never the
        rival's (hot-seat), whose flight and options stay its own."""
        decision = self.game.state.decision
        return decision if decision is not None and decision.side == self.at_keyboard else None

    def decide(self, option: str) -> EndTurnOutcome:
        """The player at the keyboard answers their flight's fault; the quarter goes on."""
        result = self.game.execute(DecideInFlight(self.at_keyboard, option))
        if not result:
            return EndTurnOutcome(refused=result.reason)
        return self.settle()

    def settle(self) -> EndTurnOutcome:
        """Let the computer answer its own decisions in flight and play the quarter out, or
        stop at a player's decision (the keyboard goes to that side)."""
        game = self.game
        while (decision := game.state.decision) is not None:
            if decision.side in self.humans():
                self.at_keyboard = decision.side
                return EndTurnOutcome(decision=decision.side)
            self.agent.decide(game, decision.side)
        self.resolved_quarter = self.resolving
        self.resolving = None
        self.report_due = set(self.humans())
        self.at_keyboard = self.player
        return EndTurnOutcome(resolved=True)

    def humans(self) -> tuple[str, ...]:
        return SIDES if self.hot_seat else (self.player,)

    # --- what a side may see --------------------------------------------------------

    def visible_launches(self, side: str) -> list[LaunchReport]:
        """The last quarter's launches this side may see: the core's rule, the only one."""
        return self.game.visible_launches(side)

    def quarter_news(self, side: str, quarter: int | None = None):
        quarter = self.resolved_quarter if quarter is None else quarter
        return [e for e in self.game.visible_log(side) if e.quarter == quarter]


def snapshot(game: Game, side: str) -> Snapshot:
    s = game.state.sides[side]
    return Snapshot(s.cash, s.budget, s.prestige, s.support,
                    {pid: rules.estimate(p) for pid, p in s.programmes.items()})


def parse_rival(rival: str, difficulty: str = "normal") -> tuple[str, str]:
    """``ai:hard`` (the command line's form) into ("ai", "hard")."""
    rival = (rival or "ai").strip().lower()
    if rival.startswith("ai:"):
        rival, difficulty = "ai", rival[3:]
    if rival not in RIVALS:
        rival = "ai"
    if difficulty not in DIFFICULTIES:
        difficulty = "normal"
    return rival, difficulty


def make_rival(rival: str, difficulty: str):
    """The rival's agent, and a note for the screen when it had to stand in for another."""
    if rival == "history":
        try:
            return make_agent("history"), ""
        except ValueError:
            return make_agent(f"ai:{difficulty}"), (
                f"The history rival is not available yet: the computer ({difficulty}) plays instead.")
    return make_agent(f"ai:{difficulty}"), ""
