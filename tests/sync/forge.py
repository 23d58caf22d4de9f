"""An independent bundle forger: what a thief holding a trusted laptop's key files can make.

It uses no alhol-desk code at all: the key files as they lie in a data folder, the
standard ``cryptography`` and ``pyrage`` libraries, ``json`` and ``zlib``, and the format
as ``docs/sync.md`` writes it down. Every bundle it makes is validly signed by a trusted
key and encrypted to the receiver, so whatever the importer refuses, it refuses on the
contents alone.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519

PAYLOAD_TYPE = "application/vnd.alhol-desk.bundle+jsonl; version=2; compression=zlib"


def pae(payload_type: str, body: bytes) -> bytes:
    kind = payload_type.encode()
    return b"DSSEv1 %d %b %d %b" % (len(kind), kind, len(body), body)


def _public_age(data_dir: Path) -> str:
    for line in (data_dir / "keys" / "identity.age").read_text("ascii").splitlines():
        if line.startswith("# public key: "):
            return line.removeprefix("# public key: ")
    raise ValueError("no public key line")


class Forger:
    """Bundles signed with the key files of ``sender_dir``, for the device of ``to_dir``."""

    def __init__(self, sender_dir: Path, sender_id: str, team: str, to_dir: Path) -> None:
        key = serialization.load_pem_private_key(
            (sender_dir / "keys" / "signing.key").read_bytes(), password=None
        )
        assert isinstance(key, Ed25519PrivateKey)
        self.key = key
        raw = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.key_id = hashlib.sha256(raw).digest()[:16].hex()
        self.sender_id = sender_id
        self.team = team
        self.recipient = _public_age(to_dir)
        to_key = serialization.load_pem_private_key(
            (to_dir / "keys" / "signing.key").read_bytes(), password=None
        )
        assert isinstance(to_key, Ed25519PrivateKey)
        to_raw = to_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.recipient_key_id = hashlib.sha256(to_raw).digest()[:16].hex()
        self.last_sha256: str | None = None

    def header(self, seq: int, columns: dict[str, Sequence[str]], **changes: Any) -> dict[str, Any]:
        head: dict[str, Any] = {
            "format": "alhol-desk-bundle",
            "sync_version": 2,
            "bundle_id": uuid.uuid4().hex,
            "kind": "changes",
            "sender": {"device_id": self.sender_id, "key_id": self.key_id, "team": self.team},
            "recipients": [self.recipient_key_id],
            "seq": seq,
            "prev": self.last_sha256,
            "export": {"first_seq": seq, "last": True},
            "acks": {},
            "created_at": "2024-05-01T08:00:00+00:00",
            "app": {"version": "0.0.0", "schema": 1},
            "devices": [self.sender_id],
            "authors": [[self.team, "Amina"]],
            "columns": {table: list(names) for table, names in columns.items()},
        }
        head.update(changes)
        return head

    def payload(self, header: dict[str, Any] | bytes, lines: Iterable[Any]) -> bytes:
        """The compressed manifest; a line given as bytes is written verbatim."""
        parts = [header if isinstance(header, bytes) else _dumps(header)]
        parts += [line if isinstance(line, bytes) else _dumps(line) for line in lines]
        return zlib_compress(b"\n".join(parts) + b"\n")

    def seal(self, payload: bytes, path: Path, *, payload_type: str = PAYLOAD_TYPE) -> Path:
        signature = self.key.sign(pae(payload_type, payload))
        envelope = json.dumps(
            {
                "payloadType": payload_type,
                "payload": base64.b64encode(payload).decode(),
                "signatures": [{"keyid": self.key_id, "sig": base64.b64encode(signature).decode()}],
            },
            separators=(",", ":"),
        ).encode()
        recipient = x25519.Recipient.from_str(self.recipient)
        path.write_bytes(pyrage.encrypt(envelope, [recipient]))
        self.last_sha256 = hashlib.sha256(payload).hexdigest()
        return path

    def bundle(self, folder: Path, header: dict[str, Any] | bytes, lines: Iterable[Any]) -> Path:
        return self.seal(self.payload(header, lines), folder / f"{secrets.token_hex(8)}.alhol")


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def zlib_compress(data: bytes) -> bytes:
    import zlib

    return zlib.compress(data)


def clock(wall_ms: int, counter: int = 0, device: int = 0, author: int | None = 0) -> list[int]:
    """A change's clock names its author (an index into the header's ``authors``); a base
    (``author=None``) does not."""
    return [wall_ms, counter, device] if author is None else [wall_ms, counter, device, author]
