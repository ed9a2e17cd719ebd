"""pressframe.evaluation.rouge against hand-computed examples."""

from __future__ import annotations

import pytest

from pressframe.evaluation.rouge import lcs_length, rouge, rouge_tokens


def test_hand_computed_example():
    scores = rouge("Der Hund bellt laut.", "Der Hund bellt.").set_index("metric")
    assert scores.loc["ROUGE-1"].tolist() == pytest.approx([3 / 4, 1.0, 6 / 7])
    assert scores.loc["ROUGE-2"].tolist() == pytest.approx([2 / 3, 1.0, 0.8])
    assert scores.loc["ROUGE-L"].tolist() == pytest.approx([3 / 4, 1.0, 6 / 7])


def test_umlauts_and_sharp_s_are_words():
    assert rouge_tokens("Außenseiter schließen ein Bündnis") == ["aussenseit", "schliess", "ein", "bundnis"]
    scores = rouge("Bündnis der Außenseiter", "Außenseiter").set_index("metric")
    assert scores.loc["ROUGE-1", "recall"] == 1.0


def test_stems_match_inflected_forms():
    scores = rouge("Waffenlieferungen", "Waffenlieferung").set_index("metric")
    assert scores.loc["ROUGE-1", "f1"] == 1.0


def test_lcs_is_a_subsequence_not_a_substring():
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4
    assert lcs_length([], list("abc")) == 0


def test_empty_candidate_scores_zero():
    assert rouge("", "Der Hund bellt.").f1.tolist() == [0.0, 0.0, 0.0]
