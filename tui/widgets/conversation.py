"""The conversation: a welcome card with starting questions, then answer cards."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Button, Static

from ..render import welcome_markdown
from .answer_card import AnswerCard


class Welcome(Vertical):
    DEFAULT_CSS = """
    Welcome { height: auto; border: round $primary; padding: 0 1; margin: 0 0 1 0; }
    Welcome Button { width: 1fr; }
    """

    def __init__(self, audience, **kwargs):
        super().__init__(**kwargs)
        self.audience = audience

    def compose(self) -> ComposeResult:
        yield Static(RichMarkdown(welcome_markdown(self.audience)))
        for q in (self.audience.questions if self.audience else ()):
            b = Button(q, classes="start-question", compact=True)
            b.question = q
            yield b

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(AnswerCard.QuestionRequested(event.button.question))


class Conversation(VerticalScroll):
    DEFAULT_CSS = """
    Conversation { height: 1fr; padding: 0 1; }
    """

    def show_welcome(self, audience) -> None:
        for w in self.query(Welcome):
            w.remove()
        self.mount(Welcome(audience), before=0 if self.children else None)

    def add_card(self, card: AnswerCard) -> None:
        self.mount(card)
        # show the new card from its start (question, source), not its last line
        self.call_after_refresh(self.scroll_to_widget, card, animate=False, top=True)

    def clear(self) -> None:
        for card in self.query(AnswerCard):
            card.remove()

    @property
    def cards(self) -> list[AnswerCard]:
        return list(self.query(AnswerCard))
