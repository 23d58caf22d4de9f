"""Crash safety: the process is killed (SIGKILL) at random points of an import and of saves.

A kill is harsher than an exception: no ``finally`` runs, no rollback is sent, buffers in
the process are lost. What must hold after each kill, when the next process opens the
folder:

* ``PRAGMA integrity_check`` is ok, and the folder opens (the dead writer's lock is gone);
* an import is all or nothing: the database is exactly as before the import, or exactly as
  after a complete one (the bundle's ``applied`` row with every record, clock, audit row and
  conflict of it), never in between; importing the same file again then succeeds;
* a save is all or nothing too: every save the child reported as done is there, and every
  record agrees with its audit trail and clocks;
* a draft is the last one reported saved or the one after, never half of one.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from safety_helpers import child, database, integrity, posix_only, state_digest

from alhol_desk.core import services
from alhol_desk.core.safety.drafts import drafts_dir, load_drafts
from alhol_desk.core.sync import exporter, importer
from alhol_desk.core.workspace import Workspace, initialise, open_workspace
from enrolling import enrol

pytestmark = [posix_only]

NEW_IN_SEQ1 = 2000
EDITED_IN_SEQ2 = 150  # two fields each, on records HQ also edited: conflicts
NEW_IN_SEQ2 = 2000
IMPORT_KILLS = 15
SAVE_KILLS = 16
STEP_EVERY = 50  # an import's SQLite steps are counted in fifties (a callback each is slow)
SAVE_CYCLES = 3  # the step-aimed kills of saves land in the first cycles


def batch(n: int) -> dict[str, Any]:
    return {
        "country": "IRQ",
        "departure_date": "2024-03-01",
        "status": "received",
        "women": 1,
        "girls": n % 7 + 1,
        "boys": 2,
        "min_age": 2,
        "max_age": 15,
        "source": "crash test",
        "note": f"batch {n}",
    }


@dataclass(frozen=True)
class ImportWorld:
    template: Path  # HQ's data folder before importing ``bundle`` (never opened by tests)
    bundle: Path
    before: dict[str, str]
    after: dict[str, str]
    total_s: float  # how long the child takes from "ready" to "done"
    apply_s: float  # from "applying" to "done": the write transaction and its commit
    apply_steps: int  # SQLite steps (in units of STEP_EVERY) from "applying" to "done"


def _read_until(
    proc: Any, wanted: str, seen: list[str] | None = None, timeout: float = 60
) -> float:
    """Read the child's lines (into ``seen``) up to one starting with ``wanted``."""
    deadline = time.monotonic() + timeout
    for line in proc.stdout:
        if seen is not None:
            seen.append(line)
        if line.startswith(wanted):
            return time.monotonic()
        assert time.monotonic() < deadline, f"no {wanted!r} from the child"
    raise AssertionError(f"the child ended before {wanted!r}: {proc.stderr.read()}")


@pytest.fixture(scope="module")
def import_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImportWorld]:
    """HQ holds seq 1 of a field laptop and has edited some of its batches; seq 2 edits those
    batches too (conflicts), edits others and adds thousands: one big, mixed merge."""
    root = tmp_path_factory.mktemp("crash_import")
    stick = root / "stick"
    stick.mkdir()
    field = initialise(root / "field", team="Hasakah 1", role="field", operator="Amina")
    hq = initialise(root / "hq", team="HQ", role="hq", operator="Omar")
    try:
        enrol(field, hq, root)
        ids = services.add_batches(field, [batch(n) for n in range(NEW_IN_SEQ1)])
        seq1 = exporter.export_bundle(field, stick)
        assert importer.import_bundle(hq, seq1.path).outcome == "applied"
        for batch_id in ids[:EDITED_IN_SEQ2]:
            services.save_batch(hq, {"note": "checked at HQ"}, batch_id)
        for batch_id in ids[: EDITED_IN_SEQ2 * 2]:
            services.save_batch(field, {"note": "corrected", "boys": 3}, batch_id)
        services.add_batches(field, [batch(n) for n in range(NEW_IN_SEQ2)])
        # HQ confirms seq 1 in a bundle of its own, so seq 2 holds only what is new.
        hq_bundle = exporter.export_bundle(hq, stick)
        assert importer.import_bundle(field, hq_bundle.path).outcome == "applied"
        bundle = exporter.export_bundle(field, stick).path
    finally:
        field.close()
        hq.close()
    template = root / "hq"
    before = state_digest(database(template))

    calibration = root / "calibration"
    shutil.copytree(template, calibration)
    lines: list[str] = []
    with child("import", str(calibration), str(bundle), "--every", str(STEP_EVERY)) as proc:
        ready = _read_until(proc, "ready")
        applying = _read_until(proc, "applying")
        done = _read_until(proc, "done", lines)
        assert proc.wait(60) == 0, proc.stderr.read()
    outcome, steps = lines[-1].split()[1:]
    assert outcome == "applied"
    after = state_digest(database(calibration))
    assert after != before
    yield ImportWorld(template, bundle, before, after, done - ready, done - applying, int(steps))


def _kill_an_import(world: ImportWorld, folder: Path, kill: Kill) -> str:
    shutil.copytree(world.template, folder)
    with child("import", str(folder), str(world.bundle), *kill.args) as proc:
        try:
            if kill.anchor is not None:
                _read_until(proc, kill.anchor)
                time.sleep(kill.delay)
            else:
                proc.wait(60)  # it kills itself at the chosen step
        finally:
            proc.kill()
    # A kill timed from outside may come after the child finished; one at a step may not.
    assert proc.returncode == -signal.SIGKILL or kill.anchor is not None, f"{kill} missed"
    assert integrity(database(folder)) == ["ok"]
    found = state_digest(database(folder))
    assert found in (world.before, world.after), (
        f"half an import after {kill}: as after the import: "
        f"{[t for t in found if found[t] == world.after[t] != world.before[t]]}, as before: "
        f"{[t for t in found if found[t] == world.before[t] != world.after[t]]}, neither: "
        f"{[t for t in found if found[t] not in (world.before[t], world.after[t])]}"
    )
    outcome = "none" if found == world.before else "whole"

    ws = open_workspace(folder)  # the killed writer's lock went with it
    try:
        report = importer.import_bundle(ws, world.bundle)
    finally:
        ws.close()
    assert report.outcome == ("applied" if outcome == "none" else "already_imported")
    found = state_digest(database(folder))
    if outcome == "whole":  # the replay is noted in the bundle history, and nowhere else
        with closing(sqlite3.connect(database(folder))) as conn:
            replays = conn.execute(
                "SELECT count(*) FROM bundles WHERE outcome = 'already_imported'"
            ).fetchone()[0]
        assert replays == 1
        found, expected = dict(found), dict(world.after)
        del found["bundles"], expected["bundles"]
        assert found == expected
    else:
        assert found == world.after
    shutil.rmtree(folder)
    return outcome


@dataclass(frozen=True)
class Kill:
    """Where a kill lands: ``delay`` seconds after the child says ``anchor``, or (no anchor)
    at the child's own SQLite step ``args``."""

    anchor: str | None = None
    delay: float = 0.0
    args: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.anchor is not None:
            return f"a kill {self.delay * 1000:.1f} ms after {self.anchor!r}"
        return f"a kill at {' '.join(self.args)}"


def at_step(step: int, every: int = 1) -> Kill:
    return Kill(args=("--kill-at-step", str(step), "--every", str(every)))


@pytest.mark.slow
def test_an_import_killed_at_any_point_is_all_or_nothing(
    import_world: ImportWorld, tmp_path: Path
) -> None:
    rng = random.Random(7)
    kills = []
    for k in range(IMPORT_KILLS):
        if k % 3 == 0:  # any time: decrypting, parsing, planning, writing, committing
            kills.append(Kill("ready", rng.uniform(0, import_world.total_s)))
        elif k % 3 == 1:  # any time in the write transaction or its commit
            kills.append(Kill("applying", rng.uniform(0, import_world.apply_s * 2)))
        else:  # any statement of the write transaction
            kills.append(
                at_step(rng.randint(1, max(1, import_world.apply_steps * 19 // 20)), STEP_EVERY)
            )
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(
            pool.map(
                lambda item: _kill_an_import(import_world, tmp_path / f"k{item[0]}", item[1]),
                enumerate(kills),
            )
        )
    assert "none" in outcomes, outcomes  # the kills did land before the commit


# --- saves and drafts -------------------------------------------------------------------


@dataclass
class Reported:
    saved: dict[str, int]
    edited: set[str]
    last_draft: int


def _parse(lines: list[str]) -> Reported:
    reported = Reported({}, set(), 0)
    for line in lines:
        kind, *rest = line.split()
        if kind == "saved":
            reported.saved[rest[0]] = int(rest[1])
        elif kind == "edited":
            reported.edited.add(rest[0])
        elif kind == "draft":
            reported.last_draft = int(rest[0])
    return reported


def _assert_records_agree_with_audit(ws: Workspace) -> None:
    """Every current value is the newest audited one; every clock has its audit row."""
    latest: dict[tuple[str, str], Any] = {}
    for row in ws.db.query(
        "SELECT pk, col, new FROM audit WHERE tbl = 'batches' AND col IS NOT NULL ORDER BY id"
    ):
        latest[(row["pk"], row["col"])] = json.loads(row["new"])
    rows = {r["id"]: r for r in ws.db.query("SELECT * FROM batches")}
    created = {
        r["pk"] for r in ws.db.query("SELECT pk FROM audit WHERE tbl = 'batches' AND col IS NULL")
    }
    assert created == set(rows), "a batch without its creation in the audit trail, or the reverse"
    for (pk, column), value in latest.items():
        assert rows[pk][column] == value, f"{column} of a batch differs from its audit trail"
    orphans = ws.db.execute(
        "SELECT count(*) FROM field_clock f WHERE NOT EXISTS (SELECT 1 FROM audit a "
        "WHERE a.tbl = f.tbl AND a.pk = f.pk AND a.col = f.col AND a.hlc = f.hlc)"
    ).fetchone()[0]
    assert orphans == 0, "a field clock without the audited edit that set it"
    newest = ws.db.execute("SELECT max(hlc) FROM audit").fetchone()[0]
    assert newest is None or str(ws.clock.last) >= newest, "the clock was saved apart from a change"


def _assert_each_save_whole(ws: Workspace) -> None:
    """The child's saves pair their fields: created with n girls and "first note n", edited to
    n + 1 girls and "second note n" in one save. A record with one half of a save, or an
    edit without its audit rows, is a save cut in two."""
    edits: dict[str, dict[str, Any]] = {}
    for row in ws.db.query("SELECT pk, col, new FROM audit WHERE col IS NOT NULL ORDER BY id"):
        edits.setdefault(row["pk"], {})[row["col"]] = json.loads(row["new"])
    for row in ws.db.query("SELECT id, girls, note FROM batches WHERE source = 'crash test'"):
        kind, _, n = row["note"].rpartition(" ")
        if kind == "first note":
            assert row["girls"] == int(n) and row["id"] not in edits, "half a save"
        else:
            assert kind == "second note" and row["girls"] == int(n) + 1, "half an edit"
            edited = edits.get(row["id"])
            assert edited == {"girls": int(n) + 1, "note": row["note"]}, "an unaudited edit"


def _kill_saves(folder: Path, kill: Kill, previous: dict[str, Any] | None) -> dict[str, Any]:
    """Kill a saving child; check what it left; return the draft now kept."""
    lines: list[str] = []
    with child("save", str(folder), *kill.args) as proc:
        try:
            if kill.anchor is not None:
                _read_until(proc, kill.anchor + "\n", lines)
                time.sleep(kill.delay)
        finally:
            if kill.anchor is not None:
                proc.kill()
            out, _ = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, f"{kill}: the child was not killed"
    lines += out.splitlines()
    reported = _parse(lines)

    assert integrity(database(folder)) == ["ok"]
    ws = open_workspace(folder)
    try:
        _assert_records_agree_with_audit(ws)
        _assert_each_save_whole(ws)
        for batch_id, n in reported.saved.items():
            found = services.get_batch(ws, batch_id)  # every reported save survived
            assert found.girls == (n + 1 if batch_id in reported.edited else found.girls)
            assert found.girls in (n, n + 1)
        drafts = load_drafts(folder)
        assert len(drafts) <= 1 and all(d.form_name == "batch/new" for d in drafts)
        kept = drafts[0].values if drafts else None
        if kept is not None and kept["run"] == proc.pid:  # this child's last draft, or next
            n = int(kept["girls"])
            assert n in (reported.last_draft, reported.last_draft + 1)
            assert kept["note"] == f"typed {n} " + "x" * 2000, "half a draft"
        else:  # killed before its first draft was in place: the one before is intact
            assert reported.last_draft == 0 and kept == previous
        if drafts_dir(folder).exists():
            assert not [p for p in drafts_dir(folder).iterdir() if p.name.startswith(".tmp-")]
        services.save_batch(ws, batch(1) | {"source": "after the kill"})  # work goes on
    finally:
        ws.close()
    return kept


@pytest.mark.slow
def test_saves_and_drafts_killed_at_any_point_lose_nothing_committed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "desk"
    initialise(folder, team="Hasakah 1", role="field", operator="Amina").close()
    counting = tmp_path / "counting"
    shutil.copytree(folder, counting)
    with child("save", str(counting), "--cycles", str(SAVE_CYCLES)) as proc:
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    steps = int(out.splitlines()[-1].split()[1])

    rng = random.Random(11)
    draft = None
    for k in range(SAVE_KILLS):  # one folder: each kill lands on what the last ones left
        if k % 2:
            step = rng.choice(("saving", "editing", "drafting"))
            # A save takes about a millisecond: the kill lands inside it, or just after.
            kill = Kill(f"{step} {rng.randint(2, 25)}", rng.uniform(0, 0.003))
        else:
            kill = at_step(rng.randint(1, steps))
        draft = _kill_saves(folder, kill, draft)
