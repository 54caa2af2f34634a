"""Answering a question from the index: query analysis, ranking and a calibrated confidence.

A question is analysed into concepts (one per content word). Each concept may be met by
its own stem, by the stems of its compound parts, by a spelling correction or by a
thesaurus synonym; Whoosh ranks the units with BM25F over weighted fields (title and
question above breadcrumb and body). The confidence of a hit is the share of the
question's information (IDF-weighted concepts) that the unit covers, so a question about
the weather, which shares one place name with the corpus, stays below the threshold; it is
raised by the BM25F score relative to the best hit and by how much of the question the
unit's heading names (MIX). Nouns weigh more than other words, and a question naming an
adjacent topic the documents lack (corpus/adjacent_topics.yaml) is not answered by a unit
that merely shares its words.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.scoring import BM25F

from .analysis.analyzer import Term
from .analysis.morph import number_alias, verb_candidates
from .analysis.spelling import SpellCorrector
from .corpus import Unit
from .topics import Topic, contains
from .index import IndexHandle

FIELD_BOOSTS = {"title": 2.5, "question": 2.0, "crumbs": 0.6, "body": 1.0}
PART_WEIGHT = 0.4
SYNONYM_WEIGHT = 0.6
MAX_QUERY_TERMS = 40
THRESHOLD = 0.34  # calibrated on dev: off-topic questions top out at 0.30, answered ones start at 0.38
UNSEEN_NON_NOUN_WEIGHT = 0.25
# confidence = coverage * (a + b * BM25F relative to the best hit + c * heading coverage)
MIX = (0.3, 0.4, 0.3)
NON_NOUN_WEIGHT = 0.6
NUMBER_WEIGHT = 0.6
ROOT_WEIGHT = 0.8
ALL_PARTS_WEIGHT = 0.8


@dataclass
class Concept:
    term: Term
    alternatives: dict[tuple[str, ...], float]  # stem sequence -> weight
    weight: float = 1.0
    corrected_from: str = ""
    topic: Topic | None = None  # an adjacent topic the concept names

    @property
    def stems(self) -> set[str]:
        return {s for alt in self.alternatives for s in alt}


@dataclass
class Hit:
    unit: Unit
    score: float
    coverage: float
    head_coverage: float = 0.0
    confidence: float = 0.0


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    concepts: list[Concept] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    uncovered: list[str] = field(default_factory=list)  # adjacent topics named but not answered

    @property
    def confidence(self) -> float:
        return self.hits[0].confidence if self.hits else 0.0


class Searcher:
    def __init__(self, handle: IndexHandle, threshold: float = THRESHOLD):
        self.h = handle
        self.threshold = threshold
        self.speller = SpellCorrector(handle.vocabulary, handle.known_words)
        self._searcher = handle.ix.searcher(weighting=BM25F(B=0.6, K1=1.4))
        self.n_units = max(len(handle.units), 1)

    def close(self) -> None:
        self._searcher.close()

    # -------------------------------------------------------------- analysis
    def idf(self, stem: str) -> float:
        df = self.h.doc_freq.get(stem, 0)
        return math.log((self.n_units + 1) / (df + 0.5))

    def concepts(self, text: str) -> tuple[list[Concept], dict[str, str]]:
        extra = self.h.thesaurus.idiom_words(text)
        terms = self.h.analyzer.terms(text)[:MAX_QUERY_TERMS]
        if extra:
            have = {x.stem for x in terms}
            terms += [t for t in self.h.analyzer.terms(extra) if t.stem not in have]
        corrections: dict[str, str] = {}
        fixed: list[Term] = []
        for t in terms:
            if t.stem not in self.h.doc_freq and not t.folded.isdigit():
                verb = next((v for v in (self.h.analyzer.term(c, t.position) for c in verb_candidates(t.folded))
                             if v is not None and v.stem in self.h.doc_freq), None)
                if verb is not None:  # "abgerechnet" -> "abrechnen"
                    fixed.append(Term(t.surface, verb.folded, verb.stem, verb.parts, t.position, verb.root))
                    continue
                better = self.speller.correct(t.folded)
                if better:
                    nt = self.h.analyzer.term(better, t.position)
                    if nt is not None:
                        corrections[t.surface] = better
                        t = nt
            fixed.append(t)
        concepts = []
        for t in fixed:
            alts: dict[tuple[str, ...], float] = {(t.stem,): 1.0}
            alias = number_alias(t.folded)
            if alias:
                alts[(alias,)] = 1.0
            if t.root:
                alts.setdefault((t.root,), ROOT_WEIGHT)
            if len(t.parts) > 1 and t.stem not in self.h.doc_freq:
                alts.setdefault(tuple(sorted(set(t.parts))), ALL_PARTS_WEIGHT)  # "Dumpingpreise" / "Preisdumping"
            for p in t.parts:
                alts.setdefault((p,), PART_WEIGHT)
            concepts.append(Concept(t, alts, corrected_from=next((k for k, v in corrections.items() if v == t.folded), "")))
        stems = [c.term.stem for c in concepts]
        for exp in self.h.thesaurus.expansions(stems):
            # attach the synonyms to the first concept of the matched phrase
            idx = next((i for i in range(len(stems)) if tuple(stems[i:i + len(exp.matched)]) == exp.matched), None)
            if idx is None:
                continue
            for alt in exp.alternatives:
                concepts[idx].alternatives.setdefault(alt, SYNONYM_WEIGHT)
            # the remaining words of a multi-word member are part of that concept
            for j in range(idx + 1, idx + len(exp.matched)):
                concepts[j].weight = 0.0
        topical = self._mark_topics(concepts, stems)
        for c in concepts:
            if number_alias(c.term.folded):
                c.weight *= NUMBER_WEIGHT
            elif c.term.folded.isdigit() or re.fullmatch(r"\d+[a-z]?", c.term.folded):
                c.weight *= 0.3
            elif not any(s in self.h.doc_freq for alt in c.alternatives for s in alt):
                # A word the corpus never uses: a noun (capitalised inside the sentence) names
                # a topic the documents lack; any other word (adverb, verb) carries little.
                noun = c.term.surface[:1].isupper() and (c.term.position > 0 or not self.speller.is_known(c.term.folded))
                c.weight *= 1.0 if noun else UNSEEN_NON_NOUN_WEIGHT
            elif not self._is_noun(c.term):
                c.weight *= NON_NOUN_WEIGHT  # verbs, adjectives, adverbs say less than nouns
        for c in topical:
            c.weight = 1.0  # a named adjacent topic is the heart of the question
        return concepts, corrections

    def _mark_topics(self, concepts: list[Concept], stems: list[str]) -> list[Concept]:
        """Concepts naming an adjacent topic are met only by units that name that topic."""
        marked = []
        for topic in self.h.topics:
            for phrase in topic.phrases:
                idx = contains(stems, phrase)
                if idx is None or concepts[idx].topic is not None:
                    continue
                c = concepts[idx]
                c.alternatives = {phrase: 1.0}
                c.topic = topic
                marked.append(c)
                for j in range(idx + 1, idx + len(phrase)):
                    concepts[j].weight = 0.0
                break
        return marked

    def _is_noun(self, t: Term) -> bool:
        if t.surface[:1].isupper() and t.position > 0:
            return True
        if t.surface.isupper() and len(t.surface) > 1:  # abbreviations: UB, WfbM
            return True
        return t.folded in self.h.nouns

    # -------------------------------------------------------------- ranking
    def _query(self, concepts: list[Concept]) -> wq.Query:
        clauses = []
        for c in concepts:
            if c.weight == 0.0:
                continue
            parts = []
            for alt, w in c.alternatives.items():
                for fname, fb in FIELD_BOOSTS.items():
                    if len(alt) == 1:
                        parts.append(wq.Term(fname, alt[0], boost=fb * w * c.weight))
                    else:
                        parts.append(wq.And([wq.Term(fname, s) for s in alt], boost=fb * w * c.weight))
            clauses.append(wq.Or(parts))
        return wq.Or(clauses) if clauses else wq.NullQuery

    def coverage(self, concepts: list[Concept], unit_index: int, head: bool = False) -> float:
        """Share of the question's information (IDF-weighted concepts) the unit contains;
        with `head`, only what its heading (title or question) names."""
        terms = (self.h.head_terms if head else self.h.unit_terms)[unit_index]
        total = got = 0.0
        for c in concepts:
            if c.weight == 0.0:
                continue
            w = c.weight * self.idf(c.term.stem)
            total += w
            best = 0.0
            if c.topic is not None:
                got += w * (unit_index in c.topic.units)
                continue
            for alt, aw in c.alternatives.items():
                if all(s in terms for s in alt):
                    best = max(best, aw if aw < 1.0 else 1.0)
            got += w * best
        return got / total if total else 0.0

    def search(self, text: str, limit: int = 5) -> SearchResult:
        concepts, corrections = self.concepts(text)
        q = self._query(concepts)
        topics = [c.topic for c in concepts if c.topic is not None]
        if q is wq.NullQuery:
            return SearchResult(text, [], concepts, corrections, [t.name for t in topics])
        results = self._searcher.search(q, limit=max(limit * 4, 20))
        hits = []
        for r in results:
            pos = self.h.unit_pos[r["id"]]
            hits.append(Hit(self.h.units[pos], r.score, self.coverage(concepts, pos),
                            self.coverage(concepts, pos, head=True)))
        if hits:
            top = hits[0].score or 1.0
            for h in hits:
                h.confidence = round(h.coverage * (MIX[0] + MIX[1] * (h.score / top) + MIX[2] * h.head_coverage), 3)
            hits.sort(key=lambda h: (-h.confidence, -h.score))
        top = self.h.unit_pos[hits[0].unit.id] if hits else None
        uncovered = [t.name for t in topics if top not in t.units]
        return SearchResult(text, hits[:limit], concepts, corrections, uncovered)
