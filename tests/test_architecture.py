"""The import direction: the simulation never reaches for the window."""

import ast
import subprocess
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"
HEADLESS = [GAME / "core", GAME / "content", GAME / "ai", GAME / "sim.py"]
FORBIDDEN = ("pygame", "pygame_gui", "game.ui")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_headless_code_imports_no_window():
    files = [p for root in HEADLESS for p in ([root] if root.is_file() else root.rglob("*.py"))]
    assert files
    for path in files:
        for name in _imports(path):
            assert not name.startswith(FORBIDDEN), f"{path.relative_to(GAME.parent)} imports {name}"


def test_running_a_game_loads_no_pygame():
    code = ("import sys; from game.content import loader; from game import sim; from game.ai import make_agent;"
            "c = loader.load(); sim.play(c, 'survival', 0, {'usa': make_agent('ai'), 'ussr': make_agent('ai')});"
            "print(sorted(m for m in sys.modules if m.startswith('pygame')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=GAME.parent).stdout
    assert out.strip() == "[]"


def _run_time_imports(path: Path):
    """The modules a file imports when it runs: every import but those under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    checking_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                     and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING") for n in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in checking_only:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_the_layers_go_one_way():
    """The content's definitions sit below the simulation, the loader above it: the core
    never runs the loader, and the models need nothing of the core but its dates."""
    for path in (GAME / "core").rglob("*.py"):
        for name in _run_time_imports(path):
            assert not name.startswith("game.content.loader"), f"{path.relative_to(GAME.parent)} imports {name}"
    for model in ("fields.py", "clauses.py", "model.py", "yamlio.py"):
        path = GAME / "content" / model
        for name in _run_time_imports(path):
            assert not name.startswith(("game.core", "game.ai", "game.content.loader")) \
                or name in ("game.core", "game.core.dates"), f"content/{model} imports {name}"


def test_the_ai_keeps_its_analysis_to_itself():
    for path in (GAME / "ai").rglob("*.py"):
        assert "content.__dict__" not in path.read_text(encoding="utf-8"), path.name
