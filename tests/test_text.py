"""Tests for pressframe.corpus.text: sentences, tokens, stems, stopwords and the sentences table.

Hard constructed cases (ordinals before months and counted nouns, years ending a sentence,
abbreviations, German „…“, Swiss «…» and ‹…›, straight "…" quotes) and real lines from seeds/.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pressframe.corpus.clean import PIECE_COLUMNS
from pressframe.corpus.text import SENTENCE_COLUMNS, sentences_table, split_sentences, stem, stopwords, tokenize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def seed_line(article_id: str, line_no: int) -> str:
    """Line ``line_no`` (1-based) of the seed text whose file name starts with ``article_id``."""
    (path,) = SEEDS.glob(f"{article_id}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")[line_no - 1]


# --- split_sentences: constructed hard cases ---------------------------------------------------

ORDINALS = [
    pytest.param("Am 19. Juni 2024 kam Putin an. Er blieb zwei Tage.",
                 ["Am 19. Juni 2024 kam Putin an.", "Er blieb zwei Tage."], id="am-19-juni"),
    pytest.param("Er war am 19. Juni da. Am 20. Juni nicht.",
                 ["Er war am 19. Juni da.", "Am 20. Juni nicht."], id="two-dates"),
    pytest.param("Das Treffen fand am 1. September 2023 statt. Es dauerte lange.",
                 ["Das Treffen fand am 1. September 2023 statt.", "Es dauerte lange."], id="am-1-september-2023"),
    pytest.param("Das geschah am 19. Juni. Die Welt staunte.",
                 ["Das geschah am 19. Juni.", "Die Welt staunte."], id="month-ends-sentence"),
    pytest.param("Im 20. Jahrhundert war das anders. Heute nicht.",
                 ["Im 20. Jahrhundert war das anders.", "Heute nicht."], id="20-jahrhundert"),
    pytest.param("Sie trafen sich am 13. September. Im 20. Jh. war das anders.",
                 ["Sie trafen sich am 13. September.", "Im 20. Jh. war das anders."], id="20-jh-abbreviated"),
    pytest.param("Zum 3. Mal trafen sie sich. Das 14. Sanktionspaket kam später.",
                 ["Zum 3. Mal trafen sie sich.", "Das 14. Sanktionspaket kam später."], id="3-mal-14-sanktionspaket"),
    pytest.param("Im 2. Weltkrieg war das so. Danach nicht.",
                 ["Im 2. Weltkrieg war das so.", "Danach nicht."], id="2-weltkrieg"),
]

YEARS = [
    pytest.param("Sie trafen sich im September 2023. Damals ging es um Waffen.",
                 ["Sie trafen sich im September 2023.", "Damals ging es um Waffen."], id="year-then-damals"),
    pytest.param("Das war 2023. Juni war heiss.",
                 ["Das war 2023.", "Juni war heiss."], id="year-before-month-name"),
    pytest.param("Der Besuch war 2024. Am 19. Juni kam er.",
                 ["Der Besuch war 2024.", "Am 19. Juni kam er."], id="year-then-ordinal-date"),
    pytest.param("Er kam im Jahr 2000. Sein Besuch war kurz.",
                 ["Er kam im Jahr 2000.", "Sein Besuch war kurz."], id="year-2000"),
    pytest.param("Nordkorea schickte über 10.000 Container. Vor allem Munition.",
                 ["Nordkorea schickte über 10.000 Container.", "Vor allem Munition."], id="thousands-separator"),
    pytest.param("Er kam am 13.9.2023 an. Dann ging er.",
                 ["Er kam am 13.9.2023 an.", "Dann ging er."], id="numeric-date"),
]

ABBREVIATIONS = [
    pytest.param("Das ist z.B. so. Aber nicht immer.", ["Das ist z.B. so.", "Aber nicht immer."], id="z.B."),
    pytest.param("Er nannte z.B. Kim und Putin. Sie kamen.",
                 ["Er nannte z.B. Kim und Putin.", "Sie kamen."], id="z.B.-before-name"),
    pytest.param("Dr. Müller kam. Er blieb.", ["Dr. Müller kam.", "Er blieb."], id="Dr."),
    pytest.param("Prof. Dr. Schmid sagt das. Er lehrt in St. Gallen.",
                 ["Prof. Dr. Schmid sagt das.", "Er lehrt in St. Gallen."], id="Prof.-Dr.-St."),
    pytest.param("Er traf u.a. Kim. Sie redeten.", ["Er traf u.a. Kim.", "Sie redeten."], id="u.a."),
    pytest.param("Sie wollen Waffen bzw. Munition. Das ist klar.",
                 ["Sie wollen Waffen bzw. Munition.", "Das ist klar."], id="bzw."),
    pytest.param("Es kamen ca. 30.000 Soldaten. Das ist viel.",
                 ["Es kamen ca. 30.000 Soldaten.", "Das ist viel."], id="ca."),
]

QUOTES = [
    pytest.param("Er sagte: „Das ist gut.“ Dann ging er.",
                 ["Er sagte: „Das ist gut.“", "Dann ging er."], id="german-closing-mark-kept"),
    pytest.param("Er sagte: «Das ist gut.» Dann ging er.",
                 ["Er sagte: «Das ist gut.»", "Dann ging er."], id="swiss-closing-mark-kept"),
    pytest.param("Er sagte: ‹Das ist gut.› Dann ging er.",
                 ["Er sagte: ‹Das ist gut.›", "Dann ging er."], id="swiss-single-closing-mark-kept"),
    pytest.param('Er sagte: "Das ist gut." Dann ging er.',
                 ['Er sagte: "Das ist gut."', "Dann ging er."], id="straight-closing-mark-kept"),
    pytest.param("Er sagte, «ein alter Freund ist besser als zwei neue.» Danach ging er.",
                 ["Er sagte, «ein alter Freund ist besser als zwei neue.»", "Danach ging er."], id="neue.»-Danach"),
    pytest.param("Er sagte: „Das ist gut. Das ist schlecht.“ Dann ging er.",
                 ["Er sagte: „Das ist gut.", "Das ist schlecht.“", "Dann ging er."], id="german-spans-two"),
    pytest.param("Er sagte: «Das ist gut. Das ist schlecht.» Dann ging er.",
                 ["Er sagte: «Das ist gut.", "Das ist schlecht.»", "Dann ging er."], id="swiss-spans-two"),
    pytest.param("Er sagte: ‹Das ist gut. Das ist schlecht.› Dann ging er.",
                 ["Er sagte: ‹Das ist gut.", "Das ist schlecht.›", "Dann ging er."], id="swiss-single-spans-two"),
    pytest.param('Er sagte: "Das ist gut. Das ist schlecht." Dann ging er.',
                 ['Er sagte: "Das ist gut.', 'Das ist schlecht."', "Dann ging er."], id="straight-spans-two"),
    pytest.param("Er sagte: „Das ist gut.“ „Das auch.“",
                 ["Er sagte: „Das ist gut.“", "„Das auch.“"], id="german-quote-after-quote"),
    pytest.param('Er ging. "Das ist gut", sagte er.',
                 ["Er ging.", '"Das ist gut", sagte er.'], id="straight-opening-mark-starts-sentence"),
    pytest.param("Er ging. «Das ist gut», sagte er.",
                 ["Er ging.", "«Das ist gut», sagte er."], id="swiss-opening-mark-starts-sentence"),
    pytest.param("„Wer kommt?“, fragte er. Niemand antwortete.",
                 ["„Wer kommt?“, fragte er.", "Niemand antwortete."], id="german-question-then-comma"),
    pytest.param("«Was für ein Verlierer!», schreibt er. Dann nichts.",
                 ["«Was für ein Verlierer!», schreibt er.", "Dann nichts."], id="swiss-exclamation-then-comma"),
    pytest.param('"Wer kommt?", fragte er. Niemand antwortete.',
                 ['"Wer kommt?", fragte er.', "Niemand antwortete."], id="straight-question-then-comma"),
    pytest.param("Er schreibt auf «X» (ehemals «Twitter») etwa: «Was für ein Verlierer! Putins Besuch ist peinlich.» Danach nichts.",
                 ["Er schreibt auf «X» (ehemals «Twitter») etwa: «Was für ein Verlierer!",
                  "Putins Besuch ist peinlich.»", "Danach nichts."], id="exclamation-inside-quote"),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS + YEARS + ABBREVIATIONS + QUOTES)
def test_split_sentences_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- split_sentences: real lines from seeds/ ----------------------------------------------------

CORPUS = [
    pytest.param("003", 3, [
        "Die Notwendigkeit hat die Regeln für das russische Regime festgelegt, das in Rekordzeit zu einem der am "
        "stärksten sanktionierten Länder der Welt geworden ist.",
        "Diese bedauerliche Unterscheidung teilt es mit seinem Gastgeber des Tages sowie mit dem iranischen Regime, "
        "das ebenfalls wegen seiner militärischen Atomambitionen ins Visier genommen wurde und Russland auch mit "
        "Waffen wie bewaffneten Drohnen versorgt.",
        "Indem er dem Herrscher von Pjöngjang am 19. Juni seinen Besuch abstattet, belohnt sein Kreml-Gegenstück – "
        "der aufgrund des von ihm ausgestellten Haftbefehls des Internationalen Strafgerichtshofs nicht mehr "
        "international reisen kann – ihn dafür, dass er seinen Krieg der Aggression gegen die Ukraine blind "
        "unterstützt.",
        "Doch er gesteht auch vor allem den Waffenbedarf für diesen Konflikt ein, der vor mehr als zwei Jahren "
        "ausgelöst wurde.",
        "Dies symbolisiert einen Wendepunkt in der Geschichte dieser beiden Länder.",
    ], id="003-line3-am-19-juni"),
    pytest.param("000", 7, [
        "Am Gipfeltreffen auf einem russischen Weltraumbahnhof gaben sich die beiden jedenfalls als alte Freunde.",
        "«Alte Freunde sind die besten Freunde», sagte Putin, «ein alter Freund ist besser als zwei neue.»",
    ], id="000-line7-swiss-quotes"),
    pytest.param("004", 23, [
        "Der Experte begründet: «Putin kommt als Bettler in ein Land mit grosser Armut.",
        "Er scheint der Juniorpartner Nordkoreas zu sein und unterstützt die schlimmste Diktatur der Welt.»",
    ], id="004-line23-quote-spans-two"),
    pytest.param("004", 25, [
        "Russland-Experte Konstantin Sonin pflichtet ihm bei und schreibt unter ein Bild, auf dem Putin und Kim aus "
        "einer Limousine hervorragen: «Ich kann mir kein zukünftiges Russland vorstellen, in dem dies nicht ein "
        "zutiefst peinliches Foto ist.",
        "Putin fleht bei diesem absurd erbärmlichen Regime um militärische Hilfe.",
        "In seiner ‹Blase› merkt der Kreml-Chef offenbar nicht, wie schlecht er dabei aussieht.»",
    ], id="004-line25-single-swiss-inside-double"),
    pytest.param("002", 15, [
        'Putin erklärt in Pjöngjang: Russland schließe "eine militärisch-technische Zusammenarbeit mit Nordkorea" '
        "nicht aus.",
        'Der Vertrag sei ein "Durchbruch", der das Verhältnis zwischen Moskau und Pjöngjang auf eine "neue Ebene" '
        "hebe.",
        '"Sowohl Russland als auch Nordkorea betreiben eine unabhängige Außenpolitik und akzeptieren die Sprache der '
        'Erpressung und des Diktats nicht."',
    ], id="002-line15-straight-quotes"),
    pytest.param("001", 33, [
        "Die neue Achse zwischen Moskau und Pjöngjang betrachtet Peking mit Argusaugen.",
        "„Ich glaube nicht, dass China besonders wohl ist bei den wachsenden Beziehungen zwischen Russland und "
        "Nordkorea“, sagt Nordkorea-Experte Pardo.",
        "„Peking betrachtet sich als Hauptakteur in den internationalen Beziehungen Nordkoreas.",
        "Ich denke, es ist bezeichnend, dass Peking eindeutig versucht, sich von jeglichem Gerede über eine Achse "
        "China-Russland-Nordkorea zu distanzieren“, erklärt Pardo IPPEN.MEDIA.",
        "Auch lehnt China den Bau von Atombomben durch Nordkorea ebenso ab wie die US-Verbündeten Japan und Südkorea.",
    ], id="001-line33-german-quote-spans-two"),
]


@pytest.mark.parametrize(("article_id", "line_no", "expected"), CORPUS)
def test_split_sentences_real_lines(article_id: str, line_no: int, expected: list[str]) -> None:
    assert sentences(seed_line(article_id, line_no)) == expected


def test_split_sentences_caption_ending_in_date_is_one_sentence() -> None:
    line = seed_line("004", 21)
    caption = line[: line.index(" - Keystone")]
    assert sentences(caption) == [caption]
    assert caption.endswith("in Pjöngjang am 20. Juni.")


@pytest.mark.parametrize("text", [p.values[0] for p in ORDINALS + YEARS + ABBREVIATIONS + QUOTES]
                         + ["", "   ", "Ohne Punkt am Ende", "  Einrückung. Und Schluss.  "])
def test_split_sentences_spans_lose_only_white_space(text: str) -> None:
    spans = split_sentences(text)
    ends = [0] + [end for _, end in spans]
    starts = [start for start, _ in spans] + [len(text)]
    assert all(0 <= a <= b <= len(text) for a, b in zip(ends, starts))
    assert all(start < end for start, end in spans)
    assert all(text[a:b].strip() == "" for a, b in zip(ends, starts))
    assert all(text[start:end] == text[start:end].strip() for start, end in spans)


# --- tokenize, stem, stopwords ------------------------------------------------------------------

TOKENS = [
    pytest.param("auf dem Kim-Il-Sung-Platz vor", ["auf", "dem", "Kim-Il-Sung-Platz", "vor"], id="compound"),
    pytest.param("sind noch 30.000 US-Soldaten in Südkorea",
                 ["sind", "noch", "30.000", "US-Soldaten", "in", "Südkorea"], id="number-and-compound"),
    pytest.param("für die nordkoreanische Rüstungs- und Raumfahrtindustrie.",
                 ["für", "die", "nordkoreanische", "Rüstungs-", "und", "Raumfahrtindustrie", "."], id="Rüstungs-und"),
    pytest.param("Der schwedische Wirtschafts- und Osteuropa-Experte",
                 ["Der", "schwedische", "Wirtschafts-", "und", "Osteuropa-Experte"], id="Wirtschafts-und"),
    pytest.param("Tagesschau, 13.9.2023, 12:45 Uhr",
                 ["Tagesschau", ",", "13.9.2023", ",", "12:45", "Uhr"], id="date-and-time"),
    pytest.param("ein „Grundlagenabkommen“ unterzeichnet", ["ein", "„", "Grundlagenabkommen", "“", "unterzeichnet"],
                 id="german-quotes"),
    pytest.param("«Alte Freunde», sagte Putin", ["«", "Alte", "Freunde", "»", ",", "sagte", "Putin"], id="swiss-quotes"),
    pytest.param("In seiner ‹Blase› merkt", ["In", "seiner", "‹", "Blase", "›", "merkt"], id="swiss-single-quotes"),
    pytest.param('ein "Durchbruch", der', ["ein", '"', "Durchbruch", '"', ",", "der"], id="straight-quotes"),
    pytest.param("Devisen – aber z.B. Hightech", ["Devisen", "–", "aber", "z.B.", "Hightech"], id="dash-and-z.B."),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


def test_tokenize_is_nltks_tokenizer_on_every_sentence_and_hard_marks(analysis) -> None:
    from pressframe.corpus.text import _word_tokenizer

    extra = ["Ko\u0308nig ½ x\u203fy a\u200db \x1c ² Kč ſ Kelvin\u212a", *[t for t, _ in (p.values for p in TOKENS)]]
    for text in [*analysis.sentences.text, *extra]:
        assert tokenize(text) == _word_tokenizer().tokenize(text)


def test_stem_waffenlieferungen() -> None:
    assert stem("Waffenlieferungen") == "waffenliefer"
    assert stem("Waffenlieferung") == stem("Waffenlieferungen")


def test_stopwords() -> None:
    words = stopwords()
    assert {"und", "der"} <= words
    assert "putin" not in words
    assert all(word == word.lower() for word in words)


# --- sentences_table ----------------------------------------------------------------------------

LINES = {
    "000": ["Titel ohne Punkt", "  • Am 19. Juni kam er. Er blieb.", "Er sagte: «Gut.» Dann ging er. - keystone"],
    "001": ["Nur ein Satz."],
}


def _pieces() -> pd.DataFrame:
    def piece(article_id, line_no, n, start, end, part):
        text = LINES[article_id][line_no - 1][start:end]
        return (article_id, line_no, n, start, end, text, part, "hand-made")

    rows = [
        piece("001", 1, 0, 0, 13, "body"),               # listed first: the table sorts by article
        piece("000", 1, 0, 0, 16, "title"),
        piece("000", 2, 0, 0, 4, "boilerplate"),          # list marker, removed
        piece("000", 2, 1, 4, 33, "key_point"),
        piece("000", 3, 0, 0, 30, "caption"),
        piece("000", 3, 1, 30, 41, "source"),             # photo credit, removed
    ]
    return pd.DataFrame(rows, columns=list(PIECE_COLUMNS))


def test_sentences_table_ids_and_offsets() -> None:
    table = sentences_table(_pieces())
    assert list(table.columns) == list(SENTENCE_COLUMNS)
    assert list(table.sentence_id) == ["000-1", "000-2", "000-3", "000-4", "000-5", "001-1"]
    assert list(table.text) == ["Titel ohne Punkt", "Am 19. Juni kam er.", "Er blieb.", "Er sagte: «Gut.»",
                                "Dann ging er.", "Nur ein Satz."]
    assert list(table.part) == ["title", "key_point", "key_point", "caption", "caption", "body"]
    assert list(table.line_no) == [1, 2, 2, 3, 3, 1]
    assert list(table.char_start) == [0, 4, 24, 0, 17, 0]
    for row in table.itertuples(index=False):
        line = LINES[row.article_id][row.line_no - 1]
        assert line[row.char_start : row.char_end] == row.text


def test_sentences_table_on_the_corpus_resolves_every_id() -> None:
    from pressframe.corpus.clean import clean_corpus
    from pressframe.corpus.load import load_corpus

    articles = {a.article_id: a for a in load_corpus(SEEDS)}
    table = sentences_table(clean_corpus(list(articles.values())))
    assert table.sentence_id.is_unique
    for article_id, group in table.groupby("article_id"):
        assert list(group.sentence_id) == [f"{article_id}-{n}" for n in range(1, len(group) + 1)]
    for row in table.itertuples(index=False):
        assert articles[row.article_id].lines[row.line_no - 1][row.char_start : row.char_end] == row.text
    indem = table[table.text.str.startswith("Indem er dem Herrscher von Pjöngjang am 19. Juni")]
    assert len(indem) == 1 and indem.text.iloc[0].endswith("blind unterstützt.")
