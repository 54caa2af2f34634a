"""Candidate retrievers behind one small protocol.

A retriever turns an analysed question into scored candidate units. The ranker only
sees `Candidate`s, so another retriever (dense vectors, an OpenSearch backend) plugs in
by implementing `Retriever` and being added to the pipeline's list; nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..query import AnalysedQuery


@dataclass
class Candidate:
    unit_pos: int  # position of the unit in the corpus store
    score: float
    retriever: str
    match: str = ""  # what matched (an authored question, for "Ähnliche Fragen")


@runtime_checkable
class Retriever(Protocol):
    name: str

    def retrieve(self, query: AnalysedQuery, k: int) -> list[Candidate]:
        """The best `k` units for the query, best first."""
        ...
