"""The one table of bundle limits: the exporter obeys it, the importer enforces it.

Every number that decides whether a bundle is accepted is here, once. The exporter
splits an export so that no bundle it writes breaks any of them, and the importer refuses
a bundle that does, so the app can never write a bundle it will itself refuse
(``tests/sync/test_limits.py`` writes bundles at each limit and one record past it).

``docs/sync.md`` ("Limits") repeats this table; a test holds the two to the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What one bundle may hold. Sizes in bytes."""

    records: int = 20_000
    """Whole records in one bundle."""
    changes: int = 400_000
    """Fields (one value with its clock) in one bundle: records x their columns."""
    manifest_bytes: int = 48 * 1024 * 1024
    """The manifest after decompression: the header line and every record line."""
    header_bytes: int = 256 * 1024
    """The header line alone."""
    line_bytes: int = 64 * 1024
    """One record line. The longest valid record (every text field at its limit, every
    character four bytes of UTF-8) is under 40 KiB."""
    line_values: int = 512
    """JSON values in one record line (a batch has 36 columns; each override is 11 values)."""
    depth: int = 5
    """Nesting of a record line: record, overrides, override, clock (the header nests 3)."""
    devices: int = 1_000
    """Device ids in the header's clock table, and entries in ``acks``."""
    recipients: int = 16
    """Key ids in ``recipients`` (a bundle is written for one device; HQ's spare keys too)."""

    @property
    def payload_bytes(self) -> int:
        """The compressed manifest: zlib's worst case (``compressBound``) for the largest one."""
        n = self.manifest_bytes
        return n + (n >> 12) + (n >> 14) + (n >> 25) + 13

    @property
    def envelope_bytes(self) -> int:
        """The DSSE envelope: the payload in base64, the payload type and the signatures."""
        return 4 * ((self.payload_bytes + 2) // 3) + 4096

    @property
    def file_bytes(self) -> int:
        """The file on the stick: age adds a header (one stanza per recipient, under 200
        bytes each) and 16 bytes of tag per 64 KiB chunk. Checked before anything is read."""
        chunks = self.envelope_bytes // 65536 + 1
        return self.envelope_bytes + 16 * chunks + 200 * self.recipients + 1024


LIMITS = Limits()
