"""The batch table model: lazy pages over ids, sort, filter as you type, Qt's model checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from alhol_desk.core import services
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.changes import Changes
from alhol_desk.gui.models.batch_table import COLUMNS, ID_ROLE, BatchTableModel
from alhol_desk.gui.screens.batches import BatchesScreen

COUNTRIES = ("RUS", "IRQ", "FRA", "KAZ", "UZB")


def add_batches(ws: Workspace, n: int) -> list[str]:
    raws = [
        {
            "country": COUNTRIES[i % len(COUNTRIES)],
            "status": "received" if i % 3 else "planned",
            "departure_date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "girls": str(i % 7),
            "boys": str(1 + i % 5),
            "ref": f"B-{i:04d}",
            "source": "UNHCR",
        }
        for i in range(n)
    ]
    return services.add_batches(ws, raws)


def column(name: str) -> int:
    return [c.field for c in COLUMNS].index(name)


def all_ids(model: BatchTableModel) -> list[str]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_qt_model_tester_passes_on_an_empty_and_a_full_table(qtmodeltester, ws) -> None:
    empty = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    qtmodeltester.check(empty)
    add_batches(ws, 450)
    full = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    qtmodeltester.check(full)
    full.set_search("rus")
    full.sort(column("girls"), Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(full)


def test_rows_come_a_page_at_a_time(ws) -> None:
    add_batches(ws, 450)
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)

    assert model.rowCount() == BatchTableModel.PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BatchTableModel.PAGE
    assert len(all_ids(model)) == 450
    assert not model.canFetchMore(QModelIndex())
    assert model.matches() == 450


def test_before_the_search_index_arrives_pages_come_from_the_database(ws) -> None:
    ids = add_batches(ws, 450)
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    model._search_index = None  # as if the background read were still running
    model._complete = False
    model._ids = model._ids[: model.PAGE]

    assert sorted(all_ids(model)) == sorted(ids)


def test_newest_first_and_every_column_shows_text(ws) -> None:
    add_batches(ws, 30)
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    dates = [services.get_batch(ws, i).departure_date for i in all_ids(model)]
    assert dates == sorted(dates, reverse=True)
    for c in range(model.columnCount()):
        assert isinstance(model.index(0, c).data(), str)
        assert model.headerData(c, Qt.Orientation.Horizontal)


@pytest.mark.parametrize("name", ["girls", "people", "country", "ref"])
def test_sorting_a_column_orders_by_it(ws, name: str) -> None:
    add_batches(ws, 60)
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    model.sort(column(name), Qt.SortOrder.AscendingOrder)
    batches = [services.get_batch(ws, i) for i in all_ids(model)]
    key = {
        "girls": lambda b: b.girls,
        "people": lambda b: b.people,
        "country": lambda b: {"RUS": "Russian", "IRQ": "Iraq", "FRA": "France",
                              "KAZ": "Kazakhstan", "UZB": "Uzbekistan"}[b.country],
        "ref": lambda b: b.ref,
    }[name]  # fmt: skip
    values = [key(b) for b in batches]
    assert values == sorted(values)


def test_filter_as_you_type_matches_names_codes_references_and_statuses(ws) -> None:
    add_batches(ws, 100)
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)

    model.set_search("russ")
    assert model.matches() == 20
    assert {services.get_batch(ws, i).country for i in all_ids(model)} == {"RUS"}
    model.set_search("russ planned")  # every word must match; status by its shown name
    assert {services.get_batch(ws, i).status for i in all_ids(model)} == {"planned"}
    model.set_search("B-0042")
    assert [services.get_batch(ws, i).ref for i in all_ids(model)] == ["B-0042"]
    model.set_search("العراق")  # Iraq's Arabic name
    assert {services.get_batch(ws, i).country for i in all_ids(model)} == {"IRQ"}
    model.set_search("nothing like this")
    assert model.rowCount() == 0
    model.set_search("")
    assert model.matches() == 100


def test_typing_one_more_letter_narrows_the_last_result(ws) -> None:
    add_batches(ws, 100)
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    for prefix in ("k", "ka", "kaz"):
        model.set_search(prefix)
    narrowed = all_ids(model)
    fresh = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    fresh.set_search("kaz")
    assert narrowed == all_ids(fresh)


def test_the_search_index_loads_in_the_background(qtbot, ws) -> None:
    add_batches(ws, 300)
    model = BatchTableModel(ws.db, ws.data_dir)  # threaded
    model.set_search("uzbek")
    with qtbot.waitSignal(model.index_ready, timeout=10_000):
        pass
    assert model.matches() == 60


def test_deleted_batches_are_not_listed(ws) -> None:
    ids = add_batches(ws, 5)
    services.delete_batch(ws, ids[0])
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    assert ids[0] not in all_ids(model)
    assert model.matches() == 4


def test_the_screen_filters_as_you_type_and_counts(qtbot, ws) -> None:
    add_batches(ws, 50)
    nav = type("Nav", (), {"open_batch": lambda self, i: opened.append(i)})()
    opened: list[str] = []
    screen = BatchesScreen(ws, nav)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.model.index_ready, timeout=10_000):
        pass
    qtbot.keyClicks(screen.filter, "fra")
    assert screen.model.matches() == 10
    assert "10" in screen.count.text()
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert opened == [screen.model.batch_id(0)]


def test_delete_asks_then_deletes_the_selected_batch(qtbot, ws, answers) -> None:
    ids = add_batches(ws, 3)
    deleted: list[str] = []

    class Nav:
        def data_changed(self, changes: Changes) -> None:
            deleted.append("refresh")
            screen.refresh(changes)

    screen = BatchesScreen(ws, Nav())
    qtbot.addWidget(screen)
    screen.show()
    screen.table.setFocus()
    screen.table.selectRow(0)
    chosen = screen.table.current_batch()
    answers.reply = False
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert answers.asked == ["Delete batch"]
    assert len(services.batches(ws)) == 3
    answers.reply = True
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert chosen not in {b.id for b in services.batches(ws)}
    assert deleted == ["refresh"]
    qtbot.waitUntil(lambda: screen.model.matches() == 2)
    assert set(ids) - {chosen} == set(all_ids(screen.model))
