"""Hostile saves: every edited save either loads and plays on, or is refused with a
message that names the file and the field; never another exception."""

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import sim
from game.ai import make_agent
from game.core import save
from game.core.commands import EndTurn
from game.core.game import Game

EDITS = Path(__file__).parent / "fixtures" / "saves" / "edits.txt"


def _edits():
    for number, line in enumerate(EDITS.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            edit, expected = line.split("  =>  ")
            path, value = edit.split(" = ", 1)
            yield pytest.param(path, json.loads(value), expected, id=f"line{number}")


@pytest.fixture(scope="module")
def real_save(content):
    game = sim.play(content, "moon", 7, {"usa": make_agent("ai"), "ussr": make_agent("ai")}, turns=6)
    game.state.next_mission_id = max(game.state.next_mission_id, 10)  # the edits book missions numbered 2 and 999
    return json.loads(save.dumps(game.state, {"side": "usa"}))


def _steps(path: str) -> list:
    steps = []
    for part in path.replace("[", ".[").split("."):
        steps.append(int(part[1:-1]) if part.startswith("[") else part)
    return steps


def _edit(document, path: str, value):
    data = json.loads(json.dumps(document))
    node, steps = data, _steps(path)
    for step in steps[:-1]:
        node = node[next(iter(node)) if step == "*" else step]
    node[steps[-1]] = value
    return data


def _load(text: str, content, name: str = "edited.json"):
    state, meta = save.loads(text, name)
    save.check_against(content, state, name)
    return state, meta


@pytest.mark.parametrize("path, value, expected", list(_edits()))
def test_an_edited_save_is_refused_with_its_reason(content, real_save, path, value, expected):
    text = json.dumps(_edit(real_save, path, value))
    with pytest.raises(save.SaveError) as refused:
        _load(text, content)
    message = str(refused.value)
    assert message.startswith("edited.json: ") and expected in message, message


def test_the_real_save_loads_and_writes_the_same_bytes(content, real_save):
    text = json.dumps(real_save, separators=(",", ":"))
    state, meta = _load(text, content)
    assert save.dumps(state, meta) == text


@pytest.mark.parametrize("text, expected", [
    ("", "not a save file"), ("hello", "not a save file"), ("[]", "not a save file"), ("{}", "not a Space Race save"),
    ("\xff\xfe", "not a save file"), ('{"format": "spacerace-save"}', "no format version"),
    ('{"format": "spacerace-save", "version": 1, "meta": {}, "state": ' + "[" * 100 + "]" * 100 + "}",
     "the save holds no game"),
    ('{"format": "spacerace-save", "version": 1, "meta": {}, "state": {"era": ' + "[" * 100_000 + "]" * 100_000
     + "}}", "not a save file, or damaged"),
    ('{"format": "spacerace-save", "version": 1, "meta": {}, "state": {"era": NaN}}', "state.era"),
])
def test_broken_save_text_is_refused(content, text, expected):
    with pytest.raises(save.SaveError, match=expected):
        _load(text, content)


def test_a_save_is_standard_json(content, real_save):
    state, _ = _load(json.dumps(real_save), content)
    state.sides["usa"].cash = math.nan
    with pytest.raises(save.SaveError, match="cannot be saved"):
        save.dumps(state)


def test_a_fifo_or_a_folder_is_never_read(tmp_path):
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    with pytest.raises(save.SaveError, match="pipe.json: .*not a regular file"):
        save.read(fifo)
    with pytest.raises(save.SaveError, match="not a regular file"):
        save.read(tmp_path)
    with pytest.raises(save.SaveError, match="not a regular file"):
        save.read(Path("/dev/zero"))


# --- fuzzing from a real save ------------------------------------------------------------------

def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            yield from _paths(value, prefix + (index,))


hostile_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.sampled_from(["usa", "ussr", "r7", "saturn5", "n1", "first_satellite", "historical", 0, 1, -1, 10**30,
                     1e308, "\x00", [], {}, [[]], ["usa"], {"id": 1}]),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_real_saves_load_and_play_or_are_refused(content, real_save, data):
    paths = [p for p in _paths(real_save) if p and p[0] != "meta"]
    document = json.loads(json.dumps(real_save))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        node = document
        try:
            for step in path[:-1]:
                node = node[step]
            action = data.draw(st.sampled_from(["set", "delete"]))
            if action == "delete" and isinstance(node, dict):
                del node[path[-1]]
            else:
                node[path[-1]] = data.draw(hostile_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit took this path away
    text = json.dumps(document)  # NaN and Infinity written as JavaScript would: the loader must refuse them
    try:
        state, _ = _load(text, content)
    except save.SaveError as err:
        assert str(err).startswith("edited.json: ")
        return
    game = Game(content, state)  # it loaded: it must play on
    for side in ("usa", "ussr"):
        if not state.over and not state.sides[side].ready:
            make_agent("ai").plan(game, side)
            game.execute(EndTurn(side))
    save.dumps(game.state)


def _leaves(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node[:2]):
            yield from _leaves(value, prefix + (index,))
    else:
        yield prefix, node


def test_every_number_and_text_in_a_save_has_a_limit(content, real_save):
    """Whatever field state.py gains, an absurd number or a NUL in it is refused: the
    limits come from the type when LIMITS does not name the field."""
    leaves = [(path, value) for path, value in _leaves(real_save["state"]) if path[0] not in ("seed", "rng")]
    assert len(leaves) > 500
    for path, value in leaves:
        if isinstance(value, bool) or value is None:
            continue
        absurd = 10**15 if isinstance(value, int) else 1e15 if isinstance(value, float) else "\x00"
        document = json.loads(json.dumps(real_save))
        node = document["state"]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = absurd
        with pytest.raises(save.SaveError):
            _load(json.dumps(document), content)
