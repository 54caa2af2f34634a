"""The persisted search index: build (model, writer), cache handling (cache) and opening.

Everything the query path needs is compiled at build time and stored beside the Whoosh
index in meta.json, so queries never import spaCy. A damaged index is rebuilt, never fatal;
a read-only cache falls back to a temporary folder, and that to an in-memory index.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from whoosh import index as windex

from ..analysis.analyzer import Analyzer
from ..analysis.compounds import CompoundSplitter
from ..analysis.lemmas import LemmaSource, LemmaTable, SpacyLemmaSource
from ..analysis.spelling import load_word_list
from ..analysis.thesaurus import Thesaurus
from ..corpus import CorpusError, Unit, corpus_dirs, load_corpus
from ..questions import load_questions
from ..ranking.features import UnitEvidence
from ..retrieval.chars import CharIndex, unit_text
from ..retrieval.questions import IndexedQuestion, asked_terms
from ..store import MemoryStore
from ..topics import Topic
from .cache import ANALYSIS_VERSION, build_folder, cache_root, fingerprint, publish, retire
from .writer import FIELDS, doc_from_dict, write_index

__all__ = ["IndexHandle", "open_index", "fingerprint", "cache_root", "ANALYSIS_VERSION", "FIELDS"]


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
    topics: list[Topic]
    evidence: list[UnitEvidence]
    questions: list[IndexedQuestion]
    doc_freq: dict[str, int]  # over units together with their authored questions
    nouns: frozenset[str]
    unit_values: list[dict[str, str]]  # analysed field values per unit (for per-fold indexes)
    errors: list[CorpusError]
    location: str
    known_words_path: Path | None
    built: BuildStats | None = None
    notice: str = ""
    _known: set[str] | None = field(default=None, repr=False)

    def char_index(self, name: str, texts: list[str]) -> CharIndex:
        """The character n-gram index of `texts`, kept beside the index: built once, then loaded.

        Keyed by the texts, so a changed corpus never meets a stale file; an unreadable or
        damaged file is rebuilt, and an unwritable folder only costs the build."""
        folder = Path(self.location)
        key = hashlib.sha1("\x00".join(texts).encode("utf-8", "replace")).hexdigest()[:16]
        path = folder / f"chars-{name}-{key}.bin"
        try:
            return CharIndex.from_data(marshal.loads(path.read_bytes()))
        except (OSError, ValueError, EOFError, TypeError):
            pass
        index = CharIndex(texts)
        if folder.is_dir():
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                tmp.write_bytes(marshal.dumps(index.to_data()))
                os.replace(tmp, path)
            except OSError:
                tmp.unlink(missing_ok=True)
        return index

    def prepare_char_indexes(self) -> None:
        """Build the character indexes with the index, so the first question does not pay for them."""
        self.char_index("questions", [q.text for q in self.questions])
        self.char_index("units", [unit_text(ev.heading, ev.text) for ev in self.evidence])

    def known_words(self) -> set[str]:
        if self._known is None:
            self._known = load_word_list(self.known_words_path) if self.known_words_path else set()
        return self._known


def unit_doc_freq(evidence: list[UnitEvidence], questions: list[IndexedQuestion]) -> dict[str, int]:
    """In how many units a stem occurs, counting a unit's authored questions as part of it."""
    asked = asked_terms(questions)
    doc_freq: dict[str, int] = {}
    for pos, ev in enumerate(evidence):
        for t in ev.terms | asked.get(pos, frozenset()):
            doc_freq[t] = doc_freq.get(t, 0) + 1
    return doc_freq


def _handle(ix, meta: dict, location: str, known_path: Path | None, known: set[str] | None = None) -> IndexHandle:
    analyzer = Analyzer(LemmaTable(meta["lemmas"]), CompoundSplitter(set(meta["lexicon"])))
    units = [Unit(**{**u, "breadcrumb": tuple(u["breadcrumb"])}) for u in meta["units"]]
    questions = [IndexedQuestion(pos, text, frozenset(terms.split()), aud) for pos, aud, text, terms in meta["questions"]]
    evidence = []
    for u, values, sents in zip(units, meta["unit_fields"], meta["sentences"]):
        terms = frozenset(" ".join(values.values()).split())
        evidence.append(UnitEvidence(
            terms=terms, head=frozenset((values["title"] + " " + values["question"]).split()), text=u.text,
            heading=u.question or u.title,
            spans=[(a, b) for a, b, _ in sents], sentence_terms=[frozenset(t.split()) for _, _, t in sents]))
    handle = IndexHandle(
        ix=ix, store=MemoryStore(units, {k: doc_from_dict(v) for k, v in meta["documents"].items()}),
        analyzer=analyzer, thesaurus=Thesaurus.from_data(meta["thesaurus"]), vocabulary=meta["vocabulary"],
        topics=[Topic.from_data(t) for t in meta["topics"]], evidence=evidence, questions=questions,
        doc_freq=unit_doc_freq(evidence, questions), nouns=frozenset(meta["nouns"]), unit_values=meta["unit_fields"],
        errors=[CorpusError(Path(p), m) for p, m in meta.get("errors", [])],
        location=location, known_words_path=known_path,
    )
    if known is not None:
        handle._known = known
    return handle


def open_index(dirs: list[Path] | None = None, progress: Callable[[str], None] = lambda _m: None, force: bool = False,
               lemma_source: LemmaSource | None = None) -> IndexHandle:
    """Open the index for the corpus in `dirs`, building it first when needed."""
    dirs = dirs or corpus_dirs()
    lemma_source = lemma_source or SpacyLemmaSource()
    root = cache_root()
    final = root / f"index-{fingerprint(dirs, lemma_source.name)}"
    if not force:
        handle = _try_open(final)
        if handle is not None:
            return handle
    start = time.perf_counter()
    corpus = load_corpus(dirs)
    questions, q_errors = load_questions(dirs, {u.id for u in corpus.units})
    corpus.errors.extend(q_errors)
    tmp, override, notice = build_folder(root)
    final = override or final
    if tmp is None:
        ix, meta, known = write_index(None, corpus, questions, dirs, lemma_source, progress)
        handle = _handle(ix, meta, "Arbeitsspeicher", None, known)
    else:
        ix, meta, known = write_index(tmp, corpus, questions, dirs, lemma_source, progress)
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        (tmp / "known_words.txt").write_text("\n".join(sorted(known)), encoding="utf-8")
        ix.close()
        publish(tmp, final, root, replace=force)
        handle = _try_open(final)
        if handle is None:  # pragma: no cover - only if the disk vanished under us
            raise RuntimeError("Der Index konnte nach dem Aufbau nicht geöffnet werden.")
    handle.prepare_char_indexes()
    handle.built = BuildStats(len(corpus.documents), len(corpus.units), time.perf_counter() - start, handle.location)
    handle.notice = notice
    return handle


def _try_open(path: Path) -> IndexHandle | None:
    meta_path = path / "meta.json"
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("version") != ANALYSIS_VERSION:
            return None
        return _handle(windex.open_dir(str(path)), meta, str(path), path / "known_words.txt")
    except Exception:  # a damaged index is rebuilt, never fatal
        retire(path)
        return None
