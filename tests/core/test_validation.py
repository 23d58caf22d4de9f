"""The rules of DESIGN "Validation", as a user meets them through forms, CLI and imports."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alhol_desk.core.errors import Issue, Severity
from alhol_desk.core.records import AGE_BANDS, Batch, Estimate, StatusEvent
from alhol_desk.core.validation import (
    BATCH_FIELDS,
    MAX_COUNT,
    NOTE_LIMIT,
    TEXT_LIMIT,
    apply_input,
    check_batch,
    check_estimate,
    check_status_event,
    coerce_value,
    parse_date,
    split,
)

TODAY = date(2024, 6, 1)
KNOWN = frozenset({"IRQ", "RUS", "FRA", "DEU", "TJK"})
# The smallest batch that passes every rule: a planned batch of five children.
VALID = {
    "country": "IRQ",
    "status": "planned",
    "departure_date": "2024-05-01",
    "girls": 2,
    "boys": 3,
}
COUNT_FIELDS = (
    "families",
    "women",
    "men",
    "girls",
    "boys",
    "children",
    "adults",
    "unaccompanied",
    "separated",
    *(band for band, _ in AGE_BANDS),
)
MALFORMED_DATES = ("2024-13-01", "2024-02-30", "31/12/2024", "20240101", "2024-1-1", "yesterday")
FAST = settings(max_examples=60, deadline=None)


def batch_issues(**raw: Any) -> list[Issue]:
    """Issues for a batch made from VALID with ``raw`` on top (None removes a field)."""
    fields = {k: v for k, v in {**VALID, **raw}.items() if v is not None}
    batch, coercion_errors = apply_input(Batch(id="b1"), fields)
    return check_batch(
        batch, today=TODAY, is_known_country=KNOWN.__contains__, errors=coercion_errors
    )


def errors_of(**raw: Any) -> list[Issue]:
    return split(batch_issues(**raw))[0]


def only_error(**raw: Any) -> Issue:
    errors = errors_of(**raw)
    assert len(errors) == 1, errors
    return errors[0]


def test_a_plain_batch_passes_every_rule() -> None:
    assert batch_issues() == []


def test_every_error_names_a_field_and_gives_a_readable_reason() -> None:
    issue = only_error(children=6)
    assert issue.field == "children"
    assert issue.severity is Severity.ERROR
    assert issue.reason == "is 6, but girls + boys add up to 5"
    assert issue.describe("--children") == "--children: is 6, but girls + boys add up to 5"


# --- counts are whole numbers >= 0 ---------------------------------------------------


@pytest.mark.parametrize("field", COUNT_FIELDS)
@pytest.mark.parametrize("value", [-1, "-1", "-250"])
def test_negative_counts_are_refused(field: str, value: Any) -> None:
    issue = next(i for i in errors_of(**{field: value}) if i.field == field)
    assert issue.code == "negative"
    assert issue.reason == "cannot be negative"


@pytest.mark.parametrize("field", ["women", "girls", "families", "unaccompanied", "f_5_11"])
@pytest.mark.parametrize("value", ["3.5", "abc", True, False, 3.0, 2.5, "1e3", "3 children", [3]])
def test_counts_that_are_not_whole_numbers_are_refused(field: str, value: Any) -> None:
    issue = next(i for i in errors_of(**{field: value}) if i.field == field)
    assert issue.code == "not_whole_number"
    assert repr(value) in issue.reason


@pytest.mark.parametrize(("typed", "stored"), [("4", 4), (" 4 ", 4), ("+4", 4), ("0", 0), (4, 4)])
def test_counts_typed_as_text_are_read_as_numbers(typed: Any, stored: int) -> None:
    batch, errors = apply_input(Batch(id="b1"), {"women": typed})
    assert errors == []
    assert batch.women == stored


def test_a_count_above_the_limit_is_refused() -> None:
    issue = only_error(women=MAX_COUNT + 1)
    assert (issue.field, issue.code) == ("women", "too_large")
    assert errors_of(women=MAX_COUNT) == []


def test_empty_sex_counts_mean_zero_but_empty_totals_mean_not_known() -> None:
    batch, errors = apply_input(Batch(id="b1", women=4, children=3), {"women": "", "children": ""})
    assert errors == []
    assert batch.women == 0
    assert batch.children is None


# --- a batch that is not cancelled has at least one person ------------------------------


@pytest.mark.parametrize("status", ["planned", "confirmed", "departed", "received"])
def test_a_batch_with_no_people_is_refused_unless_cancelled(status: str) -> None:
    issue = only_error(status=status, girls=0, boys=0, source="UNHCR")
    assert issue.code == "no_people"
    assert issue.field in {"girls", "boys"}


def test_a_cancelled_batch_may_count_no_one() -> None:
    assert errors_of(status="cancelled", girls=0, boys=0) == []


# --- children = girls + boys, adults = women + men --------------------------------------


def test_children_total_must_match_girls_and_boys() -> None:
    assert errors_of(children=5) == []
    issue = only_error(children=4)
    assert (issue.field, issue.code) == ("children", "total_mismatch")
    assert issue.params["expected"] == 5


def test_adults_total_must_match_women_and_men() -> None:
    assert errors_of(women=3, men=1, adults=4) == []
    issue = only_error(women=3, men=1, adults=5)
    assert (issue.field, issue.code) == ("adults", "total_mismatch")
    assert "women + men add up to 4" in issue.reason


@FAST
@given(girls=st.integers(0, 5000), boys=st.integers(0, 5000))
def test_children_equal_to_girls_plus_boys_is_always_accepted(girls: int, boys: int) -> None:
    if girls + boys == 0:
        girls = 1
    assert errors_of(girls=girls, boys=boys, children=girls + boys) == []


@FAST
@given(girls=st.integers(0, 5000), boys=st.integers(0, 5000), children=st.integers(0, 10_000))
def test_any_other_children_total_is_refused_naming_children(
    girls: int, boys: int, children: int
) -> None:
    if girls + boys == 0:
        girls = 1
    errors = errors_of(girls=girls, boys=boys, children=children)
    if children == girls + boys:
        assert errors == []
    else:
        assert [(e.field, e.code) for e in errors] == [("children", "total_mismatch")]


# --- age bands sum to the sex totals -----------------------------------------------------

BANDS_OF = {
    total: [band for band, owner in AGE_BANDS if owner == total]
    for total in ("girls", "boys", "women", "men")
}


def test_age_bands_belong_to_the_right_sex_totals() -> None:
    assert BANDS_OF == {
        "girls": ["f_0_4", "f_5_11", "f_12_17"],
        "boys": ["m_0_4", "m_5_11", "m_12_17"],
        "women": ["f_18_59", "f_60_plus"],
        "men": ["m_18_59", "m_60_plus"],
    }


@pytest.mark.parametrize("total", ["girls", "boys", "women", "men"])
def test_bands_that_do_not_add_up_to_their_sex_total_are_refused(total: str) -> None:
    first, *_ = BANDS_OF[total]
    raw = {"girls": 2, "boys": 3, total: 4, first: 3}
    issue = only_error(**raw)
    assert (issue.field, issue.code) == (total, "bands_mismatch")
    assert issue.reason == "is 4, but its age bands add up to 3"
    assert errors_of(**{**raw, first: 4}) == []


def test_bands_left_empty_count_as_zero() -> None:
    assert errors_of(girls=5, f_5_11=2, f_12_17=3) == []
    assert only_error(girls=5, f_5_11=2).field == "girls"


@FAST
@given(
    parts=st.fixed_dictionaries(
        {band: st.integers(0, 300) for band, _ in AGE_BANDS},
    ),
    bump=st.sampled_from([band for band, _ in AGE_BANDS]),
    by=st.integers(1, 50),
)
def test_random_band_splits_pass_when_they_sum_and_fail_naming_the_total(
    parts: dict[str, int], bump: str, by: int
) -> None:
    totals = {total: sum(parts[b] for b in bands) for total, bands in BANDS_OF.items()}
    if sum(totals.values()) == 0:
        parts["f_0_4"] = totals["girls"] = 1
    assert errors_of(**totals, **parts) == []

    owner = dict(AGE_BANDS)[bump]
    errors = errors_of(**totals, **{**parts, bump: parts[bump] + by})
    assert [(e.field, e.code) for e in errors] == [(owner, "bands_mismatch")]


# --- ages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("min_age", "max_age"), [(0, 17), (5, 17), (0, 0), (17, 17), (3, 9)])
def test_child_ages_between_0_and_17_are_accepted(min_age: int, max_age: int) -> None:
    assert errors_of(min_age=min_age, max_age=max_age) == []


@pytest.mark.parametrize(
    ("field", "value"), [("max_age", 18), ("max_age", "18"), ("min_age", -1), ("min_age", 40)]
)
def test_ages_outside_0_to_17_are_refused(field: str, value: Any) -> None:
    issue = only_error(**{field: value})
    assert (issue.field, issue.code) == (field, "age_range")
    assert "between 0 and 17" in issue.reason


def test_min_age_above_max_age_is_refused() -> None:
    issue = only_error(min_age=12, max_age=5)
    assert (issue.field, issue.code) == ("min_age", "age_order")
    assert "12" in issue.reason and "5" in issue.reason


@pytest.mark.parametrize("field", ["min_age", "max_age"])
def test_ages_without_children_are_refused(field: str) -> None:
    issue = only_error(girls=0, boys=0, women=2, **{field: 4})
    assert (issue.field, issue.code) == (field, "ages_without_children")


# --- unaccompanied + separated <= children; families <= people ---------------------------


def test_unaccompanied_and_separated_cannot_exceed_the_children() -> None:
    assert errors_of(unaccompanied=3, separated=2) == []
    issue = only_error(unaccompanied=3, separated=3)
    assert (issue.field, issue.code) == ("unaccompanied", "too_many_children_flagged")
    assert "5 children" in issue.reason


def test_families_cannot_exceed_the_people() -> None:
    assert errors_of(families=5) == []
    issue = only_error(families=6)
    assert (issue.field, issue.code) == ("families", "families_exceed_people")
    assert "5 people" in issue.reason


def test_families_count_adults_too() -> None:
    assert errors_of(families=7, women=2) == []


# --- dates -------------------------------------------------------------------------------


def test_a_received_batch_dated_in_the_future_is_refused() -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    issue = only_error(status="received", departure_date=tomorrow, source="UNHCR")
    assert (issue.field, issue.code) == ("departure_date", "future_date")
    assert tomorrow in issue.reason


def test_a_received_batch_dated_today_is_accepted() -> None:
    assert errors_of(status="received", departure_date=TODAY.isoformat(), source="UNHCR") == []


@pytest.mark.parametrize("status", ["planned", "confirmed"])
def test_a_planned_batch_may_be_dated_in_the_future(status: str) -> None:
    assert errors_of(status=status, departure_date="2025-01-15") == []


def test_a_source_dated_in_the_future_is_refused() -> None:
    issue = only_error(source="UNHCR", source_date="2024-06-02")
    assert (issue.field, issue.code) == ("source_date", "future_date")


@pytest.mark.parametrize("field", ["departure_date", "source_date"])
@pytest.mark.parametrize("value", MALFORMED_DATES)
def test_malformed_dates_are_refused(field: str, value: str) -> None:
    issue = only_error(**{field: value})
    assert (issue.field, issue.code) == (field, "bad_date")
    assert "YYYY-MM-DD" in issue.reason


def test_parse_date_is_strict() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    for text in (*MALFORMED_DATES, "2023-02-29", "2024-05-31T00:00", "2024-W01-1"):
        assert parse_date(text) is None, text


# --- country and status ------------------------------------------------------------------


def test_an_unknown_country_is_refused() -> None:
    issue = only_error(country="XXX")
    assert (issue.field, issue.code) == ("country", "unknown_country")
    assert "'XXX'" in issue.reason


def test_a_country_code_is_read_in_any_case() -> None:
    batch, errors = apply_input(Batch(id="b1"), {"country": " irq "})
    assert errors == []
    assert batch.country == "IRQ"


@pytest.mark.parametrize("status", ["arrived", "done", "0"])
def test_an_unknown_status_is_refused(status: str) -> None:
    issue = only_error(status=status)
    assert (issue.field, issue.code) == ("status", "unknown_choice")
    assert "planned, confirmed, departed, received, cancelled" in issue.reason


def test_a_status_is_read_in_any_case() -> None:
    batch, errors = apply_input(Batch(id="b1"), {"status": "Received"})
    assert errors == []
    assert batch.status == "received"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("country", None),
        ("country", ""),
        ("departure_date", None),
        ("departure_date", "   "),
        ("status", ""),
        ("status", "  "),
    ],
)
def test_country_status_and_date_are_required(field: str, value: Any) -> None:
    fields = {k: v for k, v in VALID.items() if k != field}
    if value is not None:
        fields[field] = value
    batch, coercion_errors = apply_input(Batch(id="b1"), fields)
    issues = check_batch(
        batch, today=TODAY, is_known_country=KNOWN.__contains__, errors=coercion_errors
    )
    assert [(i.field, i.code) for i in issues] == [(field, "required")]


def test_a_new_batch_without_a_status_is_planned() -> None:
    batch, errors = apply_input(Batch(id="b1"), {k: v for k, v in VALID.items() if k != "status"})
    assert errors == []
    assert batch.status == "planned"


# --- text ---------------------------------------------------------------------------------


def test_text_longer_than_the_limit_is_refused() -> None:
    assert errors_of(ref="x" * TEXT_LIMIT) == []
    issue = only_error(ref="x" * (TEXT_LIMIT + 1))
    assert (issue.field, issue.code) == ("ref", "too_long")
    assert only_error(note="x" * (NOTE_LIMIT + 1)).code == "too_long"


def test_control_characters_are_refused_but_a_note_may_have_several_lines() -> None:
    assert only_error(ref="A\x00B").code == "control_characters"
    assert only_error(agency="line one\nline two").code == "control_characters"
    assert errors_of(note="line one\nline two\n\tindented") == []


def test_arabic_text_is_kept_as_typed() -> None:
    batch, errors = apply_input(Batch(id="b1"), {"destination": "بغداد", "note": "  ملاحظة  "})
    assert errors == []
    assert (batch.destination, batch.note) == ("بغداد", "ملاحظة")


# --- warnings are not errors ----------------------------------------------------------


def test_a_received_batch_without_source_is_a_warning_not_an_error() -> None:
    errors, warnings = split(batch_issues(status="received"))
    assert errors == []
    assert [(w.field, w.code, w.severity) for w in warnings] == [
        ("source", "received_without_source", Severity.WARNING)
    ]
    assert batch_issues(status="received", source="UNHCR") == []


def test_a_batch_without_source_that_is_not_received_has_no_warning() -> None:
    assert batch_issues(status="departed") == []


def test_errors_and_warnings_are_reported_together_but_kept_apart() -> None:
    errors, warnings = split(batch_issues(status="received", children=9))
    assert [e.field for e in errors] == ["children"]
    assert [w.field for w in warnings] == ["source"]


# --- apply_input and coerce_value --------------------------------------------------------


def test_fields_not_given_keep_their_values() -> None:
    before = Batch(id="b1", country="IRQ", status="planned", departure_date="2024-05-01", girls=2)
    after, errors = apply_input(before, {"boys": "3"})
    assert errors == []
    assert (after.country, after.girls, after.boys) == ("IRQ", 2, 3)
    assert before.boys == 0  # the original record is not touched


def test_an_unknown_field_is_a_bug_not_a_user_error() -> None:
    with pytest.raises(KeyError):
        apply_input(Batch(id="b1"), {"girlz": 3})


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("girls", "12", (12, None)),
        ("max_age", "17", (17, None)),
        ("departure_date", "2024-01-01", ("2024-01-01", None)),
        ("status", " CANCELLED ", ("cancelled", None)),
        ("ref", None, (None, None)),
    ],
)
def test_coerce_value_turns_typed_text_into_stored_values(
    name: str, raw: Any, expected: tuple[Any, Any]
) -> None:
    assert coerce_value(name, BATCH_FIELDS[name], raw) == expected


def test_coerce_value_refuses_a_missing_required_field() -> None:
    value, issue = coerce_value("country", BATCH_FIELDS["country"], "  ")
    assert value is None
    assert issue is not None and (issue.field, issue.code) == ("country", "required")


@FAST
@given(st.integers(-(10**9) + 1, -1))
def test_coerce_value_refuses_every_negative_count(value: int) -> None:
    for raw in (value, str(value)):
        _, issue = coerce_value("boys", BATCH_FIELDS["boys"], raw)
        assert issue is not None and issue.code == "negative"


@FAST
@given(st.text(alphabet=st.characters(categories=["L", "P", "Zs"]), min_size=1))
def test_coerce_value_refuses_text_without_digits_as_a_count(text: str) -> None:
    value, issue = coerce_value("boys", BATCH_FIELDS["boys"], text)
    if text.strip():
        assert value is None
        assert issue is not None and issue.code == "not_whole_number"
    else:
        assert (value, issue) == (None, None)


# --- status events and estimates ---------------------------------------------------------


def event_issues(**raw: Any) -> list[Issue]:
    base = {"country": "RUS", "status": "ongoing", "event_date": "2024-01-01", "source": "AFP"}
    fields = {k: v for k, v in {**base, **raw}.items() if v is not None}
    event, errors = apply_input(StatusEvent(id="e1"), fields)
    return check_status_event(
        event, today=TODAY, is_known_country=KNOWN.__contains__, errors=errors
    )


def test_a_sourced_status_event_is_accepted() -> None:
    assert event_issues() == []


@pytest.mark.parametrize(
    ("raw", "field", "code"),
    [
        ({"status": "paused"}, "status", "unknown_choice"),
        ({"country": "ZZZ"}, "country", "unknown_country"),
        ({"source": None}, "source", "required"),
        ({"event_date": "2024-06-02"}, "event_date", "future_date"),
        ({"event_date": "2024-02-30"}, "event_date", "bad_date"),
    ],
)
def test_status_event_rules(raw: dict[str, Any], field: str, code: str) -> None:
    assert [(i.field, i.code) for i in event_issues(**raw)] == [(field, code)]


def estimate_issues(**raw: Any) -> list[Issue]:
    base = {"country": "IRQ", "estimate_date": "2024-01-01", "source": "AFP", "total": 100}
    fields = {k: v for k, v in {**base, **raw}.items() if v is not None}
    estimate, errors = apply_input(Estimate(id="x1"), fields)
    return check_estimate(estimate, today=TODAY, is_known_country=KNOWN.__contains__, errors=errors)


def test_a_camp_wide_estimate_has_no_country() -> None:
    assert estimate_issues(country=None, total=43000, countries=45) == []


@pytest.mark.parametrize(
    ("raw", "field", "code"),
    [
        ({"total": None}, "total", "no_figure"),
        ({"women": 60, "girls": 50}, "total", "parts_exceed_total"),
        (
            {"countries": 45, "countries_repatriating": 60},
            "countries_repatriating",
            "part_exceeds_whole",
        ),
        ({"estimate_date": "2024-07-01"}, "estimate_date", "future_date"),
        ({"confidence": "certain"}, "confidence", "unknown_choice"),
        ({"total": -5}, "total", "negative"),
    ],
)
def test_estimate_rules(raw: dict[str, Any], field: str, code: str) -> None:
    assert [(i.field, i.code) for i in estimate_issues(**raw)] == [(field, code)]


# --- known defects (see the report) ------------------------------------------------------


def test_a_refused_girls_count_does_not_also_blame_the_children_total() -> None:
    assert [(e.field, e.code) for e in errors_of(girls="abc", boys=3, children=5)] == [
        ("girls", "not_whole_number")
    ]


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("girls", "١٢", 12),  # Arabic-Indic
        ("boys", "۲۰", 20),  # Eastern Arabic-Indic (Persian/Urdu keyboards)
        ("departure_date", "٢٠٢٤-٠١-٠١", "2024-01-01"),
    ],
)
def test_arabic_keyboard_digits_are_read_as_digits(field: str, typed: str, stored: object) -> None:
    batch, errors = apply_input(Batch(id="x"), {field: typed})
    assert errors == []
    assert getattr(batch, field) == stored


def test_other_unicode_digits_are_still_refused() -> None:
    _, errors = apply_input(Batch(id="x"), {"girls": "१२"})  # Devanagari
    assert [e.code for e in errors] == ["not_whole_number"]
