"""The glossary: terms on the left; explanation and the passages that use the term."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Markdown, OptionList
from textual.widgets.option_list import Option

from assistant import presenter

from ..render import glossary_markdown
from .answer_card import AnswerCard


TERMS_MAX_WIDTH = 38
TERMS_MIN_WIDTH = 18
CHROME = 8  # border, padding and scrollbar of the term list
# the explanation keeps at least this width, so its long compounds ("Intensivierung/Vermittlungsprozess" in
# a list item) are not cut mid-word when the side panel takes 45 % of the screen; the term list narrows instead
DETAIL_MIN_WIDTH = 44


def hyphenate(term: str, width: int) -> str:
    """A term broken into lines of `width` characters, each broken line ending with a hyphen."""
    if len(term) <= width or width < 4:
        return term
    lines = [term[i:i + width - 1] for i in range(0, len(term), width - 1)]
    return "-\n".join(lines)


class GlossaryView(Horizontal):
    DEFAULT_CSS = """
    GlossaryView #glossary-terms { width: 30%; min-width: 18; max-width: 40; }
    GlossaryView #glossary-terms.narrow { text-wrap: nowrap; text-overflow: ellipsis; }
    GlossaryView #glossary-detail { width: 1fr; padding: 0 1; }
    GlossaryView #glossary-passages { height: auto; max-height: 12; }
    """

    def __init__(self, service, **kwargs):
        super().__init__(**kwargs)
        self.service = service
        self.entries: list[dict] = []
        self.terms_width = 0  # the width the longest term needs
        self._shown_width = 0

    def compose(self) -> ComposeResult:
        yield OptionList(id="glossary-terms")
        # the explanation, its notes and the passages scroll together: at 80x24 the list is below the screen
        with VerticalScroll(id="glossary-detail"):
            yield Markdown("Wählen Sie links einen Begriff.", id="glossary-text")
            yield Label("Passagen öffnen:")
            yield OptionList(id="glossary-passages")

    def populate(self) -> None:
        self.entries = self.service.glossary()
        terms = self.query_one("#glossary-terms", OptionList)
        terms.clear_options()
        names = [str(e["term"]) for e in self.entries]
        # wide enough for the longest term, so no term is split mid-word (the rare longer one gets a hyphen)
        self.terms_width = min(max((len(n) for n in names), default=14) + CHROME, TERMS_MAX_WIDTH)
        terms.add_options([Option(n, id=str(i)) for i, n in enumerate(names)])
        self._fit(self.size.width, force=True)
        if names:  # the first term is shown at once, so the passages list is never an empty box
            terms.highlighted = 0

    def _fitting_width(self, total: int) -> int:
        """The term list's width: what its terms need, less when the explanation would get too narrow."""
        if not total:  # not laid out yet
            return self.terms_width
        return max(TERMS_MIN_WIDTH, min(self.terms_width, total - DETAIL_MIN_WIDTH))

    def on_resize(self, event) -> None:
        """The side panel opens or the terminal changes size: the explanation keeps its width first."""
        if self.entries:
            self._fit(event.size.width)

    def _fit(self, total: int, force: bool = False) -> None:
        width = self._fitting_width(total)
        if width == self._shown_width and not force:
            return
        self._shown_width = width
        terms = self.query_one("#glossary-terms", OptionList)
        terms.styles.width = width
        # narrowed for the explanation: a longer term ends in "…" on one line (the heading beside it names it in full)
        narrow = width < self.terms_width
        terms.set_class(narrow, "narrow")
        for i, e in enumerate(self.entries):
            term = str(e["term"])
            terms.replace_option_prompt_at_index(i, term if narrow else hyphenate(term, width - CHROME))

    def show_entry(self, index: int) -> None:
        entry = self.entries[index]
        passages = self.service.passages_using(str(entry["term"])) or (
            self.service.passages_using(str(entry["long"])) if entry.get("long") else [])
        self.query_one("#glossary-text", Markdown).update(glossary_markdown(entry, passages))
        ol = self.query_one("#glossary-passages", OptionList)
        ol.clear_options()
        ol.add_options([Option(presenter.unit_label(u, self.service.document(u.doc_id), self.service.today), id=u.id)
                        for u in passages])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "glossary-terms" and event.option.id is not None:
            event.stop()
            self.show_entry(int(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "glossary-terms":
            self.show_entry(int(event.option.id))
            passages = self.query_one("#glossary-passages", OptionList)
            if passages.option_count:  # the first passage is chosen, so a second Enter opens it
                passages.highlighted = 0
                passages.focus()
        elif event.option.id:
            self.post_message(AnswerCard.SourceRequested(event.option.id))
