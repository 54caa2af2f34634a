"""Index persistence: fingerprint, rebuild on change, atomic build, fallbacks."""
import os
import stat
from pathlib import Path

import pytest

from knowledge.corpus import BUILTIN_CORPUS
from knowledge.index import cache_root, fingerprint, open_index
from knowledge.index.cache import META
from knowledge.pipeline import AnswerPipeline

from .conftest import STUB_LEMMAS, VALID_DOC


def test_index_is_reused_and_rebuilt_when_corpus_changes(provider_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path / "cache"))
    dirs = [BUILTIN_CORPUS, provider_dir]
    first = open_index(dirs, lemma_source=STUB_LEMMAS)
    assert first.built is not None
    again = open_index(dirs, lemma_source=STUB_LEMMAS)
    assert again.built is None and again.location == first.location  # reused, not rebuilt

    (provider_dir / "leitfaden.md").write_text(VALID_DOC, encoding="utf-8")
    changed = open_index(dirs, lemma_source=STUB_LEMMAS)
    assert changed.built is not None and changed.location != first.location
    hit = AnswerPipeline(changed).search("Bis wann muss der Stundenzettel abgegeben werden?").hits[0]
    assert hit.unit.doc_id == "traeger-leitfaden"
    # the old version stays as one of the few newest others (see test_cleanup_keeps_the_newest_other_indexes)
    assert len(list((tmp_path / "cache").glob("index-*"))) == 2


def test_thesaurus_change_changes_fingerprint(provider_dir):
    before = fingerprint([BUILTIN_CORPUS, provider_dir])
    (provider_dir / "thesaurus.yaml").write_text("groups:\n  - [Stundenzettel, Zeitnachweis]\n", encoding="utf-8")
    assert fingerprint([BUILTIN_CORPUS, provider_dir]) != before


def test_a_provider_out_of_scope_file_changes_fingerprint(provider_dir):
    before = fingerprint([BUILTIN_CORPUS, provider_dir])
    (provider_dir / "out_of_scope.yaml").write_text("near_field:\n  - Wie hoch ist unser Kantinenzuschuss?\n", encoding="utf-8")
    assert fingerprint([BUILTIN_CORPUS, provider_dir]) != before


def test_damaged_index_is_rebuilt(monkeypatch, tmp_path):
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path / "cache"))
    h = open_index([BUILTIN_CORPUS], lemma_source=STUB_LEMMAS)
    (tmp_path / "cache" / os.path.basename(h.location) / META).write_text("{kaputt", encoding="utf-8")
    h2 = open_index([BUILTIN_CORPUS], lemma_source=STUB_LEMMAS)
    assert h2.built is not None
    assert AnswerPipeline(h2).search("Urlaub InbeQ").hits


def test_half_built_folder_is_ignored(monkeypatch, tmp_path):
    root = tmp_path / "cache"
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(root))
    (root / ".build-crashed").mkdir(parents=True)
    (root / ".build-crashed" / META).write_text("{}", encoding="utf-8")
    h = open_index([BUILTIN_CORPUS], lemma_source=STUB_LEMMAS)
    assert h.built is not None and ".build-" not in h.location


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_cache_falls_back_to_temporary_folder(monkeypatch, tmp_path):
    root = tmp_path / "ro"
    root.mkdir()
    root.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(root))
    try:
        h = open_index([BUILTIN_CORPUS], lemma_source=STUB_LEMMAS)
        assert "nicht beschreibbar" in h.notice
        assert AnswerPipeline(h).search("Urlaub InbeQ").hits
    finally:
        root.chmod(stat.S_IRWXU)


def test_unwritable_cache_path_falls_back(monkeypatch, tmp_path):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(blocker / "cache"))  # parent is a file: cannot create
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # the fallback folder stays inside the test's folder
    h = open_index([BUILTIN_CORPUS], lemma_source=STUB_LEMMAS)
    assert "nicht beschreibbar" in h.notice
    assert AnswerPipeline(h).search("Kindergeld InbeQ").hits
    assert cache_root() == blocker / "cache"


def test_no_index_is_written_into_the_current_folder_as_a_last_resort(monkeypatch, tmp_path):
    # QA 40: with the cache, /tmp and /var/tmp read-only, Python's temporary folder is the current one: a "ub-lotse-0/"
    # folder had appeared in the provider's corpus folder; the index stays in memory instead
    from knowledge.index.cache import fallback_root

    monkeypatch.chdir(tmp_path)
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    assert fallback_root() is None and list(tmp_path.iterdir()) == []
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # named by the user: used
    assert fallback_root() is not None


def test_cleanup_keeps_the_newest_other_indexes(tmp_path):
    """Switching between the built-in corpus and one with provider folders must not rebuild every time."""
    import os

    from knowledge.index.cache import KEEP_INDEXES, cleanup

    names = [f"index-{i}" for i in range(KEEP_INDEXES + 2)]
    for age, name in enumerate(names):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (1_000_000 - age * 100, 1_000_000 - age * 100))  # index-0 newest
    (tmp_path / "index-new").mkdir()
    cleanup(tmp_path, keep=tmp_path / "index-new")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["index-new"] + names[:KEEP_INDEXES])


def test_a_large_corpus_gets_the_same_character_indexes_from_the_second_process(monkeypatch, tmp_path):
    import knowledge.index as index_module

    monkeypatch.setattr(index_module, "PARALLEL_UNITS", 1)  # the built-in corpus counts as large
    started = []
    real_start = index_module.start_char_indexes
    monkeypatch.setattr(index_module, "start_char_indexes", lambda c, q, n: started.append(real_start(c, q, n)) or started[-1])
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path / "parallel"))
    parallel = open_index([BUILTIN_CORPUS], lemma_source=STUB_LEMMAS)
    assert isinstance(started[0], index_module.CharBuild) and started[0].proc.returncode == 0
    monkeypatch.setattr(index_module, "PARALLEL_UNITS", 10**9)
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path / "serial"))
    serial = open_index([BUILTIN_CORPUS], lemma_source=STUB_LEMMAS)
    files = sorted(p.name for p in (tmp_path / "serial").glob("index-*/chars-*.bin"))
    assert len(files) == 3  # authored questions' centroids by unit, units, out-of-scope questions
    for name in files:
        a = next((tmp_path / "parallel").glob(f"index-*/{name}")).read_bytes()
        b = next((tmp_path / "serial").glob(f"index-*/{name}")).read_bytes()
        assert a == b
    assert AnswerPipeline(parallel).search("Urlaub InbeQ").hits[0].unit.id == AnswerPipeline(serial).search("Urlaub InbeQ").hits[0].unit.id


def test_character_indexes_of_other_texts_are_not_taken_from_the_second_process():
    from knowledge.index import CharBuild

    texts = {"questions": (["Gibt es Urlaub?"], None), "question_units": (["Gibt es Urlaub?"], [0]), "units": (["Urlaub\nJa."], None)}
    build = CharBuild(texts)
    assert build.result({**texts, "units": (["Anders"], None)}) == {}
    assert build.proc.returncode is not None
    regrouped = CharBuild(texts)
    assert regrouped.result({**texts, "question_units": (["Gibt es Urlaub?"], [1])}) == {}
    same = CharBuild(texts)
    assert set(same.result(texts)) == {"questions", "question_units", "units"}


def test_a_sealed_index_answers_without_importing_whoosh_and_opens_it_when_asked(lotse):
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from knowledge.index import _try_open; "
            "from knowledge.pipeline import AnswerPipeline; h = _try_open(Path(sys.argv[1])); "
            "hit = AnswerPipeline(h).search('Urlaub InbeQ').hits[0].unit.id; before = 'whoosh.index' in sys.modules; "
            "print(hit, before, h.ix.doc_count() == len(h.evidence), 'whoosh.index' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, lotse.handle.location], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout.split()
    assert out == [lotse.ask("Urlaub InbeQ").answers[0].unit.id, "False", "True", "True"]
