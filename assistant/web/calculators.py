"""The one place where the web layer reaches the calculators.

Pages and API routes ask only these functions for the list of calculators, one calculator's
fields and a calculation, so the source of the field definitions (today `assistant.forms`)
can be re-pointed here without touching any route or template.
"""
from __future__ import annotations

import json
import math

from ..forms import FORMS, CalcForm, Field, FormResult

FALSE_WORDS = {"", "0", "false", "nein", "off", "no", "aus"}
TRUE_WORDS = {"1", "true", "ja", "on", "yes", "an"}


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


def switch_keys(f) -> list[tuple[str, str]]:
    """(key, choice value) of a choice field's command-line switches ("nicht-modular", "nicht_modular" -> "nein")."""
    return [(k, value) for option, value in f.flags
            for k in dict.fromkeys([option.lstrip("-"), option.lstrip("-").replace("-", "_")])]


def unknown_keys(form: CalcForm, raw: dict) -> list[str]:
    """The keys of `raw` that name no field of the calculator (a misspelt "mindestplatze")."""
    known = {k for f in form.fields for k in field_keys(f)} | {k for f in form.fields for k, _ in switch_keys(f)}
    return [k for k in raw if k not in known]


def normalise(form: CalcForm, raw: dict) -> dict:
    """Raw values from a form, a query string or JSON: flags become booleans, unknown keys are dropped.
    A field is found under its name or under its command-line option's name; a choice also under one
    of its switches ({"nicht-modular": true})."""
    values: dict[str, object] = {}
    for f in form.fields:
        key = next((k for k in field_keys(f) if k in raw), f.name)
        switched = [value for k, value in switch_keys(f) if k in raw and k not in field_keys(f) and flag_value(raw[k])]
        if switched and key not in raw:
            values[f.name] = switched[0]
        elif f.kind == "flag":
            values[f.name] = flag_value(raw.get(key, False))
        elif key in raw:
            value = raw[key]
            if isinstance(value, bool):  # JSON true/false in a field that wants a number or date
                value = "ja" if value else "nein"
            if f.kind == "counts" and isinstance(value, list):
                value = ", ".join(_json_number(v) for v in value)
            elif isinstance(value, float):
                value = _json_number(value)
            values[f.name] = value
    return values


def _json_number(value: object) -> str:
    """A JSON number as a form would hold it: 8.0 is 8 (JSON has one kind of number)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def json_text(value: object) -> str:
    """A JSON value as the client wrote it, for a message: „vielleicht“, 2, null."""
    return f"„{value}“" if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def json_problems(form: CalcForm, raw: dict) -> dict[str, str]:
    """Field name -> message for a JSON value no form field could hold: a list or an object where one value belongs, a
    list item that is no number, a flag that is neither yes nor no. (Their Python spelling, „None“ or „{'a': 8}“, would
    otherwise reach the message; null alone means "not given", as an empty form field.)"""
    out = {}
    for f in form.fields:
        key = next((k for k in field_keys(f) if k in raw), None)
        if key is None:
            continue
        value = raw[key]
        if f.kind == "flag":
            if not (isinstance(value, bool) or value in (0, 1) or (isinstance(value, str) and value.strip().casefold() in TRUE_WORDS | FALSE_WORDS)):
                out[f.name] = f"„{key}“ erwartet ja oder nein (true oder false), nicht {json_text(value)}."
        elif isinstance(value, dict) or (isinstance(value, list) and f.kind != "counts"):
            out[f.name] = f"„{key}“ erwartet einen einzelnen Wert, keine Liste und kein Objekt."
        elif isinstance(value, list) and not all(isinstance(v, (int, float, str)) and not isinstance(v, bool) for v in value):
            out[f.name] = f"„{key}“: jede Angabe der Liste muss eine Zahl sein, z. B. [8, 4]."
        elif f.kind in ("count", "counts", "hours", "date") and (
                isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value))):
            # said as the client wrote it (QA 22, 27: true had been reported as „ja“, 1e400 as „inf“); a choice takes
            # true as its switch ({"modular": true})
            shown = json_text(value) if isinstance(value, bool) else "eine Zahl, die zu groß zum Rechnen ist"
            wanted = "ein Datum (TT.MM.JJJJ)" if f.kind == "date" else "eine Zahl"
            out[f.name] = f"„{key}“ erwartet {wanted}, nicht {shown}."
    return out


def conflicts(form: CalcForm, raw: dict) -> dict[str, str]:
    """Field name -> message, for a choice given two different ways ({"modular": true, "nicht-modular": true})."""
    out = {}
    for f in form.fields:
        given = {}
        for k, value in switch_keys(f):
            if k in raw and flag_value(raw[k]):
                given.setdefault(value, k)
        # every name the field is known by, each once ({"beschaeftigungsbeginn": …, "beginn": …}; QA 22: one was dropped)
        for key in dict.fromkeys(field_keys(f)):
            if key in raw and key not in dict(switch_keys(f)) and str(raw[key]).strip():
                given.setdefault(str(raw[key]), key)
        if len(given) > 1:
            names = " und ".join(f"„{k}“" for k in given.values())
            out[f.name] = f"{names} schließen sich aus: bitte nur eine Angabe."
    return out


def repeated_keys(params) -> list[str]:
    """The keys a query string gives more than once (a Starlette QueryParams or any multi-dict with getlist)."""
    return [k for k in dict.fromkeys(params.keys()) if len(params.getlist(k)) > 1]


def repeated_message(keys: list[str]) -> str:
    return "Feld " + ", ".join(f"„{k}“" for k in keys) + " mehrfach angegeben: bitte nur einmal."


def calculate(service, name: str, raw: dict, strict: bool = False) -> FormResult:
    """Validate and run one calculator through the service (German messages in FormResult). `strict` (the
    JSON API): a key that names no field, or a choice given two ways, is an error, not dropped."""
    form = calculator_form(name)
    if form is None:
        return FormResult(message=f"Unbekannter Rechner „{name}“.")
    if strict:
        unknown = unknown_keys(form, raw)
        if unknown:
            names = ", ".join(f"„{k}“" for k in unknown)
            fields = ", ".join(f.name for f in form.fields)
            return FormResult(message=f"Unbekanntes Feld {names}. Dieser Rechner kennt: {fields}.")
        clashes = {**json_problems(form, raw), **conflicts(form, raw)}
        if clashes:
            return FormResult(errors=clashes, message=" ".join(clashes.values()))
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


__all__ = ["CalcForm", "Field", "FormResult", "calculator_forms", "calculator_form", "calculate", "flag_value", "unknown_keys",
           "repeated_keys", "repeated_message",
           "prefill_query", "calendar_file"]
