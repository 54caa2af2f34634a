"""Route a plain German question to a calculator, with the inputs extracted from it.

A question is handed to a calculator only when it names the inputs (a date, a count of
participants, a number of months). A question about the rule alone ("Wie ist der
Personalschlüssel?") stays with the search, which shows the passage.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from . import calculators as calc
from .extract import (find_dates, find_min_places, find_month, find_months_count, find_negative, find_participants)


@dataclass
class Route:
    name: str
    run: Callable[[], calc.Calculation]
    assumptions: list[str] = field(default_factory=list)


def _has(text: str, pattern: str) -> bool:
    return re.search(pattern, text, re.I) is not None


def route(question: str, today: dt.date) -> Route | None:
    """The calculator for `question`, or None. Raises ExtractError/InputError for impossible input."""
    q = question
    neg = find_negative(q)
    if neg:
        raise calc.InputError(f"„{neg}“: negative Anzahlen sind nicht möglich.")
    dates = find_dates(q, today)
    assumptions = [f"Jahr ergänzt: „{d.text}“ als {d.value.strftime('%d.%m.%Y')} gelesen." for d in dates if d.year_assumed]
    first = dates[0].value if dates else None

    if first and _has(q, r"besetzung|zuweisung|belegung|auslastung") and _has(q, r"prüf|steuer|kontroll|check"):
        modular = None
        if _has(q, r"nicht[- ]?modular"):
            modular = False
        elif _has(q, r"modular|modul"):
            modular = True
        return Route("besetzung", lambda: calc.occupancy_check(first, modular), assumptions)
    if first and _has(q, r"kündig") and not _has(q, r"arbeitsverhältnis|arbeitsvertrag|beschäftigungsverhältnis"):
        return Route("kuendigung", lambda: calc.termination(first), assumptions)
    if first and _has(q, r"integrationsamt|inklusionsamt") and _has(q, r"informier|unterricht|beteilig|meld|benachrichtig|bescheid|einschalt|anmeld|frist|wann"):
        return Route("integrationsamt", lambda: calc.integration_office(first), assumptions)
    if _has(q, r"planungsgespräch|planungsgespraech") and (first or _has(q, r"nächst|naechst|kommend|wann")) and not _has(q, r"wer |teilnehmerkreis|zwingend|ergebnis"):
        start = first or today
        extra = [] if first else [f"Kein Datum genannt: gerechnet ab heute ({today.strftime('%d.%m.%Y')})."]
        return Route("planungsgespraech", lambda: calc.planning_meeting(start), assumptions + extra)
    if _has(q, r"stichtag") and (first or _has(q, r"nächst|naechst")):
        start = first or today
        return Route("stichtag", lambda: calc.reporting_date(start), assumptions)
    months = find_months_count(q)
    if _has(q, r"unterweisungsfrei|urlaub") and months is not None:
        sb = _has(q, r"schwerbehindert") and not _has(q, r"nicht schwerbehindert|gleichgestellt")
        return Route("unterweisungsfrei", lambda: calc.leave_days(months, sb, first), assumptions)
    if first and _has(q, r"absolvent|beratungsgespräch|abschlussgespräch"):
        dur = None
        m = re.search(r"(\d+)\s*(?:-?monatig|Monate?n?\s+(?:lang|dauer|gedauert))", q, re.I)
        if m:
            dur = int(m.group(1))
        elif _has(q, r"(\d+)\s*Wochen"):
            dur = 1
        return Route("absolventen", lambda: calc.graduate_interview(first, dur), assumptions)
    if first and _has(q, r"eingliederungsvereinbarung|kooperationsplan"):
        kind = "kooperationsplan" if _has(q, r"kooperationsplan") else "ev"
        return Route("ueberpruefung", lambda: calc.review(first, kind), assumptions)
    if first and _has(q, r"jobcoach"):
        used = None
        m = re.search(r"(\d+(?:,\d+)?)\s*(?:Fachleistungs)?[Ss]tunden\s+(?:\w+\s+)?(?:verbraucht|geleistet|genutzt|abgerechnet|erbracht)", q)
        if m:
            used = float(m.group(1).replace(",", "."))
        ext = _has(q, r"verlänger")
        return Route("jobcoaching", lambda: calc.jobcoaching(first, used, ext), assumptions)
    if first and _has(q, r"inbeq|maßnahme|qualifizierung|ub\b") and _has(q, r"ende|endet|läuft|dauer|verlänger|unterbroch|unterbrech|bis wann"):
        days = 0
        m = re.search(r"(\d+)\s*(Tage|Wochen|Monate)\s+(?:\w+\s+){0,3}?(?:unterbroch|unterbrech|krank|pausiert)", q, re.I) or \
            re.search(r"(?:unterbroch|unterbrech|krank|pausiert)\w*\s+(?:\w+\s+){0,3}?(\d+)\s*(Tage|Wochen|Monate)", q, re.I)
        if m:
            n, unit = int(m.group(1)), m.group(2).lower()
            days = n * (7 if unit == "wochen" else 30 if unit == "monate" else 1)
        ext = 0
        m = re.search(r"verlänger\w*\s+(?:\w+\s+)?um\s+(\d+)\s+Monate", q, re.I)
        if m:
            ext = int(m.group(1))
        return Route("inbeq-dauer", lambda: calc.inbeq_end(first, days, ext), assumptions)

    participants = find_participants(q)
    staff = _has(q, r"personal|wochenstunden|stunden|vollzeit|stelle|fachkr|qualifizierungstrainer|trainer|betreuungsschlüssel")
    # "Was macht der Qualifizierungstrainer bei fünf Teilnehmern?" asks about tasks, not amounts
    amount = _has(q, r"wie viel|wieviel|wie viele|wie hoch|wie groß|brauch|benötig|vorhalt|rechn|umfang|stunden|vollzeit|stelle|schlüssel|bedarf|einsetz|einplan")
    if participants is not None and staff and amount:
        if _has(q, r"vor 2016|altvertrag|alter vertrag|teilnehmermonat|teilnehmer-monat") or re.search(r"\bLos\b|\bLose\b", q):
            lots = [int(n) for n in re.findall(r"\bLos\s*\d+\s*(?:hat|mit|:|=)?\s*(\d+)", q)]
            lots = lots or [int(n) for n in re.findall(r"(\d+)\s*(?=(?:und|,|\s)*(?:\d+\s*)?(?:Teilnehm|TN))", q)] or [participants]
            year = None
            m = re.search(r"(?:Beginn|begonnen|gestartet|Start)\D{0,20}(20\d\d)|(20\d\d)\s+begonnen", q)
            if m:
                year = int(m.group(1) or m.group(2))
            return Route("personal-alt", lambda: calc.staffing_pre2016(lots, year), assumptions)
        month = find_month(q)
        extra = []
        if month is None:
            month = 1
            extra.append("Kein Maßnahmemonat genannt: gerechnet für die ersten 12 Monate der Maßnahme.")
        if not _has(q, r"ab 2016|nach 2016|seit 2016|neuvertrag"):
            extra.append("Vertrag ab 2016 (Teilnehmerplätze) angenommen; für Altverträge „vor 2016“ angeben.")
        min_places = find_min_places(q)
        option = _has(q, r"option")
        return Route("personal", lambda: calc.staffing_2016(participants, month, min_places, option), assumptions + extra)
    return None
