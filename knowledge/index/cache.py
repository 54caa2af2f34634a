"""Where indexes live and how they are swapped in: fingerprint, atomic rename, clean-up.

An index is stored in the user's cache directory under a fingerprint of the corpus (documents,
authored questions, thesaurus, topics), the lemma source and the analysis version, so it is
rebuilt automatically when any of them changes. A build writes into a private temporary
folder that is renamed into place at the end: a crash mid-build leaves no broken index.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..corpus import document_files
from ..questions import question_files
from ..topics import topic_files

ANALYSIS_VERSION = "11"  # bump when analysis or schema change: old indexes are then rebuilt


def cache_root() -> Path:
    env = os.environ.get("LOTSE_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ub-lotse", appauthor=False))


def thesaurus_files(dirs: list[Path]) -> list[Path]:
    return [d / "thesaurus.yaml" for d in dirs if (d / "thesaurus.yaml").is_file()]


def fingerprint(dirs: list[Path], lemma_source: str = "spacy") -> str:
    files, _ = document_files(dirs)
    h = hashlib.sha256(f"{ANALYSIS_VERSION}/{lemma_source}".encode())
    for path in sorted(files + thesaurus_files(dirs) + topic_files(dirs) + question_files(dirs)):
        h.update(os.path.abspath(path).encode())  # not resolve(): a symlink loop must not raise
        try:
            h.update(path.read_bytes())
        except (OSError, RuntimeError):
            h.update(b"<unreadable>")
    return h.hexdigest()[:20]


def build_folder(root: Path) -> tuple[Path | None, Path | None, str]:
    """(temporary build folder, final folder override, notice) for a build under `root`.

    A read-only cache falls back to a temporary folder, and that to memory (None)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".build-", dir=root)), None, ""
    except OSError:
        pass
    try:
        tmp = Path(tempfile.mkdtemp(prefix="ub-lotse-index-"))
        return tmp, tmp, f"Der Cache-Ordner {root} ist nicht beschreibbar; der Index liegt vorübergehend in {tmp}."
    except OSError:
        return None, None, "Kein beschreibbarer Ordner gefunden; der Index wird nur im Arbeitsspeicher gehalten."


def publish(tmp: Path, final: Path, root: Path, replace: bool) -> None:
    """Rename a finished build into place; of two processes building at once the second
    simply uses the first one's result."""
    if final == tmp:
        return
    if replace and final.exists():
        retire(final)
    try:
        os.rename(tmp, final)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    cleanup(root, keep=final)


def retire(path: Path) -> None:
    trash = path.with_name(f".old-{path.name}-{os.getpid()}-{time.time_ns()}")
    try:
        os.rename(path, trash)
        shutil.rmtree(trash, ignore_errors=True)
    except OSError:
        pass


def cleanup(root: Path, keep: Path) -> None:
    """Remove indexes of older corpus versions and stale half-built folders."""
    now = time.time()
    for p in root.glob("index-*"):
        if p != keep:
            retire(p)
    for p in root.glob(".build-*"):
        try:
            if now - p.stat().st_mtime > 3600:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass
