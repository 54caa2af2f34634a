"""Documents and their sections as a tree; choosing a section opens it in the side panel."""
from __future__ import annotations

from textual.widgets import Tree

from assistant import presenter

from .answer_card import AnswerCard


class DocumentBrowser(Tree):
    def __init__(self, **kwargs):
        super().__init__("Dokumente", **kwargs)
        self.show_root = False

    def populate(self, documents, units_of, today, problems=()) -> None:
        """The documents with their sections; files that could not be read come first, with their
        problems, so a provider finds them after the notice at start has gone."""
        self.clear()
        if problems:
            node = self.root.add(f"⚠ Dateien mit Fehlern ({len(problems)})", data=None, expand=True)
            for e in problems:
                node.add_leaf(f"{e.path}: {e.problem}", data=None)
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
