"""pressframe.display: tables escape every cell, and TIMEX3 values come with their plain reading."""

from __future__ import annotations

import pandas as pd

from pressframe.display import html_table, sentence_link, timexes_table


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
