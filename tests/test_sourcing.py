"""pressframe.extract.sourcing: attribution of body sentences, sources per text, headlines against the body, echoes."""

from __future__ import annotations

import pandas as pd

from pressframe import sourcing
from pressframe.corpus.text import sentences_from_paragraphs
from pressframe.extract.quotes import find_quotes


def _attributed(*paragraphs):
    sentences = sentences_from_paragraphs("900", list(paragraphs))
    return sourcing.attribution(sentences, find_quotes(sentences)).set_index("sentence_id")


def test_how_a_sentence_is_attributed():
    table = _attributed("„Das ist ein Fehler“, sagt der Experte Hans Muster.",
                        "Experten befürchten eine neue Eskalation.",
                        "Laut US-Angaben lieferte Nordkorea Tausende Container.",
                        "Große Teile dieser Welt sehen zwei Diktatoren.",
                        "Nordkorea liefert Granaten an Russland.")
    assert list(table.how) == ["quotation", "unnamed source", "unnamed source", "unnamed source", ""]
    assert table.loc["900-1", "source"] == "Hans Muster" and not table.loc["900-5", "attributed"]


def test_a_view_and_a_speech_cue_attribute_without_a_named_source():
    table = _attributed("Die Regierung in Seoul sieht darin eine Gefahr.", "Nach Angaben des Ministeriums stieg die Zahl.")
    assert list(table.how) == ["view", "speech cue"]


def test_a_headline_that_states_what_the_body_attributes_is_found():
    sentences = pd.concat([sentences_from_paragraphs("900", ["Zwei Diktatoren hassen den Westen"], part="title"),
                           sentences_from_paragraphs("900", ["Große Teile dieser Welt sehen Regime, die den Westen hassen.",
                                                             "Der Westen liefert Waffen."])], ignore_index=True)
    sentences["sentence_id"] = ["900-1", "900-2", "900-3"]
    checks = sourcing.headline_checks(sentences, sourcing.attribution(sentences, find_quotes(sentences)))
    assert list(zip(checks.display_id, checks.body_id)) == [("900-1", "900-2")]


def test_sources_of_the_seed_texts(analysis):
    table = sourcing.sources_table(analysis, find_quotes(analysis.sentences)).set_index("text")
    assert "Konstantin Sonin (expert)" in table.loc["004", "named sources"]     # what the text calls him, no nationality
    assert "dpa" in table.loc["002", "agencies and outlets"]                      # from the source list cleaning set apart
    assert (table["attributed share"].between(0, 1)).all()


def test_an_echo_of_a_listed_source_title(analysis):
    found = sourcing.echoes(analysis)
    assert "002-25" in set(found.sentence_id)
    assert sourcing._echoes("Autokratenshow", "Diktatorenshow")
    assert not sourcing._echoes("Beziehungen", "Lieferungen")            # a shared ending is not a shared head


def test_an_outlet_name_that_is_a_german_word_names_the_outlet_only_as_a_name():
    r"""„mit Blick auf“ (in view of) names no newspaper; «Blick», Blick.ch and a source list do."""
    assert sourcing._named_media(["Das ist mit Blick auf die Atomdrohungen gefährlich."], []) == []
    assert sourcing._named_media(["Wie «Blick» berichtet, reiste er ab.", "Mehr dazu auf Blick.ch."], []) == ["Blick"]
    assert sourcing._named_media([], ["Quellen: Blick, dpa"]) == ["Blick", "dpa"]
    assert sourcing._named_media(["Der Spiegel der Macht."], ["- spiegel.de: Was die Show zeigt"]) == ["Der Spiegel"]


def test_a_text_does_not_rely_on_its_own_outlet(analysis):
    table = sourcing.sources_table(analysis, find_quotes(analysis.sentences)).set_index("text")
    for article in analysis.articles:
        own = article.outlet.split(" (")[0]
        assert own not in table.loc[article.article_id, "agencies and outlets"].split(", ")
    assert "Blick" not in table.loc["002", "agencies and outlets"].split(", ")     # "mit Blick auf" (002-61)
