"""Deadlines and periods, each from its source passage (see corpus/rules.yaml)."""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from ..extract import ORDINAL_WORDS, relativedelta
from .base import (MONTHS, WEEKDAYS, Calculation, InputError, check_count, check_date, citation, fmt_date, fmt_day, mark_validity, num, num_word,
                   plural, rule, source_documents)

LANDS = {"BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH"}
DEFAULT_LAND = "MV"  # the Planungsgespräch procedure comes from the Mecklenburg-Vorpommern agreement


@lru_cache(maxsize=64)
def _calendar(land: str | None, year: int):
    """The holidays of one year, in `land` or (None) in every Land: built once, as a calculation asks for several days."""
    import holidays  # imported when a deadline is computed: about 60 ms that every `lotse ask` would pay

    return holidays.country_holidays("DE", subdiv=land, years=year, language="de")


def _holiday(day: dt.date, land: str) -> str | None:
    if land not in LANDS:
        raise InputError(f"Unbekanntes Bundesland „{land}“ (erlaubt: {', '.join(sorted(LANDS))}).")
    return _calendar(land, day.year).get(day)


def _flag(day: dt.date, land: str) -> str:
    name = _holiday(day, land)
    if name:
        return f" – Achtung: gesetzlicher Feiertag in {land} ({name})"
    if day.weekday() >= 5:
        return " – Achtung: Wochenende"
    return ""


def _due_flag(day: dt.date, land: str) -> str:
    """`_flag` of a "bis …" deadline in the steps, with the last working day before it where it falls on a closed day,
    as the result names it (QA 45: the steps had said only "bis Freitag, 25.12.2026 – Achtung: Feiertag", the result
    "letzter Arbeitstag davor: Donnerstag, 24.12.2026")."""
    flag = _flag(day, land)
    return f"{flag}; letzter Arbeitstag davor: {fmt_day(_workday_before(day, land))}" if flag else ""


def _federal_holiday(day: dt.date) -> str | None:
    """The holiday of every Land on `day`, if any."""
    return _calendar(None, day.year).get(day)


def _weekend_or_holiday(day: dt.date) -> str:
    """The warning for a federal rule's day (no Land): a weekend, or a holiday in every Land."""
    name = _federal_holiday(day)
    if name:
        return f" – Achtung: bundesweiter Feiertag ({name})"
    return " – Achtung: Wochenende" if day.weekday() >= 5 else ""


def _closed(day: dt.date, land: str | None) -> str:
    """Why nobody works on `day`: its holiday (in `land`, or in every Land without one), "Samstag", "Sonntag"; else ""."""
    name = _holiday(day, land) if land else _federal_holiday(day)
    return name or (WEEKDAYS[day.weekday()] if day.weekday() >= 5 else "")


def _last_workday(day: dt.date, land: str | None) -> str:
    """For a result's "spätestens am …" that falls on a weekend or holiday, the last working day before it:
    " (Sonntag – letzter Arbeitstag davor: Freitag, 26.02.2027)"; else "". A fact of the calendar, not a rule
    of the documents: they say nothing of deadlines on closed days. "Arbeitstag", not "Werktag": a Saturday is a
    Werktag in law and is passed over here (QA 14)."""
    what = _closed(day, land)
    return f" ({what} – letzter Arbeitstag davor: {fmt_day(_workday_before(day, land))})" if what else ""


def _workday_before(day: dt.date, land: str | None) -> dt.date:
    """The last day before `day` that is neither a weekend nor a holiday (in `land`, or in every Land without one)."""
    before = day - dt.timedelta(days=1)
    while _closed(before, land):
        before -= dt.timedelta(days=1)
    return before


def _deadline(label: str, day: dt.date, land: str | None) -> tuple[str, dt.date]:
    """A "spätestens" date for the calendar (.ics, the dates list); on a weekend or holiday its label names the
    last working day before it (QA: the attachments' deadline had been entered on Christmas Day without a word)."""
    return label + _last_workday(day, land), day


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def integration_office(employment_start: dt.date, land: str = DEFAULT_LAND, today: dt.date | None = None) -> Calculation:
    check_date(employment_start, label="Beginn der Beschäftigung")
    today = _today(today)
    r = rule("deadlines", "integration_office_months_before")
    due = employment_start - relativedelta(months=r.value)
    steps = [
        f"Geplanter Beginn der sozialversicherungspflichtigen Beschäftigung: {fmt_day(employment_start)}",
        f"Spätestens {r.value} Monate vorher: {fmt_day(due)}{_due_flag(due, land)}",
        # § 3 M-V: the duty is the Leistungsträger's; the provider's part is to raise the need in time
        "Zuständig: der Leistungsträger der InbeQ (meist die Agentur für Arbeit) unterrichtet das Integrationsamt über eine "
        "notwendig erachtete Berufsbegleitung (§ 3).",
    ]
    result = f"Integrationsamt spätestens am {fmt_date(due)}{_last_workday(due, land)} unterrichten"
    dates = [_deadline("Spätester Termin: Integrationsamt über Berufsbegleitung unterrichten", due, land)]
    if due < today:
        started = (f"die Beschäftigung hat bereits am {fmt_date(employment_start)} begonnen; " if employment_start < today else "")
        result = (f"Frist abgelaufen: Das Integrationsamt hätte spätestens am {fmt_date(due)} unterrichtet werden müssen; "
                  f"{started}umgehend nachholen (heute, {fmt_date(today)})")
        steps.append(f"Die Frist ({fmt_date(due)}) liegt vor dem heutigen Tag ({fmt_date(today)}): die Unterrichtung sofort nachholen.")
        dates = [("Integrationsamt über Berufsbegleitung unterrichten (Frist abgelaufen, sofort nachholen)", today)]
    c = Calculation("integrationsamt", "Unterrichtung des Integrationsamts (InbeQ → Berufsbegleitung)", result, steps, [r], dates=dates,
                    inputs={"beschaeftigungsbeginn": employment_start.isoformat()})
    return mark_validity(c, today, ruled=[due] if due < today else None)


def nth_weekday(year: int, month: int, ordinal: int, weekday: int) -> dt.date:
    """The `ordinal`-th `weekday` (0 = Monday) of a month."""
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7 + 7 * (ordinal - 1))


def first_friday(year: int, month: int) -> dt.date:
    return nth_weekday(year, month, 1, 4)


def _meeting_rule() -> tuple[int, int, str]:
    value = rule("deadlines", "planning_meeting_day").value
    ordinal, weekday = str(value["ordinal"]), str(value["weekday"])
    return ORDINAL_WORDS[ordinal.lower()], WEEKDAYS.index(weekday), f"jeden {ordinal} {weekday} im Monat"


def _meeting_in(year: int, month: int) -> dt.date:
    ordinal, weekday, _ = _meeting_rule()
    return nth_weekday(year, month, ordinal, weekday)


def _meeting_from(day: dt.date) -> dt.date:
    meeting = _meeting_in(day.year, day.month)
    if meeting < day:
        nxt = day + relativedelta(months=1)
        meeting = _meeting_in(nxt.year, nxt.month)
    return meeting


def _holiday_text(day: dt.date, land: str) -> str:
    name = _holiday(day, land)
    return f" ({name}: Terminabweichungen teilt die Agentur für Arbeit rechtzeitig mit)" if name else ""


def planning_search_start(employment_start: dt.date | None, today: dt.date) -> dt.date:
    """Where the search for a Planungsgespräch starts when no day is given: with an employment start, the
    month before it (the meeting before the employment), not before today; else today."""
    if employment_start is None:
        return today
    return max(today, (employment_start.replace(day=1) - dt.timedelta(days=1)).replace(day=1))


def planning_meeting(after: dt.date, land: str = DEFAULT_LAND, employment_start: dt.date | None = None,
                     today: dt.date | None = None) -> Calculation:
    """The next Planungsgespräch on or after `after` with its registration deadlines.

    A deadline counts as passed when it lies before `today` (by default `after`, the day one looks from); meetings are
    searched from `after`.
    With `employment_start` on the 1st of a month, the meeting of the month before accepts a late registration.
    """
    check_date(after, label="Datum")
    ref = today or after
    _, _, rhythm = _meeting_rule()
    meeting = _meeting_from(after)
    reg, inv, att = (rule("deadlines", k) for k in ("planning_registration_days_before", "planning_invitation_weeks_before", "planning_attachments_weeks_before"))
    late, dev = rule("deadlines", "planning_late_registration"), citation("planning_deviations")
    purpose, by = citation("planning_purpose"), citation("planning_registration_by")
    rules = [rule("deadlines", "planning_meeting_day"), reg, inv, att, late, dev, by]
    registration = meeting - dt.timedelta(days=reg.value)
    attachments = meeting - dt.timedelta(weeks=att.value)
    steps = [
        f"Planungsgespräche finden {rhythm} statt; nächster Termin ab {fmt_date(after)}: {fmt_day(meeting)}{_flag(meeting, land)}",
        f"Anmeldung per Anmeldebogen {reg.value} Tage vorher (durch die Agentur für Arbeit; die Stellungnahme des "
        f"Leistungserbringers der InbeQ zum Bedarf an Berufsbegleitung liegt bei): bis {fmt_day(registration)}{_due_flag(registration, land)}",
        f"Anlagen vollständig beim Integrationsamt und Einladung an den Teilnehmerkreis {num_word(att.value)} Woche vorher: bis {fmt_day(attachments)}{_due_flag(attachments, land)}",
    ]
    notes = [
        f"Eine Nachmeldung ist nur in begründeten Ausnahmefällen möglich oder wenn die Beschäftigung zum {late.value}. des nächsten Monats beginnt.",
        "Abweichende Termine teilt die Agentur für Arbeit rechtzeitig mit.",
    ]
    result = f"Planungsgespräch am {fmt_date(meeting)}{_holiday_text(meeting, land)}; Anmeldung bis {fmt_date(registration)}{_last_workday(registration, land)}; Anlagen und Einladung bis {fmt_date(attachments)}{_last_workday(attachments, land)}"
    dates = [("Planungsgespräch", meeting), _deadline("Anmeldeschluss Planungsgespräch", registration, land),
             _deadline("Anlagen vollständig / Einladung Planungsgespräch", attachments, land)]
    inputs = {"ab": after.isoformat(), "land": land}
    month_meeting = _meeting_in(after.year, after.month)
    if month_meeting < after and after > ref:  # "Anmeldung zum Planungsgespräch am 10.03.2027": no meeting on that day
        steps.insert(0, f"Der {fmt_date(after)} ist kein Termin für Planungsgespräche ({rhythm}); im {MONTHS[after.month - 1]} "
                        f"{after.year} ist es der {fmt_day(month_meeting)}{_flag(month_meeting, land)}.")
    late_meeting, late_led = None, False
    led = meeting  # the meeting the result leads with
    if employment_start is not None:
        check_date(employment_start, label="Beginn der Beschäftigung")
        inputs["beschaeftigungsbeginn"] = employment_start.isoformat()
        if employment_start.day == late.value:
            before = employment_start - relativedelta(months=1)
            candidate = _meeting_in(before.year, before.month)
            if candidate >= max(ref, after):  # a meeting before the day one looks from is no option
                late_meeting = candidate
            elif candidate < ref:
                steps.append(f"Das Planungsgespräch vor dem Beschäftigungsbeginn ({fmt_date(candidate)}) ist bereits vorbei.")
            else:
                steps.append(f"Das letzte Planungsgespräch vor dem Beschäftigungsbeginn am {fmt_date(employment_start)} ist am "
                             f"{fmt_date(candidate)}; es liegt vor dem gesuchten Zeitraum (ab {fmt_date(after)}).")
        else:
            steps.append(f"Die Beschäftigung beginnt am {fmt_date(employment_start)}, nicht zum {late.value}. eines Monats: "
                         "eine Nachmeldung ist nur in begründeten Ausnahmefällen möglich.")
    if late_meeting is not None and late_meeting - dt.timedelta(days=reg.value) < ref:
        late_reg = late_meeting - dt.timedelta(days=reg.value)
        steps.append(f"Die Beschäftigung beginnt am {fmt_day(employment_start)}, also zum {late.value}. des nächsten Monats: "
                     f"Nachmeldung zum Planungsgespräch am {fmt_day(late_meeting)}{_flag(late_meeting, land)} möglich, "
                     f"auch nach Ablauf der regulären Anmeldefrist ({fmt_date(late_reg)}).")
        result = (f"Nachmeldung möglich: Planungsgespräch am {fmt_date(late_meeting)}{_holiday_text(late_meeting, land)}, "
                  f"weil die Beschäftigung am {fmt_date(employment_start)} beginnt (zum {late.value}. des nächsten Monats); "
                  f"die reguläre Anmeldefrist ({fmt_date(late_reg)}) ist dafür nicht maßgeblich")
        dates = [("Planungsgespräch (Nachmeldung)", late_meeting)]
        late_led, led = True, late_meeting
    elif late_meeting is not None:
        steps.append(f"Die Beschäftigung beginnt am {fmt_day(employment_start)}, also zum {late.value}. des nächsten Monats: "
                     f"für das Planungsgespräch am {fmt_date(late_meeting)}{_flag(late_meeting, land)} ist notfalls auch eine Nachmeldung nach der Anmeldefrist möglich.")
    if not late_led and registration < ref:
        # the regular deadline has passed: lead with the next meeting one can still register for
        later = meeting
        while later - dt.timedelta(days=reg.value) < ref:
            nxt = later + relativedelta(months=1)
            later = _meeting_in(nxt.year, nxt.month)
        later_reg, later_att = later - dt.timedelta(days=reg.value), later - dt.timedelta(weeks=att.value)
        led = later
        judged = f" (gemessen am heutigen Tag, {fmt_date(ref)})" if ref > after else ""
        steps.append(f"Die Anmeldefrist für den {fmt_date(meeting)} ist am {fmt_date(registration)} abgelaufen{judged}; "
                     f"nächster Termin mit offener Anmeldung: {fmt_day(later)}{_flag(later, land)}, Anmeldung bis {fmt_day(later_reg)}{_due_flag(later_reg, land)}, "
                     f"Anlagen und Einladung bis {fmt_day(later_att)}{_due_flag(later_att, land)}")
        open_next = (f"Planungsgespräch mit offener Anmeldung am {fmt_date(later)}{_holiday_text(later, land)}; Anmeldung bis "
                     f"{fmt_date(later_reg)}{_last_workday(later_reg, land)}; Anlagen und Einladung bis {fmt_date(later_att)}"
                     f"{_last_workday(later_att, land)}")
        if meeting < ref:
            # a meeting asked about that has taken place ("im Mai 2026"): said first, then the next one (QA 27: the
            # answer had led with the next open meeting, the one asked about only in brackets)
            then = ""
            if registration < after < meeting:
                # looked from a past day that is no meeting day ("--ab 20.04.2026"): its first meeting's registration had
                # closed already then, so the answer from that day is the meeting after it (QA 28: only today's was given)
                seen = meeting
                while seen - dt.timedelta(days=reg.value) < after:
                    nxt = seen + relativedelta(months=1)
                    seen = _meeting_in(nxt.year, nxt.month)
                seen_reg = seen - dt.timedelta(days=reg.value)
                if seen < ref:
                    steps.append(f"Vom {fmt_date(after)} aus gesehen war die Anmeldefrist für den {fmt_date(meeting)} schon abgelaufen; "
                                 f"nächster Termin mit offener Anmeldung ab dem {fmt_date(after)}: {fmt_day(seen)}{_flag(seen, land)}, "
                                 f"Anmeldung bis {fmt_day(seen_reg)}{_due_flag(seen_reg, land)} (liegt ebenfalls zurück)")
                    then = (f"; ab dem {fmt_date(after)} war der nächste Termin mit offener Anmeldung der {fmt_date(seen)} "
                            f"(Anmeldung bis {fmt_date(seen_reg)}), auch er liegt zurück")
            result = (f"Der Termin des Planungsgesprächs am {fmt_date(meeting)} liegt zurück (Anmeldung war bis "
                      f"{fmt_date(registration)}){then}; nächstes {open_next}")
        else:
            result = f"Nächstes {open_next} (Frist abgelaufen für den {fmt_date(meeting)}: Anmeldung war bis {fmt_date(registration)})"
        dates += [("Planungsgespräch (nächster Termin)", later), _deadline("Anmeldeschluss Planungsgespräch (nächster Termin)", later_reg, land),
                  _deadline("Anlagen vollständig / Einladung Planungsgespräch (nächster Termin)", later_att, land)]
    elif not late_led and registration < after:
        # looked from a later day than today ("--ab 30.01.2027"): the meeting's registration is due before that day,
        # so whoever is ready only then registers for the one after (QA 27: no word of it had been said)
        nxt = meeting + relativedelta(months=1)
        later = _meeting_in(nxt.year, nxt.month)
        later_reg = later - dt.timedelta(days=reg.value)
        steps.append(f"Die Anmeldung für den {fmt_date(meeting)} ist bis {fmt_date(registration)} nötig, also vor dem "
                     f"{fmt_date(after)}; wer erst ab dem {fmt_date(after)} anmelden kann: nächster Termin {fmt_day(later)}"
                     f"{_flag(later, land)}, Anmeldung bis {fmt_day(later_reg)}{_due_flag(later_reg, land)}")
        result += (f" – Achtung: Die Anmeldung ist vor dem {fmt_date(after)} fällig; danach ist der nächste Termin am "
                   f"{fmt_date(later)} (Anmeldung bis {fmt_date(later_reg)})")
        # in the calendar too, where the warning is not read (QA 46: the .ics had held only the deadlines before that day)
        later_att = later - dt.timedelta(weeks=att.value)
        dates += [(f"Planungsgespräch (wenn die Anmeldung erst ab dem {fmt_date(after)} möglich ist)", later),
                  _deadline(f"Anmeldeschluss Planungsgespräch (Anmeldung ab dem {fmt_date(after)})", later_reg, land),
                  _deadline(f"Anlagen vollständig / Einladung Planungsgespräch (Anmeldung ab dem {fmt_date(after)})", later_att, land)]
    if employment_start is not None and led >= employment_start:
        # the meeting prepares the move into the employment (§ 6 Abs. 1); with the employment the Stabilisierungsphase ends
        steps.append(f"Achtung: Das Planungsgespräch am {fmt_date(led)} liegt nicht vor dem Beschäftigungsbeginn am "
                     f"{fmt_date(employment_start)}. Es soll den Übergang in die Beschäftigung vorbereiten (§ 6 Abs. 1); "
                     "ob ein abweichender Termin möglich ist, klärt die Agentur für Arbeit.")
        result += f" – Achtung: nicht vor dem Beschäftigungsbeginn am {fmt_date(employment_start)}"
        rules.append(purpose)
    c = Calculation("planungsgespraech", "Planungsgespräch und Anmeldefristen", result, steps, rules, dates=dates, notes=notes, inputs=inputs)
    return mark_validity(c, ref)


def quarter_end(day: dt.date) -> dt.date:
    q_last_month = ((day.month - 1) // 3 + 1) * 3
    return dt.date(day.year, q_last_month, 1) + relativedelta(months=1) - dt.timedelta(days=1)


def termination(notice_date: dt.date, today: dt.date | None = None) -> Calculation:
    check_date(notice_date, label="Datum der Kündigung")
    r = rule("deadlines", "termination_notice_months")
    earliest = notice_date + relativedelta(months=r.value)
    effective = quarter_end(earliest)
    steps = [
        f"Kündigung zugegangen am {fmt_date(notice_date)}",
        f"Frist von {r.value} Monaten läuft bis {fmt_date(earliest)}",
        f"Wirksam zum Ende des Kalendervierteljahres: {fmt_date(effective)}",
    ]
    result, rules = f"Kündigung wirksam zum {fmt_date(effective)}", [r]
    agreement = source_documents().get(r.doc_id)
    # § 11: the agreement runs from 15.04.2011 to the end of 14.04.2014 of its own accord. A notice given while it ran
    # that would take effect later has none; a notice after its end is reckoned by its § 10 (marked out of force below,
    # for a successor with the same clause)
    ends = agreement.valid_until if agreement else None
    begins = agreement.valid_from if agreement else None
    no_effect = ends is not None and notice_date <= ends < effective
    too_early = begins is not None and notice_date < begins
    if no_effect:
        result = (f"Keine Wirkung: Die Kündigung würde zum {fmt_date(effective)} wirksam, die Vereinbarung tritt aber schon mit Ablauf "
                  f"des {fmt_date(ends)} außer Kraft (§ 11)")
        steps.append(f"Die Vereinbarung tritt mit Ablauf des {fmt_date(ends)} außer Kraft (§ 11); eine Kündigung, die erst danach wirksam "
                     "würde, ändert daran nichts.")
    if too_early:
        steps.append(f"Achtung: Am {fmt_date(notice_date)} war die Vereinbarung noch nicht in Kraft (erst ab {fmt_date(begins)}, § 11).")
    if no_effect or too_early:
        rules.append(citation("agreement_term"))
    c = Calculation("kuendigung", "Kündigung der Kooperationsvereinbarung (§ 10)", result, steps, rules,
                    dates=[("Kündigung der Kooperationsvereinbarung wirksam", effective)],
                    notes=["Kündigung nur aus wichtigem Grund und schriftlich."],
                    inputs={"kuendigung": notice_date.isoformat()})
    return mark_validity(c, _today(today))


def termination_latest(effective_by: dt.date, today: dt.date | None = None) -> Calculation:
    """§ 10 backwards: the last day a notice may be received to take effect at the end of the quarter `effective_by`
    falls in ("soll zum 30.06.2027 gekündigt werden – bis wann muss sie zugehen?", QA 35). A quarter always ends on a
    month's last day, so the period of months reaches it from any day up to the last day of the month that many months
    before (a notice received on 31.03. runs to 30.06., one received on 01.04. to 01.07.: 30.09.)."""
    check_date(effective_by, label="Wirksam zum")
    today = _today(today)
    r = rule("deadlines", "termination_notice_months")
    target = quarter_end(effective_by)
    latest = target + dt.timedelta(days=1) - relativedelta(months=r.value) - dt.timedelta(days=1)
    steps = []
    if target != effective_by:
        steps.append(f"Die Kündigung wirkt nur zum Ende eines Kalendervierteljahres: der {fmt_date(effective_by)} ist keines, "
                     f"das nächste ist der {fmt_date(target)}")
    steps += [f"Wirksam zum Ende des Kalendervierteljahres: {fmt_date(target)}",
              f"Frist von {r.value} Monaten: die Kündigung muss spätestens am {fmt_date(latest)} zugehen "
              f"(Zugang am {fmt_date(latest)}: Frist bis {fmt_date(latest + relativedelta(months=r.value))}; "
              f"am {fmt_date(latest + dt.timedelta(days=1))}: erst zum {fmt_date(quarter_end(latest + dt.timedelta(days=1) + relativedelta(months=r.value)))})"]
    result = f"Kündigung muss spätestens am {fmt_date(latest)} zugehen, um zum {fmt_date(target)} wirksam zu werden"
    rules = [r]
    notes = ["Kündigung nur aus wichtigem Grund und schriftlich."]
    if latest < today:
        earliest = termination(today, today).dates[0][1]
        result += f" – Frist abgelaufen (heute ist der {fmt_date(today)}): heute zugegangen, wird sie zum {fmt_date(earliest)} wirksam"
    agreement = source_documents().get(r.doc_id)
    begins, ends = (agreement.valid_from, agreement.valid_until) if agreement else (None, None)
    if ends is not None and latest <= ends < target:
        result = (f"Keine Wirkung: Zum {fmt_date(target)} wäre die Vereinbarung schon außer Kraft; sie tritt mit Ablauf "
                  f"des {fmt_date(ends)} außer Kraft (§ 11)")
        rules.append(citation("agreement_term"))
    elif begins is not None and latest < begins:
        steps.append(f"Achtung: Am {fmt_date(latest)} war die Vereinbarung noch nicht in Kraft (erst ab {fmt_date(begins)}, § 11).")
        rules.append(citation("agreement_term"))
    c = Calculation("kuendigung-zum", "Spätester Zugang einer Kündigung der Kooperationsvereinbarung (§ 10)", result, steps, rules,
                    dates=[("Spätester Zugang der Kündigung", latest), ("Kündigung der Kooperationsvereinbarung wirksam", target)],
                    notes=notes, inputs={"zum": effective_by.isoformat()})
    return mark_validity(c, today)


def _day_month(text: str) -> tuple[int, int]:
    """'1. April' -> (1, 4)."""
    from ..extract import MONTHS

    day, month = str(text).replace(".", " ").split()
    return int(day), MONTHS[month.lower()]


def reporting_date(on: dt.date, today: dt.date | None = None) -> Calculation:
    check_date(on, label="Datum")
    r = rule("deadlines", "reporting_dates")
    candidates = []
    for year in (on.year, on.year + 1):
        for text in r.value:
            d, m = _day_month(text)
            candidates.append(dt.date(year, m, d))
    nxt = min(c for c in candidates if c >= on)
    steps = [f"Stichtage sind der {' und der '.join(r.value)}; der nächste ab {fmt_date(on)}: {fmt_day(nxt)}",
             "Zuständig: die Regionaldirektion Nord informiert das Integrationsamt über die aktuelle Teilnehmerzahl (§ 2 Abs. 5)."]
    c = Calculation("stichtag", "Stichtag der Teilnehmermeldung an das Integrationsamt", f"Nächster Stichtag: {fmt_date(nxt)}", steps, [r],
                    dates=[("Stichtag Teilnehmerzahl InbeQ", nxt)], inputs={"datum": on.isoformat()})
    return mark_validity(c, max(on, _today(today)) if today else on)


def leave_year_begins(entry: dt.date) -> dt.date:
    """FAQ 12: the "Urlaubsjahr" begins on the first day of the month after the entry."""
    return entry.replace(day=1) + relativedelta(months=1)


def leave_year_start(entry: dt.date) -> Calculation:
    """Only the first day of the "Urlaubsjahr" (FAQ 12), from the entry ("Ab wann beginnt ihr Urlaubsjahr?"; QA 39: the rule had
    been quoted, not applied: on entry on the 1st of a month it begins a month later, which is easy to misread)."""
    check_date(entry, label="Eintritt")
    per = rule("deadlines", "leave_days_per_month")
    year_start = leave_year_begins(entry)
    steps = [f"Eintritt in die Maßnahme: {fmt_date(entry)}",
             f"Das „Urlaubsjahr“ beginnt am 1. Tag des Monats nach dem Eintritt: {fmt_date(year_start)}",
             f"Je vollem Kalendermonat der Teilnahme: {num(per.value)} unterweisungsfreie Arbeitstage"]
    return mark_validity(Calculation("unterweisungsfrei", "Unterweisungsfreie Zeiten („Urlaub“) in der InbeQ",
                                     f"Das „Urlaubsjahr“ beginnt am {fmt_date(year_start)}", steps, [citation("leave_year_start"), per],
                                     dates=[("Beginn des Urlaubsjahres (unterweisungsfreie Zeiten)", year_start)],
                                     inputs={"monate": None, "schwerbehindert": False, "eintritt": entry.isoformat(), "arbeitstage_woche": None}))


def leave_days(full_months: int | None, severely_disabled: bool = False, entry: dt.date | None = None, days_per_week: int | None = None) -> Calculation:
    if full_months is None:
        if entry is None:
            raise InputError("Bitte die vollen Kalendermonate der Teilnahme oder den Eintritt angeben.", field="monate")
        return leave_year_start(entry)
    full_months = check_count(full_months, label="Volle Kalendermonate", maximum=48)
    per = rule("deadlines", "leave_days_per_month")
    rules = [per]
    base = full_months * per.value
    steps = [f"{plural(full_months, 'voller Kalendermonat', 'volle Kalendermonate')} x {num(per.value)} Tage = {num(base)} unterweisungsfreie Arbeitstage"]
    total = base
    notes, dates = [], []
    if entry is not None:
        check_date(entry, label="Eintritt")
        year_start = leave_year_begins(entry)
        rules.append(citation("leave_year_start"))
        steps.append(f"Das „Urlaubsjahr“ beginnt am 1. Tag des Monats nach dem Eintritt: {fmt_date(year_start)}")
        dates.append(("Beginn des Urlaubsjahres (unterweisungsfreie Zeiten)", year_start))
    std = rule("deadlines", "leave_standard_week_days")
    if days_per_week is not None:
        days_per_week = check_count(days_per_week, label="Arbeitstage je Woche", minimum=1, maximum=6)
    if severely_disabled:
        sb, half = rule("deadlines", "leave_severely_disabled_extra_days"), rule("deadlines", "leave_round_up_from")
        week = days_per_week or std.value
        rules += [sb, std, half]
        per_year = sb.value * week / std.value
        years, rest = divmod(full_months, 12)
        part = rest * per_year / 12
        fraction = part - math.floor(part)
        part_rounded = math.ceil(part) if fraction >= half.value else part
        extra = years * per_year + part_rounded
        week_text = (f"bei {plural(week, 'Arbeitstag', 'Arbeitstagen')} je Woche {plural(per_year, 'Tag', 'Tage')} je Jahr" if week != std.value
                     else f"{plural(per_year, 'Tag', 'Tage')} je Jahr bei Fünftagewoche")
        rounding = ("keine Bruchteile" if not fraction
                    else f"Bruchteil {num(fraction)} ab einem halben Tag aufgerundet: {plural(part_rounded, 'Tag', 'Tage')}" if part_rounded != part
                    else f"Bruchteil unter einem halben Tag bleibt stehen (nicht abgerundet): {plural(part, 'Tag', 'Tage')}")
        steps.append(f"Zusatz für schwerbehinderte Teilnehmende (§ 208 SGB IX sinngemäß): {week_text}; für {plural(full_months, 'Monat', 'Monate')}: "
                     f"{plural(years, 'volles Jahr', 'volle Jahre')} und {rest}/12 Jahr; {rounding}; Zusatz insgesamt {plural(extra, 'Tag', 'Tage')}")
        total = base + extra
        notes.append("Gilt nur für schwerbehinderte, nicht für gleichgestellte Teilnehmende.")
        if rest:
            # FAQ 12 says only "§ 208 SGB IX sinngemäß"; § 208 Abs. 2 prorates for a status that lasts part of the year
            notes.append("Für Monate außerhalb voller Jahre ist der Zusatz anteilig gerechnet (ein Zwölftel je vollem Monat, wie § 208 "
                         "Abs. 2 SGB IX es regelt, wenn die Schwerbehinderung nicht das ganze Jahr besteht). Das ist eine Auslegung: Die "
                         "Dokumente sagen nur „§ 208 SGB IX sinngemäß“. Beginnt die Schwerbehinderung während der Teilnahme, zählen nur die Monate ab dann.")
    elif days_per_week is not None and days_per_week != std.value:
        notes.append(f"Die Arbeitstage je Woche ({days_per_week}) zählen nur für den Zusatz schwerbehinderter Teilnehmender; "
                     f"die {num(per.value)} Tage je vollem Kalendermonat gelten unabhängig davon.")
    result = f"{num(total)} unterweisungsfreie Arbeitstage"
    if total != base:
        result += f" ({num(base)} + {plural(total - base, 'Tag', 'Tage')} Zusatz nach § 208 SGB IX)"
    result += f" für {plural(full_months, 'vollen Kalendermonat', 'volle Kalendermonate')}"
    return mark_validity(Calculation("unterweisungsfrei", "Unterweisungsfreie Zeiten („Urlaub“) in der InbeQ", result, steps, rules, dates=dates, notes=notes,
                       inputs={"monate": full_months, "schwerbehindert": severely_disabled, "eintritt": entry.isoformat() if entry else None,
                               "arbeitstage_woche": days_per_week}))


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months beginning on `start` (§ 187 Abs. 2, § 188 Abs. 2
    and 3 BGB): the day before the day with the start's number in the last month, or that month's
    last day when it has no such day (from 29.02.2028, 24 months end on 28.02.2030; from
    31.12.2025, 26 months on 29.02.2028)."""
    same_day = start + relativedelta(months=months)  # dateutil moves a missing day to the month's last
    return same_day if same_day.day != start.day else same_day - dt.timedelta(days=1)


def inbeq_end(start: dt.date, interruption_days: int = 0, extension_months: int = 0, interruption_months: int = 0,
              today: dt.date | None = None, extension_asked: bool = False) -> Calculation:
    """The latest end of the InbeQ; every month is counted from the start date (`period_end`). `extension_asked`: an
    extension asked about without its length ("wann ist spätestens Schluss, wenn verlängert wird?"): the result names
    the end with the longest extension as well."""
    check_date(start, label="Beginn der InbeQ")
    interruption_days = check_count(interruption_days, label="Unterbrechungstage", maximum=3650)
    interruption_months = check_count(interruption_months, label="Unterbrechung in Monaten", maximum=120)
    extension_months = check_count(extension_months, label="Verlängerung in Monaten", maximum=120)
    years, ext, intr = rule("deadlines", "inbeq_duration_years"), rule("deadlines", "inbeq_extension_months"), citation("inbeq_interruptions")
    if extension_months > ext.value:
        raise InputError(f"Eine Verlängerung ist höchstens um {ext.value} Monate möglich (angegeben: {extension_months}).", field="verlaengerung_monate")
    months = 12 * years.value

    def end_after(total_months: int) -> dt.date:
        return period_end(start, total_months) + dt.timedelta(days=interruption_days)

    regular = period_end(start, months)
    end = end_after(months + interruption_months)
    steps = [f"Beginn {fmt_date(start)}; Regeldauer bis zu {num_word(years.value)} Jahre ({months} Monate): Ende spätestens {fmt_date(regular)}"]
    shift = " und ".join(p for p in (plural(interruption_months, "Monat", "Monate") if interruption_months else "",
                                      plural(interruption_days, "Tag", "Tage") if interruption_days else "") if p)
    if shift:
        # months count from the start (§ 188 BGB), not from the regular end: say so, the sum is not the regular end plus the shift
        how = ""
        if interruption_months:
            how = f" ({months + interruption_months} Monate ab Beginn bis {fmt_date(period_end(start, months + interruption_months))}"
            how += f", dazu {plural(interruption_days, 'Tag', 'Tage')})" if interruption_days else ")"
        steps.append(f"Unterbrechungen verbrauchen keine Maßnahmezeit: Ende verschiebt sich um {shift}{how} auf {fmt_date(end)}")
    dates = [("Spätestes Ende der InbeQ (Regeldauer)", end)]
    result = f"InbeQ endet spätestens am {fmt_date(end)}"
    if extension_months:
        ext_end = end_after(months + interruption_months + extension_months)
        counted = f"{months + interruption_months + extension_months} Monate ab Beginn"  # the interruption's months count too
        counted += f", dazu {plural(interruption_days, 'Tag', 'Tage')} Unterbrechung" if interruption_days else ""
        steps.append(f"Mit Verlängerung um {plural(extension_months, 'Monat', 'Monate')} ({counted}): {fmt_date(ext_end)}")
        dates.append(("Spätestes Ende der InbeQ mit Verlängerung", ext_end))
        result += f"; mit Verlängerung um {plural(extension_months, 'Monat', 'Monate')} am {fmt_date(ext_end)}"
    else:
        max_end = end_after(months + interruption_months + ext.value)
        steps.append(f"Höchstens mit Verlängerung um {ext.value} Monate: {fmt_date(max_end)}")
        if extension_asked:  # QA 39: the regular end alone had been the answer to "wenn verlängert wird"
            dates.append(("Spätestes Ende der InbeQ mit Verlängerung", max_end))
            result += f"; mit Verlängerung (höchstens {ext.value} Monate) spätestens am {fmt_date(max_end)}"
    if shift:
        result += f" (Unterbrechung {shift} eingerechnet)"
    notes = ["Eine Verlängerung kommt nur in Betracht, wenn wegen Art oder Schwere der Behinderung der Eingliederungserfolg nicht anders erreicht werden kann; eine längere Erkrankung allein reicht nicht."]
    if today is not None and end < today:
        notes.insert(0, f"Das spätestmögliche Ende ({fmt_date(end)}) liegt vor dem heutigen Tag ({fmt_date(today)}): die Regeldauer ist bereits abgelaufen.")
    return mark_validity(Calculation("inbeq-dauer", "Dauer der InbeQ", result, steps, [ext, years, intr], dates=dates, notes=notes,
                       inputs={"beginn": start.isoformat(), "unterbrechung_tage": interruption_days, "unterbrechung_monate": interruption_months,
                               "verlaengerung_monate": extension_months, "mit_verlaengerung": extension_asked}))


def check_hours(value, *, label: str, maximum: float = 10_000) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{label}: „{value}“ ist keine Zahl.") from None
    if not math.isfinite(number):
        raise InputError(f"{label}: „{value}“ ist keine endliche Zahl.")
    if number < 0:
        raise InputError(f"{label}: Der Wert darf nicht negativ sein.")
    if number > maximum:
        raise InputError(f"{label}: Der Wert {num(number)} ist unrealistisch groß (höchstens {num(maximum)}).")
    return number


def hours_left(total: float, used: float) -> float:
    """The hours left of a contingent, as shown: 60,0001 used of 60 leaves 0 (not "-0"), it overdraws nothing."""
    return round(total - used, 2) or 0.0


def jobcoaching_hours(hours_used: float, extended: bool = False) -> Calculation:
    """The hours left of the contingent, without a start date ("60 std bewilligt, 48 verbraucht – wie viele bleiben, und
    wie viele mit verlängerung?"; QA 39: declined, as the calculation needed a start): left of the usual hours and, with
    the extension's hours, left in all."""
    base, extr = rule("deadlines", "jobcoaching"), rule("deadlines", "jobcoaching_extension")
    hours_used = check_hours(hours_used, label="Verbrauchte Stunden")
    usual, more = base.value["hours"], extr.value["hours"]

    def left(total: int) -> str:
        rest = hours_left(total, hours_used)
        return (f"Kontingent um {plural(-rest, 'Stunde', 'Stunden')} überschritten" if rest < 0
                else f"verbleibend {num(rest)} von {total} Fachleistungsstunden")

    steps = [f"Regel: {usual} Fachleistungsstunden; Verlängerung um bis zu {extr.value['months']} Monate mit bis zu {more} Stunden",
             f"Verbraucht {num(hours_used)} von {usual} Stunden: {left(usual)}",
             f"Mit Verlängerung ({usual} + {more} = {usual + more} Stunden): {left(usual + more)}",
             "Ohne Beginn des Jobcoachings ist kein Ende berechnet."]
    if extended:
        result = f"Mit Verlängerung {left(usual + more)} (ohne Verlängerung: {left(usual)})"
    else:
        result = f"{left(usual)[:1].upper()}{left(usual)[1:]}; mit Verlängerung (bis zu {more} Stunden mehr): {left(usual + more)}"
    return mark_validity(Calculation("jobcoaching", "Jobcoaching: Dauer und Stunden (Baden-Württemberg)", result, steps, [base, extr],
                                     inputs={"beginn": None, "verbraucht": hours_used, "verlaengert": extended}))


def jobcoaching(start: dt.date | None, hours_used: float | None = None, extended: bool = False, today: dt.date | None = None) -> Calculation:
    if start is None:
        if hours_used is None:
            raise InputError("Bitte den Beginn des Jobcoachings oder die bereits geleisteten Stunden angeben.", field="beginn")
        return jobcoaching_hours(hours_used, extended)
    check_date(start, label="Beginn des Jobcoachings")
    base, extr = rule("deadlines", "jobcoaching"), rule("deadlines", "jobcoaching_extension")
    rules = [base, extr]
    cfg = base.value
    months_max = cfg["max_months"] + (extr.value["months"] if extended else 0)
    earliest = period_end(start, cfg["min_months"])
    latest = period_end(start, cfg["max_months"])
    hours = cfg["hours"] + (extr.value["hours"] if extended else 0)
    end = period_end(start, months_max)
    with_ext = period_end(start, cfg["max_months"] + extr.value["months"])
    steps = [
        f"Regel: {cfg['hours']} Fachleistungsstunden über {cfg['min_months']} bis {cfg['max_months']} Monate ab {fmt_date(start)}: Ende zwischen {fmt_date(earliest)} und {fmt_date(latest)}",
    ]
    if extended:
        steps.append(f"Verlängerung um bis zu {extr.value['months']} Monate mit bis zu {extr.value['hours']} Stunden: "
                     f"{months_max} Monate ab Beginn, spätestes Ende {fmt_date(end)}, insgesamt {hours} Stunden")
    else:
        steps.append(f"Mit Verlängerung (bis zu {extr.value['months']} Monate, bis zu {extr.value['hours']} Stunden) spätestens {fmt_date(with_ext)}")
    # "in der Regel" (2.1): the usual limits, not a hard end; extended, the end with the extension and the usual one
    # (QA 14: "endet in der Regel spätestens am 31.10.2026 (90 Fachleistungsstunden)" had read as the usual end)
    if extended:
        result = (f"Jobcoaching endet mit Verlängerung spätestens am {fmt_date(end)} ({hours} Fachleistungsstunden insgesamt; "
                  f"ohne Verlängerung in der Regel am {fmt_date(latest)})")
    else:
        # both ends of the usual 3 to 6 months (QA 39: "wann endet es frühestens und spätestens" had got the latest only)
        result = f"Jobcoaching endet in der Regel frühestens am {fmt_date(earliest)} und spätestens am {fmt_date(end)} ({hours} Fachleistungsstunden)"
    notes = []
    if today is not None and end < today:  # as the other deadlines say it (QA 35: "31.07.2026" had stood unmarked)
        notes.append(f"Das Ende ({fmt_date(end)}) liegt vor dem heutigen Tag ({fmt_date(today)}).")
    since = base.values[0][0] if base.values else None
    if since is not None and start < since:
        notes.append(f"Das Jobcoaching begann vor dem Stand der Grundsätze ({fmt_date(since)}); für ein früher bewilligtes "
                     "Jobcoaching können andere Regeln gegolten haben.")
    if hours_used is not None:
        hours_used = check_hours(hours_used, label="Verbrauchte Stunden")
        rest = hours_left(hours, hours_used)
        if rest < 0:  # said in the result itself: "verbleibend 0" read as used up exactly
            steps.append(f"Verbraucht {num(hours_used)} von {hours} Stunden: Kontingent um {plural(-rest, 'Stunde', 'Stunden')} überschritten")
            result += f"; Kontingent um {plural(-rest, 'Stunde', 'Stunden')} überschritten"
        else:
            steps.append(f"Verbraucht {num(hours_used)} von {hours} Stunden: verbleiben {num(rest)} Stunden")
            result += f"; verbleibend {num(rest)} Stunden"
        if rest <= 0:
            # 2.1: first the extension (idR up to three months, up to 30 hours); only a need well beyond it goes to the Reha-Träger
            if not extended:
                steps.append(f"Das Kontingent ist aufgebraucht: Das Jobcoaching kann in der Regel um bis zu {num_word(extr.value['months'])} "
                             f"Monate mit bis zu {extr.value['hours']} Stunden verlängert werden.")
            steps.append("Ein wesentlich darüber hinausgehender Bedarf muss Leistungen der Rehabilitationsträger (§ 49 SGB IX) auslösen; "
                         "das prüft der Träger der Eingliederungshilfe (EGHT) im Teilhabeplanverfahren (§ 19 SGB IX).")
            rules.append(citation("jobcoaching_beyond"))
    return mark_validity(Calculation("jobcoaching", "Jobcoaching: Dauer und Stunden (Baden-Württemberg)", result, steps, rules,
                                     dates=[(f"Spätestes Ende des Jobcoachings ({'mit Verlängerung' if extended else 'in der Regel'})", end)],
                                     notes=notes,
                                     inputs={"beginn": start.isoformat(), "verbraucht": hours_used, "verlaengert": extended}))


def graduate_interview(end: dt.date, duration_months: int | None = None, employer_measure: bool = False,
                       taken_on: bool | None = None, today: dt.date | None = None) -> Calculation:
    check_date(end, label="Teilnahmeende")
    long, short = rule("deadlines", "graduate_interview"), rule("deadlines", "graduate_interview_short")
    minimum = long.value["min_measure_months"]
    assumptions, notes = [], ["Gilt auch bei Abbruch (vorzeitigem Austritt)."]
    assumed = duration_months is None
    if assumed:
        duration_months = minimum
        assumptions.append(f"Keine Maßnahmedauer angegeben: angenommen wird eine Dauer von mindestens {num_word(minimum)} Monaten.")
    duration_months = check_count(duration_months, label="Maßnahmedauer in Monaten", minimum=1, maximum=120)
    length = f"mindestens {num_word(minimum)} Monaten (angenommen)" if assumed else plural(duration_months, 'Monat', 'Monaten')
    if duration_months >= minimum:
        frm = end - dt.timedelta(weeks=long.value["weeks_before"])
        to = end + dt.timedelta(weeks=long.value["weeks_after"])
        steps = [f"Maßnahme von {length}{'' if assumed else f' (mindestens {num_word(minimum)} Monate)'}: qualifiziertes Beratungsgespräch "
                 f"{num_word(long.value['weeks_before'])} Wochen vor bis {num_word(long.value['weeks_after'])} Wochen nach dem Teilnahmeende {fmt_date(end)}: {fmt_date(frm)} bis {fmt_date(to)}"]
        dates = [("Absolventengespräch frühestens", frm), ("Absolventengespräch spätestens", to)]
        result = f"Absolventengespräch zwischen {fmt_date(frm)} und {fmt_date(to)}"
        rules = [long]
        if employer_measure and taken_on:
            notes.append(f"Die Ausnahme für eine Maßnahme bei einem Arbeitgeber (MAG) mit Übernahme gilt nur für Maßnahmen unter "
                         f"{num_word(minimum)} Monaten; bei {plural(duration_months, 'Monat', 'Monaten')} ist das Gespräch vorgeschrieben.")
    else:
        to = end + dt.timedelta(weeks=short.value["weeks_after"])
        steps = [f"Maßnahme von {plural(duration_months, 'Monat', 'Monaten')}, also unter {num_word(minimum)} Monaten: dokumentiertes Beratungsgespräch "
                 f"innerhalb von {num_word(short.value['weeks_after'])} Wochen nach dem Ende {fmt_date(end)}: {fmt_date(end)} bis {fmt_date(to)}"]
        dates = [("Absolventengespräch spätestens", to)]
        result = f"Absolventengespräch innerhalb von {num_word(short.value['weeks_after'])} Wochen nach dem Ende: spätestens am {fmt_date(to)}"
        rules = [short]
        if employer_measure:
            if taken_on:
                # the window above is the rule without the exception: said so, not listed as if it applied
                steps[0] = (f"Maßnahme von {plural(duration_months, 'Monat', 'Monaten')}, also unter {num_word(minimum)} Monaten: ohne Ausnahme wäre ein "
                            f"dokumentiertes Beratungsgespräch innerhalb von {num_word(short.value['weeks_after'])} Wochen nach dem Ende {fmt_date(end)} fällig "
                            f"({fmt_date(end)} bis {fmt_date(to)})")
                steps.append("Maßnahme bei einem Arbeitgeber (MAG) mit Übernahme in ein versicherungspflichtiges Beschäftigungsverhältnis: kein Beratungsgespräch vorgeschrieben.")
                result = "Kein Absolventengespräch vorgeschrieben: MAG unter zwei Monaten mit Übernahme in Beschäftigung"
                dates = []
            else:
                notes.append("Bei einer Maßnahme bei einem Arbeitgeber (MAG) gilt die Frist nur, wenn die Person nicht in ein versicherungspflichtiges Beschäftigungsverhältnis übernommen wird.")
    if taken_on and not employer_measure:
        notes.append("Die Übernahme in Beschäftigung ändert die Frist nur bei einer Maßnahme bei einem Arbeitgeber (MAG); "
                     "eine MAG ist nicht angegeben.")
    rules.append(citation("graduate_interview_dropout"))
    today = _today(today)
    if dates and max(day for _, day in dates) < today:
        notes.append(f"Das Zeitfenster ist bereits abgelaufen (heute ist der {fmt_date(today)}).")
    return mark_validity(Calculation("absolventen", "Absolventenmanagement: Beratungsgespräch zum Teilnahmeende", result, steps, rules, dates=dates,
                       assumptions=assumptions, notes=notes,
                       inputs={"ende": end.isoformat(), "dauer_monate": duration_months, "mag": employer_measure, "uebernommen": taken_on}))


def review(concluded: dt.date, kind: str = "ev", today: dt.date | None = None) -> Calculation:
    check_date(concluded, label="Datum der Vereinbarung")
    if kind not in ("ev", "kooperationsplan"):
        raise InputError("Art: bitte „ev“ (Eingliederungsvereinbarung, SGB III) oder „kooperationsplan“ (SGB II).")
    r = rule("deadlines", "ev_review_months" if kind == "ev" else "cooperation_plan_months")
    due = concluded + relativedelta(months=r.value)
    name = "Eingliederungsvereinbarung (SGB III)" if kind == "ev" else "Kooperationsplan (SGB II)"
    verb = "überprüfen" if kind == "ev" else "aktualisieren bzw. fortschreiben"
    steps = [f"{name} vom {fmt_date(concluded)}: spätestens nach Ablauf von {r.value} Monaten {verb}: {fmt_day(due)}{_weekend_or_holiday(due)}"]
    rules, notes = [r], []
    since = r.values[0][0] if r.values else None
    if kind == "kooperationsplan" and since and concluded < since:  # QA: a plan "of 2020" had passed without a word
        notes.append(f"Den Kooperationsplan gibt es im SGB II erst seit dem {fmt_date(since)} (§ 15 SGB II); vorher schloss "
                     "das Jobcenter eine Eingliederungsvereinbarung. Die Frist ist hier nur sinngemäß gerechnet.")
    if kind == "ev":  # 3.4.1: for Rehabilitanden the Teilhabeplan may take the agreement's place
        rules.append(citation("ev_teilhabeplan"))
        notes.append("Für Rehabilitandinnen und Rehabilitanden (SGB III) kann der Teilhabeplan die Eingliederungsvereinbarung ersetzen.")
    result = f"{name} spätestens am {fmt_date(due)}{_last_workday(due, None)} {verb}"
    if today is not None and due < today:  # QA 27: a deadline long past had been given as if still to come
        result += f" – Frist abgelaufen (heute ist der {fmt_date(today)}): bitte umgehend nachholen"
    return mark_validity(Calculation("ueberpruefung", f"Überprüfung: {name}", result, steps, rules,
                       dates=[_deadline(f"{name} {verb}", due, None)], notes=notes, inputs={"datum": concluded.isoformat(), "art": kind}))


def market_prognosis(today: dt.date, expected_integration: dt.date) -> Calculation:
    check_date(today, label="Datum")
    check_date(expected_integration, label="Erwartete Integration")
    r = rule("deadlines", "market_near_months")
    limit = today + relativedelta(months=r.value)
    near = expected_integration <= limit
    label = "marktnah" if near else "nicht marktnah"
    steps = [f"Integration erwartet am {fmt_date(expected_integration)}; Grenze {r.value} Monate ab {fmt_date(today)}: {fmt_date(limit)} → {label}"]
    notes = []
    if expected_integration < today:  # a prognosis looks ahead: a past date is most likely a typo
        notes.append(f"Das erwartete Integrationsdatum {fmt_date(expected_integration)} liegt vor dem Stand {fmt_date(today)}; "
                     "eine Prognose blickt nach vorn. Bitte das Datum prüfen.")
    return mark_validity(Calculation("prognose", "Integrationsprognose", f"Integrationsprognose: {label}", steps, [r], notes=notes,
                                     inputs={"heute": today.isoformat(), "integration": expected_integration.isoformat()}))


WEEKDAY_ADVERBS = {"montags": 0, "dienstags": 1, "mittwochs": 2, "donnerstags": 3, "freitags": 4}


def occupancy_check(start: dt.date, modular: bool | None = None, land: str | None = None) -> Calculation:
    """The Jobcenter's instruction names no Land: without `land` only weekends and holidays in every Land are flagged."""
    check_date(start, label="Maßnahmebeginn")
    r = rule("deadlines", "occupancy_check_weeks_before")
    check = start - dt.timedelta(weeks=r.value)
    flag = _flag(check, land) if land else _weekend_or_holiday(check)
    steps = [f"Maßnahme- bzw. Modulbeginn {fmt_day(start)}; Prüfung der Zuweisungen {num_word(r.value)} Wochen vorher: {fmt_day(check)}{flag}"]
    rules = [r]
    notes = []
    closed = _closed(start, land)
    if closed:  # QA: a start on Pfingstmontag had passed without a word
        notes.append(f"Der Maßnahmebeginn ({fmt_day(start)}) fällt auf einen arbeitsfreien Tag ({closed}).")
    if modular is None:
        notes.append("Maßnahmeart nicht angegeben: die wöchentliche Übersicht der freien Plätze (modular dienstags, "
                     "nicht modular donnerstags) ist deshalb nicht berechnet.")
    if modular is not None:
        w = rule("deadlines", "occupancy_overview_modular" if modular else "occupancy_overview_non_modular")
        rules.append(w)
        weekday = WEEKDAY_ADVERBS[str(w.value).lower()]
        first = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
        steps.append(f"Danach wöchentlich {w.value} eine Übersicht der freien Plätze; erste ab Beginn: {fmt_day(first)}")
    return mark_validity(Calculation("besetzung", "Besetzungssteuerung (Arbeitsanleitung Nr. 103, Anlage 1)", f"Besetzung prüfen am {fmt_date(check)}{_last_workday(check, land)}", steps, rules,
                       dates=[(f"Besetzung prüfen ({num_word(r.value)} Wochen vor Beginn)", check)], notes=notes,
                       inputs={"beginn": start.isoformat(), "modular": modular, "land": land}))
