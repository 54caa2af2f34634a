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
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Header, Input, TabbedContent, TabPane

from assistant import presenter
from assistant.forms import prefill
from assistant.service import Lotse

from . import paste_guard
from .german import command_palette
from .screens.help import HelpScreen
from .widgets.answer_card import AnswerCard
from .widgets.calculator_form import CalculatorForm
from .widgets.conversation import Conversation, PendingQuestion
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
LOADING = "Wissensbasis wird geladen …"


WAIT_FOR_ANSWER = "Die Antwort kommt, sobald die Wissensbasis geladen ist; dann öffnet Strg+O ihre Quelle."


class LotseApp(App):
    TITLE = "UB-Lotse"
    CSS = """
    #main { height: 1fr; }
    #tabs { width: 1fr; }
    #ask-pane { height: 1fr; }
    QuestionInput { dock: bottom; }
    """
    # the footer shows the keys in this order; at 80 columns the first ones fit (F1, Ctrl+O, Ctrl+Y …)
    BINDINGS = [
        Binding("f1", "help", "Hilfe"),
        Binding("ctrl+o", "open_source", "Quelle"),
        Binding("ctrl+y", "copy_answer", "Kopieren"),
        Binding("ctrl+end", "latest_card", "Neueste Antwort", show=False),
        Binding("ctrl+g", "next_audience", "Ansicht"),
        Binding("ctrl+q", "quit", "Beenden", priority=True),
        *[Binding(key, f"tab('{tab}')", label, show=False) for key, (tab, label) in TABS.items()],
        Binding("escape", "close_source", "Quelle schließen", show=False),
        # the path's keys also from the side panel, while the Einarbeitung tab is shown (the view has its own)
        Binding("ctrl+right", "onboarding_step(1)", "Weiter", show=False),
        Binding("ctrl+left", "onboarding_step(-1)", "Zurück", show=False),
        Binding("ctrl+t", "toggle_theme", "Hell/Dunkel", show=False),
        Binding("ctrl+l", "clear", "Leeren", show=False),
        Binding("ctrl+p", "command_palette", "Befehle", show=False, priority=True),
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
        self.pending: list[PendingQuestion] = []  # questions asked while the knowledge base loads

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
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = LOADING
        self.query_one(QuestionInput).focus()
        self.service.set_progress(self._report_progress)
        self.load()

    def _report_progress(self, message: str) -> None:
        """Called by the service while it builds the index (from the loading thread)."""
        try:
            self.call_from_thread(self._progress, message)
        except RuntimeError:  # the app has ended, or the call came from the UI thread itself
            pass

    def _progress(self, message: str) -> None:
        if not self.ready:
            self.sub_title = f"{LOADING} {message}"
            for p in self.pending:
                p.progress(message)

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
        pending, self.pending = self.pending, []
        for p in pending:  # questions typed meanwhile, answered in order
            p.remove()
            self._answer(p.question)
        s = self.service
        problems = s.errors
        if problems:
            self.notify("\n".join(f"{e.path.name}: {e.problem}" for e in problems) + "\nAlle Fehler mit Pfad: F4 (Dokumente).",
                        title="Dokumente mit Fehlern", severity="warning")
        self.query_one(DocumentBrowser).populate(s.documents(), s.units_of, s.today, problems)
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
        if not question:
            event.input.value = ""  # Enter on empty input adds nothing (and drops stray blanks)
            return
        event.input.remember(question)
        event.input.value = ""
        self.ask(question)

    def ask(self, question: str) -> None:
        self.query_one(CalculatorForm).drop_overwrite_prompt()
        if self.query_one(TabbedContent).active != "tab-ask":
            self.switch_tab("tab-ask")
        if not self.ready:
            pending = PendingQuestion(question)
            self.pending.append(pending)
            self.query_one(Conversation).add_card(pending)
            return
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
        card = AnswerCard(reply, presenter.present(reply, labels), presenter.reply_plain(reply, labels),
                          prefill(reply.calculation) if reply.calculation else None,
                          terms=self.service.answer_terms(reply, self.audience_id))
        self.last_card = card
        self.query_one(Conversation).add_card(card)
        return card

    def on_answer_card_question_requested(self, event: AnswerCard.QuestionRequested) -> None:
        self.ask(event.question)
        self._back_to_input()

    def on_answer_card_unit_requested(self, event: AnswerCard.UnitRequested) -> None:
        self.query_one(CalculatorForm).drop_overwrite_prompt()
        self._answer_unit(event.unit_id)
        self._back_to_input()

    def _back_to_input(self) -> None:
        """After a starter, "Meinten Sie" or "Verwandte Fragen" button, typing goes on in the question field
        (focus left on the button would swallow the next question and repeat the button on Enter)."""
        self.query_one(QuestionInput).focus()

    # -------------------------------------------------------------- source panel
    async def on_answer_card_source_requested(self, event: AnswerCard.SourceRequested) -> None:
        await self.open_source(event.unit_id, event.card)

    async def open_source(self, unit_id: str, card: AnswerCard | None = None) -> None:
        unit = self.service.unit(unit_id)
        if unit is None:
            self.notify("Dieser Abschnitt ist nicht (mehr) im Korpus.", severity="warning")
            return
        doc = self.service.document(unit.doc_id)
        highlight = card.view.answer.highlight if card is not None and card.view.answer else ""
        await self.query_one(SourcePanel).show(doc, self.service.units_of(doc.id), unit_id, self.service.today, highlight)
        if card is not None:  # the conversation narrows: keep the answer in view
            self.call_after_refresh(self.query_one(Conversation).show_card, card)

    def _current_card(self) -> AnswerCard | None:
        focused = self.focused
        while focused is not None and not isinstance(focused, AnswerCard):
            focused = focused.parent
        return focused if isinstance(focused, AnswerCard) else self.last_card

    async def action_open_source(self) -> None:
        card = self._current_card()
        if card is None and self.pending:
            self.notify(WAIT_FOR_ANSWER)
            return
        if card is None or card.unit_id is None:
            self.notify("Noch keine Antwort mit Quelle.", severity="warning")
            return
        await self.open_source(card.unit_id, card)

    def action_close_source(self) -> None:
        """Esc: closes the source view; with none open, on the questions tab, back to the question field (QA 45: Esc
        had left the focus on a card's button, and what was typed next went nowhere)."""
        panel = self.query_one(SourcePanel)
        if panel.has_class("open"):
            panel.close()
        elif self.query_one(TabbedContent).active == "tab-ask" and not isinstance(self.focused, QuestionInput):
            self.query_one(QuestionInput).focus()

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

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies in inputs): say in German how to quit."""
        keys = [k for k, b in self.active_bindings.items() if b.binding.action in ("quit", "app.quit")]
        if keys:
            shown = keys[0].replace("ctrl+", "Strg+").upper().replace("STRG+", "Strg+")
            self.notify(f"Beenden mit {shown}.", title="Möchten Sie UB-Lotse beenden?")

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(command_palette())

    def action_latest_card(self) -> None:
        """Jump to the newest card and focus it."""
        if self.query_one(TabbedContent).active != "tab-ask":
            self.switch_tab("tab-ask")
        conversation = self.query_one(Conversation)
        if conversation.cards:
            card = conversation.cards[-1]
            conversation.show_card(card)
            card.focus(scroll_visible=False)

    def action_newest_answer(self) -> None:
        """Tab from the question field: the newest answer's first button, not the welcome card's examples
        at the top of the history (QA 45: the answer just read had scrolled away); without an answer, the next widget."""
        cards = self.query(AnswerCard)
        buttons = cards.last().query(Button) if cards else ()
        button = next((b for b in buttons if b.focusable), None)
        if button is None:
            self.screen.focus_next()
            return
        button.focus()

    def action_page_conversation(self, direction: int) -> None:
        conversation = self.query_one(Conversation)
        if direction < 0:
            conversation.scroll_page_up(animate=False)
        else:
            conversation.scroll_page_down(animate=False)

    # -------------------------------------------------------------- onboarding path
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "onboarding_step":  # elsewhere Strg+→/← are left to the focused widget (an input moves by words)
            return self.query_one(TabbedContent).active == "tab-learn"
        return True

    async def action_onboarding_step(self, delta: int) -> None:
        await self.query_one(OnboardingView).go(delta)

    async def on_onboarding_view_step_changed(self, event: OnboardingView.StepChanged) -> None:
        """An open side panel follows the path: it shows the new step's first passage, not the last step's."""
        units = [u for u in event.units if self.service.unit(u) is not None]
        if units and self.query_one(SourcePanel).has_class("open"):
            await self.open_source(units[0])

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
        # Textual's own commands are English ("Quit the application", "Screenshot", "Maximize"): German ones instead
        yield SystemCommand("Beenden", "UB-Lotse beenden", self.action_quit)
        yield SystemCommand("Hell/Dunkel", "Zwischen hellem und dunklem Design wechseln", self.action_toggle_theme)
        yield SystemCommand("Hilfe", "Tasten und Bedienung", self.action_help)
        yield SystemCommand("Neueste Antwort", "Zur neuesten Antwortkarte springen", self.action_latest_card)
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
    paste_guard.install()
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
