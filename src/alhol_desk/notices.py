"""The third-party notices: every bundled library's licence, read from its installed metadata.

``build.spec`` calls :func:`third_party_notices` at build time and bundles the result as
``THIRD-PARTY-NOTICES.txt``; Help › About shows it (:func:`notices_text`). Nothing here is
typed by hand: the list is the closure of alhol-desk's requirements as installed in the
building environment (so Windows builds also list colorama, pywin32-ctypes, ...), and each
library's text is what its distribution ships (``License-File`` entries in its dist-info).

Two kinds of text come from elsewhere, and say so in the file: Qt/PySide6 wheels carry no
licence file, so the LGPL-3.0 and GPL-3.0 (which the LGPL builds on) come verbatim from
``resources/licenses/`` (copied from Debian's ``/usr/share/common-licenses``), chosen by the
SPDX identifier in their metadata; and Python's and PyInstaller's bootloader licences come
from the interpreter and the PyInstaller distribution that built the app.

The frozen apps also carry shared libraries that are no Python distribution's: on Linux,
libraries PyInstaller copies from the build machine (X11/xcb, fontconfig, GLib, ...), whose
notices are their Debian packages' copyright files (``/usr/share/doc/PACKAGE/copyright``,
the package found with ``dpkg-query -S``); on Windows, the Microsoft C/C++ runtime DLLs that
come with Python and Qt, named as such (:func:`system_library_notices`).

No Qt import: the core and the CLI may use this.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .paths import resource_path

NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
APP_DISTRIBUTION = "alhol-desk"
# Licence texts for distributions that ship none, by the SPDX identifier they declare.
STANDARD_TEXTS = {"LGPL-3.0-only": ("LGPL-3.0-only.txt", "GPL-3.0-only.txt")}
# Qt and PySide6 offer LGPL-3.0, GPL-2.0 or GPL-3.0; the app uses them under the LGPL-3.0.
QT_DISTRIBUTIONS = {"pyside6-essentials", "pyside6-addons", "shiboken6"}
QT_CHOSEN = "LGPL-3.0-only"
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

QT_NOTE = """\
Qt and PySide6 under the GNU Lesser General Public License v3 (LGPL-3.0)

This app uses Qt 6 and Qt for Python (PySide6, shiboken6), which The Qt Company offers
under the LGPL-3.0 (also GPL-2.0/GPL-3.0); alhol-desk uses them under the LGPL-3.0, whose
text, and that of the GPL-3.0 it builds on, follow below. The Qt libraries are not linked
into the app's executable: they are separate shared libraries in the app's folder
(_internal/PySide6: Qt6*.dll on Windows; _internal/PySide6/Qt/lib/libQt6*.so.6 on Linux)
that the app loads when it starts. You may replace them with your own modified or rebuilt
versions of the same Qt and PySide6 releases (binary compatible, named alike), and the app
will run with them; nothing in the app prevents it, and you may reverse engineer the app
as far as needed to debug such changes. Qt's source code is published at
https://download.qt.io/official_releases/qt/ and PySide6's at
https://code.qt.io/cgit/pyside/pyside-setup.git/ (the versions are listed below).
"""


@dataclass(frozen=True)
class Notice:
    name: str
    version: str
    licence: str  # as declared (SPDX expression, licence field or classifiers)
    home: str
    texts: tuple[tuple[str, str], ...]  # (where the text comes from, the text)


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str | None:
    """The distribution a Requires-Dist line names, or None when only an extra wants it."""
    name, _, marker = requirement.partition(";")
    if "extra" in marker:
        return None
    found = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", name)
    return found[1] if found else None


def bundled_distributions(root: str = APP_DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed distributions that ``root`` needs, itself excluded, sorted by name.

    A requirement whose marker does not hold here (colorama on Linux) is not installed
    and so not listed; one that an extra alone asks for is skipped."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # its marker does not apply here (it would be installed otherwise)
        seen[_key(name)] = dist
        for requirement in dist.requires or []:
            needed = _requirement_name(requirement)
            if needed is not None:
                todo.append(needed)
    seen.pop(_key(root), None)
    return sorted(seen.values(), key=lambda d: _key(_field(d, "Name")))


def _field(dist: metadata.Distribution, name: str) -> str:
    values = dist.metadata.get_all(name) or []
    return str(values[0]) if values else ""


def _declared_licence(dist: metadata.Distribution) -> str:
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    field = _field(dist, "License").strip()
    if field and "\n" not in field and len(field) < 200:
        return field
    classifiers = [
        str(c).split("::")[-1].strip()
        for c in dist.metadata.get_all("Classifier") or []
        if "License ::" in str(c)
    ]
    return "; ".join(classifiers) or "see the licence text below"


def _home(dist: metadata.Distribution) -> str:
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"}:
            return url.strip()
    return _field(dist, "Home-page")


def _licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence files of ``dist``: its License-File entries (in dist-info/licenses/ or
    dist-info/), else any LICENSE/COPYING/NOTICE file in its dist-info."""
    texts: list[tuple[str, str]] = []
    for entry in dist.metadata.get_all("License-File") or []:
        for candidate in (f"licenses/{entry}", entry):
            text = dist.read_text(candidate)
            if text is not None:
                texts.append((entry, text))
                break
    if texts:
        return texts
    for file in dist.files or []:
        parts = file.parts
        if parts and parts[0].endswith(".dist-info") and LICENCE_NAME.search(file.name):
            text = dist.read_text("/".join(parts[1:]))
            if text is not None:
                texts.append((file.name, text))
    return texts


def _standard(spdx: str) -> list[tuple[str, str]]:
    names = STANDARD_TEXTS.get(spdx, ())
    return [
        (f"{Path(name).stem} (standard text)", resource_path("licenses", name).read_text("utf-8"))
        for name in names
    ]


def notice_for(dist: metadata.Distribution) -> Notice:
    name = _field(dist, "Name")
    licence = _declared_licence(dist)
    texts = _licence_files(dist)
    if _key(name) in QT_DISTRIBUTIONS:
        licence = f"{licence} (used under {QT_CHOSEN})"
        if not texts:
            texts = _standard(QT_CHOSEN)
    return Notice(name, dist.version, licence, _home(dist), tuple(texts))


def _python_licence() -> str | None:
    for folder in (Path(sys.base_prefix), Path(sysconfig.get_paths()["stdlib"])):
        path = folder / "LICENSE.txt"
        if path.is_file():
            return path.read_text("utf-8", errors="replace")
    return None


def build_notices(root: str = APP_DISTRIBUTION) -> list[Notice]:
    """One notice per bundled distribution, then Python and PyInstaller's bootloader.

    Raises ValueError when a distribution ships no licence text that can be found: a build
    must not go out with a library whose licence it does not carry."""
    notices = [notice_for(dist) for dist in bundled_distributions(root)]
    missing = [n.name for n in notices if not n.texts]
    if missing:
        raise ValueError(f"no licence text found for: {', '.join(missing)}")
    python = _python_licence()
    if python is not None:
        version = ".".join(str(n) for n in sys.version_info[:3])
        notices.append(
            Notice("Python", version, "PSF-2.0", "https://www.python.org", (("LICENSE", python),))
        )
    try:
        pyinstaller = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        pass  # not a frozen build: there is no bootloader to credit
    else:
        notice = notice_for(pyinstaller)
        notices.append(
            Notice(
                "PyInstaller bootloader (in the executables)",
                notice.version,
                notice.licence,
                notice.home,
                notice.texts,
            )
        )
    return notices


# The Microsoft C/C++ runtime that Python and Qt for Windows are built with; it ships as
# DLLs beside them, which Microsoft's licence lets applications redistribute.
MSVC_RUNTIME = re.compile(r"^(vcruntime|msvcp|concrt|vccorlib)\d+(_\d+|_atomic_wait)?\.dll$", re.I)
MSVC_NOTE = (
    "Microsoft Visual C++ runtime ({names}): redistributed with the app as Python and Qt\n"
    "for Windows are, under the Distributable Code terms of the Microsoft Visual Studio\n"
    "licence (https://visualstudio.microsoft.com/license-terms/)."
)


def debian_package(path: Path) -> str | None:
    """The Debian package that installed ``path`` (``dpkg-query -S``), or None."""
    dpkg = shutil.which("dpkg-query")
    if dpkg is None:
        return None
    for candidate in dict.fromkeys((path, path.resolve())):
        found = subprocess.run(
            [dpkg, "-S", str(candidate)], capture_output=True, text=True, check=False
        )
        if found.returncode == 0 and ":" in found.stdout:
            return found.stdout.split(":", 1)[0].strip()
    return None


def system_library_notices(
    libraries: Iterable[Path],
    *,
    package_of: Callable[[Path], str | None] = debian_package,
    docs: Path = Path("/usr/share/doc"),
) -> list[Notice]:
    """Notices of the shared libraries a frozen app bundles that no Python distribution owns:
    one per Debian package (its copyright file), and one for the Microsoft runtime DLLs. A
    Linux library whose package or copyright file cannot be found is refused: the build
    must not ship a library without its notice."""
    packages: dict[str, list[str]] = {}
    msvc: list[str] = []
    for library in libraries:
        if MSVC_RUNTIME.match(library.name):
            msvc.append(library.name)
            continue
        package = package_of(library)
        if package is None:
            raise LookupError(f"no Debian package owns {library}, so it has no notice")
        packages.setdefault(package.split(":")[0], []).append(library.name)
    notices = []
    for package, names in sorted(packages.items()):
        copyright_file = docs / package / "copyright"
        if not copyright_file.is_file():
            raise LookupError(f"{copyright_file} is missing: {', '.join(names)} has no notice")
        text = copyright_file.read_text("utf-8", errors="replace")
        notices.append(
            Notice(
                package,
                "(from the build machine)",
                "see the copyright file",
                "",
                ((f"{copyright_file} (for {', '.join(sorted(set(names)))})", text),),
            )
        )
    if msvc:
        dlls = ", ".join(sorted(set(msvc), key=str.lower))
        notices.append(
            Notice(
                "Microsoft Visual C++ runtime",
                "",
                "Microsoft Visual Studio licence, Distributable Code",
                "",
                (("the runtime's terms", MSVC_NOTE.format(names=dlls)),),
            )
        )
    return notices


def third_party_notices(
    root: str = APP_DISTRIBUTION, system_libraries: Iterable[Notice] = ()
) -> str:
    """The whole notices document, as bundled in THIRD-PARTY-NOTICES.txt."""
    notices = [*build_notices(root), *system_libraries]
    version = metadata.version(root)
    rule = "=" * 78
    lines = [
        f"alhol-desk {version}: third-party notices",
        "",
        "alhol-desk is licensed under the Apache License 2.0 (its LICENSE file). It bundles",
        "the software below, each under its own licence, whose text follows its name.",
        "",
        "Bundled: " + ", ".join(f"{n.name} {n.version}".strip() for n in notices),
        "",
        rule,
        QT_NOTE,
    ]
    given: dict[str, str] = {}  # a text already in the file, by content: who it was given for
    for notice in notices:
        lines += [rule, f"{notice.name} {notice.version}".rstrip(), f"Licence: {notice.licence}"]
        if notice.home:
            lines.append(f"Home: {notice.home}")
        for source, text in notice.texts:
            body = text.strip("\n")
            if body in given:
                lines += ["", f"--- {source}: the same text as given above for {given[body]} ---"]
                continue
            given[body] = notice.name
            lines += ["", f"--- {source} ---", "", body, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def notices_text() -> str:
    """The notices the app shows: the bundled file in a frozen app, else made afresh."""
    bundled = resource_path(NOTICES_FILE)
    if bundled.is_file():
        return bundled.read_text("utf-8")
    return third_party_notices()
