"""English glosses of the German the book shows: reviewed data files keyed by the exact German text.

``data/glosses.csv`` glosses whole sentences, with a translator's note where the German is itself wrong
or odd (a mistranslation, a factual slip, a pun the English loses); ``data/phrases.csv`` glosses the
phrases the book shows on their own (quotations, designations of the two leaders, temporal expressions,
distinctive words). A gloss translates what the German says, not what its writer may have meant: the
note says where the two differ.

A sentence without a gloss is shown in German with what the book's extractors found in it, in English;
a test fails when a sentence or phrase the book shows for the seed texts has none. ``coverage`` says, per
text, how much of it is glossed, so that the chapters and the landing page can say which texts are.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from ..base.paths import DATA_DIR

GLOSS_FILE = DATA_DIR / "glosses.csv"
PHRASE_FILE = DATA_DIR / "phrases.csv"


@lru_cache(maxsize=1)
def _sentences() -> dict[str, tuple[str, str]]:
    with GLOSS_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["text"]: (row["gloss"], row.get("note") or "") for row in csv.DictReader(handle)}


def glosses() -> dict[str, str]:
    """``{German sentence: English gloss}`` from the glosses file."""
    return {text: gloss for text, (gloss, _) in _sentences().items()}


def gloss(text: str) -> str | None:
    """The English gloss of a sentence, or None if it has not been translated."""
    found = _sentences().get(text)
    return found[0] if found else None


def joined_gloss(texts) -> str:
    """The glosses of several sentences (a headline of two) joined, or "" unless every one has a gloss."""
    found = [gloss(t) for t in texts]
    return " ".join(found) if found and all(found) else ""


def note(text: str) -> str:
    """The translator's note on a sentence ("" if none)."""
    found = _sentences().get(text)
    return found[1] if found else ""


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    with PHRASE_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["phrase"]: row["gloss"] for row in csv.DictReader(handle)}


def phrase_gloss(text: str) -> str | None:
    """The English gloss of a phrase the book shows on its own: from the phrases file, else (a phrase that is a
    whole sentence) from the sentence glosses; None if it has not been translated."""
    return _phrases().get(text) or gloss(text)


def line_gloss(text: str) -> str:
    """The English of a line the book shows verbatim (a removed line, say): its phrase gloss; "not translated" where a
    line of words has none; "" where it has no words to translate (a list marker, a number)."""
    english = phrase_gloss(text.strip())
    if english:
        return english
    return "not translated" if re.search(r"[^\W\d_]{2,}", text) else ""


def quoted(text: str) -> str:
    """„German“ with its English in brackets where there is a gloss, for prose: „nun“ (now)."""
    english = phrase_gloss(text) or phrase_gloss(text.lower()) or phrase_gloss(text[:1].upper() + text[1:])
    return f"„{text}“" + (f" ({english})" if english else "")


def coverage(sentences) -> dict[str, float]:
    """``{article_id: share of its kept sentences with a gloss}``."""
    shares: dict[str, list[bool]] = {}
    for article_id, text in zip(sentences.article_id, sentences.text):
        shares.setdefault(article_id, []).append(gloss(text) is not None)
    return {article_id: sum(flags) / len(flags) for article_id, flags in sorted(shares.items())}
