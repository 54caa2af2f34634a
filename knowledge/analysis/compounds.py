"""Dictionary-based splitting of German compounds.

"kinderbetreuungskosten" -> ["kinderbetreuung", "kosten"] (and recursively
"kinder", "betreuung"), using a lexicon of words known from the corpus and the
thesaurus. Linking elements (Fugen-s, -es, -n, -en) are allowed between parts.
"""
from __future__ import annotations

from functools import lru_cache

LINKS = ("", "s", "es", "n", "en", "e")
S_LINK_SUFFIXES = ("ung", "ion", "heit", "keit", "schaft", "taet", "ling", "tum")
INFLECTIONS = ("en", "n", "e", "s", "es", "er", "ern")
MIN_PART = 4
MIN_HEAD = 3
MIN_WORD = 7
MIN_UNKNOWN = 5  # an unknown part of a lenient split
MAX_WORD = 60  # longer "words" are not split (German's longest real compounds stay below; recursion stays shallow)


class CompoundSplitter:
    def __init__(self, lexicon: set[str]):
        self.lexicon = {w for w in lexicon if len(w) >= MIN_HEAD}
        self._split = lru_cache(maxsize=50_000)(self._split_uncached)

    def split(self, word: str) -> list[str]:
        """The parts of a folded lowercase compound, or [] when it is not one."""
        if len(word) < MIN_WORD or len(word) > MAX_WORD:
            return []
        best = self._split(word, True)
        return list(best) if best and len(best) > 1 else []

    def split_lenient(self, word: str) -> list[str]:
        """Like `split`, but a compound of one known and one unknown word is split as well.

        Used at build time for corpus words German does not know ("preisdumping" ->
        "preis" + "dumping"), so that "Dumpingpreise" in a question meets them.
        """
        parts = self.split(word)
        if parts or len(word) < MIN_WORD + 2 or len(word) > MAX_WORD:
            return parts
        candidates: list[tuple[int, list[str]]] = []  # (length of the known part, parts)
        for i in range(MIN_PART, len(word) - MIN_UNKNOWN + 1):
            head = word[:i]
            if head in self.lexicon:
                candidates.append((len(head), [head, word[i:]]))
        for i in range(MIN_UNKNOWN, len(word) - MIN_PART + 1):
            known = self._split(word[i:], False)
            if known and len(known) == 1:
                candidates.append((len(word) - i, [word[:i], known[0]]))
        return max(candidates)[1] if candidates else []

    def _split_uncached(self, word: str, top: bool) -> tuple[str, ...] | None:
        # whole word known (and not the top level: the top level must split)
        if not top:
            if word in self.lexicon:
                return (word,)
            for suffix in INFLECTIONS:
                stem = word[: -len(suffix)]
                if word.endswith(suffix) and len(stem) >= MIN_HEAD and stem in self.lexicon:
                    return (stem,)
        best: tuple[str, ...] | None = None
        best_score = -1.0
        for i in range(MIN_PART, len(word) - MIN_HEAD + 1):
            head = word[:i]
            if head not in self.lexicon:
                continue
            rest_full = word[i:]
            for link in LINKS:
                if not rest_full.startswith(link):
                    continue
                rest = rest_full[len(link):]
                if len(rest) < MIN_HEAD:
                    continue
                tail = self._split(rest, False)
                if tail is None:
                    continue
                parts = (head,) + tail
                score = sum(len(p) ** 2 for p in parts) / len(parts) ** 2
                if link == "s" and head.endswith(S_LINK_SUFFIXES):
                    score += 10  # "Integration-s-amt": after these suffixes the linking s is the rule
                if score > best_score:
                    best, best_score = parts, score
        return best
