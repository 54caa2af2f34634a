"""Snapshot tests of the main screens at 100x30 (pytest-textual-snapshot).

Update after an intended change with `pytest tests/test_snapshots.py --snapshot-update`
and review the SVGs in tests/__snapshots__.
"""
import pytest
from textual.widgets import Input

from tui.app import create_app

SIZE = (100, 30)


async def _ready(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _asked(question):
    async def run(pilot):
        await _ready(pilot)
        pilot.app.query_one("#question", Input).value = question
        await pilot.press("enter")
        await _ready(pilot)
        await pilot.pause(0.2)
    return run


def _pressed(*keys):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press(*keys)
        await pilot.pause(0.3)
    return run


@pytest.mark.parametrize("name, run_before", [
    ("welcome", _ready),
    ("answer", _asked("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?")),
    ("abstention", _asked("Wie backe ich Brot?")),
    ("calculator", _pressed("f3")),
    ("documents", _pressed("f4")),
    ("glossary", _pressed("f5")),
    ("onboarding", _pressed("f6")),
    ("help", _pressed("f1")),
])
def test_main_screens(snap_compare, lotse, name, run_before):
    lotse.handle  # build the index before the app starts
    assert snap_compare(create_app(service=lotse), terminal_size=SIZE, run_before=run_before)


def test_answer_card_at_80x24(snap_compare, lotse):
    """The smallest supported terminal: Kurz, source and validity of the answer are on screen."""
    lotse.handle
    assert snap_compare(create_app(service=lotse), terminal_size=(80, 24),
                        run_before=_asked("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"))


def test_answer_card_end_at_80x24(snap_compare, lotse):
    """The lower part of the card at 80x24: „Ähnliche Fragen“, buttons and related questions."""
    lotse.handle
    asked = _asked("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?")

    async def run(pilot):
        await asked(pilot)
        similar = pilot.app.query(".similar").last()
        similar.screen.scroll_to_widget(similar, top=True, animate=False)
        await pilot.pause(0.3)
    assert snap_compare(create_app(service=lotse), terminal_size=(80, 24), run_before=run)
