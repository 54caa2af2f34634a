"""The conversation: a welcome card with starting questions, then answer cards."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Button, LoadingIndicator, Static

from assistant import presenter

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


class PendingQuestion(Vertical):
    """A question asked while the knowledge base loads; replaced by its answer once it is ready."""

    DEFAULT_CSS = """
    PendingQuestion { height: auto; border: round $secondary; padding: 0 1; margin: 0 0 1 0; }
    PendingQuestion LoadingIndicator { height: 1; }
    """

    def __init__(self, question: str, **kwargs):
        super().__init__(**kwargs)
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(f"Frage: {presenter.echo(self.question)}", markup=False)
        yield Static("Die Wissensbasis wird geladen (beim ersten Start bis zu einer Minute). "
                     "Ihre Frage wird danach sofort beantwortet.", classes="status", markup=False)
        yield LoadingIndicator()

    def progress(self, message: str) -> None:
        self.query_one(".status", Static).update(f"Die Wissensbasis wird geladen: {message} Ihre Frage wird danach sofort beantwortet.")


class Conversation(VerticalScroll):
    """The cards, scrolled. A resize (terminal, or the source panel opening) keeps the spot being read:
    the card at the top of the view stays there, at the same share of its height, though its lines reflow."""

    DEFAULT_CSS = """
    Conversation { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._spot = None  # (child at the top of the view, share of its height above the view's top)
        self._spot_size = None  # the size the spot was taken at

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.size == self._spot_size:  # during a resize Textual clamps the scroll; that is not the reader's spot
            self._spot = self._spot_at(new_value)

    def _spot_at(self, y: float):
        for child in self.displayed_children:
            r = child.virtual_region_with_margin
            if r.y <= y < r.bottom:
                return child, (y - r.y) / max(1, r.height)
        return None

    def on_resize(self) -> None:
        spot, self._spot_size = self._spot, self.size
        if spot is not None:
            self.call_after_refresh(self._restore, spot)

    def _restore(self, spot) -> None:
        child, share = spot
        if child.is_attached and self.size == self._spot_size:
            r = child.virtual_region_with_margin
            self.scroll_to(y=r.y + round(share * r.height), animate=False, immediate=True)

    def show_welcome(self, audience) -> None:
        for w in self.query(Welcome):
            w.remove()
        self.mount(Welcome(audience), before=0 if self.children else None)

    def add_card(self, card) -> None:
        self.mount(card)
        # show the new card from its start (question, source), not its last line
        self.call_after_refresh(self.show_card, card)

    def show_card(self, card) -> None:
        if card.is_attached:
            self.scroll_to_widget(card, animate=False, top=True)

    def clear(self) -> None:
        for card in self.query(AnswerCard):
            card.remove()

    @property
    def cards(self) -> list[AnswerCard]:
        return list(self.query(AnswerCard))
