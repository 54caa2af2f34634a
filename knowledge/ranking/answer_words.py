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

The index and calibration count analysed stems, and a question is read by all its concepts
(`concept_evidence`): a concept's term whose stem fewer than `answer_word_backoff` texts use
counts as its most answered-like variant (synonyms, root; not a single part of a compound). The
documents and the questions written for them say "Fahrkosten", many people "Fahrtkosten", a
word that 6 answered and 3 out-of-scope texts used: "Wer zahlt die Fahrtkosten?" was declined.
In cross-validation (with the units named as `also` answering): folded words 0.735 / 0.910;
stems of the term alone 0.737 / 0.916; every concept by its best variant 0.731 / 0.920 (that
also made "Schwerbehindertenausweis" count as "schwerbehindert" and answered it); backoff 20
0.737 / 0.918 (50: 0.735 / 0.914), counting also the concepts the ranking leaves out ("Sohn")
0.737 / 0.917 (kept); words and concepts as four features 0.737 / 0.917, but the words still
declined the question. On the sets never trained on, it answered about as many right (blind
needs-first questions 0.693 -> 0.700 and 0.677 -> 0.685, forum-style parents 0.807 -> 0.798)
and declined a little fewer in-field questions the documents do not answer (0.57 -> 0.53, 0.55
-> 0.52) and of 50 neighbouring programmes' questions 47 instead of 49 on the second set. It
answers the examples of the README and the web page ("Wer zahlt die Fahrtkosten?"); "hat mein
Sohn Urlaub" ("urlaub": 23 answered, 11 out-of-scope texts) was then declined, with 12. Frage
(Urlaubsanspruch) as its first suggestion.

A concept whose term the title of the best unit names (`headed`: "Urlaub" and 12. Frage -
Thema: Urlaubsanspruch) counts no lower than 0: the documents have a section on it, and the
out-of-scope questions that use the word ("Urlaub in der Werkstatt") are told apart by their
other words. The title, not the FAQ's question: that is the asker's whole story (28. Frage,
Fahrtkosten, tells of a UB "im Rahmen eines Persönlichen Budgets"), and with it "was ist ein
persönliches Budget" was answered. Cross-validated 0.737 / 0.921 -> 0.737 / 0.913 (with the
question too: 0.738 / 0.912). On the sets never trained on it is about even: blind needs-first
questions answered right 0.693 -> 0.686 and 0.677 -> 0.677, their in-field questions the
documents do not answer declined 0.525 -> 0.533 and 0.523 -> 0.531, neighbouring programmes
declined 1.0 and 0.94 as before, forum-style parents 0.798 -> 0.807 and providers 0.983 ->
0.992. "hat mein Sohn Urlaub" is answered again.

Tried again on 2026-12-03 and not kept: a logistic regression over the TF-IDF vectors of a question's
stems and letter n-grams (answered against out-of-scope questions, fitted per fold) as one more
answerability feature. Cross-validated hit@1 rose 0.753 -> 0.763 at abstention 0.914 -> 0.912, but on
the blind sets (eval/heldout, eval/probe) it answered 4 more questions right and declined 9 fewer of
about 400 out-of-scope ones (heldout/final 38 -> 35 of 40): it learns how our own out-of-scope
questions are written more than what the documents lack. Letter n-grams counted as here (naive Bayes)
gained 0.4 points in cross-validation, within its scatter.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable

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
    def from_texts(cls, answered: Iterable[str], unanswered: Iterable[str],
                   terms: Callable[[str], Iterable[str]] = words) -> "AnswerWords":
        """Counts over `terms` of each text: its folded content words, or (as the index and
        calibration count them) the analysed stems that also make up a query's concepts."""
        yes, no = Counter(), Counter()
        n_yes = n_no = 0
        for text in answered:
            yes.update(set(terms(text)))
            n_yes += 1
        for text in unanswered:
            no.update(set(terms(text)))
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

    def concept_evidence(self, concepts: list[list[tuple[str, ...]]], smoothing: float,
                         backoff: int = 0, headed: frozenset[int] = frozenset()) -> tuple[float, float]:
        """(mean, lowest) over a question's concepts, each given by its term's stem sequence first,
        then its variants (synonyms, root): a concept's ratio is its term's, or, when fewer than
        `backoff` texts use the term, that of its most answered-like variant (a sequence's: the
        mean of its known stems). So a rare word counts as the documents' own word for the thing
        ("Fahrtkosten" as their "Fahrkosten", which the questions written for them use), while a
        common one keeps its own evidence ("Urlaub in der Werkstatt" stays an out-of-scope
        question, though "Urlaub" has the documents' "unterweisungsfreie Zeiten" as a synonym).
        A concept none of whose stems either side uses counts 0 in the mean; (0, 0) without any.
        The concepts at the positions in `headed` (named by the title of the unit that would
        answer) count no lower than 0."""
        values = []
        for index, sequences in enumerate(concepts):
            best = None
            for i, sequence in enumerate(sequences):
                if i == 1 and sum(self.answered.get(s, 0) + self.unanswered.get(s, 0) for s in sequences[0]) >= backoff:
                    break  # the term is common enough to speak for itself
                ratios = [self.ratio(s, smoothing) for s in sequence if s in self.answered or s in self.unanswered]
                if ratios:
                    value = math.fsum(ratios) / len(ratios)
                    best = value if best is None else max(best, value)
            if best is not None:
                values.append(max(best, 0.0) if index in headed else best)
        return (math.fsum(values) / len(concepts), min(values)) if values else (0.0, 0.0)
