"""Where the repository, its corpus and its book live, found from the installed package.

Notebooks call these instead of relative paths so that they run from any working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]   # src/pressframe: this file is in its base/ stage
DATA_DIR = PACKAGE_DIR / "data"


def repo_root() -> Path:
    """The repository root: ``$PRESSFRAME_ROOT`` if set, else the folder above ``src/`` that holds ``seeds/``."""
    override = os.environ.get("PRESSFRAME_ROOT")
    if override:
        return Path(override).resolve()
    for candidate in PACKAGE_DIR.parents:
        if (candidate / "seeds").is_dir() and (candidate / "pyproject.toml").is_file():
            return candidate
    raise FileNotFoundError(
        f"cannot find the repository root above {PACKAGE_DIR}: no folder with seeds/ and pyproject.toml; "
        "set PRESSFRAME_ROOT to the repository"
    )


def corpus_dir() -> Path:
    """The corpus the book is built from: ``$PRESSFRAME_CORPUS`` if set, else ``<root>/seeds``."""
    override = os.environ.get("PRESSFRAME_CORPUS")
    return Path(override).resolve() if override else repo_root() / "seeds"
