"""German labels for the English texts that Textual's built-in widgets bring along.

Imported once by the app. Textual merges a class's bindings when the class is created, so the
bindings of the select menu and the command palette are replaced and merged again here.
"""
from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option
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
PALETTE_NO_MATCHES = "Kein passender Befehl"


class GermanCommandPalette(CommandPalette):
    """The command palette, saying "Kein passender Befehl" where Textual says "No matches found"
    (that text is fixed inside `_start_no_matches_countdown`, so the method is restated here)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(PALETTE_NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def command_palette() -> CommandPalette:
    """The command palette with German texts (the app opens this one)."""
    return GermanCommandPalette(id="--command-palette", placeholder=PALETTE_PLACEHOLDER)


class Tickbox(Checkbox):
    """A checkbox that shows a tick when ticked and an empty box otherwise
    (Textual draws an "X" in both states and changes only its colour)."""

    @property
    def _button(self):
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
