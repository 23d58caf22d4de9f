"""Use cases: what a save, an edit or a delete writes (record, clock, audit) or refuses whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from alhol_desk.core import overview, services
from alhol_desk.core.clock import Timestamp
from alhol_desk.core.demo import load_demo
from alhol_desk.core.errors import NotFound, NotInitialised, Severity, ValidationFailed
from alhol_desk.core.workspace import Workspace, open_workspace

Counts = Callable[[], dict[str, int]]
BATCH = {
    "country": "IRQ",
    "status": "received",
    "departure_date": "2024-05-01",
    "women": "4",
    "girls": "2",
    "boys": "3",
    "source": "UNHCR",
}


def clock_rows(ws: Workspace, pk: str) -> dict[str, tuple[str, str | None]]:
    rows = ws.db.execute("SELECT col, hlc, base FROM field_clock WHERE pk = ?", [pk]).fetchall()
    return {col: (hlc, base) for col, hlc, base in rows}


def stored_row(ws: Workspace, pk: str) -> dict[str, Any]:
    return next(ws.db.query("SELECT * FROM batches WHERE id = ?", [pk]))


# --- create -------------------------------------------------------------------------------


def test_saving_a_new_batch_writes_the_row_with_its_clock_and_one_audit_entry(
    workspace: Workspace,
) -> None:
    saved = services.save_batch(workspace, BATCH)

    assert saved.created
    row = stored_row(workspace, saved.record.id)
    assert (row["country"], row["women"], row["girls"], row["boys"]) == ("IRQ", 4, 2, 3)
    assert services.batches(workspace) == [saved.record]

    # The creation clock is kept in the row; no column has been edited yet.
    assert Timestamp.parse(row["hlc"]).node == workspace.device.id
    assert clock_rows(workspace, saved.record.id) == {}

    [entry] = workspace.audit.entries(pk=saved.record.id)
    assert (entry.operator, entry.table, entry.column) == ("Tester", "batches", None)
    assert entry.hlc == row["hlc"]


def test_each_save_gets_a_later_clock_and_the_clock_survives_a_restart(
    workspace: Workspace, data_dir: Path
) -> None:
    ids = [services.save_batch(workspace, BATCH).record.id for _ in range(3)]
    hlcs = [stored_row(workspace, pk)["hlc"] for pk in ids]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == 3
    workspace.close()

    again = open_workspace(data_dir)
    try:
        assert str(again.clock.last) == hlcs[-1]
        assert again.operator == "Tester"  # remembered from init
        assert str(again.clock.tick()) > hlcs[-1]
    finally:
        again.close()


def test_ids_are_uuids_not_sequence_numbers(workspace: Workspace) -> None:
    first = services.save_batch(workspace, BATCH).record.id
    second = services.save_batch(workspace, BATCH).record.id
    assert first != second
    assert len(first) == 36 and first.count("-") == 4


# --- edit -----------------------------------------------------------------------------------


def test_an_edit_changes_only_the_given_fields(workspace: Workspace) -> None:
    created = services.save_batch(workspace, {**BATCH, "note": "first sheet"}).record
    before = stored_row(workspace, created.id)

    saved = services.save_batch(workspace, {"girls": "5", "ref": "RUS-7"}, created.id)

    assert not saved.created
    assert set(saved.changed) == {"girls", "ref"}
    after = stored_row(workspace, created.id)
    assert after == {**before, "girls": 5, "ref": "RUS-7"}


def test_an_edit_writes_a_clock_per_changed_column(workspace: Workspace) -> None:
    pk = services.save_batch(workspace, BATCH).record.id
    created_hlc = stored_row(workspace, pk)["hlc"]

    services.save_batch(workspace, {"girls": 5, "women": 6}, pk)
    clocks = clock_rows(workspace, pk)
    assert set(clocks) == {"girls", "women"}
    first_edit = clocks["girls"][0]
    assert first_edit > created_hlc
    assert clocks["women"][0] == first_edit
    assert stored_row(workspace, pk)["hlc"] == created_hlc  # the creation clock stays


def test_a_second_edit_records_the_clock_of_the_value_it_replaced(workspace: Workspace) -> None:
    pk = services.save_batch(workspace, BATCH).record.id
    services.save_batch(workspace, {"girls": 5, "women": 6}, pk)
    first_edit = clock_rows(workspace, pk)["girls"][0]

    services.save_batch(workspace, {"girls": 6}, pk)
    clocks = clock_rows(workspace, pk)
    second_edit, base = clocks["girls"]
    assert second_edit > first_edit
    assert base == first_edit  # the girls value this editor overwrote
    assert clocks["women"][0] == first_edit  # untouched


def test_the_first_edit_records_the_creation_clock_as_its_base(
    workspace: Workspace,
) -> None:
    pk = services.save_batch(workspace, BATCH).record.id
    created_hlc = stored_row(workspace, pk)["hlc"]
    services.save_batch(workspace, {"girls": 5}, pk)
    assert clock_rows(workspace, pk)["girls"][1] == created_hlc


def test_an_edit_is_audited_with_old_and_new_values(workspace: Workspace) -> None:
    pk = services.save_batch(workspace, BATCH).record.id
    services.save_batch(workspace, {"girls": 5, "destination": "بغداد"}, pk)

    entries = workspace.audit.entries(pk=pk)
    assert len(entries) == 3
    edits = {e.column: (e.old, e.new) for e in entries[1:]}
    assert edits == {"girls": (2, 5), "destination": (None, "بغداد")}
    assert {e.operator for e in entries} == {"Tester"}
    assert entries[1].hlc == entries[2].hlc == clock_rows(workspace, pk)["girls"][0]
    assert entries[1].hlc > entries[0].hlc


def test_an_edit_with_the_same_values_writes_nothing(workspace: Workspace, counts: Counts) -> None:
    pk = services.save_batch(workspace, BATCH).record.id
    before = counts()
    clock_before = str(workspace.clock.last)

    saved = services.save_batch(workspace, {"girls": "2", "country": "irq", "source": "UNHCR"}, pk)

    assert saved.changed == ()
    assert counts() == before
    assert str(workspace.clock.last) == clock_before


def test_an_edit_is_checked_against_the_whole_record(workspace: Workspace) -> None:
    pk = services.save_batch(workspace, {**BATCH, "children": 5}).record.id
    with pytest.raises(ValidationFailed) as refused:
        services.save_batch(workspace, {"girls": 4}, pk)  # children still says 5
    assert [(e.field, e.code) for e in refused.value.errors] == [("children", "total_mismatch")]


def test_editing_an_unknown_batch_is_refused(workspace: Workspace) -> None:
    with pytest.raises(NotFound):
        services.save_batch(workspace, {"girls": 1}, "no-such-id")


# --- refusals change nothing --------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        {"girls": "-1"},
        {"children": "9"},
        {"max_age": "18"},
        {"country": "XXX"},
        {"departure_date": "2024-06-02"},  # received, after the fixed today
        {"departure_date": "2024-02-30"},
        {"f_0_4": "1"},
    ],
)
def test_a_refused_save_leaves_the_database_unchanged(
    workspace: Workspace, counts: Counts, raw: dict[str, str]
) -> None:
    pk = services.save_batch(workspace, BATCH).record.id
    row_before, counts_before = stored_row(workspace, pk), counts()

    with pytest.raises(ValidationFailed):
        services.save_batch(workspace, {**BATCH, **raw})
    with pytest.raises(ValidationFailed):
        services.save_batch(workspace, raw, pk)

    assert counts() == counts_before
    assert stored_row(workspace, pk) == row_before


def test_a_refusal_lists_every_error_and_names_each_field(workspace: Workspace) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.save_batch(workspace, {**BATCH, "women": "-2", "max_age": "18", "country": "XXX"})
    assert {e.field for e in refused.value.errors} == {"women", "max_age", "country"}
    assert "women: cannot be negative" in str(refused.value)


# --- delete ---------------------------------------------------------------------------------


def test_a_deleted_batch_is_hidden_but_kept_and_audited(workspace: Workspace) -> None:
    keep = services.save_batch(workspace, BATCH).record.id
    gone = services.save_batch(workspace, BATCH).record.id

    services.delete_batch(workspace, gone)

    assert [b.id for b in services.batches(workspace)] == [keep]
    assert stored_row(workspace, gone)["deleted"] == 1
    last = workspace.audit.entries(pk=gone)[-1]
    assert (last.column, last.old, last.new, last.operator) == ("deleted", 0, 1, "Tester")
    assert "deleted" in clock_rows(workspace, gone)
    with pytest.raises(NotFound):
        services.get_batch(workspace, gone)
    with pytest.raises(NotFound):
        services.save_batch(workspace, {"girls": 1}, gone)
    with pytest.raises(NotFound):
        services.delete_batch(workspace, gone)


def test_a_deleted_batch_no_longer_counts_in_the_figures(workspace: Workspace) -> None:
    pk = services.save_batch(workspace, BATCH).record.id
    assert overview.stats(workspace).people.total == 9
    services.delete_batch(workspace, pk)
    assert overview.stats(workspace).people.total == 0


def test_batches_can_be_listed_by_country(workspace: Workspace) -> None:
    iraq = services.save_batch(workspace, BATCH).record.id
    services.save_batch(workspace, {**BATCH, "country": "FRA"})
    assert [b.id for b in services.batches(workspace, country="irq")] == [iraq]


# --- bulk -----------------------------------------------------------------------------------


def test_add_batches_saves_every_row_in_one_go(workspace: Workspace, counts: Counts) -> None:
    before = counts()
    ids = services.add_batches(workspace, [BATCH, {**BATCH, "country": "FRA"}, BATCH])
    after = counts()
    assert len(set(ids)) == 3
    assert after["batches"] - before["batches"] == 3
    assert after["audit"] - before["audit"] == 3
    hlcs = [stored_row(workspace, pk)["hlc"] for pk in ids]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == 3
    assert {b.id for b in services.batches(workspace)} == set(ids)


def test_add_batches_refuses_all_when_one_row_is_wrong(
    workspace: Workspace, counts: Counts
) -> None:
    before = counts()
    with pytest.raises(ValidationFailed) as refused:
        services.add_batches(workspace, [BATCH, {**BATCH, "children": "7"}, BATCH])
    assert [e.field for e in refused.value.errors] == ["row 2: children"]
    assert counts() == before


# --- warnings --------------------------------------------------------------------------------


def add_iraq_estimate(ws: Workspace, total: int) -> None:
    services.add_estimate(
        ws, {"country": "IRQ", "estimate_date": "2024-01-01", "source": "AFP", "total": total}
    )


def test_more_people_repatriated_than_estimated_is_a_warning(workspace: Workspace) -> None:
    add_iraq_estimate(workspace, 12)
    first = services.save_batch(workspace, BATCH)  # 9 people
    assert first.warnings == ()

    second = services.save_batch(workspace, BATCH)  # 18 people now
    [warning] = second.warnings
    assert (warning.field, warning.code, warning.severity) == (
        "country",
        "exceeds_estimate",
        Severity.WARNING,
    )
    assert "to 18" in warning.reason and "estimate of 12" in warning.reason
    assert len(services.batches(workspace)) == 2  # saved anyway


def test_a_planned_batch_does_not_count_against_the_estimate(workspace: Workspace) -> None:
    add_iraq_estimate(workspace, 5)
    saved = services.save_batch(workspace, {**BATCH, "status": "planned"})
    assert saved.warnings == ()


def test_editing_a_batch_does_not_count_it_twice(workspace: Workspace) -> None:
    add_iraq_estimate(workspace, 10)
    pk = services.save_batch(workspace, BATCH).record.id  # 9 people
    assert services.save_batch(workspace, {"note": "checked"}, pk).warnings == ()


def test_a_received_batch_without_source_is_saved_with_a_warning(workspace: Workspace) -> None:
    saved = services.save_batch(workspace, {**BATCH, "source": ""})
    assert [w.code for w in saved.warnings] == ["received_without_source"]
    assert services.get_batch(workspace, saved.record.id).source is None


# --- status events ---------------------------------------------------------------------------


def test_the_latest_status_event_is_the_country_status(workspace: Workspace) -> None:
    for status, day in (("in_talks", "2024-01-10"), ("initiated", "2024-03-01")):
        services.add_status_event(
            workspace, {"country": "TJK", "status": status, "event_date": day, "source": "AFP"}
        )
    row = next(r for r in workspace.countries.overview() if r.iso3 == "TJK")
    assert (row.status, row.status_date) == ("initiated", "2024-03-01")


# --- demo ----------------------------------------------------------------------------------


def test_the_demo_loads_once_and_gives_russias_32_children(
    demo_workspace: Workspace, counts: Counts
) -> None:
    assert load_demo(demo_workspace) == 4
    after_first = counts()
    assert load_demo(demo_workspace) == 0
    assert counts() == after_first

    figures = overview.stats(demo_workspace)
    [russia] = figures.by_country
    assert russia.iso3 == "RUS"
    assert (russia.people, russia.girls, russia.boys) == (32, 12, 20)
    assert russia.status == "ongoing"
    assert figures.people.children == 32
    assert figures.countries.by_status["ongoing"] == 1
    assert {e.source for e in figures.camp_estimates} == {
        "AFP, 2024",
        "Iraq, National Security Advisor, 2024",
    }


def test_the_demo_records_have_the_same_ids_in_every_demo_folder(
    demo_workspace: Workspace, tmp_path: Path, today: date
) -> None:
    from alhol_desk.core.workspace import initialise

    load_demo(demo_workspace)
    other = initialise(tmp_path / "other", team="Demo", role="field", operator="HQ", demo=True)
    other.today = lambda: today
    try:
        load_demo(other)
        assert [b.id for b in services.batches(other)] == [
            b.id for b in services.batches(demo_workspace)
        ]
    finally:
        other.close()


# --- the workspace -----------------------------------------------------------------------


def test_opening_a_folder_that_was_never_set_up_says_to_run_init(tmp_path: Path) -> None:
    with pytest.raises(NotInitialised, match="alhol-desk init"):
        open_workspace(tmp_path)
