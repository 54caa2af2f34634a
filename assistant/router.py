"""Route a plain German question to a calculator, with the inputs extracted from it.

The router is a table of route specs (`ROUTES`): each names its calculator, a trigger (does the question ask for
this calculation?) and a builder that calls named extractors from `assistant.extract`. The first spec whose
trigger fires wins; the table order is the priority. A question is handed to a calculator only when it names the
inputs (a date, a count of participants, a number of months). A question about the rule alone ("Wie ist der
Personalschlüssel?") stays with the search, which shows the passage.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from . import calculators as calc
from .extract import (FoundDate, find_dates, find_duration_months, find_extension_months, find_hours_used, find_interruption, find_lots,
                      find_min_places, find_month, find_months_count, find_negative, find_participants, find_start_year, find_weekdays,
                      mask_dates)


@dataclass
class Route:
    name: str
    run: Callable[[], calc.Calculation]
    assumptions: list[str] = field(default_factory=list)


def _has(text: str, pattern: str) -> bool:
    return re.search(pattern, text, re.I) is not None


@dataclass
class Question:
    """A question with what the extractors found in it (computed once, on demand)."""

    text: str
    today: dt.date

    @cached_property
    def dates(self) -> list[FoundDate]:
        return find_dates(self.text, self.today)

    @cached_property
    def masked(self) -> str:
        """The text without its dates, so their digits are not read as counts."""
        return mask_dates(self.text, self.today)

    @property
    def first(self) -> dt.date | None:
        return self.dates[0].value if self.dates else None

    def has(self, pattern: str) -> bool:
        return _has(self.text, pattern)

    @property
    def assumptions(self) -> list[str]:
        out = []
        for d in self.dates:
            if d.year_assumed:
                out.append(f"Jahr ergänzt: „{d.text}“ als {d.value.strftime('%d.%m.%Y')} gelesen.")
            elif d.month_only:
                out.append(f"„{d.text}“ als {d.value.strftime('%d.%m.%Y')} (Monatsanfang) gelesen.")
        return out


EMPLOYMENT = r"beschäftigung|arbeitsverhältnis|arbeitsvertrag|eingestellt|einstellung|arbeitsbeginn|arbeitsaufnahme|anstellung|job"


def employment_date(q: Question) -> FoundDate | None:
    """The date the employment starts: the date next to 'Beschäftigung beginnt', 'Arbeitsvertrag ab', 'eingestellt zum' …"""
    for d in q.dates:
        before = re.split(r"[.!?;:]\s", q.masked[max(0, d.start - 60):d.start])[-1]  # this sentence only
        if _has(before, EMPLOYMENT):
            return d
    return None


def reference_date(q: Question, exclude: FoundDate | None = None) -> tuple[dt.date, list[str]]:
    """The date one looks from: a date in the question other than `exclude` ('nach dem 18.12.' = from the 19th), else today."""
    for d in q.dates:
        if d is exclude:
            continue
        if _has(q.text[max(0, d.start - 12):d.start], r"\bnach(?:\s+dem)?\s*$"):
            return d.value + dt.timedelta(days=1), []
        return d.value, []
    return q.today, [f"Kein Datum genannt: gerechnet ab heute ({q.today.strftime('%d.%m.%Y')})."]


# -------------------------------------------------------------- triggers and builders, one pair per calculator
def _occupancy(q: Question) -> Route:
    modular = False if q.has(r"nicht[- ]?modular") else True if q.has(r"modular|modul") else None
    first = q.first
    return Route("besetzung", lambda: calc.occupancy_check(first, modular), q.assumptions)


def _termination(q: Question) -> Route:
    first = q.first
    return Route("kuendigung", lambda: calc.termination(first, q.today), q.assumptions)


def _integration_office(q: Question) -> Route:
    emp = employment_date(q)
    start = emp.value if emp else q.first
    return Route("integrationsamt", lambda: calc.integration_office(start, today=q.today), q.assumptions)


LATE = r"nachmeld|noch (?:an|nach)melden|noch anmelden|zu spät|verpasst"


def _planning(q: Question) -> Route:
    emp = employment_date(q)
    after, extra = reference_date(q, exclude=emp)
    start = emp.value if emp else None
    if emp is not None and extra:  # only the employment start is named: the meeting in the month before it
        before = (emp.value.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        after = max(q.today, before)
        extra = [f"Gesucht wird das Planungsgespräch vor dem Beschäftigungsbeginn ({emp.value.strftime('%d.%m.%Y')}), ab {after.strftime('%d.%m.%Y')}."]
    # "Kann ich nach dem 18.12. noch nachmelden?": that date is the moment of registration; otherwise it is where the
    # search for meetings starts and deadlines are judged against today
    moment = max(after, q.today) if q.has(LATE) else q.today
    return Route("planungsgespraech", lambda: calc.planning_meeting(after, employment_start=start, today=moment), q.assumptions + extra)


def _reporting(q: Question) -> Route:
    after, extra = reference_date(q)
    return Route("stichtag", lambda: calc.reporting_date(after, q.today), q.assumptions + extra)


def _leave(q: Question) -> Route:
    months = find_months_count(q.masked)
    sb = q.has(r"schwerbehindert") and not q.has(r"nicht schwerbehindert|gleichgestellt")
    week = find_weekdays(q.masked)
    first = q.first
    return Route("unterweisungsfrei", lambda: calc.leave_days(months, sb, first, week), q.assumptions)


def _graduate(q: Question) -> Route:
    duration = find_duration_months(q.masked)
    if duration is None and q.has(r"\d+\s*Wochen"):
        duration = 1
    mag = q.has(r"\bMAG\b|bei(?:m| einem) Arbeitgeber")
    taken_on = None
    if q.has(r"nicht übernommen|keine Übernahme|Nicht-Übernahme|nicht eingestellt"):
        taken_on = False
    elif q.has(r"übernommen|Übernahme|eingestellt"):
        taken_on = True
    end = q.dates[-1].value if q.dates else None
    return Route("absolventen", lambda: calc.graduate_interview(end, duration, mag, taken_on), q.assumptions)


def _review(q: Question) -> Route:
    kind = "kooperationsplan" if q.has(r"kooperationsplan") else "ev"
    first = q.first
    return Route("ueberpruefung", lambda: calc.review(first, kind), q.assumptions)


def _jobcoaching(q: Question) -> Route:
    used = find_hours_used(q.masked)
    ext = q.has(r"verlänger")
    first = q.first
    return Route("jobcoaching", lambda: calc.jobcoaching(first, used, ext), q.assumptions)


def _inbeq_end(q: Question) -> Route:
    days, months = find_interruption(q.masked)
    ext = find_extension_months(q.masked)
    first = q.first
    return Route("inbeq-dauer", lambda: calc.inbeq_end(first, days, ext, months), q.assumptions)


def _prognosis(q: Question) -> Route:
    expected = q.dates[-1].value
    return Route("prognose", lambda: calc.market_prognosis(q.today, expected), q.assumptions)


PRE2016 = r"vor 2016|bis 2015|altvertr|alte[nrm]? vertr|teilnehmermonat|teilnehmer-monat"
FROM2016 = r"(?:ab|nach|seit|von) 2016|neuvertr|neue[nrm]? vertr|teilnehmerpl[aä]tze|teilnehmer-pl[aä]tze"
STAFF = r"personal|wochenstunden|stunden|vollzeit|stelle|fachkr|qualifizierungstrainer|trainer|betreuungsschlüssel"
AMOUNT = r"wie viel|wieviel|wie viele|wie hoch|wie groß|brauch|benötig|vorhalt|rechn|umfang|stunden|vollzeit|stelle|schlüssel|bedarf|einsetz|einplan"


def contract_era(q: Question) -> tuple[str, list[str]]:
    """'vor2016' or 'ab2016' (named extractor): from the words, else from a contract start year, else assumed from 2016."""
    cutover = calc.base.rule("staffing", "contract_cutover_year").value
    if q.has(PRE2016):
        return "vor2016", []
    if q.has(FROM2016):
        return "ab2016", []
    year = find_start_year(q.text)
    if year is not None:
        return ("vor2016" if year < cutover else "ab2016"), []
    return "ab2016", [f"Vertrag ab {cutover} (Teilnehmerplätze) angenommen; für Altverträge „vor {cutover}“ angeben."]


def _wants_staffing(q: Question) -> bool:
    # "Was macht der Qualifizierungstrainer bei fünf Teilnehmern?" asks about tasks, not amounts
    if q.has(STAFF) and q.has(AMOUNT):
        return find_participants(q.masked) is not None or find_lots(q.masked) is not None
    # "Vertrag ab 2016 im 20. Monat: 3 Teilnehmer auf Los 1 und 6 auf Los 2" names lots and a contract: a staffing case
    return (q.has(PRE2016 + "|" + FROM2016 + r"|vertrag") and not q.has(r"was |welche|wer |darf|muss")
            and find_lots(q.masked) is not None)


def _staffing(q: Question) -> Route:
    era, extra = contract_era(q)
    lots = find_lots(q.masked)
    participants = find_participants(q.masked)
    if era == "vor2016":
        counts = lots or [participants]
        year = find_start_year(q.text)
        return Route("personal-alt", lambda: calc.staffing_pre2016(counts, year), q.assumptions + extra)
    month = find_month(q.masked)
    if month is None:
        month = 1
        extra = extra + ["Kein Maßnahmemonat genannt: gerechnet für die ersten 12 Monate der Maßnahme."]
    min_places = find_min_places(q.masked)
    option = q.has(r"option")
    counts = lots if lots else participants
    return Route("personal", lambda: calc.staffing_2016(counts, month, min_places, option), q.assumptions + extra)


@dataclass(frozen=True)
class RouteSpec:
    name: str
    trigger: Callable[[Question], bool]
    build: Callable[[Question], Route]  # the example question of each calculator is in its CalculatorSpec (tested)


ROUTES: tuple[RouteSpec, ...] = (
    RouteSpec("besetzung", lambda q: bool(q.dates) and q.has(r"besetzung|zuweisung|belegung|auslastung") and q.has(r"prüf|steuer|kontroll|check"),
              _occupancy),
    RouteSpec("kuendigung", lambda q: bool(q.dates) and q.has(r"kündig") and not q.has(r"arbeitsverhältnis|arbeitsvertrag|beschäftigungsverhältnis"),
              _termination),
    RouteSpec("planungsgespraech", lambda q: (q.has(r"planungsgespräch|planungsgespraech") and (bool(q.dates) or q.has(r"nächst|naechst|kommend|wann"))
                                             and not q.has(r"wer |teilnehmerkreis|zwingend|ergebnis"))
              or (bool(q.dates) and q.has(r"nachmeld|anmeldebogen")),
              _planning),
    RouteSpec("integrationsamt", lambda q: bool(q.dates) and q.has(r"integrationsamt|inklusionsamt")
              and q.has(r"informier|unterricht|beteilig|meld|benachrichtig|bescheid|einschalt|anmeld|frist|wann"),
              _integration_office),
    RouteSpec("stichtag", lambda q: q.has(r"stichtag") and (bool(q.dates) or q.has(r"nächst|naechst")), _reporting),
    RouteSpec("unterweisungsfrei", lambda q: q.has(r"unterweisungsfrei|urlaub") and find_months_count(q.masked) is not None, _leave),
    RouteSpec("absolventen", lambda q: bool(q.dates) and q.has(r"absolvent|beratungsgespräch|abschlussgespräch"), _graduate),
    RouteSpec("ueberpruefung", lambda q: bool(q.dates) and q.has(r"eingliederungsvereinbarung|kooperationsplan"), _review),
    RouteSpec("jobcoaching", lambda q: bool(q.dates) and q.has(r"jobcoach"), _jobcoaching),
    RouteSpec("inbeq-dauer", lambda q: bool(q.dates) and q.has(r"inbeq|maßnahme|qualifizierung|ub\b")
              and q.has(r"ende|endet|läuft|dauer|verlänger|unterbroch|unterbrech|bis wann"), _inbeq_end),
    RouteSpec("prognose", lambda q: bool(q.dates) and q.has(r"marktnah|marktfern|integrationsprognose"), _prognosis),
    RouteSpec("personal", _wants_staffing, _staffing),
)


def route(question: str, today: dt.date) -> Route | None:
    """The calculator for `question`, or None. Raises ExtractError/InputError for impossible input."""
    neg = find_negative(question)
    if neg:
        raise calc.InputError(f"„{neg}“: negative Anzahlen sind nicht möglich.")
    q = Question(question, today)
    q.dates  # an impossible date is reported even when no calculator fits
    for spec in ROUTES:
        if spec.trigger(q):
            return spec.build(q)
    return None
