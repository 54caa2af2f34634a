"""Adjacent topics (corpus/adjacent_topics.yaml): subjects next to the field that the
documents do not answer, such as the Budget für Arbeit or wages in a Werkstatt.

A question that names one of them is answered only by a unit that names it as well;
otherwise the assistant says that the documents are silent on that topic instead of
showing a passage that merely shares some of its words.

The same file names the documents' own field ("field": InbeQ, UB, Jobcoaching) and the
neighbouring programmes they mention only at the margin ("programmes": Werkstatt, BBW). A
question that names such a programme and not the field makes a unit that does not name it an
unlikely answer (ranker feature programme_miss); a long post that names the field may be
answered through its question sentence (AnswerPipeline.search). Its "contacts" name whom to ask about
subjects a declined question names ("Kindergeld": the Familienkasse); they never make a question declined.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from .safeyaml import DataError, load_file

FILE_NAME = "adjacent_topics.yaml"


@dataclass(frozen=True)
class Topic:
    name: str
    phrases: tuple[tuple[str, ...], ...]  # analysed stem sequences of its terms
    units: frozenset[int]  # positions of the units that name the topic
    ask: str = ""  # who gives information on it ("die Pflegekasse"), named when the topic is declined
    # phrases that make a question about something else: "in die Rente einzahlen" asks about contributions
    # to the pension insurance, which the documents answer, not about a pension (`compile_phrases`)
    unless: tuple[tuple[str, ...], ...] = ()

    def to_data(self) -> dict:
        return {"name": self.name, "phrases": [list(p) for p in self.phrases], "units": sorted(self.units), "ask": self.ask,
                "unless": [list(p) for p in self.unless]}

    @classmethod
    def from_data(cls, data: dict) -> "Topic":
        return cls(data["name"], tuple(tuple(p) for p in data["phrases"]), frozenset(data["units"]), data.get("ask", ""),
                   tuple(tuple(p) for p in data.get("unless", ())))


def topic_files(dirs: Iterable[Path]) -> list[Path]:
    return [d / FILE_NAME for d in dirs if (d / FILE_NAME).is_file()]


class TopicTerms(NamedTuple):
    topics: list[tuple[str, list[str]]]  # adjacent topics: (name, terms)
    asks: dict[str, str]  # adjacent topic name -> who gives information on it
    unless: dict[str, list[str]]  # adjacent topic name -> terms that make a question about something else
    field: list[str]  # terms that name the documents' own field (`named`)
    programmes: list[tuple[str, list[str]]]  # neighbouring programmes the documents mention: (name, terms)
    regions: list[str]  # names of the Länder some documents apply to
    problems: list[tuple[Path, str]]  # (file, German message)
    # whom to ask about subjects a declined question names, no guard: (name, who, terms); "Kindergeld" is answered in
    # part by the documents, so it cannot be a topic, but a question on it they do not answer is better sent on
    contacts: list[tuple[str, str, list[str]]]


def _named_lists(entries) -> tuple[list[tuple[str, list[str]]], int]:
    """(name, terms) of well-formed entries, and how many were skipped."""
    out, skipped = [], 0
    for entry in entries:
        terms = entry.get("terms") if isinstance(entry, dict) else None
        words = [str(t) for t in terms if isinstance(t, (str, int, float)) and str(t).strip()] if isinstance(terms, list) else []
        if isinstance(entry, dict) and isinstance(entry.get("name"), (str, int, float)) and str(entry["name"]).strip() and words:
            out.append((str(entry["name"]), words))
        else:
            skipped += 1
    return out, skipped


def load_topic_terms(paths: Iterable[Path]) -> TopicTerms:
    """The adjacent topics, the field's terms and the neighbouring programmes of the files.

    A broken file is reported and skipped; malformed entries are skipped and counted. A file
    needs "topics" unless it holds "field", "programmes" or "regions" only."""
    result = TopicTerms([], {}, {}, [], [], [], [], [])
    for path in paths:
        try:
            data = load_file(path)
        except DataError as exc:
            result.problems.append((path, str(exc)))
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            result.problems.append((path, "Die Datei muss eine Liste „topics“ mit Einträgen aus „name“ und „terms“ enthalten."))
            continue
        for key, into in (("field", result.field), ("regions", result.regions)):
            words = data.get(key)
            if words is None:
                continue
            if isinstance(words, list) and all(isinstance(t, str) and t.strip() for t in words):
                into.extend(words)
            else:
                result.problems.append((path, f"„{key}“ muss eine Liste von Wörtern sein; sie wurde übersprungen."))
        if data.get("programmes") is not None:
            if isinstance(data["programmes"], list):
                programmes, skipped = _named_lists(data["programmes"])
                result.programmes.extend(programmes)
                if skipped:
                    result.problems.append((path, f"{skipped} Programm(e) übersprungen (jedes braucht „name“ und eine Liste „terms“)."))
            else:
                result.problems.append((path, "„programmes“ muss eine Liste mit Einträgen aus „name“ und „terms“ sein."))
        if data.get("contacts") is not None:
            entries = data["contacts"] if isinstance(data["contacts"], list) else None
            listed, skipped = _named_lists(entries or [])  # (not `named`, the function of this module)
            asks = {str(e["name"]): e["ask"] for e in entries or [] if isinstance(e, dict) and e.get("name")
                    and isinstance(e.get("ask"), str) and e["ask"].strip()}
            result.contacts.extend((name, asks[name], terms) for name, terms in listed if name in asks)
            skipped += sum(1 for name, _ in listed if name not in asks)
            if entries is None or skipped:
                result.problems.append((path, "„contacts“ braucht Einträge aus „name“, „ask“ und einer Liste „terms“; "
                                              f"{skipped if entries is not None else 'alle'} übersprungen."))
        if "topics" not in data and any(k in data for k in ("field", "programmes", "regions", "contacts")):
            continue
        entries = data.get("topics")
        if not isinstance(entries, list):
            result.problems.append((path, "Die Datei muss eine Liste „topics“ mit Einträgen aus „name“ und „terms“ enthalten."))
            continue
        topics, skipped = _named_lists(entries)
        result.topics.extend(topics)
        result.asks.update((str(e["name"]), str(e["ask"])) for e in entries
                           if isinstance(e, dict) and isinstance(e.get("ask"), str) and e["ask"].strip() and e.get("name"))
        for e in entries:
            unless = e.get("unless") if isinstance(e, dict) else None
            if unless is None or not e.get("name"):
                continue
            if isinstance(unless, list) and all(isinstance(t, str) and t.strip() for t in unless):
                result.unless.setdefault(str(e["name"]), []).extend(unless)
            else:
                result.problems.append((path, f"„unless“ von „{e['name']}“ muss eine Liste von Wörtern sein; sie wurde übersprungen."))
        if skipped:
            result.problems.append((path, f"{skipped} Thema/Themen übersprungen (jedes braucht „name“ und eine Liste „terms“)."))
    return result


def _meets(stem: str, pattern: str) -> bool:
    return stem.startswith(pattern[:-1]) if pattern.endswith("*") else stem == pattern


def contains(seq: list[str] | tuple[str, ...], phrase: tuple[str, ...], start: int = 0) -> int | None:
    """Position where `phrase` occurs contiguously in `seq` (from `start` on), or None. A stem of
    the phrase ending in "*" (`compile_phrases`) meets every stem it begins."""
    n = len(phrase)
    if phrase and not any(p.endswith("*") for p in phrase):
        # from each occurrence of the first stem (found by `index`, in C: most phrases are not in the question at all)
        first, last = phrase[0], len(seq) - n
        i = start
        while True:
            try:
                i = seq.index(first, i)
            except ValueError:
                return None
            if i > last:
                return None
            if tuple(seq[i:i + n]) == phrase:
                return i
            i += 1
    for i in range(start, len(seq) - n + 1):
        if all(_meets(seq[i + j], phrase[j]) for j in range(n)):
            return i
    return None


def compile_phrases(terms: Iterable[str], analyze: Callable[[str], list[str]]) -> tuple[tuple[str, ...], ...]:
    """Stem sequences of terms; a term ending in "*" ("Werkstatt*") also begins a compound: its
    last stem keeps the "*" ("werkstatt*" meets "werkstattbeschaeftigt")."""
    out = []
    for term in terms:
        prefix = term.rstrip().endswith("*")
        stems = analyze(term.rstrip().rstrip("*"))
        if stems:
            out.append(tuple(stems[:-1]) + (stems[-1] + "*",) if prefix else tuple(stems))
    return tuple(dict.fromkeys(out))


def named(stems: list[str] | tuple[str, ...], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether a question's stems (in order) contain one of the phrases (`compile_phrases`)."""
    return any(contains(stems, phrase) is not None for phrase in phrases)


def names_in_set(terms: frozenset[str] | set[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether a set of stems (a unit's terms) holds every stem of one of the phrases."""
    lines = None  # the terms one per line, so a starred stem is one substring search
    for phrase in phrases:
        for p in phrase:
            if p.endswith("*"):
                lines = lines if lines is not None else "\n" + "\n".join(terms)
                if "\n" + p[:-1] not in lines:
                    break
            elif p not in terms:
                break
        else:
            return True
    return False


def compile_topics(terms: list[tuple[str, list[str]]], analyze: Callable[[str], list[str]],
                   unit_stems: list[list[str]], asks: dict[str, str] | None = None,
                   unless: dict[str, list[str]] | None = None) -> list[Topic]:
    """Analyse the topic terms and find the units that name each topic."""
    topics = []
    stem_sets = [frozenset(seq) for seq in unit_stems]  # a unit lacking a phrase's stems cannot name it
    for name, words in terms:
        phrases = tuple(dict.fromkeys(p for p in (tuple(analyze(w)) for w in words) if p))
        units = frozenset(i for i, (seq, have) in enumerate(zip(unit_stems, stem_sets))
                          if any(p[0] in have and have.issuperset(p) and contains(seq, p) is not None for p in phrases))
        topics.append(Topic(name, phrases, units, (asks or {}).get(name, ""),
                            compile_phrases((unless or {}).get(name, []), analyze)))
    return topics
