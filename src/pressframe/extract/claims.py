"""Substantive claims the texts carry, found by sentence similarity to the prototypes of ``data/claims.yml``.

Each body sentence and each prototype becomes a set of content-word stems weighted by inverse
document frequency over the body sentences; a sentence carries a claim when its cosine similarity to
one of the claim's prototypes reaches the threshold. The comparison runs through an inverted index
from stems to sentences, so its cost grows with the corpus, not with its square.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from ..corpus.text import is_word, stem, stopwords, tokenize

CLAIM_COLUMNS = ("claim_id", "claim", "article_id", "sentence_id", "similarity")


@dataclass(frozen=True)
class Claim:
    claim_id: str
    claim: str
    prototypes: tuple[str, ...]


@lru_cache(maxsize=1)
def load_claims() -> tuple[tuple[Claim, ...], float]:
    """The claims and the similarity threshold of ``data/claims.yml``."""
    raw = yaml.safe_load((DATA_DIR / "claims.yml").read_text(encoding="utf-8"))
    claims = tuple(Claim(c["id"], c["claim"], tuple(c["prototypes"])) for c in raw["claims"])
    return claims, float(raw["threshold"])


def stems(text: str) -> frozenset[str]:
    """The content-word stems of a text."""
    stop = stopwords()
    return frozenset(stem(t) for t in tokenize(text) if is_word(t) and t.lower() not in stop and len(t) > 1)


def _bags(body: pd.DataFrame, tokens: pd.DataFrame) -> list[frozenset[str]]:
    """``stems`` of each body sentence, from its rows of the tokens table: words, not stopwords, longer than one."""
    content = tokens[tokens.is_word & ~tokens.is_stop & (tokens.token.str.len() > 1)]
    bags: dict[str, set[str]] = {}
    for sentence_id, term in zip(content.sentence_id.tolist(), content.stem.tolist()):
        bags.setdefault(sentence_id, set()).add(term)
    return [frozenset(bags.get(sentence_id, ())) for sentence_id in body.sentence_id.tolist()]


def find_claims(sentences: pd.DataFrame, *, threshold: float | None = None,
                tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per body sentence and claim it carries: ``CLAIM_COLUMNS``, by claim order, then sentence order.

    ``tokens``, the tokens table of ``sentences`` (pressframe.corpus.text.tokens_table) where the caller has it,
    saves tokenising and stemming the sentences again; the result is the same.
    """
    claims, default = load_claims()
    threshold = default if threshold is None else threshold
    body = sentences[sentences.part == "body"]
    bags = [stems(t) for t in body.text] if tokens is None else _bags(body, tokens)
    frequency: dict[str, int] = defaultdict(int)
    index: dict[str, list[int]] = defaultdict(list)
    for number, bag in enumerate(bags):
        for term in bag:
            frequency[term] += 1
            index[term].append(number)
    n = max(len(bags), 1)
    weight = lambda term: math.log((n + 1) / (frequency.get(term, 0) + 1)) + 1.0   # noqa: E731 (smoothed idf)
    norms = [math.sqrt(sum(weight(t) ** 2 for t in bag)) or 1.0 for bag in bags]
    article_ids, sentence_ids = body.article_id.tolist(), body.sentence_id.tolist()
    rows = []
    for claim in claims:
        best: dict[int, float] = {}
        for prototype in claim.prototypes:
            bag = stems(prototype)
            norm = math.sqrt(sum(weight(t) ** 2 for t in bag)) or 1.0
            dot: dict[int, float] = defaultdict(float)
            for term in bag:
                for number in index.get(term, ()):
                    dot[number] += weight(term) ** 2
            for number, value in dot.items():
                best[number] = max(best.get(number, 0.0), value / (norm * norms[number]))
        for number in sorted(best):
            if best[number] >= threshold:
                rows.append((claim.claim_id, claim.claim, article_ids[number], sentence_ids[number],
                             round(best[number], 6)))
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def claims_matrix(found: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Claims by articles: the number of sentences of each article that carry each claim (0 where none)."""
    claims, _ = load_claims()
    table = pd.crosstab(found.claim_id, found.article_id) if len(found) else pd.DataFrame()
    table = table.reindex(index=[c.claim_id for c in claims], columns=article_ids, fill_value=0).fillna(0).astype(int)
    table.insert(0, "claim", [c.claim for c in claims])
    return table.rename_axis("claim_id").reset_index()
