"""One timeline across all texts: dated mentions, merged into events, with conflicts between texts.

A mention is a temporal expression that names a point on the calendar (a day, a month, a season, a
year) or a duration anchored on an event ("24 Jahre nach seinem letzten Besuch", dated as the
publication date minus 24 years). Its kind (treaty, summit, visit, ...) comes from the terms of
``data/events.yml`` in its clause or sentence. Mentions of one kind whose spans lie within
``window_days`` of each other form one event. Within an event, texts that put it on different days
conflict; a conflict between an evening or night and the next day is flagged as what the time
difference between Europe and Korea makes of one night. A mention that fits no kind is not guessed into an event: it
keeps an empty ``event_id`` and the label ``OTHER_LABEL``, and the book lists it apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from ..extract.timex import reading

MENTION_COLUMNS = ("article_id", "sentence_id", "timex", "value", "kind", "label", "start", "end", "precision",
                   "night", "named_in")
"""``named_in``: the sentence whose words name the event ("" where the mention's own sentence does)."""
TIMELINE_COLUMNS = ("event_id", "date", "label", "article_id", "sentence_id", "timex", "conflict")
CONFLICT_COLUMNS = ("event_id", "label", "dates", "sources", "explanation")
TIME_ZONE_NOTE = ("an evening or night in Europe (UTC+2 in summer) is the next morning in Korea (UTC+9): "
                  "both dates can describe the same moment")
_PARTS_OF_NIGHT = ("TEV", "TNI")
OTHER_KIND = "other"
OTHER_LABEL = "Other dated mention"
"""The label of a mention that fits no kind of event: listed apart, never merged or numbered as an event."""


@dataclass(frozen=True)
class Kind:
    kind: str
    label: str
    patterns: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def load_kinds() -> tuple[tuple[Kind, ...], int, re.Pattern]:
    """The event kinds, the merge window in days and the clause breaks of ``data/events.yml``."""
    raw = yaml.safe_load((DATA_DIR / "events.yml").read_text(encoding="utf-8"))
    kinds = tuple(Kind(k["kind"], k["label"], tuple(re.compile(p) for p in k["patterns"])) for k in raw["kinds"])
    return kinds, int(raw["window_days"]), re.compile(raw["clause_breaks"])


def span(value: str) -> tuple[date, date, str] | None:
    """First and last day a TIMEX3 value covers, and its precision (day, month, season, year);
    None for values that are not on the calendar (durations, PAST_REF, ...)."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value):
        day = date(*map(int, m.groups()))
        return day, day, "day"
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = map(int, m.groups())
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1), "month"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year = int(m.group(1))
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m.group(2)]
        start = date(year, start_month, 1)
        end = date(year + (start_month == 12), (start_month + 2) % 12 + 1, 1) - timedelta(days=1)
        return start, end, "season"
    if m := re.fullmatch(r"(\d{4})", value):
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31), "year"
    return None


def _back(published: date, duration: str) -> str | None:
    """The year (or month) that lies ``duration`` (P24Y, P3M) before the publication date."""
    if m := re.fullmatch(r"P(\d+)Y", duration):
        return str(published.year - int(m.group(1)))
    if m := re.fullmatch(r"P(\d+)M", duration):
        index = published.year * 12 + published.month - 1 - int(m.group(1))
        return f"{index // 12}-{index % 12 + 1:02d}"
    return None


def _kind(sentence: str, start: int, end: int, phrase: str = "", following: str = "") -> tuple[Kind | None, bool]:
    """The kind of the first of: the event phrase, the expression's clause, its sentence, the sentence after it in
    the same paragraph (``following``) that names one; and whether that was the following sentence."""
    kinds, _, breaks = load_kinds()
    cuts = [0, *(m.end() for m in breaks.finditer(sentence)), len(sentence)]
    clause = sentence[max(c for c in cuts if c <= start) : min((c for c in cuts if c >= end), default=len(sentence))]
    for where, text in enumerate((phrase, clause, sentence, following)):
        for kind in kinds:
            if text and any(p.search(text) for p in kind.patterns):
                return kind, where == 3
    return None, False


def mentions(timexes: pd.DataFrame, sentences: pd.DataFrame, published: dict[str, date]) -> pd.DataFrame:
    """Every dated mention: columns ``MENTION_COLUMNS``, in order of date, then article and sentence."""
    text_of = dict(zip(sentences.sentence_id, sentences.text))
    following = {}      # the next sentence of the same paragraph (same line and part), and its id
    keys = list(zip(sentences.sentence_id, sentences.article_id, sentences.line_no, sentences.part, sentences.text))
    for (sid, *where, _), (next_id, *next_where, text) in zip(keys, keys[1:]):
        if where == next_where:
            following[sid] = (next_id, text)
    rows = []
    for t in timexes.itertuples():
        value, phrase = t.value, ""
        if t.anchor.startswith("event:"):
            value, phrase = _back(published[t.article_id], t.value), t.anchor.removeprefix("event:")
            if value is None:
                continue
        covered = span(value)
        if covered is None:
            continue
        sentence = text_of[t.sentence_id]
        next_id, next_text = following.get(t.sentence_id, ("", ""))
        kind, from_next = _kind(sentence, t.start, t.end, phrase, next_text)
        rows.append((t.article_id, t.sentence_id, t.text, value, kind.kind if kind else OTHER_KIND,
                     kind.label if kind else OTHER_LABEL,
                     covered[0], covered[1], covered[2], t.value.endswith(_PARTS_OF_NIGHT), next_id if from_next else ""))
    table = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return table.sort_values(["start", "end", "article_id", "sentence_id"], kind="stable").reset_index(drop=True)


def merge(mentions_: pd.DataFrame) -> pd.DataFrame:
    """Mentions with an ``event_id`` (E01, E02, ... in order of date): one kind, spans within the window.

    Mentions of no kind get an empty ``event_id``: they are other dated mentions, not events.
    """
    _, window, _ = load_kinds()
    gap = timedelta(days=window)
    event_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for kind, group in mentions_[mentions_.kind != OTHER_KIND].groupby("kind", sort=True):
        current, reach = None, None
        for index, row in group.sort_values(["start", "end"], kind="stable").iterrows():
            if current is None or row.start > reach + gap:
                groups.append([])
                current, reach = len(groups) - 1, row.end
            groups[current].append(index)
            reach = max(reach, row.end)
    order = sorted(range(len(groups)), key=lambda g: (min(mentions_.start[i] for i in groups[g]),
                                                      min(mentions_.article_id[i] for i in groups[g])))
    for number, g in enumerate(order, start=1):
        for index in groups[g]:
            event_of[index] = number
    width = max(2, len(str(len(groups))))
    return mentions_.assign(event_id=[f"E{event_of[i]:0{width}d}" if i in event_of else "" for i in mentions_.index])


def conflicts(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event whose texts give it different days: columns ``CONFLICT_COLUMNS``.

    Days are grouped where an evening or night is followed by the next day (one night, seen from
    Europe and from Korea); more than one group is a disagreement the time zones do not explain.
    """
    rows = []
    for event_id, group in events[events.event_id != ""].groupby("event_id", sort=True):
        dated = group[group.precision == "day"].sort_values(["start", "article_id", "sentence_id"])
        if dated.start.nunique() < 2:
            continue
        nights = set(dated.start[dated.night])
        clusters: list[list] = []
        for day in sorted(dated.start.unique()):
            if clusters and day - timedelta(days=1) == clusters[-1][-1] and clusters[-1][-1] in nights:
                clusters[-1].append(day)
            else:
                clusters.append([day])
        described = []
        for cluster in clusters:
            texts = ", ".join(sorted(set(dated.article_id[dated.start.isin(cluster)])))
            days = " / ".join(d.isoformat() for d in cluster)
            described.append(f"{days} ({texts})")
        if len(clusters) == 1:
            explanation = f"one night: {TIME_ZONE_NOTE}"
        else:
            joined = [c for c in clusters if len(c) > 1]
            explanation = "the texts disagree: " + " vs ".join(described)
            if joined:
                explanation += f"; within {described[clusters.index(joined[0])]}, {TIME_ZONE_NOTE}"
        rows.append((event_id, group.label.iloc[0], "; ".join(d.isoformat() for d in sorted(dated.start.unique())),
                     "; ".join(f"{r.start.isoformat()}: {r.article_id} ({r.sentence_id}, „{r.timex}“"
                               + (f"; the event is named in {r.named_in}" if r.named_in else "") + ")"
                               for r in dated.itertuples()),
                     explanation))
    return pd.DataFrame(rows, columns=list(CONFLICT_COLUMNS))


def timeline(timexes: pd.DataFrame, sentences: pd.DataFrame, published: dict[str, date]) -> pd.DataFrame:
    """The joint timeline, one row per mention: ``TIMELINE_COLUMNS`` plus ``kind``, ``start``, ``end``,
    ``precision``, ``night`` and ``value`` for the chapter. ``date`` is the mention's own TIMEX3 value,
    ``conflict`` is True for every mention of an event the texts date differently."""
    events = merge(mentions(timexes, sentences, published))
    first_year = events.groupby("event_id").start.transform("min").map(lambda d: d.year)
    repeated = events.groupby("label").event_id.transform("nunique") > 1      # two visits: tell them apart
    events = events.assign(label=[f"{label} ({year})" if again and event_id else label
                                  for label, year, again, event_id in zip(events.label, first_year, repeated,
                                                                          events.event_id)])
    flagged = set(conflicts(events).event_id)
    events = events.assign(date=events.value, conflict=events.event_id.isin(flagged), other=events.event_id == "")
    extra = ["kind", "start", "end", "precision", "night", "value", "named_in"]
    return events.sort_values(["other", "event_id", "start", "article_id", "sentence_id"], kind="stable").reset_index(
        drop=True)[[*TIMELINE_COLUMNS, *extra]]


def events_only(events: pd.DataFrame) -> pd.DataFrame:
    """The mentions of the timeline that belong to an event (not the other dated mentions)."""
    return events[events.event_id != ""]


def other_mentions(events: pd.DataFrame) -> pd.DataFrame:
    """The dated mentions that fit no kind of event, in order of date."""
    return events[events.event_id == ""].sort_values(["start", "article_id", "sentence_id"], kind="stable")


def first_date(group: pd.DataFrame) -> str:
    """When an event begins, at the precision its earliest mention gives: "2000", "September 2023", "18 June 2024"."""
    earliest = group.sort_values(["start", "end"], ascending=[True, False], kind="stable").iloc[0]
    return reading(re.sub(r"T.*$", "", earliest.value))


def coverage(events: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Which text mentions which event: one row per event (id, label, ``from``: when it begins, at the
    precision the texts give, see ``first_date``), one column per article holding the number of its
    mentions (0 where the text leaves the event out)."""
    events = events_only(events)
    counts = pd.crosstab(events.event_id, events.article_id).reindex(columns=article_ids, fill_value=0)
    first = pd.DataFrame([(event_id, group.label.iloc[0], first_date(group))
                          for event_id, group in events.groupby("event_id", sort=True)],
                         columns=["event_id", "label", "from"]).set_index("event_id")
    return first.join(counts).reset_index()


def timeline_facts(events: pd.DataFrame, timexes: pd.DataFrame, article_ids: list[str],
                   outlets: dict[str, str]) -> dict[str, object]:
    """Figures and phrases the timeline chapter glues into its prose."""
    table = conflicts(events)
    dated = sorted(set(events.article_id))
    kinded = events_only(events)
    undated = [a for a in article_ids if a not in dated]
    facts: dict[str, object] = {
        "n_timexes": len(timexes),
        "n_calendar_timexes": len(events),
        "n_vague_timexes": int(timexes.value.str.endswith("_REF").sum()),
        "n_durations": int((timexes.type == "DURATION").sum()),
        "n_events": kinded.event_id.nunique(),
        "n_events_shared": int((kinded.groupby("event_id").article_id.nunique() > 1).sum()),
        "n_other_mentions": len(events) - len(kinded),
        "n_conflicts": len(table),
        "n_texts_dating": len(dated),
        "texts_undated": ", ".join(f"{a} ({outlets[a]})" for a in undated) or "none",
        "first_year": min(events.start).year if len(events) else "",
    }
    earlier = kinded[kinded.start < min(kinded.start[kinded.precision == "day"], default=kinded.start.max())]
    history = earlier.groupby("article_id").event_id.nunique().sort_values(ascending=False, kind="stable")
    facts["most_history_article"] = f"{history.index[0]} ({outlets[history.index[0]]})" if len(history) else "none"
    facts["most_history_events"] = int(history.iloc[0]) if len(history) else 0
    if len(table):
        worst = table.iloc[0]
        facts["conflict_label"] = worst.label
        facts["conflict_dates"] = worst.dates.replace("; ", ", ")
        facts["conflict_n_dates"] = len(worst.dates.split("; "))
        facts["conflict_explanation"] = worst.explanation
    return facts
