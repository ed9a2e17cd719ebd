"""Command line: ``python -m pressframe validate|export|execute``; see ``pressframe.cli``."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
