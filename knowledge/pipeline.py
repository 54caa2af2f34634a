"""The answer pipeline: query analysis -> retrievers -> fusion -> ranker -> answer evidence.

    question ─▶ QueryAnalyzer ─▶ [BM25F units, questions, character n-grams, …] ─▶ fusion (union by unit)
             ─▶ features ─▶ fitted logistic model (RankingConfig) ─▶ hits with highlight and similar questions

Every retriever implements `retrieval.Retriever`; the ranker sees only candidates and the
unit evidence, so a further retriever joins by being added to `retrievers`. The confidence
of a hit is the ranker's probability that the unit answers the question. Whether to answer at
all is a second fitted model over the ranked list and the question's own evidence (its
likeness to questions the documents do not answer, its words: `question_evidence`): below its
threshold, when the best unit's probability is below the floor set in calibration, or when the
question names an adjacent topic the best unit does not cover, the service abstains (`confident`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis.spelling import SpellCorrector
from .corpus import Unit
from .index import IndexHandle, collector_paused
from .query import AnalysedQuery, QueryAnalyzer, coverages
from .ranking.answer_words import AnswerWords
from .ranking.config import QUESTION_EVIDENCE, RankingConfig
from .ranking.features import Scored, Signals, answerability, answerable_features, featurize, probability
from .ranking.function_words import FunctionWordProfile, function_words
from .ranking.quantities import asks_quantity, holds_quantity
from .retrieval import Retriever
from .retrieval.bm25f import BM25FUnitRetriever
from .retrieval.chars import CharIndex, CharUnitRetriever, top_candidates, unit_text
from .retrieval.sentences import MAX_SENTENCES
from .retrieval.questions import QuestionRetriever, asked_texts
from .analysis.user_sentences import asking_spans, sentence_spans
from .topics import Topic, named, names_in_set


@dataclass
class Hit:
    unit: Unit
    confidence: float
    features: dict[str, float]
    highlight: str = ""
    similar: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.features.get("coverage", 0.0)


@dataclass
class SearchResult:
    query: AnalysedQuery
    hits: list[Hit]
    uncovered: list[str] = field(default_factory=list)  # adjacent topics named, not covered by the top hit
    answerable: float = 0.0  # probability that the corpus answers the question at all
    asked: str = ""  # the question sentence whose answerability counted, for a post with a story before it
    # adjacent topic the question names -> who gives information on it (where the data says); a declined reply names them,
    # also for a topic some passage mentions („Rente“ in a list of exceptions), which is no answer about it
    asks: dict[str, str] = field(default_factory=dict)

    @property
    def confidence(self) -> float:
        return self.hits[0].confidence if self.hits else 0.0

    @property
    def corrections(self) -> dict[str, str]:
        return self.query.corrections


# a question sentence that points back to the story before it: "Zahlt das …", "Wer zahlt sowas?"
REFERS_BACK = re.compile(r"\b(?:das|dies(?:e[mnrs]?)?|sowas|so was|dafür|dafuer|dazu|davon|damit|darauf|darum|es)\b", re.IGNORECASE)


def unnamed_reference(result: "SearchResult") -> str | None:
    """The word a question refers back with when it names nothing else ("Stimmt das?", "Geht
    das?" asked alone): what "das" is, only the person asking knows."""
    if result.query.active:
        return None
    m = REFERS_BACK.search(result.query.text)
    return m.group(0) if m else None


def asking_sentence(text: str) -> str | None:
    """The last sentence ending in a question mark of a text of several sentences, else None."""
    asked = asking_spans(text)
    return text[asked[-1][0]:asked[-1][1]].strip() if asked else None


def sentence_before(text: str) -> str | None:
    """The last question sentence of a post together with the sentence before it; None if there is none before it."""
    spans = sentence_spans(text)
    asked = asking_spans(text)
    if not asked:
        return None
    i = spans.index(asked[-1])
    return text[spans[i - 1][0]:spans[i][1]].strip() if i else None


def document_stems(unit_values: list[dict[str, str]]) -> frozenset[str]:
    """The stems of the units' own fields (heading, question, breadcrumbs, text): words the documents use."""
    return frozenset(stem for v in unit_values for text in v.values() for stem in text.split())


class AnswerPipeline:
    def __init__(self, handle: IndexHandle, config: RankingConfig | None = None,
                 questions: QuestionRetriever | None = None, extra_retrievers: list[Retriever] | None = None,
                 doc_freq: dict[str, int] | None = None, unit_index=None, out_of_scope: CharIndex | None = None,
                 answer_words: AnswerWords | None = None):
        """`questions`, `doc_freq`, `out_of_scope` and `answer_words` default to the index's;
        calibration passes those of a training fold, so held-out questions stay unseen. Units are
        retrieved by in-memory BM25F over the index's field values, or through Whoosh when
        `unit_index` is given."""
        with collector_paused():  # its tables are made once and kept
            self._setup(handle, config, questions, extra_retrievers, doc_freq, unit_index, out_of_scope, answer_words)

    def _setup(self, handle, config, questions, extra_retrievers, doc_freq, unit_index, out_of_scope, answer_words):
        self.h = handle
        self.cfg = config or RankingConfig.load()
        self.doc_freq = doc_freq if doc_freq is not None else handle.doc_freq
        self.analyzer = QueryAnalyzer(handle.analyzer, handle.thesaurus, handle.topics, self.doc_freq,
                                      len(handle.evidence), handle.nouns,
                                      SpellCorrector(handle.vocabulary, handle.known_words, handle.dotless), self.cfg,
                                      handle.regions, document_stems(handle.unit_values))
        self.questions = questions if questions is not None else QuestionRetriever(
            handle.questions, char_index=handle.char_index, asked=handle.asked, postings=handle.question_postings)
        if unit_index is not None:  # a Whoosh index: the same BM25F, through Whoosh's searcher
            from .retrieval.units import WhooshUnitRetriever  # imported only when used: Whoosh's query modules are slow to load

            self.units: Retriever = WhooshUnitRetriever(unit_index, handle.store.position, self.cfg)
        else:
            # the index keeps the postings over its own authored questions; calibration's folds build theirs
            kept = BM25FUnitRetriever.from_data(handle.bm25f, len(handle.unit_values), self.cfg) if questions is None else None
            self.units = kept or BM25FUnitRetriever(handle.unit_values, asked_texts(self.questions.questions), self.cfg)
        # how each unit's authored questions use function words ("wer", "noch", "ohne")
        self.function_words = FunctionWordProfile((q.unit_pos, q.function_words) for q in self.questions.questions)
        # each unit's terms with those of its authored questions, computed once, not per question
        self.all_terms = [ev.terms | self.questions.asked.get(pos, frozenset()) for pos, ev in enumerate(handle.evidence)]
        # per neighbouring programme, the units whose text names it (not their authored questions:
        # a parent's "er war vorher in der Werkstatt" does not make a unit about the Werkstatt)
        self.programme_units = [frozenset(pos for pos, ev in enumerate(handle.evidence) if names_in_set(ev.terms, phrases))
                                for _name, phrases in handle.programmes]
        unit_texts = [unit_text(ev.heading, ev.text) for ev in handle.evidence]
        # the units that state no quantity (a "wie lange / wie viele" question's answer states one)
        self.without_quantity = frozenset(pos for pos, text in enumerate(unit_texts) if not holds_quantity(text))
        self.char_units = CharUnitRetriever(unit_texts, handle.char_index("units", unit_texts))
        self.extra_retrievers: list[Retriever] = list(extra_retrievers or [])
        # questions the documents do not answer: a question much like one of them is likely out of scope
        self.out_of_scope = out_of_scope if out_of_scope is not None else handle.char_index("out_of_scope", handle.out_of_scope)
        self.answer_words = answer_words if answer_words is not None else handle.answer_words

    @property
    def retrievers(self) -> list[Retriever]:
        """Every candidate retriever, in the order their candidates are merged."""
        return [self.units, self.questions, *self.extra_retrievers, self.questions.chars, self.char_units]

    def confident(self, result: "SearchResult") -> bool:
        """Whether the best hit is offered as the answer: the question is answerable, the best
        unit likely enough, and no adjacent topic named that the best unit does not cover."""
        return (bool(result.hits) and result.answerable >= self.cfg.threshold_for(result.hits[0].features)
                and result.confidence >= self.cfg.min_probability and not result.uncovered
                and any(not c.term.folded.isdigit() for c in result.query.active))  # "Was ist 2+2?" names no topic

    def near(self, result: "SearchResult") -> bool:
        """Whether the question has a nearest passage worth offering, answerable or not: the best
        hit is likely enough (`min_probability`), or the question names the documents' own field
        ("Welchen Preis pro Platz zahlt die Agentur für die InbeQ?"). "Was kostet ein Flug nach
        Mallorca?" has none."""
        return bool(result.hits) and (result.confidence >= self.cfg.min_probability
                                      or named([c.term.stem for c in result.query.concepts], self.h.field))

    def close(self) -> None:
        self.units.close()

    def known(self, stem: str) -> bool:
        return stem in self.doc_freq

    def score(self, query: AnalysedQuery) -> list[Scored]:
        """Candidates of every retriever, with features and probability, best first."""
        k = self.cfg.candidates
        # scores that serve as features for every candidate are computed once here; the
        # question and character retrievers' best units join the candidates
        if not query.parts:
            asked = asking_spans(query.text)
            if len(asked) > 1:  # "Wer lädt ein? Bis wann?": one sentence for each in the short answer (at most three shown)
                query.parts = [self.analyzer.analyse(query.text[a:b]) for a, b in asked[:MAX_SENTENCES]]
        signals = Signals(self.questions.coverages(query), self.questions.chars.unit_scores(query.text),
                          self.char_units.unit_scores(query.text))
        candidates = self.units.retrieve(query, k) + self.questions.retrieve(query, k, signals.question_coverage)
        candidates += [c for r in self.extra_retrievers for c in r.retrieve(query, k)]
        candidates += top_candidates("char_questions", signals.centroid, k)
        candidates += top_candidates("char_units", signals.char_unit, k)
        signals.programmes = self.programmes_named(query)
        if asks_quantity(query.text):
            signals.quantity_missing = self.without_quantity
        signals.function_words = self.function_words.scores(function_words(query.text), {c.unit_pos for c in candidates},
                                                             self.cfg.function_word_smoothing)
        scored = featurize(query, candidates, self.h.evidence, self.questions, self.known, self.all_terms, signals)
        for s in scored:
            s.probability = probability(s.features, self.cfg)
        scored.sort(key=lambda s: (-s.probability, s.unit_pos))
        return scored

    def programmes_named(self, query: AnalysedQuery) -> list[frozenset[int]]:
        """The units naming each neighbouring programme the question names, unless it names the field too
        ("war in der Werkstatt, jetzt in der InbeQ" asks about the InbeQ)."""
        stems = [c.term.stem for c in query.concepts]
        if not self.programme_units or named(stems, self.h.field):
            return []
        return [units for units, (_name, phrases) in zip(self.programme_units, self.h.programmes) if named(stems, phrases)]

    def out_of_scope_similarity(self, text: str) -> float:
        """Character similarity of a question to the most similar out-of-scope question."""
        return max(self.out_of_scope.similarities(text).values(), default=0.0)

    def question_evidence(self, query: AnalysedQuery, scored: list[Scored]) -> dict[str, float]:
        """What the answerability model sees of the question itself (`config.QUESTION_EVIDENCE`):
        its similarity to the closest out-of-scope question, and its words' evidence for and
        against being answered. When the question names adjacent topics and the best unit is
        about all of them (its heading names them: a provider's document on the Budget für
        Arbeit), neither counts (0): the out-of-scope questions on such a topic are out of scope
        because no document covered it."""
        if scored and query.topics and all(self.about(scored[0].unit_pos, t) for t in query.topics):
            return dict.fromkeys(QUESTION_EVIDENCE, 0.0)
        # each concept by its term, then the variants weighted at least as a synonym (synonyms, root,
        # all parts together), not a single part of a compound ("Bildung" of "Berufsbildungsbereich");
        # every concept, also one the ranking leaves out ("Sohn" in "hat mein Sohn Urlaub")
        concepts = [[a for i, (a, w) in enumerate(c.alternatives.items()) if i == 0 or w >= self.cfg.synonym_weight]
                    for c in query.concepts]
        # a word the best unit's title names is a topic the documents have a section on ("Urlaub":
        # 12. Frage, Urlaubsanspruch): out-of-scope questions that use it too ("Urlaub in der
        # Werkstatt") are told apart by their other words, so it does not count against answering
        # (its title: an FAQ's question is the asker's whole story, "im Rahmen eines Persönlichen Budgets")
        title = frozenset(self.h.unit_values[scored[0].unit_pos]["title"].split()) if scored else frozenset()
        headed = frozenset(i for i, c in enumerate(query.concepts) if c.term.stem in title)
        mean, lowest = self.answer_words.concept_evidence(concepts, self.cfg.answer_word_smoothing,
                                                          self.cfg.answer_word_backoff, headed)
        return {"out_of_scope_similarity": self.out_of_scope_similarity(query.text),
                "answer_words_mean": mean, "answer_words_min": lowest}

    def coverages(self, result: SearchResult, passages: list[str]) -> list[float]:
        """How much of a searched question's own words each passage covers (their share of the
        question's information, 0 to 1). Words an idiom added count not: "bis wann … anmelden"
        adds "spätestens", which would favour any deadline that says "spätestens" over the one
        for registering."""
        query = result.query
        own = [c for c in query.concepts if not c.idiom]
        if len(own) < len(query.concepts) and any(c.weight > 0 for c in own):
            query = AnalysedQuery(query.text, own, query.corrections)
        return coverages(query, [frozenset(self.h.analyzer.index_text(p).split()) for p in passages])

    def about(self, unit_pos: int, topic: Topic) -> bool:
        """Whether a unit's heading (title or question) names a topic."""
        head = self.h.evidence[unit_pos].head
        return unit_pos in topic.units and any(head.issuperset(phrase) for phrase in topic.phrases)

    def search(self, text: str, limit: int = 5) -> SearchResult:
        """The ranked hits and the answerability of a question. A post that tells its story before
        it asks ("Meine Tochter macht seit einem halben Jahr die InbeQ in einem Altenheim. Die
        Kollegen fahren im Sommer alle weg. Hat sie Anspruch auf Urlaub?") has words no unit
        covers, which lower its answerability. When the whole is declined but more likely
        answerable than not (`asked_sentence_floor`), names the documents' own field (InbeQ, UB,
        Jobcoaching: `field` of adjacent_topics.yaml; a story about the Werkstatt's Arbeitsbereich
        asks about another programme) and no adjacent topic (one told in its story only counts
        when the question points back to the story: "… braucht eine stationäre Reha. Zahlt das die
        Rentenversicherung?" asks about the Reha), and its last question sentence alone, or else
        with the sentence before it (whose noun a pronoun may stand for: "Der Träger redet von der
        Stabilisierungsphase. Ab wann fängt die an?"), is answered by the same unit, that
        answerability counts (`asked`)."""
        result = self._search(text, limit)
        if (self.confident(result) or not result.hits or result.query.topics
                or result.answerable < self.cfg.asked_sentence_floor
                or not named([c.term.stem for c in result.query.concepts], self.h.field)):
            return result
        asked = asking_sentence(text)
        if asked is None or (result.query.background and REFERS_BACK.search(asked)):
            return result
        # the question sentence alone; else with the sentence before it, which a pronoun may refer to
        # ("Der Träger redet ständig von der Stabilisierungsphase. Ab wann fängt die an?")
        for core in (asked, sentence_before(text)):
            if not core:
                continue
            alone = self._search(core, limit)
            if self.confident(alone) and alone.hits[0].unit.id == result.hits[0].unit.id:
                result.answerable = alone.answerable
                result.hits[0].confidence = max(result.hits[0].confidence, alone.hits[0].confidence)
                result.asked = core
                break
        return result

    def _search(self, text: str, limit: int) -> SearchResult:
        query = self.analyzer.analyse(text)
        scored = self.score(query)
        hits = [Hit(self.h.store.unit_at(s.unit_pos), round(s.probability, 3), s.features,
                    s.highlight.text if s.highlight else "", s.similar) for s in scored[:limit]]
        top = scored[0].unit_pos if scored else None
        missing = [t for t in query.topics if top not in t.units]
        question = answerable_features(scored, self.question_evidence(query, scored))
        return SearchResult(query, hits, [t.name for t in missing], round(answerability(question, self.cfg), 3),
                            asks={t.name: t.ask for t in query.topics if t.ask})

    def contacts_named(self, query: AnalysedQuery) -> dict[str, str]:
        """The subjects of adjacent_topics.yaml's "contacts" a question names -> whom to ask; asked only for a
        declined question, which names them."""
        stems = [c.term.stem for c in query.concepts]
        return {name: ask for name, ask, phrases in self.h.contacts if named(stems, phrases)}
