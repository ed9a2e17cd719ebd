"""Glosses: every sentence the book shows for the seed texts has an English gloss."""

from __future__ import annotations

from pressframe.glosses import gloss, glosses
from pressframe.summary import textrank


def test_every_summary_sentence_of_the_seeds_has_a_gloss(analysis):
    missing = [t for t in textrank(analysis.sentences).text if gloss(t) is None]
    assert missing == []


def test_glosses_are_non_empty_and_keys_are_sentences_of_the_corpus(analysis):
    assert all(g.strip() for g in glosses().values())
    stale = set(glosses()) - set(analysis.sentences.text)
    assert stale == set(), "glosses for sentences the corpus no longer has"


def test_untranslated_sentence_has_no_gloss():
    assert gloss("Dieser Satz steht in keinem Text des Korpus.") is None
