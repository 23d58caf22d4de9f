"""No personal data in the log file, after a full session of actions on two laptops.

Names of operators and the values of records (notes, escorts, destinations, sources) must
never reach ``DATA_DIR/alhol-desk.log``; ids, counts, team names and types may. The
session runs every kind of command, refusals and an unexpected failure included, and
then every distinctive string typed is looked for in both log files.
"""

from __future__ import annotations

import json
import logging
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from safety_helpers import posix_only

from alhol_desk.cli import main
from alhol_desk.core import services
from alhol_desk.core.safety.logs import LOG_BACKUPS, LOG_BYTES, PrivateLogHandler
from alhol_desk.paths import log_path
from enrolling import enrol_by_cli

OPERATOR = "Zainab Qaradawi"
HQ_OPERATOR = "Omar Haddadin"
NOTE = "Handed over with Layla Haddad at Yarubiyah; two siblings"
ESCORT = "Mariam Kassab"
DESTINATION = "Almaty transit centre Qx7"
SOURCE = "Field sheet of Rahima Yusupova"
HQ_NOTE = "HQ checked with Yusuf Barakzai"
FIELD_NOTE = "Corrected after a call with Nadia Sultanova"
STATUS_NOTE = "Talks led by Karim Mansour"
TYPED_WRONG = "Farida Ismailova"  # typed into a count: refused, and quoted to the user only
PERSONAL = [
    OPERATOR,
    HQ_OPERATOR,
    NOTE,
    ESCORT,
    DESTINATION,
    SOURCE,
    HQ_NOTE,
    FIELD_NOTE,
    STATUS_NOTE,
    TYPED_WRONG,
]
# Every word of them too, so that a name cut out of its sentence is caught.
WORDS = sorted({w for s in PERSONAL for w in re.findall(r"[A-Z][a-z]{3,}", s)} - {"Handed"})


def _detach_log_files() -> None:
    logger = logging.getLogger("alhol_desk")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def desk(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """One command, as its own program would run it: logging to its own folder's file."""

    def call(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        finally:
            _detach_log_files()
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


@pytest.mark.slow
def test_a_full_session_logs_no_personal_data(
    tmp_path: Path, desk: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    field, hq, stick = tmp_path / "field", tmp_path / "hq", tmp_path / "stick"
    stick.mkdir()
    f = ("--data-dir", str(field))
    h = ("--data-dir", str(hq))

    ok(desk(*f, "init", "--team", "Hasakah 1", "--role", "field", "--operator", OPERATOR))
    ok(desk(*h, "init", "--team", "HQ", "--role", "hq", "--operator", HQ_OPERATOR))
    ok(desk(*f, "demo"))
    batch = ok(
        desk(
            *f, "batch", "add", "--country", "RUS", "--date", "2024-04-28", "--status",
            "received", "--girls", "12", "--boys", "20", "--min-age", "5", "--max-age", "17",
            "--note", NOTE, "--escort", ESCORT, "--destination", DESTINATION,
            "--source", SOURCE,
        )
    ).strip()  # fmt: skip
    ok(desk(*f, "batch", "edit", batch, "--boys", "21", "--escort", ESCORT + " Jr"))
    code, _, err = desk(*f, "batch", "add", "--country", "RUS", "--date", "2024-04-28",
                        "--status", "received", "--girls", TYPED_WRONG)  # fmt: skip
    assert code == 1 and TYPED_WRONG in err  # told to the person at the keyboard only
    ok(desk(*f, "country", "status", "IRQ", "in_talks", "--date", "2024-05-01", "--source",
            SOURCE, "--note", STATUS_NOTE))  # fmt: skip

    # Enrolment both ways, with the fingerprints read over the phone.
    enrol_by_cli(lambda *args: ok(desk(*f, *args)), lambda *args: ok(desk(*h, *args)), stick)

    # Sync, a conflict on the note, resolved at HQ.
    first = ok(desk(*f, "export", "--out", str(stick))).strip()
    ok(desk(*h, "verify", first))
    ok(desk(*h, "import", first))
    ok(desk(*h, "batch", "edit", batch, "--note", HQ_NOTE))
    ok(desk(*f, "batch", "edit", batch, "--note", FIELD_NOTE))
    ok(desk(*h, "import", ok(desk(*f, "export", "--out", str(stick))).strip()))
    listed = ok(desk(*h, "conflicts", "list", "--json"))
    (conflict,) = json.loads(listed)
    assert {conflict["local_value"], conflict["incoming_value"]} == {HQ_NOTE, FIELD_NOTE}
    ok(desk(*h, "conflicts", "resolve", str(conflict["id"]), "--keep", "incoming"))
    ok(desk(*f, "import", ok(desk(*h, "export", "--out", str(stick))).strip()))
    code, _, _ = desk(*h, "import", str(stick / "field.card"))  # not a bundle: refused
    assert code == 1
    for listing in (("batch", "list"), ("batch", "list", "--json"), ("stats",), ("check",)):
        assert ok(desk(*f, *listing)) is not None
    assert NOTE not in ok(desk(*h, "batch", "list", "--json"))  # edited away since
    ok(desk(*f, "batch", "delete", batch))

    # An unexpected failure whose message carries a value: the traceback is logged, the
    # message is not.
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError(f"no entry for {ESCORT} going to {DESTINATION}")

    monkeypatch.setattr(services, "batches", broken)
    code, _, err = desk(*f, "batch", "list")
    assert code == 1 and "unexpected problem" in err

    logs = {name: log_path(folder).read_text("utf-8") for name, folder in (("field", field),
                                                                         ("hq", hq))}  # fmt: skip
    assert "imported bundle seq" in logs["hq"] and "unexpected failure" in logs["field"]
    assert "KeyError" in logs["field"], "the failure's type and frames are still logged"
    for name, text in logs.items():
        lowered = text.lower()
        leaks = [s for s in PERSONAL + WORDS if s.lower() in lowered]
        assert leaks == [], f"the {name} log holds {leaks}"


# --- the log file itself: private and bounded ----------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_the_log_file_is_created_private(
    tmp_path: Path, desk: Callable[..., tuple[int, str, str]]
) -> None:
    folder = tmp_path / "field"
    ok(desk("--data-dir", str(folder), "init", "--team", "T", "--role", "field"))
    ok(desk("--data-dir", str(folder), "stats"))
    assert _mode(log_path(folder)) == 0o600


@posix_only
def test_a_log_left_readable_by_an_older_version_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "alhol-desk.log"
    path.write_text("old line\n", "utf-8")
    path.chmod(0o644)
    handler = PrivateLogHandler(path)
    handler.close()
    assert _mode(path) == 0o600
    assert path.read_text("utf-8") == "old line\n", "appended to, never truncated"


@posix_only
def test_the_log_rotates_within_its_bound_and_every_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "alhol-desk.log"
    handler = PrivateLogHandler(path)
    assert (handler.maxBytes, handler.backupCount) == (LOG_BYTES, LOG_BACKUPS) == (2**20, 3)
    handler.maxBytes = 4096  # the same rotation, at a size a test can fill quickly
    logger = logging.getLogger("alhol_desk.test_rotation")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for n in range(2000):
            logger.warning("record %d of a long session", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == [path.name] + [f"{path.name}.{i}" for i in (1, 2, 3)]
    assert all(f.stat().st_size <= 4096 for f in files)
    assert all(_mode(f) == 0o600 for f in files)
    assert "record 1999 " in path.read_text("utf-8"), "the newest records are in the log itself"
