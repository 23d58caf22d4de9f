"""``alhol-desk --smoke-test``: passes here, and fails in one line when fonts are missing.

The runs are fresh processes with an empty HOME and no display, as on a new laptop and in
CI; fontconfig is pointed at an empty font list, then at a font without Arabic letters,
to show that an app drawing boxes does not pass. The frozen build is smoke-tested by
``.ci/run`` (see docs/release.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from alhol_desk import smoke

LATIN_ONLY_FONT = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")  # fonts-noto-core


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ALHOL_DESK_HOME")
    }
    clean.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"), **env)
    return subprocess.run(
        [sys.executable, "-m", "alhol_desk", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=300,
    )


def fontconfig(tmp_path: Path, *fonts: Path) -> str:
    """A fontconfig file that knows only ``fonts``."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    for font in fonts:
        (folder / font.name).symlink_to(font)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir>"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return str(conf)


def test_the_smoke_test_passes_on_a_fresh_home_without_a_display(tmp_path: Path) -> None:
    done = run(tmp_path, "--smoke-test")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "alhol-desk smoke test (source, platform offscreen)"
    assert [line.split(":")[0] for line in lines[1:-1]] == [
        "ok qt",
        "ok fonts",
        "ok database",
        "ok window",
        "ok sync",
        "ok reports",
        "ok spreadsheet",
    ]
    assert "الهول in " in lines[2]
    assert lines[-1].startswith("smoke test passed in ")
    assert done.stderr == ""
    home = tmp_path / "home"
    assert not [p for p in home.rglob("*") if "alhol" in p.name]  # nothing left in HOME


def test_without_fonts_it_fails_in_one_line(tmp_path: Path) -> None:
    done = run(tmp_path, "--smoke-test", FONTCONFIG_FILE=fontconfig(tmp_path))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "smoke test failed: fonts: 'alhol-desk' shows as boxes: no installed font has its "
        "letters (on Linux install fonts-noto-core or fonts-dejavu-core)"
    ]


def test_without_an_arabic_font_it_fails_on_the_arabic_word(tmp_path: Path) -> None:
    if not LATIN_ONLY_FONT.is_file():
        pytest.skip(f"{LATIN_ONLY_FONT} is missing: install fonts-noto-core")
    done = run(tmp_path, "--smoke-test", FONTCONFIG_FILE=fontconfig(tmp_path, LATIN_ONLY_FONT))
    assert done.returncode == 1
    assert done.stderr.startswith("smoke test failed: fonts: 'الهول' shows as boxes")
    assert "ok qt" in done.stdout and "ok fonts" not in done.stdout


def test_the_flag_stands_alone(tmp_path: Path) -> None:
    done = run(tmp_path, "--smoke-test", "gui")
    assert done.returncode == 2
    assert "usage: alhol-desk --smoke-test" in done.stderr


def test_a_failing_check_stops_the_run_with_its_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folders: list[Path] = []

    def first(ctx: smoke.Context) -> str:
        folders.append(ctx.root)
        return "fine"

    def second(ctx: smoke.Context) -> str:
        raise smoke.SmokeFailed("the database is read-only")

    def never(ctx: smoke.Context) -> str:
        raise AssertionError("not reached")

    monkeypatch.setattr(smoke, "choose_platform", lambda: "offscreen")
    monkeypatch.setattr(smoke, "CHECKS", (("one", first), ("two", second), ("three", never)))
    assert smoke.run_smoke_test() == 1
    out, err = capsys.readouterr()
    assert "ok one: fine" in out and "three" not in out
    assert err == "smoke test failed: two: the database is read-only\n"
    assert not folders[0].exists()  # the temporary folder is removed


def test_an_unexpected_error_is_named_with_where_it_happened(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(ctx: smoke.Context) -> str:
        raise KeyError("icons")

    monkeypatch.setattr(smoke, "choose_platform", lambda: "offscreen")
    monkeypatch.setattr(smoke, "CHECKS", (("window", broken),))
    assert smoke.run_smoke_test() == 1
    err = capsys.readouterr().err
    assert err.startswith("smoke test failed: window: KeyError: 'icons' (test_smoke.py:")
    assert err.count("\n") == 1


def test_offscreen_only_without_a_display() -> None:
    environ: dict[str, str] = {}
    if sys.platform.startswith("linux"):
        assert smoke.choose_platform(environ) == "offscreen"
        assert environ["QT_QPA_PLATFORM"] == "offscreen"
    assert smoke.choose_platform({"DISPLAY": ":0"}) == "native"
    assert smoke.choose_platform({"QT_QPA_PLATFORM": "xcb"}) == "xcb"
