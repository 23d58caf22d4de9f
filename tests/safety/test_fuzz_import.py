"""Fuzzing the importer (hypothesis): random bytes, random JSON, mutated valid manifests.

The only outcomes allowed are a clean refusal or a valid import; see fuzz_harness.py for
the rule and the inputs, and benchmarks/fuzz_import.py for a longer campaign.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fuzz_harness import (
    Receiver,
    dump,
    json_values,
    mutated_manifest,
    random_files,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    made = Receiver()
    yield made
    made.close()


@FUZZ
@given(data=random_files)
def test_random_bytes_are_refused(receiver: Receiver, data: bytes) -> None:
    assert receiver.feed(data).outcome == "refused"


@FUZZ
@given(value=json_values)
def test_random_json_in_the_age_layer_is_refused(receiver: Receiver, value: Any) -> None:
    assert receiver.feed(receiver.encrypt_only(dump(value))).outcome == "refused"


@FUZZ
@given(value=json_values)
def test_random_json_signed_by_a_trusted_sender_is_refused(receiver: Receiver, value: Any) -> None:
    assert receiver.feed(receiver.seal(dump(value))).outcome == "refused"


@settings(FUZZ, max_examples=400)
@given(data=st.data())
def test_mutated_manifests_are_refused_or_imported_whole(
    receiver: Receiver, data: st.DataObject
) -> None:
    template, body = data.draw(mutated_manifest(receiver.base_docs()))
    receiver.feed(receiver.seal(body), template)  # the rule is checked inside


def test_the_unmutated_bases_import(receiver: Receiver) -> None:
    """The starting points are valid, so mutations start from a bundle that imports."""
    for template, doc in receiver.base_docs().items():
        fed = receiver.feed(receiver.seal(dump(doc)), template)
        assert fed.outcome == "applied", fed.reason


@pytest.mark.parametrize("moved", ["value", "table", "base"])
def test_a_change_with_its_members_in_another_order_imports(receiver: Receiver, moved: str) -> None:
    """Found by the long campaign: a valid change whose members come in another order
    (JSON objects are unordered) made the importer raise an AssertionError."""
    doc = receiver.base_docs()["fresh"]
    change = doc["changes"][3]
    change[moved] = change.pop(moved)
    fed = receiver.feed(receiver.seal(dump(doc)))
    assert fed.outcome == "applied", fed.reason
