"""Authored questions: the questions each unit answers (`questions/<doc-id>.yaml` in a corpus folder).

    bagub-faq/1:
      parent: [kriegt mein sohn urlaub in der inbeq, ...]
      provider: [...]
      colleague: [...]

A question that another unit answers as well names it: `- {q: <question>, also: [<unit id>]}`.
The question stays its own unit's (retrievers, "Ähnliche Fragen"); calibration counts either
unit as a right first answer (tools/calibrate.py).

They are written from the units' own text in the voices of the three audiences. The
question retriever matches a user's question against them, cards show them as
"Ähnliche Fragen", and tools/calibrate.py fits the ranking on them. A provider folder may
add its own file; a broken file or an unknown unit id is reported by name and skipped.
"""
from __future__ import annotations

import difflib

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .corpus import CorpusError
from .safeyaml import DataError, listed, load_file

AUDIENCES = ("parent", "provider", "colleague")
FOLDER = "questions"
OUT_OF_SCOPE = "out_of_scope.yaml"  # questions the documents do not answer, by group


@dataclass(frozen=True)
class AuthoredQuestion:
    unit_id: str
    audience: str
    text: str
    also: tuple[str, ...] = ()  # other units that answer it as well


def _mapping(path: Path, errors: list[CorpusError], unreadable: str, not_mapping: str) -> dict | None:
    """A YAML file's top-level mapping, or None with the German problem added to `errors`."""
    try:
        data = load_file(path) or {}
    except DataError as exc:
        errors.append(CorpusError(path, f"{unreadable}: {exc}"))
        return None
    if not isinstance(data, dict):
        errors.append(CorpusError(path, not_mapping))
        return None
    return data


def question_files(dirs: Iterable[Path]) -> list[Path]:
    return [p for d in dirs if (d / FOLDER).is_dir() for p in sorted((d / FOLDER).glob("*.yaml"))]


def load_questions(dirs: Iterable[Path], unit_ids: set[str]) -> tuple[list[AuthoredQuestion], list[CorpusError]]:
    out: list[AuthoredQuestion] = []
    errors: list[CorpusError] = []
    for path in question_files(dirs):
        data = _mapping(path, errors, "Die Fragendatei kann nicht gelesen werden",
                        "Die Fragendatei muss Abschnitts-IDs mit ihren Fragen enthalten.")
        if data is None:
            continue
        unknown, skipped = [], []
        for unit_id, voices in data.items():
            if str(unit_id) not in unit_ids:
                unknown.append(str(unit_id))
                continue
            if isinstance(voices, list):  # a plain list: audience not stated
                voices = {"colleague": voices}
            if not isinstance(voices, dict):
                skipped.append(f"{unit_id} (keine Liste von Fragen)")
                continue
            for audience, items in voices.items():
                if not isinstance(items, list):
                    skipped.append(f"{unit_id}/{audience} (keine Liste von Fragen)")
                    continue
                skipped += [f"{unit_id}: {q!r}" for q in items if not isinstance(q, (str, dict))]
                for q in items:
                    also: list[str] = []
                    if isinstance(q, dict):  # {q: <question>, also: [<unit id>, ...]}
                        named = q.get("also") or []
                        named = [str(a) for a in (named if isinstance(named, list) else [named])]
                        unknown.extend(a for a in named if a not in unit_ids)
                        also = [a for a in named if a in unit_ids and a != str(unit_id)]
                        q = q.get("q")
                    if isinstance(q, (str, int, float)) and str(q).strip():
                        out.append(AuthoredQuestion(str(unit_id), str(audience), str(q).strip(), tuple(also)))
        if unknown:
            # with the id meant, where one is close ("…/schritt-5-erster-besuch-im-betrieb": ids take a heading's first
            # four words; QA 40)
            named = [u + (f" (gemeint: {close[0]}?)" if (close := difflib.get_close_matches(u, unit_ids, n=1, cutoff=0.8)) else "")
                     for u in unknown]
            errors.append(CorpusError(path, "Unbekannte Abschnitts-IDs übersprungen: " + listed(named)
                                      + ". Die ID eines Abschnitts nennt „lotse --corpus ORDNER ask --json …“ als unit_id "
                                      "(Dokument-ID/Nummer oder Dokument-ID/die ersten vier Wörter der Überschrift)."))
        if skipped:
            errors.append(CorpusError(path, _skipped_text(skipped)))
    return out, errors


def _skipped_text(skipped: list[str]) -> str:
    return "Einträge übersprungen, die keine Frage (Text) sind: " + listed(skipped)


def out_of_scope_files(dirs: Iterable[Path]) -> list[Path]:
    return [d / OUT_OF_SCOPE for d in dirs if (d / OUT_OF_SCOPE).is_file()]


def load_out_of_scope(dirs: Iterable[Path]) -> tuple[list[tuple[str, str]], list[CorpusError]]:
    """(group, question) of every corpus folder's out_of_scope.yaml: questions the documents do
    not answer. The pipeline compares a question with them; calibration uses them as negatives."""
    out: list[tuple[str, str]] = []
    errors: list[CorpusError] = []
    for path in out_of_scope_files(dirs):
        data = _mapping(path, errors, "Die Datei kann nicht gelesen werden", "Die Datei muss Gruppen mit Listen von Fragen enthalten.")
        if data is None:
            continue
        skipped = []
        for group, items in data.items():
            if not isinstance(items, list):
                skipped.append(f"{group} (keine Liste von Fragen)")
                continue
            skipped += [f"{group}: {q!r}" for q in items if not isinstance(q, str)]
            for q in items:
                if isinstance(q, str) and q.strip():
                    out.append((str(group), " ".join(q.split())))
        if skipped:
            errors.append(CorpusError(path, _skipped_text(skipped)))
    return out, errors
