"""Documents and their sections as a tree; choosing a section opens it in the side panel."""
from __future__ import annotations

from textual.widgets import Tree

from assistant import presenter

from .answer_card import AnswerCard


class DocumentBrowser(Tree):
    def __init__(self, **kwargs):
        super().__init__("Dokumente", **kwargs)
        self.show_root = False

    def populate(self, documents, units_of, today) -> None:
        self.clear()
        for doc in documents:
            state = " " + presenter.document_marker(doc, today)
            node = self.root.add(f"{doc.short_title} ({doc.display_date}){state.rstrip()}", data=None)
            for u in units_of(doc.id):
                node.add_leaf(u.title, data=u.id)
        self.root.expand()

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data:
            self.post_message(AnswerCard.SourceRequested(event.node.data))
