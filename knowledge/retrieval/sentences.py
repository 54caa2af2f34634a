"""Sentence-level evidence: the 1–3 sentences of a unit that answer the question.

Units are split into sentences when the index is built (German abbreviations such as
"z. B.", "Abs." or "i. S. d." do not end a sentence; list items and table rows do). At query
time each sentence of a candidate is scored by the share of the question's information it
holds; the best one, and a neighbour that adds to it, become the highlight (a sentence that
announces what follows, or a quotation not yet closed, goes on into the next sentence; one that
begins by pointing back, "Dadurch …", "Allerdings …", takes its predecessor along; for a question
asking how high a sum is, the best sentence's successor comes along when it says what the sum
depends on, "Die konkrete Höhe richtet sich nach § 124 SGB III …", where no sum is stated).
For a question about a rule ("muss", "darf", "Pflicht"), an exception the section makes further on
("kann im Einzelfall …") comes along, after "…". A sentence that only frames an answer ("ist
dahingehend zu unterscheiden, ob …", "ist abhängig davon, ob …") takes the best sentence that gives
one along; a lead-in to a short list, the whole list; a short label ("6 Teilnehmer:"), the sentence
it labels; a question asking when starts from the sentence that says when. Labels that introduce an
answer ("Antwort (BA 03/2013):"), wording that no longer applies ("Bis Ende März 2012 hieß es:") and
a practice tip's title are no sentences; a sentence the source's layout cut in two is one. In a Q&A
unit only the answer's sentences are candidates, never the question's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..analysis.abbreviations import ABBREVIATIONS
from ..analysis.morph import number_alias
from ..query import AnalysedQuery, coverages
from ..ranking.quantities import quantity_asked, states_amount_rule, states_quantity

# after ";" only before a capital: "nach §§ 5 Abs. 1 Nr. 6; 251 Abs. 1 SGB V" is one citation, not two sentences
BOUNDARY = re.compile(r"(?<=[.!?:])\s+(?=[\"„»(]?[A-ZÄÖÜ0-9])|(?<=;)\s+(?=[\"„»(]?[A-ZÄÖÜ])|\n+"
                      r"|(?<=[.!?]\[\d\])\s+(?=[\"„»(]?[A-ZÄÖÜ0-9])")  # after a footnote's mark: "… ist.[1] Ab April …"
MAX_SENTENCES = 3
# a footnote's mark after a word or a full stop: "… ist.[1]", "… ersetzen⁶."
FOOTNOTE_MARK = re.compile(r"(?<=\S)(?:\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})")
# a footnote's own text, on its line below the paragraph: "⁵ Im Rechtskreis SGB III …"
FOOTNOTE_BODY = re.compile(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}\s")
FOOTNOTE_SHARE = 0.5  # how much a footnote's text counts in choosing the short answer (hand-set, see `sentence_weights`)
TABLE_HEADER = re.compile(r"^[ \t]*\|.*\|[ \t]*$(?=\n[ \t]*\|?[ \t]*:?-{3,})", re.M)
MIN_ALONE = 60  # a best sentence shorter than this takes its successor along
MAX_LABEL = 40  # a sentence this short ending with a colon labels the one after it on its line
# a quantity question's highlight starts from a sentence stating one if it holds this share of the
# best sentence's (of 150 authored quantity questions, 0.5 changed 12 highlights, all but one for
# the better; 0.75 changed 7)
QUANTITY_SHARE = 0.5
# a sentence that announces what follows ("vgl. nachfolgenden Auszug", "wie folgt", a closing
# colon) takes its successor along, and so does a quotation still open („ without “)
ANNOUNCES = re.compile(r"\bnachfolgend|\b(?:folgend|wie folgt)\w*\W*$|:\W*$", re.IGNORECASE)
OPEN_END = re.compile(r"[a-zäöüß,]$")  # a clause left open at the end of its line: what follows completes it
CONJUNCTION_END = re.compile(r"\b(?:und|oder|sowie|bzw\.?|als auch)$")  # a list item that reads on into the next
# a sentence that begins by pointing back ("Dadurch wird die Haftung … übertragen", "Allerdings sind …")
# says little without its predecessor, which then comes first
POINTS_BACK = re.compile(r"^[\"„»(]?(?:Dadurch|Dies|Diese[rsmn]?|Dabei|Daher|Deshalb|Demnach|Somit|Folglich|Allerdings|"
                         r"Jedoch|Dennoch|Trotzdem|Hierbei|Hierzu|Hierfür|Hiernach|Hieraus|Daraus|Hierdurch|Insofern|Insoweit|Darüber hinaus|"
                         r"Danach|Demzufolge|Deswegen|Darum|Aus (?:diesen|diesem|den genannten) Gr(?:ü|ue)nden?)\b")


# a paragraph that ends inside a sentence (a word, no full stop, comma, colon or closing bracket) and a next one
# that goes on with it in lower case: "zeitnah (spätestens innerhalb\n\nvon vier Wochen) nach Maßnahmeende" (QA 13:
# "Kurz:" had stopped at "spätestens innerhalb"); and a list inside a sentence, between such a paragraph and its
# lower-case continuation: "ist in einem Zeitraum\n\n- innerhalb von vier Wochen vor bis\n- vier Wochen nach\n\ndem
# individuellen Teilnahmeende ein … Beratungsgespräch … durchzuführen." is one sentence (QA 10)
RUNS_ON = re.compile(r"[a-zäöüß]$")
CONTINUES = re.compile(r"[ \t]*[a-zäöüß]")
ITEM_LINE = re.compile(r"[ \t]*[-*•][ \t]")
EMBEDDED_LIST = re.compile(r"[a-zäöüß]\n[ \t]*\n(?:[ \t]*[-*•][ \t]+[^\n]*\n)+[ \t]*\n[ \t]*(?=[a-zäöüß])")
# a line that ends inside a citation ("§ 17 Abs. 1 Nr. 2") and a next line that begins with the
# law's abbreviation ("SGB I", "BGB", "EStG") are one sentence
CITATION_WRAPPED = re.compile(r"§+\s*\d+\w*(?:\s+(?:Abs|Satz|S|Nr)\.?\s*\d+\w*)*$")
LAW = re.compile(r"[A-Z][A-Za-z]*[A-Z]+\b|[A-Z]{2,}\b")


# a label that introduces an answer and answers nothing itself: "Antwort (BA 03/2013):", "Zu 1):",
# "Anmerkung der BAG UB:", "(BA 04/2017):". With no sentence of a unit matching the question, the
# highlight had been "Antwort (BA 03/2013): Zu 1): …" (QA 4)
LABEL = re.compile(r"(?:(?:Antwort|Anmerkung|Nachtrag)\b[^.!?]{0,80}|Zu \d+\)|\([^()]{0,40}\)):$")


# a paragraph of wording that no longer applies, with its lead-in: "Bis Ende März 2012 hieß es:" (past
# tense; "Ab Dezember 2013 heißt es:" stays)
SUPERSEDED = re.compile(r"^[^\n]*\bhie(?:ß|ss) es:[ \t]*\n.*?(?=\n[ \t]*\n|\n[^\n]*\bhei(?:ß|ss)t es:|\Z)", re.M | re.S)


# the title line of a practice tip ("Praxis-Tipp: Sozialdatenschutz im IT-Verfahren VerBIS …")
PRACTICE_TIP = re.compile(r"^[ \t]*Praxis-Tipps?:[^\n]*$", re.M)


# a question about a rule, and a sentence that makes an exception to one
RULE_ASKED = re.compile(r"\b(?:muss|musst|m(?:ü|ue|u)ssen|m(?:ü|ue)sste|darf|darfst|d(?:ü|ue|u)rfen|pflicht\w*|verpflichtet"
                        r"|zwingend|immer)\b", re.IGNORECASE)
EXCEPTION = re.compile(r"\bim Einzelfall\b|\bausnahmsweise\b|\bin begründeten (?:Einzel|Ausnahme)f(?:ä|ae)llen\b"
                       r"|\babweichend\b|\bAusnahme", re.IGNORECASE)


# a sentence that says no ("kommt … nicht in Betracht", "kein Anspruch"): the way the section opens after
# it ("Im Einzelfall …") comes along as for a rule asked (QA 6: Arbeitsassistenz in der InbeQ)
REFUSES = re.compile(r"\bnicht in Betracht\b|\bkein(?:en)? Anspruch\b|\bnicht möglich\b|\bausgeschlossen\b|\bnicht zulässig\b")
# a sentence that states a duty ("Der Leistungserbringer ist verpflichtet, ganztägige Projekttage durchzuführen"): asked
# "geht das auch kürzer", not "muss", the exception the section makes comes along too (QA 33)
STATES_DUTY = re.compile(r"\b(?:ist|sind) (?:\w+ )?(?:verpflichtet|zwingend)\b|\bhat (?:\w+ )?zu\b|\bmuss\b|\bmüssen\b", re.IGNORECASE)


# a sentence that frames an answer and gives none: a case distinction announced, a condition named
FRAMES = re.compile(r"\bzu unterscheiden\b|\babhängig davon\b|\bhängt\b[^.]{0,40}\bdavon ab\b|\bkommt\b[^.]{0,30}\bdarauf an\b"
                    r"|\bDie Frage geht (?:vermutlich|wohl) dahin\b", re.IGNORECASE)
FRAME_SHARE = 0.5


# a question that asks what one can do ("alle Plätze voll, was können wir da machen?", "was tun?", "an wen wende ich mich?")
# and a sentence that advises ("die Empfehlung, sich bei der Agentur zu erkundigen"): the short answer starts from the
# advice where the section gives one (QA 37: the sentence restating the problem had been shown)
ADVICE_ASKED = re.compile(r"\bwas\s+(?:\w+\s+){0,2}?(?:k(?:ö|oe|o)nnen|kann|soll(?:en)?|sollte[n]?)\s+(?:\w+\s+){0,3}?(?:machen|tun|unternehmen)\b"
                          r"|\bwas\s+tun\b|\ban wen\s+(?:\w+\s+){0,2}?wend", re.IGNORECASE)
ADVISES = re.compile(r"\bEmpfehlung\b|\bempfiehlt\b|\bzu empfehlen\b|\bratsam\b"
                     r"|\bsich\b[^.;:]{0,70}\b(?:zu )?(?:erkundigen|wenden|informieren)\b"
                     # whom to turn to, named ("Die MB ist Ansprechpartner/in für …", "Anlaufstelle ist …")
                     r"|\bAnsprechpartner|\bAnsprechperson|\bAnlaufstelle", re.IGNORECASE)


@lru_cache(maxsize=1024)
def advice_asked(question: str) -> bool:
    return ADVICE_ASKED.search(question) is not None


@lru_cache(maxsize=1024)  # asked once per candidate unit of a question, as `quantity_asked`
def rule_asked(question: str) -> bool:
    """Whether a question asks whether something must or may be done."""
    return RULE_ASKED.search(question) is not None


YEAR = re.compile(r"(?:19|20)\d\d")  # no ordinal: "für Beginntermine ab 2014. Für die laufenden Verträge …"


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text[start:]`."""
    spans: list[tuple[int, int]] = []
    pos = start
    embedded = [(m.start(), m.end()) for m in EMBEDDED_LIST.finditer(text, start)]
    for m in BOUNDARY.finditer(text, start):
        before = text[pos:m.start()]
        last = re.search(r"(\w+)\.$", before)
        if m.group(0) == "\n" and CITATION_WRAPPED.search(before) and LAW.match(text, m.end()):
            continue  # "nach § 17 Abs. 1 Nr. 2\nSGB I verpflichtet": a citation the source's line break cut in two
        if "\n" in m.group(0) and (any(a < m.start() < b for a, b in embedded) or (
                RUNS_ON.search(before) and CONTINUES.match(text, m.end()) and not ITEM_LINE.match(text, text.rfind("\n", 0, m.start()) + 1))):
            continue  # "zeitnah (spätestens innerhalb\n\nvon vier Wochen)": a sentence the source's layout cut in two
        if m.group(0).count("\n") == 0 and last and (last.group(1).lower() in ABBREVIATIONS or len(last.group(1)) == 1
                                                      or (last.group(1).isdigit() and not YEAR.fullmatch(last.group(1)))
                                                      or re.fullmatch(r"\d+ff?", last.group(1))):
            continue  # "z. B. Die", "§ 5 Abs. 2", "1. Juli", "§§ 53ff. SGB XII"; a year ends one ("ab 2014. Für …"; QA 41)
        if before.strip():
            spans.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append(_trim(text, pos, len(text)))
    # a table's header row ("| Nr. | Aufgaben MB | …" above "| --- |") names the columns and answers nothing:
    # as a highlight it had read "Nr. – Aufgaben MB – Aufgaben Team X915 ILC 10 – – Regelmäßige Prüfung …"
    excluded = [(m.start(), m.end()) for m in TABLE_HEADER.finditer(text, start)]
    # wording that no longer applies ("Bis Ende März 2012 hieß es: „…“"): no highlight (QA 4, QA 5: a question
    # on today's rule had been answered with the old quote)
    excluded += [(m.start(), m.end()) for m in SUPERSEDED.finditer(text, start)]
    # the title of a practice tip ("Praxis-Tipp: Sozialdatenschutz im IT-Verfahren VerBIS …") names a paper
    # the section refers to and says nothing of it (QA 12: it had been "Kurz:" for a question on data access)
    excluded += [(m.start(), m.end()) for m in PRACTICE_TIP.finditer(text, start)]
    return [s for s in spans if re.search(r"\w", text[s[0]:s[1]]) and not any(a <= s[0] and s[1] <= b for a, b in excluded)
            and not LABEL.match(text, s[0], s[1])]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t|-*#>":
        a += 1
    while b > a and text[b - 1] in " \t|":
        b -= 1
    return a, b


def answer_start(text: str, question: str) -> int:
    """Where the answer begins in a Q&A unit's text (0 for other units)."""
    if not question:
        return 0
    m = re.search(r"^Antwort\b", text, re.M)
    return m.start() if m else 0


@dataclass
class Highlight:
    """The best 1-3 sentences of a unit: the best sentence's score, and the spans and text of
    the highlight, worked out when read (only the hits shown need them, while every candidate
    needs the score)."""

    source: str
    score: float
    sentences: list[tuple[int, int]]  # every candidate sentence of the unit
    scores: list[float]  # the share of the question each holds
    best: int  # the best sentence's number
    asks_quantity: str = ""  # what quantity the question asks for, if any: "number" or "amount" (ranking/quantities.py)
    asks_rule: bool = False  # the question asks whether something must or may be done (`RULE_ASKED`)
    part_best: tuple[int, ...] = ()  # a text of several questions: the best sentence for each (-1: none)
    asks_advice: bool = False  # the question asks what one can do (`ADVICE_ASKED`)

    @property
    def shown(self) -> int:
        """The number of the sentence the highlight starts from: the best one; for a question that
        asks for a quantity, the best of those that state one and hold at least QUANTITY_SHARE of
        the best one's share ("Wie oft muss der Kooperationsplan überprüft werden?": the sentence
        with "spätestens nach Ablauf von sechs Monaten", not the first one that names the plan)."""
        best, scores = self.best, self.scores
        if self.asks_advice and not ADVISES.search(self.source[self.sentences[best][0]:self.sentences[best][1]]):
            advising = [i for i, (a, b) in enumerate(self.sentences) if ADVISES.search(self.source[a:b])]
            if advising:
                return advising[0]
        if not self.asks_quantity or scores[best] <= 0:
            return best
        text, spans = self.source, self.sentences
        stating = [i for i, (a, b) in enumerate(spans)
                   if scores[i] >= QUANTITY_SHARE * scores[best] and states_quantity(text[a:b], self.asks_quantity)]
        if not stating or best in stating:
            return best
        # those the best sentence leads to first, up to the next sentence meeting the question as well ("Beispiel 3 …
        # ab dem 13. Maßnahmemonat:" is answered by its own example's "19,5 Zeitstunden", not by Beispiel 1's 54,6
        # that meets the question as much; QA 41)
        upto = next((j for j in range(best + 1, len(spans)) if scores[j] >= scores[best]), len(spans))
        following = [i for i in stating if best < i < upto and not FOOTNOTE_BODY.match(text, spans[i][0])]
        return max(following or stating, key=lambda i: (scores[i], -i))

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The best sentence and the successors it takes along."""
        return [self.sentences[i] for i in self._chosen()]

    def _chosen(self) -> list[int]:
        """The numbers of the sentences `spans` shows, in order."""
        if not self.sentences:
            return []
        text, spans, scores, best = self.source, self.sentences, self.scores, self.shown
        chosen = [best - 1, best] if best > 0 and (POINTS_BACK.match(text[spans[best][0]:spans[best][1]])
                                                   or self._labelled_by(best - 1)) else [best]
        given = self._given_after_frame(best)
        if given is not None:
            # a sentence that only frames the answer ("ist dahingehend zu unterscheiden, ob …", "ist abhängig davon,
            # ob …") and the best one that gives it (QA 10, QA 12: the Kindergeld's "ist … als Ausbildung anzusehen")
            return sorted({*chosen, given})
        # a text of several questions ("Wer lädt ein? Bis wann?"; QA 7): the best sentence for each question
        # comes along, in the section's order, before any successor of the best one
        parts = [p for p in dict.fromkeys(self.part_best) if p >= 0 and p not in chosen][:MAX_SENTENCES - len(chosen)]
        if parts:
            chosen = sorted(chosen + parts)
        if chosen[-1] == best and not parts and self._is_item(best):
            # an item of a short list comes with its lead-in and the other items ("Darf ich als Betreuerin mit?":
            # "Zwingend: Agentur, Integrationsamt, …" had been shown without "Optional: …, gesetzlicher Betreuer"; QA 19),
            # also an item that comes with its label ("Optional:" above "Arbeitgeber, …": asked who must be there,
            # only the optional ones had been shown; QA 24)
            lead = next((i for i in range(best - 1, max(-1, best - 1 - MAX_ITEMS_SHOWN), -1) if not self._is_item(i)), None)
            announced = lead is not None and ANNOUNCES.search(text[spans[lead][0]:spans[lead][1]])
            items = self._short_list_after(lead) if announced else []  # not a clause left open ("…, dass der Preis")
            if best in items:
                return [lead] + items
        nxt = best + 1
        # a best sentence that announces a short list ("setzt sich wie folgt zusammen:") takes the whole list
        # along, not only its first item (QA 12: "Zwingend: …" without "Optional: Arbeitgeber, …"); a longer
        # list keeps its first item, as any lead-in does
        if chosen[-1] == best and not parts:
            listed = self._short_list_after(best) if chosen == [best] else []
            chosen += listed or self._item_completing(best)
        while not parts and self._counted(chosen) < MAX_SENTENCES and nxt < len(spans) and nxt > chosen[-1]:
            short = sum(spans[i][1] - spans[i][0] for i in chosen) < MIN_ALONE
            so_far = text[spans[chosen[0]][0]:spans[chosen[-1]][1]]
            last = text[spans[chosen[-1]][0]:spans[chosen[-1]][1]]
            # a lead-in, an open quotation, or a sentence that frames an answer without giving one goes on
            leads_on = bool(ANNOUNCES.search(last) or FRAMES.search(last)) or so_far.count("„") > so_far.count("“")
            # an amount asked, none stated so far: the sentence right after the best one, when it says what
            # the sum depends on, completes it (the sum of the best sentence's subject, not of one after it)
            sets_amount = (self.asks_quantity == "amount" and nxt == best + 1 and not states_quantity(so_far, "amount")
                           and states_amount_rule(text[spans[nxt][0]:spans[nxt][1]]))
            # a label ("7 Teilnehmer:") comes along with the sentence it labels, or not at all
            upto = nxt + 1 if nxt + 1 < len(spans) and self._labelled_by(nxt) else nxt
            if not (short or leads_on or sets_amount or (scores[best] > 0 and scores[upto] >= 0.5 * scores[best])):
                break
            if FOOTNOTE_BODY.match(text, spans[nxt][0]):
                break  # a footnote below the paragraph belongs to its mark, not to the sentence before it (QA 33)
            chosen.extend(range(nxt, upto + 1))
            nxt = upto + 1
            # a lead-in taken along that announces a short list brings the list whole ("ein Ziel zu vereinbaren,
            # welches" above three items; QA 20: only the lead-in had been shown, not what the goal must be)
            items = [] if self._is_item(best) else self._short_list_after(chosen[-1])
            if items:
                chosen += items
                break
        # a rule asked about ("muss", "darf", "Pflicht"): an exception the section makes to it further on
        # comes along, so the short answer never reads as a rule without one (QA 5: "Der Leistungserbringer
        # ist verpflichtet, ganztägige Projekttage durchzuführen" without "… kann im Einzelfall … kürzere
        # Präsenzzeit vereinbart werden")
        if (self.asks_rule or REFUSES.search(text[spans[best][0]:spans[best][1]]) or STATES_DUTY.search(text[spans[best][0]:spans[best][1]])) and self._counted(chosen) < MAX_SENTENCES and not any(
                EXCEPTION.search(text[spans[i][0]:spans[i][1]]) for i in chosen):
            later = [i for i in range(chosen[-1] + 1, len(spans)) if EXCEPTION.search(text[spans[i][0]:spans[i][1]])]
            if later:
                chosen.append(max(later, key=lambda i: (scores[i], -i)))
        return chosen

    def labels_next(self, span: tuple[int, int]) -> bool:
        """Whether a shown span is a label of the sentence after it (`_labelled_by`)."""
        i = self.sentences.index(span)
        return i + 1 < len(self.sentences) and self._labelled_by(i)

    def _short_list_after(self, lead: int) -> list[int]:
        """The items of the short list (SHORT_LIST, MAX_ITEMS_SHOWN) sentence `lead` announces: with "wie folgt",
        a colon (`ANNOUNCES`), or a clause left open above a list ("… ein Ziel zu vereinbaren, welches"); else []."""
        text, spans = self.source, self.sentences
        sentence = text[spans[lead][0]:spans[lead][1]]
        # (an item left open above the next item is no lead-in: "4. … im Gesamtplan festgelegt" above "5. …")
        opens = lead + 1 < len(spans) and OPEN_END.search(sentence) and not self._is_item(lead) and self._is_item(lead + 1)
        if not (ANNOUNCES.search(sentence) or opens):
            return []
        items = list_block(text, spans, lead)
        return items if items and spans[items[-1]][1] - spans[lead][0] <= SHORT_LIST and len(items) <= MAX_ITEMS_SHOWN else []

    def _item_completing(self, lead: int) -> list[int]:
        """For a best sentence left open above a list too long to show whole ("Demnach beinhalten die Leistungen
        zum Jobcoaching insbesondere" above four long items), the item that matches the question best, if any does:
        the short answer had stopped at "insbesondere" (QA 32: the Staplerschein, an item further down). Without
        one it ends with " …" (`text`)."""
        text, spans = self.source, self.sentences
        a, b = spans[lead]
        # a clause, not a table's label ("Zieloptionen" above its rows: those come along as successors)
        if not (lead + 1 < len(spans) and OPEN_END.search(text[a:b]) and b - a >= MIN_ALONE
                and not self._is_item(lead) and self._is_item(lead + 1)):
            return []
        items = [i for i in list_block(text, spans, lead) if self._is_item(i)]
        if not items:
            return []
        top = max(items, key=lambda i: (self.scores[i], -i))
        return [top] if self.scores[top] > 0 and self.scores[top] >= ITEM_SHARE * self.scores[lead] else []

    def _is_item(self, i: int) -> bool:
        """Whether sentence `i` begins a list item's line ("- …", "5. …", "Optional: …")."""
        return bool(ITEM.match(self.source, self.source.rfind("\n", 0, self.sentences[i][0]) + 1))

    def _counted(self, chosen: list[int]) -> int:
        """The sentences of `chosen` that count towards MAX_SENTENCES: a label goes with the sentence it labels."""
        return sum(1 for i in chosen if not (i + 1 < len(self.sentences) and self._labelled_by(i)))

    def _labelled_by(self, before: int) -> bool:
        """Whether the sentence before another is a short label on the same line ("Optional: Arbeitgeber, …",
        "MB können sein: Integrationsfachkräfte …"): an item shown without it loses what it is (QA 13)."""
        (a, b), nxt = self.sentences[before], self.sentences[before + 1][0]
        return b - a <= MAX_LABEL and self.source[b - 1] == ":" and "\n" not in self.source[b:nxt]

    def _given_after_frame(self, best: int) -> int | None:
        """For a best sentence that frames the answer (`FRAMES`), the best other sentence that gives one and holds
        FRAME_SHARE of its share; None otherwise."""
        text, spans, scores = self.source, self.sentences, self.scores
        if scores[best] <= 0 or not FRAMES.search(text[spans[best][0]:spans[best][1]]):
            return None
        giving = [i for i, (a, b) in enumerate(spans) if i != best and scores[i] >= FRAME_SHARE * scores[best]
                  and not FRAMES.search(text[a:b])]
        return max(giving, key=lambda i: (scores[i], -i)) if giving else None

    @property
    def text(self) -> str:
        """The highlighted sentences; " …" when the last one breaks off (a list's lead-in that ends
        with "," or ":", or in mid-clause), so a short answer never reads as if it were complete."""
        parts, last = [], None
        for number in self._chosen():
            a, b = self.sentences[number]
            if last is not None and number != last + 1:
                parts.append("…")  # sentences left out between two shown ones
            elif (last is not None and re.search(r"[\w)]$", parts[-1]) and "\n" in self.source[self.sentences[last][1]:a]
                  and self._is_item(last) and not CONJUNCTION_END.search(parts[-1])):
                # list items without a full stop, one per line: "… der InbeQ; Optional: Arbeitgeber, …"; not after a
                # lead-in or an item that reads on ("ein Ziel …, welches sich auf …", "überprüfbar ist sowie die …")
                parts[-1] += ";"
            parts.append(_clean(self.source[a:b]))
            last = number
        out = " ".join(parts)
        # a lead-in left open above its list ("… beinhalten die Leistungen zum Jobcoaching insbesondere") reads on
        opens = (last is not None and last + 1 < len(self.sentences) and not self._is_item(last)
                 and self._is_item(last + 1) and OPEN_END.search(out))
        return out + " …" if re.search(r"[,:;–-]$", out) or opens or CONJUNCTION_END.search(out) else out


# a sentence that draws the section's conclusion ("Das Thema Mindestlohn kann sich also während der InbeQ nicht
# stellen.", "Um die Frage konkret zu beantworten: Nur EGZ-SB …") states the answer the sentences before it argue
# for: among sentences that match the question it counts CONCLUSION_BONUS more (hand-set; QA 24-26, where "Kurz:"
# had shown an argument, a Nachtrag or a neighbouring case). "also" only after a verb ("kann sich also"), not as
# "that is" ("…, also nach Qualifizierung und Vermittlung"). Measured on eval/highlight (key sentence first 0.572 ->
# 0.574, shown 0.704 -> 0.706) and on the probe and blind sets' expected passages in "Kurz:" (1 146 -> 1 162 of
# 1 992 first-place hits; 0.5: 1 163, "also" anywhere: 1 161 but eval/highlight 0.570 / 0.701); rankings unchanged
CONCLUSION_BONUS = 0.25
CONCLUDES = re.compile(r"\b(?:somit|folglich|im ergebnis|zusammenfassend|konkret zu beantworten|das bedeutet"
                       r"|(?:ist|sind|kann|können|besteht|bestehen|gilt|gelten|liegt|kommt|wird|werden|hat|haben)\s+(?:\w+\s+)?also)\b",
                       re.IGNORECASE)
# a conclusion for a case ("Wenn die Tarifbestimmungen … keine Vergünstigung vorsehen, kann somit …") is not the rule's
CONDITIONAL = re.compile(r"\W*(?:wenn|falls|sofern|soweit)\b", re.IGNORECASE)


# the start of a list item's line: "- ", "* ", "1. ", "2) ", "a) ", or a label ("Zwingend: ", "Optional: ")
ITEM = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)]|[a-z]\)|[A-ZÄÖÜ][\w/-]{0,30}:)[ \t]")
MAX_ITEMS = 15
SHORT_LIST = 450  # characters from a lead-in to the end of its list: shown whole (400 until QA 20: three criteria of 408)
MAX_ITEMS_SHOWN = 5
ITEM_SHARE = 0.5  # an item completing an open lead-in holds this share of the lead-in's (as FRAME_SHARE)


def list_block(text: str, spans: list[tuple[int, int]], lead: int) -> list[int]:
    """The sentences of the list a lead-in announces: those after it up to a paragraph that is no list
    item (items follow on their own lines, a blank line between them or not; an item may hold more than
    one sentence; a paragraph that starts with a label, "Zwingend: …", "Optional: …", is an item too)."""
    block: list[int] = []
    for j in range(lead + 1, min(len(spans), lead + 1 + MAX_ITEMS)):
        gap = text[spans[j - 1][1]:spans[j][0]]
        line_start = text.rfind("\n", 0, spans[j][0]) + 1
        if block and re.search(r"\n[ \t]*\n", gap) and not ITEM.match(text, line_start):
            break
        block.append(j)
    return block


def sentence_weights(text: str, spans: list[tuple[int, int]]) -> tuple[float, ...]:
    """Per sentence, how much its share of the question counts in choosing the short answer: 1 + CONCLUSION_BONUS
    for a conclusion (`CONCLUDES`, not for a case: `CONDITIONAL`), FOOTNOTE_SHARE for a footnote's text below a
    paragraph ("⁵ Im Rechtskreis SGB III …": it qualifies the paragraph, it does not state its rule; QA 36, asked how
    often the Eingliederungsvereinbarung is reviewed, a footnote on the first three months had been shown instead of
    "spätestens nach Ablauf von 6 Monaten"), else 1."""
    out = []
    for a, b in spans:
        sentence = text[a:b]
        w = (1 + CONCLUSION_BONUS) if CONCLUDES.search(sentence) and not CONDITIONAL.match(sentence) else 1.0
        out.append(w * FOOTNOTE_SHARE if FOOTNOTE_BODY.match(text, a) else w)
    return tuple(out)


def best_sentences(query: AnalysedQuery, text: str, spans: list[tuple[int, int]],
                   sentence_terms: list[frozenset[str]], weights: tuple[float, ...] | None = None) -> Highlight:
    """The sentences of a text (its `spans` and their terms) that answer the question best;
    `weights`: the sentences' `sentence_weights`, when already known (a unit's, kept with it)."""
    if not spans:
        return Highlight("", 0.0, [], [], 0)
    scores = coverages(query, sentence_terms)
    score = max(scores)
    told_query = _numbers_told_less(query)
    if told_query is not query:
        scores = coverages(told_query, sentence_terms)
    if weights is None:
        weights = sentence_weights(text, spans)
    scores = [v * w if v > 0 else v for v, w in zip(scores, weights)]
    best = max(range(len(spans)), key=lambda i: (scores[i], -i))
    part_best = []
    for part in query.parts:
        part_scores = coverages(part, sentence_terms)
        top = max(range(len(spans)), key=lambda i: (part_scores[i], -i))
        part_best.append(top if part_scores[top] > 0 else -1)
    return Highlight(text, score, spans, scores, best, quantity_asked(query.text), rule_asked(query.text), tuple(part_best),
                     advice_asked(query.text))


# a number the question tells and does not ask for ("wenn ein TN zehn Wochen krank ist"), and the measure after it,
# count this much in choosing the sentences shown (hand-set; QA 20: "(10 Wochen)" in the passage had chosen its sentence);
# the ranking's `sentence` feature counts them in full
TOLD_NUMBER_WEIGHT = 0.3
MEASURE_WORD = re.compile(r"(?:tag|woche|monat|jahr|stunde)")


def _numbers_told_less(query: AnalysedQuery) -> AnalysedQuery:
    """The query with the numbers it tells (and their measures) at TOLD_NUMBER_WEIGHT, or itself when it tells none
    or asks for a quantity; built once per query, not once per candidate unit (kept in `query.memo`)."""
    if "numbers_told" not in query.memo:
        numbers = {c.term.position for c in query.concepts if _is_number(c)}
        told_query = query
        if numbers and not quantity_asked(query.text):
            told = numbers | {c.term.position for c in query.concepts
                              if c.term.position - 1 in numbers and MEASURE_WORD.match(c.term.folded)}
            told_query = AnalysedQuery(query.text, [replace(c, weight=c.weight * TOLD_NUMBER_WEIGHT) if c.term.position in told else c
                                                    for c in query.concepts], query.corrections,
                                       background=query.background, parts=query.parts)
        query.memo["numbers_told"] = told_query
    return query.memo["numbers_told"]


def _is_number(c) -> bool:
    f = c.term.folded
    return bool(number_alias(f) or re.fullmatch(r"\d+(?:[.,]\d+)?[a-z]?", f))


# a paragraph's outline number ("2.3.2. Der Jobcoach soll …"): the section shows it, a short answer reads without it (QA 32)
OUTLINE_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-ZÄÖÜ])")


# the label of the answer in a Q&A unit, where it runs on into the answer's first sentence ("Antwort (BA 12/2014): § 16
# Abs. 6 VOL/A verpflichtet …"): the card names who answered and when (QA 33)
ANSWER_LABEL = re.compile(r"^\s*Antwort\b[^.!?:\n]{0,30}:\s+(?=\S)")
# a table row's first cell that only numbers the row ("| 8 | Zeitnah zum Beginn …"; QA 33)
ROW_NUMBER = re.compile(r"^\s*\|?\s*\d{1,3}\s*\|\s*(?=\S)")


def _clean(s: str) -> str:
    s = ANSWER_LABEL.sub("", ROW_NUMBER.sub("", OUTLINE_NUMBER.sub("", s)))
    s = re.sub(r"\n[ \t]*[-*•][ \t]+", " ", s)  # a list item inside a sentence reads on
    s = re.sub(r"\s*\|(?:\s*\|)*\s*", " – ", s.strip(" |"))  # an empty cell adds no dash
    s = FOOTNOTE_MARK.sub("", s)  # "ausgeglichen ist.[1]": a screen reader reads the mark aloud (QA 9)
    return re.sub(r"\s+", " ", s).strip()
