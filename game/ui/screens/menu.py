"""The game menu (Esc at headquarters)."""

from __future__ import annotations

import pygame

from game.ui.widgets import Screen


class GameMenuScreen(Screen):
    modal = True

    def compose(self, rect: pygame.Rect) -> None:
        items = [("Back to the game  (Esc)", self.app.pop, "Close this menu.", "#primary"),
                 ("Save game", self._save, "Save under a name you choose. F5 saves quickly.", None),
                 ("Load game", self._load, "Open a saved game (this one is not saved first). F9 loads the quick save.",
                  None),
                 ("Settings", self._settings, "Window size, full screen, volume and colours.", None),
                 ("How to play  (F1)", self._help, "The goal, a turn, the screens and every key.", None),
                 ("Quit to the title screen", self.app.quit_to_title,
                  "Leave this game. It was saved automatically at the start of this turn.", None),
                 ("Quit the game", self._quit, "Close the window. The autosave keeps the start of this turn.", None)]
        width, height, gap = 360, 44, 10
        card = pygame.Rect(0, 0, width + 60, 80 + len(items) * (height + gap))
        card.center = rect.center
        self.panel(card, "#modal")
        self.label((card.x + 30, card.y + 16, width, 36), "Menu", kind="#heading", align="center")
        y = card.y + 64
        for text, action, tip, kind in items:
            self.button((card.x + 30, y, width, height), text, action, tip=tip, kind=kind)
            y += height + gap

    def main_action(self) -> None:
        self.app.pop()

    def _save(self) -> None:
        from game.ui.screens.files import SaveLoadScreen

        self.app.replace(SaveLoadScreen(self.app, "save"))

    def _load(self) -> None:
        from game.ui.screens.files import SaveLoadScreen

        self.app.replace(SaveLoadScreen(self.app, "load"))

    def _settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen

        self.app.replace(SettingsScreen(self.app))

    def _help(self) -> None:
        from game.ui.screens.help import HelpScreen

        self.app.replace(HelpScreen(self.app))

    def _quit(self) -> None:
        self.app.running = False
