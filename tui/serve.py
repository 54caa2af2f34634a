"""Serve the Textual app to a browser with textual-serve, guarded (127.0.0.1 unless told otherwise).

textual-serve alone accepts a WebSocket from any web page, starts one app process per socket
and logs tracebacks for malformed requests. `LotseServer` adds:

- Host and Origin checks: a page from another origin (or a DNS-rebinding name) cannot drive
  the app; requests for other host names are refused.
- An access token for addresses beyond loopback (generated and printed at start, like
  Jupyter; `--token` chooses one). The page link carries it once, then a cookie does.
- A cap on concurrent sessions (`--max-sessions`) with a German "busy" page.
- A German page (`lang="de"`, German title and texts) that loads nothing from outside.
- One-line log entries instead of tracebacks for malformed requests.
"""
from __future__ import annotations

import asyncio
import errno
import hmac
import ipaddress
import logging
import secrets
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

log = logging.getLogger("ub-lotse.serve")

TITLE = "UB-Lotse"
TEMPLATES = Path(__file__).resolve().parent / "templates"
COOKIE = "ub_lotse_token"
DEFAULT_MAX_SESSIONS = 8

BUSY_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>UB-Lotse: ausgelastet</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto;">
<h1>UB-Lotse ist gerade ausgelastet</h1>
<p>Es laufen bereits {n} Sitzungen, mehr lässt dieser Server nicht zu. Bitte versuchen Sie es in
einigen Minuten noch einmal oder schließen Sie eine andere Sitzung.</p>
<p><a href="/">Erneut versuchen</a></p>
</body></html>
"""
FORBIDDEN_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>UB-Lotse: kein Zugang</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto;">
<h1>Kein Zugang</h1><p>{reason}</p></body></html>
"""


class ServeError(Exception):
    """A German message for a setting that cannot be served (bad host, port in use)."""


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "[::]", "")


def outbound_address() -> str:
    """This machine's address in the local network (no packet is sent), else its host name."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, only picks the interface
            return s.getsockname()[0]
    except OSError:
        return socket.gethostname()


def check_host(host: str, port: int) -> None:
    """Raise ServeError (German) when `host` cannot be bound."""
    if not host or any(ch.isspace() for ch in host) or len(host) > 253:
        raise ServeError(f"„{host}“ ist keine gültige Adresse (z. B. 127.0.0.1, localhost oder 0.0.0.0).")
    try:
        socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise ServeError(f"Die Adresse „{host}“ ist auf diesem Rechner unbekannt "
                         "(z. B. 127.0.0.1, localhost oder 0.0.0.0).") from None


def _host_port(value: str) -> tuple[str, str]:
    """("host", "port") of a Host header or URL netloc, lowercase; IPv6 brackets kept."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[: end + 1], value[end + 2:] if end >= 0 else ""
    host, _, port = value.partition(":")
    return host, port


class LotseServer(Server):
    def __init__(self, command: str, host: str = "127.0.0.1", port: int = 8000, *, public_url: str | None = None,
                 token: str | None = None, max_sessions: int = DEFAULT_MAX_SESSIONS):
        local = is_loopback(host)
        if public_url is None and not local:
            shown = outbound_address() if is_wildcard(host) else host
            shown = f"[{shown}]" if ":" in shown and not shown.startswith("[") else shown
            public_url = f"http://{shown}:{port}"
        elif public_url is None:
            public_url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
        super().__init__(command, host=host, port=port, title=TITLE, public_url=public_url.rstrip("/"),
                         templates_path=TEMPLATES)
        self.local = local
        self.token = token
        self.max_sessions = max_sessions
        self.sessions = 0
        self.session_tasks: set[asyncio.Task] = set()
        self.allowed_hosts = self._allowed_hosts()

    # ------------------------------------------------------------------ checks
    def _allowed_hosts(self) -> set[tuple[str, str]]:
        port = str(self.port)
        public = urlsplit(self.public_url)
        allowed = {_host_port(public.netloc)}
        if public.port is None:
            allowed.add((public.hostname or "", ""))
        names = {"127.0.0.1", "localhost", "[::1]"} if self.local else {self.host.lower()}
        if not self.local and is_wildcard(self.host):
            # any address of this machine; a DNS-rebinding page still lacks the token
            names = {"*"}
        allowed |= {(n, port) for n in names}
        return allowed

    def host_allowed(self, header: str | None) -> bool:
        if not header:
            return False
        host, port = _host_port(header)
        if ("*", port) in self.allowed_hosts and port == str(self.port):
            return True
        return (host, port) in self.allowed_hosts

    def origin_allowed(self, origin: str | None, host_header: str | None) -> bool:
        """Same origin as the page: scheme http(s) and the request's own (allowed) host."""
        if not origin:
            return False
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        return _host_port(parts.netloc) == _host_port(host_header or "") and self.host_allowed(parts.netloc)

    def token_ok(self, request: web.Request) -> bool:
        if not self.token:
            return True
        given = request.query.get("token") or request.cookies.get(COOKIE) or ""
        return hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def guard(self, request: web.Request, handler):
        if not self.host_allowed(request.headers.get("Host")):
            log.warning("Abgewiesen: unbekannter Host %r", request.headers.get("Host", "")[:80])
            return _forbidden("Diese Adresse wird von UB-Lotse nicht bedient.")
        if request.path == "/ws" and not self.origin_allowed(request.headers.get("Origin"), request.headers.get("Host")):
            log.warning("Abgewiesen: WebSocket von fremder Herkunft %r", request.headers.get("Origin", "")[:80])
            return _forbidden("Verbindungen von anderen Webseiten sind nicht erlaubt.")
        if not request.path.startswith("/static/") and not self.token_ok(request):
            return _forbidden("Bitte öffnen Sie den Link mit Zugangsschlüssel, den „lotse serve“ beim Start anzeigt.")
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if exc.status >= 500:
                raise
            return web.Response(status=exc.status, text=f"Anfrage nicht möglich ({exc.status}).")
        if self.token and request.query.get("token") and isinstance(response, web.Response):
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    # ------------------------------------------------------------------ routes
    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    async def handle_index(self, request: web.Request):
        if self.sessions >= self.max_sessions:
            return _busy(self.max_sessions)
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request):
        if not web.WebSocketResponse().can_prepare(request).ok:
            log.info("Abgewiesen: %s %s ist keine WebSocket-Anfrage", request.method, request.path)
            return web.Response(status=400, text="Hier wird nur eine WebSocket-Verbindung der Seite angenommen.")
        if self.sessions >= self.max_sessions:
            log.warning("Abgewiesen: bereits %d Sitzungen", self.sessions)
            return _busy(self.max_sessions)
        self.sessions += 1
        task = asyncio.current_task()
        self.session_tasks.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1
            self.session_tasks.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C with a browser session open: the session ends now, its app quits and its page is told, instead of
        the server waiting until the connection's heartbeat fails (QA 27: 12 to 16 seconds to stop)."""
        for task in list(self.session_tasks):
            task.cancel()

    # ------------------------------------------------------------------ output
    def initialize_logging(self) -> None:
        """Plain one-line log entries: no tracebacks, no request headers or local variables."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_OneLineFormatter("%(message)s"))
        logging.basicConfig(level="INFO", handlers=[handler], force=True)
        for name in ("aiohttp.access",):
            logging.getLogger(name).setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        url = self.public_url + (f"/?token={self.token}" if self.token else "/")
        print(f"UB-Lotse im Browser: {url}", file=sys.stderr)
        if not self.local:
            where = "allen Netzwerkschnittstellen" if is_wildcard(self.host) else f"der Adresse {self.host}"
            print(f"Achtung: UB-Lotse ist auf {where} erreichbar, nicht nur auf diesem Rechner.", file=sys.stderr)
            if self.token:
                print("Zugang nur mit dem Zugangsschlüssel im Link oben; geben Sie ihn nur an Berechtigte weiter.",
                      file=sys.stderr)
            else:
                print("Ohne Zugangsschlüssel kann jede Person im Netzwerk die Oberfläche bedienen.", file=sys.stderr)
        print(f"Höchstens {self.max_sessions} Sitzungen gleichzeitig. Beenden mit Strg+C.", file=sys.stderr)


class _OneLineFormatter(logging.Formatter):
    """The message's first line and the exception's type, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        msg = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            msg = f"{msg} ({type(record.exc_info[1]).__name__})"
        return (msg.splitlines() or [""])[0]


def _forbidden(reason: str) -> web.Response:
    return web.Response(status=403, text=FORBIDDEN_PAGE.format(reason=reason), content_type="text/html", charset="utf-8")


def _busy(n: int) -> web.Response:
    return web.Response(status=503, text=BUSY_PAGE.format(n=n), content_type="text/html", charset="utf-8",
                        headers={"Retry-After": "60"})


def app_command(extra_corpus=()) -> str:
    extra = " ".join(f"--corpus {shlex.quote(c)}" for c in extra_corpus)
    return f"{shlex.quote(sys.executable)} -m assistant {extra}".strip()


def serve(host: str = "127.0.0.1", port: int = 8000, extra_corpus=(), *, token: str | None = None,
          no_token: bool = False, max_sessions: int = DEFAULT_MAX_SESSIONS, public_url: str | None = None) -> int:
    """Run the server until Ctrl+C; returns an exit code (2: unusable host, 1: cannot bind)."""
    try:
        check_host(host, port)
    except ServeError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    if token is None and not no_token and not is_loopback(host):
        token = secrets.token_urlsafe(24)
    server = LotseServer(app_command(extra_corpus), host, port, public_url=public_url,
                         token=None if no_token else token, max_sessions=max_sessions)
    try:
        _try_bind(host, port)  # before the server announces its address (QA 22: a busy port's URL had been shown first)
        server.serve()
    except OSError as exc:
        print(f"Fehler: Der Server kann {host}:{port} nicht belegen ({_bind_reason(exc)}).", file=sys.stderr)
        return 2 if exc.errno == errno.EADDRNOTAVAIL else 1
    return 0


def _try_bind(host: str, port: int) -> None:
    """Raise the OSError that binding `host`:`port` would raise now (a port in use, a foreign address)."""
    family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)


def _bind_reason(exc: OSError) -> str:
    return {errno.EADDRINUSE: "der Port ist schon belegt", errno.EACCES: "keine Berechtigung für diesen Port",
            errno.EADDRNOTAVAIL: "diese Adresse gehört nicht zu diesem Rechner"}.get(exc.errno, f"Systemfehler {exc.errno}")
