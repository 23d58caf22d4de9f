"""alhol-desk: offline data entry and signed sync for al-Hol repatriation tracking."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Read on first use, not at import: package metadata costs ~50 ms of every start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("alhol-desk")
        except PackageNotFoundError:  # a source tree, or a frozen build without metadata
            return "0.1.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
