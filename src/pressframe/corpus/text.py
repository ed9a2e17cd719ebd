"""German sentences, tokens, stems and stopwords, offline.

Sentences come from nltk's Punkt with parameters we set ourselves (``data/punkt.yml``): German
abbreviations, ordinals before month names ("am 19. Juni") and other counted nouns, a year that ends
a sentence ("… im September 2023. Damals …") still ending it, and German quotation marks
(„…“, «…», ‹…›, "…") kept with the sentence they close. Tokens come from a regular-expression
tokenizer, stems from Snowball's German stemmer, stopwords from the ``stop-words`` package (nltk's
own list needs a download, which the build must not do).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import yaml
from nltk import redos
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer
from stop_words import get_stop_words

from ..base.paths import DATA_DIR
from .clean import KEPT_PARTS

SENTENCE_COLUMNS = ("article_id", "sentence_id", "line_no", "char_start", "char_end", "part", "text")
TOKEN_COLUMNS = ("article_id", "sentence_id", "token_no", "token", "stem", "is_word", "is_stop")

_QUOTES = "\u201e\u201c\u201d\u201a\u2018\u2019\u00ab\u00bb\u2039\u203a\"'"
_YEAR_WITH_PERIOD = re.compile(r"\d{3,4}\.")
_CLOSING_THEN_COMMA = re.compile(r"[" + re.escape(_QUOTES) + r")\]]+,")


class GermanLanguageVars(PunktLanguageVars):
    """Punkt's language variables with German quotation marks as closing punctuation."""

    re_boundary_realignment = re.compile(r"[" + re.escape(_QUOTES) + r")\]}]+?(?:\s+|(?=--)|$)", re.MULTILINE)

    @property
    def _re_non_word_chars(self):
        return r"(?:[)\";}\]\*:@\'\({\[" + re.escape(_QUOTES) + r"?!])"


class GermanPunkt(PunktSentenceTokenizer):
    """Punkt that never reads a year ("2023.") as an ordinal, even before a month name, and never ends a
    sentence where closing quotes are followed by a comma („Wer kommt?“, fragte er.)."""

    def _match_potential_end_contexts(self, text):
        for match, context in super()._match_potential_end_contexts(text):
            if not _CLOSING_THEN_COMMA.match(text, match.end()):
                yield match, context

    def _second_pass_annotation(self, aug_tok1, aug_tok2):
        if _YEAR_WITH_PERIOD.fullmatch(aug_tok1.tok):
            return None
        return super()._second_pass_annotation(aug_tok1, aug_tok2)


@lru_cache(maxsize=1)
def sentence_tokenizer() -> GermanPunkt:
    """The German Punkt tokenizer, built once from ``data/punkt.yml``."""
    config = yaml.safe_load((DATA_DIR / "punkt.yml").read_text(encoding="utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(config["abbreviations"])
    followers = config["ordinal_followers"]["months"] + config["ordinal_followers"]["nouns"]
    # an abbreviated follower ("Sept.") keeps its period in the type Punkt compares
    params.collocations = {("##number##", form) for word in followers for form in (word, word.rstrip(".") + ".")}
    params.sent_starters = set(config["sentence_starters"])
    return GermanPunkt(params, lang_vars=GermanLanguageVars())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order, without surrounding white space."""
    spans = []
    for start, end in sentence_tokenizer().span_tokenize(text):
        start += len(text[start:end]) - len(text[start:end].lstrip())   # Punkt keeps the text's leading blanks
        spans.append((start, end))
    return spans


_TOKEN_PATTERN = r"""
      (?:[A-Za-zÄÖÜäöü]\.){2,}                  # abbreviations with inner periods: z.B., U.S.
    | \d+(?:[.,:]\d+)*                          # numbers: 9000, 30.000, 13.9.2023, 12:45
    | \w+(?:[-‑'’‘&]\w+)*(?:-(?=\s+(?:und|oder|bis)\b))?   # words, hyphenated compounds, "Rüstungs-" before "und"
    | [^\w\s]                                   # any other single character: punctuation, quotes
"""


@lru_cache(maxsize=1)
def _word_tokenizer() -> RegexpTokenizer:
    return RegexpTokenizer(_TOKEN_PATTERN, flags=re.VERBOSE | re.UNICODE)


@lru_cache(maxsize=1)
def _token_pattern():
    """The pattern ``_word_tokenizer`` matches with (nltk's regex engine, same flags), without the time limit
    nltk puts on every match against patterns it cannot trust: this one is ours and cannot backtrack
    without bound, and the limit doubled the time of tokenising."""
    return redos.compile(_TOKEN_PATTERN, re.VERBOSE | re.UNICODE, timeout=None)


def tokenize(text: str) -> list[str]:
    """Tokens of one sentence: words (hyphenated compounds whole), numbers and single punctuation marks.

    The same tokens as ``RegexpTokenizer(_TOKEN_PATTERN).tokenize(text)`` (a test holds the two together)."""
    return _token_pattern().findall(text)


@lru_cache(maxsize=1 << 16)
def is_word(token: str) -> bool:
    """True for tokens that contain a letter or digit (not punctuation)."""
    return any(ch.isalnum() for ch in token)


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("german")


@lru_cache(maxsize=1 << 18)
def stem(token: str) -> str:
    """Snowball German stem of a token, lower-cased (``"Waffenlieferungen"`` -> ``"waffenliefer"``).

    Kept per word form: a text repeats its words (Zipf), and Snowball costs far more than a look-up."""
    return _stemmer().stem(token.lower())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """German stopwords (lower case) from the ``stop-words`` package."""
    return frozenset(word.lower() for word in get_stop_words("german"))


def sentences_table(pieces: pd.DataFrame) -> pd.DataFrame:
    """Sentences of the kept pieces (parts in ``KEPT_PARTS``), with ids ``<article_id>-<n>`` counted from 1.

    ``char_start``/``char_end`` index the original line ``line_no``, so ``line[char_start:char_end] == text``.
    """
    by_article: dict[str, list[tuple]] = {}     # one pass over the columns: no sub-frame per article
    columns = (pieces[name].tolist() for name in ("article_id", "line_no", "char_start", "part", "text"))
    for article_id, line_no, char_start, part, text in zip(*columns):
        if part not in KEPT_PARTS:
            by_article.setdefault(article_id, [])
            continue
        rows = by_article.setdefault(article_id, [])
        for start, end in split_sentences(text):
            rows.append((article_id, f"{article_id}-{len(rows) + 1}", line_no, char_start + start, char_start + end,
                         part, text[start:end]))
    return pd.DataFrame([r for article_id in sorted(by_article) for r in by_article[article_id]],
                        columns=list(SENTENCE_COLUMNS))


def sentences_from_paragraphs(article_id: str, paragraphs: list[str], *, part: str = "body") -> pd.DataFrame:
    """A sentences table for plain paragraphs (one line each, all of one part): for tests and constructed cases."""
    rows, n = [], 0
    for line_no, paragraph in enumerate(paragraphs, start=1):
        for start, end in split_sentences(paragraph):
            n += 1
            rows.append((article_id, f"{article_id}-{n}", line_no, start, end, part, paragraph[start:end]))
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


def tokens_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per token of every sentence: the token, its stem, and whether it is a word and a stopword."""
    stops = stopwords()
    rows = []
    for article_id, sentence_id, text in zip(*(sentences[name].tolist() for name in ("article_id", "sentence_id", "text"))):
        for n, token in enumerate(tokenize(text), start=1):
            word = is_word(token)
            rows.append((article_id, sentence_id, n, token, stem(token) if word else token, word, token.lower() in stops))
    return pd.DataFrame(rows, columns=list(TOKEN_COLUMNS))
