"""Typo tolerance: correct query words that neither the corpus nor German knows."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein


# spoken short forms of separable particles: "raus" (heraus), "rein" (herein), "rüber", "runter", "rauf", "ran", "drauf"
COLLOQUIAL_PARTICLES = ("raus", "rein", "rueber", "runter", "rauf", "ran", "drauf", "drin", "dran", "rum")


class SpellCorrector:
    def __init__(self, vocabulary: list[str], known_words: Callable[[], set[str]] | None = None,
                 dotless: dict[str, str] | None = None):
        """`vocabulary`: folded corpus words; `known_words`: lazily loaded German word forms;
        `dotless`: words typed without their umlauts' dots -> the words."""
        self.dotless = dotless or {}
        self.vocabulary = sorted(set(vocabulary))
        self._vocab_set = set(self.vocabulary)
        self._known_loader = known_words
        self._known: set[str] | None = None

    def in_corpus(self, folded: str) -> bool:
        """Whether the corpus itself uses the word (not only German at large)."""
        return folded in self._vocab_set

    def is_known(self, folded: str) -> bool:
        if self.in_corpus(folded):
            return True
        if self._known is None:
            self._known = self._known_loader() if self._known_loader else set()
        return folded in self._known

    def restore_umlauts(self, word: str) -> str | None:
        """The word meant when the dots of its umlauts were dropped ("fur" -> "für",
        "Unterstutzte" -> "Unterstützte"), or None. The build compiles the spellings
        (`knowledge.index.model.dotless_spellings`); a dotless spelling that is a German word
        of its own ("schon", "wurde", "musste") is never among them. Case is kept."""
        meant = self.dotless.get(word.lower())
        if meant is None:
            return None
        return meant[:1].upper() + meant[1:] if word[:1].isupper() else meant

    def correct(self, folded: str) -> str | None:
        """The corpus word meant by a misspelt `folded` word, or None. A word of five to seven letters
        is one typo away from exactly one corpus word ("urlaup" -> "urlaub"; a single letter changed
        leaves too little of a short word for a similarity ratio); a longer one is similar enough
        to its best match. Four letters and fewer are left as typed: "wlan" is one letter from
        "plan", and the list of German words lacks most words that never change their form."""
        if len(folded) < 5 or folded.isdigit() or folded in self._vocab_set:
            return None
        if len(folded) < 8:
            # one word in two spellings ("waehrend", and "wahrend" typed without the dots) is one candidate
            near = [w for w, _, _ in process.extract(folded, self.vocabulary, scorer=Levenshtein.distance, score_cutoff=1, limit=3)]
            meant = max(near, key=len) if near and len({_dotless(w) for w in near}) == 1 else None
        else:
            match = process.extractOne(folded, self.vocabulary, scorer=fuzz.ratio, score_cutoff=84)
            meant = match[0] if match else None
        # a typo keeps the word's first letter: "Bandscheiben" (a compound the word list lacks) is no "anschreiben",
        # "sechsten" no "echten" (QA 8); a word that ends in the corpus word is read as it ("Jobbegleitung":
        # "Begleitung"). A German word is never "corrected" into a corpus word; the word list is read only when needed
        return (meant if meant is not None and (meant[0] == folded[0] or folded.endswith(meant)) and not self.is_known(folded)
                and not self._prefixed_word(folded) and not self._inflected_word(folded) else None)

    def _prefixed_word(self, folded: str) -> bool:
        """A colloquial particle before a German word ("rauswerfen": raus + werfen, "reinkommen") is no typo:
        the word list lacks most of these, and "rauswerfen" had been "corrected" to "auswerten"."""
        return any(folded.startswith(p) and len(folded) - len(p) >= 4 and self.is_known(folded[len(p):])
                   for p in COLLOQUIAL_PARTICLES)

    def _inflected_word(self, folded: str) -> bool:
        """A form of a German verb the word list lacks, recognised by its stem: a participle
        ("gemobbt": ge + mobb + t) or a conjugated form ("mobbt", "mobbte") whose stem with an
        infinitive's, a noun's or a loan word's ending is known ("mobben", "Leitung", "Mobbing").
        The list has "Mobbing" but not "gemobbt", which had been "corrected" to the corpus word
        "gejobbt" (QA 3)."""
        stems = []
        for ending in VERB_ENDINGS:
            if folded.endswith(ending) and len(folded) - len(ending) >= 3:
                stem = folded[:-len(ending)]
                stems.append(stem)
                if stem.startswith("ge") and len(stem) >= 5:
                    stems.append(stem[2:])
        return any(self.is_known(stem + suffix) for stem in stems for suffix in STEM_SUFFIXES)


# endings of a weak verb's participle and conjugated forms, longest first, and what a stem with
# one of them added becomes: an infinitive, a noun, a loan word ("mobb" -> "mobbing")
VERB_ENDINGS = ("test", "tet", "ten", "te", "st", "t")
STEM_SUFFIXES = ("en", "ung", "ing")


def _dotless(folded: str) -> str:
    """A folded word without its umlauts' e ("waehrend" -> "wahrend"): the spelling of one typed without the dots."""
    return folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def load_word_list(path: Path) -> set[str]:
    try:
        return set(path.read_text(encoding="utf-8").split("\n"))
    except (OSError, UnicodeDecodeError):  # a damaged word list only costs the spelling check
        return set()
