"""The staffing findings of the h17 audit (section A 1, 2, 3, 5, 10; section B 5, 9, 10).

Every figure is checked against the wording of the BAG UB collection; the passage that decides it is quoted in a
comment and, where the test relies on it, checked to stand in the corpus (`DOC`).
"""
import datetime as dt
import re
from pathlib import Path

import pytest

from assistant import calculators as calc

D = dt.date
TODAY = D(2026, 12, 2)
DOC = " ".join((Path(__file__).resolve().parents[1] / "corpus" / "bagub-fragen-antworten.md").read_text(encoding="utf-8").split())
SPREAD = "Unter 39 Wochenstunden ist zumindest eine breite Verteilung der Betreuungszeiten sicherzustellen."


def in_document(quote: str) -> bool:
    return " ".join(quote.split()) in DOC


# -------------------------------------------------------------- A10: the hint on spreading the hours
def test_the_spreading_hint_belongs_to_the_rules_from_month_13_only():
    """B. Ausgangssituation, under „ab dem 13. Monat der Maßnahme bis zum Maßnahmeende“ only: „Sofern die
    Personalkapazität unter 39 Zeitstunden wöchentlich liegt …, ist zumindest eine breite Verteilung der
    Betreuungszeiten der Teilnehmer sicherzustellen“."""
    assert in_document("ab dem 13. Monat der Maßnahme bis zum Maßnahmeende Ab diesem Zeitpunkt beträgt der Mindestpersonaleinsatz "
                       "19,5 Zeitstunden wöchentlich in der Maßnahme (= Untergrenze). Sofern die Personalkapazität unter 39 Zeitstunden")
    month_3 = calc.staffing_2016(4, 3, 3)  # 4 / 5 * 39 = 31,2 h, above the Mindestteilnehmerplatzzahl's 23,4 h
    assert month_3.result.startswith("31,2 Wochenstunden") and SPREAD not in month_3.notes
    assert SPREAD not in calc.staffing_2016(2, 12, 1).notes
    month_13 = calc.staffing_2016(4, 13)
    assert month_13.result.startswith("31,2 Wochenstunden") and SPREAD in month_13.notes
    assert SPREAD in calc.staffing_2016(2, 30, 7).notes  # B.2 Beispiel 3: 19,5 h
    assert SPREAD not in calc.staffing_2016(5, 13).notes  # 39 h: not below 39


# -------------------------------------------------------------- A3: no cap at month 36
@pytest.mark.parametrize("month, participants, expected", [
    # „ab dem 13. Monat der Maßnahme bis zum Maßnahmeende“: no upper limit; 4 / 5 * 39 = 31,2 h is above 19,5 h
    (37, 6, "46,8 Wochenstunden"),
    (40, 4, "31,2 Wochenstunden"),
    (40, 2, "19,5 Wochenstunden"),
    (120, 2, "19,5 Wochenstunden"),
])
def test_months_after_36_follow_the_rule_from_month_13(month, participants, expected):
    assert in_document("ab dem 13. Monat der Maßnahme bis zum Maßnahmeende")
    c = calc.staffing_2016(participants, month)
    assert c.result.startswith(expected) and f"im {month}. Monat" in c.result


def test_a_month_beyond_the_sanity_bound_is_refused_with_the_reason(capsys, lotse):  # lotse: the shared index, not a build of its own
    from assistant.cli import main

    with pytest.raises(calc.InputError) as exc:
        calc.staffing_2016(4, 121)
    assert str(exc.value) == ("Maßnahmemonat: 121 ist unrealistisch groß (höchstens 120: zehn Jahre als Plausibilitätsgrenze; "
                              "die Dokumente nennen keine Höchstdauer einer Maßnahme, die Regel ab dem 13. Monat gilt bis zum Maßnahmeende).")
    assert exc.value.field == "monat"
    assert main(["calc", "personal", "--teilnehmende", "6", "--monat", "37"]) == 0
    assert "46,8 Wochenstunden" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        main(["calc", "personal", "--teilnehmende", "6", "--monat", "121"])
    assert stop.value.code == 2
    assert ("--monat: 121 liegt außerhalb von 1 bis 120 (zehn Jahre als Plausibilitätsgrenze; die Dokumente nennen keine "
            "Höchstdauer einer Maßnahme, die Regel ab dem 13. Monat gilt bis zum Maßnahmeende).") in capsys.readouterr().err


def test_month_40_in_free_text_is_computed(lotse):
    reply = lotse.ask("Im 40. Monat der Maßnahme haben wir 4 Teilnehmer. Wie viele Wochenstunden Personal?")
    assert reply.calculation is not None and not reply.error
    assert reply.calculation.result.startswith("31,2 Wochenstunden") and "im 40. Monat" in reply.calculation.result


def test_an_invalid_month_in_free_text_shows_no_unrelated_example_as_short_answer(lotse):
    """The refused calculation leaves no "Kurz:" line: B.2's worked example („8 Teilnehmer / 5 * 39 Wochenstunden =
    62,4 Wochenstunden“) would read as the answer to a question about 4 participants."""
    from assistant import presenter

    reply = lotse.ask("Im 200. Monat der Maßnahme haben wir 4 Teilnehmer. Wie viele Wochenstunden Personal?")
    assert reply.calculation is None and reply.error.startswith("Maßnahmemonat: 200 ist unrealistisch groß (höchstens 120")
    text = presenter.reply_text(reply)
    assert text.startswith("Maßnahmemonat: 200 ist unrealistisch groß") and "Kurz:" not in text and "62,4" not in text.split("Antwort aus:")[0]
    assert reply.answers and all(a.highlight == "" for a in reply.answers)  # the passages are still shown
    reply = lotse.ask("Wir haben 8,5 Teilnehmer im 6. Monat. Wie viele Wochenstunden Personal?")  # refused while reading the inputs
    assert reply.error and "Kurz:" not in presenter.reply_text(reply)
    # a question no calculator takes keeps its short answer
    assert "Kurz:" in presenter.reply_text(lotse.ask("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"))


# -------------------------------------------------------------- A2: the month not given
# „1.-12. Monat der Maßnahme: Der Personaleinsatz bemisst sich immer zumindest nach der Mindestteilnehmerplatzzahl“ and
# „ab dem 13. Monat der Maßnahme bis zum Maßnahmeende / Ab diesem Zeitpunkt beträgt der Mindestpersonaleinsatz 19,5
# Zeitstunden wöchentlich“: the month decides the figure, so without it both are given.
BOTH_PHASES = ("1. bis 12. Monat: 54,6 Wochenstunden (Personalansatz 1,4), maßgeblich: Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis 12); "
               "ab dem 13. Monat: 19,5 Wochenstunden (Personalansatz 0,5), maßgeblich: Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden) – "
               "bei 2 Teilnehmenden, Maßnahmemonat nicht angegeben")
NO_MONTH = ("Kein Maßnahmemonat angegeben: berechnet sind beide Phasen, der 1. bis 12. Monat (Untergrenze: Mindestteilnehmerplatzzahl) und ab dem "
            "13. Monat (Untergrenze: 19,5 Wochenstunden). Für einen einzelnen Wert bitte den Maßnahmemonat angeben.")


def test_without_a_month_both_phases_are_given_and_labelled():
    assert in_document("1.-12. Monat der Maßnahme: Der Personaleinsatz bemisst sich immer zumindest nach der Mindestteilnehmerplatzzahl")
    assert in_document("Ab diesem Zeitpunkt beträgt der Mindestpersonaleinsatz 19,5 Zeitstunden wöchentlich")
    c = calc.staffing_2016(2, None, 7)
    assert c.result == BOTH_PHASES
    assert c.assumptions == [NO_MONTH]
    assert c.inputs["monat"] is None and "im 1. Monat" not in c.result
    # each phase computed as in B.2: 2 / 5 * 39 = 15,6 against 7 / 5 * 39 = 54,6, and against 19,5
    assert c.steps == [
        "1. bis 12. Monat: Grundsätzliche Anwendung des Personalschlüssels: 2 Teilnehmer / 5 * 39 Wochenstunden = 15,6 Wochenstunden",
        "1. bis 12. Monat: Ergänzende Regelung zum Mindestpersonaleinsatz: 7 Mindestteilnehmerplätze / 5 * 39 Wochenstunden = 54,6 Wochenstunden",
        "1. bis 12. Monat: Tatsächlich vorzuhaltendes Personalvolumen: 54,6 Wochenstunden",
        "1. bis 12. Monat: Ergebnis: 54,6 Wochenstunden = Personalansatz 1,4 (1,0 = 39 Wochenstunden; abzudecken durch Vollzeit- und/oder Teilzeitkräfte)",
        "Ab dem 13. Monat: Grundsätzliche Anwendung des Personalschlüssels: 2 Teilnehmer / 5 * 39 Wochenstunden = 15,6 Wochenstunden",
        "Ab dem 13. Monat: Ergänzende Regelung zum Mindestpersonaleinsatz: Mindestpersonaleinsatz 19,5 Zeitstunden wöchentlich in der Maßnahme",
        "Ab dem 13. Monat: Tatsächlich vorzuhaltendes Personalvolumen: 19,5 Wochenstunden",
        "Ab dem 13. Monat: Ergebnis: 19,5 Wochenstunden = Personalansatz 0,5 (1,0 = 39 Wochenstunden; abzudecken durch Vollzeit- und/oder Teilzeitkräfte)",
    ]
    # both rules are cited; the spreading hint is said of the phase from month 13 only (A10)
    assert {r.key for r in c.rules} >= {"first_phase_months", "min_hours_from_month_13"}
    assert c.notes == [f"Ab dem 13. Monat: {SPREAD}"]


@pytest.mark.parametrize("participants, min_places, result", [
    # B.2 Beispiel 2 (8 TN, Mindestteilnehmerplatzzahl 7): 62,4 h in months 1-12; from month 13 the key alone, 62,4 h
    (8, 7, "1. bis 12. Monat: 62,4 Wochenstunden (Personalansatz 1,6), maßgeblich: Personalschlüssel; "
           "ab dem 13. Monat: 62,4 Wochenstunden (Personalansatz 1,6), maßgeblich: Personalschlüssel – bei 8 Teilnehmenden, Maßnahmemonat nicht angegeben"),
    # without the Mindestteilnehmerplatzzahl the first phase is a lower bound
    (2, None, "1. bis 12. Monat: mindestens 15,6 Wochenstunden (Personalansatz 0,4), maßgeblich: Personalschlüssel (Untergrenze; "
              "Mindestteilnehmerplatzzahl nicht geprüft); ab dem 13. Monat: 19,5 Wochenstunden (Personalansatz 0,5), maßgeblich: "
              "Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden) – bei 2 Teilnehmenden, Maßnahmemonat nicht angegeben"),
])
def test_both_phases_other_cases(participants, min_places, result):
    assert calc.staffing_2016(participants, None, min_places).result == result


def test_a_given_month_keeps_the_single_figure():
    assert calc.staffing_2016(2, 12, 7).result == ("54,6 Wochenstunden (Personalansatz 1,4) bei 2 Teilnehmenden im 12. Monat; "
                                                   "maßgeblich: Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis 12)")
    assert calc.staffing_2016(2, 13, 7).result == ("19,5 Wochenstunden (Personalansatz 0,5) bei 2 Teilnehmenden im 13. Monat; "
                                                   "maßgeblich: Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden)")
    assert not any("Maßnahmemonat" in a for a in calc.staffing_2016(2, 13, 7).assumptions)


def test_no_participants_and_no_month_asks_for_the_minimum_or_the_month():
    with pytest.raises(calc.InputError) as exc:
        calc.staffing_2016(0, None)
    assert exc.value.field == "mindestplaetze"
    assert str(exc.value).endswith("Bitte die Mindestteilnehmerplatzzahl laut Losblatt angeben (z. B. 7) oder den Maßnahmemonat "
                                   "(ab dem 13. Monat gilt der Mindestpersonaleinsatz von 19,5 Wochenstunden).")
    assert calc.staffing_2016(0, None, 7).result.startswith("1. bis 12. Monat: 54,6 Wochenstunden")


def test_cli_without_month_gives_both_phases(capsys, lotse):
    import json

    from assistant.cli import main

    lotse.handle
    assert main(["calc", "personal", "--teilnehmende", "2", "--mindestplaetze", "7"]) == 0
    out = capsys.readouterr().out
    assert f"Ergebnis: {BOTH_PHASES}" in out and f"Annahme: {NO_MONTH}" in out
    assert main(["calc", "personal", "--teilnehmende", "2", "--mindestplaetze", "7", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["result"] == BOTH_PHASES and data["assumptions"] == [NO_MONTH] and data["inputs"]["monat"] is None
    assert main(["calc", "personal", "--teilnehmende", "2", "--mindestplaetze", "7", "--monat", "20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["result"].startswith("19,5 Wochenstunden (Personalansatz 0,5) bei 2 Teilnehmenden im 20. Monat") and data["assumptions"] == []


def test_cli_help_says_what_an_empty_month_means(capsys):
    from assistant.cli import main

    with pytest.raises(SystemExit):
        main(["calc", "personal", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "leer: beide Phasen, der 1. bis 12. Monat und ab dem 13. Monat" in out and "Standard: 1" not in out


def test_form_and_api_without_month_give_both_phases(lotse):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette asks for httpx2; httpx works the same here (as in test_web_api)
        from starlette.testclient import TestClient

    from assistant.forms import evaluate
    from assistant.web.app import create_app

    form = evaluate("personal", {"teilnehmende": "2", "monat": "", "mindestplaetze": "7"}, TODAY)
    assert form.ok and form.calculation.result == BOTH_PHASES and form.calculation.assumptions == [NO_MONTH]
    with TestClient(create_app(lotse)) as client:
        r = client.post("/api/calc/personal", json={"teilnehmende": 2, "mindestplaetze": 7})
        assert r.status_code == 200 and r.json()["result"] == BOTH_PHASES and r.json()["assumptions"] == [NO_MONTH]
        r = client.post("/api/calc/personal", json={"teilnehmende": 2, "mindestplaetze": 7, "monat": 13})
        assert r.json()["result"].startswith("19,5 Wochenstunden") and r.json()["assumptions"] == []


def test_free_text_without_month_gives_both_phases():
    from assistant.router import route

    r = route("Wir haben 2 Teilnehmer, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?", TODAY)
    c = r.run()
    assert c.result == BOTH_PHASES and NO_MONTH in c.assumptions
    assert not any("gerechnet für die ersten 12 Monate" in a for a in r.assumptions)


# -------------------------------------------------------------- A1, B5: the month read from free text
# B.2 counts time from the start: „Beispiel 1 … in den ersten 12 Maßnahmemonaten: Es befinden sich sechs Monate nach
# Maßnahmebeginn 6 Teilnehmer in der Maßnahme“ and „Beispiel 3 … ab dem 13. Maßnahmemonat: Es befinden sich 30 Monate nach
# Maßnahmebeginn 2 Teilnehmer in der Maßnahme“. After N full months the measure is in month N + 1, as the start-date
# path counts (start 02.12.2025, today 02.12.2026: the 13th month).
@pytest.mark.parametrize("text, month, assumption", [
    ("im 12. Monat", 12, ""),
    ("12. Maßnahmemonat", 12, ""),
    ("Maßnahmemonat 12", 12, ""),
    ("im zwölften Monat", 12, ""),
    ("dritter Monat", 3, ""),
    ("der dritte Maßnahmemonat", 3, ""),
    ("im einundzwanzigsten Monat", 21, ""),
    ("seit 12 Monaten", 13, "„seit 12 Monaten“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    ("12 Monate nach Maßnahmebeginn", 13,
     "„12 Monate nach Maßnahmebeginn“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    ("nach einem Jahr Maßnahme", 13, "„nach einem Jahr“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    ("Die Maßnahme läuft seit zwei Jahren.", 25, "„seit zwei Jahren“ = 25. Maßnahmemonat (nach 24 vollen Monaten läuft der 25. Monat der Maßnahme)."),
    ("ein Jahr nach Maßnahmebeginn", 13, "„ein Jahr nach Maßnahmebeginn“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    ("seit 13 Monaten", 14, "„seit 13 Monaten“ = 14. Maßnahmemonat (nach 13 vollen Monaten läuft der 14. Monat der Maßnahme)."),
    ("nach 1 Monat", 2, "„nach 1 Monat“ = 2. Maßnahmemonat (nach einem vollen Monat läuft der 2. Monat der Maßnahme)."),
    ("sechs Monate nach Maßnahmebeginn", 7, "„sechs Monate nach Maßnahmebeginn“ = 7. Maßnahmemonat (nach 6 vollen Monaten läuft der 7. Monat der Maßnahme)."),
    ("30 Monate nach Maßnahmebeginn", 31, "„30 Monate nach Maßnahmebeginn“ = 31. Maßnahmemonat (nach 30 vollen Monaten läuft der 31. Monat der Maßnahme)."),
    ("nach den ersten 12 Monaten", 13, "„nach den ersten 12 Monaten“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    ("in den ersten 12 Monaten", 12, "„in den ersten 12 Monaten“: gerechnet für den 12. Maßnahmemonat (Monat 1 bis 12 werden gleich berechnet)."),
    ("im zweiten Maßnahmejahr", 13,
     "„im zweiten Maßnahmejahr“ = 13. Maßnahmemonat (der erste Monat dieses Jahres, Monat 13 bis 24 werden gleich berechnet)."),
    # more than a time: at least the month after it (probe 9: "läuft seit über einem Jahr" had been no month at all)
    ("Unsere InbeQ läuft seit über einem Jahr.", 13, "„seit über einem Jahr“ = 13. Maßnahmemonat (nach mehr als 12 vollen "
     "Monaten läuft mindestens der 13. Monat der Maßnahme; gerechnet für den 13.)."),
    ("die Maßnahme läuft seit mehr als 6 Monaten", 7, "„seit mehr als 6 Monaten“ = 7. Maßnahmemonat (nach mehr als 6 vollen "
     "Monaten läuft mindestens der 7. Monat der Maßnahme; gerechnet für den 7.)."),
    # half years as people say them (QA 24: "zweieinhalb Jahre nach Beginn" had been no month, both phases shown)
    ("zweieinhalb Jahre nach Beginn", 31, "„zweieinhalb Jahre nach Beginn“ = 31. Maßnahmemonat (nach 30 vollen Monaten läuft der "
     "31. Monat der Maßnahme)."),
    ("Die Maßnahme läuft seit 2,5 Jahren.", 31, "„seit 2,5 Jahren“ = 31. Maßnahmemonat (nach 30 vollen Monaten läuft der 31. Monat "
     "der Maßnahme)."),
    ("anderthalb Jahre nach Maßnahmebeginn", 19, "„anderthalb Jahre nach Maßnahmebeginn“ = 19. Maßnahmemonat (nach 18 vollen Monaten "
     "läuft der 19. Monat der Maßnahme)."),
    # a time in years not about the measure is no month of it
    ("Ich arbeite seit zwei Jahren als QT. Wie viel Personal bei 4 TN?", None, ""),
    ("Ich arbeite seit über einem Jahr als QT. Wie viel Personal bei 4 TN?", None, ""),
    ("bei 8 Teilnehmern", None, ""),
])
def test_month_readings(text, month, assumption):
    from assistant.extract import find_month, find_month_reading

    reading = find_month_reading(text)
    assert find_month(text) == month
    assert (reading.assumption if reading else "") == assumption


@pytest.mark.parametrize("question, result, assumption", [
    # start date: 12 full months passed on 02.12.2026 -> 13th month (the path that was right already)
    ("Die Maßnahme begann am 02.12.2025, wir haben 2 Teilnehmer, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
     "19,5 Wochenstunden (Personalansatz 0,5) bei 2 Teilnehmenden im 13. Monat; maßgeblich: Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden)",
     "Maßnahmemonat aus dem Beginn (02.12.2025) bis 02.12.2026 gezählt: 13. Monat."),
    ("Die Maßnahme läuft seit 12 Monaten, wir haben 2 Teilnehmer, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
     "19,5 Wochenstunden (Personalansatz 0,5) bei 2 Teilnehmenden im 13. Monat; maßgeblich: Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden)",
     "„seit 12 Monaten“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    ("12 Monate nach Maßnahmebeginn sind 2 Teilnehmer in der Maßnahme, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
     "19,5 Wochenstunden (Personalansatz 0,5) bei 2 Teilnehmenden im 13. Monat; maßgeblich: Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden)",
     "„12 Monate nach Maßnahmebeginn“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    ("Nach einem Jahr Maßnahme haben wir 2 Teilnehmer, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
     "19,5 Wochenstunden (Personalansatz 0,5) bei 2 Teilnehmenden im 13. Monat; maßgeblich: Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden)",
     "„Nach einem Jahr“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)."),
    # the month itself named: month 12, the Mindestteilnehmerplatzzahl's floor 7 / 5 * 39 = 54,6
    ("Im 12. Monat haben wir 2 Teilnehmer, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
     "54,6 Wochenstunden (Personalansatz 1,4) bei 2 Teilnehmenden im 12. Monat; maßgeblich: Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis 12)", ""),
    ("Im zwölften Monat haben wir 2 Teilnehmer, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
     "54,6 Wochenstunden (Personalansatz 1,4) bei 2 Teilnehmenden im 12. Monat; maßgeblich: Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis 12)", ""),
    ("Wir haben 2 Teilnehmer im 12. Maßnahmemonat, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
     "54,6 Wochenstunden (Personalansatz 1,4) bei 2 Teilnehmenden im 12. Monat; maßgeblich: Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis 12)", ""),
    # B5: an ordinal word is read, not replaced by "im 1. Monat"
    ("Los A hat 5 Teilnehmer, Los B hat 6 Teilnehmer, dritter Monat, Mindestteilnehmerplatzzahl 7. Wie viel Personal?",
     # each lot below its minimum of 7: 7 / 5 * 39 = 54,6 per lot, added (B.1)
     "109,2 Wochenstunden (Personalansatz 2,8) bei 5 + 6 Teilnehmenden auf 2 Losen im 3. Monat; "
     "maßgeblich: Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis 12), je Los", ""),
])
def test_free_text_months(question, result, assumption):
    from assistant.router import route

    r = route(question, TODAY)
    assert r is not None and r.name == "personal"
    c = r.run()
    assert c.result == result
    stated = r.assumptions + c.assumptions
    if assumption:
        assert assumption in stated
    assert not any(a.startswith("Kein Maßnahmemonat") for a in stated)


def test_the_reading_is_said_in_the_reply(lotse):
    from assistant import presenter

    reply = lotse.ask("Die Maßnahme läuft seit 12 Monaten, wir haben 2 Teilnehmer, Mindestteilnehmerplatzzahl 7. "
                      "Wie viele Wochenstunden Personal?")
    text = presenter.reply_text(reply)
    assert "Ergebnis: 19,5 Wochenstunden" in text
    assert "Annahme: „seit 12 Monaten“ = 13. Maßnahmemonat (nach 12 vollen Monaten läuft der 13. Monat der Maßnahme)." in text


def test_first_months_spanning_both_phases_give_both():
    from assistant.router import route

    c = route("Wie viele Wochenstunden Personal in den ersten 24 Monaten bei 2 Teilnehmern, Mindestteilnehmerplatzzahl 7?", TODAY).run()
    assert c.result == BOTH_PHASES


# -------------------------------------------------------------- A5: personal-alt takes the year of the (basic) contract
# Vorbemerkung: „A.1 und folgende für (Grund-)Verträge VOR 2016 und Optionen aus diesen Verträgen mit Teilnehmer-Monaten“.
# A.1: „Bei weniger als fünf Teilnehmern erfolgt der Personalansatz des Qualifizierungstrainers unabhängig vom
# Personalschlüssel mit 1,0 (minimaler Personalansatz)“: 3 participants -> 39 h (section B would give 19,5 h after month 12).
def test_personal_alt_is_asked_for_the_contract_year():
    from assistant.calculators.registry import REGISTRY

    assert in_document("A.1 und folgende für (Grund-)Verträge VOR 2016 und Optionen aus diesen Verträgen mit Teilnehmer-Monaten")
    f = REGISTRY["personal-alt"].field("beginnjahr")
    assert f.label == "Jahr des (Grund-)Vertrags" and "Maßnahmebeginn" not in f.label
    assert "bei einer Option das Jahr des Vertrags, aus dem sie gezogen wurde" in f.help
    c = calc.staffing_pre2016([3], 2015)  # an option from a 2015 contract, begun in 2016: still section A
    assert c.result.startswith("39 Wochenstunden") and c.inputs["beginnjahr"] == 2015


def test_personal_alt_refuses_contracts_from_2016_and_names_the_option_case(capsys):
    from assistant.cli import main

    with pytest.raises(calc.InputError) as exc:
        calc.staffing_pre2016([3], 2016)
    assert str(exc.value) == ("Vertrag von 2016: (Grund-)Verträge ab 2016 und Optionen aus diesen Verträgen rechnen nach Teilnehmerplätzen "
                              "(Abschnitt B); bitte den Rechner „personal“ verwenden. Eine Option aus einem Vertrag vor 2016 gehört zu "
                              "Abschnitt A, auch wenn sie 2016 oder später beginnt: dann das Jahr des Grundvertrags angeben.")
    with pytest.raises(SystemExit) as stop:
        main(["calc", "personal-alt", "--los", "3", "--beginnjahr", "2016"])
    assert stop.value.code == 2
    assert ("--beginnjahr: 2016 liegt außerhalb von 2008 bis 2015 (Jahr des Grundvertrags: für Verträge ab 2016 und Optionen daraus gilt der "
            "Rechner „personal“; eine Option aus einem Vertrag vor 2016 zählt mit dessen Jahr, auch wenn sie 2016 oder später beginnt).") \
        in capsys.readouterr().err


def test_the_social_pedagogue_rule_follows_the_contract_year():
    """A.3: „nicht mehr Bestandteil der Leistungsbeschreibung für Beginntermine ab 2014. Für die laufenden Verträge mit
    Beginnterminen in 2013 und früher trifft diese Anforderung nur auf den Mindestpersonalumfang zu.“"""
    assert in_document("Für die laufenden Verträge mit Beginnterminen in 2013 und früher trifft diese Anforderung nur auf den Mindestpersonalumfang zu.")
    assert "Vertrag von 2013 (2013 oder früher): mindestens die Hälfte des Mindestpersonalumfangs durch einen Sozialpädagogen." \
        in calc.staffing_pre2016([3], 2013).notes
    assert "Vertrag von 2014 (ab 2014): die Sozialpädagogen-Hälfte ist nicht mehr Teil der Leistungsbeschreibung." in calc.staffing_pre2016([3], 2014).notes
    assert calc.staffing_pre2016([3]).assumptions == [
        "Kein Vertragsjahr angegeben: die Regel für Verträge mit Beginnterminen 2013 und früher (mindestens die Hälfte des "
        "Mindestpersonalumfangs durch einen Sozialpädagogen) ist nicht angewandt."]


@pytest.mark.parametrize("question, name, result, year, assumption", [
    ("Wir haben eine Option aus einem Vertrag von 2015 gezogen, die 2017 begann, mit 3 Teilnehmern. Wie viel Personal?",
     "personal-alt", "39 Wochenstunden", 2015, ""),
    ("Die Option hat 2017 begonnen, der Grundvertrag ist von 2015. 3 Teilnehmer, wie viel Personal?", "personal-alt", "39 Wochenstunden", 2015, ""),
    ("Option aus dem 2014er Vertrag, 6 Teilnehmer, wie viel Personal?", "personal-alt", "46,8 Wochenstunden", 2014, ""),
    ("Altvertrag, die Option hat 2017 begonnen, 3 Teilnehmer, wie viel Personal?", "personal-alt", "39 Wochenstunden", None,
     "2017 ist das Jahr des Maßnahmebeginns (einer Option aus einem Vertrag vor 2016), nicht des Vertrags; das Jahr des Grundvertrags ist nicht genannt."),
    ("Altvertrag mit Option, Beginn 2014, 3 Teilnehmer, wie viel Personal?", "personal-alt", "39 Wochenstunden", 2014,
     "2014 als Jahr des Grundvertrags gelesen (bei einer Option zählt das Jahr des Vertrags, aus dem sie gezogen wurde)."),
    ("Altvertrag, Beginn der Maßnahme 2013, 3 Teilnehmer, wie viel Personal?", "personal-alt", "39 Wochenstunden", 2013, ""),
    # a contract from 2016: section B
    ("Vertrag von 2016, 3 Teilnehmer im 20. Monat, wie viel Personal?", "personal", "23,4 Wochenstunden", None, ""),
])
def test_free_text_takes_the_contract_year(question, name, result, year, assumption):
    from assistant.router import route

    r = route(question, TODAY)
    c = r.run()
    assert r.name == name and c.result.startswith(result)
    if name == "personal-alt":
        assert c.inputs["beginnjahr"] == year
    if assumption:
        assert assumption in r.assumptions
    else:
        assert not any("Grundvertrag" in a for a in r.assumptions)


# -------------------------------------------------------------- B9: thousands one way, the documents' "Personalansatz"
def test_thousands_are_written_one_way_in_steps_result_and_messages():
    c = calc.staffing_2016(10000, 6, 1000)
    assert c.result.startswith("78.000 Wochenstunden (Personalansatz 2.000,0) bei 10.000 Teilnehmenden im 6. Monat")
    assert c.steps[:2] == [
        "Grundsätzliche Anwendung des Personalschlüssels: 10.000 Teilnehmer / 5 * 39 Wochenstunden = 78.000 Wochenstunden",
        "Ergänzende Regelung zum Mindestpersonaleinsatz (6. Monat, also Monat 1 bis 12): 1.000 Mindestteilnehmerplätze / 5 * 39 Wochenstunden "
        "= 7.800 Wochenstunden"]
    c = calc.staffing_2016([5000, 1000], 20)
    assert "bei 5.000 + 1.000 Teilnehmenden auf 2 Losen" in c.result
    c = calc.staffing_pre2016([5000, 1000])
    assert c.result == "46.800 Wochenstunden (Personalansatz 1.200,0) bei 5.000 + 1.000 Teilnehmenden auf 2 Losen (Vertrag vor 2016)"
    assert c.steps[0] == "Los 1: 5.000 Teilnehmer: Personalansatz 1.000,0 Qualifizierungstrainer = 39.000 Wochenstunden"
    assert calc.staffing_pre2016([1000]).result.startswith("7.800 Wochenstunden (Personalansatz 200,0) bei 1.000 Teilnehmenden")
    with pytest.raises(calc.InputError) as exc:
        calc.staffing_2016(10001, 6)
    assert str(exc.value) == "Teilnehmende: Der Wert 10.001 ist unrealistisch groß (höchstens 10.000)."


@pytest.mark.parametrize("make, result, step", [
    # B.1: „6 Teilnehmer: Personalansatz 1,2 Qualifizierungstrainer = 46,8 Wochenstunden“
    (lambda: calc.staffing_2016(6, 20), "46,8 Wochenstunden (Personalansatz 1,2) bei 6 Teilnehmenden im 20. Monat",
     "Ergebnis: 46,8 Wochenstunden = Personalansatz 1,2 (1,0 = 39 Wochenstunden; abzudecken durch Vollzeit- und/oder Teilzeitkräfte)"),
    # B.1: „5 Teilnehmer: Personalansatz 1,0 Qualifizierungstrainer = 39 Wochenstunden“ (1,0, not "1 Vollzeitstelle")
    (lambda: calc.staffing_2016(5, 20), "39 Wochenstunden (Personalansatz 1,0) bei 5 Teilnehmenden im 20. Monat",
     "Ergebnis: 39 Wochenstunden = Personalansatz 1,0 (1,0 = 39 Wochenstunden; abzudecken durch Vollzeit- und/oder Teilzeitkräfte)"),
    (lambda: calc.staffing_2016([5, 5], 14), "78 Wochenstunden (Personalansatz 2,0) bei 5 + 5 Teilnehmenden auf 2 Losen im 14. Monat",
     "Ergebnis: 78 Wochenstunden = Personalansatz 2,0 (1,0 = 39 Wochenstunden; abzudecken durch Vollzeit- und/oder Teilzeitkräfte)"),
    # A.1 (contracts before 2016): „minimalen Personalansatz von 1,0“; 5 + 6 -> 39 + 46,8 = 85,8
    (lambda: calc.staffing_pre2016([3]), "39 Wochenstunden (Personalansatz 1,0) bei 3 Teilnehmenden (Vertrag vor 2016)",
     "3 Teilnehmer, weniger als 5: minimaler Personalansatz 1,0 = 39 Wochenstunden"),
    (lambda: calc.staffing_pre2016([5, 6]), "85,8 Wochenstunden (Personalansatz 2,2) bei 5 + 6 Teilnehmenden auf 2 Losen (Vertrag vor 2016)",
     "Los 2: 6 Teilnehmer: Personalansatz 1,2 Qualifizierungstrainer = 46,8 Wochenstunden"),
])
def test_the_result_names_the_personalansatz_as_the_documents_write_it(make, result, step):
    """„Beim Personalschlüssel wird auf den Personalansatz abgestellt, der in wöchentlichen Zeitstunden abgebildet wird und
    durch Vollzeitkräfte und/oder Teilzeitkräfte abgedeckt werden kann.“ (A.1, B.1): no "Vollzeitstellen"."""
    assert in_document("Beim Personalschlüssel wird auf den Personalansatz abgestellt, der in wöchentlichen Zeitstunden abgebildet wird "
                       "und durch Vollzeitkräfte und/oder Teilzeitkräfte abgedeckt werden kann.")
    assert in_document("5 Teilnehmer: Personalansatz 1,0 Qualifizierungstrainer = 39 Wochenstunden")
    c = make()
    assert c.result.startswith(result) and step in c.steps
    assert "Vollzeitstelle" not in c.result + " ".join(c.steps)


# -------------------------------------------------------------- B10: one way of reading numbers in every field
@pytest.mark.parametrize("calculator, field, text, message", [
    ("jobcoaching", "verbraucht", "1,5e2", "„1,5e2“: bitte die Zahl ohne Exponenten („e“) ausschreiben, also 150."),
    ("jobcoaching", "verbraucht", "1E2", "„1E2“: bitte die Zahl ohne Exponenten („e“) ausschreiben, also 100."),
    ("jobcoaching", "verbraucht", "1e999", "„1e999“: bitte die Zahl ohne Exponenten („e“) ausschreiben, z. B. 150 oder 42,5."),
    ("personal", "teilnehmende", "1e3", "„1e3“: bitte die Zahl ohne Exponenten („e“) ausschreiben, also 1.000."),
    ("personal", "teilnehmende", "1,5e2", "„1,5e2“: bitte die Zahl ohne Exponenten („e“) ausschreiben, also 150."),
    ("personal", "teilnehmende", "8; 1e1", "2. Angabe: „1e1“: bitte die Zahl ohne Exponenten („e“) ausschreiben, also 10."),
    # which of several values (probe h18), and lots separated by a space
    ("personal", "teilnehmende", "8; -4", "2. Angabe „-4“: Negative Werte sind nicht möglich."),
    ("personal", "mindestplaetze", "7; 0", "2. Angabe „0“: 0 liegt außerhalb von 1 bis 10.000."),
    ("personal", "teilnehmende", "8 4", "„8 4“ ist keine ganze Zahl. Mehrere Lose bitte mit Semikolon trennen, z. B. „8; 4“."),
    ("personal", "monat", "2e1", "„2e1“: bitte die Zahl ohne Exponenten („e“) ausschreiben, also 20."),
    ("personal", "mindestplaetze", "7e0", "„7e0“: bitte die Zahl ohne Exponenten („e“) ausschreiben, also 7."),
    # what int() and float() took besides: digit group underscores, a plus sign
    ("jobcoaching", "verbraucht", "1_000", "„1_000“ ist keine Zahl."),
    ("personal", "teilnehmende", "1_000", "„1_000“ ist keine ganze Zahl."),
    ("personal", "monat", "+5", "„+5“ ist keine ganze Zahl."),
    # unchanged
    ("jobcoaching", "verbraucht", "nan", "„nan“ ist keine endliche Zahl (z. B. 42 oder 42,5)."),
    ("jobcoaching", "verbraucht", "-5", "Negative Werte sind nicht möglich."),
    ("personal", "teilnehmende", "-3", "Negative Werte sind nicht möglich."),
    ("personal", "mindestplaetze", "10001", "10.001 liegt außerhalb von 1 bis 10.000."),
    ("personal", "teilnehmende", "10.001", "10.001 ist unrealistisch groß (höchstens 10.000)."),
])
def test_numbers_in_exponent_notation_are_refused_everywhere(calculator, field, text, message):
    from assistant.calculators.registry import REGISTRY, parse_value

    with pytest.raises(calc.InputError) as exc:
        parse_value(REGISTRY[calculator].field(field), text, TODAY)
    assert str(exc.value) == message


@pytest.mark.parametrize("calculator, field, raw, value", [
    ("jobcoaching", "verbraucht", "42,5", 42.5), ("jobcoaching", "verbraucht", "42.5", 42.5), ("jobcoaching", "verbraucht", "1.000", 1000.0),
    ("jobcoaching", "verbraucht", 150.0, 150.0),  # a JSON number
    ("personal", "teilnehmende", "8; 5", [8, 5]), ("personal", "teilnehmende", "1.000", [1000]), ("personal", "monat", "6.", 6),
    ("personal-alt", "beginnjahr", "2015", 2015),
])
def test_numbers_as_germans_write_them_are_still_read(calculator, field, raw, value):
    from assistant.calculators.registry import REGISTRY, parse_value

    assert parse_value(REGISTRY[calculator].field(field), raw, TODAY) == value


def test_cli_refuses_exponents_alike(capsys):
    from assistant.cli import main

    for args, message in [(["jobcoaching", "--beginn", "31.08.2026", "--verbraucht", "1,5e2"], "--verbraucht: „1,5e2“: bitte die Zahl ohne Exponenten"),
                          (["personal", "--teilnehmende", "1e3"], "--teilnehmende: „1e3“: bitte die Zahl ohne Exponenten")]:
        with pytest.raises(SystemExit) as stop:
            main(["calc", *args])
        assert stop.value.code == 2 and message in capsys.readouterr().err


# -------------------------------------------------------------- minimum places per lot
def test_each_lot_has_its_own_minimum_places():
    """B.1: „Die Lose werden jeweils getrennt berechnet und anschließend addiert.“ Each lot's minimum places stand
    in its own Losblatt; one number for all lots was the only input and said so as an assumption."""
    assert in_document("1.-12. Monat der Maßnahme: Der Personaleinsatz bemisst sich immer zumindest nach der Mindestteilnehmerplatzzahl")
    per_lot = calc.staffing_2016([8, 4], 6, [7, 5])
    # lot 1: 8 / 5 * 39 = 62,4 (above 7 places: 54,6); lot 2: 5 places / 5 * 39 = 39 (above 4 / 5 * 39 = 31,2)
    assert per_lot.result.startswith("101,4 Wochenstunden (Personalansatz 2,6) bei 8 + 4 Teilnehmenden auf 2 Losen im 6. Monat")
    assert "Los 2: Ergänzende Regelung zum Mindestpersonaleinsatz (6. Monat, also Monat 1 bis 12): 5 Mindestteilnehmerplätze / 5 * 39 " \
           "Wochenstunden = 39 Wochenstunden" in per_lot.steps
    assert per_lot.assumptions == [] and per_lot.inputs["mindestplaetze"] == [7, 5]
    # one number stands for every lot, and the result says so
    shared = calc.staffing_2016([8, 4], 6, 7)
    assert shared.result.startswith("117 Wochenstunden (Personalansatz 3,0)")
    assert shared.assumptions == ["Die Mindestteilnehmerplatzzahl 7 wurde für jedes Los angesetzt. Jedes Los hat sie in seinem eigenen "
                                  "Losblatt; weichen sie ab, bitte je Los eine Zahl angeben."]
    assert calc.staffing_2016([8, 4], 6, [7]).result == shared.result
    # only lot 2 has no participants: its own minimum places decide it
    assert calc.staffing_2016([8, 0], 3, [7, 5]).result.startswith("101,4 Wochenstunden")


def test_a_count_of_minimum_places_that_fits_no_lot_is_refused():
    with pytest.raises(calc.InputError) as exc:
        calc.staffing_2016([8, 4, 2], 6, [7, 5])
    assert exc.value.field == "mindestplaetze"
    assert str(exc.value) == "2 Mindestteilnehmerplatzzahlen für 3 Lose: bitte je Los eine Zahl angeben oder eine für alle Lose."


def test_minimum_places_per_lot_from_cli_form_and_api(capsys, lotse):
    import json
    import warnings

    from assistant.cli import main
    from assistant.forms import evaluate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from assistant.web.app import create_app

    lotse.handle
    assert main(["calc", "personal", "--teilnehmende", "8", "--teilnehmende", "4", "--monat", "6",
                 "--mindestplaetze", "7", "--mindestplaetze", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["result"].startswith("101,4 Wochenstunden")
    assert main(["calc", "personal", "--teilnehmende", "8", "--teilnehmende", "4", "--teilnehmende", "2",
                 "--mindestplaetze", "7", "--mindestplaetze", "5"]) == 2
    assert "2 Mindestteilnehmerplatzzahlen für 3 Lose" in capsys.readouterr().err
    form = evaluate("personal", {"teilnehmende": "8; 4", "monat": "6", "mindestplaetze": "7; 5"}, TODAY)
    assert form.ok and form.calculation.result.startswith("101,4 Wochenstunden")
    wrong = evaluate("personal", {"teilnehmende": "8; 4; 2", "monat": "6", "mindestplaetze": "7; 5"}, TODAY)
    assert wrong.errors["mindestplaetze"].startswith("2 Mindestteilnehmerplatzzahlen für 3 Lose")
    with TestClient(create_app(lotse)) as client:
        r = client.post("/api/calc/personal", json={"teilnehmende": [8, 4], "monat": 6, "mindestplaetze": [7, 5]})
        assert r.status_code == 200 and r.json()["result"].startswith("101,4 Wochenstunden")


@pytest.mark.parametrize("question", [
    "Wir haben zwei Lose mit 8 und 4 Teilnehmern im sechsten Monat, Mindestteilnehmerplatzzahl 7 und 5. Wie viele Wochenstunden Personal?",
    "Los 1: 8 Teilnehmer, Mindestteilnehmerplatzzahl 7; Los 2: 4 Teilnehmer, Mindestteilnehmerplatzzahl 5; 6. Monat. Wie viel Personal brauchen wir?",
])
def test_a_question_with_minimum_places_per_lot_is_computed_per_lot(lotse, question):
    """Probe h18: the question's second minimum was dropped, and 7 was applied to both lots: 117 h instead of 101,4 h."""
    calculation = lotse.ask(question).calculation
    assert calculation.result.startswith("101,4 Wochenstunden (Personalansatz 2,6) bei 8 + 4 Teilnehmenden auf 2 Losen im 6. Monat")
    assert calculation.inputs["mindestplaetze"] == [7, 5]
    assert not any("für jedes Los angesetzt" in a for a in calculation.assumptions)


def test_each_lot_under_39_hours_from_month_13_gets_the_spreading_hint():
    """B. Ausgangssituation, ab dem 13. Monat: „Sofern die Personalkapazität unter 39 Zeitstunden wöchentlich liegt …,
    ist zumindest eine breite Verteilung der Betreuungszeiten der Teilnehmer sicherzustellen“; lots are computed separately
    (B.1), so a lot of 19,5 hours needs it even when all lots together reach 39 (probe h18: only one lot got it)."""
    three = calc.staffing_2016([8, 4, 1], 14)
    assert three.notes == ["Lose 2 und 3: " + SPREAD]  # 8 -> 62,4; 4 -> 31,2; 1 -> 19,5 hours
    two = calc.staffing_2016([2, 1], 13)
    assert two.result.startswith("39 Wochenstunden") and two.notes == ["Lose 1 und 2: " + SPREAD]
    assert two.result.endswith("maßgeblich: Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden), je Los")
    assert calc.staffing_2016([8, 9], 14).notes == []
    assert calc.staffing_2016(0, 20).notes == [SPREAD]
    assert "Ab dem 13. Monat: Los 1: " + SPREAD in calc.staffing_2016([2, 8], None, 7).notes
