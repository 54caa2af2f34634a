"""Calculator forms as data: the fields each calculator needs, their German labels, and
parsing with German validation messages. The UI renders these forms; no widget knows a
calculator's rules. A calculation handed off from a question is turned back into form
values (`prefill`) so the form opens filled in.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Callable

from . import calculators as calc
from .calculators.deadlines import DEFAULT_LAND, LANDS
from .extract import ExtractError, find_dates


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


@dataclass(frozen=True)
class CalcForm:
    name: str
    title: str
    fields: tuple[Field, ...]
    run: Callable[[dict, dt.date], calc.Calculation]


@dataclass
class FormResult:
    calculation: calc.Calculation | None = None
    errors: dict[str, str] = field(default_factory=dict)  # field name -> German message
    message: str = ""  # a problem that belongs to no single field

    @property
    def ok(self) -> bool:
        return self.calculation is not None


DATE_HINT = "TT.MM.JJJJ"
LAND_CHOICES = tuple((code, code) for code in sorted(LANDS))

FORMS: dict[str, CalcForm] = {f.name: f for f in (
    CalcForm("personal", "Personalbedarf InbeQ (Verträge ab 2016)", (
        Field("teilnehmende", "Besetzte Teilnehmerplätze", "count", True, placeholder="z. B. 8"),
        Field("monat", "Maßnahmemonat (1 = erster Monat)", "count", True, "1"),
        Field("mindestplaetze", "Mindestteilnehmerplatzzahl (falls bekannt)", "count"),
        Field("option", "Option gezogen", "flag"),
    ), lambda v, _t: calc.staffing_2016(v["teilnehmende"], v["monat"], v["mindestplaetze"], v["option"])),
    CalcForm("personal-alt", "Personalbedarf InbeQ (Verträge vor 2016, je Los)", (
        Field("lose", "Teilnehmende je Los (durch Komma getrennt)", "counts", True, placeholder="z. B. 8, 4"),
        Field("beginnjahr", "Jahr des Maßnahmebeginns", "count"),
    ), lambda v, _t: calc.staffing_pre2016(v["lose"], v["beginnjahr"])),
    CalcForm("integrationsamt", "Unterrichtung des Integrationsamts", (
        Field("beschaeftigungsbeginn", "Geplanter Beginn der Beschäftigung", "date", True, placeholder=DATE_HINT),
    ), lambda v, t: calc.integration_office(v["beschaeftigungsbeginn"], today=t)),
    CalcForm("planungsgespraech", "Nächstes Planungsgespräch und Anmeldefrist", (
        Field("ab", "Gesucht ab (leer = heute)", "date", placeholder=DATE_HINT),
        Field("land", "Bundesland für Feiertage", "choice", True, DEFAULT_LAND, choices=LAND_CHOICES),
        Field("beschaeftigungsbeginn", "Beginn der Beschäftigung (für eine Nachmeldung, optional)", "date", placeholder=DATE_HINT),
    ), lambda v, t: calc.planning_meeting(v["ab"] or t, v["land"], v["beschaeftigungsbeginn"], t)),
    CalcForm("kuendigung", "Kündigung der Kooperationsvereinbarung", (
        Field("kuendigung", "Zugang der Kündigung", "date", True, placeholder=DATE_HINT),
    ), lambda v, t: calc.termination(v["kuendigung"], t)),
    CalcForm("stichtag", "Nächster Stichtag (1. April / 1. Oktober)", (
        Field("datum", "Ab Datum (leer = heute)", "date", placeholder=DATE_HINT),
    ), lambda v, t: calc.reporting_date(v["datum"] or t, t)),
    CalcForm("unterweisungsfrei", "Unterweisungsfreie Tage", (
        Field("monate", "Volle Kalendermonate der Teilnahme", "count", True),
        Field("schwerbehindert", "Schwerbehindert (nicht nur gleichgestellt)", "flag"),
        Field("eintritt", "Eintritt in die Maßnahme (optional)", "date", placeholder=DATE_HINT),
        Field("arbeitstage_woche", "Arbeitstage je Woche (leer = 5)", "count"),
    ), lambda v, _t: calc.leave_days(v["monate"], v["schwerbehindert"], v["eintritt"], v["arbeitstage_woche"])),
    CalcForm("inbeq-dauer", "Ende der InbeQ", (
        Field("beginn", "Beginn der InbeQ", "date", True, placeholder=DATE_HINT),
        Field("unterbrechung_tage", "Unterbrechung in Tagen", "count", default="0"),
        Field("unterbrechung_monate", "Unterbrechung in Monaten", "count", default="0"),
        Field("verlaengerung_monate", "Verlängerung in Monaten", "count", default="0"),
    ), lambda v, _t: calc.inbeq_end(v["beginn"], v["unterbrechung_tage"] or 0, v["verlaengerung_monate"] or 0, v["unterbrechung_monate"] or 0)),
    CalcForm("jobcoaching", "Jobcoaching: Ende und Stunden", (
        Field("beginn", "Beginn des Jobcoachings", "date", True, placeholder=DATE_HINT),
        Field("verbraucht", "Bereits geleistete Fachleistungsstunden", "hours"),
        Field("verlaengert", "Verlängert", "flag"),
    ), lambda v, _t: calc.jobcoaching(v["beginn"], v["verbraucht"], v["verlaengert"])),
    CalcForm("absolventen", "Absolventengespräch", (
        Field("ende", "Individuelles Teilnahmeende", "date", True, placeholder=DATE_HINT),
        Field("dauer_monate", "Dauer der Maßnahme in Monaten", "count"),
        Field("mag", "Maßnahme bei einem Arbeitgeber (MAG)", "flag"),
        Field("uebernommen", "Bei MAG: in Beschäftigung übernommen", "flag"),
    ), lambda v, _t: calc.graduate_interview(v["ende"], v["dauer_monate"], v["mag"], v["uebernommen"] or None)),
    CalcForm("ueberpruefung", "Überprüfung von Eingliederungsvereinbarung / Kooperationsplan", (
        Field("datum", "Abgeschlossen am", "date", True, placeholder=DATE_HINT),
        Field("art", "Art", "choice", True, "ev", choices=(("ev", "Eingliederungsvereinbarung"), ("kooperationsplan", "Kooperationsplan"))),
    ), lambda v, _t: calc.review(v["datum"], v["art"])),
    CalcForm("prognose", "Integrationsprognose (marktnah?)", (
        Field("integration", "Erwartetes Integrationsdatum", "date", True, placeholder=DATE_HINT),
        Field("heute", "Stand (leer = heute)", "date", placeholder=DATE_HINT),
    ), lambda v, t: calc.market_prognosis(v["heute"] or t, v["integration"])),
    CalcForm("besetzung", "Besetzungssteuerung", (
        Field("beginn", "Maßnahme- bzw. Modulbeginn", "date", True, placeholder=DATE_HINT),
        Field("modular", "Maßnahmeart", "choice", True, "offen", choices=(
            ("offen", "nicht angegeben"), ("ja", "modular"), ("nein", "nicht modular")),
            meanings=(("offen", None), ("ja", True), ("nein", False))),
    ), lambda v, _t: calc.occupancy_check(v["beginn"], v["modular"])),
)}


def parse_value(f: Field, raw: object, today: dt.date):
    """The typed value of one field, or None when empty; raises calc.InputError (German)."""
    if f.kind == "flag":
        return bool(raw)
    text = str(raw if raw is not None else "").strip()
    if not text:
        if f.required:
            raise calc.InputError("Bitte ausfüllen.")
        return None
    if len(text) > 100 or any(ord(ch) < 32 for ch in text):
        raise calc.InputError("Diese Eingabe ist zu lang oder enthält Steuerzeichen.")
    if f.kind == "count":
        try:
            value = int(text)
        except ValueError:
            raise calc.InputError(f"„{text}“ ist keine ganze Zahl.") from None
        if value < 0:
            raise calc.InputError("Negative Werte sind nicht möglich.")
        return value
    if f.kind == "counts":
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        values = []
        for p in parts:
            if not p.lstrip("-").isdigit():
                raise calc.InputError(f"„{p}“ ist keine ganze Zahl.")
            if int(p) < 0:
                raise calc.InputError("Negative Werte sind nicht möglich.")
            values.append(int(p))
        return values
    if f.kind == "hours":
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise calc.InputError(f"„{text}“ ist keine Zahl.") from None
        if not math.isfinite(value):
            raise calc.InputError(f"„{text}“ ist keine endliche Zahl.")
        if value < 0:
            raise calc.InputError("Negative Werte sind nicht möglich.")
        return value
    if f.kind == "date":
        try:
            found = find_dates(text, today)
        except ExtractError as exc:
            raise calc.InputError(str(exc)) from None
        if len(found) != 1 or found[0].year_assumed:
            raise calc.InputError(f"„{text}“ ist kein vollständiges Datum ({DATE_HINT}).")
        return found[0].value
    if f.kind == "choice":
        allowed = [v for v, _ in f.choices]
        if text not in allowed:
            raise calc.InputError(f"Bitte eine der Möglichkeiten wählen: {', '.join(label for _, label in f.choices)}.")
        return dict(f.meanings)[text] if f.meanings else text
    raise calc.InputError(f"Unbekannte Feldart {f.kind}.")


def evaluate(name: str, raw: dict[str, object], today: dt.date) -> FormResult:
    """Validate the raw form values and run the calculator."""
    form = FORMS.get(name)
    if form is None:
        return FormResult(message=f"Unbekannter Rechner „{name}“.")
    values, errors = {}, {}
    for f in form.fields:
        try:
            values[f.name] = parse_value(f, raw.get(f.name, f.default), today)
        except calc.InputError as exc:
            errors[f.name] = str(exc)
    if errors:
        return FormResult(errors=errors)
    try:
        return FormResult(form.run(values, today))
    except calc.InputError as exc:
        return FormResult(message=str(exc))


def display_value(f: Field, value) -> object:
    """A calculator input as the form shows it (dates as TT.MM.JJJJ)."""
    if f.meanings:
        return next(choice for choice, meaning in f.meanings if meaning == value)
    if value is None:
        return False if f.kind == "flag" else ""
    if f.kind == "flag":
        return bool(value)
    if f.kind == "date":
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y") if isinstance(value, str) else value.strftime("%d.%m.%Y")
    if f.kind == "counts":
        return ", ".join(str(v) for v in value)
    if f.kind == "hours":
        return str(value).replace(".", ",").removesuffix(",0")
    return str(value)


def prefill(calculation: calc.Calculation) -> dict[str, object]:
    """Form values that reproduce a calculation (for a hand-off from a question)."""
    form = FORMS.get(calculation.name)
    if form is None:
        return {}
    inputs = calculation.inputs
    return {f.name: display_value(f, inputs.get(f.name)) for f in form.fields if f.name in inputs}
