"""Entry point: ``alhol-desk`` and ``python -m alhol_desk`` (and the frozen app's executable)."""

from __future__ import annotations

import sys

SMOKE_FLAG = "--smoke-test"


def _utf8_output() -> None:
    """Write stdout and stderr as UTF-8 whatever the console's code page.

    On Windows, Python writes to a pipe or file in the ANSI code page (cp1252 on most
    laptops), and Arabic names in `stats --json` or any message raise UnicodeEncodeError
    there. A console is written as UTF-16 by Python either way; a missing stream (the
    window executable has none) is left alone."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")


def main() -> int:
    _utf8_output()
    args = sys.argv[1:]
    if SMOKE_FLAG in args:  # before the command line: it checks the installation itself
        if args != [SMOKE_FLAG]:
            print(f"usage: alhol-desk {SMOKE_FLAG}  (on its own)", file=sys.stderr)
            return 2
        from .smoke import run_smoke_test

        return run_smoke_test()
    from .cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
