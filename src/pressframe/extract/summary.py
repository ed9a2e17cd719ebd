"""Extractive summaries: TextRank over stemmed, stopword-filtered body sentences, and a lead-k baseline.

TextRank (Mihalcea & Tarau 2004) links every pair of sentences with weight
``|shared stems| / (log |stems_i| + log |stems_j|)`` and ranks sentences by PageRank over that graph.
The summary is the top ``k`` sentences, shown in the article's order. Only the body goes in: a
text's own summary (standfirst, key points) is kept out so that it can serve as the reference.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..corpus.text import is_word, stem, stopwords, tokenize

SUMMARY_COLUMNS = ("article_id", "rank", "sentence_id", "text")
DEFAULT_K = 4


def content_stems(text: str) -> frozenset[str]:
    """The set of Snowball stems of the words of ``text`` that are not stopwords."""
    stops = stopwords()
    return frozenset(stem(t) for t in tokenize(text) if is_word(t) and t.lower() not in stops and not t.isdigit())


def similarity_matrix(texts: list[str]) -> np.ndarray:
    """TextRank's sentence similarity for every pair (zero on the diagonal and for sentences under two stems)."""
    stems = [content_stems(t) for t in texts]
    n = len(texts)
    weights = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if len(stems[i]) > 1 and len(stems[j]) > 1:
                shared = len(stems[i] & stems[j])
                weights[i, j] = weights[j, i] = shared / (math.log(len(stems[i])) + math.log(len(stems[j])))
    return weights


def pagerank(weights: np.ndarray, *, damping: float = 0.85, tolerance: float = 1e-10, max_iter: int = 200) -> np.ndarray:
    """PageRank scores of a weighted undirected graph given as a symmetric matrix (rows sum to the out-weight)."""
    n = len(weights)
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1)
    transition = np.divide(weights, out[:, None], out=np.full_like(weights, 1.0 / n), where=out[:, None] > 0)
    scores = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < tolerance:
            return updated
        scores = updated
    return scores


def textrank(sentences: pd.DataFrame, *, k: int = DEFAULT_K) -> pd.DataFrame:
    """The ``k`` highest-ranked body sentences of each article, in text order: columns ``SUMMARY_COLUMNS``.

    ``rank`` is the TextRank rank (1 = most central); ties are broken by text order, so the result
    is deterministic.
    """
    rows = []
    for article_id, group in sentences[sentences.part == "body"].groupby("article_id", sort=True):
        scores = pagerank(similarity_matrix(group.text.tolist()))
        order = sorted(range(len(group)), key=lambda i: (-round(scores[i], 12), i))
        rank_of = {i: r for r, i in enumerate(order, start=1)}
        for i in sorted(order[:k]):
            row = group.iloc[i]
            rows.append((article_id, rank_of[i], row.sentence_id, row.text))
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))


def lead(sentences: pd.DataFrame, *, k: int = DEFAULT_K) -> pd.DataFrame:
    """The baseline: the first ``k`` body sentences of each article (columns ``SUMMARY_COLUMNS``, rank = position)."""
    body = sentences[sentences.part == "body"]
    rows = [(article_id, rank, row.sentence_id, row.text)
            for article_id, group in body.groupby("article_id", sort=True)
            for rank, row in enumerate(group.head(k).itertuples(), start=1)]
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))


def references(sentences: pd.DataFrame) -> dict[str, str]:
    """Each article's own summary (standfirst and key points, in order), where it has one."""
    own = sentences[sentences.part.isin(("standfirst", "key_point"))]
    return {article_id: " ".join(group.text) for article_id, group in own.groupby("article_id", sort=True)}
