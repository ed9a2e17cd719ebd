"""pressframe.compare.factnotes: every note quotes words that stand in its sentence and rests on a source the book lists."""

from __future__ import annotations

import pandas as pd
import pytest

from pressframe import factnotes
from pressframe.compare.factnotes import VERDICTS, FactNoteError, fact_notes, load_notes, source_label


def test_every_quoted_text_stands_in_its_sentence(analysis):
    notes = fact_notes(analysis.sentences)
    assert notes.note_id.nunique() == len(load_notes())
    text = dict(zip(analysis.sentences.sentence_id, analysis.sentences.text))
    assert all(q in text[s] for s, q in zip(notes.sentence_id, notes.quote))
    assert set(notes.verdict) <= set(VERDICTS)


def test_every_note_rests_on_a_reference_of_the_bibliography():
    for note in load_notes():
        assert source_label(note.reference) != note.reference, note.id


def test_a_quote_that_left_its_sentence_is_an_error_naming_the_note(analysis):
    sentences = analysis.sentences.copy()
    sentences.loc[sentences.sentence_id == "004-35", "text"] = "Angetrieben durch Russland und China."
    with pytest.raises(FactNoteError, match="note 'nuclear-powers'.*sentence 004-35"):
        fact_notes(sentences)


def test_notes_about_texts_outside_the_corpus_are_left_out(analysis):
    only = analysis.sentences[analysis.sentences.article_id == "004"]
    assert set(fact_notes(only).article_id) == {"004"}


def test_no_page_calls_the_2023_meeting_the_first():
    """The book's own words (the landing page, every chapter's prose), not the titles of the sources it cites."""
    import nbformat

    from pressframe.base.paths import repo_root

    book = repo_root() / "book"
    prose = [(book / "intro.md").read_text(encoding="utf-8")]
    for path in sorted(book.rglob("*.ipynb")):
        prose += [cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "markdown"]
    assert not [text for text in prose if "first summit" in text or "ersten Gipfel" in text]


def test_verdict_sentence_counts_by_verdict(analysis):
    sentence = factnotes.verdict_sentence(fact_notes(analysis.sentences))
    assert "two errors, one imprecision and two different framings" in sentence
    assert factnotes.verdict_sentence(pd.DataFrame(columns=list(factnotes.NOTE_COLUMNS))).startswith("We noted no")
