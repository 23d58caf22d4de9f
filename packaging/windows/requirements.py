"""Print the locked runtime and test dependencies that a Windows x64 CPython 3.11 needs.

``uv export`` writes every locked package with its environment marker; this keeps the lines
whose marker holds on Windows (colorama, pefile, pywin32-ctypes, ...) and drops the rest
(macholib, ...), so ``pip download --platform win_amd64`` fetches exactly the Windows set.

    uv export --no-hashes --no-emit-project --format requirements-txt \\
        | python packaging/windows/requirements.py > requirements-windows.txt
"""

from __future__ import annotations

import sys

from packaging.markers import Marker

# The environment of the official embeddable CPython 3.11.9 for Windows x64.
WINDOWS = {
    "implementation_name": "cpython",
    "implementation_version": "3.11.9",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "platform_release": "10",
    "platform_system": "Windows",
    "platform_version": "10.0.19045",
    "python_full_version": "3.11.9",
    "python_version": "3.11",
    "sys_platform": "win32",
    "extra": "",
}
# Build and check tools that never run on the Windows interpreter.
NOT_NEEDED = {
    "mypy",
    "ruff",
    "librt",
    "ast-serialize",
    "types-jsonschema",
    "pathspec",
    "mypy-extensions",
}


def main() -> int:
    for raw in sys.stdin:
        line = raw.strip()
        if not line or line.startswith(("#", "-")):
            continue
        requirement, _, marker = line.partition(";")
        name = requirement.split("==")[0].strip().lower()
        if name in NOT_NEEDED:
            continue
        if marker.strip() and not Marker(marker.strip()).evaluate(WINDOWS):
            continue
        print(requirement.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
