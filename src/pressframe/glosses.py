"""English glosses of German sentences: a reviewed data file (``data/glosses.csv``) keyed by the exact sentence text.

A sentence without a gloss is shown in German with what the book's extractors found in it, in English;
a test fails when a sentence the book shows for the seed texts has none. ``coverage`` says, per text,
how much of it is glossed, so that the chapters and the landing page can say which texts are.
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


def coverage(sentences) -> dict[str, float]:
    """``{article_id: share of its kept sentences with a gloss}``."""
    shares: dict[str, list[bool]] = {}
    for article_id, text in zip(sentences.article_id, sentences.text):
        shares.setdefault(article_id, []).append(gloss(text) is not None)
    return {article_id: sum(flags) / len(flags) for article_id, flags in sorted(shares.items())}
