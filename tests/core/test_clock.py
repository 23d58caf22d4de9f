"""The hybrid logical clock: edits keep their order whatever the laptop's wall clock does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alhol_desk.core.clock import HybridLogicalClock, Timestamp

NODE = "a" * 32
OTHER = "b" * 32
FAST = settings(max_examples=80, deadline=None)

nodes = st.text(alphabet="0123456789abcdef", min_size=32, max_size=32)
timestamps = st.builds(
    Timestamp, wall_ms=st.integers(0, 10**13 - 1), counter=st.integers(0, 999_999), node=nodes
)
# Wall readings around 2024 that may jump back and forth by up to a day.
walls = st.integers(1_700_000_000_000, 1_700_086_400_000)


def replay(readings: list[int]) -> Callable[[], int]:
    """A wall clock that returns the given readings, then repeats the last one."""
    it: Iterator[int] = iter(readings)
    last = readings[0]

    def now() -> int:
        nonlocal last
        last = next(it, last)
        return last

    return now


def test_a_fresh_clock_stamps_with_the_wall_time() -> None:
    clock = HybridLogicalClock(NODE, now=lambda: 1_717_200_000_000)
    assert clock.tick() == Timestamp(1_717_200_000_000, 0, NODE)


def test_edits_in_the_same_millisecond_are_still_ordered() -> None:
    clock = HybridLogicalClock(NODE, now=lambda: 1_000)
    stamps = [clock.tick() for _ in range(5)]
    assert [s.counter for s in stamps] == [0, 1, 2, 3, 4]
    assert {s.wall_ms for s in stamps} == {1_000}


def test_a_wall_clock_set_back_does_not_send_stamps_backwards() -> None:
    clock = HybridLogicalClock(NODE, now=replay([5_000, 1_000, 1_000, 6_000]))
    first, after_jump, again, later = (clock.tick() for _ in range(4))
    assert first < after_jump < again < later
    assert after_jump == Timestamp(5_000, 1, NODE)
    assert later == Timestamp(6_000, 0, NODE)


@FAST
@given(st.lists(walls, min_size=1, max_size=60))
def test_ticks_strictly_increase_whatever_the_wall_clock_reads(readings: list[int]) -> None:
    clock = HybridLogicalClock(NODE, now=replay(readings))
    stamps = [clock.tick() for _ in readings]
    assert all(a < b for a, b in pairwise(stamps))
    assert all(str(a) < str(b) for a, b in pairwise(stamps))


def test_a_clock_restored_from_its_last_stamp_continues_after_it() -> None:
    last = Timestamp(9_000, 7, NODE)
    clock = HybridLogicalClock(NODE, last=last, now=lambda: 2_000)  # wall clock reset since
    assert clock.last == last
    assert clock.tick() == Timestamp(9_000, 8, NODE)


def test_a_dense_burst_borrows_the_next_millisecond() -> None:
    clock = HybridLogicalClock(NODE, last=Timestamp(9_000, 999_999, NODE), now=lambda: 9_000)
    stamp = clock.tick()
    assert stamp == Timestamp(9_001, 0, NODE)
    assert str(stamp) > str(Timestamp(9_000, 999_999, NODE))


def test_observing_a_remote_stamp_from_the_future_moves_local_edits_past_it() -> None:
    clock = HybridLogicalClock(NODE, now=lambda: 1_000)
    remote = Timestamp(50_000, 3, OTHER)
    clock.observe(remote)
    assert clock.tick() > remote


def test_observing_an_old_remote_stamp_does_not_move_the_clock_back() -> None:
    clock = HybridLogicalClock(NODE, now=lambda: 10_000)
    mine = clock.tick()
    clock.observe(Timestamp(10, 0, OTHER))
    assert clock.tick() > mine


def test_observing_a_stamp_of_the_same_millisecond_takes_the_higher_counter() -> None:
    clock = HybridLogicalClock(NODE, last=Timestamp(7_000, 2, NODE), now=lambda: 1_000)
    remote = Timestamp(7_000, 40, OTHER)
    clock.observe(remote)
    assert clock.last == Timestamp(7_000, 41, NODE)
    assert clock.tick() > remote


@FAST
@given(
    st.lists(
        st.one_of(st.none(), st.builds(Timestamp, walls, st.integers(0, 999_998), st.just(OTHER))),
        min_size=1,
        max_size=40,
    ),
    st.lists(walls, min_size=1, max_size=40),
)
def test_every_local_stamp_orders_after_everything_seen_before_it(
    events: list[Timestamp | None], readings: list[int]
) -> None:
    """None is a local edit; a Timestamp is a change imported from another device."""
    clock = HybridLogicalClock(NODE, now=replay(readings))
    highest: Timestamp | None = None
    for event in events:
        if event is None:
            stamp = clock.tick()
            assert highest is None or stamp > highest
            highest = stamp
        else:
            clock.observe(event)
            highest = max(highest, event) if highest else event


@FAST
@given(timestamps, timestamps)
def test_the_text_form_sorts_like_the_tuple(a: Timestamp, b: Timestamp) -> None:
    assert (str(a) < str(b)) == (a < b)
    assert (str(a) == str(b)) == (a == b)


@FAST
@given(st.lists(timestamps, max_size=30))
def test_sorting_stored_text_gives_clock_order(stamps: list[Timestamp]) -> None:
    assert sorted(str(s) for s in stamps) == [str(s) for s in sorted(stamps)]


@FAST
@given(timestamps)
def test_the_text_form_parses_back_to_the_same_stamp(stamp: Timestamp) -> None:
    assert Timestamp.parse(str(stamp)) == stamp


def test_text_form_is_fixed_width() -> None:
    assert str(Timestamp(1, 2, NODE)) == f"0000000000001.000002.{NODE}"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1717200000000.000000",
        f"1717200000000.0.{NODE}",
        f"1717200000000.000000.{NODE.upper()}",
        f"1717200000000.000000.{NODE}x",
        f" 1717200000000.000000.{NODE}",
        f"17172000000000.000000.{NODE}",
    ],
)
def test_parse_refuses_anything_but_the_exact_text_form(text: str) -> None:
    with pytest.raises(ValueError, match="not a clock value"):
        Timestamp.parse(text)


@FAST
@given(
    start=st.builds(Timestamp, walls, st.integers(0, 999_999), st.just(NODE)),
    wall=walls,
    count=st.integers(0, 50),
)
def test_a_bulk_of_ticks_matches_ticking_one_by_one(
    start: Timestamp, wall: int, count: int
) -> None:
    bulk = HybridLogicalClock(NODE, last=start, now=lambda: wall)
    single = HybridLogicalClock(NODE, last=start, now=lambda: wall)
    assert bulk.ticks(count) == [str(single.tick()) for _ in range(count)]
    assert bulk.last == single.last
    assert str(bulk.tick()) == str(single.tick())


def test_a_bulk_of_ticks_rolls_over_the_counter_in_order() -> None:
    clock = HybridLogicalClock(NODE, last=Timestamp(9_000, 999_998, NODE), now=lambda: 1)
    stamps = clock.ticks(3)
    assert [Timestamp.parse(s) for s in stamps] == [
        Timestamp(9_000, 999_999, NODE),
        Timestamp(9_001, 0, NODE),
        Timestamp(9_001, 1, NODE),
    ]
    assert clock.tick() == Timestamp(9_001, 2, NODE)
