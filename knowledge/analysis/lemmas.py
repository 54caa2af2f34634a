"""Lemma lookup.

At build time spaCy (`spacy.blank("de")` with the lookup lemmatizer from
spacy-lookups-data) lemmatizes the corpus, and `compile_lemma_table` keeps the part of
the German lookup table that queries can use: every inflected form whose lemma occurs in
the corpus. At query time `LemmaTable` is a plain dictionary: no spaCy import.

Tried on 2026-12-03 and not kept: every form with an umlaut or ß also under its folded spelling, so
that "verlaengert", as parents type it, finds "verlängern". Cross-validated hit@1 and abstention
stayed as they were (0.752 / 0.913), and the blind sets declined 3 fewer out-of-scope questions.
Tried again on 2026-12-04 from the question's side (QA 32: "unterstuetzten beschaeftigung" declined): the
written-out spellings ("verlaengert") put back as the dropped dots are ("fur" -> "für"). Cross-validated
hit@1 0.750 as before, the blind sets 5 hits fewer than they gained: the authored questions parents typed
without umlauts are indexed as typed, so a question restored no longer meets them word for word.
Tried a third time on 2026-12-04 (QA 33: "geht das auch kuerzer" had not met "kürzere Präsenzzeit"): the documents'
spelling as an added alternative of the typed word (weight 1), the typed stem kept. The blind sets lost 3 hits and
gained 1, "Kurz:" on eval/highlight chose 2 key sentences fewer.
"""
from __future__ import annotations

import re
from typing import Iterable, Protocol


# The inflected forms of an adjective or participle ("bezahlte", "befristeten", "freie") take the lemma of
# the form without its ending ("bezahlt" -> bezahlen, "befristet" -> befristen, "frei"), when that form is
# one the table knows and ends as adjectives and participles do. spaCy's table gives "bezahlt" the verb's
# lemma but "bezahltes" none, "freie" the noun "Freier" and "freien" the form "freie", so "ein bezahltes
# Praktikum" had not met "wird … bezahlt", nor "freien Plätze" "freie Plätze" (150 such pairs in the
# corpus and its authored questions).
ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
ADJECTIVE_BASE = re.compile(r"(?:[^aeiouäöü]t|et|[^aeiouäöü]en|end|ig|lich|isch|bar|haft|sam|los|frei)$")
MIN_BASE = 4


class LemmaTable:
    def __init__(self, table: dict[str, str] | None = None):
        self.table = table or {}
        self.lemmas = frozenset(self.table.values())

    def lemma(self, lower: str) -> str:
        for ending in ADJECTIVE_ENDINGS:
            if lower.endswith(ending):
                base = lower[:-len(ending)]
                if len(base) >= MIN_BASE and ADJECTIVE_BASE.search(base) and (base in self.table or base in self.lemmas):
                    return self.table.get(base, base)
                break
        return self.table.get(lower, lower)


def load_spacy_lemmatizer():
    """spaCy's blank German pipeline with lookup lemmas (about 2.5 s to load)."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def load_spacy_tokenizer():
    """spaCy's blank German pipeline without its lemmatizer: `compile_lemma_table` looks the lemmas up in the table
    itself, as spaCy's lookup lemmatizer does, and spares loading that table a second time (about 0,9 s)."""
    import spacy

    return spacy.blank("de")


def raw_lookup_table() -> dict[str, str]:
    """spacy-lookups-data's German lemma table with its string keys (spaCy's Table hashes them)."""
    import spacy
    import srsly

    source = spacy.util.registry.lookups.get("de")["lemma_lookup"]
    if isinstance(source, dict):
        return source
    from pathlib import Path

    path = Path(source)
    if path.is_file():
        return srsly.read_gzip_json(path) if path.suffix == ".gz" else srsly.read_json(path)
    return srsly.read_gzip_json(path.with_name(path.name + ".gz"))


CHUNKS_PER_TEXT = 500


def distinct_chunks(texts: Iterable[str]) -> list[str]:
    """The texts' whitespace-separated chunks, each once (in order of first occurrence), as texts
    of CHUNKS_PER_TEXT chunks. spaCy tokenizes every chunk on its own and its lookup lemmas
    have no context, so this gives the same tokens and lemmas as the whole texts, with each
    repeated word analysed once."""
    chunks = list(dict.fromkeys(chunk for text in texts for chunk in text.split()))
    return [" ".join(chunks[i:i + CHUNKS_PER_TEXT]) for i in range(0, len(chunks), CHUNKS_PER_TEXT)]


def compile_lemma_table(nlp, texts: Iterable[str], extra_words: Iterable[str] = ()) -> tuple[dict[str, str], set[str]]:
    """Return (lowercase form -> lowercase lemma, set of all German word forms in the lookup table).

    The table holds the corpus' own tokens with their spaCy lemmas plus every form in the
    lookup table whose lemma also occurs in the corpus, so an unseen inflection in a query
    ("Teilnehmern", "Werkstätten") still finds the lemma the index uses.
    """
    lookup = raw_lookup_table()
    table: dict[str, str] = {}
    corpus_lemmas: set[str] = set()
    for doc in nlp.pipe(distinct_chunks(texts), batch_size=8):
        for tok in doc:
            if not tok.is_alpha:
                continue
            # spaCy's lookup lemmatizer: the table's lemma of the token as written, or the token itself
            low, lem = tok.text.lower(), lookup.get(tok.text, tok.text).lower()
            corpus_lemmas.add(lem)
            corpus_lemmas.add(low)
            if lem != low:
                table.setdefault(low, lem)
    for word in extra_words:
        corpus_lemmas.add(word.lower())
    known_forms: set[str] = set()
    for form_s, lemma in lookup.items():
        low, lem = form_s.lower(), lemma.lower()
        known_forms.add(low)
        known_forms.add(lem)
        if lem in corpus_lemmas and low != lem:
            # capitalised forms (nouns) win over lowercase verb forms of the same spelling
            if low not in table or form_s[:1].isupper():
                table[low] = lem
    return table, known_forms


class LemmaSource(Protocol):
    """Where the build gets lemmas: (form -> lemma table, all known German word forms)."""

    name: str

    def compile(self, texts: list[str]) -> tuple[dict[str, str], set[str]]: ...


class SpacyLemmaSource:
    """spaCy's German lookup lemmas (the real source; about 3 s at build time)."""

    name = "spacy"

    def compile(self, texts: list[str]) -> tuple[dict[str, str], set[str]]:
        return compile_lemma_table(load_spacy_tokenizer(), texts)


class TableLemmaSource:
    """A small fixed table (tests): no spaCy, so an index builds in a fraction of a second."""

    def __init__(self, table: dict[str, str], name: str = "table"):
        self.table = {k.lower(): v.lower() for k, v in table.items()}
        self.name = name

    def compile(self, texts: list[str]) -> tuple[dict[str, str], set[str]]:
        return dict(self.table), set(self.table) | set(self.table.values())
