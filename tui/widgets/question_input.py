"""The question input with a history on up/down; PageUp/PageDown scroll the conversation."""
from __future__ import annotations

import re
import unicodedata

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from assistant.presenter import num
from assistant.service import MAX_QUESTION, keep_ends

MAX_INPUT = 2000


def clean_paste(text: str) -> str:
    """Pasted text as one line: control characters (ESC, Ctrl+…, line breaks) become spaces."""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return re.sub(r" {2,}", " ", text)


class QuestionInput(Input):
    BINDINGS = [
        Binding("up", "history(-1)", "Frühere Frage", show=False),
        Binding("down", "history(1)", "Spätere Frage", show=False),
        Binding("pageup", "app.page_conversation(-1)", "Zurückblättern", show=False),
        Binding("pagedown", "app.page_conversation(1)", "Weiterblättern", show=False),
        Binding("tab", "app.newest_answer", "Zur neuesten Antwort", show=False),
    ]

    def __init__(self, **kwargs):
        super().__init__(placeholder="Ihre Frage … (Enter: fragen, ↑/↓: frühere Fragen)", max_length=MAX_INPUT, **kwargs)
        self.history: list[str] = []
        self._pos = 0
        self._draft = ""

    def _on_paste(self, event: events.Paste) -> None:
        """Paste as text only (a pasted ESC or Ctrl character never acts as a key); a long paste is
        cut with a German notice instead of being dropped."""
        event.stop()
        event.prevent_default()
        text = clean_paste(event.text)
        start, end = sorted((self.selection.start, self.selection.end))
        room = MAX_INPUT - (len(self.value) - (end - start))
        if len(text) > room:
            # its start and its end: a post tells its story first and asks last (QA 45: only the first 2 000 characters
            # had been kept, and the question at the end was lost)
            size, text = len(text), keep_ends(text, max(room, 0))
            self.notify(f"Der eingefügte Text ist {num(size)} Zeichen lang; übernommen wurden sein Anfang und sein Ende, "
                        f"zusammen {num(len(text))} Zeichen. Von einer längeren Frage zählen Anfang und Ende, zusammen "
                        f"{num(MAX_QUESTION)} Zeichen.", title="Text gekürzt", severity="warning")
        if text:
            self.replace(text, start, end)

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
