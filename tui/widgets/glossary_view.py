"""The glossary: terms on the left; explanation and the passages that use the term."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Markdown, OptionList
from textual.widgets.option_list import Option

from ..render import glossary_markdown
from .answer_card import AnswerCard


class GlossaryView(Horizontal):
    DEFAULT_CSS = """
    GlossaryView #glossary-terms { width: 30%; min-width: 18; }
    GlossaryView #glossary-detail { width: 1fr; padding: 0 1; }
    GlossaryView #glossary-passages { height: auto; max-height: 12; }
    """

    def __init__(self, service, **kwargs):
        super().__init__(**kwargs)
        self.service = service
        self.entries: list[dict] = []

    def compose(self) -> ComposeResult:
        yield OptionList(id="glossary-terms")
        with Vertical(id="glossary-detail"):
            yield Markdown("Wählen Sie links einen Begriff.", id="glossary-text")
            yield Label("Passagen öffnen:")
            yield OptionList(id="glossary-passages")

    def populate(self) -> None:
        self.entries = self.service.glossary()
        terms = self.query_one("#glossary-terms", OptionList)
        terms.clear_options()
        terms.add_options([Option(str(e["term"]), id=str(i)) for i, e in enumerate(self.entries)])

    def show_entry(self, index: int) -> None:
        entry = self.entries[index]
        passages = self.service.passages_using(str(entry["term"])) or (
            self.service.passages_using(str(entry["long"])) if entry.get("long") else [])
        self.query_one("#glossary-text", Markdown).update(glossary_markdown(entry, passages))
        ol = self.query_one("#glossary-passages", OptionList)
        ol.clear_options()
        ol.add_options([Option(u.title, id=u.id) for u in passages])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "glossary-terms" and event.option.id is not None:
            event.stop()
            self.show_entry(int(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "glossary-terms":
            self.show_entry(int(event.option.id))
            self.query_one("#glossary-passages", OptionList).focus()
        elif event.option.id:
            self.post_message(AnswerCard.SourceRequested(event.option.id))
