"""Calculators: the document's worked examples, edge cases and properties."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import calculators as calc
from assistant.calculators.base import load_rules, num

D = dt.date


# B.2 examples 1-4, B.1 and A.1 of the BAG UB collection, verbatim figures
@pytest.mark.parametrize("participants, month, min_places, expected", [
    (6, 6, 7, "54,6"),   # B.2 Beispiel 1
    (8, 6, 7, "62,4"),   # B.2 Beispiel 2
    (2, 30, 7, "19,5"),  # B.2 Beispiel 3
    (3, 30, 7, "23,4"),  # B.2 Beispiel 4
    (5, 1, None, "mindestens 39"),  # B.1: 5 Teilnehmer = 39 Wochenstunden (without the minimum places: a lower bound)
    (6, 1, None, "mindestens 46,8"),  # B.1: 6 Teilnehmer = 46,8
    (0, 12, 7, "54,6"),  # no participants, month 12: the minimum of months 1-12
    (0, 13, 7, "19,5"),  # month 13: the 19,5 floor
    (2, 12, None, "mindestens 15,6"),
])
def test_staffing_from_2016(participants, month, min_places, expected):
    c = calc.staffing_2016(participants, month, min_places)
    assert c.result.startswith(f"{expected} Wochenstunden")
    assert c.rules and all(r.source for r in c.rules)


def test_option_restarts_month_count_and_says_so():
    c = calc.staffing_2016(3, 2, 7, option_drawn=True)
    assert c.result.startswith("54,6")
    assert any("Option" in n for n in c.notes)


def test_missing_min_places_is_stated_not_guessed():
    c = calc.staffing_2016(8, 6)
    assert any("Mindestteilnehmerplatzzahl" in a and "Untergrenze" in a for a in c.assumptions)
    assert c.result.startswith("mindestens 62,4 Wochenstunden")


@pytest.mark.parametrize("lots, expected", [
    ([5, 6], "85,8"),  # A.1: 39 + 46,8
    ([5], "39"),
    ([6], "46,8"),
    ([3], "39"),  # below five: minimum 1,0
    ([0], "39"),  # none assigned: still 1,0
    ([0, 0], "78"),
])
def test_staffing_before_2016(lots, expected):
    assert calc.staffing_pre2016(lots).result.startswith(f"{expected} Wochenstunden")


def test_socialpedagogue_half_only_for_2013_and_earlier():
    assert any("Sozialpädagogen" in n and "2013" in n for n in calc.staffing_pre2016([3], 2013).notes)
    assert any("nicht mehr Teil" in n for n in calc.staffing_pre2016([3], 2014).notes)
    assert any("nicht angewandt" in a for a in calc.staffing_pre2016([3]).assumptions)


@pytest.mark.parametrize("fn, args", [
    (calc.staffing_2016, (-1, 3, 7)),
    (calc.staffing_2016, (3, 0, 7)),
    (calc.staffing_2016, (3, 3, 0)),
    (calc.staffing_pre2016, ([],)),
    (calc.leave_days, (-2,)),
    (calc.integration_office, (D(1850, 1, 1),)),
    (calc.inbeq_end, (D(2026, 1, 1), 0, 13)),
])
def test_bad_input_raises_german_message(fn, args):
    with pytest.raises(calc.InputError) as exc:
        fn(*args)
    assert str(exc.value)


@pytest.mark.parametrize("start, due", [
    (D(2027, 3, 1), "01.09.2026"),
    (D(2026, 8, 31), "28.02.2026 (Samstag – letzter Arbeitstag davor: Freitag, 27.02.2026)"),  # clamped to the month end
    (D(2024, 8, 29), "29.02.2024"),  # leap year
    # QA: a Sunday had stood in the result as the last day, the weekend only named in the steps
    (D(2027, 8, 31), "28.02.2027 (Sonntag – letzter Arbeitstag davor: Freitag, 26.02.2027)"),
])
def test_integration_office(start, due):
    c = calc.integration_office(start, today=D(2020, 1, 1))
    assert c.result.startswith(f"Integrationsamt spätestens am {due} unterrichten – Achtung: Quelle außer Kraft seit 15.04.2014")


def test_a_deadline_on_a_holiday_names_the_working_day_before():
    c = calc.planning_meeting(D(2027, 4, 1), "MV", today=D(2027, 1, 1))
    assert c.result.startswith("Planungsgespräch am 02.04.2027; Anmeldung bis 19.03.2027; Anlagen und Einladung bis 26.03.2027 "
                               "(Karfreitag – letzter Arbeitstag davor: Donnerstag, 25.03.2027)")
    assert calc.review(D(2026, 8, 31)).result.startswith(
        "Eingliederungsvereinbarung (SGB III) spätestens am 28.02.2027 (Sonntag – letzter Arbeitstag davor: Freitag, 26.02.2027) überprüfen")


def test_a_measure_starting_on_a_holiday_is_noted():
    c = calc.occupancy_check(D(2026, 5, 25), land="BW")
    assert "Der Maßnahmebeginn (Montag, 25.05.2026) fällt auf einen arbeitsfreien Tag (Pfingstmontag)." in c.notes


@pytest.mark.parametrize("notice, effective", [
    (D(2026, 5, 15), "30.09.2026"),
    (D(2026, 3, 31), "30.06.2026"),
    (D(2026, 4, 1), "30.09.2026"),
    (D(2026, 10, 1), "31.03.2027"),
    (D(2023, 11, 30), "31.03.2024"),
])
def test_termination_to_quarter_end(notice, effective):
    assert calc.termination(notice).result.startswith(f"Kündigung wirksam zum {effective} – Achtung: Quelle außer Kraft")


def test_inbeq_end_with_an_extension_asked_without_its_length_names_the_longest():
    # QA 39: "Wann ist spätestens Schluss, wenn verlängert wird?" had been answered with the regular end alone
    c = calc.inbeq_end(D(2027, 3, 1), extension_asked=True)
    assert c.result == "InbeQ endet spätestens am 28.02.2029; mit Verlängerung (höchstens 12 Monate) spätestens am 28.02.2030"
    assert [d for _, d in c.dates] == [D(2029, 2, 28), D(2030, 2, 28)]
    assert calc.inbeq_end(D(2027, 3, 1)).result == "InbeQ endet spätestens am 28.02.2029"


@pytest.mark.parametrize("effective_by, latest, target", [
    (D(2027, 6, 30), "31.03.2027", "30.06.2027"),
    (D(2027, 5, 15), "31.03.2027", "30.06.2027"),  # no quarter's end: the next one
    (D(2027, 9, 30), "30.06.2027", "30.09.2027"),
    (D(2027, 12, 31), "30.09.2027", "31.12.2027"),
    (D(2028, 3, 31), "31.12.2027", "31.03.2028"),
])
def test_termination_asked_backwards(effective_by, latest, target):
    c = calc.termination_latest(effective_by, today=D(2026, 12, 4))
    assert c.result.startswith(f"Kündigung muss spätestens am {latest} zugehen, um zum {target} wirksam zu werden – Achtung: Quelle außer Kraft")
    assert [d.strftime("%d.%m.%Y") for _, d in c.dates] == [latest, target]


def test_termination_asked_backwards_names_a_day_past_and_one_the_agreement_does_not_reach():
    late = calc.termination_latest(D(2026, 12, 31), today=D(2026, 12, 4))
    assert ("Kündigung muss spätestens am 30.09.2026 zugehen, um zum 31.12.2026 wirksam zu werden – Frist abgelaufen (heute ist "
            "der 04.12.2026): heute zugegangen, wird sie zum 31.03.2027 wirksam") in late.result
    # § 11: the agreement ended with 14.04.2014, so a notice to 30.06.2014 has no effect
    assert calc.termination_latest(D(2014, 6, 30), today=D(2026, 12, 4)).result.startswith(
        "Keine Wirkung: Zum 30.06.2014 wäre die Vereinbarung schon außer Kraft; sie tritt mit Ablauf des 14.04.2014 außer Kraft (§ 11)")
    assert "Die Kündigung wirkt nur zum Ende eines Kalendervierteljahres: der 15.05.2027 ist keines, das nächste ist der 30.06.2027" in \
        calc.termination_latest(D(2027, 5, 15), today=D(2026, 12, 4)).steps


def test_planning_meeting_flags_holiday_on_first_friday():
    c = calc.planning_meeting(D(2026, 12, 20))
    assert c.dates[0][1] == D(2027, 1, 1) and c.dates[0][0].startswith("Planungsgespräch (nach Ablauf der Quelle am 14.04.2014)")
    assert any("Feiertag" in s and "Neujahr" in s for s in c.steps)
    assert c.dates[1][1] == D(2026, 12, 18)  # registration 14 days before
    assert c.dates[2][1] == D(2026, 12, 25)  # attachments one week before (Weihnachten flagged)
    assert any(s.endswith("bis Freitag, 25.12.2026 – Achtung: gesetzlicher Feiertag in MV (Erster Weihnachtstag); "
                          "letzter Arbeitstag davor: Donnerstag, 24.12.2026") for s in c.steps)
    # a registration deadline on a working day has no such note
    assert any(s.endswith("bis Freitag, 18.12.2026") for s in c.steps)
    assert any("Abweichende Termine" in n for n in c.notes)


def test_planning_meeting_leads_with_the_next_meeting_whose_registration_is_open():
    c = calc.planning_meeting(D(2026, 11, 22))
    assert c.result.startswith("Nächstes Planungsgespräch mit offener Anmeldung am 01.01.2027 (Neujahr: Terminabweichungen teilt die Agentur für Arbeit rechtzeitig mit); Anmeldung bis 18.12.2026")
    assert "Frist abgelaufen für den 04.12.2026: Anmeldung war bis 20.11.2026" in c.result
    # the next meeting's deadlines are flagged like the first one's: the attachments are due on Christmas Day
    # and, as the result does, the last working day before it (QA 45: the steps had named the holiday only)
    assert any("Anlagen und Einladung bis Freitag, 25.12.2026 – Achtung: gesetzlicher Feiertag in MV (Erster Weihnachtstag); "
               "letzter Arbeitstag davor: Donnerstag, 24.12.2026" in s for s in c.steps)
    assert "Anlagen und Einladung bis 25.12.2026 (Erster Weihnachtstag – letzter Arbeitstag davor: Donnerstag, 24.12.2026)" in c.result
    assert c.dates[-1][0].startswith("Anlagen vollständig / Einladung Planungsgespräch (nächster Termin)") and c.dates[-1][1] == D(2026, 12, 25)


def test_planning_meeting_looked_at_from_a_later_day_says_when_its_registration_is_due():
    """"--ab 30.01.2027" on 03.12.2026: the 05.02.2027's registration (22.01.2027) is due before that day; whoever can
    register only from then on is told the meeting after it (QA 27: nothing had been said)."""
    c = calc.planning_meeting(D(2027, 1, 30), today=D(2026, 12, 3))
    assert c.result.startswith("Planungsgespräch am 05.02.2027; Anmeldung bis 22.01.2027; Anlagen und Einladung bis 29.01.2027 – "
                               "Achtung: Die Anmeldung ist vor dem 30.01.2027 fällig; danach ist der nächste Termin am 05.03.2027 "
                               "(Anmeldung bis 19.02.2027)")
    # the calendar holds the later meeting too, where the warning is not read (QA 46)
    assert [(label.split(" (nach Ablauf")[0], day) for label, day in c.dates[3:]] == [
        ("Planungsgespräch (wenn die Anmeldung erst ab dem 30.01.2027 möglich ist)", D(2027, 3, 5)),
        ("Anmeldeschluss Planungsgespräch (Anmeldung ab dem 30.01.2027)", D(2027, 2, 19)),
        ("Anlagen vollständig / Einladung Planungsgespräch (Anmeldung ab dem 30.01.2027)", D(2027, 2, 26))]
    # the month's own meeting, a holiday, is flagged where it is named
    assert any(s.endswith("im Januar 2027 ist es der Freitag, 01.01.2027 – Achtung: gesetzlicher Feiertag in MV (Neujahr).")
               for s in c.steps)
    # from a day whose meeting is still open to register for, nothing of it
    assert "Achtung: Die Anmeldung" not in calc.planning_meeting(D(2027, 1, 20), today=D(2026, 12, 3)).result


def test_a_planning_meeting_asked_about_that_lies_behind_is_said_first():
    # QA 27: "im Mai 2026" asked on 03.12.2026 had led with the next open meeting, the one asked about in brackets
    c = calc.planning_meeting(D(2026, 5, 1), today=D(2026, 12, 3))
    assert c.result.startswith("Der Termin des Planungsgesprächs am 01.05.2026 liegt zurück (Anmeldung war bis 17.04.2026); "
                               "nächstes Planungsgespräch mit offener Anmeldung am 01.01.2027")


def test_a_past_day_looked_from_names_the_meeting_that_was_open_then():
    # QA 28: "--ab 20.04.2026" (no meeting day) was answered only from today; the May meeting's registration had
    # closed before the 20th, so from that day the open one was in June, and today's next one follows
    c = calc.planning_meeting(D(2026, 4, 20), today=D(2026, 12, 3))
    assert c.result.startswith("Der Termin des Planungsgesprächs am 01.05.2026 liegt zurück (Anmeldung war bis 17.04.2026); "
                               "ab dem 20.04.2026 war der nächste Termin mit offener Anmeldung der 05.06.2026 "
                               "(Anmeldung bis 22.05.2026), auch er liegt zurück; nächstes Planungsgespräch mit offener "
                               "Anmeldung am 01.01.2027")
    assert "Vom 20.04.2026 aus gesehen war die Anmeldefrist für den 01.05.2026 schon abgelaufen" in " ".join(c.steps)
    # from a past day whose first meeting was still open then, nothing of it
    assert "ab dem" not in calc.planning_meeting(D(2026, 4, 10), today=D(2026, 12, 3)).result


def test_planning_meeting_on_the_day_itself():
    assert calc.planning_meeting(D(2026, 12, 4)).dates[0][1] == D(2026, 12, 4)
    assert calc.planning_meeting(D(2026, 12, 5)).dates[0][1] == D(2027, 1, 1)


@pytest.mark.parametrize("on, nxt", [(D(2026, 1, 10), "01.04.2026"), (D(2026, 4, 1), "01.04.2026"), (D(2026, 10, 2), "01.04.2027")])
def test_reporting_date(on, nxt):
    assert calc.reporting_date(on).result.startswith(f"Nächster Stichtag: {nxt}")


@pytest.mark.parametrize("months, sb, expected", [(7, False, "17,5"), (12, False, "30"), (12, True, "35"), (7, True, "20,5"), (1, True, "2,92")])
def test_leave_days(months, sb, expected):
    assert calc.leave_days(months, sb).result.startswith(f"{expected} unterweisungsfreie Arbeitstage")


def test_leave_year_starts_first_of_following_month():
    c = calc.leave_days(3, entry=D(2026, 2, 14))
    assert ("Beginn des Urlaubsjahres (unterweisungsfreie Zeiten)", D(2026, 3, 1)) in c.dates


def test_inbeq_end_with_interruption_and_extension():
    c = calc.inbeq_end(D(2026, 9, 1), 70, 12)
    assert "31.08.2028" not in c.result and "09.11.2028" in c.result
    assert "09.11.2029" in c.result


def test_inbeq_end_explains_months_counted_from_the_start():
    """26 months from 01.03.2025 end on 30.04.2027 (not 28.02.2027 + 2 months); the ten days come on top."""
    c = calc.inbeq_end(D(2025, 3, 1), 10, 0, 2)
    assert c.result.startswith("InbeQ endet spätestens am 10.05.2027")
    assert ("Unterbrechungen verbrauchen keine Maßnahmezeit: Ende verschiebt sich um 2 Monate und 10 Tage "
            "(26 Monate ab Beginn bis 30.04.2027, dazu 10 Tage) auf 10.05.2027") in c.steps


def test_inbeq_extension_counts_the_interruption_in_its_months():
    """01.03.2025 + 2 months interruption + 6 months extension: 32 months from the start (it said 30)."""
    c = calc.inbeq_end(D(2025, 3, 1), 0, 6, 2)
    assert "Mit Verlängerung um 6 Monate (32 Monate ab Beginn): 31.10.2027" in c.steps
    c = calc.inbeq_end(D(2025, 3, 1), 10, 6, 2)
    assert "Mit Verlängerung um 6 Monate (32 Monate ab Beginn, dazu 10 Tage Unterbrechung): 10.11.2027" in c.steps


def test_an_extension_named_without_preposition_is_read():
    from assistant.extract import find_extension_months
    from assistant.router import route

    assert find_extension_months("Unterbrechung 2 Monate, Verlängerung 6 Monate.") == 6
    assert find_extension_months("Verlängerung: 6 Monate") == 6
    assert find_extension_months("Verlängerung 2026 beantragt") == 0
    c = route("Die InbeQ begann am 01.09.2025, Unterbrechung 2 Monate, Verlängerung 6 Monate. Wann endet sie?", D(2026, 12, 2)).run()
    assert c.result == ("InbeQ endet spätestens am 31.10.2027; mit Verlängerung um 6 Monate am 30.04.2028 "
                        "(Unterbrechung 2 Monate eingerechnet)")


def test_graduate_interview_names_a_takeover_without_an_employer_measure():
    c = calc.graduate_interview(D(2027, 3, 3), 1, employer_measure=False, taken_on=True)
    assert c.result.startswith("Absolventengespräch innerhalb von vier Wochen")
    assert any(n.startswith("Die Übernahme in Beschäftigung ändert die Frist nur bei einer Maßnahme bei einem Arbeitgeber") for n in c.notes)


def test_graduate_interview_with_mag_and_takeover_lists_no_window_as_if_it_applied():
    c = calc.graduate_interview(D(2027, 3, 3), 1, employer_measure=True, taken_on=True)
    assert c.result == "Kein Absolventengespräch vorgeschrieben: MAG unter zwei Monaten mit Übernahme in Beschäftigung"
    assert c.steps[0] == ("Maßnahme von 1 Monat, also unter zwei Monaten: ohne Ausnahme wäre ein dokumentiertes Beratungsgespräch "
                          "innerhalb von vier Wochen nach dem Ende 03.03.2027 fällig (03.03.2027 bis 31.03.2027)")
    assert c.dates == []
    longer = calc.graduate_interview(D(2027, 3, 3), None, employer_measure=True, taken_on=True)
    assert ("Die Ausnahme für eine Maßnahme bei einem Arbeitgeber (MAG) mit Übernahme gilt nur für Maßnahmen unter zwei Monaten; "
            "bei 2 Monaten ist das Gespräch vorgeschrieben.") in longer.notes


def test_large_numbers_have_german_thousands_separators():
    assert [num(x) for x in (62.4, 999, 1000, 78000, 1234.5)] == ["62,4", "999", "1.000", "78.000", "1.234,5"]
    c = calc.staffing_2016(10000, 6)
    assert c.result.startswith("mindestens 78.000 Wochenstunden (Personalansatz 2.000,0) bei 10.000 Teilnehmenden")


def test_prognosis_names_an_integration_date_before_the_stand():
    c = calc.market_prognosis(D(2027, 1, 1), D(2026, 3, 1))
    assert c.notes == ["Das erwartete Integrationsdatum 01.03.2026 liegt vor dem Stand 01.01.2027; eine Prognose blickt nach vorn. "
                       "Bitte das Datum prüfen."]
    assert calc.market_prognosis(D(2027, 1, 1), D(2027, 3, 1)).notes == []


def test_jobcoaching_dates_and_hours():
    c = calc.jobcoaching(D(2026, 1, 15), hours_used=42)
    assert "14.07.2026" in c.result and "18 Stunden" in c.result
    assert c.dates == [("Spätestes Ende des Jobcoachings (in der Regel)", D(2026, 7, 14))]
    c = calc.jobcoaching(D(2026, 1, 15), extended=True)
    assert "14.10.2026" in c.result and "90 Fachleistungsstunden" in c.result
    # the calendar's event says which end it is (QA 27: "(in der Regel)" had stood at the end with the extension)
    assert c.dates == [("Spätestes Ende des Jobcoachings (mit Verlängerung)", D(2026, 10, 14))]
    # an end already past is said so, as the other deadlines do (QA 35); one ahead is not
    assert "Das Ende (14.07.2026) liegt vor dem heutigen Tag (04.12.2026)." in calc.jobcoaching(D(2026, 1, 15), today=D(2026, 12, 4)).notes
    assert not any("vor dem heutigen Tag" in n for n in calc.jobcoaching(D(2026, 11, 1), today=D(2026, 12, 4)).notes)


def test_graduate_interview_window():
    assert calc.graduate_interview(D(2026, 6, 30), 6).result == "Absolventengespräch zwischen 02.06.2026 und 28.07.2026"
    assert calc.graduate_interview(D(2026, 6, 30), 1).result == "Absolventengespräch innerhalb von vier Wochen nach dem Ende: spätestens am 28.07.2026"


def test_a_review_long_due_says_so():
    # QA 27: a review due in July was given in December as if still to come
    assert calc.review(D(2026, 1, 10), today=D(2026, 12, 3)).result == (
        "Eingliederungsvereinbarung (SGB III) spätestens am 10.07.2026 überprüfen – Frist abgelaufen (heute ist der "
        "03.12.2026): bitte umgehend nachholen")
    assert "Frist abgelaufen" not in calc.review(D(2026, 11, 10), today=D(2026, 12, 3)).result


def test_reviews_and_occupancy():
    assert "02.09.2026" in calc.review(D(2026, 3, 2)).result
    assert "Kooperationsplan" in calc.review(D(2026, 3, 2), "kooperationsplan").result
    assert calc.occupancy_check(D(2026, 3, 2)).result == "Besetzung prüfen am 09.02.2026"
    assert calc.market_prognosis(D(2026, 1, 1), D(2026, 6, 30)).result.endswith("marktnah")
    assert calc.market_prognosis(D(2026, 1, 1), D(2026, 8, 1)).result.endswith("nicht marktnah")


def test_number_format():
    assert [num(x) for x in (62.4, 39.0, 0.25, 85.8, 1.2)] == ["62,4", "39", "0,25", "85,8", "1,2"]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 60), st.integers(1, 60), st.integers(1, 36), st.one_of(st.none(), st.integers(1, 20)))
def test_more_participants_never_fewer_hours(a, b, month, min_places):
    lo, hi = sorted((a, b))
    h = lambda n: float(calc.staffing_2016(n, month, min_places).result.removeprefix("mindestens ").split()[0].replace(",", "."))
    assert h(hi) >= h(lo)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=4), st.integers(0, 3), st.integers(1, 10))
def test_more_participants_on_a_lot_never_fewer_hours(lots, index, extra):
    i = index % len(lots)
    more = lots[:i] + [lots[i] + extra] + lots[i + 1:]
    h = lambda ls: float(calc.staffing_pre2016(ls).result.split()[0].replace(",", "."))
    assert h(more) >= h(lots)
    h16 = lambda ls: float(calc.staffing_2016(ls, 20).result.split()[0].replace(",", "."))
    assert h16(more) >= h16(lots)


dates = st.dates(min_value=D(1995, 1, 1), max_value=D(2095, 12, 31))


@settings(max_examples=80, deadline=None)
@given(dates)
def test_deadlines_lie_on_the_right_side(day):
    assert calc.integration_office(day, today=D(1990, 1, 1)).dates[0][1] < day
    assert calc.termination(day).dates[0][1] > day
    # backwards and forwards agree: the latest day of receipt takes effect at the quarter's end, the day after it not
    latest, target = (d for _, d in calc.termination_latest(day).dates)
    assert calc.termination(latest).dates[0][1] == target >= day
    assert calc.termination(latest + dt.timedelta(days=1)).dates[0][1] > target
    assert calc.occupancy_check(day).dates[0][1] < day
    meeting, registration, attachments, *later = (d for _, d in calc.planning_meeting(day).dates)
    assert calc.reporting_date(day).dates[0][1] >= day
    for months in (1, 6, 12):  # the Absolventen window and reviews lie on their side of the reference day
        assert calc.review(day).dates[0][1] > day
    assert meeting >= day and meeting.weekday() == 4 and meeting.day <= 7
    assert registration < attachments < meeting
    if registration < day:  # deadline passed: the next meeting's registration is still open
        assert later[0] > meeting and later[0].weekday() == 4 and later[1] >= day
    else:
        assert later == []
    assert calc.reporting_date(day).dates[0][1] >= day


def test_every_rule_quotes_its_source_passage(lotse):
    from assistant.calculators.base import load_citations

    for group in list(load_rules().values()) + [load_citations()]:
        for rule in group.values():
            unit = lotse.unit(rule.source)
            assert unit is not None, rule.source
            flat = lambda s: " ".join(s.split())
            assert flat(rule.quote) in flat(unit.text), (rule.key, rule.source)


def test_a_review_day_on_a_weekend_or_federal_holiday_is_flagged():
    assert calc.review(D(2026, 8, 31), "kooperationsplan").steps[0].endswith("Sonntag, 28.02.2027 – Achtung: Wochenende")
    assert calc.review(D(2026, 4, 3), "ev").steps[0].endswith(
        "Samstag, 03.10.2026 – Achtung: bundesweiter Feiertag (Tag der Deutschen Einheit)")
    assert calc.review(D(2026, 3, 2), "ev").steps[0].endswith("Mittwoch, 02.09.2026")


def test_working_days_per_week_without_severe_disability_are_said_to_change_nothing():
    c = calc.leave_days(6, False, None, 4)
    assert c.result == "15 unterweisungsfreie Arbeitstage für 6 volle Kalendermonate"
    assert ("Die Arbeitstage je Woche (4) zählen nur für den Zusatz schwerbehinderter Teilnehmender; "
            "die 2,5 Tage je vollem Kalendermonat gelten unabhängig davon.") in c.notes
    assert calc.leave_days(6, False, None, 5).notes == []


def test_lots_of_a_contract_from_2016_cite_the_2016_section():
    c = calc.staffing_2016([3, 6], 12)
    units = [r.source for r in c.rules]
    assert "bagub-faq/B.1" in units and "bagub-faq/A.1" not in units  # A.1 is the section for contracts before 2016


def test_a_cooperation_plan_before_it_existed_is_noted():
    # QA 2026-12-03: a Kooperationsplan "of 01.03.2020" had been reviewed without a word; it exists since 01.07.2023
    note = ("Den Kooperationsplan gibt es im SGB II erst seit dem 01.07.2023 (§ 15 SGB II); vorher schloss das Jobcenter "
            "eine Eingliederungsvereinbarung. Die Frist ist hier nur sinngemäß gerechnet.")
    assert note in calc.review(D(2020, 3, 1), "kooperationsplan").notes
    assert note not in calc.review(D(2024, 3, 1), "kooperationsplan").notes


def test_a_calendar_deadline_on_a_holiday_names_the_working_day_before():
    # QA 2026-12-03: the .ics had held the attachments' deadline on Christmas Day without a word
    c = calc.planning_meeting(D(2026, 11, 22))
    label, day = c.dates[-1]
    assert day == D(2026, 12, 25)
    assert label.startswith("Anlagen vollständig / Einladung Planungsgespräch (nächster Termin) "
                            "(Erster Weihnachtstag – letzter Arbeitstag davor: Donnerstag, 24.12.2026)")
