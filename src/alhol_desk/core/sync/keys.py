"""This device's private keys on disk, optionally behind a passphrase asked once a session.

Each device holds an Ed25519 signing key (``keys/signing.key``, PKCS#8 PEM) and an age
X25519 identity (``keys/identity.age``, in the format ``age-keygen`` writes, so the stock
``age -d -i keys/identity.age`` can open a bundle in an emergency). Both files are 0600
in a 0700 folder; neither is ever replaced by other keys.

Optionally both are protected by a passphrase (``keys passphrase``): the identity file is
then itself an age file encrypted with that passphrase (age's scrypt recipient, which the
stock ``age -d -i`` asks for), and the signing key is encrypted PKCS#8. The signing key's
password is not the passphrase but a hash of the age identity: PKCS#8 encryption uses
PBKDF2 with 2,048 rounds, thousands of times cheaper to guess against than scrypt, so the
passphrase is only ever tested through scrypt. Unlocked keys are kept for the session
(this process), so the passphrase is asked once; the asking is a hook
(:func:`.prompt.set_passphrase_prompt`) that the CLI and the window each fill in.

The public side (cards, key ids, fingerprints) is in :mod:`.cards`.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
)
from pyrage import DecryptError, IdentityError, x25519
from pyrage import passphrase as age_passphrase

from ..errors import AlholError
from ..safety.files import write_atomically
from .cards import DeviceCard, key_id_for

# The prompt hook and the variables' names live in .prompt, which the CLI imports without
# loading cryptography; re-exported here for existing callers.
from .prompt import NEW_PASSPHRASE_ENV as NEW_PASSPHRASE_ENV
from .prompt import PASSPHRASE_ENV as PASSPHRASE_ENV
from .prompt import PassphrasePrompt as PassphrasePrompt
from .prompt import current_prompt
from .prompt import set_passphrase_prompt as set_passphrase_prompt

KEYS_DIR = "keys"
SIGNING_KEY_FILE = "signing.key"
IDENTITY_FILE = "identity.age"

MIN_PASSPHRASE_LENGTH = 8
MAX_PASSPHRASE_ATTEMPTS = 3
# The start of an age file: a protected identity file is one (armored when we write it).
_AGE_FILE_MAGIC = (b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----")
_SIGNING_PASSWORD_DOMAIN = b"alhol-desk signing key password v1\x00"
_ENCRYPTED_PEM = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
# The demo's signing key, published here on purpose: every demo folder signs with it, so
# every device can tell the demo's cards and bundles by their key and refuses them
# (cards.DEMO_KEY_ID). A secret demo key could be trusted by mistake; this one cannot be
# trusted at all, and no mark can be stripped from a signature.
DEMO_SIGNING_SEED = hashlib.sha256(
    b"alhol-desk demo signing key: published, never trusted"
).digest()


class KeysLocked(AlholError):
    """The keys are protected by a passphrase that was not given, or not right."""


@dataclass(frozen=True)
class DeviceKeys:
    """This device's private keys. Keep them out of logs: neither field has a repr."""

    signing_key: Ed25519PrivateKey = field(repr=False)
    age_identity: x25519.Identity = field(repr=False)

    @property
    def sign_public_key_raw(self) -> bytes:
        return self.signing_key.public_key().public_bytes_raw()

    @property
    def sign_public_key_b64(self) -> str:
        return base64.b64encode(self.sign_public_key_raw).decode("ascii")

    @property
    def age_recipient(self) -> str:
        return str(self.age_identity.to_public())

    @property
    def key_id(self) -> str:
        return key_id_for(self.sign_public_key_raw)

    def card(self, device_id: str, team: str, role: str) -> DeviceCard:
        """The public card of the device that holds these keys."""
        return DeviceCard(device_id, team, role, self.sign_public_key_b64, self.age_recipient)


def generate_device_keys(
    data_dir: Path, *, passphrase: str | None = None, demo: bool = False
) -> DeviceKeys:
    """Make and save a new signing key and age identity; refuse if any key file exists.

    With ``passphrase`` the keys are protected from the start (never on disk in clear).
    A ``demo`` folder signs with the published demo key (``DEMO_SIGNING_SEED``).
    """
    keys_dir = data_dir / KEYS_DIR
    for name in (SIGNING_KEY_FILE, IDENTITY_FILE):
        if (keys_dir / name).exists():
            raise AlholError("keys_exist", path=str(keys_dir / name))
    if passphrase is not None:
        check_new_passphrase(passphrase)
    signing_key = (
        Ed25519PrivateKey.from_private_bytes(DEMO_SIGNING_SEED)
        if demo
        else Ed25519PrivateKey.generate()
    )
    keys = DeviceKeys(signing_key, x25519.Identity.generate())
    pem = _signing_key_file(keys, protected=passphrase is not None)
    identity = _identity_file(keys, passphrase)

    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    keys_dir.chmod(0o700)  # mkdir's mode is cut by the umask, and the folder may have existed
    written: list[Path] = []
    try:
        for name, content in ((SIGNING_KEY_FILE, pem), (IDENTITY_FILE, identity)):
            write_atomically(keys_dir / name, content)  # 0600, renamed into place
            written.append(keys_dir / name)
    except BaseException:
        for path in written:  # never leave half a key pair behind
            path.unlink(missing_ok=True)
        raise
    if passphrase is not None:
        keep_unlocked(data_dir, keys)
    return keys


def _identity_text(keys: DeviceKeys) -> bytes:
    created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return (
        f"# created: {created}\n# public key: {keys.age_recipient}\n{keys.age_identity}\n"
    ).encode("ascii")


def _identity_file(keys: DeviceKeys, passphrase: str | None) -> bytes:
    """The identity as ``age-keygen`` writes it; with a passphrase, that text age-encrypted
    (scrypt, armored), which is what ``age -d -i`` expects of a protected identity file."""
    text = _identity_text(keys)
    if passphrase is None:
        return text
    sealed: bytes = age_passphrase.encrypt(text, passphrase, armored=True)
    return sealed


def _signing_password(identity: x25519.Identity) -> bytes:
    digest = hashlib.sha256(_SIGNING_PASSWORD_DOMAIN + str(identity).encode("ascii"))
    return digest.hexdigest().encode("ascii")


def _signing_key_file(keys: DeviceKeys, *, protected: bool) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(_signing_password(keys.age_identity))
        if protected
        else serialization.NoEncryption()
    )
    return keys.signing_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to resist guessing (the rest is the user's choice)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise AlholError("passphrase_too_short", length=MIN_PASSPHRASE_LENGTH)


# --- unlocking, once per session ---------------------------------------------------------

_unlocked: dict[tuple[object, ...], DeviceKeys] = {}
_unlock_guard = threading.Lock()


def forget_unlocked_keys() -> None:
    """Drop the keys unlocked in this session: the passphrase is asked again next time."""
    with _unlock_guard:
        _unlocked.clear()


def keys_are_protected(data_dir: Path) -> bool:
    """Whether this device's identity file is passphrase-protected."""
    try:
        with (data_dir / KEYS_DIR / IDENTITY_FILE).open("rb") as handle:
            return handle.read(64).startswith(_AGE_FILE_MAGIC)
    except OSError:
        return False


def _session_key(data_dir: Path) -> tuple[object, ...]:
    keys_dir = (data_dir / KEYS_DIR).resolve()
    parts: list[object] = [str(keys_dir)]
    for name in (SIGNING_KEY_FILE, IDENTITY_FILE):
        found = (keys_dir / name).stat()
        parts += [found.st_ino, found.st_size, found.st_mtime_ns]
    return tuple(parts)


def keep_unlocked(data_dir: Path, keys: DeviceKeys) -> None:
    """Hold ``keys`` as this session's unlocked keys of ``data_dir`` (after writing them)."""
    with _unlock_guard:
        _unlocked[_session_key(data_dir)] = keys


def load_device_keys(data_dir: Path, *, passphrase: str | None = None) -> DeviceKeys:
    """Read this device's keys, or raise :class:`AlholError` saying what is wrong and what to do.

    Protected keys are unlocked with ``passphrase`` if given, else through the prompt hook
    (up to three tries), once per session; a wrong or missing one raises :class:`KeysLocked`.
    """
    keys_dir = data_dir / KEYS_DIR
    signing_path, identity_path = keys_dir / SIGNING_KEY_FILE, keys_dir / IDENTITY_FILE
    for path in (signing_path, identity_path):
        if not path.is_file():
            raise AlholError("keys_missing", path=str(path))
    content = identity_path.read_bytes()
    protected = content.startswith(_AGE_FILE_MAGIC)
    if protected:
        session = _session_key(data_dir)
        with _unlock_guard:
            known = _unlocked.get(session)
        if known is not None and passphrase is None:
            return known
        identity = _unlock_identity(data_dir, identity_path, content, passphrase)
    else:
        identity = _parse_identity(identity_path, content)
    keys = DeviceKeys(_read_signing_key(signing_path, identity), identity)
    if protected:
        with _unlock_guard:
            _unlocked[session] = keys
    return keys


def _unlock_identity(
    data_dir: Path, path: Path, content: bytes, passphrase: str | None
) -> x25519.Identity:
    for attempt in range(1, MAX_PASSPHRASE_ATTEMPTS + 1):
        given = passphrase
        prompt = current_prompt()
        if given is None and prompt is not None:
            given = prompt(data_dir, attempt)
        if given is None:
            if attempt == 1:
                raise KeysLocked("keys_locked")
            break
        try:
            plain: bytes = age_passphrase.decrypt(content, given)
        except DecryptError as error:
            if not str(error).startswith("Decryption failed"):
                raise AlholError("keys_file_damaged", path=str(path)) from None
            if passphrase is not None:
                break
            continue
        return _parse_identity(path, plain)
    raise KeysLocked("keys_wrong_passphrase")


def _read_signing_key(path: Path, identity: x25519.Identity) -> Ed25519PrivateKey:
    data = path.read_bytes()
    # Encrypted or not is read from the file: a change of passphrase cut short between the
    # two files leaves either combination, and both still open.
    password = _signing_password(identity) if data.lstrip().startswith(_ENCRYPTED_PEM) else None
    try:
        signing_key = serialization.load_pem_private_key(data, password=password)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        signing_key = None
    if not isinstance(signing_key, Ed25519PrivateKey):
        raise AlholError("keys_bad_signing_key", path=str(path))
    return signing_key


def _parse_identity(path: Path, content: bytes) -> x25519.Identity:
    damaged = AlholError("keys_bad_identity", path=str(path))
    try:
        lines = content.decode("ascii").splitlines()
    except UnicodeDecodeError:
        raise damaged from None
    secrets = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if len(secrets) != 1 or not secrets[0].startswith("AGE-SECRET-KEY-1"):
        raise damaged
    try:
        return x25519.Identity.from_str(secrets[0])
    except IdentityError:
        raise damaged from None


def set_passphrase(
    data_dir: Path, new_passphrase: str | None, *, current: str | None = None
) -> DeviceKeys:
    """Protect the keys with ``new_passphrase``, change it, or (None) remove it.

    The same keys are written again, each file replaced atomically, in an order that leaves
    a loadable pair at every step: protecting writes the signing key first, unprotecting
    writes the identity first. ``current`` unlocks them (else the prompt hook does).
    """
    if new_passphrase is not None:
        check_new_passphrase(new_passphrase)
    keys = load_device_keys(data_dir, passphrase=current)
    keys_dir = data_dir / KEYS_DIR
    signing_path, identity_path = keys_dir / SIGNING_KEY_FILE, keys_dir / IDENTITY_FILE
    signing_protected = signing_path.read_bytes().lstrip().startswith(_ENCRYPTED_PEM)
    identity = _identity_file(keys, new_passphrase)
    if new_passphrase is None:
        write_atomically(identity_path, identity)
        if signing_protected:
            write_atomically(signing_path, _signing_key_file(keys, protected=False))
    else:
        if not signing_protected:
            write_atomically(signing_path, _signing_key_file(keys, protected=True))
        write_atomically(identity_path, identity)
    forget_unlocked_keys()
    if new_passphrase is not None:
        keep_unlocked(data_dir, keys)
    return keys
