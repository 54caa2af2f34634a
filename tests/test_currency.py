"""Notes on what changed since a passage was written (corpus/currency.yaml), on answers, glossary and onboarding."""
import datetime as dt

import pytest

from assistant import currency
from knowledge.corpus import BUILTIN_CORPUS

NOTES = {n.id: n for n in currency.load_notes(BUILTIN_CORPUS / "currency.yaml")}


@pytest.mark.parametrize("note_id, unit_id", [
    ("ub-38a-55", "mv-koop/p1-1"),
    ("buergergeld", "bagub-faq/15"),
    ("weiterzahlung-51-71", "bagub-faq/15"),
    ("eingliederungshilfe-sgb-xii", "bagub-faq/7"),
    ("kindergeld-behinderung", "bagub-faq/14"),
    ("kooperationsplan", "ba-integrationskonzept/3.4.1"),
])
def test_each_note_shows_on_the_passages_that_use_the_old_law(lotse, note_id, unit_id):
    unit = lotse.unit(unit_id)
    notes = lotse.notes_for(unit, lotse.document(unit.doc_id))
    assert NOTES[note_id].shown in notes


@pytest.mark.parametrize("note_id, text", [
    ("ub-38a-55", "nach § 38a SGB IX"), ("buergergeld", "auch kein Hartz IV"), ("buergergeld", "Arbeitslosengeld II (nach dem SGB II)"),
    ("weiterzahlung-51-71", "(§ 51 Abs. 1 Satz 1 SGB IX)"), ("eingliederungshilfe-sgb-xii", "nach §§ 53ff. SGB XII"),
    ("budget-17-29", "Regelungen in § 17 SGB IX über"), ("kooperationsplan", "die Eingliederungsvereinbarung"),
])
def test_patterns(note_id, text):
    assert NOTES[note_id].applies(text, dt.date(2011, 1, 1))


def test_every_note_cites_law_and_date():
    for n in NOTES.values():
        assert n.law and n.since and n.old and n.new and n.since.strftime("%d.%m.%Y") in n.note or n.always, n.id


def test_a_passage_written_after_the_change_gets_no_note():
    n = NOTES["buergergeld"]
    assert not n.applies("Arbeitslosengeld II", dt.date(2024, 1, 1)) and n.applies("Arbeitslosengeld II", dt.date(2022, 12, 31))
    assert currency.written_on("09/2011", dt.date(2020, 3, 1)) == dt.date(2011, 9, 1)
    assert currency.written_on("12/14", None) == dt.date(2014, 12, 1)
    assert currency.written_on("", dt.date(2020, 3, 1)) == dt.date(2020, 3, 1)


def test_glossary_is_fixed_and_carries_notes(lotse):
    entries = {e["term"]: e for e in lotse.glossary()}
    ev = entries["Eingliederungsvereinbarung"]
    assert "SGB III" in ev["explanation"] and "Kooperationsplan" in ev["explanation"]
    assert NOTES["kooperationsplan"].shown in ev["notes"]
    key = entries["Personalschlüssel"]["explanation"]
    assert "39 Wochenstunden" in key and "Teilzeitkräfte" in key


def test_onboarding_steps_from_mv_passages_carry_the_expiry_marker(lotse):
    steps = lotse.guide().onboarding
    marked = [s for s in steps if any(u.startswith("mv-koop/") for u in s.units)]
    assert marked
    for s in marked:
        assert "Kooperationsvereinbarung M-V: außer Kraft seit 15.04.2014" in lotse.step_notes(s)
    unmarked = [s for s in steps if not any(u.startswith("mv-koop/") for u in s.units)]
    assert all(not any("außer Kraft" in n for n in lotse.step_notes(s)) for s in unmarked)


def test_a_note_says_it_is_not_the_documents_and_a_supplement_stays_off_the_steps(lotse):
    # QA 41: "Ergänzend: … Kindergeld über das 25. Lebensjahr hinaus" had read as the document's own words, and it had
    # stood on an onboarding step about the Lebensunterhalt
    assert NOTES["kindergeld-behinderung"].shown.endswith("(Hinweis von UB-Lotse zur heutigen Rechtslage, nicht aus dem Dokument.)")
    steps = lotse.guide().onboarding
    assert not any("Kindergeldanspruch" in n for s in steps for n in lotse.step_notes(s))
    assert any(NOTES["ub-38a-55"].shown in lotse.step_notes(s) for s in steps)  # a change of the law stays
