"""The analysis model compiled at build time: lemma table, compound lexicon, vocabulary,
nouns and the analysed thesaurus. Queries use it without spaCy."""
from __future__ import annotations

from dataclasses import dataclass

from ..analysis.analyzer import Analyzer
from ..analysis.compounds import CompoundSplitter
from ..analysis.fold import fold
from ..analysis.lemmas import LemmaSource, LemmaTable
from ..analysis.stopwords import is_stopword
from ..analysis.thesaurus import Thesaurus
from ..analysis.tokenize import tokenize


@dataclass
class AnalysisModel:
    analyzer: Analyzer
    thesaurus: Thesaurus
    table: dict[str, str]
    lexicon: set[str]
    vocabulary: set[str]
    nouns: set[str]
    known_forms: set[str]
    dotless: dict[str, str]  # a word typed without its umlauts' dots -> the word ("fur" -> "für")


def compile_model(texts: list[str], groups: list[list[str]], idioms: list[tuple[str, str]],
                  lemma_source: LemmaSource, typed: frozenset[str] = frozenset()) -> AnalysisModel:
    """`texts`: every text the index holds (units, authored questions, thesaurus, topics). Of those
    in `typed` (questions written the way people type, typos included: "dazuverdinen"), a word
    German does not know is no spelling target: the vocabulary leaves it out."""
    table, known_forms = lemma_source.compile(texts)
    lemmas = LemmaTable(table)
    known = {fold(w) for w in known_forms}
    words: set[str] = set()
    typos: set[str] = set()  # words of typed texts only, unknown to German
    untyped: set[str] = set()
    nouns: set[str] = set()
    surface: dict[str, None] = {}  # the words as written, lower case, in order (their dotless spellings are compiled below)
    for text in texts:
        for i, tok in enumerate(tokenize(text)):
            low = tok.text.lower()
            if tok.text.isalpha():
                surface.setdefault(low)
                words.add(fold(low))
                lemma = fold(lemmas.lemma(low))
                words.add(lemma)
                if text not in typed:
                    untyped.update((fold(low), lemma))
                elif fold(low) not in known:
                    typos.update((fold(low), lemma))
                # capitalised inside a sentence: a noun (German capitalises nouns only)
                before = text[max(tok.start - 4, 0):tok.start].rstrip()[-1:]
                if i > 0 and tok.text[:1].isupper() and before and before not in ".:?!)\n-–":
                    nouns.add(lemma)
    lexicon = {w for w in words if len(w) >= 3 and not is_stopword(w)}
    # Corpus words are split with the whole German lexicon ("Preisdumping" -> preis + dumping);
    # the parts found join the compact lexicon that queries use.
    german = {fold(w) for w in known_forms if len(w) >= 3 and w.isalpha() and not is_stopword(fold(w))}
    big = CompoundSplitter(lexicon | german)
    for w in list(words):
        # words German does not know may join one known and one unknown part
        parts = big.split(w) if w in german else big.split_lenient(w)
        lexicon.update(p for p in parts if len(p) >= 3)
    analyzer = Analyzer(lemmas, CompoundSplitter(lexicon))
    thesaurus = Thesaurus.from_words(groups, lambda t: [x.stem for x in analyzer.terms(t)], idioms)
    vocabulary = words - (typos - untyped)
    return AnalysisModel(analyzer, thesaurus, table, lexicon, vocabulary, nouns, known,
                         dotless_spellings(list(table) + list(surface), known))


_DROP_DOTS = str.maketrans("äöü", "aou")


def dotless_spellings(words: list[str], known: set[str]) -> dict[str, str]:
    """Each word with umlauts (the corpus' words and the inflections of its lemmas) under the
    spelling a keyboard without umlauts gives it ("fur": "für", "unterstutzte": "unterstützte"),
    unless that spelling is a German word or a stop word of its own ("schon", "wurde",
    "musste", "zahlen")."""
    out: dict[str, str] = {}
    for w in words:
        plain = w.translate(_DROP_DOTS)
        if plain != w and plain.isalpha() and plain not in known and not is_stopword(plain):
            out.setdefault(plain, w)
    return out
