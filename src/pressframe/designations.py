"""How a text names Putin and Kim: every match of the gazetteer in ``data/designations.yml``.

Matches are found in the kept sentences (title, standfirst, key points, subheadings, body,
captions), including inside quotations. Overlapping matches are resolved longest first, so
"Kim Jong-un" is one mention, not also "Kim".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import yaml

from .paths import DATA_DIR
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
    pattern: re.Pattern


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
    """Every pattern of the gazetteer, joined to find where any of them can match in one scan."""
    return PatternSet([entry.pattern for entry in gazetteer()], before=_BEFORE, after=_AFTER)


def find_in_text(text: str) -> list[tuple[int, int, Entry]]:
    """Non-overlapping gazetteer matches in ``text`` as ``(start, end, entry)``, longest first, then in order."""
    candidates = [(m.start(), m.end(), entry)
                  for entry, found in zip(gazetteer(), _gazetteer_patterns().finditer_each(text)) for m in found]
    names = [c for c in candidates if c[2].register == "name"]
    candidates = [c for c in candidates if not _names_someone_else(text, c[1], c[2], names)]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, Entry]] = []
    for start, end, entry in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, entry))
    return sorted(taken, key=lambda c: c[0])


def find_mentions(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per mention of Putin or Kim in the sentences: columns ``MENTION_COLUMNS``."""
    rows = [(article_id, sentence_id, start, end, text[start:end], entry.actor, entry.label, entry.register)
            for article_id, sentence_id, text in zip(sentences.article_id.tolist(), sentences.sentence_id.tolist(),
                                                        sentences.text.tolist())
            for start, end, entry in find_in_text(text)]
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS))


def count_designations(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions counted per article, actor and designation: columns ``DESIGNATION_COLUMNS``."""
    counts = mentions.groupby(["article_id", "actor", "designation"]).size().rename("count").reset_index()
    return counts.sort_values(["article_id", "actor", "count", "designation"], ascending=[True, True, False, True],
                              ignore_index=True)[list(DESIGNATION_COLUMNS)]
