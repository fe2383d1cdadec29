"""Saving and loading: named saves, the quick save and the last autosaves."""

from __future__ import annotations

import pygame

from game.core import dates, save
from game.core.state import SHORT
from game.ui import art, words
from game.ui.storage import display_text
from game.ui.widgets import Screen

ROW = 44


class SaveLoadScreen(Screen):
    backdrop_kind = "plain"

    def __init__(self, app, mode: str):
        super().__init__(app)
        self.mode = mode  # save | load
        self.name_entry = None
        self.name = ""
        if mode == "save" and app.session is not None:
            meta = app.session.meta()
            self.name = f"{SHORT[app.session.player]} {meta['era_name']} {meta['date']}"

    def compose(self, rect: pygame.Rect) -> None:
        margin = 28
        saving = self.mode == "save"
        self.label((margin, 16, rect.width - 2 * margin, 44), "Save the game" if saving else "Load a game", kind="#big")
        self.label((margin, 60, rect.width - 2 * margin, 22), f"Saves are kept in {self.app.storage.saves}",
                   kind="#caption", tip="The data folder is $SPACERACE_HOME when set, else your user data folder.")
        top = 92
        if saving:
            self.label((margin, top, 120, 38), "Name", kind="#heading")
            self.name_entry = self.entry((margin + 90, top, 460, 38), self.name,
                                         tip="Letters, digits and spaces make the file's name.")
            self.manager.set_focus_set(self.name_entry)
            self.button((margin + 564, top, 200, 38), "Save  (Return)", self.main_action, kind="#primary",
                        tip="Save under this name; a save of the same name is replaced.")
            top += 54
        saves = self.app.storage.list_saves()
        area = pygame.Rect(margin, top, rect.width - 2 * margin, rect.height - top - 84)
        self.panel(area)
        if not saves:
            self.label((area.x + 16, area.y + 12, area.width - 32, 30), "No saves yet.", kind="#muted")
        box = self.scroller(area.inflate(-8, -12), len(saves) * ROW + 4)
        width = box.rect.width - (18 if len(saves) * ROW > box.rect.height else 6)
        for i, info in enumerate(saves):
            y = i * ROW + 2
            meta = info.meta
            what = info.problem or describe(meta)
            self.label((10, y, int(width * 0.3), ROW - 6), info.name, parent=box,
                       kind="#bad" if info.problem else None, tip=str(info.path))
            self.label((10 + int(width * 0.3), y, int(width * 0.45), ROW - 6), what, parent=box,
                       kind="#bad" if info.problem else "#muted")
            self.label((10 + int(width * 0.75), y, int(width * 0.12), ROW - 6), info.when, parent=box,
                       kind="#caption")
            if saving:
                if info.kind == "named" and not info.problem:
                    self.button((width - 120, y + 3, 112, ROW - 10), "Replace", lambda i=info: self._replace(i),
                                parent=box, tip=f"Save over \u201c{info.name}\u201d.")
            else:
                self.button((width - 120, y + 3, 112, ROW - 10), "Load", lambda p=info.path: self._load(p),
                            parent=box, kind=None if not info.problem else "#danger",
                            tip=f"Load this game: {what}." if not info.problem
                            else f"This file cannot be loaded: {info.problem}.")
        self.button((margin, rect.height - 64, 200, 46), "Back  (Esc)", self.escape_now, tip="Close without saving."
                    if saving else "Close without loading.")

    def main_action(self) -> None:
        if self.mode == "save":
            text = self.name_entry.get_text() if self.name_entry is not None else self.name
            self._save_as(text)

    def _save_as(self, name: str, overwrite: bool = False) -> None:
        from game.ui.screens.dialogs import ConfirmScreen
        from game.ui.storage import SaveExists

        if not name.strip():
            self.app.toast("Type a name for the save first.", art.WARN)
            return
        try:
            path = self.app.storage.named_save(name, self.game.state, self.session.meta(), overwrite=overwrite)
        except SaveExists as taken:
            self.app.push(ConfirmScreen(self.app, "Replace the save?",
                                        f"A save is already kept as {taken.path.name}. Replace it with this game?",
                                        "Replace", lambda: self._save_as(name, overwrite=True)))
            return
        except (OSError, save.SaveError) as err:
            self.app.toast(f"Not saved: {err}", art.BAD)
            return
        self.app.toast(f"Saved as {path.name}.", art.GOOD)
        self.escape_now()

    def _replace(self, info) -> None:
        try:
            self.app.storage.replace(info.path, self.game.state, self.session.meta(), info.name)
        except (OSError, save.SaveError) as err:
            self.app.toast(f"Not saved: {err}", art.BAD)
            return
        self.app.toast(f"Saved over {info.path.name}.", art.GOOD)
        self.escape_now()

    def _load(self, path) -> None:
        self.app.load_game(path)

    def escape_now(self) -> None:
        if self.app.session is not None and self.app.find_hq() is not None:
            self.app.back_to_hq()
        else:
            self.app.pop()

    def escape(self) -> bool:
        self.escape_now()
        return True


def describe(meta: dict) -> str:
    """A save's meta in words: side, era, date and rival."""
    try:
        when = words.quarter_short(dates.parse_quarter(str(meta.get("date"))))
    except ValueError:
        when = "?"
    rival = {"human": "two players", "history": "against history"}.get(
        meta.get("rival"), f"against the computer ({meta.get('difficulty', 'normal')})")
    return display_text(f"{SHORT.get(meta.get('side'), '?')}  \u00b7  {meta.get('era_name', '?')}  \u00b7  {when}  \u00b7  "
            f"{rival}", 200)
