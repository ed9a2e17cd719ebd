"""Sourcing: whom each text cites and how, what it states in its own voice, and where a headline states as fact
what the body attributes.

Rules in ``data/sourcing.yml`` (with the attribution cues of ``data/quotes.yml``). A body sentence is
*attributed* when it carries a quotation, an attribution cue, reported speech, an unnamed source ("Experten",
"laut US-Angaben", "es gilt als sicher") or a verb of view ("Große Teile dieser Welt sehen …"); else the
text states it in its own voice. Sources are counted per text: the people and bodies it quotes by name
(with the speaker type of ``pressframe.extract.quotes``), the unnamed sources it invokes, and the agencies and
outlets it names in the text, its credits and its source list (what cleaning set apart as credit or
source). An *echo* is a sentence that shares words with the title of an article the text's source list
cites: wording that may be borrowed though it stands without quotation marks.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from ..corpus.glosses import quoted
from ..corpus.outlets import short_outlet
from ..corpus.text import is_word, stem, stopwords, tokenize
from .quotes import QUOTATION_KINDS

ATTRIBUTION_COLUMNS = ("article_id", "sentence_id", "attributed", "how", "source")
SOURCES_COLUMNS = ("text", "named", "named sources", "unnamed", "unnamed sources", "agencies and outlets",
                   "body sentences", "attributed", "attributed share")
HEADLINE_COLUMNS = ("article_id", "display_id", "part", "body_id", "how", "shared")
ECHO_COLUMNS = ("article_id", "sentence_id", "source", "shared")
_DISPLAY = ("kicker", "title", "standfirst", "key_point")
_ENDINGS = ("ungen", "ung", "heiten", "heit", "keiten", "keit", "ischen", "ische", "isch", "ern", "en", "er", "es", "e",
            "n", "s")


def _words(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)


_QUOTED = r"[«„\"“‚‹']\s*(?:{})\s*[»“\"”‘›']"


def _outlet_patterns(outlet: dict) -> tuple[re.Pattern, re.Pattern]:
    """How an outlet of ``data/drafting.yml`` is named in a credit or source list, and in running text. A name that
    is also a German word (its ``word``: "Blick", view) names the outlet in running text only in quotation marks
    or as its web address; "mit Blick auf" names no newspaper."""
    names = "|".join(outlet["patterns"])
    listed = re.compile(r"(?<!\w)(?:" + names + r")(?!\w)")
    if not outlet.get("word"):
        return listed, listed
    addresses = [p for p in outlet["patterns"] if r"\." in p]
    running = "|".join([_QUOTED.format(names), *(r"(?<!\w)(?:" + a + r")(?!\w)" for a in addresses)])
    return listed, re.compile(running)


@lru_cache(maxsize=1)
def rules() -> dict:
    """The compiled rules: unnamed sources, verbs of view, agencies and outlets, speech and source cues."""
    raw = yaml.safe_load((DATA_DIR / "sourcing.yml").read_text(encoding="utf-8"))
    quotes = yaml.safe_load((DATA_DIR / "quotes.yml").read_text(encoding="utf-8"))
    drafting = yaml.safe_load((DATA_DIR / "drafting.yml").read_text(encoding="utf-8"))
    outlets = [(o["name"].split(" (")[0], *_outlet_patterns(o)) for o in drafting["outlets"]]
    return {"unnamed": _words(raw["unnamed_sources"]), "view": _words([re.escape(v) for v in raw["view_verbs"]]),
            "speech": _words([re.escape(c) for c in quotes["speech_cues"]] + [c["pattern"] for c in quotes["source_cues"]]),
            "reported": _words([re.escape(v) for v in quotes["reported_speech_verbs"]]),
            "agencies": _words([re.escape(a) for a in raw["agencies"]]), "outlets": outlets,
            "min_shared": int(raw["min_shared_stems"]), "max_share": float(raw["max_sentence_share"])}


def attribution(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per body sentence: whether it is attributed, how (quotation, unnamed source, view, speech cue,
    reported speech, or "" in the text's own voice) and the source where it is named. ``ATTRIBUTION_COLUMNS``."""
    r = rules()
    said = quotes[quotes.kind.isin(QUOTATION_KINDS)]
    speaker_of = {}
    for q in said.itertuples():
        speaker_of.setdefault(q.sentence_id, q.speaker)
    rows = []
    for s in sentences[sentences.part == "body"].itertuples():
        how, source = "", ""
        if s.sentence_id in speaker_of:
            how, source = "quotation", speaker_of[s.sentence_id]
        elif m := r["unnamed"].search(s.text):
            how, source = "unnamed source", m.group(0)
        elif r["view"].search(s.text):
            how = "view"
        elif r["speech"].search(s.text):
            how = "speech cue"
        elif r["reported"].search(s.text):
            how = "reported speech"
        rows.append((s.article_id, s.sentence_id, bool(how), how, source))
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))


def _named_media(running: list[str], listed: list[str], *, own: str = "") -> list[str]:
    """Agencies and outlets named in running text and in credits or source lists, in order of first mention;
    ``own``, the text's own outlet, is no source of it."""
    r = rules()
    found = []
    for texts, which in ((running, 2), (listed, 1)):
        for text in texts:
            here = [(m.start(), m.group(0)) for m in r["agencies"].finditer(text)]
            here += [(m.start(), outlet[0]) for outlet in r["outlets"] if outlet[0] != own
                     for m in outlet[which].finditer(text)]
            found += [name for _, name in sorted(here)]
    first: dict[str, str] = {}
    for name in found:                            # "Keystone" and "keystone" are one agency
        first.setdefault(name.casefold(), name)
    return list(first.values())


def sources_table(analysis, quotes: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Per text: the sources it names in quotations (with their speaker type), the unnamed sources it invokes, the
    agencies and outlets it names (text, credits, source list), and the share of body sentences attributed.
    ``SOURCES_COLUMNS``."""
    attributed = attribution(analysis.sentences, quotes)
    said = quotes[quotes.kind.isin(QUOTATION_KINDS) & ~quotes.speaker.isin(["unknown", "none"])]
    rows = []
    for article in analysis.articles:
        a = article.article_id
        mine = said[said.article_id == a]
        named = list(dict.fromkeys(f"{q.speaker} ({q.speaker_type})" for q in mine.itertuples()))
        unnamed = list(dict.fromkeys(attributed[(attributed.article_id == a) & (attributed.how == "unnamed source")].source))
        pieces = analysis.pieces[(analysis.pieces.article_id == a) & analysis.pieces.part.isin(["credit", "source"])]
        body = analysis.sentences[analysis.sentences.article_id == a].text.tolist()
        media = _named_media(body, pieces.text.tolist(), own=short_outlet(article.outlet))
        own = attributed[attributed.article_id == a]
        rows.append(((labels or {}).get(a, a), len(named), "; ".join(named), len(unnamed), "; ".join(unnamed),
                     ", ".join(media), len(own), int(own.attributed.sum()),
                     float(own.attributed.mean()) if len(own) else float("nan")))
    return pd.DataFrame(rows, columns=list(SOURCES_COLUMNS))


def _content_stems(text: str) -> set[str]:
    stops = stopwords()
    return {stem(t) for t in tokenize(text) if is_word(t) and t.lower() not in stops and len(t) > 2}


def headline_checks(sentences: pd.DataFrame, attributed: pd.DataFrame) -> pd.DataFrame:
    """Display sentences (headline, kicker, standfirst, key points) that state in their own voice what a body
    sentence of the same text attributes: they share ``min_shared_stems`` content stems. ``HEADLINE_COLUMNS``."""
    from .designations import find_mentions

    r = rules()
    how = dict(zip(attributed.sentence_id, attributed.how))
    body = sentences[sentences.part == "body"]
    # the names of the two leaders say nothing of a claim: they are masked before words are compared
    masked = dict(zip(sentences.sentence_id, sentences.text))
    for m in find_mentions(sentences).itertuples():
        text = masked[m.sentence_id]
        masked[m.sentence_id] = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    stems_of = {s.sentence_id: _content_stems(masked[s.sentence_id]) for s in body.itertuples()}
    rows = []
    for d in sentences[sentences.part.isin(_DISPLAY)].itertuples():
        if r["unnamed"].search(d.text) or r["speech"].search(d.text) or r["view"].search(d.text):
            continue                                  # the display itself attributes
        mine_body = body[body.article_id == d.article_id]
        # the text's topic words (the leaders, the countries) are in many of its sentences and say nothing of a
        # claim: only stems in at most max_sentence_share of its body sentences count
        counts: dict[str, int] = {}
        for sid in mine_body.sentence_id:
            for word in stems_of[sid]:
                counts[word] = counts.get(word, 0) + 1
        limit = max(2, int(r["max_share"] * len(mine_body)))
        mine = {w for w in _content_stems(masked[d.sentence_id]) if counts.get(w, 0) <= limit}
        for b in mine_body.itertuples():
            if how.get(b.sentence_id):
                shared = mine & stems_of[b.sentence_id]
                if len(shared) >= r["min_shared"]:
                    rows.append((d.article_id, d.sentence_id, d.part, b.sentence_id, how[b.sentence_id],
                                 ", ".join(sorted(shared))))
    return pd.DataFrame(rows, columns=list(HEADLINE_COLUMNS))


def _echoes(word: str, other: str) -> bool:
    """Two words echo: the same stem, or long compounds with the same head ("Autokratenshow", "Diktatorenshow")."""
    if stem(word) == stem(other):
        return True
    a, b = word.lower(), other.lower()
    if min(len(a), len(b)) < 8:
        return False
    common = 0
    while common < min(len(a), len(b)) and a[-1 - common] == b[-1 - common]:
        common += 1
    head = a[len(a) - common :]
    for ending in _ENDINGS:                       # "-ungen" shared by "Beziehungen" and "Lieferungen" is no head
        if head.endswith(ending):
            head = head[: -len(ending)]
            break
    return len(head) >= 4


def echoes(analysis) -> pd.DataFrame:
    """Body and display sentences that share at least two content words (one may be a compound's head) with the
    title of an article in the text's source list: ``ECHO_COLUMNS``."""
    stops = stopwords()
    rows = []
    sources = analysis.pieces[analysis.pieces.part == "source"]
    for src in sources.itertuples():
        title = src.text.split(":", 1)[-1]
        words = [t for t in tokenize(title) if is_word(t) and t.lower() not in stops and len(t) > 3]
        if len(words) < 2:
            continue
        kept = analysis.sentences[(analysis.sentences.article_id == src.article_id)
                                  & (analysis.sentences.part != "caption")]
        for s in kept.itertuples():
            mine = [t for t in tokenize(s.text) if is_word(t) and t.lower() not in stops and len(t) > 3]
            pairs = [(w, next(m for m in mine if _echoes(w, m))) for w in words if any(_echoes(w, m) for m in mine)]
            if len(pairs) >= 2 and any(stem(w) == stem(m) for w, m in pairs):
                shared = " and ".join(quoted(m) if stem(w) == stem(m) else f"{quoted(m)} (the listed title: {quoted(w)})"
                                      for w, m in pairs)
                rows.append((src.article_id, s.sentence_id, src.text.strip(), shared))
    return pd.DataFrame(rows, columns=list(ECHO_COLUMNS))
