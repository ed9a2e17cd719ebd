"""How a text names Putin and Kim: the gazetteer of ``data/designations.yml`` and the role grammar of
``data/roles.yml``.

The gazetteer lists names and set phrases ("Kim Jong-un", "Kreml-Chef", "die beiden Autokraten").
German also builds names for a leader productively, from a role noun and what it puts around it
("seinem nordkoreanischen Amtskollegen", "der hohe Gast aus Moskau", "Russlands Staatsoberhaupt"):
where the gazetteer finds nothing, the role grammar decides whose a role noun is, by a name right
after it, a nationality or place around it, or the role itself (see ``data/roles.yml``).

Matches are found in the kept sentences (title, kicker, standfirst, key points, subheadings, body,
captions), including inside quotations. Overlapping gazetteer matches are resolved longest first,
so "Kim Jong-un" is one mention, not also "Kim".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from .patterns import PatternSet

MENTION_COLUMNS = ("article_id", "sentence_id", "start", "end", "surface", "actor", "designation", "register")
DESIGNATION_COLUMNS = ("article_id", "actor", "designation", "count")
REGISTERS = ("name", "title", "evaluative")
_BEFORE, _AFTER = r"(?<![\w‑-])", r"(?![\w‑-])"


@dataclass(frozen=True)
class Entry:
    actor: str
    label: str
    register: str
    example: str
    pattern: re.Pattern | None      # None for a designation the role grammar built


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Entry, ...]:
    """The gazetteer entries, one per pattern, compiled with word boundaries."""
    raw = yaml.safe_load((DATA_DIR / "designations.yml").read_text(encoding="utf-8"))
    entries = []
    for row in raw:
        if row["register"] not in REGISTERS:
            raise ValueError(f"designations.yml: entry '{row['label']}': unknown register '{row['register']}'")
        for pattern in row["patterns"]:
            entries.append(Entry(row["actor"], row["label"], row["register"], row.get("example", ""),
                                 re.compile(_BEFORE + f"(?:{pattern})" + _AFTER)))
    return tuple(entries)


_OTHER_NAME = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-Za-zäöü]+)?\s+[A-ZÄÖÜ][a-zäöüß]+")


def _names_someone_else(text: str, end: int, entry: Entry, names: list[tuple[int, int, Entry]]) -> bool:
    """A title followed by a two-word name that is not Putin's or Kim's names that other person."""
    if entry.register == "name" or not _OTHER_NAME.match(text, end):
        return False
    start_of_next = len(text[:end]) + len(text[end:]) - len(text[end:].lstrip())
    return not any(s == start_of_next for s, _, e in names)


@lru_cache(maxsize=1)
def _gazetteer_patterns() -> PatternSet:
    """Every pattern of the gazetteer, then every role noun of the role grammar, joined to find where any of
    them can match in one scan."""
    return PatternSet([entry.pattern for entry in gazetteer()] + [role_grammar().nouns], before=_BEFORE, after=_AFTER)


def find_in_text(text: str, *, event: str = "", roles: bool = True) -> list[tuple[int, int, Entry]]:
    """Non-overlapping designations in ``text`` as ``(start, end, entry)``, in text order: the gazetteer's matches
    (longest first), then, with ``roles``, the role grammar's where the gazetteer found nothing. ``event`` (the
    article's event in its metadata) says who was guest and who host, for "der Gast" and "sein Gastgeber"."""
    found_each = (_gazetteer_patterns() if roles else _names_and_phrases()).finditer_each(text)
    entries = gazetteer()
    candidates = [(m.start(), m.end(), entry) for entry, found in zip(entries, found_each) for m in found]
    names = [c for c in candidates if c[2].register == "name"]
    candidates = [c for c in candidates if not _names_someone_else(text, c[1], c[2], names)]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, Entry]] = []
    for start, end, entry in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, entry))
    if not roles:
        return sorted(taken, key=lambda c: c[0])
    readings = _role_readings(text, found_each[len(entries)], names, event)
    taken = _read_by_role(taken, readings)
    for reading in readings:
        start, end, entry = reading.surface_start, reading.surface_end, reading.entry
        if entry.actor in ("Putin", "Kim") and all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, entry))
    return sorted(taken, key=lambda c: c[0])


def _read_by_role(taken: list[tuple[int, int, Entry]], readings: list[_Reading]) -> list[tuple[int, int, Entry]]:
    """The gazetteer lists some role nouns on their own with a default actor ("Machthaber": Kim, as the seed texts
    use it). Where the text says whose the role is (a nationality, a country, a place, a name: "der russische
    Machthaber", "der Diktator im Kreml", "Chinas Machthaber"), that decides: the mention keeps its label and takes
    that actor, or is dropped where the role is somebody else's."""
    evidence = {(r.start, r.end): r.entry.actor for r in readings if r.decided_by != "alone"}
    kept = []
    for start, end, entry in taken:
        actor = evidence.get((start, end)) if entry.register != "name" else None
        if actor is None or actor == entry.actor:
            kept.append((start, end, entry))
        elif actor in ("Putin", "Kim"):
            kept.append((start, end, replace(entry, actor=actor)))
    return kept


@lru_cache(maxsize=1)
def _names_and_phrases() -> PatternSet:
    """The gazetteer's patterns alone, joined (for readers that need no role grammar)."""
    return PatternSet([entry.pattern for entry in gazetteer()], before=_BEFORE, after=_AFTER)


def find_mentions(sentences: pd.DataFrame, *, events: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per mention of Putin or Kim in the sentences: columns ``MENTION_COLUMNS``. ``events`` gives each
    article's event (its metadata), which decides who "der Gast" is; without it, such a role is left out."""
    events = events or {}
    rows = [(article_id, sentence_id, start, end, text[start:end], entry.actor, entry.label, entry.register)
            for article_id, sentence_id, text in zip(sentences.article_id.tolist(), sentences.sentence_id.tolist(),
                                                        sentences.text.tolist())
            for start, end, entry in find_in_text(text, event=events.get(article_id, ""))]
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS))


# --- the role grammar ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Role:
    entry: Entry
    alone: str          # "", "Putin", "Kim", "guest", "host" or "age"
    fixed: bool = False             # the noun itself says whose it is ("Kremlchef"): modifiers do not decide
    singular: bool = False          # only after a singular determiner ("der Nordkoreaner", not "die Nordkoreaner")


@dataclass(frozen=True)
class _Grammar:
    nouns: re.Pattern               # any role noun (group r<i> for role i), maybe in quotation marks, whole words
    roles: tuple[_Role, ...]
    before: re.Pattern              # what stands before a role, matched against the text before it
    after: re.Pattern               # what follows it, matched at its end
    actor_of: dict[str, str]        # lower-cased nationality stem, genitive or place -> "Putin", "Kim" or ""
    events: tuple[tuple[re.Pattern, str, str], ...]   # event pattern, host, guest
    births: tuple[tuple[str, date], ...]              # actor, date of birth


def _alternation(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def role_grammar() -> _Grammar:
    """The role grammar of ``data/roles.yml``, compiled once."""
    raw = yaml.safe_load((DATA_DIR / "roles.yml").read_text(encoding="utf-8"))
    roles = tuple(_Role(Entry("", row["label"], row["register"], row.get("example", ""), None), row.get("alone", ""),
                        bool(row.get("fixed")), bool(row.get("singular"))) for row in raw["roles"])
    nouns = re.compile(_BEFORE + r"(?:[„«»\"‚‹]?(?:" + "|".join(f"(?P<r{i}>{row['noun']})" for i, row in enumerate(raw["roles"]))
                       + r")[“»«\"‘›]?)" + _AFTER)
    actor_of: dict[str, str] = {}
    adjectives, genitives, places = [], [], []
    for actor, words in [*raw["actors"].items(), ("", raw["others"])]:
        for kind, target in (("adjectives", adjectives), ("genitives", genitives), ("places", places)):
            for word in words.get(kind, []):
                target.append(word if kind != "adjectives" else re.escape(word) + r"e[nmrs]?")
                actor_of[word.lower()] = actor
    determiners = _alternation(re.escape(w) for word in raw["determiners"] for w in (word, word.capitalize()))
    adjective = (r"(?!(?:" + determiners + r")\s)(?:[a-zäöüß][\wäöüß-]*(?<![^s]te)(?:e|en|em|er|es)(?<![^s]ten)"
                 r"|Oberste[nmrs]?|Höchste[nmrs]?)")
    before = re.compile(r"(?:(?:(?P<gen>" + _alternation(genitives) + r")|(?P<det>" + determiners + r"))\s+)?"
                        r"(?P<adjs>(?:" + adjective + r"\s+){0,3})$")
    after = re.compile(r"\s+(?:(?P<gen>" + _alternation(genitives) + r")|(?:aus|von|in|im)\s+(?P<place>"
                       + _alternation(places) + r"))(?![\w-])")
    events = tuple((re.compile(row["event"]), row["host"], row["guest"]) for row in raw["events"])
    births = tuple((actor, date.fromisoformat(str(born))) for actor, born in raw["births"].items())
    return _Grammar(nouns, roles, before, after, actor_of, events, births)


def _nationality(grammar: _Grammar, words: list[str]) -> str | None:
    """"Putin", "Kim", "" (somebody else's) or None (no nationality) from a role's modifiers."""
    for word in words:
        key = word.lower()
        for stem, actor in grammar.actor_of.items():
            if key == stem or (key.startswith(stem) and re.fullmatch(r"e[nmrs]?", key[len(stem):])):
                return actor
    return None


@dataclass(frozen=True)
class _Reading:
    """A role noun read by the role grammar: where the noun stands, the span of the whole designation, its entry
    (actor "" where the role is somebody else's), and what decided the actor: "name", "modifier" or "alone"."""
    start: int
    end: int
    surface_start: int
    surface_end: int
    entry: Entry
    decided_by: str


def _role_readings(text: str, nouns: list[re.Match], names: list[tuple[int, int, Entry]], event: str) -> list[_Reading]:
    """Every role noun of ``text`` (matches of ``_Grammar.nouns``) read by the role grammar (see ``data/roles.yml``)."""
    grammar = role_grammar()
    found = []
    for match in nouns:
        role = grammar.roles[int(match.lastgroup[1:])]
        start, end = match.span()
        left = grammar.before.search(text, max(0, start - 80), start)
        right = grammar.after.match(text, end)
        modifiers = ([left.group("gen")] if left and left.group("gen") else []) + (left.group("adjs").split() if left else [])
        modifiers += [w for w in (right.group("gen"), right.group("place")) if w] if right else []
        following = len(text[:end]) + len(text[end:]) - len(text[end:].lstrip())
        name = next((e.actor for s, _, e in names if s == following), None)
        if role.singular and not _singular(text, left):
            continue                             # "die Nordkoreaner": the people, not one of them
        if name is not None:
            actor, decided_by = name, "name"
        elif _OTHER_NAME.match(text, end):
            actor, decided_by = "", "name"       # "Präsident Xi Jinping": somebody else's title
        elif role.fixed:
            actor, decided_by = role.alone, "alone"
        elif role.alone == "age":
            actor, decided_by = _aged(grammar, match.group(0), event), "modifier"
        else:
            actor, decided_by = _nationality(grammar, modifiers), "modifier"
            if actor is None:
                actor, decided_by = _event_role(grammar, role.alone, event), "alone"
        surface_start = left.start() if left and left.group(0).strip() else start
        surface_end = right.end() if right else end
        found.append(_Reading(start, end, surface_start, surface_end, replace(role.entry, actor=actor), decided_by))
    return found


def _singular(text: str, left: re.Match | None) -> bool:
    """Whether a role noun stands after a singular determiner: "den", "dem", "des", or "der" where no noun stands
    before it ("Zahl der Nordkoreaner" is a genitive plural)."""
    det = left.group("det") if left else None
    if det is None or det.lower() not in ("der", "den", "dem", "des"):
        return False
    if det.lower() != "der":
        return True
    before = text[: left.start("det")].split()
    return not before or not before[-1][:1].isupper() or before[-1].endswith((".", ":", "!", "?"))


def _aged(grammar: _Grammar, noun: str, event: str) -> str:
    """Who is ``noun`` ("39-Jährige") years old in the month of the article's event ("2023-09 …"): Putin, Kim or
    nobody."""
    age, when = re.match(r"\d+", noun), re.match(r"(\d{4})-(\d{2})", event)
    if age is None or when is None:
        return ""
    on = date(int(when.group(1)), int(when.group(2)), 15)
    for actor, born in grammar.births:
        if on.year - born.year - ((on.month, on.day) < (born.month, born.day)) == int(age.group()):
            return actor
    return ""


def _event_role(grammar: _Grammar, alone: str, event: str) -> str:
    """The actor a role stands for on its own: Putin or Kim, or the guest or host of the article's event."""
    if alone in ("guest", "host"):
        for pattern, host, guest in grammar.events:
            if event and pattern.search(event):
                return host if alone == "host" else guest
        return ""
    return alone


def count_designations(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions counted per article, actor and designation: columns ``DESIGNATION_COLUMNS``."""
    counts = mentions.groupby(["article_id", "actor", "designation"]).size().rename("count").reset_index()
    return counts.sort_values(["article_id", "actor", "count", "designation"], ascending=[True, True, False, True],
                              ignore_index=True)[list(DESIGNATION_COLUMNS)]
