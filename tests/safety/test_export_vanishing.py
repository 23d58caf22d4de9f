"""Export to a stick that is pulled out or whose folder disappears while the bundle is written.

tests/sync/test_atomicity.py covers a stick that fills up and failures after the write.
Here the folder itself goes away: before the file is opened, half way through the write
(the stick answers EIO, and so does every clean-up), and after the whole ``.part`` was
written but before its rename. Each time: one line that says what to do, no file under a
final name anywhere, the outbox and the bundle numbering unmoved, and the next export to
a good stick is the one HQ imports.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from alhol_desk.core import services
from alhol_desk.core.errors import AlholError
from alhol_desk.core.sync import exporter, importer
from alhol_desk.core.workspace import Workspace

RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-04-28",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "min_age": 5,
    "max_age": 17,
    "source": "vanishing test",
}


def export_state(ws: Workspace) -> dict[str, Any]:
    return {
        "chains": exporter.chain_positions(ws),
        "upto": ws.settings.get(exporter.EXPORTED_UPTO_KEY),
        "unexported": exporter.unexported_changes(ws),
        "sent": ws.bundles.rows(direction="sent"),
    }


def eio() -> OSError:
    return OSError(errno.EIO, os.strerror(errno.EIO))


def final_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(exporter.BUNDLE_SUFFIX)]


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick" / "E"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def field(pair: tuple[Workspace, Workspace, Path]) -> Iterator[Workspace]:
    field, _, _ = pair
    services.save_batch(field, RUSSIA)
    yield field


def vanish_before_open(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    real_open = Path.open

    def path_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self.name.endswith(".part"):
            shutil.rmtree(stick)  # pulled after the folder was checked, before the write
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", path_open)


class _Pulled:
    """A handle on a stick pulled half way: half the bytes land, then every call is EIO."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _Pulled:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise eio()

    def flush(self) -> None:
        raise eio()

    def fileno(self) -> int:
        return int(self._handle.fileno())


def pulled_mid_write(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    real_open, real_unlink = Path.open, Path.unlink

    def path_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        return _Pulled(handle) if self.name.endswith(".part") else handle

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.parent == stick:
            raise eio()  # the clean-up cannot reach the stick either
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "open", path_open)
    monkeypatch.setattr(Path, "unlink", unlink)


def vanish_before_rename(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    real_fsync = os.fsync
    written: list[int] = []

    def fsync(fd: int) -> None:
        real_fsync(fd)
        if not written:  # the .part's own fsync: all of it is written, then the stick goes
            written.append(os.fstat(fd).st_size)
            shutil.rmtree(stick)

    monkeypatch.setattr(os, "fsync", fsync)


def rename_and_cleanup_fail(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    real_unlink = Path.unlink

    def replace(self: Path, target: Any) -> Path:
        raise eio()

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.parent == stick:
            raise eio()
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(Path, "unlink", unlink)


WAYS: dict[str, Callable[[pytest.MonkeyPatch, Path], None]] = {
    "before_open": vanish_before_open,
    "mid_write": pulled_mid_write,
    "before_rename": vanish_before_rename,
    "rename_and_cleanup": rename_and_cleanup_fail,
}


@pytest.mark.parametrize("way", list(WAYS))
def test_a_stick_that_vanishes_leaves_no_bundle_and_no_advance(
    field: Workspace,
    pair: tuple[Workspace, Workspace, Path],
    stick: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    way: str,
) -> None:
    _, hq, _ = pair
    before = export_state(field)
    assert before["unexported"] > 0
    WAYS[way](monkeypatch, stick)
    with pytest.raises(AlholError) as refused:
        exporter.export_bundle(field, stick)
    monkeypatch.undo()
    message = str(refused.value)
    assert "\n" not in message and message.startswith("--out: ")
    assert "nothing was exported" in message
    assert "removed" in message, "a vanished stick is not a full one"
    assert final_files(tmp_path / "stick") == []
    assert export_state(field) == before
    assert field.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    other = tmp_path / "other stick"
    other.mkdir()
    result = exporter.export_bundle(field, other)
    assert result.seq == 1
    assert importer.import_bundle(hq, result.path).outcome == "applied"


def test_the_cli_says_it_in_one_line(
    field: Workspace, stick: Path, monkeypatch: pytest.MonkeyPatch, run: Any
) -> None:
    data_dir = field.data_dir
    field.close()  # the command is a second program on the folder: let it take the lock
    pulled_mid_write(monkeypatch, stick)
    result = run("--data-dir", str(data_dir), "export", "--out", str(stick))
    monkeypatch.undo()
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("error: --out: ") and result.err.count("\n") == 1
    assert "Input/output error" in result.err and "removed" in result.err
