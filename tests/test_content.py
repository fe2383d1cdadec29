"""The scenario files: the bundled ones validate; broken ones get the messages they must."""

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import loader, yamlio

FIXTURES = Path(__file__).parent / "fixtures" / "broken"
BROKEN = sorted(p for p in FIXTURES.iterdir() if p.is_dir())


def test_bundled_scenarios_validate(content):
    assert set(content.eras) == {"rockets", "satellites", "survival", "moon", "campaign"}
    assert {f for m in content.missions.values() for f in m.firsts} <= set(content.firsts)
    names = {p.name for p in content.programmes.values()}
    for historical in ("V-2 (A-4)", "R-1", "R-7 Semyorka", "Redstone", "Jupiter-C (Juno I)", "Vanguard", "Atlas",
                       "Titan II", "Saturn I", "Saturn IB", "Saturn V", "Proton (UR-500)", "N1", "Vostok",
                       "Mercury", "Voskhod", "Gemini", "Soyuz", "LK lunar lander"):
        assert historical in names


def test_every_era_has_events_for_both_sides(content):
    for era in content.eras:
        sides = {s for e in content.events_for_era(era) for s in e.sides}
        assert sides == {"usa", "ussr"}, era


@pytest.mark.parametrize("case", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_files_give_their_messages(case):
    _, problems = loader.check(case)
    prefix = case.name + "/"
    got = [str(p).replace(str(case.parent) + "/", "").removeprefix(prefix) for p in problems]
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert got == expected


def test_python_tags_never_run(tmp_path):
    marker = tmp_path / "pwned"
    mod = tmp_path / "mod" / "events"
    mod.mkdir(parents=True)
    (mod / "x.yaml").write_text(f'events: !!python/object/apply:os.system ["touch {marker}"]\n')
    _, problems = loader.check(tmp_path / "mod")
    assert problems and not marker.exists()


def test_a_mod_overrides_and_adds(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "moon.yaml").write_text(
        "events:\n"
        "  - id: modded_event\n    title: Modded\n    text: A modder's event.\n    illustration: mod\n"
        "    sides: [usa]\n    choices: [{id: ok, text: Fine., effects: [{support: 5}]}]\n")
    (tmp_path / "programmes.yaml").write_text(
        "programmes:\n  - {id: saturn5, name: Saturn V Heavy, side: usa, kind: rocket, start_cost: 10,"
        " reliability: 60, payload_t: 200, lunar_payload_t: 60}\n")
    content, problems = loader.check(tmp_path)
    assert problems == []
    assert content.programmes["saturn5"].name == "Saturn V Heavy"
    assert "modded_event" in [e.id for e in content.events_for_era("moon")]


def test_a_last_order_is_for_built_hardware_and_after_its_first_flight(tmp_path):
    (tmp_path / "programmes.yaml").write_text(
        "programmes:\n"
        "  - {id: guidance, name: Guidance, side: both, kind: component, start_cost: 4, reliability: 40,"
        " last_order: 1950-Q1}\n"
        "  - {id: hermes, name: Hermes, side: usa, kind: rocket, start_cost: 8, reliability: 25,"
        " earliest: 1947-Q3, last_order: 1946-Q4}\n")
    _, problems = loader.check(tmp_path)
    found = {p.line: p.message for p in problems if p.file.endswith("programmes.yaml")}
    assert "last_order is for rockets and spacecraft" in found[2]
    assert "last_order (1946-Q4) is before earliest (1947-Q3): none could ever be built" in found[3]


def test_an_id_repeated_in_two_bundled_files_is_an_error(tmp_path):
    bundled = tmp_path / "scenarios"
    import shutil

    shutil.copytree(loader.BUNDLED, bundled)
    events = sorted((bundled / "events").glob("*.yaml"))
    first_id = yaml.safe_load(events[0].read_text())["events"][0]["id"]
    (bundled / "events" / "zz_copy.yaml").write_text(
        f"events:\n  - {{id: {first_id}, title: T, text: T., illustration: x, sides: [usa],"
        " choices: [{id: ok, text: Fine.}]}\n")
    _, problems = loader.check(bundled=bundled)
    assert any("already used in" in p.message for p in problems)


# --- fuzzing: whatever a file holds, the loader answers with problems, never a traceback -----

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=yaml_values, kind=st.sampled_from(["programmes.yaml", "missions.yaml", "firsts.yaml",
                                                    "eras/moon.yaml", "events/extra.yaml"]))
def test_random_documents_never_crash(tmp_path_factory, document, kind):
    mod = tmp_path_factory.mktemp("mod")
    path = mod / kind
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    content, problems = loader.check(mod)
    assert (content is None) == bool(problems)
    for problem in problems:
        assert problem.file and isinstance(problem.line, int) and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_valid_files_never_crash(tmp_path_factory, data):
    source = data.draw(st.sampled_from(sorted(loader.BUNDLED.rglob("*.yaml"))))
    text = source.read_text(encoding="utf-8")
    position = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 40))
    insert = data.draw(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"\t\n #abc019")), max_size=8))
    mutated = text[:position] + insert + text[position + cut:]
    mod = tmp_path_factory.mktemp("mod")
    path = mod / source.relative_to(loader.BUNDLED)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(mutated, encoding="utf-8")
    content, problems = loader.check(mod)
    assert (content is None) == bool(problems)
    assert all(p.line >= 0 and p.message for p in problems)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=300))
def test_yaml_reader_takes_any_bytes(raw):
    try:
        yamlio.loads(raw)
    except yamlio.YamlProblem as problem:
        assert problem.message


def test_yaml_reader_keeps_lines():
    root = yamlio.loads("a: 1\nb:\n  - x\n  - {c: 2}\n")
    assert root == {"a": 1, "b": ["x", {"c": 2}]}
    assert yamlio.line_of(root, ("b", 1, "c")) == 4
    assert yamlio.line_of(root, ("b", 5)) == 2  # a missing item: its parent's line


def test_yaml_scalars_are_typed_like_yaml():
    root = yamlio.loads('a: 12\nb: 1.5\nc: yes\nd: ~\ne: "12"\nf: 1957-10\ng: 1957-Q4\n')
    assert root == {"a": 12, "b": 1.5, "c": True, "d": None, "e": "12", "f": "1957-10", "g": "1957-Q4"}


def test_a_huge_file_is_refused_quickly():
    with pytest.raises(yamlio.YamlProblem, match="at most"):
        yamlio.loads(b"a: " + b"x" * (yamlio.MAX_FILE_BYTES + 1))


def test_the_event_type_reference_is_current():
    import importlib.util

    tool = Path(__file__).resolve().parents[1] / "tools" / "event_reference.py"
    spec = importlib.util.spec_from_file_location("event_reference", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUT.read_text(encoding="utf-8") == module.render(), "run python tools/event_reference.py"


def test_a_fifo_in_a_mod_is_never_opened(tmp_path):
    import os
    import threading

    (tmp_path / "events").mkdir()
    os.mkfifo(tmp_path / "events" / "extra.yaml")  # reading it would wait for a writer for ever
    os.mkfifo(tmp_path / "programmes.yaml")
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("check", loader.check(tmp_path)), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "validate hangs on a FIFO"
    _, problems = result["check"]
    assert [p.message for p in problems] == ["not a regular file (a folder, device or pipe); a scenario file "
                                             "is plain text"] * 2


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    (tmp_path / "events").mkdir()
    with open(tmp_path / "events" / "extra.yaml", "wb") as handle:
        handle.truncate(yamlio.MAX_FILE_BYTES * 50)  # sparse: large, yet no disk
    import os

    opened = []
    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):
        opened.append(os.fstat(fd).st_size)
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)
    _, problems = loader.check(tmp_path)
    assert opened and max(opened) <= yamlio.MAX_FILE_BYTES  # the large one was never read
    assert [p.message for p in problems] == [f"the file is {yamlio.MAX_FILE_BYTES * 50:,} bytes; scenario files "
                                             f"may be at most {yamlio.MAX_FILE_BYTES:,}"]


@pytest.mark.parametrize("headline", ["{nation} flies {mission}.", "{mission}: a first for {nation}",
                                      "No fields at all.", "{{braces}} kept for {nation}."])
def test_good_headlines_pass(headline):
    from game.content.fields import _headline

    assert _headline(headline) == headline
    headline.format(nation="the United States", mission="Mercury")


def test_the_ids_the_engine_needs_are_declared_and_checked(tmp_path, content):
    """The escape system and the AI's test flights are named in the data, not in code."""
    assert {m for m, mission in content.missions.items() if mission.role == "test_flight"} \
        == {"ballistic_test", "capsule_test", "lander_test", "landing_stage_test",
                                                          "eor_tanker_launch", "soyuz_9k_launch"}
    assert all(m.escape_by == "escape_system" for m in content.missions.values() if m.crew_min)
    (tmp_path / "missions.yaml").write_text(
        "missions:\n  - id: hop\n    name: Hop\n    crew_min: 1\n    escape_by: escape_sytem\n"
        "    needs: [crew_capsule]\n    steps: [{id: launch, name: Lift-off, uses: rocket}]\n")
    text = "\n".join(map(str, loader.check(tmp_path)[1]))
    assert "missions[hop].escape_by: no programme provides 'escape_sytem' (did you mean 'escape_system'?)" in text
