"""Pilot tests of the app (posting style: one app factory, pure helpers with plain asserts)."""
import pytest
from textual.widgets import Input, TabbedContent

from tui.app import create_app
from assistant.presenter import reply_markdown, reply_plain
from tui.widgets.answer_card import AnswerCard
from tui.widgets.calculator_form import CalculatorForm
from tui.widgets.conversation import Welcome
from tui.widgets.source_panel import SourcePanel

URLAUB = "Haben Teilnehmer der InbeQ Anspruch auf Urlaub?"


async def ready(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_and_submit(app, pilot, selector, value):
    field = app.query_one(selector, Input)
    field.value = value
    field.focus()
    await pilot.press("enter")
    await pilot.pause()


async def ask(app, pilot, question):
    app.query_one("#question", Input).value = question
    await pilot.press("enter")
    await ready(app, pilot)
    return app.query(AnswerCard).last()


async def test_question_shows_card_with_source_and_validity(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, URLAUB)
        assert "2,5 unterweisungsfreien Arbeitstagen" in card.markdown
        assert "BAG UB" in card.markdown and "Gültigkeit" in card.markdown
        # further hits as buttons, where the ranking gives them at least 1 % (the holiday question's are below)
        assert len(card.query(".related-unit")) == 0
        card = await ask(app, pilot, "Wer lädt zum Planungsgespräch ein?")
        assert len(card.query(".related-unit")) >= 1


async def test_open_source_scrolls_the_side_panel_to_the_passage(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, URLAUB)
        await pilot.press("ctrl+o")
        await pilot.pause(0.3)
        panel = app.query_one(SourcePanel)
        assert panel.has_class("open") and panel.cited == card.unit_id
        target, header = panel.query_one(".cited"), panel.query_one(".doc-header")
        # the cited passage starts right below the document's title and validity, which stay in view
        assert panel.scroll_y > 0 and abs(target.region.y - header.region.bottom - 1) <= 1
        assert "Das Dokument nennt kein Ablaufdatum; Stand 03/2020" in panel.header
        await pilot.press("escape")
        assert not panel.has_class("open")


async def test_calculation_hands_off_to_a_prefilled_form(lotse, tmp_path):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "Wie viele Wochenstunden Personal brauche ich bei 8 Teilnehmenden im 6. Monat, Mindestteilnehmerplatzzahl 7?")
        assert card.reply.calculation is not None and "62,4 Wochenstunden" in card.markdown
        app.query_one("#open-calc").focus()
        await pilot.press("enter")
        await pilot.pause()
        form = app.query_one(CalculatorForm)
        assert app.query_one(TabbedContent).active == "tab-calc"
        assert app.query_one("#field-teilnehmende", Input).value == "8"
        assert app.query_one("#field-monat", Input).value == "6"
        assert form.calculation is not None and "62,4 Wochenstunden" in form.calculation.result
        # round trip: change a value, compute again, export the dates
        await form.set_form("integrationsamt", {})
        await type_and_submit(app, pilot, "#field-beschaeftigungsbeginn", "01.09.2027")
        assert "01.03.2027" in form.calculation.result
        target = tmp_path / "termine.ics"
        assert not app.query_one("#calc-ics").disabled and app.query_one("#calc-ics-row").display
        await type_and_submit(app, pilot, "#calc-ics-path", str(target))
        assert b"BEGIN:VEVENT" in target.read_bytes()


BAD_INPUT = [
    ("teilnehmende", "-3", "Negative Werte"),
    ("teilnehmende", "acht", "keine ganze Zahl"),
    ("teilnehmende", "", "Bitte ausfüllen"),
    ("monat", "\x1b[31m", "Steuerzeichen"),
]


async def test_bad_input_in_forms_gets_inline_german_messages(lotse):
    # one app for all cases (each run costs more than a second); the form is filled anew for each
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("f3")
        form = app.query_one(CalculatorForm)
        for field, value, message in BAD_INPUT:
            await form.set_form("personal", {"teilnehmende": "8", "monat": "2"})
            await type_and_submit(app, pilot, "#field-monat", "2")
            assert form.calculation is not None  # a good value first: the bad one must take the result away
            assert not app.query_one("#calc-ics-row").display  # staff has no dates to save
            await type_and_submit(app, pilot, f"#field-{field}", value)
            error = app.query_one(f"#error-{field}")
            assert error.display and message in str(error.render()), (field, value)
            assert form.calculation is None and app.query_one("#calc-ics").disabled, (field, value)
            assert not app.query_one("#calc-ics-row").display  # no dates: no row to save them (QA 45)


async def test_the_bundesland_select_names_each_land_with_its_code(lotse):
    from textual.widgets import OptionList, Select

    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("f3")
        form = app.query_one(CalculatorForm)
        await form.set_form("planungsgespraech", {})
        select = app.query_one("#field-land", Select)
        assert select.value == "MV"
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        options = select.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(labels) == 16 and labels[0] == "Baden-Württemberg (BW)" and "Mecklenburg-Vorpommern (MV)" in labels
        assert "Sachsen (SN)" in labels and "SN" not in labels
        await pilot.press("escape")
        select.value = "BE"
        await type_and_submit(app, pilot, "#field-ab", "10.01.2030")
        assert "Planungsgespräch am 01.02.2030" in form.calculation.result and form.calculation.inputs["land"] == "BE"


async def test_impossible_date_in_a_form(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        form = app.query_one(CalculatorForm)
        await form.set_form("kuendigung", {})
        await type_and_submit(app, pilot, "#field-kuendigung", "31.02.2027")
        assert "31.02.2027" in str(app.query_one("#error-kuendigung").render())


async def test_abstention_says_so_and_offers_suggestions(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "Wie hoch ist die Ausgleichsabgabe pro Monat?")
        assert card.has_class("abstained") and "keine verlässliche Antwort" in card.markdown
        suggestions = card.query(".suggestion")
        assert len(suggestions) >= 1
        suggestions.first().focus()
        await pilot.press("enter")
        await ready(app, pilot)
        assert len(app.query(AnswerCard)) == 2


async def test_switching_audience_changes_starting_questions(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        before = [b.question for b in app.query_one(Welcome).query(".start-question")]
        await pilot.press("ctrl+g")
        await pilot.pause()
        after = [b.question for b in app.query_one(Welcome).query(".start-question")]
        assert app.audience_id == "anbieter" and before != after and after
        assert "Anbieter" in app.sub_title


async def test_history_up_and_down(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, "Urlaub?")
        await ask(app, pilot, "Fahrtkosten?")
        field = app.query_one("#question", Input)
        await pilot.press("up")
        assert field.value == "Fahrtkosten?"
        await pilot.press("up")
        assert field.value == "Urlaub?"
        await pilot.press("down", "down")
        assert field.value == ""


async def test_help_theme_and_quit(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        theme = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != theme
        await pilot.press("ctrl+q")
    assert app.return_code == 0


def test_plain_text_for_the_clipboard_names_the_source(lotse):
    text = reply_plain(lotse.ask(URLAUB))
    assert "2,5 unterweisungsfreien Arbeitstagen" in text
    assert text.splitlines()[0] == f"Frage: {URLAUB}" and "Quelle: " in text and "Gültigkeit: " in text


def test_abstention_markdown(lotse):
    text = reply_markdown(lotse.ask("Wie backe ich Brot?"))
    assert "keine verlässliche Antwort" in text


async def test_a_meaning_the_glossary_gives_is_no_warning_card_and_lists_where_the_term_is_used(lotse):
    from textual.widgets import Label

    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, "Was heißt WfbM?")
        assert not card.has_class("abstained")
        assert card.markdown.startswith("**Frage:** Was heißt WfbM?") and "Im Glossar: WfbM" in card.markdown
        assert "So kommen Sie weiter" not in card.markdown
        labels = [str(label.content) for label in card.query(Label)]
        assert "Der Begriff kommt zum Beispiel hier vor:" in labels and "Meinten Sie:" not in labels


async def test_clearing_the_history_right_after_a_resize_keeps_the_app_running(lotse):
    # QA 45: Ctrl+L within half a second of a resize ended the app with NoMatches ('.passage' of a removed card)
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        card = await ask(app, pilot, URLAUB)
        await pilot.resize_terminal(140, 40)
        card.call_after_refresh(card._fit_passage)  # as on_resize leaves it, still pending when the card goes
        await pilot.press("ctrl+l")
        await pilot.pause()
        card._fit_passage()  # a removed card: nothing to fit, no error
        await pilot.pause()
        assert app.is_running and len(app.query(AnswerCard)) == 0


async def test_tab_from_the_question_field_reaches_the_newest_answer(lotse):
    # QA 45: Tab had gone to the welcome card's examples at the top of the history, scrolling the answer away
    from textual.widgets import Button

    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("tab")  # no answer yet: on to the next widget, as before
        await pilot.pause()
        assert not isinstance(app.focused, Input)
        app.query_one("#question", Input).focus()
        await ask(app, pilot, URLAUB)
        card = await ask(app, pilot, "Wer zahlt die Fahrtkosten?")
        app.query_one("#question", Input).focus()
        await pilot.press("tab")
        await pilot.pause()
        # the card's first button ("ganzen Abschnitt zeigen" where the passage is long, else "Quelle öffnen")
        assert isinstance(app.focused, Button) and app.focused.display and card in app.focused.ancestors
        assert app.focused is next(b for b in card.query(Button) if b.focusable)


async def test_escape_closes_the_source_view_then_returns_to_the_question_field(lotse):
    # QA 45: Esc had left the focus on a card's button, and what was typed next went nowhere
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, URLAUB)
        await pilot.press("ctrl+o")
        await pilot.pause()
        panel = app.query_one(SourcePanel)
        assert panel.has_class("open")
        await pilot.press("tab")  # on to a button of the card
        await pilot.pause()
        assert not isinstance(app.focused, Input)
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.has_class("open") and not isinstance(app.focused, Input)  # first the source view
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one("#question", Input)
