"""Calculator forms: fields from assistant.forms, inline German validation, results with
their steps and sources, and export of the dates to an .ics file."""
from __future__ import annotations

import io

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Markdown, Select, Static

from assistant.presenter import calculation_markdown

from ..german import Tickbox


class CalculatorForm(VerticalScroll):
    DEFAULT_CSS = """
    CalculatorForm { padding: 0 1; }
    CalculatorForm .field { height: auto; }
    CalculatorForm .error { color: $error; height: auto; }
    CalculatorForm .buttons { height: auto; margin: 1 0; }
    CalculatorForm .buttons Button { margin-right: 1; }
    CalculatorForm #calc-ics-path { width: 1fr; margin-right: 1; }
    CalculatorForm #calc-status { height: auto; }
    CalculatorForm #calc-result { height: auto; }
    CalculatorForm #calc-fields { height: auto; }
    """

    def __init__(self, service, **kwargs):
        super().__init__(**kwargs)
        self.service = service
        from assistant.forms import FORMS

        self.forms = FORMS
        self.current = next(iter(FORMS))
        self.calculation = None
        self._confirm_overwrite: str | None = None  # path the user was warned about (second press replaces)

    def compose(self) -> ComposeResult:
        yield Label("Rechner:")
        yield Select([(f.title, f.name) for f in self.forms.values()], value=self.current, allow_blank=False, id="calc-select", compact=True)
        yield Vertical(id="calc-fields")
        with Horizontal(classes="buttons"):
            yield Button("Berechnen", id="calc-run", variant="primary", compact=True)
        yield Static("", id="calc-status")
        yield Markdown("", id="calc-result")
        with Horizontal(classes="buttons", id="calc-ics-row"):
            yield Input(placeholder="Dateiname für den Kalender (.ics)", id="calc-ics-path", compact=True)
            yield Button("Als .ics speichern", id="calc-ics", disabled=True, compact=True)

    def on_mount(self) -> None:
        self.call_later(self.set_form, self.current, {})

    async def set_form(self, name: str, values: dict) -> None:
        """Show the form `name`, filled with `values` (field name -> display value)."""
        self.current = name
        select = self.query_one("#calc-select", Select)
        if select.value != name:
            with select.prevent(Select.Changed):
                select.value = name
        box = self.query_one("#calc-fields", Vertical)
        await box.remove_children()
        widgets = []
        for f in self.forms[name].fields:
            value = values.get(f.name, f.default)
            if f.kind == "flag":
                control = Tickbox(f.label, bool(value), id=f"field-{f.name}", compact=True)
                parts = [control]
            elif f.kind == "choice":
                control = Select([(label, v) for v, label in f.choices], value=value or f.choices[0][0],
                                 allow_blank=False, id=f"field-{f.name}", compact=True)
                parts = [Label(f.label + (" *" if f.mandatory else "")), control]
            else:
                control = Input(str(value or ""), placeholder=f.placeholder, id=f"field-{f.name}", compact=True)
                parts = [Label(f.label + (" *" if f.mandatory else "")), control]
            error = Static("", classes="error", id=f"error-{f.name}")
            error.display = False
            parts.append(error)
            widgets.append(Vertical(*parts, classes="field"))
        await box.mount_all(widgets)
        for field in self.query(Input):
            field.cursor_blink = not self.app.is_headless
        self.query_one("#calc-ics-path", Input).value = f"ub-lotse-{name}.ics"
        self._show_result(None, "")
        if values:
            self.run_calculation()

    def raw_values(self) -> dict:
        raw = {}
        for f in self.forms[self.current].fields:
            w = self.query_one(f"#field-{f.name}")
            raw[f.name] = w.value
        return raw

    def run_calculation(self) -> None:
        result = self.service.calculate(self.current, self.raw_values())
        for f in self.forms[self.current].fields:
            error = self.query_one(f"#error-{f.name}", Static)
            error.update("⚠ " + result.errors[f.name] if f.name in result.errors else "")
            error.display = f.name in result.errors
        if result.errors:
            self._show_result(None, "Bitte die markierten Angaben prüfen.")
        elif not result.ok:
            self._show_result(None, result.message)
        else:
            self._show_result(result.calculation, "")

    def _show_result(self, calculation, status: str) -> None:
        self.calculation = calculation
        self._confirm_overwrite = None  # another calculation: saving asks again before replacing a file
        self.query_one("#calc-status", Static).update(status)
        md = ""
        if calculation is not None:
            md = calculation_markdown(calculation, [self.service.source_label(r) for r in calculation.rules])
        self.query_one("#calc-result", Markdown).update(md)
        self.query_one("#calc-ics", Button).disabled = not (calculation and calculation.dates)
        # shown only with dates to save: a staffing result, or a form with errors, has none (QA 45: a greyed-out
        # "Als .ics speichern" row and an extra Tab stop under the Personalbedarf's error messages)
        self.query_one("#calc-ics-row").display = bool(calculation and calculation.dates)

    def drop_overwrite_prompt(self) -> None:
        """The user moved on (a new question): the "Zum Überschreiben noch einmal …" prompt goes, and
        saving asks again before replacing the file."""
        if self._confirm_overwrite is not None:
            self._confirm_overwrite = None
            self.query_one("#calc-status", Static).update("")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "calc-select" and event.value != self.current:
            event.stop()
            self.call_later(self.set_form, str(event.value), {})

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "calc-ics-path":
            self.export()
        else:
            self.run_calculation()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "calc-run":
            self.run_calculation()
        elif event.button.id == "calc-ics":
            self.export()

    def export(self) -> None:
        """In the browser the .ics file becomes a download (nothing is written on the server);
        in the terminal the path is checked and an existing file is replaced only when asked twice."""
        status_line = self.query_one("#calc-status", Static)
        if self.calculation is None:
            status_line.update("Erst berechnen, dann speichern.")
            return
        path = self.query_one("#calc-ics-path", Input).value.strip()
        if self.app.is_web:
            data, name = self.service.ics_download(self.calculation, path)
            self.app.deliver_binary(io.BytesIO(data), save_filename=name, mime_type="text/calendar")
            status = f"Die Kalenderdatei {name} wird im Browser heruntergeladen."
        else:
            overwrite = path != "" and path == self._confirm_overwrite
            status = self.service.export_ics(self.calculation, path, overwrite=overwrite)
            self._confirm_overwrite = path if "gibt es schon" in status else None
        status_line.update(status)
        self.app.notify(status)
