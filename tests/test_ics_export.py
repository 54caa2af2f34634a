"""#9 item 7: .ics export is a browser download under `lotse serve`; in the terminal the path is
checked and an existing file is replaced only when asked twice. Browser-safe key alternatives."""

import pytest
from textual.widgets import Input

from tui.app import LotseApp, create_app
from tui.widgets.calculator_form import CalculatorForm


async def ready(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


async def calculated_form(app, pilot) -> CalculatorForm:
    await ready(app, pilot)
    await pilot.press("f3")
    form = app.query_one(CalculatorForm)
    await form.set_form("integrationsamt", {})
    field = app.query_one("#field-beschaeftigungsbeginn", Input)
    field.value = "01.09.2027"
    field.focus()
    await pilot.press("enter")
    await pilot.pause()
    assert form.calculation is not None and form.calculation.dates
    return form


def status(app) -> str:
    return str(app.query_one("#calc-status").render())


async def save(app, pilot, path: str) -> str:
    app.query_one("#calc-ics-path", Input).value = path
    app.query_one("#calc-ics").press()
    await pilot.pause()
    return status(app)


async def test_terminal_export_checks_the_path_and_asks_before_overwriting(lotse, tmp_path):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await calculated_form(app, pilot)
        target = tmp_path / "termine.ics"
        assert (await save(app, pilot, str(target))).endswith(f"gespeichert in {target}")
        assert b"BEGIN:VEVENT" in target.read_bytes()

        victim = tmp_path / "victim.ics"
        victim.write_text("wichtig", encoding="utf-8")
        assert "gibt es schon" in await save(app, pilot, str(victim))
        assert victim.read_text(encoding="utf-8") == "wichtig"  # not overwritten without asking
        assert "gespeichert in" in await save(app, pilot, str(victim))  # asked twice: replaced
        assert b"BEGIN:VEVENT" in victim.read_bytes()

        assert "Den Ordner" in await save(app, pilot, str(tmp_path / "fehlt" / "x.ics"))
        assert "ist ein Ordner" in await save(app, pilot, str(tmp_path))
        assert (await save(app, pilot, str(tmp_path / "ohne-endung"))).endswith("ohne-endung.ics")
        assert "Bitte einen Dateinamen" in await save(app, pilot, "")


async def test_browser_export_is_a_download_and_writes_nothing_on_the_server(lotse, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(LotseApp, "is_web", property(lambda self: True))
    delivered = []

    def deliver(self, file, *, save_filename=None, mime_type=None, **_kw):
        delivered.append((file.read(), save_filename, mime_type))

    monkeypatch.setattr(LotseApp, "deliver_binary", deliver)
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await calculated_form(app, pilot)
        message = await save(app, pilot, "../../etc/victim.txt")
    [(data, name, mime)] = delivered
    assert b"BEGIN:VEVENT" in data and mime == "text/calendar"
    assert name == "victim.txt.ics"  # a file name only, never a path
    assert "im Browser heruntergeladen" in message
    assert list(tmp_path.iterdir()) == []  # nothing written in the server's working directory


@pytest.mark.parametrize("name, expected", [("", "ub-lotse-termine.ics"), ("Termine März.ics", "Termine-M-rz.ics"),
                                            ("~/../x", "x.ics")])
def test_download_names_are_plain_file_names(lotse, name, expected):
    from assistant.calculators import integration_office
    import datetime as dt

    _data, filename = lotse.ics_download(integration_office(dt.date(2027, 9, 1)), name)
    assert filename == expected


async def test_browser_safe_key_alternatives(lotse):
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        dark = app.current_theme.dark
        await pilot.press("f8")
        await pilot.pause()
        assert app.current_theme.dark != dark
        await pilot.press("f10")
        await pilot.pause()
    assert app.return_code == 0


def test_a_crash_under_lotse_serve_sends_no_traceback(monkeypatch, capfd):
    import tui.app as tui_app
    from textual.app import App

    class Crashing(App):
        def on_mount(self) -> None:
            raise RuntimeError("/srv/geheimer/pfad")

        def run(self, **kwargs):
            return super().run(headless=True)

    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    monkeypatch.setattr(tui_app, "create_app", lambda *_a, **_k: Crashing())
    assert tui_app.run_app() != 0
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "/srv/geheimer/pfad" not in out + err
    assert "UB-Lotse wurde wegen eines unerwarteten Fehlers beendet." in err


async def test_the_saved_message_names_the_whole_path(lotse, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = create_app(service=lotse)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        form = app.query_one(CalculatorForm)
        await form.set_form("planungsgespraech", {"ab": "20.12.2026"})
        # the meeting and its two deadlines, and the next meeting's: the 01.01.2027's registration closes on 18.12.2026,
        # before the day looked from (QA 46)
        assert len(form.calculation.dates) == 6
        name = app.query_one("#calc-ics-path", Input).value
        assert name == "ub-lotse-planungsgespraech.ics"  # the suggested file name has no folder
        assert await save(app, pilot, name) == f"6 Termine gespeichert in {tmp_path / name}"
        assert (tmp_path / name).is_file() and (tmp_path / name).is_absolute()
        assert await save(app, pilot, name) == (f"Die Datei {tmp_path / name} gibt es schon. "
                                                "Zum Überschreiben noch einmal „Als .ics speichern“ wählen.")


async def test_the_overwrite_prompt_goes_when_the_user_moves_on(lotse, tmp_path):
    app = create_app(service=lotse)
    target = tmp_path / "termine.ics"
    async with app.run_test(size=(100, 30)) as pilot:
        form = await calculated_form(app, pilot)
        target.write_text("wichtig", encoding="utf-8")
        assert "Zum Überschreiben noch einmal" in await save(app, pilot, str(target))
        # a new question: the prompt is gone from the calculator tab, and saving asks again
        await pilot.press("f2")
        app.query_one("#question", Input).value = "Wer zahlt die Fahrtkosten?"
        await pilot.press("enter")
        await ready(app, pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert status(app) == ""
        assert "Zum Überschreiben noch einmal" in await save(app, pilot, str(target))
        assert target.read_text(encoding="utf-8") == "wichtig"
        # another calculation: the same
        field = app.query_one("#field-beschaeftigungsbeginn", Input)
        field.value = "01.10.2027"
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert form.calculation is not None and status(app) == ""
        assert "Zum Überschreiben noch einmal" in await save(app, pilot, str(target))
        assert target.read_text(encoding="utf-8") == "wichtig"
        assert "gespeichert in" in await save(app, pilot, str(target))  # asked twice in a row: replaced
        assert b"BEGIN:VEVENT" in target.read_bytes()
