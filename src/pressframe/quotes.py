"""Direct quotations and scare quotes, with who is quoted, how, and by what cue.

A quoted span is any text between a pair of marks of ``data/quotes.yml`` („…“, «…», ‹…›, "…"),
found per paragraph so that a quotation may run over several sentences. Spans shorter than
``min_quote_words`` are scare quotes (a term, a name, an ironic word) and are listed apart.

The speaker is resolved in this order, each step looking only at text outside quotation marks:
1. a cue after the quotation in its last sentence, followed by a person ("…“, sagt Pardo";
   "…", so der Kreml-Chef");
2. a source cue in the sentence ("wenn man der Nachrichtenagentur KCNA glaubt", "laut …");
3. a cue or a colon before the quotation in its first sentence: the person right after the cue
   ("sagte Volker …: „…“"), else the first person named in the sentence ("Kim versprach …");
4. otherwise (quotations only) the speaker of the previous quotation in the paragraph, else the last person named
   before it in the paragraph ("…, erklärt Schmid. «…»"), else ``unknown``.
Persons are Putin and Kim (by any designation of the gazetteer), the known speakers of
``data/quotes.yml`` (KCNA), and anyone introduced by an expert role ("Militärexperte Ulrich
Schmid"), who is then recognised by surname ("so Pardo") and by the bare role ("der Experte").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import yaml

from .designations import find_in_text
from .paths import DATA_DIR
from .text import is_word, tokenize

QUOTE_COLUMNS = ("article_id", "sentence_id", "quote", "speaker", "speaker_type", "cue", "kind")
UNKNOWN = "unknown"   # a quotation whose speaker the rules cannot find
NOBODY = "none"       # a scare quote that no cue attributes to anyone


@dataclass(frozen=True)
class Rules:
    marks: tuple[tuple[str, str], ...]
    min_quote_words: int
    cues: tuple[str, ...]
    source_cues: tuple[re.Pattern, ...]
    role: re.Pattern
    known: tuple[tuple[str, str, tuple[re.Pattern, ...]], ...]
    actor_speakers: dict[str, tuple[str, str]]
    expert_type: str


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The quotation rules from ``data/quotes.yml``, compiled once."""
    raw = yaml.safe_load((DATA_DIR / "quotes.yml").read_text(encoding="utf-8"))
    roles = "|".join(sorted(raw["expert_roles"], key=len, reverse=True))
    name_word = r"[A-ZÄÖÜ][a-zäöüßéèáíó]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
    role = re.compile(
        r"(?<![\w-])(?P<role>[\wÄÖÜäöüß]*(?:[\w-]*-)?(?i:" + roles + r"))(?![\w-])"
        r"(?:\s+der\s+[A-ZÄÖÜ][\wÄÖÜäöüß]*)?"                 # "Nato-Botschafter der USA Kurt Volker"
        r"(?P<name>(?:\s+" + name_word + r"){1,4})?")
    known, actor_speakers = [], {}
    for speaker in raw["known_speakers"]:
        if "actor" in speaker:
            actor_speakers[speaker["actor"]] = (speaker["name"], speaker["type"])
        else:
            known.append((speaker["name"], speaker["type"], tuple(re.compile(p) for p in speaker["patterns"])))
    return Rules(
        marks=tuple((m["open"], m["close"]) for m in raw["marks"]),
        min_quote_words=int(raw["min_quote_words"]),
        cues=tuple(raw["speech_cues"]),
        source_cues=tuple(re.compile(p) for p in raw["source_cues"]),
        role=role, known=tuple(known), actor_speakers=actor_speakers, expert_type=raw["expert_type"],
    )


def find_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every quoted span in a paragraph, marks included, in order of the opening mark.

    Guillemets are read in the direction the paragraph uses first; "“…”" only where no „ occurs
    (in German „…“ the “ closes). An opening mark without its closing mark is not a quotation.
    """
    rules = load_rules()
    first_guillemet = next((ch for ch in text if ch in "«»"), None)
    spans = []
    for opening, closing in rules.marks:
        if opening in "«»" and opening != first_guillemet:
            continue
        if (opening, closing) == ("“", "”") and "„" in text:
            continue
        position = 0
        while (start := text.find(opening, position)) != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            position = end + 1
    return sorted(spans)


def _words(text: str) -> int:
    return sum(1 for token in tokenize(text) if is_word(token))


@dataclass
class _Person:
    name: str
    type: str
    patterns: list[re.Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    person: _Person


class _Reader:
    """Walks an article's paragraphs in order, remembering who has been introduced."""

    def __init__(self):
        self.rules = load_rules()
        self.people: dict[str, _Person] = {}
        self.last_expert: _Person | None = None

    def person(self, name: str, kind: str) -> _Person:
        if name not in self.people:
            surname = name.split()[-1]
            self.people[name] = _Person(name, kind, [re.compile(r"(?<![\w-])(?:" + re.escape(name) + "|"
                                                                  + re.escape(surname) + r")(?![\w-])")])
        return self.people[name]

    def mentions(self, masked: str) -> list[_Mention]:
        """Persons named in a paragraph whose quotations are masked, in text order."""
        found: list[_Mention] = []
        for start, end, entry in find_in_text(masked):
            if entry.actor in self.rules.actor_speakers:
                found.append(_Mention(start, end, self.person(*self.rules.actor_speakers[entry.actor])))
        for name, kind, patterns in self.rules.known:
            for pattern in patterns:
                found += [_Mention(m.start(), m.end(), self.person(name, kind)) for m in pattern.finditer(masked)]
        for match in self.rules.role.finditer(masked):
            name = (match.group("name") or "").strip()
            surnames = {p.name.split()[-1]: p for p in self.people.values()}
            if name and " " not in name and name in surnames:
                person = surnames[name]
            elif name:
                person = self.person(name, self.rules.expert_type)
            elif self.last_expert is not None:
                person = self.last_expert
            else:
                continue
            found.append(_Mention(match.start(), match.end(), person))
        for person in list(self.people.values()):
            for pattern in person.patterns:
                found += [_Mention(m.start(), m.end(), person) for m in pattern.finditer(masked)]
        return _without_overlaps(found)

    def note(self, mentions: list[_Mention]) -> None:
        for mention in mentions:
            if mention.person.type == self.rules.expert_type:
                self.last_expert = mention.person


def _without_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _cue_at(text: str, position: int, cues: tuple[str, ...]) -> re.Match | None:
    pattern = r"(?<![\w-])(" + "|".join(map(re.escape, cues)) + r")(?![\w-])"
    return re.compile(pattern, re.IGNORECASE).search(text, position)


def _attribute(paragraph: str, masked: str, span: tuple[int, int], sentence_bounds: list[tuple[int, int]],
               mentions: list[_Mention], previous: tuple[_Person | None, str], *, carry: bool) -> tuple[_Person | None, str]:
    rules = load_rules()
    start, end = span
    first = next(b for b in sentence_bounds if b[0] <= start < b[1])
    last = next((b for b in sentence_bounds if b[0] < end <= b[1]), first)
    # 1. a cue after the quotation, then a person within three words
    position = end
    while (cue := _cue_at(masked[: last[1]], position, rules.cues)) is not None:
        after = [m for m in mentions if cue.end() <= m.start <= cue.end() + 25 and m.start < last[1]]
        gap = masked[cue.end() : after[0].start] if after else ""
        if after and len(gap.split()) <= 3:
            return after[0].person, cue.group(1)
        position = cue.end()
    # 2. a source cue anywhere in the sentence(s) of the quotation
    for pattern in rules.source_cues:
        for found in pattern.finditer(masked, first[0], last[1]):
            inside = [m for m in mentions if found.start() <= m.start <= found.end() + 40 and m.start < last[1]]
            if inside:
                return inside[-1 if "glaubt" in found.group(0) else 0].person, found.group(0).split()[-1]
    # 3. a cue or a colon before the quotation in its first sentence
    before = masked[first[0] : start]
    cue = _cue_at(before, 0, rules.cues)
    named = [m for m in mentions if first[0] <= m.start < start]
    if (cue or before.rstrip().endswith(":")) and named:
        if cue is not None and not [m for m in named if m.start < first[0] + cue.start()]:
            # nobody named before the verb: the subject follows it ("…, sagte Volker: „…“")
            right_after = [m for m in named if 0 <= m.start - (first[0] + cue.end()) <= 2]
            if right_after:
                return right_after[0].person, cue.group(1)
        return named[0].person, cue.group(1) if cue else ":"
    # 4. carried over from the paragraph (quotations only: a scare quote without a cue is nobody's)
    if not carry:
        return None, "none"
    if previous[0] is not None:
        return previous[0], "none"
    earlier = [m for m in mentions if m.start < start]
    if earlier:
        return earlier[-1].person, "none"
    return None, "none"


def find_quotes(sentences: pd.DataFrame) -> pd.DataFrame:
    """Every quoted span of the kept sentences: columns ``QUOTE_COLUMNS`` (``kind`` is ``quote`` or ``scare``).

    ``sentence_id`` is the sentence in which the quotation opens.
    """
    rules = load_rules()
    rows = []
    for article_id, article in sentences.groupby("article_id", sort=True):
        reader = _Reader()
        for _, paragraph_sentences in article.groupby("line_no", sort=True):
            width = int(paragraph_sentences.char_end.max())
            chars = [" "] * width
            bounds, ids = [], []
            for s in paragraph_sentences.itertuples():
                chars[s.char_start : s.char_end] = list(s.text)
                bounds.append((s.char_start, s.char_end))
                ids.append(s.sentence_id)
            paragraph = "".join(chars)
            spans = find_spans(paragraph)
            masked = list(paragraph)
            for start, end in spans:
                masked[start:end] = [" "] * (end - start)
            masked = "".join(masked)
            mentions = reader.mentions(masked)
            previous: tuple[_Person | None, str] = (None, "none")
            for start, end in spans:
                inner = paragraph[start + 1 : end - 1]
                kind = "quote" if _words(inner) >= rules.min_quote_words else "scare"
                person, cue = _attribute(paragraph, masked, (start, end), bounds, mentions, previous,
                                         carry=kind == "quote")
                if kind == "quote" and person is not None:
                    previous = (person, cue)
                sentence_id = ids[next(i for i, b in enumerate(bounds) if b[0] <= start < b[1])]
                speaker = person.name if person else (UNKNOWN if kind == "quote" else NOBODY)
                rows.append((article_id, sentence_id, inner, speaker, person.type if person else "other", cue, kind))
            reader.note(mentions)
    return pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
