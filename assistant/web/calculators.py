"""The one place where the web layer reaches the calculators.

Pages and API routes ask only these functions for the list of calculators, one calculator's
fields and a calculation, so the source of the field definitions (today `assistant.forms`)
can be re-pointed here without touching any route or template.
"""
from __future__ import annotations

from ..forms import FORMS, CalcForm, Field, FormResult

FALSE_WORDS = {"", "0", "false", "nein", "off", "no", "aus"}


def calculator_forms() -> list[CalcForm]:
    """All calculators in their display order."""
    return list(FORMS.values())


def calculator_form(name: str) -> CalcForm | None:
    return FORMS.get(name)


def flag_value(raw: object) -> bool:
    """A checkbox or query value as a boolean ("on", "1", "ja", true …)."""
    if isinstance(raw, str):
        return raw.strip().casefold() not in FALSE_WORDS
    return bool(raw)


def field_keys(f) -> list[str]:
    """The keys a field's value may come under: its name, and its command-line option without the
    dashes ("beginn" for integrationsamt's `beschaeftigungsbeginn`, `--beginn`; "arbeitstage-woche")."""
    option = f.option.lstrip("-")
    return list(dict.fromkeys([f.name, option.replace("-", "_"), option]))


def normalise(form: CalcForm, raw: dict) -> dict:
    """Raw values from a form, a query string or JSON: flags become booleans, unknown keys are dropped.
    A field is found under its name or under its command-line option's name."""
    values: dict[str, object] = {}
    for f in form.fields:
        key = next((k for k in field_keys(f) if k in raw), f.name)
        if f.kind == "flag":
            values[f.name] = flag_value(raw.get(key, False))
        elif key in raw:
            value = raw[key]
            if isinstance(value, bool):  # JSON true/false in a field that wants a number or date
                value = "ja" if value else "nein"
            if f.kind == "counts" and isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            values[f.name] = value
    return values


def calculate(service, name: str, raw: dict) -> FormResult:
    """Validate and run one calculator through the service (German messages in FormResult)."""
    form = calculator_form(name)
    if form is None:
        return FormResult(message=f"Unbekannter Rechner „{name}“.")
    return service.calculate(name, normalise(form, raw))




def prefill_query(calculation) -> dict[str, str]:
    """Query values that open a calculator page filled in like `calculation` (hand-off from a question)."""
    from ..forms import prefill

    out = {}
    for key, value in prefill(calculation).items():
        if value is True:
            out[key] = "on"
        elif value not in (False, None, ""):
            out[key] = str(value)
    return out


def calendar_file(calculation) -> bytes | None:
    """The calculation's dates as iCalendar bytes, or None when it has no dates."""
    from ..calculators.ics import to_ics

    return to_ics(calculation) if calculation.dates else None


__all__ = ["CalcForm", "Field", "FormResult", "calculator_forms", "calculator_form", "calculate", "flag_value",
           "prefill_query", "calendar_file"]
