"""How to play: the goal, a turn, the screens, and every key."""

from __future__ import annotations

import pygame

from game.ui import art
from game.ui.widgets import Screen, columns

KEYS = (
    ("Return", "the screen's main action: end the turn at headquarters; continue a report, launch or message"),
    ("1, 2, 3", "choose an event's first, second or third option (at headquarters: open a waiting event)"),
    ("Esc", "close what is open and go back to headquarters; at headquarters open the menu, and Esc closes it"),
    ("H, R, M, C, I, T", "headquarters, research, missions, crews, the rival file, chronicle"),
    ("Tab, Shift+Tab, arrows", "move the keyboard focus between buttons"),
    ("Space", "press the focused button (Return does too, once a button has the focus)"),
    ("Page Up, Page Down", "scroll a long list or page"),
    ("F1", "this page"),
    ("F5, F9", "quick save, quick load"),
    ("F11", "full screen on or off"),
    ("F12", "save a screenshot into the screenshots folder"),
)

GUIDE = (
    ("The goal", "Lead a national rocket programme: von Braun's team (USA) or the Chief Designer (USSR). Each era "
     "has a goal, shown at headquarters: the first satellite, the first human in space and home alive, a crew "
     "on the Moon. Whoever does it first wins; at the era's end without it, the era's rule decides."),
    ("A turn", "A turn is a quarter. Plan it: set research money, book launches, train crews, answer events. "
     "Then end the turn (Return at headquarters): the rival plans, the quarter plays out (launches by month, "
     "then research, budgets) and you see the launches and a report."),
    ("Research", "Start programmes (rockets, spacecraft, components) and fund them. Each has a reliability your "
     "engineers can only estimate (\u00b1 uncertainty). Money raises it with diminishing returns; flights teach, "
     "failures most. Flying before a programme's development time is up is rushing it."),
    ("Missions", "Pick a mission, a rocket, a spacecraft, a crew and a month. The planner shows the chance of "
     "success and of losing the crew before you pay: the quarter's research comes after its launches, so it "
     "is the chance the flight flies at. Earlier months win firsts over later ones."),
    ("The rival file", "Your intelligence keeps a file on the rival (I): the programmes it knows of, a band "
     "where each vehicle's reliability probably lies, what it has seen built and on which pads, and what the "
     "rival may try next. Headquarters and the planner warn when it may fly a first within a quarter. Money "
     "narrows the bands; the U-2, Corona and the open press sharpen them. The Americans see through a fog, "
     "the Soviets read the American papers."),
    ("Roads to the Moon", "There is more than one way to the Moon: for the USA direct ascent, Earth-orbit or "
     "lunar-orbit rendezvous; for the USSR N1-L3, Chelomei's UR-500K and UR-700, Korolev's Soyuz complex. Choose "
     "one (an event card, or Research); the others' own programmes are then barred. Changing road later costs "
     "money and time. Some missions fly on two launches that meet in orbit: both must work."),
    ("The sides", "American failures are public and cost prestige; a crew lost stops crewed flights for an "
     "inquiry, and a crew brought home from a failed flight stops them for a shorter one (longer after a long "
     "shot at the era's goal: the planner says how long). Soviet failures are secret, but the Kremlin wants "
     "its missile first, rival bureaus take money, and the Chief Designer's health wears down."),
    ("Help on everything", "Rest the mouse on any figure or button: it says what it means and why it is what it "
     "is."),
)


class HelpScreen(Screen):
    backdrop_kind = "plain"

    def compose(self, rect: pygame.Rect) -> None:
        margin = 28
        self.label((margin, 16, rect.width - 2 * margin, 44), "How to play", kind="#big")
        body = pygame.Rect(margin, 70, rect.width - 2 * margin, rect.height - 70 - 76)
        left, right = columns(body, [56, 44], gap=18)
        self.panel(left)
        items = []
        for title, text in GUIDE:
            items.append((title, art.WHITE, 16, True))
            items.append((text, art.TEXT, 15))
        self.text((left.x + 16, left.y + 12, left.width - 28, left.height - 20), items)
        self.panel(right)
        self.label((right.x + 16, right.y + 10, right.width - 32, 28), "Keys", kind="#heading",
                   tip="Every action can be done with the mouse or the keyboard alone.")
        area = pygame.Rect(right.x + 16, right.y + 46, right.width - 28, right.height - 54)
        table = art.key_table(list(KEYS), area.width - 20)
        if table.get_height() <= area.height:
            self.image((area.x, area.y, table.get_width(), table.get_height()), table)
        else:
            box = self.scroller(area, table.get_height())
            self.image((0, 0, table.get_width(), table.get_height()), table, parent=box)
        self.button((rect.width - margin - 220, rect.height - 62, 220, 46), "Back  (Return)", self.main_action,
                    kind="#primary", tip="Close this page.")

    def main_action(self) -> None:
        self.app.pop()

    def escape(self) -> bool:
        self.app.pop()
        return True
