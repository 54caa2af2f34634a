"""Quantities: "wie lange / wie viele" questions and the passages that state a number with its measure."""
import pytest

from knowledge.ranking.quantities import (asks_euro, asks_quantity, holds_quantity, quantity_asked, states_euro, states_quantity,
                                          unstated)


@pytest.mark.parametrize("text, holds", [
    ("Das Jobcoaching wird im Umfang von 60 Fachleistungsstunden bewilligt.", True),
    ("für die Dauer von 3 bis 6 Monaten", True),
    ("1 Qualifizierungstrainer zu 5 Teilnehmern", True),
    ("eine Verlängerung bis zur Dauer von weiteren 12 Monaten", True),
    ("spätestens eine Woche vor dem Planungsgespräch", True),
    # how often, without a number and its measure: the answer to "wie oft"
    ("Die Vereinbarungspartner treffen sich einmal jährlich.", True),
    ("Die Übersicht wird monatlich versandt.", True),
    # a duration said as an adjective (probe 6: "wie lange dauert so eine ub" against the "zweijährigen" InbeQ)
    ("im Rahmen der grds. zweijährigen Qualifizierungsmaßnahme", True),
    ("nach einer 6-monatigen Erprobung", True),
    # "einzelnen" begins with "ein" but is no number
    ("Der Jobcoach dokumentiert die einzelnen Fachleistungsstunden als Einsatznachweis.", False),
    ("nach § 55 Abs. 2 SGB IX", False),
    ("Das Eingangsverfahren kann auch außerhalb einer anerkannten WfbM durchgeführt werden.", False),
])
def test_a_passage_holds_a_quantity_when_it_states_a_number_with_its_measure(text, holds):
    assert holds_quantity(text) is holds


@pytest.mark.parametrize("question, asks", [
    ("wie lange dauert das eingangsverfahren in der werkstatt", True),
    ("Wie viele Fachleistungsstunden umfasst ein Jobcoaching?", True),
    ("wieviel urlaub hat mein sohn", True),
    ("Wie oft muss der Kooperationsplan überprüft werden?", True),
    ("Wer zahlt die Fahrtkosten?", False),
    ("Ist mein Kind sozialversichert?", False),
])
def test_a_question_asks_for_a_quantity(question, asks):
    assert asks_quantity(question) is asks


@pytest.mark.parametrize("question, asked", [
    ("Wie oft muss der Kooperationsplan überprüft werden?", "number"),
    ("wieviele urlaubstage hat mein sohn", "number"),
    ("Wie hoch ist der Personalschlüssel?", "amount"),  # wie hoch: an amount or a rate
    ("wie viel ausbildungsgeld bekommt meine tochter", "amount"),  # a quantity of money
    ("Wer zahlt die Fahrtkosten?", ""),
    # when (for the highlight only): a point in time, or the day of the week
    ("Bis wann muss das Integrationsamt informiert werden?", "time"),
    ("wann kriegt der betreuer vom jobcenter die unterlagen", "time"),
    ("An welchen Wochentagen werden freie Plätze gemeldet?", "weekday"),
    ("wann darf mein kind am projekttag weniger stunden machen", ""),  # a condition, not a time
    ("Welche Monatspauschale bekommt der IFD für die Berufsbegleitung?", "amount"),  # a sum asked with "welche" (QA 20)
    ("Welche Vergütungsvereinbarung gilt?", ""),
])
def test_what_quantity_a_question_asks_for(question, asked):
    assert quantity_asked(question) == asked


@pytest.mark.parametrize("sentence, asked, states", [
    ("Es besteht ein Anspruch von 2,5 unterweisungsfreien Arbeitstagen für jeden vollen Kalendermonat.", "number", True),
    ("soll spätestens nach Ablauf von sechs Monaten aktualisiert werden", "number", True),
    ("Sie erhalten eine Stelle im Betrieb.", "number", False),  # "eine Stelle" names a thing, not an amount
    ("sofern die Anwartschaftszeit von 12 Monaten erfüllt ist", "amount", False),  # months are no amount of money
    ("Der Zuschuss beträgt 250 Euro im Monat.", "amount", True),
    ("eine monatliche Vergütungspauschale in Höhe von 480,- Euro", "amount", True),  # QA 20
    ("Die Partner treffen sich einmal jährlich.", "number", True),
    ("Die Partner treffen sich einmal jährlich.", "amount", False),
    ("Unmittelbar nach Zuschlag werden die Unterlagen der MB zur Verfügung gestellt.", "time", True),
    ("Die Unterlagen zur betreuten MAbE werden zur Kenntnis genommen.", "time", False),
    ("Wöchentlich dienstags wird eine Übersicht versandt.", "weekday", True),
    ("Drei Wochen vor Beginn wird geprüft, wie viele zugewiesen wurden.", "weekday", False),
])
def test_a_sentence_states_the_quantity_asked(sentence, asked, states):
    assert states_quantity(sentence, asked) is states


@pytest.mark.parametrize("question, unit_id, starts", [
    # the unit's first sentences name the plan too; the one that says how often is shown first
    ("Wie oft muss der Kooperationsplan überprüft werden?", "ba-integrationskonzept/3.4.2",
     "Der Kooperationsplan wird in Textform erstellt und soll spätestens nach Ablauf von sechs Monaten"),
    ("Wie viele Urlaubstage hat ein Teilnehmer in der InbeQ?", "bagub-faq/12", "Es besteht ein Anspruch von 2,5 unterweisungsfreien Arbeitstagen"),
    ("Welche Monatspauschale bekommt der IFD für Berufsbegleitung nach der GE IFD?", "bagub-faq/33",
     "Für die Berufsbegleitung haben sich die Vertragspartner auf eine monatliche Vergütungspauschale in Höhe von 480,- Euro"),
    # the FAQ states no amount of Ausbildungsgeld: the best sentence stays, not one with "12 Monate"
    ("Wie viel Ausbildungsgeld bekommt mein Sohn?", "bagub-faq/17", "Sofern die Voraussetzungen auf Übergangsgeld nicht erfüllt sind"),
])
def test_a_quantity_questions_highlight_starts_with_the_sentence_that_states_it(lotse, question, unit_id, starts):
    answer = lotse.ask(question).answers[0]
    assert answer.unit.id == unit_id
    assert answer.highlight.startswith(starts)


def test_a_number_the_question_tells_does_not_choose_the_highlight(lotse):
    """"… wenn ein TN zehn Wochen krank ist?" asks nothing of ten weeks: the sentence repeating "(10 Wochen)" had been shown
    instead of the one that answers (QA 20); a number the question tells counts TOLD_NUMBER_WEIGHT in choosing it."""
    answer = lotse.ask("Verlängert sich die InbeQ automatisch, wenn ein TN zehn Wochen krank ist?").answers[0]
    assert answer.unit.id == "bagub-faq/11"
    assert answer.highlight.startswith("Allein die Tatsache einer längeren Erkrankung eröffnet nicht die Möglichkeit einer Verlängerung.")


@pytest.mark.parametrize("question, ends, not_in", [
    # no sum stated: the sentence after the best one says what it depends on, and comes along (QA 3)
    ("Wie hoch ist das Ausbildungsgeld?", "abhängig von der jeweiligen Bedarfssituation (Lebensalter, Unterbringung).", ""),
    # that sentence is the Ausbildungsgeld's: the Übergangsgeld's highlight, best sentence first, stops before it
    ("Wie hoch ist das Übergangsgeld?", "Anspruch auf Ausbildungsgeld.", "§ 124"),
])
def test_an_amount_questions_highlight_takes_along_what_the_sum_depends_on(lotse, question, ends, not_in):
    answer = lotse.ask(question).answers[0]
    assert answer.unit.id == "bagub-faq/17"
    assert answer.highlight.endswith(ends)
    assert not not_in or not_in not in answer.highlight


@pytest.mark.parametrize("sentence, rule", [
    ("Die konkrete Höhe richtet sich nach § 124 SGB III.", True),
    ("Der Betrag bemisst sich nach dem Bedarf.", True),
    ("Sie haben einen Anspruch auf eine Vergütung in Höhe des Mindestlohns.", False),  # states the sum
])
def test_a_sentence_says_what_a_sum_depends_on(sentence, rule):
    from knowledge.ranking.quantities import states_amount_rule

    assert states_amount_rule(sentence) is rule


@pytest.mark.parametrize("question, asks", [
    ("wie viel euro uebergangsgeld kriegt man im monat", True),
    ("Welchen Preis zahlt die Agentur pro Platz?", True),
    ("Wie hoch ist der Stundensatz für das Jobcoaching?", True),
    ("Welchen Stundensatz pro Fachleistungsstunde bekommen wir vergütet?", True),  # QA 8
    ("wie viel geld kriegt der jobcoach pro stunde", True),  # QA 9
    ("wie viel geld kriegt mein sohn in der inbeq", False),  # which benefit: the passages say
    ("ausbildungsgeld betrag in euro", True),
    ("kostensatz euro pro fachleistungsstunde", True),
    # a price asked outright (QA 4)
    ("Was kostet eine Fachleistungsstunde Jobcoaching in Baden-Württemberg?", True),
    ("wie teuer ist das deutschlandticket", True),
    ("Was verdient ein Jobcoach in Baden-Württemberg?", True),
    ("Welche Weiterbildung zum Jobcoach ist anerkannt und was kostet sie?", True),  # QA 12: the course's price
    # whether the asker pays is no price asked
    ("was kostet uns das", False),
    ("Mein Sohn macht die InbeQ, was kostet es uns?", False),
    ("was kostet die ub für uns eltern", False),
    ("kostet der jobcoach etwas", False),
    ("wer legt fest was eine stunde jobcoach kostet", False),
    # how a sum is set, or a sum told in the question, is no sum asked
    ("Wonach richtet sich die Höhe des Ausbildungsgeldes?", False),
    ("Wer prüft die Preise der Träger bei der Ausschreibung?", False),
    ("Welche Preise prüft das REZ bei Preisdumping?", False),
    ("Der Betrieb zahlt ihr 150 Euro im Monat, wird das angerechnet?", False),
])
def test_a_question_asks_for_a_sum_in_euro_or_a_price(question, asks):
    assert asks_euro(question) is asks


@pytest.mark.parametrize("text, states", [
    ("Die Pauschale beträgt 480,- € im Monat.", True),
    ("Er bekommt 200 Euro.", True),
    ("bis zu 12 Monate", False),
    ("68 Prozent des Nettoentgelts", False),
])
def test_a_passage_states_a_sum_in_euro(text, states):
    assert states_euro(text) is states


@pytest.mark.parametrize("question, text, missing", [
    # contact details asked for themselves, and the passage states none
    ("Wie lautet die Telefonnummer vom Integrationsamt in Rostock?", "Das Integrationsamt ist zuständig.", "phone"),
    ("integrationsfachdienst karlsruhe telefonnummer", "Der IFD berät.", "phone"),
    ("vordrucknummer antrag berufsbegleitung", "Die Agentur meldet an.", "form"),
    ("Welche E-Mail-Adresse hat die Regionaldirektion?", "Die Regionaldirektion vertritt die Agenturen.", "email"),
    ("welche email adresse hat das integrationsamt in schwerin", "Das Integrationsamt berät.", "email"),  # typed apart (QA 12)
    ("Wird die Einladung per E-Mail verschickt?", "Die Einladung erfolgt per elektronischer Post.", ""),  # not asked for
    ("Unter welcher Anschrift sitzt die Zentrale?", "Zentrale der Bundesagentur für Arbeit", "address"),
    # stated: the Impressum's address, the BA's own, not the Integrationsamt's
    ("Unter welcher Anschrift sitzt die Zentrale?", "Regensburger Str. 104, 90478 Nürnberg", ""),
    ("Welche Anschrift hat die Bundesagentur für Arbeit?", "Zentrale der Bundesagentur für Arbeit, Regensburger Str. 104, 90478 Nürnberg", ""),
    ("Wo finde ich die Anschrift des Integrationsamts?", "Zentrale der Bundesagentur für Arbeit, Regensburger Str. 104, 90478 Nürnberg",
     "address"),
    # about a number or an address, not asking for one
    ("In der Kontaktliste steht eine veraltete Telefonnummer – wer muss sie korrigieren?", "Änderungen teilen die Partner mit.", ""),
    ("Darf die Agentur unsere Adresse an den Träger weitergeben?", "Der Schutz der Sozialdaten ist zu gewährleisten.", ""),
    ("Reicht für die Anlagen die allgemeine Adresse des Integrationsamts oder eine bestimmte Person?", "… dem zuständigen Mitarbeiter …", ""),
    # a person's name (QA 6): the documents name roles, not people
    ("wie heisst die ansprechpartnerin beim integrationsamt in schwerin", "Das Integrationsamt ist zuständig.", "person"),
    ("Name des zuständigen Sachbearbeiters bei der Agentur?", "Die Agentur für Arbeit entscheidet.", "person"),
    ("Wie heißt die Person, die in der InbeQ anleitet?", "Der Qualifizierungstrainer leitet an.", ""),  # a role's name
    ("Wer ist Ansprechpartner für den Träger?", "Die MB ist Ansprechpartner/in für den Träger.", ""),  # a role asked
    ("wie heisst mein ansprechpartner beim ifd", "Ihr Ansprechpartner ist Herr Müller.", ""),  # stated
    # a name asked outright (QA 21: the signatories of an agreement had been given as the contact)
    ("wer ist bei der arbeitsagentur in rostock der ansprechpartner, ich brauche einen namen", "Rostock, 21.04.2011 Christel Weber",
     "person"),
    # the date of the next event, opening hours (QA 6)
    ("wann ist der naechste infoabend zur ub beim arbeitsamt", "Der Auftragnehmer macht Öffentlichkeitsarbeit.", "date"),
    ("An welchem Datum ist der nächste Ausschreibungstermin?", "Die Agentur meldet den Bedarf jährlich.", "date"),
    ("Öffnungszeiten der Agentur in Rostock?", "Die Agentur berät.", "date"),
    ("Wann ist der nächste Infoabend?", "Infoabend am 12. März um 18 Uhr.", ""),  # stated
    ("Wann ist das nächste Gespräch zur Überprüfung?", "Die Vereinbarung ist nach sechs Monaten zu überprüfen.", ""),
    # a provider near the asker (QA 12, QA 13): the documents name roles, no providers
    ("Welcher Leistungserbringer macht die Berufsbegleitung in Rostock?", "Der Leistungserbringer der Berufsbegleitung informiert.",
     "provider"),
    ("gibt es in leipzig einen anbieter fuer ub", "Die Agentur für Arbeit beauftragt Träger.", "provider"),
    ("welche träger gibt es für die inbeq in meiner nähe", "Die Agentur für Arbeit beauftragt Träger.", "provider"),
    ("Welcher Leistungserbringer ist für die Berufsbegleitung zuständig?", "Der Leistungserbringer der Berufsbegleitung …", ""),
    ("welcher träger zahlt das jobcoaching in baden-württemberg", "Der Träger der Eingliederungshilfe trägt die Kosten.", ""),
    # one insurer, provider or firm recommended over others (QA 12)
    ("welche krankenkasse ist für inbeq teilnehmer am besten", "Die Teilnehmer sind krankenversichert.", "recommendation"),
    ("Welcher Träger für die InbeQ ist der beste?", "Die Agentur beauftragt Träger.", "recommendation"),
    ("welche firma empfehlt ihr fuer ein praktikum", "Ein Praktikum wird vergütet.", "recommendation"),
    ("Welche Krankenkasse ist für Teilnehmer der InbeQ zuständig?", "Die Teilnehmer sind krankenversichert.", ""),
    ("Welche Unterlagen empfiehlt die BA für das Erstgespräch?", "Die Checkliste Erstgespräch hilft.", ""),
    # a sum in euro
    ("wie viel euro uebergangsgeld gibt es", "Es richtet sich nach dem früheren Entgelt.", "euro"),
    # the staff's pay (QA 21): billing is no salary
    ("jobcoach gehalt", "Die Abrechnung und Vergütung erfolgt auf Basis der Vergütungsvereinbarung.", "euro"),
    ("Eingruppierung Qualifizierungstrainer TVöD?", "Der Personalschlüssel beträgt 1 zu 5.", "euro"),
    ("kriegt mein sohn gehalt in der inbeq", "Es besteht kein Arbeitsverhältnis.", ""),  # a participant's pay: the passage says
    ("Wie hoch ist das Übergangsgeld?", "Es richtet sich nach dem früheren Entgelt.", ""),
])
def test_what_a_question_asks_for_itself_and_the_passage_does_not_state(question, text, missing):
    assert unstated(question, text) == missing


def test_a_when_questions_highlight_starts_with_the_sentence_that_says_when():
    from knowledge.retrieval.sentences import Highlight, split_sentences

    text = ("Die Unterlagen zur betreuten MAbE werden von der MB zur Kenntnis genommen. "
            "Unmittelbar nach Zuschlag werden die Unterlagen der MB zur Verfügung gestellt.")
    spans = split_sentences(text)
    asked = quantity_asked("wann kriegt der betreuer vom jobcenter die unterlagen")
    assert Highlight(text, 1.0, spans, [1.0, 0.6], 0, asked).text.startswith("Unmittelbar nach Zuschlag")
    # a sentence stating a time that holds too little of the question is passed over
    assert Highlight(text, 1.0, spans, [1.0, 0.3], 0, asked).text.startswith("Die Unterlagen zur betreuten MAbE")
