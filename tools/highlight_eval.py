"""Measure "Kurz:", the sentences an answer leads with, on eval/highlight/labels.jsonl.

    .venv/bin/python tools/highlight_eval.py

Each label holds an authored question, its unit and the unit's sentences that answer it, the one
that gives the answer first (empty: no sentence of the unit answers it). For every question the
highlight is chosen in its own unit, as the answer card would show it, and counted:

- key first: the highlight starts with the sentence that gives the answer (a short label before it on its line,
  "6 Teilnehmer:", aside);
- answering first: it starts with one of the answering sentences;
- key shown: the sentence that gives the answer is among its 1-3 sentences.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.corpus import BUILTIN_CORPUS  # noqa: E402
from knowledge.index import open_index  # noqa: E402
from knowledge.pipeline import AnswerPipeline  # noqa: E402
from knowledge.retrieval.sentences import best_sentences  # noqa: E402

LABELS = ROOT / "eval" / "highlight" / "labels.jsonl"


def _norm(text: str) -> str:
    return " ".join(text.split())


def main() -> int:
    handle = open_index([BUILTIN_CORPUS])
    pipe = AnswerPipeline(handle)
    position = {u.id: i for i, u in enumerate(handle.store.units())}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if not label["answer"] or label["unit"] not in position:
            continue
        ev = handle.evidence[position[label["unit"]]]
        hl = best_sentences(pipe.analyzer.analyse(label["question"]), ev.text, ev.spans, ev.sentence_terms)
        shown = [_norm(ev.text[a:b]) for a, b in hl.spans]
        if len(shown) > 1 and hl.labels_next(hl.spans[0]):
            shown = shown[1:]  # "6 Teilnehmer: Personalansatz 1,2 …": the label goes with the sentence it labels
        answer = [_norm(s) for s in label["answer"]]
        for group in ("all", label["voice"]):
            c = counts[group]
            c[0] += 1
            c[1] += bool(shown) and shown[0] == answer[0]
            c[2] += bool(shown) and shown[0] in answer
            c[3] += answer[0] in shown
    for group, (n, key, any_first, key_shown) in sorted(counts.items()):
        print(f"{group:10s} n={n:3d}  key first {key / n:.3f}  answering first {any_first / n:.3f}  key shown {key_shown / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
