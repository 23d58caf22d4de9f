"""Field kinds: what a person types and what a bundle carries are read apart, to the same limits."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alhol_desk.core.kinds import MAX_COUNT, Age, Choice, Count, Country, Date, Flag, Note, Text
from alhol_desk.core.validation import FIELDS_BY_TABLE

FAST = settings(max_examples=60, deadline=None)
ALL_FIELDS = [
    (table, name) for table, specs in FIELDS_BY_TABLE.items() for name in sorted(specs)
]  # fmt: skip


def test_a_blank_required_field_is_refused_when_typed_but_left_to_the_record_in_a_bundle() -> None:
    spec = Country(required=True)
    _, issue = spec.from_typed("country", "   ")
    assert issue is not None and issue.code == "required"
    assert spec.from_bundle("country", None) == (None, None)


@pytest.mark.parametrize(
    ("spec", "typed", "stored"),
    [
        (Count(), "٣٤", 34),
        (Count(), "۱۲", 12),
        (Age(), " 7 ", 7),
        (Date(), "٢٠٢٤-٠٥-٠١", "2024-05-01"),
        (Flag(), "1", 1),
        (Choice(choices=("planned", "received")), "Received", "received"),
        (Country(), "irq", "IRQ"),
        (Text(), "  UNHCR ", "UNHCR"),
        (Note(), "two\nlines", "two\nlines"),
    ],
)
def test_what_a_person_types_is_read_into_its_stored_form(
    spec: Any, typed: str, stored: Any
) -> None:
    assert spec.from_typed("f", typed) == (stored, None)
    assert spec.from_bundle("f", stored) == (stored, None)


@pytest.mark.parametrize(
    ("spec", "value", "code"),
    [
        (Count(), True, "not_whole_number"),
        (Count(), 1.5, "not_whole_number"),
        (Count(), MAX_COUNT + 1, "too_large"),
        (Age(), 18, "age_range"),
        (Flag(), 2, "unknown_choice"),
        (Flag(), False, "unknown_choice"),
        (Date(), 20240101, "not_text"),
        (Text(), ["a"], "not_text"),
        (Text(), "a\tb\x07", "control_characters"),
        (Text(), "a\nb", "control_characters"),
        (Note(), "x" * 4001, "too_long"),
    ],
)
def test_a_bundle_value_outside_its_kind_is_refused_with_its_reason(
    spec: Any, value: Any, code: str
) -> None:
    stored, issue = spec.from_bundle("f", value)
    assert stored is None
    assert issue is not None and issue.code == code


@FAST
@pytest.mark.parametrize(("table", "name"), ALL_FIELDS)
@given(typed=st.one_of(st.text(max_size=12), st.integers(-5, MAX_COUNT + 5)))
def test_every_value_a_person_can_enter_is_carried_by_a_bundle_unchanged(
    table: str, name: str, typed: Any
) -> None:
    spec = FIELDS_BY_TABLE[table][name]
    stored, issue = spec.from_typed(name, typed)
    if issue is None and stored is not None:
        assert spec.from_bundle(name, stored) == (stored, None)
