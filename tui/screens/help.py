"""The help screen: what UB-Lotse does and every key."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# Hilfe – UB-Lotse

UB-Lotse beantwortet Fragen zur Unterstützten Beschäftigung (InbeQ, Berufsbegleitung,
Jobcoaching) **nur aus den hinterlegten Dokumenten**. Jede Antwort nennt Dokument, Abschnitt,
Datum und ob das Dokument noch gilt. Steht etwas nicht in den Dokumenten, sagt UB-Lotse das.

| Taste | Aktion |
|---|---|
| Enter | Frage stellen |
| ↑ / ↓ | frühere Fragen |
| Bild↑ / Bild↓ | im Verlauf blättern (auch aus dem Eingabefeld) |
| Strg+Ende | zur neuesten Antwort springen |
| F1 | diese Hilfe |
| F2 | Fragen |
| F3 | Rechner (Personal, Fristen) |
| F4 | Dokumente |
| F5 | Glossar |
| F6 | Einarbeitung |
| Strg+→ / Strg+← | Einarbeitung: nächster / vorheriger Schritt, auch aus der Quellenansicht |
| Strg+O | Quelle der Antwort öffnen (die gewählte Karte, sonst die neueste) |
| Esc | Quellenansicht schließen; sonst zurück ins Eingabefeld |
| Strg+Y | Antwort mit Quelle kopieren |
| Strg+G | Ansicht wechseln (Eltern / Anbieter / Einarbeitung) |
| Strg+T oder F8 | hell / dunkel |
| Strg+L oder F9 | Verlauf leeren |
| Strg+P | Befehlspalette (alle Befehle zum Suchen) |
| Tab / Umschalt+Tab | zum nächsten / vorherigen Element; aus dem Eingabefeld: Tab zur neuesten Antwort |
| Strg+Q oder F10 | beenden |

Im Browser (lotse serve) gehören Strg+T, Strg+L und Strg+Q dem Browser: dort F8, F9 und F10 verwenden.

Auf einer Antwortkarte: „ganzen Abschnitt zeigen“ klappt lange Passagen auf; „Meinten Sie“ und
„Verwandte Fragen“ öffnen den genannten Abschnitt direkt. „Ähnliche Fragen“ zeigen, was derselbe
Abschnitt noch beantwortet. Titel mit „⚠ außer Kraft“ stammen aus Dokumenten, die nicht mehr gelten.

Schließen mit Esc oder F1.
"""


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss", "Schließen"), Binding("f1", "dismiss", "Schließen")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80%; max-width: 90; height: 90%; border: thick $primary; background: $surface; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(HELP)
