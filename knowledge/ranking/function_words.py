"""Function words: what a question is after, beyond its content words.

Analysis drops function words (the stop words: "wer", "wann", "noch", "ohne", "darf",
"während") from matching, yet they carry part of the question: "gilt das noch" asks whether
a rule is still in force, "ohne" whether one service goes without the other, "darf" for a
permission, "ab wann" for a date. A unit's authored questions show which of them people use
when they ask about it.

The score of a unit is the mean, over the question's function words, of the log ratio of the
word's probability among the unit's authored questions (smoothed toward the background) to
its probability among all authored questions: a multinomial naive Bayes over function words
only. A word no authored question uses, and a unit without authored questions, score 0.

Chosen in cross-validation on the authored questions (tools/calibrate.py, 5 folds, the profile
built from the training folds only): as a ranker feature with its gap to the best candidate,
hit@1 0.642 -> 0.655 and abstention 0.913 -> 0.913 at smoothing 5 (2: 0.651, 10: 0.652); a
linear SVM over the same words came out the same (0.655), one over all words no better
(0.655), and naive Bayes over the content words did not help.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..analysis.fold import fold
from ..analysis.stopwords import is_stopword
from ..analysis.tokenize import tokenize


def function_words(text: str) -> tuple[str, ...]:
    """The folded function words of a text, in order, repeats kept."""
    return tuple(w for w in (fold(t.text) for t in tokenize(text)) if is_stopword(w))


class FunctionWordProfile:
    """Per unit, the counts of the function words of its authored questions."""

    def __init__(self, questions: Iterable[tuple[int, Iterable[str]]]):
        """`questions`: (unit position, function words) of every authored question."""
        by_unit: dict[int, list[str]] = defaultdict(list)
        for unit, words in questions:
            by_unit[unit].extend(words)
        self.counts: dict[int, Counter[str]] = {unit: Counter(words) for unit, words in by_unit.items()}
        self.background: Counter[str] = Counter()
        for counts in self.counts.values():
            self.background.update(counts)
        self.totals = {unit: sum(c.values()) for unit, c in self.counts.items()}
        self.total = sum(self.background.values())

    def scores(self, words: Iterable[str], units: Iterable[int], smoothing: float) -> dict[int, float]:
        """Per unit: the mean log-likelihood ratio of the question's known function words."""
        total = self.total
        known = [(w, self.background[w] / total) for w in words if w in self.background] if total else []
        out = {}
        for unit in units:
            counts = self.counts.get(unit)
            if not counts or not known:
                out[unit] = 0.0
                continue
            n = self.totals[unit] + smoothing
            out[unit] = math.fsum(math.log((counts[w] + smoothing * p) / n / p) for w, p in known) / len(known)
        return out
