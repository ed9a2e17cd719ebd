"""pressframe.publish.display: tables escape every cell, TIMEX3 values come with their plain reading, and a table
with nothing to show is a sentence instead."""

from __future__ import annotations

import pandas as pd

from pressframe.compare.analysis import analyse
from pressframe.corpus.clean import KEPT_PARTS
from pressframe.publish.display import full_text, html_table, other_mentions_table, sentence_link, timexes_table


def test_html_table_escapes_cells_and_lets_long_headers_wrap_after_underscores():
    table = html_table(pd.DataFrame({"quotes_per_1000_words": ["<script>x</script>"]})).data
    assert "<script>" not in table and "&lt;script&gt;" in table
    assert "quotes_<wbr>per_<wbr>1000_<wbr>words" in table


def test_timex_values_are_shown_with_their_reading():
    timexes = pd.DataFrame([{"sentence_id": "002-4", "text": "Dienstagabend", "type": "TIME", "value": "2024-06-18TEV",
                             "event": "E06"}, {"sentence_id": "002-5", "text": "2000", "type": "DATE", "value": "2000",
                                               "event": "E01"}])
    table = timexes_table(timexes).data
    assert '<code>2024-06-18TEV</code> <span class="pf-reading">18 June 2024, evening</span>' in table
    assert "<code>2000</code></td>" in table  # a year needs no reading


def test_sentence_links_point_into_the_article_chapter():
    assert sentence_link("002-38", from_page="book") == '<a class="pf-sid" href="articles/002.html#s-002-38">002-38</a>'
    assert sentence_link("002-38") == '<a class="pf-sid" href="#s-002-38">002-38</a>'


def test_the_removed_lines_table_appears_only_when_cleaning_removed_something(articles):
    seen = set()
    for article in articles:
        one = analyse([article])
        removed = one.pieces[~one.pieces.part.isin(KEPT_PARTS) & (one.pieces.text.str.strip() != "")]
        html = full_text(one).data
        if len(removed):
            assert f"Lines removed by cleaning ({len(removed)})" in html and "<tbody><tr>" in html
        else:
            assert "pf-removed" not in html.replace("pf-removed-none", "") and "<table" not in html
            assert "Cleaning removed nothing from this text." in html
        seen.add(bool(len(removed)))
    assert seen == {True, False}, "the seeds should hold a text with and a text without removed lines"


def test_no_other_dated_mentions_is_no_table_and_the_sentence_says_so():
    from pressframe.publish.narrative import other_mentions_phrase, unkinded_sentence

    empty = pd.DataFrame(columns=["event_id", "date", "article_id", "sentence_id", "timex", "start"])
    assert other_mentions_table(empty, pd.DataFrame(columns=["sentence_id", "text"]), {}).data == ""
    assert "no other dated mentions" in unkinded_sentence(empty)
    assert other_mentions_phrase(empty) == "every calendar mention fits one of the kinds"
