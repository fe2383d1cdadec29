"""The mission planner: type, rocket, spacecraft, crew and month, with the odds before you commit."""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game.core import commands, explain, joint, roads, turn
from game.core.explain import StepDriver
from game.core.rules import Odds
from game.core.state import SHORT, rival_of
from game.ui import art, vehicles, views, words
from game.ui.screens.common import game_bar
from game.ui.widgets import Screen, columns, paragraphs


class Judged(NamedTuple):
    """A planned flight as the planner judges it (``MissionsScreen._judge``)."""

    odds: Odds
    crew: list  # the crew members aboard
    drivers: list[StepDriver]
    weakest: int  # the index of the weakest step among ``drivers``
    why: str  # what makes the weakest step weak


BUTTON_H = 32
BOOKED_ROWS = 3  # launches the booked list shows without scrolling
BOOKED_ROW = 42  # a booked launch: the mission, and under it the crew
# a crewed booking at least this likely to kill its crew is asked about first: the planner opens
# on the likeliest first to win, which early in an era can be a multi-crew flight at 25 % to
# lose the crew, one Return away
LONG_SHOT_CREW_LOSS = 0.15


class MissionPlannerScreen(Screen):
    in_game = True
    nav = "missions"
    backdrop_kind = "plain"

    def __init__(self, app):
        super().__init__(app)
        self.mission: str | None = None
        self.rocket: str | None = None
        self.spacecraft: str | None = None
        self.crew: list[str] = []
        self.month = 0
        self.just_booked = False
        self.kits_known: dict[str, list] = {}  # mission -> its kits, worked out once per drawing
        flyable = self._flyable()
        if flyable:
            # start on something worth flying: a mission that can still win a first, one whose
            # hardware is built and whose pad is free before one that must wait for them, and of
            # those the likeliest to work (not a docking at 1 % when a spacewalk stands at 60)
            open_first = [m for m in flyable if self._open_firsts(m)]
            ready = [m for m in flyable if any(self._ready(m, *kit) for kit in self._kits(m))]
            ready_first = [m for m in ready if m in open_first]
            group = ready_first or ready or open_first or flyable
            self.choose_mission(max(group, key=lambda m: (self._best_success(m), -group.index(m))))

    # --- choices ----------------------------------------------------------------------

    def _owned(self, kind: str) -> list[str]:
        programmes = self.content.programmes
        return [p for p in self.side_state.programmes if programmes[p].kind == kind]

    def _kits(self, mission_id: str) -> list[tuple[str, str | None]]:
        if mission_id not in self.kits_known:
            mtype = self.content.missions[mission_id]
            craft = self._owned("spacecraft") if mtype.spacecraft else [None]
            self.kits_known[mission_id] = [(r, s) for r in self._owned("rocket") for s in craft
                                           if not isinstance(self.game.hardware(self.side, mtype, r, s), str)]
        return self.kits_known[mission_id]

    def _open_firsts(self, mission_id: str) -> list[str]:
        return views.open_firsts_of(self.game, mission_id)

    def _flyable(self) -> list[str]:
        # (another road's missions, and a multi-launch mission's other half, are not offered)
        joint_halves = {m.joint for m in self.content.missions.values() if m.joint}
        missions = self.content.missions
        return [m for m in missions if m not in joint_halves
                and not roads.why_mission_barred(self.game, self.side, m) and self._kits(m)
                and (not missions[m].joint or self._kits(missions[m].joint))]

    def _second(self) -> tuple[str | None, str | None]:
        """A multi-launch mission's other launch: the same rocket where it can fly it, else the first kit."""
        if self.mission is None or not self.content.missions[self.mission].joint:
            return None, None
        kits = self._kits(self.content.missions[self.mission].joint)
        if not kits:
            return None, None
        return next((k for k in kits if k[0] == self.rocket), kits[0])

    def _second_hardware(self):
        rocket2, spacecraft2 = self._second()
        if rocket2 is None:
            return None
        hardware = self.game.hardware(self.side, self.content.missions[self.content.missions[self.mission].joint],
                                      rocket2, spacecraft2)
        return None if isinstance(hardware, str) else hardware

    def _missing(self, hardware) -> list:
        """The programmes whose built articles the launch (both launches of a multi-launch one) lacks."""
        second = self._second_hardware()
        if second is None:
            return self.game.missing_articles(self.side, hardware)
        stock = self.side_state.articles
        needed: dict[str, int] = {}
        for prog_id in joint.articles(self.game, hardware, second):
            needed[prog_id] = needed.get(prog_id, 0) + 1
        return [self.content.programmes[p] for p, n in needed.items() if stock.get(p, 0) < n]

    def choose_mission(self, mission_id: str) -> None:
        self.mission = mission_id
        mtype = self.content.missions[mission_id]
        kits = self._kits(mission_id)
        if kits:
            # the kit ready to fly that your engineers believe most likely to work, as a planner
            # would start; one that can never fly again (none in hand, no more built) comes last
            self.rocket, self.spacecraft = max(kits, key=lambda kit: (self._ready(mission_id, *kit),
                                                                      not self._gone(mission_id, *kit),
                                                                      self._odds_for(mission_id, *kit).success))
        else:
            # nothing flies it yet: show the kit that comes nearest, so the reason shown is the real gap
            rockets = self._owned("rocket") or [None]
            craft = (self._owned("spacecraft") or [None]) if mtype.spacecraft else [None]
            self.rocket, self.spacecraft = min(((r, c) for r in rockets for c in craft),
                                               key=lambda kit: self._gap(mtype, *kit))
        self.crew = self._best_crew(mtype)
        self.month = self.month or self.game.month_now()

    def _ready(self, mission_id: str, rocket: str, spacecraft: str | None) -> bool:
        """Whether the kit's hardware is built and a pad is free for it this quarter."""
        hardware = self.game.hardware(self.side, self.content.missions[mission_id], rocket, spacecraft)
        return not isinstance(hardware, str) and not self.game.missing_articles(self.side, hardware) \
            and self.game.why_no_pad(self.side, hardware.rocket)[1] is None

    def _gone(self, mission_id: str, rocket: str, spacecraft: str | None) -> bool:
        """Whether the kit lacks hardware that is no longer built, with none in hand or coming."""
        hardware = self.game.hardware(self.side, self.content.missions[mission_id], rocket, spacecraft)
        return not isinstance(hardware, str) and bool(self.game.out_of_stock_for_good(self.side, hardware))

    def _gap(self, mtype, rocket, spacecraft) -> int:
        """How far a kit is from flying a mission: a missing part beats too small a rocket."""
        if rocket is None:
            return 9
        seats = self.content.programmes[spacecraft].crew if spacecraft else 0
        if mtype.crew_min and seats < mtype.crew_min:
            return 3
        if spacecraft:
            lifter = self.content.programmes[rocket]
            lift = {"suborbital": lifter.payload_t * 4, "orbit": lifter.payload_t,
                    "moon": lifter.lunar_payload_t}[mtype.destination]
            if self.content.programmes[spacecraft].mass_t > lift:
                return 2
        return 1

    def _seats(self) -> int:
        if self.spacecraft is None:
            return 0
        return self.content.programmes[self.spacecraft].crew

    def _free_crew(self) -> list:
        booked = self.game.booked_crew(self.side)
        return [c for c in self.game.active_crew(self.side) if c.id not in booked]

    def _best_crew(self, mtype) -> list[str]:
        if not mtype.crew_min:
            return []
        skills = [s.skill for s in mtype.steps if s.skill]
        ranked = sorted(self._free_crew(), key=lambda c: -sum(c.skill(s) for s in skills) - c.morale / 10)
        return [c.id for c in ranked[:min(mtype.crew_min, max(self._seats(), mtype.crew_min))]]

    def _best_success(self, mission_id: str) -> float:
        """The believed chance of success of the mission's best kit, as the planner would show it."""
        return max(self._odds_for(mission_id, *kit).success for kit in self._kits(mission_id))

    def _odds_for(self, mission_id, rocket, spacecraft, crew_ids=None):
        mtype = self.content.missions[mission_id]
        hardware = self.game.hardware(self.side, mtype, rocket, spacecraft)
        crews = self.side_state.crews
        crew = [crews[c] for c in (crew_ids if crew_ids is not None else self._best_crew(mtype))]
        return self.game.odds(self.side, mtype, hardware, crew)

    def _command(self) -> commands.PlanMission | None:
        if self.mission is None or self.rocket is None:
            return None
        return commands.PlanMission(self.side, self.mission, self.rocket, self.spacecraft, self.month,
                                    tuple(self.crew), *self._second())

    # --- the screen ---------------------------------------------------------------------

    def compose(self, rect: pygame.Rect) -> None:
        self.kits_known = {}  # the state may have moved since the last drawing
        body = game_bar(self, rect)
        left, middle, drawing, right = columns(body, [26, 32, 11, 31], gap=12)
        self._mission_list(left)
        self._kit(middle)
        self._kit_drawing(drawing)
        self._odds(right)

    def _kit_drawing(self, rect) -> None:
        """The chosen rocket with the spacecraft on top, drawn to one scale for every kit; a
        multi-launch mission's two launches side by side."""
        self.panel(rect)
        if self.rocket is None:
            return
        if self._second()[0] is not None:
            self._two_launches(rect)
            return
        programmes = self.content.programmes
        rocket_art = programmes[self.rocket].art or self.rocket
        craft_art = (programmes[self.spacecraft].art or self.spacecraft) if self.spacecraft else None
        tall = vehicles.height_m(rocket_art, craft_art)
        name = programmes[self.rocket].name + (f" + {programmes[self.spacecraft].name}" if self.spacecraft else "")
        self.cell((rect.x + 6, rect.y + 8, rect.width - 12, 20), f"{tall:.0f} m tall", kind="#caption",
                  align="center", tip=f"{name}. Every rocket you can choose is drawn to the same scale here, "
                                      "so the tallest fills the column.")
        # one scale for every rocket the side can choose: the tallest fills the column
        tallest = max([vehicles.height_m(programmes[r].art or r, craft_art) for r in self._owned("rocket")] + [tall, 30])
        area = pygame.Rect(rect.x + 4, rect.y + 32, rect.width - 8, rect.height - 40)
        self.image(area, kit_picture(rocket_art, craft_art, area.size, tallest),
                   tip=f"{name}: {tall:.0f} m from the pad to the tip, to scale.")

    def _two_launches(self, rect) -> None:
        programmes = self.content.programmes
        mtype = self.content.missions[self.mission]
        other = self.content.missions[mtype.joint]
        rocket2, spacecraft2 = self._second()
        kits = [(self.rocket, self.spacecraft, "Crew"), (rocket2, spacecraft2, other.name.split(" launch")[0])]
        arts = [(programmes[r].art or r, (programmes[c].art or c) if c else None) for r, c, _ in kits]
        tallest = max([vehicles.height_m(r, c) for r, c in arts] + [30])
        half = (rect.width - 12) // 2
        self.label((rect.x + 6, rect.y + 8, rect.width - 12, 20), "two launches", kind="#caption", align="center",
                   tip=f"The {words.lower_first(mtype.name)} flies on two launches booked together: the "
                       f"{words.lower_first(other.name)} first, then the crew, who meet it in Earth orbit. Both pads and "
                       "both launches' hardware are needed; if either launch or the rendezvous fails, the "
                       "mission fails.")
        for i, ((rocket, craft, caption), (rocket_art, craft_art)) in enumerate(zip(kits, arts, strict=True)):
            area = pygame.Rect(rect.x + 6 + i * half, rect.y + 50, half, rect.height - 58)
            name = programmes[rocket].name + (f" + {programmes[craft].name}" if craft else "")
            self.label((area.x, rect.y + 28, half, 20), caption, kind="#caption", align="center", tip=name)
            self.image(area, kit_picture(rocket_art, craft_art, area.size, tallest),
                       tip=f"{caption}: {name}, to scale.")

    def _mission_list(self, rect) -> None:
        self.panel(rect)
        self.cell((rect.x + 12, rect.y + 8, rect.width - 24, 28), "1. Mission", kind="#heading",
                  tip="What to fly. Missions your programmes can fly now come first.")
        self.cell((rect.x + 12, rect.y + 8, rect.width - 24, 28), "\u2022 = a first to win", kind="#caption",
                  align="right", tip="Missions marked \u2022 can win a first nobody has won yet.")
        flyable = self._flyable()
        rest = [m for m in self.content.missions if m not in flyable]
        rest.sort(key=lambda m: views.beyond_era(self.session, self.side, m) is not None)  # what these years cannot give, last
        rows: list = list(flyable) + (["Not possible yet"] + rest if rest else [])
        step, later = BUTTON_H + 6, BUTTON_H + 24  # a mission not possible yet says why under its name
        racing = views.racing(self.session, self.side, flyable)  # and one the rival may fly first, by the file, says so
        height = sum(step if (r in flyable and r not in racing) or r == "Not possible yet" else later for r in rows)
        box = self.scroller((rect.x + 6, rect.y + 42, rect.width - 12, rect.height - 48), height)
        width = box.rect.width - (18 if height > box.rect.height else 4)
        spans, y = [], 0
        for row in rows:
            tall = step if (row in flyable and row not in racing) or row == "Not possible yet" else later
            spans.append((y, y + tall))
            y += tall
        if self.mission in rows and box.vert_scroll_bar is not None:
            # the chosen mission stays in sight: scroll to it before the rows in sight are made
            top = spans[rows.index(self.mission)][0]
            if top + BUTTON_H > box.rect.height:
                bar = box.vert_scroll_bar
                bar.set_scroll_from_start_percentage(
                    max(0.0, min(1.0 - bar.visible_percentage, (top - box.rect.height / 3) / height)))
                box.update(0.0)

        def make(index: int) -> None:
            row, y = rows[index], spans[index][0]
            if row == "Not possible yet":
                self.cell((6, y, width, BUTTON_H), row, kind="#subheading", parent=box,
                          tip="Your programmes cannot fly these yet: under each, what it needs.")
                return
            mtype = self.content.missions[row]
            firsts = [self.content.firsts[f].name for f in self._open_firsts(row)]
            tip = f"<b>{mtype.name}</b>: {mtype.description}"
            if firsts:
                tip += "<br>Can win: " + ", ".join(firsts) + "."
            why = None if row in flyable else views.beyond_era(self.session, self.side, row) or self._why_not(row)
            if why:
                tip += "<br><i>Not yet: " + why + ".</i>"
            self.button((4, y, width, BUTTON_H), mtype.name + ("  \u2022" if firsts and row in flyable else ""),
                        lambda m=row: self._pick_mission(m), parent=box, align="left",
                        kind=None if row in flyable else "#toggle", selected=row == self.mission, tip=tip)
            if why:
                self.cell((10, y + BUTTON_H, width - 10, 20), words.upper_first(_short_why(why, mtype)),
                          kind="#caption", parent=box, tip=tip)
            elif row in racing:
                flight, warning = racing[row]
                self.cell((6, y + BUTTON_H, width - 6, 20), f"Race: the {SHORT[rival_of(self.side)]} may take a first "
                          f"of it this quarter ({words.percent(flight.chance)})", kind="#warn", parent=box,
                          tip=f"{warning} Your file on the rival (I) says more.")

        self.lazy_rows(box, spans, make)

    def _why_not(self, mission_id: str) -> str:
        mtype = self.content.missions[mission_id]
        rockets = self._owned("rocket")
        if not rockets:
            return "you have no rocket"
        craft = self._owned("spacecraft") if mtype.spacecraft else [None]
        if not craft:
            return "you have no spacecraft"
        barred = roads.why_mission_barred(self.game, self.side, mission_id)
        if barred:
            return words.plain(barred, self.content)
        reason = self.game.hardware(self.side, mtype, rockets[-1], craft[-1])
        return words.plain(reason, self.content) if isinstance(reason, str) \
            else "no rocket and spacecraft of yours fit together"

    def _kit(self, rect) -> None:
        self.panel(rect)
        if self.mission is None:
            self.text((rect.x + 14, rect.y + 14, rect.width - 28, 200),
                      [("No mission can fly yet.", art.WHITE, 18, True),
                       ("Start and fund a rocket in Research (R) first.", art.MUTED)])
            return
        mtype = self.content.missions[self.mission]
        programmes = self.content.programmes
        # only what can fly this mission (so the crew is in sight without scrolling); the rest is named
        kits = self._kits(self.mission)
        rockets = [r for r in self._owned("rocket") if not kits or r == self.rocket or any(k[0] == r for k in kits)]
        craft = [c for c in self._owned("spacecraft") if not kits or c == self.spacecraft
                 or any(k[1] == c for k in kits)]
        idle = [programmes[p].name for p in self._owned("rocket") + (self._owned("spacecraft") if mtype.spacecraft
                                                                     else []) if p not in rockets + craft]
        sections: list[tuple] = [
            ("heading", "2. Rocket", "Which launcher flies it. Only rockets you have started that can fly this "
                                     "mission are here."),
            ("grid", [(r, programmes[r].name) for r in rockets], {self.rocket}, self._pick_rocket,
             lambda r: self._kit_tip(r, self.spacecraft), lambda r: True)]
        if mtype.spacecraft:
            sections += [
                ("heading", "3. Spacecraft", "What rides on top. Only spacecraft you have started that can fly "
                                             "this mission are here."),
                ("grid", [(c, programmes[c].name) for c in craft], {self.spacecraft},
                 self._pick_spacecraft, lambda c: self._kit_tip(self.rocket, c), lambda c: True)]
        if idle:
            sections.append(("note", f"Not for this mission: {', '.join(idle)}",
                             "Started, but they cannot fly this mission: " + ", ".join(idle) + "."))
        sections += [("heading", "Month", "Launches fly in month order: an earlier month can win a first over the "
                      "rival's later one."), ("months",)]
        if mtype.crew_min:
            seats = self._seats()
            skills = list(dict.fromkeys(step.skill for step in mtype.steps if step.skill))
            free = {c.id for c in self._free_crew()}
            crews = self.side_state.crews
            sections += [
                ("heading", f"Crew  ({len(self.crew)} of {seats} seat{'s' if seats != 1 else ''}, "
                            f"at least {mtype.crew_min})",
                 "Who flies. The number beside a name is their skill in what this mission's steps need "
                 f"({', '.join(words.skill_word(k) for k in skills) or 'nothing special'}); "
                 "hover a name for all the figures."),
                ("grid", [(c.id, _crew_text(c, skills)) for c in self.game.active_crew(self.side)], set(self.crew),
                 self._pick_crew,
                 lambda c: _crew_tip(crews[c], c in free), lambda c: c in free or c in self.crew)]
        inner = pygame.Rect(rect.x + 6, rect.y + 8, rect.width - 12, rect.height - 16)
        width = inner.width - 12
        total = sum(self._section_height(section, width) for section in sections)
        if total > inner.height:
            width -= 16  # room for the scroll bar
            total = sum(self._section_height(section, width) for section in sections)
        box = self.scroller(inner, total)
        y = 0
        for section in sections:
            self._lay_section(box, section, 6, y, width)
            y += self._section_height(section, width)

    @staticmethod
    def _per_row(options, width) -> int:
        """Three to a row, or two, or one: as many as let every name fit."""
        for per_row in (3, 2):
            each = (width - 8 * (per_row - 1)) // per_row
            if all(art.font(15).size(text)[0] + 20 <= each for _, text in options):
                return per_row
        return 1

    def _section_height(self, section, width) -> int:
        if section[0] == "heading":
            return 32
        if section[0] == "note":
            return 26
        if section[0] == "months":
            return BUTTON_H + 16
        options = section[1]
        per_row = self._per_row(options, width)
        return ((len(options) + per_row - 1) // per_row) * (BUTTON_H + 6) + 10

    def _lay_section(self, box, section, x, y, width) -> None:
        kind = section[0]
        if kind == "heading":
            self.cell((x, y, width, 28), section[1], kind="#heading", tip=section[2], parent=box)
            return
        if kind == "note":
            self.cell((x, y, width, 22), section[1], kind="#caption", tip=section[2], parent=box)
            return
        if kind == "months":
            first = self.game.month_now()
            third = (width - 16) // 3
            for i in range(3):
                month = first + i
                self.button((x + i * (third + 8), y, third, BUTTON_H), words.month_name(month),
                            lambda m=month: self._pick_month(m), selected=month == self.month, parent=box,
                            kind=None if month == self.month else "#toggle",
                            tip=f"Launch in {words.month_name(month)}. Within a month, the day is drawn by chance; "
                                f"your launches of one month fly {turn.LAUNCH_GAP_DAYS} days apart, in the order booked.")
            return
        _, options, chosen, pick, tip_for, enabled_for = section
        per_row = self._per_row(options, width)
        each = (width - 8 * (per_row - 1)) // per_row
        for i, (value, text) in enumerate(options):
            col, row = i % per_row, i // per_row
            self.button((x + col * (each + 8), y + row * (BUTTON_H + 6), each, BUTTON_H), text,
                        lambda v=value: pick(v), selected=value in chosen, tip=tip_for(value), parent=box,
                        enabled=enabled_for(value), kind="#toggle" if value not in chosen else None)

    def _kit_tip(self, rocket, spacecraft) -> str:
        mtype = self.content.missions[self.mission]
        hardware = self.game.hardware(self.side, mtype, rocket, spacecraft if mtype.spacecraft else None)
        name = self.content.programmes[rocket].name if rocket else ""
        if isinstance(hardware, str):
            return f"Cannot fly this mission: {words.plain(hardware, self.content)}."
        odds = self.game.odds(self.side, mtype, hardware, [self.side_state.crews[c] for c in self.crew])
        parts = [p.name for p in (hardware.rocket, hardware.spacecraft) if p]
        return (f"{' with '.join(parts) or name}: {words.percent(odds.success)} chance of success, "
                f"its hardware costs {words.money(self.game.mission_cost(hardware))} a flight.")

    def _odds(self, rect) -> None:
        self.panel(rect)
        inner = pygame.Rect(rect.x + 14, rect.y + 8, rect.width - 28, rect.height - 16)
        booked = sorted((m for m in self.side_state.missions if m.quarter == self.game.state.quarter),
                        key=lambda m: m.month)
        # the booked list has a fixed room, so "Book the launch" stays where it is as bookings are added
        rows = max(1, min(BOOKED_ROWS if inner.height >= 520 else BOOKED_ROWS - 1, self.game.MAX_LAUNCHES))
        booked_h = 34 + BOOKED_ROW * rows
        book_y = inner.bottom - booked_h - 50
        command = self._command()
        self.cell((inner.x, inner.y, inner.width, 28), "The odds" if not booked else "The odds: the next flight",
                  kind="#heading",
                  tip="What your engineers believe, from their estimates of each programme: the true figures "
                      "may differ, most of all for hardware that has never flown."
                      + ("<br>The launches booked are listed below; this plans the next one." if booked else ""))
        y = inner.y + 34
        reason = command.check(self.game) if command else "no mission can fly yet"
        reason = reason and words.plain(reason, self.content)
        weakest_why = chance = judged = None
        if command is not None:
            mtype = self.content.missions[self.mission]
            hardware = self.game.hardware(self.side, mtype, self.rocket, self.spacecraft)
            if not isinstance(hardware, str):
                judged = self._judge(mtype, hardware)
                weakest_why, chance = judged.why, judged.odds.success
                second = self._second_hardware()
                if second is not None:  # what the booking records: both launches must work
                    chance = joint.odds(self.game, self.side, mtype, hardware, second, judged.crew)
        orders, built_by = self._orders_needed(), self._being_built()
        about, must = views.planner_notes(self.session, self.side, self.mission, reason, weakest_why,
                                          lacks_only_hardware=bool(orders or built_by is not None),
                                          spacecraft=self.spacecraft, chance=chance)
        if judged is not None:  # the steps give way to what must be read whole
            must_h = art.text_block(paragraphs(about[:must]), inner.width - 4).get_height() if must else 0
            y = self._chances(inner, y, book_y - 6 - must_h, mtype, hardware, judged)
        room = book_y - 6 - y
        # what matters first stays whole (``must``: the reason, the weakest step's why, a first the
        # rival may fly this quarter); then what fits of the rest
        kept = []
        for i, item in enumerate(about):
            block = art.text_block(paragraphs(kept + [item]), inner.width - 4)
            if block.get_height() > room and i >= max(1, must):
                break
            kept.append(item)
        if kept and room > 30:
            self.text((inner.x, y, inner.width, room), kept)
        # just after a booking the pointer still rests on this button: its tooltip would open over
        # the booked list that has just grown under it, so it waits for the next time the screen is built
        self._main_button(pygame.Rect(inner.x, book_y, inner.width, 42), reason, orders, built_by)
        self.just_booked = False
        self._booked(pygame.Rect(inner.x, inner.bottom - booked_h, inner.width, booked_h), booked)

    def _main_button(self, rect: pygame.Rect, reason: str | None, orders, built_by: int | None) -> None:
        """Book the launch; or, when what it lacks is only built hardware, order it (``orders``),
        or say when what is on order will be built (``built_by``)."""
        if orders:
            ready = max(self.game.state.quarter + self.content.programmes[o.programme].build_quarters for o in orders)
            names = " and ".join(self.content.programmes[o.programme].name for o in orders)
            refused = next(filter(None, (o.check(self.game) for o in orders)), None)
            tip = (f"Order {names}: paid now, built by {words.quarter_long(ready)}." if not refused
                   else f"Cannot order: {refused}.")
            self.button(rect, "Order the hardware  (Return)", self.main_action, kind="#primary",
                        enabled=not refused, tip=None if self.just_booked else tip)
        elif built_by is not None:
            when = words.quarter_short(built_by)
            self.button(rect, f"Being built: ready {when}", self.main_action, kind="#primary", enabled=False,
                        tip=f"The hardware this launch needs is on order and will be built by {when}.")
        else:
            tip = ("Book it for the month chosen. The hardware was paid for when it was ordered; it flies "
                   "when the turn ends." if not reason else f"Cannot book: {reason}.")
            self.button(rect, "Book the launch  (Return)", self.main_action, kind="#primary", enabled=not reason,
                        tip=None if self.just_booked else tip)

    def _judge(self, mtype, hardware) -> Judged:
        """The odds of the flight as planned, each step with what drives it, and what makes the
        weakest step weak."""
        me = self.side_state
        crew = [me.crews[c] for c in self.crew]
        drivers = explain.step_drivers(self.game, self.side, mtype, hardware, crew)
        weakest = min(range(len(drivers)), key=lambda i: drivers[i].chance)
        why = words.step_why(drivers[weakest], me.programmes[drivers[weakest].programme.id], chance=False)
        if len(drivers) > 1:
            why = f"Weakest, {words.lower_first(drivers[weakest].name)}: {why}"
        return Judged(self.game.odds(self.side, mtype, hardware, crew), crew, drivers, weakest, why)

    def _chances(self, inner, y, bottom, mtype, hardware, judged: Judged) -> int:
        """The success and crew-loss figures, each step with what drives it, the weakest marked,
        the hardware, the pad and the crew, above ``bottom``; returns where the next thing goes."""
        me = self.side_state
        odds, crew, drivers, weakest = judged.odds, judged.crew, judged.drivers, judged.weakest
        whys = [words.step_why(d, me.programmes[d.programme.id]) for d in drivers]
        steps_tip = "<br>".join(f"{d.name}: {words.percent(d.chance)} ({', '.join(words.step_parts(d))})"
                                for d in drivers)
        kit = views.kit_lines(self.session, self.side, self.mission, hardware, self._second_hardware())
        self._headline_odds(inner, y, odds, bool(mtype.crew_min), steps_tip)
        y += 68
        step_h = 38  # the step and its chance, and under it what drives the chance
        crewless = mtype.crew_min and not crew
        room = bottom - y - 24 * len(kit) - 10 - (26 if crewless else 0)  # the kit's lines, the crew's
        shown = list(range(len(drivers)))
        if len(shown) * step_h > room:  # too many to list: the weakest stay in sight, in flight order
            keep = max(0, (room - 20) // step_h)  # none in a short window: the weakest's why says it all
            shown = sorted(sorted(shown, key=lambda i: drivers[i].chance)[:keep])
        for i in shown:
            driver = drivers[i]
            marked = i == weakest and len(drivers) > 1
            kind = "#warn" if marked else None
            tip = f"<b>{driver.name}</b>: {whys[i]}"
            # cells: the screen is made again after every change, so these never change while shown
            self.cell((inner.x, y, inner.width - 64, 22), driver.name + ("  \u00b7  weakest" if marked else ""),
                      tip=tip, kind=kind)
            self.cell((inner.right - 64, y, 64, 22), words.percent(driver.chance), align="right", tip=tip,
                      kind=kind)
            self.cell((inner.x + 12, y + 19, inner.width - 12, 18), "  \u00b7  ".join(words.step_parts(driver)),
                      tip=tip, kind="#caption")
            y += step_h
        if len(shown) < len(drivers):
            more = (f"and {words.count(len(drivers) - len(shown), 'step')} more likely to work" if shown else
                    f"{len(drivers)} steps: hover SUCCESS for each")
            self.cell((inner.x, y, inner.width, 20), more, kind="#caption", tip=steps_tip)
            y += 20
        for line, tip in kit:
            self.cell((inner.x, y + 4, inner.width, 24), line, tip=tip, kind="#muted")
            y += 24
        y += 10
        if crewless:  # a crew chosen is marked in the middle column
            self.cell((inner.x, y, inner.width, 24), "Crew: nobody yet", kind="#muted",
                      tip="Choose the crew under Crew in the middle column.")
            y += 26
        return y

    def _headline_odds(self, inner, y: int, odds, crewed: bool, steps_tip: str) -> None:
        """SUCCESS and, with a crew aboard, CREW LOSS, large, coloured by how good they are."""
        half = inner.width // 2
        self.cell((inner.x, y, half, 20), "SUCCESS", kind="#caption", tip=steps_tip)
        success_kind = "#big_good" if odds.success >= 0.7 else "#big_warn" if odds.success >= 0.4 else "#big_bad"
        self.cell((inner.x, y + 18, half, 44), words.percent(odds.success), kind=success_kind,
                  tip="The chance every step works, multiplied step by step:<br>" + steps_tip)
        if crewed:
            loss_kind = "#big" if odds.crew_loss < 0.05 else "#big_bad"
            self.cell((inner.x + half, y, half, 20), "CREW LOSS", kind="#caption",
                      tip="The chance the crew dies on this flight.")
            self.cell((inner.x + half, y + 18, half, 44), words.percent(odds.crew_loss), kind=loss_kind,
                      tip="The chance the crew dies: a step fails in a way that destroys the craft, "
                          "and the escape system (where a step allows one) does not save them.")

    def _booked(self, rect, booked) -> None:
        """This quarter's launches, each with its crew; a list that scrolls if it outgrows its room."""
        self.cell((rect.x, rect.y, rect.width, 26), "Booked this quarter" if booked else "Nothing booked this quarter",
                  kind="#subheading", tip="Launches booked for this quarter. Cancel puts their hardware back in the hangar.")
        step = BOOKED_ROW
        box = self.scroller((rect.x - 4, rect.y + 30, rect.width + 8, rect.height - 30), len(booked) * step)
        width = box.rect.width - (20 if len(booked) * step > box.rect.height else 8)
        crews = self.side_state.crews
        for i, mission in enumerate(booked):
            y = i * step
            mtype = self.content.missions[mission.type]
            kit = self.content.programmes[mission.rocket].name
            if mission.spacecraft:
                kit = f"{self.content.programmes[mission.spacecraft].name} on {kit}"
            crew = ", ".join(crews[c].name for c in mission.crew)
            pad = self.content.pads.get(mission.pad or "")
            tip = f"{kit}" + (f", crew: {crew}" if crew else "") + (f", from {pad.name}" if pad else "") + "."
            self.cell((4, y, width - 100, 20), f"{words.month_name(mission.month)[:3]}: {mtype.name}", parent=box,
                      tip=tip)
            surnames = ", ".join(crews[c].name.split()[-1] for c in mission.crew)
            self.cell((4, y + 19, width - 100, 18), f"crew: {surnames}" if surnames else kit, parent=box,
                      tip=tip, kind="#caption")
            self.button((width - 92, y + 3, 92, BUTTON_H), "Cancel", lambda m=mission.id: self._cancel(m), parent=box,
                        kind="#danger", tip="Cancel this launch: its rocket and spacecraft go back to the hangar.")

    # --- actions ----------------------------------------------------------------------

    def _pick_mission(self, mission_id: str) -> None:
        self.choose_mission(mission_id)
        self.refresh()

    def _pick_rocket(self, rocket: str) -> None:
        self.rocket = rocket
        self.refresh()

    def _pick_spacecraft(self, spacecraft: str) -> None:
        self.spacecraft = spacecraft
        seats = self._seats()
        self.crew = self.crew[:seats]
        self.refresh()

    def _pick_crew(self, crew_id: str) -> None:
        if crew_id in self.crew:
            self.crew.remove(crew_id)
        elif len(self.crew) < self._seats():
            self.crew.append(crew_id)
        else:
            self.app.toast(f"No seat left: the spacecraft has {self._seats()}. Take someone off first.", art.WARN)
        self.refresh()

    def _pick_month(self, month: int) -> None:
        self.month = month
        self.refresh()

    def _orders_needed(self) -> list[commands.OrderHardware]:
        """The orders that would let the chosen launch fly, if building is all it lacks."""
        if self._command() is None:
            return []
        hardware = self.game.hardware(self.side, self.content.missions[self.mission], self.rocket, self.spacecraft)
        if isinstance(hardware, str) or self.game.out_of_stock_for_good(self.side, hardware):
            return []  # (the booking's reason says no more are built)
        return [commands.OrderHardware(self.side, p.id) for p in self._missing(hardware)
                if not self.game.on_order(self.side, p.id)]

    def _being_built(self) -> int | None:
        """The quarter the chosen launch's missing hardware will all be built, if it is all on order."""
        if self._command() is None:
            return None
        hardware = self.game.hardware(self.side, self.content.missions[self.mission], self.rocket, self.spacecraft)
        missing = [] if isinstance(hardware, str) else self._missing(hardware)
        coming = [self.game.on_order(self.side, p.id) for p in missing]
        return max(c[0] for c in coming) if missing and all(coming) else None

    def main_action(self) -> None:
        orders = self._orders_needed()
        if orders:
            for order in orders:
                result = self.game.execute(order)
                if not result:
                    self.app.toast(f"Cannot order: {result.reason}.", art.BAD)
                    break
            else:
                self.app.toast("Ordered: " + ", ".join(self.content.programmes[o.programme].name for o in orders)
                               + ". It can fly when it is built.", art.GOOD)
            self.refresh()
            return
        command = self._command()
        if command is None:
            return
        crew_loss = self._crew_loss(command)
        if crew_loss >= LONG_SHOT_CREW_LOSS and self.app.settings.ask_long_shot and command.check(self.game) is None:
            self._ask_about_long_shot(command, crew_loss)
            return
        self._book(command)

    def _crew_loss(self, command: commands.PlanMission) -> float:
        """The chance the booking's crew dies, as the odds show it (0 with no crew)."""
        mtype = self.content.missions[command.mission]
        hardware = self.game.hardware(self.side, mtype, command.rocket, command.spacecraft)
        if not command.crew or isinstance(hardware, str):
            return 0.0
        crew = [self.side_state.crews[c] for c in command.crew]
        return self.game.odds(self.side, mtype, hardware, crew).crew_loss

    def _ask_about_long_shot(self, command: commands.PlanMission, crew_loss: float) -> None:
        from game.ui.screens.dialogs import QuestionScreen

        names = words.listed([self.side_state.crews[c].name for c in command.crew])
        mtype = self.content.missions[command.mission]

        def stop_asking() -> None:
            self.app.settings.ask_long_shot = False
            self.app.save_settings()
            self._book(command)

        self.app.push(QuestionScreen(
            self.app, "Send the crew on a long shot?",
            f"{names} would have a {words.percent(crew_loss)} chance of dying on this "
            f"{words.lower_first(mtype.name)}. Research (R) and an uncrewed flight of the same hardware "
            f"make it safer; a death stands the spacecraft down and costs the programme dearly.",
            yes=("Book it anyway", lambda: self._book(command)), no="Back to planning",
            never=("Book it, and do not ask again", stop_asking), danger=True))

    def _book(self, command: commands.PlanMission) -> None:
        result = self.game.execute(command)
        if result:
            name = self.content.missions[self.mission].name
            self.app.toast(f"{name} booked for {words.month_name(self.month)}.", art.GOOD)
            self.crew = self._best_crew(self.content.missions[self.mission])
            self.just_booked = True
        else:
            self.app.toast(f"Cannot book: {words.plain(result.reason, self.content)}.", art.BAD)
        self.refresh()

    def _cancel(self, mission_id: int) -> None:
        result = self.game.execute(commands.CancelMission(self.side, mission_id))
        if not result:
            self.app.toast(result.reason, art.BAD)
        self.refresh()


def kit_picture(rocket: str, craft: str | None, size: tuple[int, int], tallest: float) -> pygame.Surface:
    """A kit standing on its pad, at the scale that fits a stack ``tallest`` metres high in ``size``."""
    width, height = size
    scale = round((height - 14) / (tallest * 1.04), 3)
    built = vehicles.stack(rocket, craft, scale)
    if built.width > width - 4:  # a very wide kit (solar wings, the N1) is shrunk to fit across
        scale = round(scale * (width - 4) / built.width, 3)
        built = vehicles.stack(rocket, craft, scale)
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pad_y = height - 8
    pygame.draw.rect(surface, (52, 58, 70), (4, pad_y, width - 8, 6))
    surface.blit(built.whole(), ((width - built.width) // 2, pad_y - built.base))
    return surface


def _short_why(why: str, mtype) -> str:
    """A reason short enough to sit under a mission's name: without 'the mission needs'."""
    return why.replace(f"the {mtype.name.lower()} ", "").replace(f"the {mtype.name} ", "")


def _crew_text(crew, skills: list[str]) -> str:
    """A crew button: the surname and the skill this mission wants, on average."""
    if not skills:
        return crew.name
    score = sum(crew.skill(k) for k in skills) / len(skills)
    return f"{crew.name.split()[-1]}  \u00b7  {score:.0f}"


def _crew_tip(crew, free: bool) -> str:
    text = (f"<b>{crew.name}</b>: piloting {crew.piloting:.0f}, endurance {crew.endurance:.0f}, "
            f"EVA {crew.eva:.0f}, docking {crew.docking:.0f}; morale {crew.morale:.0f}; "
            f"{crew.flights} flight{'s' if crew.flights != 1 else ''}.")
    if not free:
        text += "<br>Already booked on another flight this quarter."
    return text
