"""Entry point: ``alhol-desk`` and ``python -m alhol_desk`` (and the frozen app's executable)."""

from __future__ import annotations

import sys

SMOKE_FLAG = "--smoke-test"


def main() -> int:
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
