"""The presenter: one German wording for the CLI, the answer cards and the clipboard (issue 9, items 2 and 8)."""
import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, strategies as st

from assistant import presenter
from assistant.calculators.base import quantity
from assistant.cli import render_reply

from .conftest import TODAY

URLAUB = "Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"
ABSTAINS = "Wie hoch ist die Ausgleichsabgabe pro Monat?"
D = dt.date


@pytest.mark.parametrize("valid_from, valid_until, expected", [
    (None, None, "Das Dokument nennt kein Ablaufdatum; Stand 03/2020"),
    (D(2015, 11, 30), None, "In Kraft seit 30.11.2015; das Dokument nennt kein Ablaufdatum"),
    (D(2011, 4, 15), D(2014, 4, 14), "Außer Kraft seit 15.04.2014; galt bis 14.04.2014"),
    (D(2020, 1, 1), D(2030, 12, 31), "In Kraft vom 01.01.2020 bis 31.12.2030"),
    (D(2027, 1, 1), None, "Noch nicht in Kraft; gilt ab 01.01.2027"),
])
def test_validity_in_plain_language(lotse, valid_from, valid_until, expected):
    doc = dataclasses.replace(lotse.document("bagub-faq"), valid_from=valid_from, valid_until=valid_until)
    assert presenter.validity(doc, TODAY) == expected


def test_answers_from_a_document_out_of_force_have_no_nested_brackets(lotse):
    reply = lotse.ask("Mit welcher Frist kann die Kooperationsvereinbarung gekündigt werden?")
    answer = reply.answers[0]
    assert answer.document.id == "mv-koop" and not answer.in_force
    texts = [render_reply(reply, lotse), presenter.reply_markdown(reply), presenter.reply_plain(reply)]
    for text in texts:
        assert "Außer Kraft seit 15.04.2014; galt bis 14.04.2014" in text
        assert "seit 15.04.2014 nicht mehr in Kraft" in text
        assert not re.search(r"\([^)]*\(", text), "nested brackets"


@pytest.mark.parametrize("value, one, many, expected", [
    (1, "Termin", "Termine", "1 Termin"),
    (2, "Termin", "Termine", "2 Termine"),
    (1.0, "Vollzeitstelle", "Vollzeitstellen", "1 Vollzeitstelle"),
    (0.5, "Vollzeitstelle", "Vollzeitstellen", "0,5 Vollzeitstellen"),
    (1.6, "Vollzeitstelle", "Vollzeitstellen", "1,6 Vollzeitstellen"),
])
def test_numbers_with_the_right_noun_form(value, one, many, expected):
    assert quantity(value, one, many) == expected


def test_one_separator_for_document_and_section_paths(lotse):
    reply = lotse.ask("Wie viele Wochenstunden Personal brauche ich bei 8 Teilnehmenden im 6. Monat?")
    labels = [lotse.source_label(r) for r in reply.calculation.rules]
    for text in (render_reply(reply, lotse), presenter.reply_markdown(reply, labels), presenter.reply_plain(reply, labels)):
        assert " > " not in text and "›" in text


def test_cli_card_and_clipboard_say_the_same(lotse):
    reply = lotse.ask(URLAUB)
    a = reply.answers[0]
    cli, card, plain = render_reply(reply, lotse), presenter.reply_markdown(reply), presenter.reply_plain(reply)
    assert cli.startswith(f"Kurz: {a.highlight}")
    assert f"**Kurz:** {a.highlight}" in card and f"Kurz: {a.highlight}" in plain
    for text in (cli, card, plain):
        assert "Das Dokument nennt kein Ablaufdatum; Stand 03/2020" in text
        assert "2,5 unterweisungsfreien Arbeitstagen" in text
    # card order: Kurz, then source, date and validity, then the passage
    assert card.index("**Kurz:**") < card.index("**Quelle:**") < card.index("Gültigkeit") < card.index("Sind Teilnehmende")


@pytest.mark.parametrize("question", [
    "Wie viel Personal brauche ich bei 8 Teilnehmern im 6. Monat?",  # assumptions: 62,4 h only a lower bound
    "Wann muss das Planungsgespräch stattfinden, wenn die InbeQ am 20.12.2026 endet?",  # notes on the dates
    "Wurlaub inbeq",  # a message above the answer ("Gesucht mit: …")
    "Mit welcher Frist kann die Kooperationsvereinbarung gekündigt werden?",  # out of force
    ABSTAINS,
])
def test_clipboard_says_everything_the_card_says_in_the_cards_order(lotse, question):
    reply = lotse.ask(question)
    labels = [lotse.source_label(r) for r in reply.calculation.rules] if reply.calculation else []
    v, copied = presenter.present(reply, labels), presenter.reply_plain(reply, labels)
    said = [f"Frage: {question}"]  # what the card says, in its order
    c = v.calculation
    if c:
        said += [c.title, c.result, *c.steps, *[f"Annahme: {s}" for s in c.assumptions], *[f"Hinweis: {n}" for n in c.notes], *c.sources]
        # the calculation reads as in the CLI
        block = "\n".join(presenter.calculation_text(c)).strip()
        assert block in copied and block in presenter.reply_text(reply, labels)
    said += v.messages
    if v.abstained:
        said += ["So kommen Sie weiter:", *v.next_steps, *[s.label for s in v.suggestions]]
    if v.answer:
        a = v.answer
        said += [f"Kurz: {a.short}", a.section, a.meta, f"Gültigkeit: {a.validity}", *a.notes,
                 presenter.plain(a.passage).strip().splitlines()[0], *a.similar[:presenter.SIMILAR_ON_CARD]]
    position = 0
    for text in said:
        assert text in copied[position:], text
        position = copied.index(text, position) + len(text)
    if reply.calculation and reply.calculation.name == "personal":
        assert "Annahme: Keine Mindestteilnehmerplatzzahl angegeben" in copied and "Das Ergebnis ist deshalb eine Untergrenze" in copied


def test_passage_keeps_its_line_breaks_and_marks_the_answer():
    text = ("ab dem 13. Monat der Maßnahme bis zum Maßnahmeende\n"
            "Ab diesem Zeitpunkt beträgt der Mindestpersonaleinsatz 19,5 Zeitstunden wöchentlich.\n\n"
            "| A | B |\n|---|---|\n| 1 | 2 |")
    md = presenter.passage_markdown(text, "Ab diesem Zeitpunkt beträgt der Mindestpersonaleinsatz 19,5 Zeitstunden wöchentlich.")
    assert "Maßnahmeende  \n**Ab diesem Zeitpunkt" in md  # a hard break, not "…Maßnahmeende Ab diesem Zeitpunkt"
    assert "wöchentlich.**" in md and "| A | B |\n|---|---|" in md


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="*"), max_size=200))
def test_passage_markdown_only_adds_breaks_and_bold(text):
    first = next(iter(re.findall(r"[^\n]{5,}", text)), "")
    md = presenter.passage_markdown(text, first)
    assert md.replace("**", "").split() == text.split()  # the words are untouched


@pytest.mark.parametrize("question, shortened", [
    ("Urlaub?", False),
    ("Wie " + "sehr " * 60 + "lange Frage?", True),
])
def test_long_questions_are_echoed_shortened(question, shortened):
    out = presenter.echo(question)
    assert (out != question) == shortened
    assert len(out) <= presenter.ECHO_LIMIT + 20
    if shortened:
        assert out.endswith(f"… ({len(question)} Zeichen)")


def test_a_long_question_is_echoed_with_its_own_commas():
    # QA 45: the thousands separator's replace had turned every comma of the question into a full stop
    question = ("Hallo, ich bin neu, meine Teilnehmerin, die seit drei Monaten in der InbeQ ist, fragt, " * 30).strip()
    out = presenter.echo(question)
    assert out.startswith("Hallo, ich bin neu, meine Teilnehmerin, die seit drei Monaten")
    assert out.endswith(f"… ({len(question) // 1000}.{len(question) % 1000:03d} Zeichen)")


def test_typo_corrections_in_normal_spelling(lotse):
    reply = lotse.ask("Wer zahlt das übergansgeld?")
    assert reply.corrections == {"übergansgeld": "Übergangsgeld"}
    assert "„übergansgeld“ → „Übergangsgeld“" in reply.message
    # the correction line spells the word as the documents do (authored parent questions further down may not)
    line = next(x for x in render_reply(reply, lotse).splitlines() if x.startswith("Gesucht mit"))
    assert "Übergangsgeld" in line and "uebergangsgeld" not in line


def test_no_answer_says_what_to_do_next(lotse):
    reply = lotse.ask(ABSTAINS)
    assert reply.abstained and reply.suggestion_ids and len(reply.suggestion_ids) == len(reply.suggestions)
    assert [lotse.unit(i).title for i in reply.suggestion_ids] == reply.suggestions
    for text in (render_reply(reply, lotse), presenter.reply_markdown(reply)):
        assert "So kommen Sie weiter" in text and "Formulieren Sie die Frage anders" in text
        assert "Reha-Beratung der Agentur für Arbeit" in text and "in der Berufsbegleitung, nach der Einstellung, das Integrationsamt (Inklusionsamt) oder der Integrationsfachdienst" in text
    view = presenter.present(reply)
    assert [s.unit_id for s in view.suggestions] == reply.suggestion_ids


def test_related_units_from_documents_out_of_force_are_marked(lotse):
    view = presenter.present(lotse.ask("Wer lädt zum Planungsgespräch ein?"))
    marked = [r.label for r in view.related if "Kooperationsvereinbarung M-V" in r.label]
    assert marked and all(label.startswith("⚠ außer Kraft: ") for label in marked)
    assert not any("⚠" in r.label for r in view.related if "M-V" not in r.label)
    assert presenter.force_marker(False) == "⚠ außer Kraft" and presenter.force_marker(True) == ""


def test_suggestions_name_their_document_and_mark_one_out_of_force(lotse):
    assert lotse.unit_label("mv-koop/p12") == "⚠ außer Kraft: § 12 Revisionsklausel (Kooperationsvereinbarung M-V)"
    assert lotse.unit_label("bagub-faq/12") == "12. Frage - Thema: Urlaubsanspruch (BAG UB Fragen & Antworten)"
    assert lotse.unit_label("ba-integrationskonzept/2") == "2. Anwendungsbereich – BA-Integrationskonzept (4-Phasen-Modell)"
    for question in (ABSTAINS, "Wie viel kostet ein Parkplatz beim Planungsgespräch in Schwerin?"):
        reply = lotse.ask(question)
        assert reply.abstained and reply.suggestion_labels == [lotse.unit_label(i) for i in reply.suggestion_ids]
        view, cli = presenter.present(reply), render_reply(reply, lotse)
        assert [s.label for s in view.suggestions] == reply.suggestion_labels
        assert all(f"  - {label}" in cli for label in reply.suggestion_labels)
        # the card shows "Meinten Sie" below the steps, the CLI above: the hint names no direction
        assert "Wählen Sie unter „Meinten Sie“" in cli and " oben " not in cli


@pytest.mark.parametrize("question, topic, contact", [
    ("wie beantrage ich pflegegeld fuer meinen sohn", "Pflegeleistungen", "die Pflegekasse (bei der Krankenkasse)"),
    ("Wie hoch ist das Werkstattentgelt in Mecklenburg?", "Lohn in der Werkstatt", "die Werkstatt (ihr Sozialdienst)"),
    ("bürgergeld beantragen wie geht das", "Bürgergeld allgemein", "das Jobcenter"),
    # benefits next to the measure that parents ask about (the Ausbildungsgeld passage had answered Elterngeld)
    ("elterngeld wenn meine tochter waehrend der inbeq ein baby kriegt", "Elterngeld und Elternzeit", "die Elterngeldstelle"),
    ("kann mein sohn statt der inbeq ein fsj machen", "Freiwilligendienste", "die Träger der Freiwilligendienste"),
])
def test_a_declined_adjacent_topic_names_whom_to_ask_and_offers_no_unrelated_passages(lotse, question, topic, contact):
    # probe 5: the Reha-Beratung had been named for Pflegegeld too, and "Meinten Sie" offered passages sharing a word
    reply = lotse.ask(question)
    assert reply.abstained and reply.suggestions == [] and f"Zum Thema „{topic}“ enthalten die Dokumente keine Aussage" in reply.message
    steps = presenter.next_steps(reply)
    assert len(steps) == 1 and steps[0].startswith(f"Auskunft zum Thema „{topic}“: {contact}")
    assert presenter.WHOM_TO_ASK not in render_reply(reply, lotse) and steps[0] in render_reply(reply, lotse)
    assert reply.to_json(lotse)["contacts"] == steps


def test_terminal_and_clipboard_show_no_markdown_stars(lotse):
    reply = lotse.reply_for_unit("jc-aa-103/massnahmebetreuung-aufgaben-und-zuordnung")
    assert "**Qualitative Aspekte:**" in reply.answers[0].unit.text
    for text in (render_reply(reply, lotse), presenter.reply_plain(reply)):
        assert "(1) Qualitative Aspekte: Die Sicherstellung" in text and "**" not in text
    assert "**Qualitative Aspekte:**" in presenter.reply_markdown(reply)  # the card sets it in bold
    assert presenter.plain("a **b** c **d\\ne** f * g") == "a b c d\\ne f * g"


def test_a_short_title_with_brackets_is_not_put_in_brackets_again(lotse):
    """The BA-Integrationskonzept's short title is "BA-Integrationskonzept (4-Phasen-Modell)": a
    further hit from it names its document after a dash, not in brackets around it (others in brackets)."""
    reply = lotse.ask(URLAUB)
    others = [lotse.reply_for_unit(u).answers[0] for u in ("ba-integrationskonzept/3.4.2", "mv-koop/p10")]
    text = render_reply(dataclasses.replace(reply, answers=reply.answers[:1] + others), lotse)
    assert "  2. 3.4.2 Kooperationsplan SGB II – BA-Integrationskonzept (4-Phasen-Modell) – " in text
    assert "  3. § 10 " in text and " (Kooperationsvereinbarung M-V) – Außer Kraft seit 15.04.2014" in text
    assert not re.search(r"\([^)]*\(", text), "nested brackets"


def test_further_hits_leave_out_what_the_ranking_thinks_cannot_answer():
    from types import SimpleNamespace as NS

    from assistant.presenter import FURTHER_HIT_MIN_PROBABILITY, further_hits

    answers = [NS(name=n, confidence=c) for n, c in (("best", 0.9), ("second", 0.4), ("zero", 0.0), ("tiny", 0.004), ("fourth", 0.2))]
    assert [a.name for a in further_hits(answers)] == ["second"]  # the 2nd to 4th, likely enough
    assert [a.name for a in further_hits(answers, limit=6)] == ["second", "fourth"]
    assert FURTHER_HIT_MIN_PROBABILITY == 0.01


def test_a_question_whose_other_hits_the_ranking_rules_out_lists_none(lotse):
    reply = lotse.ask("Mit welcher Frist kann die Kooperationsvereinbarung gekündigt werden?")
    assert reply.answers[0].unit.id == "mv-koop/p10" and all(a.confidence < 0.01 for a in reply.answers[1:3])
    text = render_reply(reply, lotse)
    assert "Antwort aus:" in text and "Weitere Treffer" not in text
    assert presenter.present(reply).related == []


@pytest.mark.parametrize("highlight, short", [
    ("(5) Der Teilnehmerkreis setzt sich wie folgt zusammen:", "Der Teilnehmerkreis setzt sich wie folgt zusammen:"),
    ("8 – Eine Dokumentationsverpflichtung des Besuchs ergibt sich aus Transparenzgründen.",
     "Eine Dokumentationsverpflichtung des Besuchs ergibt sich aus Transparenzgründen."),
    ("Antwort (BA 12/2014): Die Kosten trägt die Agentur.", "Die Kosten trägt die Agentur."),
    ("Antwort BA (09/2011): Beim Personalschlüssel wird auf den Personalansatz abgestellt.",
     "Beim Personalschlüssel wird auf den Personalansatz abgestellt."),
    ("Sie ersetzen⁶ die Potenzialanalyse. **Wichtig** bleibt", "Sie ersetzen die Potenzialanalyse. Wichtig bleibt"),
    ("2,5 Tage je Monat (§ 5 Abs. 1) gelten.", "2,5 Tage je Monat (§ 5 Abs. 1) gelten."),  # numbers inside stay
    # a quotation going on past the sentences shown is marked as going on, not left open (QA 28), and one begun before them
    ("Auszug aus B 2.7.2. „Den Teilnehmern werden unterweisungsfreie Zeiten eingeräumt.",
     "Auszug aus B 2.7.2. „Den Teilnehmern werden unterweisungsfreie Zeiten eingeräumt. …“"),
    ("Dabei beginnt das „Urlaubsjahr“ mit dem 1. Tag des Folgemonats.“", "„… Dabei beginnt das „Urlaubsjahr“ mit dem 1. Tag des Folgemonats.“"),
    ("Das „Urlaubsjahr“ beginnt.", "Das „Urlaubsjahr“ beginnt."),
])
def test_the_kurz_line_leaves_out_numbering_labels_and_footnote_marks(highlight, short):
    assert presenter.short_text(highlight) == short


def test_a_declined_question_naming_a_topic_a_passage_mentions_still_names_whom_to_ask(lotse):
    """„Rente“ stands in passages (Anlage 1 lists it among the exceptions; Frage 10 names the Rentenversicherung), so
    the topic counts as named there and is not refused as such; declined, the reply had named the Reha-Beratung,
    which does not decide on a pension."""
    reply = lotse.ask("kriegt meine tochter rente")
    assert reply.abstained
    steps = presenter.next_steps(reply)
    assert steps[0] == "Auskunft zum Thema „Rente und Erwerbsminderung“: die Deutsche Rentenversicherung (Beratung und Auskunftsstellen)."
    assert reply.to_json(lotse)["contacts"] == [steps[0]]
    # answered, a question names no contact: the passage answers it
    answered = lotse.ask("Zahlt die BA in der InbeQ Beiträge zur Rentenversicherung?")
    assert not answered.abstained and answered.answers[0].unit.id == "bagub-faq/25" and answered.contacts == []


@pytest.mark.parametrize("unit_id, title", [
    ("bw-jobcoaching/1.2", "1. Gegenstand der Grundsätze › 1.2"),  # a bare number says nothing in a list (QA 3)
    ("bw-jobcoaching/praeambel", "Präambel"),
    ("bw-jobcoaching/2.4", "2.4 Qualifikation von Jobcoaches"),
])
def test_a_unit_is_listed_by_a_title_that_says_something(lotse, unit_id, title):
    from assistant import presenter

    assert presenter.display_title(lotse.unit(unit_id)) == title
    assert lotse.unit_label(unit_id).startswith(title)


@pytest.mark.parametrize("quote, shown", [
    ("einem Umfang von wöchentlich 39 Zeitstunden", "„…einem Umfang von wöchentlich 39 Zeitstunden…“"),
    ("Es besteht ein Anspruch von 2,5 Tagen.", "„Es besteht ein Anspruch von 2,5 Tagen.“"),  # a whole sentence: nothing left out
    ("Es besteht ein Anspruch", "„Es besteht ein Anspruch…“"),
    ("Leistungs- und Verhaltungsbeurteilung (LuV)", "„…Leistungs- und Verhaltungsbeurteilung (LuV)…“"),  # a noun within a sentence
])
def test_a_self_check_answer_marks_only_what_it_leaves_out(quote, shown):
    # QA 29: an answer quoting a whole sentence had ended in ".…"
    text = "Vorweg. Es besteht ein Anspruch von 2,5 Tagen. Der Wert entspricht einem Umfang von wöchentlich 39 Zeitstunden. " \
           "Dafür steht die Leistungs- und Verhaltungsbeurteilung (LuV) bereit."
    assert presenter.quoted_excerpt(quote, text) == shown
