"""The side panel: the full source document, scrolled to the cited passage.

The document's title and validity stay docked above the passages while they scroll; the
sentences of the answer are set in bold inside the cited passage.
"""
from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..render import document_header, unit_markdown


class SourcePanel(VerticalScroll):
    DEFAULT_CSS = """
    SourcePanel { width: 45%; min-width: 30; border-left: thick $primary; padding: 0 1; display: none; }
    SourcePanel.open { display: block; }
    SourcePanel .doc-header { dock: top; height: auto; background: $panel; padding: 0 1; margin-bottom: 1; }
    SourcePanel .unit { margin-bottom: 1; }
    SourcePanel .cited { background: $boost; border-left: thick $success; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.doc_id: str | None = None
        self.cited: str | None = None
        self.target = None
        self.header = ""
        self.cited_markdown = ""
        self._shown: tuple | None = None  # (document id, today, its units) of the passages mounted

    async def show(self, doc, units, cited_id: str | None, today, highlight: str = "") -> None:
        shown = (doc.id, today, tuple((u.id, u.text) for u in units))
        if shown == self._shown and self.children:
            # the same document: only the passage cited before and the one cited now change
            self._recite(units, cited_id, highlight)
            return
        self._shown = shown
        self.doc_id, self.cited = doc.id, cited_id
        self.add_class("open")  # laid out while visible, so the target's offset is right
        await self.remove_children()
        # Static with Rich Markdown renders at once, so the scroll target's position is known
        self.header = document_header(doc, today)
        widgets = [Static(RichMarkdown(self.header), classes="doc-header")]
        target = None
        for pos, u in enumerate(units):
            cited = u.id == cited_id
            # widget ids are positions, never unit ids: a unit id may hold any character
            # a provider's heading has, and Textual accepts only ASCII identifiers
            md = Static(RichMarkdown(unit_markdown(u, cited, highlight if cited else "")),
                        classes="unit cited" if cited else "unit", id=f"unit-{pos}")
            widgets.append(md)
            if cited:
                target, self.cited_markdown = md, unit_markdown(u, cited, highlight)
        await self.mount_all(widgets)
        self.target = target
        self._scroll_to_target_soon()

    def _recite(self, units, cited_id: str | None, highlight: str) -> None:
        before, self.cited = self.cited, cited_id
        self.add_class("open")
        self.target = None
        for pos, u in enumerate(units):
            if u.id not in (before, cited_id):
                continue
            cited = u.id == cited_id
            widget = self.query_one(f"#unit-{pos}", Static)
            markdown = unit_markdown(u, cited, highlight if cited else "")
            widget.update(RichMarkdown(markdown))
            widget.set_class(cited, "cited")
            if cited:
                self.target, self.cited_markdown = widget, markdown
        self._scroll_to_target_soon()

    def _scroll_to_target_soon(self) -> None:
        """Scroll to the cited passage once it is laid out (and again shortly after, as its height settles)."""
        if self.target is not None:
            self.call_after_refresh(self.scroll_to_target)
            self.set_timer(0.1, self.scroll_to_target)

    def scroll_to_target(self) -> None:
        if self.target is not None and self.target.is_attached and self.has_class("open"):
            self.scroll_to_widget(self.target, animate=False, top=True)

    def on_resize(self) -> None:
        # a new width reflows the passages: keep the cited one at the top
        self.call_after_refresh(self.scroll_to_target)

    def close(self) -> None:
        self.remove_class("open")
