"""Pure helpers for the widgets that only the Textual app shows (documents, glossary, onboarding).

Replies and calculations are worded by assistant.presenter, shared with the CLI.
No widget logic and no Textual import here, so they are tested with plain asserts.
"""
from __future__ import annotations

from assistant import presenter


def document_header(doc, today) -> str:
    """Title, issuer, date and validity of a document (kept above the passages in the side panel)."""
    lines = [f"**{doc.short_title}** · {doc.display_date}  ", f"*{presenter.validity(doc, today)}*"]
    note = presenter.out_of_force_note(doc, today)
    if note:
        lines += ["", f"> ⚠ {note}"]
    return "\n".join(lines)


def unit_markdown(unit, cited: bool = False, highlight: str = "") -> str:
    """A unit in the side panel; the sentences of the answer (`highlight`) are set in bold."""
    head = f"### {'▶ ' if cited else ''}{unit.title}"
    body = presenter.passage_markdown(unit.text, highlight)
    if cited and presenter.highlight_spans(unit.text, highlight):
        body = "*Fett: die Sätze der Antwort.*\n\n" + body
    return f"{head}\n\n{body}"


def glossary_markdown(entry: dict, passages: list) -> str:
    title = entry["term"] + (f" – {entry['long']}" if entry.get("long") else "")
    parts = [f"## {title}", "", str(entry["explanation"]), ""]
    parts += notes_markdown(entry.get("notes") or [])
    if passages:
        parts += ["**Kommt vor in:**"] + [f"- {u.title}" for u in passages]
    else:
        parts.append("*In den Dokumenten nicht verwendet.*")
    return "\n".join(parts)


def notes_markdown(notes: list[str]) -> list[str]:
    """Stale-law and expiry notes as quoted warnings (the same marker as on answer cards), each followed by a blank line."""
    out: list[str] = []
    for n in notes:
        out += [f"> ⚠ {n}", ""]
    return out


def step_markdown(step, index: int, total: int, notes: list[str] | None = None) -> str:
    text = f"## Schritt {index + 1} von {total}: {step.title}\n\n{step.intro}"
    if notes:
        text += "\n\n" + "\n".join(notes_markdown(notes)).rstrip()
    return text


def welcome_markdown(audience) -> str:
    if audience is None:
        return "Willkommen! Stellen Sie unten eine Frage."
    return (f"**Willkommen bei UB-Lotse** – Ansicht: *{audience.label}*\n\n{audience.hint}\n\n"
            "Zum Beispiel (anklicken oder selbst fragen):")
