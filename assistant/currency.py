"""Notes on what changed since a passage was written (corpus/currency.yaml): renumbered paragraphs (§ 38a → § 55
SGB IX), renamed benefits (Arbeitslosengeld II → Bürgergeld), replaced instruments (Eingliederungsvereinbarung →
Kooperationsplan in the SGB II). Each note cites its law and date and is shown wherever its pattern occurs in a text
written before that date: answers, glossary entries and onboarding steps."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from knowledge.safeyaml import load_builtin


NOT_FROM_DOCUMENT = "(Hinweis von UB-Lotse zur heutigen Rechtslage, nicht aus dem Dokument.)"


@dataclass(frozen=True)
class ChangeNote:
    id: str
    pattern: re.Pattern
    old: str
    new: str
    since: dt.date
    law: str
    note: str
    always: bool = False

    @property
    def shown(self) -> str:
        """The note as a reader sees it: marked as UB-Lotse's, not the document's (QA 41: a parent read "Ergänzend: …
        Kindergeld über das 25. Lebensjahr hinaus" as the document's own words)."""
        return f"{self.note} {NOT_FROM_DOCUMENT}"

    def applies(self, text: str, written: dt.date | None) -> bool:
        if not self.pattern.search(text):
            return False
        return self.always or written is None or written < self.since


def load_notes(path: Path) -> list[ChangeNote]:
    if not path.is_file():
        return []
    data = load_builtin(path.read_text(encoding="utf-8")) or []
    out = []
    for e in data:
        since = e["since"] if isinstance(e["since"], dt.date) else dt.date.fromisoformat(str(e["since"]))
        out.append(ChangeNote(e["id"], re.compile(e["pattern"]), e["old"], e["new"], since, e.get("law", ""), e["note"], bool(e.get("always"))))
    return out


def written_on(answer_date: str, document_date: dt.date | None) -> dt.date | None:
    """When a passage was written: its answer date ('09/2011', '12/14') or else its document's date."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{2}|\d{4})\s*", answer_date or "")
    if m:
        year = int(m.group(2))
        return dt.date(year + 2000 if year < 100 else year, int(m.group(1)), 1)
    return document_date


def notes_for(text: str, written: dt.date | None, notes: list[ChangeNote], supplements: bool = True) -> list[str]:
    """The notes (`ChangeNote.shown`) on a passage written on `written`; `supplements`: also those that add to the law
    of any date (`always`), not only changes since."""
    return [n.shown for n in notes if n.applies(text, written) and (supplements or not n.always)]
