"""Strict JSON: every input outside the policy is refused with BundleRejected, and only that."""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alhol_desk.core.sync.errors import BundleRejected
from alhol_desk.core.sync.strict_json import MAX_SAFE_INTEGER, loads_strict

DEEP = 100_000


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"a": "\xff"}', "not UTF-8"),
        (b'"\xc3"', "not UTF-8"),  # cut inside a character
        (b'"\xed\xa0\x80"', "not UTF-8"),  # a surrogate encoded as UTF-8
        (b"\xef\xbb\xbf{}", "byte-order mark"),
        ('{"a": 1}'.encode("utf-16"), "not UTF-8"),
        (b'"\\ud800"', "lone surrogate"),
        (b'"\\udc00"', "lone surrogate"),
        (b'{"k": ["x", "\\ud83dx"]}', "lone surrogate"),  # high surrogate, no low one
        (b'{"\\udfff": 1}', "lone surrogate"),  # in a key too
        (b'{"a": 1, "a": 2}', "repeats the key 'a'"),
        (b'{"a": 1, "b": {"c": 1, "c": 1}}', "repeats the key 'c'"),
        (b'[{"x": [{"y": 0, "y": 0}]}]', "repeats the key 'y'"),
        (rb'{"a:b": "c:d", "\":": 1, "a:b": "\\"}', "repeats the key 'a:b'"),
        (b'{"t": "10:00", "u": {}, "t": "10:00"}', "repeats the key 't'"),
        (b"NaN", "NaN"),
        (b"[Infinity]", "Infinity"),
        (b'{"a": -Infinity}', "-Infinity"),
        (b"1e400", "1e400"),
        (b"-1e400", "-1e400"),
        (b"1.5", "1.5"),
        (b"1.0", "1.0"),
        (b"1e2", "1e2"),
        (b"9007199254740992", "whole numbers"),
        (b"-9007199254740992", "whole numbers"),
        (b"[" + b"1" * 5000 + b"]", "whole numbers"),
        (b"[" * DEEP + b"]" * DEEP, "deeper than 64"),
        (b"[" * DEEP, "deeper than 64"),
        (b'{"a":' * DEEP + b"1" + b"}" * DEEP, "deeper than 64"),
        (b'[{"a":' * (DEEP // 2) + b"1" + b"}]" * (DEEP // 2), "deeper than 64"),
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"[1,]", "not valid JSON"),
        (b"{'a': 1}", "not valid JSON"),
        (b'"tab\there"', "not valid JSON"),  # raw control character in a string
        (b"[1] [2]", "not valid JSON"),
        (b"[}", "not valid JSON"),
    ],
)
def test_bad_input_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(BundleRejected) as caught:
        loads_strict(data)
    assert reason in caught.value.reason
    assert "\n" not in caught.value.reason
    assert str(caught.value) == caught.value.reason


def test_deep_nesting_is_refused_quickly() -> None:
    for data in (b"[" * DEEP + b"]" * DEEP, b'{"a":' * DEEP + b"1" + b"}" * DEEP):
        start = time.perf_counter()
        with pytest.raises(BundleRejected):
            loads_strict(data)
        assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    "data",
    [
        b"{}",
        b"[]",
        b'""',
        b"null",
        b"true",
        b' \n\t{"a" : [1, -2, "x", null, false, {}]} \n',
        b'"\\ud83d\\ude00 \\u00e9 \\n \\"q\\" \\\\"',
        "«استلمت» 😀".encode().join([b'"', b'"']),
        b'{"a": "[[[[{{{{", "b": "]]]]}}}}", "c": ",,,,"}',
        b'["\\"[[[[\\"", "\\\\", "]"]',
        b'{"": 0, "\\u0000": 1}',
        str(MAX_SAFE_INTEGER).encode(),
        str(-MAX_SAFE_INTEGER).encode(),
        b"-0",
        b'"\\\\ud800"',  # an escaped backslash, then the text "ud800": no surrogate at all
        b'[{"a": 1}, {"a": 2}, {"a": {"a": "a:a"}}, {"10:00": ":"}]',  # same key, other objects
    ],
)
def test_good_input_parses_like_json_loads(data: bytes) -> None:
    assert loads_strict(data) == json.loads(data)


def test_depth_limit_is_exact() -> None:
    assert loads_strict(b"[" * 64 + b"]" * 64, max_depth=64) is not None
    with pytest.raises(BundleRejected, match="deeper than 64"):
        loads_strict(b"[" * 65 + b"]" * 65, max_depth=64)
    mixed = b'[{"a":' * 16 + b"1" + b"}]" * 16  # 32 levels
    assert loads_strict(mixed, max_depth=32)
    with pytest.raises(BundleRejected):
        loads_strict(mixed, max_depth=31)


def test_brackets_inside_strings_do_not_count() -> None:
    # Strings full of brackets, commas and escaped quotes around real nesting of 3.
    data = b'[{"k": "]]]]\\"[[[[,,,,", "n": [["}}}}\\\\", "{{{{"]]}]'
    assert loads_strict(data, max_depth=4) == json.loads(data)
    with pytest.raises(BundleRejected, match="deeper than 3"):
        loads_strict(data, max_depth=3)
    assert loads_strict(b'["' + b"[" * 1000 + b'"]', max_depth=1) == ["[" * 1000]


def test_item_limit() -> None:
    assert loads_strict(b"[1, 2, 3]", max_items=4) == [1, 2, 3]
    with pytest.raises(BundleRejected, match="more than 4 values"):
        loads_strict(b"[1, 2, 3, 4]", max_items=4)
    with pytest.raises(BundleRejected, match="values"):
        loads_strict(b"[" + b"0," * 2_000_000 + b"0]")
    # Commas inside strings are not values.
    assert loads_strict(b'["a,b,c,d,e"]', max_items=2) == ["a,b,c,d,e"]


# Values the policy accepts: no floats, safe integers, text without lone surrogates.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(value=json_values, ascii_only=st.booleans(), indent=st.sampled_from([None, 1]))
def test_any_policy_value_round_trips(value: Any, ascii_only: bool, indent: int | None) -> None:
    data = json.dumps(value, ensure_ascii=ascii_only, indent=indent).encode("utf-8")
    assert loads_strict(data) == value


@settings(max_examples=500, deadline=None)
@given(data=st.binary(max_size=200))
def test_random_bytes_parse_or_are_rejected(data: bytes) -> None:
    with contextlib.suppress(BundleRejected):
        loads_strict(data)


@settings(max_examples=500, deadline=None)
@given(
    value=json_values,
    position=st.integers(min_value=0),
    byte=st.sampled_from(b'"\\[]{},:0123456789.eE-+ntfu\xff\xc3\x00 '),
)
def test_damaged_json_parses_or_is_rejected(value: Any, position: int, byte: int) -> None:
    data = bytearray(json.dumps(value).encode("utf-8"))
    data[position % len(data)] = byte
    try:
        result = loads_strict(bytes(data))
    except BundleRejected:
        return
    # Whatever still parses is what the standard parser reads too.
    assert result == json.loads(bytes(data))
