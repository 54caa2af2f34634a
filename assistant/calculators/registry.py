"""One `CalculatorSpec` per calculator: its function, title, fields (German labels, help, parsing and bounds), its
route (the triggers that hand a question to it and the named extractor for each field) and an example question. The
CLI options (`lotse calc`), the UI forms (`assistant.forms`), the router's table (`assistant.router.ROUTES`) and the
README table are generated from these specs. Adding a calculator means one spec here, its rules in corpus/rules.yaml
and a test row.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Callable

from .. import question as qx
from ..extract import ExtractError, find_dates
from ..question import Trigger
from . import deadlines as dl
from . import staffing as st
from .base import Calculation, InputError, num

DATE_HINT = "TT.MM.JJJJ"
LAND_TITLES = qx.LAND_TITLES
# the Länder as forms offer them: "Baden-Württemberg (BW)", by name; the value is the code
LAND_CHOICES = tuple(sorted(((code, f"{LAND_TITLES[code]} ({code})") for code in dl.LANDS), key=lambda c: c[1]))


@dataclass(frozen=True)
class Field:
    name: str  # the key the calculator reports in Calculation.inputs
    label: str
    kind: str  # count | date | hours | flag | choice | counts
    required: bool = False
    default: str = ""
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    meanings: tuple[tuple[str, object], ...] = ()  # choice value -> what the calculator receives
    help: str = ""  # extra help for the CLI (the label is always shown)
    flag: str = ""  # the CLI option; default: --name with hyphens
    minimum: int | None = None
    maximum: int | None = None
    bounds_reason: str = ""  # why the bounds hold, shown with a value outside them
    flags: tuple[tuple[str, str], ...] = ()  # choice fields on the CLI as exclusive switches: (option, choice value)

    @property
    def mandatory(self) -> bool:
        """Whether the user must fill the field in: required and without a default (as on the command line)."""
        return self.required and not self.default

    @property
    def option(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def cli_help(self) -> str:
        parts = [self.label]
        if self.kind == "date":
            parts.append(f"Datum {DATE_HINT}, z. B. 01.03.2027")
        if self.kind == "choice" and not self.flags:
            parts.append("eines von: " + ", ".join(v for v, _ in self.choices))
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{self.minimum} bis {self.maximum}")
        if self.help:
            parts.append(self.help)
        if self.default and self.kind != "flag":
            parts.append(f"Standard: {dict(self.choices).get(self.default, self.default) if not self.meanings else self.default}")
        return "; ".join(parts)


@dataclass(frozen=True)
class RouteRule:
    """How the router hands a plain question to a calculator. The router tries the rules by rising `priority`; the
    first whose triggers fire (any one of them) wins. Then each field named in `extract` is filled by its named
    extractor (`assistant.question`), the other fields take their defaults, and the spec's `run` computes."""

    priority: int
    triggers: tuple[Trigger, ...]  # empty: reached only when another route's `choose` names this calculator
    extract: tuple[tuple[str, Callable], ...]  # (field name, named extractor)
    today: Callable | None = None  # named extractor for the day deadlines are judged from (default: today)
    choose: Callable | None = None  # named extractor naming the calculator that takes the question (e.g. by contract era)


@dataclass(frozen=True)
class CalculatorSpec:
    name: str
    title: str
    fields: tuple[Field, ...]
    run: Callable[[dict, dt.date], Calculation]  # typed field values and today -> calculation
    function: Callable  # the pure calculator function (for documentation)
    example: str  # a question the router hands to this calculator
    route: RouteRule | None = None

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


# a number in exponent notation ("1,5e2", "1e3"): refused by every number field alike (float() took "1,5e2" as 150,
# int() refused "1e3")
EXPONENT = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+")


def _exponent(text: str, example: str) -> InputError:
    value = float(text.replace(",", "."))
    shown = num(value) if math.isfinite(value) and abs(value) < 10**12 else "0"
    written = f"also {shown}" if shown != "0" or value == 0 else f"z. B. {example}"
    return InputError(f"„{text}“: bitte die Zahl ohne Exponenten („e“) ausschreiben, {written}.")


def _shown(f: Field, value: int) -> str:
    """A count in a message with German thousands ("10.000"), a year as a year ("2015")."""
    return str(value) if f.minimum is not None and f.minimum >= 1900 else num(value)


def _count(f: Field, text: str) -> int:
    if re.fullmatch(r"\d+\.", text):  # "6." as Germans write an ordinal ("6. Monat")
        text = text[:-1]
    if EXPONENT.fullmatch(text):
        raise _exponent(text, "8")
    if re.fullmatch(r"-\s*\d+", text):
        raise InputError("Negative Werte sind nicht möglich.")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):  # "1.000" is a thousand to a German reader, as in the hours
        text = text.replace(".", "")
    if not re.fullmatch(r"[0-9]+", text):  # only digits: int() also took "1_000", "+5" and other scripts' digits
        raise InputError(f"„{text}“ ist keine ganze Zahl.")
    value = int(text)
    if f.minimum is not None and f.maximum is not None and not (f.minimum <= value <= f.maximum):
        raise InputError(f"{_shown(f, value)} liegt außerhalb von {_shown(f, f.minimum)} bis {_shown(f, f.maximum)}{f.bounds_reason}.")
    if f.maximum is None and value > MAX_COUNT:  # named at the field, as every other bad value (not by the calculator)
        raise InputError(f"{num(value)} ist unrealistisch groß (höchstens {num(MAX_COUNT)}).")
    return value


def _hours(text: str) -> float:
    """Hours as Germans write them: "42", "42,5", "42.5", "1.000" (a thousand), "1.000,5"; no exponent, no "1_000"."""
    if EXPONENT.fullmatch(text):
        raise _exponent(text, "150 oder 42,5")
    if text.casefold().lstrip("+-") in {"nan", "inf", "infinity"}:
        raise InputError(f"„{text}“ ist keine endliche Zahl (z. B. 42 oder 42,5).")
    if re.fullmatch(r"-\s*\d+(?:[.,]\d+)?", text):
        raise InputError("Negative Werte sind nicht möglich.")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):  # "1.000" is a thousand to a German reader
        text = text.replace(".", "")
    if not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", text):
        raise InputError(f"„{text}“ ist keine Zahl.")
    return float(text.replace(",", "."))


MAX_COUNT = 10_000  # a count without bounds of its own (participants per lot, a year): no more than this


def parse_value(f: Field, raw: object, today: dt.date):
    """The typed value of one field, or None when empty; raises InputError (German). Shared by forms and CLI."""
    if f.kind == "flag":
        return bool(raw)
    text = str(raw if raw is not None else "").strip()
    if not text:
        if f.required:
            raise InputError("Bitte ausfüllen.")
        return None
    if len(text) > 100 or any(ord(ch) < 32 for ch in text):
        raise InputError("Diese Eingabe ist zu lang oder enthält Steuerzeichen.")
    if f.kind == "count":
        return _count(f, text)
    if f.kind == "counts":
        if EXPONENT.fullmatch(text):  # "1,5e2" is no pair of lots either
            raise _exponent(text, "8")
        if re.search(r"\d,\d", text):  # "8,5" is a decimal comma to a German reader, not two lots
            raise InputError(f"„{text}“ ist keine ganze Zahl. Mehrere Lose bitte mit Semikolon oder mit Komma und "
                             "Leerzeichen trennen, z. B. „8; 5“ oder „8, 5“.")
        if re.fullmatch(r"\d+(?:\s+\d+)+", text):  # "8 4": two lots, or a typo in one number
            raise InputError(f"„{text}“ ist keine ganze Zahl. Mehrere Lose bitte mit Semikolon trennen, z. B. „{'; '.join(text.split())}“.")
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        if not parts:  # ";", ", ": separators only (QA: an IndexError, HTTP 500)
            if f.required:
                raise InputError("Bitte mindestens eine Zahl angeben, z. B. „8“ oder je Los „8; 4“.")
            return None
        if len(parts) == 1:
            return [_count(f, parts[0])]
        values = []
        for i, p in enumerate(parts, 1):
            try:
                values.append(_count(f, p))
            except InputError as exc:  # which of several values: "Negative Werte sind nicht möglich" alone does not say
                raise InputError(f"{i}. Angabe: {exc}" if str(exc).startswith(f"„{p}“") else f"{i}. Angabe „{p}“: {exc}") from None
        return values
    if f.kind == "hours":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):  # a JSON number (1e-05 or 150.0 as Python writes it)
            value = float(raw)
        else:
            value = _hours(text)
        if not math.isfinite(value):
            raise InputError(f"„{text}“ ist keine endliche Zahl (z. B. 42 oder 42,5).")
        if value < 0:
            raise InputError("Negative Werte sind nicht möglich.")
        if value > 10_000:
            raise InputError(f"{text}: unrealistisch viele Stunden (höchstens 10.000).")
        return value
    if f.kind == "date":
        try:
            found = find_dates(text, today)
        except ExtractError as exc:
            raise InputError(str(exc)) from None
        if len(found) != 1 or found[0].year_assumed or found[0].month_only or found[0].relative:  # a form wants the day itself
            raise InputError(f"„{text}“ ist kein vollständiges Datum ({DATE_HINT}, z. B. 15.03.2027).")
        if text[:found[0].start].strip() or text[found[0].end:].strip(" ."):  # "01.03.2027abc", "x01.03.2027"
            raise InputError(f"„{text}“: Bitte nur das Datum angeben ({DATE_HINT}, z. B. 15.03.2027).")
        return found[0].value
    if f.kind == "choice":
        # a choice by its value ("ev") or by its label ("Eingliederungsvereinbarung")
        allowed = {**{label.casefold(): v for v, label in f.choices}, **{v.casefold(): v for v, _ in f.choices}}
        if text.casefold() not in allowed:
            options = ", ".join(v if v.casefold() == label.casefold() or label.endswith(f"({v})") else f"{v} ({label})" for v, label in f.choices)
            raise InputError(f"Bitte eine der Möglichkeiten wählen: {options}.")
        value = allowed[text.casefold()]
        return dict(f.meanings)[value] if f.meanings else value
    raise InputError(f"Unbekannte Feldart {f.kind}.")


MONTH_REASON = f" ({st.MONTH_BOUND_REASON})"

# a notice to take effect on a day asked about backwards ("soll zum 30.06.2027 gekündigt werden – bis wann muss sie
# zugehen?"): the calculator reckons forward from the day a notice arrived, and read so the date gave a wrong figure
# (QA 35); the passage of § 10 answers instead
TERMINATION_WANTED = r"\bzum\s+\d{1,2}\.\s*\d{1,2}\.(?:\d{2,4})?\s+(?:\w+\s+){0,3}?(?:gekündigt|kündigen|beendet|beenden)"


SPECS: tuple[CalculatorSpec, ...] = (
    CalculatorSpec("personal", "Personalbedarf InbeQ (Verträge ab 2016)", (
        Field("teilnehmende", "Besetzte Teilnehmerplätze", "counts", True, placeholder="z. B. 8; mehrere Lose: 8; 4",
              help="je Los; für mehrere Lose mehrfach angeben: --teilnehmende 3 --teilnehmende 6 (im Formular getrennt durch Semikolon: 3; 6)"),
        # no default: the month decides the rule (months 1-12 or from month 13); left empty, both phases are computed
        Field("monat", "Maßnahmemonat (1 = erster Monat)", "count", placeholder="z. B. 14 (leer: beide Phasen)", minimum=1, maximum=st.MAX_MONTH,
              bounds_reason=MONTH_REASON,
              help="leer: beide Phasen, der 1. bis 12. Monat und ab dem 13. Monat"),
        Field("mindestplaetze", "Mindestteilnehmerplatzzahl (falls bekannt)", "counts", minimum=1, maximum=10_000,
              placeholder="z. B. 7; je Los: 7; 5",
              help="laut Losblatt; bei mehreren Losen je Los in derselben Reihenfolge (--mindestplaetze 7 --mindestplaetze 6; "
                   "im Formular: 7; 6) oder eine Zahl für alle"),
        Field("option", "Option gezogen", "flag", help="der Monat zählt ab Optionsbeginn"),
    ), lambda v, _t: st.staffing_2016(v["teilnehmende"] if len(v["teilnehmende"]) > 1 else v["teilnehmende"][0], v["monat"], v["mindestplaetze"], v["option"]),
        st.staffing_2016, "Wir haben acht Teilnehmer im sechsten Monat, Mindestteilnehmerplatzzahl 7. Wie viele Wochenstunden Personal?",
        route=RouteRule(120, (  # asks for an amount of staff and names the participants or lots, or names a contract and lots
            # not "Was soll der QT mit der restlichen Zeit machen?": that asks what to do, not how much
            # the amount is asked for, not told ("Eine TN ist nur vier Stunden belastbar. Muss sie …?")
            Trigger((qx.STAFF, qx.AMOUNT), (qx.WHAT_TO_DO, qx.PARTICIPANT_TIME, qx.PARTICIPANT_GETS, qx.COUNTS_AS), date=False,
                    needs=(qx.participants,), asked=qx.AMOUNT),
            Trigger((qx.STAFF, qx.AMOUNT), (qx.WHAT_TO_DO, qx.PARTICIPANT_TIME, qx.PARTICIPANT_GETS, qx.COUNTS_AS), date=False,
                    needs=(qx.lots,), asked=qx.AMOUNT),
            # terse, an old contract (its staff does not depend on the month): "Altvertrag 2014, 8 TN – Personal?" (QA 14)
            Trigger((qx.STAFF, qx.PRE2016), (qx.WHAT_TO_DO, qx.PARTICIPANT_TIME, qx.COUNTS_AS, qx.ASKS_OTHER), date=False,
                    needs=(qx.participants,)),
            # terse: "personal bei 8 teilnehmern im 6. monat" names staff, participants and a month
            Trigger((qx.STAFF,), (qx.PARTICIPANT_TIME, qx.COUNTS_AS, qx.ASKS_OTHER), date=False, needs=(qx.participants, qx.named_month)),
            # the two figures alone, the whole question: "8 Teilnehmer im 13. Monat", "8 TN, Monat 13" (QA 27: the search had
            # shown B.2's worked example for the 6th month)
            Trigger((qx.TERSE_STAFFING,), date=False, needs=(qx.participants, qx.named_month)),
            # the three figures of B.2's worked examples without a word for staff: "6 TN, Monat 6, MTPZ 7"
            Trigger((qx.MIN_PLACES_WORD,), (qx.PARTICIPANT_TIME, qx.COUNTS_AS, qx.ASKS_OTHER), date=False,
                    needs=(qx.participants, qx.measure_month, qx.min_places)),
            Trigger((qx.PRE2016 + "|" + qx.FROM2016 + r"|vertrag",), (r"was |welche|wer |darf|muss",), date=False, needs=(qx.lots,)),
            # the ratio asked by name, with a count: "Altvertrag von 2015, 3 Teilnehmer: welcher Personalansatz gilt?" (QA 39)
            Trigger((r"welche[rsnm]?\s+(?:personalansatz|personalschlüssel|betreuungsschlüssel)",), (qx.PARTICIPANT_TIME, qx.COUNTS_AS,
                    # a bound, no count: "bei weniger als 5 Teilnehmern" asks the rule
                    r"weniger als|mehr als|unter \d|über \d|ueber \d|bis zu \d|ab \d"), date=False, needs=(qx.participants,)),
        ), (("teilnehmende", qx.participants_per_lot), ("monat", qx.measure_month), ("mindestplaetze", qx.min_places),
            ("option", qx.option_drawn)), choose=qx.staffing_calculator)),
    CalculatorSpec("personal-alt", "Personalbedarf InbeQ (Verträge vor 2016, je Los)", (
        Field("lose", "Teilnehmende je Los (getrennt durch Semikolon)", "counts", True, placeholder="z. B. 8, 4", flag="--los",
              help="mehrfach angeben: --los 5 --los 6"),
        # the year of the (basic) contract: section A covers „(Grund-)Verträge VOR 2016 und Optionen aus diesen Verträgen“
        Field("beginnjahr", "Jahr des (Grund-)Vertrags", "count", minimum=2008, maximum=2015, placeholder="JJJJ, z. B. 2015",
              help="JJJJ, das Jahr des Vertragsbeginns; bei einer Option das Jahr des Vertrags, aus dem sie gezogen wurde, "
                   "auch wenn sie 2016 oder später beginnt",
              bounds_reason=(" (Jahr des Grundvertrags: für Verträge ab 2016 und Optionen daraus gilt der Rechner „personal“; eine Option "
                             "aus einem Vertrag vor 2016 zählt mit dessen Jahr, auch wenn sie 2016 oder später beginnt)")),
    ), lambda v, _t: st.staffing_pre2016(v["lose"], v["beginnjahr"]),
        st.staffing_pre2016, "Altvertrag vor 2016: Los 1 hat 5 und Los 2 hat 6 Teilnehmer. Wie viel Personal?",
        route=RouteRule(121, (), (("lose", qx.participants_per_lot), ("beginnjahr", qx.start_year)))),
    CalculatorSpec("integrationsamt", "Unterrichtung des Integrationsamts", (
        Field("beschaeftigungsbeginn", "Geplanter Beginn der Beschäftigung", "date", True, placeholder=DATE_HINT, flag="--beginn"),
    ), lambda v, t: dl.integration_office(v["beschaeftigungsbeginn"], today=t),
        dl.integration_office, "Beschäftigungsbeginn 15.03.2027 – wann spätestens das Integrationsamt unterrichten?",
        route=RouteRule(40, (Trigger((qx.INTEGRATION_OFFICE,
                                        r"informier|unterricht|beteilig|meld|benachrichtig|bescheid|einschalt|anmeld|frist|wann"),
                                     # informed already: its answer is awaited, no deadline; the half-yearly report
                                     # on the numbers ("der nächste Stichtag, zu dem … das Integrationsamt informiert"; QA 14)
                                     (r"(?:haben|hatten|wurde|ist|sind)\b(?:[^?.!]|(?<=\d)\.){0,60}\b(?:informiert|unterrichtet|benachrichtigt|gemeldet)\b",
                                      r"stichtag|teilnehmerzahl|teilnehmendenzahl|belegungszahl"),
                                     asked=qx.ASKS_WHEN),
                             # terse: "Beschäftigungsbeginn 29.02.2028 Integrationsamt"
                             Trigger((qx.INTEGRATION_OFFICE, r"beschäftigungsbeginn|arbeitsbeginn|arbeitsaufnahme|einstellung")),
                             # terse, as a task with its date: "Integrationsamt unterrichten, Beginn am 1. März 2027" (QA 27)
                             Trigger((r"^\W*(?:integrationsamt\w*\s+(?:unterricht|informier)|(?:unterricht|informier)\w*\s+(?:des\s+)?integrationsamt)",)),),
            (("beschaeftigungsbeginn", qx.employment_or_first_date),))),
    CalculatorSpec("planungsgespraech", "Nächstes Planungsgespräch und Anmeldefristen", (
        Field("ab", "Gesucht ab (leer = heute)", "date", placeholder=DATE_HINT),
        Field("land", "Bundesland für Feiertage", "choice", True, dl.DEFAULT_LAND, choices=LAND_CHOICES),
        Field("beschaeftigungsbeginn", "Beginn der Beschäftigung (für eine Nachmeldung, optional)", "date", placeholder=DATE_HINT, flag="--beschaeftigung"),
    ), lambda v, t: dl.planning_meeting(v["ab"] or dl.planning_search_start(v["beschaeftigungsbeginn"], t), v["land"],
                                      v["beschaeftigungsbeginn"], t),
        dl.planning_meeting, "Wann ist das nächste Planungsgespräch nach dem 10.01.2027?",
        route=RouteRule(30, (
            Trigger((r"planungsgespr(?:ä|ae|a)ch|\bPG\b",), (r"wer |teilnehmerkreis|zwingend|ergebnis|protokoll",),
                    date_or=r"nächst|naechst|kommend|wann", asked=qx.ASKS_WHEN + r"|anmeld|\b(?:nach|ab) dem\b"
                    # keywords, as the form's field reads: "Planungsgespräch ab 01.03.2027", "planungsgespräch im märz 2027"
                    + r"|^\W*planungsgespr\w*\s+(?:ab|nach|im|für|fuer)\s"),
            Trigger((r"nachmeld|anmeldebogen",)),
        ), (("ab", qx.planning_from), ("beschaeftigungsbeginn", qx.employment_start), ("land", qx.land)), today=qx.registration_moment)),
    CalculatorSpec("kuendigung", "Kündigung der Kooperationsvereinbarung", (
        Field("kuendigung", "Zugang der Kündigung", "date", True, placeholder=DATE_HINT, flag="--datum"),
    ), lambda v, t: dl.termination(v["kuendigung"], t),
        dl.termination, "Kündigung der Kooperationsvereinbarung am 15.05.2026 zugegangen – wann wirksam?",
        route=RouteRule(20, (Trigger((r"kündig",), (r"arbeitsverhältnis|arbeitsvertrag|beschäftigungsverhältnis", TERMINATION_WANTED,
                                                       # an employment ended by the employer or the participant
                                                       r"arbeitgeber|chef|firma|betrieb|teilnehm|\btn\b|sohn|tochter|mitarbeiter|\bjobs?\b"),
                                     asked=qx.ASKS_WHEN + r"|\bende\b|vertragsende"),  # terse: "… zugegangen – Ende?" (QA 14, 17)
                             # terser, its date alone: "Kündigung zugegangen am 31.12.2026" (QA 27)
                             Trigger((r"^\W*kündigung\w*(?:\s+der\s+kooperationsvereinbarung)?\s+(?:am\s+\S+\s+)?(?:zugegangen|erhalten|eingegangen|zugestellt)\b",),
                                     (r"arbeitsverhältnis|arbeitsvertrag|beschäftigungsverhältnis",
                                      r"arbeitgeber|chef|firma|betrieb|teilnehm|\btn\b|sohn|tochter|mitarbeiter|\bjobs?\b"))),
            (("kuendigung", qx.notice_date),))),
    CalculatorSpec("kuendigung-zum", "Kündigung der Kooperationsvereinbarung: spätester Zugang", (
        Field("zum", "Wirksam werden zum", "date", True, placeholder=DATE_HINT, flag="--zum"),
    ), lambda v, t: dl.termination_latest(v["zum"], t),
        dl.termination_latest, "Die Kooperationsvereinbarung soll zum 30.06.2027 gekündigt werden – bis wann muss die Kündigung zugehen?",
        # asked backwards, from the day it should take effect (QA 35); tried before the forward reckoning
        route=RouteRule(19, (Trigger((r"kündig|kuendig", r"\bzum\b"),
                                     (r"arbeitsverhältnis|arbeitsvertrag|beschäftigungsverhältnis",
                                      r"arbeitgeber|chef|firma|betrieb|teilnehm|\btn\b|sohn|tochter|mitarbeiter|\bjobs?\b",
                                      r"zugegangen|zugestellt|erhalten|eingegangen|bekommen"),
                                     asked=qx.ASKS_WHEN + r"|zugehen|zustellen|absenden|abschicken|raus",
                                     needs=(qx.effective_by,)),),
                        (("zum", qx.effective_by),))),
    CalculatorSpec("stichtag", "Nächster Stichtag (1. April / 1. Oktober)", (
        Field("datum", "Ab Datum (leer = heute)", "date", placeholder=DATE_HINT),
    ), lambda v, t: dl.reporting_date(v["datum"] or t, t),
        dl.reporting_date, "Wann ist der nächste Stichtag nach dem 02.10.2026?",
        route=RouteRule(50, (Trigger((r"stichtag",), date_or=r"nächst|naechst",
                                     asked=qx.ASKS_WHEN + r"|welche[rs]?\s+stichtag|stichtag\s+(?:nach|ab)\b|\bnach dem\b"),
                             # the half-yearly report named, not the word: "Wann informiert die Regionaldirektion das
                             # Integrationsamt das nächste Mal über die Teilnehmerzahlen?" (QA 14)
                             Trigger((qx.INTEGRATION_OFFICE, r"teilnehmerzahl|teilnehmendenzahl|belegungszahl"), date_or=r"nächst|naechst",
                                     asked=qx.ASKS_WHEN)), (("datum", qx.from_date),))),
    CalculatorSpec("unterweisungsfrei", "Unterweisungsfreie Tage", (
        Field("monate", "Volle Kalendermonate der Teilnahme", "count", minimum=0, maximum=qx.MAX_MEASURE_MONTHS,
              help="leer: nur der Beginn des „Urlaubsjahres“ aus dem Eintritt"),
        Field("schwerbehindert", "Schwerbehindert (nicht nur gleichgestellt)", "flag"),
        Field("eintritt", "Eintritt in die Maßnahme (optional)", "date", placeholder=DATE_HINT),
        Field("arbeitstage_woche", "Arbeitstage je Woche (leer = 5)", "count", minimum=1, maximum=6),
    ), lambda v, _t: dl.leave_days(v["monate"], v["schwerbehindert"], v["eintritt"], v["arbeitstage_woche"]),
        dl.leave_days, "Teilnehmerin schwerbehindert, 12 volle Monate dabei: wie viele unterweisungsfreie Tage?",
        route=RouteRule(60, (Trigger((qx.DAYS_OFF, qx.THE_MEASURE), date=False, needs=(qx.months_count,)),
                             # not about days off in another programme ("seit 3 Monaten in der Werkstatt")
                             # nor about an employee's years ("seit 8 Jahren bei uns im Büro … Zusatzurlaub"; QA 34)
                             Trigger((qx.DAYS_OFF,), (qx.OTHER_PROGRAMME,), date=False, needs=(qx.measure_months,)),
                             # the "Urlaubsjahr"'s first day from the entry (QA 39)
                             Trigger((r"urlaubsjahr",), (qx.OTHER_PROGRAMME,), needs=(qx.labelled_start_date,),
                                     asked=qx.ASKS_WHEN + r"|\bab wann|beginn|anf(?:a|ä)ng")),
            (("monate", qx.months_count), ("schwerbehindert", qx.severely_disabled), ("eintritt", qx.labelled_start_date),
             ("arbeitstage_woche", qx.weekdays)))),
    CalculatorSpec("inbeq-dauer", "Ende der InbeQ", (
        Field("beginn", "Beginn der InbeQ", "date", True, placeholder=DATE_HINT),
        Field("unterbrechung_tage", "Unterbrechung in Tagen", "count", default="0", minimum=0, maximum=3650),
        Field("unterbrechung_monate", "Unterbrechung in Monaten", "count", default="0", minimum=0, maximum=120),
        Field("verlaengerung_monate", "Verlängerung in Monaten", "count", default="0", minimum=0, maximum=12,
              bounds_reason=" (§ 55 Abs. 2 SGB IX: höchstens zwölf Monate)"),
        Field("mit_verlaengerung", "Mit Verlängerung", "flag", help="das Ende mit der längsten Verlängerung (12 Monate) im Ergebnis nennen"),
    ), lambda v, t: dl.inbeq_end(v["beginn"], v["unterbrechung_tage"] or 0, v["verlaengerung_monate"] or 0, v["unterbrechung_monate"] or 0, t,
                                 bool(v["mit_verlaengerung"])),
        dl.inbeq_end, "Die InbeQ begann am 01.03.2025 und wird um 12 Monate verlängert. Wann endet sie?",
        route=RouteRule(100, (Trigger((r"inbeq|maßnahme|qualifizierung|ub\b", qx.END_WORD + r"|läuft|dauer|verlänger|unterbroch|unterbrech|bis wann"),
                                      # its end already told ("endet am 30.9.2026. Was kommt danach?")
                                      # days off "bis Ende des Jahres" are no end of the measure
                                      # a rule asked ("Gibt es eine gesetzliche Regelung, nach der die InbeQ … verlängert werden
                                      # kann?"; QA 18): no end to compute
                                      (qx.END_TOLD, qx.DAYS_OFF, qx.WISHED_START, qx.BEFORE_MEASURE,
                                       r"\bgibt es (?:eine|ne|irgendeine) (?:\w+ )?(?:regel|regelung|vorschrift)"), asked=qx.ASKS_WHEN + "|" + qx.END_WORD + r"|dauer|läuft|verlänger|fertig"),
                              # a parent: "meine tochter hat am 01.08.2026 angefangen, wann ist sie fertig"
                              Trigger((qx.STARTED, qx.FINISHED), (qx.OTHER_MEASURE, qx.OTHER_PROGRAMME, qx.DAYS_OFF, qx.WISHED_START))),
            (("beginn", qx.begin_date), ("unterbrechung_tage", qx.interruption_days), ("unterbrechung_monate", qx.interruption_months),
             ("verlaengerung_monate", qx.extension_months), ("mit_verlaengerung", qx.extended)))),
    CalculatorSpec("jobcoaching", "Jobcoaching: Ende und Stunden", (
        Field("beginn", "Beginn des Jobcoachings", "date", placeholder=DATE_HINT, help="leer: nur die verbleibenden Stunden"),
        Field("verbraucht", "Bereits geleistete Fachleistungsstunden", "hours", help="z. B. 42 oder 42,5"),
        Field("verlaengert", "Verlängert", "flag", help="bis zu 3 Monate und 30 Stunden mehr"),
    ), lambda v, t: dl.jobcoaching(v["beginn"], v["verbraucht"], v["verlaengert"], today=t),
        dl.jobcoaching, "Das Jobcoaching hat am 01.02.2026 begonnen, bis wann läuft es?",
        route=RouteRule(90, (Trigger((r"jobcoa?ch",), (qx.PAUSED,), asked=qx.ASKS_WHEN + r"|stunden|übrig|uebrig|bleib|\brest|verbraucht|kontingent|reicht"),
                             # the hours alone, no start named: what is left of them (QA 39)
                             Trigger((r"jobcoa?ch",), (qx.PAUSED,), date=False, needs=(qx.hours_used,),
                                     asked=r"übrig|uebrig|bleib|\brest|reicht|wie viele|wieviele|noch")),
                        (("beginn", qx.start_date), ("verbraucht", qx.hours_used), ("verlaengert", qx.extended)))),
    CalculatorSpec("absolventen", "Absolventengespräch", (
        Field("ende", "Individuelles Teilnahmeende", "date", True, placeholder=DATE_HINT),
        Field("dauer_monate", "Dauer der Maßnahme in Monaten", "count", minimum=1, maximum=120),
        Field("mag", "Maßnahme bei einem Arbeitgeber (MAG)", "flag"),
        Field("uebernommen", "Bei MAG: in Beschäftigung übernommen", "flag"),
    ), lambda v, t: dl.graduate_interview(v["ende"], v["dauer_monate"], v["mag"], v["uebernommen"], t),
        dl.graduate_interview, "Die Maßnahme dauerte 1 Monat und endete am 03.03.2027 – bis wann das Absolventengespräch?",
        route=RouteRule(70, (Trigger((r"absolvent|beratungsgespräch|abschlussgespräch",),
                                     # the date of a conversation held, asked about its minutes: no deadline asked; a
                                     # prognosis asked after a Beratungsgespräch (QA 18)
                                     (r"gespräch\s+(?:war|fand|lief)\b|protokoll", r"marktnah|marktfern|integrationsprognose")),
                             # the conversation after a measure that ended, in other words: "eine Maßnahme, die am 03.03.2027
                             # aufgehört hat. Bis wann muss das Amt danach noch ein Gespräch mit ihr führen?" (QA 17)
                             Trigger((r"gespräch", r"\bMAG\b|maßnahme|massnahme",
                                      r"aufgehört|beendet|endete|zu ende gegangen|abgebrochen|vorbei|ausgetreten"),
                                     (r"gespräch\s+(?:war|fand|lief)\b|protokoll|planungsgespräch|\bPG\b",), asked=qx.ASKS_WHEN)),
            (("ende", qx.last_date), ("dauer_monate", qx.duration_months), ("mag", qx.employer_measure), ("uebernommen", qx.taken_on)))),
    CalculatorSpec("ueberpruefung", "Überprüfung von Eingliederungsvereinbarung / Kooperationsplan", (
        Field("datum", "Abgeschlossen am", "date", True, placeholder=DATE_HINT),
        Field("art", "Art", "choice", True, "ev", choices=(("ev", "Eingliederungsvereinbarung"), ("kooperationsplan", "Kooperationsplan"))),
    ), lambda v, t: dl.review(v["datum"], v["art"], t),
        dl.review, "Eingliederungsvereinbarung vom 10.01.2026 – wann überprüfen?",
        route=RouteRule(80, (Trigger((r"eingliederungsvereinbarung|\bEGV\b|\bEinV\b|\bEV\b(?! ?Rente)|" + qx.KOOPERATIONSPLAN, qx.REVIEW)),), (("datum", qx.agreement_date), ("art", qx.review_kind)))),
    CalculatorSpec("prognose", "Integrationsprognose (marktnah?)", (
        Field("integration", "Erwartetes Integrationsdatum", "date", True, placeholder=DATE_HINT),
        Field("heute", "Stand (leer = heute)", "date", placeholder=DATE_HINT),
    ), lambda v, t: dl.market_prognosis(v["heute"] or t, v["integration"]),
        dl.market_prognosis, "Ist eine Integration am 30.04.2027 marktnah?",
        route=RouteRule(110, (Trigger((r"marktnah|marktfern|integrationsprognose",),
                                      # what a term means ("was heißt marktnah seit Januar 2022?"; QA 17): no calculation
                                      (r"\bwas (?:bedeutet|heißt|heisst|ist)\b|\bbedeutung\b",)),),
            (("integration", qx.last_date), ("heute", qx.assessment_day)))),
    CalculatorSpec("besetzung", "Besetzungssteuerung", (
        Field("beginn", "Maßnahme- bzw. Modulbeginn", "date", True, placeholder=DATE_HINT),
        Field("modular", "Maßnahmeart", "choice", True, "offen", choices=(
            ("offen", "nicht angegeben"), ("ja", "modular"), ("nein", "nicht modular")),
            meanings=(("offen", None), ("ja", True), ("nein", False)),
            flags=(("--modular", "ja"), ("--nicht-modular", "nein"))),
        # the instruction names no Land: by default only holidays in every Land are flagged
        Field("land", "Bundesland für Feiertage", "choice", True, "bund",
              choices=(("bund", "nur bundesweite Feiertage"),) + LAND_CHOICES,
              meanings=(("bund", None),) + tuple((code, code) for code, _ in LAND_CHOICES)),
    ), lambda v, _t: dl.occupancy_check(v["beginn"], v["modular"], v["land"]),
        dl.occupancy_check, "Modul startet am 04.05.2026, wann prüft das ILC die Besetzung?",
        route=RouteRule(10, (Trigger((r"besetzung|besetzt|zuweisung|belegung|auslastung|\bILC\b[^?.!]{0,40}\b(?:TN|teilnehm\w*|plätze|plaetze|genug|voll)\b", r"prüf|pruef|steuer|kontroll|check|schau|guck|blick|sieht|sehen"),
                                     asked=qx.ASKS_WHEN + r"|prüf|pruef|kontroll|check"),),
            (("beginn", qx.start_date), ("modular", qx.modular), ("land", qx.land_named)))),
)
REGISTRY: dict[str, CalculatorSpec] = {s.name: s for s in SPECS}


def markdown_table() -> str:
    """The README table of calculators (generated; a test keeps README.md in step)."""
    rows = ["| Rechner | Zweck | Optionen |", "|---|---|---|"]
    for s in SPECS:
        options = ", ".join(f"`{o}`" for f in s.fields for o in ([o for o, _ in f.flags] if f.flags else [f.option]))
        rows.append(f"| `{s.name}` | {s.title} | {options} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
