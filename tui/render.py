"""Pure helpers that turn service results into Markdown or plain text for the widgets.

No widget logic and no Textual import here, so they are tested with plain asserts.
"""
from __future__ import annotations


def answer_header(answer) -> list[str]:
    d, u = answer.document, answer.unit
    meta = [d.issuer, f"Dokument vom {d.display_date}"]
    if u.responder:
        meta.append(f"Antwort {u.responder}" + (f" ({u.answer_date})" if u.answer_date else ""))
    lines = [f"**Quelle:** {d.short_title} › {u.section}  ", f"*{' · '.join(meta)}*  ", f"*Gültigkeit: {answer.validity}*"]
    for n in answer.notes:
        lines += ["", f"> ⚠ {n}"]
    return lines


def calculation_markdown(c, source_labels: list[str]) -> str:
    parts = [f"### {c.title}", f"**Ergebnis:** {c.result}", ""]
    parts += [f"- {s}" for s in c.steps]
    parts += [f"- *Annahme:* {a}" for a in c.assumptions]
    parts += [f"- *Hinweis:* {n}" for n in c.notes]
    if source_labels:
        parts += ["", "**Quellen:**"] + [f"- {s}" for s in source_labels]
    return "\n".join(parts)


def reply_markdown(reply, source_labels: list[str] | None = None) -> str:
    """A reply as the Markdown of an answer card."""
    parts = [f"**Frage:** {reply.question}", ""]
    if reply.calculation:
        parts += [calculation_markdown(reply.calculation, source_labels or []), ""]
    if reply.message:
        parts += [reply.message, ""]
    if reply.abstained:
        return "\n".join(parts).rstrip()
    if reply.answers:
        a = reply.answers[0]
        if a.highlight:
            parts += [f"**Kurz:** {a.highlight}", ""]
        parts += answer_header(a) + ["", a.unit.text]
    return "\n".join(parts).rstrip()


def reply_plain(reply, source_labels: list[str] | None = None) -> str:
    """The answer with its source as plain text, for the clipboard."""
    lines = [f"Frage: {reply.question}"]
    if reply.calculation:
        c = reply.calculation
        lines += [f"{c.title}: {c.result}"] + [f"  {s}" for s in c.steps]
        lines += [f"  Quelle: {s}" for s in source_labels or []]
    if reply.abstained or not reply.answers:
        if reply.message:
            lines.append(reply.message)
        return "\n".join(lines)
    a = reply.answers[0]
    if a.highlight:
        lines += ["", f"Kurz: {a.highlight}"]
    lines += ["", a.unit.text.strip(), "",
              f"Quelle: {a.document.title} ({a.document.issuer}), {a.unit.section}, Dokument vom {a.document.display_date}",
              f"Gültigkeit: {a.validity}"]
    lines += [f"Hinweis: {n}" for n in a.notes]
    return "\n".join(lines)


def document_header(doc, today) -> str:
    lines = [f"## {doc.title}", "", f"*{doc.issuer} · {doc.region} · Dokument vom {doc.display_date}*", "",
             f"*Gültigkeit: {doc.validity(today)}*"]
    if not doc.in_force(today):
        lines += ["", "> ⚠ Dieses Dokument ist nicht mehr in Kraft."]
    return "\n".join(lines)


def unit_markdown(unit, cited: bool = False) -> str:
    head = f"### {'▶ ' if cited else ''}{unit.title}"
    return f"{head}\n\n{unit.text}"


def glossary_markdown(entry: dict, passages: list) -> str:
    title = entry["term"] + (f" – {entry['long']}" if entry.get("long") else "")
    parts = [f"## {title}", "", str(entry["explanation"]), ""]
    if passages:
        parts += ["**Kommt vor in:**"] + [f"- {u.title}" for u in passages]
    else:
        parts.append("*In den Dokumenten nicht verwendet.*")
    return "\n".join(parts)


def step_markdown(step, index: int, total: int) -> str:
    return f"## Schritt {index + 1} von {total}: {step.title}\n\n{step.intro}"


def welcome_markdown(audience) -> str:
    if audience is None:
        return "Willkommen! Stellen Sie unten eine Frage."
    return (f"**Willkommen bei UB-Lotse** – Ansicht: *{audience.label}*\n\n{audience.hint}\n\n"
            "Zum Beispiel (anklicken oder selbst fragen):")
