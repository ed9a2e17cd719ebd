"""Split every line of a scraped text into its parts, with the reason for each decision.

A part is one of ``PARTS``. Most lines are one piece; a line that holds two things glued together
(a site's self-description run into the headline, interface labels run into one word, a caption
and its photo credit, a list marker and its item) is split into pieces whose texts, concatenated,
give the line back exactly. The rules are general (shapes, positions and the patterns in
``data/cleaning.yml``), never a list of particular lines.

Invariant (tested): the pieces of all lines, kept and removed, reproduce the text exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import yaml

from .corpus import Article
from .paths import DATA_DIR

PARTS = ("title", "standfirst", "key_point", "subheading", "body", "caption", "byline", "source", "boilerplate")
KEPT_PARTS = ("title", "standfirst", "key_point", "subheading", "body", "caption")
"""Parts that carry the article's content and go on to sentence splitting; the others are removed."""

PIECE_COLUMNS = ("article_id", "line_no", "piece", "char_start", "char_end", "text", "part", "reason")

_SENTENCE_END = re.compile(r"[.!?…:][\"'“”«»‹›’)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'“”«»‹›’)]*\s+(?=[\"'„“«»‹›(]?[A-ZÄÖÜ0-9])")
_NAME_LINE = re.compile(r"[A-ZÄÖÜ][a-zäöüéèàß]+(?:[- ][A-ZÄÖÜ][a-zäöüéèàß]+){1,2}")


@dataclass(frozen=True)
class Rules:
    boilerplate: tuple[tuple[re.Pattern, str], ...]
    interface_labels: tuple[str, ...]
    credit: tuple[tuple[re.Pattern, str], ...]
    source: tuple[tuple[re.Pattern, str], ...]
    list_marker: re.Pattern
    glued_sentence: re.Pattern
    shape: dict


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The cleaning rules from ``data/cleaning.yml``, compiled once."""
    raw = yaml.safe_load((DATA_DIR / "cleaning.yml").read_text(encoding="utf-8"))

    def table(name: str) -> tuple[tuple[re.Pattern, str], ...]:
        return tuple((re.compile(row["pattern"]), row["reason"]) for row in raw[name])

    return Rules(
        boilerplate=table("boilerplate"),
        interface_labels=tuple(raw["interface_labels"]),
        credit=table("credit"),
        source=table("source"),
        list_marker=re.compile(raw["list_marker"]),
        glued_sentence=re.compile(raw["glued_sentence"]),
        shape=dict(raw["shape"]),
    )


@dataclass
class _Piece:
    line_no: int
    start: int
    end: int
    text: str
    role: str = ""          # what splitting found: "", "blank", "marker", "item", "credit", "interface", "captioned"
    reason: str = ""        # the splitting reason, for pieces whose part splitting already decides
    part: str = ""


def _split_line(line_no: int, line: str, rules: Rules) -> list[_Piece]:
    """Cut one line into pieces (at most: marker, item or sentences, credit); offsets index the line."""
    if not line.strip():
        return [_Piece(line_no, 0, len(line), line, "blank", "blank line (layout)")]
    pieces: list[_Piece] = []
    start, role = 0, ""
    marker = rules.list_marker.match(line)
    if marker:
        pieces.append(_Piece(line_no, 0, marker.end(), marker.group(), "marker", "list marker (layout)"))
        start, role = marker.end(), "item"
    end, credit_reason = len(line), ""
    for pattern, reason in rules.credit:
        found = pattern.search(line, start)
        if found and found.start() > start:
            end, credit_reason = found.start(), reason
            break
    cuts = [start] + [m.start() for m in rules.glued_sentence.finditer(line, start, end)] + [end]
    labels = "|".join(map(re.escape, rules.interface_labels))
    for a, b in zip(cuts, cuts[1:]):
        text = line[a:b]
        if re.fullmatch(f"(?:{labels}){{2,}}", text):
            for found in re.finditer(labels, text):
                pieces.append(_Piece(line_no, a + found.start(), a + found.end(), found.group(), "interface",
                                     "interface labels run together into one word"))
        else:
            pieces.append(_Piece(line_no, a, b, text, "captioned" if credit_reason else role))
    if credit_reason:
        pieces.append(_Piece(line_no, end, len(line), line[end:], "credit", credit_reason))
    return pieces


def _is_prose(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip())) and len(text.split()) >= 4


def _sentence_count(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text.strip())) + 1


def _headline_shaped(text: str, max_words: int) -> bool:
    stripped = text.strip()
    return not stripped.endswith((".", "…", ":")) and 0 < len(stripped.split()) <= max_words


def _match(table, text: str) -> str:
    return next((reason for pattern, reason in table if pattern.search(text)), "")


def _author_names(pieces: list[_Piece]) -> dict[int, str]:
    """Name-shaped short lines that a later piece takes up as the subject of a sentence ("X ist …")."""
    found = {}
    for i, piece in enumerate(pieces):
        name = piece.text.strip()
        if piece.role or not _NAME_LINE.fullmatch(name):
            continue
        bio = re.compile(re.escape(name) + r" [a-zäöü]")
        if any(bio.match(later.text.strip()) for later in pieces[i + 1 :]):
            found[i] = name
    return found


def _classify(pieces: list[_Piece], rules: Rules) -> None:
    """Give every piece a part and a reason, in place; the order of the checks is the priority."""
    shape = rules.shape
    content = [i for i, p in enumerate(pieces) if p.role not in ("blank", "marker", "credit", "interface")]
    names = _author_names(pieces)
    box_start = min(names, default=len(pieces))
    prose = {i for i in content if i < box_start and pieces[i].role in ("", "item") and _is_prose(pieces[i].text)
             and not _match(rules.boilerplate, pieces[i].text)}
    following = {i: j for i, j in zip(content, content[1:])}
    title_text, stage, standfirst_done = None, "before_title", False
    last_prose = max(prose, default=-1)
    author, previous = None, None

    def next_is(i: int, test) -> bool:
        j = following.get(i)
        return j is not None and test(pieces[j])

    for i, piece in enumerate(pieces):
        text = piece.text.strip()
        part, reason = "", ""
        if piece.role in ("blank", "marker", "interface"):
            part, reason = "boilerplate", piece.reason
        elif piece.role == "credit":
            part, reason = "source", piece.reason
        elif rule := _match(rules.boilerplate, text):
            part, reason = "boilerplate", rule
        elif stage == "before_title":
            if _headline_shaped(text, shape["headline_max_words"]) and piece.role == "":
                part, reason, title_text, stage = "title", "first line shaped like a headline", text, "header"
            else:
                part, reason = "boilerplate", "before the headline and not shaped like one (site chrome)"
        elif text == title_text:
            part, reason = "boilerplate", "repeats the headline"
        elif i in names:
            part, reason, author = "byline", "author's name: a later sentence is about this person", names[i]
        elif author and previous is not None and previous.text.strip() == author and _headline_shaped(text, 6):
            part, reason = "byline", "line under the author's name (role)"
        elif author and text.startswith(author + " "):
            part, reason = "byline", "sentence about the author (author box)"
        elif rule := _match(rules.source, text):
            part, reason = "source", rule
        elif piece.role == "captioned":
            part, reason = "caption", "carries a photo credit"
        elif _headline_shaped(text, shape["subheading_max_words"]) and next_is(i, lambda p: p.role == "captioned"):
            part, reason = "caption", "image description right above a credited caption"
        elif piece.role == "item":
            if i > last_prose:
                part, reason = "source", "list after the last paragraph (sources, related links)"
            elif stage == "header" and _is_prose(text):
                part, reason = "key_point", "list item before the body"
            elif stage == "header":
                part, reason = "boilerplate", "short list item before the body (navigation breadcrumb)"
            else:
                part, reason = "body", "list item between paragraphs"
        elif i in prose:
            short = len(text) <= shape["standfirst_max_chars"] and _sentence_count(text) <= shape["standfirst_max_sentences"]
            if stage == "header" and not standfirst_done and short and i != last_prose:
                part, reason = "standfirst", "first paragraph after the headline, short"
            else:
                part, reason = "body", "paragraph of running text"
                stage = "body"
            standfirst_done = True
        elif i > last_prose:
            part, reason = "boilerplate", "after the last paragraph and not running text (site navigation)"
        elif _headline_shaped(text, shape["subheading_max_words"]) and next_is(i, lambda p: p.role == "" and _is_prose(p.text)):
            part, reason = ("subheading", "short line without a full stop, followed by a paragraph") if stage == "body" \
                else ("boilerplate", "short line between headline and first paragraph (site chrome)")
        else:
            part, reason = "boilerplate", "neither running text nor a heading of it (site chrome)"
        piece.part, piece.reason = part, reason
        if piece.role != "blank":
            previous = piece


def _piece_rows(article: Article) -> list[tuple]:
    """The rows of ``clean_article``, as tuples in ``PIECE_COLUMNS`` order."""
    rules = load_rules()
    pieces = [p for n, line in enumerate(article.lines, start=1) for p in _split_line(n, line, rules)]
    _classify(pieces, rules)
    rows, line_no, piece = [], None, 0
    for p in pieces:                     # a line's pieces are adjacent: number them within it
        piece = piece + 1 if p.line_no == line_no else 0
        line_no = p.line_no
        rows.append((article.article_id, p.line_no, piece, p.start, p.end, p.text, p.part, p.reason))
    return rows


def clean_article(article: Article) -> pd.DataFrame:
    """One row per piece of every line of ``article``: the columns of ``PIECE_COLUMNS``, in text order."""
    return pd.DataFrame(_piece_rows(article), columns=list(PIECE_COLUMNS))


def clean_corpus(articles: list[Article]) -> pd.DataFrame:
    """The pieces of every article, stacked in corpus order (see ``clean_article``).

    One table built once from all rows: a table per article, concatenated, costs more than the cleaning."""
    if not articles:
        return pd.DataFrame(columns=list(PIECE_COLUMNS))
    return pd.DataFrame([row for article in articles for row in _piece_rows(article)], columns=list(PIECE_COLUMNS))
