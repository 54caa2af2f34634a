"""Calculator forms, generated from the calculator specs (assistant.calculators.registry): the fields each calculator
needs, their German labels, and parsing with German validation messages. The UI renders these forms; no widget knows a
calculator's rules. A calculation handed off from a question is turned back into form
values (`prefill`) so the form opens filled in.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import calculators as calc
from .calculators.registry import DATE_HINT, LAND_CHOICES, REGISTRY, CalculatorSpec, Field, parse_value  # noqa: F401 - re-exported


CalcForm = CalculatorSpec  # a form is a calculator spec: name, title, fields, run
FORMS: dict[str, CalculatorSpec] = REGISTRY


@dataclass
class FormResult:
    calculation: calc.Calculation | None = None
    errors: dict[str, str] = field(default_factory=dict)  # field name -> German message
    message: str = ""  # a problem that belongs to no single field

    @property
    def ok(self) -> bool:
        return self.calculation is not None


def evaluate(name: str, raw: dict[str, object], today: dt.date) -> FormResult:
    """Validate the raw form values and run the calculator."""
    form = FORMS.get(name)
    if form is None:
        return FormResult(message=f"Unbekannter Rechner „{name}“.")
    values, errors = {}, {}
    for f in form.fields:
        try:
            value = raw.get(f.name, f.default)
            if f.default and isinstance(value, str) and not value.strip():  # a cleared field with a default: the default, as on the CLI
                value = f.default
            values[f.name] = parse_value(f, value, today)
        except calc.InputError as exc:
            errors[f.name] = str(exc)
    if errors:
        return FormResult(errors=errors)
    try:
        return FormResult(form.run(values, today))
    except calc.InputError as exc:
        if exc.field in {f.name for f in form.fields}:  # shown at the field it is about, too
            return FormResult(errors={exc.field: str(exc)}, message=str(exc))
        return FormResult(message=str(exc))


def display_value(f: Field, value) -> object:
    """A calculator input as the form shows it (dates as TT.MM.JJJJ)."""
    if f.meanings:
        return next(choice for choice, meaning in f.meanings if meaning == value)
    if value is None:
        return False if f.kind == "flag" else ""
    if f.kind == "flag":
        return bool(value)
    if f.kind == "date":
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y") if isinstance(value, str) else value.strftime("%d.%m.%Y")
    if f.kind == "counts":
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if f.kind == "hours":
        return str(value).replace(".", ",").removesuffix(",0")
    return str(value)


def prefill(calculation: calc.Calculation) -> dict[str, object]:
    """Form values that reproduce a calculation (for a hand-off from a question)."""
    form = FORMS.get(calculation.name)
    if form is None:
        return {}
    inputs = calculation.inputs
    return {f.name: display_value(f, inputs.get(f.name)) for f in form.fields if f.name in inputs}
