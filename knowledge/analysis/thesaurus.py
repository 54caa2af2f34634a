"""The field thesaurus (corpus/thesaurus.yaml): groups of terms that mean the same.

A query that contains one member of a group (as a phrase of analysed stems) is expanded
by the other members. Idioms map question phrases made of function words ("bis wann",
"dabei sein") to the content words they stand for. Providers extend it with a thesaurus.yaml in their own folder.
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from pathlib import Path

from ..safeyaml import DataError, listed, load_file
from .fold import fold


@dataclass(frozen=True)
class Expansion:
    matched: tuple[str, ...]  # stems of the member found in the query
    alternatives: tuple[tuple[str, ...], ...]  # stem sequences of the other members


MAX_IDIOM = 200  # characters of one provider idiom phrase
MAX_TERM = 200  # characters of one group member


def provider_idiom_pattern(phrases: str) -> str:
    """A provider idiom ("dabei sein|mit dabei") as a regular expression of literal phrases.

    Provider files are not trusted with regular expressions (a pattern like "(a+)+b" would
    hang every question): "|" separates alternatives, everything else is matched literally
    on the folded lowercase question."""
    alternatives = [" ".join(fold(p.lower()).split()) for p in phrases.split("|")]
    return "|".join(re.escape(a) for a in alternatives if a)


def load_thesaurus_files(paths: list[Path], trusted: Path | None = None,
                         ) -> tuple[list[list[str]], list[tuple[str, str]], list[tuple[Path, str]]]:
    """Groups, idioms and problems (file, German message) from the thesaurus files.

    Idioms are (pattern, words) pairs: a question whose folded lowercase text matches the
    regular expression `pattern` (as whole words) is also searched with `words`. Only the
    file in the `trusted` folder (the built-in corpus) may use regular expressions; provider
    idioms are plain phrases (see `provider_idiom_pattern`). A broken file is reported and skipped."""
    groups: list[list[str]] = []
    idioms: list[tuple[str, str]] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = load_file(path)
        except DataError as exc:
            problems.append((path, str(exc)))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append((path, "Der Thesaurus muss die Abschnitte „groups“ und/oder „idioms“ enthalten."))
            continue
        raw_groups = data.get("groups") or []
        if not isinstance(raw_groups, list):
            problems.append((path, "„groups“ muss eine Liste von Begriffsgruppen sein, z. B. - [Stundenzettel, Zeitnachweis]."))
            raw_groups = []
        skipped = 0
        for group in raw_groups:
            members = [str(x).strip() for x in group if isinstance(x, (str, int, float)) and str(x).strip()] \
                if isinstance(group, list) else []
            members = [m for m in members if len(m) <= MAX_TERM]
            if len(members) > 1:
                groups.append(members)
            else:
                skipped += 1
        if skipped:
            problems.append((path, f"{skipped} Begriffsgruppe(n) übersprungen (jede Gruppe braucht mindestens zwei Begriffe)."))
        entries = data.get("idioms") or {}
        if not isinstance(entries, dict):
            problems.append((path, "„idioms“ muss Zuordnungen der Form „Wendung: Suchwörter“ enthalten."))
            entries = {}
        trusted_file = trusted is not None and path.parent == trusted
        bad = []
        for pattern, words in entries.items():
            if not isinstance(words, (str, int, float)) or not isinstance(pattern, (str, int, float)):
                bad.append(str(pattern)[:40])
                continue
            pattern = raw = str(pattern)
            if trusted_file:
                try:
                    re.compile(pattern)
                except re.error:
                    bad.append(pattern[:40])
                    continue
            else:
                if len(pattern) > MAX_IDIOM:
                    bad.append(pattern[:40] + " …")
                    continue
                pattern = provider_idiom_pattern(raw)
                if not pattern:
                    bad.append(raw[:40])
                    continue
            idioms.append((pattern, str(words)))
        if bad:
            problems.append((path, "Wendungen übersprungen: " + listed([f"„{b}“" for b in bad])))
    return groups, idioms, problems


class Thesaurus:
    def __init__(self, groups: list[list[tuple[str, ...]]], idioms: list[tuple[str, str]] | None = None):
        """`groups`: each member already analysed into a tuple of stems."""
        self.groups = [[m for m in g if m] for g in groups]
        # first stem of a member -> (group number, member): a question's stems look up only
        # the members that can start at them, not every group
        self.starts: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for gi, g in enumerate(self.groups):
            for m in g:
                self.starts.setdefault(m[0], []).append((gi, m))
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
        """Per group the question names: its first member found (in the group's order) and the others."""
        first: dict[int, int] = {}  # group number -> index of the first member found in it
        for i, s in enumerate(stems):
            for gi, member in self.starts.get(s, ()):
                if tuple(stems[i:i + len(member)]) == member:
                    idx = self.groups[gi].index(member)
                    if gi not in first or idx < first[gi]:
                        first[gi] = idx
        found = []
        for gi in sorted(first):
            group = self.groups[gi]
            member = group[first[gi]]
            found.append(Expansion(member, tuple(m for m in group if m != member)))
        return found

    def to_data(self) -> dict:
        return {"groups": [[list(m) for m in g] for g in self.groups],
                "idioms": [list(i) for i in self.raw_idioms]}

    @classmethod
    def from_data(cls, data: dict) -> "Thesaurus":
        return cls([[tuple(m) for m in g] for g in data["groups"]], [tuple(i) for i in data["idioms"]])
