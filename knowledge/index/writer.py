"""Writing an index: the meta data the query path reads (analysed fields, authored questions,
sentence spans, topics, documents, the in-memory BM25F's postings). The Whoosh unit index is not
written: it is built in memory from the same analysed fields when something asks for it
(`LazyWhooshIndex`); writing it cost every build about 1,4 s and the query path never reads it."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable

from ..analysis.analyzer import Analyzer, stem
from ..analysis.fold import fold
from ..analysis.thesaurus import load_thesaurus_files
from ..corpus import BUILTIN_CORPUS, Corpus, CorpusError, Document, Unit
from ..questions import AuthoredQuestion
from ..ranking.answer_words import AnswerWords
from ..ranking.function_words import function_words
from ..ranking.config import RankingConfig
from ..retrieval.bm25f import BM25FUnitRetriever
from ..retrieval.chars import unit_text
from ..retrieval.questions import IndexedQuestion, asked_texts, question_postings
from ..retrieval.sentences import answer_start, split_sentences
from ..topics import compile_phrases, compile_topics, load_topic_terms, topic_files
from .cache import ANALYSIS_VERSION, thesaurus_files
from .model import compile_model

FIELDS = ("title", "question", "crumbs", "body")
ASKED = "asked"  # the unit's authored questions (document expansion)


def unit_fields(unit: Unit, doc: Document) -> dict[str, str]:
    return {
        "title": unit.title,
        "question": unit.question,
        "crumbs": " ".join((doc.short_title,) + unit.breadcrumb[:-1]),
        "body": unit.text,
    }


def write_index(corpus: Corpus, questions: list[AuthoredQuestion], dirs: list[Path],
                lemma_source, progress: Callable[[str], None], out_of_scope: list[str] = ()) -> tuple[dict, set[str]]:
    """Analyse a corpus; returns (meta, known word forms), which the caller keeps in a folder or in memory."""
    progress("Lemmatisiere das Korpus …")
    groups, idioms, problems = load_thesaurus_files(thesaurus_files(dirs), trusted=BUILTIN_CORPUS)
    topic_data = load_topic_terms(topic_files(dirs))
    topic_terms = topic_data.topics
    corpus.errors.extend(CorpusError(path, problem) for path, problem in problems + topic_data.problems)
    texts = []
    for u in corpus.units:
        texts.extend([u.title, u.question, u.text])
    texts.extend(q.text for q in questions)
    texts.extend(" ".join(g) for g in groups)
    texts.extend(" ".join(terms) for _, terms in topic_terms)
    texts.extend(" ".join(terms).replace("*", "") for terms in [topic_data.field, topic_data.regions] + [t for _, t in topic_data.programmes])
    model = compile_model(texts, groups, idioms, lemma_source, typed=frozenset(q.text for q in questions))
    analyzer = model.analyzer

    progress(f"Indexiere {len(corpus.units)} Abschnitte …")
    values_of_units, unit_stems, sentences = [], [], []
    for u in corpus.units:
        terms = {k: analyzer.terms(v) for k, v in unit_fields(u, corpus.documents[u.doc_id]).items()}
        values_of_units.append({k: Analyzer.join(ts) for k, ts in terms.items()})
        unit_stems.append([t.stem for k in ("title", "question", "body") for t in terms[k]])
        spans = split_sentences(u.text, answer_start(u.text, u.question))
        sentences.append([[a, b, analyzer.index_text(u.text[a:b])] for a, b in spans])
    pos = {u.id: i for i, u in enumerate(corpus.units)}
    analysed_questions = [[pos[q.unit_id], q.audience, q.text, analyzer.index_text(q.text), " ".join(function_words(q.text)),
                           [pos[a] for a in q.also]] for q in questions]
    stems_of = lambda t: [x.stem for x in analyzer.terms(t)]  # noqa: E731
    analysed_text = {text: terms for _p, _aud, text, terms, _fw, _also in analysed_questions}
    answered = [q.text for q in questions] + [unit_text(u.question or u.title, u.text) for u in corpus.units]
    meta = {
        "version": ANALYSIS_VERSION,
        "lemmas": model.table,
        "lexicon": sorted(model.lexicon),
        "vocabulary": sorted(model.vocabulary),
        "dotless": model.dotless,
        "nouns": sorted(model.nouns),
        "unit_fields": values_of_units,
        "sentences": sentences,
        "questions": analysed_questions,
        "out_of_scope": list(out_of_scope),
        "answer_words": AnswerWords.from_texts(  # over analysed stems, as a query's concepts are
            answered, out_of_scope, terms=lambda text: (analysed_text.get(text) or analyzer.index_text(text)).split()).to_data(),
        "thesaurus": model.thesaurus.to_data(),
        "topics": [t.to_data() for t in compile_topics(topic_terms, stems_of, unit_stems, topic_data.asks, topic_data.unless)],
        "field": compile_phrases(topic_data.field, stems_of),
        "regions": compile_phrases(topic_data.regions, stems_of),
        "programmes": [[name, compile_phrases(terms, stems_of)] for name, terms in topic_data.programmes],
        "contacts": [[name, ask, compile_phrases(terms, stems_of)] for name, ask, terms in topic_data.contacts],
        "units": [dataclasses.asdict(u) for u in corpus.units],
        "documents": {k: doc_to_dict(d) for k, d in corpus.documents.items()},
        "errors": [[str(e.path), e.problem] for e in corpus.errors],
        # the stems of the corpus's words and lemmas: a question of known words needs no stemmer
        "stems": {w: stem(w) for w in sorted(set(model.vocabulary) | set(model.lexicon) | {fold(x) for x in model.table.values()})},
    }
    # the in-memory BM25F's postings, as the query path builds them (over the authored questions' term sets)
    indexed = [IndexedQuestion(p, text, frozenset(terms.split())) for p, _aud, text, terms, _fw, _also in analysed_questions]
    meta["bm25f"] = BM25FUnitRetriever(values_of_units, asked_texts(indexed), RankingConfig.load()).to_data()
    meta["question_postings"] = question_postings(indexed)
    return meta, model.known_forms


def doc_to_dict(d: Document) -> dict:
    data = dataclasses.asdict(d)
    data["path"] = str(d.path)
    for k in ("date", "valid_from", "valid_until"):
        data[k] = data[k].isoformat() if data[k] else None
    return data


def doc_from_dict(data: dict) -> Document:
    import datetime as dt

    data = dict(data)
    data["path"] = Path(data["path"])
    for k in ("date", "valid_from", "valid_until"):
        data[k] = dt.date.fromisoformat(data[k]) if data[k] else None
    return Document(**data)
