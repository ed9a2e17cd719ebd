"""pressframe.extract.frames, .claims and .style: the codebook, salience intervals, claims and style measures."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from pressframe.corpus.text import sentences_from_paragraphs
from pressframe.evaluation.evaluate import cohen_kappa
from pressframe.extract.claims import claims_matrix, find_claims
from pressframe.extract.frames import CodebookError, frame_hits, load_codebook, presence, salience
from pressframe.extract.style import amstad, spelling_counts, syllables


def test_codebook_examples_carry_their_frame():
    for frame in load_codebook():
        hits = frame_hits(sentences_from_paragraphs("900", list(frame.examples)))
        assert set(hits.frame) >= {frame.frame}, frame.frame


def test_compounds_match_their_stems():
    hits = frame_hits(sentences_from_paragraphs("900", ["Sein Atomwaffenprogramm destabilisiert die Region."]))
    assert "security_threat" in set(hits.frame)


def test_a_broken_codebook_names_the_frame_and_field(tmp_path):
    book = tmp_path / "frames.yml"
    book.write_text("frames:\n  - {frame: odd, generic: true, function: guessing, definition: x, indicators: [a], examples: []}\n",
                    encoding="utf-8")
    with pytest.raises(CodebookError, match=r"frames.yml: frame 1 \('odd'\): field 'function'"):
        load_codebook(book)


def test_salience_interval_brackets_the_share_and_is_reproducible():
    present = pd.DataFrame({"a": [True] * 3 + [False] * 7, "b": [False] * 10})
    first, second = salience(present, n_boot=500, seed=1), salience(present, n_boot=500, seed=1)
    pd.testing.assert_frame_equal(first, second)
    row = first.set_index("frame").loc["a"]
    assert row.share == pytest.approx(0.3) and row.low <= 0.3 <= row.high and row.low < row.high
    assert first.set_index("frame").loc["b", "high"] == 0


def test_presence_has_every_body_sentence(analysis):
    table = presence(analysis.sentences, frame_hits(analysis.sentences))
    assert len(table) == int((analysis.sentences.part == "body").sum())


def test_kappa():
    assert cohen_kappa([True, False, True, False], [True, False, True, False]) == 1.0
    assert cohen_kappa([True, True, False, False], [True, False, True, False]) == 0.0
    assert math.isnan(cohen_kappa([False, False, False], [False, False, False]))     # nothing to agree on


def test_claims_are_found_across_texts(analysis):
    found = find_claims(analysis.sentences)
    matrix = claims_matrix(found, sorted(analysis.sentences.article_id.unique()))
    ammunition = matrix.set_index("claim_id").loc["ammunition"]
    assert (ammunition[["000", "001", "002", "004"]] > 0).all()
    assert set(found.sentence_id) <= set(analysis.sentences.sentence_id)


def test_style_measures():
    assert [syllables(w) for w in ("Krieg", "Munition", "Außenseiter")] == [1, 4, 4]
    assert amstad(["eins"] * 10, 2) == pytest.approx(180 - 5 - 58.5 * 1)
    assert spelling_counts("Die grosse Strasse und die große Straße; ausserdem") == (2, 3)


def test_frame_shares_has_every_frame_and_article(analysis):
    from pressframe.compare.comparison import frame_shares
    from pressframe.extract.frames import frame_names

    table = frame_shares(analysis, {"000": "000 SRF"})
    assert list(table.frame) == [f.replace("_", " ") for f in frame_names()]
    assert "000 SRF" in table.columns and table["000 SRF"].str.endswith("%").all()


def test_kappa_facts_name_the_weakest_frame():
    from pressframe.evaluation.evaluate import kappa_facts

    facts = kappa_facts(pd.DataFrame({"frame": ["a_b", "c"], "kappa": [0.2, 0.6]}), "x")
    assert facts == {"x_kappa_mean": pytest.approx(0.4), "x_kappa_min": 0.2, "x_kappa_min_frame": "a b"}


def test_claims_from_the_tokens_table_are_the_same(analysis):
    pd.testing.assert_frame_equal(find_claims(analysis.sentences, tokens=analysis.tokens),
                                  find_claims(analysis.sentences))


def test_salience_by_unit_is_salience_of_each_unit_alone(analysis):
    from pressframe.extract.frames import salience_by

    hits = frame_hits(analysis.sentences)
    units = {a: a for a in analysis.sentences.article_id.unique()}
    together = salience_by(analysis.sentences, hits, units, n_boot=300, seed=3)
    present = presence(analysis.sentences, hits)
    of = analysis.sentences.set_index("sentence_id").article_id
    for unit, table in together.groupby("unit"):
        alone = salience(present[present.index.map(of) == unit], n_boot=300, seed=3)
        pd.testing.assert_frame_equal(table.drop(columns="unit").reset_index(drop=True), alone, check_exact=True)


@pytest.mark.parametrize("sentence", [
    "Der KRIEG geht weiter.",                    # upper case: indicators ignore case
    "Der Kriеg geht weiter.",                    # a Cyrillic е: no simple case folding, searched as before
    "Die Sanktionen verletzt er, ſagt man.",     # long s: its case partner is "s"
    "Ein Angriff? Nein: kein Angriff.",
])
def test_indicator_shortcut_finds_what_a_plain_search_finds(sentence):
    hits = frame_hits(sentences_from_paragraphs("900", [sentence]))
    expected = [(frame.frame, next(text for text, pattern in frame.indicators if pattern.search(s)))
                for s in sentences_from_paragraphs("900", [sentence]).text for frame in load_codebook()
                if any(pattern.search(s) for _, pattern in frame.indicators)]
    assert list(zip(hits.frame, hits.indicator)) == expected


@pytest.mark.parametrize("sentence, frame", [
    ("Die Ukrainer wehren sich gegen die Invasoren.", "propaganda_show"),      # "ehren" inside "wehren"
    ("Er will seltene Erden aus Nordkorea bekommen.", "pariah_pact"),          # "selten" inside "seltene"
    ("Sie wollen über einen Waffenstillstand verhandeln.", "economic"),         # "handel" inside "verhandeln"
])
def test_indicators_never_match_inside_another_word(sentence, frame):
    hits = frame_hits(sentences_from_paragraphs("900", [sentence]))
    assert frame not in set(hits.frame), hits


@pytest.mark.parametrize("sentence, frame", [
    ("Die Sanktionen wirken kaum.", "responsibility"),                         # declared stem "sanktion*"
    ("Nordkorea testet Interkontinentalraketen.", "security_threat"),          # compound part "*rakete*"
    ("Der Ukraine-Krieg dauert an.", "conflict"),                              # a hyphen ends a word
    ("Russland gehen im Krieg die Granaten aus.", "russian_weakness"),         # "gehen ... aus"
    ("Putin hat selten Staatsgäste.", "pariah_pact"),                          # the whole word still counts
])
def test_declared_stems_and_phrases_match(sentence, frame):
    assert frame in set(frame_hits(sentences_from_paragraphs("900", [sentence])).frame)


@pytest.mark.parametrize("indicator", [r"\bkampf", "kri*eg", "*ab", "... krieg", "krieg ..."])
def test_an_indicator_that_is_not_a_word_or_declared_stem_names_the_field(tmp_path, indicator):
    book = tmp_path / "frames.yml"
    book.write_text("frames:\n  - {frame: war, generic: true, function: problem definition, definition: x, "
                    f"indicators: ['{indicator}'], examples: []}}\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"frames.yml: frame 1 \('war'\): field 'indicators'"):
        load_codebook(book)


def test_display_and_body_are_scored_as_zones_of_their_own():
    sentences = pd.concat([sentences_from_paragraphs("900", ["Putin braucht Munition für den Krieg"], part="title"),
                           sentences_from_paragraphs("900", ["Peking schaut zu."])], ignore_index=True)
    sentences["sentence_id"] = ["900-1", "900-2"]
    hits = frame_hits(sentences, ("display", "body"))
    assert set(zip(hits.sentence_id, hits.zone)) >= {("900-1", "display"), ("900-2", "body")}
    assert list(presence(sentences, hits, "display").index) == ["900-1"]
    assert not presence(sentences, hits, "body").loc["900-2", "conflict"]
    assert set(frame_hits(sentences).zone) == {"body"}


def test_claims_scored_against_a_coding():
    from pressframe.evaluation.evaluate import evaluate_claims

    coding = [{"id": "a", "claim": "A", "predefined": True, "texts": {"900": {"body": ["900-1", "900-2"]},
                                                                       "901": {"body": ["901-4"]}}},
              {"id": "b", "claim": "B", "predefined": False, "texts": {"900": {"body": ["900-3"]}}}]
    found = pd.DataFrame({"claim_id": ["a", "a"], "article_id": ["900", "902"], "sentence_id": ["900-2", "902-1"]})
    row = evaluate_claims(found, coding).set_index("claim_id").loc["a"]
    assert (row["texts coded"], row["texts matched"], row["texts both"]) == (2, 1, 1)     # 902 is not coded
    assert row["sentences recall"] == pytest.approx(1 / 3) and row["texts precision"] == 1.0
