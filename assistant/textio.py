"""Bytes in, text out: decoding input lines, safe JSON lines, text fit for a terminal.

- Input is read as bytes and decoded line by line: UTF-8, else Windows-1252 (said so in a
  notice), else UTF-8 with replacement characters. Text is normalised to NFC, so a
  decomposed "u + ¨" finds the same answers as "ü".
- JSON lines are always UTF-8, whatever the locale, and escape the characters other tools
  count as line breaks (U+0085, U+2028, U+2029) and the C1 controls a terminal may act on.
- Text printed to a terminal loses escape sequences and control characters a provider
  document might carry (colour codes, cursor movement, window titles).
"""
from __future__ import annotations

import json
import os
import re
import unicodedata

CP1252_NOTICE = "{what} war nicht in UTF-8 kodiert und wurde als Windows-1252 gelesen."
REPLACED_NOTICE = "{what} enthielt ungültige Zeichen (kein UTF-8); sie wurden durch � ersetzt."

# CSI, OSC (up to BEL or ST), other ESC sequences, then any remaining C0/C1 control but \t and \n
_TERMINAL_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_JSON_ESCAPE_RE = re.compile("[\x7f-\x9f\u2028\u2029]")


def decode_line(raw: bytes, what: str = "Die Zeile") -> tuple[str, str]:
    """(NFC text without the line end, notice or "") of one input line."""
    raw = raw.rstrip(b"\n")
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    notice = ""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        replaced = raw.decode("utf-8", errors="replace")
        mixed = any(ord(ch) > 0x7F and ch != "\ufffd" for ch in replaced)  # real UTF-8 next to bad bytes
        try:
            if mixed:
                raise UnicodeDecodeError("utf-8", raw, 0, 1, "mixed")
            text, notice = raw.decode("cp1252"), CP1252_NOTICE.format(what=what)
        except UnicodeDecodeError:
            text, notice = replaced, REPLACED_NOTICE.format(what=what)
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text), notice


def decode_arg(arg: str) -> tuple[str, str]:
    """A command-line argument as NFC text: bytes that were not UTF-8 (surrogate-escaped by
    Python) are decoded as in `decode_line`."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return decode_line(os.fsencode(arg), what="Die Frage")
    return unicodedata.normalize("NFC", arg), ""


def json_line(data) -> bytes:
    """One JSON document as one UTF-8 line (with the newline): no raw line separators inside."""
    text = json.dumps(data, ensure_ascii=False)
    text = _JSON_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text.encode("utf-8", errors="replace") + b"\n"


def json_text(data, indent: int = 2) -> str:
    """Pretty JSON (`ask --json`) with the same escapes as `json_line`."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def printable(text: str, limit: int) -> str:
    """A user's text fit to show again (a form field, "Ihre Frage"): without escape sequences, control and format
    characters (NUL, ESC, a right-to-left override that would turn the rest of the line around), at most `limit`
    characters."""
    text = _TERMINAL_RE.sub("", unicodedata.normalize("NFC", text))
    # a format character inside a word (a soft hyphen or a zero-width space copied from a PDF: "Ur\u00adlaub") is
    # dropped, not made a space that parts the word (QA 22); other control characters part words
    return "".join("" if unicodedata.category(ch) == "Cf" else " " if unicodedata.category(ch)[0] == "C" else ch
                   for ch in text)[:limit]


def terminal_safe(text: str) -> str:
    """Text without terminal escape sequences and control characters (newline and tab stay)."""
    return _TERMINAL_RE.sub("", text)
