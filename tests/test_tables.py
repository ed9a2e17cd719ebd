"""pressframe.publish.tables: the exported CSVs have the documented columns, resolve to each other, and are deterministic."""

from __future__ import annotations

import csv

import pandas as pd

from pressframe.corpus.load import load_corpus
from pressframe.publish.tables import columns, export, table_schema


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_export_writes_every_documented_table_with_its_columns(tmp_path, seeds_dir):
    written = export(tmp_path / "data", seeds_dir)
    assert sorted(p.name for p in written) == sorted(f"{name}.csv" for name in table_schema())
    for path in written:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == columns(path.stem)
    assert not list(tmp_path.glob(".export-*")), "staging folder left behind"


def test_exported_tables_reproduce_every_original_line(tmp_path, seeds_dir):
    export(tmp_path, seeds_dir)
    sentences, removed = read(tmp_path / "sentences.csv"), read(tmp_path / "removed.csv")
    for article in load_corpus(seeds_dir):
        for n, line in enumerate(article.lines, start=1):
            spans = [(int(r.char_start), r.text) for t in (sentences, removed)
                     for r in t[(t.article_id == article.article_id) & (t.line_no == str(n))].itertuples()]
            assert spans, (article.article_id, n)
            rebuilt = [" "] * len(line)
            for start, text in spans:
                rebuilt[start:start + len(text)] = list(text)
            assert "".join(rebuilt).strip() == line.strip(), (article.article_id, n)


def test_sentence_ids_are_unique_and_numbered_in_order(analysis):
    ids = analysis.sentences.sentence_id
    assert ids.is_unique
    for article_id, group in analysis.sentences.groupby("article_id"):
        assert group.sentence_id.tolist() == [f"{article_id}-{n}" for n in range(1, len(group) + 1)]


def test_articles_table_counts(tmp_path, seeds_dir):
    export(tmp_path, seeds_dir)
    articles = read(tmp_path / "articles.csv")
    sentences = read(tmp_path / "sentences.csv")
    assert articles.article_id.tolist() == ["000", "001", "002", "003", "004"]
    body = sentences[sentences.part == "body"].groupby("article_id").size()
    assert articles.n_sentences.astype(int).tolist() == body.tolist()
    assert articles.country_group.tolist() == ["Swiss", "German", "German", "French-derived", "Swiss"]
    assert articles.title[3] == "Besorgniserregendes Gipfeltreffen der Außenseiter: Putin und Kim treffen sich"


def test_two_exports_are_byte_identical(tmp_path, seeds_dir):
    first, second = export(tmp_path / "a", seeds_dir), export(tmp_path / "b", seeds_dir)
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_outlet_names_drop_the_bracketed_note(analysis):
    from pressframe.corpus.outlets import outlet_names, short_outlet

    assert short_outlet("Le Monde (translated editorial)") == "Le Monde"
    assert outlet_names(analysis.articles)["003"] == "attributed to Le Monde"   # the text does not name it
    assert outlet_names(analysis.articles)["000"] == "SRF"
