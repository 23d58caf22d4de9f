"""The sync commands end to end: enrol two laptops, export, verify, import, settle a conflict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alhol_desk.cli import main
from enrolling import enrol_by_cli


class Desk:
    """One data folder driven through the command line."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(self.folder), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self(*args)
        assert code == 0, err
        return out


@pytest.fixture
def desks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Desk, Desk, Path]:
    field, hq = Desk(tmp_path / "field", capsys), Desk(tmp_path / "hq", capsys)
    field.ok("init", "--team", "Hasakah 1", "--role", "field", "--operator", "Amina")
    hq.ok("init", "--team", "HQ", "--role", "hq", "--operator", "Omar")
    stick = tmp_path / "stick"
    stick.mkdir()
    return field, hq, stick


def test_export_before_enrolment_says_what_to_do(desks: tuple[Desk, Desk, Path]) -> None:
    field, _, stick = desks
    code, out, err = field("export", "--out", str(stick))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and "keys trust" in err
    assert list(stick.iterdir()) == []


def test_a_wrong_fingerprint_is_refused_and_nothing_is_trusted(
    desks: tuple[Desk, Desk, Path],
) -> None:
    field, hq, stick = desks
    hq.ok("keys", "card", "--out", str(stick / "hq.card"))
    wrong = "0000-0000-0000-0000-0000-0000-0000-0000"
    code, _, err = field("keys", "trust", str(stick / "hq.card"), "--fingerprint", wrong)
    assert code == 1 and err.startswith("error: --fingerprint: does not match")
    assert field("export", "--out", str(stick))[0] == 1  # still no one to send to


def test_round_trip_and_conflict_through_the_cli(desks: tuple[Desk, Desk, Path]) -> None:
    field, hq, stick = desks
    enrol_by_cli(field.ok, hq.ok, stick)
    batch_id = field.ok(
        "batch",
        "add",
        "--country",
        "RUS",
        "--date",
        "2024-01-01",
        "--status",
        "received",
        "--girls",
        "12",
        "--boys",
        "20",
        "--min-age",
        "5",
        "--max-age",
        "17",
        "--source",
        "Public reporting",
    ).strip()
    bundle = field.ok("export", "--out", str(stick)).strip()
    assert Path(bundle).parent == stick and bundle.endswith(".alhol")

    assert "would change" in hq.ok("verify", bundle)
    assert hq.ok("batch", "list", "--json") == "[]\n"  # verify wrote nothing
    assert "1 new" in hq.ok("import", bundle)
    assert "already imported" in hq.ok("import", bundle)
    rows = json.loads(hq.ok("batch", "list", "--json"))
    assert [(r["id"], r["girls"], r["boys"]) for r in rows] == [(batch_id, 12, 20)]

    field.ok("import", hq.ok("export", "--out", str(stick)).strip())
    field.ok("batch", "edit", batch_id, "--destination", "Moscow")
    hq.ok("batch", "edit", batch_id, "--destination", "Grozny")
    hq.ok("import", field.ok("export", "--out", str(stick)).strip())
    conflicts = json.loads(hq.ok("conflicts", "list", "--json"))
    assert [(c["col"], {c["local_value"], c["incoming_value"]}) for c in conflicts] == [
        ("destination", {"Moscow", "Grozny"})
    ]
    hq.ok("conflicts", "resolve", str(conflicts[0]["id"]), "--keep", "local")
    assert json.loads(hq.ok("conflicts", "list", "--json")) == []
    field.ok("import", hq.ok("export", "--out", str(stick)).strip())
    assert json.loads(field.ok("batch", "list", "--json"))[0]["destination"] == "Grozny"


def test_a_tampered_bundle_is_one_error_line_and_changes_nothing(
    desks: tuple[Desk, Desk, Path],
) -> None:
    field, hq, stick = desks
    enrol_by_cli(field.ok, hq.ok, stick)
    field.ok("batch", "add", "--country", "RUS", "--date", "2024-01-01", "--status", "received",
             "--girls", "12")  # fmt: skip
    bundle = Path(field.ok("export", "--out", str(stick)).strip())
    data = bytearray(bundle.read_bytes())
    data[-100] ^= 0xFF
    bundle.write_bytes(bytes(data))
    code, out, err = hq("import", str(bundle))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and "damaged" in err
    assert hq.ok("batch", "list", "--json") == "[]\n"


def test_a_split_export_is_listed_verified_and_imported_one_line_a_file(
    desks: tuple[Desk, Desk, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a small record limit, one export is three bundles: the CLI says so, prints each
    path, and verify and import give one line per file."""
    from dataclasses import replace

    from alhol_desk.core.sync import exporter, importer, limits, manifest

    field, hq, stick = desks
    enrol_by_cli(field.ok, hq.ok, stick)
    small = replace(limits.LIMITS, records=2)
    for module in (exporter, importer, manifest):
        monkeypatch.setattr(module, "LIMITS", small)
    for n in range(5):
        field.ok(
            "batch", "add", "--country", "RUS", "--date", "2024-01-01", "--status", "received",
            "--girls", str(n + 1), "--boys", "1", "--source", "test",
        )  # fmt: skip
    code, out, err = field("export", "--out", str(stick))
    assert code == 0, err
    paths = out.split()
    assert len(paths) == 3 and err.startswith("3 bundles, 5 records, ")
    verified = hq.ok("verify", *paths).splitlines()
    assert len(verified) == 3 and all(" would change from Hasakah 1 seq " in v for v in verified)
    imported = hq.ok("import", *reversed(paths)).splitlines()
    assert len(imported) == 3 and all(": imported from Hasakah 1 seq " in i for i in imported)
    assert len(json.loads(hq.ok("batch", "list", "--json"))) == 5
