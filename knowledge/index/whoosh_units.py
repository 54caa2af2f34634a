"""The Whoosh unit index: its schema, writing, an in-memory store, and opening it lazily.

Kept apart from the rest of the index code because importing Whoosh costs a cold start
about a tenth of its time: the query path reads the units' analysed fields from meta.bin
(in-memory BM25F) and opens the Whoosh index only when something asks for it.
"""
from __future__ import annotations

from pathlib import Path

from whoosh import fields, index as windex
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.filedb.filestore import RamStorage

from .writer import ASKED, FIELDS


def schema() -> fields.Schema:
    ana = SpaceSeparatedTokenizer()
    return fields.Schema(id=fields.ID(stored=True, unique=True), **{f: fields.TEXT(analyzer=ana) for f in FIELDS + (ASKED,)})


def write_units(ix, unit_ids: list[str], values: list[dict[str, str]], asked: dict[int, list[str]]) -> None:
    """Add every unit (analysed field values) with its authored questions' terms to `ix`."""
    writer = ix.writer(limitmb=256)
    for pos, (uid, vals) in enumerate(zip(unit_ids, values)):
        writer.add_document(id=uid, **vals, **{ASKED: " ".join(asked.get(pos, ()))})
    writer.commit()


class MemoryStorage(RamStorage):
    """Whoosh's RamStorage, but its temporary storage stays in memory as well: the in-memory
    fallback must work when no folder at all is writable (RamStorage asks tempfile for one)."""

    def temp_storage(self, name=None):
        return MemoryStorage()


def create_index(target: Path | None):
    """A new, empty unit index in the folder `target`, or in memory (None)."""
    return MemoryStorage().create_index(schema()) if target is None else windex.create_in(str(target), schema())


def ram_index(unit_ids: list[str], values: list[dict[str, str]], asked: dict[int, list[str]]):
    """An in-memory unit index (calibration builds one per fold, with that fold's questions)."""
    ix = create_index(None)
    write_units(ix, unit_ids, values, asked)
    return ix


def open_dir(path: Path):
    return windex.open_dir(str(path))
