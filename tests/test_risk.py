"""Risk with teeth: what a launch costs beyond its price, and the bugs that let it be free."""

from game.core import commands
from game.core.game import Game


def _ready(content, era, seed, sides=(("usa", "jupiter_c", "explorer"), ("ussr", "r7", "sputnik"))):
    game = Game.new(content, era, seed)
    for side, rocket, craft in sides:
        side_state = game.state.sides[side]
        side_state.cash = 500
        for prog_id in (rocket, craft):
            prog = game.open_programme(side_state, prog_id)
            prog.reliability, prog.quarters = 99.0, 20
    return game


def _end_turn(game):
    for side in game.state.sides.values():
        side.pending_events.clear()
        assert game.execute(commands.EndTurn(side.side))


def test_no_launch_flies_after_the_goal_is_won(content):
    """The race ends with the goal: a launch booked for later in that quarter stays on the ground."""
    checked = 0
    for seed in range(20):
        game = _ready(content, "satellites", seed)
        month = game.month_now()
        assert game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik", month))
        assert game.execute(commands.PlanMission("usa", "satellite", "jupiter_c", "explorer", month + 2))
        _end_turn(game)
        if game.state.winner == "ussr":
            assert [r.side for r in game.state.launches if r.outcome != "scrubbed"] == ["ussr"]
            assert game.state.sides["usa"].launches == 0
            checked += 1
    assert checked


def test_a_second_is_not_reported_as_a_first(content):
    checked = 0
    for seed in range(20):
        game = _ready(content, "campaign", seed)
        game.state.quarter = game.state.start + 4 * (1957 - 1944)
        month = game.month_now()
        assert game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik", month))
        assert game.execute(commands.PlanMission("usa", "satellite", "jupiter_c", "explorer", month + 2))
        _end_turn(game)
        won = game.state.firsts.get("first_satellite", [])
        if [w.side for w in won] == ["ussr", "usa"]:
            by_side = {r.side: r for r in game.state.launches}
            assert by_side["ussr"].firsts == ["first_satellite"]
            assert by_side["usa"].firsts == []
            checked += 1
    assert checked


def test_a_scrub_names_the_step_that_scrubbed(content):
    """The scrub message names the failed step, not the last of those skipped after it."""
    for seed in range(200):
        game = _ready(content, "satellites", seed, (("ussr", "r7", "sputnik"),))
        game.state.sides["ussr"].programmes["r7"].reliability = 20.0
        assert game.execute(commands.PlanMission("ussr", "satellite", "r7", "sputnik"))
        _end_turn(game)
        report = next(r for r in game.state.launches if r.side == "ussr")
        if report.outcome != "scrubbed" or not report.steps:
            continue
        scrubbed = next(s for s in report.steps if s.outcome == "scrub")
        assert scrubbed.name != report.steps[-1].name  # lift-off scrubbed; later steps were skipped
        lines = [e.text for e in game.state.log if "scrubbed" in e.text]
        assert lines[-1] == f"Satellite scrubbed: {scrubbed.name} scrubbed."
        return
    raise AssertionError("no scrub at lift-off in 200 seeds")

