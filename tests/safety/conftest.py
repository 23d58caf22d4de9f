"""Fixtures of the data-safety tests (helpers are in safety_helpers.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from alhol_desk.cli import main


@dataclass
class Ran:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., Ran]]:
    """``alhol-desk ARGS`` in this process (other processes hold the folder when needed)."""

    def call(*args: str) -> Ran:
        code = main(list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    yield call
    logger = logging.getLogger("alhol_desk")  # main() logs to the first folder it saw
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()
