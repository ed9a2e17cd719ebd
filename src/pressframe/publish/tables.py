"""The exported tables: their schema (``data/tables.yml``), each table built from the analysis, and the CSV export.

Column names and their meaning are defined once, in ``data/tables.yml``; every function here
returns its columns in that order, and the book's data appendix prints that file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from ..compare.analysis import Analysis, analyse, datelines_of, frames_of, groups_of, mentions_of, timeline_of, timexes_of
from ..compare.keyness import log_odds, stem_counts
from ..corpus.clean import KEPT_PARTS
from ..corpus.load import load_corpus
from ..extract.claims import find_claims
from ..extract.designations import count_designations
from ..extract.frames import ZONES, frame_hits
from ..extract.quotes import find_quotes
from ..extract.style import style_table
from ..extract.summary import textrank


@lru_cache(maxsize=1)
def table_schema() -> dict[str, dict]:
    """``{table: {"description": str, "columns": {column: description}}}`` from ``data/tables.yml``."""
    return yaml.safe_load((DATA_DIR / "tables.yml").read_text(encoding="utf-8"))


def columns(table: str) -> list[str]:
    """The columns of an exported table, in order."""
    return list(table_schema()[table]["columns"])


def articles_table(analysis: Analysis) -> pd.DataFrame:
    """One row per article: metadata, headline and body size (see data/tables.yml)."""
    body = analysis.sentences[analysis.sentences.part == "body"]
    words = analysis.tokens[analysis.tokens.is_word & analysis.tokens.sentence_id.isin(body.sentence_id)]
    titles = analysis.sentences[analysis.sentences.part == "title"].groupby("article_id").text.agg(" ".join)
    n_sentences, n_tokens = body.article_id.value_counts(), words.article_id.value_counts()   # not a mask per article
    rows = [{
        "article_id": a.article_id, "outlet": a.outlet, "country_group": a.country_group, "event": a.event,
        "published": a.published.isoformat(), "published_status": a.published_status,
        "title": titles.get(a.article_id, ""),
        "n_sentences": int(n_sentences.get(a.article_id, 0)),
        "n_tokens": int(n_tokens.get(a.article_id, 0)),
    } for a in analysis.articles]
    return pd.DataFrame(rows, columns=columns("articles"))


def removed_table(analysis: Analysis) -> pd.DataFrame:
    """The pieces cleaning removed (parts not in KEPT_PARTS), with their reasons."""
    removed = analysis.pieces[~analysis.pieces.part.isin(KEPT_PARTS)]
    return removed[columns("removed")].reset_index(drop=True)


def build_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """Every exported table by name, columns as documented."""
    tables = {
        "articles": articles_table(analysis),
        "sentences": analysis.sentences,
        "removed": removed_table(analysis),
        "summaries": textrank(analysis.sentences),
        "quotes": find_quotes(analysis.sentences),
        "designations": count_designations(mentions_of(analysis)),
        "timexes": timexes_of(analysis),
        "datelines": datelines_of(analysis),
        "timeline": timeline_of(analysis),
        "frames": frames_of(analysis),
        "frame_hits": frame_hits(analysis.sentences, tuple(ZONES)),
        "keyness": log_odds(stem_counts(analysis.tokens, analysis.sentences, groups_of(analysis))[["group", "term", "count"]]),
        "claims": find_claims(analysis.sentences, tokens=analysis.tokens),
        "style": style_table(analysis.sentences, find_quotes(analysis.sentences)),
    }
    return {name: frame[columns(name)].reset_index(drop=True) for name, frame in tables.items()}


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 CSV with a header row and LF line ends, no index: byte-identical for identical frames."""
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def export(out_dir: Path | str, corpus: Path | str | None = None) -> list[Path]:
    """Write every table as ``<out_dir>/<table>.csv``; all files appear together or none does.

    The corpus is validated first (CorpusError on any problem); the CSVs are written to a temporary
    folder beside ``out_dir`` and moved into place only when all of them are complete.
    """
    tables = build_tables(analyse(load_corpus(corpus)))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out_dir.parent))
    try:
        for name, frame in tables.items():
            write_csv(frame, staging / f"{name}.csv")
        written = []
        for name in tables:
            target = out_dir / f"{name}.csv"
            os.replace(staging / f"{name}.csv", target)
            written.append(target)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
