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

from .safeyaml import DataError, load_file

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


def load_topic_terms(paths: Iterable[Path]) -> tuple[list[tuple[str, list[str]]], list[str], list[tuple[Path, str]]]:
    """(name, terms) of every topic in the files, the terms that name the documents' own field
    (`field`, see `field_named`), and problems (file, German message).

    A broken file is reported and skipped; malformed entries are skipped and counted."""
    out, own, problems = [], [], []
    for path in paths:
        try:
            data = load_file(path)
        except DataError as exc:
            problems.append((path, str(exc)))
            continue
        if data is None:
            continue
        field_terms = data.get("field") if isinstance(data, dict) else None
        if field_terms is not None:
            if isinstance(field_terms, list) and all(isinstance(t, str) and t.strip() for t in field_terms):
                own.extend(field_terms)
            else:
                problems.append((path, "„field“ muss eine Liste von Wörtern sein; sie wurde übersprungen."))
            if "topics" not in data:
                continue
        entries = data.get("topics") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            problems.append((path, "Die Datei muss eine Liste „topics“ mit Einträgen aus „name“ und „terms“ enthalten."))
            continue
        skipped = 0
        for entry in entries:
            terms = entry.get("terms") if isinstance(entry, dict) else None
            words = [str(t) for t in terms if isinstance(t, (str, int, float)) and str(t).strip()] if isinstance(terms, list) else []
            if isinstance(entry, dict) and isinstance(entry.get("name"), (str, int, float)) and str(entry["name"]).strip() and words:
                out.append((str(entry["name"]), words))
            else:
                skipped += 1
        if skipped:
            problems.append((path, f"{skipped} Thema/Themen übersprungen (jedes braucht „name“ und eine Liste „terms“)."))
    return out, own, problems


def contains(seq: list[str] | tuple[str, ...], phrase: tuple[str, ...]) -> int | None:
    """Position where `phrase` occurs contiguously in `seq`, or None."""
    n = len(phrase)
    for i in range(len(seq) - n + 1):
        if tuple(seq[i:i + n]) == phrase:
            return i
    return None


PREFIX_STEM = 4


def field_named(stems: list[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether a question's stems name the documents' own field: a phrase occurs, or a one-word
    phrase of at least PREFIX_STEM letters begins one of its words ("qualifizier" in
    "qualifizierungsplatz"; "ub" only as itself, not in "ubahn")."""
    for phrase in phrases:
        if contains(stems, phrase) is not None:
            return True
        if len(phrase) == 1 and len(phrase[0]) >= PREFIX_STEM and any(s.startswith(phrase[0]) for s in stems):
            return True
    return False


def compile_topics(terms: list[tuple[str, list[str]]], analyze: Callable[[str], list[str]],
                   unit_stems: list[list[str]]) -> list[Topic]:
    """Analyse the topic terms and find the units that name each topic."""
    topics = []
    stem_sets = [frozenset(seq) for seq in unit_stems]  # a unit lacking a phrase's stems cannot name it
    for name, words in terms:
        phrases = tuple(dict.fromkeys(p for p in (tuple(analyze(w)) for w in words) if p))
        units = frozenset(i for i, (seq, have) in enumerate(zip(unit_stems, stem_sets))
                          if any(p[0] in have and have.issuperset(p) and contains(seq, p) is not None for p in phrases))
        topics.append(Topic(name, phrases, units))
    return topics
