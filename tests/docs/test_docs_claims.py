"""What the docs claim that a test can check cheaply: the tests they name exist, and the
README's commands run as written."""

from __future__ import annotations

import ast
import os
import re
import shlex
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])

# `tests/sync/test_forged.py::test_x`, `test_forged.py::test_x`, `tests/sync/test_forged.py`
_NAMED = re.compile(r"((?:tests/[\w/]+/)?test_\w+\.py)(?:::(\w+))?")


@cache
def _test_files() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in TESTS.rglob("test_*.py"):
        found.setdefault(path.name, []).append(path)
    return found


@cache
def _defined(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    )


def _named_tests() -> list[tuple[str, str, str | None]]:
    named = []
    for page in PAGES:
        for file, function in _NAMED.findall(page.read_text(encoding="utf-8")):
            named.append((page.name, file, function or None))
    return sorted(set(named), key=lambda row: (row[0], row[1], row[2] or ""))


def test_the_docs_name_tests() -> None:
    assert len(_named_tests()) > 50  # the pattern still finds what the threat tables cite


@pytest.mark.parametrize(("page", "file", "function"), _named_tests())
def test_every_test_the_docs_name_exists(page: str, file: str, function: str | None) -> None:
    if "/" in file:
        candidates = [ROOT / file] if (ROOT / file).is_file() else []
    else:
        candidates = _test_files().get(file, [])
    assert candidates, f"{page} names {file}, which is not under tests/"
    if function is not None:
        assert any(function in _defined(path) for path in candidates), (
            f"{page} names {file}::{function}, which {file} does not define"
        )


def _readme_blocks() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [block.splitlines() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def _run(argv: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ALHOL_DESK_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "alhol_desk", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_readme_command_line_example_runs_as_written(tmp_path: Path) -> None:
    """The README's `uv run alhol-desk …` block, on a new data folder, in its order."""
    (block,) = [b for b in _readme_blocks() if any("alhol-desk init" in line for line in b)]
    ran = []
    for line in block:
        words = shlex.split(line, comments=True)
        assert words[:3] == ["uv", "run", "alhol-desk"], line
        done = _run(words[3:], tmp_path / "data")
        assert done.returncode == 0, (line, done.stderr)
        ran.append(words[3])
    assert ran == ["init", "batch", "stats"]
    assert "Russia" in done.stdout  # the batch typed is counted by `stats`


def _command_table() -> list[tuple[list[str], list[str]]]:
    """(command words, --options) of each row of the README's command table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.startswith("| `"):
            continue
        cell = line.split(" | ")[0]
        for usage in re.findall(r"`([^`]+)`", cell):
            words = []
            for word in usage.split():
                if not re.fullmatch(r"[a-z][a-z-]*", word):
                    break
                words.append(word)
            options = sorted(set(re.findall(r"--[a-z][a-z-]*", usage)))
            if words:
                rows.append((words, options))
    return rows


def test_the_readme_lists_the_commands() -> None:
    assert len(_command_table()) >= 20


@pytest.mark.parametrize(("words", "options"), _command_table(), ids=lambda v: " ".join(v))
def test_every_command_in_the_readme_exists_with_its_options(
    words: list[str], options: list[str], tmp_path: Path
) -> None:
    done = _run([*words, "--help"], tmp_path)
    assert done.returncode == 0, done.stderr
    for option in options:
        assert option in done.stdout, f"`alhol-desk {' '.join(words)} --help` lacks {option}"
