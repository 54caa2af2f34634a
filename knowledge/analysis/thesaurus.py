"""The field thesaurus (corpus/thesaurus.yaml): groups of terms that mean the same.

A query that contains one member of a group (as a phrase of analysed stems) is expanded
by the other members. Idioms map question phrases made of function words ("bis wann",
"dabei sein") to the content words they stand for. Providers extend it with a thesaurus.yaml in their own folder.
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from pathlib import Path

import yaml

from .fold import fold


@dataclass(frozen=True)
class Expansion:
    matched: tuple[str, ...]  # stems of the member found in the query
    alternatives: tuple[tuple[str, ...], ...]  # stem sequences of the other members


def load_thesaurus_files(paths: list[Path]) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """Groups and idioms from the thesaurus files, each file read once.

    Idioms are (pattern, words) pairs: a question whose folded lowercase text matches the
    regular expression `pattern` (as whole words) is also searched with `words`."""
    groups: list[list[str]] = []
    idioms: list[tuple[str, str]] = []
    for path in paths:
        if not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            continue
        for group in data.get("groups", []):
            if isinstance(group, list) and len(group) > 1:
                groups.append([str(x) for x in group])
        entries = data.get("idioms", {})
        for pattern, words in (entries.items() if isinstance(entries, dict) else []):
            try:
                re.compile(str(pattern))
            except re.error:
                continue
            idioms.append((str(pattern), str(words)))
    return groups, idioms


class Thesaurus:
    def __init__(self, groups: list[list[tuple[str, ...]]], idioms: list[tuple[str, str]] | None = None):
        """`groups`: each member already analysed into a tuple of stems."""
        self.groups = [[m for m in g if m] for g in groups]
        self.raw_idioms = [(p, w) for p, w in (idioms or [])]
        self.idioms = [(re.compile(rf"\b(?:{p})\b"), w) for p, w in self.raw_idioms]

    def idiom_words(self, text: str) -> str:
        """Words that the question's idioms stand for ("dabei sein" -> "teilnehmen")."""
        low = fold(text.lower())
        return " ".join(w for rx, w in self.idioms if rx.search(low))

    @classmethod
    def from_words(cls, groups: list[list[str]], analyze, idioms: list[tuple[str, str]] | None = None) -> "Thesaurus":
        return cls([[tuple(analyze(member)) for member in g] for g in groups], idioms)

    def expansions(self, stems: list[str]) -> list[Expansion]:
        found = []
        for group in self.groups:
            for member in group:
                n = len(member)
                if any(tuple(stems[i:i + n]) == member for i in range(len(stems) - n + 1)):
                    others = tuple(m for m in group if m != member)
                    found.append(Expansion(member, others))
                    break
        return found

    def to_data(self) -> dict:
        return {"groups": [[list(m) for m in g] for g in self.groups],
                "idioms": [list(i) for i in self.raw_idioms]}

    @classmethod
    def from_data(cls, data: dict) -> "Thesaurus":
        return cls([[tuple(m) for m in g] for g in data["groups"]], [tuple(i) for i in data["idioms"]])
