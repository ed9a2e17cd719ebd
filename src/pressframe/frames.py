"""Frames in body sentences, by the indicator patterns of the codebook, and their salience with bootstrap intervals.

The codebook (``codebook/frames.yml``) lists each frame with a definition, its function in
Entman's sense, indicator patterns and examples. A body sentence carries a frame when one of its
indicators matches. Salience is the share of a unit's body sentences (an article's, or a country
group's pooled) that carry the frame; its interval is a percentile bootstrap over those sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .paths import DATA_DIR

CODEBOOK = DATA_DIR.parent / "codebook" / "frames.yml"
HIT_COLUMNS = ("article_id", "sentence_id", "frame", "indicator")
SALIENCE_COLUMNS = ("frame", "sentences", "n", "share", "low", "high")
FUNCTIONS = ("problem definition", "causal interpretation", "moral evaluation", "treatment recommendation")
REQUIRED = ("frame", "generic", "function", "definition", "indicators", "examples")


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
                indicators.append((indicator, re.compile(indicator, re.IGNORECASE)))
            except re.error as error:
                raise CodebookError(f"{where}: field 'indicators': '{indicator}': {error}") from None
        frames.append(Frame(row["frame"], bool(row["generic"]), row["function"], row["definition"],
                            tuple(indicators), tuple(row["examples"])))
    names = [f.frame for f in frames]
    if len(set(names)) != len(names):
        raise CodebookError(f"{path.name}: frame names repeat: {', '.join(sorted({n for n in names if names.count(n) > 1}))}")
    return tuple(frames)


def frame_names() -> list[str]:
    """The frames in codebook order."""
    return [f.frame for f in load_codebook()]


def frame_hits(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per body sentence and frame it carries, with the first indicator that matched: ``HIT_COLUMNS``."""
    body = sentences[sentences.part == "body"]
    rows = []
    for sentence in body.itertuples():
        for frame in load_codebook():
            hit = next((text for text, pattern in frame.indicators if pattern.search(sentence.text)), None)
            if hit is not None:
                rows.append((sentence.article_id, sentence.sentence_id, frame.frame, hit))
    return pd.DataFrame(rows, columns=list(HIT_COLUMNS))


def presence(sentences: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Body sentences by frames: True where the sentence carries the frame (rows in sentence order)."""
    body = sentences[sentences.part == "body"]
    table = pd.DataFrame(False, index=pd.Index(body.sentence_id, name="sentence_id"), columns=frame_names())
    for hit in hits.itertuples():
        table.loc[hit.sentence_id, hit.frame] = True
    return table


def salience(present: pd.DataFrame, *, n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Share of the sentences in ``present`` carrying each frame, with a percentile bootstrap interval.

    Sentences are resampled with replacement ``n_boot`` times (a seeded generator: the same intervals
    on every run). Columns ``SALIENCE_COLUMNS``; ``sentences`` counts the sentences with the frame.
    """
    values = present.to_numpy(dtype=float)
    n = len(values)
    if n == 0:
        return pd.DataFrame({"frame": present.columns, "sentences": 0, "n": 0, "share": np.nan,
                             "low": np.nan, "high": np.nan})[list(SALIENCE_COLUMNS)]
    rng = np.random.default_rng(seed)
    shares = values[rng.integers(0, n, size=(n_boot, n))].mean(axis=1)
    tail = (1 - level) / 2
    return pd.DataFrame({"frame": present.columns, "sentences": values.sum(axis=0).astype(int), "n": n,
                         "share": values.mean(axis=0), "low": np.quantile(shares, tail, axis=0),
                         "high": np.quantile(shares, 1 - tail, axis=0)})[list(SALIENCE_COLUMNS)]


def salience_by(sentences: pd.DataFrame, hits: pd.DataFrame, units: dict[str, str], **options) -> pd.DataFrame:
    """Salience per unit: ``units`` maps article ids to a unit (the article itself, or its country group).
    Column ``unit`` then ``SALIENCE_COLUMNS``, units in sorted order."""
    present = presence(sentences, hits)
    article_of = sentences.set_index("sentence_id").article_id
    unit_of = present.index.map(lambda s: units[article_of[s]])
    frames = [salience(present[unit_of == unit], **options).assign(unit=unit) for unit in sorted(set(unit_of))]
    return pd.concat(frames, ignore_index=True)[["unit", *SALIENCE_COLUMNS]]
