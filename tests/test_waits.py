"""The window and data-safety tests wait for conditions, never for a fixed time.

A fixed pause (``qtbot.wait(1200)``, ``QTest.qWait``, ``time.sleep``) stands for "until it has
happened" and guesses how long that takes: too short on a busy machine, wasted on a quick
one. Such tests use ``qtbot.waitUntil``, ``qtbot.waitSignal`` or a polling ``wait_for``
instead. A pause is allowed only where it is itself what is meant, listed below with why.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CHECKED = ("gui", "safety")
PAUSES = {"sleep", "wait", "qWait", "qSleep"}  # time.sleep, qtbot.wait, QTest.qWait, …
# (file, enclosing function) -> why a pause is right there.
ALLOWED = {
    ("gui/test_real_window.py", "wait_for"): "the poll step of a wait for a condition",
    ("gui/test_real_window.py", "display"): "the poll step while Xvfb creates its socket",
    ("safety/test_crash.py", "_kill_an_import"): (
        "SIGKILL at a random moment after a step: the moment is what is tested"
    ),
    ("safety/test_crash.py", "_kill_saves"): (
        "SIGKILL at a random moment after a step: the moment is what is tested"
    ),
}


def pause_name(call: ast.Call) -> str | None:
    """``sleep``/``wait``/``qWait`` when the call is a pause of a fixed time: a bare
    ``sleep(…)``, or ``time.``, ``qtbot.``, ``QTest.`` with one. ``proc.wait(60)`` and
    ``event.wait(10)`` wait for something (the number is their limit) and are not pauses."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == "sleep":
        return "sleep"
    if isinstance(func, ast.Attribute) and func.attr in PAUSES:
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id in {"time", "qtbot", "QTest"}:
            return func.attr
    return None


def pauses(path: Path) -> list[tuple[str, int, str]]:
    """(enclosing function, line, call) of each fixed pause in a test file."""
    found: list[tuple[str, int, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = function or child.name
            if isinstance(child, ast.Call) and pause_name(child):
                found.append((function, child.lineno, ast.unparse(child)))
            visit(child, inner)

    visit(ast.parse(path.read_text("utf-8")), "")
    return found


def test_no_gui_or_safety_test_pauses_for_a_fixed_time() -> None:
    seen: set[tuple[str, str]] = set()
    unexplained = []
    for folder in CHECKED:
        for path in sorted((TESTS / folder).rglob("*.py")):
            relative = path.relative_to(TESTS).as_posix()
            for function, line, call in pauses(path):
                if (relative, function) in ALLOWED:
                    seen.add((relative, function))
                else:
                    unexplained.append(f"{relative}:{line} in {function or 'module'}: {call}")
    assert unexplained == [], "wait for a condition instead (qtbot.waitUntil, waitSignal)"
    assert seen == set(ALLOWED), "an allowed pause is gone: take it off the list"


def test_the_check_finds_a_fixed_pause(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "import time\n"
        "def test_one(qtbot, proc):\n"
        "    qtbot.wait(1200)\n"
        "    qtbot.waitUntil(lambda: True)\n"
        "    proc.wait(60)\n"
        "    def inner():\n"
        "        time.sleep(0.4)\n",
        "utf-8",
    )
    assert pauses(sample) == [
        ("test_one", 3, "qtbot.wait(1200)"),
        ("test_one", 7, "time.sleep(0.4)"),
    ]
