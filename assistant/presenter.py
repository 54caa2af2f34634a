"""German wording of replies and calculations, in one place.

The CLI (`lotse ask`, `lotse calc`), the answer cards of the Textual app and the text copied to the
clipboard all render through this module: `present()` turns a service reply into a `ReplyView` of
display strings, and `reply_text`, `card_head_markdown`, `passage_markdown` and `reply_plain` lay
that view out. No Textual import here (assistant/ never imports the UI).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from knowledge.corpus import german_date
from knowledge.retrieval.sentences import split_sentences

from .calculators.base import num, quantity

SEP = " › "  # one separator for document › section paths everywhere
ECHO_LIMIT = 160  # a question longer than this is echoed shortened on the card
COLLAPSE_LINES = 12  # a passage longer than this is collapsed on the card
SIMILAR_ON_CARD = 3  # authored questions shown as "Ähnliche Fragen" under a card's passage
SIMILAR_LIMIT = 120  # a longer authored question is shortened on the card
SIMILAR_HEADING = "Ähnliche Fragen"
DEFINED_SHORT_LABEL = "Aus den Dokumenten"  # a "Was ist …?" answered by the glossary: the passage shows the term in use
DEFINED_SUGGESTIONS_HEADING = "Der Begriff kommt zum Beispiel hier vor"
OUT_OF_FORCE = "außer Kraft"
NOT_YET_IN_FORCE = "noch nicht in Kraft"
# examples parents use too (QA 32: "Personalschlüssel", the providers' word, had been one)
REPHRASE = ("Formulieren Sie die Frage anders oder kürzer, mit Begriffen aus den Dokumenten "
            "(zum Beispiel „InbeQ“, „Berufsbegleitung“, „Jobcoaching“, „Fahrtkosten“).")
FIX_INPUT = ("Korrigieren Sie die Angabe in der Frage (ein Datum als TT.MM.JJJJ, zum Beispiel 01.03.2027; Anzahlen als "
             "ganze Zahlen ab 0), dann rechnet UB-Lotse.")
EMPTY_QUESTION = "Die Frage ist leer."
WHOM_TO_ASK = ("Verbindlich Auskunft zu Ihrem Fall gibt die Reha-Beratung der Agentur für Arbeit; "
               "in der Berufsbegleitung, nach der Einstellung, das Integrationsamt (Inklusionsamt) oder der Integrationsfachdienst.")
WHOM_HEADING = "Wen Sie fragen können"


# ------------------------------------------------------------------ small pieces
def section(unit) -> str:
    """The unit's place in its document: "Teil A › 1. Urlaub"."""
    return SEP.join(unit.breadcrumb)


def validity(doc, today: dt.date) -> str:
    """Whether `doc` is in force on `today`, in plain language and without nested brackets."""
    if doc.valid_until and today > doc.valid_until:
        since = german_date(doc.valid_until + dt.timedelta(days=1))
        return f"Außer Kraft seit {since}; galt bis {german_date(doc.valid_until)}"
    if doc.valid_from and today < doc.valid_from:
        return f"Noch nicht in Kraft; gilt ab {german_date(doc.valid_from)}"
    if doc.valid_from and doc.valid_until:
        return f"In Kraft vom {german_date(doc.valid_from)} bis {german_date(doc.valid_until)}"
    if doc.valid_from:
        return f"In Kraft seit {german_date(doc.valid_from)}; das Dokument nennt kein Ablaufdatum"
    return f"Das Dokument nennt kein Ablaufdatum; Stand {doc.display_date}"


def out_of_force_note(doc, today: dt.date) -> str:
    """The warning on answers from a document that is no longer in force ("" while it is)."""
    if doc.valid_until and today > doc.valid_until:
        since = german_date(doc.valid_until + dt.timedelta(days=1))
        return f"Achtung: Dieses Dokument ist seit {since} nicht mehr in Kraft. Prüfen Sie, ob eine Nachfolgeregelung gilt."
    return ""


def force_marker(in_force: bool, not_yet: bool = False) -> str:
    """The marker of a document out of force, or not yet in force ("" while it is in force)."""
    if in_force:
        return ""
    return f"⚠ {NOT_YET_IN_FORCE}" if not_yet else f"⚠ {OUT_OF_FORCE}"


def not_yet_in_force(doc, today: dt.date) -> bool:
    return bool(doc.valid_from and today < doc.valid_from)


def document_marker(doc, today: dt.date) -> str:
    """A document's marker on lists and buttons: "⚠ außer Kraft", "⚠ noch nicht in Kraft" or ""."""
    return force_marker(doc.in_force(today), not_yet_in_force(doc, today))


# A further hit the ranking gives less than this probability of answering is not listed under
# "Weitere Treffer" (CLI, web, the cards' buttons): a holiday question listed an out-of-force
# clause on meeting dates at 0,0. A product choice, set by hand; the JSON keeps every hit.
FURTHER_HIT_MIN_PROBABILITY = 0.01


def further_hits(answers: list, limit: int = 4) -> list:
    """The answers after the first, up to the `limit`-th, that are likely enough to be listed."""
    return [a for a in answers[1:limit] if a.confidence >= FURTHER_HIT_MIN_PROBABILITY]


def document_suffix(doc_title: str) -> str:
    """A document's title after a unit's: " (Dokument)"; a title with its own brackets is set off
    with a dash instead (" – BA-Integrationskonzept (4-Phasen-Modell)"): no nested brackets."""
    return f" – {doc_title}" if "(" in doc_title else f" ({doc_title})"


def related_label(title: str, doc_title: str, in_force: bool, not_yet: bool = False) -> str:
    """A related unit on a button: "⚠ außer Kraft: Titel (Dokument)" – the marker first, so it is never cut off."""
    marker = force_marker(in_force, not_yet)
    return f"{marker + ': ' if marker else ''}{title}{document_suffix(doc_title)}"


def display_title(unit) -> str:
    """A unit's title as a list names it: a bare number ("1.2") with its parent heading ("1. Gegenstand der
    Grundsätze › 1.2"), no trailing colon ("Präambel:" -> "Präambel"). QA 3: "1.2" alone said nothing."""
    title = unit.title.strip().rstrip(":").strip() or unit.title
    if re.fullmatch(r"[\d.]+", title) and len(unit.breadcrumb) > 1:
        return f"{unit.breadcrumb[-2]} › {title}"
    return title


def unit_label(unit, doc, today: dt.date) -> str:
    return related_label(display_title(unit), doc.short_title, doc.in_force(today), not_yet_in_force(doc, today))


def _cut(text: str, limit: int) -> str:
    return text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]


def echo(question: str, limit: int = ECHO_LIMIT) -> str:
    """The question as echoed on a card: one line, shortened at a word boundary."""
    text = re.sub(r"\s+", " ", question).strip()
    if len(text) <= limit:
        return text
    # the count alone in German digits: the question keeps its commas (QA 45: "Hallo. ich bin neu. meine …")
    return f"{_cut(text, limit)} … ({num(len(text))} Zeichen)"


def quoted_excerpt(quote: str, text: str) -> str:
    """A self-check's answer as a quotation from its passage: "…" marks only what is left out, before a quote
    that starts within a sentence and after one that stops within it ("„…einem Umfang von …“", "„Es besteht …
    Teilnahme.“"; QA 29: a whole sentence had ended in ".…")."""
    flat_quote, flat_text = " ".join(quote.split()), " ".join(text.split())
    at = flat_text.find(flat_quote)
    before = flat_text[:at].rstrip() if at > 0 else ""
    starts = at == 0 or (at > 0 and (not before or before[-1] in ".!?:"))
    ends = flat_quote[-1:] in (".", "!", "?")
    return f"„{'' if starts else '…'}{flat_quote}{'' if ends else '…'}“"


def shorten(text: str, limit: int) -> str:
    """One line of at most about `limit` characters, cut at a word boundary and ending in "…"."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else f"{_cut(text, limit)} …"


def plain(text: str) -> str:
    """Text for the terminal and the clipboard: the documents' Markdown bold ("**Qualitative Aspekte:**") without its stars."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text, flags=re.S)


# what opens a sentence but is no part of the answer: a paragraph's number "(5)", a table row's
# "8 –", the answering body "Antwort (BA 12/2014):" / "Antwort BA (09/2011):"
LEAD_DEBRIS = re.compile(r"^(?:\(\d+[a-z]?\)\s*|\d+\s*[–-]\s+|Antwort\s*(?:BA\s*)?(?:\([^)]*\))?\s*:\s*)+")
FOOTNOTE_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def short_text(highlight: str) -> str:
    """The "Kurz:" line: the highlight's sentences as they stand, without Markdown stars, a leading
    paragraph or row number, an "Antwort (BA …):" label and footnote marks. A quotation that goes on
    past the sentences shown (or began before them) is marked so, with "…“" (or "„…"), and not left
    open (QA 28: „Den Teilnehmern werden unterweisungsfreie Zeiten eingeräumt. – and no closing mark)."""
    text = FOOTNOTE_MARKS.sub("", LEAD_DEBRIS.sub("", plain(highlight).strip()))
    opened, closed = text.count("„"), text.count("“")
    if opened > closed:
        text += " …“"
    elif closed > opened:
        text = "„… " + text
    return text


def definition_text(entry: dict) -> str:
    """A glossary entry as the lead of a reply to "Was ist …?" (it is UB-Lotse's plain-language
    explanation, not a source: the passages below carry the sources)."""
    name = entry["term"] + (f" ({entry['long']})" if entry.get("long") else "")
    return f"Im Glossar: {name} – {entry['explanation']} (Erklärung in einfacher Sprache, keine Rechtsquelle.)"


def corrections_text(corrections: dict[str, str]) -> str:
    return "Gesucht mit: " + ", ".join(f"„{k}“ → „{v}“" for k, v in corrections.items())


def terms_count(n: int) -> str:
    return quantity(n, "Termin", "Termine")


def meta_line(answer) -> str:
    d, u = answer.document, answer.unit
    meta = [f"Dokument vom {d.display_date}", f"Herausgeber: {d.issuer}"]
    if u.responder:
        meta.append(f"Antwort {u.responder}" + (f" ({u.answer_date})" if u.answer_date else ""))
    return " · ".join(meta)


def next_steps(reply) -> list[str]:
    """What to do when there is no answer: rephrase, related topics, whom to ask (no legal content).
    A declined adjacent topic names who gives information on it instead ("die Pflegekasse")."""
    if getattr(reply, "conversational", False) or getattr(reply, "defined", ""):  # "Danke!", "Was heißt WfbM?": nothing to rephrase
        return []
    if reply.contacts:
        return list(reply.contacts)
    error = getattr(reply, "error", "")
    # a calculation refused for its input ("Das Datum „31.02.2027“ gibt es nicht."): the input is what to change
    steps = [FIX_INPUT if error and error != EMPTY_QUESTION else REPHRASE]
    if reply.suggestions:
        steps.append("Wählen Sie unter „Meinten Sie“ ein verwandtes Thema aus den Dokumenten.")  # above in the CLI, below on a card
    steps.append(WHOM_TO_ASK)
    return steps


# ------------------------------------------------------------------ passages
def highlight_spans(text: str, highlight: str) -> list[tuple[int, int]]:
    """Character spans of the passage's sentences that make up the answer's highlight."""
    if not highlight:
        return []
    wanted = re.sub(r"\s+", " ", highlight)
    out = []
    for a, b in split_sentences(text):
        sentence = re.sub(r"\s+", " ", re.sub(r"\s*\|\s*", " – ", text[a:b].strip(" |"))).strip()
        if len(sentence) > 3 and sentence in wanted:
            out.append((a, b))
    return out


def passage_markdown(text: str, highlight: str = "") -> str:
    """A passage as Markdown that keeps its line breaks, with the highlight sentences in bold."""
    spans = highlight_spans(text, highlight)
    for a, b in reversed(spans):
        text = f"{text[:a]}**{text[a:b]}**{text[b:]}"
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        plain = line.strip() and nxt.strip() and not line.lstrip().startswith("|") and not nxt.lstrip().startswith(("|", "- ", "* "))
        # a line break inside a paragraph is a real break in these documents ("…Maßnahmeende" / "Ab diesem Zeitpunkt")
        out.append(line.rstrip() + "  " if plain else line)
    return "\n".join(out)


def passage_lines(text: str) -> int:
    return len([line for line in text.splitlines() if line.strip()])


# ------------------------------------------------------------------ views
@dataclass
class CalculationView:
    title: str
    result: str
    steps: list[str]
    assumptions: list[str]
    notes: list[str]
    sources: list[str]


@dataclass
class RelatedView:
    unit_id: str
    label: str


@dataclass
class AnswerView:
    unit_id: str
    short: str  # "Kurz:" – the sentences that answer
    source: str  # document › section
    document: str  # short title
    document_title: str
    issuer: str
    section: str
    date: str
    meta: str
    validity: str
    in_force: bool
    notes: list[str]
    passage: str
    highlight: str
    similar: list[str]

    @property
    def collapsible(self) -> bool:
        return passage_lines(self.passage) > COLLAPSE_LINES or len(self.passage) > COLLAPSE_LINES * 80


@dataclass
class ReplyView:
    question: str
    abstained: bool
    messages: list[str] = field(default_factory=list)
    calculation: CalculationView | None = None
    answer: AnswerView | None = None
    related: list[RelatedView] = field(default_factory=list)  # further hits (Verwandte Fragen)
    suggestions: list[RelatedView] = field(default_factory=list)  # Meinten Sie
    next_steps: list[str] = field(default_factory=list)
    # a "Was ist …?" answered by the glossary: the passage's sentences show the term in use, they do not define it
    short_label: str = "Kurz"
    suggestions_heading: str = "Meinten Sie"


def calculation_view(c, source_labels: list[str]) -> CalculationView:
    return CalculationView(c.title, c.result, list(c.steps), list(c.assumptions), list(c.notes), list(source_labels))


def answer_view(a) -> AnswerView:
    u, d = a.unit, a.document
    return AnswerView(u.id, short_text(a.highlight), f"{d.short_title}{SEP}{section(u)}", d.short_title, d.title, d.issuer, section(u), d.display_date,
                      meta_line(a), a.validity, a.in_force, list(a.notes), u.text, a.highlight, list(a.similar))


def present(reply, source_labels: list[str] | None = None) -> ReplyView:
    """The display strings of a reply; `source_labels` name the calculation's rules (service.source_label)."""
    view = ReplyView(echo(reply.question), reply.abstained, [reply.message] if reply.message else [])
    if getattr(reply, "defined", ""):
        view.short_label, view.suggestions_heading = DEFINED_SHORT_LABEL, DEFINED_SUGGESTIONS_HEADING
    if reply.calculation is not None:
        view.calculation = calculation_view(reply.calculation, source_labels or [])
    if reply.abstained:
        labels = reply.suggestion_labels or reply.suggestions  # labels name the document and mark one out of force
        view.suggestions = [RelatedView(uid, label) for uid, label in zip(reply.suggestion_ids, labels)]
        view.next_steps = next_steps(reply)
        return view
    if reply.answers:
        view.answer = answer_view(reply.answers[0])
        view.related = [RelatedView(a.unit.id, related_label(a.unit.title, a.document.short_title, a.in_force, a.not_yet))
                        for a in further_hits(reply.answers)]
    return view


# ------------------------------------------------------------------ layouts
def calculation_text(c: CalculationView) -> list[str]:
    out = [f"Berechnung: {c.title}", f"Ergebnis: {c.result}", ""]
    out += [f"  {s}" for s in c.steps]
    out += [f"  Annahme: {s}" for s in c.assumptions]
    out += [f"  Hinweis: {s}" for s in c.notes]
    return out + ["", "Quellen:"] + [f"  - {s}" for s in c.sources] + [""]


def calculation_markdown(c, source_labels: list[str] | None = None) -> str:
    """A calculation as Markdown (cards and the calculator tab); `c` is a Calculation or a CalculationView."""
    if not isinstance(c, CalculationView):
        c = calculation_view(c, source_labels or [])
    parts = [f"### {c.title}", f"**Ergebnis:** {c.result}", ""]
    parts += [f"- {s}" for s in c.steps]
    parts += [f"- *Annahme:* {a}" for a in c.assumptions]
    parts += [f"- *Hinweis:* {n}" for n in c.notes]
    if c.sources:
        parts += ["", "**Quellen:**"] + [f"- {s}" for s in c.sources]
    return "\n".join(parts)


def _lead_lines(v: ReplyView) -> list[str]:
    """What leads a reply in plain text: the calculation, then the messages."""
    out = calculation_text(v.calculation) if v.calculation else []
    for m in v.messages:
        out += [m, ""]
    return out


def reply_text(reply, source_labels: list[str] | None = None, more: int = 3) -> str:
    """A reply as terminal text (`lotse ask`, `lotse calc`)."""
    v = present(reply, source_labels)
    out = _lead_lines(v)
    if v.abstained:
        if reply.suggestions:
            out += [f"{v.suggestions_heading}:"] + [f"  - {s}" for s in (reply.suggestion_labels or reply.suggestions)] + [""]
        if v.next_steps:
            out += ["So kommen Sie weiter:"] + [f"  - {s}" for s in v.next_steps]
        return "\n".join(out).rstrip() + "\n"
    a = v.answer
    if a is not None:
        if a.short:
            out += [f"{v.short_label}: {a.short}", ""]
        out += [f"Antwort aus: {a.document}", f"Abschnitt: {a.section}", a.meta, f"Gültigkeit: {a.validity}"]
        out += [f"⚠ {n}" for n in a.notes]
        out += ["", plain(a.passage), ""]
        if a.similar:
            out += [f"{SIMILAR_HEADING}:"] + [f"  - {q}" for q in a.similar] + [""]
        others = further_hits(reply.answers, more)
        if others:
            out.append("Weitere Treffer:")
            out += [f"  {i}. {o.unit.title}{document_suffix(o.document.short_title)} – {o.validity}" for i, o in enumerate(others, 2)]
    return "\n".join(out).rstrip() + "\n"


def card_head_markdown(v: ReplyView) -> str:
    """The top of an answer card: question, messages, calculation, "Kurz:", source, date and validity."""
    parts = [f"**Frage:** {_escape(v.question)}", ""]  # what the user typed, shown as typed
    if v.calculation:
        parts += [calculation_markdown(v.calculation), ""]
    for m in v.messages:
        parts += [m, ""]
    if v.abstained:
        if v.next_steps:
            parts += ["**So kommen Sie weiter:**", ""] + [f"- {s}" for s in v.next_steps]
        return "\n".join(parts).rstrip()
    a = v.answer
    if a is not None:
        if a.short:
            parts += [f"**{v.short_label}:** {a.short}", ""]
        parts += [f"**Quelle:** {a.source}  ", f"*{a.meta}*  ", f"*Gültigkeit: {a.validity}*"]
        for n in a.notes:
            parts += ["", f"> ⚠ {n}"]
    return "\n".join(parts).rstrip()


TERMS_HEADING = "Begriffe kurz erklärt"


def terms_markdown(entries: list[dict]) -> str:
    """Glossary entries under an answer's "Kurz:" (parents' and new colleagues' views): "" for none."""
    if not entries:
        return ""
    items = []
    for e in entries:
        name = f"**{_escape(e['term'])}**" + (f" ({_escape(e['long'])})" if e.get("long") else "")
        notes = "".join(f" ⚠ {_escape(n)}" for n in e.get("notes", ()))
        items.append(f"- {name}: {_escape(e['explanation'])}{notes}")
    return "\n".join([f"**{TERMS_HEADING}:**", ""] + items)


def similar_markdown(v: ReplyView) -> str:
    """The unit's authored questions under a card's passage: "Ähnliche Fragen" ("" when there are none).

    Plain list items, not buttons: they are other wordings of the same passage, so they show what else
    it answers rather than lead somewhere else.
    """
    a = v.answer
    if v.abstained or a is None or not a.similar:
        return ""
    items = [f"- {_escape(shorten(q, SIMILAR_LIMIT))}" for q in a.similar[:SIMILAR_ON_CARD]]
    return "\n".join([f"**{SIMILAR_HEADING}** (derselbe Abschnitt beantwortet auch):", ""] + items)


def _escape(text: str) -> str:
    """Markdown-neutral text: a question is shown as written (no emphasis from * or _, no link,
    strikethrough, HTML tag or entity)."""
    return re.sub(r"([\\`*_\[\]<>&~])", r"\\\1", text)


def reply_markdown(reply, source_labels: list[str] | None = None) -> str:
    """A whole reply as Markdown (card head and passage)."""
    v = present(reply, source_labels)
    head = card_head_markdown(v)
    if v.answer is None:
        return head
    similar = similar_markdown(v)
    return head + "\n\n" + passage_markdown(v.answer.passage, v.answer.highlight) + (f"\n\n{similar}" if similar else "")


def reply_plain(reply, source_labels: list[str] | None = None) -> str:
    """The answer with its source as plain text, for the clipboard: everything the card says, in the
    card's order (the calculation worded as in the CLI, with its assumptions and notes)."""
    v = present(reply, source_labels)
    lines = [f"Frage: {reply.question.strip()}", ""] + _lead_lines(v)
    if v.abstained:
        if v.next_steps:
            lines += ["So kommen Sie weiter:"] + [f"  - {s}" for s in v.next_steps]
        if v.suggestions:
            lines += ["", f"{v.suggestions_heading}:"] + [f"  - {s.label}" for s in v.suggestions]
    a = v.answer
    if v.abstained or a is None:
        return "\n".join(lines).rstrip()
    if a.short:
        lines += [f"{v.short_label}: {a.short}", ""]
    lines += [f"Quelle: {a.document_title}; {a.section}", a.meta, f"Gültigkeit: {a.validity}"]
    lines += [f"⚠ {n}" for n in a.notes]
    lines += ["", plain(a.passage).strip()]
    if a.similar:
        lines += ["", f"{SIMILAR_HEADING}:"] + [f"  - {q}" for q in a.similar[:SIMILAR_ON_CARD]]
    return "\n".join(lines)
