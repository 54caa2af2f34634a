"""Staffing of the InbeQ (BAG UB collection: section A for contracts before 2016, section B from 2016)."""
from __future__ import annotations

from .base import Calculation, InputError, check_count, check_year, citation, fte_num, mark_validity, num, plural, rule

# A plain sanity bound, no rule: the documents give no maximum length of a measure (the contract); its rule from the
# 13th month applies "ab dem 13. Monat der Maßnahme bis zum Maßnahmeende". (Two years plus twelve months is the
# length of one participant's InbeQ, § 55 Abs. 2 SGB IX, not of the contract participants join continuously.)
MAX_MONTH = 120
MONTH_BOUND_REASON = ("zehn Jahre als Plausibilitätsgrenze; die Dokumente nennen keine Höchstdauer einer Maßnahme, "
                      "die Regel ab dem 13. Monat gilt bis zum Maßnahmeende")


def _fte(hours: float, per_fte: float) -> str:
    """The hours as the documents' factor: „Personalansatz 1,2 Qualifizierungstrainer = 46,8 Wochenstunden“ (B.1), not
    "Vollzeitstellen": the hours „durch Vollzeitkräfte und/oder Teilzeitkräfte abgedeckt werden“ (a full-time post need not be 39 h)."""
    return f"Personalansatz {fte_num(hours / per_fte)}"


def _lot_2016(n: int, first_phase: bool, when: str, min_places: int | None, label: str) -> tuple[float, list[str], str, bool]:
    """Hours for one lot in months 1-12 (`first_phase`) or from month 13; `when` names the month in the steps ("" when
    a prefix of the steps names the phase).
    Returns (hours, steps, decisive rule, lower bound only)."""
    ratio, hours, first = rule("staffing", "participants_per_trainer"), rule("staffing", "hours_per_fte"), rule("staffing", "first_phase_months")
    floor13 = rule("staffing", "min_hours_from_month_13")
    per, h = ratio.value, hours.value
    by_key = n / per * h
    steps = [f"{label}Grundsätzliche Anwendung des Personalschlüssels: {num(n)} Teilnehmer / {per} * {h} Wochenstunden = {num(by_key)} Wochenstunden"]
    lower_bound = False
    if first_phase:
        if min_places is None:
            steps.append(f"{label}Ergänzende Regelung zum Mindestpersonaleinsatz{f' ({when})' if when else ''}: "
                         "Mindestteilnehmerplatzzahl nicht angegeben – der Wert nach dem Personalschlüssel ist nur eine Untergrenze")
            return by_key, steps, "Personalschlüssel (Untergrenze; Mindestteilnehmerplatzzahl nicht geprüft)", True
        floor = min_places / per * h
        steps.append(f"{label}Ergänzende Regelung zum Mindestpersonaleinsatz{f' ({when})' if when else ''}: "
                     f"{num(min_places)} Mindestteilnehmerplätze / {per} * {h} Wochenstunden = {num(floor)} Wochenstunden")
        decided = "Personalschlüssel" if by_key >= floor else f"Mindestteilnehmerplatzzahl (Untergrenze der Monate 1 bis {first.value})"
    else:
        floor = floor13.value
        steps.append(f"{label}Ergänzende Regelung zum Mindestpersonaleinsatz{f' ({when})' if when else ''}: "
                     f"Mindestpersonaleinsatz {num(floor)} Zeitstunden wöchentlich in der Maßnahme")
        decided = "Personalschlüssel" if by_key >= floor else f"Mindestpersonaleinsatz ab dem {first.value + 1}. Monat ({num(floor)} Stunden)"
    total = max(by_key, floor)
    steps.append(f"{label}Tatsächlich vorzuhaltendes Personalvolumen: {num(total)} Wochenstunden")
    return total, steps, decided, lower_bound


def _phase_2016(lots: list[int], first_phase: bool, when: str, min_places: list[int | None], prefix: str = "") -> tuple[float, list[str], str, bool]:
    """All lots in one phase (lots are computed separately and added, B.1), each with its own minimum places;
    returns (hours, steps, decisive rule, lower bound only)."""
    h = rule("staffing", "hours_per_fte").value
    total, steps, decisions, lower, parts = 0.0, [], [], False, []
    for i, (n, lot_min) in enumerate(zip(lots, min_places), 1):
        label = prefix + (f"Los {i}: " if len(lots) > 1 else "")
        lot_hours, lot_steps, decided, lot_lower = _lot_2016(n, first_phase, when, lot_min, label)
        total += lot_hours
        parts.append(lot_hours)
        steps += lot_steps
        decisions.append(decided)
        lower = lower or lot_lower
    if len(lots) > 1:
        steps.append(f"{prefix}Lose werden getrennt berechnet und addiert: " + " + ".join(num(p) for p in parts) + f" = {num(total)} Wochenstunden")
    steps.append(f"{prefix}Ergebnis: {num(total)} Wochenstunden = {_fte(total, h)} (1,0 = {h} Wochenstunden; abzudecken durch Vollzeit- "
                 "und/oder Teilzeitkräfte)")
    decided = (decisions[0] + (", je Los" if len(lots) > 1 else "") if len(set(decisions)) == 1
               else "je Los unterschiedlich (siehe Rechenweg)")
    return total, steps, decided, lower


def staffing_2016(participants: int | list[int], month: int | None, min_places: int | list[int] | None = None,
                  option_drawn: bool = False) -> Calculation:
    """Contracts from 2016 (Teilnehmerplätze): hours = participants / 5 x 39 with the minimums of section B.

    `participants` may be a list: one count per lot; lots are computed separately and added (B.1). `min_places` may
    be a list too, one per lot (each lot's Losblatt has its own), or one number for every lot. `month` None (not
    given): both phases are computed, months 1-12 and from month 13, since the month decides which minimum applies.
    """
    lots = participants if isinstance(participants, list) else [participants]
    if not lots:
        raise InputError("Bitte die Zahl der Teilnehmenden angeben.", field="teilnehmende")
    lots = [check_count(n, label="Teilnehmende") for n in lots]
    if month is not None:
        month = check_count(month, label="Maßnahmemonat", minimum=1, maximum=10**9)
        if month > MAX_MONTH:
            raise InputError(f"Maßnahmemonat: {num(month)} ist unrealistisch groß (höchstens {MAX_MONTH}: {MONTH_BOUND_REASON}).", field="monat")
    given = min_places if isinstance(min_places, list) else [] if min_places is None else [min_places]
    given = [check_count(m, label="Mindestteilnehmerplatzzahl", minimum=1) for m in given]
    if len(given) > 1 and len(given) != len(lots):
        raise InputError(f"{plural(len(given), 'Mindestteilnehmerplatzzahl', 'Mindestteilnehmerplatzzahlen')} für "
                         f"{plural(len(lots), 'Los', 'Lose')}: bitte je Los eine Zahl angeben oder eine für alle Lose.",
                         field="mindestplaetze")
    one_for_all = len(given) == 1 and len(lots) > 1  # the same number stands for every lot
    mins: list[int | None] = given * len(lots) if len(given) == 1 else given or [None] * len(lots)
    ratio, hours, first = rule("staffing", "participants_per_trainer"), rule("staffing", "hours_per_fte"), rule("staffing", "first_phase_months")
    floor13 = rule("staffing", "min_hours_from_month_13")
    last1, first2 = first.value, first.value + 1
    in_first = month is None or month <= last1  # months 1-12 are computed
    if in_first and any(n == 0 and m is None for n, m in zip(lots, mins)):
        raise InputError(f"Im 1. bis {last1}. Monat bemisst sich der Personaleinsatz immer zumindest nach der Mindestteilnehmerplatzzahl; "
                         "ohne Teilnehmende ergibt er sich allein daraus. Bitte die Mindestteilnehmerplatzzahl laut Losblatt angeben (z. B. 7)"
                         + (f" oder den Maßnahmemonat (ab dem {first2}. Monat gilt der Mindestpersonaleinsatz von {num(floor13.value)} Wochenstunden)."
                            if month is None else "."), field="mindestplaetze")
    rules = [ratio, hours] + ([first, floor13] if month is None else [first if month <= last1 else floor13])
    h = hours.value
    assumptions, notes = [], []
    if option_drawn:
        rules.append(rule("staffing", "option_restarts_months"))
        notes.append(f"Mit der gezogenen Option beginnt formal eine neue Maßnahme: der Monat zählt ab dem Beginn der Option, die Regeln der ersten {last1} Monate gelten neu.")
    if len(lots) > 1:
        rules.append(rule("staffing", "lots_separately"))
    people = sum(lots)
    who = (f"bei {plural(people, 'Teilnehmendem', 'Teilnehmenden')}" if len(lots) == 1
           else f"bei {' + '.join(num(n) for n in lots)} Teilnehmenden auf {len(lots)} Losen")
    spread = f"Unter {h} Wochenstunden ist zumindest eine breite Verteilung der Betreuungszeiten sicherzustellen."
    # from month 13 each lot (a measure of its own, computed separately: B.1) under 39 hours needs the spread
    under = [i for i, n in enumerate(lots, 1) if max(n / ratio.value * h, floor13.value) < h]
    if len(lots) > 1 and under:
        named = str(under[0]) if len(under) == 1 else ", ".join(map(str, under[:-1])) + f" und {under[-1]}"
        spread = f"{'Los' if len(under) == 1 else 'Lose'} {named}: {spread}"
    if month is None:
        # "1.-12. Monat der Maßnahme: … zumindest nach der Mindestteilnehmerplatzzahl" and "ab dem 13. Monat der
        # Maßnahme bis zum Maßnahmeende … 19,5 Zeitstunden": without the month either figure may be the one asked for
        when1 = f"1. bis {last1}. Monat"
        total1, steps1, decided1, lower = _phase_2016(lots, True, "", mins, f"{when1}: ")
        total2, steps2, decided2, _ = _phase_2016(lots, False, "", mins, f"Ab dem {first2}. Monat: ")
        steps = steps1 + steps2
        assumptions.append(f"Kein Maßnahmemonat angegeben: berechnet sind beide Phasen, der {when1} (Untergrenze: Mindestteilnehmerplatzzahl) "
                           f"und ab dem {first2}. Monat (Untergrenze: {num(floor13.value)} Wochenstunden). Für einen einzelnen Wert bitte den "
                           "Maßnahmemonat angeben.")
        if under:  # the document states this only for "ab dem 13. Monat der Maßnahme"
            notes.append(f"Ab dem {first2}. Monat: {spread}")
        result = (f"{when1}: {'mindestens ' if lower else ''}{num(total1)} Wochenstunden ({_fte(total1, h)}), maßgeblich: {decided1}; "
                  f"ab dem {first2}. Monat: {num(total2)} Wochenstunden ({_fte(total2, h)}), maßgeblich: {decided2} – "
                  f"{who}, Maßnahmemonat nicht angegeben")
    else:
        when = f"{month}. Monat, also Monat 1 bis {last1}" if month <= last1 else f"{month}. Monat, also ab dem {first2}. Monat"
        total, steps, decided, lower = _phase_2016(lots, month <= last1, when, mins)
        if under and month > last1:  # the document states this only for "ab dem 13. Monat der Maßnahme"
            notes.append(spread)
        result = f"{'mindestens ' if lower else ''}{num(total)} Wochenstunden ({_fte(total, h)}) {who} im {month}. Monat; maßgeblich: {decided}"
    if in_first and any(m is not None and n > m for n, m in zip(lots, mins)):
        # B. Ausgangssituation: "Der Auftragnehmer hat die Anpassung der Personalkapazität innerhalb von 4 Wochen umzusetzen."
        rules.append(citation("staffing_adjustment_weeks"))
        notes.append("Zuweisungen über der Mindestteilnehmerplatzzahl: die Personalkapazität ist innerhalb von 4 Wochen anzupassen.")
    if one_for_all and in_first:
        assumptions.append(f"Die Mindestteilnehmerplatzzahl {num(given[0])} wurde für jedes Los angesetzt. Jedes Los hat sie in seinem "
                           "eigenen Losblatt; weichen sie ab, bitte je Los eine Zahl angeben.")
    if in_first and not given:
        assumptions.append(f"Keine Mindestteilnehmerplatzzahl angegeben: im 1. bis {last1}. Monat bemisst sich der Personaleinsatz immer zumindest "
                           f"nach der Mindestteilnehmerplatzzahl. Das Ergebnis ist deshalb eine Untergrenze; bitte die Zahl aus dem Losblatt ergänzen.")
    # the worked example: several lots or no month as B.1 (5 and 6 participants), a month as B.2's examples
    # (Mindestteilnehmerplatzzahl in months 1 to 12, 19,5 hours from the 13th). Of the 49 authored questions that
    # reach the two staffing calculators, 28 have the example so chosen as their answer; 13 had the passage led
    # with before (the rule whose quote covered most of the question, mostly B. Ausgangssituation).
    if month is None or len(lots) > 1:
        example = citation("staffing_example_ratio")
    elif month > last1:  # Beispiel 3: the 19,5 hours decide; Beispiel 4: the key lies above them (QA 27: 3 TN had quoted 3)
        example = citation("staffing_example_from_month_13" if floor13.value >= lots[0] / ratio.value * h
                           else "staffing_example_from_month_13_key")
    else:  # Beispiel 1: the Mindestteilnehmerplatzzahl decides; Beispiel 2: the key lies above it
        floor = mins[0] / ratio.value * h if mins[0] is not None else 0.0
        example = citation("staffing_example_first_months" if floor > lots[0] / ratio.value * h else "staffing_example_first_months_key")
    rules.append(example)
    return mark_validity(Calculation("personal", "Personalbedarf InbeQ (Verträge ab 2016)", result, steps, rules,
                       assumptions=assumptions, notes=notes, example=example,
                       inputs={"teilnehmende": lots[0] if len(lots) == 1 else lots, "monat": month, "mindestplaetze": None if not given else given[0] if len(given) == 1 else given,
                               "option": option_drawn, "vertrag": "ab2016"}))


def staffing_pre2016(lots: list[int], contract_year: int | None = None) -> Calculation:
    """Contracts before 2016 (Teilnehmermonate, section A): 1 : 5, at least 1,0 per lot; lots add up.

    `contract_year`: the year the (basic) contract began. Section A covers „(Grund-)Verträge VOR 2016 und Optionen aus
    diesen Verträgen“, so an option from a 2015 contract that begins in 2016 or later is computed here with 2015.
    """
    if not lots:
        raise InputError("Bitte mindestens ein Los mit seiner Teilnehmerzahl angeben.", field="lose")
    lots = [check_count(n, label="Teilnehmende je Los") for n in lots]
    cutover = rule("staffing", "contract_cutover_year")
    if contract_year is not None:
        contract_year = check_year(contract_year, label="Jahr des (Grund-)Vertrags", minimum=2008, maximum=2100)
        if contract_year >= cutover.value:
            raise InputError(f"Vertrag von {contract_year}: (Grund-)Verträge ab {cutover.value} und Optionen aus diesen Verträgen rechnen nach "
                             f"Teilnehmerplätzen (Abschnitt B); bitte den Rechner „personal“ verwenden. Eine Option aus einem Vertrag vor "
                             f"{cutover.value} gehört zu Abschnitt A, auch wenn sie {cutover.value} oder später beginnt: dann das Jahr des "
                             "Grundvertrags angeben.", field="beginnjahr")
    ratio, hours = rule("staffing", "pre2016_participants_per_trainer"), rule("staffing", "pre2016_hours_per_fte")
    minimum, max_staff = rule("staffing", "pre2016_min_fte"), rule("staffing", "pre2016_max_staff_at_min")
    rules = [ratio, hours, minimum, rule("staffing", "pre2016_lots_separately")]
    per, h = ratio.value, hours.value
    steps, notes, assumptions = [], [], []
    total = 0.0
    parts = []
    any_min = False
    for i, n in enumerate(lots, 1):
        label = f"Los {i}: " if len(lots) > 1 else ""
        if n < per:
            any_min = True
            fte = float(minimum.value)
            steps.append(f"{label}{num(n)} Teilnehmer, weniger als {per}: minimaler Personalansatz {fte_num(fte)} = {num(fte * h)} Wochenstunden")
        else:
            fte = n / per
            steps.append(f"{label}{num(n)} Teilnehmer: Personalansatz {fte_num(fte)} Qualifizierungstrainer = {num(fte * h)} Wochenstunden")
        parts.append(fte * h)
        total += fte * h
    if len(lots) > 1:
        steps.append("Lose werden getrennt berechnet und addiert: " + " + ".join(num(p) for p in parts) + f" = {num(total)} Wochenstunden")
    sp = rule("staffing", "pre2016_socialpedagogue_until_year")
    if any_min:
        rules.append(max_staff)
        notes.append(f"Beim minimalen Personalansatz von {fte_num(minimum.value)} höchstens {max_staff.value} Mitarbeiter, deren Einsatzzeiten hälftig zu verteilen sind.")
    if contract_year is not None:
        # A.3: „Für die laufenden Verträge mit Beginnterminen in 2013 und früher …“
        rules.append(sp)
        if contract_year <= sp.value:
            notes.append(f"Vertrag von {contract_year} ({sp.value} oder früher): mindestens die Hälfte des Mindestpersonalumfangs durch einen Sozialpädagogen.")
        else:
            notes.append(f"Vertrag von {contract_year} (ab {sp.value + 1}): die Sozialpädagogen-Hälfte ist nicht mehr Teil der Leistungsbeschreibung.")
    else:
        assumptions.append(f"Kein Vertragsjahr angegeben: die Regel für Verträge mit Beginnterminen {sp.value} und früher (mindestens die "
                           "Hälfte des Mindestpersonalumfangs durch einen Sozialpädagogen) ist nicht angewandt.")
    result = (f"{num(total)} Wochenstunden ({_fte(total, h)}) bei "
              + (f"{num(lots[0])} Teilnehmenden" if len(lots) == 1 else f"{' + '.join(num(n) for n in lots)} Teilnehmenden auf {len(lots)} Losen")
              + f" (Vertrag vor {cutover.value})")
    example = citation("pre2016_staffing_example")  # A.1: 5 and 6 participants, as the question of each such calculation
    rules.append(example)
    return mark_validity(Calculation("personal-alt", f"Personalbedarf InbeQ (Verträge vor {cutover.value})", result, steps, rules, notes=notes, assumptions=assumptions, example=example,
                       inputs={"lose": lots, "beginnjahr": contract_year, "vertrag": "vor2016"}))
