"""The persisted search index: build (model, writer), cache handling (cache) and opening.

Everything the query path needs is compiled at build time and stored beside the Whoosh
index in meta.bin, so queries never import spaCy. A damaged index is rebuilt, never fatal;
a read-only cache falls back to a temporary folder, and that to an in-memory index.
"""
from __future__ import annotations

import errno
import gc
import hashlib
import marshal
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..analysis.analyzer import Analyzer, remember_stems
from ..analysis.compounds import CompoundSplitter
from ..analysis.lemmas import LemmaSource, LemmaTable, SpacyLemmaSource
from ..analysis.spelling import load_word_list
from ..analysis.thesaurus import Thesaurus
from ..corpus import CorpusError, Unit, corpus_dirs, load_corpus
from ..questions import load_out_of_scope, load_questions
from ..ranking.answer_words import AnswerWords
from ..ranking.features import UnitEvidence
from ..retrieval.chars import CharIndex, unit_text
from ..retrieval.questions import IndexedQuestion, asked_terms, asked_texts
from ..store import MemoryStore
from ..topics import Topic
from .cache import (ANALYSIS_VERSION, KNOWN_WORDS, META, adopt, cache_root, cleanup_stale, fallback_root, fingerprint,
                    new_build_folder, publish, retire, seal, verify)
from .writer import FIELDS, doc_from_dict, write_index

__all__ = ["IndexHandle", "open_index", "fingerprint", "fingerprint_of", "cache_root", "ANALYSIS_VERSION", "FIELDS"]


@dataclass
class BuildStats:
    documents: int
    units: int
    seconds: float
    location: str


@dataclass
class IndexHandle:
    """An opened index with everything the query path needs."""

    ix: object
    store: MemoryStore
    analyzer: Analyzer
    thesaurus: Thesaurus
    vocabulary: list[str]
    dotless: dict[str, str]  # words typed without their umlauts' dots ("fur" -> "für")
    topics: list[Topic]
    field: tuple[tuple[str, ...], ...]  # stem sequences of the words that name the documents' own field
    programmes: list[tuple[str, tuple[tuple[str, ...], ...]]]  # neighbouring programmes: (name, stem sequences)
    regions: tuple[tuple[str, ...], ...]  # stem sequences of the Länder names some documents apply to
    contacts: list[tuple[str, str, tuple[tuple[str, ...], ...]]]  # whom to ask about subjects a declined question names
    evidence: list[UnitEvidence]
    questions: list[IndexedQuestion]
    out_of_scope: list[str]  # questions the documents do not answer
    answer_words: AnswerWords  # words of the questions they answer and of those they do not
    doc_freq: dict[str, int]  # over units together with their authored questions
    asked: dict[int, frozenset[str]]  # per unit position: the terms of its authored questions
    nouns: frozenset[str]
    unit_values: list[dict[str, str]]  # analysed field values per unit (for per-fold indexes)
    bm25f: dict | None  # the in-memory BM25F's postings over them (BM25FUnitRetriever.to_data)
    question_postings: dict[str, list[int]] | None  # per term, the authored questions that use it
    errors: list[CorpusError]
    location: str
    known_words_path: Path | None
    built: BuildStats | None = None
    notice: str = ""
    fingerprint: str = ""
    _known: set[str] | None = field(default=None, repr=False)

    def char_index(self, name: str, texts: list[str], groups: list[int] | None = None) -> CharIndex:
        """The character n-gram index of `texts` (of their centroids by `groups`): loaded from
        the file the build sealed into the index folder (`write_char_indexes`), or built in
        memory (an in-memory index, or other texts than the index's). The sealed folder is
        never written to."""
        try:
            return CharIndex.from_data(marshal.loads((Path(self.location) / char_file_name(name, texts, groups)).read_bytes()))
        except (OSError, ValueError, EOFError, TypeError):
            return CharIndex(texts, groups)

    def known_words(self) -> set[str]:
        if self._known is None:
            self._known = load_word_list(self.known_words_path) if self.known_words_path else set()
        return self._known


def char_file_name(name: str, texts: list[str], groups: list[int] | None = None) -> str:
    """The file of a character index, named by the texts (and groups) it holds (a changed corpus
    never meets a stale one)."""
    key = chr(0).join(texts) + ("" if groups is None else chr(1) + ",".join(map(str, groups)))
    return f"chars-{name}-{hashlib.sha1(key.encode('utf-8', 'replace')).hexdigest()[:16]}.bin"


CharTexts = dict[str, tuple[list[str], list[int] | None]]


def char_texts(meta: dict) -> CharTexts:
    """The character indexes of an index, from its meta data: per index, its texts and groups
    (None, or the group of every text): authored questions grouped by unit; units; out-of-scope
    questions."""
    questions = [q[2] for q in meta["questions"]]
    return _char_specs(questions, [q[0] for q in meta["questions"]],
                       [unit_text(u["question"] or u["title"], u["text"]) for u in meta["units"]], list(meta["out_of_scope"]))


def _char_specs(questions: list[str], question_units: list[int], units: list[str], out_of_scope: list[str]) -> CharTexts:
    return {"question_units": (questions, question_units),
            "units": (units, None), "out_of_scope": (out_of_scope, None)}


# From this many units on, the character indexes are built in a second process while this one
# writes the search index (a build of 10 000 units takes about a quarter less time on two cores).
PARALLEL_UNITS = 2000
PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent
_CHILD = ("import sys, marshal; from knowledge.index import char_index_blobs; "
          "sys.stdout.buffer.write(marshal.dumps(char_index_blobs(marshal.loads(sys.stdin.buffer.read()))))")


class CharBuild:
    """The character indexes of a large corpus, built by a child Python process (started with
    `python -c`, so nothing of the calling program runs twice) from texts sent on its stdin."""

    def __init__(self, texts: CharTexts):
        self.texts = texts
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(PACKAGE_ROOT), os.environ.get("PYTHONPATH", "")) if p)}
        self.proc = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)
        try:
            self.proc.stdin.write(marshal.dumps(texts))  # the child reads all of it before it writes
            self.proc.stdin.close()
        except OSError:
            self.cancel()
            raise

    def result(self, wanted: CharTexts) -> dict[str, bytes]:
        """The packed indexes, when they were built from `wanted`; {} otherwise or on any failure."""
        if wanted != self.texts:
            self.cancel()
            return {}
        try:
            data = self.proc.stdout.read()
            blobs = marshal.loads(data) if self.proc.wait() == 0 else {}
        except (OSError, ValueError, EOFError, TypeError):
            blobs = {}
        self.cancel()
        return blobs if isinstance(blobs, dict) else {}

    def cancel(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()


def start_char_indexes(corpus, questions, out_of_scope: list[str]) -> CharBuild | None:
    """For a large corpus, start building its character indexes in a second process;
    None for a small corpus, or where no process can be started."""
    if len(corpus.units) < PARALLEL_UNITS:
        return None
    position = {u.id: i for i, u in enumerate(corpus.units)}
    texts = _char_specs([q.text for q in questions], [position[q.unit_id] for q in questions],
                        [unit_text(u.question or u.title, u.text) for u in corpus.units], list(out_of_scope))
    try:
        return CharBuild(texts)
    except OSError:
        return None


def char_index_blobs(texts: CharTexts) -> dict[str, bytes]:
    return {name: _char_index_bytes(tuple(t), None if g is None else tuple(g)) for name, (t, g) in texts.items()}


def write_char_indexes(folder: Path, meta: dict, started: CharBuild | None = None) -> None:
    """Build the character indexes into a new index folder, so they are sealed with it and the
    first question does not pay for them. `started` brings them from the second process when
    its texts are the index's; whatever it lacks is built here."""
    wanted = char_texts(meta)
    blobs = started.result(wanted) if started is not None else {}
    for name, (texts, groups) in wanted.items():
        data = blobs.get(name) or _char_index_bytes(tuple(texts), None if groups is None else tuple(groups))
        (folder / char_file_name(name, texts, groups)).write_bytes(data)


@lru_cache(maxsize=8)
def _char_index_bytes(texts: tuple[str, ...], groups: tuple[int, ...] | None = None) -> bytes:
    """A character index, packed; remembered, so rebuilding the same corpus in one process is quick."""
    return marshal.dumps(CharIndex(list(texts), None if groups is None else list(groups)).to_data())


def unit_doc_freq(evidence: list[UnitEvidence], questions: list[IndexedQuestion],
                  asked: dict[int, frozenset[str]] | None = None) -> dict[str, int]:
    """In how many units a stem occurs, counting a unit's authored questions (`asked`: their
    terms per unit, when already known) as part of it."""
    asked = asked_terms(questions) if asked is None else asked
    doc_freq: dict[str, int] = {}
    for pos, ev in enumerate(evidence):
        for t in ev.terms | asked.get(pos, frozenset()):
            doc_freq[t] = doc_freq.get(t, 0) + 1
    return doc_freq


def _handle(meta: dict, location: str, known_path: Path | None, known: set[str] | None = None) -> IndexHandle:
    remember_stems(meta.get("stems") or {})
    analyzer = Analyzer(LemmaTable(meta["lemmas"]), CompoundSplitter(set(meta["lexicon"])))
    units = [Unit(**{**u, "breadcrumb": tuple(u["breadcrumb"])}) for u in meta["units"]]
    questions = [IndexedQuestion(pos, text, frozenset(terms.split()), aud, tuple(fw.split()), tuple(also))
                 for pos, aud, text, terms, fw, also in meta["questions"]]
    evidence = []
    for u, values, sents in zip(units, meta["unit_fields"], meta["sentences"]):
        terms = frozenset(" ".join(values.values()).split())
        evidence.append(UnitEvidence(
            terms=terms, head=frozenset((values["title"] + " " + values["question"]).split()), text=u.text,
            heading=u.question or u.title,
            spans=[(a, b) for a, b, _ in sents], sentence_terms=[frozenset(t.split()) for _, _, t in sents]))
    asked = asked_terms(questions)  # once, for the document frequencies and the question retriever
    handle = IndexHandle(
        ix=None, store=MemoryStore(units, {k: doc_from_dict(v) for k, v in meta["documents"].items()}),
        analyzer=analyzer, thesaurus=Thesaurus.from_data(meta["thesaurus"]), vocabulary=meta["vocabulary"],
        dotless=meta["dotless"],
        topics=[Topic.from_data(t) for t in meta["topics"]], field=tuple(tuple(p) for p in meta["field"]),
        programmes=[(name, tuple(tuple(p) for p in phrases)) for name, phrases in meta["programmes"]],
        regions=tuple(tuple(p) for p in meta["regions"]), evidence=evidence, questions=questions,
        contacts=[(name, ask, tuple(tuple(p) for p in phrases)) for name, ask, phrases in meta.get("contacts", [])],
        out_of_scope=list(meta["out_of_scope"]), answer_words=AnswerWords.from_data(meta["answer_words"]),
        doc_freq=unit_doc_freq(evidence, questions, asked), asked=asked, nouns=frozenset(meta["nouns"]), unit_values=meta["unit_fields"],
        bm25f=meta.get("bm25f"), question_postings=meta.get("question_postings"),
        errors=[CorpusError(Path(p), m) for p, m in meta.get("errors", [])],
        location=location, known_words_path=known_path,
    )
    handle.ix = LazyWhooshIndex(handle)
    if known is not None:
        handle._known = known
    return handle


class LazyWhooshIndex:
    """The Whoosh unit index, built in memory from an opened index's analysed fields and authored
    questions on first use: the query path reads those fields (in-memory BM25F) and need not import
    Whoosh at all. It holds only the handle, which keeps those fields anyway (not the whole meta data)."""

    def __init__(self, handle: "IndexHandle"):
        self._handle = handle
        self._ix = None

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._ix is None:
            from .whoosh_units import ram_index

            h = self._handle
            self._ix = ram_index([u.id for u in h.store.units()], h.unit_values, asked_texts(h.questions))
        return getattr(self._ix, name)


def fingerprint_of(dirs: list[Path] | None = None, lemma_source: LemmaSource | None = None) -> str:
    return fingerprint(dirs or corpus_dirs(), (lemma_source or SpacyLemmaSource()).name)


def open_index(dirs: list[Path] | None = None, progress: Callable[[str], None] = lambda _m: None, force: bool = False,
               lemma_source: LemmaSource | None = None) -> IndexHandle:
    """Open the index for the corpus in `dirs`, building it first when needed.

    Never fails for reasons of the cache: a damaged index (checksums in manifest.json) is
    retired and rebuilt once; a cache that is not writable is replaced by one private
    temporary folder per user (reused per corpus fingerprint); a full disk or no writable
    folder at all gives an in-memory index. `notice` says so in German."""
    dirs = dirs or corpus_dirs()
    lemma_source = lemma_source or SpacyLemmaSource()
    fp = fingerprint(dirs, lemma_source.name)
    name = f"index-{fp}"
    root = cache_root()
    fallback = None
    try:
        adopt(root, root / name, fp)  # a sealed build a killed process did not rename into place
        cleanup_stale(root)
    except OSError:
        pass
    if not force:
        for r in (root, None if _writable(root) else fallback_root()):
            if r is None:
                continue
            try:
                adopt(r, r / name, fp)
            except OSError:
                pass
            handle = _try_open(r / name, fp)
            if handle is not None:
                if r != root:
                    handle.notice = f"Der Cache-Ordner {root} ist nicht beschreibbar; der Index liegt vorübergehend in {r}."
                return handle
    start = time.perf_counter()
    corpus = load_corpus(dirs)
    questions, q_errors = load_questions(dirs, {u.id for u in corpus.units})
    negatives, n_errors = load_out_of_scope(dirs)
    out_of_scope = [text for _group, text in negatives]
    corpus.errors.extend(q_errors + n_errors)
    notice = ""
    handle = None
    started = start_char_indexes(corpus, questions, out_of_scope)
    for r in (root, "fallback"):
        if r == "fallback":
            fallback = fallback_root()
            if fallback is None or fallback == root:
                notice = notice or "Kein beschreibbarer Ordner gefunden; der Index wird nur im Arbeitsspeicher gehalten."
                break
            r = fallback
        try:
            tmp = new_build_folder(r)
        except OSError:
            continue
        try:
            meta, known = write_index(corpus, questions, dirs, lemma_source, progress, out_of_scope)
            (tmp / META).write_bytes(marshal.dumps(meta))
            (tmp / KNOWN_WORDS).write_text("\n".join(sorted(known)), encoding="utf-8")
            write_char_indexes(tmp, meta, started)
            seal(tmp, fp)
            publish(tmp, r / name, r, replace=force)
        except OSError as exc:
            retire(tmp)
            if exc.errno == errno.ENOSPC:
                notice = (f"Auf dem Datenträger ist kein Platz mehr ({r}); der Index wird nur im Arbeitsspeicher "
                          "gehalten. Bitte Speicherplatz freigeben.")
            else:
                notice = f"Der Index konnte in {r} nicht gespeichert werden; er wird nur im Arbeitsspeicher gehalten."
            break
        handle = _try_open(r / name, fp)
        if handle is not None:
            if r != root:
                notice = f"Der Cache-Ordner {root} ist nicht beschreibbar; der Index liegt vorübergehend in {r}."
            break
        notice = "Der gespeicherte Index ließ sich nicht öffnen; er wird nur im Arbeitsspeicher gehalten."
        break
    if started is not None:
        started.cancel()  # not needed for an index kept in memory; already done otherwise
    if handle is None:
        meta, known = write_index(corpus, questions, dirs, lemma_source, progress, out_of_scope)
        handle = _handle(meta, "Arbeitsspeicher", None, known)
    handle.built = BuildStats(len(corpus.documents), len(corpus.units), time.perf_counter() - start, handle.location)
    handle.notice = notice
    handle.fingerprint = fp
    return handle


def _writable(root: Path) -> bool:
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(root, os.W_OK | os.X_OK)


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused while an index's many small objects are made (sets of
    terms, questions): all of them are kept, and each collection on the way only walks them again.
    Loading an index so takes about a quarter less time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _try_open(path: Path, fp: str | None = None) -> IndexHandle | None:
    """The index in `path` if it is complete and undamaged; a damaged one is retired (and then rebuilt)."""
    if not (path.exists() or path.is_symlink()):
        return None
    if not verify(path, fp):
        retire(path)
        return None
    try:
        with collector_paused():
            meta = marshal.loads((path / META).read_bytes())
            if not isinstance(meta, dict) or meta.get("version") != ANALYSIS_VERSION:
                retire(path)
                return None
            # the Whoosh unit index is built in memory when first asked for
            handle = _handle(meta, str(path), path / KNOWN_WORDS)
        handle.fingerprint = fp or ""
        return handle
    except Exception:  # a damaged index is rebuilt, never fatal
        retire(path)
        return None
