"""Distinctive vocabulary: log-odds ratios with an informative Dirichlet prior ("Fightin' Words").

Monroe, Colaresi & Quinn (2008): for a term w, a group i and the rest j of the corpus,

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

with counts y, totals n and a prior a_w = a_0 * (share of w in the whole corpus): frequent terms need
more evidence to stand out, rare terms are shrunk towards zero. A positive z marks a term the group
uses more than the rest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

KEYNESS_COLUMNS = ("group", "term", "z", "count_group", "count_rest", "delta")
DEFAULT_PRIOR = 500.0


def log_odds(counts: pd.DataFrame, *, prior: float = DEFAULT_PRIOR) -> pd.DataFrame:
    """Fightin' Words for every group against the rest.

    ``counts``: one row per (group, term) with column ``count``. Returns ``KEYNESS_COLUMNS``, one row per
    group and term, sorted by group, then z descending, then term.
    """
    table = counts.pivot_table(index="term", columns="group", values="count", aggfunc="sum", fill_value=0)
    total = table.sum(axis=1)
    alpha = prior * total / total.sum()
    frames = []
    for group in table.columns:
        y_i = table[group]
        y_j = total - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = (np.log((y_i + alpha) / (n_i + prior - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + prior - y_j - alpha)))
        z = delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
        frames.append(pd.DataFrame({"group": group, "term": table.index, "z": z.to_numpy(),
                                    "count_group": y_i.to_numpy(), "count_rest": y_j.to_numpy(),
                                    "delta": delta.to_numpy()}))
    result = pd.concat(frames, ignore_index=True)
    return result.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def stem_counts(tokens: pd.DataFrame, sentences: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Counts of content-word stems in body sentences per group (``groups`` maps article ids to groups):
    columns group, term, count, and ``form``, the term's most frequent word form (for display)."""
    body = set(sentences.sentence_id[sentences.part == "body"])
    words = tokens[tokens.is_word & ~tokens.is_stop & tokens.sentence_id.isin(body)]
    words = words[words.token.str.len() > 1]
    words = words.assign(group=words.article_id.map(groups), term=words.stem)
    counts = words.groupby(["group", "term"]).size().rename("count").reset_index()
    forms = (words.assign(form=words.token).groupby(["term", "form"]).size().rename("n").reset_index()
             .sort_values(["term", "n", "form"], ascending=[True, False, True]).drop_duplicates("term"))
    return counts.merge(forms[["term", "form"]], on="term", how="left")


def distinctive(tokens: pd.DataFrame, sentences: pd.DataFrame, groups: dict[str, str], *, top: int = 10,
                prior: float = DEFAULT_PRIOR, min_count: int = 2) -> pd.DataFrame:
    """The ``top`` terms of each group by z among terms it uses at least ``min_count`` times, with their word form."""
    counts = stem_counts(tokens, sentences, groups)
    scored = log_odds(counts[["group", "term", "count"]], prior=prior)
    scored = scored.merge(counts[["term", "form"]].drop_duplicates("term"), on="term", how="left")
    scored = scored[scored.count_group >= min_count]
    return scored.groupby("group", sort=True).head(top).reset_index(drop=True)
