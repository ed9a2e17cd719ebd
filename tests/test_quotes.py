"""pressframe.quotes: spans in every mark style, scare quotes apart, speakers resolved by cue and context."""

from __future__ import annotations

import pytest

from pressframe.evaluate import evaluate_quotes, load_gold
from pressframe.quotes import find_quotes, find_spans
from pressframe.text import sentences_from_paragraphs


def quotes_of(*paragraphs: str):
    found = find_quotes(sentences_from_paragraphs("900", list(paragraphs)))
    return [(q.quote, q.kind, q.speaker, q.cue) for q in found.itertuples()]


@pytest.mark.parametrize(("text", "inner"), [
    ("Er sagte: „Das ist gut so.“", ["Das ist gut so."]),
    ("«Das ist gut so», sagte er.", ["Das ist gut so"]),
    ("Sie schrieb: »Das ist gut so.«", ["Das ist gut so."]),
    ('Er sagte: "Das ist gut so."', ["Das ist gut so."]),
    ("«In seiner ‹Blase› merkt er nichts.»", ["In seiner ‹Blase› merkt er nichts.", "Blase"]),
    ("Am King‘s College und in Putin’s Welt gibt es keine Zitate.", []),
    ("Ein offenes „Zitat ohne Ende.", []),
])
def test_spans(text, inner):
    assert sorted(text[a + 1 : b - 1] for a, b in find_spans(text)) == sorted(inner)


def test_interrupted_quote_is_two_quotations_of_one_speaker():
    assert quotes_of("«Alte Freunde sind die besten Freunde», sagte Putin, «ein alter Freund ist besser als zwei neue.»") == [
        ("Alte Freunde sind die besten Freunde", "quote", "Wladimir Putin", "sagte"),
        ("ein alter Freund ist besser als zwei neue.", "quote", "Wladimir Putin", "sagte"),
    ]


def test_expert_named_after_the_quote_then_by_surname_and_by_role():
    found = quotes_of(
        "„Ich denke, dass Nordkorea weiter liefern wird“, sagt der Nordkorea-Experte Ramon Pacheco Pardo. "
        "„Und ich denke, dass es Treibstoff verlangen wird.“",
        "Für Asien sei wichtig, dass „Pjöngjang Technologie fordern wird“, meint der Experte.",
        "Das sei „eine Frage der Zeit“, so Pardo.",
    )
    assert [(q[2], q[3]) for q in found] == [("Ramon Pacheco Pardo", "sagt"), ("Ramon Pacheco Pardo", "none"),
                                             ("Ramon Pacheco Pardo", "meint"), ("Ramon Pacheco Pardo", "so")]


def test_quote_spanning_sentences_and_speaker_before_the_colon():
    found = quotes_of("Der Militärexperte Ulrich Schmid erklärt: «Russland will Munition. Nordkorea will Technik.»")
    assert found == [("Russland will Munition. Nordkorea will Technik.", "quote", "Ulrich Schmid", "erklärt")]


def test_subject_before_the_verb_is_the_speaker_not_the_object():
    assert quotes_of('Kim bezeichnete Putin als "besten Freund des koreanischen Volks".')[0][2] == "Kim Jong-un"


def test_inverted_subject_after_the_verb():
    found = quotes_of("Das sagt der Sicherheitsexperte Kurt Volker.",
                      "Peking helfe Russland nur, sagte Volker im Gespräch: „China schaut nur auf sich selbst.“")
    assert found[0][2:] == ("Kurt Volker", "sagte")


def test_a_surname_nobody_introduced_is_not_a_speaker():
    """Known limit: German capitalises every noun, so a bare name is only a person once introduced."""
    assert quotes_of("Peking helfe nur, sagte Volker: „China schaut nur auf sich selbst.“")[0][2] == "unknown"


def test_source_cue_and_state_media():
    found = quotes_of("„Unbesiegbarkeit und Dauerhaftigkeit“: Das zeigt der Gipfel von Putin und Kim – "
                      "wenn man der staatlichen Nachrichtenagentur KCNA glaubt.")
    assert found == [("Unbesiegbarkeit und Dauerhaftigkeit", "quote", "KCNA", "glaubt")]


def test_designation_resolves_to_putin():
    assert quotes_of('Beide würden sich "gegen die Praxis der Sanktionen wehren", so der Kreml-Chef.')[0][2:] == (
        "Wladimir Putin", "so")


def test_scare_quotes_are_not_quotations_and_not_carried_over():
    found = quotes_of('Putin erklärt: Russland schließe "eine militärische Zusammenarbeit" nicht aus. '
                      'Der Vertrag sei ein "Durchbruch".')
    assert found[0][1:3] == ("quote", "Wladimir Putin")
    assert found[1] == ("Durchbruch", "scare", "none", "none")


def test_no_person_means_unknown():
    assert quotes_of("Im Bericht heisst es: «Die Lage bleibt ernst und unklar.»")[0][2] == "unknown"


def test_seed_texts_against_blind_annotation(analysis):
    """The in-sample figure the methods appendix reports: every quoted span found, speakers right."""
    scores = evaluate_quotes(find_quotes(analysis.sentences), load_gold("quotes")["quotes"]).set_index("task")
    assert scores.loc["quoted spans", "f1"] == 1.0
    assert scores.loc["speaker of quotations", "f1"] >= 0.95


def test_name_before_its_role_and_role_noun_as_anaphor():
    found = quotes_of(
        "Für Daniel Hürlimann, Analyst am Center for Security Studies, ist der Vertrag mehr als Symbolpolitik.",
        "«Moskau hat eine Beistandspflicht übernommen», sagt der Analyst.",
    )
    assert [(q[2], q[3]) for q in found] == [("Daniel Hürlimann", "sagt")]


def test_institution_makes_an_expert_and_a_feminine_role_refers_back():
    found = quotes_of(
        "Lisa Brandt von der Stiftung Wissenschaft und Politik warnt vor dem Bündnis.",
        '"Putin und Kim sind einander unentbehrlich", sagt die Sicherheitsexpertin.',
    )
    assert [(q[2], q[3]) for q in found] == [("Lisa Brandt", "sagt")]


def test_role_anaphor_needs_an_earlier_person_with_that_role():
    found = quotes_of(
        "Südkoreas Vereinigungsministerin Lee Soo-jin zeigte sich besorgt. "
        "Die Ministerin stellte klar: „Das wäre eine rote Linie für uns.“",
        "Ein Sprecher sagte, es gebe „eindeutige Beweise dafür“. Laut dem Sprecher ist „das nur der Anfang davon“.",
    )
    assert [q[2] for q in found] == ["Lee Soo-jin", "unknown", "unknown"]


def test_speaker_named_in_the_next_sentence():
    found = quotes_of("„Das ist eine Angelegenheit zweier Staaten.“ Das sagte Aussenamtssprecherin Mao Ning in Peking.")
    assert [(q[2], q[3]) for q in found] == [("Mao Ning", "sagte")]


def test_headline_speaker_known_from_a_later_paragraph_and_hyphenated_given_names():
    found = find_quotes(sentences_from_paragraphs("900", [
        "Lawrow: «Die Sanktionen sind überholt und wirkungslos»",
        "Der russische Aussenminister Sergei Lawrow hat die Sanktionen infrage gestellt.",
        "Nordkoreas Vizeaussenminister Ri Song-chol sagte: «Das sind haltlose Lügen der USA.»",
    ]))
    assert list(zip(found.speaker, found.speaker_type)) == [
        ("Sergei Lawrow", "Russian leadership"), ("Ri Song-chol", "North Korean leadership")]
