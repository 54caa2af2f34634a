"""Issue #10: the router's table comes from the calculator registry; every named extractor has its table rows."""
import datetime as dt
import inspect

import pytest

from assistant import question as qx
from assistant.calculators.registry import REGISTRY, SPECS
from assistant.question import Question, Trigger
from assistant.router import ROUTES, route

D = dt.date
TODAY = D(2026, 12, 1)

# (extractor, question, expected value, assumption it states or "")
EXTRACTOR_ROWS = [
    (qx.first_date, "Beginn 01.03.2027, Ende 31.05.2027", D(2027, 3, 1), ""),
    (qx.first_date, "Wann ist der nächste Stichtag?", None, ""),
    (qx.last_date, "Beginn 01.03.2027, Ende 31.05.2027", D(2027, 5, 31), ""),
    (qx.last_date, "Wie lange?", None, ""),
    (qx.last_date, "Ende 31.05.2027, Stand 01.01.2027", D(2027, 5, 31), ""),  # not the question's own day
    (qx.start_date, "Am 10.02.2026 war das Erstgespräch, die InbeQ begann am 01.04.2026.", D(2026, 4, 1), ""),
    (qx.start_date, "Stand 01.06.2027: Die InbeQ begann am 01.05.2027", D(2027, 5, 1), ""),
    (qx.start_date, "InbeQ 01.03.2027", D(2027, 3, 1), ""),
    # a measure's start: labelled, else the first date not told as an end (QA 35: "Ende 15.01.2027" had been the start)
    (qx.begin_date, "Die InbeQ begann am 01.04.2026, Unterbrechung vom 01.06.2026 bis 30.06.2026", D(2026, 4, 1), ""),
    (qx.begin_date, "InbeQ 01.03.2027, wann Ende?", D(2027, 3, 1), ""),
    (qx.begin_date, "Maßnahme bei einem Arbeitgeber, 6 Wochen, Ende 15.01.2027, nicht übernommen", None, ""),
    # the entry, only where named as a start or the beginning of a participation: a trip in August is none (QA 34)
    (qx.labelled_start_date, "Seit dem 01.09.2026 in der InbeQ, im August will ich wegfahren", D(2026, 9, 1), ""),
    (qx.labelled_start_date, "TN vom 01.02.2026 bis 31.07.2026 in der Maßnahme", D(2026, 2, 1), ""),
    (qx.labelled_start_date, "Ich will im August eine Woche wegfahren, hab ich Urlaub?", None, ""),
    # months that can be a participation in the measure, not an employee's years (QA 34)
    (qx.measure_months, "TN seit 14 Monaten dabei, wie viel Urlaub?", 14, ""),
    (qx.measure_months, "Mitarbeiterin seit 8 Jahren bei uns, Zusatzurlaub?", None, ""),
    (qx.notice_date, "Die Kündigung wurde am 25.06.2026 geschrieben und ist am 02.07.2026 zugegangen.", D(2026, 7, 2), ""),
    (qx.notice_date, "Kündigung vom 25.06.2026", D(2026, 6, 25), ""),
    (qx.effective_by, "Die Vereinbarung soll zum 30.06.2027 gekündigt werden.", D(2027, 6, 30), ""),
    (qx.effective_by, "Kündigung zum Ende Juni 2027, am 15.03.2027 geschrieben", D(2027, 6, 30), ""),
    (qx.effective_by, "Kündigung am 15.03.2027 zugegangen", None, ""),
    (qx.stated_today, "Integration am 30.09.2027 erwartet, Stand 01.01.2027", D(2027, 1, 1), ""),
    (qx.stated_today, "heute ist der 01.01.2027: Integration am 30.09.2027 marktnah?", D(2027, 1, 1), ""),
    (qx.stated_today, "Integration am 30.09.2027 marktnah?", None, ""),
    # the day a prognosis is made: stated, or the day of the conversation it was made in (QA 17)
    (qx.assessment_day, "Ich habe am 29.02.2028 das Erstgespräch geführt und rechne mit einer Integration am 29.08.2028.",
     D(2028, 2, 29), ""),
    (qx.assessment_day, "Erstgespräch am 01.03.2027, Integration am 30.09.2027 erwartet – marktnah?", D(2027, 3, 1), ""),
    (qx.assessment_day, "Stand 01.01.2027: Integration am 30.09.2027 marktnah?", D(2027, 1, 1), ""),
    (qx.assessment_day, "Integration am 30.09.2027 marktnah?", None, ""),
    (qx.land_named, "Wir sind in Niedersachsen. Das Modul startet am 21.11.2028.", "NI", "Feiertage für Niedersachsen (NI) geprüft."),
    (qx.land_named, "Modul startet am 04.05.2026", None, ""),
    # the day an agreement was made, not the first date of the post (QA 18)
    (qx.agreement_date, "Der Kooperationsplan (Bürgergeld seit 01.01.2025) wurde am 17.03.2027 erstellt.", D(2027, 3, 17), ""),
    (qx.agreement_date, "Bürgergeld seit 01.01.2025, Eingliederungsvereinbarung vom 02.05.2025", D(2025, 5, 2), ""),
    (qx.agreement_date, "EGV 10.01.2026 – wann überprüfen?", D(2026, 1, 10), ""),
    (qx.last_date, "Integration am 30.09.2027 erwartet, Stand 01.01.2027", D(2027, 9, 30), ""),
    (qx.last_date, "Stand 01.01.2027", None, ""),
    (qx.employment_or_first_date, "Antrag am 01.02.2027. Die Beschäftigung beginnt am 01.06.2027.", D(2027, 6, 1), ""),
    (qx.employment_or_first_date, "Termin am 01.02.2027", D(2027, 2, 1), ""),
    (qx.employment_start, "Arbeitsvertrag ab 01.04.2027: Planungsgespräch?", D(2027, 4, 1), ""),
    (qx.employment_start, "Planungsgespräch nach dem 03.02.2027?", None, ""),
    (qx.from_date, "Stichtag nach dem 01.04.2027?", D(2027, 4, 2), ""),
    (qx.from_date, "Stichtag am 02.10.2027?", D(2027, 10, 2), ""),
    (qx.from_date, "Wann ist der nächste Stichtag?", TODAY, "Kein Datum genannt: gerechnet ab heute (01.12.2026)."),
    (qx.planning_from, "Die Beschäftigung beginnt am 01.02.2027. Kann ich nach dem 18.12.2026 noch nachmelden?", D(2026, 12, 19), ""),
    (qx.planning_from, "Wann muss ich das Planungsgespräch anmelden, wenn die Beschäftigung am 01.03.2027 beginnt?", D(2027, 2, 1),
     "Gesucht wird das Planungsgespräch vor dem Beschäftigungsbeginn (01.03.2027), ab 01.02.2027."),
    (qx.planning_from, "Wann ist das nächste Planungsgespräch?", TODAY, "Kein Datum genannt: gerechnet ab heute (01.12.2026)."),
    (qx.registration_moment, "Die Beschäftigung beginnt am 01.02.2027. Kann ich nach dem 18.12.2026 noch nachmelden?", D(2026, 12, 19), ""),
    (qx.registration_moment, "Planungsgespräch nach dem 18.12.2026?", TODAY, ""),
    (qx.participants, "Wie viel Personal bei acht Teilnehmern?", 8, ""),
    (qx.participants, "Wie viel Personal?", None, ""),
    (qx.lots, "Los 1 hat 5 und Los 2 hat 6 Teilnehmer", [5, 6], ""),
    (qx.lots, "bei 9 Teilnehmern", None, ""),
    (qx.participants_per_lot, "Los 1 hat 5 und Los 2 hat 6 Teilnehmer", [5, 6], ""),
    (qx.participants_per_lot, "bei 9 Teilnehmern", [9], ""),
    (qx.measure_month, "im 20. Monat", 20, ""),
    # no month named: None, and the calculator gives both phases with its own assumption (audit h17 A2)
    (qx.measure_month, "bei 8 Teilnehmern", None, ""),
    (qx.named_month, "personal bei 8 teilnehmern im 6. monat", 6, ""),
    (qx.named_month, "bei 8 Teilnehmern", None, ""),
    (qx.min_places, "Mindestteilnehmerplatzzahl 7", 7, ""),
    (qx.min_places, "bei 8 Teilnehmern", None, ""),
    (qx.option_drawn, "Option gezogen, 6 Teilnehmer", True, ""),
    (qx.option_drawn, "6 Teilnehmer", False, ""),
    (qx.start_year, "Beginn der Maßnahme 2013", 2013, ""),
    (qx.start_year, "bei 6 Teilnehmern", None, ""),
    (qx.staffing_calculator, "Altvertrag: Los 1 mit 4 und Los 2 mit 7 Teilnehmern", "personal-alt", ""),
    (qx.staffing_calculator, "Vertrag ab 2016, 4 Teilnehmer", "personal", ""),
    (qx.staffing_calculator, "Beginn 2014, 12 Teilnehmer", "personal-alt", ""),
    (qx.staffing_calculator, "bei 8 Teilnehmern", "personal",
     "Vertrag ab 2016 (Teilnehmerplätze) angenommen; für Altverträge „vor 2016“ angeben."),
    (qx.months_count, "12 volle Monate dabei", 12, ""),
    (qx.months_count, "Anspruch auf Urlaub?", None, ""),
    (qx.months_count, "seit einem halben Jahr dabei", 6, "„einem halben Jahr“ als 6 volle Kalendermonate gelesen."),
    (qx.months_count, "am 15.03.2026 angefangen, wie viel Urlaub bis Ende des Jahres?", 9,
     "Teilnahme vom 15.03.2026 bis 31.12.2026: 9 volle Kalendermonate."),
    (qx.severely_disabled, "Teilnehmerin schwerbehindert", True, ""),
    (qx.severely_disabled, "schwerbehindert gleichgestellt", False, ""),
    (qx.severely_disabled, "nicht schwerbehindert", False, ""),
    (qx.weekdays, "6-Tage-Woche", 6, ""),
    (qx.weekdays, "12 volle Monate", None, ""),
    (qx.duration_months, "Die Maßnahme dauerte 14 Monate", 14, ""),
    (qx.duration_months, "MAG über 6 Wochen", 1, ""),
    (qx.duration_months, "Die Maßnahme endete", None, ""),
    (qx.duration_months, "Maßnahme vom 01.02.2027 bis 03.03.2027", 1, ""),  # a month and three days
    (qx.duration_months, "Maßnahme vom 01.02.2027 bis 31.03.2027", 2, ""),
    (qx.duration_months, "MAG 1 Monat, endete am 03.03.2027", 1, ""),
    (qx.employer_measure, "MAG von 1 Monat", True, ""),
    (qx.employer_measure, "beim Arbeitgeber", True, ""),
    (qx.employer_measure, "beim Träger", False, ""),
    (qx.taken_on, "nicht übernommen", False, ""),
    (qx.taken_on, "in Beschäftigung übernommen", True, ""),
    (qx.taken_on, "endete am 03.03.2027", None, ""),
    (qx.review_kind, "Kooperationsplan vom 01.12.2026", "kooperationsplan", ""),
    (qx.review_kind, "Eingliederungsvereinbarung vom 01.12.2026", "ev", ""),
    (qx.hours_used, "42,5 FLS verbraucht", 42.5, ""),
    (qx.hours_used, "42 Stunden sind verbraucht", 42, ""),
    (qx.hours_used, "Jobcoaching seit 01.03.2026", None, ""),
    (qx.hours_used, "jobcoaching ab 15.1.27 wieviel stunden noch wenn 40 verbraucht", 40, ""),
    (qx.extended, "Jobcoaching verlängert", True, ""),
    (qx.extended, "Jobcoaching seit 01.03.2026", False, ""),
    (qx.interruption_days, "zehn Wochen unterbrochen", 70, ""),
    (qx.interruption_days, "2 Monate unterbrochen", 0, ""),
    (qx.interruption_days, "begann 01.03.2025, unterbrochen vom 01.06.2025 bis 31.07.2025", 61, ""),
    (qx.interruption_months, "begann 01.03.2025, unterbrochen vom 01.06.2025 bis 31.07.2025", 0, ""),
    (qx.interruption_days, "begann am 01.03.2025 und war vom 01.06.2025 bis 31.07.2025 unterbrochen", 61, ""),
    (qx.interruption_days, "unterbrochen vom 01.06.2025 bis 31.07.2025 und vom 01.10.2025 bis 31.10.2025", 92, ""),
    (qx.interruption_months, "2 Monate unterbrochen", 2, ""),
    (qx.interruption_months, "zehn Wochen unterbrochen", 0, ""),
    (qx.extension_months, "wird um 12 Monate verlängert", 12, ""),
    (qx.extension_months, "begann am 01.03.2025", 0, ""),
    (qx.modular, "nicht modulare Maßnahme", False, ""),
    (qx.modular, "Modul startet", True, ""),
    (qx.modular, "Maßnahme startet", None, ""),
    (qx.land, "Wann ist das nächste Planungsgespräch?", "MV", ""),
    (qx.land, "nächstes Planungsgespräch in Sachsen", "SN", "Feiertage für Sachsen (SN) geprüft."),
]


@pytest.mark.parametrize("extractor, text, expected, assumption", EXTRACTOR_ROWS, ids=lambda v: getattr(v, "__name__", None))
def test_named_extractor(extractor, text, expected, assumption):
    q = Question(text, TODAY)
    assert extractor(q) == expected
    assert q.assumed == ([assumption] if assumption else [])


def _extractors_of_specs():
    for s in SPECS:
        r = s.route
        if r is None:
            continue
        yield from (e for _, e in r.extract)
        yield from (need for t in r.triggers for need in t.needs)
        yield from (e for e in (r.today, r.choose) if e is not None)


def test_every_extractor_a_spec_names_is_a_named_function_with_table_rows():
    tested = {row[0] for row in EXTRACTOR_ROWS}
    for e in _extractors_of_specs():
        assert inspect.isfunction(e) and e.__name__ != "<lambda>" and e.__module__ == "assistant.question", e
        assert e in tested, e.__name__
        assert e.__doc__, e.__name__


def test_every_spec_has_a_route_whose_fields_exist():
    for s in SPECS:
        assert s.route is not None, s.name
        names = {f.name for f in s.fields}
        extracted = [n for n, _ in s.route.extract]
        assert set(extracted) <= names and len(set(extracted)) == len(extracted), s.name


def test_router_table_is_the_registry_in_priority_order():
    routed = [s for s in SPECS if s.route.triggers]
    assert [r.name for r in ROUTES] == [s.name for s in sorted(routed, key=lambda s: s.route.priority)]
    assert all(r.rule is REGISTRY[r.name].route for r in ROUTES)
    priorities = [s.route.priority for s in SPECS]
    assert len(set(priorities)) == len(priorities)
    # a calculator without triggers is reached through another route's chooser
    for s in SPECS:
        if not s.route.triggers:
            assert any(r.rule.choose is not None for r in ROUTES), s.name


@pytest.mark.parametrize("trigger, text, fires", [
    (Trigger((r"jobcoach",)), "Jobcoaching seit 01.03.2026", True),
    (Trigger((r"jobcoach",)), "Jobcoaching, wie lange?", False),  # a date is needed
    (Trigger((r"stichtag",), date_or=r"nächst"), "Wann ist der nächste Stichtag?", True),
    (Trigger((r"kündig",), (r"arbeitsvertrag",)), "Kündigung des Arbeitsvertrags am 01.02.2027", False),
    (Trigger((r"urlaub",), date=False, needs=(qx.months_count,)), "Urlaub nach 7 Monaten?", True),
    (Trigger((r"urlaub",), date=False, needs=(qx.months_count,)), "Anspruch auf Urlaub?", False),
])
def test_trigger(trigger, text, fires):
    assert trigger.fires(Question(text, TODAY)) is fires


def test_a_changed_route_rule_changes_the_routing(monkeypatch):
    """The router reads the registry's rules: a new trigger on a spec is all it takes."""
    import dataclasses

    from assistant import router

    question = "Wann ist der Absolventen-Termin, Ende 30.06.2027?"
    assert route("Bitte Frist zum Ende 30.06.2027 nennen", TODAY) is None
    spec = REGISTRY["absolventen"]
    rule = dataclasses.replace(spec.route, triggers=spec.route.triggers + (Trigger((r"frist zum ende",)),))
    new = dataclasses.replace(spec, route=rule)
    monkeypatch.setitem(REGISTRY, "absolventen", new)
    monkeypatch.setattr(router, "ROUTES", tuple(router.RouteSpec(r.name, rule if r.name == "absolventen" else r.rule) for r in router.ROUTES))
    r = route("Bitte Frist zum Ende 30.06.2027 nennen", TODAY)
    assert r is not None and r.name == "absolventen" and "02.06.2027" in r.run().result
    assert route(question, TODAY).name == "absolventen"


@pytest.mark.parametrize("question, name, part, assumption", [  # one row per calculator, reached through its spec's route
    ("Wie viele Wochenstunden Personal brauchen wir bei zehn Teilnehmern im dritten Monat?", "personal", "78 Wochenstunden", ""),
    ("Altvertrag: Los 1 mit 4 und Los 2 mit 7 Teilnehmern, Beginn 2013. Wie viel Personal?", "personal-alt", "93,6 Wochenstunden", ""),
    ("Wann muss ich das Inklusionsamt benachrichtigen, wenn die Einstellung am 15.10.2027 erfolgt?", "integrationsamt", "15.04.2027", ""),
    ("Planungsgespräch nach dem 15.02.2027 – wann ist der nächste Termin?", "planungsgespraech", "Planungsgespräch am 05.03.2027", ""),
    ("Kündigung der Kooperationsvereinbarung ist am 03.01.2027 eingegangen. Ab wann gilt sie?", "kuendigung", "30.06.2027", ""),
    ("Wann ist der nächste Stichtag?", "stichtag", "01.04.2027", "Kein Datum genannt"),
    ("Teilnehmer schwerbehindert, 3 Monate dabei, 4-Tage-Woche: wie viele unterweisungsfreie Tage?", "unterweisungsfrei", "8,5", ""),
    ("Die InbeQ hat am 01.10.2026 begonnen und war 2 Monate unterbrochen. Wann endet sie?", "inbeq-dauer", "30.11.2028", ""),
    ("Jobcoaching seit 01.03.2026, verlängert, 55 Stunden verbraucht – wie viel bleibt?", "jobcoaching", "verbleibend 35 Stunden", ""),
    ("MAG über 6 Wochen, endete am 20.02.2027, Teilnehmer nicht übernommen: Absolventengespräch bis wann?", "absolventen", "20.03.2027", ""),
    ("Kooperationsplan vom 01.12.2026: wann fortschreiben?", "ueberpruefung", "01.06.2027", ""),
    ("Ist eine Integration am 01.12.2027 marktnah?", "prognose", "nicht marktnah", ""),
    ("Auslastung prüfen für den Modulbeginn 07.09.2027?", "besetzung", "17.08.2027", ""),
])
def test_each_calculator_is_reached_through_its_route(question, name, part, assumption):
    r = route(question, TODAY)
    assert r is not None and r.name == name
    c = r.run()
    assert part in c.result
    assert not assumption or any(assumption in a for a in r.assumptions)
