"""The guide data behind the UI (corpus/guide.yaml): audiences with their starting
questions and hints, and the onboarding path for new staff with self-check questions."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Audience:
    id: str
    label: str
    hint: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Check:
    question: str
    unit: str  # unit id holding the answer
    quote: str  # the answer, verbatim from that unit


@dataclass(frozen=True)
class Step:
    title: str
    intro: str
    units: tuple[str, ...]
    checks: tuple[Check, ...]


@dataclass
class Guide:
    audiences: list[Audience] = field(default_factory=list)
    onboarding: list[Step] = field(default_factory=list)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)


def load_guide(dirs: list[Path]) -> Guide:
    """The first guide.yaml found in the corpus folders (a provider's own folder may replace it)."""
    for d in reversed(dirs):
        path = Path(d) / "guide.yaml"
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return Guide(
                [Audience(a["id"], a["label"], " ".join(str(a.get("hint", "")).split()), tuple(a.get("questions", [])))
                 for a in data.get("audiences", [])],
                [Step(s["title"], " ".join(str(s.get("intro", "")).split()), tuple(s.get("units", [])),
                      tuple(Check(c["question"], c["unit"], c["quote"]) for c in s.get("checks", [])))
                 for s in data.get("onboarding", [])],
            )
    return Guide()
