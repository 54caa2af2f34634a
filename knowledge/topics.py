"""Adjacent topics (corpus/adjacent_topics.yaml): subjects next to the field that the
documents do not answer, such as the Budget für Arbeit or wages in a Werkstatt.

A question that names one of them is answered only by a unit that names it as well;
otherwise the assistant says that the documents are silent on that topic instead of
showing a passage that merely shares some of its words.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import yaml

FILE_NAME = "adjacent_topics.yaml"


@dataclass(frozen=True)
class Topic:
    name: str
    phrases: tuple[tuple[str, ...], ...]  # analysed stem sequences of its terms
    units: frozenset[int]  # positions of the units that name the topic

    def to_data(self) -> dict:
        return {"name": self.name, "phrases": [list(p) for p in self.phrases], "units": sorted(self.units)}

    @classmethod
    def from_data(cls, data: dict) -> "Topic":
        return cls(data["name"], tuple(tuple(p) for p in data["phrases"]), frozenset(data["units"]))


def topic_files(dirs: Iterable[Path]) -> list[Path]:
    return [d / FILE_NAME for d in dirs if (d / FILE_NAME).is_file()]


def load_topic_terms(paths: Iterable[Path]) -> list[tuple[str, list[str]]]:
    """(name, terms) of every topic in the files; malformed entries are skipped."""
    out = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("topics", []) if isinstance(data, dict) else []:
            if isinstance(entry, dict) and entry.get("name") and isinstance(entry.get("terms"), list):
                out.append((str(entry["name"]), [str(t) for t in entry["terms"]]))
    return out


def contains(seq: list[str] | tuple[str, ...], phrase: tuple[str, ...]) -> int | None:
    """Position where `phrase` occurs contiguously in `seq`, or None."""
    n = len(phrase)
    for i in range(len(seq) - n + 1):
        if tuple(seq[i:i + n]) == phrase:
            return i
    return None


def compile_topics(terms: list[tuple[str, list[str]]], analyze: Callable[[str], list[str]],
                   unit_stems: list[list[str]]) -> list[Topic]:
    """Analyse the topic terms and find the units that name each topic."""
    topics = []
    for name, words in terms:
        phrases = tuple(dict.fromkeys(p for p in (tuple(analyze(w)) for w in words) if p))
        units = frozenset(i for i, seq in enumerate(unit_stems)
                          if any(contains(seq, p) is not None for p in phrases))
        topics.append(Topic(name, phrases, units))
    return topics
