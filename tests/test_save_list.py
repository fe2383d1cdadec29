"""The saves folder may hold anything: the list of saves notes what it cannot use and
never crashes or hangs; named saves never silently replace another; autosaves are pruned
by the game's own sequence."""

import json
import os
import threading
from pathlib import Path

import pytest

from game.core import save
from game.ui.session import Session
from game.ui.storage import AUTOSAVES_KEPT, SaveExists, Storage, clean_label, safe_name


@pytest.fixture(scope="module")
def session(content):
    return Session.new(content, "survival", "usa", seed=1)


def _listed(storage: Storage, timeout: float = 10.0):
    """list_saves, run where a hang shows as a failure rather than a stuck test run."""
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("infos", storage.list_saves()), daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "list_saves hangs"
    return {info.path.name: info for info in result["infos"]}


def _hostile_folder(storage: Storage, good_text: str) -> dict[str, str]:
    """Whatever a saves folder may come to hold; each name and what the list must say
    (empty: it is listed as a good save)."""
    saves = storage.saves
    saves.mkdir(parents=True, exist_ok=True)
    expect = {}
    (saves / "good.json").write_text(good_text)
    expect["good.json"] = ""
    os.symlink(saves / "nowhere.json", saves / "dangling.json")
    os.symlink("/dev/zero", saves / "zero.json")
    os.symlink(saves / "good.json", saves / "link-to-good.json")
    (saves / "folder.json").mkdir()
    os.mkfifo(saves / "fifo.json")
    for name in ("dangling.json", "zero.json", "link-to-good.json", "folder.json", "fifo.json"):
        expect[name] = "not a save file"
    with open(saves / "huge.json", "wb") as handle:  # sparse: 60 MB that takes no disk
        handle.truncate(60_000_000)
    expect["huge.json"] = "too large"
    (saves / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    expect["deep.json"] = "damaged"
    (saves / "deep-meta.json").write_text('{"format":"spacerace-save","version":1,"meta":' + "[" * 100_000)
    expect["deep-meta.json"] = "damaged"
    (saves / "empty.json").write_text("")
    expect["empty.json"] = "damaged"
    (saves / "binary.json").write_bytes(b"\xff\xfe\x00\x01" * 100)
    expect["binary.json"] = "damaged"
    (saves / "other.json").write_text('{"format": "another-game"}')
    expect["other.json"] = "not a Space Race save"
    (saves / "newer.json").write_text('{"format":"spacerace-save","version":7,"meta":{}}')
    expect["newer.json"] = "newer version"
    (saves / "meta-list.json").write_text('{"format":"spacerace-save","version":1,"meta":[1,2]}')
    expect["meta-list.json"] = "damaged"
    nul = json.loads(good_text)
    nul["meta"]["label"] = "evil\x00name\x1b[31m" + "x" * 5000
    nul["meta"]["era_name"] = "\x00" * 10
    (saves / "nul-label.json").write_text(json.dumps(nul, separators=(",", ":")))
    expect["nul-label.json"] = ""
    spaced = json.loads(good_text)
    (saves / "hand-written.json").write_text(json.dumps(spaced, indent=2))  # not our layout: read whole
    expect["hand-written.json"] = ""
    (saves / ".hidden.json").write_text(good_text)
    (saves / "notes.txt").write_text("not a save")
    return expect


def test_the_list_survives_a_hostile_folder(tmp_path, session):
    storage = Storage(tmp_path)
    good = save.dumps(session.game.state, session.meta())
    expect = _hostile_folder(storage, good)
    listed = _listed(storage)
    assert set(listed) == set(expect)
    for name, problem in expect.items():
        info = listed[name]
        assert (problem in info.problem) if problem else not info.problem, (name, info.problem)
        assert "\x00" not in info.name and len(info.name) <= 80
        assert all("\x00" not in v for v in info.meta.values() if isinstance(v, str))
    assert listed["nul-label.json"].name.startswith("evil\ufffdname")
    assert storage.latest_save() is not None


def test_the_save_screen_lists_a_hostile_folder(tmp_path, session):
    from game.ui.screens.files import describe

    storage = Storage(tmp_path)
    _hostile_folder(storage, save.dumps(session.game.state, session.meta()))
    for info in _listed(storage).values():
        assert "\x00" not in describe(info.meta)


def test_named_saves_keep_their_script_and_never_collide(tmp_path, session):
    storage = Storage(tmp_path)
    state, meta = session.game.state, session.meta()
    names = ["Луна", "Марс", "Moon try", "Moon try!", "a/b", "a-b", "a\\b", "月面着陸", "CON", "con.txt",
             "autosave", "quicksave", "x" * 300, "x" * 301, ".", "..", "  Луна  "]
    paths = {}
    for name in names:
        try:
            paths[clean_label(name)] = storage.named_save(name, state, meta)
        except SaveExists as taken:  # only the same label (kept stripped, at most 100 long) meets its own file
            assert taken.path == paths[clean_label(name)], name
    assert paths["Луна"].name == "Луна.json" and paths["Марс"].name == "Марс.json"
    assert len({p.name for p in paths.values()}) == len(paths)
    assert all(p.parent == storage.saves and len(p.name.encode()) < 255 for p in paths.values())
    labels = {info.name for info in storage.list_saves()}
    assert {"Луна", "Moon try", "Moon try!", "月面着陸"} <= labels


def test_a_named_save_is_replaced_only_when_asked(tmp_path, session, content):
    storage = Storage(tmp_path)
    state, meta = session.game.state, session.meta()
    path = storage.named_save("Mine", state, {**meta, "n": 1})
    with pytest.raises(SaveExists):
        storage.named_save("Mine", state, {**meta, "n": 2})
    assert save.read(path)[1]["n"] == 1
    storage.named_save("Mine", state, {**meta, "n": 3}, overwrite=True)
    assert save.read(path)[1]["n"] == 3
    fifo = storage.saves / "Pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(save.SaveError, match="not a save"):
        storage.named_save("Pipe", state, meta, overwrite=True)
    assert fifo.exists() and not fifo.is_file()


def test_autosaves_are_pruned_by_their_sequence_not_file_times(tmp_path, session):
    storage = Storage(tmp_path)
    state, meta = session.game.state, session.meta()
    first = [storage.autosave(state, meta) for _ in range(3)]
    for path in first:  # older autosaves with later file times (a copy, a clock change)
        os.utime(path, (4_000_000_000, 4_000_000_000))
    later = [storage.autosave(state, meta) for _ in range(AUTOSAVES_KEPT)]
    kept = sorted(p.name for p in storage.saves.glob("autosave-*.json"))
    assert kept == sorted(p.name for p in later)


def test_old_autosaves_without_a_number_go_first(tmp_path, session):
    storage = Storage(tmp_path)
    state, meta = session.game.state, session.meta()
    storage.saves.mkdir(parents=True)
    for stamp in ("20240101-000000-000001", "20240101-000000-000002"):
        save.write(storage.saves / f"autosave-{stamp}.json", state, meta)
    for _ in range(AUTOSAVES_KEPT):
        storage.autosave(state, meta)
    names = sorted(p.name for p in storage.saves.glob("autosave-*.json"))
    assert len(names) == AUTOSAVES_KEPT and not any(n.startswith("autosave-2024") for n in names)


def test_a_broken_autosave_is_never_pruned(tmp_path, session):
    storage = Storage(tmp_path)
    storage.saves.mkdir(parents=True)
    broken = storage.saves / "autosave-000001.json"
    broken.write_text("{broken")
    for _ in range(AUTOSAVES_KEPT + 2):
        storage.autosave(session.game.state, session.meta())
    assert broken.read_text() == "{broken"


def test_safe_names_are_distinct_for_distinct_labels():
    labels = ["Moon try", "Moon try!", "Moon-try", "Moon/try", "Moon\\try", "Moon:try", "Moon try.", "Луна", "Марс"]
    assert len({safe_name(label) for label in labels}) == len(labels)
    assert all("/" not in safe_name(label) and "\x00" not in safe_name(label) for label in labels + ["a\x00b"])


def test_a_save_header_is_found_in_the_first_bytes(tmp_path, session):
    path = tmp_path / "x.json"
    save.write(path, session.game.state, {"label": "Hello", "turn": 3})
    assert save.read_header(path) == {"label": "Hello", "turn": 3}
    assert Path(path).read_text().startswith(f'{{"format":"spacerace-save","version":{save.VERSION},"meta":')
