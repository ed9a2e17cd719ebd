"""The analysis of one corpus: what every chapter, table and score reads, computed once per corpus.

``analyse`` cleans, splits and tokenises the articles once; the functions below read the extractors over
that result with what each needs from the metadata (an article's publication date, event or group).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..corpus.clean import clean_corpus
from ..corpus.load import Article
from ..corpus.text import sentences_table, tokens_table
from ..extract.designations import find_mentions
from ..extract.frames import frame_hits, salience_by
from ..extract.timex import dateline_timexes, timexes_table
from .timeline import timeline


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline derives from a corpus, computed once per corpus."""

    articles: list[Article]
    pieces: pd.DataFrame      # every piece of every line: see pressframe.corpus.clean.PIECE_COLUMNS
    sentences: pd.DataFrame   # kept sentences: see pressframe.corpus.text.SENTENCE_COLUMNS
    tokens: pd.DataFrame      # tokens of those sentences: see pressframe.corpus.text.TOKEN_COLUMNS

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


def published_dates(analysis: Analysis) -> dict[str, date]:
    """Each article's publication date, the reference for its relative dates."""
    return {a.article_id: a.published for a in analysis.articles}


def events_of(analysis: Analysis) -> dict[str, str]:
    """Each article's event, as its metadata names it."""
    return {a.article_id: a.event for a in analysis.articles}


def groups_of(analysis: Analysis) -> dict[str, str]:
    """Each article's country group."""
    return {a.article_id: a.country_group for a in analysis.articles}


def mentions_of(analysis: Analysis) -> pd.DataFrame:
    """The designations of Putin and Kim in every article (pressframe.extract.designations), each read with its event."""
    return find_mentions(analysis.sentences, events=events_of(analysis))


def timexes_of(analysis: Analysis) -> pd.DataFrame:
    """The temporal expressions of every article (pressframe.extract.timex), each against its publication date."""
    return timexes_table(analysis.sentences, published_dates(analysis))


def datelines_of(analysis: Analysis) -> pd.DataFrame:
    """The dates the datelines of every article print (pressframe.extract.timex.dateline_timexes)."""
    return dateline_timexes(analysis.pieces, published_dates(analysis))


def timeline_of(analysis: Analysis) -> pd.DataFrame:
    """The joint timeline of the corpus (pressframe.compare.timeline)."""
    return timeline(timexes_of(analysis), analysis.sentences, published_dates(analysis))


def frames_of(analysis: Analysis) -> pd.DataFrame:
    """Frame salience per article with bootstrap intervals (pressframe.extract.frames)."""
    hits = frame_hits(analysis.sentences)
    table = salience_by(analysis.sentences, hits, {a.article_id: a.article_id for a in analysis.articles})
    return table.rename(columns={"unit": "article_id"})
