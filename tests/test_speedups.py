"""The query path's shortcuts give the same results as the plain computations they replace."""
import datetime as dt

import pytest

from knowledge.analysis import lemmas as lemma_module
from knowledge.analysis.analyzer import Analyzer
from knowledge.analysis.lemmas import LemmaTable, distinct_chunks
from knowledge.analysis.thesaurus import Thesaurus
from knowledge.query import coverage, coverages
from knowledge.retrieval import chars
from knowledge.retrieval.chars import CharIndex


def test_the_analyzer_remembers_words_but_not_positions_and_keeps_stopwords_out():
    a = Analyzer(LemmaTable({"teilnehmern": "teilnehmer"}))
    first, again = a.term("Teilnehmern", 3), a.term("Teilnehmern", 7)
    assert (first.folded, first.stem, first.position) == ("teilnehmer", again.stem, 3) and again.position == 7
    first.parts.append("x")  # a caller changing its term does not change the remembered analysis
    assert "x" not in a.term("Teilnehmern").parts
    assert a.term("und") is None and a.term("und") is None
    assert [t.stem for t in a.terms("Urlaub und Urlaub")] == [a.term("Urlaub").stem] * 2


def test_lemmas_are_compiled_from_each_distinct_chunk_once_in_order_of_first_occurrence(monkeypatch):
    monkeypatch.setattr(lemma_module, "CHUNKS_PER_TEXT", 2)
    assert distinct_chunks(["Die Teilnehmer,  die Teilnehmer\nbekommen", "Urlaub. Die"]) == [
        "Die Teilnehmer,", "die Teilnehmer", "bekommen Urlaub."]


def test_thesaurus_finds_each_group_by_its_first_member_named_in_the_group_order():
    t = Thesaurus([[("ub",), ("unterstutzt", "beschaft")], [("urlaub",), ("unterweisungsfrei", "zeit")]])
    found = t.expansions(["unterweisungsfrei", "zeit", "ub", "unterstutzt", "beschaft"])
    assert [(e.matched, e.alternatives) for e in found] == [
        (("ub",), (("unterstutzt", "beschaft"),)), (("unterweisungsfrei", "zeit"), (("urlaub",),))]
    assert t.expansions(["zeit", "unterweisungsfrei"]) == []


def test_many_coverages_at_once_equal_one_at_a_time(lotse):
    query = lotse.searcher.analyzer.analyse("Bekommen Teilnehmer der InbeQ Urlaub und Fahrtkosten?")
    sets = [ev.terms for ev in lotse.handle.evidence] + [frozenset(), frozenset({"urlaub"})]
    assert coverages(query, sets) == pytest.approx([coverage(query, s) for s in sets])
    assert max(coverages(query, sets)) > 0.5 and coverage(query, frozenset()) == 0.0


def test_a_posting_list_keeps_the_texts_where_the_ngram_weighs_most(monkeypatch):
    texts = ["urlaub", "urlaub urlaub fahrt", "urlaub fahrt kosten geld zeit"] + [f"text{i} anderes" for i in range(20)]
    full = CharIndex(texts).similarities("urlaub")
    monkeypatch.setattr(chars, "MAX_POSTING", 1)
    cut = CharIndex(texts).similarities("urlaub")
    assert set(full) == {0, 1, 2} and set(cut) == {0}
    assert cut[0] == pytest.approx(full[0])


def test_warm_up_loads_what_a_first_question_would_and_changes_no_answer(lotse):
    before = lotse.ask("Haben Teilnehmer Anspruch auf Urlaub?")
    lotse.warm_up()
    assert lotse.handle._known is not None and lotse._spellings is not None
    from assistant.calculators.deadlines import _calendar
    assert _calendar.cache_info().currsize > 0  # the holiday calendars of the first deadline
    after = lotse.ask("Haben Teilnehmer Anspruch auf Urlaub?")
    assert [a.unit.id for a in after.answers] == [a.unit.id for a in before.answers] and after.answers[0].unit.id == "bagub-faq/12"


def test_bm25f_posting_lists_are_scored_once_when_first_used(lotse):
    units = lotse.searcher.units
    query = lotse.searcher.analyzer.analyse("Urlaub in der InbeQ")
    scores = units.scores(query)
    first = units.posting("body", "urlaub")
    assert first and units.posting("body", "urlaub") is first  # remembered
    assert units.posting("body", "gibt-es-nicht") == []
    best = max(scores, key=scores.get)
    assert lotse.handle.store.unit_at(best).id == "bagub-faq/12"


def test_a_units_best_questions_come_from_those_the_query_meets_as_from_all_of_them():
    from knowledge.retrieval.questions import IndexedQuestion, QuestionRetriever

    texts = ["wer zahlt", "urlaub inbeq", "b frage", "a frage", "urlaub", "z frage", "fahrgeld"]
    units = [0, 0, 0, 0, 1, 0, 1]
    retriever = QuestionRetriever([IndexedQuestion(u, t, frozenset(t.split())) for u, t in zip(units, texts)])
    for covered in ({1: 0.5, 0: 0.5, 4: 1.0}, {}, {2: 0.25, 5: 0.0}, {0: 1.0, 1: 0.3, 2: 0.3, 3: 0.3}):
        best = retriever.best_of_units(covered)
        for unit in (0, 1):
            plain = sorted(((covered.get(i, 0.0), t) for i, (t, u) in enumerate(zip(texts, units)) if u == unit), reverse=True)[:3]
            assert retriever.top_questions(unit, best.get(unit, [])) == plain


def test_the_highlight_takes_a_short_best_sentence_on_into_its_successor_when_read(lotse):
    from knowledge.retrieval.sentences import Highlight, split_sentences

    source = "Kurz. Das ist der zweite Satz, der die eigentliche Antwort auf die Frage trägt. Der dritte Satz."
    spans = split_sentences(source)
    assert len(spans) == 3
    highlight = Highlight(source, 1.0, spans, [1.0, 0.1, 0.0], 0)
    assert highlight.spans == spans[:2]  # "Kurz." is shorter than a sentence that stands alone
    assert highlight.text == "Kurz. Das ist der zweite Satz, der die eigentliche Antwort auf die Frage trägt."
    assert Highlight(source, 1.0, spans, [0.0, 1.0, 0.6], 1).spans == spans[1:]  # the third adds enough
    assert Highlight("", 0.0, [], [], 0).text == ""


def test_the_index_keeps_the_stems_of_its_words_so_a_question_of_known_words_loads_no_stemmer(lotse):
    import marshal
    import subprocess
    import sys
    from pathlib import Path

    from whoosh.lang import stemmer_for_language

    from knowledge.index.cache import META

    stems = marshal.loads((Path(lotse.handle.location) / META).read_bytes())["stems"]
    snowball = stemmer_for_language("de")
    assert stems["fahrtkosten"] == "fahrtkost" and stems["teilnehmer"] == snowball("teilnehmer")
    from knowledge.analysis.analyzer import STEM_OVERRIDES

    assert all(stems[w] == STEM_OVERRIDES.get(w, snowball(w)) for w in list(stems)[::97])  # "kurs" is kept apart from "kur"
    # a fresh process: the question's words are the corpus's, so Whoosh's stemmer is never loaded;
    # an unknown word loads it and is stemmed as at build time
    code = ("import sys; from assistant.service import Lotse; s = Lotse(); s.ask('Wer zahlt die Fahrtkosten?');"
            "print('whoosh.lang' in sys.modules); from knowledge.analysis.analyzer import stem;"
            "print(stem('quietschentchen'), 'whoosh.lang' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", snowball("quietschentchen"), "True"]


def test_the_index_keeps_the_bm25f_and_question_postings_and_they_equal_a_fresh_build(lotse):
    from knowledge.retrieval.bm25f import BM25FUnitRetriever
    from knowledge.retrieval.questions import asked_texts

    p = lotse.searcher
    assert lotse.handle.bm25f is not None
    fresh = BM25FUnitRetriever(lotse.handle.unit_values, asked_texts(p.questions.questions), p.cfg)
    for q in ["Wer zahlt die Fahrtkosten?", "kriegt mein sohn urlaub", "Was ist das Planungsgespräch?"]:
        query = p.analyzer.analyse(q)
        assert p.units.scores(query) == fresh.scores(query) != {}
    from knowledge.retrieval.questions import question_postings

    assert p.questions.postings is lotse.handle.question_postings
    assert p.questions.postings == question_postings(p.questions.questions)
    # kept for other fields or another number of units, it is not used
    assert BM25FUnitRetriever.from_data(lotse.handle.bm25f, len(lotse.handle.unit_values) + 1, p.cfg) is None



def test_our_data_files_are_parsed_once_and_kept_with_a_checksum(tmp_path, monkeypatch):
    """ranking.yaml, rules.yaml, currency.yaml and our glossary are read at every start: kept parsed in the
    cache folder, a new process neither parses them nor imports PyYAML (about 50 ms of a cold `lotse ask`)."""
    import yaml

    from knowledge import safeyaml

    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path))
    parsed = []
    real = safeyaml._yaml
    monkeypatch.setattr(safeyaml, "_yaml", lambda: parsed.append(1) or real())
    text = ("seit: 2026-09-01\nzeit: 2026-09-01 10:30:00\nwerte: [1, 2.5, '62,4', null, true]\nname: Übergangsgeld\n"
            "values: {2016-01-01: 5, 2023-07-01: 6}\n")
    expected = yaml.safe_load(text)
    assert isinstance(expected["seit"], dt.date) and isinstance(expected["zeit"], dt.datetime)

    def fresh():  # as a new process would: nothing parsed in memory
        monkeypatch.setattr(safeyaml, "_builtin", {})
        return safeyaml.load_builtin(text)

    assert fresh() == expected and len(parsed) == 1
    kept = list((tmp_path / "parsed").iterdir())
    assert len(kept) == 1
    assert fresh() == expected and len(parsed) == 1  # read from the cache file, not parsed
    got = safeyaml.load_builtin(text)
    got["werte"].append("x")  # each caller gets its own copy
    assert safeyaml.load_builtin(text) == expected
    # a damaged copy is parsed again (and replaced)
    kept[0].write_bytes(kept[0].read_bytes()[:-4] + b"kaputt")
    assert fresh() == expected and len(parsed) == 2
    assert fresh() == expected and len(parsed) == 2
    # another text's copy under this name (copied over it) does not pass its checksum either (QA 3)
    other = "andere: [1, 2]\n"
    safeyaml.load_builtin(other)
    other_copy = next(p for p in (tmp_path / "parsed").iterdir() if p != kept[0])
    kept[0].write_bytes(other_copy.read_bytes())
    assert fresh() == expected and len(parsed) == 4
    # no cache folder to be had: parsed every time, no error
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(blocker))
    assert fresh() == expected and fresh() == expected and len(parsed) == 6


def test_a_question_in_a_new_process_imports_no_yaml(lotse):
    import subprocess
    import sys

    # a passage with its change notes, a calculation (rules.yaml dates its values: {2016-01-01: 5}), a glossary term
    # (and a question without a date imports no dateutil)
    code = ("import sys; from assistant.service import Lotse; s = Lotse(); r = s.ask('Wer zahlt die Fahrtkosten?');"
            "d = 'dateutil' in sys.modules;"
            "c = s.ask('Wie viel Personal bei 8 Teilnehmern im 6. Monat?').calculation; g = s.ask('Was ist UB?');"
            "print(r.answers[0].unit.id, c.name, g.defined, 'yaml' in sys.modules, d)")
    for _ in range(2):  # the first may parse (and build); the second reads what the first kept
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["bagub-faq/21", "personal", "UB", "False", "False"]


@pytest.mark.parametrize("text", [
    "urlaub urlaub in der inbeq",  # a word twice: its n-grams weigh 1 + log 2, not 2
    "Übergangsgeld oder uebergangsgeld",  # one folded spelling counts once
    "Fahrtkosten und Fahrgeld für die Fahrt",  # words sharing n-grams ("^fah", "fahr")
    "ungsung Ausbildungsgeld",  # an n-gram twice within a word
    "mein kind",  # stop and family words only
])
def test_similarity_summed_per_word_equals_the_cosine_of_the_vectors(text):
    texts = ["Urlaub in der InbeQ", "Fahrtkosten zum Betrieb", "Übergangsgeld und Ausbildungsgeld", "Fahrgeld",
             "Urlaubsanspruch der Teilnehmenden"] + [f"text{i} anderes wort" for i in range(10)]
    for index in (CharIndex(texts), CharIndex(texts, [0, 0, 1, 1, 2] + [3] * 10)):
        for _ in range(2):  # the second time from the remembered words
            by_word = index.similarities(text)
            plain = index._dot(index.vector(text))
            assert set(by_word) == set(plain)
            assert all(by_word[i] == pytest.approx(plain[i], abs=1e-12) for i in plain)


def test_a_phrase_is_found_from_any_occurrence_of_its_first_stem():
    from knowledge.topics import contains

    seq = ["rente", "zahlt", "rente", "versicherung", "rente"]
    assert contains(seq, ("rente", "versicherung")) == 2  # not at the first "rente"
    assert contains(tuple(seq), ("rente", "versicherung"), 3) is None
    assert contains(seq, ("rente",), 3) == 4 and contains(seq, ("pflege",)) is None
    assert contains(seq, ("versicherung", "rente", "zahlt")) is None  # would run past the end
    assert contains(seq, ("rent*", "versich*")) == 2 and contains(seq, ()) == 0
