"""Word tokenizer for the query path.

spaCy tokenizes the corpus when the index is built; queries must not pay for loading
spaCy, so they use this regex tokenizer. Hyphenated words are split into their parts
("InbeQ-Teilnehmer" -> "InbeQ", "Teilnehmer"), which is what the index holds as well.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

# letters: German and the other Latin ones people type in names and loanwords ("Café", "Rücksprache mit Frau Łukasik");
# not the superscript footnote digits the documents attach to words ("Leistungen⁴")
WORD_RE = re.compile(r"[0-9]+[a-z]?\b|[A-Za-zÄÖÜäöüßÀ-ÖØ-öø-ÿĀ-ſ]+")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> Iterator[Token]:
    for m in WORD_RE.finditer(text):
        yield Token(m.group(0), m.start(), m.end())
