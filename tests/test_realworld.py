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
    ({"speaker": "Kim Jong Un"}, "Kim Jong-un", True),
    ({"speaker": "südkoreanischer Geheimdienst NIS"}, "südkoreanischen Geheimdienst", True),
    ({"speaker": "südkoreanischer Geheimdienst"}, "russische Geheimdienst", False),
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


# --- constructed pages: in the project, so these tests always run ---------------------------------

@pytest.mark.parametrize("page_set", realworld.PAGE_SETS)
def test_every_page_annotation_is_found_and_every_line_annotated(page_set):
    with realworld.constructed_pages(page_set):
        articles = realworld.load_realworld()
        assert {a.file for a in articles} == set(realworld.split())
        realworld.gold_pieces(articles)
        for layer, field in (("quotes", "quote"), ("timexes", "text"), ("designations", "surface")):
            records = realworld.load_layer(layer)[layer]
            assert len(realworld._located(records, articles, field, layer)) == len(records)
        for article in articles:
            annotated = {r["line"] for r in realworld.load_layer("lines")["files"][article.file]}
            assert annotated == {n for n, line in enumerate(article.lines, start=1) if line.strip()}, article.file


@pytest.mark.parametrize("page_set", realworld.PAGE_SETS)
def test_the_stored_page_scores_are_what_the_code_computes_now(page_set):
    """Rerun `python -m pressframe pages --write scores` after changing a rule (and log a scoring of the set
    that is only scored in that set's scoring_log.csv, tests/gold/pages/score*/)."""
    fresh = realworld.score_pages(page_set)
    with realworld.constructed_pages(page_set):
        stored = stored_scores("scores")
        first = stored_scores("first_run")
    columns = ["half", "layer", "measure", "gold", "predicted", "correct"]
    pd.testing.assert_frame_equal(stored[columns], fresh[columns], check_dtype=False)
    assert set(headline_figures(first, page_set)) == {label for _, _, label in HEADLINE_MEASURES}


def test_the_sets_tuned_on_and_the_set_only_scored_share_no_text():
    files = {}
    for page_set in realworld.PAGE_SETS:
        with realworld.constructed_pages(page_set):
            files[page_set] = {realworld.io_text(realworld.realworld_dir() / f) for f in realworld.split()}
    tuned = set().union(*(files[s] for s in realworld.TUNED_PAGE_SETS))
    assert not tuned & set().union(*(files[s] for s in realworld.SCORED_PAGE_SETS))
    assert set(realworld.TUNED_PAGE_SETS) | set(realworld.SCORED_PAGE_SETS) == set(realworld.PAGE_SETS)


def test_an_unknown_page_set_is_an_error_naming_the_sets():
    with pytest.raises(ValueError, match="tune"):
        with realworld.constructed_pages("nonesuch"):
            pass


def test_pooled_adds_the_counts_and_recomputes_the_ratios():
    rows = [{"half": half, "layer": "quotes", "measure": "quotations (full and partial)", "gold": gold,
             "predicted": predicted, "correct": correct, "precision": 0.0, "recall": 0.0, "f1": 0.0}
            for half, gold, predicted, correct in (("a", 10, 8, 8), ("b", 10, 12, 6))]
    table = realworld.pooled(pd.DataFrame(rows), "both")
    row = table.iloc[0]
    assert (row.half, row.gold, row.predicted, row.correct) == ("both", 20, 20, 14)
    assert row.precision == pytest.approx(0.7) and row.recall == pytest.approx(0.7)


def test_shown_scores_put_a_dash_where_a_ratio_has_nothing_to_divide_by():
    table = pd.DataFrame([{"half": "test", "layer": "lines", "measure": "part: source", "gold": 1, "predicted": 0,
                           "correct": 0, "precision": 1.0, "recall": 0.0, "f1": 0.0}])
    row = realworld.shown_scores(table).iloc[0]
    assert (row.precision, row.recall, row.f1) == ("–", "0.000", "0.000")


def test_characters_share_is_a_plain_float_over_every_half():
    table = pd.DataFrame([{"half": half, "layer": "lines", "measure": "characters with the annotated part", "gold": gold,
                           "predicted": gold, "correct": correct, "precision": 0.0, "recall": 0.0, "f1": 0.0}
                          for half, gold, correct in (("a", 10, 8), ("b", 30, 24))])
    share = realworld.characters_share(table)
    assert type(share) is float and share == pytest.approx(0.8)
