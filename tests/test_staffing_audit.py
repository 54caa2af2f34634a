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


def test_a_month_beyond_the_sanity_bound_is_refused_with_the_reason(capsys):
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
