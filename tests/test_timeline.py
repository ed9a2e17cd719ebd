"""pressframe.compare.timeline: dated mentions, merged into events across texts, conflicts and what each text leaves out."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pressframe.compare.analysis import timeline_of
from pressframe.compare.timeline import OTHER_KIND, OTHER_LABEL, TIMELINE_COLUMNS, conflicts, coverage, first_date, span, timeline
from pressframe.corpus.text import sentences_from_paragraphs
from pressframe.extract.timex import timexes_table
from pressframe.publish.narrative import unkinded_sentence

PUBLISHED = {"901": date(2024, 6, 19), "902": date(2024, 6, 19), "903": date(2024, 6, 20)}


def sentences(*rows):
    return pd.DataFrame([{"article_id": a, "sentence_id": f"{a}-{n}", "line_no": n, "char_start": 0,
                          "char_end": len(t), "part": "body", "text": t} for n, (a, t) in enumerate(rows, start=1)])


def test_span_of_each_precision():
    assert span("2024-06-18TEV") == (date(2024, 6, 18), date(2024, 6, 18), "day")
    assert span("2024-02")[1] == date(2024, 2, 29)
    assert span("2023-SU")[:2] == (date(2023, 6, 1), date(2023, 8, 31))
    assert span("2000")[2] == "year"
    assert span("PAST_REF") is None and span("P24Y") is None


def test_same_event_in_three_texts_is_three_rows_of_one_event_with_a_conflict():
    s = sentences(("901", "Kim holte Putin am Dienstagabend vom Flughafen in Pjöngjang ab."),
                  ("902", "Putin landete am 19. Juni in Pjöngjang."),
                  ("903", "Putins Ankunft in Pjöngjang am 20. Juni."),
                  ("901", "Im September 2023 hatten sich Putin und Kim erstmals getroffen."))
    events = timeline(timexes_table(s, PUBLISHED), s, PUBLISHED)
    arrival = events[events.kind == "arrival"]
    assert arrival.event_id.nunique() == 1 and len(arrival) == 3 and arrival.conflict.all()
    assert not events[events.kind == "summit"].conflict.any()
    explanation = conflicts(events).explanation.iloc[0]
    assert "2024-06-18 / 2024-06-19 (901, 902) vs 2024-06-20 (903)" in explanation and "UTC+9" in explanation
    assert list(events.columns[: len(TIMELINE_COLUMNS)]) == list(TIMELINE_COLUMNS)


def test_evening_and_next_day_alone_are_explained_by_time_zones():
    s = sentences(("901", "Kim holte Putin am Dienstagabend vom Flughafen in Pjöngjang ab."),
                  ("902", "Putin landete am 19. Juni in Pjöngjang."))
    table = conflicts(timeline(timexes_table(s, PUBLISHED), s, PUBLISHED))
    assert table.explanation.iloc[0].startswith("one night")


def test_n_years_after_a_visit_dates_the_visit_and_merges_with_its_year():
    s = sentences(("901", "Dass er 24 Jahre nach seinem letzten Besuch wiederkommt, ist ein Zeichen."),
                  ("902", "Sein erster Besuch erfolgte im Jahr 2000, als alles anders war."))
    events = timeline(timexes_table(s, PUBLISHED), s, PUBLISHED)
    assert list(events.date) == ["2000", "2000"] and events.event_id.nunique() == 1


def test_different_kinds_on_one_day_stay_apart_and_coverage_counts_zeros():
    s = sentences(("901", "Russland und Nordkorea haben am Mittwoch ein Abkommen unterzeichnet."),
                  ("902", "Putin stattet Kim am 19. Juni seinen Besuch ab."))
    events = timeline(timexes_table(s, PUBLISHED), s, PUBLISHED)
    assert sorted(events.kind) == ["treaty", "visit"] and events.event_id.nunique() == 2
    table = coverage(events, ["901", "902", "903"])
    assert table[["901", "902", "903"]].to_numpy().tolist() == [[1, 0, 0], [0, 1, 0]] or \
        table[["901", "902", "903"]].to_numpy().tolist() == [[0, 1, 0], [1, 0, 0]]


def test_what_the_sentence_reports_decides_the_event():
    """An arrival on Tuesday evening, the welcome ceremony and the visit as a whole on Wednesday are three happenings,
    not one visit dated three ways."""
    s = sentences(("901", "Kim holte Putin am Dienstagabend vom Flughafen in Pjöngjang ab."),
                  ("902", "Die Begrüßungszeremonie auf dem Kim-Il-Sung-Platz fand am 19. Juni statt."),
                  ("903", "Putin stattet Kim am 19. Juni seinen Besuch ab."))
    events = timeline(timexes_table(s, PUBLISHED), s, PUBLISHED)
    assert dict(zip(events.article_id, events.kind)) == {"901": "arrival", "902": "welcome", "903": "visit"}
    assert not events.conflict.any()


def test_a_sentence_that_only_sets_the_day_takes_the_event_of_the_next_sentence_in_its_paragraph():
    paragraph = ("Es ist spätestens am Mittwoch eine pompöse Autokratenshow. "
                 "Putin und Kim fahren in einer Limousine auf dem Kim-Il-Sung-Platz vor.")
    s = sentences_from_paragraphs("901", [paragraph])
    events = timeline(timexes_table(s, PUBLISHED), s, PUBLISHED)
    assert list(events.kind) == ["welcome"]
    apart = sentences_from_paragraphs("902", [paragraph.split(". ")[0] + ".", paragraph.split(". ")[1]])
    assert list(timeline(timexes_table(apart, PUBLISHED), apart, PUBLISHED).kind) == [OTHER_KIND]   # another paragraph


def test_the_five_texts_date_the_welcome_ceremony_on_two_days(analysis):
    events = timeline_of(analysis)
    flagged = events[events.conflict]
    assert set(flagged.article_id) == {"002", "004"} and set(flagged.kind) == {"welcome"}
    assert set(flagged.date) == {"2024-06-19", "2024-06-20"}


def test_a_mention_of_no_kind_is_listed_apart_not_labelled_by_its_opening_words():
    s = sentences(("901", "Es ist spätestens am Mittwoch eine pompöse Autokratenshow."),
                  ("902", "Putin stattet Kim am 19. Juni seinen Besuch ab."),
                  ("903", "Am Mittwoch regnete es in Seoul."))
    events = timeline(timexes_table(s, PUBLISHED), s, PUBLISHED)
    other = events[events.kind == "other"]
    assert len(other) == 2 and set(other.label) == {OTHER_LABEL} and set(other.event_id) == {""}
    assert list(events.event_id) == ["E01", "", ""]                      # the events first, then the others
    assert not other.conflict.any()
    assert list(coverage(events, ["901", "902", "903"]).event_id) == [events.event_id.iloc[0]]
    assert unkinded_sentence(events).startswith("Two dated mentions fit no kind of event")


@pytest.mark.parametrize("values, expected", [
    (["2000"], "2000"), (["2023-09", "2023-09-13"], "September 2023"), (["2024-06-18TEV", "2024-06-19"], "18 June 2024"),
    (["2023-SU"], "summer 2023"), (["2023-09-13", "2023"], "2023"),
])
def test_an_event_begins_at_the_precision_its_texts_give(values, expected):
    group = pd.DataFrame({"value": values, "start": [span(v)[0] for v in values], "end": [span(v)[1] for v in values]})
    assert first_date(group) == expected


def test_the_coverage_table_shows_a_year_as_a_year():
    s = sentences(("901", "Sein erster Besuch erfolgte im Jahr 2000, als alles anders war."),
                  ("902", "Im September 2023 hatten sich Putin und Kim erstmals getroffen."))
    table = coverage(timeline(timexes_table(s, PUBLISHED), s, PUBLISHED), ["901", "902"])
    assert list(table["from"]) == ["2000", "September 2023"]
