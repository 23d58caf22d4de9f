"""An open data folder: its database, this device, the operator and the clock."""

from __future__ import annotations

import getpass
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..paths import database_path
from .clock import HybridLogicalClock, Timestamp
from .errors import AlholError, NotInitialised
from .messages import Message
from .records import ROLES, Device, Record, name_problem
from .safety.guard import Guard, guard_open
from .safety.health import ensure_database_sound
from .safety.lock import acquire_writer_lock
from .safety.modes import make_private, secure_modes
from .storage import open_database
from .storage.audit import Audit
from .storage.bundles import Bundles
from .storage.conflicts import Conflicts
from .storage.countries import Countries
from .storage.devices import Devices
from .storage.integrity import make_query_only
from .storage.records import Batches, Estimates, RecordTable, StatusEvents, record_table
from .storage.settings import Settings

if TYPE_CHECKING:
    import sqlite_utils

CLOCK_KEY = "clock.last"
OPERATOR_KEY = "operator.default"
# Set once, by initialise(demo=True): this folder is the demo (core/demo.py). Its keys are
# the published demo key, which every device refuses; the mark is what the window shows.
DEMO_MARK_KEY = "device.demo"
R = TypeVar("R", bound=Record)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Workspace:
    """What every use case needs; pass it, not the application."""

    data_dir: Path
    db: sqlite_utils.Database
    device: Device
    operator: str
    clock: HybridLogicalClock
    today: Callable[[], date] = date.today
    _countries: frozenset[str] | None = field(default=None, repr=False)
    # Data safety (core/safety): the writer lock held while open (None: a reader, which
    # cannot write), and what the startup checks fixed, for the user to read.
    _guard: Guard | None = field(default=None, repr=False)
    notices: tuple[Message, ...] = ()

    @property
    def read_only(self) -> bool:
        return self._guard is not None and not self._guard.writer

    @property
    def is_demo(self) -> bool:
        """Whether this folder is the demo (example records, a key every device refuses)."""
        return self.settings.get(DEMO_MARK_KEY) == "1"

    # One repository per table or aggregate, over this workspace's connection (as Anki's
    # Collection reaches ``col.decks``): ``ws.devices.peers()``, ``ws.settings.get(key)``.

    @property
    def batches(self) -> Batches:
        return Batches(self.db)

    @property
    def status_events(self) -> StatusEvents:
        return StatusEvents(self.db)

    @property
    def estimates(self) -> Estimates:
        return Estimates(self.db)

    def records(self, table: str) -> RecordTable[Any]:
        """The repository of the synced table named ``table``."""
        return record_table(self.db, table)

    def table(self, cls: type[R]) -> RecordTable[R]:
        """The repository of the records of kind ``cls`` (``Batch``, ...), typed."""
        return RecordTable(self.db, cls)

    @property
    def countries(self) -> Countries:
        return Countries(self.db)

    @property
    def devices(self) -> Devices:
        return Devices(self.db)

    @property
    def bundles(self) -> Bundles:
        return Bundles(self.db)

    @property
    def conflicts(self) -> Conflicts:
        return Conflicts(self.db)

    @property
    def audit(self) -> Audit:
        return Audit(self.db)

    @property
    def settings(self) -> Settings:
        return Settings(self.db)

    def is_known_country(self, iso3: str) -> bool:
        if self._countries is None:
            self._countries = self.countries.codes()
        return iso3 in self._countries

    @contextmanager
    def writing(self) -> Iterator[sqlite_utils.Database]:
        """One transaction; the clock's position is saved with the changes it stamped."""
        outer = self.db.conn.in_transaction
        try:
            with self.db.atomic():
                yield self.db
                self.settings.set(CLOCK_KEY, str(self.clock.last))
        except BaseException:
            # An interrupt can stop BEGIN itself after the transaction began; atomic() then
            # never entered its block, so nothing would roll it back.
            if not outer and self.db.conn.in_transaction:
                self.db.conn.rollback()
            raise

    def on_connection(self, db: sqlite_utils.Database) -> Workspace:
        """This workspace over another connection to its database (for a worker thread).

        The copy shares the device, operator and clock, but never holds the folder's lock:
        closing its connection is all there is to do afterwards."""
        return replace(self, db=db, _guard=None)

    def close(self) -> None:
        self.db.close()
        if self._guard is not None:
            self._guard.release()


def _operator(db: sqlite_utils.Database, explicit: str | None) -> str:
    if explicit and explicit.strip():
        return explicit.strip()
    stored = Settings(db).get(OPERATOR_KEY)
    if stored:
        return stored
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _clock(db: sqlite_utils.Database, node: str) -> HybridLogicalClock:
    stored = Settings(db).get(CLOCK_KEY)
    return HybridLogicalClock(node, Timestamp.parse(stored) if stored else None)


def open_workspace(
    data_dir: Path,
    *,
    operator: str | None = None,
    today: Callable[[], date] = date.today,
    read_only: bool = False,
) -> Workspace:
    """Open an initialised data folder, or say how to set it up.

    A writer takes the folder's lock (a second one is refused); a reader (``read_only``)
    runs beside it and cannot write. Both refuse a damaged database without writing to it.
    """
    path = database_path(data_dir)
    if not path.exists():
        raise NotInitialised("not_initialised")
    guard = guard_open(data_dir, read_only=read_only)
    try:
        db = open_database(path, migrate=guard.writer)
    except BaseException:
        guard.release()
        raise
    try:
        if not guard.writer:
            make_query_only(db)
        device = Devices(db).own()
        if device is None:
            raise NotInitialised("no_device")
        ws = Workspace(data_dir, db, device, _operator(db, operator), _clock(db, device.id), today)
    except BaseException:
        db.close()
        guard.release()
        raise
    ws._guard, ws.notices = guard, guard.notices
    return ws


def initialise(
    data_dir: Path,
    *,
    team: str,
    role: str,
    operator: str | None = None,
    passphrase: str | None = None,
    demo: bool = False,
) -> Workspace:
    """Create the database and this device's identity in ``data_dir`` (keys protected by
    ``passphrase`` when one is given; a ``demo`` folder signs with the published demo key
    and is marked as the demo)."""
    # Everything is checked before anything is written: a refused init leaves no folder.
    team = team.strip()
    if not team:
        raise AlholError("team_required")
    problem = name_problem(team, "team")
    if problem is None and operator is not None and operator.strip():
        problem = name_problem(operator.strip(), "operator")
    if problem is not None:
        raise AlholError("name_refused", problem=problem)
    if role not in ROLES:
        raise AlholError("role_unknown", role=role, choices=", ".join(ROLES))
    if data_dir.exists() and not data_dir.is_dir():
        raise AlholError("data_dir_is_file", path=data_dir)
    made = [p for p in (data_dir, *data_dir.parents) if not p.exists()]
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        make_private(data_dir)  # before the keys are written into it (Windows: they inherit it)
        return _initialise(data_dir, team, role, operator, passphrase, demo)
    except BaseException:
        for folder in made:  # deepest first: only the folders this init made
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _initialise(
    data_dir: Path,
    team: str,
    role: str,
    operator: str | None,
    passphrase: str | None,
    demo: bool,
) -> Workspace:
    guard = Guard(acquire_writer_lock(data_dir))
    try:
        if database_path(data_dir).exists():
            ensure_database_sound(data_dir)
        db = open_database(database_path(data_dir))
    except BaseException:
        guard.release()
        raise
    try:
        existing = Devices(db).own()
        if existing is not None:
            raise AlholError(
                "already_initialised",
                device=existing.id,
                role=existing.role,
                team=existing.team,
            )
        device = Device(uuid.uuid4().hex, team, role, is_self=True)
        from .sync.keys import generate_device_keys  # keys before the device row

        generate_device_keys(data_dir, passphrase=passphrase, demo=demo)
        with db.atomic():
            Devices(db).add_own(device)
            if demo:
                Settings(db).set(DEMO_MARK_KEY, "1")
            if operator and operator.strip():
                Settings(db).set(OPERATOR_KEY, operator.strip())
        secure_modes(data_dir, quiet=True)  # a new folder starts private
    except BaseException:
        db.close()
        guard.release()
        raise
    ws = Workspace(data_dir, db, device, _operator(db, operator), _clock(db, device.id))
    ws._guard = guard
    return ws
