"""Deadlines and periods, each from its source passage (see corpus/rules.yaml)."""
from __future__ import annotations

import datetime as dt
import math

import holidays
from dateutil.relativedelta import relativedelta

from .base import Calculation, InputError, check_count, check_date, fmt_date, fmt_day, num, rule

LANDS = {"BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH"}
DEFAULT_LAND = "MV"  # the Planungsgespräch procedure comes from the Mecklenburg-Vorpommern agreement


def _holiday(day: dt.date, land: str) -> str | None:
    if land not in LANDS:
        raise InputError(f"Unbekanntes Bundesland „{land}“ (erlaubt: {', '.join(sorted(LANDS))}).")
    cal = holidays.country_holidays("DE", subdiv=land, years=day.year, language="de")
    return cal.get(day)


def _flag(day: dt.date, land: str) -> str:
    name = _holiday(day, land)
    if name:
        return f" – Achtung: gesetzlicher Feiertag in {land} ({name})"
    if day.weekday() >= 5:
        return " – Achtung: Wochenende"
    return ""


def integration_office(employment_start: dt.date, land: str = DEFAULT_LAND) -> Calculation:
    check_date(employment_start, label="Beginn der Beschäftigung")
    r = rule("deadlines", "integration_office_months_before")
    due = employment_start - relativedelta(months=r.value)
    steps = [
        f"Geplanter Beginn der sozialversicherungspflichtigen Beschäftigung: {fmt_day(employment_start)}",
        f"Spätestens {r.value} Monate vorher: {fmt_day(due)}{_flag(due, land)}",
    ]
    return Calculation("integrationsamt", "Unterrichtung des Integrationsamts (InbeQ → Berufsbegleitung)",
                       f"Integrationsamt spätestens am {fmt_date(due)} unterrichten", steps, [r],
                       dates=[("Spätester Termin: Integrationsamt über Berufsbegleitung unterrichten", due)],
                       notes=["Die Frist stammt aus der Kooperationsvereinbarung Mecklenburg-Vorpommern, die mit Ablauf des 14.04.2014 außer Kraft getreten ist."],
                       inputs={"beschaeftigungsbeginn": employment_start.isoformat()})


def first_friday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(4 - day.weekday()) % 7)


def planning_meeting(after: dt.date, land: str = DEFAULT_LAND) -> Calculation:
    """The next Planungsgespräch on or after `after` with its registration deadlines."""
    check_date(after, label="Datum")
    meeting = first_friday(after.year, after.month)
    if meeting < after:
        nxt = after + relativedelta(months=1)
        meeting = first_friday(nxt.year, nxt.month)
    day_rule = rule("deadlines", "planning_meeting_day")
    reg, inv, att = (rule("deadlines", k) for k in ("planning_registration_days_before", "planning_invitation_days_before", "planning_attachments_days_before"))
    late, dev = rule("deadlines", "planning_late_registration"), rule("deadlines", "planning_deviations")
    registration = meeting - dt.timedelta(days=reg.value)
    attachments = meeting - dt.timedelta(days=att.value)
    steps = [
        f"Planungsgespräche finden jeden ersten Freitag im Monat statt; nächster Termin ab {fmt_date(after)}: {fmt_day(meeting)}{_flag(meeting, land)}",
        f"Anmeldung per Anmeldebogen {reg.value} Tage vorher: bis {fmt_day(registration)}{_flag(registration, land)}",
        f"Anlagen vollständig beim Integrationsamt und Einladung an den Teilnehmerkreis eine Woche vorher: bis {fmt_day(attachments)}{_flag(attachments, land)}",
    ]
    notes = [
        "Eine Nachmeldung ist nur in begründeten Ausnahmefällen möglich oder wenn die Beschäftigung zum 1. des nächsten Monats beginnt.",
        "Abweichende Termine teilt die Agentur für Arbeit rechtzeitig mit.",
        "Die Regeln stammen aus der Kooperationsvereinbarung Mecklenburg-Vorpommern (außer Kraft seit 15.04.2014).",
    ]
    result = f"Planungsgespräch am {fmt_date(meeting)}; Anmeldung bis {fmt_date(registration)}; Anlagen und Einladung bis {fmt_date(attachments)}"
    dates = [("Planungsgespräch", meeting), ("Anmeldeschluss Planungsgespräch", registration), ("Anlagen vollständig / Einladung Planungsgespräch", attachments)]
    if registration < after:
        # the regular deadline has passed: name the next meeting one can still register for
        nxt = meeting + relativedelta(months=1)
        later = first_friday(nxt.year, nxt.month)
        later_reg = later - dt.timedelta(days=reg.value)
        steps.append(f"Die Anmeldefrist für den {fmt_date(meeting)} ist am {fmt_date(registration)} abgelaufen; "
                     f"nächster Termin mit offener Anmeldung: {fmt_day(later)}{_flag(later, land)}, Anmeldung bis {fmt_day(later_reg)}{_flag(later_reg, land)}")
        result += f" (Frist abgelaufen; nächster Termin {fmt_date(later)}, Anmeldung bis {fmt_date(later_reg)})"
        dates += [("Planungsgespräch (nächster Termin)", later), ("Anmeldeschluss Planungsgespräch (nächster Termin)", later_reg)]
    return Calculation("planungsgespraech", "Planungsgespräch und Anmeldefristen", result, steps, [day_rule, reg, inv, att, late, dev],
                       dates=dates, notes=notes, inputs={"ab": after.isoformat(), "land": land})


def quarter_end(day: dt.date) -> dt.date:
    q_last_month = ((day.month - 1) // 3 + 1) * 3
    return dt.date(day.year, q_last_month, 1) + relativedelta(months=1) - dt.timedelta(days=1)


def termination(notice_date: dt.date) -> Calculation:
    check_date(notice_date, label="Datum der Kündigung")
    r = rule("deadlines", "termination_notice_months")
    earliest = notice_date + relativedelta(months=r.value)
    effective = quarter_end(earliest)
    steps = [
        f"Kündigung zugegangen am {fmt_date(notice_date)}",
        f"Dreimonatige Frist läuft bis {fmt_date(earliest)}",
        f"Wirksam zum Ende des Kalendervierteljahres: {fmt_date(effective)}",
    ]
    return Calculation("kuendigung", "Kündigung der Kooperationsvereinbarung (§ 10)", f"Kündigung wirksam zum {fmt_date(effective)}", steps, [r],
                       dates=[("Kündigung der Kooperationsvereinbarung wirksam", effective)],
                       notes=["Kündigung nur aus wichtigem Grund und schriftlich.", "Die Vereinbarung selbst ist mit Ablauf des 14.04.2014 außer Kraft getreten."],
                       inputs={"kuendigung": notice_date.isoformat()})


def reporting_date(on: dt.date) -> Calculation:
    check_date(on, label="Datum")
    r = rule("deadlines", "reporting_dates")
    candidates = []
    for year in (on.year, on.year + 1):
        for md in r.value:
            m, d = (int(x) for x in md.split("-"))
            candidates.append(dt.date(year, m, d))
    nxt = min(c for c in candidates if c >= on)
    steps = [f"Stichtage sind der 1. April und der 1. Oktober; der nächste ab {fmt_date(on)}: {fmt_day(nxt)}"]
    return Calculation("stichtag", "Stichtag der Teilnehmermeldung an das Integrationsamt", f"Nächster Stichtag: {fmt_date(nxt)}", steps, [r],
                       dates=[("Stichtag Teilnehmerzahl InbeQ", nxt)], inputs={"datum": on.isoformat()})


def leave_days(full_months: int, severely_disabled: bool = False, entry: dt.date | None = None) -> Calculation:
    full_months = check_count(full_months, label="Volle Kalendermonate", maximum=48)
    per = rule("deadlines", "leave_days_per_month")
    rules = [per]
    base = full_months * per.value
    steps = [f"{full_months} volle Kalendermonate x {num(per.value)} Tage = {num(base)} unterweisungsfreie Arbeitstage"]
    total = base
    notes = []
    dates = []
    if entry is not None:
        check_date(entry, label="Eintritt")
        year_start = (entry.replace(day=1) + relativedelta(months=1))
        rules.append(rule("deadlines", "leave_year_start"))
        steps.append(f"Das „Urlaubsjahr“ beginnt am 1. Tag des Monats nach dem Eintritt: {fmt_date(year_start)}")
        dates.append(("Beginn des Urlaubsjahres (unterweisungsfreie Zeiten)", year_start))
    if severely_disabled:
        sb = rule("deadlines", "leave_severely_disabled_extra_days")
        rules.append(sb)
        years, rest = divmod(full_months, 12)
        extra_exact = years * sb.value + rest * sb.value / 12
        extra = years * sb.value + (math.floor(rest * sb.value / 12 + 0.5) if rest else 0)
        steps.append(f"Zusatz für schwerbehinderte Teilnehmende (§ 208 SGB IX sinngemäß): {sb.value} Tage je Jahr bei Fünftagewoche; für {full_months} Monate {num(extra_exact)} Tage, Bruchteile ab einem halben Tag aufgerundet: {num(extra)} Tage")
        total = base + extra
        notes.append("Gilt nur für schwerbehinderte, nicht für gleichgestellte Teilnehmende.")
    result = f"{num(total)} unterweisungsfreie Tage" + (f" (davon {num(total - base)} Tage Zusatz nach § 208 SGB IX)" if total != base else "")
    return Calculation("unterweisungsfrei", "Unterweisungsfreie Zeiten („Urlaub“) in der InbeQ", result, steps, rules, dates=dates, notes=notes,
                       inputs={"monate": full_months, "schwerbehindert": severely_disabled, "eintritt": entry.isoformat() if entry else None})


def inbeq_end(start: dt.date, interruption_days: int = 0, extension_months: int = 0) -> Calculation:
    check_date(start, label="Beginn der InbeQ")
    interruption_days = check_count(interruption_days, label="Unterbrechungstage", maximum=3650)
    extension_months = check_count(extension_months, label="Verlängerung in Monaten", maximum=120)
    mx, ext, intr = rule("deadlines", "inbeq_max_months"), rule("deadlines", "inbeq_extension_months"), rule("deadlines", "inbeq_interruptions")
    if extension_months > ext.value:
        raise InputError(f"Eine Verlängerung ist höchstens um {ext.value} Monate möglich (angegeben: {extension_months}).")
    regular = start + relativedelta(months=mx.value) - dt.timedelta(days=1)
    end = regular + dt.timedelta(days=interruption_days)
    steps = [f"Beginn {fmt_date(start)}; Regeldauer bis zu {mx.value} Monate: Ende spätestens {fmt_date(regular)}"]
    if interruption_days:
        steps.append(f"Unterbrechungen verbrauchen keine Maßnahmezeit: Ende verschiebt sich um {interruption_days} Tage auf {fmt_date(end)}")
    dates = [("Spätestes Ende der InbeQ (Regeldauer)", end)]
    result = f"InbeQ endet spätestens am {fmt_date(end)}"
    if extension_months:
        ext_end = end + relativedelta(months=extension_months)
        steps.append(f"Mit Verlängerung um {extension_months} Monate: {fmt_date(ext_end)}")
        dates.append(("Spätestes Ende der InbeQ mit Verlängerung", ext_end))
        result += f"; mit Verlängerung um {extension_months} Monate am {fmt_date(ext_end)}"
    else:
        max_end = end + relativedelta(months=ext.value)
        steps.append(f"Höchstens mit Verlängerung um {ext.value} Monate: {fmt_date(max_end)}")
    notes = ["Eine Verlängerung kommt nur in Betracht, wenn wegen Art oder Schwere der Behinderung der Eingliederungserfolg nicht anders erreicht werden kann; eine längere Erkrankung allein reicht nicht."]
    return Calculation("inbeq-dauer", "Dauer der InbeQ", result, steps, [mx, ext, intr], dates=dates, notes=notes,
                       inputs={"beginn": start.isoformat(), "unterbrechung_tage": interruption_days, "verlaengerung_monate": extension_months})


def jobcoaching(start: dt.date, hours_used: float | None = None, extended: bool = False) -> Calculation:
    check_date(start, label="Beginn des Jobcoachings")
    base, extr = rule("deadlines", "jobcoaching"), rule("deadlines", "jobcoaching_extension")
    cfg = base.value
    earliest = start + relativedelta(months=cfg["min_months"]) - dt.timedelta(days=1)
    latest = start + relativedelta(months=cfg["max_months"]) - dt.timedelta(days=1)
    hours = cfg["hours"] + (extr.value["hours"] if extended else 0)
    end = latest + relativedelta(months=extr.value["months"]) if extended else latest
    steps = [
        f"Regel: {cfg['hours']} Fachleistungsstunden über {cfg['min_months']} bis {cfg['max_months']} Monate ab {fmt_date(start)}: Ende zwischen {fmt_date(earliest)} und {fmt_date(latest)}",
    ]
    if extended:
        steps.append(f"Verlängerung um bis zu {extr.value['months']} Monate mit bis zu {extr.value['hours']} Stunden: spätestes Ende {fmt_date(end)}, insgesamt {hours} Stunden")
    else:
        steps.append(f"Mit Verlängerung (bis zu {extr.value['months']} Monate, bis zu {extr.value['hours']} Stunden) spätestens {fmt_date(latest + relativedelta(months=extr.value['months']))}")
    result = f"Jobcoaching endet spätestens am {fmt_date(end)} ({hours} Fachleistungsstunden)"
    if hours_used is not None:
        if hours_used < 0:
            raise InputError("Verbrauchte Stunden: Der Wert darf nicht negativ sein.")
        rest = hours - hours_used
        steps.append(f"Verbraucht {num(hours_used)} von {hours} Stunden: verbleiben {num(max(rest, 0))} Stunden")
        result += f"; verbleibend {num(max(rest, 0))} Stunden"
        if rest < 0:
            steps.append("Das Kontingent ist überschritten: ein darüber hinausgehender Bedarf muss über den Eingliederungshilfeträger geprüft werden.")
    return Calculation("jobcoaching", "Jobcoaching: Dauer und Stunden (Baden-Württemberg)", result, steps, [base, extr],
                       dates=[("Spätestes Ende des Jobcoachings", end)], inputs={"beginn": start.isoformat(), "verbraucht": hours_used, "verlaengert": extended})


def graduate_interview(end: dt.date, duration_months: int | None = None) -> Calculation:
    check_date(end, label="Teilnahmeende")
    long, short = rule("deadlines", "graduate_interview"), rule("deadlines", "graduate_interview_short")
    assumptions = []
    if duration_months is None:
        duration_months = long.value["min_measure_months"]
        assumptions.append("Keine Maßnahmedauer angegeben: angenommen wird eine Dauer von mindestens zwei Monaten.")
    duration_months = check_count(duration_months, label="Maßnahmedauer in Monaten", maximum=120)
    if duration_months >= long.value["min_measure_months"]:
        frm = end - dt.timedelta(weeks=long.value["weeks_before"])
        to = end + dt.timedelta(weeks=long.value["weeks_after"])
        steps = [f"Maßnahme von mindestens zwei Monaten: qualifiziertes Beratungsgespräch vier Wochen vor bis vier Wochen nach dem Teilnahmeende {fmt_date(end)}: {fmt_date(frm)} bis {fmt_date(to)}"]
        dates = [("Absolventengespräch frühestens", frm), ("Absolventengespräch spätestens", to)]
        result = f"Absolventengespräch zwischen {fmt_date(frm)} und {fmt_date(to)}"
        rules = [long]
    else:
        to = end + dt.timedelta(weeks=short.value["weeks_after"])
        steps = [f"Maßnahme unter zwei Monaten: dokumentiertes Beratungsgespräch spätestens vier Wochen nach dem Ende {fmt_date(end)}: bis {fmt_date(to)}"]
        dates = [("Absolventengespräch spätestens", to)]
        result = f"Absolventengespräch spätestens am {fmt_date(to)}"
        rules = [short]
    return Calculation("absolventen", "Absolventenmanagement: Beratungsgespräch zum Teilnahmeende", result, steps, rules, dates=dates,
                       assumptions=assumptions, notes=["Gilt auch bei Abbruch (vorzeitigem Austritt)."], inputs={"ende": end.isoformat(), "dauer_monate": duration_months})


def review(concluded: dt.date, kind: str = "ev") -> Calculation:
    check_date(concluded, label="Datum der Vereinbarung")
    if kind not in ("ev", "kooperationsplan"):
        raise InputError("Art: bitte „ev“ (Eingliederungsvereinbarung, SGB III) oder „kooperationsplan“ (SGB II).")
    r = rule("deadlines", "ev_review_months" if kind == "ev" else "cooperation_plan_months")
    due = concluded + relativedelta(months=r.value)
    name = "Eingliederungsvereinbarung (SGB III)" if kind == "ev" else "Kooperationsplan (SGB II)"
    verb = "überprüfen" if kind == "ev" else "aktualisieren bzw. fortschreiben"
    steps = [f"{name} vom {fmt_date(concluded)}: spätestens nach Ablauf von {r.value} Monaten {verb}: {fmt_day(due)}"]
    return Calculation("ueberpruefung", f"Überprüfung: {name}", f"{name} spätestens am {fmt_date(due)} {verb}", steps, [r],
                       dates=[(f"{name} {verb}", due)], inputs={"datum": concluded.isoformat(), "art": kind})


def market_prognosis(today: dt.date, expected_integration: dt.date) -> Calculation:
    check_date(today, label="Datum")
    check_date(expected_integration, label="Erwartete Integration")
    r = rule("deadlines", "market_near_months")
    limit = today + relativedelta(months=r.value)
    near = expected_integration <= limit
    label = "marktnah" if near else "nicht marktnah"
    steps = [f"Integration erwartet am {fmt_date(expected_integration)}; Grenze {r.value} Monate ab {fmt_date(today)}: {fmt_date(limit)} → {label}"]
    return Calculation("prognose", "Integrationsprognose", f"Integrationsprognose: {label}", steps, [r], inputs={"heute": today.isoformat(), "integration": expected_integration.isoformat()})


def occupancy_check(start: dt.date, modular: bool | None = None, land: str = DEFAULT_LAND) -> Calculation:
    check_date(start, label="Maßnahmebeginn")
    r = rule("deadlines", "occupancy_check_days_before")
    check = start - dt.timedelta(days=r.value)
    steps = [f"Maßnahme- bzw. Modulbeginn {fmt_day(start)}; Prüfung der Zuweisungen drei Wochen vorher: {fmt_day(check)}{_flag(check, land)}"]
    rules = [r]
    if modular is not None:
        key = "occupancy_overview_modular" if modular else "occupancy_overview_non_modular"
        w = rule("deadlines", key)
        rules.append(w)
        weekday = 1 if modular else 3
        first = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
        steps.append(f"Danach wöchentlich {'dienstags' if modular else 'donnerstags'} eine Übersicht der freien Plätze; erste ab Beginn: {fmt_day(first)}")
    return Calculation("besetzung", "Besetzungssteuerung (Arbeitsanleitung Nr. 103, Anlage 1)", f"Besetzung prüfen am {fmt_date(check)}", steps, rules,
                       dates=[("Besetzung prüfen (drei Wochen vor Beginn)", check)], inputs={"beginn": start.isoformat(), "modular": modular})
