"""A refused init leaves nothing behind: no folder, no database, no keys."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from alhol_desk.core.errors import AlholError
from alhol_desk.core.sync.cards import DeviceCard
from alhol_desk.core.workspace import initialise


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alhol_desk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("team", "operator", "words"),
    [
        ("Team\tA", "Amina", "team: contains control characters"),
        ("Team\nA", "Amina", "team: contains control characters"),
        ("T" * 101, "Amina", "team: is too long"),
        ("Hasakah 1", "Am\x07ina", "operator: contains control characters"),
    ],
)
def test_a_refused_init_leaves_no_folder(
    tmp_path: Path, team: str, operator: str, words: str
) -> None:
    folder = tmp_path / "new" / "data"
    done = run(
        "--data-dir", str(folder), "init", "--team", team, "--role", "field", "--operator", operator
    )
    assert done.returncode == 1
    assert words in done.stderr
    assert not (tmp_path / "new").exists()
    # And the same folder can then be set up properly.
    again = run(
        "--data-dir",
        str(folder),
        "init",
        "--team",
        "Hasakah 1",
        "--role",
        "field",
        "--operator",
        "Amina",
    )
    assert again.returncode == 0, again.stderr
    assert (
        run("--data-dir", str(folder), "keys", "card", "--out", str(tmp_path / "c")).returncode == 0
    )


def test_a_refused_init_in_an_existing_folder_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(AlholError):
        initialise(tmp_path, team="Team\tA", role="field")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_one_team_name_rule_for_init_and_cards() -> None:
    with pytest.raises(AlholError, match="the team: contains control characters"):
        DeviceCard("a" * 32, "Team\tA", "field", "x", "y")
