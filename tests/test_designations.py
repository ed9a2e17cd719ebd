"""pressframe.extract.designations: gazetteer matching with inflection, spelling variants and compounds."""

from __future__ import annotations

import pytest

from pressframe.evaluation.evaluate import evaluate_designations, load_gold
from pressframe.extract.designations import count_designations, find_in_text, find_mentions


def labels(text: str) -> list[tuple[str, str]]:
    return [(entry.actor, entry.label) for _, _, entry in find_in_text(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kim Jong-un traf Putin.", [("Kim", "Kim Jong-un"), ("Putin", "Putin")]),
    ("Kim Jong Un und Kim Jong-Un sind derselbe.", [("Kim", "Kim Jong-un"), ("Kim", "Kim Jong-un")]),
    ("Die Drohungen Kims und Putins Krieg.", [("Kim", "Kim"), ("Putin", "Putin")]),
    ("Kreml-Chef Wladimir Putin", [("Putin", "Kreml-Chef"), ("Putin", "Wladimir Putin")]),
    ("Vladimir Putin", [("Putin", "Wladimir Putin")]),
    ("mit dem russischen Präsidenten", [("Putin", "russischer Präsident")]),
    ("Russlands Präsident reiste", [("Putin", "russischer Präsident")]),
    ("der nordkoreanische Diktator Kim", [("Kim", "Diktator"), ("Kim", "Kim")]),
    ("zwei schurkische Diktatoren", [("both", "Diktatoren")]),
    ("Das Kim-Regime, die Kim-Diktatur, der Kim-Il-Sung-Platz und der Putin-Besuch", []),
    ("Spott für Putin nach Bündnis mit Nordkorea-Kim", [("Putin", "Putin"), ("Kim", "Nordkorea-Kim")]),
    ("dem Herrscher von Pjöngjang", [("Kim", "Herrscher von Pjöngjang")]),
    ("ein Pakt der Aussenseiter", [("both", "Außenseiter")]),
    ("Er lächelt und umarmt ihn.", []),
])
def test_matches(text, expected):
    assert labels(text) == expected


def test_counts_per_article(analysis):
    counts = count_designations(find_mentions(analysis.sentences))
    assert list(counts.columns) == ["article_id", "actor", "designation", "count"]
    row = counts[(counts.article_id == "004") & (counts.designation == "Kreml-Chef")]
    assert row["count"].tolist() == [4]


def test_seed_texts_against_blind_annotation(analysis):
    mentions = find_mentions(analysis.sentences)
    scores = evaluate_designations(mentions, analysis.sentences, load_gold("designations")["mentions"]).set_index("task")
    assert scores.loc["mentions of Putin", "f1"] == 1.0
    assert scores.loc["mentions (actor and designation)", "f1"] >= 0.97


# --- the role grammar: names German builds from a role noun (constructed phrases) -------------------



def designations_in(text: str, event: str = "") -> list[tuple[str, str]]:
    return [(text[a:b], entry.actor) for a, b, entry in find_in_text(text, event=event)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin dankte seinem nordkoreanischen Amtskollegen.", [("Putin", "Putin"), ("seinem nordkoreanischen Amtskollegen", "Kim")]),
    ("Russlands Staatsoberhaupt reiste ab.", [("Russlands Staatsoberhaupt", "Putin")]),
    ("Der hohe Gast aus Moskau winkte.", [("Der hohe Gast aus Moskau", "Putin")]),
    ("Er traf Nordkoreas obersten Führer.", [("Nordkoreas obersten Führer", "Kim")]),
    ("Präsident Wladimir Putin landete.", [("Präsident", "Putin"), ("Wladimir Putin", "Putin")]),
    ("Der russische Herrscher schwieg.", [("Der russische Herrscher", "Putin")]),
    ("Die Medien nennen ihn «Genosse Vorsitzender».", [("Genosse Vorsitzender", "Kim")]),
])
def test_roles_with_a_nationality_a_place_or_a_name(text, expected):
    assert designations_in(text) == expected


@pytest.mark.parametrize("text", [
    "Der chinesische Präsident Xi Jinping schwieg.",      # another nationality
    "Südkoreas Präsident warnte vor dem Pakt.",
    "Präsident Joe Biden warnte.",                       # somebody else's name
    "Der Präsident reiste ab.",                          # nothing says whose
    "Er wurde als Staatschef gewählt.",
])
def test_roles_that_are_somebody_elses_or_nobodys(text):
    assert designations_in(text) == []


def test_guest_and_host_follow_the_articles_event():
    text = "Der Gast wurde von seinem Gastgeber empfangen."
    assert designations_in(text, "2024 Pyongyang state visit") == [("Der Gast", "Putin"), ("seinem Gastgeber", "Kim")]
    assert designations_in(text, "2023 cosmodrome summit") == [("Der Gast", "Kim"), ("seinem Gastgeber", "Putin")]
    assert designations_in(text) == []                   # no event: nobody can say


def test_plurals_of_both():
    text = "Die Präsidenten Russlands und Nordkoreas trafen sich; die beiden Männer lachten."
    assert [actor for _, actor in designations_in(text)] == ["both", "both"]


def test_a_plural_role_of_both_countries():
    text = "Die Machthaber von Russland und Nordkorea trafen sich."
    assert designations_in(text) == [("Machthaber von Russland und Nordkorea", "both")]


@pytest.mark.parametrize("text, actor, designation", [
    ("Der russische Machthaber lächelte.", "Putin", "Machthaber"),       # the gazetteer's default (Kim) yields
    ("Russlands Machthaber lächelte.", "Putin", "Machthaber"),
    ("Der Diktator im Kreml lächelte.", "Putin", "Diktator"),
    ("Der Despot aus Pjöngjang lächelte.", "Kim", "Despot"),
    ("Der russische Autokrat lächelte.", "Putin", "Autokrat"),
    ("Der Kreml-Boss lächelte.", "Putin", "Kremlchef"),
    ("Die beiden Staatsführer unterzeichneten.", "both", "Staatsführer"),
])
def test_a_name_nationality_or_place_decides_whose_a_role_is(text, actor, designation):
    found = [(entry.actor, entry.label) for _, _, entry in find_in_text(text)]
    assert found == [(actor, designation)]


def test_a_role_of_somebody_else_is_nobodys_even_where_the_gazetteer_has_a_default():
    assert find_in_text("Chinas Machthaber schwieg, und der chinesische Diktator auch.") == []
    assert [e.actor for _, _, e in find_in_text("Der nordkoreanische Machthaber lächelte.")] == ["Kim"]


@pytest.mark.parametrize(("text", "event", "expected"), [
    ("Das sagte der 39-Jährige.", "2023-09 Vostochny summit", [("der 39-Jährige", "Kim")]),
    ("Das sagte der 71-Jährige.", "2024-06 Pyongyang state visit", [("der 71-Jährige", "Putin")]),
    ("Das sagte der 55-Jährige.", "2024-06 Pyongyang state visit", []),          # nobody of the two is 55
    ("Der Staatsbesuch des Kremlchefs in Nordkorea", "2024-06 Pyongyang state visit", [("Kremlchefs", "Putin")]),
    ("Putin lobte Kim, sagte der Nordkoreaner.", "", [("Putin", "Putin"), ("Kim", "Kim"), ("der Nordkoreaner", "Kim")]),
    ("Die Zahl der Nordkoreaner in Russland wächst; die Nordkoreaner kämpfen.", "", []),
    ("Er traf den «Marschall» in Pjöngjang.", "", [("den «Marschall» in Pjöngjang", "Kim")]),
    ("Ein Pakt der Verzweifelten, die Symbolpolitik zweier Isolierter.", "",
     [("Verzweifelten", "both"), ("zweier Isolierter", "both")]),
])
def test_ages_demonyms_ranks_and_nouns_that_name_their_person(text, event, expected):
    assert designations_in(text, event) == expected
