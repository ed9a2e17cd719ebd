"""Frames in sentences, by the indicators of the codebook, and their salience with bootstrap intervals.

The codebook (``codebook/frames.yml``) lists each frame with a definition, its function in
Entman's sense, indicators and examples. Indicators are words, declared stems and phrases matched as
whole words (``indicator_pattern``). A sentence carries a frame when one of its indicators matches.
Texts are scored by zone (``ZONES``): the display (headline, standfirst, key points, subheadings) and
the body. Salience is the share of a unit's sentences of a zone (an article's, or a country group's
pooled) that carry the frame; its interval is a percentile bootstrap over those sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from ..base.paths import DATA_DIR
from .patterns import simple_case

CODEBOOK = DATA_DIR.parent / "codebook" / "frames.yml"
HIT_COLUMNS = ("article_id", "sentence_id", "zone", "frame", "indicator")
# Where a text frames: its display (kicker, headline, standfirst, key points, subheadings), where texts
# frame hardest, and its body. Captions describe pictures and are in neither.
ZONES = {"display": ("kicker", "title", "standfirst", "key_point", "subheading"), "body": ("body",)}
SALIENCE_COLUMNS = ("frame", "sentences", "n", "share", "low", "high")
FUNCTIONS = ("problem definition", "causal interpretation", "moral evaluation", "treatment recommendation")
REQUIRED = ("frame", "generic", "function", "definition", "indicators", "examples")
_DTYPES = {"sentences": "int64", "n": "int64", "share": "float64", "low": "float64", "high": "float64"}


class CodebookError(ValueError):
    """A codebook entry that cannot be used; the message names the file, the frame and the field."""


@dataclass(frozen=True)
class Frame:
    frame: str
    generic: bool
    function: str
    definition: str
    indicators: tuple[tuple[str, re.Pattern], ...]
    examples: tuple[str, ...]


@lru_cache(maxsize=4)
def load_codebook(path: Path | None = None) -> tuple[Frame, ...]:
    """The frames of the codebook (default ``codebook/frames.yml``), indicators compiled."""
    path = path or CODEBOOK
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    frames = []
    for number, row in enumerate(raw.get("frames") or [], start=1):
        where = f"{path.name}: frame {number} ('{row.get('frame', '?')}')"
        for key in REQUIRED:
            if key not in row:
                raise CodebookError(f"{where}: missing field '{key}'")
        if row["function"] not in FUNCTIONS:
            raise CodebookError(f"{where}: field 'function': '{row['function']}' is not one of {', '.join(FUNCTIONS)}")
        indicators = []
        for indicator in row["indicators"]:
            try:
                indicators.append((indicator, indicator_pattern(indicator)))
            except ValueError as error:
                raise CodebookError(f"{where}: field 'indicators': '{indicator}': {error}") from None
        frames.append(Frame(row["frame"], bool(row["generic"]), row["function"], row["definition"],
                            tuple(indicators), tuple(row["examples"])))
    names = [f.frame for f in frames]
    if len(set(names)) != len(names):
        raise CodebookError(f"{path.name}: frame names repeat: {', '.join(sorted({n for n in names if names.count(n) > 1}))}")
    return tuple(frames)


GAP = "..."          # in an indicator phrase: up to GAP_WORDS other words
GAP_WORDS = 8
_TOKEN = re.compile(r"\*?[^\W\d_](?:[\w'-]*\w)?\*?", re.UNICODE)


def indicator_pattern(indicator: str) -> re.Pattern:
    """The pattern of a declared indicator: words matched whole, case-insensitively.

    An indicator is a word or a phrase of words separated by spaces. A word matches only a whole word,
    never inside another: "ehren" does not fire on "wehren". A declared stem says where a word may
    go on: "sanktion*" matches "Sanktionen" and "Sanktionsregime"; "*rakete*" also matches inside
    compounds ("Interkontinentalraketen"). A hyphen ends a word, so "krieg*" finds the "Krieg" of
    "Ukraine-Krieg". ``...`` stands for up to eight other words ("gehen ... aus"). ValueError says what
    is wrong with an indicator that is not of this form.
    """
    words = indicator.split()
    if not words or words[0] == GAP or words[-1] == GAP:
        raise ValueError("an indicator is one or more words, and '...' stands only between two words")
    pattern, joint = "", ""
    for word in words:
        if word == GAP:
            joint = rf"\s+(?:\S+\s+){{0,{GAP_WORDS}}}?"
            continue
        if not _TOKEN.fullmatch(word) or ("*" in word and len(word.strip("*")) < 3):
            raise ValueError(f"'{word}' is not a word, or a stem of three or more letters with '*' at either end")
        core = re.escape(word.strip("*").lower())
        pattern += joint + (r"\w*" if word.startswith("*") else "") + core + (r"\w*" if word.endswith("*") else "")
        joint = r"\s+"
    return re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)


def frame_names() -> list[str]:
    """The frames in codebook order."""
    return [f.frame for f in load_codebook()]


def zone_sentences(sentences: pd.DataFrame, zone: str) -> pd.DataFrame:
    """The sentences of one zone of ``ZONES``; ValueError names the zones there are."""
    if zone not in ZONES:
        raise ValueError(f"no zone '{zone}' (zones: {', '.join(ZONES)})")
    return sentences[sentences.part.isin(ZONES[zone])]


def frame_hits(sentences: pd.DataFrame, zones: tuple[str, ...] = ("body",)) -> pd.DataFrame:
    """One row per sentence of ``zones`` and frame it carries, with the first indicator that matched: ``HIT_COLUMNS``,
    rows in sentence order."""
    for zone in zones:
        zone_sentences(sentences.head(0), zone)
    zone_of = {part: zone for zone in zones for part in ZONES[zone]}
    scored = sentences[sentences.part.isin(zone_of)]
    codebook = tuple((frame.frame, tuple((text, pattern, _required_literal(text)) for text, pattern in frame.indicators))
                     for frame in load_codebook())
    literals = sorted({literal for _, indicators in codebook for _, _, literal in indicators if literal})
    texts = scored.text.tolist()
    rows_of: dict[str, list[int]] = {}
    for row, article_id in enumerate(scored.article_id.tolist()):
        rows_of.setdefault(article_id, []).append(row)
    # Every match of an indicator contains its literal part; where case folds simply (see simple_case), a
    # substring test on the lower-cased sentence rules most indicators out before the search.
    hit_of: dict[int, list[tuple[str, str]]] = {}
    for rows in rows_of.values():
        lowered = [None if not simple_case(texts[row]) else texts[row].lower() for row in rows]
        article = "\n".join(low for low in lowered if low is not None)
        absent = {literal for literal in literals if literal not in article}   # in no sentence of the article
        live = tuple((frame, tuple(i for i in indicators if i[2] not in absent)) for frame, indicators in codebook)
        for row, low in zip(rows, lowered):
            for frame, indicators in (codebook if low is None else live):
                hit = next((text for text, pattern, literal in indicators
                            if (low is None or not literal or literal in low) and pattern.search(texts[row])), None)
                if hit is not None:
                    hit_of.setdefault(row, []).append((frame, hit))
    rows = [(article_id, sentence_id, zone_of[part], frame, hit)
            for row, (article_id, sentence_id, part) in enumerate(zip(scored.article_id.tolist(), scored.sentence_id.tolist(),
                                                                     scored.part.tolist()))
            for frame, hit in hit_of.get(row, ())]
    return pd.DataFrame(rows, columns=list(HIT_COLUMNS))


def _required_literal(indicator: str) -> str:
    """The longest word of a declared indicator, lower-cased: every match contains it ("" if case folds oddly)."""
    literal = max((word.strip("*") for word in indicator.split() if word != GAP), key=len).lower()
    return literal if simple_case(literal) else ""


def presence(sentences: pd.DataFrame, hits: pd.DataFrame, zone: str = "body") -> pd.DataFrame:
    """The zone's sentences by frames: True where the sentence carries the frame (rows in sentence order)."""
    body = zone_sentences(sentences, zone)
    hits = hits[hits.zone == zone]
    index = pd.Index(body.sentence_id, name="sentence_id")
    names = frame_names()
    row_of = {sentence_id: row for row, sentence_id in enumerate(index.tolist())}
    column_of = {frame: column for column, frame in enumerate(names)}
    if len(row_of) < len(index) or not (set(hits.sentence_id) <= row_of.keys() and set(hits.frame) <= column_of.keys()):
        table = pd.DataFrame(False, index=index, columns=names)   # repeated ids or unknown hits: label by label
        for hit in hits.itertuples():
            table.loc[hit.sentence_id, hit.frame] = True
        return table
    values = np.zeros((len(index), len(names)), dtype=bool)
    values[[row_of[s] for s in hits.sentence_id.tolist()], [column_of[f] for f in hits.frame.tolist()]] = True
    return pd.DataFrame(values, index=index, columns=names)


def salience(present: pd.DataFrame, *, n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Share of the sentences in ``present`` carrying each frame, with a percentile bootstrap interval.

    Sentences are resampled with replacement ``n_boot`` times (a seeded generator: the same intervals
    on every run). Columns ``SALIENCE_COLUMNS``; ``sentences`` counts the sentences with the frame.
    """
    values = present.to_numpy(dtype=float)
    if len(values) == 0:
        return pd.DataFrame({"frame": present.columns, "sentences": 0, "n": 0, "share": np.nan,
                             "low": np.nan, "high": np.nan})[list(SALIENCE_COLUMNS)]
    (numbers,) = _salience_values([values], n_boot=n_boot, seed=seed, level=level)
    return pd.DataFrame({"frame": present.columns, **numbers})


_BATCH_COLUMNS = 4096     # frames x units whose resampled shares are held at once, per size n


def _salience_values(matrices: list[np.ndarray], *, n_boot: int, seed: int, level: float) -> list[dict]:
    """The numbers of ``salience`` for each 0/1 matrix of sentences by frames (each with at least one row).

    A resample's share is the count of drawn sentences with the frame over n, and the count is the sum of
    how often each sentence with the frame is drawn: an exact integer, so dividing by n gives bit for bit
    the mean of the gathered n_boot x n x frames values, without gathering them. The generator
    is seeded afresh for every unit, so units of the same size n draw the same sentences: they share one
    draw, one product and one quantile call (all column by column, so each unit's numbers are its own).
    """
    tail = (1 - level) / 2
    # a frame no sentence of a unit carries has every resampled share 0.0: its interval is that of zeros
    zero_low, zero_high = np.quantile(np.zeros((n_boot, 1)), [tail, 1 - tail], axis=0)[:, 0]
    found: list[dict | None] = [None] * len(matrices)
    by_size: dict[int, list[int]] = {}
    for i, matrix in enumerate(matrices):
        by_size.setdefault(len(matrix), []).append(i)
    for n, members in by_size.items():
        rng = np.random.default_rng(seed)
        draws = rng.integers(0, n, size=(n_boot, n))
        drawn = np.bincount((draws + np.arange(n_boot)[:, None] * n).ravel(), minlength=n_boot * n).reshape(n_boot, n)
        width = matrices[members[0]].shape[1]
        step = max(1, _BATCH_COLUMNS // max(width, 1))
        for first in range(0, len(members), step):
            batch = members[first : first + step]
            stacked = np.hstack([matrices[i] for i in batch])
            low, high = np.full(stacked.shape[1], zero_low), np.full(stacked.shape[1], zero_high)
            carried = np.flatnonzero(stacked.any(axis=0))
            if carried.size:
                # counts of drawn sentences with the frame: the draw counts of its sentences, added up
                columns, rows = np.nonzero(stacked[:, carried].T)
                starts = np.searchsorted(columns, np.arange(carried.size))
                shares = np.add.reduceat(drawn[:, rows], starts, axis=1) / n
                low[carried], high[carried] = np.quantile(shares, [tail, 1 - tail], axis=0)
            counts, means = stacked.sum(axis=0).astype(int), stacked.mean(axis=0)
            for j, i in enumerate(batch):
                cols = slice(j * width, (j + 1) * width)
                found[i] = {"sentences": counts[cols], "n": n, "share": means[cols], "low": low[cols], "high": high[cols]}
    return found


def salience_by(sentences: pd.DataFrame, hits: pd.DataFrame, units: dict[str, str], *, zone: str = "body",
                **options) -> pd.DataFrame:
    """Salience per unit in a zone: ``units`` maps article ids to a unit (the article itself, or its country group).
    Column ``unit`` then ``SALIENCE_COLUMNS``, units in sorted order (units with no sentence in the zone left out)."""
    options = {"n_boot": 2000, "seed": 0, "level": 0.95, **options}
    present = presence(sentences, hits, zone)
    article_of = dict(zip(sentences.sentence_id.tolist(), sentences.article_id.tolist()))
    rows_of: dict[str, list[int]] = {}
    for row, sentence_id in enumerate(present.index.tolist()):      # one pass: no mask over every sentence per unit
        rows_of.setdefault(units[article_of[sentence_id]], []).append(row)
    values = present.to_numpy(dtype=float)
    names = list(present.columns)
    order = sorted(rows_of)
    columns: dict[str, list] = {"unit": [], "frame": [], **{name: [] for name in SALIENCE_COLUMNS[1:]}}
    for unit, numbers in zip(order, _salience_values([values[rows_of[unit]] for unit in order], **options)):
        columns["unit"] += [unit] * len(names)
        columns["frame"] += names
        for name in SALIENCE_COLUMNS[1:]:
            value = numbers[name]
            columns[name] += value.tolist() if isinstance(value, np.ndarray) else [value] * len(names)
    return pd.DataFrame({name: pd.Series(column, dtype=_DTYPES.get(name)) for name, column in columns.items()})
