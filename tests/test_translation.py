"""Translation artefacts: reviewed notes that must stand in their sentences, and the cautions they lead to."""

from __future__ import annotations

import pandas as pd
import pytest

from pressframe import translation


def test_every_note_quotes_words_of_its_sentence(analysis):
    notes = translation.artefacts(analysis.sentences)
    assert len(notes) >= 20 and set(notes.article_id) == {"003"}
    assert set(notes.category) <= set(translation.CATEGORIES)


def test_a_note_whose_words_left_the_sentence_is_an_error_naming_it(analysis):
    sentences = analysis.sentences.copy()
    sentences.loc[sentences.sentence_id == "003-7", "text"] = "Ein anderer Satz."
    with pytest.raises(translation.TranslationNoteError, match=r"translation.yml: note \d+: field 'words'.*003-7"):
        translation.artefacts(sentences)


def test_every_wording_a_note_shows_has_its_english(analysis, monkeypatch):
    notes = translation.artefacts(analysis.sentences)
    assert ((notes.source == "") | (notes.source_english != "")).all()
    assert ((notes.german == "") | (notes.german_english != "")).all()
    raw = [dict(n) for n in translation.load_artefacts()]
    raw[1].pop("german_english")
    translation.load_artefacts.cache_clear()
    monkeypatch.setattr(translation.yaml, "safe_load", lambda text: {"artefacts": raw})
    try:
        with pytest.raises(translation.TranslationNoteError, match=r"note 2 \(003-2\): field 'german_english' is missing"):
            translation.load_artefacts()
    finally:
        monkeypatch.undo()
        translation.load_artefacts.cache_clear()


def test_notes_of_texts_outside_the_corpus_are_left_out(analysis):
    assert translation.artefacts(analysis.sentences[analysis.sentences.article_id != "003"]).empty


def test_translated_texts_come_from_the_groups_file(articles):
    assert translation.translated_ids(articles) == ["003"]


def test_caution_and_chapter_sentence():
    notes = pd.DataFrame({"article_id": ["9"] * 3, "category": ["calque", "calque", "false friend"]})
    assert translation.caution([], notes) == ""
    assert "Text 9 is a translation (our reviewer noted three translation artefacts" in translation.caution(["9"], notes)
    assert translation.kinds_phrase(notes) == "two calques and one false friend"
