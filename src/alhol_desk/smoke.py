"""``alhol-desk --smoke-test``: does this installation work on this machine? Exit 0 or 1.

Run on a field laptop after installing, and by CI on the frozen build. Everything happens
in a fresh temporary folder (two throwaway devices), never in the user's data folder:

1. fonts: Qt finds fonts, and lays out and draws "alhol-desk" and "الهول" without a box
   (glyph 0, ".notdef") and with the Arabic joined right to left. An app without fonts
   shows boxes and still exits 0, so this is checked, not assumed;
2. database: a field device is set up and a batch saved and read back; the demo is set up
   in its own folder with the demo records;
3. window: the main window opens, shows every screen, switches to Arabic (its translation
   and right-to-left layout) and closes; the app icon loads;
4. sync: an HQ device is enrolled with the field device both ways, a bundle exported on
   the field device is imported at HQ and the batch arrives;
5. reports: the PDF (Qt) and XLSX reports are written;
6. spreadsheet: the XLSX report is read back by the spreadsheet import (openpyxl), whose
   check finds every batch in it already recorded.

Each passing check prints one ``ok`` line; the first failure prints ``smoke test failed:
CHECK: reason`` on one line to stderr and the exit code is 1. The window is offscreen
when there is no display (``QT_QPA_PLATFORM=offscreen``); with a display it opens briefly
on the real one, which also proves the platform plugin loads. A platform plugin that
cannot load at all stops Qt itself (its message, exit code 134), before this can report.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

SMOKE_FLAG = "--smoke-test"
LATIN, ARABIC = "alhol-desk", "الهول"
RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-01-01",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "min_age": 5,
    "max_age": 17,
    "source": "Smoke test",
}


class SmokeFailed(Exception):
    """A check that did not pass: says what was wrong, in one line."""


@dataclass
class Context:
    root: Path
    workspaces: list[Any] = field(default_factory=list)
    field_ws: Any = None
    batch_id: str = ""
    app: Any = None

    def close(self) -> None:
        for ws in self.workspaces:
            ws.close()
        self.workspaces.clear()


def choose_platform(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """Offscreen unless there is a display to use (Linux: DISPLAY or WAYLAND_DISPLAY)."""
    chosen = environ.get("QT_QPA_PLATFORM")
    if chosen:
        return chosen
    if sys.platform.startswith("linux") and not (
        environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    ):
        environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen"
    return "native"


QUIET = ("This plugin does not support",)  # the offscreen platform's notices, not problems


def _quiet_notices() -> None:
    """Keep the offscreen platform's notices out of the one-line-per-check output."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if not message.startswith(QUIET):
            print(f"qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def _qt(ctx: Context) -> str:
    from PySide6.QtCore import QLibraryInfo

    from .gui.app import application

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), "platforms")
    if not plugins.is_dir() or not any(plugins.iterdir()):
        raise SmokeFailed(f"no Qt platform plugins in {plugins}")
    _quiet_notices()
    ctx.app = application()
    return f"Qt platform {ctx.app.platformName()}"


def _fonts(ctx: Context) -> str:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import (
        QColor,
        QFontDatabase,
        QFontMetrics,
        QImage,
        QPainter,
        QTextLayout,
    )

    families = QFontDatabase.families()
    if not families:
        raise SmokeFailed("no fonts found; every text would show as boxes (install fonts)")
    metrics = QFontMetrics(ctx.app.font())
    used: dict[str, list[str]] = {}
    for text in (LATIN, ARABIC):
        boxes = (
            f"{text!r} shows as boxes: no installed font has its letters "
            "(on Linux install fonts-noto-core or fonts-dejavu-core)"
        )
        if not all(metrics.inFontUcs4(ord(char)) for char in text):
            raise SmokeFailed(boxes)
        layout = QTextLayout(text, ctx.app.font())
        layout.beginLayout()
        line = layout.createLine()
        line.setPosition(QPointF(0, 0))
        layout.endLayout()
        runs = layout.glyphRuns()
        if not runs:
            raise SmokeFailed(f"{text!r} could not be laid out")
        for run in runs:
            family = run.rawFont().familyName()
            # Qt's last resort draws boxes from a font with no name; glyph 0 is ".notdef".
            if not family or 0 in run.glyphIndexes():
                raise SmokeFailed(boxes)
            used.setdefault(text, []).append(family)
        if text == ARABIC and not all(run.isRightToLeft() for run in runs):
            raise SmokeFailed(f"{text!r} is not laid out right to left")
        image = QImage(200, 60, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setPen(QColor("black"))
        layout.draw(painter, QPointF(4, 4))
        painter.end()
        dark = sum(
            1
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).lightness() < 128
        )
        if dark < 20:
            raise SmokeFailed(f"{text!r} draws nothing (a font without outlines?)")
    drawn = "; ".join(
        f"{text} in {', '.join(dict.fromkeys(names))}" for text, names in used.items()
    )
    return f"{len(families)} font families; {drawn}"


def _database(ctx: Context) -> str:
    from .core import services
    from .core.demo import open_demo
    from .core.workspace import initialise

    ws = initialise(ctx.root / "field", team="Smoke field", role="field", operator="smoke")
    ctx.workspaces.append(ws)
    ctx.field_ws = ws
    saved = services.save_batch(ws, RUSSIA)
    back = services.get_batch(ws, saved.record.id)
    if (back.girls, back.boys) != (12, 20):
        raise SmokeFailed(f"the saved batch reads back as {back.girls} girls, {back.boys} boys")
    ctx.batch_id = saved.record.id
    russia = ws.countries.get("RUS")
    if russia is None or not russia.name_ar:
        raise SmokeFailed("the countries have no Arabic names (pycountry's translations missing)")
    demo, added = open_demo(ctx.root / "demo")
    ctx.workspaces.append(demo)
    return f"batch saved and read back; {added} demo records loaded apart; {russia.name_ar}"


def _window(ctx: Context) -> str:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon

    from .gui import i18n
    from .gui.main_window import SCREENS, MainWindow
    from .gui.preferences import Preferences
    from .paths import resource_path

    icon = QIcon(str(resource_path("icons", "alhol-desk.svg")))
    if icon.pixmap(32, 32).isNull():
        raise SmokeFailed("the app icon does not load (SVG support missing?)")
    translations = i18n.Translations()
    translations.install("en")
    window = MainWindow(ctx.field_ws, Preferences(ctx.field_ws.data_dir), translations)
    try:
        window.show()
        ctx.app.processEvents()
        for name in SCREENS:
            window.show_screen(name)
            ctx.app.processEvents()
        window.set_language("ar")
        ctx.app.processEvents()
        if i18n.translate("MainWindow", "Dashboard") == "Dashboard":
            raise SmokeFailed("the Arabic translation did not load (alhol_desk_ar.qm missing?)")
        if ctx.app.layoutDirection() != Qt.LayoutDirection.RightToLeft:
            raise SmokeFailed("Arabic did not turn the layout right to left")
        window.set_language("en")
        ctx.app.processEvents()
    finally:
        window.close()
        window.deleteLater()
        ctx.app.processEvents()
    return f"{len(SCREENS)} screens shown, in English and Arabic"


def _sync(ctx: Context) -> str:
    from .core import services
    from .core.sync import enrolment, exporter, importer
    from .core.workspace import initialise

    hq = initialise(ctx.root / "hq", team="Smoke HQ", role="hq", operator="smoke")
    ctx.workspaces.append(hq)
    for one, other in ((ctx.field_ws, hq), (hq, ctx.field_ws)):
        card = enrolment.write_card(one, ctx.root / f"{one.device.role}.card")
        enrolment.trust_card(other, card, enrolment.identity(one).fingerprint)
    stick = ctx.root / "stick"
    stick.mkdir()
    sent = exporter.export_bundle(ctx.field_ws, stick)
    report = importer.import_bundle(hq, sent.path)
    if report.outcome != "applied":
        raise SmokeFailed(f"the bundle was not imported: {report.outcome} ({report.reason})")
    arrived = services.get_batch(hq, ctx.batch_id)
    if (arrived.girls, arrived.boys) != (12, 20):
        raise SmokeFailed("the batch arrived at HQ with other figures")
    return f"bundle of {sent.changes} changes exported, verified and imported"


def _reports(ctx: Context) -> str:
    from .core import report_files
    from .core.reports import build_report
    from .gui.pdf_report import write_pdf

    report = build_report(ctx.field_ws, suppress_small=True)
    pdf = write_pdf(report, ctx.root / "report.pdf")
    if not pdf.read_bytes().startswith(b"%PDF-"):
        raise SmokeFailed("the PDF report is not a PDF")
    xlsx = report_files.write_xlsx(report, ctx.root / "report.xlsx")
    return f"PDF ({pdf.stat().st_size // 1024} KB) and XLSX ({xlsx.stat().st_size // 1024} KB)"


def _spreadsheet(ctx: Context) -> str:
    from .core import report_files
    from .core.reports import build_report
    from .core.sheets import load_sheet, plan_sheet

    xlsx = report_files.write_xlsx(build_report(ctx.field_ws), ctx.root / "exact.xlsx")
    sheet, _names = load_sheet(xlsx)
    plan = plan_sheet(ctx.field_ws, sheet)
    if not plan.rows or len(plan.duplicates) != len(plan.rows):
        raise SmokeFailed(f"the report read back gave {plan.summary()}")
    return f"{len(plan.rows)} rows of the report read back, all already recorded"


CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("qt", _qt),
    ("fonts", _fonts),
    ("database", _database),
    ("window", _window),
    ("sync", _sync),
    ("reports", _reports),
    ("spreadsheet", _spreadsheet),
)


def run_smoke_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every check in a temporary folder; 0 when all pass, else 1 with the reason."""
    out = out or sys.stdout or Path(os.devnull).open("w")  # noqa: SIM115 (windowed: no stdout)
    err = err or sys.stderr or out
    started = time.perf_counter()
    platform = choose_platform()
    print(
        f"alhol-desk smoke test ({'frozen' if getattr(sys, 'frozen', False) else 'source'}, "
        f"platform {platform})",
        file=out,
    )
    with tempfile.TemporaryDirectory(prefix="alhol-desk-smoke-") as folder:
        ctx = Context(Path(folder))
        try:
            for name, check in CHECKS:
                try:
                    detail = check(ctx)
                except SmokeFailed as failure:
                    print(f"smoke test failed: {name}: {failure}", file=err)
                    return 1
                except Exception as error:  # a bug or a missing part: say which, briefly
                    where = traceback.extract_tb(error.__traceback__)[-1]
                    print(
                        f"smoke test failed: {name}: {type(error).__name__}: {error} "
                        f"({Path(where.filename).name}:{where.lineno})".replace("\n", " "),
                        file=err,
                    )
                    return 1
                print(f"ok {name}: {detail}", file=out)
        finally:
            ctx.close()
    print(f"smoke test passed in {time.perf_counter() - started:.1f} s", file=out)
    return 0
