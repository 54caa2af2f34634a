"""Serve the Textual app to a browser with textual-serve (127.0.0.1 unless told otherwise)."""
from __future__ import annotations

import shlex
import sys


def serve(host: str = "127.0.0.1", port: int = 8000, extra_corpus=()) -> None:
    from textual_serve.server import Server

    extra = " ".join(f"--corpus {shlex.quote(c)}" for c in extra_corpus)
    command = f"{shlex.quote(sys.executable)} -m assistant {extra}".strip()
    Server(command, host=host, port=port, title="UB-Lotse").serve()
