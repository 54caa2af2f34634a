"""The Textual app. Widgets live in tui/widgets (one per module); every answer, document and
calculation comes from the one service object (assistant.service.Lotse)."""
from __future__ import annotations

import io
import os
import sys

from rich.console import Console
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input, TabbedContent, TabPane

from assistant.forms import prefill
from assistant.service import Lotse

from .render import reply_markdown, reply_plain
from .screens.help import HelpScreen
from .widgets.answer_card import AnswerCard
from .widgets.calculator_form import CalculatorForm
from .widgets.conversation import Conversation
from .widgets.document_browser import DocumentBrowser
from .widgets.glossary_view import GlossaryView
from .widgets.onboarding_view import OnboardingView
from .widgets.question_input import QuestionInput
from .widgets.source_panel import SourcePanel

TABS = {"f2": ("tab-ask", "Fragen"), "f3": ("tab-calc", "Rechner"), "f4": ("tab-docs", "Dokumente"),
        "f5": ("tab-glossary", "Glossar"), "f6": ("tab-learn", "Einarbeitung")}
TAB_FOCUS = {"tab-ask": "#question", "tab-calc": "#calc-select", "tab-docs": "#documents",
             "tab-glossary": "#glossary-terms", "tab-learn": "#onboarding"}
THEMES = ("textual-dark", "textual-light")


class LotseApp(App):
    TITLE = "UB-Lotse"
    CSS = """
    #main { height: 1fr; }
    #tabs { width: 1fr; }
    #ask-pane { height: 1fr; }
    QuestionInput { dock: bottom; }
    """
    BINDINGS = [
        Binding("ctrl+q", "quit", "Beenden", priority=True),
        Binding("f1", "help", "Hilfe"),
        *[Binding(key, f"tab('{tab}')", label) for key, (tab, label) in TABS.items()],
        Binding("ctrl+o", "open_source", "Quelle"),
        Binding("escape", "close_source", "Quelle schließen", show=False),
        Binding("ctrl+y", "copy_answer", "Kopieren"),
        Binding("ctrl+g", "next_audience", "Ansicht"),
        Binding("ctrl+t", "toggle_theme", "Hell/Dunkel"),
        Binding("ctrl+l", "clear", "Leeren", show=False),
        # browsers keep Ctrl+T (new tab), Ctrl+Q (quit) and Ctrl+L (address bar) for themselves
        Binding("f8", "toggle_theme", "Hell/Dunkel", show=False),
        Binding("f9", "clear", "Leeren", show=False),
        Binding("f10", "quit", "Beenden", show=False, priority=True),
    ]

    def __init__(self, service: Lotse | None = None, audience: str = "eltern"):
        super().__init__()
        self.service = service or Lotse()
        self.audience_id = audience
        self.ready = False
        self.last_card: AnswerCard | None = None

    # -------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with TabbedContent(id="tabs", initial="tab-ask"):
                with TabPane("Fragen", id="tab-ask"):
                    with Vertical(id="ask-pane"):
                        yield Conversation(id="conversation")
                        yield QuestionInput(id="question")
                with TabPane("Rechner", id="tab-calc"):
                    yield CalculatorForm(self.service, id="calculator")
                with TabPane("Dokumente", id="tab-docs"):
                    yield DocumentBrowser(id="documents")
                with TabPane("Glossar", id="tab-glossary"):
                    yield GlossaryView(self.service, id="glossary")
                with TabPane("Einarbeitung", id="tab-learn"):
                    yield OnboardingView(self.service, id="onboarding")
            yield SourcePanel(id="source")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Wissensbasis wird geladen …"
        self.query_one(QuestionInput).focus()
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Open (or build) the index off the UI thread; the input is usable meanwhile."""
        self.service.searcher
        self.service.guide()
        self.service.glossary()  # read here, so a broken provider glossary is reported with the rest
        self.call_from_thread(self._loaded)

    async def _loaded(self) -> None:
        self.ready = True
        self._show_audience()
        s = self.service
        if s.errors:
            self.notify("\n".join(f"{e.path.name}: {e.problem}" for e in s.errors), title="Dokumente mit Fehlern", severity="warning")
        self.query_one(DocumentBrowser).populate(s.documents(), s.units_of, s.today)
        self.query_one(GlossaryView).populate()
        await self.query_one(OnboardingView).show_step(0)

    # -------------------------------------------------------------- audience
    @property
    def audience(self):
        return self.service.guide().audience(self.audience_id)

    def _show_audience(self) -> None:
        a = self.audience
        self.sub_title = f"Ansicht: {a.label}" if a else ""
        self.query_one(Conversation).show_welcome(a)

    def action_next_audience(self) -> None:
        ids = [a.id for a in self.service.guide().audiences]
        if not ids:
            return
        self.audience_id = ids[(ids.index(self.audience_id) + 1) % len(ids)] if self.audience_id in ids else ids[0]
        self._show_audience()
        self.notify(f"Ansicht: {self.audience.label}")

    # -------------------------------------------------------------- asking
    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not isinstance(event.input, QuestionInput):
            return
        event.stop()
        question = event.value.strip()
        event.input.remember(question)
        event.input.value = ""
        self.ask(question)

    def ask(self, question: str) -> None:
        if self.query_one(TabbedContent).active != "tab-ask":
            self.switch_tab("tab-ask")
        self._answer(question)

    @work(thread=True, group="ask")
    def _answer(self, question: str) -> None:
        reply = self.service.ask(question)
        self.call_from_thread(self._show_reply, reply)

    @work(thread=True, group="ask")
    def _answer_unit(self, unit_id: str) -> None:
        self.call_from_thread(self._show_reply, self.service.reply_for_unit(unit_id))

    def _show_reply(self, reply) -> AnswerCard:
        labels = [self.service.source_label(r) for r in reply.calculation.rules] if reply.calculation else []
        card = AnswerCard(reply, reply_markdown(reply, labels), reply_plain(reply, labels),
                          prefill(reply.calculation) if reply.calculation else None)
        self.last_card = card
        self.query_one(Conversation).add_card(card)
        return card

    def on_answer_card_question_requested(self, event: AnswerCard.QuestionRequested) -> None:
        self.ask(event.question)

    def on_answer_card_unit_requested(self, event: AnswerCard.UnitRequested) -> None:
        self._answer_unit(event.unit_id)

    # -------------------------------------------------------------- source panel
    async def on_answer_card_source_requested(self, event: AnswerCard.SourceRequested) -> None:
        await self.open_source(event.unit_id)

    async def open_source(self, unit_id: str) -> None:
        unit = self.service.unit(unit_id)
        if unit is None:
            self.notify("Dieser Abschnitt ist nicht (mehr) im Korpus.", severity="warning")
            return
        doc = self.service.document(unit.doc_id)
        await self.query_one(SourcePanel).show(doc, self.service.units_of(doc.id), unit_id, self.service.today)

    def _current_card(self) -> AnswerCard | None:
        focused = self.focused
        while focused is not None and not isinstance(focused, AnswerCard):
            focused = focused.parent
        return focused if isinstance(focused, AnswerCard) else self.last_card

    async def action_open_source(self) -> None:
        card = self._current_card()
        if card is None or card.unit_id is None:
            self.notify("Noch keine Antwort mit Quelle.", severity="warning")
            return
        await self.open_source(card.unit_id)

    def action_close_source(self) -> None:
        self.query_one(SourcePanel).close()

    # -------------------------------------------------------------- calculators
    async def on_answer_card_calculator_requested(self, event: AnswerCard.CalculatorRequested) -> None:
        self.switch_tab("tab-calc")
        await self.query_one(CalculatorForm).set_form(event.name, event.values)

    # -------------------------------------------------------------- habits
    def on_answer_card_copy_requested(self, event: AnswerCard.CopyRequested) -> None:
        self._copy(event.text)

    def action_copy_answer(self) -> None:
        card = self._current_card()
        if card is None:
            self.notify("Noch keine Antwort zum Kopieren.", severity="warning")
            return
        self._copy(card.plain)

    def _copy(self, text: str) -> None:
        self.copy_to_clipboard(text)
        self.notify("Antwort mit Quelle in die Zwischenablage kopiert.")

    def action_tab(self, tab: str) -> None:
        self.switch_tab(tab)

    def switch_tab(self, tab: str) -> None:
        """Show a tab and focus its main widget (focus left in a hidden tab would pull it back)."""
        self.query_one(TabbedContent).active = tab
        self.query_one(TAB_FOCUS[tab]).focus()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_clear(self) -> None:
        self.query_one(Conversation).clear()
        self.last_card = None

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        yield SystemCommand("Hilfe", "Tasten und Bedienung", self.action_help)
        for _key, (tab, label) in TABS.items():
            yield SystemCommand(f"Öffnen: {label}", f"Zum Bereich {label} wechseln", lambda t=tab: self.action_tab(t))
        yield SystemCommand("Quelle öffnen", "Quelle der letzten Antwort in der Seitenleiste", self.action_open_source)
        yield SystemCommand("Antwort kopieren", "Antwort mit Quelle in die Zwischenablage", self.action_copy_answer)
        yield SystemCommand("Ansicht wechseln", "Eltern / Anbieter / Einarbeitung", self.action_next_audience)
        yield SystemCommand("Verlauf leeren", "Alle Antwortkarten entfernen", self.action_clear)


def create_app(extra_corpus=(), service: Lotse | None = None, audience: str = "eltern") -> LotseApp:
    """The app factory shared by the entry point and the tests."""
    return LotseApp(service or Lotse(extra_corpus), audience)


def run_app(extra_corpus=()) -> int:
    """Run the app; the exit code is non-zero after an unexpected error (Textual sets it)."""
    app = create_app(extra_corpus)
    web = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")
    if web:
        # in the browser (lotse serve) a traceback with server paths must never reach the page
        # or the server's log: Textual prints it to error_console after the app ends
        app.error_console = Console(file=io.StringIO(), markup=False, highlight=False)
    app.run()
    if web and app.return_code:
        print("UB-Lotse wurde wegen eines unerwarteten Fehlers beendet.", file=sys.stderr)
    return app.return_code or 0
