"""Issue #10: stale-law notes (corpus/currency.yaml) and expiry markers on the glossary and the onboarding steps,
in the Textual app and on the web pages."""
from textual.widgets import Markdown

from tui.app import create_app
from tui.render import glossary_markdown, step_markdown
from tui.widgets.glossary_view import GlossaryView
from tui.widgets.calculator_form import CalculatorForm
from tui.widgets.onboarding_view import OnboardingView

MV_MARKER = "Kooperationsvereinbarung M-V: außer Kraft seit 15.04.2014"


async def ready(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


def _source(md: Markdown) -> str:
    return md.source


async def test_glossary_view_shows_the_change_notes_of_a_term(lotse):
    entries = lotse.glossary()
    index = next(i for i, e in enumerate(entries) if e["term"] == "Eingliederungsvereinbarung")
    note = entries[index]["notes"][0]
    plain = next(i for i, e in enumerate(entries) if not e.get("notes"))
    app = create_app(service=lotse)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("f5")
        view = app.query_one(GlossaryView)
        view.show_entry(index)
        await pilot.pause()
        text = _source(app.query_one("#glossary-text", Markdown))
        assert f"> ⚠ {note}" in text and "Kooperationsplan" in note
        view.show_entry(plain)
        await pilot.pause()
        assert "⚠" not in _source(app.query_one("#glossary-text", Markdown))


async def test_onboarding_view_shows_the_step_notes(lotse):
    steps = lotse.guide().onboarding
    index = next(i for i, s in enumerate(steps) if any(u.startswith("mv-koop/") for u in s.units))
    plain = next(i for i, s in enumerate(steps) if not lotse.step_notes(s))
    app = create_app(service=lotse)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("f6")
        view = app.query_one(OnboardingView)
        await view.show_step(index)
        await pilot.pause()
        text = _source(app.query_one("#step-text", Markdown))
        assert f"> ⚠ {MV_MARKER}" in text
        for n in lotse.step_notes(steps[index]):
            assert f"> ⚠ {n}" in text
        # the step's calculators are buttons that open their form (QA 28: the path had no way to them)
        buttons = list(app.query("#step-calculators Button"))
        names = steps[index].calculators
        assert names and [str(b.label) for b in buttons] == [f"Rechner „{lotse.calculator_title(n)}“" for n in names]
        assert str(buttons[0].label) in ("Rechner „Ende der InbeQ“", "Rechner „Nächstes Planungsgespräch und Anmeldefristen“")
        buttons[0].press()
        await pilot.pause()
        assert app.query_one(CalculatorForm).current == names[0]
        await pilot.press("f6")
        await view.show_step(plain)
        await pilot.pause()
        assert "⚠" not in _source(app.query_one("#step-text", Markdown))


def test_render_notes_as_warnings():
    class Step:
        title, intro = "Titel", "Einleitung"

    assert step_markdown(Step, 0, 3) == "## Schritt 1 von 3: Titel\n\nEinleitung"
    assert step_markdown(Step, 0, 3, ["A", "B"]) == "## Schritt 1 von 3: Titel\n\nEinleitung\n\n> ⚠ A\n\n> ⚠ B"
    md = glossary_markdown({"term": "EV", "explanation": "Erklärung", "notes": ["Seit 2023 anders."]}, [])
    assert "Erklärung\n\n> ⚠ Seit 2023 anders.\n\n*In den Dokumenten nicht verwendet.*" in md


def test_web_glossary_and_onboarding_show_the_notes(lotse):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette asks for httpx2; httpx works the same here
        from starlette.testclient import TestClient
    from assistant.web.app import create_app as create_web

    client = TestClient(create_web(lotse))
    ev = next(e for e in lotse.glossary() if e["term"] == "Eingliederungsvereinbarung")
    html = client.get("/glossar").text
    assert "Hinweis:</strong> Seit dem 01.07.2023 ersetzt im SGB II" in html and ev["notes"]
    home = client.get("/?ansicht=einarbeitung").text
    assert f"Hinweis:</strong> {MV_MARKER}" in home


async def test_glossary_opens_with_the_first_term_and_its_passages(lotse):
    from textual.widgets import OptionList

    first = lotse.glossary()[0]
    app = create_app(service=lotse)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("f5")
        await pilot.pause()
        assert first["term"] in _source(app.query_one("#glossary-text", Markdown))
        passages = app.query_one("#glossary-passages", OptionList)
        expected = lotse.passages_using(str(first["term"])) or lotse.passages_using(str(first.get("long", "")))
        assert passages.option_count == len(expected) > 0
