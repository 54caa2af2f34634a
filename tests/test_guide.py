"""The guide data (audiences, onboarding, glossary) points at passages that exist."""
import pytest

from assistant import service
from knowledge.topics import contains


def test_every_self_check_answer_stands_in_its_passage(lotse):
    steps = lotse.guide().onboarding
    assert len(steps) >= 5
    for step in steps:
        assert step.checks, step.title
        for uid in step.units:
            assert lotse.unit(uid) is not None, uid
        for check in step.checks:
            assert check.quote in lotse.unit(check.unit).text, (check.unit, check.quote)


def test_audiences_have_starting_questions_that_get_answers(lotse):
    audiences = lotse.guide().audiences
    assert [a.label for a in audiences] == ["Eltern", "Anbieter", "Einarbeitung"]
    for a in audiences:
        assert a.hint and len(a.questions) >= 3
        for q in a.questions:
            assert not lotse.ask(q).abstained, q


def test_glossary_terms_are_explained_and_found_in_the_passages(lotse):
    entries = lotse.glossary()
    terms = {e["term"] for e in entries}
    assert {"UB", "InbeQ", "WfbM", "Jobcoaching", "Personalschlüssel"} <= terms
    for e in entries:
        assert lotse.passages_using(e["term"]) or lotse.passages_using(e.get("long", "")), e["term"]


def test_a_broken_provider_glossary_is_skipped(provider_dir):
    from assistant.service import Lotse

    (provider_dir / "glossary.yaml").write_text("- term: [unclosed\n", encoding="utf-8")
    assert len(Lotse(extra_corpus=[str(provider_dir)]).glossary()) >= 20


def test_contains_finds_phrases():
    assert contains(["budget", "arbeit"], ("budget", "arbeit")) == 0
    assert contains(["x", "budget", "arbeit"], ("arbeit",)) == 2
    assert contains(["budget"], ("budget", "arbeit")) is None


@pytest.mark.parametrize("question, term", [
    ("Was ist UB?", "UB"),
    ("was ist unterstützte beschäftigung", "UB"),
    ("Was bedeutet eigentlich InbeQ", "InbeQ"),
    ("Wofür steht die Abkürzung IFD?", "IFD"),
    ("was ist der personalschluessel", "Personalschlüssel"),
])
def test_a_question_for_the_meaning_of_a_glossary_term_leads_with_its_explanation(lotse, question, term):
    entry = next(e for e in lotse.glossary() if e["term"] == term)
    reply = lotse.ask(question)
    assert reply.message.startswith(f"Im Glossar: {term}")
    assert entry["explanation"] in reply.message and "keine Rechtsquelle" in reply.message
    assert reply.to_json(lotse)["message"] == reply.message


@pytest.mark.parametrize("question", [
    "Was ist der Unterschied zwischen UB und Werkstatt?",  # more than the meaning of one term
    "Haben Teilnehmer der InbeQ Anspruch auf Urlaub?",
    "Was ist Pflegegeld?",  # no glossary term
])
def test_other_questions_get_no_glossary_lead(lotse, question):
    assert lotse.definition(question) is None
    assert "Im Glossar" not in lotse.ask(question).message


def test_contains_lets_a_starred_stem_begin_a_compound():
    # regions, the field and programmes share it: "Sachsen*" in a provider's regions meets "sachsenanhalt"
    assert contains(["in", "sachsenanhalt"], ("sachsen*",)) == 1
    assert contains(["sachsen"], ("sachsen*",)) == 0
    assert contains(["nieder", "sachsen"], ("sachsen",)) == 1
    assert contains(["sachsenanhalt"], ("sachsen",)) is None


@pytest.mark.parametrize("term, long", [("QT", "Qualifizierungstrainer"), ("TN", "Teilnehmende"), ("BB", "Berufsbegleitung"),
                                        ("REZ", "Regionales Einkaufszentrum"), ("EGHT", "Eingliederungshilfeträger"),
                                        ("MAG", "Maßnahme bei einem Arbeitgeber"), ("ILC", "Integrationsleistungszentrum")])
def test_the_abbreviations_of_the_field_and_of_the_documents_are_explained(lotse, term, long):
    entry = lotse.definition(f"Was bedeutet die Abkürzung {term}?")
    assert entry is not None and entry["term"] == term and entry["long"] == long


def test_an_abbreviation_is_found_in_passages_only_as_written(lotse):
    """'BAR' (Bundesarbeitsgemeinschaft für Rehabilitation) stands in one passage; its stem 'bar' in ten."""
    assert [u.id for u in lotse.passages_using("BAR")] == ["mv-koop/p5-2"]


def test_passages_whose_heading_uses_a_term_come_first(lotse):
    ids = [u.id for u in lotse.passages_using("Berufsbegleitung", limit=None)]
    assert len(ids) == 20 and ids.index("mv-koop/p5-1") < 8  # "§ 5 Inhalte der Berufsbegleitung" was cut off after 8


def test_a_meaning_the_documents_do_not_explain_is_answered_by_the_glossary_with_where_the_term_is_used(lotse):
    """'Was heißt WfbM?' said 'Dazu finde ich … keine verlässliche Antwort' and 'Meinten Sie' under the glossary's
    explanation; 'Was bedeutet die Abkürzung QT?' showed the Einzelfalldokumentation, which never uses the term."""
    from assistant.presenter import reply_text

    reply = lotse.ask("Was heißt WfbM?")
    assert reply.abstained and reply.defined == "WfbM"
    assert reply.message.startswith("Im Glossar: WfbM (Werkstatt für behinderte Menschen) – ")
    assert reply.message.endswith("Eine eigene Erklärung des Begriffs enthalten die Dokumente nicht.")
    assert reply.suggestion_ids[0] == "bagub-faq/7"  # "7. Frage - Thema: WfbM-Beschäftigte": its heading uses the term
    text = reply_text(reply)
    assert "Der Begriff kommt zum Beispiel hier vor:" in text and "Meinten Sie" not in text
    assert "So kommen Sie weiter" not in text and "keine verlässliche Antwort" not in text
    qt = lotse.ask("Was bedeutet die Abkürzung QT?")
    assert qt.abstained and qt.defined == "QT" and qt.suggestion_ids[0].startswith("bagub-faq/")
    assert all(lotse.unit(uid) and "Qualifizierungstrainer" in (lotse.unit(uid).title + lotse.unit(uid).text) for uid in qt.suggestion_ids)


def test_a_passage_after_the_glossary_is_labelled_as_the_documents_words_not_as_the_short_answer(lotse):
    from assistant.presenter import reply_markdown, reply_text

    reply = lotse.ask("Was ist Jobcoaching?")
    assert not reply.abstained and reply.defined == "Jobcoaching" and reply.answers[0].unit.id == "bw-jobcoaching/2.1"
    assert "\nAus den Dokumenten: Jobcoaching im Kontext des SGB IX" in reply_text(reply)
    assert "**Aus den Dokumenten:** Jobcoaching" in reply_markdown(reply) and "Kurz:" not in reply_markdown(reply)
    plain = lotse.ask("Wer zahlt die Fahrtkosten?")
    assert plain.defined == "" and reply_text(plain).startswith("Kurz: ")


@pytest.mark.parametrize("typed, term, first", [
    ("inbeq", "InbeQ", None),  # it had answered with Frage 3 (costs), one of many passages using the word
    ("UB", "UB", None),  # "8. Frage - Thema: UB Maßnahme wiederholen" names it, but is about something else
    ("WfbM?", "WfbM", "bagub-faq/7"),
    ("individuelle betriebliche Qualifizierung", "InbeQ", None),
])
def test_an_abbreviation_typed_alone_gets_its_meaning_and_the_passages_using_it(lotse, typed, term, first):
    from assistant.presenter import reply_text

    reply = lotse.ask(typed)
    assert reply.abstained and reply.defined == term and reply.message.startswith(f"Im Glossar: {term}")
    # nothing was asked that the documents fail to explain (probe h18: the sentence contradicted a "Definition" section)
    assert service.DEFINED_TEXT not in reply.message
    assert reply.suggestion_ids and all(lotse._uses_term(uid, lotse.definition(typed)) for uid in reply.suggestion_ids)
    if first:
        assert reply.suggestion_ids[0] == first
    text = reply_text(reply)
    assert "Der Begriff kommt zum Beispiel hier vor:" in text and "keine verlässliche Antwort" not in text


@pytest.mark.parametrize("typed, unit", [
    ("Jobcoaching", "bw-jobcoaching/2.1"),  # "2.1 Was ist Jobcoaching (Definition)"
    ("Kooperationsplan", "ba-integrationskonzept/3.4.2"),
    ("Übergangsgeld", "bagub-faq/17"),
    ("Stabilisierungsphase", None),
])
def test_a_term_typed_alone_is_answered_by_its_passage_after_its_meaning(lotse, typed, unit):
    reply = lotse.ask(typed)
    assert not reply.abstained and reply.message.startswith(f"Im Glossar: {typed} – ")
    assert lotse._uses_term(reply.answers[0].unit.id, lotse.definition(typed))
    if unit:
        assert reply.answers[0].unit.id == unit


def test_a_term_is_looked_up_before_a_long_form_that_spells_it():
    """„Berufsbegleitung“ had shown the entry of BB (long form: Berufsbegleitung), and „Stabilisierungsphase“ that of
    Stabi-Phase („… siehe dort“), though both have an entry of their own."""
    from assistant.service import Lotse

    lotse = Lotse()
    assert lotse.definition("Berufsbegleitung")["term"] == "Berufsbegleitung"
    assert lotse.definition("Was ist die Stabilisierungsphase?")["term"] == "Stabilisierungsphase"
    assert lotse.definition("Was heißt BB?")["term"] == "BB"


def test_a_question_with_a_term_is_still_answered_by_its_passage(lotse):
    reply = lotse.ask("Wie lange dauert das Jobcoaching in der Regel?")
    assert not reply.abstained and reply.answers[0].unit.doc_id == "bw-jobcoaching"


def test_the_onboarding_path_covers_basics_money_documentation_and_whom_to_ask(lotse):
    # QA 28 (a new colleague's view): the path lacked what UB is, the participants' money and rights, the
    # documentation, a step on whom to contact, and links to the calculators of each topic
    steps = {s.title: s for s in lotse.guide().onboarding}
    assert list(steps)[0] == "Was Unterstützte Beschäftigung ist und wer sie bekommt"
    assert list(steps)[-1] == "Wen fragen?"
    assert {"bagub-faq/17", "bagub-faq/25", "bagub-faq/12", "bagub-faq/21"} <= set(steps["Geld, Versicherung und Rechte der Teilnehmenden"].units)
    assert "bagub-faq/1" in steps["Dokumentation und Prüfung"].units
    assert "Familienkasse" in steps["Wen fragen?"].intro
    assert {"ba-integrationskonzept/3.2", "ba-integrationskonzept/3.3"} <= set(steps["Das Integrationskonzept der BA"].units)
    assert steps["Personal und Personalschlüssel"].calculators == ("personal", "personal-alt")
    assert steps["Planungsgespräch und Berufsbegleitung"].calculators == ("planungsgespraech", "integrationsamt")
    assert lotse.calculator_title("unterweisungsfrei") == "Unterweisungsfreie Tage" and lotse.calculator_title("x") == ""


def test_a_step_naming_a_calculator_that_does_not_exist_leaves_it_out_and_says_so():
    from assistant.guide import checked, parse_guide

    guide = parse_guide({"audiences": [], "onboarding": [
        {"title": "Personal", "units": ["a/1"], "calculators": ["personal", "personl"],
         "checks": [{"question": "Wie viel?", "unit": "a/1", "quote": "39 Stunden"}]}]})
    guide = checked(guide, lambda uid: "Es sind 39 Stunden." if uid == "a/1" else None, calculators={"personal"})
    assert guide.onboarding[0].calculators == ("personal",)
    assert [p for _, p in guide.errors] == ["Schritt 1: Den Rechner „personl“ gibt es nicht; er wird nicht gezeigt."]


@pytest.mark.parametrize("text, terms", [
    # a term as a word, also inflected and at the end of a hyphenated word; in the order the text uses them
    ("Der UB-Leistungserbringer zahlt Übergangsgeld.", ["UB", "Leistungserbringer", "Übergangsgeld"]),
    ("Die Kosten des Leistungserbringers trägt die BA.", ["Leistungserbringer", "BA"]),
    # an abbreviation only as written; a long form of several words in any case; an everyday long form not
    ("Das ba-Modell und die Teilnehmenden beim Arbeitgeber", []),
    ("In der individuellen betrieblichen Qualifizierung", ["InbeQ"]),  # each word of a long form may be inflected
    ("Anspruch auf unterweisungsfreie Zeiten, bei grober Fahrlässigkeit", ["unterweisungsfreie Zeiten", "grobe Fahrlässigkeit"]),
    ("Die individuelle betriebliche Qualifizierung dauert", ["InbeQ"]),
    # one entry per concept: the term itself before its abbreviation ("BB" means "Berufsbegleitung")
    ("Die Berufsbegleitung beginnt", ["Berufsbegleitung"]),
    ("Die BB beginnt nach der Berufsbegleitung", ["BB"]),
    ("Nichts davon", []),
])
def test_the_terms_an_answer_uses_are_found_in_the_glossary(lotse, text, terms):
    assert [e["term"] for e in lotse.terms_in(text)] == terms


def test_at_most_four_terms_are_explained(lotse):
    text = "UB, InbeQ, Berufsbegleitung, Jobcoaching, Personalschlüssel und Integrationsamt"
    assert [e["term"] for e in lotse.terms_in(text)] == ["UB", "InbeQ", "Berufsbegleitung", "Jobcoaching"]
