"""Temporal expressions in German news text, normalised against the publication date.

The rules are the table in ``data/timex.yml``: each names a pattern over small vocabularies
(months, weekdays, parts of the day, number words, units) and a resolver that turns a match into a
TIMEX3 value ("2024-06-19", "2023-09", "2000", "2024-06-18TEV", "P24Y", "PAST_REF", ...). As
HeidelTime does for news, expressions without a year are resolved against the article's
publication date, in the direction the sentence's tense points. The extent of an expression never
includes a leading preposition ("am 19. Juni" gives "19. Juni"), except "vor" (ago) and "in" (in a
few years), which turn a duration into a date.

"N Jahre nach X" is a duration whose anchor is X ("event:seinem letzten Besuch"): the timeline
dates X as the publication date minus N.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from .patterns import PatternSet, word_trie

TIMEX_COLUMNS = ("article_id", "sentence_id", "start", "end", "text", "type", "value", "anchor", "mod", "rule")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
_LETTER = r"[^\W\d_]"
_BEFORE, _AFTER = rf"(?<!{_LETTER})(?<!\d)", rf"(?!{_LETTER})"


class RuleError(ValueError):
    """A rule of ``data/timex.yml`` that cannot be used; the message names the rule and field."""


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    pattern: re.Pattern
    value: str
    before: re.Pattern | None
    not_before: re.Pattern | None
    not_after: re.Pattern | None
    require: tuple[str, ...]
    fixed: str
    offsets: dict[str, int]
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    vocabulary: dict[str, dict[str, object]]
    season_start: dict[str, tuple[int, int]]
    future: re.Pattern
    past: re.Pattern
    clause_breaks: re.Pattern
    rules: tuple[Rule, ...]


RESOLVERS = ("date", "date_time", "month_year", "year", "day_month", "month", "month_relation", "weekday", "weekday_part",
             "night_before", "weekend", "season", "relative_day", "day_part", "relative_unit", "ago", "decade",
             "duration", "anchored", "vague_duration", "days_adjective", "fixed", "clock", "set")


def _expand(pattern: str, vocabulary: dict[str, dict], where: str) -> str:
    def group(match: re.Match) -> str:
        name = match.group(1)
        if name not in vocabulary:
            raise RuleError(f"{where}: unknown placeholder {{{name}}}")
        words = {w for word in vocabulary[name] for w in (word, word[:1].upper() + word[1:])}
        return f"(?P<{name}>" + word_trie(words) + ")"
    return re.sub(r"\{([a-z_]+)\}", group, pattern)


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> Rules:
    """The rule table (``data/timex.yml`` unless ``path`` names another), compiled once.

    Raises ``RuleError`` naming the file, the rule and the field when a rule cannot be used.
    """
    path = path or DATA_DIR / "timex.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    vocabulary = {name: {str(k): v for k, v in words.items()} for name, words in raw["vocabulary"].items()}
    rules = []
    for index, row in enumerate(raw["rules"]):
        where = f"rule {index + 1} ('{row.get('name', '?')}')"
        for key in ("name", "type", "pattern", "value"):
            if key not in row:
                raise RuleError(f"{path.name}: {where}: missing field '{key}'")
        if row["type"] not in TIMEX_TYPES:
            raise RuleError(f"{path.name}: {where}: field 'type': '{row['type']}' is not one of {', '.join(TIMEX_TYPES)}")
        if row["value"] not in RESOLVERS:
            raise RuleError(f"{path.name}: {where}: field 'value': unknown resolver '{row['value']}'")
        compiled = {}
        for key in ("pattern", "before", "not_before", "not_after"):
            if row.get(key):
                try:
                    text = _expand(row[key], vocabulary, f"{path.name}: {where}: field '{key}'")
                    if key == "pattern":
                        compiled[key] = re.compile(_BEFORE + f"(?:{text})" + _AFTER)
                    else:
                        compiled[key] = re.compile(text, re.IGNORECASE if key != "not_after" else 0)
                except re.error as error:
                    raise RuleError(f"{path.name}: {where}: field '{key}': {error}") from None
        rules.append(Rule(row["name"], row["type"], compiled["pattern"], row["value"], compiled.get("before"),
                          compiled.get("not_before"), compiled.get("not_after"), tuple(row.get("require", ())),
                          str(row.get("fixed", "")), dict(row.get("offsets", {})),
                          tuple(row.get("examples", ())), tuple(row.get("near_misses", ()))))
    return Rules(vocabulary, {k: tuple(v) for k, v in raw["season_start"].items()},
                 re.compile(raw["tense"]["future"]), re.compile(raw["tense"]["past"]),
                 re.compile(raw["clause_breaks"]), tuple(rules))


def tense(sentence: str, position: int | None = None) -> str:
    """``future``, ``past`` or ``present``, from the markers of ``data/timex.yml``: in the clause around
    ``position`` where it has one, else in the whole sentence."""
    rules = load_rules()
    if position is not None:
        breaks = [0, *(m.end() for m in rules.clause_breaks.finditer(sentence)), len(sentence)]
        start = max(b for b in breaks if b <= position)
        end = min((b for b in breaks if b > position), default=len(sentence))
        clause = sentence[start:end]
        if rules.future.search(clause) or rules.past.search(clause):
            return tense(clause)
    if rules.future.search(sentence):
        return "future"
    return "past" if rules.past.search(sentence) else "present"


@lru_cache(maxsize=4)
def _rule_patterns(path: Path | None = None) -> PatternSet:
    """The patterns of every rule, joined to find where any of them can match in one scan."""
    rules = load_rules(path) if path is not None else load_rules()    # load_rules() and load_rules(None) cache apart
    return PatternSet([rule.pattern for rule in rules.rules], before=_BEFORE, after=_AFTER)


def _matches(sentence: str) -> list[tuple[int, int, int, re.Match]]:
    """Every rule match that meets its conditions: ``(start, end, rule index, match)``."""
    found = []
    rules = load_rules().rules
    for index, (rule, matches) in enumerate(zip(rules, _rule_patterns().finditer_each(sentence))):
        for match in matches:
            start, end = match.span()
            if rule.before is not None and not rule.before.search(sentence[:start]):
                continue
            if rule.not_before is not None and rule.not_before.search(sentence[:start]):
                continue
            if rule.not_after is not None and rule.not_after.match(sentence[end:]):
                continue
            if any(match.groupdict().get(name) is None for name in rule.require):
                continue
            found.append((start, end, index, match))
    kept: list[tuple[int, int, int, re.Match]] = []
    for candidate in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        if all(candidate[1] <= k[0] or candidate[0] >= k[1] for k in kept):
            kept.append(candidate)
    return sorted(kept)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class _Resolver:
    """Turns one match into ``(value, anchor, mod)`` against a publication date and a tense."""

    def __init__(self, published: date, tense_: str, sentence_date: str | None):
        self.p, self.tense, self.sentence_date = published, tense_, sentence_date
        self.vocabulary = load_rules().vocabulary

    def word(self, match: re.Match, group: str):
        text = match.group(group)
        if text is None:
            return None
        words = self.vocabulary.get(group, {})
        for key in (text, text[:1].lower() + text[1:]):           # "Juni", "Drei"
            if key in words:
                return words[key]
        return int(text)                                          # "06"

    def amount(self, match: re.Match) -> tuple[str, str]:
        """The number (or X) and the unit code of a duration."""
        groups = match.groupdict()
        if groups.get("num"):
            number = str(int(groups["num"]))
        elif groups.get("number"):
            number = f"{self.word(match, 'number'):g}"          # 2, 2.5
        else:
            number = "X"
        return number, self.word(match, "unit")

    def mod(self, match: re.Match) -> str:
        groups = match.groupdict()
        if groups.get("approx"):
            return self.word(match, "approx")
        return self.word(match, "position") if groups.get("position") else ""

    def month_of(self, month: int) -> str:
        p = self.p
        if self.tense == "future":
            year = p.year if month >= p.month else p.year + 1
        elif self.tense == "past":
            year = p.year if month <= p.month else p.year - 1
        else:
            year = p.year
        return f"{year}-{month:02d}"

    def weekday_of(self, weekday: int) -> date:
        """Past tense: the latest such day on or before the publication date; future tense: the next such day on
        or after it; present tense, which German news uses for what is about to happen ("beginnt am Mittwoch")
        as for what just did: the nearer of the two."""
        p = self.p
        ahead, back = (weekday - p.isoweekday()) % 7, (p.isoweekday() - weekday) % 7
        if self.tense == "future" or (self.tense == "present" and ahead < back):
            return p + timedelta(days=ahead)
        return p - timedelta(days=back)

    def relation(self, match: re.Match) -> int | None:
        """-1, 0 or 1 for "vergangenen", "diesen", "kommenden" in the match; None where it has none."""
        return int(self.word(match, "relation")) if match.groupdict().get("relation") else None

    def season_year(self, code: str, relation: int | None) -> int:
        """The year of the season ``code`` meant: "vergangenen Herbst" the last one that has begun and is not the
        current one, "diesen Herbst" this year's, "kommenden Herbst" the next to begin; without a word, the
        latest that began on or before the publication date (the next one in a future-tense sentence)."""
        p = self.p
        starts = load_rules().season_start
        month, day = starts[code]
        began = p.year if date(p.year, month, day) <= p else p.year - 1
        current = max(starts, key=lambda c: date(p.year if date(p.year, *starts[c]) <= p else p.year - 1, *starts[c]))
        if relation == 0:
            return p.year
        if relation == 1 or (relation is None and self.tense == "future"):
            return began + 1
        if relation == -1 and code == current:
            return began - 1
        return began

    def resolve(self, rule: Rule, match: re.Match) -> tuple[str, str, str]:
        kind, p, published = rule.value, self.p, self.p.isoformat()
        mod = self.mod(match)
        if kind == "date":
            return date(self.word(match, "year"), self.word(match, "month"), self.word(match, "day")).isoformat(), "", mod
        if kind == "month_year":
            month = self.word(match, "month")
            if match.group("year"):
                return f"{match.group('year')}-{month:02d}", "", mod
            return self.month_of(month), published, mod
        if kind == "year":
            return match.group("year"), "", mod
        if kind == "day_month":
            day = date(p.year, self.word(match, "month"), self.word(match, "day"))
            if self.tense == "past" and day > p:
                day = day.replace(year=p.year - 1)
            elif self.tense == "future" and day < p:
                day = day.replace(year=p.year + 1)
            return day.isoformat(), published, mod
        if kind == "month":
            return self.month_of(self.word(match, "month")), published, mod
        if kind == "month_relation":
            month, relation, year = self.word(match, "month"), self.relation(match), p.year
            if relation == -1:
                year = p.year if month < p.month else p.year - 1
            elif relation == 1:
                year = p.year if month > p.month else p.year + 1
            return f"{year}-{month:02d}", published, mod
        if kind == "weekday":
            return self.weekday_of(self.word(match, "weekday")).isoformat(), published, mod
        if kind == "weekday_part":
            day = self.weekday_of(self.word(match, "weekday"))
            return f"{day.isoformat()}T{self.vocabulary['daypart'][match.group('daypart')]}", published, mod
        if kind == "season":
            code = self.word(match, "season")
            if match.groupdict().get("year"):
                return f"{match.group('year')}-{code}", "", mod
            return f"{self.season_year(code, self.relation(match))}-{code}", published, mod
        if kind == "date_time":
            day = date(self.word(match, "year"), self.word(match, "month"), self.word(match, "day"))
            return f"{day.isoformat()}T{int(match.group('hour')):02d}:{match.group('minute')}", "", mod
        if kind == "night_before":
            day = self.weekday_of(self.word(match, "weekday")) - timedelta(days=1)
            return f"{day.isoformat()}TNI", published, mod
        if kind == "weekend":
            relation = self.relation(match)
            forward = relation == 1 or (relation is None and self.tense == "future")
            saturday = p + timedelta(days=(6 - p.isoweekday()) % 7) if forward \
                else p - timedelta(days=(p.isoweekday() - 6) % 7)
            return f"{_week(saturday)}-WE", published, mod
        if kind == "day_part":
            day = self.sentence_date or (p + timedelta(days=rule.offsets.get(match.groupdict().get("word") or "", 0))).isoformat()
            code = self.word(match, "day_part_word")
            return f"{day}T{code}", "" if self.sentence_date else published, mod
        if kind == "decade":
            digits = match.groupdict().get("digits")
            decade = digits[:3] if digits else str(1900 + int(self.word(match, "decade_word")))[:3]
            return decade, "", mod
        if kind == "relative_day":
            return (p + timedelta(days=rule.offsets[match.group("word")])).isoformat(), published, mod
        if kind == "relative_unit":
            by, unit = int(self.word(match, "relation")), match.group("unit")
            if unit.startswith("Jahr"):
                return str(p.year + by), published, mod
            if unit.startswith("Monat"):
                return "{}-{:02d}".format(*_shift_month(p.year, p.month, by)), published, mod
            return _week(p + timedelta(weeks=by)), published, mod
        if kind == "ago":
            number, unit = self.amount(match)
            if float(number) != int(float(number)):       # "vor zweieinhalb Jahren": months ago, to the month
                months = round(float(number) * {"Y": 12, "DE": 120, "M": 1}.get(unit, 0))
                if months:
                    return "{}-{:02d}".format(*_shift_month(p.year, p.month, -months)), published, mod
            n = int(float(number))
            value = {"Y": lambda: str(p.year - n), "DE": lambda: str(p.year - 10 * n)[:3],
                     "M": lambda: "{}-{:02d}".format(*_shift_month(p.year, p.month, -n)),
                     "W": lambda: _week(p - timedelta(weeks=n)),
                     "D": lambda: (p - timedelta(days=n)).isoformat(),
                     "H": lambda: p.isoformat()}[unit]()
            return value, published, mod
        if kind in ("duration", "anchored", "vague_duration"):
            number, unit = self.amount(match) if kind != "vague_duration" else ("X", self.word(match, "unit"))
            value = f"PT{number}H" if unit == "H" else f"P{number}{unit}"
            anchor = ""
            if kind == "anchored":
                anchor = "event:" + _anchor_phrase(match.string, match.end())
            return value, anchor, mod
        if kind == "days_adjective":
            number = match.group("num") or self.word(match, "number_stem")
            return f"P{int(number)}D", "", mod
        if kind == "clock":
            day = self.sentence_date or published
            return f"{day}T{int(match.group('hour')):02d}:{match.group('minute') or '00'}", "" if self.sentence_date else published, mod
        if kind == "set":
            unit = (match.groupdict().get("unit") or match.group(0))[:3].lower()
            return {"jah": "P1Y", "jäh": "P1Y", "mon": "P1M", "woc": "P1W", "wöc": "P1W", "tag": "P1D", "täg": "P1D"}[unit], "", mod
        relative = rule.fixed.endswith("_REF")
        return rule.fixed, published if relative else "", mod


_ANCHOR = re.compile(r"\s+nach\s+((?:\S+\s+){0,4}?[A-ZÄÖÜ][\w-]*)")


def _anchor_phrase(sentence: str, end: int) -> str:
    """The event after "nach" in "N Jahre nach seinem letzten Besuch": up to its first noun."""
    match = _ANCHOR.match(sentence, end)
    return match.group(1) if match else ""


def find_timexes(sentences: pd.DataFrame, *, published: date) -> pd.DataFrame:
    """One row per temporal expression of ``sentences`` (one article): columns ``TIMEX_COLUMNS``.

    ``start``/``end`` are offsets within the sentence; ``anchor`` is the publication date for values
    resolved against it, ``event:<phrase>`` for "N Jahre nach <phrase>", empty for absolute values.
    """
    rows = _timex_rows(zip(sentences.article_id.tolist(), sentences.sentence_id.tolist(), sentences.text.tolist()), published)
    return pd.DataFrame(rows, columns=list(TIMEX_COLUMNS))


def _timex_rows(sentences, published: date) -> list[tuple]:
    """The rows of ``find_timexes`` for ``(article_id, sentence_id, text)`` triples of one article."""
    rules = load_rules().rules
    rows = []
    for article_id, sentence_id, text in sentences:
        sentence_date = None
        for start, end, index, match in _matches(text):
            rule = rules[index]
            resolver = _Resolver(published, tense(text, start), sentence_date)
            value, anchor, mod = resolver.resolve(rule, match)
            if rule.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                sentence_date = value         # "am Sonntag um 14.55 Uhr": the time is on that day
            rows.append((article_id, sentence_id, start, end, match.group(0), rule.type, value, anchor, mod, rule.name))
    return rows


DATELINE_COLUMNS = ("article_id", "line_no", "char_start", "char_end", "dateline", "text", "type", "value")


def dateline_timexes(pieces: pd.DataFrame, published: dict[str, date]) -> pd.DataFrame:
    """The dates and times that the datelines of the texts print (pieces of part ``dateline``: "Tagesschau,
    13.9.2023, 12:45 Uhr", "Stand: 19.06.2024"), by the same rules as the running text: columns
    ``DATELINE_COLUMNS``, ``char_start``/``char_end`` the expression's offsets in its line.

    A dateline dates the page, not an event: it is evidence for the publication date, kept apart from the
    timexes of the text."""
    rules = load_rules().rules
    rows = []
    datelines = pieces[pieces.part == "dateline"]
    for article_id, line_no, start, text in zip(datelines.article_id, datelines.line_no, datelines.char_start,
                                                datelines.text):
        for a, b, index, match in _matches(text):
            rule = rules[index]
            value, _, _ = _Resolver(published[article_id], "past", None).resolve(rule, match)
            rows.append((article_id, int(line_no), int(start) + a, int(start) + b, text.strip(), match.group(0),
                         rule.type, value))
    return pd.DataFrame(rows, columns=list(DATELINE_COLUMNS))


def timexes_table(sentences: pd.DataFrame, published: dict[str, date]) -> pd.DataFrame:
    """``find_timexes`` over every article of ``sentences``, each against its own publication date."""
    by_article: dict[str, list[tuple[str, str, str]]] = {}   # one pass, one table: no sub-frame per article
    for row in zip(sentences.article_id.tolist(), sentences.sentence_id.tolist(), sentences.text.tolist()):
        by_article.setdefault(row[0], []).append(row)
    if not by_article:
        return pd.DataFrame(columns=list(TIMEX_COLUMNS))
    rows = [row for article_id in sorted(by_article) for row in _timex_rows(by_article[article_id], published[article_id])]
    return pd.DataFrame(rows, columns=list(TIMEX_COLUMNS))


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_DAY_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}
_REFS = {"PAST_REF": "the past", "PRESENT_REF": "the present", "FUTURE_REF": "the future"}
_UNITS = {"Y": ("year", "years"), "M": ("month", "months"), "W": ("week", "weeks"), "D": ("day", "days")}


def reading(value: str) -> str:
    """A TIMEX3 value in plain English: "2024-06-18TEV" -> "18 June 2024, evening", "P24Y" -> "24 years"."""
    if value in _REFS:
        return _REFS[value]
    if match := re.fullmatch(r"P(\d+|X)([YMWD])", value):
        amount, unit = match.groups()
        singular, plural = _UNITS[unit]
        return f"some {plural}" if amount == "X" else f"{amount} {singular if amount == '1' else plural}"
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASONS[match.group(2)]} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        week = f"week {int(match.group(2))} of {match.group(1)}"
        return f"the weekend of {week}" if match.group(3) else week
    if match := re.fullmatch(r"(\d{3})", value):
        return f"the {match.group(1)}0s"
    if match := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(MO|MI|AF|EV|NI|\d{2}:\d{2}))?", value):
        year, month, day, part = match.groups()
        text = year if month is None else f"{_MONTHS[int(month) - 1]} {year}"
        if day is not None:
            text = f"{int(day)} {text}"
        return text + (f", {_DAY_PARTS.get(part, part)}" if part else "")
    return value
