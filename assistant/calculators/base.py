"""Shared pieces of the calculators: rule data, the result type and German formatting."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from knowledge.safeyaml import load_builtin

RULES_FILE = Path(__file__).resolve().parents[2] / "corpus" / "rules.yaml"
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember")


class InputError(ValueError):
    """Invalid calculator input; the message is German and shown to the user as is. `field`: the input
    it is about (a form shows the message at that field), when one is to blame."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Rule:
    """One rule value with its dated history and its reference (see corpus/rules.yaml)."""

    key: str
    value: object  # the value in force for current contracts (the latest dated value)
    source: str  # unit id in the corpus
    quote: str
    law: str = ""
    description: str = ""
    unit: str = ""
    values: tuple[tuple[dt.date, object], ...] = ()  # (applies from, value), oldest first

    @property
    def doc_id(self) -> str:
        return self.source.split("/", 1)[0]

    def value_on(self, day: dt.date) -> object:
        """The value that applies on `day` (the oldest value for days before the first date)."""
        chosen = self.values[0][1] if self.values else self.value
        for since, value in self.values:
            if since <= day:
                chosen = value
        return chosen


@dataclass
class Calculation:
    name: str
    title: str
    result: str
    steps: list[str]
    rules: list[Rule]
    dates: list[tuple[str, dt.date]] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    inputs: dict = field(default_factory=dict)
    in_force: bool = True
    validity: str = ""  # German sentence when a rule's source document is out of force
    # the documents' worked example of the same computation (a question and answer with such figures):
    # shown first, before the rules, which follow as the sources
    example: Rule | None = None

    @property
    def explanation(self) -> str:
        lines = list(self.steps)
        lines += [f"Annahme: {a}" for a in self.assumptions]
        lines += [f"Hinweis: {n}" for n in self.notes]
        return "\n".join(lines)


def _rule(key: str, entry: dict) -> Rule:
    ref = entry["reference"]
    values = tuple(sorted(((d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))), v) for d, v in entry["values"].items()))
    return Rule(key, values[-1][1], ref["unit"], " ".join(str(ref["quote"]).split()), ref.get("law", ""),
                entry.get("description", ""), entry.get("unit", ""), values)


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> dict[str, dict[str, Rule]]:
    """Rule groups from corpus/rules.yaml; the `citations` list holds prose no code reads and is not a group."""
    data = load_builtin(path.read_text(encoding="utf-8"))
    return {group: {k: _rule(k, v) for k, v in entries.items()} for group, entries in data.items() if group != "citations"}


@lru_cache(maxsize=4)
def load_citations(path: Path = RULES_FILE) -> dict[str, Rule]:
    data = load_builtin(path.read_text(encoding="utf-8")).get("citations") or []
    return {c["key"]: Rule(c["key"], None, c["unit"], " ".join(str(c["quote"]).split()), c.get("law", ""), c.get("description", ""))
            for c in data}


def rule(group: str, key: str) -> Rule:
    return load_rules()[group][key]


def citation(key: str) -> Rule:
    """A cited passage that no calculation reads a value from (listed under `citations:` in rules.yaml)."""
    return load_citations()[key]


# -------------------------------------------------------------- validity of the source documents
@dataclass(frozen=True)
class SourceDocument:
    id: str
    short_title: str
    valid_from: dt.date | None
    valid_until: dt.date | None


@lru_cache(maxsize=1)
def source_documents() -> dict[str, SourceDocument]:
    """Front matter of the built-in documents (validity like the year guards of the holidays package)."""
    from knowledge.corpus import BUILTIN_CORPUS, parse_document

    out = {}
    for path in sorted(BUILTIN_CORPUS.glob("*.md")):
        try:
            d = parse_document(path, trusted=True)
        except Exception:  # noqa: BLE001 - a broken file is reported by the corpus loader, not here
            continue
        out[d.id] = SourceDocument(d.id, d.short_title, d.valid_from, d.valid_until)
    return out


def expired_sources(rules: list[Rule], today: dt.date) -> list[SourceDocument]:
    docs = source_documents()
    seen, out = set(), []
    for r in rules:
        d = docs.get(r.doc_id)
        if d and d.valid_until and d.valid_until < today and d.id not in seen:
            seen.add(d.id)
            out.append(d)
    return out


def mark_validity(c: "Calculation", today: dt.date | None = None, ruled: list[dt.date] | None = None) -> "Calculation":
    """State in the result line when a rule comes from a document out of force, and flag dates after its end
    (or before its start). `ruled`: the days the rule set, when they are not the calendar's dates (a deadline
    that has passed: the calendar holds today, to catch up, but the rule's validity is judged on the deadline)."""
    today = today or dt.date.today()
    docs = source_documents()
    starts = [docs[r.doc_id].valid_from for r in c.rules if r.doc_id in docs and docs[r.doc_id].valid_from]
    relabel = ruled is None  # the calendar's own dates are judged, and marked in their labels
    days = [day for _, day in c.dates] if relabel else ruled
    if starts:
        begin = max(starts)
        if any(day < begin for day in days):
            if relabel:
                c.dates = [(f"{label} (vor Inkrafttreten der Quelle am {fmt_date(begin)})" if day < begin else label, day) for label, day in c.dates]
            c.notes.append(f"Termine vor dem {fmt_date(begin)} liegen vor dem Inkrafttreten der Quelle.")
    expired = expired_sources(c.rules, today)
    if not expired:
        return c
    end = min(d.valid_until for d in expired)
    names = ", ".join(d.short_title for d in expired)
    c.in_force = False
    c.validity = f"Quelle außer Kraft seit {fmt_date(end + dt.timedelta(days=1))} ({names})"
    c.result = f"{c.result} – Achtung: {c.validity}"
    late = [day for day in days if day > end]
    if not late:
        if days and not (starts and any(day < max(starts) for day in days)):  # a question about the years the rule held
            since = f"{fmt_date(max(starts))} bis " if starts else "bis "
            c.notes.append(f"Die berechneten Termine liegen in der Geltungszeit der Quelle ({since}{fmt_date(end)}).")
        return c
    if not relabel:
        c.notes.append(f"Termine nach dem {fmt_date(end)} liegen nach dem Ende der Regel. Prüfen Sie, ob eine Nachfolgeregelung gilt.")
        return c
    c.dates = [(f"{label} (nach Ablauf der Quelle am {fmt_date(end)})" if day > end else label, day) for label, day in c.dates]
    c.notes.append(f"Alle berechneten Termine liegen nach dem Ende der Regel ({fmt_date(end)}). Prüfen Sie, ob eine Nachfolgeregelung gilt."
                   if len(late) == len(c.dates) else f"Termine nach dem {fmt_date(end)} liegen nach dem Ende der Regel.")
    return c


def plural(n: float, one: str, many: str) -> str:
    """'1 Vollzeitstelle', '1,2 Vollzeitstellen'."""
    return f"{num(n)} {one if n == 1 else many}"


def fte_num(value: float) -> str:
    """A staffing factor as the documents write it: 1.0 -> '1,0', 1.2 -> '1,2', 0.25 -> '0,25'."""
    text = num(value)
    return text if "," in text else f"{text},0"


def num(value: float) -> str:
    """German number: 62.4 -> '62,4', 39.0 -> '39', 0.25 -> '0,25', 78000 -> '78.000', 1234.5 -> '1.234,5'."""
    if isinstance(value, int):  # exact, also beyond a float's precision (a count typed as 99999999999999999999)
        return f"{value:,}".replace(",", ".")
    text = f"{round(value, 2):,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": ".", ".": ","}))


def quantity(value: float, one: str, many: str) -> str:
    """A German number with its noun in the right form: "1 Vollzeitstelle", "1,5 Vollzeitstellen", "2 Termine"."""
    return f"{num(value)} {one if num(value) == '1' else many}"


def fmt_date(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def fmt_day(value: dt.date) -> str:
    return f"{WEEKDAYS[value.weekday()]}, {fmt_date(value)}"


def check_date(value: dt.date, *, label: str) -> dt.date:
    if not (1990 <= value.year <= 2100):
        raise InputError(f"{label}: Das Jahr {value.year} liegt außerhalb des sinnvollen Bereichs (1990 bis 2100).")
    return value


def check_count(value, *, label: str, minimum: int = 0, maximum: int = 10_000) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InputError(f"{label}: „{value}“ ist keine ganze Zahl.") from None
    if number != value and not isinstance(value, str):
        raise InputError(f"{label}: Bitte eine ganze Zahl angeben.")
    if number < minimum:
        raise InputError(f"{label}: Der Wert darf nicht kleiner als {num(minimum)} sein (angegeben: {num(number)}).")
    if number > maximum:  # thousands as everywhere in the results: "höchstens 10.000"
        raise InputError(f"{label}: Der Wert {num(number)} ist unrealistisch groß (höchstens {num(maximum)}).")
    return number


NUM_WORDS = {1: "eine", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun", 10: "zehn",
             11: "elf", 12: "zwölf"}


def num_word(value) -> str:
    """Small whole numbers as German words in running text ('vier Wochen'); others as digits."""
    return NUM_WORDS.get(value, num(value)) if isinstance(value, int) and not isinstance(value, bool) else num(value)


def check_year(value, *, label: str, minimum: int = 1990, maximum: int = 2100) -> int:
    year = check_count(value, label=label, minimum=0, maximum=10**9)
    if not (minimum <= year <= maximum):
        raise InputError(f"{label}: {year} liegt außerhalb des sinnvollen Bereichs ({minimum} bis {maximum}).")
    return year
