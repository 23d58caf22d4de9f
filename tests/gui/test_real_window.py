"""The real window on a real X server (Xvfb), driven by xdotool keystrokes as a person types.

It enters the Russia batch with the keyboard, checks it with ``alhol-desk batch list
--json``, and saves a screenshot of each main screen in English and in Arabic under
``artifacts/screenshots/``. Without Xvfb, xdotool and ImageMagick's ``import`` it skips,
unless ALHOL_DESK_REQUIRE_TOOLS=1 (CI), where it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from alhol_desk.gui.main_window import SCREENS

TOOLS = ("Xvfb", "xdotool", "import", "convert")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
pytestmark = pytest.mark.slow


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    reason = (
        f"the real-window test needs {', '.join(missing)} "
        "(apt install xvfb xdotool imagemagick; .ci/run installs them)"
    )
    if os.environ.get("ALHOL_DESK_REQUIRE_TOOLS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    _require_tools()
    number = next(n for n in range(99, 160) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    name = f":{number}"
    deadline = time.monotonic() + 20
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"Xvfb did not start on {name}")
        time.sleep(0.1)  # the poll step while the server starts (allowed in test_waits.py)
    try:
        yield name
    finally:
        server.terminate()
        server.wait(timeout=10)


class Desktop:
    """xdotool and ImageMagick against one display."""

    def __init__(self, display: str) -> None:
        self.env = {**os.environ, "DISPLAY": display}

    def run(self, *args: str, timeout: float = 30) -> str:
        done = subprocess.run(
            list(args), env=self.env, capture_output=True, text=True, timeout=timeout, check=True
        )
        return done.stdout.strip()

    def window(self, name: str) -> str:
        """The id of the visible window whose title contains ``name``, waiting for it."""
        return self.run("xdotool", "search", "--sync", "--onlyvisible", "--name", name).split()[0]

    def windows(self) -> set[str]:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "."],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        return set(found.stdout.split())

    def new_window(self, before: set[str]) -> str:
        """A window that was not there before (titles in Arabic defeat xdotool's --name)."""
        found: list[str] = []
        wait_for(lambda: found.extend(self.windows() - before) or bool(found), "a new window")
        return found[0]

    def focus(self, window: str) -> None:
        # No window manager under Xvfb: windowactivate needs one, windowfocus does not.
        self.run("xdotool", "windowfocus", "--sync", window)

    def keys(self, *keys: str) -> None:
        self.run("xdotool", "key", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "40", text)

    def picture(self, window: str) -> bytes:
        """The window's pixels as drawn now (raw 8-bit RGB: no time stamp, unlike a PNG)."""
        return subprocess.run(
            ["import", "-window", window, "-depth", "8", "rgb:-"],
            env=self.env,
            capture_output=True,
            timeout=30,
            check=True,
        ).stdout

    def settle(self, window: str, before: bytes | None = None) -> None:
        """Wait until ``window`` is drawn differently from ``before`` (when given), then
        looks the same three times in a row: what a keystroke or a finished job changed
        is on the screen. A blinking text cursor is too small to count as a change."""
        seen: list[bytes] = []

        def drawn() -> bool:
            seen.append(self.picture(window))
            if before is not None and not differs(seen[-1], before):
                seen.clear()
                return False
            return len(seen) >= 3 and not any(differs(a, seen[-1]) for a in seen[-3:-1])

        wait_for(drawn, "the window to be drawn and to hold still")

    def selected(self, window: str) -> int:
        """How many pixels of ``window`` have the colour of a selected row (Fusion's)."""
        picture = self.picture(window)
        pixels = zip(picture[0::3], picture[1::3], picture[2::3], strict=True)
        return sum(pixel == SELECTED_ROW for pixel in pixels)

    def press(self, window: str, *keys: str) -> None:
        """Press ``keys`` and wait until ``window`` has changed and holds still."""
        before = self.picture(window)
        self.keys(*keys)
        self.settle(window, before)

    def screenshot(self, window: str, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run("import", "-window", window, str(path))
        spread = float(
            self.run("convert", str(path), "-format", "%[fx:standard_deviation]", "info:")
        )
        assert spread > 0.02, f"{path.name} looks blank"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alhol_desk", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


SELECTED_ROW = (0x30, 0x8C, 0xC6)  # the highlight of the Fusion style
# Pixels that may differ between two pictures of a still window: a text cursor blinks.
CURSOR_BITS = 4_000


def differs(one: bytes, other: bytes) -> bool:
    """Whether two pictures of a window differ by more than a blinking cursor."""
    if len(one) != len(other):
        return True
    changed = int.from_bytes(one, "big") ^ int.from_bytes(other, "big")
    return changed.bit_count() > CURSOR_BITS


def wait_for(check, what: str, timeout: float = 20) -> None:
    """Poll ``check`` until it holds: the only pause in these tests is this polling step."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)  # the poll step (allowed in tests/test_waits.py)


def launch(
    desktop: Desktop, data_dir: Path, output: Path, *options: str
) -> subprocess.Popen[bytes]:
    env = {**desktop.env, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
    with output.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "alhol_desk", "--data-dir", str(data_dir), "gui", *options],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def quit_window(desktop: Desktop, app: subprocess.Popen[bytes], output: Path) -> None:
    desktop.keys("ctrl+q")
    try:
        code = app.wait(timeout=20)
    except subprocess.TimeoutExpired:
        app.kill()
        raise
    assert code == 0, output.read_text(errors="replace")


def test_a_batch_typed_into_the_real_window_lands_and_every_screen_is_shot(
    display: str, tmp_path: Path
) -> None:
    desktop = Desktop(display)
    data_dir = tmp_path / "data"
    cli(data_dir, "init", "--team", "Hasakah 1", "--role", "field", "--operator", "Amira")
    source = ("--source", "Public reporting, 2024")
    cli(data_dir, "country", "status", "RUS", "ongoing", "--date", "2024-01-01", *source)

    output = tmp_path / "window-output.txt"
    app = launch(desktop, data_dir, output)
    try:
        # The window paints first and opens the data after; its title names the team then.
        main = desktop.window("alhol-desk — Hasakah 1")
        desktop.focus(main)
        desktop.keys("ctrl+3", "ctrl+n")
        form = desktop.window("New batch")
        desktop.focus(form)
        # Country, status, date, reference, women, men, girls, boys, … (the form's tab order).
        desktop.type("RUS")
        desktop.keys("Tab", "r", "Tab", "ctrl+a")
        desktop.type("2024-01-01")
        desktop.keys("Tab", "Tab", "Tab", "Tab")
        desktop.type("12")
        desktop.keys("Tab")
        desktop.type("20")
        desktop.keys("Tab", "Tab", "Tab", "Tab")
        desktop.type("5")
        desktop.keys("Tab")
        desktop.type("17")
        for _ in range(6):  # unaccompanied, separated, destination, agency, escort -> source
            desktop.keys("Tab")
        desktop.type("Typed under Xvfb")
        desktop.screenshot(form, SHOTS / "en-batch-form.png")
        desktop.keys("Return")

        wait_for(lambda: form not in desktop.windows(), "the form to close on Enter")

        desktop.focus(main)
        for number, name in enumerate(SCREENS, start=1):
            desktop.press(main, f"ctrl+{number}")
            desktop.screenshot(main, SHOTS / f"en-{number}-{name}.png")

        # Settings > Language > العربية, with the keyboard; the window turns right to left.
        desktop.press(main, "alt+s", "l", "Down", "Return")
        for number, name in enumerate(SCREENS, start=1):
            desktop.press(main, f"ctrl+{number}")
            desktop.screenshot(main, SHOTS / f"ar-{number}-{name}.png")
        before = desktop.windows()
        desktop.keys("ctrl+n")
        form = desktop.new_window(before)
        desktop.screenshot(form, SHOTS / "ar-batch-form.png")
        desktop.keys("Escape")
        desktop.focus(main)
        quit_window(desktop, app, output)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)

    # What the keystrokes saved, as the command line sees it (after the window has closed,
    # so the check does not depend on whether a second process may open the folder).
    [batch] = json.loads(cli(data_dir, "batch", "list", "--json").stdout)
    assert (batch["country"], batch["status"], batch["departure_date"]) == (
        "RUS", "received", "2024-01-01",
    )  # fmt: skip
    assert (batch["girls"], batch["boys"], batch["women"], batch["men"]) == (12, 20, 0, 0)
    assert (batch["min_age"], batch["max_age"], batch["source"]) == (5, 17, "Typed under Xvfb")
    ini = (data_dir / "alhol-desk-window.ini").read_text(encoding="utf-8")
    assert "language=ar" in ini  # remembered for the next start


def test_the_quickstart_demo_opens_its_own_folder_marked_demo(display: str, tmp_path: Path) -> None:
    """`alhol-desk gui --demo` as the README has it: the demo's folder, DEMO in the title."""
    desktop = Desktop(display)
    data_dir = tmp_path / "data"
    output = tmp_path / "demo-output.txt"
    app = launch(desktop, data_dir, output, "--demo")
    try:
        main = desktop.window("alhol-desk — DEMO")  # titled so once its data is shown
        desktop.focus(main)
        desktop.settle(main)
        desktop.screenshot(main, SHOTS / "en-demo.png")
        quit_window(desktop, app, output)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
    assert not data_dir.exists()  # the real data folder: never made, so still a new machine
    demo_dir = tmp_path / "data-demo"
    assert json.loads(cli(demo_dir, "stats", "--json").stdout)["people"]["total"] == 32
