"""Character n-gram similarity: TF-IDF vectors of the letter n-grams of a text's content words.

Parents write "unterstuetzte beschaeftigung", "sozialversichert" where a document says
"Sozialversicherung", and make typos; words that share most of their letter n-grams still
meet here when stems and lemmas do not. Each text becomes a sparse vector of the n-grams of
its folded, non-stop words ("^wor", "wort", "ort$" …), weighted by sublinear tf and the
n-gram's idf over the indexed texts, and normalised; the similarity of two texts is the
cosine of their vectors. An inverted index keeps a query cheap: only texts sharing an
n-gram are touched.

An index may also hold the centroids of groups of texts (`groups`): each group's vector is
the normalised sum of its texts' vectors, so a unit's authored questions become one profile
of how the unit is asked about, and a question is compared with the profile as a whole.
"""
from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain

from ..analysis.fold import fold
from ..analysis.stopwords import is_stopword
from ..analysis.tokenize import tokenize
from ..query import AnalysedQuery
from . import Candidate

NGRAM_SIZES = (3, 4, 5)
FORMAT = 8  # of `to_data`; part of the index version, so a change here rebuilds old indexes
MAX_DF = 0.2  # share of the texts above which an n-gram is ignored (CV, 0.5 vs 0.2: hit@1 0.656 vs 0.652, abstention 0.918 vs 0.925; 0.2 is quicker)
# longest posting list kept: an n-gram's texts with the highest weights (an impact-ordered
# index). The texts dropped are those in which the n-gram counts least, and a question's time
# stays bounded in a large corpus; of the built-in indexes only the authored questions' reach
# it, for two very common n-grams (calibration sees the same cut)
MAX_POSTING = 1000
# words whose sums over the indexed texts an index remembers (`CharIndex._word_sums`): a word's sums are
# at most one number per indexed text, a few kilobytes for the out-of-scope questions' index
WORD_CACHE = 2048


_log = lru_cache(maxsize=1024)(math.log)


def ngrams(text: str) -> Counter[str]:
    return Counter(chain.from_iterable(_token_grams(text)))


def _token_grams(text: str) -> list[tuple[str, ...]]:
    """The n-grams of each of a text's tokens (none for a stop word)."""
    return [_word_grams(tok.text) for tok in tokenize(text)]


@lru_cache(maxsize=65536)
def _word_grams(word: str) -> tuple[str, ...]:
    w = fold(word)
    if is_stopword(w) or len(w) < 2:
        return ()
    padded = f"^{w}$"
    return tuple(padded[i:i + n] for n in NGRAM_SIZES for i in range(max(len(padded) - n + 1, 1)))


@lru_cache(maxsize=8)
def _text_plan(text: str) -> tuple[Counter[str], tuple[tuple[str, ...], ...], tuple[tuple[str, float], ...]]:
    """A text's n-gram counts, the n-grams of its distinct words (words of one folded spelling
    count once: "Übergang", "uebergang"), and the n-grams whose weight 1 + log tf differs from the
    number of those words holding them, with the difference. The same for every index, so the
    three character indexes a question meets read it once."""
    per_token = _token_grams(text)
    counts = Counter(chain.from_iterable(per_token))
    words = tuple(dict.fromkeys(g for g in per_token if g))
    held: Counter[str] = Counter()
    for grams in words:
        held.update(set(grams))
    extra = tuple((g, d) for g, tf in counts.items() if (d := 1.0 + _log(tf) - held[g]))
    return counts, words, extra


def unit_text(heading: str, text: str) -> str:
    """What the unit character index holds of a unit."""
    return f"{heading}\n{text}"


class CharIndex:
    """Cosine similarity of a query to every indexed text, over character n-grams."""

    def __init__(self, texts: list[str], groups: list[int] | None = None):
        """An index of `texts`; with `groups` (a group number per text), of the groups' centroids:
        similarities are then reported per group. The n-grams' idf is always the texts'."""
        counts = [ngrams(t) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n = max(len(texts), 1)
        # an n-gram in more than MAX_DF of the texts tells them apart hardly at all: weight 0, no posting
        # (one in a single text always counts, so a small index of a few texts still works)
        idf = {g: (math.log((1 + n) / (1 + d)) + 1.0) if d <= max(MAX_DF * n, 1) else 0.0 for g, d in df.items()}
        self.default_idf = math.log(1 + n) + 1.0
        self.slots = dict(zip(idf, range(len(idf))))
        self.idf_values = list(idf.values())
        # the number of indexed texts (or groups: the highest group number + 1)
        self.size = len(texts) if groups is None else (max(groups) + 1 if groups else 0)
        ids: dict[str, list[int]] = defaultdict(list)
        weights: dict[str, list[float]] = defaultdict(list)
        vectors = [self._vector(c) for c in counts]
        for i, vec in (enumerate(vectors) if groups is None else centroids(vectors, groups)):
            for g, w in vec.items():
                ids[g].append(i)
                weights[g].append(w)
        for g, ws in weights.items():
            if len(ws) > MAX_POSTING:
                keep = sorted(heapq.nlargest(MAX_POSTING, range(len(ws)), key=ws.__getitem__))
                ids[g] = [ids[g][k] for k in keep]
                weights[g] = [ws[k] for k in keep]
        # kept as a few packed arrays: n-gram -> slot, per slot its idf and where its postings
        # start in one array of text numbers and one of weights. Loading the index then makes one
        # dictionary and a handful of arrays instead of two objects per n-gram (3 ms instead of
        # 15 for the authored questions' index)
        starts, packed_ids, packed_weights = [0], array("i"), array("d")
        for g in self.slots:
            if g in ids:
                packed_ids.extend(ids[g])
                packed_weights.extend(weights[g])
            starts.append(len(packed_ids))
        self.starts = starts
        self.ids, self.weights = packed_ids.tobytes(), packed_weights.tobytes()
        self._decoded: dict[int, tuple[list[int], list[float]]] = {}
        self._words: dict[tuple[str, ...], tuple[tuple[int, float], ...]] = {}

    def to_data(self) -> tuple:
        """Plain values (for `marshal`): the index kept beside the search index loads in milliseconds."""
        return (FORMAT, self.default_idf, self.size, "\0".join(self.slots), array("d", self.idf_values).tobytes(),
                array("i", self.starts).tobytes(), self.ids, self.weights)

    @classmethod
    def from_data(cls, data: tuple) -> "CharIndex":
        version, default_idf, size, grams, idf, starts, ids, weights = data
        if not (version == FORMAT and isinstance(default_idf, float) and isinstance(size, int) and isinstance(grams, str)
                and all(isinstance(b, bytes) for b in (idf, starts, ids, weights))):
            raise ValueError("not a character index of this version")
        index = cls.__new__(cls)
        index.default_idf, index.size = default_idf, size
        names = grams.split("\0") if grams else []
        index.slots = dict(zip(names, range(len(names))))
        index.idf_values = array("d", idf).tolist()
        index.starts = array("i", starts).tolist()
        if not (len(index.idf_values) == len(names) and len(index.starts) == len(names) + 1
                and len(ids) == 4 * index.starts[-1] and len(weights) == 8 * index.starts[-1]):
            raise ValueError("a damaged character index")
        index.ids, index.weights = ids, weights
        index._decoded = {}
        index._words = {}
        return index

    def _weights(self, counts: Counter[str]) -> dict[str, float]:
        """TF-IDF weights with sublinear term frequency (1 + log tf); n-grams of weight 0 left out."""
        slots, values, default = self.slots.get, self.idf_values, self.default_idf
        vec = {}
        for g, tf in counts.items():
            slot = slots(g)
            w = default if slot is None else values[slot]
            if w:
                vec[g] = (1.0 + _log(tf)) * w
        return vec

    @staticmethod
    def _norm(weights: dict[str, float]) -> float:
        return math.sqrt(math.fsum(v * v for v in weights.values())) or 1.0

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        """Unit-length TF-IDF vector (`_weights`)."""
        vec = self._weights(counts)
        norm = self._norm(vec)
        return {g: v / norm for g, v in vec.items()}

    def _posting(self, gram: str) -> tuple[list[int], list[float]] | None:
        """An n-gram's text numbers and weights, unpacked on first use and kept as lists (a list
        is iterated faster than an array, which boxes every number anew)."""
        slot = self.slots.get(gram)
        if slot is None:
            return None
        got = self._decoded.get(slot)
        if got is None:
            a, b = self.starts[slot], self.starts[slot + 1]
            if a == b:
                return None
            got = self._decoded[slot] = (array("i", self.ids[4 * a:4 * b]).tolist(),
                                         array("d", self.weights[8 * a:8 * b]).tolist())
        return got

    def vector(self, text: str) -> dict[str, float]:
        """A text's vector under this index's weights (indexes of the same texts share it)."""
        return self._vector(ngrams(text))

    def similarities(self, text: str | dict[str, float]) -> dict[int, float]:
        """Cosine similarity to every indexed text (or group) that shares an n-gram with `text`
        (a text, or its `vector`).

        For a text, the sum runs over its words: each distinct word's n-grams, weighted by their
        idf, summed per indexed text once and remembered (`_word_sums`: "inbeq", "sohn" recur
        from question to question), then corrected for the n-grams the words share or repeat
        (whose weight is 1 + log tf, not the number of words holding them). The result is the
        cosine of `vector(text)` with each indexed vector, up to rounding."""
        if not isinstance(text, str):
            return self._dot(text)
        counts, words, extra = _text_plan(text)
        if not words:
            return {}
        slots, values = self.slots.get, self.idf_values
        sums = [0.0] * self.size
        for grams in words:
            for i, v in self._word_sums(grams):
                sums[i] += v
        for g, times in extra:
            posting = self._posting(g)
            if posting is not None:
                w = times * values[slots(g)]
                for i, v in zip(*posting):
                    sums[i] += w * v
        norm = self._norm(self._weights(counts))
        return {i: x / norm for i, x in enumerate(sums) if x}

    def _word_sums(self, grams: tuple[str, ...]) -> tuple[tuple[int, float], ...]:
        """Per indexed text sharing an n-gram with a word (its `grams`): the sum of idf x weight over the
        word's distinct n-grams. Remembered for up to WORD_CACHE words."""
        got = self._words.get(grams)
        if got is not None:
            return got
        sums = [0.0] * self.size
        for g in dict.fromkeys(grams):
            posting = self._posting(g)
            if posting is not None:
                w = self.idf_values[self.slots[g]]
                if w:
                    for i, v in zip(*posting):
                        sums[i] += w * v
        got = tuple((i, x) for i, x in enumerate(sums) if x)
        if len(self._words) >= WORD_CACHE:
            # full: start afresh (plain dictionary steps, safe while the web app's threads ask at once)
            self._words.clear()
        self._words[grams] = got
        return got

    def _dot(self, vector: dict[str, float]) -> dict[int, float]:
        sums = [0.0] * self.size  # a list, not a dict: the sums are added up a third faster
        for g, w in vector.items():
            posting = self._posting(g)
            if posting is not None:
                for i, v in zip(*posting):
                    sums[i] += w * v
        return {i: x for i, x in enumerate(sums) if x}


def centroids(vectors: list[dict[str, float]], groups: list[int]) -> list[tuple[int, dict[str, float]]]:
    """(group, unit-length sum of its members' vectors) for every group, in group order."""
    sums: dict[int, dict[str, float]] = {}
    for vec, group in zip(vectors, groups):
        total = sums.setdefault(group, defaultdict(float))
        for g, w in vec.items():
            total[g] += w
    out = []
    for group in sorted(sums):
        total = sums[group]
        norm = math.sqrt(math.fsum(v * v for v in total.values())) or 1.0
        out.append((group, {g: v / norm for g, v in total.items()}))
    return out


class CharQuestionRetriever:
    """Units by the character similarity of the question to the centroid of their authored
    questions (`index`: the questions' character index grouped by unit).

    Compared with the questions one by one (the best and the mean of the three best), the
    centroid ranked better in cross-validation (ranker top-1 0.696 with both, 0.702 with the
    centroid alone) and touches a fifth of the postings."""

    name = "char_questions"

    def __init__(self, unit_of: list[int], texts: list[str], index: CharIndex | None = None):
        self.index = index if index is not None else CharIndex(texts, unit_of)

    def unit_scores(self, text: str) -> dict[int, float]:
        """Per unit: the similarity to the centroid of its authored questions."""
        return self.index.similarities(text)

    def retrieve(self, query: AnalysedQuery, k: int) -> list[Candidate]:
        return top_candidates(self.name, self.unit_scores(query.text), k)


class CharUnitRetriever:
    """Units by the character similarity of the question to their heading and text."""

    name = "char_units"

    def __init__(self, texts: list[str], index: CharIndex | None = None):
        self.index = index if index is not None else CharIndex(texts)

    def unit_scores(self, text: str) -> dict[int, float]:
        return self.index.similarities(text)

    def retrieve(self, query: AnalysedQuery, k: int) -> list[Candidate]:
        return top_candidates(self.name, self.unit_scores(query.text), k)


def top_candidates(name: str, scores: dict[int, float], k: int) -> list[Candidate]:
    ranked = heapq.nsmallest(k, scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Candidate(pos, s, name) for pos, s in ranked if s > 0]
