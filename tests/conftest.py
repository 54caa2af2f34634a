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


SEED_KEY = "lotse_index_seed"  # the folder of the shared spaCy index, handed to the xdist workers
_SEED = pytest.StashKey()
SEED_BUILD = (
    "import datetime, sys; from pathlib import Path; from assistant.service import Lotse; "
    "Lotse(today=datetime.date.fromisoformat(sys.argv[1])).handle; Path(sys.argv[2]).touch()"
)


def _builds_the_seed_early(config) -> bool:
    """The whole suite under xdist: the controller is idle while its workers start and collect."""
    from _pytest.config import Config

    return (not hasattr(config, "workerinput") and bool(getattr(config.option, "numprocesses", None))
            and config.args_source in (Config.ArgsSource.TESTPATHS, Config.ArgsSource.INVOCATION_DIR))


def pytest_configure(config):
    """The real index (spaCy, several seconds) is started by the controller in a child process,
    before the workers exist: they run the tests that do not need it meanwhile, and the first one
    that does waits for the child's lock (see `lotse`)."""
    if not _builds_the_seed_early(config):
        return
    import subprocess
    import sys
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="lotse-seed-"))
    lock = open(root / "index-seed.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)  # the child holds it (same open file) until it exits
    env = {**os.environ, "LOTSE_CACHE_DIR": str(root / "index-seed")}
    env.pop("LOTSE_CORPUS", None)
    child = subprocess.Popen([sys.executable, "-c", SEED_BUILD, TODAY.isoformat(), str(root / "index-seed" / "complete")],
                             cwd=ROOT, env=env, pass_fds=(lock.fileno(),),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock.close()
    config.stash[_SEED] = (root, child)


# where the Chromium tests go in the run: `make test` installs Chromium beside it, and they wait for it.
# Not last: heavy tests at the end leave one worker idle. xdist's worksteal gives the first worker the
# first half of the tests and takes stolen ones from the end of a queue, so at 40 % they run on one
# worker about a minute in, when apt is done, while the other goes on.
BROWSER_TESTS_AT = 0.4


def pytest_collection_modifyitems(items):
    browser = [item for item in items if item.get_closest_marker("browser") is not None]
    rest = [item for item in items if item.get_closest_marker("browser") is None]
    at = int(len(rest) * BROWSER_TESTS_AT)
    items[:] = rest[:at] + browser + rest[at:]


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # xdist's hook: runs in the controller for each worker
    seed = node.config.stash.get(_SEED, None)
    if seed is not None:
        node.workerinput[SEED_KEY] = str(seed[0])


def pytest_unconfigure(config):
    seed = config.stash.get(_SEED, None)
    if seed is not None:
        root, child = seed
        child.kill()  # long done, unless the run ended early
        child.wait()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def lotse(request, _cache_dir, tmp_path_factory):
    """The real service over the built-in corpus, with spaCy's lemmas.

    Its index is built once per test run, not once per xdist worker: in a folder all workers share,
    under a file lock, by the controller's child process (see `pytest_configure`) or else by the
    first worker that needs it. Each worker copies that folder into its private cache, so tests
    that touch their cache stay independent."""
    from assistant.service import Lotse

    shared = Path(getattr(request.config, "workerinput", {}).get(SEED_KEY) or tmp_path_factory.getbasetemp())
    if os.environ.get("PYTEST_XDIST_WORKER") and SEED_KEY not in getattr(request.config, "workerinput", {}):
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
