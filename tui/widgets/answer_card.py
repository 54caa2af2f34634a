"""An answer card: the answer (Markdown), its source line, and actions."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Button, Label, Static

from assistant import presenter

EXPAND = "▼ ganzen Abschnitt zeigen"
COLLAPSE = "▲ Abschnitt einklappen"


class AnswerCard(Vertical, can_focus=True):
    """One reply in the conversation. Actions are posted as messages; the app handles them."""

    DEFAULT_CSS = """
    AnswerCard { height: auto; border: round $accent; margin: 0 0 1 0; padding: 0 1; }
    AnswerCard.abstained { border: round $warning; }
    AnswerCard:focus-within, AnswerCard:focus, AnswerCard.abstained:focus-within, AnswerCard.abstained:focus {
        border: double $success; border-title-color: $success;
    }
    AnswerCard .passage { height: auto; margin-top: 1; }
    AnswerCard .passage.collapsed { max-height: 12; overflow: hidden hidden; }
    AnswerCard .similar { height: auto; margin-top: 1; }
    AnswerCard .terms { height: auto; margin-top: 1; color: $text-muted; }
    AnswerCard .actions { height: auto; margin-top: 1; }
    AnswerCard .actions Button { margin-right: 1; min-width: 10; }
    AnswerCard .related-label { margin-top: 1; text-style: bold; }
    AnswerCard .related { height: auto; }
    AnswerCard .related Button { width: 1fr; text-align: left; content-align: left middle; }
    """

    class SourceRequested(Message):
        def __init__(self, unit_id: str, card: "AnswerCard | None" = None):
            super().__init__()
            self.unit_id = unit_id
            self.card = card  # set when a card asks: its answer's sentences are marked in the source

    class UnitRequested(Message):
        def __init__(self, unit_id: str):
            super().__init__()
            self.unit_id = unit_id

    class QuestionRequested(Message):
        def __init__(self, question: str):
            super().__init__()
            self.question = question

    class CalculatorRequested(Message):
        def __init__(self, name: str, values: dict):
            super().__init__()
            self.name = name
            self.values = values

    class CopyRequested(Message):
        def __init__(self, text: str):
            super().__init__()
            self.text = text

    def __init__(self, reply, view, plain: str, prefill: dict | None = None, terms: list[dict] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.reply = reply
        self.view = view
        self.head = presenter.card_head_markdown(view)
        self.terms = presenter.terms_markdown(terms or [])  # the Kurz line's words explained (parents, new colleagues)
        self.passage = presenter.passage_markdown(view.answer.passage, view.answer.highlight) if view.answer else ""
        self.similar = presenter.similar_markdown(view)  # "Ähnliche Fragen": other wordings of this passage
        self.markdown = self.head + (f"\n\n{self.passage}" if self.passage else "") + (f"\n\n{self.similar}" if self.similar else "")
        self.plain = plain
        self.prefill = prefill or {}
        self.expanded = False
        if reply.abstained and not getattr(reply, "defined", ""):  # the glossary answered "Was heißt WfbM?": no warning frame
            self.add_class("abstained")

    @property
    def unit_id(self) -> str | None:
        return self.view.answer.unit_id if self.view.answer and not self.reply.abstained else None

    def compose(self) -> ComposeResult:
        # Rich Markdown in a Static renders at once: the card's height is known when it is shown
        yield Static(RichMarkdown(self.head), classes="answer")
        if self.terms:
            yield Static(RichMarkdown(self.terms), classes="terms")
        if self.passage:
            # collapsed after COLLAPSE_LINES lines; the button shows once the width says the passage is longer
            yield Static(RichMarkdown(self.passage), classes="passage collapsed")
            expand = Button(EXPAND, id="expand", compact=True)
            expand.display = self.view.answer.collapsible
            yield expand
        if self.similar:
            yield Static(RichMarkdown(self.similar), classes="similar")
        with Horizontal(classes="actions"):
            if self.unit_id:
                yield Button("Quelle öffnen", id="open-source", variant="primary", compact=True)
            if self.reply.calculation is not None:
                yield Button("Im Rechner öffnen", id="open-calc", compact=True)
            if not self.reply.abstained or self.reply.calculation is not None:
                yield Button("Kopieren", id="copy", compact=True)
        if self.view.suggestions:
            yield Label(f"{self.view.suggestions_heading}:", classes="related-label")
            with Vertical(classes="related"):
                for s in self.view.suggestions:
                    b = Button(s.label, classes="suggestion", compact=True)
                    b.unit_id = s.unit_id
                    yield b
        elif self.view.related:
            yield Label("Verwandte Fragen:", classes="related-label")
            with Vertical(classes="related"):
                for r in self.view.related:
                    b = Button(r.label, classes="related-unit", compact=True)
                    b.unit_id = r.unit_id
                    yield b

    def on_resize(self) -> None:
        if self.passage:
            self.call_after_refresh(self._fit_passage)

    def _fit_passage(self) -> None:
        """Offer "ganzen Abschnitt zeigen" only when the passage is longer than the collapsed height at this width.
        Called after a refresh: the card may have been removed by then (QA 45: the history cleared right after a resize
        had ended the app with NoMatches)."""
        passage = next(iter(self.query(".passage").results(Static)), None)
        expand = next(iter(self.query("#expand").results(Button)), None)
        if passage is None or expand is None:
            return
        width = passage.content_region.width
        if not width:
            return
        console = self.app.console
        lines = console.render_lines(RichMarkdown(self.passage), console.options.update_width(width), pad=False)
        expand.display = self.expanded or len(lines) > presenter.COLLAPSE_LINES

    def toggle_passage(self) -> None:
        self.expanded = not self.expanded
        self.query_one(".passage").set_class(not self.expanded, "collapsed")
        self.query_one("#expand", Button).label = COLLAPSE if self.expanded else EXPAND

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        b = event.button
        if b.id == "expand":
            self.toggle_passage()
        elif b.id == "open-source" and self.unit_id:
            self.post_message(self.SourceRequested(self.unit_id, self))
        elif b.id == "open-calc" and self.reply.calculation is not None:
            self.post_message(self.CalculatorRequested(self.reply.calculation.name, self.prefill))
        elif b.id == "copy":
            self.post_message(self.CopyRequested(self.plain))
        elif b.has_class("suggestion") or b.has_class("related-unit"):
            self.post_message(self.UnitRequested(b.unit_id))
