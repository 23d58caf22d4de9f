"""alhol-desk: offline data entry and signed sync for al-Hol repatriation tracking."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("alhol-desk")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
