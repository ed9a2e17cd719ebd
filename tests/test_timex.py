"""pressframe.timex: every rule of the table, the resolvers against the publication date, and numbers that are not time."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pressframe.evaluate import evaluate_timexes, timex_case_scores
from pressframe.timex import RuleError, find_timexes, load_rules, reading, tense

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
    from pressframe.timex import _matches as matches
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
    from pressframe.timex import timexes_table

    timexes = timexes_table(analysis.sentences, {a.article_id: a.published for a in analysis.articles})
    scores, _ = evaluate_timexes(analysis.articles, analysis.sentences, timexes)
    assert scores.set_index("measure").f1.min() >= 0.95


def test_the_constructed_cases():
    scores, disagreements = timex_case_scores("timex_cases")
    assert disagreements.empty, disagreements.to_string()


def test_held_out_comparison_keeps_the_first_run():
    from pressframe.evaluate import compare_timex_runs, first_run

    table = compare_timex_runs("timex_heldout")
    assert list(table["F1 first run"]) == list(first_run("timex_heldout").f1)
    assert list(table.measure) == ["extent (strict)", "extent (relaxed)", "value"]


@pytest.mark.parametrize("value, expected", [
    ("2024-06-18TEV", "18 June 2024, evening"), ("2024-06-19TAF", "19 June 2024, afternoon"),
    ("2024-06-20", "20 June 2024"), ("2023-09", "September 2023"), ("2023-SU", "summer 2023"), ("2000", "2000"),
    ("P24Y", "24 years"), ("P1D", "1 day"), ("PXM", "some months"), ("PAST_REF", "the past"),
    ("PRESENT_REF", "the present"), ("2024-W25", "week 25 of 2024"), ("XXXX-XX", "XXXX-XX"),
])
def test_reading_puts_timex_values_in_plain_english(value, expected):
    assert reading(value) == expected
