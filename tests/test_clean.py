"""pressframe.corpus.clean: every line is accounted for, and the parts are right on real and constructed text."""

from __future__ import annotations

from datetime import date

import pytest

from pressframe.corpus.clean import KEPT_PARTS, PARTS, clean_article
from pressframe.corpus.load import Article


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
    ("000", 3, "kicker"),        # "Treffen von Putin und Kim", printed on the headline's line
    ("000", 5, "standfirst"),
    ("000", 9, "subheading"),    # "Gigantische Materialschlacht"
    ("000", 29, "byline"),       # author's name
    ("000", 31, "byline"),       # "Internationaler Korrespondent"
    ("000", 35, "byline"),       # author's biography
    ("000", 39, "dateline"),     # "Tagesschau, 13.9.2023, 12:45 Uhr"
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
    assert line.text.tolist() == ["Zum journalistischen Leitbild von t-online.", "Russlands Pakt mit Nordkorea ",
                                  "Putin wird vorgeführt"]
    assert line.part.tolist() == ["boilerplate", "kicker", "title"]


def test_kicker_before_a_capitalised_article_is_split(analysis):
    line = analysis.pieces[(analysis.pieces.article_id == "000") & (analysis.pieces.line_no == 3)]
    assert line.text.tolist() == ["Treffen von Putin und Kim ", "Die Allianz der Geächteten"]
    assert line.part.tolist() == ["kicker", "title"]


def test_caption_credit_is_split_off(analysis):
    line = analysis.pieces[(analysis.pieces.article_id == "004") & (analysis.pieces.line_no == 5)]
    assert line.part.tolist() == ["caption", "credit"]
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
    assert parts[0] == ("boilerplate", "Menü")
    assert parts[1] == ("title", "Ein Titel über Gipfel")
    assert ("standfirst", "Kurzer Vorspann mit einem Satz über den Gipfel.") in parts
    assert ("subheading", "Zwischentitel ohne Punkt") in parts
    assert ("caption", "Bildbeschreibung ohne Punkt") in parts
    assert ("caption", "Eine Bildlegende mit Fotonachweis.") in parts
    assert ("credit", "© Fotograf/Agentur") in parts
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


# --- constructed pages: the shapes of real scraped pages, written for these tests -------------------

LONG = "Ein Absatz mit genug Wörtern, damit er Fliesstext ist. Er hat zwei Sätze."


def test_running_text_before_any_headline_is_kept_and_no_later_line_is_promoted():
    """A stored copy that starts below its headline has no headline; a question further down is not one."""
    text = "\n".join([
        "Der Präsident ist zu einem Besuch eingetroffen. Er trifft den Machthaber in der Hauptstadt.",
        "",
        "Worum geht es bei diesem Besuch?",
        "",
        "Antwort auf die Frage in einem Absatz. Mit einem zweiten Satz.",
    ])
    parts = parts_of(text)
    assert parts[0][0] == "body"
    assert "title" not in [p for p, _ in parts]
    assert ("body", "Worum geht es bei diesem Besuch?") in parts     # a lone question: the author's


def test_a_paragraph_cut_off_by_the_stored_text_is_running_text():
    text = "\n".join(["Titel der Meldung", "", LONG, "",
                     "Ein bekannter Experte in den USA, Max Muster, hat die engere Zusammenarbeit der beiden"])
    assert parts_of(text)[-1] == ("body", "Ein bekannter Experte in den USA, Max Muster, hat die engere "
                                          "Zusammenarbeit der beiden")


@pytest.mark.parametrize(("line", "kicker", "title"), [
    ("Gipfel im Osten Russlands Der Besuch des Jahrzehnts", "Gipfel im Osten Russlands ", "Der Besuch des Jahrzehnts"),
    ("Einsamer Präsident hat kaum VerbündeteMoskau sucht neue Partner", "Einsamer Präsident hat kaum Verbündete",
     "Moskau sucht neue Partner"),
    ("Streit um den Vertrag mit Peking Lawrow will vermitteln", "Streit um den Vertrag mit Peking ",
     "Lawrow will vermitteln"),
])
def test_kicker_printed_on_the_headline_line_is_split(line, kicker, title):
    parts = parts_of(f"{line}\n\n{LONG}\n")
    assert parts[:2] == [("kicker", kicker.strip()), ("title", title)]


@pytest.mark.parametrize("line", ["Putin besucht Nordkorea", "Kim Jong Un empfängt den Kremlchef",
                                  "Was Putin in Pjöngjang will"])
def test_a_headline_without_a_kicker_stays_whole(line):
    assert parts_of(f"{line}\n\n{LONG}\n")[0] == ("title", line)


def test_short_line_above_the_headline_is_its_kicker():
    parts = parts_of(f"Diplomatie\n\nDer Kremlchef reist nach Asien\n\n{LONG}\n")
    assert parts[:2] == [("kicker", "Diplomatie"), ("title", "Der Kremlchef reist nach Asien")]


@pytest.mark.parametrize(("line", "pieces"), [
    ("BERLIN (dpa) - Die Regierung hat den Gesandten einbestellt, teilte das Amt mit.",
     [("dateline", "BERLIN"), ("credit", "(dpa) -")]),
    ("SEOUL – Die Regierung hat den Gesandten einbestellt, teilte das Amt mit.", [("dateline", "SEOUL –")]),
    ("Tokio (AFP) - Die Regierung hat den Gesandten einbestellt, teilte das Amt mit.",
     [("dateline", "Tokio"), ("credit", "(AFP) -")]),
    ("Chabarowsk, 4. Mai 2024 - Die Regierung hat den Gesandten einbestellt, teilte das Amt mit.",
     [("dateline", "Chabarowsk, 4. Mai 2024 -")]),
    ("Peking: Die Regierung hat den Gesandten einbestellt, teilte das Amt mit.", [("dateline", "Peking:")]),
])
def test_dateline_and_agency_credit_opening_a_paragraph_get_parts_of_their_own(line, pieces):
    parts = parts_of(f"Titel der Meldung\n\n{line}\n")
    assert parts[1 : 1 + len(pieces)] == pieces
    assert parts[1 + len(pieces)] == ("body", "Die Regierung hat den Gesandten einbestellt, teilte das Amt mit.")


def test_a_speaker_label_is_not_a_dateline():
    parts = parts_of("Titel der Meldung\n\nAnna Muster: Die Regierung hat den Gesandten einbestellt. Das ist neu.\n")
    assert parts[1] == ("body", "Anna Muster: Die Regierung hat den Gesandten einbestellt. Das ist neu.")


@pytest.mark.parametrize("line", ["Stand: 19.06.2024, 14:03 Uhr", "Sendung: Radio Nachrichten, 10.11.2024 18:00 Uhr",
                                  "Aktualisiert am 3. Mai 2024", "19.06.2024"])
def test_date_stamps_are_datelines(line):
    assert ("dateline", line) in parts_of(f"Titel der Meldung\n\n{line}\n\n{LONG}\n")


def test_credits_captions_and_repeated_captions():
    text = "\n".join([
        "Titel der Meldung", "",
        LONG, "",
        "Der Präsident (l) begrüsst den Gast am Flughafen. Foto: Max Muster/dpa", "",
        "Der Präsident (l) begrüsst den Gast am Flughafen.", "",
        "Zwei Männer schütteln sich die Hände und lächeln in die Kamera.", "",
        "MAX MUSTER / AFP / picturedesk.com", "",
        "Ein weiterer Absatz mit genug Wörtern, damit er Fliesstext ist. Er hat zwei Sätze.",
    ])
    parts = parts_of(text)
    assert ("caption", "Der Präsident (l) begrüsst den Gast am Flughafen.") in parts
    assert ("credit", "Foto: Max Muster/dpa") in parts
    assert parts.count(("caption", "Der Präsident (l) begrüsst den Gast am Flughafen.")) == 2
    assert ("caption", "Zwei Männer schütteln sich die Hände und lächeln in die Kamera.") in parts
    assert ("credit", "MAX MUSTER / AFP / picturedesk.com") in parts


@pytest.mark.parametrize(("credit", "part"), [("Foto: Max Muster/dpa", "caption"), ("Agenturen/red", "subheading")])
def test_a_short_line_above_a_photo_credit_is_its_caption_not_above_an_agency_credit(credit, part):
    later = "Der zweite Absatz erzählt weiter, was die beiden Männer besprochen haben. Er hat auch zwei Sätze."
    parts = parts_of("\n\n".join(["Titel der Meldung", LONG, "Kim und Putin am Bahnhof", credit, later]))
    assert (part, "Kim und Putin am Bahnhof") in parts
    assert ("credit", credit) in parts


def test_the_same_paragraph_printed_twice_is_a_caption():
    caption = "Der Präsident und der Machthaber stossen an. Sie sind Freunde."
    parts = parts_of(f"Titel der Meldung\n\n{caption}\n\n{caption}\n\n{LONG}\n")
    assert parts.count(("caption", caption)) == 2


def test_bylines_and_the_outlets_own_desk_line():
    article = Article(article_id="999", file="999_test.txt", outlet="Tagesblatt (tagesblatt.example)",
                      country_group="German", event="test", published=date(2024, 6, 19), published_status="inferred",
                      text=f"Titel der Meldung\n\nVon Anna Muster\n\nNewsdesk Tagesblatt\n\n{LONG}\n")
    parts = [(p.part, p.text.strip()) for p in clean_article(article).itertuples() if p.text.strip()]
    assert ("byline", "Von Anna Muster") in parts
    assert ("byline", "Newsdesk Tagesblatt") in parts


def test_a_person_box_is_cut_around_its_buttons():
    line = ("Anna Muster Freie Journalistin Personen-Box aufklappen Personen-Box zuklappen Die Journalistin "
            "Anna Muster berichtet aus Tokio.")
    parts = parts_of(f"Titel der Meldung\n\n{LONG}\n\n{line}\n\n{LONG}\n")
    assert ("byline", "Anna Muster Freie Journalistin") in parts
    assert ("boilerplate", "Personen-Box aufklappen Personen-Box zuklappen") in parts
    assert ("byline", "Die Journalistin Anna Muster berichtet aus Tokio.") in parts


def test_an_interviews_questions_are_body():
    text = "\n".join(["Titel des Interviews", "", LONG, "", "Redaktion: Was steht im Vertrag?", "",
                     "Anna Muster: Der Vertrag regelt die Hilfe im Kriegsfall. Das ist neu.", "",
                     "Welche Waffen liefert das Land?", "", "Anna Muster: Vor allem Granaten. Und Raketen."])
    parts = parts_of(text)
    assert ("body", "Redaktion: Was steht im Vertrag?") in parts
    assert ("body", "Welche Waffen liefert das Land?") in parts


def test_a_line_that_introduces_the_next_paragraph_is_kept():
    parts = parts_of(f"Zeitung zu Putin und Kim:\n\n{LONG}\n")
    assert parts[0] == ("body", "Zeitung zu Putin und Kim:")


@pytest.mark.parametrize("line", ["Lesezeit 5 Minuten", "1/3", "Gehe zur Galerie", "https://example.org/x1",
                                  "Mehr anzeigen"])
def test_site_chrome_labels(line):
    assert ("boilerplate", line) in parts_of(f"Titel der Meldung\n\n{line}\n\n{LONG}\n")


def test_running_text_that_looks_like_chrome_in_part_stays_running_text():
    """Chrome is recognised by what it says and where it stands, never by a phrase inside a paragraph."""
    article = Article(article_id="999", file="999_test.txt", outlet="Tagesblatt", country_group="German", event="test",
                      published=date(2024, 6, 19), published_status="inferred", text="\n".join([
                          "Der Präsident ist eingetroffen. Er trifft den Machthaber am Flughafen.", "",
                          "Ein zweiter Absatz folgt hier mit Text. Auch er hat zwei Sätze.", "",
                          "Auch interessant ist, dass der Besuch zwei Tage dauert.", "",
                          "Das sagte er dem Tagesblatt.", "",
                          "Am Ende zeigt sich den Besuchern das Bild: ein Land im Aufbruch und Umbruch",
                      ]))
    parts = [(p.part, p.text.strip()) for p in clean_article(article).itertuples() if p.text.strip()]
    assert [p for p, _ in parts] == ["body"] * 5, parts


def test_a_short_sentence_the_copy_cuts_off_after_an_article_is_running_text():
    parts = parts_of(f"Titel der Meldung\n\n{LONG}\n\nBeide Länder verbindet seit Jahrzehnten eine\n")
    assert parts[-1] == ("body", "Beide Länder verbindet seit Jahrzehnten eine")


# --- running text that is hard to tell from chrome, and chrome that is easy to tell -----------------

def paragraphs(n: int) -> list[str]:
    """``n`` different paragraphs of running text."""
    return [f"Der Absatz Nummer {k} hat genug Wörter für Fliesstext. Er nennt Kim Jong Un und Putin." for k in range(1, n + 1)]


def test_a_name_caption_is_no_author_box_when_the_story_is_about_that_person():
    p = paragraphs(3)
    parts = parts_of("\n\n".join(["Putin besucht Kim", p[0], "Kim Jong Un",
                                   "Kim Jong Un reiste mit dem Zug an. Er blieb zwei Tage.",
                                   p[1], "Kim Jong Un sagte, er sei zufrieden. Das war alles.", p[2]]))
    assert ("body", "Kim Jong Un reiste mit dem Zug an. Er blieb zwei Tage.") in parts
    assert ("body", "Kim Jong Un sagte, er sei zufrieden. Das war alles.") in parts


@pytest.mark.parametrize("line", [
    "Bilder der Staatsagentur KCNA zeigen Kim beim Empfang am Bahnhof.",
    "Quelle des Berichts ist die Agentur Reuters, die sich auf Diplomaten beruft.",
    "Nordkoreas Staatsagentur (KCNA) meldete am Abend einen Erfolg des Treffens.",
    "Der Vertrag wurde unterzeichnet am 19.06.2024",
    "Doch was bedeutet dieser Pakt eigentlich für die Sicherheit Europas und für die Ukraine in den kommenden Jahren?",
    "Ein Irrtum.",
])
def test_sentences_that_name_an_agency_a_source_or_a_date_or_stand_alone_are_kept_whole(line):
    p = paragraphs(2)
    parts = parts_of("\n\n".join(["Putin besucht Kim", p[0], p[1], line, p[1].replace("2", "3")]))
    assert parts[3][1] == line and parts[3][0] in KEPT_PARTS, parts[3]
    parts = parts_of("\n\n".join(["Putin besucht Kim", p[0], p[1], line]))
    assert parts[3] == ("body", line)         # the last paragraph too


def test_the_last_paragraph_may_be_a_question_but_a_prompt_to_the_reader_is_chrome():
    p = paragraphs(2)
    parts = parts_of("\n\n".join(["Putin besucht Kim", *p, "Wer hätte das gedacht?", "Was meinen Sie? Diskutieren Sie mit!"]))
    assert parts[-2:] == [("body", "Wer hätte das gedacht?"), ("boilerplate", "Was meinen Sie? Diskutieren Sie mit!")]


def test_between_headline_and_body_a_question_is_the_teaser_and_a_describing_line_a_caption():
    p = paragraphs(3)
    parts = parts_of("\n\n".join(["Putin besucht Kim", "Was will der Kremlchef in Pjöngjang erreichen?", *p]))
    assert parts[1] == ("standfirst", "Was will der Kremlchef in Pjöngjang erreichen?")
    parts = parts_of("\n\n".join(["Putin besucht Kim", "Wladimir Putin und Kim Jong Un beim Treffen in Wostotschny", *p]))
    assert parts[1] == ("caption", "Wladimir Putin und Kim Jong Un beim Treffen in Wostotschny")


def test_questions_heading_sections_twice_are_an_explainers_subheadings():
    p = paragraphs(4)
    parts = parts_of("\n\n".join(["Was Putin in Pjöngjang will", p[0], "Was steht im Vertrag?", p[1],
                                   "Was bedeutet das für Europa?", p[2]]))
    assert ("subheading", "Was steht im Vertrag?") in parts
    assert ("subheading", "Was bedeutet das für Europa?") in parts


def test_a_dateline_with_an_agency_needs_a_dash_or_a_known_place():
    text = "Titel der Meldung\n\nMoskau (dpa) Der Kremlchef ist in Pjöngjang eingetroffen. Er bleibt zwei Tage."
    assert parts_of(text)[1:3] == [("dateline", "Moskau"), ("credit", "(dpa)")]


# --- constructed page sets: kickers, stacked headlines, labels that say what a line is ------------------

@pytest.mark.parametrize(("line", "kicker", "title"), [
    ("Kommentar: Die Allianz der Ausgestoßenen", "Kommentar:", "Die Allianz der Ausgestoßenen"),
    ("Liveticker Putin in Pjöngjang: Kim empfängt den Kremlchef mit Pomp", "Liveticker",
     "Putin in Pjöngjang: Kim empfängt den Kremlchef mit Pomp"),
    ("KommentarKims Kanonenfutter für Putins Krieg", "Kommentar", "Kims Kanonenfutter für Putins Krieg"),
])
def test_a_label_of_the_articles_kind_on_the_headlines_line_is_its_kicker(line, kicker, title):
    parts = parts_of(f"{line}\n\n{LONG}\n\n{LONG.replace('zwei', 'drei')}\n")
    assert parts[:2] == [("kicker", kicker), ("title", title)]


def test_a_short_line_without_a_verb_above_a_longer_headline_is_its_kicker():
    p = paragraphs(2)
    parts = parts_of("\n\n".join(["Gipfel im Fernen Osten", "Handschlag am Weltraumbahnhof: Putin empfängt Kim", *p]))
    assert parts[:2] == [("kicker", "Gipfel im Fernen Osten"), ("title", "Handschlag am Weltraumbahnhof: Putin empfängt Kim")]


def test_a_headline_under_its_kicker_is_not_split_again_and_a_kicker_never_ends_on_a_preposition():
    p = paragraphs(2)
    parts = parts_of("\n\n".join(["Staatsbesuch in Nordkorea", "Putin: Vertrag mit Kim sieht „gegenseitige Hilfe“ vor", *p]))
    assert parts[:2] == [("kicker", "Staatsbesuch in Nordkorea"),
                         ("title", "Putin: Vertrag mit Kim sieht „gegenseitige Hilfe“ vor")]


@pytest.mark.parametrize(("line", "part"), [
    ("Lesen Sie auch: Putins Reise nach Pjöngjang: Das ist das Programm", "boilerplate"),
    ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Einverstanden Einstellungen", "boilerplate"),
    ("Teilen auf Facebook Teilen auf X Link kopieren", "boilerplate"),
    ("Dieser Kommentar ist frei zugänglich. Unterstützen Sie unabhängigen Journalismus mit einem Abo.", "boilerplate"),
    ("Von Jonas Riedinger, Moskau", "byline"),
    ("Interview: Sandro Keller", "byline"),
    ("14:03 Uhr", "dateline"),
    ("Aktualisiert vor 2 Stunden", "dateline"),
    ("15. September 2023, 06:00", "dateline"),
    ("Agenturen/red", "credit"),
])
def test_lines_that_say_what_they_are(line, part):
    p = paragraphs(3)
    parts = parts_of("\n\n".join(["Putin besucht Kim", p[0], p[1], line, p[2]]))
    assert parts[3] == (part, line)


def test_a_publication_stamp_after_a_credit_and_a_place_with_a_dash_get_parts_of_their_own():
    p = paragraphs(2)
    parts = parts_of("\n\n".join(["Putin besucht Kim", "Agenturen/red Publiziert heute um 09:12 Uhr", *p,
                                  "Wostotschny – Der Kremlchef hat Kim empfangen. Es war ein langer Tag."]))
    assert parts[1:3] == [("credit", "Agenturen/red"), ("dateline", "Publiziert heute um 09:12 Uhr")]
    assert parts[-2:] == [("dateline", "Wostotschny –"), ("body", "Der Kremlchef hat Kim empfangen. Es war ein langer Tag.")]


def test_a_line_of_page_data_is_cut_at_its_separators():
    p = paragraphs(2)
    pieces = clean_article(make_article("\n\n".join(["Putin besucht Kim", "05.11.2024 · Lesedauer: 4 Minuten", *p])))
    line = pieces[pieces.line_no == 3]
    assert [(r.part, r.text.strip()) for r in line.itertuples()] == [
        ("dateline", "05.11.2024"), ("boilerplate", "·"), ("boilerplate", "Lesedauer: 4 Minuten")]
    both = clean_article(make_article("\n\n".join(["Putin besucht Kim", "Publiziert: 13.09.2023, 10:48 Uhr | Aktualisiert: "
                                                   "13.09.2023, 21:05 Uhr", *p])))
    assert set(both[both.line_no == 3].part) == {"dateline"}        # the separator goes with the items around it
    assert parts_of("Putin in Pjöngjang | Kim empfängt den Gast\n\n" + "\n\n".join(p))[0][0] == "title"


@pytest.mark.parametrize(("line", "expected"), [
    ("Pjöngjang/Moskau (MDN) - Nordkoreas Staatsmedien haben den Gipfel gefeiert. Es war ein langer Tag.",
     [("dateline", "Pjöngjang/Moskau"), ("credit", "(MDN) -")]),
    ("Zusammengestellt von Jakob Pirker", [("byline", "Zusammengestellt von Jakob Pirker")]),
    ("(agenturen/red)", [("credit", "(agenturen/red)")]),
    ("Fehler gefunden? Hier melden.", [("boilerplate", "Fehler gefunden? Hier melden.")]),
    ("Startseite > Politik > Ausland", [("boilerplate", "Startseite > Politik > Ausland")]),
    ("© AFP", [("credit", "© AFP")]),
    ("Reto Amsler, Korrespondent in Moskau", [("byline", "Reto Amsler, Korrespondent in Moskau")]),
    ("Von Theresa Windhager, 20.06.2024, 06:00 Uhr",
     [("byline", "Von Theresa Windhager,"), ("dateline", "20.06.2024, 06:00 Uhr")]),
    ("Quellen: APA, Reuters, NATO", [("source", "Quellen: APA, Reuters, NATO")]),
    ("Text: Katharina Leitgeb / APA", [("byline", "Text: Katharina Leitgeb"), ("boilerplate", "/"), ("credit", "APA")]),
    ("Aktualisiert: vor 3 Stunden", [("dateline", "Aktualisiert: vor 3 Stunden")]),
    ("16:20 Uhr – Südkorea bestellt den russischen Botschafter ein und protestiert.",
     [("dateline", "16:20 Uhr –"), ("body", "Südkorea bestellt den russischen Botschafter ein und protestiert.")]),
])
def test_more_lines_that_say_what_they_are(line, expected):
    p = paragraphs(3)
    parts = parts_of("\n\n".join(["Putin besucht Kim", p[0], p[1], line, p[2]]))
    assert parts[3 : 3 + len(expected)] == expected


def test_a_heading_right_after_the_standfirst_is_a_subheading():
    p = paragraphs(3)
    parts = parts_of("\n\n".join(["So reagiert die Welt", "Ein kurzer Vorspann zur Lage.", "Südkorea", *p]))
    assert parts[1:3] == [("standfirst", "Ein kurzer Vorspann zur Lage."), ("subheading", "Südkorea")]


def test_a_colon_that_introduces_a_list_is_running_text_and_the_outlets_name_on_top_is_the_sites_header():
    p = paragraphs(2)
    article = Article(article_id="999", file="999_test.txt", outlet="Elbe-Nachrichten", country_group="German",
                      event="test", published=date(2024, 6, 19), published_status="inferred", text="\n\n".join([
                          "Elbe-Nachrichten", "Putin besucht Kim", p[0], "Der NIS stützt sich auf drei Quellen:",
                          "– Satellitenbilder aus dem Hafen", "– abgefangene Funksprüche", p[1]]))
    parts = [(r.part, r.text.strip()) for r in clean_article(article).itertuples()
             if r.text.strip() and r.reason != "list marker (layout)"]
    assert parts[0] == ("boilerplate", "Elbe-Nachrichten") and parts[1] == ("title", "Putin besucht Kim")
    assert ("body", "Der NIS stützt sich auf drei Quellen:") in parts
