"""A conflict from concurrent edits, reviewed and settled from the Conflicts screen; the choice
travels back to the field in the next bundle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sync_gui_helpers import (
    RUSSIA,
    confirm_import,
    export_through_dialog,
    import_through_dialog,
    laptops,
    plain,
    status_texts,
)

from alhol_desk.core import services
from alhol_desk.core.sync import resolution
from alhol_desk.gui.models.conflict_table import ConflictTableModel
from alhol_desk.gui.screens.conflicts import ConflictsScreen

__all__ = ["laptops"]


def exchange(qtbot, sender, receiver, stick) -> list:
    dialog = export_through_dialog(qtbot, sender, stick)
    assert dialog.written is not None, plain(dialog.problem.text())
    dialog.accept()
    preview = import_through_dialog(qtbot, receiver, [dialog.written.path])
    confirm_import(qtbot, preview)
    assert [r.outcome for r in preview.results] == ["applied"], preview.results
    return preview.results


def test_concurrent_edits_are_settled_on_the_review_screen_and_travel_back(
    qtbot, laptops, qtmodeltester
) -> None:
    field, hq, stick = laptops
    batch_id = services.save_batch(field.ws, RUSSIA).record.id
    exchange(qtbot, field, hq, stick)
    exchange(qtbot, hq, field, stick)

    # Both edit the same batch without seeing each other's change.
    services.save_batch(field.ws, {"girls": 11, "boys": 21}, batch_id)
    services.save_batch(hq.ws, {"girls": 13, "boys": 19}, batch_id)
    [report] = exchange(qtbot, field, hq, stick)
    assert report.summary["conflicts"] == 2

    # The status bar and the dashboard show the open count, linking to the review.
    hq.window.refresh_all()
    assert "Open conflicts: 2" in status_texts(hq.window)
    assert 'href="conflicts"' in hq.window.open_conflicts.text()
    dashboard = hq.window.show_screen("dashboard")
    assert "2 conflicts to settle" in plain(dashboard.headline.text())
    dashboard.headline.linkActivated.emit("conflicts")
    screen = hq.window.screen_named("conflicts")
    assert isinstance(screen, ConflictsScreen) and hq.window.current == "conflicts"
    qtmodeltester.check(screen.model)

    model = screen.model
    rows = {
        model.index(r, 1).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }
    assert set(rows) == {"Girls", "Boys"}
    assert rows["Girls"][0] == "Batch · Russian Federation · 1 Jan 2024"
    assert rows["Girls"][2:] == ["13", "11", "Open"]  # this laptop's value, the incoming one
    assert rows["Boys"][2:] == ["19", "21", "Open"]

    # Side by side: both values, both devices and times, which one is shown now.
    girls_row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Girls")
    screen.table.selectRow(girls_row)
    assert screen.local.value.text() == "13" and screen.incoming.value.text() == "11"
    # Who made each side: the person (from the audit trail, or as the bundle names them).
    assert screen.local.who.text().startswith("Changed by Omar on this laptop (HQ Erbil), ")
    assert screen.incoming.who.text().startswith("Changed by Amina on Hasakah 1, ")
    assert "Shown now" in (screen.local.shown.text() + screen.incoming.shown.text())
    assert "Batch · Russian Federation" in plain(screen.record.text())

    # Keep the field's girls (incoming) and HQ's boys (this laptop's).
    qtbot.mouseClick(screen.incoming.keep, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1
    screen.table.selectRow(0)
    assert screen.local.value.text() == "19"
    qtbot.mouseClick(screen.local.keep, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 0 and screen.empty.isVisible()
    assert "No open conflicts" in screen.empty.text()
    assert resolution.open_conflicts(hq.ws) == []
    assert "Open conflicts: 0" in status_texts(hq.window)
    got = services.get_batch(hq.ws, batch_id)
    assert (got.girls, got.boys) == (11, 19)

    # Resolved ones stay visible under a filter, with what was kept.
    screen.show_status("resolved")
    assert model.rowCount() == 2
    statuses = {model.index(r, 1).data(): model.index(r, 4).data() for r in range(2)}
    assert statuses == {
        "Girls": "Resolved: kept the incoming value",
        "Boys": "Resolved: kept this laptop's value",
    }
    screen.table.selectRow(0)
    assert not screen.local.keep.isVisible()
    assert plain(screen.outcome.text()).startswith("Resolved by Omar on ")

    # The choice is a new edit: it goes to the field in HQ's next bundle.
    exchange(qtbot, hq, field, stick)
    mine = services.get_batch(field.ws, batch_id)
    assert (mine.girls, mine.boys) == (11, 19)
    # HQ kept a value (boys 19) that the field had never seen: one base clock per edit
    # cannot say the choice saw the field's own edit too, so the field logs HQ's choice
    # against its own value, with HQ's choice shown (docs/sync.md, "Merge").
    logged = resolution.open_conflicts(field.ws)
    assert [(c.column, c.local_value, c.incoming_value, c.winner) for c in logged] in (
        [],
        [("boys", 21, 19, "incoming")],
    )


def test_the_conflict_model_passes_qt_model_checks_when_empty(qtmodeltester, laptops) -> None:
    field, _hq, _stick = laptops
    qtmodeltester.check(ConflictTableModel(field.ws))


def test_a_rule_conflict_is_settled_by_typing_the_right_values(qtbot, laptops) -> None:
    """Each side valid, together breaking girls + boys = children: the screen says so, and
    the person types what is right, checked like the form."""
    from PySide6.QtWidgets import QDialog

    from alhol_desk.gui.screens.conflicts import TypedValuesDialog

    field, hq, stick = laptops
    batch_id = services.save_batch(field.ws, RUSSIA).record.id
    exchange(qtbot, field, hq, stick)
    exchange(qtbot, hq, field, stick)
    start = services.get_batch(hq.ws, batch_id)
    girls, boys = start.girls, start.boys
    services.save_batch(field.ws, {"girls": girls + 1, "children": girls + boys + 1}, batch_id)
    services.save_batch(hq.ws, {"boys": boys + 1, "children": girls + boys + 1}, batch_id)
    [report] = exchange(qtbot, field, hq, stick)
    assert report.summary["conflicts"] == 2

    screen = hq.window.show_screen("conflicts")
    screen.refresh(screen.shows)
    screen.table.selectRow(0)
    assert "together they break a rule" in plain(screen.outcome.text())
    assert screen.typed.isVisible()
    dialog = TypedValuesDialog(hq.ws, screen.current(), screen)
    assert set(dialog.editors) == {"girls", "boys", "children"}
    dialog.editors["girls"].setText(str(girls + 1))
    dialog.editors["boys"].setText(str(boys + 1))
    dialog.save()  # children still says girls + boys + 1: refused, shown, nothing written
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Children" in plain(dialog.problem.text())
    assert len(resolution.open_conflicts(hq.ws)) == 2
    dialog.editors["children"].setText(str(girls + boys + 2))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert resolution.open_conflicts(hq.ws) == []
    got = services.get_batch(hq.ws, batch_id)
    assert (got.girls, got.boys, got.children) == (girls + 1, boys + 1, girls + boys + 2)
    exchange(qtbot, hq, field, stick)
    mine = services.get_batch(field.ws, batch_id)
    assert (mine.girls, mine.boys, mine.children) == (girls + 1, boys + 1, girls + boys + 2)
