"""`lotse web`: a German web page and a JSON API over the one service object.

Routes only translate HTTP into service calls and service results into templates or JSON;
the answering, the calculators and their German messages live in the service. The app keeps
no state between requests beyond the read-only index, so any number of workers or machines
can serve it behind a reverse proxy. Nothing is written and, unless the operator opts in,
no question is logged.
"""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from jinja2 import pass_context
from markdown_it import MarkdownIt
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.schemas import SchemaGenerator
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from .. import presenter
from ..service import MAX_QUESTION, clean_question
from ..textio import printable
from . import calculators as calcs
from .middleware import MAX_BODY, BodyLimit, Guard, SecurityHeaders, error_response

HERE = Path(__file__).resolve().parent
LOG = logging.getLogger("lotse.web")
MAX_FORM_FIELDS = 30
DEFAULT_AUDIENCE = "eltern"
ONBOARDING = "einarbeitung"  # the view that shows the onboarding path
WHOM_TO_ASK = ("Fragen Sie die Fachkräfte beim Leistungserbringer (zum Beispiel Qualifizierungstrainer oder Jobcoach), "
               "die Reha-Beratung der Agentur für Arbeit oder – in der Berufsbegleitung – das Integrationsamt "
               "bzw. den Integrationsfachdienst.")
ENV_CORPUS = "LOTSE_WEB_CORPUS"  # extra corpus folders for worker processes (os.pathsep-separated)
ENV_LOG_QUESTIONS = "LOTSE_WEB_LOG_QUESTIONS"
EMPTY_QUESTION = "Bitte geben Sie eine Frage ein."  # the API's error and the page's message at the question field

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def render_markdown(text: str) -> Markup:
    """A unit's Markdown as HTML (raw HTML and images off: nothing is loaded from elsewhere)."""
    html = _markdown.render(text or "")
    # a wide table scrolls sideways in its own region, which the keyboard reaches and a screen reader names (QA 28: axe
    # "scrollable-region-focusable" on a phone)
    return Markup(html.replace("<table>", '<div class="table-wrap" tabindex="0" role="region" aria-label="Tabelle, seitlich '
                               'verschiebbar"><table>').replace("</table>", "</table></div>"))


KEY_HINT = re.compile(r"\s*\(F\d{1,2}\)|[;,]\s*mit F\d{1,2}\b[^.;]*")


def without_key_hints(text: str) -> str:
    """Guide texts name the terminal app's function keys ("(F6)", "; mit F3 öffnen Sie …"); the page has links instead."""
    return KEY_HINT.sub("", text)


def unit_name(unit) -> str:
    """A unit named for a link's accessible name: its title, or its place in the document when the title
    is a bare number ("1.1" becomes "1. Gegenstand der Grundsätze › 1.1")."""
    return unit.title if any(c.isalpha() for c in unit.title) else presenter.section(unit)


def unit_anchor(unit_id: str) -> str:
    """The id of a unit's element on its document page (stable, from the unit id)."""
    return "abschnitt-" + unit_id.split("/", 1)[-1]


class WebApp:
    """The routes, bound to one service object."""

    def __init__(self, service, log_questions: bool = False):
        self.service = service
        self.log_questions = log_questions
        if log_questions:
            self._log_handler()
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        env = self.templates.env
        env.filters["markdown"] = render_markdown
        env.filters["anchor"] = unit_anchor
        env.filters["document_suffix"] = presenter.document_suffix
        env.filters["further_hits"] = presenter.further_hits
        env.filters["plain"] = presenter.plain  # the documents' Markdown bold without its stars
        env.filters["short"] = presenter.short_text  # the "Kurz:" line
        env.filters["shorten"] = presenter.shorten  # a question in the page title
        env.filters["section"] = presenter.section  # "Teil A › 1. Urlaub", as the CLI and the API write it
        env.filters["without_key_hints"] = without_key_hints
        env.filters["unit_name"] = unit_name
        env.globals["audience_url"] = audience_url
        env.globals["unit_of"] = service.unit
        # a passage named as the terminal app names it: "⚠ außer Kraft: Titel (Dokument)"
        env.globals["passage_label"] = lambda unit: presenter.unit_label(unit, service.document(unit.doc_id), service.today)
        env.globals["step_notes"] = lambda step: service.step_notes(step)  # looked up when a page needs it
        env.globals["step_url"] = step_url
        env.globals["in_view"] = in_view
        env.globals["step_unit_url"] = step_unit_url
        env.globals["calculator_form"] = calcs.calculator_form
        env.globals["answer_unit_url"] = answer_unit_url
        env.globals["quoted_excerpt"] = presenter.quoted_excerpt
        env.globals["answer_terms"] = lambda reply, audience_id: service.answer_terms(reply, audience_id)  # looked up when a page needs it
        self._glossary = None

    # -------------------------------------------------------------- helpers
    def page(self, request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
        guide = self.service.guide()
        audience_id = context.pop("audience_id", "") or request.query_params.get("ansicht") or DEFAULT_AUDIENCE
        if guide.audience(audience_id) is None:
            audience_id = DEFAULT_AUDIENCE
        base = {"audiences": guide.audiences, "audience": guide.audience(audience_id), "audience_id": audience_id,
                "calculators": calcs.calculator_forms(), "whom_to_ask": WHOM_TO_ASK,
                "defined_heading": presenter.DEFINED_SUGGESTIONS_HEADING, "defined_short_label": presenter.DEFINED_SHORT_LABEL, "max_question": MAX_QUESTION,
                "onboarding": guide.onboarding}
        base.update(context)
        return self.templates.TemplateResponse(request, name, base, status_code=status)

    def reply_context(self, reply) -> dict:
        c = reply.calculation
        ctx = {"reply": reply, "calc_sources": [], "calc_query": "", "calc_form": None}
        if c is not None:
            ctx["calc_sources"] = [self.service.source_label(r) for r in c.rules]
            ctx["calc_query"] = urlencode({**calcs.prefill_query(c), "berechnen": "1"})
            ctx["calc_form"] = calcs.calculator_form(c.name)
        return ctx

    def log(self, question: str) -> None:
        if self.log_questions:
            LOG.info("Frage: %s", question[:200])

    @staticmethod
    def _log_handler() -> None:
        """With --log-questions, the questions reach the server's output (QA 22: the logger had no handler, and Python's
        last resort shows warnings only, so questions sent by POST were never logged)."""
        if not any(getattr(h, "lotse", False) for h in LOG.handlers):
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("INFO:     %(message)s"))
            handler.lotse = True
            LOG.addHandler(handler)
        LOG.setLevel(logging.INFO)

    # -------------------------------------------------------------- pages
    async def home(self, request: Request) -> Response:
        params = dict(request.query_params)
        if request.method == "POST":
            form = await read_form(request)
            if form is None:
                return error_response(request, 400, "Das Formular konnte nicht gelesen werden.")
            params.update(form)
        # shown again in the field and as "Ihre Frage": no control or bidi characters, at most the field's length (QA)
        question = printable(params.get("q", ""), 3 * MAX_QUESTION)
        context = {"question": question, "audience_id": params.get("ansicht", "")}
        if "q" in params and not question.strip():  # submitted empty: say so at the field, as the calculators do
            context["question_error"] = EMPTY_QUESTION
            return self.page(request, "home.html", context, 400)
        if question.strip():
            self.log(question)
            reply = await run_in_threadpool(self.service.ask, question)
            context.update(self.reply_context(reply))
        return self.page(request, "home.html", context)

    async def unit_page(self, request: Request) -> Response:
        unit_id = request.path_params["unit_id"]
        if self.service.unit(unit_id) is None:
            return error_response(request, 404, f"Den Abschnitt „{unit_id}“ gibt es nicht.")
        reply = await run_in_threadpool(self.service.reply_for_unit, unit_id)
        context = {"question": "", "shown_unit": True, **self.reply_context(reply)}
        # opened from an answer ("Weitere Treffer", a suggestion): a way back to it (QA 28: there was none), and not
        # the onboarding path's place, which it was not opened from (QA 29)
        context["asked"] = " ".join(printable(request.query_params.get("frage", ""), 3 * MAX_QUESTION).split())
        if request.query_params.get("ansicht") == ONBOARDING and not context["asked"]:
            context["path"] = self.path_position(unit_id, request.query_params.get("schritt", ""))
        return self.page(request, "home.html", context)

    def path_position(self, unit_id: str, number: str) -> dict | None:
        """Where a passage opened from the onboarding path stands in it: its step (the one named in the
        link, else the first that lists the passage or quotes it in a self-check) and its neighbours."""
        steps = self.service.guide().onboarding

        def holds(step) -> bool:
            return unit_id in step.units or any(c.unit == unit_id for c in step.checks)

        index = int(number) - 1 if number.isascii() and number.isdigit() and 0 < int(number) <= len(steps) else -1
        if index < 0 or not holds(steps[index]):
            index = next((i for i, st in enumerate(steps) if holds(st)), -1)
        if index < 0:
            return None
        step = steps[index]
        units = [u for u in (self.service.unit(uid) for uid in step.units) if u is not None]
        ids = [u.id for u in units]
        at = ids.index(unit_id) if unit_id in ids else -1
        return {"number": index + 1, "total": len(steps), "step": step,
                "previous": steps[index - 1] if index > 0 else None, "next": steps[index + 1] if index + 1 < len(steps) else None,
                "position": at + 1, "count": len(units),
                "previous_unit": units[at - 1] if at > 0 else None, "next_unit": units[at + 1] if 0 <= at < len(units) - 1 else None}

    async def calculators_page(self, request: Request) -> Response:
        return self.page(request, "calculators.html", {})

    async def calculator_page(self, request: Request) -> Response:
        name = request.path_params["name"]
        form = calcs.calculator_form(name)
        if form is None:
            return error_response(request, 404, f"Einen Rechner „{name}“ gibt es nicht.")
        values = dict(request.query_params)
        result = None
        repeated = calcs.repeated_keys(request.query_params)
        if "berechnen" in values and repeated:
            # a field given twice is said, not one of its values dropped (QA 27: "teilnehmende=8&teilnehmende=5" had
            # been computed for 5); the page shows the values as the link gave them, the last of each
            result = calcs.FormResult(errors={k: calcs.repeated_message([k]) for k in repeated if k in {f.name for f in form.fields}},
                                      message=calcs.repeated_message(repeated))
        elif "berechnen" in values:
            result = await run_in_threadpool(calcs.calculate, self.service, name, values)
        else:
            values = {**{f.name: f.default for f in form.fields}, **values}
        ctx = {"form": form, "values": values, "result": result, "sources": [], "ics_url": "", "step": 0}
        # opened from a step of the onboarding path: a way back to it, also after "Berechnen" (QA 29)
        number, steps = request.query_params.get("schritt", ""), self.service.guide().onboarding
        if request.query_params.get("ansicht") == ONBOARDING and number.isascii() and number.isdigit() and 0 < int(number) <= len(steps):
            ctx["step"] = int(number)
        if result is not None and result.ok:
            c = result.calculation
            ctx["sources"] = [self.service.source_label(r) for r in c.rules]
            if c.dates:
                unknown = set(calcs.unknown_keys(form, values)) | {"schritt"}  # the calendar's route refuses what names no field
                query = urlencode({k: v for k, v in values.items() if k not in unknown})
                ctx["ics_url"] = f"/api/calc/{name}.ics?{query}"
        status = 400 if result is not None and not result.ok else 200
        return self.page(request, "calculator.html", ctx, status)

    async def glossary_page(self, request: Request) -> Response:
        if self._glossary is None:
            entries = await run_in_threadpool(self.service.glossary)
            self._glossary = [(e, await run_in_threadpool(self.service.passages_using, str(e["term"]))) for e in entries]
        return self.page(request, "glossary.html", {"entries": self._glossary})

    async def documents_page(self, request: Request) -> Response:
        today = self.service.today
        docs = [(d, presenter.validity(d, today), d.in_force(today)) for d in self.service.documents()]
        return self.page(request, "documents.html", {"documents": docs})

    async def document_page(self, request: Request) -> Response:
        doc = self.service.document(request.path_params["doc_id"])
        if doc is None:
            return error_response(request, 404, f"Das Dokument „{request.path_params['doc_id']}“ gibt es nicht.")
        today = self.service.today
        return self.page(request, "document.html", {"doc": doc, "validity": presenter.validity(doc, today), "in_force": doc.in_force(today),
                                                    "units": self.service.units_of(doc.id)})

    # -------------------------------------------------------------- API
    async def api_ask(self, request: Request) -> Response:
        """
        summary: Eine Frage beantworten (dasselbe JSON wie `lotse batch`)
        requestBody: {content: {application/json: {schema: {type: object, required: [question], properties: {question: {type: string}}}}}}
        responses: {200: {description: Antwort}, 400: {description: Ungültige Eingabe}, 413: {description: Anfrage zu groß}}
        """
        try:
            data = await read_json(request)
        except NotJson:
            return error_response(request, 400, f"{NOT_JSON} Erwartet wird ein JSON-Objekt mit dem Feld „question“ (Text), "
                                                "zum Beispiel {\"question\": \"Wer zahlt die Fahrtkosten?\"}.")
        question = data.get("question") if isinstance(data, dict) else None
        if not isinstance(question, str):
            return error_response(request, 400, "Erwartet wird ein JSON-Objekt mit dem Feld „question“ (Text), "
                                                "zum Beispiel {\"question\": \"Wer zahlt die Fahrtkosten?\"}.")
        if not clean_question(question)[0]:  # blank, or only control characters ("\u0000"; QA 22: 200 where "" had 400)
            return error_response(request, 400, EMPTY_QUESTION)
        self.log(question)
        reply = await run_in_threadpool(self.service.ask, question)
        return JSONResponse(reply.to_json(self.service))

    async def api_calc(self, request: Request) -> Response:
        """
        summary: Einen Rechner aufrufen; Felder wie auf der Rechnerseite
        responses: {200: {description: Berechnung}, 400: {description: Ungültige Eingabe}, 404: {description: Unbekannter Rechner}}
        """
        name = request.path_params["name"]
        if name.endswith(".ics") and calcs.calculator_form(name[:-4]) is not None:  # the calendar is only read (GET)
            response = error_response(request, 405, "Diese Methode ist hier nicht erlaubt; erlaubt: GET.")
            response.headers["Allow"] = "GET"
            return response
        if calcs.calculator_form(name) is None:
            return self.unknown_calculator(request, name)
        body = await request.body()
        try:
            data = await read_json(request) if body.strip() else {}
        except NotJson:
            return error_response(request, 400, f"{NOT_JSON} Erwartet wird ein JSON-Objekt mit den Feldern des Rechners.")
        if not isinstance(data, dict):
            return error_response(request, 400, "Erwartet wird ein JSON-Objekt mit den Feldern des Rechners.")
        result = await run_in_threadpool(calcs.calculate, self.service, name, data, True)
        if not result.ok:
            return calc_error(request, result)
        return JSONResponse(self.service.calculation_json(result.calculation))

    async def api_calc_ics(self, request: Request) -> Response:
        """
        summary: Die Termine einer Berechnung als iCalendar-Datei (Felder als Query-Parameter)
        responses: {200: {description: text/calendar}, 400: {description: Ungültige Eingabe}, 404: {description: Unbekannter Rechner}}
        """
        name = request.path_params["name"]
        if calcs.calculator_form(name) is None:
            return self.unknown_calculator(request, name)
        # a misspelt, repeated or doubly named field is an error, as on POST /api/calc (QA 22: "dauer=1" had been
        # dropped and a calendar with a wrong deadline served)
        params = request.query_params
        repeated = calcs.repeated_keys(params)
        if repeated:
            return error_response(request, 400, calcs.repeated_message(repeated))
        result = await run_in_threadpool(calcs.calculate, self.service, name, dict(params), True)
        if not result.ok:
            return calc_error(request, result)
        data = calcs.calendar_file(result.calculation)
        if data is None:
            return error_response(request, 400, "Diese Berechnung enthält keine Termine für den Kalender.")
        return Response(data, media_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="ub-lotse-{name}.ics"'})

    async def api_unit(self, request: Request) -> Response:
        """
        summary: Einen Abschnitt (Unit) mit Quelle und Gültigkeit abrufen
        responses: {200: {description: Abschnitt}, 404: {description: Unbekannter Abschnitt}}
        """
        unit_id = request.path_params["unit_id"]
        if self.service.unit(unit_id) is None:
            return error_response(request, 404, f"Den Abschnitt „{unit_id}“ gibt es nicht.")
        reply = await run_in_threadpool(self.service.reply_for_unit, unit_id)
        answer = reply.answers[0]
        data = answer.to_json()
        data.update({"document_id": answer.document.id, "breadcrumb": list(answer.unit.breadcrumb),
                     "question": answer.unit.question, "url": f"/dokumente/{answer.document.id}#{unit_anchor(unit_id)}"})
        return JSONResponse(data)

    async def healthz(self, request: Request) -> Response:
        """
        summary: Betriebsbereitschaft
        responses: {200: {description: bereit}}
        """
        handle = self.service.handle
        return JSONResponse({"status": "ok", "documents": len(handle.store.documents()), "units": len(handle.store)})

    def unknown_calculator(self, request: Request, name: str) -> Response:
        known = ", ".join(f.name for f in calcs.calculator_forms())
        return error_response(request, 404, f"Einen Rechner „{name}“ gibt es nicht. Verfügbar: {known}.")


ERROR_SCHEMA = {"type": "object", "required": ["error", "status"],
                "properties": {"error": {"type": "string", "description": "deutsche Meldung"}, "status": {"type": "integer"},
                               "fields": {"type": "object", "additionalProperties": {"type": "string"},
                                          "description": "Rechner: Meldung je Feld"}}}
PATH_PARAMETER = re.compile(r"\{(\w+)\}")


def openapi_schema(schema: dict) -> dict:
    """Starlette's schema of the routes, completed: every path parameter declared (the calculators' names as its
    choices), and the error object of every 4xx answer (QA 46: the schema had failed validation, with no parameters)."""
    names = [f.name for f in calcs.calculator_forms()]
    schema.setdefault("components", {})["schemas"] = {"Error": ERROR_SCHEMA}
    for path, operations in schema.get("paths", {}).items():
        params = PATH_PARAMETER.findall(path)
        for operation in operations.values():
            operation["parameters"] = [{"name": p, "in": "path", "required": True,
                                        "schema": {"type": "string", "enum": names} if p == "name" else {"type": "string"}}
                                       for p in params]
            for status, response in operation.get("responses", {}).items():
                if str(status).startswith("4"):
                    response["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return schema


class NotJson(Exception):
    """A request body that is no JSON text."""


def _no_constant(name: str):
    raise ValueError(f"{name} is no JSON")  # NaN, Infinity: Python reads them, RFC 8259 has none


# said for a body that is no JSON at all (QA 46: it had got the message of a missing field)
NOT_JSON = "Der Inhalt ist kein gültiges JSON (RFC 8259; NaN und Infinity gehören nicht dazu)."


async def read_json(request: Request):
    """The request body as JSON; NotJson for bad JSON, NaN or Infinity, bad UTF-8, lone surrogates, nesting too deep."""
    try:
        data = json.loads(await request.body(), parse_constant=_no_constant)
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # "\ud800" parses but cannot be answered in UTF-8
    except (ValueError, RecursionError):  # UnicodeError is a ValueError
        raise NotJson from None
    return data


async def read_form(request: Request) -> dict[str, str] | None:
    """An urlencoded form body (the only kind the pages send) as single values."""
    try:
        text = (await request.body()).decode("utf-8")
        parsed = parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except ValueError:
        return None
    return {k: v[-1] for k, v in parsed.items()}


def calc_error(request: Request, result) -> Response:
    message = result.message or "Bitte die Eingaben prüfen."
    return error_response(request, 400, message, {"fields": result.errors} if result.errors else None)


def audience_url(audience_id: str, question: str = "") -> str:
    """The start page in a view; with a question, its answer in that view (switching keeps the question)."""
    return "/?" + urlencode({"q": question, "ansicht": audience_id} if question.strip() else {"ansicht": audience_id})


def with_view(url: str, audience_id: str) -> str:
    """A link on the site that keeps a chosen view (the default view needs no parameter)."""
    if not audience_id or audience_id == DEFAULT_AUDIENCE:
        return url
    path, hash_, fragment = url.partition("#")
    path += ("&" if "?" in path else "?") + urlencode({"ansicht": audience_id})
    return path + hash_ + fragment


@pass_context
def answer_unit_url(context, unit_id: str) -> str:
    """A passage linked from an answer, in the page's view and with the question, so that its page leads back."""
    params = {"ansicht": context.get("audience_id", "")}
    reply = context.get("reply")
    if reply is not None and reply.question and not context.get("shown_unit"):
        params["frage"] = reply.question
    return f"/abschnitt/{unit_id}?" + urlencode(params)


@pass_context
def in_view(context, url: str) -> str:
    """with_view for the page's own view: the menu, lists and back links keep "Einarbeitung" from page to page."""
    return with_view(url, context.get("audience_id", ""))


def step_url(number: int) -> str:
    """A step of the onboarding path on the start page."""
    return f"{audience_url(ONBOARDING)}#schritt-{number}"


def step_unit_url(unit_id: str, number: int) -> str:
    """A passage opened from step `number` of the path (its page then names the step and leads back to it)."""
    return f"/abschnitt/{unit_id}?" + urlencode({"ansicht": ONBOARDING, "schritt": number})


def create_app(service=None, log_questions: bool | None = None) -> Starlette:
    """The ASGI app. Without arguments (uvicorn workers) it builds its own service from the environment."""
    if service is None:
        from ..service import Lotse

        extra = [p for p in os.environ.get(ENV_CORPUS, "").split(os.pathsep) if p]
        service = Lotse(extra)
        # open the index and load the rest before the first visitor: the worker builds its app before it serves. (No
        # ASGI lifespan for it: stopped with Ctrl+C pressed twice, uvicorn cancelled the lifespan task and printed its
        # traceback; QA 27.)
        service.warm_up()
        service.settle()
    if log_questions is None:
        log_questions = os.environ.get(ENV_LOG_QUESTIONS) == "1"
    web = WebApp(service, log_questions)
    routes = [
        Route("/", web.home, methods=["GET", "POST"]),
        Route("/abschnitt/{unit_id:path}", web.unit_page),
        Route("/rechner", web.calculators_page),
        Route("/rechner/{name}", web.calculator_page),
        Route("/glossar", web.glossary_page),
        Route("/dokumente", web.documents_page),
        Route("/dokumente/{doc_id}", web.document_page),
        Route("/api/ask", web.api_ask, methods=["POST"]),
        Route("/api/calc/{name}.ics", web.api_calc_ics, methods=["GET"]),
        Route("/api/calc/{name}", web.api_calc, methods=["POST"]),
        Route("/api/units/{unit_id:path}", web.api_unit, methods=["GET"]),
        Route("/healthz", web.healthz, methods=["GET"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    schemas = SchemaGenerator({"openapi": "3.0.0", "info": {"title": "UB-Lotse API", "version": "1.0"}})
    api_schema = openapi_schema(schemas.get_schema(routes))
    routes.append(Route("/api/openapi.json", lambda request: JSONResponse(api_schema), include_in_schema=False))

    async def http_error(request: Request, exc: HTTPException) -> Response:
        messages = {404: "Diese Adresse gibt es nicht.", 405: "Diese Methode ist hier nicht erlaubt."}
        message = messages.get(exc.status_code, "Die Anfrage ist ungültig.")
        allow = (exc.headers or {}).get("Allow", "")
        if exc.status_code == 405 and allow:  # say what is allowed, and where the API is described (QA)
            message = f"Diese Methode ist hier nicht erlaubt; erlaubt: {allow}."
            if request.url.path.startswith("/api/"):
                message += " Beschreibung der API: /api/openapi.json"
        response = error_response(request, exc.status_code, message)
        if allow:
            response.headers["Allow"] = allow
        return response

    return Starlette(routes=routes, exception_handlers={HTTPException: http_error},
                     middleware=[Middleware(SecurityHeaders), Middleware(Guard), Middleware(BodyLimit, limit=MAX_BODY)])
