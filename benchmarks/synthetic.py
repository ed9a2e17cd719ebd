"""A synthetic corpus ``factor`` times the size of the seeds, for measuring how the analysis scales.

Article ``k`` of a synthetic corpus takes its metadata (outlet, country group, event) from seed
``k mod n`` and its text from that seed's body sentences, drawn with replacement: a headline (the
seed's own), then paragraphs of one to four drawn sentences, as many sentences in all as the seed
has, give or take 30 %. Its publication date is the seed's moved by up to a year either way. So a
corpus of factor ``f`` has ``f`` times as many articles as the seeds, each of a realistic length,
and about ``f`` times their body text.

Every article is drawn from its own generator, seeded with ``(seed, k)``: the same arguments give
the same corpus byte for byte, and the corpus of factor 10 is the first tenth of the corpus of
factor 100. Ids are zero-padded to one width (at least three digits) so that they sort in order.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np

from pressframe.compare.analysis import analyse
from pressframe.corpus.load import METADATA_FIELDS, METADATA_FILE, Article

FACTORS = (1, 10, 100, 1000)
"""The sizes the benchmark measures, as multiples of the seeds."""

LENGTH_SPREAD = 0.3       # an article has the seed's number of body sentences times 1 ± this
MAX_PARAGRAPH = 4         # sentences per paragraph: 1 to this
DATE_SPREAD_DAYS = 365    # publication date: the seed's ± this many days


def donor_material(seeds: list[Article]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each seed's body sentences (as ``pressframe.corpus.text`` splits them, in text order) and its headline (its
    title sentences joined), by article id."""
    sentences = analyse(seeds).sentences
    by_part = {part: {article_id: group.text.tolist() for article_id, group in
                      sentences[sentences.part == part].groupby("article_id", sort=True)} for part in ("body", "title")}
    return by_part["body"], {article_id: " ".join(texts) for article_id, texts in by_part["title"].items()}


def synthetic_articles(seeds: list[Article], *, factor: int, seed: int = 0) -> list[Article]:
    """``factor * len(seeds)`` new articles made of the seeds' body sentences (see the module docstring)."""
    if factor < 1:
        raise ValueError(f"factor must be 1 or more, not {factor}")
    bodies, titles = donor_material(seeds)
    donors = [d for d in sorted(seeds, key=lambda a: a.article_id) if bodies.get(d.article_id)]
    if not donors:
        raise ValueError("no seed article has body sentences to draw from")
    count = factor * len(seeds)
    width = max(3, len(str(count - 1)))
    articles = []
    for k in range(count):
        donor = donors[k % len(donors)]
        pool = bodies[donor.article_id]
        rng = np.random.default_rng([seed, k])
        n = max(1, round(len(pool) * rng.uniform(1 - LENGTH_SPREAD, 1 + LENGTH_SPREAD)))
        drawn = [pool[i] for i in rng.integers(0, len(pool), size=n)]
        paragraphs, start = [], 0
        while start < n:
            size = int(rng.integers(1, MAX_PARAGRAPH + 1))
            paragraphs.append(" ".join(drawn[start : start + size]))
            start += size
        headline = titles.get(donor.article_id, "Synthetischer Artikel")
        article_id = f"{k:0{width}d}"
        articles.append(replace(
            donor, article_id=article_id, file=f"{article_id}_synthetic_{donor.article_id}.txt",
            published=donor.published + timedelta(days=int(rng.integers(-DATE_SPREAD_DAYS, DATE_SPREAD_DAYS + 1))),
            text="\n\n".join([headline, *paragraphs]) + "\n",
            language_note=f"synthetic: {n} body sentences of article {donor.article_id} drawn with seed {seed}",
            uncertainty="", evidence={},
        ))
    return articles


def metadata_csv(articles: list[Article]) -> str:
    """The ``articles.csv`` of ``articles`` (no evidence), LF line ends."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(METADATA_FIELDS), lineterminator="\n")
    writer.writeheader()
    for a in articles:
        writer.writerow({"article_id": a.article_id, "file": a.file, "outlet": a.outlet,
                         "country_group": a.country_group, "event": a.event, "published": a.published.isoformat(),
                         "published_status": a.published_status, "language_note": a.language_note})
    return out.getvalue()


def write_corpus(articles: list[Article], folder: Path | str) -> Path:
    """Write ``articles`` as a corpus folder (one text per article and ``articles.csv``); returns the folder.

    The folder must be new or empty, so that no stale text is left in it.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty; a synthetic corpus is written into a new folder")
    for a in articles:
        (folder / a.file).write_text(a.text, encoding="utf-8", newline="")
    (folder / METADATA_FILE).write_text(metadata_csv(articles), encoding="utf-8", newline="")
    return folder


def make_corpus(folder: Path | str, *, factor: int, seeds: list[Article], seed: int = 0) -> Path:
    """``synthetic_articles`` written to ``folder`` (see ``write_corpus``)."""
    return write_corpus(synthetic_articles(seeds, factor=factor, seed=seed), folder)
