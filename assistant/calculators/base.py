"""Shared pieces of the calculators: rule data, the result type and German formatting."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).resolve().parents[2] / "corpus" / "rules.yaml"
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember")


class InputError(ValueError):
    """Invalid calculator input; the message is German and shown to the user as is."""


@dataclass(frozen=True)
class Rule:
    key: str
    value: object
    source: str  # unit id in the corpus
    quote: str
    law: str = ""


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

    @property
    def explanation(self) -> str:
        lines = list(self.steps)
        lines += [f"Annahme: {a}" for a in self.assumptions]
        lines += [f"Hinweis: {n}" for n in self.notes]
        return "\n".join(lines)


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> dict[str, dict[str, Rule]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, Rule]] = {}
    for group, entries in data.items():
        out[group] = {k: Rule(k, v["value"], v["source"], v["quote"], v.get("law", "")) for k, v in entries.items()}
    return out


def rule(group: str, key: str) -> Rule:
    return load_rules()[group][key]


def num(value: float) -> str:
    """German number: 62.4 -> '62,4', 39.0 -> '39', 0.25 -> '0,25'."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


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
        raise InputError(f"{label}: Der Wert darf nicht kleiner als {minimum} sein (angegeben: {number}).")
    if number > maximum:
        raise InputError(f"{label}: Der Wert {number} ist unrealistisch groß (höchstens {maximum}).")
    return number
