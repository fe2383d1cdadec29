"""The history rival: it plays a side as history did, through the same commands and dice.

Each quarter it (1) answers events with the choice history made (else the one the
writers weigh highest), (2) starts each programme in the quarter history started it
(``scenarios/history.yaml``), with any requirement still missing, (3) books history's
launches in their months, and (4) funds the programmes those launches fly, as the
normal planner does. A launch history needed to succeed is booked again the next
quarter when it failed, was scrubbed or could not fly yet; a test is flown once. The
plan is read afresh from the game's state each quarter, so a loaded game goes on as it
would have.

Where the plan cannot be followed it uses the planner's judgement (``PlanningAI``, which
it extends): it picks the crew, flies an uncrewed test first when a crew's odds look
deadly, and once history's launches are all flown it plays on as the planner.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.ai.planner import Level, PlanningAI
from game.core import commands, dates, rules
from game.core.game import Game

HORIZON = 24  # quarters ahead: the programmes of launches this close are funded toward their flight
TRAINING_AHEAD = 3  # crewed launches of history's plan the crews train toward at once
CREW_LOSS_LIMIT = 0.3  # a believed chance of losing the crew above this grounds the crew (Korolev's rule)

# The planner's "normal" judgement, with history's priorities: most of the money into the
# programmes history's next launches need, until they are about as good as they can be.
HISTORY_LEVEL = Level(name="history", description="Follows the real programme's decisions and dates.",
                      research_share=0.85, success_needed=0.6, crew_risk=0.12, tests_before_crew=1, focus=2,
                      reads_events=True, reliability_goal=99, uncrewed_goal_odds=0.45, test_odds=0.1)


@dataclass(frozen=True)
class Due:
    """A launch of history's plan that should be booked this quarter."""

    launch: object  # model.HistoryLaunch
    month: int  # the calendar month of this quarter to book it in
    quarter: int  # history's quarter for it (earlier than now: it is being tried again)


class HistoryAgent(PlanningAI):
    def __init__(self):
        super().__init__("normal")
        self.level = HISTORY_LEVEL

    def decide(self, game: Game, side: str) -> None:
        """What the crew did then, where history had the fault; else the safest."""
        from game.ai import decide

        decide.answer(game, side, decide.as_history)

    def plan(self, game: Game, side: str) -> None:
        history = game.content.history.get(side)
        self._answer_as_history(game, side)
        if history is None or not self._outstanding(game, side, history):
            super().plan(game, side)  # history has nothing more to say: the planner plays on
            return
        self._start_programmes(game, side, history)
        self._order_ahead(game, side, history)
        due = self._due(game, side, history)
        self._book(game, side, due)
        self._fund(game, side, self._upcoming(game, side, history))
        self._train(game, side, self._crewed_soon(game, side, history))

    # --- events ---------------------------------------------------------------------

    def _answer_as_history(self, game: Game, side: str) -> None:
        for event_id in list(game.state.sides[side].pending_events):
            event = game.content.events[event_id]
            choice = next((c for c in event.choices if c.history), None) \
                or max(event.choices, key=lambda c: c.ai_weight)
            game.execute(commands.AnswerEvent(side, event_id, choice.id))

    # --- programmes -----------------------------------------------------------------

    def _start_programmes(self, game: Game, side: str, history) -> None:
        """Start each programme whose quarter has come, its missing requirements first."""
        now = game.state.quarter
        owned = game.state.sides[side].programmes
        for prog_id, quarter in sorted(history.programmes.items(), key=lambda item: (item[1], item[0])):
            if prog_id in owned or dates.parse_quarter(quarter) > now:
                continue
            if not self._start_with_requirements(game, side, prog_id):
                return  # wait for the money (or the date): later programmes wait behind it

    def _start_with_requirements(self, game: Game, side: str, prog_id: str) -> bool:
        owned = game.state.sides[side].programmes
        if prog_id in owned:
            return True
        for required in game.content.programmes[prog_id].requires:
            if not self._start_with_requirements(game, side, required):
                return False
        command = commands.StartProgramme(side, prog_id)
        return command.check(game) is None and bool(game.execute(command))

    # --- launches -------------------------------------------------------------------

    def _plan_launches(self, game: Game, history) -> list[tuple[int, object]]:
        """History's launches from the era's start on, each with its quarter."""
        start = game.state.start
        return [(q, launch) for launch in history.launches
                if (q := dates.quarter_of_month(*dates.parse_month(launch.month))) >= start]

    def _outstanding(self, game: Game, side: str, history) -> list[tuple[int, object]]:
        """Launches still to fly: tests not yet past, and needed successes not yet had.

        The n-th needed launch of a mission type is done once the side has n successes of
        that type since the era began (a test that succeeds counts too). One that failed is
        tried again only while it can still win the side a first: another flight has done
        its work otherwise."""
        state = game.state
        flown = state.sides[side].flown
        rank: Counter[str] = Counter()
        outstanding = []
        for quarter, launch in self._plan_launches(game, history):
            if launch.test:
                if quarter >= state.quarter:
                    outstanding.append((quarter, launch))
                continue
            rank[launch.mission] += 1
            if flown.get(launch.mission, 0) >= rank[launch.mission]:
                continue
            if quarter < state.quarter and not self._can_win(game, side, launch):
                continue
            outstanding.append((quarter, launch))
        return outstanding

    def _due(self, game: Game, side: str, history) -> list[Due]:
        now = game.state.quarter
        first = dates.first_month(now)
        due, retried = [], set()
        for quarter, launch in self._outstanding(game, side, history):
            if quarter > now:
                break
            if quarter < now:  # tried before and not yet a success: once a quarter per mission type
                if launch.mission in retried:
                    continue
                retried.add(launch.mission)
            month = first + (dates.parse_month(launch.month)[1] - 1) % 3
            due.append(Due(launch, month, quarter))
        # when crews or pads are short, the launches that can still win a first go first
        due.sort(key=lambda d: (not self._can_win(game, side, d.launch), d.month))
        return due

    def _order_ahead(self, game: Game, side: str, history) -> None:
        """Order the rockets and craft of history's coming launches in time for their dates."""
        side_state = game.state.sides[side]
        wanted: Counter[str] = Counter()
        spares: set[str] = set()  # a launch that must succeed has its hardware built twice, as NASA did
        for quarter, launch in self._outstanding(game, side, history):
            hardware = game.hardware(side, game.content.missions[launch.mission], launch.rocket, launch.spacecraft)
            flies = (launch.rocket, launch.spacecraft) if isinstance(hardware, str) else game.articles_needed(hardware)
            for prog_id in flies:
                prog = game.content.programmes.get(prog_id or "")
                if prog is not None and prog_id in side_state.programmes \
                        and quarter - game.state.quarter <= prog.build_quarters:
                    wanted[prog_id] += 1
                    if not launch.test and self._can_win(game, side, launch) and prog_id not in spares:
                        spares.add(prog_id)
                        wanted[prog_id] += 1
        for prog_id, count in sorted(wanted.items()):
            short = count - side_state.articles.get(prog_id, 0) - len(game.on_order(side, prog_id))
            for _ in range(short):
                order = commands.OrderHardware(side, prog_id)
                if order.check(game) is not None or not game.execute(order):  # never send what is refused
                    break

    def _can_win(self, game: Game, side: str, launch) -> bool:
        return any(not game.state.has_first(side, first) for first in game.content.missions[launch.mission].firsts)

    def _book(self, game: Game, side: str, due: list[Due]) -> None:
        side_state = game.state.sides[side]
        # launches already booked this quarter (a scrub waits here by itself) stand for history's
        booked = Counter((m.type, m.rocket, m.spacecraft) for m in side_state.missions
                         if m.quarter == game.state.quarter)
        for item in due:
            launch = item.launch
            key = (launch.mission, launch.rocket, launch.spacecraft)
            if booked[key]:
                booked[key] -= 1
                continue
            mission = game.content.missions[launch.mission]
            hardware = game.hardware(side, mission, launch.rocket, launch.spacecraft)
            if isinstance(hardware, str):
                continue  # it cannot fly yet: next quarter
            crew = self._pick_crew(game, side, mission, hardware) or ()
            if mission.crew_min:
                if not crew:
                    continue
                odds = game.odds(side, mission, hardware, [side_state.crews[c] for c in crew])
                if odds.crew_loss > CREW_LOSS_LIMIT:
                    self._test_flight(game, side, hardware, {m.type for m in side_state.missions})
                    continue
            command = commands.PlanMission(side, launch.mission, launch.rocket, launch.spacecraft, item.month,
                                           tuple(crew))
            if command.check(game) is None:  # never send what the rules refuse
                game.execute(command)

    def _crewed_soon(self, game: Game, side: str, history) -> list[str]:
        """The mission types of the next crewed launches, the crews train for what they call
        on (the Gemini crews trained for the rendezvous and the docking, not only to fly)."""
        crewed = [launch.mission for _, launch in self._outstanding(game, side, history)
                  if game.content.missions[launch.mission].crew_min]
        return crewed[:TRAINING_AHEAD]

    # --- research -------------------------------------------------------------------

    def _upcoming(self, game: Game, side: str, history) -> dict[str, int]:
        """The started programmes that history's launches of the next few years fly, each
        with the quarters until its next flight."""
        now = game.state.quarter
        owned = game.state.sides[side].programmes
        upcoming: dict[str, int] = {}
        for quarter, launch in self._outstanding(game, side, history):
            if quarter > now + HORIZON:
                break
            for prog_id in self._flies(game, side, launch):
                if prog_id in owned and prog_id not in upcoming:
                    upcoming[prog_id] = max(0, quarter - now)
        return upcoming

    def _fund(self, game: Game, side: str, upcoming: dict[str, int]) -> None:
        """Share the research money as the planner does, by how far each programme is from
        its cap, the sooner it flies the more (a programme no launch needs soon gets none)."""
        side_state = game.state.sides[side]
        needing = []
        for prog_id, prog in side_state.programmes.items():
            definition = game.content.programmes[prog_id]
            goal = min(self.level.reliability_goal, definition.cap - 1)
            if prog_id in upcoming and rules.estimate(prog) < goal:
                weight = (goal - rules.estimate(prog)) * rules.funding_scale(definition) / (1 + upcoming[prog_id] / 4)
                needing.append((prog_id, weight, definition))
            elif prog.funding:
                game.execute(commands.FundProgramme(side, prog_id, 0))
        pot = max(0.0, side_state.cash) * self.level.research_share
        total = sum(weight for _, weight, _ in needing)
        for prog_id, weight, definition in needing:
            share = pot * weight / total if total else 0.0
            amount = round(min(share, 2.5 * rules.funding_scale(definition), commands.MAX_FUNDING), 1)
            if abs(amount - side_state.programmes[prog_id].funding) > 0.05 * amount:
                game.execute(commands.FundProgramme(side, prog_id, amount))

    def _flies(self, game: Game, side: str, launch) -> set[str]:
        """The programmes a launch would fly: rocket, spacecraft and the providers of what it needs."""
        mission = game.content.missions[launch.mission]
        on_board = [game.content.programmes[launch.rocket]]
        if launch.spacecraft:
            on_board.append(game.content.programmes[launch.spacecraft])
        flies = {p.id for p in on_board}
        wishes = list(mission.needs) + [s.uses for s in mission.steps]
        if mission.crew_min and mission.escape_by:
            wishes.append(mission.escape_by)
        for capability in wishes:
            if capability in ("rocket", "spacecraft") or any(capability in p.provides for p in on_board):
                continue
            provider = game.provider(side, capability)
            if provider is not None:
                flies.add(provider.id)
        return flies
