"""The analysis pipeline shared by indexing and querying.

token -> lowercase -> stop word filter -> lemma -> umlaut/ß folding -> Snowball stem,
plus the stems of compound parts and a derivational root ("~inform"). The index stores
the resulting terms; queries are analysed by the same code, so both sides always agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .compounds import CompoundSplitter
from .fold import fold
from .lemmas import LemmaTable
from .morph import derivational_root, negated_base
from .stopwords import is_stopword
from .tokenize import tokenize

# folded word -> its Snowball stem: filled as words are stemmed, and from an index's meta data
# with every word its build stemmed (`remember_stems`), so a question of known words is
# answered without loading the stemmer (Whoosh's language package takes some 40 ms to import,
# a good part of a cold `lotse ask`)
_stems: dict[str, str] = {}
_stemmer = None
MAX_STEMS = 1 << 18


MAX_REMEMBERED = 200_000  # distinct words whose analysis the analyzer keeps
# a word cut short before a coordination, its compound's head left to the last word (Ergänzungsstrich):
# "Renten- und Pflegeversicherung", "Kranken-, Pflege- und Rentenversicherung", "Vor- oder Nachteile"
TRUNCATED = re.compile(r"-(?:\s*,|\s+(?:und|oder|sowie|bzw|beziehungsweise)\b)", re.IGNORECASE)
COORDINATORS = frozenset({"und", "oder", "sowie", "bzw", "beziehungsweise"})
MAX_COORDINATED = 4  # words cut short before one completing word
_MISSING = object()


# words the Snowball stemmer merges with another ("kurs" -> "kur": a course would be a cure), kept apart as
# Lucene's StemmerOverrideFilter does: their stem is given here
STEM_OVERRIDES = {"kurs": "kurs", "kurse": "kurs", "kursen": "kurs", "kurses": "kurs"}


def stem(folded: str) -> str:
    got = STEM_OVERRIDES.get(folded) or _stems.get(folded)
    if got is None:
        global _stemmer
        if _stemmer is None:
            from whoosh.lang import stemmer_for_language

            _stemmer = stemmer_for_language("de")
        got = _stemmer(folded)
        if len(_stems) < MAX_STEMS:
            _stems[folded] = got
    return got


def remember_stems(stems: dict[str, str]) -> None:
    """Take stems computed before (an index's build): the stemmer is a pure function."""
    if len(_stems) < MAX_STEMS:
        _stems.update(stems)


@dataclass
class Term:
    surface: str  # as typed
    folded: str  # lemma, lowercase, folded
    stem: str
    parts: list[str] = field(default_factory=list)  # stems of compound parts
    position: int = 0
    root: str = ""  # derivational root shared by -ieren verbs and -ation/-ierung nouns

    @property
    def stems(self) -> list[str]:
        out = [self.stem] + [p for p in self.parts if p != self.stem]
        if self.root and self.root not in out:
            out.append(self.root)
        return out


class Analyzer:
    def __init__(self, lemmas: LemmaTable | None = None, splitter: CompoundSplitter | None = None):
        self.lemmas = lemmas or LemmaTable()
        self.splitter = splitter
        # word as typed -> its analysis (a corpus repeats its words many times over)
        self._analysed: dict[str, tuple[str, str, tuple[str, ...], str] | None] = {}

    def normalize(self, word: str) -> str:
        """Lemma + folding of one word (no stemming)."""
        low = word.lower()
        return fold(self.lemmas.lemma(low))

    def term(self, word: str, position: int = 0) -> Term | None:
        done = self._analysed.get(word, _MISSING)
        if done is _MISSING:
            done = self._analyse(word)
            if len(self._analysed) < MAX_REMEMBERED:
                self._analysed[word] = done
        if done is None:  # a stopword
            return None
        folded, stemmed, parts, root = done
        return Term(word, folded, stemmed, list(parts), position, root)

    def _analyse(self, word: str) -> tuple[str, str, tuple[str, ...], str] | None:
        low = word.lower()
        if is_stopword(fold(low)):
            return None
        folded = fold(self.lemmas.lemma(low))
        if is_stopword(folded):
            return None
        parts: list[str] = []
        if self.splitter and not folded.isdigit():
            for part in self.splitter.split(folded):
                parts.append(stem(fold(self.lemmas.lemma(part))))
            base = None if parts else negated_base(folded)
            if base and base in self.splitter.lexicon:  # "unverbindlich" holds "verbindlich", as a compound its parts
                parts.append(stem(fold(self.lemmas.lemma(base))))
        root = derivational_root(folded) or ""
        return folded, stem(folded), tuple(parts), "~" + root if root else ""

    def terms(self, text: str) -> list[Term]:
        out = []
        tokens = list(tokenize(text))
        whole = self._completed(text, tokens) if "-" in text else {}
        for i, tok in enumerate(tokens):
            t = self.term(whole.get(i, tok.text), i)
            if t is not None:
                out.append(t)
        return out

    def _completed(self, text: str, tokens: list) -> dict[int, str]:
        """Words cut short before a coordination, completed with the head of the compound that ends
        it: "Renten- und Pflegeversicherung" asks about the Rentenversicherung, not the Rente."""
        if self.splitter is None:
            return {}
        cut = [bool(TRUNCATED.match(text, tok.end)) for tok in tokens]
        out: dict[int, str] = {}
        for i, tok in enumerate(tokens):
            if not cut[i] or (i and cut[i - 1]):
                continue  # the first word of a run only: the run is completed together
            j, run = i, []
            while j < len(tokens) and cut[j] and len(run) < MAX_COORDINATED:
                run.append(j)
                j += 1
                if j < len(tokens) and tokens[j].text.lower() in COORDINATORS:
                    j += 1
            if j >= len(tokens) or cut[j]:
                continue
            parts = self.splitter.split(fold(self.lemmas.lemma(tokens[j].text.lower())))
            if parts:
                for k in run:
                    out[k] = tokens[k].text + parts[-1]
        return out

    def index_text(self, text: str) -> str:
        """Space-separated terms for a Whoosh field (compound parts follow their word)."""
        return self.join(self.terms(text))

    @staticmethod
    def join(terms: list[Term]) -> str:
        return " ".join(" ".join(t.stems) for t in terms)
