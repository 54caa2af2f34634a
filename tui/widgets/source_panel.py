"""The side panel: the full source document, scrolled to the cited passage."""
from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..render import document_header, unit_markdown


class SourcePanel(VerticalScroll):
    DEFAULT_CSS = """
    SourcePanel { width: 45%; min-width: 30; border-left: thick $primary; padding: 0 1; display: none; }
    SourcePanel.open { display: block; }
    SourcePanel .unit { margin-bottom: 1; }
    SourcePanel .cited { background: $boost; border-left: thick $success; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.doc_id: str | None = None
        self.cited: str | None = None
        self.target = None

    async def show(self, doc, units, cited_id: str | None, today) -> None:
        self.doc_id, self.cited = doc.id, cited_id
        self.add_class("open")  # laid out while visible, so the target's offset is right
        await self.remove_children()
        # Static with Rich Markdown renders at once, so the scroll target's position is known
        widgets = [Static(RichMarkdown(document_header(doc, today)), classes="doc-header")]
        target = None
        for pos, u in enumerate(units):
            # widget ids are positions, never unit ids: a unit id may hold any character
            # a provider's heading has, and Textual accepts only ASCII identifiers
            md = Static(RichMarkdown(unit_markdown(u, u.id == cited_id)), classes="unit cited" if u.id == cited_id else "unit",
                        id=f"unit-{pos}")
            widgets.append(md)
            if u.id == cited_id:
                target = md
        await self.mount_all(widgets)
        if target is not None:
            self.target = target
            self.call_after_refresh(self.scroll_to_target)
            self.set_timer(0.1, self.scroll_to_target)

    def scroll_to_target(self) -> None:
        if self.target is not None and self.target.is_attached:
            self.scroll_to_widget(self.target, animate=False, top=True)

    def close(self) -> None:
        self.remove_class("open")
