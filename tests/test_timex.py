"""pressframe.extract.timex: every rule of the table, the resolvers against the publication date, and numbers that are not time."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pressframe.evaluation.evaluate import evaluate_timexes, timex_case_scores
from pressframe.extract.timex import RuleError, find_timexes, load_rules, reading, tense

RULES = load_rules().rules


def tag(text: str, published: str = "2024-06-19") -> list[tuple[str, str, str]]:
    sentence = pd.DataFrame({"article_id": ["900"], "sentence_id": ["900-1"], "text": [text]})
    found = find_timexes(sentence, published=date.fromisoformat(published))
    return [(t.text, t.type, t.value) for t in found.itertuples()]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_tags_its_examples_and_not_its_near_misses(rule):
    assert rule.examples, f"rule '{rule.name}' has no example"
    for example in rule.examples:
        names = [RULES[i].name for *_, i, _ in _matches(example)]
        assert rule.name in names, f"'{example}' is not tagged by rule '{rule.name}'"
    for near_miss in rule.near_misses:
        names = [RULES[i].name for *_, i, _ in _matches(near_miss)]
        assert rule.name not in names, f"'{near_miss}' is tagged by rule '{rule.name}'"


def _matches(text):
    from pressframe.extract.timex import _matches as matches
    return matches(text)


@pytest.mark.parametrize("text", [
    "Die Raketen fliegen 9000 Kilometer weit.",
    "Die Resolution 1874 des Sicherheitsrats verbietet das.",
    "In Südkorea sind 30.000 US-Soldaten stationiert.",
    "Nordkorea schickte über 10.000 Container nach Russland.",
    "Die Resolution 2231 lief aus.",
    "Er lieferte 2000 Granaten.",
])
def test_numbers_that_are_not_time_are_not_tagged(text):
    assert tag(text) == []


def test_extent_leaves_out_the_preposition_but_keeps_ago():
    assert tag("Am 19. Juni kam er, vor zwei Jahren begann der Krieg, seit dem Sommer liefert Pjöngjang.") == [
        ("19. Juni", "DATE", "2024-06-19"), ("vor zwei Jahren", "DATE", "2022"), ("Sommer", "DATE", "2023-SU")]


@pytest.mark.parametrize(("text", "published", "value"), [
    ("Sie haben am Mittwoch unterzeichnet.", "2024-06-19", "2024-06-19"),    # the day itself
    ("Sie haben am Mittwoch unterzeichnet.", "2024-06-20", "2024-06-19"),    # latest on or before
    ("Er wird am Mittwoch reisen.", "2024-06-20", "2024-06-26"),            # future tense: the next one
    ("Putin kam am Dienstagabend an.", "2024-06-19", "2024-06-18TEV"),
])
def test_weekdays_resolve_against_the_publication_date_and_tense(text, published, value):
    assert tag(text, published)[0][2] == value


@pytest.mark.parametrize(("text", "published", "value"), [
    ("Im Oktober war er in Pjöngjang.", "2024-03-05", "2023-10"),      # past: keep it in the past
    ("Im Oktober wird er reisen.", "2024-03-05", "2024-10"),
    ("Im März hat Moskau sein Veto eingelegt.", "2024-06-19", "2024-03"),
    ("Am 20. Dezember hatte der Rat getagt.", "2024-01-10", "2023-12-20"),
])
def test_months_and_days_without_a_year_take_the_tense_into_account(text, published, value):
    assert tag(text, published)[0][2] == value


def test_n_years_after_an_event_is_a_duration_anchored_on_the_event():
    sentence = pd.DataFrame({"article_id": ["900"], "sentence_id": ["900-1"],
                             "text": ["Dass er 24 Jahre nach seinem letzten Besuch wiederkommt, freut Kim."]})
    row = find_timexes(sentence, published=date(2024, 6, 19)).iloc[0]
    assert (row.text, row.type, row.value, row.anchor) == ("24 Jahre", "DURATION", "P24Y", "event:seinem letzten Besuch")


def test_tense_markers():
    assert [tense(s) for s in ("Er wird kommen.", "Er hatte es gesagt.", "Er kommt.")] == ["future", "past", "present"]


def test_a_broken_rule_names_the_file_rule_and_field(tmp_path):
    table = tmp_path / "rules.yml"
    table.write_text("vocabulary: {}\nseason_start: {}\ntense: {future: 'x', past: 'y'}\n"
                     "rules:\n  - {name: bad, type: DATE, pattern: '(unclosed', value: fixed}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"rules.yml: rule 1 \('bad'\): field 'pattern'"):
        load_rules(table)
    table.write_text(table.read_text().replace("value: fixed", "value: guess").replace("(unclosed", "x"))
    with pytest.raises(RuleError, match="field 'value': unknown resolver 'guess'"):
        load_rules(table)


def test_the_five_texts_against_our_annotation(analysis):
    from pressframe.extract.timex import timexes_table

    timexes = timexes_table(analysis.sentences, {a.article_id: a.published for a in analysis.articles})
    scores, _ = evaluate_timexes(analysis.articles, analysis.sentences, timexes)
    assert scores.set_index("measure").f1.min() >= 0.95


def test_the_constructed_cases():
    scores, disagreements = timex_case_scores("timex_cases")
    assert disagreements.empty, disagreements.to_string()


def test_held_out_comparison_keeps_the_first_run():
    from pressframe.evaluation.evaluate import compare_timex_runs, first_run

    table = compare_timex_runs("timex_heldout")
    assert list(table["F1 first run"]) == list(first_run("timex_heldout").f1)
    assert list(table.measure) == ["extent (strict)", "extent (relaxed)", "value"]


@pytest.mark.parametrize("value, expected", [
    ("2024-06-18TEV", "18 June 2024, evening"), ("2024-06-19TAF", "19 June 2024, afternoon"),
    ("2024-06-20", "20 June 2024"), ("2023-09", "September 2023"), ("2023-SU", "summer 2023"), ("2000", "2000"),
    ("P24Y", "24 years"), ("P1D", "1 day"), ("PXM", "some months"), ("PAST_REF", "the past"),
    ("PRESENT_REF", "the present"), ("2024-W25", "week 25 of 2024"), ("XXXX-XX", "XXXX-XX"),
    ("2024-W45-WE", "the weekend of week 45 of 2024"), ("195", "the 1950s"),
    ("2024-11-10T18:00", "10 November 2024, 18:00"), ("2024-06-18TNI", "18 June 2024, night"),
])
def test_reading_puts_timex_values_in_plain_english(value, expected):
    assert reading(value) == expected


# --- step 7: what real news needed (constructed sentences) ----------------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    # a bare weekday: present tense takes the nearer day (news uses it for what is about to happen)
    ("Der Hauptteil des Besuchs beginnt am Mittwoch.", "2024-06-18", ("Mittwoch", "DATE", "2024-06-19")),
    ("Er holt ihn am Dienstag ab.", "2024-06-19", ("Dienstag", "DATE", "2024-06-18")),
    ("Putin trifft Kim am Mittwoch.", "2024-06-19", ("Mittwoch", "DATE", "2024-06-19")),
    # parts of days
    ("Kim begrüsste Putin in den frühen Morgenstunden am Flughafen.", "2024-06-19", ("frühen Morgenstunden", "TIME", "2024-06-19TMO")),
    ("Am Samstagabend landete die Maschine.", "2024-06-24", ("Samstagabend", "TIME", "2024-06-22TEV")),
    ("Er spricht heute Abend im Fernsehen.", "2024-06-19", ("heute Abend", "TIME", "2024-06-19TEV")),
    ("In der Nacht zum Mittwoch traf er ein.", "2024-06-19", ("Nacht zum Mittwoch", "TIME", "2024-06-18TNI")),
    ("Der Vertrag soll im Tagesverlauf unterzeichnet werden.", "2024-06-19", ("Tagesverlauf", "DATE", "2024-06-19")),
    ("Das Gesetz wurde gestern veröffentlicht.", "2024-11-10", ("gestern", "DATE", "2024-11-09")),
    # weekends and seasons
    ("Der Kreml veröffentlichte am Wochenende das Gesetz.", "2024-11-10", ("Wochenende", "DATE", "2024-W45-WE")),
    ("Am kommenden Wochenende wird er reisen.", "2024-11-13", ("kommenden Wochenende", "DATE", "2024-W46-WE")),
    ("Putin hatte Kim im vergangenen Herbst empfangen.", "2024-06-19", ("vergangenen Herbst", "DATE", "2023-FA")),
    ("Im vergangenen Sommer hatte er gewarnt.", "2024-07-01", ("vergangenen Sommer", "DATE", "2023-SU")),
    # decades
    ("In den 1950er-Jahren kämpften sie gemeinsam.", "2024-06-19", ("1950er-Jahren", "DATE", "195")),
    ("Seit den 1990ern ist das so.", "2024-06-19", ("1990ern", "DATE", "199")),
    ("Das erinnert an die Fünfzigerjahre.", "2024-06-19", ("Fünfzigerjahre", "DATE", "195")),
    # vague spans ahead, and halves
    ("In den nächsten Tagen wird er reisen.", "2023-09-11", ("nächsten Tagen", "DURATION", "PXD")),
    ("Der Krieg dauert seit mehr als zweieinhalb Jahren.", "2024-10-23", ("mehr als zweieinhalb Jahren", "DURATION", "P2.5Y")),
    ("Der Krieg begann vor zweieinhalb Jahren.", "2024-10-23", ("vor zweieinhalb Jahren", "DATE", "2022-04")),
    # a date printed with its clock time
    ("Stand: 19.06.2024, 14:03 Uhr", "2024-06-19", ("19.06.2024, 14:03 Uhr", "TIME", "2024-06-19T14:03")),
    # constructed pages: Swiss nights, months after a relation word, dates in words with their time, past tense
    ("In der Nacht auf Dienstag traf er ein.", "2023-09-12", ("Nacht auf Dienstag", "TIME", "2023-09-11TNI")),
    ("Seit dem Gipfel im vergangenen September hätten sich die Beziehungen vertieft.", "2024-06-18",
     ("vergangenen September", "DATE", "2023-09")),
    ("Publiziert am 21. Oktober 2024, 10:47 Uhr", "2024-10-21", ("21. Oktober 2024, 10:47 Uhr", "TIME", "2024-10-21T10:47")),
    ("Lawrow empfing am Freitag seine Kollegin.", "2024-11-05", ("Freitag", "DATE", "2024-11-01")),
    ("Seit vergangener Woche kämpfen sie in Kursk.", "2024-11-05", ("vergangener Woche", "DATE", "2024-W44")),
])
def test_what_real_news_needed(text, published, expected):
    assert expected in tag(text, published)


def test_datelines_date_the_page_in_a_table_of_their_own():
    from pressframe.corpus.clean import clean_article
    from pressframe.corpus.load import Article
    from pressframe.extract.timex import DATELINE_COLUMNS, dateline_timexes

    article = Article(article_id="999", file="999_t.txt", outlet="Test", country_group="German", event="test",
                      published=date(2024, 11, 10), published_status="inferred",
                      text="Titel der Meldung\n\nMoskau: Der Präsident hat das Gesetz unterzeichnet. Es gilt ab sofort.\n\n"
                           "Sendung: Radio Nachrichten, 10.11.2024 18:00 Uhr\n")
    found = dateline_timexes(clean_article(article), {"999": date(2024, 11, 10)})
    assert list(found.columns) == list(DATELINE_COLUMNS)
    assert found[["line_no", "text", "type", "value"]].values.tolist() == [
        [5, "10.11.2024 18:00 Uhr", "TIME", "2024-11-10T18:00"]]
    line = article.lines[4]
    assert line[found.char_start[0] : found.char_end[0]] == "10.11.2024 18:00 Uhr"
