"""The sentences of a user's text: where a post tells its story and where it asks.

Unlike the documents' sentences (retrieval/sentences.py), a user's sentence need not begin with
a capital: parents type "er ist seit mai im betrieb. hat er urlaub?".
"""
from __future__ import annotations

import re

from knowledge.analysis.abbreviations import ABBREVIATIONS

USER_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\d[.!?])\s+")  # "6. Monat", "15. März": a digit's dot ends none


def asking_sentences(text: str) -> list[str]:
    """The sentences ending in "?" of a user's text of several sentences; [] for a text of one
    sentence or none that asks. Unlike `split_sentences` (for the documents), a sentence need
    not begin with a capital: parents type "er ist seit mai im betrieb. hat er urlaub?"."""
    return [text[a:b].strip() for a, b in asking_spans(text)]


# a dot after an abbreviation ends no sentence: "wie viele Std. QT?", "uwf. Tage", "z. B. im Betrieb" (QA 14: "Std."
# had made "QT?" the only sentence that asks)
ABBREVIATED = re.compile(r"(?:^|[\s(])(?:" + "|".join(sorted(ABBREVIATIONS)) + r")\.$", re.IGNORECASE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where in a user's text its sentences stand: (start, end) character spans, empty ones left out."""
    spans, start = [], 0
    for m in USER_SENTENCE_END.finditer(text):
        if ABBREVIATED.search(text, max(0, m.start() - 8), m.start()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def asking_spans(text: str) -> list[tuple[int, int]]:
    """Where in `text` the sentences of `asking_sentences` stand: (start, end) character spans."""
    spans = sentence_spans(text)
    return [(a, b) for a, b in spans if text[a:b].rstrip().endswith("?")] if len(spans) > 1 else []
