"""`lotse serve`: only the served page may drive the app; tokens, session cap, German pages, no tracebacks."""
import logging
import subprocess
import sys

import pytest
from aiohttp.test_utils import TestClient, TestServer

import textual_serve.server as ts_server
from tui.serve import LotseServer, _OneLineFormatter

from .conftest import ROOT


class FakeAppService:
    """Stands in for the app process: records that a session started."""

    started = 0

    def __init__(self, *args, **kwargs):
        pass

    async def start(self, width, height):
        FakeAppService.started += 1

    async def stop(self):
        pass

    async def send_bytes(self, data):
        pass


@pytest.fixture
def fake_app(monkeypatch):
    FakeAppService.started = 0
    monkeypatch.setattr(ts_server, "AppService", FakeAppService)
    return FakeAppService


async def client_for(server: LotseServer) -> TestClient:
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return client


LOCAL = {"Host": "127.0.0.1:8000"}


async def test_cross_origin_websocket_is_refused(fake_app):
    client = await client_for(LotseServer("lotse", "127.0.0.1", 8000))
    try:
        for origin in ("http://evil.example", "http://127.0.0.1:9999", "null", None):
            headers = {**LOCAL, **({"Origin": origin} if origin else {})}
            resp = await client.get("/ws", headers={**headers, "Connection": "Upgrade", "Upgrade": "websocket",
                                                    "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
            assert resp.status == 403, origin
            assert "anderen Webseiten" in await resp.text()
        # a DNS-rebinding page: its own origin, but a host name this server does not serve
        resp = await client.get("/", headers={"Host": "evil.example:8000"})
        assert resp.status == 403
        assert fake_app.started == 0
        ws = await client.ws_connect("/ws", headers={**LOCAL, "Origin": "http://127.0.0.1:8000"})
        await ws.close()
        ws = await client.ws_connect("/ws", headers={"Host": "localhost:8000", "Origin": "http://localhost:8000"})
        await ws.close()
        assert fake_app.started == 2  # the page's own origin is accepted (127.0.0.1 or localhost)
        resp = await client.get("/ws", headers={"Host": "localhost:8000", "Origin": "http://127.0.0.1:8000",
                                                "Connection": "Upgrade", "Upgrade": "websocket",
                                                "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
        assert resp.status == 403
    finally:
        await client.close()


async def test_page_is_german_and_loads_nothing_from_outside(fake_app):
    client = await client_for(LotseServer("lotse", "127.0.0.1", 8000))
    try:
        resp = await client.get("/", headers=LOCAL)
        page = await resp.text()
        assert resp.status == 200
        assert '<html lang="de">' in page and "<title>UB-Lotse</title>" in page
        assert "Die Sitzung ist beendet." in page and "Neu starten" in page
        assert "googleapis" not in page and "https://" not in page
        assert 'data-session-websocket-url="ws://127.0.0.1:8000/ws"' in page
        assert 'location.host + "/ws"' in page  # the page connects back to the address it came from
    finally:
        await client.close()


async def test_token_for_network_hosts(fake_app):
    server = LotseServer("lotse", "0.0.0.0", 8000, token="geheim", public_url="http://lotse.example:8000")
    client = await client_for(server)
    host = {"Host": "lotse.example:8000"}
    try:
        resp = await client.get("/", headers=host)
        assert resp.status == 403 and "Zugangsschlüssel" in await resp.text()
        resp = await client.get("/?token=falsch", headers=host)
        assert resp.status == 403
        resp = await client.get("/?token=geheim", headers=host)
        assert resp.status == 200 and resp.cookies["ub_lotse_token"].value == "geheim"
        assert 'data-session-websocket-url="ws://lotse.example:8000/ws"' in await resp.text()  # a usable public URL
        ws = await client.ws_connect("/ws", headers={**host, "Origin": "http://lotse.example:8000"})  # cookie sent
        await ws.close()
        assert fake_app.started == 1
    finally:
        await client.close()


async def test_session_cap_shows_a_german_busy_page(fake_app):
    server = LotseServer("lotse", "127.0.0.1", 8000, max_sessions=2)
    client = await client_for(server)
    try:
        server.sessions = 2
        resp = await client.get("/", headers=LOCAL)
        assert resp.status == 503 and "ausgelastet" in await resp.text()
        resp = await client.get("/ws", headers={**LOCAL, "Origin": "http://127.0.0.1:8000", "Connection": "Upgrade",
                                                "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                                                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
        assert resp.status == 503 and fake_app.started == 0
    finally:
        await client.close()


async def test_stopping_the_server_ends_open_sessions_at_once(fake_app):
    """QA 27: Ctrl+C with a browser session open took 12 to 16 seconds, until the connection's heartbeat failed."""
    import asyncio

    server = LotseServer("lotse", "127.0.0.1", 8000)
    client = await client_for(server)
    try:
        ws = await client.ws_connect("/ws", headers={**LOCAL, "Origin": "http://127.0.0.1:8000"})
        for _ in range(50):
            if server.session_tasks:
                break
            await asyncio.sleep(0.02)
        assert server.sessions == 1 and len(server.session_tasks) == 1
        await server.on_shutdown(client.server.app)
        msg = await asyncio.wait_for(ws.receive(), 2)  # the page is told the session ended, within a moment
        assert msg.type.name in ("CLOSE", "CLOSED")
        for _ in range(50):
            if not server.session_tasks:
                break
            await asyncio.sleep(0.02)
        assert server.sessions == 0 and not server.session_tasks
    finally:
        await client.close()


async def test_plain_get_on_ws_gives_no_traceback(fake_app, caplog):
    client = await client_for(LotseServer("lotse", "127.0.0.1", 8000))
    try:
        with caplog.at_level(logging.DEBUG):
            resp = await client.get("/ws", headers={**LOCAL, "Origin": "http://127.0.0.1:8000"})
        assert resp.status == 400 and "WebSocket" in await resp.text()
        assert not any(r.exc_info for r in caplog.records)
    finally:
        await client.close()


def test_log_lines_never_carry_tracebacks():
    try:
        raise ValueError("kaputt\nzweite Zeile")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "Fehler bei %s", ("/ws",), sys.exc_info())
    assert _OneLineFormatter().format(record) == "Fehler bei /ws (ValueError)"


@pytest.mark.parametrize("args, message", [
    (["--port", "abc"], "„abc“ ist keine Portnummer"),
    (["--port", "99999"], "99999 ist keine Portnummer"),
    (["--port", "0"], "0 ist keine Portnummer"),
    (["--host", "nicht.da.invalid"], "„nicht.da.invalid“ ist auf diesem Rechner unbekannt"),
    (["--host", "a b"], "„a b“ ist keine gültige Adresse"),
    (["--max-sessions", "viele"], "„viele“ ist keine ganze Zahl"),
])
def test_bad_serve_options_give_german_errors_and_exit_2(args, message):
    out = subprocess.run([sys.executable, "-m", "assistant", "serve", *args], capture_output=True, text=True, cwd=ROOT,
                         timeout=60)
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr


def test_a_busy_port_is_reported_before_any_address_is_announced():
    # QA 22: the server had announced "UB-Lotse im Browser: http://…" and then failed to bind
    import socket

    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "assistant", "serve", "--port", str(port)], capture_output=True, text=True,
                             cwd=ROOT, timeout=60)
    assert out.returncode == 1
    assert out.stderr.strip() == f"Fehler: Der Server kann 127.0.0.1:{port} nicht belegen (der Port ist schon belegt)."
    assert "http://" not in out.stdout + out.stderr
