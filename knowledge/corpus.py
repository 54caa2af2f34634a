"""Loading the corpus: Markdown documents with front matter, split into answer units.

A document is a UTF-8 Markdown file with YAML front matter (id, title, issuer, region,
date, kind; optionally short_title, valid_from, valid_until, original_file). Headings
structure it; every heading with text below it becomes an answer unit. Agreements are
split further, one unit per Absatz ("(1) ..."). Q&A headings ("12. Frage - Thema: ...")
yield units whose question and answer date / responding body are parsed out.
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .analysis.fold import fold
from .safeyaml import DataError, load_builtin, load_text, os_reason

BUILTIN_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REQUIRED = ("id", "title", "issuer", "region", "date", "kind")
KINDS = ("faq", "agreement", "concept", "guideline", "instruction")
OPTIONAL = ("short_title", "valid_from", "valid_until", "original_file")
DATA_FILES = {"thesaurus.yaml", "glossary.yaml", "renumbering.yaml", "currency.yaml", "rules.yaml", "topics.yaml"}
MAX_DOCUMENT_BYTES = 1_000_000  # the largest built-in document has 66 kB; 1 MB builds in a few seconds


class CorpusError(Exception):
    """A document that could not be loaded; names the file and the problem (German)."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def parse_date(value, *, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m"):
        try:
            parsed = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if parsed.year < 1900:
            raise ValueError(f"Feld „{name}“: „{text}“ liegt vor 1900 und ist sicher ein Tippfehler")
        return parsed
    raise ValueError(f"Feld „{name}“: „{text}“ ist kein Datum (erwartet z. B. 2024-11-19 oder 19.11.2024)")


def german_date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    short_title: str
    issuer: str
    region: str
    date: dt.date
    date_text: str
    kind: str
    path: Path
    body: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    original_file: str = ""

    def in_force(self, on: dt.date) -> bool:
        if self.valid_from and on < self.valid_from:
            return False
        return not (self.valid_until and on > self.valid_until)

    @property
    def display_date(self) -> str:
        return self.date_text


@dataclass(frozen=True)
class Unit:
    id: str
    doc_id: str
    title: str
    breadcrumb: tuple[str, ...]
    text: str
    question: str = ""
    responder: str = ""
    answer_date: str = ""
    line: int = 0  # first line of the unit in the document body (for scrolling to it)

    @property
    def section(self) -> str:
        return " > ".join(self.breadcrumb)


@dataclass
class Corpus:
    documents: dict[str, Document] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    errors: list[CorpusError] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)


FRONT_RE = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
EMPTY_HEADING_RE = re.compile(r"^#{1,6}\s*$")
ABSATZ_RE = re.compile(r"^\(([0-9]+)\)\s")
QUESTION_HEADING_RE = re.compile(r"^((?:[AB]\.\d+)|\d+|Sonderfrage)\.?\s*(?:Frage|-|–)", re.I)
ANSWER_RE = re.compile(r"^Antwort\b[^\n]*?[:)]", re.M)
ANSWER_META_RE = re.compile(r"^Antwort:?\s*(?:der\s+)?([^(\n:]*?)\s*\(([^)]*?)\)")


def _as_text(value):
    """A YAML date as the text `load_text` keeps it as ("2023-06-14"), so the field checks read both alike."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    return value


def parse_document(path: Path, trusted: bool = False, problems: list[CorpusError] | None = None) -> Document:
    """One Markdown document with its front matter. `trusted`: one of ours, whose front matter is read
    from the parse cache (`load_builtin`), as the calculators do at every start. `problems`: where a field the
    document still loads without is reported (a misspelt "valid_untill" would leave an expired document in force)."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            mb = f"{size / 1_000_000:.1f}".replace(".", ",")
            raise CorpusError(path, f"Das Dokument ist zu groß ({mb} MB; erlaubt ist 1 MB). "
                              "Bitte teilen Sie es in mehrere Dateien auf.")
        raw = path.read_bytes().decode("utf-8-sig")  # a byte order mark (Windows editors) is no part of the text
    except UnicodeDecodeError:
        raise CorpusError(path, "Die Datei ist nicht in UTF-8 kodiert.") from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on some Python versions
        raise CorpusError(path, f"Die Datei kann nicht gelesen werden ({os_reason(exc)}).") from None
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))
    m = FRONT_RE.match(raw)
    if not m:
        raise CorpusError(path, "Der Kopf (Front Matter zwischen zwei Zeilen „---“) fehlt.")
    try:
        if trusted:
            meta = load_builtin(m.group(1))
            meta = {k: _as_text(v) for k, v in meta.items()} if isinstance(meta, dict) else meta
        else:
            meta = load_text(m.group(1), what="Der Kopf")
    except DataError as exc:
        raise CorpusError(path, str(exc)) from None
    if not isinstance(meta, dict):
        raise CorpusError(path, "Der Kopf muss Felder der Form „name: Wert“ enthalten.")
    missing = [k for k in REQUIRED if not meta.get(k)]
    if missing:
        raise CorpusError(path, "Pflichtfelder fehlen im Kopf: " + ", ".join(missing) + ".")
    # a list, an object or a yes/no where a text belongs ("issuer: [1, 2]"; QA 22: shown as "Herausgeber: [1, 2]")
    for key in ("title", "short_title", "issuer", "region", "original_file"):
        value = meta.get(key)
        if isinstance(value, (list, dict, bool)):
            what = "eine Liste" if isinstance(value, list) else "ein Objekt" if isinstance(value, dict) else "ein Ja/Nein-Wert"
            raise CorpusError(path, f"Feld „{key}“ muss ein Text sein, nicht {what}.")
    if not isinstance(meta["kind"], str) or meta["kind"] not in KINDS:
        raise CorpusError(path, f"Feld „kind“: „{meta['kind']}“ ist unbekannt (erlaubt: {', '.join(KINDS)}).")
    if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", str(meta["id"])):
        raise CorpusError(path, f"Feld „id“: „{meta['id']}“ muss mit einem Kleinbuchstaben oder einer Ziffer beginnen und darf nur "
                                "Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten (zum Beispiel „traeger-leitfaden“).")
    try:
        date = parse_date(meta["date"], name="date")
        valid_from = parse_date(meta.get("valid_from"), name="valid_from")
        valid_until = parse_date(meta.get("valid_until"), name="valid_until")
    except ValueError as exc:
        raise CorpusError(path, str(exc)) from None
    if valid_from and valid_until and valid_until < valid_from:
        raise CorpusError(path, "valid_until liegt vor valid_from.")
    body = raw[m.end():]
    if not body.strip():
        raise CorpusError(path, "Das Dokument hat keinen Text.")
    unknown = [str(k) for k in meta if k not in REQUIRED + OPTIONAL]
    if unknown and problems is not None:  # QA 40: "valid_untill: 2024-06-30" had been passed over without a word
        hints = [f"„{k}“" + (f" (gemeint: „{close[0]}“?)" if (close := difflib.get_close_matches(k, REQUIRED + OPTIONAL, n=1, cutoff=0.75)) else "")
                 for k in unknown]
        problems.append(CorpusError(path, "Unbekannte Felder im Kopf werden nicht gelesen: " + ", ".join(hints)
                                    + f". Bekannt sind: {', '.join(REQUIRED + OPTIONAL)}."))
    raw_date = str(meta["date"]).strip()
    date_text = german_date(date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}", raw_date) or isinstance(meta["date"], dt.date) else date.strftime("%m/%Y")
    return Document(
        id=str(meta["id"]), title=str(meta["title"]), short_title=str(meta.get("short_title") or meta["title"]),
        issuer=str(meta["issuer"]), region=str(meta["region"]), date=date, date_text=date_text,
        kind=str(meta["kind"]), path=path, body=body, valid_from=valid_from, valid_until=valid_until,
        original_file=str(meta.get("original_file") or ""),
    )


def _slug(title: str) -> str:
    """An ASCII id part for a heading: its number ("§ 6" -> "p6", "A.1") or its first words."""
    m = re.match(r"^(§\s*\d+[a-z]?|(?:[AB]\.)?\d+(?:\.\d+)*|Anlage \d+|Sonderfrage)", title, re.ASCII)
    if m:
        return re.sub(r"\s+", "", m.group(1)).rstrip(".").replace("§", "p")
    ascii_title = unicodedata.normalize("NFKD", fold(title)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title)
    return "-".join(words[:4]) or "abschnitt"


def split_units(doc: Document) -> list[Unit]:
    lines = doc.body.split("\n")
    sections: list[tuple[int, list[str], int, list[str]]] = []  # (level, crumbs, start line, text lines)
    stack: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for no, line in enumerate(lines):
        m = HEADING_RE.match(line)
        if m:
            sections.append((len(stack[-1:]) and stack[-1][0], [t for _, t in stack], start, current))
            level, title = len(m.group(1)), m.group(2).strip()
            stack = [(lv, t) for lv, t in stack if lv < level] + [(level, title)]
            current, start = [], no
        elif not EMPTY_HEADING_RE.match(line):  # a heading mark without a title ("## ") is no text of the passage
            current.append(line)
    sections.append((0, [t for _, t in stack], start, current))

    units: list[Unit] = []
    seen: dict[str, int] = {}
    for _level, crumbs, start, text_lines in sections:
        text = "\n".join(text_lines).strip()
        if not text or not crumbs:
            continue
        title = crumbs[-1]
        breadcrumb = tuple(crumbs[1:]) if len(crumbs) > 1 else (crumbs[0],)
        base = doc.id + "/" + _slug(crumbs[-1])
        pieces = _absaetze(text) if doc.kind == "agreement" else [("", text)]
        for number, piece in pieces:
            uid = base + (f"-{number}" if number else "")
            if uid in seen:
                seen[uid] += 1
                uid = f"{uid}~{seen[uid]}"
            else:
                seen[uid] = 1
            question, responder, answer_date = _qa(title, piece)
            unit_title = f"{title}, Absatz {number}" if number else title
            units.append(Unit(
                id=uid, doc_id=doc.id, title=unit_title, breadcrumb=breadcrumb if not number else breadcrumb[:-1] + (unit_title,),
                text=piece, question=question, responder=responder, answer_date=answer_date, line=start,
            ))
    return units


def _absaetze(text: str) -> list[tuple[str, str]]:
    paragraphs = re.split(r"\n\s*\n", text)
    if not any(ABSATZ_RE.match(p) for p in paragraphs):
        return [("", text)]
    out: list[tuple[str, list[str]]] = []
    for p in paragraphs:
        m = ABSATZ_RE.match(p)
        if m or not out:
            out.append((m.group(1) if m else "", [p]))
        else:
            out[-1][1].append(p)
    return [(n, "\n\n".join(ps).strip()) for n, ps in out]


def _qa(title: str, text: str) -> tuple[str, str, str]:
    if not QUESTION_HEADING_RE.match(title) or "frage" not in title.lower():
        return "", "", ""
    m = ANSWER_RE.search(text)
    question = text[: m.start()].strip() if m else ""
    # A.3 has the quoted tender text first and the actual question after "Frage:"
    q = re.search(r"^Frage:\s*(.+)", question, re.M | re.S)
    if q:
        question = q.group(1).strip()
    responder = answer_date = ""
    if m:
        meta = ANSWER_META_RE.match(text[m.start():])
        if meta:
            who, inner = meta.group(1).strip(), meta.group(2).strip()
            d = re.search(r"(\d{2}/\d{2,4})\s*$", inner)
            answer_date = d.group(1) if d else ""
            inner_who = inner[: d.start()].strip(" ,") if d else inner
            responder = " ".join(x for x in (who, inner_who) if x).strip() or "BA"
    return question, responder, answer_date


def corpus_dirs(extra: list[str] | tuple[str, ...] = ()) -> list[Path]:
    """The built-in corpus plus folders named by the option and by LOTSE_CORPUS."""
    dirs = [BUILTIN_CORPUS]
    env = os.environ.get("LOTSE_CORPUS", "")
    for entry in list(extra) + [e for e in env.split(os.pathsep) if e.strip()]:
        p = Path(entry).expanduser()
        if p not in dirs:
            dirs.append(p)
    return dirs


def folder_problem(d: Path) -> str | None:
    """Why a corpus folder gives nothing: it is missing, it is a file, or it holds neither documents (.md) nor data
    (.yaml, questions/; QA 22: an empty folder had been taken without a word); None when it may give something."""
    if d.is_file():
        return "Das ist eine Datei, kein Ordner: bitte den Ordner angeben, in dem die Dokumente liegen."
    if not d.is_dir():
        return "Der Ordner existiert nicht."
    if not (_markdown(d) or any(d.glob("*.yaml")) or (d / "questions").is_dir()):
        return "Der Ordner enthält keine Dokumente (.md-Dateien) und keine Daten (.yaml-Dateien)."
    return None


def _markdown(d: Path) -> list[Path]:
    return sorted(p for p in d.glob("*.md") if p.name.lower() != "readme.md")


# what a corpus folder may hold besides its documents (.md): the data files and the folder of authored questions
PROVIDER_DATA_FILES = ("adjacent_topics.yaml", "glossary.yaml", "guide.yaml", "out_of_scope.yaml", "thesaurus.yaml")
DATA_FILES = frozenset(PROVIDER_DATA_FILES + ("currency.yaml", "rules.yaml", "ranking.yaml"))  # the last three: ours only
DATA_FOLDERS = frozenset({"questions"})


def unread_entries(d: Path) -> list[str]:
    """The files and folders of a corpus folder that are not read (QA 40: a subfolder's documents and a .txt file had
    been passed over without a word); hidden ones (".git", ".DS_Store") aside."""
    try:
        entries = sorted(d.iterdir())
    except OSError:
        return []
    return [p.name + ("/" if p.is_dir() else "") for p in entries if not p.name.startswith(".")
            and not (p.is_file() and (p.suffix.lower() == ".md" or p.name in DATA_FILES))
            and not (p.is_dir() and p.name in DATA_FOLDERS)]


def document_files(dirs: list[Path]) -> tuple[list[Path], list[CorpusError]]:
    files, errors = [], []
    for d in dirs:
        problem = folder_problem(d)
        if problem:
            errors.append(CorpusError(d, problem))
        if d.is_dir():
            files.extend(_markdown(d))
            unread = unread_entries(d)
            if unread and not problem:
                errors.append(CorpusError(d, "Nicht gelesen: " + ", ".join(unread[:10]) + (" …" if len(unread) > 10 else "")
                                          + ". UB-Lotse liest die .md-Dateien direkt in diesem Ordner, die Dateien "
                                          + ", ".join(PROVIDER_DATA_FILES)
                                          + " und den Ordner questions/."))
    return files, errors


def load_corpus(dirs: list[Path]) -> Corpus:
    corpus = Corpus()
    files, corpus.errors = document_files(dirs)
    corpus.files = files
    for path in files:
        try:
            doc = parse_document(path, problems=corpus.errors)
        except CorpusError as exc:
            corpus.errors.append(exc)
            continue
        if doc.id in corpus.documents:
            corpus.errors.append(CorpusError(path, f"Die Dokument-ID „{doc.id}“ ist schon vergeben ({corpus.documents[doc.id].path}); "
                                                     "die Datei wird übersprungen."))
            continue
        units = split_units(doc)
        if not units:
            corpus.errors.append(CorpusError(path, "Keine Abschnitte gefunden (Überschriften mit „## “ gliedern ein Dokument)."))
            continue
        corpus.documents[doc.id] = doc
        corpus.units.extend(units)
    return corpus
