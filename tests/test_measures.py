"""One number per measure: what an article's chapter counts is what the cross-outlet chapters count."""

from __future__ import annotations

import pytest

from pressframe import comparison
from pressframe.corpus.text import sentences_from_paragraphs
from pressframe.extract.quotes import find_quotes
from pressframe.publish.report import article_report, facts


def test_naming_counts_are_the_same_in_the_article_and_the_comparison(analysis, articles, seeds_dir):
    table = comparison.naming(analysis, by="article").set_index("unit")
    for article in articles:
        mine = facts(article_report(article.article_id, seeds_dir))
        assert table.loc[article.article_id, "mentions"] == mine["n_mentions"], article.article_id
        assert table.loc[article.article_id, "evaluative"] == mine["n_evaluative"], article.article_id


def test_quotations_are_the_same_in_the_article_and_the_comparison(analysis, articles, seeds_dir):
    voices = comparison.voices(analysis, by="article").groupby("unit").quotations.sum()
    for article in articles:
        assert voices.get(article.article_id, 0) == facts(article_report(article.article_id, seeds_dir))["n_quotes"]


@pytest.mark.parametrize("platform", ["«X»", "«Twitter»", "„Telegram“"])
def test_a_platform_named_in_quotation_marks_is_not_speech(platform):
    sentences = sentences_from_paragraphs("900", [
        f"Der Ökonom Anders Aslund schreibt auf {platform} etwa: «Was für ein Verlierer!»"])
    found = find_quotes(sentences)
    name = found[found.quote == platform[1:-1]]
    assert list(name.kind) == ["scare"] and list(name.speaker) == ["none"]
    assert list(found[found.kind == "full"].speaker) == ["Anders Aslund"]
