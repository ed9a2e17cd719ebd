"""The real-article development corpus, and every extractor scored on it against our blind annotations.

The texts are real German-language pages on the story, kept outside the project in
``../shared/realworld/`` (``$PRESSFRAME_REALWORLD`` overrides) with an ``index.tsv``; the project
keeps only what we made of them in ``tests/gold/realworld/``: the split into a dev half (read and
tuned on) and a test half (only scored), the annotation guidelines, four annotation layers made
blind to the code (line parts, quotations, temporal expressions, designations), and the scores.

Every layer is located by file and line, as the annotators saw the texts; the extractors' output is
mapped back to line offsets before it is compared. ``score_realworld`` gives one table of every
measure on both halves; ``scores.csv`` keeps the current figures and ``first_run.csv`` those of the
first run, before any rule was changed for these texts.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from ..base.paths import repo_root
from ..corpus.load import Article, decode_text

HALVES = ("dev", "test")
REALWORLD_SCORE_COLUMNS = ("half", "layer", "measure", "gold", "predicted", "correct", "precision", "recall", "f1")
_COUNTRIES = {"Luxembourg": "LU", "Switzerland": "CH", "Germany": "DE", "Austria": "AT", "Liechtenstein": "LI"}
FIRST_ID = 100
"""Real texts get article ids from 100 up, in file-name order, apart from the seeds' 000–099."""

QUOTATION_KINDS = ("full", "partial")
"""Kinds of quoted span that are quotations (someone's words); the third kind, ``scare``, is nobody's."""
RUNNING_TEXT = ("standfirst", "body")
"""Gold parts that are running text: cleaning must never remove them."""


PAGE_SETS = ("tune", "tune2", "tune3", "tune4", "tune5", "score", "score2")
"""Sets of constructed pages (``tests/gold/pages/<set>/``): texts shaped like stored copies of news pages, written
and annotated blind to the code by helpers, each set by its own; the ``tune`` sets we read and tune on, the
``score`` sets (three writers' texts) we only score."""
TUNED_PAGE_SETS = ("tune", "tune2", "tune3", "tune4", "tune5")
SCORED_PAGE_SETS = ("score", "score2")

_PAGES: ContextVar[Path | None] = ContextVar("pressframe_pages", default=None)


class RealworldMissing(FileNotFoundError):
    """The real-article texts are not on this machine (they are kept outside the project)."""


@contextmanager
def constructed_pages(name: str):
    """Within the block, this module reads the constructed page set ``name`` (one of ``PAGE_SETS``) instead of
    the real articles: texts, ``index.tsv``, ``split.yml`` (its files in one half), the four annotation
    layers and its scores all live in ``tests/gold/pages/<name>/``."""
    if name not in PAGE_SETS:
        raise ValueError(f"no constructed page set '{name}' (there are: {', '.join(PAGE_SETS)})")
    token = _PAGES.set(_pages_dir(name))
    try:
        yield
    finally:
        _PAGES.reset(token)


def _pages_dir(name: str) -> Path:
    return repo_root() / "tests" / "gold" / "pages" / name


def realworld_dir() -> Path:
    """``$PRESSFRAME_REALWORLD`` if set, else ``../shared/realworld`` beside the repository (inside
    ``constructed_pages``: the page set's folder)."""
    if (pages := _PAGES.get()) is not None:
        return pages
    override = os.environ.get("PRESSFRAME_REALWORLD")
    return Path(override).resolve() if override else repo_root().parent / "shared" / "realworld"


def available() -> bool:
    """Whether the real-article texts and their index are on this machine."""
    return (realworld_dir() / "index.tsv").is_file()


def gold_dir() -> Path:
    """``tests/gold/realworld`` (inside ``constructed_pages``: the page set's folder)."""
    return _PAGES.get() or repo_root() / "tests" / "gold" / "realworld"


def load_layer(name: str) -> dict:
    """The annotation file ``<gold_dir>/<name>.yml`` (``split``, ``lines``, ``quotes``, ...)."""
    return _load_layer(gold_dir(), name)


@lru_cache(maxsize=None)
def _load_layer(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / f"{name}.yml").read_text(encoding="utf-8"))


def split() -> dict[str, str]:
    """``{file: half}`` from ``split.yml``."""
    return {file: half for half in HALVES for file in load_layer("split")[half]}


def _index() -> list[dict[str, str]]:
    path = realworld_dir() / "index.tsv"
    if not path.is_file():
        raise RealworldMissing(f"{path} not found: the real-article texts are kept outside the project "
                               "(set PRESSFRAME_REALWORLD to their folder)")
    return list(csv.DictReader(io_text(path).splitlines(), delimiter="\t"))


def io_text(path: Path) -> str:
    return decode_text(path.read_bytes(), path=str(path))


def reference_dates() -> dict[str, date]:
    """Each file's reference (publication) date, as the timex annotators settled it blind."""
    return {file: date.fromisoformat(str(row["date"])) for file, row in load_layer("timexes")["reference_dates"].items()}


def load_realworld(half: str | None = None) -> list[Article]:
    """The real texts (of one half, or all) as articles, ids from ``FIRST_ID`` in file-name order.

    The publication date is the annotators' reference date; the country group follows the outlet's
    country in ``index.tsv``. Raises ``RealworldMissing`` where the texts are absent."""
    rows = sorted(_index(), key=lambda r: r["file"])
    halves, dates = split(), reference_dates()
    articles = []
    for n, row in enumerate(rows):
        if half is not None and halves[row["file"]] != half:
            continue
        articles.append(Article(
            article_id=str(FIRST_ID + n), file=row["file"], outlet=row["outlet"],
            country_group=_group_of(row), event=row["event"],
            published=dates[row["file"]], published_status="inferred",
            text=io_text(realworld_dir() / row["file"]), language_note=row["language_note"]))
    return articles


def _group_of(row: dict[str, str]) -> str:
    """The country group of an index row (``data/groups.yml``): a translation's by its source language (from the
    language note), else the outlet's country (the index's code, or a country the note names)."""
    from ..corpus.groups import group_for_country

    note = row["language_note"]
    if (match := re.search(r"translation of an? (\w+)", note)) is not None:
        found = group_for_country("", translated_from=match.group(1))
    else:
        country = row["country"] if row["country"] != "other" else next(
            (code for name, code in _COUNTRIES.items() if name in note), "")
        found = group_for_country(country)
    return found.label if found is not None else row["country"]


# --- locating annotations in their lines ------------------------------------------------------------

def _find(line: str, text: str, occurrence: int, where: str) -> int:
    start = -1
    for _ in range(occurrence):
        start = line.find(text, start + 1)
        if start == -1:
            raise ValueError(f"{where}: '{text}' (occurrence {occurrence}) is not in its line")
    return start


def _lines(articles: list[Article]) -> dict[str, tuple[str, list[str]]]:
    """``{file: (article_id, lines)}``."""
    return {a.file: (a.article_id, a.lines) for a in articles}


def _located(records: list[dict], articles: list[Article], field: str, layer: str) -> list[tuple]:
    """``((article_id, line), start, end, record)`` for the records of the given articles."""
    lines = _lines(articles)
    found = []
    for r in records:
        if r["file"] not in lines:
            continue
        article_id, text = lines[r["file"]]
        line = text[r["line"] - 1]
        start = _find(line, str(r[field]), int(r.get("occurrence", 1)), f"{layer}.yml: {r['file']} line {r['line']}")
        found.append(((article_id, r["line"]), start, start + len(str(r[field])), r))
    return found


@dataclass(frozen=True)
class GoldPiece:
    unit: tuple[str, int]     # (article_id, line)
    start: int
    end: int
    part: str


def gold_pieces(articles: list[Article]) -> list[GoldPiece]:
    """The annotated pieces of every line of ``articles`` with their offsets in the line."""
    lines = _lines(articles)
    pieces = []
    for file, records in load_layer("lines")["files"].items():
        if file not in lines:
            continue
        article_id, text = lines[file]
        for r in records:
            line = text[r["line"] - 1]
            if "pieces" not in r:
                start = len(line) - len(line.lstrip())
                pieces.append(GoldPiece((article_id, r["line"]), start, len(line.rstrip()), r["part"]))
                continue
            position = 0
            for p in r["pieces"]:
                start = line.find(p["text"], position)
                if start == -1:
                    raise ValueError(f"lines.yml: {file} line {r['line']}: piece '{p['text']}' is not in its line")
                pieces.append(GoldPiece((article_id, r["line"]), start, start + len(p["text"]), p["part"]))
                position = start + len(p["text"])
    return pieces


def _gold_part_at(pieces: list[GoldPiece]) -> dict[tuple[str, int], list[tuple[int, int, str]]]:
    by_unit: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for p in pieces:
        by_unit.setdefault(p.unit, []).append((p.start, p.end, p.part))
    return by_unit


def _content_units(pieces: list[GoldPiece], kept: tuple[str, ...]) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Where the annotated content lies: spans of gold pieces whose part is in ``kept``."""
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for p in pieces:
        if p.part in kept:
            spans.setdefault(p.unit, []).append((p.start, p.end))
    return spans


def _inside(spans: dict, unit, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans.get(unit, []))


# --- the measures ---------------------------------------------------------------------------------

def _row(layer: str, measure: str, gold: int, predicted: int, correct: int) -> dict:
    precision = correct / predicted if predicted else 1.0
    recall = correct / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"layer": layer, "measure": measure, "gold": gold, "predicted": predicted, "correct": correct,
            "precision": precision, "recall": recall, "f1": f1}


def _share(layer: str, measure: str, n: int, right: int) -> dict:
    """A measure that is a share of ``n`` items (an accuracy): precision, recall and f1 all hold it."""
    share = right / n if n else 1.0
    return {"layer": layer, "measure": measure, "gold": n, "predicted": n, "correct": right,
            "precision": share, "recall": share, "f1": share}


def line_scores(articles: list[Article], pieces: pd.DataFrame) -> list[dict]:
    """Cleaning against the annotated line parts.

    - characters: every non-blank character with the same part as annotated (accuracy);
    - running text kept whole: annotated standfirst and body pieces no word of which cleaning removes (a
      list's bullet or a separator removed as layout is no word; the aim: all of them; ``gold - correct`` were cut);
    - content kept whole: the same over every annotated part that carries content;
    - chrome removed: annotated pieces of removed parts that cleaning removes for the most part;
    - per part: annotated pieces whose characters cleaning gives that part for the most part (recall),
      and cleaning's pieces of that part whose characters the annotation gives it for the most part
      (precision).
    """
    from ..corpus.clean import KEPT_PARTS

    gold = gold_pieces(articles)
    by_unit = _gold_part_at(gold)
    system: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for p in pieces.itertuples():
        system.setdefault((p.article_id, p.line_no), []).append((p.char_start, p.char_end, p.part))
    text = {(a.article_id, n): line for a in articles for n, line in enumerate(a.lines, start=1)}

    def parts_over(spans, unit, start, end, *, words_only: bool = False) -> Counter:
        count = Counter()
        for a, b, part in spans.get(unit, []):
            for i in range(max(a, start), min(b, end)):
                if not text[unit][i].isspace() and (not words_only or text[unit][i].isalnum()):
                    count[part] += 1
        return count

    chars = right = 0
    for unit, spans in by_unit.items():
        for a, b, part in spans:
            got = parts_over(system, unit, a, b)
            chars += sum(got.values())
            right += got.get(part, 0)
    rows = [_share("lines", "characters with the annotated part", chars, right)]
    kept_parts = (*KEPT_PARTS, "kicker")

    def whole(g: GoldPiece) -> bool:
        return all(p in kept_parts for p in parts_over(system, g.unit, g.start, g.end, words_only=True))

    running = [g for g in gold if g.part in RUNNING_TEXT]
    rows.append(_share("lines", "running text kept whole", len(running), sum(map(whole, running))))
    content = [g for g in gold if g.part in kept_parts]
    rows.append(_share("lines", "content kept whole", len(content), sum(map(whole, content))))
    chrome = [g for g in gold if g.part not in kept_parts]
    rows.append(_share("lines", "chrome removed", len(chrome), sum(
        1 for g in chrome if _majority(parts_over(system, g.unit, g.start, g.end)) not in kept_parts)))

    system_pieces = [((u, a, b), part) for u, spans in system.items() for a, b, part in spans if text[u][a:b].strip()]
    for part in sorted({g.part for g in gold} | {p for _, p in system_pieces}):
        gold_of = [g for g in gold if g.part == part]
        found = sum(1 for g in gold_of if _majority(parts_over(system, g.unit, g.start, g.end)) == part)
        predicted = [(u, a, b) for (u, a, b), p in system_pieces if p == part]
        agreed = sum(1 for u, a, b in predicted if _majority(parts_over(by_unit, u, a, b)) == part)
        row = _row("lines", f"part: {part}", len(gold_of), len(predicted), found)
        row["precision"] = agreed / len(predicted) if predicted else 1.0
        p, r = row["precision"], row["recall"]
        row["f1"] = 2 * p * r / (p + r) if p + r else 0.0
        rows.append(row)
    return rows


def _majority(count: Counter) -> str:
    return count.most_common(1)[0][0] if count else ""


def _normal(name: str) -> str:
    """Case, punctuation and hyphens aside: "Kim Jong-un" and "Kim Jong Un" are one name."""
    return " ".join(re.sub(r"[^\w\s]", " ", str(name).casefold()).split())


def same_speaker(gold: dict, predicted: str) -> bool:
    """Whether a found speaker is the annotated one: the same name or one of its aliases (case, punctuation
    and hyphens aside), the same last word of a name ("Putin" for "Wladimir Putin"), or the head noun of an
    institution whose words, endings aside, are all among the annotated ones ("südkoreanischen Geheimdienst" for
    "südkoreanischer Geheimdienst NIS")."""
    want = [_normal(gold["speaker"]), *(_normal(a) for a in gold.get("speaker_aliases") or [])]
    want += [_PLACE.sub("", w) for w in want if _PLACE.search(w)]      # "Präsidialamt in Seoul": "Präsidialamt"
    got = _normal(predicted)
    if got in want:
        return True
    if want[0] in ("unknown", "none") or got in ("unknown", "none", ""):
        return False
    if all(word[:1].isupper() for word in str(predicted).split()):      # a name: its last word, endings aside
        return any(_STEM.sub("", w.split()[-1]) == _STEM.sub("", got.split()[-1]) for w in want if w)
    stems = {_STEM.sub("", word) for word in got.split()}
    return any(stems <= {_STEM.sub("", word) for word in w.split()} for w in want if w)


_PLACE = re.compile(r"\s+(?:in|aus)\s+\w+$")
"""Where an institution sits, after its name ("Präsidialamt in Seoul")."""
_STEM = re.compile(r"(?:e[nrs]?|s)$")
"""An adjective's or noun's ending, dropped to compare "südkoreanischen" with "südkoreanischer"."""


def _sentence_lines(sentences: pd.DataFrame) -> dict[str, tuple[tuple[str, int], int]]:
    """``{sentence_id: ((article_id, line_no), char_start)}``."""
    return {s: ((a, n), c) for s, a, n, c in zip(sentences.sentence_id, sentences.article_id, sentences.line_no,
                                                  sentences.char_start)}


def quote_scores(articles: list[Article], sentences: pd.DataFrame, quotes: pd.DataFrame) -> list[dict]:
    """Quotations against the annotation, matched by line and quoted text.

    - quotations (full and partial together): F1 of the spans that are someone's words;
    - speaker of quotations: annotated quotations found with the annotated speaker, over all
      annotated quotations (an accuracy: a quotation missed has no right speaker);
    - kind of the spans found: spans found with the annotated kind, over annotated spans found;
    - scare quotes: F1 of the spans that are nobody's words.
    """
    gold = [g for g in load_layer("quotes")["quotes"] or []]
    located = _located(gold, articles, "quote", "quotes")
    where = _sentence_lines(sentences)
    ids = {a.article_id for a in articles}
    found = [(where[q.sentence_id][0], q.quote, q) for q in quotes.itertuples() if q.article_id in ids]

    def is_quotation(kind: str) -> bool:
        return kind in QUOTATION_KINDS or kind == "quote"      # "quote": the two-kind scheme before step 7

    gold_q = [(u, r["quote"]) for u, _, _, r in located if r["kind"] in QUOTATION_KINDS]
    pred_q = [(u, text) for u, text, q in found if is_quotation(q.kind)]
    rows = [_row("quotes", "quotations (full and partial)", len(gold_q), len(pred_q),
                 sum((Counter(gold_q) & Counter(pred_q)).values()))]
    free = list(found)
    right = 0
    for u, _, _, r in located:
        if r["kind"] not in QUOTATION_KINDS:
            continue
        match = next((f for f in free if f[0] == u and f[1] == r["quote"]), None)
        if match is not None:
            free.remove(match)
            right += same_speaker(r, match[2].speaker)
    rows.append(_share("quotes", "speaker of quotations", len(gold_q), right))
    free, matched, kinds = list(found), 0, 0
    for u, _, _, r in located:
        match = next((f for f in free if f[0] == u and f[1] == r["quote"]), None)
        if match is not None:
            free.remove(match)
            matched += 1
            kinds += match[2].kind == r["kind"]
    rows.append(_share("quotes", "kind of the spans found (full, partial, scare)", matched, kinds))
    gold_s = [(u, r["quote"]) for u, _, _, r in located if r["kind"] == "scare"]
    pred_s = [(u, text) for u, text, q in found if q.kind == "scare"]
    rows.append(_row("quotes", "scare quotes", len(gold_s), len(pred_s), sum((Counter(gold_s) & Counter(pred_s)).values())))
    return rows


def _relaxed(gold: list[tuple], found: list[tuple], same) -> list[tuple[tuple, tuple]]:
    """Pairs of gold and found records in the same unit with overlapping extents for which ``same``
    holds, each record in at most one pair (text order)."""
    free = list(gold)
    pairs = []
    for f in found:
        match = next((g for g in free if g[0] == f[0] and g[1] < f[2] and f[1] < g[2] and same(g, f)), None)
        if match is not None:
            free.remove(match)
            pairs.append((match, f))
    return pairs


def _found_timexes(articles: list[Article], sentences: pd.DataFrame, timexes: pd.DataFrame,
                   datelines: pd.DataFrame | None) -> list[tuple]:
    """Timexes of the text and of its datelines as ``((article_id, line), start, end, value)``, line offsets."""
    where = _sentence_lines(sentences)
    ids = {a.article_id for a in articles}
    found = [(where[t.sentence_id][0], where[t.sentence_id][1] + t.start, where[t.sentence_id][1] + t.end, str(t.value))
             for t in timexes.itertuples() if t.article_id in ids]
    if datelines is not None:
        found += [((d.article_id, d.line_no), d.char_start, d.char_end, str(d.value)) for d in datelines.itertuples()
                  if d.article_id in ids]
    return found


def timex_scores(articles: list[Article], sentences: pd.DataFrame, timexes: pd.DataFrame,
                 datelines: pd.DataFrame | None = None) -> list[dict]:
    """Temporal expressions against the annotation, over the lines the annotators gave a content part
    or a dateline: strict and relaxed extent F1, and value accuracy (right values over relaxed matches;
    its ``recall`` is over all annotated expressions). ``datelines`` (pressframe.extract.timex.dateline_timexes)
    are read as timexes of their lines."""
    from ..corpus.clean import KEPT_PARTS

    content = _content_units(gold_pieces(articles), (*KEPT_PARTS, "kicker", "dateline"))
    gold = [(u, a, b, str(r["value"])) for u, a, b, r in _located(load_layer("timexes")["timexes"], articles, "text", "timexes")
            if _inside(content, u, a, b)]
    found = _found_timexes(articles, sentences, timexes, datelines)
    strict = Counter(g[:3] for g in gold) & Counter(f[:3] for f in found)
    pairs = _relaxed(gold, found, lambda g, f: True)
    right = sum(1 for g, f in pairs if g[3] == f[3])
    value = _row("timexes", "value", len(gold), len(pairs), right)
    value["precision"] = right / len(pairs) if pairs else 1.0
    value["f1"] = value["precision"]
    return [_row("timexes", "extent (strict)", len(gold), len(found), sum(strict.values())),
            _row("timexes", "extent (relaxed)", len(gold), len(found), len(pairs)), value]


def designation_scores(articles: list[Article], sentences: pd.DataFrame, mentions: pd.DataFrame) -> list[dict]:
    """Designations of Putin and Kim against the annotation: a found mention is right when it names the
    annotated actor and overlaps an annotated mention in the same line; per actor as well."""
    from ..corpus.clean import KEPT_PARTS

    content = _content_units(gold_pieces(articles), (*KEPT_PARTS, "kicker"))
    gold = [(u, a, b, r["actor"]) for u, a, b, r in
            _located(load_layer("designations")["designations"], articles, "surface", "designations")
            if _inside(content, u, a, b)]
    where = _sentence_lines(sentences)
    ids = {a.article_id for a in articles}
    found = []
    for m in mentions.itertuples():
        if m.article_id in ids:
            unit, offset = where[m.sentence_id]
            found.append((unit, offset + m.start, offset + m.end, m.actor))
    rows = [_row("designations", "mentions", len(gold), len(found), len(_relaxed(gold, found, lambda g, f: g[3] == f[3])))]
    for actor in ("Putin", "Kim", "both"):
        g = [x for x in gold if x[3] == actor]
        f = [x for x in found if x[3] == actor]
        rows.append(_row("designations", f"mentions of {actor}", len(g), len(f), len(_relaxed(g, f, lambda a, b: True))))
    return rows


def score_articles(articles: list[Article]) -> pd.DataFrame:
    """Every measure of every layer over ``articles``: columns ``REALWORLD_SCORE_COLUMNS`` without ``half``."""
    from ..compare.analysis import analyse, datelines_of, mentions_of, timexes_of
    from ..extract.quotes import find_quotes

    analysis = analyse(articles)
    rows = (line_scores(articles, analysis.pieces)
            + quote_scores(articles, analysis.sentences, find_quotes(analysis.sentences))
            + timex_scores(articles, analysis.sentences, timexes_of(analysis), datelines_of(analysis))
            + designation_scores(articles, analysis.sentences, mentions_of(analysis)))
    return pd.DataFrame(rows, columns=list(REALWORLD_SCORE_COLUMNS[1:]))


def score_realworld() -> pd.DataFrame:
    """Every measure on the dev half and on the test half: columns ``REALWORLD_SCORE_COLUMNS``."""
    tables = [score_articles(load_realworld(half)).assign(half=half) for half in HALVES]
    return pd.concat(tables, ignore_index=True)[list(REALWORLD_SCORE_COLUMNS)]


def score_pages(name: str) -> pd.DataFrame:
    """Every measure on the constructed page set ``name``: columns ``REALWORLD_SCORE_COLUMNS``, ``half`` = the set."""
    with constructed_pages(name):
        return score_articles(load_realworld()).assign(half=name)[list(REALWORLD_SCORE_COLUMNS)]


def stored_scores(name: str = "scores") -> pd.DataFrame:
    """Scores kept in ``tests/gold/realworld/<name>.csv`` (``scores``: now; ``first_run``: before any change)."""
    return pd.read_csv(gold_dir() / f"{name}.csv")


def shown_scores(table: pd.DataFrame) -> pd.DataFrame:
    """A scores table for reading: ratios to three places, and "–" where a ratio has nothing to divide by (the
    precision of a part cleaning never gave, the recall of a part nobody annotated), not the 1.000 the arithmetic
    stores for them."""
    shown = table.copy()
    for column, count in (("precision", "predicted"), ("recall", "gold")):
        shown[column] = [f"{value:.3f}" if n else "–" for value, n in zip(table[column], table[count])]
    shown["f1"] = [f"{value:.3f}" if gold or predicted else "–"
                   for value, gold, predicted in zip(table.f1, table.gold, table.predicted)]
    return shown


def write_scores(table: pd.DataFrame, name: str = "scores") -> Path:
    path = gold_dir() / f"{name}.csv"
    table.to_csv(path, index=False, float_format="%.4f", lineterminator="\n")
    return path


# --- where the extractors and the annotation disagree -------------------------------------------------

def line_disagreements(articles: list[Article], pieces: pd.DataFrame) -> pd.DataFrame:
    """Annotated pieces whose characters cleaning gives another part: file, line, text, annotated, found."""
    files = {a.article_id: a.file for a in articles}
    text = {(a.article_id, n): line for a in articles for n, line in enumerate(a.lines, start=1)}
    system: dict[tuple[str, int], list[tuple[int, int, str, str]]] = {}
    for p in pieces.itertuples():
        system.setdefault((p.article_id, p.line_no), []).append((p.char_start, p.char_end, p.part, p.reason))
    rows = []
    for g in gold_pieces(articles):
        found = [(part, reason) for a, b, part, reason in system.get(g.unit, [])
                 if max(a, g.start) < min(b, g.end) and text[g.unit][max(a, g.start):min(b, g.end)].strip()]
        if any(part != g.part for part, _ in found):
            rows.append((files[g.unit[0]], g.unit[1], text[g.unit][g.start:g.end], g.part,
                         "; ".join(f"{part} ({reason})" for part, reason in found)))
    return pd.DataFrame(rows, columns=["file", "line", "text", "annotated", "found"])


def quote_disagreements(articles: list[Article], sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Quoted spans annotated or found where kind or speaker differ, or that only one side has."""
    files = {a.article_id: a.file for a in articles}
    where = _sentence_lines(sentences)
    found = [(where[q.sentence_id][0], q.quote, q) for q in quotes.itertuples() if q.article_id in files]
    rows = []
    for u, _, _, r in _located(load_layer("quotes")["quotes"] or [], articles, "quote", "quotes"):
        match = next((f for f in found if f[0] == u and f[1] == r["quote"]), None)
        if match is None:
            rows.append((files[u[0]], u[1], r["quote"], f"{r['kind']}: {r['speaker']}", "missed"))
            continue
        found.remove(match)
        q = match[2]
        if q.kind != r["kind"] or (r["kind"] != "scare" and not same_speaker(r, q.speaker)):
            rows.append((files[u[0]], u[1], r["quote"], f"{r['kind']}: {r['speaker']}", f"{q.kind}: {q.speaker} ({q.cue})"))
    rows += [(files[u[0]], u[1], text, "not annotated", f"{q.kind}: {q.speaker} ({q.cue})") for u, text, q in found]
    return pd.DataFrame(rows, columns=["file", "line", "quoted", "annotated", "found"])


def timex_disagreements(articles: list[Article], sentences: pd.DataFrame, timexes: pd.DataFrame,
                        datelines: pd.DataFrame | None = None) -> pd.DataFrame:
    """Temporal expressions annotated or found whose extent or value differ."""
    files = {a.article_id: a.file for a in articles}
    text = {(a.article_id, n): line for a in articles for n, line in enumerate(a.lines, start=1)}
    gold = [(u, a, b, str(r["value"])) for u, a, b, r in _located(load_layer("timexes")["timexes"], articles, "text", "timexes")]
    found = _found_timexes(articles, sentences, timexes, datelines)
    pairs = _relaxed(gold, found, lambda g, f: True)
    rows = [(files[g[0][0]], g[0][1], text[g[0]][g[1]:g[2]], g[3], text[f[0]][f[1]:f[2]], f[3])
            for g, f in pairs if g[1:] != f[1:]]
    matched_gold, matched_found = {g for g, _ in pairs}, {f for _, f in pairs}
    rows += [(files[g[0][0]], g[0][1], text[g[0]][g[1]:g[2]], g[3], "", "missed") for g in gold if g not in matched_gold]
    rows += [(files[f[0][0]], f[0][1], "", "not annotated", text[f[0]][f[1]:f[2]], f[3]) for f in found if f not in matched_found]
    return pd.DataFrame(rows, columns=["file", "line", "annotated", "value", "found", "found value"])


def designation_disagreements(articles: list[Article], sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Designations annotated but not found (or found for another actor), and found but not annotated."""
    files = {a.article_id: a.file for a in articles}
    text = {(a.article_id, n): line for a in articles for n, line in enumerate(a.lines, start=1)}
    gold = [(u, a, b, r["actor"]) for u, a, b, r in
            _located(load_layer("designations")["designations"], articles, "surface", "designations")]
    where = _sentence_lines(sentences)
    found = [(where[m.sentence_id][0], where[m.sentence_id][1] + m.start, where[m.sentence_id][1] + m.end, m.actor)
             for m in mentions.itertuples() if m.article_id in files]
    pairs = _relaxed(gold, found, lambda g, f: g[3] == f[3])
    matched_gold, matched_found = {g for g, _ in pairs}, {f for _, f in pairs}
    rows = [(files[g[0][0]], g[0][1], text[g[0]][g[1]:g[2]], g[3], "missed") for g in gold if g not in matched_gold]
    rows += [(files[f[0][0]], f[0][1], text[f[0]][f[1]:f[2]], "not annotated", f[3]) for f in found if f not in matched_found]
    return pd.DataFrame(rows, columns=["file", "line", "surface", "annotated", "found"])


def disagreements(half: str) -> dict[str, pd.DataFrame]:
    """Every layer's disagreements on one half (``dev`` while tuning; ``test`` only once tuning is over)."""
    from ..compare.analysis import analyse, datelines_of, mentions_of, timexes_of
    from ..extract.quotes import find_quotes

    articles = load_realworld(half)
    analysis = analyse(articles)
    return {"lines": line_disagreements(articles, analysis.pieces),
            "quotes": quote_disagreements(articles, analysis.sentences, find_quotes(analysis.sentences)),
            "timexes": timex_disagreements(articles, analysis.sentences, timexes_of(analysis), datelines_of(analysis)),
            "designations": designation_disagreements(articles, analysis.sentences, mentions_of(analysis))}


# --- the figures the methods appendix puts side by side ------------------------------------------------

HEADLINE_MEASURES = (
    ("lines", "running text kept whole", "running text kept whole (share of paragraphs)"),
    ("quotes", "quotations (full and partial)", "quotations found (F1)"),
    ("quotes", "speaker of quotations", "speakers right (share of quotations)"),
    ("timexes", "extent (relaxed)", "temporal expressions found (relaxed F1)"),
    ("timexes", "value", "temporal values right (share of those found)"),
    ("designations", "mentions", "designations found (recall)"),
)
"""The measures the issue of step 7 set aims for, in the order the appendix shows them: (layer, measure, label)."""

_SHOWN = {"running text kept whole": "f1", "quotations (full and partial)": "f1", "speaker of quotations": "recall",
          "extent (relaxed)": "f1", "value": "precision", "mentions": "recall"}


def headline_figures(table: pd.DataFrame, half: str) -> dict[str, tuple[float, int]]:
    """``{label: (value, gold count)}`` of the headline measures of one half of a scores table."""
    rows = table[table.half == half].set_index(["layer", "measure"])
    count = {"value": "predicted"}      # a value is judged on the expressions found
    return {label: (float(rows.loc[(layer, measure), _SHOWN[measure]]),
                    int(rows.loc[(layer, measure), count.get(measure, "gold")]))
            for layer, measure, label in HEADLINE_MEASURES}


def page_scores(sets: tuple[str, ...], name: str = "scores") -> pd.DataFrame:
    """The stored scores (``scores`` now, ``first_run`` before this step's work on them) of constructed page sets,
    one table, ``half`` the set's name."""
    tables = []
    for page_set in sets:
        with constructed_pages(page_set):
            tables.append(stored_scores(name))
    return pd.concat(tables, ignore_index=True)


def pooled(table: pd.DataFrame, half: str) -> pd.DataFrame:
    """The headline measures of a scores table summed over its halves (sets), as one half ``half``: the counts
    added, precision, recall and F1 computed from the sums (a share of items right keeps predicted = gold)."""
    keep = table.set_index(["layer", "measure"]).index.isin([(layer, measure) for layer, measure, _ in HEADLINE_MEASURES])
    sums = table[keep].groupby(["layer", "measure"], sort=False)[["gold", "predicted", "correct"]].sum().reset_index()
    rows = [{**_row(r.layer, r.measure, int(r.gold), int(r.predicted), int(r.correct)), "half": half}
            for r in sums.itertuples()]
    return pd.DataFrame(rows)[list(REALWORLD_SCORE_COLUMNS)]


def pages_table() -> pd.DataFrame:
    """Every measure on each constructed page set, as stored: one row per measure, one column per set, cells
    "F1 (annotated items)", the sets we tuned on first."""
    table = page_scores(PAGE_SETS)
    heads = {name: (f"tuned on: batch {TUNED_PAGE_SETS.index(name) + 1}" if name in TUNED_PAGE_SETS
                    else f"only scored: batch {SCORED_PAGE_SETS.index(name) + 1}")
             + f" ({len(_set_files(name))} texts)" for name in PAGE_SETS}
    rows = {}
    for r in table.itertuples():
        row = rows.setdefault((r.layer, r.measure), {"layer": r.layer, "measure": r.measure})
        row[heads[r.half]] = f"{r.f1:.2f} ({int(r.gold)})"
    layers, seen = ["lines", "quotes", "timexes", "designations"], list(rows)

    def order(key: tuple[str, str]) -> tuple:       # the layers in pipeline order, a line's parts alphabetically
        layer, measure = key
        part = measure.startswith("part: ")
        return (layers.index(layer) if layer in layers else len(layers), part, measure if part else "", seen.index(key))

    return pd.DataFrame([rows[key] for key in sorted(rows, key=order)]).fillna("–")


def characters_share(table: pd.DataFrame) -> float:
    """The share of characters cleaning gives their annotated part, over every half or set in a scores table."""
    rows = table[(table.layer == "lines") & (table.measure == "characters with the annotated part")]
    return float(rows.correct.sum() / rows.gold.sum()) if rows.gold.sum() else 1.0


def _cell(figures: dict, label: str) -> str:
    value = figures.get(label)
    return "–" if value is None else f"{value[0]:.2f} ({int(value[1])})"


def _change(first: dict, now: dict, label: str) -> str:
    return f"{first[label][0]:.2f} → {now[label][0]:.2f} ({int(now[label][1])})"


def side_by_side(analysis) -> pd.DataFrame:
    """Each headline measure on the seed texts (in-sample), the constructed cases, the constructed pages we tuned
    on, the real dev half (tuned on), and, out of sample, the constructed pages we only score and the real test
    half, each at its first run and now: one row per measure, cells "0.92 (14)" or "0.67 → 0.92 (14)" with the
    number of annotated items in brackets; "–" where a set has no annotation for the measure.

    The page and real-article figures are the stored ones (``scores.csv``, ``first_run.csv``): tests hold them
    to a fresh computation (the real ones wherever the texts are on the machine)."""
    from ..compare.analysis import mentions_of, timexes_of
    from ..extract.quotes import find_quotes
    from .evaluate import case_scores, evaluate_designations, evaluate_quotes, evaluate_timexes, load_gold, timex_case_scores

    seeds: dict[str, tuple[float, int]] = {}
    quotes = evaluate_quotes(find_quotes(analysis.sentences), load_gold("quotes")["quotes"]).set_index("task")
    seeds["quotations found (F1)"] = (quotes.loc["quotations", "f1"], quotes.loc["quotations", "gold"])
    seeds["speakers right (share of quotations)"] = (quotes.loc["speaker of quotations", "recall"],
                                                     quotes.loc["speaker of quotations", "gold"])
    timex, _ = evaluate_timexes(analysis.articles, analysis.sentences, timexes_of(analysis))
    timex = timex.set_index("measure")
    seeds["temporal expressions found (relaxed F1)"] = (timex.loc["extent (relaxed)", "f1"], timex.loc["extent (relaxed)", "gold"])
    seeds["temporal values right (share of those found)"] = (timex.loc["value", "precision"], timex.loc["value", "predicted"])
    names = evaluate_designations(mentions_of(analysis), analysis.sentences, load_gold("designations")["mentions"])
    names = names.set_index("task")
    seeds["designations found (recall)"] = (names.loc["mentions (actor)", "recall"], names.loc["mentions (actor)", "gold"])

    constructed: dict[str, tuple[float, int]] = {}
    cases = case_scores("constructed").set_index(["extractor", "task"])
    constructed["quotations found (F1)"] = (cases.loc[("quotes", "quotations"), "f1"], cases.loc[("quotes", "quotations"), "gold"])
    constructed["speakers right (share of quotations)"] = (cases.loc[("quotes", "speaker of quotations"), "recall"],
                                                           cases.loc[("quotes", "speaker of quotations"), "gold"])
    constructed["designations found (recall)"] = (cases.loc[("designations", "mentions (actor)"), "recall"],
                                                  cases.loc[("designations", "mentions (actor)"), "gold"])
    timex_cases = timex_case_scores("timex_cases")[0].set_index("measure")
    constructed["temporal expressions found (relaxed F1)"] = (timex_cases.loc["extent (relaxed)", "f1"],
                                                              timex_cases.loc["extent (relaxed)", "gold"])
    constructed["temporal values right (share of those found)"] = (timex_cases.loc["value", "precision"],
                                                                   timex_cases.loc["value", "predicted"])

    now, first = stored_scores("scores"), stored_scores("first_run")
    tuned = headline_figures(pooled(page_scores(TUNED_PAGE_SETS), "tuned"), "tuned")
    scored_now = headline_figures(pooled(page_scores(SCORED_PAGE_SETS), "scored"), "scored")
    scored_first = headline_figures(pooled(page_scores(SCORED_PAGE_SETS, "first_run"), "scored"), "scored")
    rows = []
    for _, _, label in HEADLINE_MEASURES:
        rows.append({"measure": label, "seed texts (in-sample)": _cell(seeds, label),
                     "constructed cases": _cell(constructed, label),
                     "constructed pages, tuned on": _cell(tuned, label),
                     "real, dev half (tuned on)": _cell(headline_figures(now, "dev"), label),
                     "constructed pages, only scored: first run → now": _change(scored_first, scored_now, label),
                     "real, test half: first run → now": _change(headline_figures(first, "test"),
                                                                headline_figures(now, "test"), label)})
    return pd.DataFrame(rows)


def aims() -> dict[str, float]:
    """The aim step 7 set for each headline measure on the real test half."""
    return {"running text kept whole (share of paragraphs)": 1.0, "quotations found (F1)": 0.90,
            "speakers right (share of quotations)": 0.90, "temporal expressions found (relaxed F1)": 0.90,
            "temporal values right (share of those found)": 0.85, "designations found (recall)": 0.90}


def realworld_facts() -> dict[str, object]:
    """Figures of the real test half for glueing: ``rw_<key>_first``/``_now`` (value), ``rw_<key>_n`` (items),
    how many measures meet their aim now, how often the test half was scored (``test_half_log.csv``), the numbers
    of texts in each half, and the points one quotation is worth there (``rw_speakers_step``); the same figures of
    the constructed pages only scored (``pg_<key>_first``/``_now``/``_n``), how many pages were tuned on and
    scored, and how often each scored set was scored (``pg_scorings``, a phrase)."""
    now, first = headline_figures(stored_scores("scores"), "test"), headline_figures(stored_scores("first_run"), "test")
    keys = {"running text kept whole (share of paragraphs)": "running", "quotations found (F1)": "quotes",
            "speakers right (share of quotations)": "speakers", "temporal expressions found (relaxed F1)": "timexes",
            "temporal values right (share of those found)": "values", "designations found (recall)": "designations"}
    facts: dict[str, object] = {}
    for label, key in keys.items():
        facts[f"rw_{key}_first"], facts[f"rw_{key}_now"], facts[f"rw_{key}_n"] = first[label][0], now[label][0], now[label][1]
    pages_now = headline_figures(pooled(page_scores(SCORED_PAGE_SETS), "scored"), "scored")
    pages_first = headline_figures(pooled(page_scores(SCORED_PAGE_SETS, "first_run"), "scored"), "scored")
    for label, key in keys.items():
        facts[f"pg_{key}_first"], facts[f"pg_{key}_now"] = pages_first[label][0], pages_now[label][0]
        facts[f"pg_{key}_n"] = pages_now[label][1]
    facts["rw_speakers_step"] = round(100 / now["speakers right (share of quotations)"][1])
    facts["pg_characters_now"] = characters_share(page_scores(SCORED_PAGE_SETS))
    facts["pg_n_tuned"] = sum(len(_set_files(name)) for name in TUNED_PAGE_SETS)
    facts["pg_n_scored"] = sum(len(_set_files(name)) for name in SCORED_PAGE_SETS)
    scorings = [len(pd.read_csv(_pages_dir(name) / "scoring_log.csv")) for name in SCORED_PAGE_SETS]
    facts["pg_n_scored_sets"] = len(SCORED_PAGE_SETS)
    facts["pg_scorings"] = (" and ".join(map(str, scorings)) + " times, in the order the sets were written"
                            if len(scorings) > 1 else f"{scorings[0]} times")
    facts["rw_aims_met"] = sum(now[label][0] >= aim for label, aim in aims().items())
    facts["rw_aims"] = len(aims())
    facts["rw_n_scorings"] = len(pd.read_csv(gold_dir() / "test_half_log.csv"))
    halves = split()
    facts["rw_n_dev"] = sum(1 for half in halves.values() if half == "dev")
    facts["rw_n_test"] = sum(1 for half in halves.values() if half == "test")
    return facts


def _set_files(name: str) -> list[str]:
    with constructed_pages(name):
        return list(split())


def aims_paragraph() -> str:
    """The methods appendix's reading of the test half, written from the stored scores: which aims are met, which
    are not, where most designation misses lie, and what one item is worth (Markdown)."""
    now = headline_figures(stored_scores("scores"), "test")
    first = headline_figures(stored_scores("first_run"), "test")
    met = [label for label, aim in aims().items() if now[label][0] >= aim]
    short = [label for label, aim in aims().items() if now[label][0] < aim]

    def figure(label: str) -> str:
        value, n = now[label]
        return (f"{label.split(' (')[0]}: {value:.2f} over {n} items (aim {aims()[label]:.2f}, "
                f"first run {first[label][0]:.2f})")

    parts = [f"On the test half, {len(met)} of the {len(aims())} aims set for it before its first run "
             f"{'is' if len(met) == 1 else 'are'} met"]
    parts[0] += (": " + "; ".join(figure(label) for label in met) + "." if met else ".")
    if short:
        parts.append("Short of their aims: " + "; ".join(figure(label) for label in short) + ".")
    scores = stored_scores("scores")
    rows = scores[(scores.half == "test") & (scores.layer == "designations") & scores.measure.str.startswith("mentions of")]
    missed = {row.measure.removeprefix("mentions of "): int(row.gold - row.correct) for row in rows.itertuples()}
    if sum(missed.values()):
        actor, count = max(missed.items(), key=lambda item: (item[1], item[0]))
        who = "both leaders at once" if actor == "both" else actor
        parts.append(f"Of the {sum(missed.values())} designations missed, the largest share ({count}) name {who}.")
    chars = {half: characters_share(scores[scores.half == half]) for half in HALVES}
    chrome = scores.set_index(["half", "layer", "measure"]).loc[("test", "lines", "chrome removed")]
    than = "less well than on the dev half" if round(chars["test"], 2) < round(chars["dev"], 2) else "as well as on the dev half"
    parts.append(f"Beside running text, cleaning labels the parts of a page {than}: "
                 f"on the test half {chars['test']:.0%} of the characters get the part the annotators gave them (dev half "
                 f"{chars['dev']:.0%}), and cleaning removes {int(chrome.correct)} of the {int(chrome.gold)} annotated "
                 "pieces of site chrome, credits and bylines; the rest stay in the text as content.")
    smallest = min(n for _, n in now.values())
    parts.append(f"With {sum(1 for h in split().values() if h == 'test')} texts, one item of the smallest measure "
                 f"({smallest} items) moves it by {100 / smallest:.0f} points: read these figures as the order of "
                 "magnitude to expect on a new text, not as precise rates.")
    return " ".join(parts)


def add_to_corpus(corpus: Path) -> list[str]:
    """Copy every real text into ``corpus`` (byte for byte, as ``<id>_<file>``) with a metadata row from the
    index: its outlet, country group, event and the annotators' reference date (printed where the index says
    the page shows it). Returns the ids added. For building the book over more texts than it was written for."""
    from ..corpus.load import METADATA_FILE

    rows = {row["file"]: row for row in _index()}
    added, lines = [], []
    for article in load_realworld():
        row = rows[article.file]
        name = f"{article.article_id}_{article.file}"
        (corpus / name).write_bytes((realworld_dir() / article.file).read_bytes())
        status = "printed" if row["published_basis"].startswith("shown") else "inferred"
        fields = [article.article_id, name, article.outlet, article.country_group, article.event,
                  article.published.isoformat(), status, row["language_note"], "", "", "", "",
                  f"Real development text; publication date: {row['published_basis']}"]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(fields)
        lines.append(buffer.getvalue())
        added.append(article.article_id)
    table = corpus / METADATA_FILE
    text = table.read_text(encoding="utf-8")
    table.write_text(text + ("" if text.endswith("\n") else "\n") + "".join(lines), encoding="utf-8")
    return added
