"""Quotations and scare quotes, with who is quoted, how, and by what cue.

A quoted span is any text between a pair of marks of ``data/quotes.yml`` („…“, «…», ‹…›, ‚…‘,
"…"), found per paragraph so that a quotation may run over several sentences; an opening mark
whose paragraph ends without its closing mark (a copy cut off mid-quotation) runs to the
paragraph's end, and where the next paragraph closes it ("«… ¶ …», sagt Gerber") that paragraph's
text up to the closing mark is a span too. Every span is one of three kinds (``KINDS``):

- ``full``: someone's statement reproduced as a clause or more (after a colon, at the start of
  its sentence, a sentence of its own, or followed by ", sagte X");
- ``partial``: a fragment built into the author's own sentence that a cue attributes to someone
  ('Kim hat Putin die „volle Solidarität“ zugesichert', 'sprach von einem „Durchbruch“');
- ``scare``: quoted words nobody in the text is said to have said (a term, a name, irony).

Persons are found outside quotations: Putin and Kim (by any designation of the gazetteer), the
media and institutions of ``known_speakers``, a state's institution named by what it is ("das
südkoreanische Aussenministerium"), and anyone introduced by a role ("Militärexperte
Ulrich Schmid", "Kremlsprecher Dmitri Peskow"), who is then recognised by surname ("so Pardo");
"der Experte" stands for the last expert named, "der Kremlsprecher" for the last person introduced
as a spokesman, "der Zeitung" for the last state medium. A genitive name ("Putins Sprecher") is a
mention but never the subject of a sentence.

The speaker of a span is resolved in this order:
0. a capitalised span right after a definite article names something (a treaty): nobody speaks;
1. a cue after the span in its last sentence: the person right after it ("…“, sagt Pardo"); after
   a pronoun or an impersonal cue ("sagt er", "hieß es") the subject of the nearest earlier
   sentence that names someone; a cue followed by somebody unnamed ("sagte ein Abgeordneter")
   gives ``unknown``; a medium in the dative after the cue is spoken to ("sagte der Zeitung X");
   a person between the span and a clause-final cue speaks (", hatte Peskow gesagt"); a verb-final
   cue with nobody after it ("… „…“ zugesichert") leaves the speaker to the subject before the span (3.);
2. a source cue in the sentence ("laut TASS", "der Zeitung zufolge", "wenn man KCNA glaubt",
   "heißt es in dem Bericht": the report, or who issued it);
3. a cue or a colon before the span in its first sentence, or the verb-final cue of 1.: the person
   right after the cue if nobody is named before it ("…, sagte Volker: „…“"); a pronoun before the
   cue ("Er fügte hinzu, …") or in the clause of a verb-final cue ("…, in dem er von „…“ spricht"):
   the person it stands for; a state or capital as the subject ("Seoul warnte …"): that state;
   under a speaker label ("Brunner: Der Kreml spricht von „…“") the clause's own subject; else the
   first person named ("Kim versprach …");
4. reported speech (a verb in the subjunctive, "sei", "werde", and no cue): the speaker of the
   paragraph's previous quotation, else the subject of the nearest earlier sentence;
5. full quotations only: the speaker of the previous quotation in the paragraph, else the last
   person named before it in the paragraph, else the subject of the previous paragraph, else
   ``unknown``.
A span that none of these attributes is a scare quote, unless the same words are quoted and
attributed elsewhere in the article ("Heiliger Kampf" in a headline, "sprach von einem heiligen
Kampf" in the body): then they are that speaker's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from ..corpus.text import is_word, stopwords, tokenize
from .designations import find_in_text
from .patterns import PatternSet, simple_case, word_trie

QUOTE_COLUMNS = ("article_id", "sentence_id", "quote", "speaker", "speaker_type", "cue", "kind")
KINDS = ("full", "partial", "scare")
QUOTATION_KINDS = ("full", "partial")
"""The kinds of span that are someone's words: a table's quotations are its rows of these kinds."""
UNKNOWN = "unknown"   # a quotation whose speaker the rules cannot find
NOBODY = "none"       # a scare quote (or a named thing) that no cue attributes to anyone
_NAME_WORD = r"[A-ZÄÖÜ][a-zäöüßéèáíó]+(?:-[A-Za-zÄÖÜäöü][a-zäöüß]+)?"   # Kim Yo-jong, Ri Song-chol
_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w-])"   # a name or word is whole: no letter, digit or hyphen either side
_WORD_CHAR = re.compile(r"[\w-]")


def _role_end(roles: list[str]) -> re.Pattern | None:
    """Any role, lower case, then no word character: matched case-sensitively in a lower-cased text, it
    finds the words ``Rules.role`` can match, where case folds simply (None if a role's case does not)."""
    lowered = [role.lower() for role in roles]
    if not all(simple_case(role) for role in lowered):
        return None
    return re.compile("(?:" + _words_alternation(lowered) + r")(?![\w-])")


def _words_alternation(words) -> str:
    return word_trie(words)


@dataclass(frozen=True)
class Rules:
    marks: tuple[tuple[str, str], ...]
    min_quote_words: int
    cue: re.Pattern
    impersonal: re.Pattern
    pronouns: frozenset[str]
    pronoun_word: re.Pattern         # one of ``pronouns`` as a word
    pronoun_clause: re.Pattern       # a clause opened by a comma whose subject is one of ``pronouns``, up to the span
    unnamed: frozenset[str]
    source_cues: tuple[tuple[re.Pattern, str], ...]
    role: re.Pattern
    roles: tuple[str, ...]              # every role, longest first
    expert_roles: tuple[str, ...]
    anaphor_article: re.Pattern
    introduced: tuple[tuple[re.Pattern, bool], ...]   # role-less introductions, and whether they make an expert
    echo: re.Pattern
    leadership_hints: dict[str, tuple[str, ...]]
    known: tuple[tuple[str, str, tuple[re.Pattern, ...]], ...]
    known_patterns: PatternSet          # the patterns of ``known``, in order, joined
    known_names: frozenset[str]         # the canonical names of ``known``
    known_each: tuple[tuple[str, str], ...]   # (name, type) of each pattern of ``known_patterns``, in order
    role_end: re.Pattern | None         # a role, lower case, at the end of a word: where ``role`` can match
    actor_speakers: dict[str, tuple[str, str]]
    media_anaphor: re.Pattern
    expert_type: str
    other_type: str
    name_articles: frozenset[str]
    reported_speech: re.Pattern
    names_not_speech: frozenset[str]
    name_words: frozenset[str]
    media_named: re.Pattern
    institution: re.Pattern
    institution_words: tuple
    outlet_words: tuple
    media_words: frozenset              # "Parteizeitung" before "Rodong Sinmun" is what the outlet is, not its name
    state_subject: re.Pattern
    state_types: dict
    state_not_after: frozenset
    institution_type: str
    in_document: re.Pattern
    opening_prepositions: frozenset[str]
    citing_cues: frozenset[str]
    noun_cue: re.Pattern             # a noun of speech ("Versprechen", "Warnung")
    noun_cue_reach: int
    possessives: frozenset[str]
    state_genitive: re.Pattern       # a state or capital in the genitive right before a noun ("Seouls Drohung")
    state_in_as_clause: re.Pattern   # ", wie Moskau": a state as the subject of an as-clause
    state_place: re.Pattern          # "aus Pjöngjang", "in Seoul" right after an impersonal cue
    media_documents: frozenset
    echo_parts: tuple
    outlet: re.Pattern
    outlet_name: re.Pattern
    reported_weak: re.Pattern
    unclosed_marks: tuple[str, ...]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The quotation rules from ``data/quotes.yml``, compiled once."""
    raw = yaml.safe_load((DATA_DIR / "quotes.yml").read_text(encoding="utf-8"))
    roles = _words_alternation(raw["expert_roles"] + raw["other_roles"])
    role = re.compile(
        r"(?<![\w-])(?P<role>[\w-]*(?i:" + roles + r"))(?![\w-])"
        r"(?:\s+der\s+[A-ZÄÖÜ][\wÄÖÜäöüß]*)?"                 # "Nato-Botschafter der USA Kurt Volker"
        r"(?:\s+des\s+[A-ZÄÖÜ][\wÄÖÜäöüß-]*,(?=\s+" + _NAME_WORD + r"))?"   # "Sprecher des Ministeriums, Matthew Miller"
        r"(?P<name>(?:\s+" + _NAME_WORD + r"){1,4})?")
    full_name = r"(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,2})"
    introduced = (
        (re.compile(r"(?<![\w-])" + full_name + r",\s+(?:der\s+|die\s+)?(?:[a-zäöüß]+e[nmrs]?\s+)?"
                    r"(?P<role>[\wÄÖÜäöüß-]*(?i:" + roles + r"))(?![\w-])"), False),
        (re.compile(r"(?<![\w-])" + full_name + r"\s+(?:von\s+der|vom|von\s+dem|am|an\s+der)\s+(?:[\w-]+\s+)?(?:"
                    + _words_alternation(raw["affiliations"]) + r")(?![\w-])"), True),
    )
    endings = _words_alternation(raw["outlet_endings"])
    outlet_name = (r"(?:(?:[A-ZÄÖÜ][\wäöüß-]*\s+){0,2}[A-ZÄÖÜ][\wäöüß-]*(?i:" + endings + ")"     # "Westmünsterland-Tageblatt"
                   r"|[A-ZÄÖÜ][\wäöüß-]*(?:er|e[ns]?)\s+(?=[A-ZÄÖÜ])(?i:" + endings + "))")      # "Oberlausitzer Rundschau"
    pronouns = _words_alternation(raw["pronouns"])
    states = _words_alternation([n for names in raw["state_speakers"].values() for n in names])
    known, actor_speakers = [], {}
    for speaker in raw["known_speakers"]:
        if "actor" in speaker:
            actor_speakers[speaker["actor"]] = (speaker["name"], speaker["type"])
        else:
            known.append((speaker["name"], speaker["type"],
                          tuple(re.compile(_BEFORE + p + _AFTER) for p in speaker["patterns"])))
    return Rules(
        marks=tuple((m["open"], m["close"]) for m in raw["marks"]),
        min_quote_words=int(raw["min_quote_words"]),
        cue=re.compile(r"(?<![\w-])(" + _words_alternation(raw["speech_cues"]) + r")(?![\w-])", re.IGNORECASE),
        impersonal=re.compile(r"(?<![\w-])(?:" + "|".join(raw["impersonal_cues"]) + r")(?![\w-])", re.IGNORECASE),
        pronouns=frozenset(raw["pronouns"]),
        pronoun_word=re.compile(r"\b(?:" + pronouns + r")\b"),
        pronoun_clause=re.compile(r",\s+(?:[a-zäöü]+\s+){0,2}(?:" + pronouns + r")\s+(?!.*,)"),   # "…, in dem er von „…“ spricht"
        unnamed=frozenset(raw["unnamed_subjects"]),
        source_cues=tuple((re.compile(c["pattern"], re.IGNORECASE), c["source"]) for c in raw["source_cues"]),
        role=role,
        roles=tuple(sorted((r.lower() for r in raw["expert_roles"] + raw["other_roles"]), key=len, reverse=True)),
        anaphor_article=re.compile(r"(?<![\w-])(?:" + "|".join(raw["role_anaphor_articles"])
                                   + r")\s+(?:[a-zäöüß]+e[nmrs]?\s+)?$", re.IGNORECASE),
        introduced=introduced,
        echo=re.compile(r"\s*(?:" + "|".join(raw["echo_openers"]) + r")\s+(?=\w)"),
        expert_roles=tuple(r.lower() for r in raw["expert_roles"]),
        leadership_hints={kind: tuple(words) for kind, words in raw["leadership_hints"].items()},
        known=tuple(known), actor_speakers=actor_speakers,
        known_patterns=PatternSet([p for _, _, patterns in known for p in patterns], before=_BEFORE, after=_AFTER),
        known_names=frozenset(name for name, _, _ in known),
        known_each=tuple((name, kind) for name, kind, patterns in known for _ in patterns),
        role_end=_role_end(raw["expert_roles"] + raw["other_roles"]),
        media_anaphor=re.compile(r"(?<![\w-])(?:der|die|das|dem)\s+(?:" + _words_alternation(raw["state_media_anaphors"])
                                 + r")(?![\w-])(?-i:(?!\s+[„«»\"]?[A-ZÄÖÜ]))", re.IGNORECASE),   # not "die Agentur KCNA"
        expert_type=raw["expert_type"], other_type=raw["other_type"],
        name_articles=frozenset(raw["name_articles"]),
        reported_speech=re.compile(r"(?<![\w-])(?:" + _words_alternation(raw["reported_speech_verbs"]) + r")(?![\w-])"),
        names_not_speech=frozenset(raw["names_not_speech"]),
        name_words=frozenset(raw["name_words"]),
        media_named=re.compile(r"(?P<state>staatliche[nmrs]?\s+(?:[a-zäöüß]+e[nmrs]?\s+)?)?(?<![\w-])(?:"
                               + _words_alternation(raw["media_nouns"]) + r")\s+[„«»\"]?(?P<name>[A-Z][\w&-]*"
                               r"(?:\s+[A-Z][\w&-]*){0,2})"),
        in_document=re.compile(r"(?<![\w-])(?:" + "|".join(raw["document_cues"]) + r")\s+"
                               r"(?:in\s+(?:(?P<definite>dem|der)|einem|einer)|im)\s+"
                               r"(?:[a-zäöüß]+e[nmrs]?\s+)?(?P<document>[A-ZÄÖÜ][\wäöüß-]+)"
                               r"(?:\s+(?:des|der|von)\s+(?:[a-zäöüß]+e[nmrs]?\s+)?(?P<issuer>[A-ZÄÖÜ][\wäöüß-]+))?"),
        opening_prepositions=frozenset(raw["opening_prepositions"]),
        citing_cues=frozenset(raw["citing_cues"]),
        noun_cue=re.compile(r"(?<![\w-])(?:" + _words_alternation(raw["noun_cues"]) + r")(?![\w-])"),
        noun_cue_reach=int(raw["noun_cue_reach"]),
        possessives=frozenset(raw["possessives"]),
        state_genitive=re.compile(r"(?<![\w-])(?P<state>" + states + r")s\s+$"),
        state_in_as_clause=re.compile(r",\s+wie\s+(?P<state>" + states + r")(?![\w-])"),
        state_place=re.compile(r"\s+(?:aus|in)\s+(?P<state>" + states + r")(?![\w-])"),
        unclosed_marks=tuple(raw["unclosed_marks"]),
        media_documents=frozenset(raw["media_documents"]),
        echo_parts=tuple(raw["echo_parts"]),
        outlet=re.compile(r"(?<![\w-])(?i:der|die|das|dem|den)\s+(?:[A-ZÄÖÜa-zäöü][\wäöüß-]*(?:er|e[nrs]?)\s+){0,2}"
                          r"[„«»\"]?(?P<name>" + outlet_name + r")[“»«\"]?(?![\w-])"),
        outlet_name=re.compile(outlet_name),
        reported_weak=re.compile(r"(?<![\w-])(?:" + _words_alternation(raw["reported_speech_weak"]) + r")(?![\w-])"),
        institution_type=raw["institution_type"],
        institution_words=tuple(word.lower() for word in raw["institution_nouns"]),
        outlet_words=tuple(word.lower() for word in raw["outlet_endings"]),
        media_words=frozenset(word.lower() for word in raw["media_nouns"] + raw["state_media_anaphors"]),
        state_types={name: kind for kind, names in raw["state_speakers"].items() for name in names},
        state_not_after=frozenset(raw["state_not_after"]),
        state_subject=re.compile(r"(?<![\w-])(?P<state>" + states + r")(?![\w-])"),
        # "das Ministerium", also "Chinas Außenministerium"
        institution=re.compile(r"(?<![\w-])(?:(?i:der|die|das|dem|den)\s+|(?=(?:" + states + r")s\s))"
                               r"(?P<name>(?:(?:" + states + r")s\s+)?(?:[a-zäöüß]+e[nmrs]?\s+){0,2}(?=[A-ZÄÖÜ])"
                               r"[\wäöüß-]*(?i:" + _words_alternation(raw["institution_nouns"]) + r")(?:e?s)?)(?![\w-])"),
    )


_GUILLEMET = re.compile("[«»]")


def _positions(text: str, char: str) -> list[int]:
    """Every index of ``char`` in ``text``, in order."""
    found, i = [], text.find(char)
    while i != -1:
        found.append(i)
        i = text.find(char, i + 1)
    return found


def find_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every quoted span in a paragraph, marks included, in order of the opening mark.

    Guillemets are read in the direction the paragraph uses first; "“…”" only where no „ occurs
    (in German „…“ the “ closes); a straight double quote right after a digit is an inch mark.
    An opening mark without its closing mark is a quotation to the paragraph's end where the mark is
    one of ``unclosed_marks`` and three words or more follow it (the end of the span is then one past
    the paragraph's last character, as if a closing mark stood there); else it is not a quotation.
    """
    rules = load_rules()
    first = _GUILLEMET.search(text)
    first_guillemet = first.group() if first else None
    spans = []
    for opening, closing in rules.marks:
        if opening in "«»" and opening != first_guillemet:
            continue
        if (opening, closing) == ("“", "”") and "„" in text:
            continue
        if opening == closing:
            marks = [i for i in _positions(text, opening) if not (i and text[i - 1].isdigit())]
            spans += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2])]
            continue
        position = 0
        while (start := text.find(opening, position)) != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                # the paragraph ends inside a quotation (the stored copy is cut off): it runs to the end
                if opening in rules.unclosed_marks and len(_WORDS.findall(text, start + 1)) >= rules.min_quote_words:
                    spans.append((start, len(text.rstrip()) + 1))
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
    person: _Person | None      # None: an anaphor still to resolve
    genitive: bool = False
    anaphor: str = ""           # "media" or "role:<role>"


@dataclass(frozen=True)
class _Scan:
    """What the rules match in a masked paragraph before anything is resolved: the same in both passes."""

    designations: list                  # find_in_text
    known: list[list[re.Match]]         # per pattern of Rules.known, in order
    media: list[re.Match]
    media_named: list[re.Match]         # "die Nachrichtenagentur Unian"
    institutions: list[re.Match]        # "das südkoreanische Aussenministerium"
    outlets: list[re.Match]             # "die Wiener „Donaupresse“", "die Nordsee-Rundschau"
    introduced: list[list[re.Match]]    # per pattern of Rules.introduced
    roles: list[re.Match]


def _role_matches(masked: str, rules: Rules) -> list[re.Match]:
    """``list(rules.role.finditer(masked))``, tried only at the start of words that end with a role."""
    if rules.role_end is None or not simple_case(masked):
        return list(rules.role.finditer(masked))
    found, position = [], 0
    for hit in rules.role_end.finditer(masked.lower()):
        start = hit.start()
        while start and _WORD_CHAR.match(masked, start - 1):
            start -= 1
        if start < position:
            continue
        match = rules.role.match(masked, start)
        if match is not None:
            found.append(match)
            position = match.end()
    return found


def _scan(masked: str) -> _Scan:
    rules = load_rules()
    roles = _role_matches(masked, rules)
    # the first introduction ("Name Surname, der Militärexperte") needs a word ending in a role, as a role
    # match does: without one it cannot match either
    introduced = [[] if needs_role and not roles else list(pattern.finditer(masked))
                  for (pattern, _), needs_role in zip(rules.introduced, (True, False))]
    low = masked.lower()      # most paragraphs name no institution and no outlet: a substring test says so cheaply

    def where(pattern: re.Pattern, words: tuple[str, ...]) -> list[re.Match]:
        return list(pattern.finditer(masked)) if any(word in low for word in words) else []

    return _Scan(find_in_text(masked, roles=False), rules.known_patterns.finditer_each(masked),
                 list(rules.media_anaphor.finditer(masked)), list(rules.media_named.finditer(masked)),
                 where(rules.institution, rules.institution_words),
                 [m for m in where(rules.outlet, rules.outlet_words) if m.group("name").lower() not in rules.media_words],
                 introduced, roles)


@lru_cache(maxsize=64)
def _people_patterns(patterns: tuple[re.Pattern, ...]) -> PatternSet:
    """The name patterns of the persons a reader knows, joined (the set grows as an article is read)."""
    return PatternSet(patterns, before=_BEFORE, after=_AFTER)


class _Reader:
    """Walks an article's paragraphs in order, remembering who has been introduced."""

    def __init__(self, known_people: dict[str, _Person] | None = None):
        self.rules = load_rules()
        self.people: dict[str, _Person] = dict(known_people or {})
        self.last_expert: _Person | None = None
        self.last_media: _Person | None = None
        self.last_subject: _Person | None = None
        self.by_role: dict[str, _Person] = {}

    def role_key(self, role: str) -> str:
        """The role of the list a role noun ends with: "Vereinigungsministerin" -> "ministerin"."""
        return next(r for r in self.rules.roles if role.lower().endswith(r))

    def person(self, name: str, kind: str) -> _Person:
        if name not in self.people:
            surname = name.split()[-1]
            self.people[name] = _Person(name, kind, [re.compile(_BEFORE + "(?:" + re.escape(name) + "|"
                                                                  + re.escape(surname) + ")" + _AFTER)])
        return self.people[name]

    def known_person(self, name: str, kind: str) -> _Person:
        """A public figure of ``known_speakers``: the person the text introduced with the same surname if there is
        one ("Aussenminister Sergei Lawrow" for "Sergej Lawrow"), else the figure under its canonical name."""
        surname = name.split()[-1]
        for person in self.people.values():
            if person.name != name and person.name not in self.rules.known_names \
                    and len(person.name.split()) > 1 and person.name.split()[-1] == surname:
                return person
        return self.person(name, kind)

    def _leadership(self, words: str) -> str | None:
        """The leadership whose hint stands in ``words`` ("Kreml", "nordkoreanische"), if any."""
        return next((kind for kind, hints in self.rules.leadership_hints.items() if any(h in words for h in hints)), None)

    def _role_type(self, masked: str, match: re.Match) -> str:
        role = match.group("role").lower()
        if role.endswith(self.rules.expert_roles):
            return self.rules.expert_type
        return self._leadership(masked[max(0, match.start() - 20) : match.end("role")]) or self.rules.other_type

    def _institution_type(self, match: re.Match) -> str:
        """A ministry, government or service belongs to a leadership its words name ("das russische
        Verteidigungsministerium"), else to another state."""
        return self._leadership(match.group(0)) or self.rules.institution_type

    def mentions(self, masked: str, scan: _Scan | None = None) -> list[_Mention]:
        """Persons named in a paragraph whose quotations are masked, in text order, anaphors resolved.

        ``scan`` is ``_scan(masked)`` where the caller has it already."""
        rules = self.rules
        scan = scan or _scan(masked)
        found: list[_Mention] = []
        for start, end, entry in scan.designations:
            if entry.actor in rules.actor_speakers:
                genitive = entry.register == "name" and masked[start:end] != entry.label and masked[end - 1] == "s"
                found.append(_Mention(start, end, self.person(*rules.actor_speakers[entry.actor]), genitive))
        for (name, kind), matches in zip(rules.known_each, scan.known):
            if matches:
                person = self.known_person(name, kind)
                found += [_Mention(m.start(), m.end(), person) for m in matches]
        found += [_Mention(m.start(), m.end(), None, anaphor="media") for m in scan.media]
        for match in scan.institutions:
            found.append(_Mention(match.start("name"), match.end(), self.person(match.group("name"),
                                                                                 self._institution_type(match))))
        for match in scan.outlets:
            found.append(_Mention(match.start("name"), match.end("name"), self.person(match.group("name"), "media")))
        for match in scan.media_named:
            kind = "state media" if match.group("state") else "media"
            found.append(_Mention(match.start("name"), match.end("name"), self.person(match.group("name"), kind)))
        for (pattern, makes_expert), matches in zip(rules.introduced, scan.introduced):
            for match in matches:
                if any(m.start <= match.start() < m.end and m.person is not None for m in found):
                    continue     # "Wladimir Putin, der russische …": a known person
                words = match.group("name").split()
                while words and (words[0].lower() in stopwords() or words[0].lower().endswith(rules.roles)):
                    words.pop(0)      # "Für Daniel Hürlimann", "Osteuropa-Historiker Martin Brunner"
                if len(words) < 2:
                    continue
                kind = rules.expert_type if makes_expert else self._role_type(masked, match)
                person = self.person(" ".join(words), kind)
                if "role" in match.groupdict():
                    self.by_role.setdefault(self.role_key(match.group("role")), person)
                found.append(_Mention(match.start(), match.end(), person))
        surnames = {p.name.split()[-1]: p for p in self.people.values()} if scan.roles else {}
        for match in scan.roles:
            name = (match.group("name") or "").strip()
            key = self.role_key(match.group("role"))
            if name and " " not in name and name in surnames:
                found.append(_Mention(match.start(), match.end(), surnames[name]))
            elif name:
                person = self.person(name, self._role_type(masked, match))
                surnames.setdefault(person.name.split()[-1], person)
                self.by_role[key] = person
                found.append(_Mention(match.start(), match.end(), person))
            elif rules.anaphor_article.search(masked, max(0, match.start() - 40), match.start()):
                found.append(_Mention(match.start(), match.end(), None, anaphor="role:" + key))
        people = list(self.people.values())
        patterns = _people_patterns(tuple(pattern for person in people for pattern in person.patterns))
        owners = [person for person in people for _ in person.patterns]
        for person, matches in zip(owners, patterns.finditer_each(masked)):
            if matches:
                found += [_Mention(m.start(), m.end(), person) for m in matches]
        resolved = []
        for mention in _without_overlaps(found):
            if mention.anaphor:
                if mention.anaphor == "media":
                    target = self.last_media
                else:
                    key = mention.anaphor.removeprefix("role:")
                    target = self.by_role.get(key) or (self.last_expert if key in rules.expert_roles else None)
                if target is None:
                    continue
                mention = _Mention(mention.start, mention.end, target)
            if mention.person.type == rules.expert_type:
                self.last_expert = mention.person
            if mention.person.type in ("state media", "media"):
                self.last_media = mention.person
            resolved.append(mention)
        return resolved

    def note(self, mentions: list[_Mention]) -> None:
        """Remember the paragraph's last named subject for the next paragraph."""
        subjects = [m for m in mentions if not m.genitive]
        if subjects:
            self.last_subject = subjects[-1].person


def _without_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


@dataclass(frozen=True)
class _Paragraph:
    text: str
    masked: str                       # quotations (not scare quotes) blanked out
    bounds: list[tuple[int, int]]     # sentence spans
    mentions: list[_Mention]

    def sentence_of(self, position: int) -> int:
        return next((i for i, (a, b) in enumerate(self.bounds) if a <= position < b), len(self.bounds) - 1)

    def earlier_subject(self, position: int, reader: _Reader) -> _Person | None:
        """The first non-genitive person of the nearest sentence before ``position`` that names one."""
        for index in range(self.sentence_of(position) - 1, -1, -1):
            a, b = self.bounds[index]
            subjects = [m for m in self.mentions if a <= m.start < b and not m.genitive]
            if subjects:
                return subjects[0].person
        return reader.last_subject


def _after_cue(paragraph: _Paragraph, cue_end: int, limit: int, reader: _Reader) -> tuple[bool, _Person | None]:
    """Who follows a cue: (True, person) for a named person or a pronoun, (False, None) if nobody does."""
    rules = load_rules()
    rest = paragraph.masked[cue_end:limit]
    first_word = rest.split()[0].strip(",.:;") if rest.split() else ""
    if first_word in rules.pronouns:
        return True, paragraph.earlier_subject(cue_end, reader)
    after = [m for m in paragraph.mentions if cue_end <= m.start < limit and m.start <= cue_end + 45 and not m.genitive]
    addressee = _ADDRESSEE.match(paragraph.masked, cue_end)
    if addressee:                  # "sagte der Nachrichtenagentur Yonhap": spoken to, not by
        after = [m for m in after if m.start > addressee.end() + 25]
    if after and len(paragraph.masked[cue_end : after[0].start].split()) <= 3:
        return True, after[0].person
    return False, None


_ADDRESSEE = re.compile(r"\s*(?:dem|der(?=\s+[\w-]*(?:[Zz]eitung|[Aa]gentur)\b))\s")
"""A dative after a speech cue: the medium spoken to ("sagte dem Sender", "sagte der Zeitung")."""


def _attribute(paragraph: _Paragraph, span: tuple[int, int], previous: _Person | str | None, reader: _Reader,
               *, full: bool, last_said: _Person | str | None = None) -> tuple[_Person | str | None, str]:
    """Who said the span's words and by what cue (see the module docstring). ``full`` says whether the span
    is shaped as a full quotation, which alone may carry ``previous`` (the speaker of the paragraph's
    previous full quotation) on without a cue; reported speech carries ``last_said`` (the paragraph's
    last speaker of any quotation) on."""
    rules = load_rules()
    start, end = span
    text, masked = paragraph.text, paragraph.masked
    first = paragraph.bounds[paragraph.sentence_of(start)]
    last = paragraph.bounds[paragraph.sentence_of(min(end, len(text)) - 1)]
    words_before = masked[first[0] : start].split()
    # 0. a name in quotation marks: a platform, or one or two capitalised words after "auf", "namens", ...
    inner = text[start + 1 : end - 1].strip()
    if inner in rules.names_not_speech or rules.outlet_name.fullmatch(inner) or (
            words_before and words_before[-1].strip("(") in rules.name_words and len(inner.split()) <= 2
            and all(word[:1].isupper() for word in inner.split())):
        return NOBODY, "none"
    # 1. a cue after the span ("heißt es in dem Bericht" names its source: 2.)
    document = rules.in_document.search(masked, first[0], last[1])
    if document is None and (impersonal := rules.impersonal.search(masked, end, last[1])):
        if place := rules.state_place.match(masked, impersonal.end()):       # "so hieß es aus Pjöngjang"
            return _state(reader, place), impersonal.group(0)
        return last_said or paragraph.earlier_subject(start, reader), impersonal.group(0)
    final_cue = None
    for cue in rules.cue.finditer(masked, end, last[1]):
        if rules.impersonal.match(masked, cue.start()) \
                or document is not None and not masked[cue.end() : document.start()].strip():
            continue                              # "hieß es", "so steht es im Vertrag": impersonal or a document's (2.)
        if cue.group(1).lower() in rules.citing_cues and (cited := _cited(paragraph, cue, span, last[1], reader)):
            return cited, cue.group(1)            # "zitierte die Agentur KCNA den 40-Jährigen": who is cited
        named, person = _after_cue(paragraph, cue.end(), last[1], reader)
        if named:
            return person, cue.group(1)
        if not masked[end : cue.start()].strip(" ,"):
            after = masked[cue.end() : last[1]].split()
            if after and after[0].lower() in rules.unnamed:
                return UNKNOWN, cue.group(1)      # "», sagte ein Abgeordneter": said by somebody unnamed
            if masked[end : cue.start()].strip():
                # "», sagte Chinas Führer": a definite description of someone named before
                return paragraph.earlier_subject(start, reader) or UNKNOWN, cue.group(1)
            final_cue = cue                       # "… „…“ zugesichert": the subject stands before the span
            break
        after = masked[cue.end() : last[1]].split()
        if masked[: cue.start()].rstrip().endswith(",") and after and after[0].lower() in rules.unnamed:
            return UNKNOWN, cue.group(1)          # "„…“ von Truppen, sagte ein Sprecher"
        between = [m for m in paragraph.mentions if end <= m.start and m.end <= cue.start() and not m.genitive]
        if between and "," in masked[end : between[-1].start] and _CLAUSE_END.match(masked, cue.end()):
            return between[-1].person, cue.group(1)   # "„…“ statt, hatte Peskow am Montag gesagt"
        clause = masked[end : cue.start()]
        if _CLAUSE_END.match(masked, cue.end()) and (state := rules.state_in_as_clause.search(clause)):
            return _state(reader, state), cue.group(1)   # "„…“, wie Moskau den Krieg nennt": the as-clause's subject
        if "," in clause and _CLAUSE_END.match(masked, cue.end()) \
                and rules.pronoun_word.search(clause[clause.rindex(",") :]):
            return paragraph.earlier_subject(start, reader) or UNKNOWN, cue.group(1)   # "„…“, wie er ihn nannte"
        if _DESCRIPTION.match(masked, cue.end()) and masked[cue.start() - 2 : cue.start()].strip() in (",", ""):
            return paragraph.earlier_subject(start, reader) or UNKNOWN, cue.group(1)   # ", sagte der Nordkoreaner"
        if "," not in masked[end : cue.start()] and _CLAUSE_END.match(masked, cue.end()):
            final_cue = cue                       # "vor einer „…“ der Militärkooperation gewarnt": the clause's verb
            break
    # 1b. a sentence right after that only attributes it: "„…“ Das sagte Mao Ning am Donnerstag."
    following = paragraph.sentence_of(min(end, len(text)) - 1) + 1
    if not masked[end : last[1]].strip(" .,;!?") and following < len(paragraph.bounds):
        a, b = paragraph.bounds[following]
        echo = rules.echo.match(masked, a)
        cue = rules.cue.match(masked, echo.end()) if echo else None
        if cue is not None:
            named, person = _after_cue(paragraph, cue.end(), b, reader)
            if named:
                return person, cue.group(1)
    # 2. a source cue in the sentence(s) of the span
    for pattern, where in rules.source_cues:
        for found in pattern.finditer(masked, first[0], last[1]):
            if where == "before":
                near = [m for m in paragraph.mentions if found.start() - 3 <= m.end <= found.start()]
            elif where == "after":
                near = [m for m in paragraph.mentions if found.end() <= m.start <= found.end() + 40]
            else:
                near = [m for m in paragraph.mentions if found.start() <= m.start < found.end()][-1:]
            if near:
                return near[0].person, found.group(0).split()[-1]
            after = masked[found.end() : last[1]].split()
            if where == "after" and after and after[0].lower() in rules.unnamed | rules.name_articles:
                return UNKNOWN, found.group(0).split()[-1]     # "laut dem Sprecher", "nach Angaben aus Seoul"
    if document is not None:      # the document's issuer where named, else who was speaking, else the document
        issuer = [m for m in paragraph.mentions if document.start("document") <= m.start < min(document.end() + 3, last[1])]
        medium = reader.last_media if document.group("definite") and document.group("document") in rules.media_documents \
            else None                               # "hieß es in dem Bericht": the report of the medium just named
        who = issuer[0].person if issuer else document.group("issuer") or medium or last_said \
            or paragraph.earlier_subject(start, reader) or document.group("document")
        return who, " ".join(document.group(0).split()[:2])
    # 0. a named thing: 'den „Vertrag über …“'
    if words_before and words_before[-1].lower() in rules.name_articles and text[start + 1 : start + 2].isupper():
        return NOBODY, "none"
    # 3. a cue or a colon before the span in its first sentence (its clause, after a semicolon), or a verb-final
    # cue after it
    first = (max(first[0], masked.rfind(";", first[0], start) + 1), first[1])
    for impersonal in rules.impersonal.finditer(masked, first[0], start):
        if place := rules.state_place.match(masked, impersonal.end()):   # "Kim, so hieß es aus Pjöngjang, wolle …"
            return _state(reader, place), impersonal.group(0)
    cue = next(rules.cue.finditer(masked, first[0], start), None)
    named = [m for m in paragraph.mentions if first[0] <= m.start < start and not m.genitive
             and not _VOCATIVE.fullmatch(masked, first[0], m.start)]     # "Frau Olschewski, Putin spricht von …"
    if cue is not None:
        before_cue = [m for m in named if m.start < cue.start()]
        if cue.group(1).lower() in rules.citing_cues and (cited := _cited(paragraph, cue, span, start, reader)):
            return cited, cue.group(1)        # "KCNA zitierte den 40-Jährigen mit den Worten, …"
        gapped = _gapped(paragraph, cue, start, named)
        if gapped is not None:                # "Putin spricht von einer Etappe, Kim gar von einem „Bündnis“"
            return gapped.person, cue.group(1)
        opening = masked[first[0] : cue.start()].split()[:1]
        if before_cue and opening and opening[0].lower() in rules.opening_prepositions:
            following_person, person = _after_cue(paragraph, cue.end(), start, reader)
            if following_person:      # "Bei ihrem Treffen mit Lawrow bekräftigte Choe …": the subject follows the verb
                return person, cue.group(1)
        if before_cue and masked[first[0] : start].lstrip().startswith(("Den ", "Dem ")):
            following_person, person = _after_cue(paragraph, cue.end(), start, reader)
            if following_person:      # "Den Machthaber im Kreml nennt das Blatt einen „…“": the object comes first
                return person, cue.group(1)
        if not before_cue:
            following_person, person = _after_cue(paragraph, cue.end(), start, reader)
            if following_person:
                return person, cue.group(1)
            subject = masked[first[0] : cue.start()].split()
            if subject and subject[0].lower() in rules.unnamed:
                return UNKNOWN, cue.group(1)  # "Ein Sprecher sagte, es gebe „…“"
            if subject and subject[0].lower() in rules.pronouns:
                return paragraph.earlier_subject(start, reader) or UNKNOWN, cue.group(1)   # "Er fügte hinzu, …"
            if (state := _state_subject(masked, first[0], cue.start(), reader)) is not None:
                return state, cue.group(1)            # "Die USA sprechen von „Beweisen“"
            if subject and len(subject) <= 3 and _DESCRIPTION.fullmatch(" " + " ".join(subject)):
                if subject[-1].strip(".,") in rules.media_documents:
                    return subject[-1].strip(".,"), cue.group(1)     # "Der Bericht nennt …": the document
                return paragraph.earlier_subject(start, reader) or UNKNOWN, cue.group(1)   # "Der 39-Jährige nannte …"
    label = named[0] if named and _GIVEN_NAMES.fullmatch(masked, first[0], named[0].start) \
        and masked[named[0].end : start].lstrip().startswith(":") \
        else None
    if label is not None:                         # "Putin: Vertrag sieht „…“ vor" (a headline's speaker)
        inner = [m for m in named if cue is not None and label.end <= m.start < cue.start()]
        if inner:                                 # "Brunner: Der Kreml spricht von „…“": the clause's subject
            return inner[-1].person, cue.group(1)
        return label.person, ":"
    if final_cue is not None and cue is None and (pronoun := rules.pronoun_clause.search(masked, first[0], start)):
        before = [m for m in paragraph.mentions if first[0] <= m.end <= pronoun.start()]   # genitives too
        return (before[-1].person if before else paragraph.earlier_subject(start, reader) or UNKNOWN), final_cue.group(1)
    if final_cue is not None and cue is None and named:
        return _clause_subject(masked, first[0], start, named).person, final_cue.group(1)
    cue = cue or final_cue
    if (cue is not None or masked[first[0] : start].rstrip().endswith(":")) and named:
        return named[0].person, cue.group(1) if cue is not None else ":"
    if final_cue is not None:
        subject = masked[first[0] : start].split()
        if subject and subject[0].lower() in rules.unnamed:
            return UNKNOWN, final_cue.group(1)
        if (state := _state_subject(masked, first[0], start, reader)) is not None:
            return state, final_cue.group(1)          # "Pjöngjang hatte die Berichte als „Lügen“ zurückgewiesen"
        return paragraph.earlier_subject(start, reader) or UNKNOWN, final_cue.group(1)
    # 3b. a noun of speech before the span in its clause: "Putins Versprechen einer „…“", "Seine Zusage „…“"
    if (said := _noun_cue(paragraph, first[0], span, reader, last_said)) is not None:
        return said
    # 4. reported speech: a verb in the subjunctive and no cue (a weak one, "wäre", "müssten", only carries on a
    # quotation of the same paragraph)
    if last_said is not None and rules.reported_weak.search(masked, first[0], last[1]):
        return last_said, "none"
    if rules.reported_speech.search(masked, first[0], last[1]):
        if last_said is not None:
            return last_said, "none"
        subject = paragraph.earlier_subject(start, reader)
        if subject is not None:
            return subject, "none"
    # 5. carried over (full quotations only: a fragment without a cue is nobody's)
    if not full:
        return NOBODY, "none"
    if previous is not None:
        return previous, "none"
    earlier = [m for m in paragraph.mentions if m.start < start and not m.genitive]
    if earlier:
        return earlier[-1].person, "none"
    return reader.last_subject, "none"


def _state_subject(masked: str, sentence_start: int, limit: int, reader: _Reader) -> _Person | None:
    """A state or its capital as the subject before the cue, standing for its government ("Seoul warnte …", "Die
    USA sprechen von …", "Noch vor zwei Wochen hatte Pjöngjang …"), where no person is named before the cue: the
    first one in the sentence not after a preposition or conjunction, of the type ``state_speakers`` gives."""
    rules = load_rules()
    found = next((m for m in rules.state_subject.finditer(masked, sentence_start, limit)
                  if masked[sentence_start : m.start()].split()[-1:] not in ([w] for w in rules.state_not_after)), None)
    if found is None or "," in masked[found.end() : limit]:       # another clause's ("Peking helfe nur, sagte …")
        return None
    return _state(reader, found)


def _state(reader: _Reader, found: re.Match) -> _Person:
    """The government a state or capital matched as group ``state`` stands for, of the type ``state_speakers`` gives."""
    return reader.person(found.group("state"), load_rules().state_types[found.group("state")])


def _noun_cue(paragraph: _Paragraph, sentence_start: int, span: tuple[int, int], reader: _Reader,
              last_said: _Person | str | None) -> tuple[_Person | str, str] | None:
    """Who a noun of speech before the span gives the span's words to (see ``noun_cues`` in quotes.yml), and the
    noun; None where no such noun stands within reach before the span, or another quotation stands between."""
    rules = load_rules()
    start = span[0]
    masked, text = paragraph.masked, paragraph.text
    nouns = list(rules.noun_cue.finditer(masked, sentence_start, start))
    noun = nouns[-1] if nouns else None              # the nearest before the span
    if noun is None or len(masked[noun.end() : start].split()) > rules.noun_cue_reach \
            or any(mark in text[noun.end() : start] for pair in rules.marks for mark in pair):
        return None
    before = masked[sentence_start : noun.start()]
    owner = [m for m in paragraph.mentions if sentence_start <= m.start and noun.start() - 2 <= m.end <= noun.start()]
    if owner:                                            # "Putins Versprechen", "Kims Bekenntnis"
        return owner[-1].person, noun.group(0)
    if state := rules.state_genitive.search(before):     # "Seouls Drohung"
        return _state(reader, state), noun.group(0)
    words = before.split()
    last_word = words[-1].lower() if words else ""
    if last_word in rules.possessives:                   # "Seine Zusage", "In seinen Worten": who was just quoted
        return last_said or paragraph.earlier_subject(start, reader) or UNKNOWN, noun.group(0)
    of = [m for m in paragraph.mentions if noun.end() < m.start <= noun.end() + 1 and m.genitive]
    if of:                                               # "das Versprechen Kims"
        return of[0].person, noun.group(0)
    named = [m for m in paragraph.mentions if sentence_start <= m.start and m.end <= noun.start() and not m.genitive
             and not _VOCATIVE.fullmatch(masked, sentence_start, m.start)]
    if named:                                            # "bekräftigte Choe den Schwur, …"
        return named[-1].person, noun.group(0)
    if last_word in rules.name_articles:                 # "Die Warnung vor „…“": the person named before
        return paragraph.earlier_subject(start, reader) or UNKNOWN, noun.group(0)
    return None


def _cited(paragraph: _Paragraph, cue: re.Match, span: tuple[int, int], limit: int, reader: _Reader) -> _Person | None:
    """Who a citing verb cites, not the medium that cites: with the medium before the verb ("KCNA zitierte …"), the
    person right after it, or the person named before whom a definite description there stands for ("KCNA
    zitierte den 40-Jährigen"); with the medium after the verb, the second person named after it ("zitierte KCNA
    Kim") or the person a description after the medium stands for ("zitierte KCNA den 40-Jährigen")."""
    masked = paragraph.masked
    after = [m for m in paragraph.mentions if cue.end() <= m.start < limit and not m.genitive]
    if any(cue.start() - 2 <= m.end <= cue.start() for m in paragraph.mentions):
        if after and not masked[cue.end() : after[0].start].strip():
            return after[0].person
        return paragraph.earlier_subject(span[0], reader) if _CITED_DESCRIPTION.match(masked, cue.end(), limit) else None
    if len(after) >= 2:
        return after[1].person
    if len(after) == 1 and _CITED_DESCRIPTION.match(masked, after[0].end, limit):
        return paragraph.earlier_subject(span[0], reader)
    return None


def _gapped(paragraph: _Paragraph, cue: re.Match, start: int, named: list[_Mention]) -> _Mention | None:
    """The subject of a second, verbless clause that repeats the cue's preposition ("Putin spricht von einer Etappe,
    Kim gar von einem „…“"): the person named after a comma following the cue, with that preposition next."""
    masked = paragraph.masked
    governed = _GOVERNED.match(masked, cue.end())
    if governed is None:
        return None
    for mention in reversed(named):
        if mention.start > cue.end() and "," in masked[cue.end() : mention.start] \
                and re.match(r"\s+(?:[a-zäöü]+\s+)?" + governed.group(1) + r"\s", masked[mention.end : start]):
            return mention
    return None


_GOVERNED = re.compile(r"\s+(von|vor|als|über)\s")
"""The preposition a cue governs ("spricht von", "warnte vor"), which a gapped second clause repeats."""


_CITED_DESCRIPTION = re.compile(r"\s+(?:den|die)\s+(?:[a-zäöü][\wäöüß-]*e[nrs]?\s+)?[\dA-ZÄÖÜ]")
"""A definite description in the accusative after the citing agent ("… KCNA den 40-Jährigen")."""
_VOCATIVE = re.compile(r"\s*(?:Frau|Herr)\s+")
"""What stands before a name addressed at the start of a sentence ("Frau Olschewski, …"), who is no subject."""
_DESCRIPTION = re.compile(r"\s+(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:[a-zäöü][\wäöüß-]*e[nrs]?\s+)?[\dA-ZÄÖÜ][\wäöüß-]*")
"""A definite description of someone named before ("der Nordkoreaner", "der 39-Jährige", "der russische Gast")."""
_GIVEN_NAMES = re.compile(r"(?:[A-ZÄÖÜ][\w-]+\s+){0,2}")
"""What may stand before a speaker label's surname: its given names ("Lea Brunner: …")."""
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|$)")
_RELATIVE = re.compile(r",\s+(?:(?P<preposition>mit|von|bei|zu|an|auf|für|gegen|über|unter|nach|aus|in)\s+)?"
                       r"(?P<pronoun>der|die|das|dem|den|denen|welcher|welche|welches|welchem)\s")


def _clause_subject(masked: str, sentence_start: int, start: int, named: list[_Mention]) -> _Mention:
    """The subject of the clause a verb-final cue closes: the person a relative clause holding the span
    hangs on ("… Xi Jinping, der … seiner „…“ versicherte"), else the sentence's first person named."""
    clauses = list(_RELATIVE.finditer(masked, sentence_start, start))
    if clauses:
        comma = clauses[-1].start()
        object_pronoun = clauses[-1].group("preposition") or clauses[-1].group("pronoun") in ("dem", "den", "denen", "welchem")
        inside = [m for m in named if clauses[-1].end() <= m.start < start]
        if object_pronoun and inside:  # "Xi Jinping, mit dem Putin eine Partnerschaft „…“ verkündete"
            return inside[0]
        head = [m for m in named if comma - 2 <= m.end <= comma]
        if head:
            return head[-1]
    return named[0]


def _full_shaped(paragraph: _Paragraph, span: tuple[int, int]) -> bool:
    """Whether a span reads as a full quotation: a clause or more that stands as the speaker's own words
    (after a colon, at the start of its sentence, ending in a full stop of its own, or before ", sagte X")."""
    rules = load_rules()
    start, end = span
    text = paragraph.text
    inner = text[start + 1 : end - 1].strip()
    words = _WORDS.findall(inner)
    if len(words) < rules.min_quote_words or all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False      # a fragment, or a name or title ("Frankfurter Allgemeine Zeitung")
    first = paragraph.bounds[paragraph.sentence_of(start)]
    before = text[first[0] : start].strip()
    if not before or before.endswith(":") or before[-1:] in "„“«»‹›\"'":
        return True
    if re.search(r"[.!?…]$", inner) or end > len(text.rstrip()):     # a sentence of its own, or cut off
        return True
    return before.endswith(",") and rules.cue.search(paragraph.masked, max(first[0], start - 40), start) is not None


_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")


def _echo_key(text: str) -> tuple[str, ...]:
    """The words of a span, lower case and cut to four letters: enough to find the same words quoted twice in one
    article ("Heiliger Kampf", "heiligen Kampf"; "Kein Grund", "keinen Grund") without a stemmer's cost."""
    return tuple(word.lower()[:4] for word in _WORDS.findall(text))


def _continues(text: str, opening: str | None) -> bool:
    """Whether a paragraph goes on with the quotation that ``opening`` left open at the end of the paragraph
    before: the paragraph closes that quotation before it opens another with the same mark."""
    if opening is None:
        return False
    closing = dict(load_rules().marks)[opening]
    end, start = text.find(closing), text.find(opening)
    return end != -1 and (start == -1 or end < start)


def _left_open(layout: _Layout) -> str | None:
    """The opening mark of a quotation that runs past the end of the paragraph, if one does."""
    last = layout.spans[-1] if layout.spans else None
    return layout.text[last[0]] if last and last[1] > len(layout.text.rstrip()) else None


def _echoed(key: tuple[str, ...], said: dict) -> _Person | str | None:
    """The speaker of words quoted and attributed elsewhere in the article: the same words, or a longer span that holds
    two or more attributed words in a row ("Eine ernste Bedrohung" in a headline, "ernsten Bedrohung" in the body)."""
    if key in said:
        return said[key]
    for other, who in said.items():       # the unattributed span holds the attributed words, not the other way
        if 2 <= len(other) < len(key) and any(key[i : i + len(other)] == other for i in range(len(key) - len(other) + 1)):
            return who
    return None


def _layout(sentences: list[tuple[int, int, str, str]], opening: str | None = None) -> _Layout:
    """The paragraph of ``sentences`` (``(char_start, char_end, text, sentence_id)`` of one line, in order).

    ``opening``: the mark of a quotation the paragraph before left open; where this paragraph closes it
    (a quotation over two paragraphs, "«… ¶ …», sagt Gerber"), the mark is set before its text."""
    width = max(end for _, end, _, _ in sentences) + len(sentences) + 1
    chars = [" "] * width
    bounds, ids = [], []
    shift = 0               # sentences glued without a space ("…in PjöngjangPutin: …") get one in between
    continued = _continues(" ".join(text for _, _, text, _ in sentences), opening)
    if continued:
        chars[0], shift = opening, 1 - sentences[0][0]
    for char_start, char_end, sentence_text, sentence_id in sentences:
        if bounds and char_start + shift <= bounds[-1][1]:
            shift = bounds[-1][1] + 1 - char_start
        chars[char_start + shift : char_end + shift] = list(sentence_text)
        bounds.append((char_start + shift, char_end + shift))
        ids.append(sentence_id)
    chars = chars[: bounds[-1][1]]
    if continued:
        bounds[0] = (0, bounds[0][1])         # the mark set before the text belongs to its first sentence
    text = "".join(chars)
    spans = find_spans(text)
    masked = list(text)
    for start, end in spans:
        end = min(end, len(text))
        if _words(text[start + 1 : end - 1]) >= load_rules().min_quote_words:
            masked[start:end] = [" "] * (end - start)
    masked = "".join(masked)
    return _Layout(text, masked, bounds, spans, ids, _scan(masked))


@dataclass(frozen=True)
class _Layout:
    """A paragraph before anyone in it is resolved."""

    text: str
    masked: str
    bounds: list[tuple[int, int]]
    spans: list[tuple[int, int]]
    ids: list[str]
    scan: _Scan

    def read(self, reader: _Reader) -> _Paragraph:
        return _Paragraph(self.text, self.masked, self.bounds, reader.mentions(self.masked, self.scan))


def _paragraphs(sentences: pd.DataFrame) -> list[tuple[str, list[list[tuple[int, int, str, str]]]]]:
    """The sentences by article (sorted by id) and by line (sorted by number), each line's in table order,
    as ``(char_start, char_end, text, sentence_id)``: one pass over the columns, no sub-frame per paragraph."""
    by_article: dict[str, dict[int, list[tuple[int, int, str, str]]]] = {}
    names = ("article_id", "line_no", "char_start", "char_end", "text", "sentence_id")
    for article_id, line_no, char_start, char_end, text, sentence_id in zip(*(sentences[n].tolist() for n in names)):
        by_article.setdefault(article_id, {}).setdefault(line_no, []).append((char_start, char_end, text, sentence_id))
    return [(article_id, [lines[n] for n in sorted(lines)]) for article_id, lines in sorted(by_article.items())]


def find_quotes(sentences: pd.DataFrame) -> pd.DataFrame:
    """Every quoted span of the kept sentences: columns ``QUOTE_COLUMNS``, ``kind`` one of ``KINDS``.

    ``sentence_id`` is the sentence in which the span opens.
    """
    rules = load_rules()
    rows = []
    display = dict(zip(sentences.sentence_id, sentences.part.isin(rules.echo_parts))) if "part" in sentences else {}
    for article_id, paragraphs in _paragraphs(sentences):
        layouts: list[_Layout] = []
        for paragraph_sentences in paragraphs:
            layouts.append(_layout(paragraph_sentences, _left_open(layouts[-1]) if layouts else None))
        reader = _Reader()
        for layout in layouts:   # first pass: who is named
            layout.read(reader)
        reader = _Reader(known_people=reader.people)
        found = []
        for layout in layouts:
            paragraph, spans, ids = layout.read(reader), layout.spans, layout.ids
            previous: _Person | str | None = None
            last_said: _Person | str | None = None
            for start, end in spans:
                inner = paragraph.text[start + 1 : end - 1]
                full = _full_shaped(paragraph, (start, end))
                who, cue = _attribute(paragraph, (start, end), previous, reader, full=full, last_said=last_said)
                if who not in (NOBODY, None, UNKNOWN):
                    last_said = who
                if who not in (NOBODY, None) and full:
                    previous = who    # the next quotation of the paragraph may carry this speaker on
                found.append([ids[paragraph.sentence_of(start)], inner, who, cue, full])
            reader.note(paragraph.mentions)
        # the same words quoted and attributed elsewhere in the article are that speaker's
        said = {_echo_key(inner): who for _, inner, who, _, _ in found if who not in (NOBODY, None, UNKNOWN)}
        for row in found:       # a headline's or subheading's quotation without a cue echoes the body
            open_to_echo = row[2] in (NOBODY, None, UNKNOWN) or row[3] == "none" and display.get(row[0], False)
            if open_to_echo and (echo := _echoed(_echo_key(row[1]), said)) is not None:
                row[2] = echo
        for sentence_id, inner, who, cue, full in found:
            if isinstance(who, _Person):
                speaker, speaker_type = who.name, who.type
            else:
                speaker = who if isinstance(who, str) else UNKNOWN
                speaker_type = rules.other_type
            kind = "scare" if speaker == NOBODY else "full" if full else "partial"
            rows.append((article_id, sentence_id, inner, speaker, speaker_type, cue, kind))
    return pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
