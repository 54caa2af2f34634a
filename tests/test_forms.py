"""Calculator forms: every form computes from raw text and reopens filled from its result."""
import datetime as dt

import pytest

from assistant.forms import FORMS, evaluate, prefill

TODAY = dt.date(2026, 11, 22)
RAW = {
    "personal": {"teilnehmende": "8", "monat": "6", "mindestplaetze": "7"},
    "personal-alt": {"lose": "8, 4"},
    "integrationsamt": {"beschaeftigungsbeginn": "01.09.2027"},
    "planungsgespraech": {},
    "kuendigung": {"kuendigung": "15.03.2027"},
    "kuendigung-zum": {"zum": "30.06.2027"},
    "stichtag": {},
    "unterweisungsfrei": {"monate": "7", "schwerbehindert": True},
    "inbeq-dauer": {"beginn": "01.03.2027", "unterbrechung_tage": "10"},
    "jobcoaching": {"beginn": "01.03.2027", "verbraucht": "12,5"},
    "absolventen": {"ende": "31.03.2027"},
    "ueberpruefung": {"datum": "01.03.2027", "art": "kooperationsplan"},
    "prognose": {"integration": "01.06.2027"},
    "besetzung": {"beginn": "01.03.2027", "modular": "nein"},
}


def test_every_form_has_a_case():
    assert set(RAW) == set(FORMS)


@pytest.mark.parametrize("name", sorted(RAW))
def test_prefill_reproduces_the_calculation(name):
    first = evaluate(name, RAW[name], TODAY)
    assert first.ok, first
    again = evaluate(name, prefill(first.calculation), TODAY)
    assert again.ok and again.calculation.result == first.calculation.result


def test_jobcoaching_without_a_start_reckons_the_hours_and_reopens_so():
    # QA 39: "60 std bewilligt, 48 verbraucht – wie viele bleiben?" had been declined, the start being required
    first = evaluate("jobcoaching", {"verbraucht": "48"}, TODAY)
    assert first.ok and first.calculation.result == ("Verbleibend 12 von 60 Fachleistungsstunden; mit Verlängerung (bis zu 30 "
                                                     "Stunden mehr): verbleibend 42 von 90 Fachleistungsstunden")
    again = evaluate("jobcoaching", prefill(first.calculation), TODAY)
    assert again.ok and again.calculation.result == first.calculation.result
    empty = evaluate("jobcoaching", {}, TODAY)
    assert not empty.ok and empty.errors["beginn"] == "Bitte den Beginn des Jobcoachings oder die bereits geleisteten Stunden angeben."


def test_days_off_without_months_give_the_leave_years_start_and_reopen_so():
    first = evaluate("unterweisungsfrei", {"eintritt": "15.03.2027"}, TODAY)
    assert first.ok and first.calculation.result == "Das „Urlaubsjahr“ beginnt am 01.04.2027"
    again = evaluate("unterweisungsfrei", prefill(first.calculation), TODAY)
    assert again.ok and again.calculation.result == first.calculation.result
    empty = evaluate("unterweisungsfrei", {}, TODAY)
    assert not empty.ok and empty.errors["monate"] == "Bitte die vollen Kalendermonate der Teilnahme oder den Eintritt angeben."


@pytest.mark.parametrize("value, expected", [("offen", None), ("ja", True), ("nein", False)])
def test_choices_carry_their_meaning_and_back(value, expected):
    c = evaluate("besetzung", {"beginn": "01.03.2027", "modular": value}, TODAY).calculation
    assert c.inputs["modular"] is expected
    assert prefill(c)["modular"] == value


def test_unknown_choice_is_refused_in_german():
    r = evaluate("besetzung", {"beginn": "01.03.2027", "modular": "vielleicht"}, TODAY)
    assert "Bitte eine der Möglichkeiten wählen" in r.errors["modular"]


def test_decimal_comma_is_no_second_lot():
    """'8,5' reads as eight and a half to a German user: refused, not computed as two lots of 8 and 5."""
    r = evaluate("personal", {"teilnehmende": "8,5", "monat": "6"}, TODAY)
    assert not r.ok
    assert r.errors["teilnehmende"] == ("„8,5“ ist keine ganze Zahl. Mehrere Lose bitte mit Semikolon oder mit Komma und "
                                        "Leerzeichen trennen, z. B. „8; 5“ oder „8, 5“.")
    for lots in ("8; 5", "8, 5"):
        c = evaluate("personal", {"teilnehmende": lots, "monat": "6"}, TODAY).calculation
        assert c.inputs["teilnehmende"] == [8, 5], lots


@pytest.mark.parametrize("raw, hours", [("12,5", 12.5), ("12.5", 12.5), ("1.000", 1000.0), ("1.000,5", 1000.5)])
def test_hours_read_german_thousands_and_decimal_commas(raw, hours):
    """'1.000' is a thousand hours to a German reader, not one."""
    c = evaluate("jobcoaching", {"beginn": "01.03.2027", "verbraucht": raw}, TODAY).calculation
    assert c.inputs["verbraucht"] == hours
