"""The field thesaurus (corpus/thesaurus.yaml): groups of terms that mean the same.

A query that contains one member of a group (as a phrase of analysed stems) is expanded
by the other members. Providers extend it with a thesaurus.yaml in their own folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Expansion:
    matched: tuple[str, ...]  # stems of the member found in the query
    alternatives: tuple[tuple[str, ...], ...]  # stem sequences of the other members


def load_groups(paths: list[Path]) -> list[list[str]]:
    groups: list[list[str]] = []
    for path in paths:
        if not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for group in data.get("groups", []) if isinstance(data, dict) else []:
            if isinstance(group, list) and len(group) > 1:
                groups.append([str(x) for x in group])
    return groups


class Thesaurus:
    def __init__(self, groups: list[list[tuple[str, ...]]]):
        """`groups`: each member already analysed into a tuple of stems."""
        self.groups = [[m for m in g if m] for g in groups]

    @classmethod
    def from_words(cls, groups: list[list[str]], analyze) -> "Thesaurus":
        return cls([[tuple(analyze(member)) for member in g] for g in groups])

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

    def to_data(self) -> list[list[list[str]]]:
        return [[list(m) for m in g] for g in self.groups]

    @classmethod
    def from_data(cls, data) -> "Thesaurus":
        return cls([[tuple(m) for m in g] for g in data])
