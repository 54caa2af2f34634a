"""Abbreviations whose dot ends no sentence, in the documents and in what users type.

One list for both splitters (retrieval/sentences.py for the documents, analysis/user_sentences.py
for questions and posts): "z. B. im Betrieb", "§ 5 Abs. 2", "wie viele Std. QT?", "uwf. Tage".
"""
from __future__ import annotations

# words, lower case, without their dot
ABBREVIATIONS = frozenset("""abs art bspw bzw ca dr etc evtl f ff gem ggf ggfs inkl insb jhd lfd lt max min mind mio
nr pkt s sog std str tel usw uwf vgl z zzgl ziff b d h u a i v o g""".split())
