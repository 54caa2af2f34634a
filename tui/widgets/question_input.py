"""The question input with a history on up/down."""
from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

MAX_INPUT = 2000


class QuestionInput(Input):
    BINDINGS = [
        Binding("up", "history(-1)", "Frühere Frage", show=False),
        Binding("down", "history(1)", "Spätere Frage", show=False),
    ]

    def __init__(self, **kwargs):
        super().__init__(placeholder="Ihre Frage … (Enter: fragen, ↑/↓: frühere Fragen)", max_length=MAX_INPUT, **kwargs)
        self.history: list[str] = []
        self._pos = 0
        self._draft = ""

    def on_mount(self) -> None:
        self.cursor_blink = not self.app.is_headless  # a steady cursor keeps test screenshots stable

    def remember(self, question: str) -> None:
        if question and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self._pos = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._pos == len(self.history):
            self._draft = self.value
        self._pos = max(0, min(len(self.history), self._pos + step))
        self.value = self.history[self._pos] if self._pos < len(self.history) else self._draft
        self.cursor_position = len(self.value)
