"""German labels for the English texts that Textual's built-in widgets bring along.

Imported once by the app. Textual merges a class's bindings when the class is created, so the
bindings of the select menu and the command palette are replaced and merged again here.
"""
from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandPalette
from textual.widgets import Checkbox
from textual.widgets._select import SelectOverlay

SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "Liste schließen")]
SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()

CommandPalette.BINDINGS = [
    Binding("ctrl+end, shift+end", "command_list('last')", "Zum Ende", show=False),
    Binding("ctrl+home, shift+home", "command_list('first')", "Zum Anfang", show=False),
    Binding("down", "cursor_down", "Nächster Befehl", show=False),
    Binding("escape", "escape", "Befehlsliste schließen"),
    Binding("pagedown", "command_list('page_down')", "Seite weiter", show=False),
    Binding("pageup", "command_list('page_up')", "Seite zurück", show=False),
    Binding("up", "command_list('cursor_up')", "Vorheriger Befehl", show=False),
]
CommandPalette._merged_bindings = CommandPalette._merge_bindings()

PALETTE_PLACEHOLDER = "Befehl suchen …"


def command_palette() -> CommandPalette:
    """The command palette with a German placeholder (the app opens this one)."""
    return CommandPalette(id="--command-palette", placeholder=PALETTE_PLACEHOLDER)


class Tickbox(Checkbox):
    """A checkbox that shows a tick when ticked and an empty box otherwise
    (Textual draws an "X" in both states and changes only its colour)."""

    @property
    def _button(self):
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
