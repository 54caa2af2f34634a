"""The Whoosh unit index: its schema, writing, and an in-memory store.

Kept apart from the rest of the index code because importing Whoosh costs a cold start
about a tenth of its time: the query path reads the units' analysed fields from meta.bin
(in-memory BM25F); the Whoosh index is built in memory only when something asks for it
(`LazyWhooshIndex`, the Whoosh retriever of `AnswerPipeline(unit_index=…)`, calibration).
"""
from __future__ import annotations

from whoosh import fields
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


def ram_index(unit_ids: list[str], values: list[dict[str, str]], asked: dict[int, list[str]]):
    """An in-memory unit index (an index's own on first use; calibration builds one per fold, with that fold's questions)."""
    ix = MemoryStorage().create_index(schema())
    write_units(ix, unit_ids, values, asked)
    return ix
