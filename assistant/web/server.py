"""`lotse web`: run the app with uvicorn (127.0.0.1 unless told otherwise, no access log by default)."""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from knowledge.safeyaml import os_reason

from ..cli import EXIT_USAGE
from .app import ENV_CORPUS, ENV_LOG_QUESTIONS

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# longer than a reverse proxy's idle upstream connections, so the proxy never reuses a connection uvicorn is closing
KEEP_ALIVE_SECONDS = 75


def bind_warning(host: str) -> str:
    """The German warning printed when the server is reachable from other machines ('' for local hosts)."""
    if host in LOCAL_HOSTS:
        return ""
    return (f"Warnung: UB-Lotse ist unter {host} auch von anderen Rechnern aus erreichbar. "
            "Betreiben Sie den Dienst im Netz nur hinter einem Reverse-Proxy mit HTTPS (siehe README).")


def _log_config(log_questions: bool) -> dict:
    """uvicorn's logging with its own messages at warnings only: its lifecycle lines are English ("Uvicorn running on …",
    "Shutting down"; QA 27), and UB-Lotse says in German where it runs. With --log-questions the requests are logged."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["uvicorn"]["level"] = "WARNING"
    config["loggers"]["uvicorn.error"] = {"level": "WARNING"}
    config["loggers"]["uvicorn.access"]["level"] = "INFO" if log_questions else "WARNING"
    return config


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1, extra_corpus=(), log_questions: bool = False) -> int:
    import uvicorn

    from ..service import Lotse

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except socket.gaierror:  # a name or address that does not resolve: the host is wrong, not the port
        print(f"Fehler: Die Adresse „{host}“ ist ungültig oder unbekannt. Zum Beispiel: lotse web --host 127.0.0.1",
              file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"Fehler: {host}:{port} ist nicht verfügbar ({os_reason(exc)}). Anderen Port wählen: lotse web --port 8001",
              file=sys.stderr)
        return 1
    warning = bind_warning(host)
    if warning:
        print(warning, file=sys.stderr)
    folders = [str(Path(c).expanduser().resolve()) for c in extra_corpus]
    # build or check the index once here, so the workers only open it (read-only)
    service = Lotse(folders, progress=lambda m: print(m, file=sys.stderr))
    for err in service.errors:
        print(f"Warnung: {err.path}: {err.problem}", file=sys.stderr)
    os.environ[ENV_CORPUS] = os.pathsep.join(folders)
    os.environ[ENV_LOG_QUESTIONS] = "1" if log_questions else "0"
    shown = f"[{host}]" if ":" in host else host
    print(f"UB-Lotse im Browser: http://{shown}:{port}/ ({workers} Worker; beenden mit Strg+C)", file=sys.stderr)
    if not log_questions:
        print("Fragen werden nicht protokolliert (einschalten mit --log-questions).", file=sys.stderr)
    uvicorn.run("assistant.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                access_log=log_questions, log_config=_log_config(log_questions), log_level=None,
                server_header=False, proxy_headers=True, timeout_graceful_shutdown=5, lifespan="off",
                timeout_keep_alive=KEEP_ALIVE_SECONDS)
    return 0
