"""Fuzzing the importer (hypothesis): random bytes, random JSON, mutated valid format-2
manifests.

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
    dump_manifest,
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


@FUZZ
@given(payload=st.binary(max_size=2000))
def test_random_bytes_signed_as_the_payload_are_refused(receiver: Receiver, payload: bytes) -> None:
    """Properly signed, but not a zlib stream of a manifest: the inflater refuses it."""
    assert receiver.feed(receiver.seal_payload(payload)).outcome == "refused"


@settings(FUZZ, max_examples=400)
@given(data=st.data())
def test_mutated_manifests_are_refused_or_imported_whole(
    receiver: Receiver, data: st.DataObject
) -> None:
    template, payload = data.draw(mutated_manifest(receiver.base_docs()))
    receiver.feed(receiver.seal_payload(payload), template)  # the rule is checked inside


def test_the_unmutated_bases_import(receiver: Receiver) -> None:
    """The starting points are valid, so mutations start from a bundle that imports."""
    for template, doc in receiver.base_docs().items():
        fed = receiver.feed(receiver.seal(dump_manifest(doc)), template)
        assert fed.outcome == "applied", fed.reason


@pytest.mark.parametrize("moved", ["format", "seq", "columns"])
def test_a_header_with_its_members_in_another_order_imports(receiver: Receiver, moved: str) -> None:
    """JSON objects are unordered: a header whose members come in another order than the
    exporter's is the same header (in v1 the long campaign found a change object that
    made the importer raise an AssertionError this way)."""
    doc = receiver.base_docs()["fresh"]
    doc["header"][moved] = doc["header"].pop(moved)
    fed = receiver.feed(receiver.seal(dump_manifest(doc)))
    assert fed.outcome == "applied", fed.reason
