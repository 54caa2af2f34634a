"""Plain ASGI middleware: security headers, a 16 KB body limit and a guard that turns any
unexpected error into a German 500 without a traceback."""
from __future__ import annotations

import logging
from html import escape

from starlette.responses import HTMLResponse, JSONResponse, Response

LOG = logging.getLogger("lotse.web")
MAX_BODY = 16 * 1024
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                                 b"connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
TITLES = {400: "Ungültige Eingabe", 404: "Nicht gefunden", 405: "Methode nicht erlaubt", 413: "Anfrage zu groß",
          500: "Interner Fehler"}


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path == "/healthz"


def error_response(request_or_scope, status: int, message: str, extra: dict | None = None) -> Response:
    """A German error: JSON for the API, a small page for the pages."""
    scope = request_or_scope if isinstance(request_or_scope, dict) else request_or_scope.scope
    if wants_json(scope.get("path", "")):
        return JSONResponse({"error": message, "status": status, **(extra or {})}, status_code=status)
    title = TITLES.get(status, "Fehler")
    html = (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{title} – UB-Lotse</title><link rel="stylesheet" href="/static/style.css"></head><body><main id="inhalt">'
            f'<h1>{title}</h1><p>{escape(message)}</p><p><a href="/">Zur Startseite</a></p></main></body></html>')
    return HTMLResponse(html, status_code=status)


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Guard:
    """Any exception below becomes a German 500 (JSON for the API); the log gets one line, no question."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            LOG.error("Interner Fehler bei %s %s: %s", scope.get("method"), scope.get("path"), type(exc).__name__)
            if not started:
                response = error_response(scope, 500, "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal.")
                await response(scope, receive, send)


class BodyLimit:
    """Reject request bodies over `limit` bytes with 413 before any route reads them."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        too_big = error_response(scope, 413, f"Die Anfrage ist zu groß (höchstens {self.limit // 1024} KB).")
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    if int(value) > self.limit:
                        return await too_big(scope, receive, send)
                except ValueError:
                    return await error_response(scope, 400, "Ungültige Längenangabe.")(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return await too_big(scope, receive, send)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
