"""Named features of a (question, candidate unit) pair; see `config.FEATURES` for their meaning."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz, process

from ..analysis.fold import fold
from ..query import AnalysedQuery, coverage
from ..retrieval import Candidate
from ..retrieval.questions import SIMILAR_POOL, QuestionRetriever, asked_in_everyday_words, sort_words
from ..retrieval.sentences import Highlight, best_sentences, sentence_weights
from .config import FEATURES, GAP_FEATURES, QUESTION_EVIDENCE, RankingConfig


@dataclass
class UnitEvidence:
    """What the ranker knows of one unit (from the index)."""

    terms: frozenset[str]
    head: frozenset[str]
    text: str
    heading: str  # the unit's question, or its title
    spans: list[tuple[int, int]]
    sentence_terms: list[frozenset[str]]

    @cached_property
    def weights(self) -> tuple[float, ...]:
        """Per sentence, how much it counts in choosing the short answer (`sentence_weights`): found once, when the
        unit is first a candidate."""
        return sentence_weights(self.text, self.spans)


@dataclass
class Signals:
    """Per-question scores computed once and shared by all candidates' features."""

    question_coverage: dict[int, float]  # authored question index -> share of the query it covers
    centroid: dict[int, float]  # unit -> character similarity to the centroid of its authored questions
    char_unit: dict[int, float]  # unit -> character similarity of its heading and text
    function_words: dict[int, float] = field(default_factory=dict)  # candidate unit -> function-word score
    programmes: list[frozenset[int]] = field(default_factory=list)  # per neighbouring programme the question names: the units naming it
    quantity_missing: frozenset[int] = frozenset()  # the question asks for a quantity: the units stating none


@dataclass
class Scored:
    unit_pos: int
    features: dict[str, float]
    probability: float = 0.0
    highlight: Highlight | None = None
    similar: list[str] = field(default_factory=list)


def featurize(query: AnalysedQuery, candidates: list[Candidate], evidence: list[UnitEvidence],
              questions: QuestionRetriever, known, all_terms: list[frozenset[str]], signals: Signals) -> list[Scored]:
    """Features for every candidate unit (candidates of all retrievers, merged by unit).

    `known(stem)` says whether the corpus (units or authored questions) uses a stem; `all_terms`
    holds, per unit, its text's terms together with those of its authored questions."""
    char_unit, qcov = signals.char_unit, signals.question_coverage
    by_unit: dict[int, dict[str, Candidate]] = {}
    for c in candidates:
        by_unit.setdefault(c.unit_pos, {}).setdefault(c.retriever, c)
    best_bm25 = max((c.score for c in candidates if c.retriever == "units"), default=0.0) or 1.0
    best_q = max((c.score for c in candidates if c.retriever == "questions"), default=0.0) or 1.0
    info = query.info or 1.0
    known_info = sum(c.info for c in query.concepts if c.weight > 0 and any(
        all(known(s) for s in alt) for alt in c.alternatives))
    unknown = max(0.0, 1.0 - known_info / info) if query.concepts else 1.0
    unknown_noun = sum(c.info for c in query.concepts if c.weight > 0 and c.noun and not any(
        all(known(s) for s in alt) for alt in c.alternatives)) / info
    named_topics = query.topics
    folded_query = fold(query.text)
    sorted_query = sort_words(folded_query)
    everyday = asked_in_everyday_words(query.text)
    best_questions = questions.best_of_units(qcov, SIMILAR_POOL, by_unit.keys())
    out = []
    for pos, found in by_unit.items():
        ev = evidence[pos]
        hit = lambda t, pos=pos: pos in t.units  # noqa: E731
        unit_cov = coverage(query, ev.terms, topic_hit=hit)
        qs = questions.indices_of_unit(pos)
        # a unit with fewer than MIN_OWN_QUESTIONS authored questions (a provider's, with a few of its own) is ranked as
        # one without: a few questions make no centroid the ranker of the others knows (QA 40: 11 of 22 answered)
        enough = len(qs) >= MIN_OWN_QUESTIONS
        qmatch, fz, similar = 0.0, 0.0, []
        if qs:
            # coverage without topic_hit: an authored question never names an adjacent topic
            scored = questions.top_questions(pos, best_questions.get(pos, []), SIMILAR_POOL)
            similar = questions.similar(scored, everyday)
        if enough:
            qmatch = scored[0][0]
            fz = process.extractOne(sorted_query, questions.sorted_words_of_unit(pos), scorer=fuzz.ratio)[1] / 100.0
        else:
            # a unit without authored questions (a provider's document): its heading stands in
            qmatch = coverage(query, ev.head, topic_hit=hit)
            fz = fuzz.token_sort_ratio(folded_query, fold(ev.heading)) / 100.0
        # a unit without authored questions: its heading and text stand in for them
        centroid = signals.centroid.get(pos, 0.0) if enough else char_unit.get(pos, 0.0)
        hl = best_sentences(query, ev.text, ev.spans, ev.sentence_terms, ev.weights)
        u = found.get("units")
        qc = found.get("questions")
        f = {
            "bm25_rel": (u.score / best_bm25) if u else 0.0,
            "bm25_q": math.log1p(u.score / info) if u else 0.0,
            "coverage": unit_cov,
            "coverage_all": (cov_all := coverage(query, all_terms[pos], topic_hit=hit)),
            "coverage_all_sq": cov_all * cov_all,
            "noun_coverage": coverage(query, ev.terms, nouns_only=True, topic_hit=hit),
            "head": coverage(query, ev.head, topic_hit=hit),
            "qmatch": qmatch,
            # a unit without authored questions competes with its own lexical relevance
            "qmatch_rel": ((qc.score / best_q) if qc else 0.0) if enough else ((u.score / best_bm25) if u else 0.0),
            "fuzzy": fz,
            "sentence": hl.score,
            "char_centroid": centroid,
            "char_unit": char_unit.get(pos, 0.0),
            "function_words": signals.function_words.get(pos, 0.0),
            "unknown": unknown,
            "unknown_noun": unknown_noun,
            "scope_miss": float(any(pos not in t.units for t in named_topics)),
            "programme_miss": float(any(pos not in units for units in signals.programmes)),
            "quantity_miss": float(pos in signals.quantity_missing),
            "no_questions": float(not enough),
        }
        out.append(Scored(pos, f, highlight=hl, similar=similar))
    # how far each candidate stays behind the best candidate on the main signals (0 for the best)
    for name in GAP_FEATURES:
        best = max((s.features[name] for s in out), default=0.0)
        for s in out:
            s.features[f"{name}_gap"] = s.features[name] - best
    return out


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


# the authored questions a unit needs to be ranked by them (ours have 46 or more; a provider's may have a few)
MIN_OWN_QUESTIONS = 5


def probability(features: dict[str, float], cfg: RankingConfig) -> float:
    """The ranker: probability that the candidate unit answers the question, by the model of units with authored
    questions or, for a unit without (a provider's), by theirs (tools/calibrate.py, `fit`)."""
    if features.get("no_questions") and cfg.weights_no_questions:
        return _logistic(cfg.bias_no_questions + sum(cfg.weights_no_questions.get(k, 0.0) * v for k, v in features.items()))
    return _logistic(cfg.bias + sum(cfg.weights.get(k, 0.0) * v for k, v in features.items()))


def answerable_features(scored: list[Scored], evidence: dict[str, float] | None = None) -> dict[str, float]:
    """Question-level features (`config.ANSWERABLE_FEATURES`) of candidates ranked best first;
    `evidence`: the question's own (`config.QUESTION_EVIDENCE`: its similarity to the most
    similar out-of-scope question, its words' evidence), 0 where not given."""
    if not scored:
        return {}
    top = scored[0]
    f = {name: (evidence or {}).get(name, 0.0) for name in QUESTION_EVIDENCE}
    f.update({"top_probability": top.probability,
              "margin": top.probability - (scored[1].probability if len(scored) > 1 else 0.0),
              "log_candidates": math.log(len(scored)),
              "authored_over_out_of_scope": max(s.features["char_centroid"] for s in scored) - f["out_of_scope_similarity"]})
    maxima = map(max, zip(*([s.features[name] for name in FEATURES] for s in scored)))
    for name, best in zip(FEATURES, maxima):
        f[f"top_{name}"] = top.features[name]
        f[f"max_{name}"] = best
    return f


def answerability(features: dict[str, float], cfg: RankingConfig) -> float:
    """Probability that the corpus answers the question at all (0 without candidates)."""
    if not features:
        return 0.0
    return _logistic(cfg.answerable_bias + sum(cfg.answerable_weights.get(k, 0.0) * v for k, v in features.items()))
