"""The Textual app: a question input at the bottom, answer cards above (minimal first version)."""
from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Input, Markdown

from assistant.service import Lotse


def reply_markdown(reply) -> str:
    """Render a reply as Markdown for an answer card (pure helper)."""
    parts = [f"**Frage:** {reply.question}", ""]
    if reply.calculation:
        c = reply.calculation
        parts += [f"### {c.title}", f"**Ergebnis:** {c.result}", ""] + [f"- {s}" for s in c.steps] + [""]
    if reply.message:
        parts += [reply.message, ""]
    if reply.abstained:
        parts += [f"- {s}" for s in reply.suggestions]
        return "\n".join(parts)
    if reply.answers:
        a = reply.answers[0]
        parts += [f"**Quelle:** {a.document.short_title} › {a.unit.section}",
                  f"*{a.document.issuer} · Dokument vom {a.document.display_date} · {a.validity}*", ""]
        parts += [f"> ⚠ {n}" for n in a.notes]
        parts += ["", a.unit.text]
        if len(reply.answers) > 1:
            parts += ["", "**Verwandte Fragen:**"] + [f"- {x.unit.title}" for x in reply.answers[1:4]]
    return "\n".join(parts)


class LotseApp(App):
    TITLE = "UB-Lotse"
    SUB_TITLE = "Unterstützte Beschäftigung – Antworten aus den Quellen"
    BINDINGS = [("ctrl+q", "quit", "Beenden"), ("ctrl+l", "clear", "Verlauf leeren")]
    CSS = """
    #conversation { height: 1fr; }
    .card { border: round $accent; margin: 0 1 1 1; padding: 0 1; }
    Input { dock: bottom; }
    """

    def __init__(self, service: Lotse | None = None):
        super().__init__()
        self.service = service or Lotse()

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(Markdown("Willkommen! Stellen Sie eine Frage, z. B. *Haben Teilnehmer der InbeQ Anspruch auf Urlaub?*", classes="card"), id="conversation")
        yield Input(placeholder="Ihre Frage …", id="question")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.warm_up()

    @work(thread=True, exclusive=True, group="warm")
    def warm_up(self) -> None:
        self.service.searcher  # load or build the index off the UI thread

    def on_input_submitted(self, event: Input.Submitted) -> None:
        question = event.value
        event.input.value = ""
        self.answer(question)

    @work(thread=True)
    def answer(self, question: str) -> None:
        reply = self.service.ask(question)
        self.call_from_thread(self._show, reply_markdown(reply))

    def _show(self, markdown: str) -> None:
        conv = self.query_one("#conversation", VerticalScroll)
        card = Markdown(markdown, classes="card")
        conv.mount(card)
        conv.scroll_end(animate=False)

    def action_clear(self) -> None:
        self.query_one("#conversation", VerticalScroll).remove_children()


def create_app(extra_corpus=()) -> LotseApp:
    return LotseApp(Lotse(extra_corpus))


def run_app(extra_corpus=()) -> None:
    create_app(extra_corpus).run()
