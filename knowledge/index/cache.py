"""Where indexes live and how they are swapped in: fingerprint, atomic rename, clean-up.

An index is stored in the user's cache directory under a fingerprint of the corpus (documents,
authored questions, thesaurus, topics), the lemma source and the analysis version, so it is
rebuilt automatically when any of them changes. A build writes into a private temporary
folder that is renamed into place at the end: a crash mid-build leaves no broken index.
Every file is fsynced and listed with its SHA-256 in manifest.json; an index is used only
when all its files match (verify), otherwise it is retired and rebuilt.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ..corpus import document_files
from ..questions import out_of_scope_files, question_files
from ..retrieval.chars import FORMAT as CHAR_FORMAT
from ..topics import topic_files

# bump when analysis or schema change: old indexes are then rebuilt. The character index's own
# format is part of it, so a changed format never leaves a sealed index without usable files,
# and so is the Python version: the index's data files are in `marshal`'s format, which is
# Python's own and may change between its versions.
ANALYSIS_VERSION = f"47-c{CHAR_FORMAT}-py{sys.version_info[0]}.{sys.version_info[1]}"


MANIFEST = "manifest.json"
META = "meta.bin"  # what the query path needs of the index (`marshal`: read in a third of JSON's time)
KNOWN_WORDS = "known_words.txt"
BUILD_PREFIX = ".build-"
STALE_SECONDS = 3600  # a build folder of a live process older than this is abandoned


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
    for path in sorted(files + thesaurus_files(dirs) + topic_files(dirs) + question_files(dirs) + out_of_scope_files(dirs)):
        h.update(os.path.abspath(path).encode())  # not resolve(): a symlink loop must not raise
        try:
            h.update(path.read_bytes())
        except (OSError, RuntimeError):
            h.update(b"<unreadable>")
    return h.hexdigest()[:20]


def fallback_root() -> Path | None:
    """A private per-user folder in the temporary directory for a read-only cache, or None.

    It is reused across runs (one index per corpus fingerprint), and only if it belongs to
    this user and nobody else can write to it."""
    try:
        base = Path(tempfile.gettempdir())
    except (OSError, FileNotFoundError):
        return None
    # Python's last resort is the current directory, where nothing is to be written unasked (QA 40: a "ub-lotse-0/"
    # folder had appeared in the provider's corpus folder when /tmp and /var/tmp were read-only): the index stays in memory
    named = {os.environ.get(k) for k in ("TMPDIR", "TEMP", "TMP")} - {None, ""}
    if base.resolve() == Path.cwd().resolve() and str(base) not in named and base not in (Path("/tmp"), Path("/var/tmp"), Path("/usr/tmp")):
        return None
    uid = os.getuid() if hasattr(os, "getuid") else 0
    path = base / f"ub-lotse-{uid}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        st = path.lstat()
        if not path.is_dir() or path.is_symlink() or st.st_uid != uid or st.st_mode & 0o022:
            return None
    except OSError:
        return None
    return path


def new_build_folder(root: Path) -> Path:
    """A private folder under `root` to build into (raises OSError when `root` is not writable)."""
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{BUILD_PREFIX}{os.getpid()}-", dir=root))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def seal(folder: Path, fp: str) -> None:
    """fsync every file of a finished build and write manifest.json with their checksums."""
    files = {}
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.name != MANIFEST and not p.name.endswith("WRITELOCK"):
            with open(p, "rb") as f:
                os.fsync(f.fileno())
            files[p.name] = _sha256(p)
    data = json.dumps({"version": ANALYSIS_VERSION, "fingerprint": fp, "files": files}, indent=0)
    with open(folder / MANIFEST, "w", encoding="utf-8") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    _fsync_dir(folder)


def verify(folder: Path, fp: str | None = None) -> bool:
    """True when `folder` is a sealed index (of fingerprint `fp`) whose files all match their checksums."""
    try:
        if not folder.is_dir():
            return False
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("version") != ANALYSIS_VERSION or (fp is not None and manifest.get("fingerprint") != fp):
            return False
        files = manifest["files"]
        if META not in files or KNOWN_WORDS not in files:
            return False
        return all(_sha256(folder / name) == digest for name, digest in files.items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def publish(tmp: Path, final: Path, root: Path, replace: bool) -> None:
    """Rename a sealed build into place, then remove the old one.

    Of two processes building at once the second simply uses the first one's result. With
    `replace` the old index is moved aside and the new one renamed in right after; a kill
    between the two renames leaves a sealed build that `adopt` puts in place at the next start."""
    old = None
    if replace and (final.exists() or final.is_symlink()):
        old = _trash_name(final)
        try:
            os.rename(final, old)
        except OSError:
            old = None
    try:
        os.rename(tmp, final)
    except OSError as exc:
        _remove(tmp)
        if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST) and not final.exists():
            raise
    _fsync_dir(root)
    if old is not None:
        _remove(old)
    cleanup(root, keep=final)


def adopt(root: Path, final: Path, fp: str) -> bool:
    """Put a sealed, verified build of `fp` left behind by a killed process into place."""
    if final.exists():
        return False
    for p in sorted(root.glob(BUILD_PREFIX + "*")):
        if verify(p, fp):
            try:
                os.rename(p, final)
                return True
            except OSError:
                continue
    return False


def _trash_name(path: Path) -> Path:
    return path.with_name(f".old-{path.name}-{os.getpid()}-{time.time_ns()}")


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def retire(path: Path) -> None:
    """Move a damaged or outdated index (folder or stray file) aside and delete it."""
    trash = _trash_name(path)
    try:
        os.rename(path, trash)
    except OSError:
        return
    _remove(trash)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def cleanup_stale(root: Path) -> None:
    """Remove left-overs of killed processes: `.old-*` trash and `.build-*` folders whose
    process is gone (or that are older than an hour)."""
    if not root.is_dir():
        return
    now = time.time()
    for p in root.glob(".old-*"):
        _remove(p)
    for p in root.glob(BUILD_PREFIX + "*"):
        pid_text = p.name[len(BUILD_PREFIX):].split("-", 1)[0]
        try:
            stale = (not pid_text.isdigit() or not _pid_alive(int(pid_text))
                     or now - p.stat().st_mtime > STALE_SECONDS)
        except OSError:
            continue
        if stale:  # (a sealed one of the current corpus was adopted before this runs)
            _remove(p)


KEEP_INDEXES = 3  # besides the new one: the built-in corpus, one with provider folders, one more


def cleanup(root: Path, keep: Path) -> None:
    """Remove all but the newest KEEP_INDEXES other indexes (older corpus versions, corpus sets
    not used lately) and stale half-built folders. Keeping a few means that switching between
    the built-in corpus and one with provider folders does not rebuild every time."""
    def built(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    others = sorted((p for p in root.glob("index-*") if p != keep), key=built, reverse=True)
    for p in others[KEEP_INDEXES:]:
        retire(p)
    cleanup_stale(root)
