"""The computer rival's level: its judgement (game/ai/planner.py) and the edge its level
gives it (levels.yaml), which the new-game screen says and the save keeps."""

import dataclasses

from game import sim
from game.ai import levels_of, make_agent
from game.content import loader
from game.core import commands, save
from game.core.game import Game
from game.ui import words
from game.ui.session import Session


def test_the_hard_rival_is_better_funded_and_learns_more_and_no_one_else_is(content):
    hard = content.levels["hard"]
    assert hard.budget > 1 and hard.research > 1
    plain = Game.new(content, "moon", 3)
    edged = Game.new(content, "moon", 3, levels={"ussr": "hard"})
    for field in ("budget", "base_budget", "cash"):
        assert getattr(edged.state.sides["ussr"], field) == getattr(plain.state.sides["ussr"], field) * hard.budget
        assert getattr(edged.state.sides["usa"], field) == getattr(plain.state.sides["usa"], field)
    for game in (plain, edged):  # the same money into the same programme, the same dice
        side = game.state.sides["ussr"]
        side.cash = 100
        assert game.execute(commands.FundProgramme("ussr", "n1", 10))
        for s in game.state.sides.values():
            s.pending_events.clear()
            assert game.execute(commands.EndTurn(s.side))
    start = Game.new(content, "moon", 3).state.sides["ussr"].programmes["n1"].reliability
    gained = [g.state.sides["ussr"].programmes["n1"].reliability - start for g in (plain, edged)]
    assert gained[0] > 0
    assert abs(gained[1] - gained[0] * hard.research) < 1e-6


def test_the_hard_rival_develops_its_hardware_sooner(content):
    """Its pace counts more than a quarter of development for each quarter funded: a
    programme's rush penalty is gone sooner (history's earliest dates still hold)."""
    pace = content.levels["hard"].pace
    assert pace > 1
    counted = []
    for levels in ({}, {"ussr": "hard"}):
        game = Game.new(content, "moon", 3, levels=levels)
        side = game.state.sides["ussr"]
        side.cash = 100
        start = side.programmes["n1"].quarters
        assert game.execute(commands.FundProgramme("ussr", "n1", 5))
        for s in game.state.sides.values():
            s.pending_events.clear()
            assert game.execute(commands.EndTurn(s.side))
        counted.append(side.programmes["n1"].quarters - start)
    assert counted == [1, pace]


def test_the_simulator_and_the_window_give_the_edge_to_the_computer_only(content):
    assert levels_of({"usa": make_agent("ai:hard"), "ussr": make_agent("random")}) == {"usa": "hard"}
    game = sim.play(content, "rockets", 1, {"usa": make_agent("ai:hard"), "ussr": make_agent("ai")}, turns=1)
    assert game.state.sides["usa"].research_edge == content.levels["hard"].research
    assert game.state.sides["ussr"].research_edge == 1.0
    session = Session.new(content, "moon", "usa", "ai", "hard", seed=2)
    assert session.game.state.sides["ussr"].research_edge == content.levels["hard"].research
    assert session.game.state.sides["usa"].research_edge == 1.0  # the player's side
    hot_seat = Session.new(content, "moon", "usa", "human", "hard", seed=2)
    assert all(s.research_edge == 1.0 for s in hot_seat.game.state.sides.values())


def test_a_save_keeps_the_edge_and_refuses_an_absurd_one(content, tmp_path):
    game = Game.new(content, "moon", 3, levels={"ussr": "hard"})
    path = tmp_path / "edge.json"
    save.write(path, game.state, {})
    state, _ = save.read(path)
    assert state.sides["ussr"].research_edge == content.levels["hard"].research
    text = path.read_text(encoding="utf-8")
    assert '"research_edge":1.5' in text
    text = text.replace('"research_edge":1.5', '"research_edge":1000')
    path.write_text(text, encoding="utf-8")
    try:
        save.read(path)
    except save.SaveError as err:
        assert "research_edge" in str(err)
    else:
        raise AssertionError("a save with a thousandfold research edge was read")


def test_the_new_game_screen_says_what_a_level_gives(content):
    said = words.level_edge(content.levels["hard"])
    assert said == "Given 30 % more money, 50 % more from its research and 20 % quicker development."
    assert words.level_edge(content.levels["normal"]) == ""
    poorer = dataclasses.replace(content.levels["easy"], budget=0.8)
    assert words.level_edge(poorer) == "Given 20 % less money."


def test_a_misspelt_level_names_the_nearest(tmp_path):
    (tmp_path / "levels.yaml").write_text("levels:\n  - id: hrad\n    budget: 9\n")
    text = "\n".join(map(str, loader.check(tmp_path)[1]))
    assert "levels.yaml:2" in text and "hard" in text
    assert "levels.yaml:3" in text and "budget" in text
