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
