"""Onboarding for new staff: a guided path through the main topics with the passages and
short self-check questions whose answers are quoted from the documents."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Label, Markdown, Static

from assistant import presenter

from ..render import step_markdown
from .answer_card import AnswerCard


FIRST_STEP = "Das ist der erste Schritt des Einarbeitungspfads."
LAST_STEP = "Das ist der letzte Schritt des Einarbeitungspfads."


class OnboardingView(VerticalScroll):
    BINDINGS = [Binding("ctrl+right", "step(1)", "Weiter"), Binding("ctrl+left", "step(-1)", "Zurück")]

    class StepChanged(Message):
        """Another step is shown (the app lets an open side panel follow it)."""

        def __init__(self, units: list[str]):
            super().__init__()
            self.units = units
    DEFAULT_CSS = """
    OnboardingView { padding: 0 1; }
    OnboardingView .nav, OnboardingView .passages, OnboardingView .check { height: auto; }
    OnboardingView .nav Button { margin-right: 1; }
    OnboardingView .passages Button { width: 1fr; }
    OnboardingView .check { border: round $secondary; padding: 0 1; margin-top: 1; }
    OnboardingView .answer { color: $success; height: auto; }
    """

    def __init__(self, service, **kwargs):
        super().__init__(**kwargs)
        self.service = service
        self.index = 0

    def compose(self) -> ComposeResult:
        with Horizontal(classes="nav"):
            yield Button("◀ Zurück", id="step-back", compact=True)
            yield Button("Weiter ▶", id="step-next", compact=True)
        yield Markdown("", id="step-text")
        yield Label("Passagen zu diesem Schritt:")
        yield Vertical(id="step-passages", classes="passages")
        yield Vertical(id="step-calculators", classes="passages")
        yield Vertical(id="step-checks")

    @property
    def steps(self):
        return self.service.guide().onboarding

    async def show_step(self, index: int) -> None:
        steps = self.steps
        if not steps:
            self.query_one("#step-text", Markdown).update("Kein Einarbeitungspfad hinterlegt.")
            return
        self.index = max(0, min(index, len(steps) - 1))
        step = steps[self.index]
        self.query_one("#step-text", Markdown).update(step_markdown(step, self.index, len(steps), self.service.step_notes(step)))
        self.query_one("#step-back", Button).disabled = self.index == 0
        self.query_one("#step-next", Button).disabled = self.index == len(steps) - 1
        box = self.query_one("#step-passages", Vertical)
        await box.remove_children()
        buttons = []
        for uid in step.units:
            unit = self.service.unit(uid)
            if unit is not None:
                label = presenter.unit_label(unit, self.service.document(unit.doc_id), self.service.today)
                b = Button(label, classes="passage", compact=True)
                b.unit_id = uid
                buttons.append(b)
        await box.mount_all(buttons)
        tools = self.query_one("#step-calculators", Vertical)
        await tools.remove_children()
        links = []
        for name in step.calculators:
            title = self.service.calculator_title(name)
            if title:
                b = Button(f"Rechner „{title}“", classes="calculator", compact=True)
                b.calculator = name
                links.append(b)
        await tools.mount_all(links)
        checks = self.query_one("#step-checks", Vertical)
        await checks.remove_children()
        widgets = []
        for i, c in enumerate(step.checks):
            reveal = Button("Antwort zeigen", classes="reveal", compact=True)
            reveal.check_index = i
            widgets.append(Vertical(Static(f"Selbstkontrolle: {c.question}"), reveal,
                                    Static("", classes="answer", id=f"answer-{i}"), classes="check"))
        await checks.mount_all(widgets)

    def reveal(self, i: int) -> None:
        c = self.steps[self.index].checks[i]
        unit = self.service.unit(c.unit)
        source = f"{self.service.document(unit.doc_id).short_title}{presenter.SEP}{presenter.section(unit)}" if unit else c.unit
        quote = presenter.quoted_excerpt(c.quote, unit.text) if unit else f"„…{c.quote}…“"
        self.query_one(f"#answer-{i}", Static).update(f"{quote}\nQuelle: {source}")

    async def go(self, delta: int) -> None:
        """The next (delta 1) or previous (-1) step; at either end of the path, say so."""
        steps = self.steps
        if not steps:
            return
        target = self.index + delta
        if not 0 <= target < len(steps):
            self.notify(LAST_STEP if delta > 0 else FIRST_STEP)
            return
        await self.show_step(target)
        self.post_message(self.StepChanged(list(steps[self.index].units)))

    async def action_step(self, delta: int) -> None:
        await self.go(delta)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        b = event.button
        if b.id == "step-next":
            await self.go(1)
        elif b.id == "step-back":
            await self.go(-1)
        elif b.has_class("passage"):
            self.post_message(AnswerCard.SourceRequested(b.unit_id))
        elif b.has_class("calculator"):
            self.post_message(AnswerCard.CalculatorRequested(b.calculator, {}))
        elif b.has_class("reveal"):
            self.reveal(b.check_index)
