"""Glosses: every sentence the book shows for the seed texts has an English gloss."""

from __future__ import annotations

from pressframe.corpus.glosses import gloss, glosses
from pressframe.extract.quotes import find_quotes
from pressframe.extract.summary import textrank


def test_every_summary_sentence_of_the_seeds_has_a_gloss(analysis):
    missing = [t for t in textrank(analysis.sentences).text if gloss(t) is None]
    assert missing == []


def test_glosses_are_non_empty_and_keys_are_sentences_of_the_corpus(analysis):
    assert all(g.strip() for g in glosses().values())
    stale = set(glosses()) - set(analysis.sentences.text)
    assert stale == set(), "glosses for sentences the corpus no longer has"


def test_untranslated_sentence_has_no_gloss():
    assert gloss("Dieser Satz steht in keinem Text des Korpus.") is None


def test_every_german_sentence_and_phrase_the_book_shows_for_the_seeds_has_its_english(analysis, seeds_dir):
    """Every chapter table that shows German (quotations, designations, dates, the full text, the timeline, the
    mocking words) puts English beside it for the seed texts: no "not translated" mark anywhere."""
    from pressframe import comparison, display, translation
    from pressframe.compare.analysis import timeline_of
    from pressframe.compare.factnotes import fact_notes
    from pressframe.corpus.outlets import outlet_names
    from pressframe.publish.report import article_report

    pages = []
    for article_id in sorted(analysis.sentences.article_id.unique()):
        chapter = article_report(article_id, seeds_dir)
        pages += [display.quotes_table(chapter.quotes), display.quotes_table(chapter.scare_quotes, with_speaker=False),
                  display.designations_table(chapter.mentions), display.timexes_table(chapter.timexes),
                  display.full_text(chapter.analysis), display.summary_table(chapter.summary)]
    outlets, events = outlet_names(analysis.articles), timeline_of(analysis)
    from pressframe import sourcing

    quotes = find_quotes(analysis.sentences)
    pages += [display.sources_table(sourcing.sources_table(analysis, quotes)),
              display.headline_checks_table(sourcing.headline_checks(analysis.sentences,
                                                                     sourcing.attribution(analysis.sentences, quotes)),
                                            analysis.sentences),
              display.timeline_table(events, analysis.sentences, outlets),
              display.other_mentions_table(events, analysis.sentences, outlets),
              display.kwic_table(comparison.kwic(analysis), outlets, analysis.sentences),
              display.notes_table(fact_notes(analysis.sentences), outlets),
              display.artefacts_table(translation.artefacts(analysis.sentences))]
    html = "".join(page.data for page in pages)
    assert html.count('class="pf-en"') > 300
    assert "not translated" not in html


def test_a_gloss_translates_what_the_german_says_and_notes_where_it_is_wrong(analysis):
    """003-7 says the ICC warrant was issued "von ihm" (by Putin): the gloss must say so, and a note must flag it."""
    from pressframe.corpus.glosses import note

    text = analysis.sentences.set_index("sentence_id").text["003-7"]
    assert "von ihm ausgestellten" in text
    assert "issued by him" in gloss(text)
    assert "reverses the meaning" in note(text)


def test_phrase_glosses_fall_back_to_sentence_glosses():
    from pressframe.corpus.glosses import phrase_gloss

    assert phrase_gloss("Spott") == "mockery"
    assert phrase_gloss("Ein Satz, den niemand übersetzt hat.") is None


def test_every_removed_line_of_words_has_its_english(analysis):
    from pressframe.publish.overview import removed_pieces

    removed = removed_pieces(analysis)
    assert len(removed) > 20 and "not translated" not in set(removed.English)
    assert set(removed.text[removed.English == ""].str.strip()) <= {"1.", "2.", "-", "•"}    # list markers only


def test_a_line_gloss_marks_words_without_english_and_leaves_markers_alone():
    from pressframe.corpus.glosses import line_gloss

    assert line_gloss("  Startseite ") == "Home page"
    assert line_gloss("Ein Satz, den niemand übersetzt hat.") == "not translated"
    assert line_gloss("  3. ") == ""
