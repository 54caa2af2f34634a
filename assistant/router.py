"""Route a plain German question to a calculator, with the inputs extracted from it.

The router is a table of route specs (`ROUTES`) generated from the calculator registry: each `CalculatorSpec` carries
a `RouteRule` with its triggers (does the question ask for this calculation?) and the named extractor for each field
(`assistant.question`). The rules are tried by rising priority; the first whose trigger fires wins. A question is
handed to a calculator only when it names the inputs (a date, a count of participants, a number of months). A question
about the rule alone ("Wie ist der Personalschlüssel?") stays with the search, which shows the passage.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from . import calculators as calc
from .calculators.registry import REGISTRY, SPECS, CalculatorSpec, Field, RouteRule, parse_value
from . import question as qx
from .extract import ExtractError, find_negative
# re-exported: the named extractors the tests and callers know from here
from .question import Question, contract_era, employment_date, reference_date  # noqa: F401


@dataclass
class Route:
    name: str
    run: Callable[[], calc.Calculation]
    assumptions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RouteSpec:
    """One row of the router's table: a calculator's name and its route rule (from the registry)."""

    name: str
    rule: RouteRule

    def trigger(self, q: Question) -> bool:
        return any(t.fires(q) for t in self.rule.triggers)


ROUTES: tuple[RouteSpec, ...] = tuple(sorted((RouteSpec(s.name, s.route) for s in SPECS if s.route and s.route.triggers),
                                             key=lambda r: r.rule.priority))


def _default(f: Field, today: dt.date):
    if f.kind == "flag":
        return False
    return parse_value(f, f.default, today) if f.default else None


SHOWN_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")


def build(spec: CalculatorSpec, q: Question) -> Route | None:
    """The route to `spec`: each field from its named extractor, the others at their defaults; None when a
    required date stays empty."""
    rule = spec.route
    if rule.choose is not None:
        chosen = REGISTRY[rule.choose(q)]
        if chosen is not spec:
            return build(chosen, q)
    values = {f.name: _default(f, q.today) for f in spec.fields}
    for name, extractor in rule.extract:
        values[name] = extractor(q)
    if any(f.required and f.kind == "date" and values[f.name] is None for f in spec.fields):
        return None  # the question names no date the calculation needs (QA 35: "seit März 2025 in der InbeQ" is no employment's)
    # the day deadlines are judged from: the calculator's own rule, else the day the question names ("Stand …")
    today = rule.today(q) if rule.today else (qx.stated_today(q) or q.today)
    # how the question's dates were read, only of the dates the calculation reads (QA 34: "im August wegfahren" had
    # been listed for a count of days off that takes no date; QA 35: a trip's "21.07." beside one that takes the
    # entry and "Ende Juni"): the values, the stated day, the ranges an extractor read, and the days the
    # extractors' own readings name ("Teilnahme vom … bis …")
    used = ({v for v in values.values() if isinstance(v, dt.date)} | ({today} if today != q.today else set())
            | {d for key, ranges in q.memo.items() if isinstance(key, tuple) and key[0] == "ranges" for r in ranges
               for d in (q.reread.get(r[2].start, r[2].value), q.reread.get(r[3].start, r[3].value))}
            | {dt.datetime.strptime(d, "%d.%m.%Y").date() for a in q.assumed for d in SHOWN_DATE.findall(a)})
    return Route(spec.name, lambda: spec.run(values, today), (q.assumptions_for(used) if used else []) + q.assumed)


def route(question: str, today: dt.date) -> Route | None:
    """The calculator for `question`, or None. Raises ExtractError/InputError for impossible input."""
    neg = find_negative(question)
    if neg:
        raise calc.InputError(f"„{neg}“: negative Anzahlen sind nicht möglich.")
    q = Question(qx.with_umlauts(question), today)
    q.dates  # an impossible date is reported even when no calculator fits
    if qx.only_vents(q.text):
        return None
    for spec in ROUTES:
        try:
            if spec.trigger(q):
                built = build(REGISTRY[spec.name], q)
                if built is not None:
                    return built
        except (ExtractError, calc.InputError) as exc:
            exc.calculator = spec.name  # bad input for a calculation (the caller shows no passage's sentence as the answer)
            raise
    return None
