"""ROUGE-1, ROUGE-2 and ROUGE-L (Lin 2004) over Unicode word tokens reduced to Snowball German stems.

Common ROUGE packages tokenise on ``[a-z0-9]`` and so drop every umlaut and ß; here tokens come from
pressframe.corpus.text, so "Außenseiter" and "Bündnis" count as words.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..corpus.text import is_word, stem, tokenize

ROUGE_COLUMNS = ("metric", "precision", "recall", "f1")


def rouge_tokens(text: str) -> list[str]:
    """Stems of the word tokens of ``text``, in order (punctuation dropped)."""
    return [stem(t) for t in tokenize(text) if is_word(t)]


def _prf(overlap: int, candidate: int, reference: int) -> tuple[float, float, float]:
    precision = overlap / candidate if candidate else 0.0
    recall = overlap / reference if reference else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: list[str], reference: list[str], n: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of clipped n-gram overlap."""
    cand, ref = _ngrams(candidate, n), _ngrams(reference, n)
    return _prf(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists (O(len(a)·len(b)), two rows of memory)."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: list[str], reference: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the longest common subsequence (summary-level, texts joined)."""
    return _prf(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge(candidate: str, reference: str) -> pd.DataFrame:
    """ROUGE-1, ROUGE-2 and ROUGE-L of ``candidate`` against ``reference``: one row per metric."""
    c, r = rouge_tokens(candidate), rouge_tokens(reference)
    rows = [("ROUGE-1", *rouge_n(c, r, 1)), ("ROUGE-2", *rouge_n(c, r, 2)), ("ROUGE-L", *rouge_l(c, r))]
    return pd.DataFrame(rows, columns=list(ROUGE_COLUMNS))
