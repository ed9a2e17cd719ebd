"""pressframe.extract.summary: TextRank picks central sentences, keeps text order, ignores the text's own summary."""

from __future__ import annotations

import numpy as np

from pressframe.corpus.text import sentences_from_paragraphs
from pressframe.extract.summary import content_stems, lead, pagerank, references, textrank


def test_pagerank_of_a_star_ranks_the_centre_first():
    weights = np.zeros((4, 4))
    for leaf in (1, 2, 3):
        weights[0, leaf] = weights[leaf, 0] = 1.0
    scores = pagerank(weights)
    assert scores.sum() == __import__("pytest").approx(1.0)
    assert scores.argmax() == 0


def test_content_stems_drop_stopwords_and_numbers():
    assert content_stems("Die Waffenlieferungen der 2 Staaten und die Munition") == {"waffenliefer", "staat", "munition"}


def test_textrank_picks_the_sentence_that_shares_most_and_keeps_order():
    sentences = sentences_from_paragraphs("900", [
        "Das Wetter in Moskau war kalt.",
        "Russland braucht Munition und Granaten für den Krieg.",
        "Nordkorea liefert Munition und Granaten an Russland.",
        "Der Krieg verbraucht Munition, Granaten und Raketen.",
        "Ein Hund lief über die Strasse.",
    ])
    summary = textrank(sentences, k=2)
    assert summary.sentence_id.tolist() == sorted(summary.sentence_id.tolist(), key=lambda s: int(s.split("-")[1]))
    assert "900-1" not in summary.sentence_id.tolist() and "900-5" not in summary.sentence_id.tolist()
    assert set(summary["rank"]) == {1, 2}


def test_only_the_body_is_summarised_and_the_standfirst_is_the_reference(analysis):
    summary = textrank(analysis.sentences)
    parts = analysis.sentences.set_index("sentence_id").part
    assert set(parts[summary.sentence_id]) == {"body"}
    refs = references(analysis.sentences)
    assert sorted(refs) == ["000", "001", "002", "004"]      # 003 has neither standfirst nor key points
    assert refs["004"].startswith("Wladimir Putin und Kim Jong Un haben bei einem Treffen")
    assert "Der Militärexperte sieht in der Partnerschaft keine ideologischen Gründe." in refs["004"]


def test_textrank_is_deterministic_and_lead_takes_the_first(analysis):
    assert textrank(analysis.sentences).equals(textrank(analysis.sentences))
    first = lead(analysis.sentences, k=2)
    assert first[first.article_id == "003"].sentence_id.tolist() == ["003-2", "003-3"]


def test_every_article_gets_k_sentences(analysis):
    counts = textrank(analysis.sentences, k=4).groupby("article_id").size()
    assert counts.tolist() == [4] * 5
