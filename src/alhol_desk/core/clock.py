"""Hybrid logical clock: a total order of changes across devices that tolerates skewed clocks."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

_COUNTER_LIMIT = 1_000_000
_HLC_RE = re.compile(r"(\d{13})\.(\d{6})\.([0-9a-f]{32})")


@dataclass(frozen=True, order=True)
class Timestamp:
    """(wall milliseconds, counter, device id); its text form sorts like the tuple."""

    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:06d}.{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        match = _HLC_RE.fullmatch(text)
        if match is None:
            raise ValueError("not a clock value")
        return cls(int(match[1]), int(match[2]), match[3])


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridLogicalClock:
    """Issues timestamps that never go backwards, even when the wall clock does."""

    def __init__(
        self, node: str, last: Timestamp | None = None, now: Callable[[], int] = wall_clock_ms
    ) -> None:
        self.node = node
        self._now = now
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    @property
    def last(self) -> Timestamp:
        return Timestamp(self._wall, self._counter, self.node)

    def _advance(self, wall: int, counter: int) -> Timestamp:
        if counter >= _COUNTER_LIMIT:  # a burst this dense borrows the next millisecond
            wall, counter = wall + 1, 0
        self._wall, self._counter = wall, counter
        return self.last

    def tick(self) -> Timestamp:
        """A timestamp for a local change."""
        now = self._now()
        if now > self._wall:
            return self._advance(now, 0)
        return self._advance(self._wall, self._counter + 1)

    def ticks(self, count: int) -> list[str]:
        """Text timestamps for ``count`` local changes made together (a bulk load)."""
        now = self._now()
        wall, counter = (now, 0) if now > self._wall else (self._wall, self._counter + 1)
        stamps = []
        for _ in range(count):
            if counter >= _COUNTER_LIMIT:
                wall, counter = wall + 1, 0
            stamps.append(f"{wall:013d}.{counter:06d}.{self.node}")
            counter += 1
        if count:
            self._wall, self._counter = wall, counter - 1
        return stamps

    def observe(self, remote: Timestamp) -> None:
        """Move past a timestamp seen in an imported change, so later local edits order after it."""
        now = self._now()
        wall = max(now, self._wall, remote.wall_ms)
        if wall == self._wall == remote.wall_ms:
            counter = max(self._counter, remote.counter) + 1
        elif wall == self._wall:
            counter = self._counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._advance(wall, counter)
