"""Pilot test of the app: ask a question and see the answer card."""
from textual.widgets import Input, Markdown

from tui.app import LotseApp, reply_markdown


async def test_question_shows_card_with_source(lotse):
    lotse.handle
    app = LotseApp(lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(Input).value = "Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        cards = app.query(Markdown)
        assert len(cards) == 2
        text = reply_markdown(lotse.ask("Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"))
        assert "2,5 unterweisungsfreien Arbeitstagen" in text and "BAG UB" in text


def test_abstention_markdown(lotse):
    text = reply_markdown(lotse.ask("Wie backe ich Brot?"))
    assert "keine verlässliche Antwort" in text
