"""BM25F over the units' fields (title, question, breadcrumb, body) with Whoosh."""
from __future__ import annotations

from typing import Callable

from whoosh import query as wq
from whoosh.scoring import BM25F

from ..query import AnalysedQuery
from ..ranking.config import RankingConfig
from . import Candidate


class WhooshUnitRetriever:
    name = "units"

    def __init__(self, ix, position: Callable[[str], int | None], config: RankingConfig):
        """`position(unit_id)`: the unit's place in the corpus store."""
        self.cfg = config
        self.position = position
        self._searcher = ix.searcher(weighting=BM25F(B=config.bm25_b, K1=config.bm25_k1))

    def close(self) -> None:
        self._searcher.close()

    def build_query(self, query: AnalysedQuery) -> wq.Query:
        clauses = []
        for c in query.active:
            parts = []
            for alt, w in c.alternatives.items():
                for fname, fb in self.cfg.field_boosts.items():
                    if len(alt) == 1:
                        parts.append(wq.Term(fname, alt[0], boost=fb * w * c.weight))
                    else:
                        parts.append(wq.And([wq.Term(fname, s) for s in alt], boost=fb * w * c.weight))
            clauses.append(wq.Or(parts))
        return wq.Or(clauses) if clauses else wq.NullQuery

    def retrieve(self, query: AnalysedQuery, k: int) -> list[Candidate]:
        q = self.build_query(query)
        if q is wq.NullQuery:
            return []
        return [Candidate(self.position(r["id"]), r.score, self.name) for r in self._searcher.search(q, limit=k)]
