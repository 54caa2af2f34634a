"""German analysis: lemmas, compounds, folding, stop words, thesaurus, spelling."""
import pytest

from knowledge.analysis.compounds import CompoundSplitter
from knowledge.analysis.fold import fold
from knowledge.analysis.stopwords import is_stopword


def stems(lotse, text):
    return [t.stem for t in lotse.handle.analyzer.terms(text)]


@pytest.mark.parametrize("a, b", [
    ("Teilnehmern", "Teilnehmer"),
    ("Kinder", "Kind"),
    ("gekündigt", "kündigen"),
    ("Uebergangsgeld", "Übergangsgeld"),
    ("Strasse", "Straße"),
])
def test_inflections_and_spellings_meet(lotse, a, b):
    assert stems(lotse, a) == stems(lotse, b)


def test_fold_and_stopwords():
    assert fold("Übergangsgeld") == "uebergangsgeld"
    assert fold("Maßnahme") == "massnahme"
    assert is_stopword("wie") and is_stopword("fuer") and not is_stopword("urlaub")


@pytest.mark.parametrize("word, part_words", [
    ("Kinderbetreuungskosten", ["Kinderbetreuung", "Kosten"]),
    ("Qualifizierungstrainer", ["Qualifizierung"]),
    ("Personalschlüssel", ["Personal", "Schlüssel"]),
    ("Integrationsamt", ["Integration", "Amt"]),
])
def test_compounds_are_split_into_known_parts(lotse, word, part_words):
    term = lotse.handle.analyzer.terms(word)[0]
    for p in part_words:
        assert stems(lotse, p)[0] in term.parts, (word, p, term.parts)


def test_splitter_unit():
    s = CompoundSplitter({"kinder", "betreuung", "kosten", "amt", "integration"})
    assert s.split("kinderbetreuungskosten") == ["kinder", "betreuung", "kosten"]
    assert s.split("integrationsamt") == ["integration", "amt"]
    assert s.split("kosten") == []
    assert s.split("xyzxyzxyz") == []


def test_thesaurus_expands_abbreviations(lotse):
    concepts, _ = lotse.searcher.concepts("Was macht der IFD?")
    alts = {a for c in concepts for a in c.alternatives}
    assert tuple(stems(lotse, "Integrationsfachdienst")) in alts
    concepts, _ = lotse.searcher.concepts("Zahlt das Arbeitsamt?")
    alts = {a for c in concepts for a in c.alternatives}
    assert tuple(stems(lotse, "Agentur für Arbeit")) in alts


def test_typos_are_corrected_against_the_corpus(lotse):
    _, corrections = lotse.searcher.concepts("Gibt es Kindergelt während der Qualifizirung?")
    assert corrections == {"Kindergelt": "kindergeld", "Qualifizirung": "qualifizierung"}
    _, corrections = lotse.searcher.concepts("Wie wird das Wetter?")
    assert corrections == {}  # a real German word is never "corrected" into a corpus word


def test_query_path_does_not_import_spacy(lotse):
    lotse.handle  # built index in the session cache
    import subprocess
    import sys

    code = ("import sys; from assistant.service import Lotse; s = Lotse(); s.ask('Urlaub in der InbeQ?');"
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
