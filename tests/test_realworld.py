"""pressframe.evaluation.realworld: the real-article corpus, its blind annotations and the stored scores the book shows.

The texts live outside the project (../shared/realworld); tests that read them skip where they are absent."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from pressframe import realworld
from pressframe.evaluation.realworld import (
    HALVES,
    HEADLINE_MEASURES,
    REALWORLD_SCORE_COLUMNS,
    headline_figures,
    realworld_facts,
    same_speaker,
    stored_scores,
)

needs_texts = pytest.mark.skipif(not realworld.available(),
                                 reason=f"the real-article texts are not on this machine ({realworld.realworld_dir()} "
                                        "has no index.tsv); they are kept outside the project")


def test_the_split_is_recorded_and_disjoint():
    halves = realworld.load_layer("split")
    assert set(halves) == set(HALVES)
    assert not set(halves["dev"]) & set(halves["test"])
    assert len(halves["dev"]) and len(halves["test"])


@needs_texts
def test_the_split_covers_every_text_of_the_index():
    files = {row["file"] for row in realworld._index()}
    assert set(realworld.split()) == files


@needs_texts
def test_every_annotation_is_found_in_its_line():
    articles = realworld.load_realworld()
    realworld.gold_pieces(articles)                 # raises naming file and line where a piece is not found
    for layer, field in (("quotes", "quote"), ("timexes", "text"), ("designations", "surface")):
        records = realworld.load_layer(layer)[layer]
        assert len(realworld._located(records, articles, field, layer)) == len(records)


@needs_texts
def test_every_line_of_every_text_is_annotated():
    for article in realworld.load_realworld():
        annotated = {r["line"] for r in realworld.load_layer("lines")["files"][article.file]}
        assert annotated == {n for n, line in enumerate(article.lines, start=1) if line.strip()}, article.file


@needs_texts
def test_the_stored_scores_are_what_the_code_computes_now():
    """The methods appendix shows the stored figures; they must be today's (rerun
    `python -m pressframe realworld --write scores` after changing a rule)."""
    fresh = realworld.score_realworld()
    stored = stored_scores("scores")
    assert list(stored.columns) == list(REALWORLD_SCORE_COLUMNS)
    pd.testing.assert_frame_equal(stored[["half", "layer", "measure", "gold", "predicted", "correct"]],
                                  fresh[["half", "layer", "measure", "gold", "predicted", "correct"]],
                                  check_dtype=False)
    for column in ("precision", "recall", "f1"):
        assert (stored[column] - fresh[column]).abs().max() < 1e-4, column


def test_the_first_run_is_kept_beside_the_current_scores():
    first, now = stored_scores("first_run"), stored_scores("scores")
    assert set(first.half) == set(now.half) == set(HALVES)
    for half in HALVES:
        assert set(headline_figures(first, half)) == {label for _, _, label in HEADLINE_MEASURES}


def test_headline_figures_read_the_measure_each_aim_is_set_on():
    table = pd.DataFrame([
        {"half": "test", "layer": layer, "measure": measure, "gold": 10, "predicted": 8, "correct": 6,
         "precision": 0.75, "recall": 0.6, "f1": 0.667}
        for layer, measure, _ in HEADLINE_MEASURES])
    figures = headline_figures(table, "test")
    assert figures["speakers right (share of quotations)"] == (0.6, 10)           # recall: over all quotations
    assert figures["temporal values right (share of those found)"] == (0.75, 8)   # over those found
    assert figures["quotations found (F1)"] == (0.667, 10)


def test_realworld_facts_count_the_aims_met():
    facts = realworld_facts()
    assert 0 <= facts["rw_aims_met"] <= facts["rw_aims"] == len(HEADLINE_MEASURES)
    assert facts["rw_n_dev"] + facts["rw_n_test"] == len(realworld.split())


@pytest.mark.parametrize(("gold", "found", "right"), [
    ({"speaker": "Wladimir Putin"}, "Putin", True),
    ({"speaker": "Kim Jong-un", "speaker_aliases": ["Kim Jong Un"]}, "Kim Jong Un", True),
    ({"speaker": "Kim Jong-un"}, "Kim Yo-jong", False),
    ({"speaker": "unknown"}, "unknown", True),
    ({"speaker": "unknown"}, "Wladimir Putin", False),
    ({"speaker": "KCNA", "speaker_aliases": ["Nachrichtenagentur KCNA"]}, "KCNA", True),
])
def test_same_speaker_is_lenient_about_names_only(gold, found, right):
    assert same_speaker(gold, found) is right


def test_without_the_texts_the_command_says_where_it_looked(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pressframe", "realworld"], capture_output=True, text=True,
                            env={"PRESSFRAME_REALWORLD": str(tmp_path / "absent"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert "absent" in result.stderr and "kept outside the project" in result.stderr


def test_the_aims_paragraph_says_what_the_stored_scores_say():
    text = realworld.aims_paragraph()
    facts = realworld_facts()
    assert f"{facts['rw_aims_met']} of the {facts['rw_aims']} aims" in text
    assert ("Short of their aims" in text) == (facts["rw_aims_met"] < facts["rw_aims"])
