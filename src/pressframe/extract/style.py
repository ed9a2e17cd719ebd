"""Style measures per article: sentence length, Amstad's reading ease, quotation density, Swiss spelling.

Amstad's (1978) German adaptation of Flesch's reading ease is 180 - ASL - 58.5 * ASW, with ASL the
average sentence length in words and ASW the average number of syllables per word; syllables are
counted as groups of vowels (a diphthong is one group), which is close for German. Higher is easier:
about 30 or below is very hard, 60 to 70 is average.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from ..corpus.text import is_word, tokenize
from .quotes import QUOTATION_KINDS

STYLE_COLUMNS = ("article_id", "measure", "value")
MEASURES = {
    "sentence_length": "mean words per body sentence",
    "reading_ease": "Amstad's reading ease of the body (higher is easier)",
    "syllables_per_word": "mean syllables per word in the body",
    "quotes_per_1000_words": "direct quotations per 1,000 body words",
    "quoted_share": "share of body words inside direct quotations",
    "eszett_words": "words of the ß list written with ß",
    "ss_for_eszett": "words of the ß list written with ss (the Swiss spelling)",
}
_VOWELS = re.compile(r"[aeiouyäöü]+", re.IGNORECASE)


@lru_cache(maxsize=1)
def word_lists() -> dict[str, list[str]]:
    """The word lists of ``data/style.yml``."""
    return yaml.safe_load((DATA_DIR / "style.yml").read_text(encoding="utf-8"))


def syllables(word: str) -> int:
    """Vowel groups in ``word``, at least one; "io" counts as two (Mu-ni-ti-on, Re-gi-on)."""
    groups = _VOWELS.findall(word)
    return max(1, len(groups) + sum(g.lower().count("io") for g in groups))


def amstad(words: list[str], n_sentences: int) -> float:
    """Amstad's reading ease of ``words`` spread over ``n_sentences`` sentences."""
    if not words or not n_sentences:
        return float("nan")
    return 180 - len(words) / n_sentences - 58.5 * sum(map(syllables, words)) / len(words)


def spelling_counts(text: str) -> tuple[int, int]:
    """How many words of the ß list ``text`` writes with ß and how many with ss instead."""
    eszett = {w.lower() for w in word_lists()["eszett_words"]}
    swiss = {w.replace("ß", "ss") for w in eszett}
    words = [t.lower() for t in tokenize(text) if is_word(t)]
    return sum(w in eszett for w in words), sum(w in swiss for w in words)


def style_table(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Every measure of ``MEASURES`` for every article: long table with ``STYLE_COLUMNS``."""
    rows = []
    direct = quotes[quotes.kind.isin(QUOTATION_KINDS)]
    direct_of = {article_id: group for article_id, group in direct.groupby("article_id", sort=False)}   # not a mask per article
    for article_id, article in sentences.groupby("article_id", sort=True):
        body = article[article.part == "body"]
        words = [t for text in body.text for t in tokenize(text) if is_word(t)]
        mine = direct_of.get(article_id, direct.iloc[:0])
        mine = mine[mine.sentence_id.isin(body.sentence_id)]
        quoted = sum(1 for q in mine.quote for t in tokenize(q) if is_word(t))
        eszett, ss = spelling_counts(" ".join(article.text))
        values = {
            "sentence_length": len(words) / len(body) if len(body) else float("nan"),
            "reading_ease": amstad(words, len(body)),
            "syllables_per_word": sum(map(syllables, words)) / len(words) if words else float("nan"),
            "quotes_per_1000_words": 1000 * len(mine) / len(words) if words else float("nan"),
            "quoted_share": quoted / len(words) if words else float("nan"),
            "eszett_words": eszett,
            "ss_for_eszett": ss,
        }
        rows += [(article_id, measure, float(value)) for measure, value in values.items()]
    return pd.DataFrame(rows, columns=list(STYLE_COLUMNS))
