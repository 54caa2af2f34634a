"""`CorpusStore`: documents and units by id, the only way code above `knowledge` reads them."""
from __future__ import annotations

from typing import Protocol

from .corpus import Document, Unit


class CorpusStore(Protocol):
    def unit(self, unit_id: str) -> Unit | None: ...
    def unit_at(self, pos: int) -> Unit: ...
    def position(self, unit_id: str) -> int | None: ...
    def document(self, doc_id: str) -> Document | None: ...
    def documents(self) -> list[Document]: ...
    def units(self) -> list[Unit]: ...
    def units_of(self, doc_id: str) -> list[Unit]: ...


class MemoryStore:
    """A CorpusStore held in memory (what the index loads from its meta data)."""

    def __init__(self, units: list[Unit], documents: dict[str, Document]):
        self._units = units
        self._documents = documents
        self._pos = {u.id: i for i, u in enumerate(units)}

    def unit(self, unit_id: str) -> Unit | None:
        pos = self._pos.get(unit_id)
        return self._units[pos] if pos is not None else None

    def unit_at(self, pos: int) -> Unit:
        return self._units[pos]

    def position(self, unit_id: str) -> int | None:
        return self._pos.get(unit_id)

    def document(self, doc_id: str) -> Document | None:
        return self._documents.get(doc_id)

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def units(self) -> list[Unit]:
        return list(self._units)

    def units_of(self, doc_id: str) -> list[Unit]:
        return [u for u in self._units if u.doc_id == doc_id]

    def __len__(self) -> int:
        return len(self._units)
