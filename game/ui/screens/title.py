"""The title screen."""

from __future__ import annotations

import pygame

from game.ui.widgets import Screen

LINEUP = (("v2", None, 0.47), ("r7", "sputnik", 0.545), ("saturn5", "apollo_csm", 0.635), ("n1", "lok", 0.735))


class TitleScreen(Screen):
    backdrop_kind = "earth"
    lineup: list = []

    def draw_under(self, surface: pygame.Surface) -> None:
        super().draw_under(surface)
        for picture, place in self.lineup:
            surface.blit(picture, place)

    def _lineup(self, rect: pygame.Rect) -> list:
        """The race in four machines, to one scale, standing on the Earth's curve: the V-2, the R-7
        with Sputnik, the Saturn V with Apollo and the N1."""
        from game.ui import vehicles

        width, height = rect.size
        radius = int(width * 1.1)  # the backdrop's Earth (art.starfield)
        cx, cy = int(width * 0.7), int(height + radius * 0.82)
        scale = round(height * 0.5 / 118, 3)
        out = []
        for rocket, craft, share in LINEUP:
            built = vehicles.stack(rocket, craft, scale)
            x = int(width * share)
            ground = cy - (radius ** 2 - (x - cx) ** 2) ** 0.5 + 4
            out.append((built.whole(), (x - built.width // 2, int(ground - built.base))))
        return out

    def compose(self, rect: pygame.Rect) -> None:
        self.lineup = self._lineup(rect)
        x = max(40, rect.width // 10)
        y = max(40, rect.height // 7)
        self.label((x, y, 700, 64), "SPACE RACE", kind="#title")
        self.label((x + 2, y + 62, 700, 30), "From the V-2 to the Moon, 1944\u20131969", kind="#subtitle")
        latest = self.app.storage.latest_save()
        width, height, gap = 320, 46, 12
        y += 130
        if latest is not None:
            from game.ui.screens.files import describe

            what = describe(latest.meta)
            self.button((x, y, width, height), "Continue", lambda: self.app.load_game(latest.path),
                        tip=f"Go on with your latest save: {what} (saved {latest.when}).")
            y += height + gap
        buttons = [("New game  (Return)", self.main_action, "Choose a side, an era and a rival, and begin.",
                    "#primary"),
                   ("Load game", self._load, "Open a saved game.", None),
                   ("Settings", self._settings, "Window size, full screen, volume and colours.", None),
                   ("How to play  (F1)", self._help, "The goal, a turn, the screens and every key.", None),
                   ("Quit", self._quit, "Close the game.", None)]
        for text, action, tip, kind in buttons:
            self.button((x, y, width, height), text, action, tip=tip, kind=kind)
            y += height + gap
        self.label((x, rect.height - 40, rect.width - 2 * x, 24),
                   "Play von Braun's team or the Chief Designer. Every button explains itself: rest the mouse on it.",
                   kind="#caption")

    def main_action(self) -> None:
        from game.ui.screens.newgame import NewGameScreen

        if self.app.content_or_error() is not None:
            self.app.push(NewGameScreen(self.app))

    def _load(self) -> None:
        from game.ui.screens.files import SaveLoadScreen

        self.app.push(SaveLoadScreen(self.app, "load"))

    def _settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def _help(self) -> None:
        from game.ui.screens.help import HelpScreen

        self.app.push(HelpScreen(self.app))

    def _quit(self) -> None:
        self.app.running = False
