"""Validly signed, malicious bundles: a thief holds a trusted field laptop's key files.

Each bundle below is made by ``forge.py`` (no alhol-desk code) with the laptop's own keys
and encrypted to HQ, so the signature verifies and only the contents can give it away.
Each must be refused with every table but the bundle history exactly as it was (a full
dump is compared), or, where it is a legitimate edit, accepted correctly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from forge import Forger, clock

from alhol_desk.core import services
from alhol_desk.core.records import AGE_BANDS, Batch, Estimate, StatusEvent
from alhol_desk.core.sync import enrolment, exporter, importer
from alhol_desk.core.workspace import initialise, open_workspace
from enrolling import enrol

BATCH_COLUMNS = list(Batch.synced_columns())
EVENT_COLUMNS = list(StatusEvent.synced_columns())
ESTIMATE_COLUMNS = list(Estimate.synced_columns())
COLUMNS = {
    "batches": BATCH_COLUMNS,
    "status_events": EVENT_COLUMNS,
    "estimates": ESTIMATE_COLUMNS,
}
T0 = 1_714_550_400_000  # 2024-05-01
NEW_ID = "7e57ba7c-0000-4000-8000-00000000f0f0"
RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-01-01",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "source": "Public reporting",
}


def whole(values: dict[str, Any]) -> list[Any]:
    """Every batch column's value, defaults as a new record has them."""
    row = Batch(id=NEW_ID).to_row() | values
    return [row[column] for column in BATCH_COLUMNS]


def idx(column: str) -> int:
    return BATCH_COLUMNS.index(column)


class Scene:
    def __init__(self, root: Path) -> None:
        self.field = initialise(root / "field", team="Hasakah 1", role="field", operator="Amina")
        self.hq = initialise(root / "hq", team="HQ", role="hq", operator="Omar")
        enrol(self.field, self.hq, root)
        self.stick = root / "stick"
        self.stick.mkdir()
        self.batch_id = services.save_batch(self.field, RUSSIA).record.id
        seq1 = exporter.export_bundle(self.field, self.stick).path
        assert importer.import_bundle(self.hq, seq1).outcome == "applied"
        self.created = self.hq.db.execute(
            "SELECT hlc FROM batches WHERE id = ?", [self.batch_id]
        ).fetchone()[0]
        self.forger = Forger(
            self.field.data_dir, self.field.device.id, "Hasakah 1", self.hq.data_dir
        )
        self.forger.last_sha256 = self.hq.db.execute(
            "SELECT last_manifest_sha256 FROM devices WHERE id = ?", [self.field.device.id]
        ).fetchone()[0]

    def created_clock(self, author: int | None = 0) -> list[int]:
        wall, counter, _ = self.created.split(".")
        return clock(int(wall), int(counter), 0, author)

    def later(self, device: int = 0) -> list[int]:
        """A clock just after the batch's creation (a fast-forward of it)."""
        return clock(self.created_clock()[0] + 1000, 0, device)

    def edit(self, column: str, value: Any, *, at: list[int] | None = None) -> list[Any]:
        """The existing batch, whole as the exporter sends it, with one field edited as a
        fast-forward of HQ's value."""
        row = dict(
            zip(
                BATCH_COLUMNS,
                self.hq.db.execute(
                    f"SELECT {', '.join(BATCH_COLUMNS)} FROM batches WHERE id = ?", [self.batch_id]
                ).fetchone(),
                strict=True,
            )
        )
        row[column] = value
        return [
            "batches",
            self.batch_id,
            self.created_clock(),
            [row[c] for c in BATCH_COLUMNS],
            [[idx(column), at or self.later(), self.created_clock(author=None)]],
        ]

    def dump(self) -> list[str]:
        """Every table but the bundle history, as SQL text."""
        return [line for line in self.hq.db.conn.iterdump() if '"bundles"' not in line]

    def close(self) -> None:
        self.field.close()
        self.hq.close()


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    made = Scene(tmp_path)
    yield made
    made.close()


def _header(s: Scene, **changes: Any) -> dict[str, Any]:
    return s.forger.header(2, COLUMNS, **changes)


# name -> (bundle maker, words the refusal must contain)
Maker = Callable[[Scene], Path]
CASES: dict[str, tuple[Maker, str]] = {
    "children_999_for_12_girls_and_20_boys": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("children", 999)]),
        "children: is",
    ),
    "unaccompanied_99": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("unaccompanied", 99)]),
        "unaccompanied",
    ),
    "families_999_for_32_people": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("families", 999)]),
        "families",
    ),
    "source_dated_2099": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("source_date", "2099-01-01")]),
        "in the future",
    ),
    "received_dated_2099": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("departure_date", "2099-01-01")]),
        "in the future",
    ),
    "girls_null": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("girls", None)]),
        "batches.girls is required",
    ),
    "deleted_null": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("deleted", None)]),
        "batches.deleted is required",
    ),
    "deleted_seven": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("deleted", 7)]),
        "batches.deleted",
    ),
    "edit_to_an_unknown_country": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("country", "XXX")]),
        "country code",
    ),
    "new_record_with_an_unknown_country": (
        lambda s: s.forger.bundle(
            s.stick,
            _header(s),
            [["batches", NEW_ID, clock(T0), whole(RUSSIA | {"country": "XXX"}), []]],
        ),
        "country",
    ),
    "new_record_with_no_status": (
        lambda s: s.forger.bundle(
            s.stick,
            _header(s),
            [["batches", NEW_ID, clock(T0), ["RUS", "received", "2024-01-01"], []]],
        ),
        "a value for each of its table's columns",
    ),
    "new_record_with_negative_girls": (
        lambda s: s.forger.bundle(
            s.stick,
            _header(s),
            [["batches", NEW_ID, clock(T0), whole(RUSSIA | {"girls": -1}), []]],
        ),
        "girls",
    ),
    "clock_naming_hq": (
        lambda s: s.forger.bundle(
            s.stick,
            _header(s, devices=[s.field.device.id, s.hq.device.id]),
            [s.edit("note", "planted", at=s.later(1))],
        ),
        "another device",
    ),
    "clock_in_2100": (
        lambda s: s.forger.bundle(
            s.stick, _header(s), [s.edit("note", "planted", at=clock(4_102_444_800_000))]
        ),
        "future",
    ),
    "acks_beyond_what_hq_wrote": (
        lambda s: s.forger.bundle(s.stick, _header(s, acks={s.hq.device.id: 99}), []),
        "has written only",
    ),
    "kind_reference": (
        lambda s: s.forger.bundle(s.stick, _header(s, kind="reference"), []),
        "reference",
    ),
    "a_fraction": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("girls", 1.5)]),
        "fraction",
    ),
    "true_for_a_count": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("girls", True)]),
        "true or false",
    ),
    "an_object_for_a_note": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("note", {"a": 1})]),
        "an object",
    ),
    "a_count_of_2_to_the_60": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("girls", 2**60)]),
        "out of range",
    ),
    "a_note_of_5000_characters": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("note", "x" * 5000)]),
        "too long",
    ),
    "a_control_character_in_ref": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("ref", "A\x07B")]),
        "control characters",
    ),
    "a_date_that_is_no_date": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("source_date", "2024-13-45")]),
        "not a date",
    ),
    "sync_version_3": (
        lambda s: s.forger.bundle(s.stick, _header(s, sync_version=3), []),
        "sync format 3, and this version of alhol-desk reads up to format 2",
    ),
    "payload_type_version_3": (
        lambda s: s.forger.seal(
            s.forger.payload(_header(s), []),
            s.stick / "v3.alhol",
            payload_type="application/vnd.alhol-desk.bundle+jsonl; version=3; compression=zstd",
        ),
        "sync format 3, and this version of alhol-desk reads up to format 2",
    ),
    "one_record_twice": (
        lambda s: s.forger.bundle(
            s.stick, _header(s), [s.edit("note", "one"), s.edit("note", "two")]
        ),
        "one record twice",
    ),
    "clock_device_out_of_range": (
        lambda s: s.forger.bundle(s.stick, _header(s), [s.edit("note", "x", at=s.later(5))]),
        "a clock is not",
    ),
    "overrides_not_increasing": (
        lambda s: s.forger.bundle(
            s.stick,
            _header(s),
            [
                [
                    "batches",
                    s.batch_id,
                    s.created_clock(),
                    whole(RUSSIA),
                    [[idx("note"), s.later(), None], [idx("girls"), s.later(), None]],
                ]
            ],
        ),
        "in order",
    ),
    "one_value_too_many": (
        lambda s: s.forger.bundle(
            s.stick,
            _header(s),
            [["batches", s.batch_id, s.created_clock(), [*whole(RUSSIA), "y"], []]],
        ),
        "a value for each",
    ),
    "override_of_a_column_past_the_last": (
        lambda s: s.forger.bundle(
            s.stick,
            _header(s),
            [
                [
                    "batches",
                    s.batch_id,
                    s.created_clock(),
                    whole(RUSSIA),
                    [[len(BATCH_COLUMNS), s.later(), None]],
                ]
            ],
        ),
        "override",
    ),
    "a_table_the_header_does_not_list": (
        lambda s: s.forger.bundle(s.stick, _header(s), [["people", NEW_ID, clock(T0), [], []]]),
        "not a table the header lists",
    ),
    "a_column_this_app_does_not_know": (
        lambda s: s.forger.bundle(
            s.stick, {**_header(s), "columns": {"batches": [*BATCH_COLUMNS, "passport_no"]}}, []
        ),
        "does not know",
    ),
    "a_record_id_that_is_no_uuid": (
        lambda s: s.forger.bundle(
            s.stick, _header(s), [["batches", "x" * 36, clock(T0), whole(RUSSIA), []]]
        ),
        "record id",
    ),
    "garbage_after_the_zlib_stream": (
        lambda s: s.forger.seal(s.forger.payload(_header(s), []) + b"tail", s.stick / "tail.alhol"),
        "after its end",
    ),
    "a_zlib_stream_cut_short": (
        lambda s: s.forger.seal(s.forger.payload(_header(s), [])[:-6], s.stick / "cut.alhol"),
        "cut short",
    ),
    "no_final_new_line": (
        lambda s: s.forger.seal(
            __import__("zlib").compress(
                __import__("json").dumps(_header(s), separators=(",", ":")).encode()
            ),
            s.stick / "noline.alhol",
        ),
        "new line",
    ),
    "a_record_nested_deeper_than_the_limit": (
        lambda s: s.forger.bundle(s.stick, _header(s), [b"[" * 50 + b"]" * 50]),
        "nests deeper",
    ),
}


def _edit_case(column: str, value: Any, words: str) -> tuple[Maker, str]:
    return (lambda s: s.forger.bundle(s.stick, _header(s), [s.edit(column, value)]), words)


def _new(table: str, columns: list[str], values: dict[str, Any], words: str) -> tuple[Maker, str]:
    def make(s: Scene) -> Path:
        row = dict.fromkeys(columns) | {"deleted": 0} | values
        line = [table, NEW_ID, clock(T0), [row[c] for c in columns], []]
        return s.forger.bundle(s.stick, _header(s), [line])

    return make, words


# Every count negative, every text too long, every date malformed, every choice unknown.
COUNTS = [
    "families", "women", "men", "girls", "boys", "children", "adults", "unaccompanied",
    "separated", *(band for band, _ in AGE_BANDS),
]  # fmt: skip
for _column in COUNTS:
    CASES[f"edit_{_column}_negative"] = _edit_case(_column, -1, f"batches.{_column}")
for _column in ("ref", "destination", "agency", "escort", "source"):
    CASES[f"edit_{_column}_too_long"] = _edit_case(_column, "x" * 301, "too long")
    CASES[f"edit_{_column}_a_number"] = _edit_case(_column, 7, "must be text")
    CASES[f"edit_{_column}_with_a_new_line"] = _edit_case(_column, "a\nb", "control characters")
for _column in ("departure_date", "source_date"):
    CASES[f"edit_{_column}_malformed"] = _edit_case(_column, "28/04/2024", "not a date")
CASES.update(
    {
        "edit_status_unknown": _edit_case("status", "lost", "batches.status"),
        "edit_status_a_number": _edit_case("status", 5, "must be text"),
        "edit_deleted_two": _edit_case("deleted", 2, "batches.deleted"),
        "edit_deleted_minus_one": _edit_case("deleted", -1, "batches.deleted"),
        "edit_deleted_as_text": _edit_case("deleted", "1", "not in its stored form"),
        "edit_note_with_a_nul": _edit_case("note", "a\x00b", "control characters"),
        "edit_min_age_as_text": _edit_case("min_age", "five", "whole number"),
        "edit_country_a_number": _edit_case("country", 3, "must be text"),
        "edit_departure_date_a_number": _edit_case("departure_date", 20240101, "must be text"),
        "edit_min_age_18": _edit_case("min_age", 18, "between 0 and 17"),
        "edit_max_age_negative": _edit_case("max_age", -1, "between 0 and 17"),
        "edit_country_lowercase_unknown": _edit_case("country", "zzz", "country"),
        "edit_girls_as_text": _edit_case("girls", "twelve", "whole number"),
        "edit_age_band_that_does_not_add_up": _edit_case("f_0_4", 5, "age bands add up"),
        "edit_adults_that_do_not_add_up": _edit_case("adults", 3, "women + men"),
        "edit_country_null": _edit_case("country", None, "country: is required"),
        "edit_departure_date_null": _edit_case("departure_date", None, "is required"),
        "new_event_unknown_status": _new(
            "status_events",
            EVENT_COLUMNS,
            {"country": "RUS", "status": "won", "event_date": "2024-05-01", "source": "x"},
            "status",
        ),
        "new_event_in_2099": _new(
            "status_events",
            EVENT_COLUMNS,
            {"country": "RUS", "status": "ongoing", "event_date": "2099-01-01", "source": "x"},
            "in the future",
        ),
        "new_event_without_source": _new(
            "status_events",
            EVENT_COLUMNS,
            {"country": "RUS", "status": "ongoing", "event_date": "2024-05-01"},
            "source: is required",
        ),
        "new_event_unknown_country": _new(
            "status_events",
            EVENT_COLUMNS,
            {"country": "XXX", "status": "ongoing", "event_date": "2024-05-01", "source": "x"},
            "country",
        ),
        "new_estimate_parts_above_total": _new(
            "estimates",
            ESTIMATE_COLUMNS,
            {"estimate_date": "2024-05-01", "source": "x", "girls": 50, "total": 10},
            "total",
        ),
        "new_estimate_with_no_figure": _new(
            "estimates", ESTIMATE_COLUMNS, {"estimate_date": "2024-05-01", "source": "x"}, "total"
        ),
        "new_estimate_unknown_confidence": _new(
            "estimates",
            ESTIMATE_COLUMNS,
            {"estimate_date": "2024-05-01", "source": "x", "total": 5, "confidence": "sure"},
            "confidence",
        ),
        "new_estimate_repatriating_above_countries": _new(
            "estimates",
            ESTIMATE_COLUMNS,
            {
                "estimate_date": "2024-05-01",
                "source": "x",
                "countries": 3,
                "countries_repatriating": 9,
            },
            "countries_repatriating",
        ),
        "new_batch_with_no_one": _new(
            "batches",
            BATCH_COLUMNS,
            {"country": "RUS", "status": "received", "departure_date": "2024-01-01"}
            | dict.fromkeys(["women", "men", "girls", "boys", "unaccompanied", "separated"], 0),
            "counts no one",
        ),
        "new_batch_received_in_2099": _new(
            "batches",
            BATCH_COLUMNS,
            {"country": "RUS", "status": "received", "departure_date": "2099-01-01"}
            | dict.fromkeys(["women", "men", "unaccompanied", "separated"], 0)
            | {"girls": 1, "boys": 1},
            "in the future",
        ),
    }
)


def test_the_table_holds_at_least_a_hundred_attacks() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_forged_bundle_is_refused_and_changes_nothing(scene: Scene, case: str) -> None:
    make, words = CASES[case]
    before = scene.dump()
    report = importer.import_bundle(scene.hq, make(scene))
    assert report.outcome in ("refused", "quarantined"), report.line()
    assert words in (report.reason or ""), report.reason
    assert scene.dump() == before
    assert "planted" not in (report.reason or "")


def test_a_legitimate_forged_edit_is_accepted_as_an_edit(scene: Scene) -> None:
    """The same forger, honest contents: the importer merges it like any bundle."""
    path = scene.forger.bundle(scene.stick, _header(scene), [scene.edit("note", "corrected")])
    report = importer.import_bundle(scene.hq, path)
    assert report.outcome == "applied", report.line()
    assert services.get_batch(scene.hq, scene.batch_id).note == "corrected"


def test_a_first_bundle_numbered_7_warns_of_the_six_before_it(tmp_path: Path) -> None:
    hq = initialise(tmp_path / "hq", team="HQ", role="hq", operator="Omar")
    field = initialise(tmp_path / "field", team="Hasakah 1", role="field", operator="Amina")
    try:
        enrol(field, hq, tmp_path)
        forger = Forger(field.data_dir, field.device.id, "Hasakah 1", hq.data_dir)
        path = forger.bundle(tmp_path, forger.header(7, COLUMNS), [])
        report = importer.import_bundle(hq, path)
        assert report.outcome == "applied"
        assert [str(w) for w in report.warnings] == [
            "bundles 1 to 6 from Hasakah 1 have not arrived yet"
        ]
    finally:
        hq.close()
        field.close()


def test_revocation_cannot_be_bypassed_through_a_gap(scene: Scene) -> None:
    """HQ holds seq 3, seq 2 was lost; after the revoke, a forged seq 2 is set aside, while
    the real seq 2, which seq 3 names, is still accepted."""
    field, hq, stick = scene.field, scene.hq, scene.stick
    services.save_batch(field, RUSSIA | {"girls": 1, "boys": 1})
    real_two = exporter.export_bundle(field, stick).path  # lost on the way
    kept = stick / "kept"
    kept.mkdir()
    shutil.copy(real_two, kept / "two.alhol")
    services.save_batch(field, RUSSIA | {"girls": 2, "boys": 2})
    three = importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    assert three.outcome == "applied" and three.seq == 3
    enrolment.revoke_device(hq, field.device.id, None)  # cut off after bundle 3

    before = scene.dump()
    planted = scene.forger.bundle(
        stick, _header(scene), [["batches", NEW_ID, clock(T0), whole(RUSSIA), []]]
    )
    forged = importer.import_bundle(hq, planted)
    assert forged.outcome == "quarantined", forged.line()
    assert scene.dump() == before
    assert importer.import_bundle(hq, kept / "two.alhol").outcome == "applied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_at_once_and_the_next_file_still_imports(scene: Scene) -> None:
    fifo = scene.stick / "pipe.alhol"
    os.mkfifo(fifo)
    services.save_batch(scene.field, RUSSIA | {"girls": 5, "boys": 5})
    good = exporter.export_bundle(scene.field, scene.stick).path
    scene.hq.close()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "alhol_desk",
            "--data-dir",
            str(scene.hq.data_dir),
            "import",
            str(fifo),
            str(good),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    scene.hq = open_workspace(scene.hq.data_dir)  # the fixture closes it
    assert done.returncode == 1
    assert "pipe.alhol: refused: this is not a file" in done.stderr
    assert f"{good.name}: imported from Hasakah 1 seq 2" in done.stdout


def test_two_valid_edits_that_together_break_a_rule_are_a_conflict_for_a_person(
    scene: Scene,
) -> None:
    """Field: girls 12 -> 13 and children -> 33; HQ: boys 20 -> 21 and children -> 33.
    Each is valid; together 13 + 21 is not 33. Neither side saves a broken record."""
    field, hq, stick = scene.field, scene.hq, scene.stick
    services.save_batch(field, {"girls": 13, "children": 33}, scene.batch_id)
    services.save_batch(hq, {"boys": 21, "children": 33}, scene.batch_id)
    report = importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    assert report.outcome == "applied" and report.summary["conflicts"] == 2, report.line()
    at_hq = services.get_batch(hq, scene.batch_id)
    assert (at_hq.girls, at_hq.boys, at_hq.children) == (12, 21, 33)  # HQ's, still valid
    logged = {
        c["col"]: (c["local_value"], c["incoming_value"], c["kind"])
        for c in hq.db.query("SELECT * FROM conflicts")
    }
    assert logged == {"girls": ("12", "13", "rule"), "boys": ("21", "20", "rule")}

    back = importer.import_bundle(field, exporter.export_bundle(hq, stick).path)
    assert back.outcome == "applied" and back.summary["conflicts"] == 2, back.line()
    at_field = services.get_batch(field, scene.batch_id)
    assert (at_field.girls, at_field.boys, at_field.children) == (13, 20, 33)


def test_a_rule_conflict_is_settled_by_typing_the_right_values_and_it_syncs(
    scene: Scene,
) -> None:
    from alhol_desk.core.errors import AlholError, ValidationFailed
    from alhol_desk.core.sync import resolution

    field, hq, stick = scene.field, scene.hq, scene.stick
    services.save_batch(field, {"girls": 13, "children": 33}, scene.batch_id)
    services.save_batch(hq, {"boys": 21, "children": 33}, scene.batch_id)
    importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    girls = next(c for c in resolution.open_conflicts(hq) if c.column == "girls")
    # Typed values are checked like a form: 13 + 21 is not 33.
    with pytest.raises(ValidationFailed):
        resolution.resolve_conflict(hq, girls.id, values={"girls": "13", "boys": "21"})
    assert len(resolution.open_conflicts(hq)) == 2
    done = resolution.resolve_conflict(
        hq, girls.id, values={"girls": "13", "boys": "21", "children": "34"}
    )
    assert len(done["settled"]) == 2 and resolution.open_conflicts(hq) == []
    # The settlement reaches the laptop and wins there too.
    back = importer.import_bundle(field, exporter.export_bundle(hq, stick).path)
    assert back.outcome == "applied", back.line()
    at_field = services.get_batch(field, scene.batch_id)
    assert (at_field.girls, at_field.boys, at_field.children) == (13, 21, 34)
    # A settled conflict cannot be settled again.
    with pytest.raises(AlholError):
        resolution.resolve_conflict(hq, girls.id, "local")  # already resolved


def test_keeping_one_side_of_a_rule_conflict_keeps_that_whole_record(scene: Scene) -> None:
    from alhol_desk.core.sync import resolution

    field, hq, stick = scene.field, scene.hq, scene.stick
    services.save_batch(field, {"girls": 13, "children": 33}, scene.batch_id)
    services.save_batch(hq, {"boys": 21, "children": 33}, scene.batch_id)
    importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    first = resolution.open_conflicts(hq)[0]
    resolution.resolve_conflict(hq, first.id, "incoming")
    at_hq = services.get_batch(hq, scene.batch_id)
    assert (at_hq.girls, at_hq.boys, at_hq.children) == (13, 20, 33)
    assert resolution.open_conflicts(hq) == []


def test_a_change_without_its_author_is_refused(scene: Scene) -> None:
    line = scene.edit("note", "x")
    line[2] = line[2][:3]  # the creation clock without its author
    report = importer.import_bundle(
        scene.hq, scene.forger.bundle(scene.stick, _header(scene), [line])
    )
    assert report.outcome == "refused"
    assert "[wall ms, counter, device, author]" in (report.reason or "")
