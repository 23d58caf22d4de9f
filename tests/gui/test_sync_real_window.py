"""The sync screens in the real window (Xvfb, xdotool keystrokes), shot in English and Arabic.

Two laptops are set up with the command line: a field team and HQ, enrolled with each
other, a bundle each way, two concurrent edits (conflicts at HQ), a tampered file (a
refusal in HQ's history), and one more field bundle left on the stick. HQ's window is then
driven with the keyboard through Sync, Devices and keys, Conflicts, the export and import
dialogs, a trust attempt with a wrong fingerprint and the revoke confirmation, and each is
saved under ``artifacts/screenshots/`` as ``{en,ar}-sync-*.png``. Skips like
test_real_window.py when Xvfb, xdotool or ImageMagick are missing (fails in CI).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_real_window import SHOTS, Desktop, cli, display, launch, quit_window, wait_for

from alhol_desk.paths import log_path
from enrolling import enrol_by_cli

pytestmark = pytest.mark.slow
__all__ = ["display"]  # the module's X server fixture, shared from test_real_window


def exported(data_dir: Path, stick: Path) -> Path:
    return Path(cli(data_dir, "export", "--out", str(stick)).stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def laptops(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("sync-shots")
    field, hq, other, stick = (root / n for n in ("field", "hq", "other", "stick"))
    stick.mkdir()
    cli(field, "init", "--team", "Hasakah 1", "--role", "field", "--operator", "Amira")
    cli(hq, "init", "--team", "HQ Erbil", "--role", "hq", "--operator", "Omar")
    cli(other, "init", "--team", "Hasakah 2", "--role", "field", "--operator", "Layla")
    russia = cli(
        field, "batch", "add", "--country", "RUS", "--date", "2024-01-01", "--status",
        "received", "--girls", "12", "--boys", "20", "--source", "Public reporting, 2024",
    ).stdout.strip()  # fmt: skip
    enrol_by_cli(lambda *args: cli(field, *args).stdout, lambda *args: cli(hq, *args).stdout, root)
    cli(other, "keys", "card", "--out", str(stick / "hasakah2.card"))

    cli(hq, "import", str(exported(field, stick)))
    cli(field, "import", str(exported(hq, stick)))
    cli(field, "batch", "edit", russia, "--girls", "11", "--boys", "21")
    cli(hq, "--operator", "Omar", "batch", "edit", russia, "--girls", "13", "--boys", "19")
    second = exported(field, stick)
    tampered = stick / "tampered.alhol"
    data = bytearray(second.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    cli(hq, "import", str(second))
    assert cli_fails(hq, "import", str(tampered))
    tampered.unlink()
    for path in stick.glob("*.alhol"):
        path.unlink()
    cli(
        field, "batch", "add", "--country", "FRA", "--date", "2024-05-20", "--status",
        "received", "--women", "3", "--girls", "4", "--boys", "2", "--min-age", "2",
        "--max-age", "9", "--source", "Le Monde",
    )  # fmt: skip
    waiting = exported(field, stick)
    return {"hq": hq, "stick": stick, "bundle": waiting, "card": stick / "hasakah2.card"}


def cli_fails(data_dir: Path, *args: str) -> bool:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "alhol_desk", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode == 1 and "refused" in done.stdout + done.stderr


def new_dialog(desktop: Desktop, before: set[str]) -> str:
    """A new window at least dialog-sized: a file box's completer pops up windows too."""
    found: list[str] = []

    def look() -> bool:
        for window in desktop.windows() - before:
            geometry = desktop.run("xdotool", "getwindowgeometry", "--shell", window)
            sizes = dict(line.split("=", 1) for line in geometry.splitlines() if "=" in line)
            if int(sizes.get("WIDTH", 0)) >= 300 and int(sizes.get("HEIGHT", 0)) >= 150:
                found.append(window)
                return True
        return False

    wait_for(look, "a new dialog")
    return found[0]


def choose_in_file_dialog(desktop: Desktop, before: set[str], path: Path) -> str:
    """Type ``path`` into Qt's own file dialog (no desktop under Xvfb: its file name box has
    the focus); returns the window that opens once the file dialog has closed."""
    dialog = new_dialog(desktop, before)
    desktop.focus(dialog)
    desktop.keys("ctrl+a")
    desktop.type(str(path))
    desktop.keys("Return")
    wait_for(lambda: dialog not in desktop.windows(), "the file dialog to close")
    return new_dialog(desktop, before)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_sync_screen_in_the_real_window(
    display: str, laptops: dict[str, Path], tmp_path: Path, language: str
) -> None:
    desktop = Desktop(display)
    hq = tmp_path / "hq"
    shutil.copytree(laptops["hq"], hq)  # each language starts from the same state
    (hq / "alhol-desk-window.ini").write_text(f"[General]\nlanguage={language}\n")
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(laptops["bundle"], stick / laptops["bundle"].name)
    shutil.copy(laptops["card"], stick / "hasakah2.card")
    output = tmp_path / "window-output.txt"

    def shot(window: str, name: str) -> None:
        desktop.settle(window)
        desktop.screenshot(window, SHOTS / f"{language}-sync-{name}.png")

    def imported() -> int:
        """Bundles HQ's log says it imported (the window holds the folder: no second look)."""
        log = log_path(hq)
        return log.read_text("utf-8").count("imported bundle") if log.exists() else 0

    app = launch(desktop, hq, output)
    try:
        main = desktop.window("alhol-desk — HQ Erbil")  # once the data is open
        desktop.focus(main)
        desktop.press(main, "ctrl+4")
        shot(main, "1-send-and-receive")
        desktop.press(main, "ctrl+k")
        shot(main, "2-devices-and-keys")
        desktop.press(main, "ctrl+5")
        shot(main, "3-conflicts")

        # Export: the dialog, then its result.
        before = desktop.windows()
        desktop.keys("ctrl+e")
        export = new_dialog(desktop, before)
        desktop.focus(export)
        desktop.keys("ctrl+a")
        desktop.type(str(stick))
        shot(export, "4-export")
        typed = desktop.picture(export)
        desktop.keys("Return")
        wait_for(lambda: len(list(stick.glob("*.alhol"))) == 2, "HQ's bundle on the stick")
        desktop.settle(export, typed)  # the dialog shows what it wrote
        shot(export, "5-export-done")
        desktop.keys("Return")
        wait_for(lambda: export not in desktop.windows(), "the export dialog to close")

        # Import: choose the field's bundle, the preview, then the result.
        desktop.focus(main)
        before = desktop.windows()
        desktop.keys("ctrl+i")
        imports = choose_in_file_dialog(desktop, before, stick / laptops["bundle"].name)
        # Checked: the preview's table of bundles is drawn, its one row selected.
        wait_for(lambda: desktop.selected(imports) > 5_000, "the preview of the import")
        shot(imports, "6-import-preview")
        desktop.focus(imports)
        preview, already = desktop.picture(imports), imported()
        desktop.keys("Return")
        wait_for(lambda: imported() > already, "the import to be written down")
        desktop.settle(imports, preview)  # the dialog shows what it imported
        shot(imports, "7-import-done")
        desktop.keys("Return")
        wait_for(lambda: imports not in desktop.windows(), "the import dialog to close")

        # Trust a card with a wrong fingerprint: refused, in plain words.
        desktop.focus(main)
        desktop.keys("ctrl+k")
        before = desktop.windows()
        desktop.keys("Tab", "space")  # from the trusted devices to "Trust a card…"
        trust = choose_in_file_dialog(desktop, before, stick / "hasakah2.card")
        desktop.focus(trust)
        desktop.type("2CNS BZMA 0000 1111 2222 3333 4444 5555")
        desktop.settle(trust)
        desktop.press(trust, "Return")  # the refusal, in plain words
        shot(trust, "8-trust-refused")
        desktop.keys("Escape")
        wait_for(lambda: trust not in desktop.windows(), "the trust dialog to close")

        # Revoke: the confirmation that says what it means (then cancelled).
        desktop.focus(main)
        desktop.keys("ctrl+k", "space", "Tab", "Tab")  # select the device, go to "Revoke…"
        before = desktop.windows()
        desktop.keys("space")
        revoke = new_dialog(desktop, before)
        shot(revoke, "9-revoke")
        desktop.focus(revoke)
        desktop.keys("Escape")
        wait_for(lambda: revoke not in desktop.windows(), "the revoke dialog to close")
        desktop.focus(main)
        quit_window(desktop, app, output)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)

    # What the keystrokes did, as the command line sees it.
    imported = json.loads(cli(hq, "batch", "list", "--json", "--country", "FRA").stdout)
    assert [b["source"] for b in imported] == ["Le Monde"]
    assert len(list(stick.glob("*.alhol"))) == 2  # the field's bundle and HQ's new one
    shown = json.loads(cli(hq, "keys", "show", "--json").stdout)
    assert shown["team"] == "HQ Erbil"
