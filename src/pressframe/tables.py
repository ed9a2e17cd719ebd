"""The book's tables as pandas DataFrames with documented columns, and their export as CSV.

Column names and their meaning are defined once, in ``data/tables.yml``; every function here
returns its columns in that order, and the book's data appendix prints that file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from .clean import KEPT_PARTS, clean_corpus
from .corpus import Article, load_corpus
from .paths import DATA_DIR
from .text import sentences_table, tokens_table


@lru_cache(maxsize=1)
def table_schema() -> dict[str, dict]:
    """``{table: {"description": str, "columns": {column: description}}}`` from ``data/tables.yml``."""
    return yaml.safe_load((DATA_DIR / "tables.yml").read_text(encoding="utf-8"))


def columns(table: str) -> list[str]:
    """The columns of an exported table, in order."""
    return list(table_schema()[table]["columns"])


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline derives from a corpus, computed once per corpus."""

    articles: list[Article]
    pieces: pd.DataFrame      # every piece of every line: see pressframe.clean.PIECE_COLUMNS
    sentences: pd.DataFrame   # kept sentences: see pressframe.text.SENTENCE_COLUMNS
    tokens: pd.DataFrame      # tokens of those sentences: see pressframe.text.TOKEN_COLUMNS

    def article(self, article_id: str) -> Article:
        """The article with this id; KeyError names the ids there are."""
        for article in self.articles:
            if article.article_id == article_id:
                return article
        raise KeyError(f"no article '{article_id}' in the corpus (ids: {', '.join(a.article_id for a in self.articles)})")


def analyse(articles: list[Article]) -> Analysis:
    """Run cleaning, sentence splitting and tokenisation over ``articles``."""
    pieces = clean_corpus(articles)
    sentences = sentences_table(pieces)
    return Analysis(articles, pieces, sentences, tokens_table(sentences))


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


def short_outlet(outlet: str) -> str:
    """An outlet's name without the note in brackets: "Le Monde (translated editorial)" -> "Le Monde"."""
    return outlet.split(" (")[0]


def outlet_label(article: Article) -> str:
    """The outlet as the book labels the text: short (see ``short_outlet``), and "attributed to …" where the text
    does not name it (``Article.outlet_named``): the metadata's attribution is not the text's own word."""
    return short_outlet(article.outlet) if article.outlet_named else f"attributed to {short_outlet(article.outlet)}"


def outlet_names(analysis: Analysis) -> dict[str, str]:
    """Each article's outlet label (``outlet_label``), for tables, figures and prose."""
    return {a.article_id: outlet_label(a) for a in analysis.articles}


def published_dates(analysis: Analysis) -> dict[str, date]:
    """Each article's publication date, the reference for its relative dates."""
    return {a.article_id: a.published for a in analysis.articles}


def events_of(analysis: Analysis) -> dict[str, str]:
    """Each article's event, as its metadata names it."""
    return {a.article_id: a.event for a in analysis.articles}


def mentions_of(analysis: Analysis) -> pd.DataFrame:
    """The designations of Putin and Kim in every article (pressframe.designations), each read with its event."""
    from .designations import find_mentions

    return find_mentions(analysis.sentences, events=events_of(analysis))


def timexes_of(analysis: Analysis) -> pd.DataFrame:
    """The temporal expressions of every article (pressframe.timex), each against its publication date."""
    from .timex import timexes_table

    return timexes_table(analysis.sentences, published_dates(analysis))


def datelines_of(analysis: Analysis) -> pd.DataFrame:
    """The dates the datelines of every article print (pressframe.timex.dateline_timexes)."""
    from .timex import dateline_timexes

    return dateline_timexes(analysis.pieces, published_dates(analysis))


def timeline_of(analysis: Analysis) -> pd.DataFrame:
    """The joint timeline of the corpus (pressframe.timeline)."""
    from .timeline import timeline

    return timeline(timexes_of(analysis), analysis.sentences, published_dates(analysis))


def groups_of(analysis: Analysis) -> dict[str, str]:
    """Each article's country group."""
    return {a.article_id: a.country_group for a in analysis.articles}


def frames_of(analysis: Analysis) -> pd.DataFrame:
    """Frame salience per article with bootstrap intervals (pressframe.frames)."""
    from .frames import frame_hits, salience_by

    hits = frame_hits(analysis.sentences)
    table = salience_by(analysis.sentences, hits, {a.article_id: a.article_id for a in analysis.articles})
    return table.rename(columns={"unit": "article_id"})


def build_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """Every exported table by name, columns as documented."""
    from .claims import find_claims
    from .designations import count_designations
    from .frames import ZONES, frame_hits
    from .keyness import log_odds, stem_counts
    from .quotes import find_quotes
    from .style import style_table
    from .summary import textrank

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
