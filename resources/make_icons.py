"""Make the packaging icons from the one drawing, the package's icons/alhol-desk.svg.

Writes, beside this script: alhol-desk.png (256 px, for Linux desktops and the README),
alhol-desk.ico (Windows: 16 to 256 px) and alhol-desk.icns (macOS: 16 to 1024 px). The
drawing is rendered with Qt's SVG renderer (already a dependency), and the .ico and .icns
containers are written here, each entry a PNG, so no other tool is needed and the output
is the same on every machine. The outputs are committed; run this after changing the SVG:

    uv run python resources/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "src" / "alhol_desk" / "resources" / "icons" / "alhol-desk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size (Apple's "icp4".."ic10").
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNGs (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"error: cannot read {SVG}", file=sys.stderr)
        return 1
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render(renderer, size) for size in sizes}
    (HERE / "alhol-desk.png").write_bytes(pngs[256])
    (HERE / "alhol-desk.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (HERE / "alhol-desk.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    del app
    for name in ("alhol-desk.png", "alhol-desk.ico", "alhol-desk.icns"):
        print(HERE / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
