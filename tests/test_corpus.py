"""Corpus parsing: front matter, units, repaired extraction damage, provider documents."""
import datetime as dt
import re

import pytest

from knowledge.corpus import BUILTIN_CORPUS, load_corpus, parse_document, split_units

from .conftest import SHARED, VALID_DOC


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([BUILTIN_CORPUS])


def test_all_five_documents_load_without_errors(corpus):
    assert corpus.errors == []
    assert set(corpus.documents) == {"mv-koop", "bagub-faq", "ba-integrationskonzept", "bw-jobcoaching", "jc-aa-103"}
    kinds = {d.kind for d in corpus.documents.values()}
    assert kinds == {"faq", "agreement", "concept", "guideline", "instruction"}


def _seed(prefix):
    files = list((SHARED / "seeds").glob(prefix + "_*.txt"))
    if not files:
        pytest.skip("../shared/seeds not present")
    return files[0].read_text(encoding="utf-8")


def test_every_numbered_question_of_the_collection_is_a_unit(corpus):
    seed = _seed("001")
    numbers = re.findall(r"^((?:[AB]\.\d+)|\d+)\.?\s*(?:-|–)?\s*Frage", seed, re.M)
    assert len(numbers) >= 37
    ids = {u.id for u in corpus.units if u.doc_id == "bagub-faq"}
    for n in numbers:
        assert f"bagub-faq/{n}" in ids, n
    assert "bagub-faq/Sonderfrage" in ids


def test_every_paragraph_of_the_agreement_is_a_unit(corpus):
    seed = _seed("000")
    paragraphs = re.findall(r"^#{2,3}\s+(?:\*\*)?§ (\d+)", seed, re.M)
    assert len(paragraphs) == 11
    units = [u for u in corpus.units if u.doc_id == "mv-koop"]
    for p in paragraphs:
        assert any(u.id in (f"mv-koop/p{p}",) or u.id.startswith(f"mv-koop/p{p}-") for u in units), p
    absatz = next(u for u in units if u.id == "mv-koop/p6-5")
    assert "Zwingend: zuständige Agentur für Arbeit" in absatz.text
    assert absatz.breadcrumb[-1] == "§ 6 Planungsgespräch, Absatz 5"


def test_qa_units_carry_question_responder_and_date(corpus):
    unit = next(u for u in corpus.units if u.id == "bagub-faq/B.1")
    assert unit.question.startswith("Wie bemisst sich der Personaleinsatz")
    assert (unit.responder, unit.answer_date) == ("BA", "07/2017")
    unit = next(u for u in corpus.units if u.id == "bagub-faq/14")
    assert unit.responder == "BA / Familienkasse Direktion" and unit.answer_date == "09/2011"


def test_extraction_damage_is_repaired_but_wording_kept(corpus):
    text = "\n".join(u.text for u in corpus.units)
    assert "¬" not in text
    assert "Leistungsträger und Leistungserbringer" in text
    assert "Hauptfürsorgestelle" in text
    assert "beziehungsweise dem zuständigen Mitarbeiter im Integrationsamt" in text
    assert "Der Anspruch auf Arbeitslosengeld bleibt 4 Jahre" in text
    # suspended compounds keep their hyphen
    assert "Leistungs- und Verhaltungsbeurteilung" in text


def test_validity_of_the_expired_agreement(corpus):
    import datetime as dt

    doc = corpus.documents["mv-koop"]
    assert doc.in_force(dt.date(2013, 1, 1))
    assert not doc.in_force(dt.date(2026, 11, 22))
    from assistant import presenter

    assert presenter.validity(doc, dt.date(2026, 11, 22)) == "Außer Kraft seit 15.04.2014; galt bis 14.04.2014"


@pytest.mark.parametrize("front, problem", [
    ("id: x\n", "Pflichtfelder fehlen"),
    ("id: x\ntitle: T\nissuer: I\nregion: R\ndate: 31.02.2024\nkind: faq\n", "ist kein Datum"),
    ("id: x\ntitle: T\nissuer: I\nregion: R\ndate: 2024-01-01\nkind: roman\n", "„kind“"),
    ("id: [x\n", "kein gültiges YAML"),
    # a list, an object or a yes/no where a text belongs (QA 22: shown as "Herausgeber: [1, 2]")
    ("id: x\ntitle: T\nissuer: [1, 2]\nregion: R\ndate: 2024-01-01\nkind: faq\n", "Feld „issuer“ muss ein Text sein, nicht eine Liste."),
    ("id: x\ntitle: T\nissuer: I\nregion: {a: b}\ndate: 2024-01-01\nkind: faq\n", "Feld „region“ muss ein Text sein, nicht ein Objekt."),
])
def test_malformed_file_names_file_and_problem_others_still_load(provider_dir, front, problem):
    (provider_dir / "kaputt.md").write_text(f"---\n{front}---\n\n# T\n\n## A\n\nText\n", encoding="utf-8")
    (provider_dir / "gut.md").write_text(VALID_DOC, encoding="utf-8")
    corpus = load_corpus([BUILTIN_CORPUS, provider_dir])
    assert len(corpus.errors) == 1
    err = corpus.errors[0]
    assert err.path.name == "kaputt.md" and problem in err.problem
    assert "traeger-leitfaden" in corpus.documents and "bagub-faq" in corpus.documents


def test_missing_front_matter_and_duplicate_id(provider_dir):
    (provider_dir / "ohne.md").write_text("# Nur Text\n\n## A\n\nText\n", encoding="utf-8")
    (provider_dir / "doppelt.md").write_text(VALID_DOC.replace("traeger-leitfaden", "bagub-faq"), encoding="utf-8")
    corpus = load_corpus([BUILTIN_CORPUS, provider_dir])
    problems = {e.path.name: e.problem for e in corpus.errors}
    assert "Front Matter" in problems["ohne.md"]
    assert problems["doppelt.md"] == (f"Die Dokument-ID „bagub-faq“ ist schon vergeben ({BUILTIN_CORPUS / 'bagub-fragen-antworten.md'}); "
                                      "die Datei wird übersprungen.")  # the whole path: two folders may hold files of one name


def test_unit_ids_are_unique_and_stable(corpus):
    ids = [u.id for u in corpus.units]
    assert len(ids) == len(set(ids))
    doc = parse_document(corpus.documents["bagub-faq"].path)
    assert [u.id for u in split_units(doc)] == [u.id for u in corpus.units if u.doc_id == "bagub-faq"]


def test_a_heading_mark_without_a_title_is_not_shown_in_a_passage():
    import datetime as dt
    from pathlib import Path

    from knowledge.corpus import Document, split_units

    body = "# T\n\n## Erster Abschnitt\n\nText eins.\n\n## \n\nText zwei.\n"
    doc = Document("x", "T", "T", "I", "R", dt.date(2025, 1, 1), "2025", "faq", Path("x.md"), body)
    units = split_units(doc)
    assert [u.text for u in units] == ["Text eins.\n\n\nText zwei."]


def test_our_documents_read_from_the_parse_cache_equal_those_read_as_a_providers():
    """The calculators read the validity of our documents at every start from the parse cache (no PyYAML):
    the same documents, dates as text, as the checked reading gives."""
    paths = sorted(BUILTIN_CORPUS.glob("*.md"))
    assert len(paths) == 5
    for path in paths:
        trusted = parse_document(path, trusted=True)
        assert trusted == parse_document(path)
    assert trusted.valid_from is None or isinstance(trusted.valid_from, dt.date)
