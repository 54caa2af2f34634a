"""A damaged index always heals: every case below answers as a clean build does."""
import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import knowledge.index as kindex
from knowledge.index import open_index
from knowledge.index.cache import META
from knowledge.pipeline import AnswerPipeline

from .conftest import STUB_LEMMAS

QUESTION = "Bis wann muss der Stundenzettel abgegeben werden?"
# a small corpus of its own: healing does not depend on the corpus, and each case rebuilds it
SMALL = Path(__file__).resolve().parent / "data" / "heal-corpus"
DIRS = [SMALL]


def top(handle) -> str:
    return AnswerPipeline(handle).search(QUESTION).hits[0].unit.id


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A clean cache (built once) and the answer it gives."""
    root = tmp_path_factory.mktemp("clean-cache")
    old = os.environ.get("LOTSE_CACHE_DIR")
    os.environ["LOTSE_CACHE_DIR"] = str(root)
    try:
        h = open_index(DIRS, lemma_source=STUB_LEMMAS)
        answer = top(h)
        h.ix.close()
    finally:
        os.environ["LOTSE_CACHE_DIR"] = old or ""
    return root, Path(h.location).name, answer


@pytest.fixture
def cache(clean, tmp_path, monkeypatch):
    """A private copy of the clean cache; returns (index folder, expected answer)."""
    root, name, answer = clean
    copy = tmp_path / "cache"
    shutil.copytree(root, copy)
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(copy))
    return copy / name, answer


def chars(folder: Path) -> Path:
    """A character n-gram index of the folder (the largest file after meta.bin)."""
    return max(folder.glob("chars-*.bin"), key=lambda p: p.stat().st_size)


def flip(path: Path, offset: int = 100) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE = {
    "chars truncated": lambda f: chars(f).write_bytes(chars(f).read_bytes()[:1000]),
    "chars garbage": lambda f: chars(f).write_bytes(os.urandom(chars(f).stat().st_size)),
    "chars deleted": lambda f: chars(f).unlink(),
    "chars one byte flipped": lambda f: flip(chars(f), chars(f).stat().st_size // 2),
    "meta.bin truncated": lambda f: (f / META).write_bytes((f / META).read_bytes()[:1000]),
    "meta.bin one byte flipped": lambda f: flip(f / META, (f / META).stat().st_size // 2),
    "meta.bin deleted": lambda f: (f / META).unlink(),
    "meta.bin garbage": lambda f: (f / META).write_text("{kaputt", encoding="utf-8"),
    "manifest deleted": lambda f: (f / "manifest.json").unlink(),
    "known_words binary": lambda f: (f / "known_words.txt").write_bytes(os.urandom(4000)),
    "folder emptied": lambda f: [p.unlink() for p in f.iterdir()],
    "folder replaced by a file": lambda f: (shutil.rmtree(f), f.write_text("kein Ordner", encoding="utf-8")),
}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_damaged_index_heals_and_answers_as_a_clean_build(cache, case):
    folder, answer = cache
    DAMAGE[case](folder)
    healed = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert healed.built is not None and healed.location == str(folder)  # rebuilt in place
    assert top(healed) == answer
    again = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert again.built is None and top(again) == answer  # and the healed index is reused


def test_stale_build_and_trash_folders_are_removed_on_start(cache):
    folder, _ = cache
    root = folder.parent
    (root / ".build-999999999-abc").mkdir()  # no such process
    (root / ".build-999999999-abc" / META).write_text("{}", encoding="utf-8")
    (root / f".old-{folder.name}-1-2").mkdir()
    h = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert h.built is None
    assert sorted(p.name for p in root.iterdir()) == [folder.name]


def test_complete_build_left_by_a_kill_between_the_renames_is_used(cache):
    folder, answer = cache
    os.rename(folder, folder.parent / ".build-999999999-sealed")  # old one gone, new one not yet in place
    h = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert h.built is None and h.location == str(folder)  # adopted, not rebuilt
    assert top(h) == answer


def test_full_disk_falls_back_to_memory_with_a_german_notice(cache, monkeypatch):
    folder, answer = cache
    shutil.rmtree(folder)

    def no_space(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kindex, "seal", no_space)
    h = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert h.location == "Arbeitsspeicher"
    assert "kein Platz mehr" in h.notice and "Arbeitsspeicher" in h.notice
    assert top(h) == answer
    assert [p.name for p in folder.parent.iterdir()] == []  # no .build-* left to fill the disk


def test_nothing_writable_still_answers_from_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(blocker / "cache"))

    def nowhere(*_a, **_k):
        raise FileNotFoundError(errno.ENOENT, "No usable temporary directory found")

    monkeypatch.setattr(tempfile, "gettempdir", nowhere)
    monkeypatch.setattr(tempfile, "mkdtemp", nowhere)
    monkeypatch.setattr(tempfile, "mkstemp", nowhere)
    h = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert h.location == "Arbeitsspeicher" and "Arbeitsspeicher" in h.notice
    assert AnswerPipeline(h).search(QUESTION).hits


def test_read_only_cache_reuses_one_temporary_index(tmp_path, monkeypatch, clean):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    monkeypatch.setenv("LOTSE_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    first = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert first.built is not None and "nicht beschreibbar" in first.notice
    second = open_index(DIRS, lemma_source=STUB_LEMMAS)
    assert second.built is None and second.location == first.location  # reused, not rebuilt
    assert "nicht beschreibbar" in second.notice
    assert [p.name for p in (tmp_path / "tmp").iterdir()] == [f"ub-lotse-{os.getuid()}"]
    assert top(second) == clean[2]


def test_lotse_index_on_an_empty_cache_builds_once(tmp_path, monkeypatch):
    from assistant.service import Lotse

    monkeypatch.setenv("LOTSE_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    real = kindex.write_index
    monkeypatch.setattr(kindex, "write_index", lambda *a, **k: calls.append(1) or real(*a, **k))
    service = Lotse(lemma_source=STUB_LEMMAS)
    assert service.errors == []  # what `lotse index` does first: this opens (builds) the index
    h = service.rebuild()
    assert len(calls) == 1 and h.built is not None
