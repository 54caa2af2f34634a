import datetime as dt
import fcntl
import os
import shutil
from pathlib import Path

import pytest

from knowledge.analysis.lemmas import TableLemmaSource

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TODAY = dt.date(2026, 11, 22)


# A small lemma table instead of spaCy: indexes for tests of persistence, provider folders and
# the UI build in well under a second. Answer-quality tests use the real spaCy index (`lotse`).
STUB_LEMMAS = TableLemmaSource({
    "teilnehmern": "teilnehmer", "teilnehmers": "teilnehmer", "teilnehmenden": "teilnehmende",
    "maßnahmen": "maßnahme", "abgegeben": "abgeben", "gibt": "geben", "muss": "müssen",
    "stundenzettels": "stundenzettel", "fragen": "frage", "kosten": "kosten",
}, name="stub")


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    """Every test session builds its index in a private cache folder."""
    cache = tmp_path_factory.mktemp("cache")
    old = os.environ.get("LOTSE_CACHE_DIR")
    os.environ["LOTSE_CACHE_DIR"] = str(cache)
    os.environ.pop("LOTSE_CORPUS", None)
    yield cache
    if old is None:
        os.environ.pop("LOTSE_CACHE_DIR", None)
    else:
        os.environ["LOTSE_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def lotse(_cache_dir, tmp_path_factory):
    """The real service over the built-in corpus, with spaCy's lemmas.

    Its index is built once per test run, not once per xdist worker: the first worker to need it
    builds it into a folder all workers share (under a file lock), and each worker copies that
    folder into its private cache, so tests that touch their cache stay independent."""
    from assistant.service import Lotse

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above the workers' own
    seed = shared / "index-seed"
    with open(shared / "index-seed.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (seed / "complete").exists():
            os.environ["LOTSE_CACHE_DIR"] = str(seed)
            try:
                Lotse(today=TODAY).handle
            finally:
                os.environ["LOTSE_CACHE_DIR"] = str(_cache_dir)
            (seed / "complete").touch()
    shutil.copytree(seed, _cache_dir, dirs_exist_ok=True)
    return Lotse(today=TODAY)


@pytest.fixture
def provider_dir(tmp_path):
    d = tmp_path / "eigene"
    d.mkdir()
    return d


VALID_DOC = """---
id: traeger-leitfaden
title: Interner Leitfaden Zeiterfassung
issuer: Beispielträger gGmbH
region: Sachsen
date: 2025-02-01
kind: guideline
---

# Interner Leitfaden Zeiterfassung

## 1. Stundenzettel

Die Jobcoaches geben den Stundenzettel bis zum dritten Werktag des Folgemonats im Sekretariat ab.
"""
