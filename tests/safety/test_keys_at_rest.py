"""Keys at rest: an optional passphrase (age scrypt for the identity, encrypted PKCS#8 for the
signing key), asked once per session; private file modes; retiring a lost laptop's keys.

Each scrypt costs seconds by design (age calibrates it to about a second on a laptop), so
these tests share one protected folder made once, and count their unlockings.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import shutil
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from safety_helpers import open_to_others, posix_only

from alhol_desk.core import services
from alhol_desk.core.errors import AlholError
from alhol_desk.core.safety.modes import is_private
from alhol_desk.core.safety.retire import retire_identity
from alhol_desk.core.sync import enrolment, exporter, importer
from alhol_desk.core.sync.envelope import encrypt
from alhol_desk.core.sync.keys import (
    IDENTITY_FILE,
    KEYS_DIR,
    SIGNING_KEY_FILE,
    KeysLocked,
    forget_unlocked_keys,
    generate_device_keys,
    keys_are_protected,
    load_device_keys,
    set_passphrase,
    set_passphrase_prompt,
)
from alhol_desk.core.workspace import Workspace, initialise, open_workspace
from enrolling import enrol

PASSPHRASE = "olive tree by the river"
RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-04-28",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "min_age": 5,
    "max_age": 17,
    "source": "keys test",
}


@pytest.fixture(autouse=True)
def _fresh_session() -> Iterator[None]:
    """Each test starts a new session: nothing unlocked, no passphrase hook."""
    forget_unlocked_keys()
    previous = set_passphrase_prompt(None)
    yield
    set_passphrase_prompt(previous)
    forget_unlocked_keys()


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A field laptop set up with a passphrase from the start, enrolled with an HQ (``desk``
    and ``hq`` in the folder returned): one scrypt, shared by the tests that copy them."""
    root = tmp_path_factory.mktemp("protected")
    field = initialise(
        root / "desk", team="Hasakah 1", role="field", operator="Amina", passphrase=PASSPHRASE
    )
    hq = initialise(root / "hq", team="HQ", role="hq", operator="Omar")
    try:
        services.save_batch(field, RUSSIA)
        enrol(field, hq, root)
    finally:
        field.close()
        hq.close()
    forget_unlocked_keys()
    return root


@pytest.fixture
def protected(templates: Path, tmp_path: Path) -> Path:
    """A copy of the protected field laptop (not unlocked in this session)."""
    folder = tmp_path / "desk"
    shutil.copytree(templates / "desk", folder)
    return folder


@pytest.fixture
def its_hq(templates: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of the HQ that trusts it."""
    shutil.copytree(templates / "hq", tmp_path / "hq")
    ws = open_workspace(tmp_path / "hq")
    yield ws
    ws.close()


class Asked:
    """A passphrase hook that answers from a list and records each question."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.attempts: list[int] = []

    def __call__(self, data_dir: Path, attempt: int) -> str | None:
        self.attempts.append(attempt)
        return self.answers.pop(0) if self.answers else None


def test_protected_key_files_hold_no_secret_in_clear(protected: Path) -> None:
    keys_dir = protected / KEYS_DIR
    identity = (keys_dir / IDENTITY_FILE).read_bytes()
    signing = (keys_dir / SIGNING_KEY_FILE).read_bytes()
    assert identity.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert b"AGE-SECRET-KEY" not in identity and b"age1" not in identity
    assert signing.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert keys_are_protected(protected)
    # The PKCS#8 file does not open with the passphrase itself: its cheap PBKDF2 must not
    # become the way to guess the passphrase (docs/security.md).
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(signing, password=PASSPHRASE.encode())
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(signing, password=None)


def test_without_a_passphrase_the_keys_stay_locked(protected: Path) -> None:
    with pytest.raises(KeysLocked, match="protected by a passphrase, and none was given"):
        load_device_keys(protected)
    asked = Asked(None)  # the person closed the dialog
    set_passphrase_prompt(asked)
    with pytest.raises(KeysLocked, match="none was given"):
        load_device_keys(protected)
    assert asked.attempts == [1]


@pytest.mark.slow
def test_asked_once_per_session_and_again_when_wrong(protected: Path) -> None:
    asked = Asked("not it", PASSPHRASE)
    set_passphrase_prompt(asked)
    keys = load_device_keys(protected)
    assert asked.attempts == [1, 2]
    ws = open_workspace(protected)
    try:
        assert enrolment.identity(ws).key_id == keys.key_id  # no question: unlocked already
        assert load_device_keys(protected) is keys
    finally:
        ws.close()
    assert asked.attempts == [1, 2]


def test_three_wrong_answers_and_the_keys_stay_locked(
    protected: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The retry rule alone (the scrypt refusal itself is in the test above)."""
    from alhol_desk.core.sync import keys as keys_module

    def refuse(content: bytes, passphrase: str) -> bytes:
        raise keys_module.DecryptError("Decryption failed")

    monkeypatch.setattr(keys_module.age_passphrase, "decrypt", refuse)
    asked = Asked("wrong", "still wrong", "no", "never asked")
    set_passphrase_prompt(asked)
    with pytest.raises(KeysLocked, match="wrong passphrase") as refused:
        load_device_keys(protected)
    assert asked.attempts == [1, 2, 3]
    assert "keys retire" in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_stock_age_opens_a_bundle_with_the_protected_identity(
    protected: Path, tmp_path: Path
) -> None:
    """Emergency access still works: ``age -d -i identity.age`` asks for the passphrase on
    its terminal (a pty here, as a person would type it) and decrypts."""
    keys = load_device_keys(protected, passphrase=PASSPHRASE)
    bundle = tmp_path / "bundle.alhol"
    bundle.write_bytes(encrypt(b"emergency access works", [keys.age_recipient]))
    out = tmp_path / "opened"
    prompt, code = run_on_a_terminal(
        ["age", "-d", "-i", str(protected / KEYS_DIR / IDENTITY_FILE), "-o", str(out), str(bundle)],
        answer=PASSPHRASE,
    )
    assert code == 0, prompt
    assert "passphrase" in prompt.lower()
    assert out.read_bytes() == b"emergency access works"


def run_on_a_terminal(argv: list[str], answer: str, timeout: float = 60) -> tuple[str, int]:
    """Run ``argv`` with a pseudo-terminal as its controlling terminal; type ``answer`` when
    it asks. Returns what it showed and its exit code."""
    import fcntl  # POSIX only, as the test that calls this
    import termios

    main, secondary = os.openpty()

    def take_the_terminal() -> None:  # runs in the child, after setsid
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(
        argv,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        start_new_session=True,
        preexec_fn=take_the_terminal,
    )
    os.close(secondary)
    shown, typed = b"", False
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(main, 1024)
                except OSError as error:  # EIO: the child closed the terminal
                    if error.errno != errno.EIO:
                        raise
                    break
                if not chunk:
                    break
                shown += chunk
            if not typed and b"passphrase" in shown.lower():
                os.write(main, answer.encode() + b"\n")
                typed = True
            if proc.poll() is not None and not ready:
                break
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        os.close(main)
    return shown.decode("utf-8", "replace"), code


def test_a_change_cut_between_the_two_files_still_opens(tmp_path: Path) -> None:
    """Protecting writes the signing key first: cut there, the identity is still plain and
    the encrypted signing key opens with the password derived from it."""
    made = generate_device_keys(tmp_path)
    from alhol_desk.core.sync import keys as keys_module

    signing = keys_module._signing_key_file(made, protected=True)
    (tmp_path / KEYS_DIR / SIGNING_KEY_FILE).write_bytes(signing)
    loaded = load_device_keys(tmp_path)
    assert loaded.key_id == made.key_id
    assert not keys_are_protected(tmp_path)


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    generate_device_keys(tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / KEYS_DIR).iterdir()}
    with pytest.raises(AlholError, match="passphrase: is too short"):
        set_passphrase(tmp_path, "short")
    assert {p.name: p.read_bytes() for p in (tmp_path / KEYS_DIR).iterdir()} == before
    with pytest.raises(AlholError, match="too short"):
        generate_device_keys(tmp_path / "other", passphrase="       x")


def test_cli_without_a_terminal_or_variable_says_how(protected: Path, run: Any) -> None:
    result = run("--data-dir", str(protected), "keys", "show")
    assert result.code == 1
    assert result.err == (
        "error: this device's keys are protected by a passphrase: run the command in a "
        "terminal to be asked for it, or set ALHOL_DESK_PASSPHRASE\n"
    )


@pytest.mark.slow
def test_cli_export_with_the_passphrase_and_a_wrong_one(
    protected: Path, its_hq: Workspace, tmp_path: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setenv("ALHOL_DESK_PASSPHRASE", "a wrong passphrase")
    result = run("--data-dir", str(protected), "export", "--out", str(stick))
    assert result.code == 1 and result.err.startswith("error: wrong passphrase")
    assert list(stick.iterdir()) == []

    monkeypatch.setenv("ALHOL_DESK_PASSPHRASE", PASSPHRASE)
    result = run("--data-dir", str(protected), "export", "--out", str(stick))
    assert result.code == 0, result.err
    report = importer.import_bundle(its_hq, Path(result.out.strip()))
    assert report.outcome == "applied" and report.summary["new"] == 1


@pytest.mark.slow
def test_keys_passphrase_sets_changes_and_removes_it(
    tmp_path: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "desk"
    ws = initialise(folder, team="Hasakah 1", role="field", operator="Amina")
    key_id = enrolment.identity(ws).key_id
    ws.close()

    monkeypatch.setenv("ALHOL_DESK_NEW_PASSPHRASE", PASSPHRASE)
    result = run("--data-dir", str(folder), "keys", "passphrase")
    assert result.code == 0, result.err
    assert keys_are_protected(folder)
    # Same session: unlocked already, so no question; the same keys, now protected.
    monkeypatch.delenv("ALHOL_DESK_PASSPHRASE", raising=False)
    assert run("--data-dir", str(folder), "keys", "show").out.count(key_id) == 1

    monkeypatch.setenv("ALHOL_DESK_NEW_PASSPHRASE", "x")
    result = run("--data-dir", str(folder), "keys", "passphrase")
    assert result.code == 1 and "too short" in result.err
    result = run("--data-dir", str(folder), "keys", "passphrase", "--remove")
    assert result.code == 0, result.err
    assert not keys_are_protected(folder)
    forget_unlocked_keys()
    assert load_device_keys(folder).key_id == key_id  # plain again, no question
    assert (
        (folder / KEYS_DIR / SIGNING_KEY_FILE)
        .read_bytes()
        .startswith(b"-----BEGIN PRIVATE KEY-----")
    )


@posix_only
def test_key_file_modes_are_fixed_at_startup(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    initialise(folder, team="Hasakah 1", role="field").close()
    keys_dir = folder / KEYS_DIR
    keys_dir.chmod(0o755)
    (keys_dir / SIGNING_KEY_FILE).chmod(0o644)
    (keys_dir / IDENTITY_FILE).chmod(0o664)
    folder.chmod(0o755)
    ws = open_workspace(folder)
    ws.close()
    assert len(ws.notices) == 4 and all("fixed to 0" in str(n) for n in ws.notices)
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in (SIGNING_KEY_FILE, IDENTITY_FILE):
        assert stat.S_IMODE((keys_dir / name).stat().st_mode) == 0o600
    again = open_workspace(folder)
    again.close()
    assert again.notices == ()


@posix_only
def test_a_new_data_folder_starts_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        ws = initialise(tmp_path / "desk", team="Hasakah 1", role="field")
        services.save_batch(ws, RUSSIA)
        ws.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "desk").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "desk" / "alhol-desk.sqlite3").stat().st_mode) == 0o600
    ws = open_workspace(tmp_path / "desk")
    ws.close()
    assert ws.notices == ()


def test_key_file_access_is_fixed_at_startup(tmp_path: Path) -> None:
    """Modes on POSIX, access lists on Windows: opened to others, fixed at the next open."""
    folder = tmp_path / "desk"
    initialise(folder, team="Hasakah 1", role="field").close()
    keys_dir = folder / KEYS_DIR
    opened = [folder, keys_dir, keys_dir / SIGNING_KEY_FILE, keys_dir / IDENTITY_FILE]
    for path in opened:
        open_to_others(path)
        assert not is_private(path)
    ws = open_workspace(folder)
    ws.close()
    assert len(ws.notices) == 4 and all("fixed" in str(n) for n in ws.notices), ws.notices
    assert all(is_private(path) for path in opened)
    again = open_workspace(folder)
    again.close()
    assert again.notices == ()


def test_a_new_data_folder_starts_private(tmp_path: Path) -> None:
    """On either system, by the check that system uses (modes; access lists)."""
    ws = initialise(tmp_path / "desk", team="Hasakah 1", role="field")
    services.save_batch(ws, RUSSIA)
    ws.close()
    desk = tmp_path / "desk"
    for path in (
        desk,
        desk / "alhol-desk.sqlite3",
        desk / KEYS_DIR / SIGNING_KEY_FILE,
        desk / KEYS_DIR / IDENTITY_FILE,
    ):
        assert is_private(path), f"{path.name} can be opened by other accounts"
    ws = open_workspace(desk)
    ws.close()
    assert ws.notices == ()


# --- a lost laptop ---------------------------------------------------------------------


def exchange(sender: Workspace, receiver: Workspace, stick: Path) -> importer.ImportReport:
    return importer.import_bundle(receiver, exporter.export_bundle(sender, stick).path)


def test_a_retired_laptop_is_enrolled_again_and_its_old_keys_are_refused(
    pair: tuple[Workspace, Workspace, Path], tmp_path: Path
) -> None:
    """The procedure of docs/security.md, "A laptop is lost", end to end."""
    field, hq, stick = pair
    first = services.save_batch(field, RUSSIA).record.id
    assert exchange(field, hq, stick).outcome == "applied"
    assert exchange(hq, field, stick).outcome == "applied"  # HQ confirms seq 1
    old_id = field.device.id
    # A copy of the laptop's folder as the thief has it, old keys and all.
    stolen = tmp_path / "stolen"
    shutil.copytree(field.data_dir, stolen)

    enrolment.revoke_device(hq, old_id, None)  # 1. HQ revokes the lost laptop
    later = services.save_batch(field, RUSSIA | {"girls": 1, "boys": 1}).record.id
    retired = retire_identity(field)  # 2. the laptop, found again, retires its identity
    assert retired.old_device_id == old_id and field.device.id == retired.new_device_id
    assert load_device_keys(field.data_dir).key_id != load_device_keys(stolen).key_id
    assert not list((field.data_dir / KEYS_DIR).glob(".retire-*"))

    # The thief's copy still signs as the old device: HQ sets it aside, merges nothing.
    thief = open_workspace(stolen)
    try:
        services.save_batch(thief, RUSSIA | {"girls": 2, "boys": 2, "note": "forged"})
        assert exchange(thief, hq, stick).outcome == "quarantined"
    finally:
        thief.close()

    # 3. Until HQ trusts the new card, nothing from the laptop is accepted.
    assert exchange(field, hq, stick).outcome == "refused"
    # 4. The new card, checked by phone like any new laptop.
    card = enrolment.write_card(field, tmp_path / "new.card")
    enrolment.trust_card(hq, card, enrolment.identity(field).fingerprint)
    report = exchange(field, hq, stick)
    assert report.outcome == "applied", report.reason
    assert report.seq == 2  # numbering started again (1 went out before HQ trusted the card)
    assert report.summary["new"] == 1  # the batch made after the last confirmed bundle
    assert report.summary["unchanged"] > 0  # the rest was sent again, harmlessly
    ids = {r["id"] for r in hq.db.query("SELECT id FROM batches")}
    assert ids == {first, later}
    assert not hq.db.execute("SELECT 1 FROM batches WHERE note = 'forged'").fetchall()
    # And HQ's bundles reach the new keys.
    assert exchange(hq, field, stick).outcome == "applied"


def test_retire_needs_no_old_passphrase_and_says_what_next(protected: Path, run: Any) -> None:
    """A forgotten passphrase is the other reason to retire: it must not be needed."""
    result = run("--data-dir", str(protected), "keys", "retire")
    assert result.code == 1 and "--yes" in result.err
    result = run("--data-dir", str(protected), "keys", "retire", "--yes")
    assert result.code == 0, result.err
    assert "new device id: " in result.out and "new fingerprint: " in result.out
    assert "keys card" in result.err
    assert not keys_are_protected(protected)
    ws = open_workspace(protected)
    try:
        assert services.batches(ws)[0].girls == 12  # the records stayed
    finally:
        ws.close()


def test_a_retire_cut_short_is_finished_by_running_it_again(
    pair: tuple[Workspace, Workspace, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut after the new keys are in place but before the new id is saved: the folder holds
    the old id with new keys, which HQ refuses (never the new id with the old keys)."""
    field, hq, stick = pair
    old_id = field.device.id
    from alhol_desk.core.storage.devices import Devices

    def cut(*args: Any) -> str:
        raise OSError(errno.EIO, "power cut")

    monkeypatch.setattr(Devices, "change_own_id", cut)
    with pytest.raises(OSError):
        retire_identity(field)
    monkeypatch.undo()
    assert field.device.id == old_id
    assert exchange(field, hq, stick).outcome == "refused"  # new key, known id: refused
    retired = retire_identity(field)
    assert retired.old_device_id == old_id
