"""The persisted search index.

Built from the corpus with Whoosh, stored in the user's cache directory under a
fingerprint of the corpus, the thesaurus and the analysis code, so it is rebuilt
automatically when any of them changes. A build writes into a private temporary folder
and renames it into place at the end: a crash mid-build leaves no broken index, and of
two processes building at once the second simply uses the first one's result. A
read-only cache falls back to a temporary folder, and that to an in-memory index.

Everything the query path needs (lemma table, compound lexicon, vocabulary, analysed
thesaurus) is compiled here, so queries never import spaCy.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from whoosh import fields, index as windex
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.filedb.filestore import RamStorage

from .analysis.analyzer import Analyzer
from .analysis.compounds import CompoundSplitter
from .analysis.fold import fold
from .analysis.spelling import load_word_list
from .analysis.lemmas import LemmaTable, compile_lemma_table, load_spacy_lemmatizer
from .analysis.stopwords import is_stopword
from .analysis.thesaurus import Thesaurus, load_thesaurus_files
from .analysis.tokenize import tokenize
from .topics import Topic, compile_topics, load_topic_terms, topic_files
from .corpus import Corpus, CorpusError, Document, Unit, corpus_dirs, document_files, load_corpus

ANALYSIS_VERSION = "9"  # bump when analysis or schema change: old indexes are then rebuilt
FIELDS = ("title", "question", "crumbs", "body")


def schema() -> fields.Schema:
    ana = SpaceSeparatedTokenizer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=ana),
        question=fields.TEXT(analyzer=ana),
        crumbs=fields.TEXT(analyzer=ana),
        body=fields.TEXT(analyzer=ana),
    )


def cache_root() -> Path:
    env = os.environ.get("LOTSE_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ub-lotse", appauthor=False))


def thesaurus_files(dirs: list[Path]) -> list[Path]:
    return [d / "thesaurus.yaml" for d in dirs if (d / "thesaurus.yaml").is_file()]


def fingerprint(dirs: list[Path]) -> str:
    files, _ = document_files(dirs)
    h = hashlib.sha256(ANALYSIS_VERSION.encode())
    for path in sorted(files + thesaurus_files(dirs) + topic_files(dirs)):
        h.update(str(path.resolve()).encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return h.hexdigest()[:20]


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
    units: list[Unit]
    documents: dict[str, Document]
    analyzer: Analyzer
    thesaurus: Thesaurus
    vocabulary: list[str]
    topics: list[Topic]
    unit_terms: list[frozenset[str]]
    head_terms: list[frozenset[str]]
    doc_freq: dict[str, int]
    nouns: frozenset[str]
    errors: list[CorpusError]
    location: str
    known_words_path: Path | None
    built: BuildStats | None = None
    notice: str = ""
    unit_pos: dict[str, int] = field(default_factory=dict)

    def known_words(self) -> set[str]:
        return load_word_list(self.known_words_path) if self.known_words_path else set()


# ---------------------------------------------------------------- build


def _unit_fields(unit: Unit, doc: Document) -> dict[str, str]:
    title = unit.title
    return {
        "title": title,
        "question": unit.question,
        "crumbs": " ".join((doc.short_title,) + unit.breadcrumb[:-1]),
        "body": unit.text,
    }


def _write(target: Path | None, corpus: Corpus, dirs: list[Path], progress: Callable[[str], None]) -> tuple[object, dict, set[str]]:
    progress("Lade spaCy (deutsche Lemmata) …")
    nlp = load_spacy_lemmatizer()
    groups, idioms = load_thesaurus_files(thesaurus_files(dirs))
    topic_terms = load_topic_terms(topic_files(dirs))
    texts = []
    for u in corpus.units:
        texts.extend([u.title, u.question, u.text])
    texts.extend(" ".join(g) for g in groups)
    texts.extend(" ".join(terms) for _, terms in topic_terms)
    progress("Lemmatisiere das Korpus …")
    table, known_forms = compile_lemma_table(nlp, texts)
    lemmas = LemmaTable(table)
    words: set[str] = set()
    nouns: set[str] = set()
    for text in texts:
        for i, tok in enumerate(tokenize(text)):
            low = tok.text.lower()
            if tok.text.isalpha():
                words.add(fold(low))
                lemma = fold(lemmas.lemma(low))
                words.add(lemma)
                # capitalised inside a sentence: a noun (German capitalises nouns only)
                before = text[max(tok.start - 4, 0):tok.start].rstrip()[-1:]
                if i > 0 and tok.text[:1].isupper() and before and before not in ".:?!)\n-–":
                    nouns.add(lemma)
    lexicon = {w for w in words if len(w) >= 3 and not is_stopword(w)}
    # Corpus words are split with the whole German lexicon ("Preisdumping" -> preis + dumping);
    # the parts found join the compact lexicon that queries use.
    german = {fold(w) for w in known_forms if len(w) >= 3 and w.isalpha() and not is_stopword(fold(w))}
    big = CompoundSplitter(lexicon | german)
    for w in list(words):
        # words German does not know may join one known and one unknown part
        parts = big.split(w) if w in german else big.split_lenient(w)
        lexicon.update(p for p in parts if len(p) >= 3)
    analyzer = Analyzer(lemmas, CompoundSplitter(lexicon))

    def stems_of(text: str) -> list[str]:
        return [t.stem for t in analyzer.terms(text)]

    thesaurus = Thesaurus.from_words(groups, stems_of, idioms)

    progress(f"Indexiere {len(corpus.units)} Abschnitte …")
    if target is None:
        ix = RamStorage().create_index(schema())
    else:
        ix = windex.create_in(str(target), schema())
    writer = ix.writer(limitmb=256)
    unit_fields = []
    unit_stems = []  # word stems in order (no compound parts), to find phrases
    for u in corpus.units:
        doc = corpus.documents[u.doc_id]
        terms = {k: analyzer.terms(v) for k, v in _unit_fields(u, doc).items()}
        values = {k: Analyzer.join(ts) for k, ts in terms.items()}
        writer.add_document(id=u.id, **values)
        unit_fields.append(values)
        unit_stems.append([t.stem for k in ("title", "question", "body") for t in terms[k]])
    writer.commit()
    topics = compile_topics(topic_terms, stems_of, unit_stems)
    meta = {
        "version": ANALYSIS_VERSION,
        "lemmas": table,
        "lexicon": sorted(lexicon),
        "vocabulary": sorted(words),
        "nouns": sorted(nouns),
        "unit_fields": unit_fields,
        "thesaurus": thesaurus.to_data(),
        "topics": [t.to_data() for t in topics],
        "units": [dataclasses.asdict(u) for u in corpus.units],
        "documents": {k: _doc_to_dict(d) for k, d in corpus.documents.items()},
        "errors": [[str(e.path), e.problem] for e in corpus.errors],
    }
    return ix, meta, {fold(w) for w in known_forms}


def _doc_to_dict(d: Document) -> dict:
    data = dataclasses.asdict(d)
    data["path"] = str(d.path)
    for k in ("date", "valid_from", "valid_until"):
        data[k] = data[k].isoformat() if data[k] else None
    return data


def _doc_from_dict(data: dict) -> Document:
    import datetime as dt

    data = dict(data)
    data["path"] = Path(data["path"])
    for k in ("date", "valid_from", "valid_until"):
        data[k] = dt.date.fromisoformat(data[k]) if data[k] else None
    return Document(**data)


def _handle(ix, meta: dict, location: str, known_path: Path | None, known: set[str] | None = None) -> IndexHandle:
    lemmas = LemmaTable(meta["lemmas"])
    analyzer = Analyzer(lemmas, CompoundSplitter(set(meta["lexicon"])))
    units = [Unit(**{**u, "breadcrumb": tuple(u["breadcrumb"])}) for u in meta["units"]]
    unit_terms = []
    head_terms = []
    doc_freq: dict[str, int] = {}
    # per-unit term sets (analysed at build time), used to measure how much of a question
    # a passage covers, and how much of it its heading (title or question) names
    docs = {k: _doc_from_dict(v) for k, v in meta["documents"].items()}
    for values in meta["unit_fields"]:
        fs = frozenset(" ".join(values.values()).split())
        unit_terms.append(fs)
        head_terms.append(frozenset((values["title"] + " " + values["question"]).split()))
        for t in fs:
            doc_freq[t] = doc_freq.get(t, 0) + 1
    handle = IndexHandle(
        ix=ix, units=units, documents=docs, analyzer=analyzer,
        thesaurus=Thesaurus.from_data(meta["thesaurus"]), vocabulary=meta["vocabulary"],
        topics=[Topic.from_data(t) for t in meta["topics"]],
        unit_terms=unit_terms, head_terms=head_terms, doc_freq=doc_freq, nouns=frozenset(meta["nouns"]),
        errors=[CorpusError(Path(p), m) for p, m in meta.get("errors", [])],
        location=location, known_words_path=known_path,
    )
    handle.unit_pos = {u.id: i for i, u in enumerate(units)}
    if known is not None:
        handle.known_words = lambda: known  # type: ignore[method-assign]
    return handle


def open_index(dirs: list[Path] | None = None, progress: Callable[[str], None] = lambda _m: None, force: bool = False) -> IndexHandle:
    """Open the index for the corpus in `dirs`, building it first when needed."""
    dirs = dirs or corpus_dirs()
    fp = fingerprint(dirs)
    root = cache_root()
    final = root / f"index-{fp}"
    if not force:
        handle = _try_open(final)
        if handle is not None:
            return handle
    start = time.perf_counter()
    corpus = load_corpus(dirs)
    tmp: Path | None = None
    notice = ""
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    except OSError:
        try:
            tmp = Path(tempfile.mkdtemp(prefix="ub-lotse-index-"))
            notice = f"Der Cache-Ordner {root} ist nicht beschreibbar; der Index liegt vorübergehend in {tmp}."
            final = tmp
        except OSError:
            tmp = None
            notice = "Kein beschreibbarer Ordner gefunden; der Index wird nur im Arbeitsspeicher gehalten."
    if tmp is None:
        ix, meta, known = _write(None, corpus, dirs, progress)
        handle = _handle(ix, meta, "Arbeitsspeicher", None, known)
    else:
        ix, meta, known = _write(tmp, corpus, dirs, progress)
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        (tmp / "known_words.txt").write_text("\n".join(sorted(known)), encoding="utf-8")
        ix.close()
        if final != tmp:
            if force and final.exists():
                _retire(final)
            try:
                os.rename(tmp, final)
            except OSError:
                # another process finished the same build first: use its result
                shutil.rmtree(tmp, ignore_errors=True)
            _cleanup(root, keep=final)
        handle = _try_open(final)
        if handle is None:  # pragma: no cover - only if the disk vanished under us
            raise RuntimeError("Der Index konnte nach dem Aufbau nicht geöffnet werden.")
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
        ix = windex.open_dir(str(path))
        return _handle(ix, meta, str(path), path / "known_words.txt")
    except Exception:  # a damaged index is rebuilt, never fatal
        _retire(path)
        return None


def _retire(path: Path) -> None:
    trash = path.with_name(f".old-{path.name}-{os.getpid()}-{time.time_ns()}")
    try:
        os.rename(path, trash)
        shutil.rmtree(trash, ignore_errors=True)
    except OSError:
        pass


def _cleanup(root: Path, keep: Path) -> None:
    """Remove indexes of older corpus versions and stale half-built folders."""
    now = time.time()
    for p in root.glob("index-*"):
        if p != keep:
            _retire(p)
    for p in root.glob(".build-*"):
        try:
            if now - p.stat().st_mtime > 3600:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass
