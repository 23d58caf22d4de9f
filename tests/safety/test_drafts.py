"""Form drafts (core side): saved atomically, offered back newest first, forgotten on demand.

That a draft survives SIGKILL mid-save whole is in test_crash.py (the saving child writes
a draft after every save).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
from pathlib import Path

import pytest
from safety_helpers import posix_only

from alhol_desk.core.errors import AlholError
from alhol_desk.core.safety.drafts import (
    discard_draft,
    draft_path,
    drafts_dir,
    load_draft,
    load_drafts,
    save_draft,
)

PERSONAL = {"escort": "Layla Haddad", "note": "two siblings, handed over at Yarubiyah"}


def test_a_draft_comes_back_as_it_was_typed(tmp_path: Path) -> None:
    values = {**PERSONAL, "girls": "12", "boys": 20, "cancelled": False, "date": None}
    values["bands"] = [1, 2, None]
    save_draft(tmp_path, "batch/new", values)
    (draft,) = load_drafts(tmp_path)
    assert draft.form_name == "batch/new"
    assert draft.values == values
    assert load_draft(tmp_path, "batch/new") == draft
    assert load_draft(tmp_path, "batch/other") is None


def test_no_personal_data_in_file_names(tmp_path: Path) -> None:
    path = save_draft(tmp_path, "batch/Layla Haddad", PERSONAL)
    assert path.parent == drafts_dir(tmp_path)
    for name in os.listdir(drafts_dir(tmp_path)):
        assert "Layla" not in name and "Haddad" not in name and "batch" not in name
    assert path == draft_path(tmp_path, "batch/Layla Haddad")


def test_one_file_per_form_newest_first_and_discarded(tmp_path: Path) -> None:
    save_draft(tmp_path, "batch/new", {"girls": "1"})
    save_draft(tmp_path, "status/IRQ", {"source": "UNHCR"})
    save_draft(tmp_path, "batch/new", {"girls": "12"})  # replaces the first
    found = load_drafts(tmp_path)
    assert [d.form_name for d in found] == ["batch/new", "status/IRQ"]
    assert found[0].values == {"girls": "12"}
    assert len(list(drafts_dir(tmp_path).iterdir())) == 2
    assert discard_draft(tmp_path, "batch/new") is True
    assert discard_draft(tmp_path, "batch/new") is False
    assert [d.form_name for d in load_drafts(tmp_path)] == ["status/IRQ"]


def test_no_drafts_folder_no_drafts(tmp_path: Path) -> None:
    assert load_drafts(tmp_path) == []


def test_leftovers_of_a_cut_save_are_removed_and_damaged_files_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    save_draft(tmp_path, "batch/new", PERSONAL)
    folder = drafts_dir(tmp_path)
    (folder / ".tmp-0123456789abcdef").write_bytes(b'{"format": "alhol-desk-dr')  # half
    damaged = folder / ("0" * 32 + ".draft.json")
    damaged.write_bytes(b'{"format": "alhol-desk-draft", "values": "Layla Haddad"')
    with caplog.at_level(logging.WARNING):
        found = load_drafts(tmp_path)
    assert [d.values for d in found] == [PERSONAL]
    assert not (folder / ".tmp-0123456789abcdef").exists()
    assert damaged.exists(), "a damaged draft is skipped, not deleted"
    assert "Layla" not in caplog.text and "could not be read" in caplog.text


def test_a_full_disk_keeps_the_previous_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_draft(tmp_path, "batch/new", {"girls": "1"})
    real_write = os.write

    def full(fd: int, data: bytes | memoryview) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)  # every file the app writes
    with pytest.raises(AlholError, match="the draft could not be kept") as refused:
        save_draft(tmp_path, "batch/new", {"girls": "12", **PERSONAL})
    assert "\n" not in str(refused.value)
    monkeypatch.undo()
    assert [d.values for d in load_drafts(tmp_path)] == [{"girls": "1"}]
    kept = [p.name for p in drafts_dir(tmp_path).iterdir()]
    assert kept == [draft_path(tmp_path, "batch/new").name], "a temporary file was left"


@pytest.mark.parametrize(
    "values",
    [{"when": object()}, {"n": float("nan")}, {"n": float("inf")}, {1: "x"}, {"l": [{"a": 1}]}],
)
def test_only_plain_values_are_kept(tmp_path: Path, values: dict[object, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        save_draft(tmp_path, "batch/new", values)  # type: ignore[arg-type]
    assert load_drafts(tmp_path) == []


@pytest.mark.parametrize("name", ["", "x" * 201])
def test_form_names_are_checked(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        save_draft(tmp_path, name, {})


def test_a_huge_draft_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AlholError, match="too large"):
        save_draft(tmp_path, "batch/new", {"note": "x" * 300_000})


def test_the_file_is_plain_versioned_json(tmp_path: Path) -> None:
    path = save_draft(tmp_path, "batch/new", {"girls": "12"})
    doc = json.loads(path.read_text("utf-8"))
    assert doc["format"] == "alhol-desk-draft" and doc["format_version"] == 1
    assert doc["form"] == "batch/new" and doc["values"] == {"girls": "12"}
    doc["format_version"] = 2  # a newer app's draft: skipped, not misread
    path.write_text(json.dumps(doc), "utf-8")
    assert load_drafts(tmp_path) == []


@posix_only
def test_drafts_are_private(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = save_draft(tmp_path, "batch/new", PERSONAL)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
