"""pressframe.clean: every line is accounted for, and the parts are right on real and constructed text."""

from __future__ import annotations

from datetime import date

import pytest

from pressframe.clean import KEPT_PARTS, PARTS, clean_article
from pressframe.corpus import Article


def make_article(text: str) -> Article:
    return Article(article_id="999", file="999_test.txt", outlet="Test", country_group="German", event="test",
                   published=date(2024, 6, 19), published_status="inferred", text=text)


def parts_of(text: str) -> list[tuple[str, str]]:
    """(part, stripped text) of every non-blank, non-marker piece."""
    pieces = clean_article(make_article(text))
    return [(p.part, p.text.strip()) for p in pieces.itertuples()
            if p.text.strip() and p.reason != "list marker (layout)"]


def test_pieces_reproduce_every_line_exactly_once(articles):
    for article in articles:
        pieces = clean_article(article)
        rebuilt = pieces.groupby("line_no").text.agg("".join)
        assert list(rebuilt.index) == list(range(1, len(article.lines) + 1)), article.article_id
        assert list(rebuilt) == article.lines, article.article_id
        for piece in pieces.itertuples():
            assert article.lines[piece.line_no - 1][piece.char_start:piece.char_end] == piece.text


def test_every_piece_has_a_known_part_and_a_reason(analysis):
    assert set(analysis.pieces.part) <= set(PARTS)
    assert (analysis.pieces.reason.str.len() > 0).all()


def test_sentences_and_removed_cover_every_character(analysis, articles):
    """The CSV-level invariant: kept sentences plus removed pieces cover each line; only spaces are left."""
    removed = analysis.pieces[~analysis.pieces.part.isin(KEPT_PARTS)]
    for article in articles:
        for n, line in enumerate(article.lines, start=1):
            covered = [False] * len(line)
            spans = [(s.char_start, s.char_end, s.text) for s in analysis.sentences.itertuples()
                     if s.article_id == article.article_id and s.line_no == n]
            spans += [(r.char_start, r.char_end, r.text) for r in removed.itertuples()
                      if r.article_id == article.article_id and r.line_no == n]
            assert spans, f"{article.article_id} line {n} is in neither table"
            for start, end, text in spans:
                assert line[start:end] == text
                assert not any(covered[start:end]), f"{article.article_id} line {n} covered twice"
                covered[start:end] = [True] * (end - start)
            gaps = "".join(ch for ch, done in zip(line, covered) if not done)
            assert gaps.strip() == "", f"{article.article_id} line {n} loses {gaps!r}"


@pytest.mark.parametrize(("article_id", "line_no", "part"), [
    ("000", 1, "boilerplate"),   # "Zum Inhalt springen"
    ("000", 3, "title"),
    ("000", 5, "standfirst"),
    ("000", 9, "subheading"),    # "Gigantische Materialschlacht"
    ("000", 29, "byline"),       # author's name
    ("000", 31, "byline"),       # "Internationaler Korrespondent"
    ("000", 35, "byline"),       # author's biography
    ("000", 39, "source"),       # "Tagesschau, 13.9.2023, 12:45 Uhr"
    ("000", 41, "boilerplate"),  # "Meistgelesene Artikel"
    ("001", 6, "boilerplate"),   # "KommentareDrucken", split: checked below
    ("001", 8, "standfirst"),
    ("001", 24, "caption"),      # image description above the credited caption
    ("002", 1, "boilerplate"),   # the site's self-description
    ("002", 3, "standfirst"),
    ("002", 22, "subheading"),   # Kim: Putin "bester Freund"
    ("003", 2, "body"),          # a long first paragraph is body, not standfirst
    ("004", 9, "key_point"),
])
def test_parts_of_real_lines(analysis, article_id, line_no, part):
    pieces = analysis.pieces[(analysis.pieces.article_id == article_id) & (analysis.pieces.line_no == line_no)]
    content = [p for p in pieces.itertuples() if p.text.strip() and p.reason != "list marker (layout)"]
    assert content[0].part == part, content[0].reason


def test_repeated_headline_is_removed():
    parts = parts_of("Ein Titel über Gipfel\n  1. Startseite\nEin Titel über Gipfel\n"
                     "Ein langer erster Absatz über den Gipfel, der weitergeht. Er hat zwei Sätze und noch mehr Wörter, "
                     "damit er kein Vorspann ist, sondern Fliesstext, und noch weiter geht er, bis er lang genug ist. "
                     "Ein dritter Satz. Ein vierter Satz.\n")
    assert parts[0] == ("title", "Ein Titel über Gipfel")
    assert parts[1] == ("boilerplate", "Startseite")
    assert parts[2] == ("boilerplate", "Ein Titel über Gipfel")
    assert parts[3][0] == "body"


def test_site_self_description_glued_to_headline_is_split(analysis):
    line = analysis.pieces[(analysis.pieces.article_id == "002") & (analysis.pieces.line_no == 2)]
    assert line.text.tolist() == ["Zum journalistischen Leitbild von t-online.", "Russlands Pakt mit Nordkorea Putin wird vorgeführt"]
    assert line.part.tolist() == ["boilerplate", "title"]


def test_caption_credit_is_split_off(analysis):
    line = analysis.pieces[(analysis.pieces.article_id == "004") & (analysis.pieces.line_no == 5)]
    assert line.part.tolist() == ["caption", "source"]
    assert line.text.tolist()[1] == " - keystone"


def test_constructed_article_layout():
    text = "\n".join([
        "Menü",                                            # chrome before the headline? headline-shaped: title
        "",
        "Ein Titel über Gipfel",
        "Kurzer Vorspann mit einem Satz über den Gipfel.",
        "Erster Absatz mit mehreren Wörtern. Und noch ein Satz dazu.",
        "Zwischentitel ohne Punkt",
        "Zweiter Absatz, der länger ist und weitergeht. Noch ein Satz folgt hier.",
        "Bildbeschreibung ohne Punkt",
        "Eine Bildlegende mit Fotonachweis. © Fotograf/Agentur",
        "Dritter Absatz mit genug Wörtern für einen Absatz. Und Schluss.",
        "Teilen",
        "Weitere Themen",
    ])
    parts = parts_of(text)
    assert parts[0] == ("title", "Menü")   # the first headline-shaped line is taken as the title
    assert ("boilerplate", "Ein Titel über Gipfel") in parts or ("subheading", "Ein Titel über Gipfel") not in parts
    assert ("standfirst", "Kurzer Vorspann mit einem Satz über den Gipfel.") in parts
    assert ("subheading", "Zwischentitel ohne Punkt") in parts
    assert ("caption", "Bildbeschreibung ohne Punkt") in parts
    assert ("caption", "Eine Bildlegende mit Fotonachweis.") in parts
    assert ("source", "© Fotograf/Agentur") in parts
    assert ("body", "Dritter Absatz mit genug Wörtern für einen Absatz. Und Schluss.") in parts
    assert ("boilerplate", "Weitere Themen") in parts


def test_key_points_before_body_and_sources_after_it():
    text = "\n".join([
        "Titel der Meldung",
        "Das Wichtigste in Kürze",
        "  • Erster Kernpunkt der Meldung steht hier.",
        "  • Zweiter Kernpunkt der Meldung steht hier.",
        "Der erste Absatz ist lang genug, um Fliesstext zu sein. Er hat zwei Sätze.",
        "Der zweite Absatz ist ebenfalls Fliesstext. Er endet hier.",
        "- Nachrichtenagenturen dpa und afp",
        "- Eigene Recherche",
    ])
    parts = parts_of(text)
    assert ("boilerplate", "Das Wichtigste in Kürze") in parts
    assert [p for p, t in parts if "Kernpunkt" in t] == ["key_point", "key_point"]
    assert ("source", "Nachrichtenagenturen dpa und afp") in parts
    assert ("source", "Eigene Recherche") in parts
    assert ("standfirst", "Der erste Absatz ist lang genug, um Fliesstext zu sein. Er hat zwei Sätze.") in parts


def test_interface_labels_run_together_are_split():
    pieces = clean_article(make_article("Titel der Meldung\nKommentareDruckenTeilen\nEin Absatz mit Text. Und noch mehr.\n"))
    line = pieces[pieces.line_no == 2]
    assert line.text.tolist() == ["Kommentare", "Drucken", "Teilen"]
    assert set(line.part) == {"boilerplate"}


def test_author_box_needs_a_sentence_about_the_name():
    """A name-shaped subheading is not a byline unless a later sentence is about that person."""
    text = "\n".join([
        "Titel der Meldung",
        "Ein Absatz über das Treffen, lang genug. Er hat zwei Sätze.",
        "Der erste Absatz des Haupttextes steht hier. Er hat auch zwei Sätze.",
        "Wladimir Putin",
        "Ein weiterer Absatz über Wladimir Putin und seine Reise. Noch ein Satz.",
        "Anna Muster",
        "Anna Muster ist Korrespondentin in Zürich.",
    ])
    parts = parts_of(text)
    assert ("subheading", "Wladimir Putin") in parts
    assert ("byline", "Anna Muster") in parts
    assert ("byline", "Anna Muster ist Korrespondentin in Zürich.") in parts
