"""Everything one article chapter shows, computed for one article at a time.

An article's chapter depends on that article alone: cleaning, sentences, summary, quotations and
designations are all computed per text, so adding or changing another text leaves it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..base.prose import join
from ..compare.analysis import Analysis, analyse, mentions_of
from ..compare.timeline import timeline
from ..compare.translation import artefacts, translation_sentence
from ..corpus.glosses import coverage, gloss
from ..corpus.load import Article, load_corpus
from ..evaluation.rouge import rouge
from ..extract.designations import count_designations
from ..extract.frames import frame_hits, presence, salience
from ..extract.quotes import QUOTATION_KINDS, find_quotes
from ..extract.summary import DEFAULT_K, lead, references, textrank
from ..extract.timex import find_timexes


@dataclass(frozen=True)
class ArticleReport:
    article: Article
    analysis: Analysis
    summary: pd.DataFrame        # pressframe.extract.summary.SUMMARY_COLUMNS plus "gloss"
    quotes: pd.DataFrame         # pressframe.extract.quotes.QUOTE_COLUMNS, kind full or partial (someone's words)
    scare_quotes: pd.DataFrame   # the same columns, kind == "scare"
    mentions: pd.DataFrame       # pressframe.extract.designations.MENTION_COLUMNS
    designations: pd.DataFrame   # pressframe.extract.designations.DESIGNATION_COLUMNS
    reference: str | None        # the text's own summary (standfirst, key points), if any
    rouge: pd.DataFrame | None   # ROUGE of TextRank and of lead-k against the reference
    timexes: pd.DataFrame        # pressframe.extract.timex.TIMEX_COLUMNS plus "event" (the event kind's label or "")
    frames: pd.DataFrame         # pressframe.extract.frames.SALIENCE_COLUMNS for this text's body sentences
    artefacts: pd.DataFrame      # pressframe.compare.translation.ARTEFACT_COLUMNS: translation artefacts noted in this text


def article_report(article_id: str, corpus=None) -> ArticleReport:
    """Compute the chapter of ``article_id`` from the corpus (default: the book's)."""
    article = next((a for a in load_corpus(corpus) if a.article_id == article_id), None)
    if article is None:
        raise KeyError(f"no article '{article_id}' in the corpus")
    analysis = analyse([article])
    summary = textrank(analysis.sentences, k=DEFAULT_K)
    summary = summary.assign(gloss=[gloss(t) for t in summary.text])
    found = find_quotes(analysis.sentences)
    mentions = mentions_of(analysis)
    reference = references(analysis.sentences).get(article_id)
    scores = None
    if reference:
        system = " ".join(summary.text)
        baseline = " ".join(lead(analysis.sentences, k=len(summary)).text)
        scores = pd.concat([rouge(system, reference).assign(summary="TextRank"),
                            rouge(baseline, reference).assign(summary=f"lead-{len(summary)}")], ignore_index=True)
    timexes = find_timexes(analysis.sentences, published=article.published)
    dated = timeline(timexes, analysis.sentences, {article_id: article.published})
    label_of = {(m.sentence_id, m.timex): _with_year(m.label, m.start, article.published, bool(m.event_id))
                for m in dated.itertuples()}
    timexes = timexes.assign(event=[label_of.get((t.sentence_id, t.text), "") for t in timexes.itertuples()])
    hits = frame_hits(analysis.sentences)
    summary = summary.assign(found=[found_in_english(s, found, mentions, timexes, hits) for s in summary.sentence_id])
    return ArticleReport(article, analysis, summary, found[found.kind.isin(QUOTATION_KINDS)].reset_index(drop=True),
                         found[found.kind == "scare"].reset_index(drop=True), mentions,
                         count_designations(mentions), reference, scores, timexes,
                         salience(presence(analysis.sentences, hits)), artefacts(analysis.sentences))


def _with_year(label: str, start, published, is_event: bool) -> str:
    """An event's label with its year where that is not the year the text appeared, as the timeline tells two visits
    apart: a 2024 text's "Putin's visit to Pyongyang (2000)"."""
    if not is_event or label.endswith(")") or start.year == published.year:
        return label
    return f"{label} ({start.year})"


def found_in_english(sentence_id: str, quotes: pd.DataFrame, mentions: pd.DataFrame, timexes: pd.DataFrame,
                     hits: pd.DataFrame) -> str:
    """What the extractors found in one sentence, in English: for a reader of a sentence that has no gloss."""
    from ..extract.timex import reading

    parts = []
    said = quotes[(quotes.sentence_id == sentence_id) & quotes.kind.isin(QUOTATION_KINDS)]
    if len(said):
        parts.append("quotes " + ", ".join(dict.fromkeys(said.speaker)))
    named = mentions[mentions.sentence_id == sentence_id]
    if len(named):
        who = {"Putin": "Putin", "Kim": "Kim", "both": "both leaders"}
        parts.append("names " + ", ".join(dict.fromkeys(f"{who.get(m.actor, m.actor)} ({m.register})"
                                                        for m in named.itertuples())))
    dated = timexes[timexes.sentence_id == sentence_id]
    if len(dated):
        parts.append("dates " + ", ".join(dict.fromkeys(reading(v) for v in dated.value)))
    framed = hits[hits.sentence_id == sentence_id]
    if len(framed):
        parts.append("frames: " + ", ".join(dict.fromkeys(f.replace("_", " ") for f in framed.frame)))
    return "; ".join(parts) if parts else "nothing the extractors look for"


def size(report: ArticleReport) -> dict[str, int]:
    """Body sentences and body word tokens of the article."""
    sentences, tokens = report.analysis.sentences, report.analysis.tokens
    body = sentences[sentences.part == "body"]
    words = tokens[tokens.is_word & tokens.sentence_id.isin(body.sentence_id)]
    return {"n_body_sentences": len(body), "n_body_tokens": len(words)}


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _dated_phrase(n: int) -> str:
    """"none of them dates", "one of them dates", "3 of them date"."""
    return "none of them dates" if n == 0 else "one of them dates" if n == 1 else f"{n} of them date"


def top_frames(frames: pd.DataFrame, n: int = 3) -> str:
    """The ``n`` frames with the largest shares, and any frame tied with the last of them: "china (35%), conflict
    (22%), economic, human interest and pariah pact (13% each)"."""
    present = frames[frames.sentences > 0].sort_values(["share", "frame"], ascending=[False, True])
    if present.empty:
        return "none"
    cut = present.share.iloc[min(n, len(present)) - 1]
    shown = present[present.share >= cut]
    parts = []
    for share, group in shown.groupby("share", sort=False):
        names = [f.replace("_", " ") for f in group.frame]
        parts.append(f"{join(names)} ({share:.0%}{' each' if len(names) > 1 else ''})")
    return ", ".join(parts)


def facts(report: ArticleReport) -> dict[str, object]:
    """The numbers and sentences the chapter's prose glues in."""
    body = report.analysis.sentences[report.analysis.sentences.part == "body"]
    quotes = report.quotes
    speakers = quotes.speaker.value_counts()
    by_type = quotes.speaker_type.value_counts()
    if len(quotes):
        top_type, top_n = by_type.index[0], int(by_type.iloc[0])
        voices = (f"The text quotes {_plural(len(quotes), 'passage')} directly, from "
                  f"{_plural(len(speakers), 'speaker')}; "
                  + (f"{top_n} of them ({top_n / len(quotes):.0%}) come" if len(quotes) > 1 else "it comes")
                  + f" from the category {top_type}.")
    else:
        voices = "The text quotes nobody directly."
    actors = report.mentions.actor.value_counts()
    naming = (f"It names Putin {_plural(int(actors.get('Putin', 0)), 'time')} and Kim "
              f"{_plural(int(actors.get('Kim', 0)), 'time')}, using "
              f"{_plural(report.mentions.designation.nunique(), 'different designation')}"
              + (f", and names the two together {_plural(int(actors.get('both', 0)), 'time')}." if actors.get('both') else "."))
    evaluative = report.mentions[report.mentions.register == "evaluative"]
    glossed = coverage(report.analysis.sentences).get(report.article.article_id, 0.0)
    gloss_note = "" if glossed == 1 else (
        "This text has no English glosses yet: beside each German sentence, the table gives what the book's "
        "extractors found in it (speakers, names of Putin and Kim, dates, frames) in English." if glossed == 0 else
        f"Only {glossed:.0%} of this text's sentences have an English gloss: where a sentence has none, the table gives "
        "what the book's extractors found in it, in English.")
    return {
        "translation_sentence": translation_sentence(report.article, report.artefacts),
        "gloss_note": gloss_note,
        "n_body_sentences": len(body),
        "n_summary": len(report.summary),
        "n_quotes": len(quotes),
        "n_scare": len(report.scare_quotes),
        "n_mentions": len(report.mentions),
        "n_evaluative": len(evaluative),
        "voices_sentence": voices,
        "naming_sentence": naming,
        "n_timexes": len(report.timexes),
        "n_dated": int((report.timexes.event != "").sum()),
        "n_dated_phrase": _dated_phrase(int((report.timexes.event != "").sum())),
        "top_frames": top_frames(report.frames),
    }
