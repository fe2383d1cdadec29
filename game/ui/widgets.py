"""The screen base class and the helpers every screen builds with.

A screen builds its pygame_gui elements when it becomes the top of the stack and kills
them when it leaves; rebuilding from the state each time keeps what is shown and what
is true from drifting apart. Background boxes are drawn directly (cheaper than panels).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIContainer
from pygame_gui.elements import UIButton, UIImage, UILabel, UIScrollingContainer, UITextEntryLine

from game.ui import art

PANEL_LOOK = art.PANEL_LOOK  # the side's face sets them (art.set_face)
# the theme's label fonts (size, bold), to shorten a label that would not fit rather than clip it
LABEL_FONTS = {None: (15, False), "#muted": (15, False), "#caption": (13, False), "#subheading": (15, True),
               "#heading": (20, True), "#figure": (20, True), "#date": (18, True), "#big": (30, True),
               "#title": (46, True), "#subtitle": (18, False)}
TOOLTIP_DELAY = 0.5
_TEXT_COLOURS: dict = {}  # (theme, label kind) -> its text colour
ROWS_AHEAD_PX = 40  # of a lazily made list: rows made beyond those in sight (a scroll makes the rest before drawing)
TIP_WIDTH = 360


def style(object_id: str | None = None, class_id: str | None = None) -> ObjectID | None:
    if object_id is None and class_id is None:
        return None
    return ObjectID(object_id=object_id, class_id=class_id)


class Screen:
    in_game = False  # the navigation keys (H R M C T) work here
    modal = False  # drawn over a dimmed picture of the screen below
    backdrop_kind = "stars"  # stars | earth | plain
    title = ""
    nav = None  # which navigation button this screen lights up

    def __init__(self, app):
        self.app = app
        self.elements: list = []  # top-level elements, killed when the screen leaves the top
        self.panels: list[tuple[pygame.Rect, str | None]] = []  # drawn under the elements
        self.actions: dict[UIButton, Callable[[], None]] = {}
        self.focus_order: list[UIButton] = []
        self.focus_tail: list[UIButton] = []
        self.backdrop: pygame.Surface | None = None
        self.figures: dict = {}  # the game bar's labels by caption, for screens that update them in place
        self.lazy: list = []  # long lists whose rows are made as they come into sight (lazy_rows)

    # --- what the screen reads ----------------------------------------------------

    @property
    def manager(self) -> pygame_gui.UIManager:
        return self.app.manager

    @property
    def session(self):
        return self.app.session

    @property
    def game(self):
        return self.app.session.game

    @property
    def content(self):
        return self.app.content

    @property
    def side(self) -> str:
        return self.app.session.side

    @property
    def side_state(self):
        return self.game.state.sides[self.side]

    # --- life on the stack --------------------------------------------------------

    def build(self) -> None:
        self.close()
        width, height = self.app.size
        self.actions = {}
        self.focus_order = []
        self.focus_tail = []
        self.lazy = []
        self.compose(pygame.Rect(0, 0, width, height))

    def close(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements = []
        self.panels = []

    def refresh(self) -> None:
        """Rebuild from the state after something changed, keeping the keyboard focus."""
        self.app.rebuild_top()

    def compose(self, rect: pygame.Rect) -> None:  # pragma: no cover - every screen overrides
        raise NotImplementedError

    def focusables(self) -> list[UIButton]:
        return [b for b in self.focus_order + self.focus_tail if b.alive() and b.is_enabled and b.visible]

    # --- input ----------------------------------------------------------------------

    def main_action(self) -> None:
        """Return: the screen's main action."""

    def on_key(self, event: pygame.event.Event) -> bool:
        """Keys of this screen alone; True when used."""
        return False

    def escape(self) -> bool:
        """Esc; True when the screen dealt with it, else the app's rule applies."""
        return False

    def update(self, dt: float) -> bool:
        """True while the screen animates or has just made rows (the app keeps drawing)."""
        return self._make_rows_in_sight()

    def lazy_rows(self, box: UIScrollingContainer, spans: list[tuple[int, int]], make: Callable[[int], None]) -> None:
        """The rows of a long scrolled list, made as they come into sight: ``spans`` is each row's
        (top, bottom) inside the list, ``make(i)`` makes row i. The rows in view (and a few beyond)
        are made now, the rest when a scroll brings them near, so a long list opens at once."""
        self.lazy.append((box, spans, make, set()))
        self._make_rows_in_sight()

    def _make_rows_in_sight(self) -> bool:
        made = False
        for box, spans, make, built in self.lazy:
            if not box.alive():
                continue
            bar = box.vert_scroll_bar
            top = bar.start_percentage * box.scrollable_container.rect.height if bar is not None else 0
            low, high = top - ROWS_AHEAD_PX, top + box.rect.height + ROWS_AHEAD_PX
            for i, (first, last) in enumerate(spans):
                if i not in built and last >= low and first <= high:
                    built.add(i)
                    make(i)
                    made = True
        return made

    def reveal(self, element) -> None:
        """Scroll the list holding ``element`` (if any) so that it is in sight."""
        box = next((e for e in self.elements if isinstance(e, UIScrollingContainer | FixedBox)
                    and element.ui_container is e.scrollable_container), None)
        if box is None or box.vert_scroll_bar is None:
            return
        view, inner = box.rect, box.scrollable_container.rect
        if view.top <= element.rect.top and element.rect.bottom <= view.bottom:
            return
        bar = box.vert_scroll_bar
        wanted = (element.rect.top - inner.top - view.height // 3) / max(1, inner.height)
        bar.set_scroll_from_start_percentage(max(0.0, min(1.0 - bar.visible_percentage, wanted)))
        box.update(0.0)

    def _boxes(self) -> list:
        """The scrolled lists in sight, nested ones too (a list inside a panel's scroller)."""
        boxes, todo = [], [e for e in self.elements if isinstance(e, UIScrollingContainer | FixedBox)]
        while todo:
            box = todo.pop()
            if box.vert_scroll_bar is not None and box.visible:
                boxes.append(box)
            todo.extend(e for e in box.scrollable_container.elements
                        if isinstance(e, UIScrollingContainer | FixedBox))
        return boxes

    def scroll(self, pages: float, pointer: tuple[int, int] | None = None, focus=None) -> None:
        """Page Up / Page Down: scroll the list under the pointer, else the one holding the
        keyboard's focus, else the screen's largest."""
        boxes = self._boxes()
        if not boxes:
            return
        under = [b for b in boxes if pointer is not None and b.rect.collidepoint(pointer)]
        held = [b for b in boxes if focus is not None and focus.ui_container is b.scrollable_container]
        box = (under or held or [max(boxes, key=lambda b: b.rect.height)])[0]
        self._page(box, pages)

    @staticmethod
    def _page(box, pages: float) -> None:
        bar = box.vert_scroll_bar
        step = bar.visible_percentage * 0.9 * pages
        bar.set_scroll_from_start_percentage(max(0.0, min(1.0 - bar.visible_percentage, bar.start_percentage + step)))
        box.update(0.0)

    def page_at(self, pos: tuple[int, int]) -> bool:
        """A click on a scroll bar's track, above or below its handle, pages that way. True when it did."""
        for box in self._boxes():
            bar = box.vert_scroll_bar
            handle = bar.sliding_button
            if not bar.rect.collidepoint(pos) or handle is None or handle.rect.collidepoint(pos):
                continue
            arrows = [b for b in (bar.top_button, bar.bottom_button) if b is not None]
            if any(b.rect.collidepoint(pos) for b in arrows):
                return False  # the arrows scroll by themselves
            self._page(box, -1 if pos[1] < handle.rect.top else 1)
            return True
        return False

    def draw_under(self, surface: pygame.Surface) -> None:
        if self.modal and self.backdrop is not None:
            if self.backdrop.get_size() != surface.get_size():
                self.backdrop = pygame.transform.smoothscale(self.backdrop, surface.get_size())
            surface.blit(self.backdrop, (0, 0))
        elif self.backdrop_kind == "plain":
            surface.fill(art.BACKGROUND)
        else:
            surface.blit(art.starfield(surface.get_size(), self.backdrop_kind == "earth"), (0, 0))

        for rect, kind in self.panels:
            fill, edge, width = PANEL_LOOK.get(kind, PANEL_LOOK[None])
            radius = 0 if kind == "#bar" else 8
            pygame.draw.rect(surface, fill, rect, border_radius=radius)
            if width:
                pygame.draw.rect(surface, edge, rect, width, border_radius=radius)
            elif kind == "#bar":  # the bar's foot: a rule in the side's chrome or gold, and its stripe
                pygame.draw.line(surface, edge, (rect.left, rect.bottom - 1), (rect.right, rect.bottom - 1), 2)
                pygame.draw.line(surface, art.STRIPE, (rect.left, rect.bottom + 2), (rect.right, rect.bottom + 2), 2)

    def draw_over(self, surface: pygame.Surface) -> None:
        pass

    # --- building blocks ------------------------------------------------------------

    def _add(self, element, parent):
        # no root container: every level of nesting makes pygame_gui's theme lookups slower
        if parent is None:
            self.elements.append(element)
        return element

    def label(self, rect, text: str, tip: str | None = None, kind: str | None = None, align: str | None = None,
              parent=None) -> UILabel:
        short = fit(text, label_font(kind), pygame.Rect(rect).width - 8)
        if short != text:
            tip = f"{text}<br>{tip}" if tip else text
            text = short
        element = self._add(UILabel(pygame.Rect(rect), text, self.manager, container=parent,
                                    object_id=style(kind, f"@{align}" if align else None)), parent)
        if tip:
            element.set_tooltip(tip, delay=TOOLTIP_DELAY, wrap_width=TIP_WIDTH)
        return element

    def cell(self, rect, text: str, tip: str | None = None, kind: str | None = None, parent=None,
             align: str | None = None) -> UIImage:
        """A label made as a picture in the theme's look for that kind of label: a third of a
        label's cost to make, for tables of many rows. ``set_cell`` changes what it says."""
        picture, tip = self._cell_picture(pygame.Rect(rect).size, text, tip, kind, align)
        element = self.image(rect, picture, tip=tip, parent=parent)
        element.text = text  # what it says, for tests and the layout checks, as on a label
        return element

    def set_cell(self, element: UIImage, text: str, tip: str | None = None, kind: str | None = None,
                 align: str | None = None) -> None:
        picture, tip = self._cell_picture(element.rect.size, text, tip, kind, align)
        element.set_image(picture)
        if tip:
            element.set_tooltip(tip, delay=TOOLTIP_DELAY, wrap_width=TIP_WIDTH)
        element.text = text

    def _cell_picture(self, size, text: str, tip: str | None, kind: str | None,
                      align: str | None) -> tuple[pygame.Surface, str | None]:
        """A cell's text drawn to its size (shortened to fit), and its tip (with the whole words
        first, when they were shortened, as on a label)."""
        font = label_font(kind)
        width, height = size
        short = fit(text, font, width - 8)
        if short != text:
            tip = f"{text}<br>{tip}" if tip else text
        drawn = font.render(short, True, self._text_colour(kind))
        picture = pygame.Surface((width, height), pygame.SRCALPHA)
        x = {"center": (width - drawn.get_width()) // 2, "right": width - 4 - drawn.get_width()}.get(align, 4)
        picture.blit(drawn, (x, (height - drawn.get_height()) // 2))
        return picture, tip

    def _text_colour(self, kind: str | None) -> pygame.Color:
        """A label's text colour for ``kind`` in the current theme (looked up once per theme)."""
        theme = self.manager.get_theme()
        key = (id(theme), kind)
        if key not in _TEXT_COLOURS:
            ids = theme.build_all_combined_ids([None], ["label"], [None], [kind])
            _TEXT_COLOURS[key] = theme.get_colour("normal_text", ids)
        return _TEXT_COLOURS[key]

    def button(self, rect, text: str, action: Callable[[], None], tip: str | None = None, kind: str | None = None,
               enabled: bool = True, parent=None, align: str | None = None, tail: bool = False,
               selected: bool = False) -> UIButton:
        element = self._add(UIButton(pygame.Rect(rect), text, self.manager, container=parent,
                                     object_id=style(kind, f"@{align}" if align else None)), parent)
        if tip:
            element.set_tooltip(tip, delay=TOOLTIP_DELAY, wrap_width=TIP_WIDTH)
        if not enabled:
            element.disable()
        if selected:
            element.select()
        self.actions[element] = action
        (self.focus_tail if tail else self.focus_order).append(element)
        return element

    def image(self, rect, surface: pygame.Surface, tip: str | None = None, parent=None) -> UIImage:
        rect = pygame.Rect(rect)
        element = self._add(UIImage(rect, surface, self.manager, container=parent), parent)
        if tip:
            element.set_tooltip(tip, delay=TOOLTIP_DELAY, wrap_width=TIP_WIDTH)
        return element

    def panel(self, rect, kind: str | None = None) -> pygame.Rect:
        """A background box, drawn by the screen under the elements (cheaper than a UIPanel)."""
        rect = pygame.Rect(rect)
        self.panels.append((rect, kind))
        return rect

    def entry(self, rect, text: str, tip: str | None = None, limit: int = 60, numbers: bool = False):
        element = self._add(UITextEntryLine(pygame.Rect(rect), self.manager), None)
        if numbers:
            element.set_allowed_characters("numbers")
        element.set_text_length_limit(limit)
        element.set_text(text)
        if tip:
            element.set_tooltip(tip, delay=TOOLTIP_DELAY, wrap_width=TIP_WIDTH)
        self.focus_order.append(element)
        return element

    def scroller(self, rect, inner_height: int, parent=None) -> UIScrollingContainer | FixedBox:
        """A list box that scrolls when its content is taller than it; one that fits is a plain
        container (a scrolling one is seven elements and costs 3 ms to make, a plain one 0.05)."""
        rect = pygame.Rect(rect)
        if inner_height <= rect.height:
            return self._add(FixedBox(rect, self.manager, container=parent), parent)
        box = self._add(UIScrollingContainer(rect, self.manager, container=parent, allow_scroll_x=False), parent)
        box.set_scrollable_area_dimensions((rect.width - (16 if inner_height > rect.height else 0),
                                           max(inner_height, 1)))
        return box

    def text(self, rect, items: list[tuple], parent=None) -> pygame.Rect:
        """Wrapped paragraphs, (text, colour[, size[, bold]]) each; scrolls when too tall."""
        rect = pygame.Rect(rect)
        full = paragraphs(items)
        block = art.text_block(full, rect.width - 4)
        if block.get_height() <= rect.height:
            self.image((rect.x, rect.y, block.get_width(), block.get_height()), block, parent=parent)
        else:
            block = art.text_block(full, rect.width - 22)
            box = self.scroller(rect, block.get_height(), parent)
            self.image((0, 0, block.get_width(), block.get_height()), block, parent=box)
        return rect


def paragraphs(items: list[tuple]) -> list[tuple[str, tuple, int, bool]]:
    """(text, colour[, size[, bold]]) items made whole for ``art.text_block``: size 15 and not
    bold unless said."""
    return [(t[0], t[1], t[2] if len(t) > 2 else 15, t[3] if len(t) > 3 else False) for t in items]


def fit(text: str, font: pygame.font.Font, width: int) -> str:
    """The text, shortened with an ellipsis if it is wider than ``width``."""
    if not text or font.size(text)[0] <= width:
        return text
    while text and font.size(text + "\u2026")[0] > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def columns(rect: pygame.Rect, shares: list[float], gap: int = 12) -> list[pygame.Rect]:
    """Split a rect left to right by shares of its width."""
    total = sum(shares)
    free = rect.width - gap * (len(shares) - 1)
    out, x = [], rect.x
    for share in shares:
        width = int(free * share / total)
        out.append(pygame.Rect(x, rect.y, width, rect.height))
        x += width + gap
    return out


def inset(rect: pygame.Rect, x: int, y: int | None = None) -> pygame.Rect:
    return pygame.Rect(rect).inflate(-2 * x, -2 * (x if y is None else y))


def label_font(kind: str | None) -> pygame.font.Font:
    """The theme's font for a label of this kind."""
    return art.font(*LABEL_FONTS.get(kind, (30, True) if kind and kind.startswith("#big") else (15, True)))


def theme_changed() -> None:
    """The theme was loaded again (another side's face, another palette): look colours up anew."""
    _TEXT_COLOURS.clear()


class FixedBox(UIContainer):
    """What ``Screen.scroller`` gives for content that fits: a container that reads like a
    scrolling one with nothing to scroll (no bar; its elements sit in the box itself)."""

    vert_scroll_bar = None

    @property
    def scrollable_container(self) -> FixedBox:
        return self
