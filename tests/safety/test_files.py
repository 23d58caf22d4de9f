"""write_atomically: the new file whole or the old one, private unless asked, the folder fsynced."""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

import pytest
from safety_helpers import posix_only

from alhol_desk.core.safety import files
from alhol_desk.core.safety.files import (
    AS_UMASK_ALLOWS,
    write_atomically,
    writing_atomically,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_bytes_replace_the_file_whole_and_leave_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    assert write_atomically(target, b"new content") == target
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


@posix_only
def test_files_are_private_unless_asked_otherwise(tmp_path: Path) -> None:
    private = write_atomically(tmp_path / "private", b"x")
    with writing_atomically(tmp_path / "streamed") as handle:
        handle.write(b"y")
    shared = write_atomically(tmp_path / "shared", b"z", mode=AS_UMASK_ALLOWS)
    umask = os.umask(0)
    os.umask(umask)
    assert _mode(private) == _mode(tmp_path / "streamed") == 0o600
    assert _mode(shared) == 0o666 & ~umask


def test_a_failing_writer_keeps_the_old_file_and_removes_its_copy(tmp_path: Path) -> None:
    target = tmp_path / "db.sqlite3"
    target.write_bytes(b"old")

    def half(temp: Path) -> None:
        temp.write_bytes(b"ha")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(target, half)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["db.sqlite3"]


def test_a_stream_that_fails_half_way_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "bundle"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), writing_atomically(target) as handle:
        handle.write(b"half")
        raise RuntimeError("cut")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bundle"]


def test_the_temporary_name_is_beside_the_file_and_hidden(tmp_path: Path) -> None:
    temp = files.temp_beside(tmp_path / "report.csv")
    assert temp.parent == tmp_path
    assert temp.name.startswith(".report.csv.") and temp.name.endswith(".part")
    assert files.temp_beside(tmp_path / "report.csv") != temp


@posix_only
def test_a_failing_folder_fsync_is_an_error_on_posix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output"):
        write_atomically(tmp_path / "draft", b"x")


@posix_only
def test_a_file_system_without_folder_fsync_is_logged_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with caplog.at_level(logging.WARNING, logger="alhol_desk"):
        write_atomically(tmp_path / "bundle", b"x")
    assert (tmp_path / "bundle").read_bytes() == b"x"
    assert "cannot fsync a folder (EINVAL)" in caplog.text
    assert str(tmp_path) not in caplog.text
