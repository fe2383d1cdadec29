"""Words a player reads: whole, and never an internal id."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import re  # noqa: E402

import pytest  # noqa: E402
from test_ui import key, open_window, pump  # noqa: E402

from game.core import commands, rules  # noqa: E402
from game.ui import art, words  # noqa: E402
from game.ui import widgets as widgets_module  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.screens.event import EventScreen  # noqa: E402


@pytest.fixture
def said(monkeypatch):
    """Every string the screens put in front of the player: labels, buttons, tooltips, text, toasts."""
    seen: list[str] = []

    def record(*texts):
        seen.extend(t for t in texts if isinstance(t, str))

    for name in ("label", "button", "image"):
        original = getattr(widgets_module.Screen, name)

        def wrapped(self, rect, *args, _original=original, **kwargs):
            record(*(a for a in args if isinstance(a, str)), kwargs.get("tip"))
            return _original(self, rect, *args, **kwargs)

        monkeypatch.setattr(widgets_module.Screen, name, wrapped)
    text_block = art.text_block

    def block(items, *args, **kwargs):
        record(*(item[0] for item in items))
        return text_block(items, *args, **kwargs)

    monkeypatch.setattr(art, "text_block", block)
    toast = App.toast

    def toasted(self, text, *args):
        record(text)
        return toast(self, text, *args)

    monkeypatch.setattr(App, "toast", toasted)
    return seen


def _ids_in(text: str, capabilities: set[str]) -> list[str]:
    text = " ".join(word for word in text.split() if "/" not in word and "\\" not in word)  # file paths
    found = re.findall(r"\b[a-z]+_[a-z_]+\b", text)  # snake_case: an id, never a word
    found += re.findall(r"\b(?:icbm|eva)\b", text)  # acronyms said as ids
    for cap in capabilities:  # "needs a rocket with icbm", "a spacecraft with circumlunar", "with crew capsule"
        raw = cap.replace("_", " ")
        if ("_" in cap or cap in ("icbm", "circumlunar", "maneuver", "ballistic")) and \
                re.search(rf"\b(?:with|needs) {raw}(?=[.,;<)]|$)", text):
            found.append(cap)
    return found


@pytest.mark.parametrize("side", ["usa", "ussr"])
def test_no_internal_id_reaches_the_player(tmp_path, content, said, side):
    app = open_window(tmp_path, content, era="moon", side=side, seed=4)
    capabilities = {c for p in content.programmes.values() for c in p.provides}
    capabilities |= {c for m in content.missions.values() for c in m.needs}
    for letter in "rmct":
        key(app, letter)
        for _ in range(6):  # to the end of long lists: rows out of sight are made as they come near
            key(app, "page down")
        key(app, "h")
    key(app, "m")
    planner = app.top
    for mission in content.missions:
        planner.choose_mission(mission)
        app.rebuild_top()
    key(app, "h")
    for event_id, event in content.events.items():
        if side in event.sides:
            app.push(EventScreen(app, event_id))
            app.pop()
    app.settings.ask_empty_turn = False
    game = app.session.game
    for _ in range(3):  # a few quarters: the reports and the news
        for event_id in list(game.state.sides[side].pending_events):
            game.execute(commands.AnswerEvent(side, event_id, content.events[event_id].choices[0].id))
        app.back_to_hq()
        pump(app)
        key(app, "return")
        for _ in range(8):
            key(app, "return")
    leaks = {text: _ids_in(text, capabilities) for text in said}
    leaks = {text: ids for text, ids in leaks.items() if ids}
    assert not leaks, "ids in player-facing text:\n" + "\n".join(f"{ids}: {text}" for text, ids in leaks.items())


def test_capability_reasons_are_put_into_words(content):
    assert words.plain("the icbm test needs a rocket with icbm", content) == \
        "the ICBM test needs a rocket with intercontinental (ICBM) range"
    assert "circumlunar" not in words.plain("the crewed lunar flyby needs a spacecraft with circumlunar", content)
    assert words.skill_word("eva") == "EVA" and words.skill_word("piloting") == "piloting"


def test_quarters_left_to_develop_are_said_in_whole_quarters(content):
    """A programme's clock counts in floats (a level's pace counts 1.25 a quarter): the words
    say whole quarters, rounded up, never '11.0' or '2.75'."""
    from game.core import explain
    from game.core.state import ProgrammeState

    lok = content.programmes["lok"]
    for quarters, expected in ((1.0, 11), (9.25, 3), (11.0, 1)):
        state = ProgrammeState("lok", reliability=60.0, quarters=quarters)
        assert words.quarters_to_go(lok, state) == expected
        driver = explain.StepDriver("Re-entry", 0.5, lok, 60.0, rules.rush_penalty(lok, state), 1, None, 0.0, 0.0)
        said = words.step_why(driver, state)
        assert f"; {expected} funded quarters to go" in said and ".0 funded" not in said
        assert f"Rushed: {expected} more funded quarter" in words.estimate_tip(lok, state)


def test_an_american_budget_share_is_not_a_soviet_bureau(content):
    american = [c for e in content.events.values() if "usa" in e.sides for c in e.choices
                if any(x.type == "bureau_share" for x in c.effects)]
    for choice in american:
        assert "bureau" not in words.describe_choice(choice, content, "usa")
    assert "bureau" not in words.rival_services("usa") and "bureau" in words.rival_services("ussr")


def test_the_same_news_over_and_over_is_said_once_with_how_many():
    lines = ["Satellite up"] * 9 + ["Budget"] + ["Satellite up"]
    assert words.fold_repeats(lines) == [("Satellite up", 9), ("Budget", 1), ("Satellite up", 1)]


def test_a_name_inside_a_sentence_keeps_its_proper_nouns():
    assert words.lower_first("Course to the Moon") == "course to the Moon"
    assert words.lower_first("Orbital tanker launch") == "orbital tanker launch"
    for name in ("Soyuz complex round the Moon", "Earth-orbit rendezvous landing", "9K rocket block launch",
                 "ICBM test"):
        assert words.lower_first(name) == name


def test_the_number_keys_of_one_answer_are_not_a_range():
    assert words.number_keys(1) == "1"  # a mod's event with one choice: not "1\u20131"
    assert words.number_keys(3) == "1\u20133"
