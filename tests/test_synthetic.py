"""Tests for benchmarks/synthetic.py: the benchmark's corpus is deterministic, valid, and scales with its factor."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pressframe.compare.analysis import analyse
from pressframe.corpus.load import load_corpus, validate_corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))   # benchmarks are no part of the library
from synthetic import donor_material, make_corpus, synthetic_articles  # noqa: E402


def test_same_arguments_give_the_same_corpus(articles) -> None:
    first = synthetic_articles(articles, factor=2, seed=7)
    again = synthetic_articles(articles, factor=2, seed=7)
    assert [(a.article_id, a.published, a.text) for a in first] == [(a.article_id, a.published, a.text) for a in again]
    other = synthetic_articles(articles, factor=2, seed=8)
    assert [a.text for a in other] != [a.text for a in first]


def test_a_smaller_corpus_is_the_start_of_a_larger_one(articles) -> None:
    small = synthetic_articles(articles, factor=1)
    large = synthetic_articles(articles, factor=3)
    assert [(a.text, a.published) for a in large[: len(small)]] == [(a.text, a.published) for a in small]


def test_ids_are_unique_of_one_width_and_sorted(articles) -> None:
    corpus = synthetic_articles(articles, factor=3)
    ids = [a.article_id for a in corpus]
    assert ids == sorted(set(ids)) == [f"{n:03d}" for n in range(15)]
    assert all(a.file.startswith(a.article_id + "_") for a in corpus)


def test_ids_widen_past_999(articles) -> None:
    corpus = synthetic_articles(articles[:1], factor=1001)
    assert [a.article_id for a in corpus[:2]] == ["0000", "0001"] and corpus[-1].article_id == "1000"


def test_written_corpus_validates_and_loads_back(articles, tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "x2", factor=2, seeds=articles)
    assert validate_corpus(folder) == []
    loaded = load_corpus(folder)
    made = synthetic_articles(articles, factor=2)
    assert [(a.article_id, a.outlet, a.country_group, a.published, a.text) for a in loaded] == \
        [(a.article_id, a.outlet, a.country_group, a.published, a.text) for a in made]


def test_writing_into_a_folder_with_files_is_refused(articles, tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError):
        make_corpus(tmp_path, factor=1, seeds=articles)


def test_text_is_made_of_the_donor_body_sentences_under_its_headline(articles) -> None:
    bodies, titles = donor_material(articles)
    for article in synthetic_articles(articles, factor=1):
        donor = article.file.rsplit("_", 1)[1].removesuffix(".txt")
        headline, *paragraphs = article.text.rstrip("\n").split("\n\n")
        assert headline == titles[donor]
        pool = set(bodies[donor])
        drawn = [s for p in paragraphs for s in p.split(" ") if s]   # words: all from the donor's sentences
        assert set(drawn) <= {w for s in pool for w in s.split(" ")}
        assert len(paragraphs) >= 1


def test_size_scales_with_the_factor_and_length_is_realistic(articles) -> None:
    seeds = analyse(articles)
    tokens_of = lambda analysis: int(analysis.tokens.is_word[analysis.sentences.set_index("sentence_id").part
                                                                 .reindex(analysis.tokens.sentence_id).eq("body").to_numpy()].sum())
    one, four = analyse(synthetic_articles(articles, factor=1)), analyse(synthetic_articles(articles, factor=4))
    assert len(four.articles) == 4 * len(one.articles) == 4 * len(articles)
    assert 0.6 < tokens_of(one) / tokens_of(seeds) < 1.4
    assert 3.2 < tokens_of(four) / tokens_of(one) < 4.8
    body = four.sentences[four.sentences.part == "body"].groupby("article_id").size()
    seed_body = seeds.sentences[seeds.sentences.part == "body"].groupby("article_id").size()
    assert body.min() >= 0.5 * seed_body.min() and body.max() <= 1.5 * seed_body.max()


def test_cleaning_keeps_the_headline_and_body(articles) -> None:
    analysis = analyse(synthetic_articles(articles, factor=1))
    parts = analysis.sentences.groupby("article_id").part.agg(set)
    assert all({"title", "body"} <= found for found in parts)


def test_factor_below_one_is_refused(articles) -> None:
    with pytest.raises(ValueError, match="factor"):
        synthetic_articles(articles, factor=0)
