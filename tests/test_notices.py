"""The notices of the shared libraries a frozen app bundles beside the Python distributions."""

from __future__ import annotations

from pathlib import Path

import pytest

from alhol_desk.notices import system_library_notices, third_party_notices


def _docs(tmp_path: Path, **packages: str) -> Path:
    for package, text in packages.items():
        (tmp_path / package).mkdir(parents=True)
        (tmp_path / package / "copyright").write_text(text, encoding="utf-8")
    return tmp_path


def test_each_library_is_credited_with_its_packages_copyright_file(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "doc", libfontconfig1="Copyright © 2000 Keith Packard\nMIT\n")
    owners = {
        "libfontconfig.so.1": "libfontconfig1:amd64",
        "libfontconfig.so.1.12": "libfontconfig1",
    }
    found = system_library_notices(
        [Path("/usr/lib/libfontconfig.so.1"), Path("/usr/lib/libfontconfig.so.1.12")],
        package_of=lambda path: owners[path.name],
        docs=docs,
    )
    assert [n.name for n in found] == ["libfontconfig1"]  # one notice a package
    ((source, text),) = found[0].texts
    assert "Keith Packard" in text and "libfontconfig.so.1, libfontconfig.so.1.12" in source
    document = third_party_notices(system_libraries=found)
    assert "Keith Packard" in document and "libfontconfig1" in document.splitlines()[5]


def test_a_library_without_a_package_or_a_copyright_file_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="no Debian package owns"):
        system_library_notices([Path("/opt/libmystery.so")], package_of=lambda _p: None)
    with pytest.raises(LookupError, match="copyright is missing"):
        system_library_notices(
            [Path("/usr/lib/libz.so.1")], package_of=lambda _p: "zlib1g", docs=tmp_path
        )


def test_the_microsoft_runtime_is_named_with_its_terms() -> None:
    found = system_library_notices(
        [
            Path("C:/Python/vcruntime140.dll"),
            Path("PySide6/MSVCP140.dll"),
            Path("x/msvcp140_1.dll"),
        ],
        package_of=lambda _p: pytest.fail("a Windows runtime DLL has no Debian package"),
    )
    (notice,) = found
    ((_source, text),) = notice.texts
    assert "MSVCP140.dll, msvcp140_1.dll, vcruntime140.dll" in text
    assert "Distributable Code" in text
