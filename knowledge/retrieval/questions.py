"""Question-to-question retrieval: a user's question against the authored questions.

A small in-memory inverted index over the analysed authored questions. A question's score
is BM25 with binary term frequency: the information of every concept it meets (weighted by
the best variant met), normalised by the question's length. A unit scores as its best
question, and that question is remembered for "Ähnliche Fragen".
"""
from __future__ import annotations

import heapq
import re
from collections import defaultdict
from typing import Callable, Collection, NamedTuple

from ..analysis.fold import fold
from ..query import AnalysedQuery, person_positions
from . import Candidate
from .chars import CharIndex, CharQuestionRetriever
from ..analysis.user_sentences import USER_SENTENCE_END


SIMILAR_SHOWN = 3  # authored questions a card shows as "Ähnliche Fragen"
SIMILAR_POOL = 16  # the best ones looked at for them (keywords and parents' spellings are passed over)
MIN_SHOWN_WORDS = 4  # "urlaubsanspruch tn" is a search, not a question to show
# a second question joined to the first ("Hat er Anspruch auf Urlaub, und wer entscheidet, wann er ihn nimmt?"): its
# passage may answer only the first, so as a similar question it promises more than the passage holds (QA 29)
SECOND_QUESTION = re.compile(r",\s+und\s+(?:wer|wen|wem|wie|was|wann|wo|wohin|woher|warum|weshalb|wieso|welche\w*|ob"
                             r"|muss|müssen|darf|dürfen|kann|können|soll|sollen|gilt|gelten|richtet|ist|sind|hat|haben|gibt|wird|werden"
                             r"|zählt|zählen|gehört|gehören|braucht|brauchen|bekommt|bekommen|bleibt|bleiben|reicht|läuft)\b")


def reads_as_question(text: str) -> bool:
    """Whether an authored question is worth showing as a similar question: a question of a few words
    or more, not a keyword search ("urlaub", "fahrtkosten inbeq") written to be found; one sentence,
    not a post that tells its story first ("Mein Sohn ist … . Hat er Urlaub?"); and written as a
    question is written, capitalised and with its question mark. The questions written the way
    parents type ("hat mein sohn in der inbeq urlaub", "wer ersezt das fuer") are there to be found
    and are matched, but not shown as if the assistant wrote that way."""
    text = text.strip()
    return (len(text.split()) >= MIN_SHOWN_WORDS and not USER_SENTENCE_END.search(text)  # "15. März" is no end
            and text[:1].isupper() and text.endswith("?") and not SECOND_QUESTION.search(text))


# A question asked in everyday words, as parents ask (all lower case on a phone, or "mein Sohn"), is shown the
# similar questions of new colleagues before the providers' (jargon: "Leistungsinhalte JC nach § 8 Muster-LV WfbM?")
# and before those asked from a coach's or a provider's own stance ("Unterstütze ich im Jobcoaching …?"; QA 32),
# after the best match, among the few that match nearly as well: a less similar question is never preferred for its
# voice alone
STAFF_STANCE = re.compile(r"\b(?:ich|mir|mich|meine[mnrs]?|wir|uns|unsere[mnrs]?)\b", re.IGNORECASE)
VOICE_WINDOW = 2  # of the best SIMILAR_SHOWN * VOICE_WINDOW shown questions,
VOICE_SHARE = 0.8  # those that match the question nearly as well as the best one are reordered by voice (hand-set)


def asked_in_everyday_words(text: str) -> bool:
    return not any(ch.isupper() for ch in text) or bool(person_positions(text))  # "mein Sohn", "unsere Tochter"


class IndexedQuestion(NamedTuple):
    """An authored question as the query path uses it (a named tuple: an index opens with thousands
    of them, each made in a third of the time a frozen dataclass takes)."""

    unit_pos: int
    text: str
    terms: frozenset[str]
    audience: str = ""
    function_words: tuple[str, ...] = ()  # its folded function words (ranking/function_words.py)
    also: tuple[int, ...] = ()  # positions of other units that answer it as well (calibration)


def asked_terms(questions: list[IndexedQuestion]) -> dict[int, frozenset[str]]:
    """Per unit position: every term its authored questions use."""
    by_unit: dict[int, set[str]] = defaultdict(set)
    for q in questions:
        by_unit[q.unit_pos].update(q.terms)
    return {pos: frozenset(terms) for pos, terms in by_unit.items()}


def question_postings(questions: list[IndexedQuestion]) -> dict[str, list[int]]:
    """Per term: the numbers of the questions that use it, ascending."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(questions):
        for t in q.terms:
            postings[t].append(i)
    return dict(postings)


def asked_texts(questions: list[IndexedQuestion]) -> dict[int, list[str]]:
    """Per unit position: each authored question's terms as one text (the units' `asked` field)."""
    by_unit: dict[int, list[str]] = defaultdict(list)
    for q in questions:
        by_unit[q.unit_pos].append(" ".join(sorted(q.terms)))
    return dict(by_unit)


class QuestionRetriever:
    name = "questions"

    def __init__(self, questions: list[IndexedQuestion], k1: float = 1.2, b: float = 0.5,
                 char_index: Callable[[str, list[str], list[int] | None], CharIndex] | None = None,
                 asked: dict[int, frozenset[str]] | None = None, postings: dict[str, list[int]] | None = None):
        """`char_index(name, texts, groups)` builds (or loads) a character n-gram index, here
        "question_units": of the question texts' centroids by unit. `asked`: `asked_terms(questions)`,
        `postings`: `question_postings(questions)`, when the caller has them already (the index keeps them)."""
        char_index = char_index or _build_char_index
        self.questions = questions
        self._audience: dict[str, str] | None = None  # text -> audience, for `similar`
        self.texts = [q.text for q in questions]
        self.k1, self.b = k1, b
        self.postings: dict[str, list[int]] = postings if postings is not None else question_postings(questions)
        self.by_unit: dict[int, list[int]] = defaultdict(list)
        for i, q in enumerate(questions):
            self.by_unit[q.unit_pos].append(i)
        self.avg_len = (sum(len(q.terms) for q in questions) / len(questions)) if questions else 1.0
        self.norms = [self._norm(q) for q in questions]  # BM25 length normalisation per question
        self.asked = asked_terms(questions) if asked is None else asked
        # per unit, its questions' folded words in sorted order (token_sort_ratio is the plain
        # ratio of these), made when a question first meets the unit as a candidate
        self._sorted_words: dict[int, list[str]] = {}
        self.unit_of = unit_of = [q.unit_pos for q in questions]
        self._texts_descending: dict[int, list[str]] = {}
        self._shown: dict[str, bool] = {}  # reads_as_question per text, made when first asked
        self.chars = CharQuestionRetriever(unit_of, self.texts, char_index("question_units", self.texts, unit_of))

    def _norm(self, q: IndexedQuestion) -> float:
        return (self.k1 + 1) / (1 + self.k1 * (1 - self.b + self.b * len(q.terms) / self.avg_len))

    def coverages(self, query: AnalysedQuery) -> dict[int, float]:
        """Per authored question sharing a stem with the query: the share of the query it covers
        (`query.coverages` of its terms). Read from the postings: each question's stems of the
        query as a bit mask, and the share once per distinct mask (a common stem such as "inbeq"
        is in a thousand questions)."""
        plan = query.plan
        if not plan.total:
            return {}
        masks: dict[int, int] = {}
        for stem, flag in plan.bits.items():
            for i in self.postings.get(stem, ()):
                masks[i] = masks.get(i, 0) | flag
        shares = {mask: plan.share_of_mask(mask) / plan.total for mask in set(masks.values())}
        return {i: shares[masks[i]] for i in sorted(masks)}

    def retrieve(self, query: AnalysedQuery, k: int, coverages: dict[int, float] | None = None) -> list[Candidate]:
        cov = self.coverages(query) if coverages is None else coverages
        norms, unit_of = self.norms, self.unit_of
        best: dict[int, tuple[float, int]] = {}
        for i, c in cov.items():
            s = c * norms[i]
            pos = unit_of[i]
            got = best.get(pos)
            if s > 0 and (got is None or s > got[0]):
                best[pos] = (s, i)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:k]
        return [Candidate(pos, s, self.name, self.texts[i]) for pos, (s, i) in ranked]

    def of_unit(self, unit_pos: int) -> list[IndexedQuestion]:
        return [self.questions[i] for i in self.by_unit.get(unit_pos, ())]

    def indices_of_unit(self, unit_pos: int) -> list[int]:
        return self.by_unit.get(unit_pos, [])

    def best_of_units(self, coverages: dict[int, float], top: int = 3,
                      units: Collection[int] | None = None) -> dict[int, list[tuple[float, str]]]:
        """Per unit with a question that meets the query (of `units` only, when given): its `top`
        questions as (coverage, text), best first (ties: the text later in sort order first, as
        `sorted(reverse=True)`)."""
        covered: dict[int, list[tuple[float, str]]] = defaultdict(list)
        texts, unit_of = self.texts, self.unit_of
        for i, c in coverages.items():
            if c > 0 and (units is None or unit_of[i] in units):
                covered[unit_of[i]].append((c, texts[i]))
        return {pos: heapq.nlargest(top, items) for pos, items in covered.items()}

    def top_questions(self, unit_pos: int, best: list[tuple[float, str]], top: int = 3) -> list[tuple[float, str]]:
        """A unit's `top` questions as (coverage, text): `best` (from `best_of_units`), then those
        the query does not meet, in the same order as `sorted(reverse=True)` would give them."""
        if len(best) >= top:
            return best
        got = self._texts_descending.get(unit_pos)
        if got is None:
            got = self._texts_descending[unit_pos] = sorted((self.texts[i] for i in self.by_unit.get(unit_pos, ())), reverse=True)
        seen = {t for _, t in best}
        return best + [(0.0, t) for t in got if t not in seen][:top - len(best)]

    def similar(self, scored: list[tuple[float, str]], everyday: bool) -> list[str]:
        """The SIMILAR_SHOWN questions a card shows of a unit's best `scored` ones (`shown` only): in score order,
        or, for a question asked in everyday words, the plainer voices first among the best few (`asked_in_everyday_words`)."""
        shown = [(score, t) for score, t in scored if self.shown(t)]
        if not everyday or not shown:
            return [t for _, t in shown[:SIMILAR_SHOWN]]
        window = shown[:SIMILAR_SHOWN * VOICE_WINDOW]
        close = [t for score, t in window[1:] if score >= VOICE_SHARE * window[0][0]]  # the best match stays first
        rest = [t for _, t in shown[1:] if t not in close]
        return ([shown[0][1]] + sorted(close, key=self.voice) + rest)[:SIMILAR_SHOWN]  # stable: score order within a voice

    def voice(self, text: str) -> int:
        """How far an authored question is from everyday words, as a sort key: one for being asked from a
        coach's or a provider's own stance ("Unterstütze ich …?"), one for being a provider's (jargon)."""
        if self._audience is None:
            self._audience = {q.text: q.audience for q in self.questions}
        return bool(STAFF_STANCE.search(text)) + (self._audience.get(text) == "provider")

    def shown(self, text: str) -> bool:
        """`reads_as_question(text)`, remembered: a card's similar questions are picked from the
        same few hundred texts question after question."""
        got = self._shown.get(text)
        if got is None:
            got = self._shown[text] = reads_as_question(text)
        return got

    def sorted_words_of_unit(self, unit_pos: int) -> list[str]:
        got = self._sorted_words.get(unit_pos)
        if got is None:
            got = self._sorted_words[unit_pos] = [sort_words(fold(self.questions[i].text)) for i in self.by_unit.get(unit_pos, ())]
        return got


def _build_char_index(_name: str, texts: list[str], groups: list[int] | None) -> CharIndex:
    return CharIndex(texts, groups)


def sort_words(text: str) -> str:
    """A text's words in sorted order (rapidfuzz's token_sort_ratio compares texts so)."""
    return " ".join(sorted(text.split()))
