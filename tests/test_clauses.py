"""Event clauses: typed models read from one-key mappings, the old names still read, the
combinators and comparisons judged as they say, and mistakes reported where they are."""

import pytest

from game.content import clauses, loader
from game.core import dates, eventtypes, turn
from game.core.game import Game


def conditions(*written):
    return loader.validate(tuple[clauses.Condition, ...], list(written))


def effects(*written):
    return loader.validate(tuple[clauses.Effect, ...], list(written))


# Each old name, in its short and long forms, and the clause it is read as.
OLD_NAMES = [
    ({"date_from": "1957-Q4"}, {"date": {"from": "1957-Q4"}}),
    ({"date_before": {"quarter": "1961-Q2"}}, {"date": {"before": "1961-Q2"}}),
    ({"first_open": "first_satellite"}, {"not": {"first_won": "first_satellite"}}),
    ({"lacks_first": {"first": "first_eva", "target": "rival"}}, {"not": {"has_first": {"first": "first_eva",
                                                                                        "target": "rival"}}}),
    ({"not_flag": "kennedy_goal"}, {"not": {"flag": "kennedy_goal"}}),
    ({"programme_not_started": "gemini"}, {"not": {"programme_started": "gemini"}}),
    ({"event_not_fired": "apollo_1_fire"}, {"not": {"event_fired": "apollo_1_fire"}}),
    ({"support_below": 40}, {"support": {"below": 40}}),
    ({"support_at_least": {"value": 60, "target": "rival"}}, {"support": {"at_least": 60, "target": "rival"}}),
    ({"reliability_below": {"programme": "r7", "value": 40}}, {"reliability": {"programme": "r7", "below": 40}}),
    ({"reliability_at_least": {"programme": "r7", "value": 70}},
     {"reliability": {"programme": "r7", "at_least": 70}}),
    ({"cash_at_least": 100}, {"cash": {"at_least": 100}}),
    ({"prestige_behind": 10}, {"prestige_gap": {"at_least": 10}}),
    ({"leader_health_below": 50}, {"leader_health": {"below": 50}}),
    ({"deaths_at_least": 2}, {"deaths": {"at_least": 2}}),
    ({"crew_below": 14}, {"crew": {"below": 14}}),
    ({"failures_at_least": {"programme": "n1", "value": 3}}, {"failures": {"programme": "n1", "at_least": 3}}),
    ({"successes_at_least": {"programme": "redstone", "value": 1}},
     {"successes": {"programme": "redstone", "at_least": 1}}),
]


@pytest.mark.parametrize(("old", "new"), OLD_NAMES, ids=[next(iter(old)) for old, _ in OLD_NAMES])
def test_old_condition_names_read_as_the_clause_they_now_are(old, new):
    assert conditions(old) == conditions(new)


def test_every_old_name_is_tested():
    assert {next(iter(old)) for old, _ in OLD_NAMES} == set(clauses.ALIASES)


def test_bare_values_fill_the_marked_parameter():
    assert effects({"support": -5}) == effects({"support": {"amount": -5}})
    assert conditions({"any_of": [{"flag": "x"}]}) == conditions({"any_of": {"conditions": [{"flag": "x"}]}})
    (loss,) = effects({"lose_crew": 2})
    assert (loss.count, loss.name, loss.target) == (2, "", "self")


def test_every_clause_has_a_rule():
    assert set(eventtypes.CONDITIONS) == set(clauses.CONDITIONS)
    assert set(eventtypes.EFFECTS) == set(clauses.EFFECTS)


def test_combinators_and_comparisons_are_judged_as_written(content):
    game = Game.new(content, "moon", 0)
    usa = game.state.sides["usa"]
    usa.flags.add("a")
    usa.support = 50.0

    def holds(written):
        (clause,) = conditions(written)
        return eventtypes.holds(game, "usa", clause)

    assert holds({"flag": "a"}) and not holds({"not": {"flag": "a"}}) and not holds({"not_flag": "a"})
    assert holds({"all_of": [{"flag": "a"}, {"not": {"flag": "b"}}]})
    assert not holds({"all_of": [{"flag": "a"}, {"flag": "b"}]})
    assert holds({"any_of": [{"flag": "b"}, {"flag": "a"}]}) and not holds({"any_of": [{"flag": "b"}]})
    assert holds({"support": {"at_least": 50, "below": 51}}) and not holds({"support": {"below": 50}})
    assert holds({"support_at_least": 50}) and not holds({"support_below": 50})
    assert not holds({"reliability": {"programme": "n1", "below": 100}})  # never for a programme not started


def _mod(tmp_path, condition_yaml: str, effect_yaml: str = "- support: 1"):
    events = tmp_path / "events"
    events.mkdir()
    (events / "extra.yaml").write_text(
        "events:\n  - id: test_event\n    title: A test\n    text: A test.\n    illustration: test\n"
        "    sides: [usa]\n    trigger:\n      conditions:\n"
        f"        {condition_yaml}\n"
        "    choices:\n      - id: ok\n        text: Fine.\n        effects:\n"
        f"          {effect_yaml}\n", encoding="utf-8")
    _, problems = loader.check(tmp_path)
    return [str(p).replace(str(tmp_path) + "/", "").removeprefix(tmp_path.name + "/") for p in problems]


PREFIX = "events/extra.yaml:9: events[test_event].trigger.conditions[0]"


@pytest.mark.parametrize(("written", "message"), [
    ("- not_flg: x", ": unknown condition type 'not_flg' (did you mean 'not_flag'?)"),
    ("- any_of: [{flgg: x}]", ".any_of[0]: unknown condition type 'flgg' (did you mean 'flag'?)"),
    ("- support: {below: 400}", ".support.below: input should be less than or equal to 100, got 400"),
    ("- support: {}", ".support: give below, at_least or both"),
    ("- support: 40", ".support: expected a mapping (of below, at_least, target), got int"),
    ("- not_flag: {flag: x, tagret: rival}",
     ".not_flag.tagret: unknown field 'tagret' (did you mean 'target'?)"),
    ("- not: {has_first: first_satelite}", ".not.has_first: unknown first 'first_satelite' "
                                           "(did you mean 'first_satellite'?)"),
    ("- lacks_first: first_satelite", ".lacks_first: unknown first 'first_satelite' (did you mean 'first_satellite'?)"),
    ("- any_of: {conditions: [{flgg: x}]}", ".any_of.conditions[0]: unknown condition type 'flgg' "
                                            "(did you mean 'flag'?)"),
    ("- not: {support: {below: 400}}", ".not.support.below: input should be less than or equal to 100, got 400"),
    ("- support_below: 400", ".support_below: input should be less than or equal to 100, got 400"),
    ("- support_below: {value: 400}", ".support_below.value: input should be less than or equal to 100, got 400"),
    ("- choice_made: {event: apollo_1_fire, choice: full_redesing}",
     ".choice_made: the event 'apollo_1_fire' has no choice 'full_redesing' (did you mean 'full_redesign'?)"),
    ("- {type: [flag], params: x}", ": expected a condition written as a one-key mapping, such as {support: 5}"),
    ("- era: mon", ".era: unknown era 'mon' (did you mean 'moon'?)"),
])
def test_condition_mistakes_say_where_and_what(tmp_path, written, message):
    assert _mod(tmp_path, written) == [PREFIX + message]


def test_effect_parameters_keep_their_ranges(tmp_path):
    assert _mod(tmp_path, "- flag: x", "- lose_crew: 0") == [
        "events/extra.yaml:14: events[test_event].choices[ok].effects[0].lose_crew: "
        "input should be greater than or equal to 1, got 0"]


def test_a_timed_grounding_ends_when_its_quarters_are_served(content):
    """Project Orbiter (1955): the Jupiter-C waits three quarters for its upper stages, then
    flies without another event; a grounding until further notice is not shortened by a
    timed one, and an unground ends either."""
    game = Game.new(content, "satellites", 1)
    usa = game.state.sides["usa"]
    start = game.state.quarter = dates.parse_quarter("1955-Q3")  # (the Jupiter-C's first date)
    for clause in effects({"ground": {"programme": "jupiter_c", "quarters": 3}}):
        eventtypes.apply(game, "usa", clause)
    assert "jupiter_c" in usa.grounded and usa.grounded_until == {"jupiter_c": start + 3}
    for programme in ("jupiter_c", "explorer"):
        game.open_programme(usa, programme)
    satellite = content.missions["satellite"]
    assert game.hardware("usa", satellite, "jupiter_c", "explorer") == \
        f"Jupiter-C (Juno I) is grounded by order from above until {dates.format_quarter(start + 3)}"
    for _ in range(2):
        turn._end_or_advance(game)
    assert "jupiter_c" in usa.grounded
    turn._end_or_advance(game)
    assert "jupiter_c" not in usa.grounded and not usa.grounded_until
    assert any(e.text == "Jupiter-C (Juno I) may fly again." for e in game.state.log)

    for clause in effects({"ground": "vanguard"}, {"ground": {"programme": "vanguard", "quarters": 1}}):
        eventtypes.apply(game, "usa", clause)
    assert "vanguard" in usa.grounded and "vanguard" not in usa.grounded_until  # held until further notice
    for clause in effects({"ground": {"programme": "explorer", "quarters": 2}}, {"unground": "explorer"}):
        eventtypes.apply(game, "usa", clause)
    assert "explorer" not in usa.grounded and "explorer" not in usa.grounded_until


def test_a_grounding_until_further_notice_is_said_so_after_a_timed_one(content):
    """The refusal a player reads follows the grounding as it stands: a timed one says when it
    ends, and once Eisenhower grounds the same rocket for good (the Vanguard choice), it does
    not (game.hardware remembers its answers)."""
    game = Game.new(content, "satellites", 1)
    game.state.quarter = dates.parse_quarter("1955-Q3")
    usa = game.state.sides["usa"]
    for programme in ("jupiter_c", "explorer"):
        game.open_programme(usa, programme)
    usa.grounded.discard("explorer")
    satellite = content.missions["satellite"]
    said = []
    for clause in effects({"ground": {"programme": "jupiter_c", "quarters": 3}}, {"ground": "jupiter_c"}):
        eventtypes.apply(game, "usa", clause)
        said.append(game.hardware("usa", satellite, "jupiter_c", "explorer"))
    assert said == ["Jupiter-C (Juno I) is grounded by order from above until 1956-Q2",
                    "Jupiter-C (Juno I) is grounded by order from above"]
