"""Pasted text never acts as keys.

Textual's terminal parser re-issues an escape sequence it does not understand as single keys,
even inside a bracketed paste: a pasted ESC followed by Ctrl+Q ("\\x1b\\x11") quits the app.
`PasteSafeParser` replaces ESC inside a bracketed paste with a space before the parser sees it,
so the paste arrives as one Paste event (whose control characters the question input turns into
spaces). `install()` makes Textual's drivers (terminal and browser) use it.
"""
from __future__ import annotations

import importlib

from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser

DRIVERS = ("textual.drivers.linux_driver", "textual.drivers.linux_inline_driver", "textual.drivers.web_driver")


def defuse(data: str, pasting: bool, before: str = "") -> tuple[str, bool, str]:
    """`data` with every ESC inside a bracketed paste replaced by a space.

    `before` is what was passed on just before (a start marker may be cut between two reads).
    Returns (data to parse, still pasting, held back): inside a paste, a tail that may be the
    start of the end marker is held back for the next read (the end of a paste always follows).
    """
    out: list[str] = []
    pos = 0
    while pos < len(data):
        if not pasting:
            context = before + data[pos:]
            start = context.find(BRACKETED_PASTE_START)
            if start < 0:
                out.append(data[pos:])
                break
            stop = pos + start + len(BRACKETED_PASTE_START) - len(before)
            out.append(data[pos:stop])
            pos, before, pasting = stop, "", True
        else:
            end = data.find(BRACKETED_PASTE_END, pos)
            if end < 0:
                rest = data[pos:]
                tail = next((k for k in range(len(BRACKETED_PASTE_END) - 1, 0, -1) if rest.endswith(BRACKETED_PASTE_END[:k])), 0)
                out.append(rest[:len(rest) - tail].replace("\x1b", " "))
                return "".join(out), pasting, rest[len(rest) - tail:]
            out.append(data[pos:end].replace("\x1b", " ") + BRACKETED_PASTE_END)
            pos = end + len(BRACKETED_PASTE_END)
            before, pasting = "", False
    return "".join(out), pasting, ""


class PasteSafeParser(XTermParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasting = False
        self._held = ""
        self._before = ""  # the last characters passed on outside a paste

    def feed(self, data: str):
        if not data:  # end of input: what was held back, then the end
            held, self._held = self._held, ""
            if held:
                yield from super().feed(held)
            yield from super().feed("")
            return
        data, self._pasting, self._held = defuse(self._held + data, self._pasting, self._before)
        self._before = "" if self._pasting else (self._before + data)[-(len(BRACKETED_PASTE_START) - 1):]
        if data:  # an empty feed would mean end of input
            yield from super().feed(data)


def install() -> None:
    for name in DRIVERS:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a driver this platform lacks
            continue
        module.XTermParser = PasteSafeParser
