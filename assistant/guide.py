"""The guide data behind the UI (corpus/guide.yaml): audiences with their starting
questions and hints, and the onboarding path for new staff with self-check questions."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge.safeyaml import DataError, load_file


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
    calculators: tuple[str, ...] = ()  # ids of the calculators the step's topic uses (links beside its passages)


@dataclass
class Guide:
    audiences: list[Audience] = field(default_factory=list)
    onboarding: list[Step] = field(default_factory=list)
    errors: list[tuple[Path, str]] = field(default_factory=list)  # (file, German problem) of skipped guide files and entries
    path: Path | None = None  # the guide.yaml this guide was read from

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)


class GuideError(ValueError):
    """A guide.yaml that does not have the expected shape (German message)."""


def _text(value, what: str) -> str:
    if not isinstance(value, (str, int, float)) or not str(value).strip():
        raise GuideError(f"{what} fehlt oder ist kein Text.")
    return " ".join(str(value).split())


def _list(value, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise GuideError(f"„{what}“ muss eine Liste sein.")
    return value


def parse_guide(data) -> Guide:
    """A Guide from parsed YAML; raises GuideError naming the first problem."""
    if not isinstance(data, dict):
        raise GuideError("Die Datei muss die Abschnitte „audiences“ und „onboarding“ enthalten.")
    audiences = []
    for i, a in enumerate(_list(data.get("audiences"), "audiences"), 1):
        if not isinstance(a, dict):
            raise GuideError(f"Zielgruppe {i} ist kein Eintrag mit „id“ und „label“.")
        audiences.append(Audience(_text(a.get("id"), f"Zielgruppe {i}: „id“"), _text(a.get("label"), f"Zielgruppe {i}: „label“"),
                                  " ".join(str(a.get("hint") or "").split()),
                                  tuple(_text(q, f"Zielgruppe {i}: eine Frage") for q in _list(a.get("questions"), "questions"))))
    steps = []
    for i, st in enumerate(_list(data.get("onboarding"), "onboarding"), 1):
        if not isinstance(st, dict):
            raise GuideError(f"Schritt {i} der Einarbeitung ist kein Eintrag mit „title“.")
        checks = []
        for c in _list(st.get("checks"), "checks"):
            if not isinstance(c, dict):
                raise GuideError(f"Schritt {i}: eine Selbstkontrolle ist kein Eintrag mit „question“, „unit“, „quote“.")
            checks.append(Check(_text(c.get("question"), f"Schritt {i}: „question“"), _text(c.get("unit"), f"Schritt {i}: „unit“"),
                                _text(c.get("quote"), f"Schritt {i}: „quote“")))
        steps.append(Step(_text(st.get("title"), f"Schritt {i}: „title“"), " ".join(str(st.get("intro") or "").split()),
                          tuple(_text(u, f"Schritt {i}: eine Abschnitts-ID") for u in _list(st.get("units"), "units")),
                          tuple(checks),
                          tuple(_text(c, f"Schritt {i}: ein Rechner") for c in _list(st.get("calculators"), "calculators"))))
    return Guide(audiences, steps)


def load_guide(dirs: list[Path]) -> Guide:
    """The guide of the corpus folders, in their order (the built-in one first): a provider's guide.yaml adds its
    audiences, replaces ours of the same id, and replaces the onboarding path when it has one (QA 40: a provider's
    guide with only its own audience had left no parents' view and no onboarding path).

    A broken provider guide is reported in `Guide.errors` and left out; the others still count."""
    errors: list[tuple[Path, str]] = []
    merged: Guide | None = None
    for d in dirs:
        path = Path(d) / "guide.yaml"
        if not path.is_file():
            continue
        try:
            guide = parse_guide(load_file(path))
        except (DataError, GuideError) as exc:
            errors.append((path, str(exc)))
            continue
        if merged is None:
            merged = guide
        else:
            own = {a.id: a for a in guide.audiences}
            ours = {a.id for a in merged.audiences}
            merged.audiences = [own.get(a.id, a) for a in merged.audiences] + [a for a in guide.audiences if a.id not in ours]
            merged.onboarding = guide.onboarding or merged.onboarding
        merged.path = path
    if merged is None:
        return Guide(errors=errors)
    merged.errors = errors
    return merged


def checked(guide: Guide, passage_text, calculators=None) -> Guide:
    """The guide with only what its passages bear out: a step's unit that does not exist, and a
    self-check whose unit does not exist or whose quote does not stand in that unit's text, are
    left out and reported in `errors` (a provider's guide is shown as quoting its sources).
    `passage_text(unit_id)` gives a unit's text, or None for an unknown unit; `calculators`, the
    ids of the calculators there are (None: not checked): a step's other calculator ids are left out too."""
    def flat(text: str) -> str:
        return " ".join(text.split())

    problems, steps = [], []
    for i, st in enumerate(guide.onboarding, 1):
        units = tuple(u for u in st.units if passage_text(u) is not None)
        problems += [f"Schritt {i}: Den Abschnitt „{u}“ gibt es nicht; er wird nicht gezeigt." for u in st.units if u not in units]
        checks = []
        for c in st.checks:
            text = passage_text(c.unit)
            if text is None:
                problems.append(f"Schritt {i}: Die Selbstkontrolle „{c.question}“ verweist auf den Abschnitt „{c.unit}“, den es nicht gibt; "
                                "sie wird nicht gezeigt.")
            elif flat(c.quote) not in flat(text):
                problems.append(f"Schritt {i}: Die Antwort „{c.quote}“ der Selbstkontrolle „{c.question}“ steht nicht im Abschnitt "
                                f"„{c.unit}“; sie wird nicht gezeigt.")
            else:
                checks.append(c)
        known = tuple(c for c in st.calculators if calculators is None or c in calculators)
        problems += [f"Schritt {i}: Den Rechner „{c}“ gibt es nicht; er wird nicht gezeigt." for c in st.calculators if c not in known]
        steps.append(replace(st, units=units, checks=tuple(checks), calculators=known))
    guide.onboarding = steps
    guide.errors = guide.errors + [(guide.path or Path("guide.yaml"), p) for p in problems]
    return guide
