"""Typesetting for the PDF report: bilingual paragraphs, grids and whole-row pages,
drawn with Qt (QTextLayout), Arabic shaped right to left."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from ..core.reports import Cell, Table

LTR = "\u202a{}\u202c"
# Typed text (a team, a source) inside a sentence: an isolate takes its own direction and
# leaves the sentence's alone, so a date after an Arabic team name keeps its order.
ISOLATE = "\u2068{}\u2069"

FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Arial", "Noto Sans Arabic", "Tahoma"]
RESOLUTION = 300  # dots per inch of the PDF's coordinates


@dataclass(frozen=True)
class Para:
    """One paragraph of one direction; Arabic runs right to left, aligned right."""

    text: str
    rtl: bool = False
    bold: bool = False
    size: float = 7.5
    right: bool = False  # numbers: aligned right whatever the direction
    centre: bool = False


def en(text: str, *, bold: bool = False, size: float = 7.5) -> Para:
    return Para(text, rtl=False, bold=bold, size=size)


def ar(text: str, *, bold: bool = False, size: float = 7.5) -> Para:
    return Para(text, rtl=True, bold=bold, size=size)


def starts_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction is Arabic (or Hebrew), as the bidi rules say."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def typed(text: str) -> Para:
    """Text people typed, in whichever language: its direction from its first letter."""
    return Para(text, rtl=starts_right_to_left(text))


class Typesetter:
    """Lays paragraphs out at the PDF's resolution, measures and draws them."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def font(self, size: float, bold: bool = False) -> QFont:
        key = (size, bold)
        if key not in self._fonts:
            font = QFont()
            font.setFamilies(FONT_FAMILIES)
            font.setPointSizeF(size)
            font.setBold(bold)
            self._fonts[key] = font
        return self._fonts[key]

    def layout(self, para: Para, width: float) -> tuple[QTextLayout, float]:
        layout = QTextLayout(para.text, self.font(para.size, para.bold), self.device)
        if para.centre:
            align = Qt.AlignmentFlag.AlignHCenter
        elif para.rtl or para.right:
            align = Qt.AlignmentFlag.AlignRight
        else:
            align = Qt.AlignmentFlag.AlignLeft
        option = QTextOption(align)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if para.rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        height = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return layout, height

    def height(self, paras: Sequence[Para], width: float) -> float:
        return sum(self.layout(p, width)[1] for p in paras)

    def draw(
        self, painter: QPainter, paras: Sequence[Para], x: float, y: float, width: float
    ) -> float:
        for para in paras:
            layout, height = self.layout(para, width)
            layout.draw(painter, QPointF(x, y))
            y += height
        return y


# --- what goes on the pages ------------------------------------------------------------

RowCells = Callable[[dict[str, Cell]], list[Para]]


@dataclass(frozen=True)
class Column:
    header: list[Para]
    width: float  # share of the page width
    cell: RowCells


@dataclass
class Grid:
    """A table: its columns, the report table it shows, and what to say when it is empty."""

    columns: list[Column]
    table: Table
    empty: list[Para]

    @property
    def row_count(self) -> int:
        return max(1, len(self.table.rows))

    def row(self, index: int, widths: list[float]) -> tuple[list[list[Para]], list[float]]:
        """Row ``index``'s cells and their widths; an empty table has one cell, full width."""
        if not self.table.rows:
            return [self.empty], [sum(widths)]
        keys = [c.key for c in self.table.columns]
        values = dict(zip(keys, self.table.rows[index], strict=True))
        return [c.cell(values) for c in self.columns], widths


@dataclass
class Bilingual:
    """English on the left half, Arabic on the right half, side by side."""

    english: list[Para]
    arabic: list[Para]
    space_after: float = 0.0


@dataclass(frozen=True)
class Row:
    """A table row placed on a page: the header row (``index`` None) or a body row."""

    grid: Grid
    widths: list[float]
    height: float
    index: int | None = None


@dataclass
class Page:
    items: list[tuple[Bilingual | Row, float]] = field(default_factory=list)  # (what, y)


BORDER = QPen(QColor("#8796a5"), 0.8)
INK = QPen(QColor("#000000"))
HEADER_FILL = QColor("#dfe7ef")
STRIPE_FILL = QColor("#f2f5f8")
CELL_PAD_MM = 0.7
GAP_MM = 6.0


class Composer:
    """Places headings and table rows on pages (whole rows only), then draws them."""

    def __init__(self, setter: Typesetter, width: float, height: float) -> None:
        self.setter, self.width, self.height = setter, width, height
        self.pad = CELL_PAD_MM * RESOLUTION / 25.4
        self.gap = GAP_MM * RESOLUTION / 25.4
        self.pages: list[Page] = [Page()]
        self.y = 0.0

    # measuring
    def _widths(self, grid: Grid) -> list[float]:
        total = sum(c.width for c in grid.columns)
        return [self.width * c.width / total for c in grid.columns]

    def _row_height(self, cells: Sequence[Sequence[Para]], widths: Sequence[float]) -> float:
        inner = [
            self.setter.height(paras, width - 2 * self.pad)
            for paras, width in zip(cells, widths, strict=True)
        ]
        return max(inner, default=0.0) + 2 * self.pad

    def _half(self) -> float:
        return (self.width - self.gap) / 2

    def _bilingual_height(self, block: Bilingual) -> float:
        half = self._half()
        return max(self.setter.height(block.english, half), self.setter.height(block.arabic, half))

    # placing
    def _new_page(self) -> None:
        self.pages.append(Page())
        self.y = 0.0

    def _place(self, item: Bilingual | Row, height: float) -> None:
        self.pages[-1].items.append((item, self.y))
        self.y += height

    def add_block(self, block: Bilingual, keep_with: float = 0.0) -> None:
        height = self._bilingual_height(block)
        if self.y > 0 and self.y + height + keep_with > self.height:
            self._new_page()
        self._place(block, height + block.space_after)

    def add_grid(self, heading: Bilingual, grid: Grid) -> None:
        """The heading, the header row, then the rows; a page that ends in the table starts
        the next with the header row again. The heading stays with the first row."""
        widths = self._widths(grid)
        header = Row(grid, widths, self._row_height([c.header for c in grid.columns], widths))
        heights = (self._row_height(*grid.row(i, widths)) for i in range(grid.row_count))
        first = next(heights)
        self.add_block(heading, keep_with=header.height + first)
        self._place(header, header.height)
        for index, height in enumerate((first, *heights)):
            if self.y + height > self.height and self.y > header.height:
                self._new_page()
                self._place(header, header.height)
            self._place(Row(grid, widths, height, index), height)
        self.y += self.gap / 2

    # drawing
    def draw_page(self, painter: QPainter, page: Page, top: float) -> None:
        for item, y in page.items:
            if isinstance(item, Bilingual):
                half = self._half()
                self.setter.draw(painter, item.english, 0, top + y, half)
                self.setter.draw(painter, item.arabic, self.width - half, top + y, half)
            elif item.index is None:
                cells = [c.header for c in item.grid.columns]
                self._draw_row(painter, cells, item.widths, top + y, item.height, HEADER_FILL)
            else:
                cells, widths = item.grid.row(item.index, item.widths)
                fill = STRIPE_FILL if item.index % 2 else None
                self._draw_row(painter, cells, widths, top + y, item.height, fill)

    def _draw_row(
        self,
        painter: QPainter,
        cells: Sequence[Sequence[Para]],
        widths: Sequence[float],
        y: float,
        height: float,
        fill: QColor | None,
    ) -> None:
        x = 0.0
        for paras, width in zip(cells, widths, strict=True):
            rect = QRectF(x, y, width, height)
            if fill is not None:
                painter.fillRect(rect, fill)
            painter.setPen(BORDER)
            painter.drawRect(rect)
            painter.setPen(INK)
            self.setter.draw(painter, paras, x + self.pad, y + self.pad, width - 2 * self.pad)
            x += width


# --- the report's content --------------------------------------------------------------
