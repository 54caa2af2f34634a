"""Quantities: "wie lange / wie viele" questions and the passages that state a number with its measure."""
import pytest

from knowledge.ranking.quantities import asks_quantity, holds_quantity


@pytest.mark.parametrize("text, holds", [
    ("Das Jobcoaching wird im Umfang von 60 Fachleistungsstunden bewilligt.", True),
    ("für die Dauer von 3 bis 6 Monaten", True),
    ("1 Qualifizierungstrainer zu 5 Teilnehmern", True),
    ("eine Verlängerung bis zur Dauer von weiteren 12 Monaten", True),
    ("spätestens eine Woche vor dem Planungsgespräch", True),
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
