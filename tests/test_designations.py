"""pressframe.designations: gazetteer matching with inflection, spelling variants and compounds."""

from __future__ import annotations

import pytest

from pressframe.designations import count_designations, find_in_text, find_mentions
from pressframe.evaluate import evaluate_designations, load_gold


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
