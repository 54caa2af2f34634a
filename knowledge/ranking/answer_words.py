"""Words of the questions the documents answer, and of those they do not.

The documents answer their authored questions (corpus/questions) and what their units say; they
do not answer the questions of corpus/out_of_scope.yaml ("Pflegegeld", "Werkstattlohn", "Rente",
the weather). Every content word counts the texts of either side it occurs in. A question's
evidence is the log ratio of each word's share of answered texts to its share of unanswered
ones: their mean over the question's words (a word neither side uses counts 0), and the lowest
single one (a word only unanswered questions use). Each share is smoothed toward the word's
share of all texts, with the weight of `smoothing` texts, so a word met a few times on one side
only is mild evidence (add-one smoothing made "sozialversichert", in 1 of 6 175 answered texts
and no unanswered one, count against). Both are features of the answerability model: a naive
Bayes classifier over words, built from counts, so the index build and every calibration fold
make their own.

Chosen in cross-validation (tools/calibrate.py, 5 folds, the counts from the training folds): as
two answerability features, hit@1 0.655 -> 0.693 at abstention 0.913 -> 0.915 (with the sum
instead of the mean; smoothing 500; 100: 0.693 / 0.910, 2 000: 0.689 / 0.917; add-0.5 smoothing:
0.690 / 0.916). The sum grew with the length of a question: on 238 questions in the style of a
public forum post (2-4 sentences of background, then the question; written from the units'
texts, never trained on) and 60 such posts about neighbouring programmes, the mean declined
0.933 of the posts instead of 0.817 and answered 0.866 of the parents' posts instead of 0.891
(CV 0.682 instead of 0.692); with 60 more such posts among the out-of-scope questions, 0.967 and
0.857 (kept: CV 0.690 / 0.910 with all 120). With the stop words counted too it came out the
same (0.694 / 0.913, add-0.5), but they mostly measure how the two sets of questions were
written ("wie" opens a quarter of the out-of-scope questions), so they are left out. A linear
SVM over all words did about as well (0.699 / 0.917), one over words and character n-grams no
better (0.701 / 0.914).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from ..analysis.fold import fold
from ..analysis.stopwords import is_stopword
from ..analysis.tokenize import tokenize


def words(text: str) -> frozenset[str]:
    """The folded content words of a text (of two letters or more, no stop words), each once."""
    return frozenset(w for w in (fold(t.text) for t in tokenize(text)) if len(w) > 1 and not is_stopword(w))


class AnswerWords:
    """Per word: in how many answered and how many unanswered texts it occurs."""

    def __init__(self, answered: Counter[str], unanswered: Counter[str], n_answered: int, n_unanswered: int):
        self.answered, self.unanswered = answered, unanswered
        self.n_answered, self.n_unanswered = n_answered, n_unanswered

    @classmethod
    def from_texts(cls, answered: Iterable[str], unanswered: Iterable[str]) -> "AnswerWords":
        yes, no = Counter(), Counter()
        n_yes = n_no = 0
        for text in answered:
            yes.update(words(text))
            n_yes += 1
        for text in unanswered:
            no.update(words(text))
            n_no += 1
        return cls(yes, no, n_yes, n_no)

    def to_data(self) -> dict:
        return {"answered": dict(self.answered), "unanswered": dict(self.unanswered),
                "n_answered": self.n_answered, "n_unanswered": self.n_unanswered}

    @classmethod
    def from_data(cls, data: dict) -> "AnswerWords":
        return cls(Counter(data["answered"]), Counter(data["unanswered"]), int(data["n_answered"]), int(data["n_unanswered"]))

    def ratio(self, word: str, smoothing: float) -> float:
        """Log ratio of the word's share of answered texts to that of unanswered ones, each
        smoothed toward its share of all texts with the weight of `smoothing` texts."""
        yes, no = self.answered.get(word, 0), self.unanswered.get(word, 0)
        prior = smoothing * (yes + no) / ((self.n_answered + self.n_unanswered) or 1)
        if not prior:
            return 0.0
        answered = (yes + prior) / (self.n_answered + smoothing)
        return math.log(answered) - math.log((no + prior) / (self.n_unanswered + smoothing))

    def evidence(self, text: str, smoothing: float) -> tuple[float, float]:
        """(mean, lowest) of the log ratios of the text's words; a word neither side uses counts 0
        in the mean and is no candidate for the lowest; (0, 0) without known words."""
        found = sorted(words(text))
        ratios = [self.ratio(w, smoothing) for w in found if w in self.answered or w in self.unanswered]
        return (math.fsum(ratios) / len(found), min(ratios)) if ratios else (0.0, 0.0)
