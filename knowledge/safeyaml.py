"""Reading YAML from corpus folders safely: a size cap, an alias cap, dates kept as text.

Provider folders are not trusted. A file that is too large, not UTF-8, not valid YAML or
full of aliases (a "billion laughs" bomb) raises `DataError` with a German message, so the
caller can report the file by name and go on with the rest.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import errno
import hashlib
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

MAX_YAML_BYTES = 2_000_000  # the built-in question files are about 200 kB each
MAX_ALIASES = 20  # k aliases can multiply a document at most by about 3^(k/3): 20 keep it below 1 500-fold


_REASONS = {
    errno.ELOOP: "Verweis auf sich selbst (Symlink-Schleife)",
    errno.ENOENT: "nicht gefunden oder Verweis ins Leere",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EISDIR: "ist ein Ordner",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EIO: "Ein-/Ausgabefehler",
    errno.ENOSPC: "kein Speicherplatz mehr frei",
    errno.EROFS: "schreibgeschütztes Dateisystem",
    errno.EADDRINUSE: "die Adresse wird bereits verwendet",
    errno.EADDRNOTAVAIL: "die Adresse gibt es auf diesem Rechner nicht",
}


def os_reason(exc: BaseException) -> str:
    """A German reason for an OSError (or the RuntimeError Path.resolve raises on a symlink loop)."""
    if isinstance(exc, OSError) and exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, RuntimeError):
        return _REASONS[errno.ELOOP]
    return f"Systemfehler {getattr(exc, 'errno', None) or type(exc).__name__}"


class DataError(Exception):
    """A data file that cannot be used; the message is German and names the problem, not the file."""


def _yaml():
    """PyYAML, imported when a YAML text is first parsed: its import alone takes about 40 ms, and a
    question asked in a new process reads only data that is already in the parse cache."""
    import yaml

    return yaml


@lru_cache(maxsize=1)
def _loader():
    """SafeLoader that counts aliases and keeps timestamps as strings (parsed later, checked)."""
    yaml = _yaml()

    class _Loader(yaml.SafeLoader):
        def __init__(self, stream):
            super().__init__(stream)
            self._aliases = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                self._aliases += 1
                if self._aliases > MAX_ALIASES:
                    raise DataError(f"Die Datei enthält mehr als {MAX_ALIASES} YAML-Verweise (Aliase).")
            return super().compose_node(parent, index)

    # timestamps stay text: an impossible date ("2025-02-30") is then reported by the field check
    _Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _Loader


# Our own data files (ranking, rules, currency notes) are read at every start. Parsed once, they
# are kept in the cache folder in `marshal`'s format under a hash of their text, so a new process
# neither parses them nor imports PyYAML. A cache file carries a checksum of its content; one that
# does not match, cannot be read or cannot be written is simply parsed again.
PARSED_FORMAT = 2
_MISSING = object()
_builtin: dict[str, object] = {}  # text hash -> parsed data, in this process


def load_builtin(text: str):
    """Parse one of our own data files (trusted): libyaml's safe loader where PyYAML was built
    with it (about ten times quicker), else PyYAML's own; its values are those of `yaml.safe_load`.
    Each caller gets its own copy."""
    key = hashlib.blake2b(f"{PARSED_FORMAT}/{sys.version_info[:2]}/{text}".encode("utf-8", "surrogatepass"),
                          digest_size=16).hexdigest()
    if key not in _builtin:
        data = _read_parsed(key)
        if data is _MISSING:
            yaml = _yaml()
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
            _write_parsed(key, data)
        _builtin[key] = data
    return copy.deepcopy(_builtin[key])


def _parsed_folder() -> Path | None:
    from .index.cache import cache_root  # not at import: the cache module reads the corpus, which reads YAML

    try:
        return cache_root() / "parsed"
    except Exception:  # no home folder, no cache folder: parse every time
        return None


def _encode(value):
    """Data for `marshal`, which has no dates: a date becomes ("date", iso); YAML itself never gives a tuple."""
    if isinstance(value, dict):  # keys too: rules.yaml dates its values ({2016-01-01: 5})
        return {_encode(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return ("datetime", value.isoformat())
    if isinstance(value, dt.date):
        return ("date", value.isoformat())
    return value


def _decode(value):
    if isinstance(value, dict):
        return {_decode(k): _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, tuple):
        kind, iso = value
        return dt.datetime.fromisoformat(iso) if kind == "datetime" else dt.date.fromisoformat(iso)
    return value


def _digest(key: str, payload: bytes) -> bytes:
    """The checksum of a parsed copy, over its key (the hash of its text) too: a copy renamed or copied over
    another's name does not pass (QA 3: ranking.yaml had been read as the currency notes' list)."""
    return hashlib.blake2b(key.encode("ascii") + b"\0" + payload, digest_size=16).digest()


def _read_parsed(key: str):
    folder = _parsed_folder()
    if folder is None:
        return _MISSING
    try:
        raw = (folder / f"{key}.bin").read_bytes()
        digest, payload = raw[:16], raw[16:]
        if _digest(key, payload) != digest:  # damaged, or another text's copy under this name
            return _MISSING
        return _decode(marshal.loads(payload))
    except Exception:  # missing, unreadable or damaged: parse the text again
        return _MISSING


MAX_PARSED = 32  # kept copies: each edit of a data file (a calibration) adds one; the oldest go


def _prune(folder: Path) -> None:
    kept = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[MAX_PARSED:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _write_parsed(key: str, data) -> None:
    folder = _parsed_folder()
    if folder is None:
        return
    try:
        payload = marshal.dumps(_encode(data))
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".parsed-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_digest(key, payload) + payload)
            os.replace(tmp, folder / f"{key}.bin")
            _prune(folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, ValueError, TypeError):  # read-only cache, full disk, a value marshal cannot hold
        return


def listed(items: list[str], limit: int = 5) -> str:
    """Skipped entries of a data file as a problem names them: the first `limit`, then " …"."""
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")


def _where(exc: Exception) -> str:
    """ " (Zeile 3, Spalte 14)": where the parser stopped, counted from 1 as editors do."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f" (Zeile {mark.line + 1}, Spalte {mark.column + 1})" if mark is not None else ""


def _hint(exc: Exception) -> str:
    """A German hint for the usual mistakes; the parser's own English text is not shown."""
    text = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''}"
    if "flow sequence" in text or "flow mapping" in text:
        return (" Eine Liste in eckigen oder ein Eintrag in geschweiften Klammern ist nicht geschlossen, oder ein Text darin "
                "enthält „?“, „:“ oder „,“: solchen Text in Anführungszeichen setzen oder die Liste mit „- “ je Zeile schreiben.")
    if "mapping values are not allowed" in text:
        return " Ein Text enthält „: “: ihn in Anführungszeichen setzen."
    if "found character '\\t'" in text:
        return " Zum Einrücken Leerzeichen statt Tabulatoren verwenden."
    if "indentation" in text or "expected <block end>" in text:
        return " Die Einrückung stimmt nicht: Einträge einer Liste mit gleich vielen Leerzeichen beginnen."
    return ""


def load_text(text: str, *, what: str = "Die Datei"):
    """Parse YAML text; raises DataError."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise DataError(f"{what} ist zu groß (mehr als {MAX_YAML_BYTES // 1_000_000} MB).")
    yaml = _yaml()
    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise DataError(f"{what} ist kein gültiges YAML{_where(exc)}.{_hint(exc)}") from None
    except RecursionError:
        raise DataError(f"{what} ist zu tief verschachtelt.") from None


_parsed: dict[tuple, object] = {}  # (path, size, mtime) -> parsed data: files are read again on every rebuild


def load_file(path: Path, *, max_bytes: int = MAX_YAML_BYTES):
    """Read and parse a YAML file; raises DataError. An unchanged file is parsed once per process
    (each caller gets its own copy)."""
    try:
        st = path.stat()
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except (OSError, RuntimeError):
        key = None
    if key is not None and key in _parsed:
        return copy.deepcopy(_parsed[key])
    data = _load_file(path, max_bytes)
    if key is not None:
        if len(_parsed) > 64:
            _parsed.clear()
        _parsed[key] = copy.deepcopy(data)
    return data


def _load_file(path: Path, max_bytes: int):
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DataError(f"Die Datei ist zu groß ({size // 1_000_000} MB; erlaubt sind {max_bytes // 1_000_000} MB).")
        raw = path.read_bytes()
    except (OSError, RuntimeError) as exc:
        raise DataError(f"Die Datei kann nicht gelesen werden ({os_reason(exc)}).") from None
    try:
        text = raw.decode("utf-8-sig")  # with or without a byte order mark
    except UnicodeDecodeError:
        raise DataError("Die Datei ist nicht in UTF-8 kodiert.") from None
    return load_text(text)
