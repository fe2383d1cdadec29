"""Settings: window size, full screen, volume and colours, kept in the data folder."""

from __future__ import annotations

import pygame

from game.ui import art, words
from game.ui.screens.missions import LONG_SHOT_CREW_LOSS
from game.ui.storage import WINDOW_SIZES
from game.ui.widgets import Screen

PALETTE_TEXT = {"navy": ("Standard", "Blue for the USA, red for the USSR; green for good news, magenta for bad."),
                "colour-blind": ("Colour-blind friendly", "For red-green colour blindness: blue and orange sides; "
                                 "pale sky for good, vermilion for bad.")}


class SettingsScreen(Screen):
    backdrop_kind = "plain"

    def compose(self, rect: pygame.Rect) -> None:
        settings = self.app.settings
        margin = 40
        x = margin
        width = min(760, rect.width - 2 * margin)
        gap = 56 if rect.height >= 700 else 46  # a short window packs the rows closer
        self.label((x, 16, width, 44), "Settings", kind="#big")
        y = 76 if rect.height >= 700 else 64
        self.label((x, y, width, 28), "Window size", kind="#heading",
                   tip="The window can also be resized by dragging its edge; the screens lay themselves out again.")
        y += 34
        each = (width - 3 * 8) // 4
        current = self.app.size
        for i, (w, h) in enumerate(WINDOW_SIZES):
            chosen = (w, h) == tuple(current) and not settings.fullscreen
            self.button((x + i * (each + 8), y, each, 38), f"{w} \u00d7 {h}", lambda s=(w, h): self._size(s),
                        selected=chosen, kind=None if chosen else "#toggle", tip=f"A window of {w} by {h} pixels.")
        y += gap
        self.label((x, y, width, 28), "Full screen", kind="#heading", tip="F11 switches it anywhere in the game.")
        y += 34
        for i, (value, text) in enumerate(((False, "Window"), (True, "Full screen  (F11)"))):
            chosen = settings.fullscreen == value
            self.button((x + i * (each * 2 + 16), y, each * 2 + 8, 38), text, lambda v=value: self._fullscreen(v),
                        selected=chosen, kind=None if chosen else "#toggle",
                        tip="Fill the whole screen." if value else "Play in a window.")
        y += gap
        y = self._volume_row(x, y, width)
        y += gap
        y = self._colour_rows(x, y, width, each)
        self._on_off_row(x, y, "First-game guide", "Short hints, as each screen opens, pointing at the next thing to do.",
                         settings.guide, lambda on: self._switch("guide", on),
                         (("Hints on", "Show a hint as each screen opens (once a quarter)."), ("Hints off", "No hints.")))
        y += gap
        # the questions the game asks before an easy mistake, each on or off (a toggle each, on one
        # row: the shortest window has room for no more rows)
        self.label((x, y, 220, 38), "Ask first", kind="#heading",
                   tip="Questions before an easy mistake. Each question also offers not to ask again.")
        for i, (text, on, flip, tip) in enumerate((
                ("Empty turns", settings.ask_empty_turn, lambda: self._switch("ask_empty_turn", not settings.ask_empty_turn),
                 "Ask before ending a turn with no launch booked and money unspent, which is easy to do by "
                 "accident. Off: the turn ends at once, planned or not."),
                ("Crew long shots", settings.ask_long_shot, lambda: self._switch("ask_long_shot", not settings.ask_long_shot),
                 f"Ask before booking a crew on a flight with a {words.percent(LONG_SHOT_CREW_LOSS)} chance or more "
                 f"of killing it. Off: it is booked at once, whatever the odds."))):
            self.button((x + 230 + i * 210, y, 200, 38), f"{text}: {'ask' if on else 'off'}", flip,
                        selected=on, kind=None if on else "#toggle", tip=tip)
        self.button((x, rect.height - 64, 220, 46), "Done  (Return)", self.main_action, kind="#primary",
                    tip="Keep these settings and go back.")
        self.label((x + 236, rect.height - 52, width - 236, 24), f"Kept in {self.app.storage.settings_file}",
                   kind="#caption")

    def _volume_row(self, x: int, y: int, width: int) -> int:
        """The volume, and sound on or muted; returns the y of its buttons' row."""
        settings = self.app.settings
        self.label((x, y, width, 28), "Volume", kind="#heading",
                   tip="The sounds of clicks and launches." + ("" if self.app.sounds.ready else
                                                               " No sound device was found: the game is silent."))
        y += 34
        self.button((x, y, 60, 38), "\u2212", lambda: self._volume(-0.1), tip="Quieter.",
                    enabled=settings.volume > 0)
        self.label((x + 70, y, 120, 38), f"{settings.volume * 100:.0f} %", kind="#figure", align="center",
                   tip="0 % is silent.")
        self.button((x + 200, y, 60, 38), "+", lambda: self._volume(0.1), tip="Louder.", enabled=settings.volume < 1)
        for i, (value, text) in enumerate(((False, "Sound on"), (True, "Muted"))):
            chosen = settings.muted == value
            self.button((x + 290 + i * 150, y, 140, 38), text, lambda v=value: self._mute(v), selected=chosen,
                        kind=None if chosen else "#toggle",
                        tip="Silence every sound; the volume is kept for later." if value
                        else "Play the sounds: clicks, the countdown, the launch, Sputnik's beep, fanfares.")
        return y

    def _colour_rows(self, x: int, y: int, width: int, each: int) -> int:
        """The palettes, what the chosen one is for, and its swatches; returns the y below them."""
        settings = self.app.settings
        self.label((x, y, width, 28), "Colours", kind="#heading")
        y += 34
        for i, (value, (text, tip)) in enumerate(PALETTE_TEXT.items()):
            chosen = settings.palette == value
            self.button((x + i * (each * 2 + 16), y, each * 2 + 8, 38), text, lambda v=value: self._palette(v),
                        selected=chosen, kind=None if chosen else "#toggle", tip=tip)
        y += 44
        self.text((x, y, width, 30), [(PALETTE_TEXT.get(settings.palette, PALETTE_TEXT["navy"])[1], art.MUTED, 14)])
        swatch_y = y + 28
        for i, (name, colour) in enumerate((("USA", art.SIDE_COLOUR["usa"]), ("USSR", art.SIDE_COLOUR["ussr"]),
                                            ("good", art.GOOD), ("bad", art.BAD), ("warn", art.WARN))):
            self.image((x + i * 110, swatch_y, 24, 24), art.bar((24, 24), 1.0, colour))
            self.label((x + i * 110 + 30, swatch_y, 80, 24), name, tip=f"The colour for {name}.")
        return swatch_y + 34

    def _on_off_row(self, x: int, y: int, title: str, tip: str, current: bool, choose, texts) -> None:
        """A heading and two buttons, on and off, the current one selected."""
        self.label((x, y, 220, 38), title, kind="#heading", tip=tip)
        for i, (value, (text, button_tip)) in enumerate(zip((True, False), texts, strict=True)):
            chosen = current == value
            self.button((x + 230 + i * 150, y, 140, 38), text, lambda v=value: choose(v),
                        selected=chosen, kind=None if chosen else "#toggle", tip=button_tip)

    def _size(self, size) -> None:
        self.app.set_window(size[0], size[1], False)
        self.app.save_settings()

    def _fullscreen(self, on: bool) -> None:
        self.app.set_window(self.app.settings.width, self.app.settings.height, on)
        self.app.save_settings()

    def _volume(self, change: float) -> None:
        settings = self.app.settings
        settings.volume = round(min(1.0, max(0.0, settings.volume + change)), 1)
        self.app.sounds.set_volume(settings.volume)
        self.app.sounds.play("success")
        self.app.save_settings()
        self.refresh()

    def _mute(self, muted: bool) -> None:
        self.app.settings.muted = muted
        self.app.sounds.set_muted(muted)
        self.app.sounds.play("sputnik")
        self.app.save_settings()
        self.refresh()

    def _switch(self, name: str, on: bool) -> None:
        """Turn an on/off setting (``Settings.<name>``) on or off, and keep it."""
        setattr(self.app.settings, name, on)
        self.app.save_settings()
        self.refresh()

    def _palette(self, name: str) -> None:
        self.app.set_palette(name)
        self.app.save_settings()
        self.refresh()

    def main_action(self) -> None:
        self.app.save_settings()
        self.app.pop()

    def escape(self) -> bool:
        self.main_action()
        return True
