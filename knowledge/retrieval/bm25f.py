"""BM25F over the units' fields, in memory: the default unit retriever.

The same scoring as `WhooshUnitRetriever` (Whoosh's BM25F: per field, idf = log(N / (df + 1)) + 1,
term scores summed over the question's concepts, alternatives and field boosts), over the
analysed field values the index stores for every unit. Each posting carries its BM25 term
score, computed once when the index is opened, so a question costs one dictionary walk per
stem instead of Whoosh's matcher tree (about ten times faster on the corpus).
"""
from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter, defaultdict

from ..query import AnalysedQuery
from ..ranking.config import RankingConfig
from . import Candidate

ASKED = "asked"


class BM25FUnitRetriever:
    name = "units"

    def __init__(self, values: list[dict[str, str]], asked: dict[int, list[str]], config: RankingConfig):
        """`values[pos]`: the unit's analysed field values (space-separated stems);
        `asked[pos]`: the analysed texts of the unit's authored questions (the `asked` field)."""
        self.boosts = dict(config.field_boosts)
        self.b, self.k1 = config.bm25_b, config.bm25_k1
        self.n = n = len(values)
        # per field: term -> [(unit, term frequency, field length)], and the average field length;
        # a term's scored posting list is computed when a question first uses it
        self.tfs: dict[str, dict[str, list[tuple[int, int, int]]]] = {}
        self.avg: dict[str, float] = {}
        self._scored: dict[tuple[str, str], list[tuple[int, float]]] = {}
        for fname in self.boosts:
            docs = [(" ".join(asked.get(pos, ())) if fname == ASKED else vals.get(fname, "")).split()
                    for pos, vals in enumerate(values)]
            avg = (sum(len(d) for d in docs) / n) if n else 1.0
            self.avg[fname] = avg or 1.0
            tfs: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
            for pos, d in enumerate(docs):
                length = len(d)
                for term, tf in Counter(d).items():
                    tfs[term].append((pos, tf, length))
            self.tfs[fname] = dict(tfs)

    def to_data(self) -> dict:
        """The postings as plain values, kept in the index (`from_data`): an index opens without
        counting every unit's fields again (about 30 ms of every cold start)."""
        packed = {f: {t: array("i", [x for triple in plist for x in triple]).tobytes() for t, plist in tfs.items()}
                  for f, tfs in self.tfs.items()}  # (unit, tf, length) triples as packed ints: unpacked when a question uses the term
        return {"fields": sorted(self.boosts), "n": self.n, "avg": self.avg, "tfs": packed}

    @classmethod
    def from_data(cls, data: dict | None, n: int, config: RankingConfig) -> "BM25FUnitRetriever | None":
        """The retriever kept by `to_data`, or None when there is none or it was made for other
        fields or another number of units (then it is built anew)."""
        if not data or data.get("n") != n or data.get("fields") != sorted(config.field_boosts):
            return None
        r = cls.__new__(cls)
        r.boosts = dict(config.field_boosts)
        r.b, r.k1, r.n = config.bm25_b, config.bm25_k1, n
        r.tfs, r.avg, r._scored = data["tfs"], data["avg"], {}
        return r

    def posting(self, fname: str, term: str) -> list[tuple[int, float]]:
        """(unit, BM25 weight of `term` in field `fname`) for every unit whose field holds it."""
        got = self._scored.get((fname, term))
        if got is None:
            plist = self.tfs[fname].get(term, ())
            if isinstance(plist, bytes):  # kept in the index (`to_data`)
                ints = array("i", plist)
                plist = list(zip(ints[0::3], ints[1::3], ints[2::3]))
            idf = math.log(self.n / (len(plist) + 1)) + 1
            b, k1, avg = self.b, self.k1, self.avg[fname]
            got = self._scored[(fname, term)] = [(pos, idf * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avg)))
                                                 for pos, tf, fl in plist]
        return got

    def close(self) -> None:
        pass

    def scores(self, query: AnalysedQuery) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for c in query.active:
            for alt, w in c.alternatives.items():
                for fname, fb in self.boosts.items():
                    boost = fb * w * c.weight
                    if len(alt) == 1:
                        for pos, s in self.posting(fname, alt[0]):
                            scores[pos] += boost * s
                        continue
                    # a phrase of stems: a unit scores only when its field holds all of them
                    lists = [dict(self.posting(fname, s)) for s in alt]
                    for pos in set(lists[0]).intersection(*lists[1:]):
                        scores[pos] += boost * sum(lst[pos] for lst in lists)
        return scores

    def retrieve(self, query: AnalysedQuery, k: int) -> list[Candidate]:
        ranked = heapq.nsmallest(k, self.scores(query).items(), key=lambda kv: (-kv[1], kv[0]))  # = sorted(...)[:k]
        return [Candidate(pos, s, self.name) for pos, s in ranked if s > 0]
