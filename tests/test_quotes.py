"""pressframe.extract.quotes: spans in every mark style, scare quotes apart, speakers resolved by cue and context."""

from __future__ import annotations

import pytest

from pressframe.corpus.text import sentences_from_paragraphs
from pressframe.evaluation.evaluate import evaluate_quotes, load_gold
from pressframe.extract.quotes import find_quotes, find_spans


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
    ("Ein offenes „Zitat ohne Ende bis zum Schluss.", ["Zitat ohne Ende bis zum Schluss."]),   # a copy cut off
    ("Ein offenes „Wort.", []),                 # too short to be a quotation cut off
    ('Ein gerades "Zeichen ohne Ende hier.', []),  # straight quotes may be inch marks or typos
])
def test_spans(text, inner):
    assert sorted(text[a + 1 : b - 1] for a, b in find_spans(text)) == sorted(inner)


def test_interrupted_quote_is_two_quotations_of_one_speaker():
    assert quotes_of("«Alte Freunde sind die besten Freunde», sagte Putin, «ein alter Freund ist besser als zwei neue.»") == [
        ("Alte Freunde sind die besten Freunde", "full", "Wladimir Putin", "sagte"),
        ("ein alter Freund ist besser als zwei neue.", "full", "Wladimir Putin", "sagte"),
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
    assert found == [("Russland will Munition. Nordkorea will Technik.", "full", "Ulrich Schmid", "erklärt")]


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
    assert found == [("Unbesiegbarkeit und Dauerhaftigkeit", "full", "KCNA", "glaubt")]


def test_designation_resolves_to_putin():
    assert quotes_of('Beide würden sich "gegen die Praxis der Sanktionen wehren", so der Kreml-Chef.')[0][2:] == (
        "Wladimir Putin", "so")


def test_fragments_in_reported_speech_are_partial_and_in_the_authors_own_sentence_scare():
    found = quotes_of('Putin erklärt: Russland schließe "eine militärische Zusammenarbeit" nicht aus. '
                      'Der Vertrag sei ein "Durchbruch".', 'Der Vertrag ist ein "Meilenstein".')
    assert found[0][1:3] == ("partial", "Wladimir Putin")
    assert found[1] == ("Durchbruch", "partial", "Wladimir Putin", "none")   # subjunctive: still Putin's words
    assert found[2] == ("Meilenstein", "scare", "none", "none")               # nobody is said to say it


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


# --- three kinds and the cues of real news (constructed sentences) ----------------------------------

@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["Kim hat Putin die „volle Solidarität“ zugesichert."], [("volle Solidarität", "partial", "Kim Jong-un")]),
    (["Putin sprach von einem „Durchbruch“."], [("Durchbruch", "partial", "Wladimir Putin")]),
    (["Putin: Vertrag sieht „gegenseitige Hilfe“ vor"], [("gegenseitige Hilfe", "partial", "Wladimir Putin")]),
    (["Die Beziehungen seien „so stark wie nie“, meldete KCNA."], [("so stark wie nie", "partial", "KCNA")]),
    (["Der Gipfel zeuge von der „Einheit beider Völker“, berichtete die Nachrichtenagentur TASS."],
     [("Einheit beider Völker", "partial", "TASS")]),
    (["Die Armee werde „jede Provokation“ beantworten, heißt es in dem Bericht."],
     [("jede Provokation", "partial", "Bericht")]),
    (["Der Pakt sei „rein defensiv“, so der Kreml."], [("rein defensiv", "partial", "Kreml")]),
    (["Nach Angaben des Pentagons sind „mehrere tausend Soldaten“ verlegt worden."],
     [("mehrere tausend Soldaten", "partial", "Pentagon")]),
    (["Der Präsident empfing Kim, der ihm seine „ewige Freundschaft“ versicherte."],
     [("ewige Freundschaft", "partial", "Kim Jong-un")]),
    (["«Wir stehen an eurer Seite», sagte Kim."], [("Wir stehen an eurer Seite", "full", "Kim Jong-un")]),
    (['Die Zeitung "Rodong Sinmun" erschien mit einem Foto.'], [("Rodong Sinmun", "scare", "none")]),
    (["Der „Frankfurter Allgemeinen Zeitung“ fiel das auf."], [("Frankfurter Allgemeinen Zeitung", "scare", "none")]),
])
def test_three_kinds_and_their_speakers(paragraphs, expected):
    assert [q[:3] for q in quotes_of(*paragraphs)] == expected


def test_the_same_words_attributed_elsewhere_are_that_speakers():
    found = quotes_of("«Heiliger Kampf» – Kim will Russland helfen",
                      "Der nordkoreanische Machthaber sprach von einem «heiligen Kampf» Russlands.")
    assert [q[:3] for q in found] == [("Heiliger Kampf", "partial", "Kim Jong-un"),
                                      ("heiligen Kampf", "partial", "Kim Jong-un")]


def test_a_quotation_cut_off_by_the_end_of_the_stored_copy():
    found = quotes_of("„Das war klar“, erklärte der Sicherheitsexperte Max Muster. „Kim nutzt die Lage und nimmt mit, was")
    assert found[1] == ("Kim nutzt die Lage und nimmt mit, was", "full", "Max Muster", "none")


def test_a_title_then_a_name_refers_back_by_title():
    found = quotes_of("Kremlsprecher Dmitri Peskow äußerte sich am Abend.",
                      "Die Gespräche seien „sehr konstruktiv“ gewesen, sagte der Kremlsprecher.")
    assert found[0][:3] == ("sehr konstruktiv", "partial", "Dmitri Peskow")


def test_every_kind_is_known():
    from pressframe.extract.quotes import KINDS

    found = find_quotes(sentences_from_paragraphs("900", ["«Wir stehen an eurer Seite», sagte Kim.",
                                                          "Ein „Wort“ und eine „Wendung“ von Putin."]))
    assert set(found.kind) <= set(KINDS)


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["Die Armee sei „in voller Bereitschaft“, berichtete die ukrainische Nachrichtenagentur Unian."],
     [("in voller Bereitschaft", "Unian", "media")]),
    (["„Wir werden antworten“, hieß es in einer Mitteilung der staatlichen Agentur Yonhap."],
     [("Wir werden antworten", "Yonhap", "media")]),
    (["Selenskyj schrieb auf X: «Das ist eine Eskalation.»"],
     [("Das ist eine Eskalation.", "Wolodymyr Selenskyj", "other government")]),
    (["Kim Yo-jong drohte mit „Konsequenzen“."], [("Konsequenzen", "Kim Yo-jong", "North Korean leadership")]),
])
def test_media_named_by_what_they_are_and_public_figures(paragraphs, expected):
    found = find_quotes(sentences_from_paragraphs("900", paragraphs))
    assert list(zip(found.quote, found.speaker, found.speaker_type)) == expected


def test_platform_names_in_quotation_marks_are_nobodys_words():
    found = quotes_of("Der Experte Max Muster schreibt auf «X» (ehemals «Twitter») etwa: «Was für ein Verlierer!»")
    assert [q[:3] for q in found] == [("X", "scare", "none"), ("Twitter", "scare", "none"),
                                      ("Was für ein Verlierer!", "full", "Max Muster")]


@pytest.mark.parametrize(("text", "speaker", "cue"), [
    ("Putin dankte Kim für die „unerschütterliche Unterstützung“ im Krieg.", "Wladimir Putin", "dankte"),
    ("Putin würdigte die „heldenhaften“ Soldaten Nordkoreas.", "Wladimir Putin", "würdigte"),
    ("Der Kreml wies die Vorwürfe als „haltlos“ zurück.", "Kreml", "wies"),
    ("Das Weiße Haus zeigte sich „tief besorgt“ über die Vereinbarung.", "Weißes Haus", "zeigte sich"),
])
def test_verbs_of_thanking_praising_rejecting_make_a_fragment_partial(text, speaker, cue):
    (quote, kind, found, found_cue), = quotes_of(text)
    assert (kind, found, found_cue) == ("partial", speaker, cue)


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    ("„Wir verurteilen dieses Abkommen aufs Schärfste“, teilte das südkoreanische Aussenministerium mit.",
     "südkoreanische Aussenministerium", "other government"),
    ("Das russische Verteidigungsministerium erklärte, die Übung sei „rein defensiv“.",
     "russische Verteidigungsministerium", "Russian leadership"),
    ("Die Bundesregierung nannte den Vertrag „besorgniserregend“.", "Bundesregierung", "other government"),
])
def test_an_institution_named_by_what_it_is_speaks(text, speaker, kind):
    found = find_quotes(sentences_from_paragraphs("900", [text]))
    assert (found.speaker[0], found.speaker_type[0]) == (speaker, kind)


def test_a_treaty_name_and_a_journey_stay_scare_quotes():
    found = quotes_of("Putin und Kim unterzeichneten einen Vertrag über „umfassende strategische Partnerschaft“.",
                      "Putin fuhr in einem „gepanzerten Zug“ nach Pjöngjang.")
    assert [k for _, k, _, _ in found] == ["scare", "scare"]


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (["Ein Diplomat in Seoul sagte der Nachrichtenagentur Yonhap: «Kim kommt nicht mit leeren Händen.»"], "unknown"),
    (["Putin lobte die Gastgeber.", "Er fügte hinzu, der Vertrag erlaube „jede Form der Zusammenarbeit“."], "Wladimir Putin"),
    (["Das Treffen finde «in den nächsten Tagen» statt, hatte Kremlsprecher Dmitri Peskow am Montag gesagt, ohne Ort."],
     "Dmitri Peskow"),
    (["Lea Brunner: Der Kreml spricht von einer «umfassenden strategischen Partnerschaft». Das klingt nach viel."], "Kreml"),
    (["Die Zeitung Rodong Sinmun druckte einen Beitrag des Kremlchefs, in dem er von „einer neuen Etappe“ spricht."],
     "Wladimir Putin"),
    (["Die USA sprechen von „Beweisen“ für die Truppenverlegung."], "USA"),
    (["Noch vor zwei Wochen hatte Pjöngjang alle Berichte als «Lügen» zurückgewiesen."], "Pjöngjang"),
])
def test_who_speaks_when_the_cue_names_an_addressee_a_pronoun_a_clause_or_a_state(paragraphs, speaker):
    assert quotes_of(*paragraphs)[0][2] == speaker


def test_a_quotation_over_two_paragraphs_is_found_in_both():
    found = quotes_of("Der Experte Thomas Gerber sieht eine Umkehr. «Damals brauchte Kim Russland, um frei zu sein.",
                      "Heute braucht Putin Kim, weil ihm die Munition ausgeht», sagt Gerber.")
    assert [(q, k, s) for q, k, s, _ in found] == [
        ("Damals brauchte Kim Russland, um frei zu sein.", "full", "Thomas Gerber"),
        ("Heute braucht Putin Kim, weil ihm die Munition ausgeht", "full", "Thomas Gerber")]


def test_a_speaker_label_glued_to_the_kicker_before_it_still_speaks():
    from datetime import date

    from pressframe.corpus.clean import clean_article
    from pressframe.corpus.load import Article
    from pressframe.corpus.text import sentences_table

    article = Article(article_id="900", file="900.txt", outlet="Test", country_group="German", event="test",
                      published=date(2024, 6, 19), published_status="inferred",
                      text="Staatsbesuch in PjöngjangPutin: Pakt sieht „gegenseitige Hilfe“ vor\n\n"
                           "Der Vertrag ist unterzeichnet.\n")
    sentences = sentences_table(clean_article(article))
    assert sentences.text.tolist()[:2] == ["Staatsbesuch in Pjöngjang", "Putin: Pakt sieht „gegenseitige Hilfe“ vor"]
    assert find_quotes(sentences).speaker.tolist() == ["Wladimir Putin"]


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (["Die Wiener „Donaupresse“ titelte: „Zwei Diktatoren, ein Vertrag“. Das Blatt schrieb, Putin habe sich als "
      "„Bittsteller im Gewand eines Staatsmanns“ präsentiert."], "Donaupresse"),
    (["Die Zeitung Rodong Sinmun lobte den Gast.", "Den Machthaber im Kreml nennt das Blatt einen „Mann ohne Skrupel“."],
     "Rodong Sinmun"),
    (["Die Staatsagentur KCNA meldete den Besuch.", "Putin habe die Einladung „gerne angenommen“, hieß es in dem Bericht."],
     "KCNA"),
    (["Kim reiste an. Russland verteidige sich in einem «gerechten Kampf» gegen den Westen, sagte der Nordkoreaner."],
     "Kim Jong-un"),
    (["Kim reiste an. Der 39-Jährige nannte das Treffen einen «neuen Höhepunkt»."], "Kim Jong-un"),
    (["Peking schweigt. Xi Jinping, mit dem Putin eine Partnerschaft „ohne Grenzen“ verkündete, sieht das kritisch."],
     "Wladimir Putin"),
    (["Kim Jong-un, der „Oberste Führer“, wie ihn die Staatsmedien nennen, kam mit dem Zug."], "Staatsmedien"),
    (["Rutte erklärte, er könne die Angaben «derzeit nicht bestätigen». Sollten sie zutreffen, wäre das eine "
      "«erhebliche Eskalation»."], "Mark Rutte"),
])
def test_outlets_documents_descriptions_and_clauses(paragraphs, speaker):
    assert quotes_of(*paragraphs)[-1][2] == speaker


def test_a_headline_quotation_echoes_the_body_words_it_holds():
    found = quotes_of("«Eine ernste Bedrohung»: So reagiert die Welt",
                      "Das Präsidialamt in Seoul sprach von einer «ernsten Bedrohung» für die Welt.")
    assert [s for _, _, s, _ in found] == ["Präsidialamt", "Präsidialamt"]


def test_a_quoted_outlet_name_is_nobodys_words():
    assert quotes_of("Die Wiener „Donaupresse“ titelte gross.")[0][1] == "scare"


@pytest.mark.parametrize(("paragraphs", "speaker", "cue"), [
    (["Putin lobte den Gast. Kims Versprechen einer „grenzenlosen Treue“ fand Beifall."], "Kim Jong-un", "Versprechen"),
    (["Kim Jong-un versicherte, er stehe „an Russlands Seite“. Seine Zusage „voller Hilfe“ wiederholte er."],
     "Kim Jong-un", "Zusage"),
    (["Die Lage ist ernst. Seouls Drohung, notfalls auch „schwere Waffen“ zu liefern, wirkte."], "Seoul", "Drohung"),
    (["Am Abend bekräftigte Wladimir Putin den Schwur, man werde „bis zum Ende“ zusammenhalten."],
     "Wladimir Putin", "bekräftigte"),
    (["Präsident Yoon Suk Yeol sprach von einer „Provokation“. Die Warnung vor „ernsten Folgen“ gilt auch Moskau."],
     "Yoon Suk Yeol", "Warnung"),
])
def test_a_noun_of_speech_gives_a_fragment_to_its_owner(paragraphs, speaker, cue):
    quote, kind, who, how = quotes_of(*paragraphs)[-1]
    assert (kind, who, how) == ("partial", speaker, cue)


def test_a_noun_that_is_no_speech_leaves_a_scare_quote():
    assert quotes_of("Kims Zug der „Freundschaft“ rollte weiter.")[0][1] == "scare"


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (["Am Abend gab es ein Konzert; Kim, so hieß es aus Pjöngjang, wolle ein „grosses Programm“ bieten."], "Pjöngjang"),
    (["Frau Meier, Putin spricht von einem „Durchbruch“. Stimmt das?"], "Wladimir Putin"),
    (["Bei seinem Treffen mit Sergej Lawrow bekräftigte Kim Jong-un, man stehe „bis zum Sieg“ zusammen."], "Kim Jong-un"),
    (["Putin sprach von „Freundschaft“; Chinas Außenministerium warnte vor einer „Eskalation“ in der Region."],
     "Chinas Außenministerium"),
    (["Die USA hatten schon früh vor einer „Vertiefung“ der Zusammenarbeit gewarnt."], "USA"),
    (["Man habe „keine Kenntnis“ von Truppen, sagte ein Sprecher."], "unknown"),
    (["Kim Jong-un lobte den Gast. Die Beziehungen hätten eine „neue Stufe“ erreicht, zitierte die Agentur KCNA den "
      "40-Jährigen."], "Kim Jong-un"),
])
def test_places_vocatives_inverted_subjects_clauses_and_citing(paragraphs, speaker):
    assert quotes_of(*paragraphs)[-1][2] == speaker


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (["Putin spricht von einer neuen Etappe, Kim Jong-un gar von einem „Bündnis“."], "Kim Jong-un"),
    (["Kim Jong-un reiste ab. KCNA zitierte den 40-Jährigen mit den Worten, die Armee müsse „jederzeit bereit“ sein."],
     "Kim Jong-un"),
    (["Die Lage sei „ernst und gefährlich“, sagte der Sprecher des US-Außenministeriums, Matthew Miller."],
     "Matthew Miller"),
    (["Für den Sicherheitsexperten Lukas Brändli ist die Sache klar. «Putin braucht Granaten und Geld», sagt er."],
     "Lukas Brändli"),
    (["Die „Oberlausitzer Rundschau“ meint: „Hier treffen sich zwei, die nichts mehr zu verlieren haben.“"],
     "Oberlausitzer Rundschau"),
    (["Der Präsident führt eine „Spezialoperation“, wie Moskau den Krieg bis heute nennt."], "Moskau"),
    (["Noch vor einer Woche hatte Dmitri Peskow die Berichte als „weitere Fälschung“ abgetan."], "Dmitri Peskow"),
    (["Der südkoreanische Geheimdienst geht davon aus, dass „rund 10.000 Mann“ verlegt werden."],
     "südkoreanische Geheimdienst"),
    (["„Wir haben nichts hinzuzufügen“, sagte Dmitri Peskow. Die Zusammenarbeit entspreche „voll und ganz dem Recht“."],
     "Dmitri Peskow"),
])
def test_gapped_clauses_citing_appositions_inflected_roles_outlets_and_more_cues(paragraphs, speaker):
    assert quotes_of(*paragraphs)[-1][2] == speaker

