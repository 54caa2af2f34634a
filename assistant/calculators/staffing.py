"""Staffing of the InbeQ (BAG UB collection, sections A and B)."""
from __future__ import annotations

from .base import Calculation, InputError, check_count, num, quantity, rule


def staffing_2016(participants: int, month: int, min_places: int | None = None, option_drawn: bool = False) -> Calculation:
    """Contracts from 2016 (Teilnehmerplätze): hours = participants / 5 x 39 with the minimums of B."""
    participants = check_count(participants, label="Teilnehmende")
    month = check_count(month, label="Maßnahmemonat", minimum=1, maximum=120)
    if min_places is not None:
        min_places = check_count(min_places, label="Mindestteilnehmerplatzzahl", minimum=1)
    ratio, hours, first = rule("staffing", "participants_per_trainer"), rule("staffing", "hours_per_fte"), rule("staffing", "first_phase_months")
    floor13 = rule("staffing", "min_hours_from_month_13")
    rules = [ratio, hours]
    per, h = ratio.value, hours.value
    steps, assumptions, notes = [], [], []
    if option_drawn:
        rules.append(rule("staffing", "option_restarts_months"))
        notes.append("Mit der gezogenen Option beginnt formal eine neue Maßnahme: der Monat zählt ab dem Beginn der Option, die Regeln der ersten zwölf Monate gelten neu.")
    by_key = participants / per * h
    steps.append(f"Grundsätzliche Anwendung des Personalschlüssels: {participants} Teilnehmer / {per} * {h} Wochenstunden = {num(by_key)} Wochenstunden")
    if month <= first.value:
        rules.append(first)
        if min_places is None:
            floor = 0.0
            assumptions.append("Keine Mindestteilnehmerplatzzahl angegeben: die Untergrenze der ersten 12 Monate (Mindestteilnehmerplatzzahl / 5 * 39) ist nicht geprüft. Bitte die Zahl aus dem Losblatt ergänzen.")
            decided = "Personalschlüssel"
        else:
            floor = min_places / per * h
            steps.append(f"Ergänzende Regelung zum Mindestpersonaleinsatz ({month}. Monat, also Monat 1 bis 12): {min_places} Mindestteilnehmerplätze / {per} * {h} Wochenstunden = {num(floor)} Wochenstunden")
            decided = "Personalschlüssel" if by_key >= floor else "Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis 12)"
    else:
        rules.append(floor13)
        floor = floor13.value
        steps.append(f"Ergänzende Regelung zum Mindestpersonaleinsatz ({month}. Monat, also ab dem 13. Monat): Mindestpersonaleinsatz {num(floor)} Zeitstunden wöchentlich")
        decided = "Personalschlüssel" if by_key >= floor else "Mindestpersonaleinsatz ab dem 13. Monat (19,5 Stunden)"
        if min_places is not None:
            notes.append("Ab dem 13. Monat spielt die Mindestteilnehmerplatzzahl keine Rolle mehr.")
    total = max(by_key, floor)
    fte = total / h
    steps.append(f"Tatsächlich vorzuhaltendes Personalvolumen: {num(total)} Wochenstunden = {quantity(fte, 'Vollzeitstelle', 'Vollzeitstellen')} (39 Stunden = 1,0)")
    steps.append(f"Maßgeblich: {decided}")
    if total < h:
        notes.append("Unter 39 Wochenstunden ist zumindest eine breite Verteilung der Betreuungszeiten sicherzustellen.")
    result = f"{num(total)} Wochenstunden ({quantity(fte, 'Vollzeitstelle', 'Vollzeitstellen')}); maßgeblich: {decided}"
    return Calculation("personal", "Personalbedarf InbeQ (Verträge ab 2016)", result, steps, rules,
                       assumptions=assumptions, notes=notes,
                       inputs={"teilnehmende": participants, "monat": month, "mindestplaetze": min_places, "option": option_drawn, "vertrag": "ab2016"})


def staffing_pre2016(lots: list[int], start_year: int | None = None) -> Calculation:
    """Contracts before 2016 (Teilnehmermonate): 1 : 5, at least 1,0 per lot; lots add up."""
    if not lots:
        raise InputError("Bitte mindestens ein Los mit seiner Teilnehmerzahl angeben.")
    lots = [check_count(n, label="Teilnehmende je Los") for n in lots]
    ratio, hours = rule("staffing", "participants_per_trainer"), rule("staffing", "hours_per_fte")
    minimum, max_staff = rule("staffing", "pre2016_min_fte"), rule("staffing", "pre2016_max_staff_at_min")
    rules = [ratio, hours, minimum, rule("staffing", "pre2016_lots_separately")]
    per, h = ratio.value, hours.value
    steps, notes = [], []
    total = 0.0
    any_min = False
    for i, n in enumerate(lots, 1):
        label = f"Los {i}: " if len(lots) > 1 else ""
        if n < per:
            any_min = True
            fte = float(minimum.value)
            steps.append(f"{label}{n} Teilnehmer, weniger als {per}: minimaler Personalansatz {num(fte)} = {num(fte * h)} Wochenstunden")
        else:
            fte = n / per
            steps.append(f"{label}{n} Teilnehmer: Personalansatz {num(fte)} Qualifizierungstrainer = {num(fte * h)} Wochenstunden")
        total += fte * h
    if len(lots) > 1:
        steps.append("Lose werden getrennt berechnet und addiert: " + " + ".join(num(max(n / per, minimum.value) * h) for n in lots) + f" = {num(total)} Wochenstunden")
    if any_min:
        rules.append(max_staff)
        notes.append("Beim minimalen Personalansatz von 1,0 höchstens zwei Mitarbeiter, deren Einsatzzeiten hälftig zu verteilen sind.")
        if start_year is not None:
            sp = rule("staffing", "pre2016_socialpedagogue_until_year")
            rules.append(sp)
            if start_year <= sp.value:
                notes.append("Beginn 2013 oder früher: mindestens die Hälfte des Mindestpersonalumfangs durch einen Sozialpädagogen.")
            else:
                notes.append("Beginn ab 2014: die Sozialpädagogen-Hälfte ist nicht mehr Teil der Leistungsbeschreibung.")
    fte_total = total / h
    result = f"{num(total)} Wochenstunden ({quantity(fte_total, 'Vollzeitstelle', 'Vollzeitstellen')})"
    return Calculation("personal-alt", "Personalbedarf InbeQ (Verträge vor 2016)", result, steps, rules, notes=notes,
                       inputs={"lose": lots, "beginnjahr": start_year, "vertrag": "vor2016"})
