"""Every number that shapes ranking, in one place: `corpus/ranking.yaml`.

`analysis` and `retrieval` values are set by hand (see the comments in the file);
`model` holds the ranker: logistic-regression weights over the named candidate features (the
probability that a unit answers the question), `model_no_questions` the same for units with fewer
authored questions than `features.MIN_OWN_QUESTIONS` (a provider's sections; fitted on ours stripped
of their questions). `answerable` holds the second model: weights
over question-level features (does the corpus answer the question at all?) and the abstention
threshold. Both are fitted by `tools/calibrate.py` together with their cross-validation
figures. The query path reads plain numbers; no fitting library is imported here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..safeyaml import load_builtin

RANKING_FILE = Path(__file__).resolve().parent.parent.parent / "corpus" / "ranking.yaml"

FEATURES = (
    "bm25_rel",      # unit BM25F score relative to the best candidate
    "bm25_q",        # unit BM25F score relative to the question's own information
    "coverage",      # share of the question's information found in the unit's text
    "coverage_all",  # the same in the text together with the unit's authored questions
    "coverage_all_sq",  # its square: answerability rises steeply as the last words are found
    "noun_coverage", # the same over nouns only
    "head",          # share the unit's heading (title, question) names
    "qmatch",        # share found in the best-matching authored question of the unit
    "qmatch_rel",    # question-retriever score relative to the best candidate
    "fuzzy",         # character similarity to the best authored question (typos, word order)
    "sentence",      # share found in the unit's best sentence
    "char_centroid", # character n-gram cosine to the centroid of the unit's authored questions
    "char_unit",     # character n-gram cosine to the unit's heading and text
    "function_words",  # how the question's function words ("wer", "noch", "ohne") fit the unit's authored questions
    "unknown",       # share of the question's information in words the corpus never uses
    "unknown_noun",  # share of the question's information in nouns the corpus never uses (a topic it lacks)
    "scope_miss",    # the question names an adjacent topic or programme the unit does not
    "programme_miss",  # the question names a neighbouring programme (Werkstatt, BBW) and not the field, the unit does not
    "quantity_miss",  # the question asks how long / how many, the unit states no quantity (ranking/quantities.py)
    "no_questions",  # the unit has no authored questions (a provider's document): its heading and text stand in for them
)
# for each of these, "<name>_gap": the candidate's value minus the best candidate's (0 for the best)
GAP_FEATURES = ("coverage_all", "char_unit", "sentence", "qmatch", "noun_coverage", "head", "char_centroid", "function_words")
FEATURES = FEATURES + tuple(f"{name}_gap" for name in GAP_FEATURES)

# Question-level features of the answerability model (does the corpus answer this question at
# all?): the ranked list's best probability and its margin over the second, the number of
# candidates (log), the question's character similarity to the most similar question the
# documents do not answer (corpus/out_of_scope.yaml) and how far the similarity to the closest
# unit's centroid of authored questions exceeds it, the mean and the lowest of its words' log
# ratios between answered and unanswered texts (ranking/answer_words.py), and for every
# candidate feature its value at the best candidate ("top_") and its maximum over all
# candidates ("max_").
QUESTION_EVIDENCE = ("out_of_scope_similarity", "answer_words_mean", "answer_words_min")
ANSWERABLE_FEATURES = (("top_probability", "margin", "log_candidates", "out_of_scope_similarity", "authored_over_out_of_scope",
                        "answer_words_mean", "answer_words_min")
                       + tuple(f"top_{name}" for name in FEATURES) + tuple(f"max_{name}" for name in FEATURES))


@dataclass
class RankingConfig:
    # analysis: how much a concept's variants count (hand-set)
    part_weight: float = 0.4
    synonym_weight: float = 0.6
    unseen_word_synonym_weight: float = 1.0
    root_weight: float = 0.8
    all_parts_weight: float = 0.8
    non_noun_weight: float = 0.6
    unseen_non_noun_weight: float = 0.25
    number_word_weight: float = 0.6
    digit_weight: float = 0.3
    region_weight: float = 0.3  # a Land's name ("in Baden-Württemberg"): it says which document applies, not what is asked
    idiom_weight: float = 1.0  # words an idiom of the thesaurus adds ("wer zahlt" -> Kosten)
    # retrieval (hand-set)
    field_boosts: dict[str, float] = field(default_factory=lambda: {"title": 2.5, "question": 2.0, "crumbs": 0.6, "body": 1.0, "asked": 1.0})
    bm25_b: float = 0.6
    bm25_k1: float = 1.4
    # per retriever (their union is ranked); CV at 20 / 12 / 8: hit@1 0.726 / 0.726 / 0.727, abstention
    # 0.910 / 0.911 / 0.914 (2026-12-02): 8 ranks 12 to 20 candidates where 20 ranks 33 to 45, as well
    candidates: int = 8
    function_word_smoothing: float = 5.0  # toward the background (ranking/function_words.py)
    answer_word_smoothing: float = 500.0  # texts' weight of the prior share (ranking/answer_words.py)
    answer_word_backoff: int = 20  # a concept's term in fewer texts than this counts as its best variant (answer_words.py)
    # a declined post of several sentences at least this answerable has its last question sentence
    # asked alone (AnswerPipeline.search): "more likely answerable than not". Set by hand; 0.5 and
    # 0.7 were compared on our own forum-style posts and blind sets (kept outside the repository):
    # 0.5 answered one more of 119 parents' posts and declined as many out-of-scope posts
    asked_sentence_floor: float = 0.5
    # model (fitted by tools/calibrate.py)
    weights: dict[str, float] = field(default_factory=lambda: {f: 0.0 for f in FEATURES})
    bias: float = 0.0
    # answerability (fitted by tools/calibrate.py): the service abstains below answerable_threshold
    answerable_weights: dict[str, float] = field(default_factory=lambda: {f: 0.0 for f in ANSWERABLE_FEATURES})
    answerable_bias: float = 0.0
    answerable_threshold: float = 0.5
    # the threshold where the best unit has no authored questions (a provider's section): chosen in calibration so
    # that as large a share of the out-of-scope questions landing on such a unit is declined (MIN_ABSTAIN)
    answerable_threshold_no_questions: float | None = None
    # below this probability of the best unit, no passage is offered as the answer
    min_probability: float = 0.0
    weights_no_questions: dict[str, float] = field(default_factory=dict)  # the ranker of units without authored questions
    bias_no_questions: float = 0.0
    fitted: dict = field(default_factory=dict)

    def threshold_for(self, features: dict[str, float]) -> float:
        """The answerability threshold of a best unit with these features (its regime: with or without questions)."""
        if features.get("no_questions", 0.0) > 0 and self.answerable_threshold_no_questions is not None:
            return self.answerable_threshold_no_questions
        return self.answerable_threshold

    @classmethod
    def load(cls, path: Path = RANKING_FILE) -> "RankingConfig":
        if not path.is_file():
            return cls()
        data = load_builtin(path.read_text(encoding="utf-8")) or {}
        cfg = cls()
        for section in ("analysis", "retrieval"):
            for k, v in (data.get(section) or {}).items():
                if hasattr(cfg, k):
                    setattr(cfg, k, v)
        model = data.get("model") or {}
        cfg.weights = {f: float((model.get("weights") or {}).get(f, 0.0)) for f in FEATURES}
        cfg.bias = float(model.get("bias", 0.0))
        # the ranker of units without authored questions (a provider's documents); without it, the one of the others
        other = data.get("model_no_questions") or model
        cfg.weights_no_questions = {f: float((other.get("weights") or {}).get(f, 0.0)) for f in FEATURES}
        cfg.bias_no_questions = float(other.get("bias", 0.0))
        answerable = data.get("answerable") or {}
        cfg.answerable_weights = {f: float((answerable.get("weights") or {}).get(f, 0.0)) for f in ANSWERABLE_FEATURES}
        cfg.answerable_bias = float(answerable.get("bias", 0.0))
        cfg.answerable_threshold = float(answerable.get("threshold", 0.5))
        no_questions = answerable.get("threshold_no_questions")
        cfg.answerable_threshold_no_questions = None if no_questions is None else float(no_questions)
        cfg.min_probability = float(answerable.get("min_probability", 0.0))
        cfg.fitted = data.get("fitted") or {}
        return cfg
