"""pressframe.base.prose and pressframe.publish.narrative: sentences written from the data, and guards for the rest."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pressframe import narrative
from pressframe.base.prose import GuardError, counted, join, number, require
from pressframe.corpus.load import Article


def art(article_id: str, group: str, event: str = "2024 visit", status: str = "inferred") -> Article:
    return Article(article_id, f"{article_id}_x.txt", "Blatt", group, event, date(2024, 6, 19), status, "Text.")


def test_counts_lists_and_numbers():
    assert number(5) == "five" and number(24) == "24"
    assert counted(1, "text") == "one text" and counted(3, "text") == "three texts"
    assert join(["a"]) == "a" and join(["a", "b", "c"]) == "a, b and c"


def test_a_guard_names_the_chapter_and_the_sentence():
    require(True, chapter="x", sentence="fine")
    with pytest.raises(GuardError, match="timeline: the sentence “The texts agree” no longer holds.*3 dates"):
        require(False, chapter="timeline", sentence="The texts agree", detail="3 dates")


def test_group_sentences_follow_the_corpus():
    five = [art("000", "Swiss"), art("001", "German"), art("002", "German"), art("003", "French-derived"),
            art("004", "Swiss", "2023 summit")]
    groups = {a.article_id: a.country_group for a in five}
    assert narrative.groups_phrase(groups) == "2 Swiss, 2 German and 1 French-derived"
    profiles = narrative.group_profiles(five, groups)
    assert "the French-derived group holds one text (003" in profiles and "A group of one text (French-derived)" in profiles
    assert narrative.spanning_groups(five, groups) == ["Swiss"]
    more = five + [art("005", "Austrian"), art("006", "Austrian")]
    groups = {a.article_id: a.country_group for a in more}
    assert narrative.groups_phrase(groups) == "2 Swiss, 2 German, 2 Austrian and 1 French-derived"


def test_dates_sentences_say_what_is_printed_and_what_inferred():
    assert narrative.dates_sentence([art("000", "Swiss"), art("001", "Swiss")]).startswith("None of the texts prints")
    mixed = [art("000", "Swiss", status="printed"), art("001", "Swiss")]
    assert narrative.dates_sentence(mixed).startswith("One text prints its publication date; the other one")
    assert narrative.inferred_sentence(mixed) == ("One of the two publication dates is inferred from what the texts "
                                                  "say; the others are printed in them.")


def test_the_present_finding_turns_with_the_counts():
    assert narrative.present_finding(10, 3)[0] == "Most of the story is told in the present."
    assert narrative.present_finding(3, 10)[0] == "The texts date much of what they report."


def test_distinct_frames_need_intervals_that_do_not_overlap():
    table = pd.DataFrame([
        {"unit": "A", "frame": "conflict", "sentences": 5, "n": 10, "share": 0.5, "low": 0.3, "high": 0.7},
        {"unit": "B", "frame": "conflict", "sentences": 1, "n": 10, "share": 0.1, "low": 0.0, "high": 0.2},
        {"unit": "A", "frame": "barter", "sentences": 2, "n": 10, "share": 0.2, "low": 0.0, "high": 0.4},
        {"unit": "B", "frame": "barter", "sentences": 1, "n": 10, "share": 0.1, "low": 0.0, "high": 0.3},
    ])
    assert narrative.distinct_frames(table) == [("conflict", "A", 0.5)]
    assert narrative.distinct_frames(table[table.frame == "barter"]) == []
    assert "no frame sets one group apart" in narrative.distinct_frames_sentence(table[table.frame == "barter"])


def test_voices_caption_counts_who_leads():
    voices = pd.DataFrame([
        {"unit": "000", "speaker_type": "expert", "quotations": 3, "share of quotations": 1.0},
        {"unit": "001", "speaker_type": "Russian leadership", "quotations": 2, "share of quotations": 1.0},
    ])
    caption = narrative.voices_caption(voices, ["000", "001", "002"])
    assert caption == ("One text (000) takes at least half of its quotations from experts, one text (001) at "
                       "least half from Putin, Kim and their governments and one text (002) quotes nobody.")


def test_glosses_sentence_says_which_texts_are_glossed():
    assert narrative.glosses_sentence({"000": 1.0, "001": 1.0}).startswith("every German sentence the book shows")
    sentence = narrative.glosses_sentence({"000": 1.0, "005": 0.0})
    assert "texts 000" in sentence and "for text 005" in sentence


def _welcome(published_evidence: tuple[str, ...]):
    from pressframe.compare.timeline import conflicts, timeline
    from pressframe.extract.timex import timexes_table

    rows = [("901", "body", "Die Begrüßungszeremonie auf dem Kim-Il-Sung-Platz fand am Mittwoch statt."),
            ("902", "caption", "Putin und Kim bei der Begrüßungszeremonie in Pjöngjang am 20. Juni.")]
    sentences = pd.DataFrame([{"article_id": a, "sentence_id": f"{a}-1", "line_no": 1, "char_start": 0, "char_end": len(t),
                               "part": p, "text": t} for a, p, t in rows])
    published = {"901": date(2024, 6, 19), "902": date(2024, 6, 20)}
    events = timeline(timexes_table(sentences, published), sentences, published)
    articles = [Article("901", "901.txt", "A", "German", "visit", published["901"], "inferred", ""),
                Article("902", "902.txt", "B", "Swiss", "visit", published["902"], "inferred", "",
                        evidence={"published": published_evidence})]
    return conflicts(events), events, sentences, articles


def test_a_caption_against_the_body_of_another_text_is_worded_as_the_verdict():
    table, events, sentences, articles = _welcome(("[no date in the text]",))
    paragraph = narrative.conflicts_paragraph(table, events, sentences, articles, {"901": "A", "902": "B"})
    assert "The 20 June stands only in a photo caption of 902, while the body of 901 puts it on 19 June" in paragraph
    assert narrative.dates_resting_on_rejected_captions(table, events, sentences, articles) == []


def test_a_publication_date_may_not_rest_on_a_caption_the_book_calls_wrong():
    table, events, sentences, articles = _welcome(("bei der Begrüßungszeremonie in Pjöngjang am 20. Juni",))
    assert narrative.dates_resting_on_rejected_captions(table, events, sentences, articles) == ["902"]


def _profile():
    return pd.DataFrame({"text": ["000 A", "001 B", "002 C"],
                         "leading body frame": ["china", "conflict", "china and conflict"],
                         "leading body frame, by hand": ["china", "security threat", ""]})


def test_leading_frames_name_every_text_and_where_the_hand_coding_differs():
    sentence = narrative.leading_frames_sentence(_profile())
    assert "china in 000 A" in sentence and "conflict in 001 B" in sentence and "china and conflict in 002 C" in sentence
    assert sentence.endswith("The hand coding puts another frame first in 001 B.")


def test_the_china_paragraph_follows_the_data():
    by_article = pd.DataFrame({"unit": ["000", "001", "002"], "frame": ["china"] * 3, "share": [0.3, 0.2, 0.25]})
    matrix = pd.DataFrame({"claim_id": ["china", "dependence_china"], "000": [1, 0], "001": [0, 0], "002": [0, 1]})
    paragraph = narrative.china_paragraph(_profile(), by_article, matrix)
    assert "leads the body of 000 A and 002 C" in paragraph
    assert "000 A carries the claim that China is uneasy" in paragraph and "002 C carries the claim that Russia" in paragraph
    assert "001 also gives China 15% or more" in paragraph
    none = narrative.china_paragraph(_profile().assign(**{"leading body frame": ["conflict"] * 3}), by_article, matrix)
    assert none.startswith("No text leads with the China frame") and "30%, in 000" in none


def test_frames_gap_and_sourcing_sentences():
    by_article = pd.DataFrame({"unit": ["000", "000"], "frame": ["china", "conflict"], "share": [0.30, 0.10]})
    hand = pd.DataFrame({"000": [0.31, 0.40]}, index=["china", "conflict"])
    assert narrative.frames_gap_sentence(by_article, hand, {"000": "000 A"}) == (
        "For 1 of the 2 pairs of frame and hand-coded text the two shares are within five percentage points; they "
        "differ most for conflict in 000 A (10% by the dictionary, 40% by hand).")
    assert narrative.frames_gap_sentence(by_article, pd.DataFrame(), {}).startswith("No text of this corpus is hand coded")
    sources = pd.DataFrame({"text": ["000 A", "001 B"], "attributed share": [0.5, 0.1]})
    assert "from 10% in 001 to 50% in 000" in narrative.sourcing_sentence(sources)


def test_a_hand_coding_that_breaks_a_tie_is_named_apart():
    profile = _profile().assign(**{"leading body frame, by hand": ["china", "security threat", "conflict"]})
    assert narrative.leading_frames_sentence(profile).endswith(
        "The hand coding puts another frame first in 001 B and leads with some but not all of the same frames in 002 C.")
