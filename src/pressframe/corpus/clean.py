"""Split every line of a scraped text into its parts, with the reason for each decision.

A part is one of ``PARTS``. Most lines are one piece; a line that holds two things glued together
(a kicker run into the headline, a dateline or agency credit opening a paragraph, a caption and
its photo credit, interface labels inside an author box, a list marker and its item) is split into
pieces whose texts, concatenated, give the line back exactly. The rules are general (shapes,
positions, the outlet named in the metadata and the patterns in ``data/cleaning.yml``), never a
list of particular lines.

Three principles hold whatever a page looks like:

- running text (a line of several sentences, a sentence that ends in a full stop, or a long
  sentence with a finite verb) is never removed for where it stands; only a pattern that says what
  it is (a byline, the site describing itself) removes it, and the patterns of labels (credits,
  date stamps, sources) never remove a sentence with its verb ("Bilder der Agentur KCNA zeigen …");
- among paragraphs, a short sentence or a question is running text too ("Ein Irrtum.", "Wer hätte
  das gedacht?"), unless it addresses the reader ("Was meinen Sie?") or names itself as chrome;
- the headline is looked for among the lines before the first paragraph of running text; a text
  whose stored copy starts below its headline has none, and no later line is promoted;
- datelines, "Stand:" stamps, bylines, agency and photo credits get parts of their own, so that a
  dateline's date stays available as evidence for the publication date.

Invariant (tested): the pieces of all lines, kept and removed, reproduce the text exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from .load import Article

PARTS = ("title", "kicker", "standfirst", "key_point", "subheading", "body", "caption",
         "dateline", "byline", "credit", "source", "boilerplate")
KEPT_PARTS = ("title", "kicker", "standfirst", "key_point", "subheading", "body", "caption")
"""Parts that carry the article's content and go on to sentence splitting; the others are removed."""
RUNNING_PARTS = ("standfirst", "body")
"""Parts that hold running text: cleaning never removes a piece it reads as running text."""

PIECE_COLUMNS = ("article_id", "line_no", "piece", "char_start", "char_end", "text", "part", "reason")

_SENTENCE_END = re.compile(r"[.!?…:][\"'“”«»‹›’)\]]*$")
_FULL_STOP = re.compile(r"[.!…][\"'“”«»‹›’)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'“”«»‹›’)]*\s+(?=[\"'„“«»‹›(]?[A-ZÄÖÜ0-9])")
_NAME_LINE = re.compile(r"[A-ZÄÖÜ][a-zäöüéèàß]+(?:[- ][A-ZÄÖÜ][a-zäöüéèàß]+){1,2}")
_WORD = re.compile(r"[\wÄÖÜäöüß]+(?:[-'’][\wÄÖÜäöüß]+)*")
_BYLINE_START = re.compile(r"(?:Von|Text:|Autor(?:in)?:)\s")
_READER = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:Sie|Ihnen|Ihre?[mnrs]?)\b|\b(?:du|dich|dir|euch)\b")
"""Words that address the reader (a formal "Sie" not opening a sentence, an informal "du"): chrome's prompts."""
_SPEAKER_LABEL = re.compile(r"[A-ZÄÖÜ][\wäöüß.-]*(?: [A-ZÄÖÜ][\wäöüß.-]*){0,2}:\s")


class _Table(tuple):
    """Patterns with their reasons, in order, and all of them joined: most pieces match none of a table, and
    one search of the joined pattern says so."""

    def __new__(cls, rows):
        rows = tuple(rows)
        table = super().__new__(cls, rows)
        try:
            table.any = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, *_ in rows)) if rows else None
        except re.error:          # patterns that share group names cannot be joined: try them one by one
            table.any = None
        return table


@dataclass(frozen=True)
class Rules:
    boilerplate: tuple[tuple[re.Pattern, str], ...]
    inline_chrome: tuple[tuple[re.Pattern, str, str], ...]   # pattern, reason, reason for the rest of its line
    interface_labels: re.Pattern          # one label
    interface_run: re.Pattern             # a piece made of two or more labels
    credit: tuple[tuple[re.Pattern, str], ...]
    credit_lines: tuple[tuple[re.Pattern, str], ...]
    photo_credits: frozenset[str]        # the reasons of the credit lines that credit an image
    dateline_openers: tuple[tuple[re.Pattern, str], ...]
    dateline_closers: tuple[tuple[re.Pattern, str], ...]
    dateline_lines: tuple[tuple[re.Pattern, str], ...]
    bylines: tuple[tuple[re.Pattern, str], ...]
    self_description: tuple[tuple[re.Pattern, str], ...]
    source: tuple[tuple[re.Pattern, str], ...]
    caption_markers: tuple[tuple[re.Pattern, str], ...]
    list_marker: re.Pattern
    meta_separator: re.Pattern
    glued_sentence: re.Pattern
    glued_kicker: re.Pattern
    label_kicker: re.Pattern
    kicker_before: re.Pattern
    subject_verb: re.Pattern
    finite_verbs: frozenset[str]
    question_words: tuple[str, ...]
    cut_words: frozenset[str]
    shape: dict


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The cleaning rules from ``data/cleaning.yml``, compiled once."""
    raw = yaml.safe_load((DATA_DIR / "cleaning.yml").read_text(encoding="utf-8"))
    places = "|".join(map(re.escape, sorted(raw["dateline_places"], key=len, reverse=True)))
    agencies = "|".join(map(re.escape, sorted(raw["agencies"], key=len, reverse=True)))

    def expand(pattern: str) -> str:
        return pattern.replace("{places}", places).replace("{agencies}", agencies)

    def table(name: str) -> _Table:
        return _Table((re.compile(expand(row["pattern"])), row["reason"]) for row in raw[name])

    labels = "|".join(map(re.escape, raw["interface_labels"]))
    finite = frozenset(raw["kicker"]["finite_verbs"])
    verbs = "|".join(map(re.escape, sorted(finite, key=len, reverse=True)))
    finite |= frozenset(raw["sentence_verbs"])
    starters = "|".join(map(re.escape, raw["kicker"]["headline_starters"]))
    return Rules(
        boilerplate=table("boilerplate"),
        inline_chrome=tuple((re.compile(row["pattern"]), row["reason"], row["rest"]) for row in raw["inline_chrome"]),
        interface_labels=re.compile(labels),
        interface_run=re.compile(f"(?:{labels}){{2,}}"),
        credit=table("credit"),
        credit_lines=table("credit_lines"),
        photo_credits=frozenset(row["reason"] for row in raw["credit_lines"] if row.get("photo")),
        dateline_openers=table("dateline_openers"),
        dateline_closers=table("dateline_closers"),
        dateline_lines=table("dateline_lines"),
        bylines=table("bylines"),
        self_description=table("self_description"),
        source=table("source"),
        caption_markers=table("caption_markers"),
        list_marker=re.compile(raw["list_marker"]),
        meta_separator=re.compile(raw["meta_separator"]),
        glued_sentence=re.compile(raw["glued_sentence"]),
        glued_kicker=re.compile(raw["kicker"]["glued"]),
        label_kicker=re.compile(r"(?:" + "|".join(map(re.escape, raw["kicker"]["labels"])) + r")(?:(?:\s*:)?\s+(?=[A-ZÄÖÜ„«\"])"
                                r"|(?=[A-ZÄÖÜ][a-zäöüß]))"),      # "Kommentar: …", "Liveticker Putin …", "KommentarKims …"
        kicker_before=re.compile(r"(?<=[\w\"“”»«)]) (?=(?:" + starters + r")\s)"),
        subject_verb=re.compile(r"(?<=[\w\"“”»«)]) (?=[A-ZÄÖÜ][\wäöüß-]+ (?:" + verbs + r")(?:\s|$))"),
        finite_verbs=finite,
        question_words=tuple(raw["kicker"]["question_words"]),
        cut_words=frozenset(raw["cut_words"]),
        shape=dict(raw["shape"]),
    )


@dataclass
class _Piece:
    line_no: int
    start: int
    end: int
    text: str
    role: str = ""          # what splitting found: "", "blank", "marker", "item", "credit", "interface",
                            # "captioned", "dateline", "chrome", "boxed"
    reason: str = ""        # the splitting reason, for pieces whose part splitting already decides
    part: str = ""


def _cut(line_no: int, line: str, a: int, b: int, role: str, reason: str = "") -> _Piece:
    return _Piece(line_no, a, b, line[a:b], role, reason)


def _split_line(line_no: int, line: str, rules: Rules) -> list[_Piece]:
    """Cut one line into pieces: a list marker, a dateline and agency credit that open it, chrome in its
    middle, the sentences of what is left, a trailing date stamp or photo credit; offsets index the line."""
    if not line.strip():
        return [_Piece(line_no, 0, len(line), line, "blank", "blank line (layout)")]
    if (meta := _meta_items(line_no, line, rules)) is not None:
        return meta
    head: list[_Piece] = []
    start, role = 0, ""
    marker = rules.list_marker.match(line)
    if marker:
        head.append(_cut(line_no, line, 0, marker.end(), "marker", "list marker (layout)"))
        start, role = marker.end(), "item"
    for pattern, reason in rules.dateline_openers:
        found = pattern.match(line, start)
        if found and len(line) - found.end() > 20:
            head.append(_cut(line_no, line, start, found.end("dateline"), "dateline", reason))
            if found.group("credit"):
                head.append(_cut(line_no, line, found.end("dateline"), found.end("credit"), "credit",
                                 "agency credit opening the paragraph"))
            start = found.end()
            break
    tail: list[_Piece] = []
    end = len(line)
    rest = line[start:].strip()
    whole_dateline = (len(rest) <= rules.shape["chrome_max_chars"] and _match(rules.dateline_lines, rest)
                      and not _BYLINE_START.match(rest))     # "Von X, 20.06.2024, 06:00 Uhr": a byline, then its stamp
    closers = rules.dateline_closers if not whole_dateline else ()
    window = max(start, len(line) - rules.shape["stamp_max_chars"])     # a stamp closes the line: look at its end only
    for pattern, reason in closers:
        found = pattern.search(line, window)
        if found and found.start() > start:
            tail.append(_cut(line_no, line, found.start(), end, "dateline", reason))
            end = found.start()
            break
    for pattern, reason in rules.credit:
        found = pattern.search(line, start, end)
        if found and found.start() > start:
            tail.insert(0, _cut(line_no, line, found.start(), end, "credit", reason))
            end, role = found.start(), "captioned"
            break
    middle: list[tuple[int, int, str, str]] = [(start, end, role, "")]
    for pattern, reason, rest in rules.inline_chrome:
        found = pattern.search(line, start, end)
        if found:
            middle = [(start, found.start(), "boxed", rest), (found.start(), found.end(), "chrome", reason),
                      (found.end(), end, "boxed", rest)]
            break
    pieces = head
    for a, b, piece_role, reason in middle:
        if not line[a:b].strip() and piece_role == "boxed":
            if a < b:
                pieces.append(_cut(line_no, line, a, b, "blank", "space between pieces (layout)"))
            continue
        if piece_role == "chrome":
            pieces.append(_cut(line_no, line, a, b, "chrome", reason))
            continue
        cuts = [a] + [m.start() for m in rules.glued_sentence.finditer(line, a, b)] + [b]
        for x, y in zip(cuts, cuts[1:]):
            text = line[x:y]
            if rules.interface_run.fullmatch(text):
                for found in rules.interface_labels.finditer(text):
                    pieces.append(_cut(line_no, line, x + found.start(), x + found.end(), "interface",
                                       "interface labels run together into one word"))
            else:
                pieces.append(_cut(line_no, line, x, y, piece_role, reason))
    return pieces + tail


def _meta_items(line_no: int, line: str, rules: Rules) -> list[_Piece] | None:
    """A short line of page data whose items a separator divides ("05.11.2024 · Lesedauer: 4 Minuten", "Von X |
    12:40 Uhr"): one piece per item, the separators as layout, where at least one item is a date stamp, credit,
    byline or chrome by the patterns; else None (a headline with a pipe stays whole)."""
    tables = (rules.dateline_lines, rules.credit_lines, rules.bylines, rules.boilerplate)
    if len(line) > rules.shape["chrome_max_chars"] or not rules.meta_separator.search(line):
        return None
    cuts = [0, *(x for m in rules.meta_separator.finditer(line) for x in m.span()), len(line)]
    spans = list(zip(cuts, cuts[1:]))
    items = [(a, b) for k, (a, b) in enumerate(spans) if k % 2 == 0]
    kinds = {k for a, b in items for k, table in enumerate(tables) if _match(table, line[a:b].strip())}
    whole = any(_match(table, line.strip()) for table in tables)
    if not kinds or whole and len(kinds) < 2:      # "X / AFP / picturedesk.com" is one credit
        return None
    return [_cut(line_no, line, a, b, "" if k % 2 == 0 else "marker", "" if k % 2 == 0 else _SEPARATOR)
            for k, (a, b) in enumerate(spans) if a < b]


_SEPARATOR = "separator between items of a line of page data (layout)"


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The words of a piece (cached: the shape tests of one piece ask for them several times)."""
    return tuple(_WORD.findall(text))


def _sentence_count(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text.strip())) + 1


def _has_finite_verb(text: str, rules: Rules) -> bool:
    """A finite verb as written: "treffen" is a verb, "Treffen" a noun."""
    return any(word in rules.finite_verbs for word in _words(text))


def is_running_text(text: str, rules: Rules | None = None) -> bool:
    """Running text: several sentences, a sentence of four or more words ending in a full stop (or "!",
    "…"), a sentence the stored copy cuts off after an article, preposition or conjunction, or a long
    sentence with a finite verb even where the stored text cuts it off."""
    rules = rules or load_rules()
    stripped, words = text.strip(), _words(text)
    if len(words) < 2:
        return False
    if _sentence_count(stripped) >= 2 and len(words) >= 6:
        return True
    if _FULL_STOP.search(stripped) and len(words) >= 4:
        return True
    if _cut_off(stripped, rules):
        return True       # cut off after an article, preposition or conjunction: a sentence the copy breaks off
    return (len(words) >= rules.shape["running_min_words"] and not stripped.endswith(("?", ":"))
            and _has_finite_verb(stripped, rules))


def _cut_off(text: str, rules: Rules) -> bool:
    """A sentence the stored copy breaks off after an article, preposition or conjunction."""
    stripped, words = text.strip(), _words(text)
    return len(words) >= rules.shape["cut_min_words"] and words[-1] in rules.cut_words and stripped[-1:].isalpha()


def _headline_shaped(text: str, max_words: int) -> bool:
    stripped = text.strip()
    return not stripped.endswith((".", "…", ":")) and 0 < len(stripped.split()) <= max_words


def _match(table: _Table, text: str) -> str:
    """The reason of the first pattern of ``table`` that matches ``text``, or ""."""
    if table.any is not None and not table.any.search(text):
        return ""
    return next((reason for pattern, reason in table if pattern.search(text)), "")


def _author_names(pieces: list[_Piece], rules: Rules) -> dict[int, tuple[str, set[int]]]:
    """An author box: a name-shaped short line that one of the next few pieces takes up as the subject of
    a sentence ("X ist …"), where the name is nobody the rest of the text writes about. Gives the name
    line's index, the name and the indices of the box (the pieces right after it, up to the last such
    sentence). A caption "Kim Jong Un" above "Kim Jong Un reiste …" is no author box: the story names him."""
    found = {}
    blank = [p.role == "blank" for p in pieces]
    for i, piece in enumerate(pieces):
        name = piece.text.strip()
        if piece.role or not _NAME_LINE.fullmatch(name):
            continue
        bio = re.compile(re.escape(name) + r" [a-zäöü]")
        window = [j for j in range(i + 1, len(pieces)) if not blank[j]][: rules.shape["author_box_pieces"]]
        about = [j for j in window if bio.match(pieces[j].text.strip())]
        if not about:
            continue
        box = {j for j in window if j <= about[-1]}
        named_elsewhere = any(name in pieces[j].text for j in range(len(pieces))
                              if j != i and j not in box and not blank[j] and is_running_text(pieces[j].text, rules)
                              and not _match(rules.boilerplate, pieces[j].text) and not _READER.search(pieces[j].text))
        if not named_elsewhere:
            found[i] = (name, box)
    return found


def _outlet_words(outlet: str) -> re.Pattern | None:
    """The outlet's own name as the metadata gives it ("Heute (heute.at)" -> "Heute"), as a whole word."""
    name = outlet.split(" (")[0].strip()
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", re.IGNORECASE) if name else None


def _split_kicker(piece: _Piece, rules: Rules) -> tuple[_Piece, _Piece] | None:
    """A kicker printed on the headline's line, as two pieces: glued ("…FreundePutin fleht …"), or
    before a capitalised article ("Treffen von Putin und Kim Die Allianz …"), or before a one-word
    subject and its finite verb ("Russlands Pakt mit Nordkorea Putin wird vorgeführt")."""
    text = piece.text
    label = rules.label_kicker.match(text, len(text) - len(text.lstrip()))
    if label is not None and len(_words(text[label.end():])) >= 2:        # "Kommentar: Die Allianz …"
        at = piece.start + label.end()
        return (replace(piece, end=at, text=text[: label.end()], role="", part="kicker",
                        reason="a label of the article's kind printed on the headline's line (kicker)"),
                replace(piece, start=at, text=text[label.end() :], role="", part="title",
                        reason="headline, after the kicker printed on its line"))
    for pattern in (rules.glued_kicker, rules.kicker_before, rules.subject_verb):
        glued = pattern is rules.glued_kicker
        for found in pattern.finditer(text):
            cut = found.start() if glued else found.end()
            kicker, title = text[:cut], text[cut:]
            if len(_words(kicker)) < 2 or len(_words(title)) < 2 or _SENTENCE_END.search(kicker.strip()):
                continue
            if pattern is rules.subject_verb and (not any(w[:1].islower() for w in _words(kicker))
                                                  or len(_words(title)) < 3 or kicker.startswith(rules.question_words)
                                                  or not _words(kicker)[-1][:1].isupper()):
                continue      # a kicker is a noun phrase: it ends on a noun or name, never on "mit"
            if not glued and _has_finite_verb(kicker, rules):     # glue is evidence enough
                continue
            at = piece.start + cut
            return (replace(piece, end=at, text=kicker, role="", part="kicker",
                            reason="kicker printed on the headline's line"),
                    replace(piece, start=at, text=title, role="", part="title",
                            reason="headline, after the kicker printed on its line"))
    return None


def _classify(pieces: list[_Piece], rules: Rules, outlet: str) -> list[_Piece]:
    """Give every piece a part and a reason; returns the pieces (a kicker on the headline's line adds one)."""
    shape = rules.shape
    own_name = _outlet_words(outlet)
    texts = [p.text.strip() for p in pieces]
    open_ = [p.role in ("", "item", "captioned", "boxed") for p in pieces]
    running = [open_[i] and is_running_text(texts[i], rules) for i in range(len(pieces))]
    # a sentence with its verb: the patterns of labels (chrome, credits, date stamps, sources) never remove it
    prose = [running[i] and _has_finite_verb(texts[i], rules) for i in range(len(pieces))]
    names = _author_names(pieces, rules)
    in_box = {j: name for name, box in names.values() for j in box}
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        if open_[i] and len(text.split()) >= 4:
            seen[text] = seen.get(text, 0) + 1

    # a sentence too short to be running text by shape ("Ein Irrtum.", "Wer hätte das gedacht?"), or a clause
    # with its verb: read as running text where it stands among paragraphs, unless it addresses the reader
    sentence = [open_[i] and not running[i] and not _READER.search(texts[i]) and len(_words(texts[i])) >= 2
                and (_SENTENCE_END.search(texts[i]) and not texts[i].endswith(":")
                     or len(_words(texts[i])) >= shape["caption_min_words"] and _has_finite_verb(texts[i], rules)
                     and ": " not in texts[i])
                for i in range(len(pieces))]

    first_content = next((i for i in range(len(pieces)) if open_[i] and texts[i]), len(pieces))

    def decide(i: int, part: str, reason: str) -> None:
        pieces[i].part, pieces[i].reason = part, reason

    # 1. what the piece itself says it is
    for i, piece in enumerate(pieces):
        text = texts[i]
        if piece.role in ("blank", "marker", "interface", "chrome"):
            decide(i, "boilerplate", piece.reason)
        elif piece.role == "credit":
            decide(i, "credit", piece.reason)
        elif piece.role == "dateline":
            decide(i, "dateline", piece.reason)
        elif piece.role == "boxed":
            decide(i, "byline", piece.reason)
        elif len(text) <= shape["chrome_max_chars"] and (rule := _match(rules.boilerplate, text)):
            decide(i, "boilerplate", rule)
        elif (short := len(text) <= shape["chrome_max_chars"] and not prose[i]) \
                and (rule := _match(rules.dateline_lines, text)):
            decide(i, "dateline", rule)
        elif short and (rule := _match(rules.credit_lines, text)):
            decide(i, "credit", rule)
        elif short and (rule := _match(rules.bylines, text)):
            decide(i, "byline", rule)
        elif i in names:
            decide(i, "byline", "author's name: a sentence right after it is about this person")
        elif i in in_box and text.startswith(in_box[i] + " "):
            decide(i, "byline", "sentence about the author (author box)")
        elif i in in_box and _headline_shaped(text, 6):
            decide(i, "byline", "line under the author's name (role)")
        elif (own_name and own_name.search(text) and not running[i] and len(text.split()) <= 4
              and not _match(rules.source, text) and i > first_content):   # at the very top: the site's name
            decide(i, "byline", "short line naming the outlet itself (desk or author line)")
        elif short and (rule := _match(rules.source, text)):
            decide(i, "source", rule)

    # 2. at the top, above everything headline-shaped: the site describing itself ("… für Sie", its own name)
    top = [i for i in range(len(pieces)) if open_[i] and texts[i]][: shape["top_pieces"]]
    for i in top:
        piece = pieces[i]
        if own_name and own_name.fullmatch(texts[i]) and not piece.part:
            decide(i, "boilerplate", "the outlet's name at the top of the page (the site's header)")
            continue
        if _headline_shaped(texts[i], shape["headline_max_words"]) and not running[i]:
            break
        if piece.part:
            continue
        if rule := _match(rules.self_description, texts[i]):
            decide(i, "boilerplate", rule)
        elif own_name and own_name.search(texts[i]) and len(texts[i].split()) <= shape["kicker_max_words"] * 2:
            decide(i, "boilerplate", "names the outlet itself above the headline (the site's self-description)")

    undecided = [i for i, p in enumerate(pieces) if not p.part]
    # a line that is running text only as a long clause with its verb and no final stop may be a headline
    # ("Putin in Pjöngjang: Kim empfängt den Kremlchef mit Pomp"): it does not end the header
    verb_only = [running[i] and _headline_shaped(texts[i], shape["headline_max_words"]) and not _cut_off(texts[i], rules)
                 and _sentence_count(texts[i]) == 1 for i in range(len(pieces))]
    first_running = next((i for i in undecided if running[i] and not verb_only[i]), len(pieces))
    last_running = max((i for i in undecided if running[i]), default=-1)

    # 3. the header: headline and kicker, before the first running text
    header = [i for i in undecided if i < first_running]
    candidates = [i for i in header if _headline_shaped(texts[i], shape["headline_max_words"]) and pieces[i].role == ""]

    def right_above(a: int, b: int) -> bool:       # nothing but blank lines or decided pieces between them
        return all(j not in undecided or pieces[j].role == "blank" for j in range(a + 1, b))

    def kicker_of(j: int, headline: int) -> bool:   # a short headline-shaped line right above the headline
        return j < headline and j in candidates and len(texts[j].split()) <= shape["kicker_max_words"] \
            and right_above(j, headline)

    title = next((i for i in candidates if len(texts[i].split()) >= shape["headline_min_words"]),
                 candidates[0] if candidates else None)
    if title is not None and len(texts[title].split()) <= shape["kicker_max_words"]:
        stacked = next((j for j in candidates if j > title), None)     # a short line right above a longer one:
        if stacked is not None and len(texts[stacked].split()) > len(texts[title].split()) \
                and not _has_finite_verb(texts[title], rules) and right_above(title, stacked):
            title = stacked                                            # kicker and headline
    split_title = None
    for i in header:
        if i == title:
            split_title = None if any(kicker_of(j, i) for j in header) else _split_kicker(pieces[i], rules)
            decide(i, "title", "first line shaped like a headline, before the first paragraph")
        elif title is not None and kicker_of(i, title):
            decide(i, "kicker", "short line right above the headline")

    # 4. the rest, in order
    standfirst_done, body_started = title is None, False
    interview = any(running[i] and _SPEAKER_LABEL.match(texts[i]) for i in undecided)
    following = {i: j for i, j in zip(undecided, undecided[1:])}
    title_text = texts[title] if title is not None else None

    def next_is(i: int, test) -> bool:
        j = following.get(i)
        return j is not None and test(j)

    def heading(i: int) -> bool:     # a heading begins with a word or a quotation, not with markup (":::{danger}")
        return (_headline_shaped(texts[i], shape["subheading_max_words"]) and next_is(i, lambda j: running[j])
                and (texts[i][:1].isalnum() or texts[i][:1] in "„«»\"'‹"))

    # questions heading the paragraphs after them, twice or more: the sections of an explainer; a lone
    # question among paragraphs is the author's (rhetorical) and running text
    explainer = sum(1 for i in undecided if i > first_running and texts[i].endswith("?") and heading(i)) >= 2

    for i in undecided:
        piece, text = pieces[i], texts[i]
        if piece.part:
            continue
        if text == title_text:
            decide(i, "boilerplate", "repeats the headline")
        elif piece.role == "captioned":
            decide(i, "caption", "carries a photo credit")
        elif seen.get(text, 0) >= 2:
            decide(i, "caption", "printed twice, as an image's description and its caption")
        elif rule := _match(rules.caption_markers, text):
            decide(i, "caption", rule)
        elif next_is(i, lambda j: pieces[j].role == "captioned" or seen.get(texts[j], 0) >= 2) \
                and _headline_shaped(text, shape["subheading_max_words"]):
            decide(i, "caption", "image description right above a credited caption")
        elif _next_line_is_credit(pieces, i) and len(text) <= shape["caption_max_chars"] and _sentence_count(text) == 1:
            decide(i, "caption", "right above a photo credit")
        elif piece.role == "item":
            if i > last_running:
                decide(i, "source", "list after the last paragraph (sources, related links)")
            elif not body_started and running[i]:
                decide(i, "key_point", "list item before the body")
            elif not body_started:
                decide(i, "boilerplate", "short list item before the body (navigation breadcrumb)")
            else:
                decide(i, "body", "list item between paragraphs")
        elif running[i]:
            short = len(text) <= shape["standfirst_max_chars"] and _sentence_count(text) <= shape["standfirst_max_sentences"]
            if not standfirst_done and short and i != last_running:
                decide(i, "standfirst", "first paragraph after the headline, short")
            else:
                decide(i, "body", "paragraph of running text")
                body_started = True
            standfirst_done = True
        elif interview and text.endswith("?") and i > first_running:
            decide(i, "body", "an interview's question")
        elif text.endswith(":") and len(text.split()) >= 3 and (next_is(i, lambda j: running[j]) or _list_follows(pieces, i)):
            decide(i, "body", "introduces the paragraph after it (ends in a colon)")
        elif heading(i) and i > first_running and (not text.endswith("?") and (body_started or standfirst_done)
                                                   or explainer):
            decide(i, "subheading", "short line without a full stop, followed by a paragraph")
        elif sentence[i] and i < first_running and not standfirst_done:
            decide(i, "standfirst", "a question or short sentence right after the headline (teaser)")
            standfirst_done = True
        elif sentence[i] and i > first_running and (i < last_running or _SENTENCE_END.search(text)
                                                    or not text.startswith(rules.question_words)):
            decide(i, "body", "a short sentence or question among the paragraphs (running text)")
            body_started = True
        elif (title is not None and title < i < first_running and not standfirst_done and not _has_finite_verb(text, rules)
              and _headline_shaped(text, shape["subheading_max_words"]) and len(_words(text)) >= shape["caption_min_words"]):
            decide(i, "caption", "a describing line between headline and first paragraph (an image's caption)")
        elif i > last_running:
            decide(i, "boilerplate", "after the last paragraph and not running text (site navigation)")
        elif i < first_running or not body_started:
            decide(i, "boilerplate", "short line between headline and first paragraph (site chrome)")
        else:
            decide(i, "boilerplate", "neither running text nor a heading of it (site chrome)")
    for i, piece in enumerate(pieces):     # a separator between two items of one part belongs to that part
        if piece.reason == _SEPARATOR and 0 < i < len(pieces) - 1 and pieces[i - 1].part == pieces[i + 1].part \
                and pieces[i - 1].line_no == piece.line_no == pieces[i + 1].line_no:
            piece.part = pieces[i - 1].part
    if split_title is not None:
        at = pieces.index(pieces[title])
        pieces[at : at + 1] = list(split_title)
    return pieces


def _list_follows(pieces: list[_Piece], i: int) -> bool:
    """Whether the next non-blank piece after ``i`` opens a list item (a colon that introduces a list)."""
    return next((p.role in ("marker", "item") for p in pieces[i + 1 :] if p.role != "blank"), False)


def _next_line_is_credit(pieces: list[_Piece], i: int) -> bool:
    """Whether the next non-blank piece after ``i`` is a credit standing on a line of its own."""
    for piece in pieces[i + 1 :]:
        if piece.role == "blank":
            continue
        return (piece.part == "credit" and piece.role != "credit" and piece.line_no != pieces[i].line_no
                and piece.reason in load_rules().photo_credits)    # not the text's agency credit
    return False


def _piece_rows(article: Article) -> list[tuple]:
    """The rows of ``clean_article``, as tuples in ``PIECE_COLUMNS`` order."""
    rules = load_rules()
    pieces = [p for n, line in enumerate(article.lines, start=1) for p in _split_line(n, line, rules)]
    pieces = _classify(pieces, rules, article.outlet)
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
