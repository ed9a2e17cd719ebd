"""English glosses of German sentences: a reviewed data file (``data/glosses.csv``) keyed by the exact sentence text.

A sentence without a gloss is shown in German alone, marked as untranslated; a test fails when a
sentence the book shows for the five seed texts has none.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from .paths import DATA_DIR

GLOSS_FILE = DATA_DIR / "glosses.csv"


@lru_cache(maxsize=1)
def glosses() -> dict[str, str]:
    """``{German sentence: English gloss}`` from the glosses file."""
    with GLOSS_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["text"]: row["gloss"] for row in csv.DictReader(handle)}


def gloss(text: str) -> str | None:
    """The English gloss of a sentence, or None if it has not been translated."""
    return glosses().get(text)
