"""Quantities: a question that asks for one is answered by a passage that states one.

"Wie lange …", "wie viele …", "wie hoch …", "wie oft …" ask for a number with its measure
("60 Fachleistungsstunden", "bis zu 12 Monate", "1 Qualifizierungstrainer zu 5 Teilnehmern"), or
how often without a measure ("einmal jährlich", "monatlich").
A passage that names the asked topic but states no quantity at all often only mentions it: the
BAG UB's Sonderfrage on the Werkstatt's Eingangsverfahren says nothing about how long it takes;
the BW rules on billing name "Fachleistungsstunden" but not how many are granted.

The ranker feature `quantity_miss` is 1 when the question asks for a quantity and the unit's
heading and text hold none, else 0. Of the authored questions that ask for one, 73 % belong to
a unit that holds a quantity; of all units, 37 % do (2026-12-02). The weight is fitted with the
others (tools/calibrate.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

_COUNT = (r"\d+(?:,\d+)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig"
          r"|dreißig|vierzig|fünfzig|sechzig|achtzehn|vierundzwanzig|sechsunddreißig|halbe[ns]?|anderthalb|doppelte[n]?")
_ONE = r"eine[nmr]?|ein"
_MEASURE = (r"(?:tag|woche|monat|jahr|stunde|fachleistungsstunde|wochenstunde|zeitstunde|maßnahmemonat|teilnehmermonat"
            r"|halbjahr|quartal|euro|€|prozent|%|mal\b|teilnehm|tn\b|platz|plätze|stelle|vollzeit|mitarbeit"
            r"|qualifizierungstrainer|person|kalendertag|arbeitstag|werktag|minute)")


def _quantity(number: str) -> re.Pattern:
    """A number, perhaps a range ("3 bis 6"), then its measure, at most one word apart ("12 weitere Monate")."""
    return re.compile(r"(?<![\w§])" + number + r"\b(?:\s*(?:[-–]|bis|oder|und)\s*" + number + r"\b)?\s*(?:\w+\s+)?"
                      + _MEASURE, re.IGNORECASE)


# how often, said without a number and its measure ("einmal jährlich", "monatlich", "jede Woche"): the
# answer to "wie oft"
FREQUENCY = re.compile(r"\b(?:(?:ein|zwei|drei|vier)mal|(?:halb|viertel)?jährlich|monatlich|wöchentlich|täglich"
                       r"|jede[nrsm]?\s+(?:Tag|Woche|Monat|Quartal|Jahr)|pro\s+(?:Tag|Woche|Monat|Quartal|Jahr))\b", re.IGNORECASE)
# a duration said as an adjective ("im Rahmen der grds. zweijährigen Qualifizierungsmaßnahme", "einer 6-monatigen
# Erprobung"): the answer to "wie lange dauert …" as much as "zwei Jahre" is (probe 6: it had counted as no quantity)
DURATION = re.compile(r"\b(?:\d+-?|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|achtzehn|vierundzwanzig"
                      r"|halb|anderthalb)(?:jährig|monatig|wöchig|tägig|stündig)", re.IGNORECASE)
QUANTITY = _quantity(f"(?:{_COUNT}|{_ONE})")
# the same without "ein"/"eine" as the number ("eine Stelle", "ein Platz" name a thing, not an
# amount): the highlight's sentence for a quantity question states a number (retrieval/sentences.py)
STATED = _quantity(f"(?:{_COUNT})")
ASKS = re.compile(r"\bwie ?(?:lange?|viele?|hoch|oft|gro(?:ß|ss))\b|\bwieviele?\b|\bab welchem alter\b|\bwie alt\b",
                  re.IGNORECASE)


def asks_quantity(question: str) -> bool:
    """Whether a question asks how long, how many, how much, how often, how old."""
    return ASKS.search(question) is not None


def holds_quantity(text: str) -> bool:
    """Whether a passage states a number with its measure."""
    return QUANTITY.search(text) is not None or FREQUENCY.search(text) is not None or DURATION.search(text) is not None


# "wie hoch", or a quantity asked of money ("wie viel Ausbildungsgeld"), asks for an amount of
# money or a rate: "12 Monate" of a qualifying period is no answer to it
ASKS_AMOUNT = re.compile(r"\bwie ?hoch\b", re.IGNORECASE)
MONEY_WORDS = re.compile(r"geld|lohn|gehalt|euro|€|kost|verdien|bezahl|vergütung|verguetung|entgelt|betrag|zuschuss|budget|pauschale",
                         re.IGNORECASE)
AMOUNT = re.compile(r"(?<![\w§])\d+(?:[.,]\d+)*(?:,[-–])?\s*(?:euro\b|€|prozent\b|%)", re.IGNORECASE)  # "480,- Euro"


# a point in time asked ("bis wann", "an welchem Wochentag", "von wann ist …", "Frist"): for the highlight
# only (the ranker's `quantity_miss` reads `asks_quantity`); "wann darf …" asks as often for a condition
# as for a time, so a plain "wann" counts only beside a word for a date or a meeting
ASKS_TIME = re.compile(r"\b(?:bis|ab|von|seit) wann\b|\bwochentag\w*|\ban welche[mn] (?:tag|wochentag|datum)(?:en)?\b"
                       r"|\bzu welchem zeitpunkt\b|\bwie fr(?:ü|ue)h\b|\bwie lange vorher\b|\bfrist\w*"
                       r"|\bwann\b(?=[^?.!]*\b(?:termin|treffen|gespr(?:ä|ae)ch\w*|datum|stichtag|unterlagen|einladung)\b)",
                       re.IGNORECASE)
ASKS_WEEKDAY = re.compile(r"\bwochentag\w*|\ban welche[mn] tag(?:en)?\b", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?\b", re.IGNORECASE)
# a sentence that says when: a weekday, a date, "spätestens", "unmittelbar nach …", "vor Beginn", "innerhalb von"
TIME_STATED = re.compile(WEEKDAY.pattern + r"|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}"
                         r"|\b\d{1,2}\.\s?(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b"
                         r"|\bspätestens\b|\bunverzüglich\b|\bunmittelbar (?:nach|vor|im Anschluss)\b|\binnerhalb (?:von|der|des)\b"
                         r"|\b(?:vor|nach|bei|zu) (?:dem )?(?:Beginn|Ablauf|Ende|Zuschlag|Abschluss)\b|\bim Anschluss an\b"
                         r"|\b(?:Wochen|Monate|Tage|Werktage|Arbeitstage) (?:vor|nach)\b", re.IGNORECASE)


# a sum asked with "welche" ("Welche Monatspauschale bekommt der IFD …?"; QA 20: the highlight had left out the 480 Euro)
ASKS_WHICH_SUM = re.compile(r"\bwelche[nrs]?\s+(?:\w+\s+)?\w*(?:pauschale|vergütung|verguetung|betrag|entgelt|stundensatz)\b",
                            re.IGNORECASE)


@lru_cache(maxsize=1024)  # asked once per candidate unit of a question (retrieval/sentences.py)

def quantity_asked(question: str) -> str:
    """What a question asks for: "amount" (wie hoch: money, a rate), "number" (how long, how
    many, how often), "time" (when: `ASKS_TIME`), "weekday" (on which day of the week), or "" (none of them)."""
    m = ASKS.search(question)
    if m is None and ASKS_WHICH_SUM.search(question):
        return "amount"
    if m is None:
        return ("weekday" if ASKS_WEEKDAY.search(question) else "time") if ASKS_TIME.search(question) else ""
    if MONEY_WORDS.search(question) or (ASKS_AMOUNT.fullmatch(m.group(0)) and len(ASKS.findall(question)) == 1):
        return "amount"
    return "number"


# how a sum is set, where the documents state no sum: "Die konkrete Höhe richtet sich nach § 124
# SGB III …" answers "Wie hoch ist das Ausbildungsgeld?" as far as the documents go
AMOUNT_RULE = re.compile(r"\b(?:[Dd]ie|[Dd]er|[Dd]eren|[Dd]essen)\s+(?:\w+\s+)?(?:Höhe|Betrag)\b[^.]*\b(?:richtet|bemisst|ergibt)\s+sich\b")


def states_amount_rule(sentence: str) -> bool:
    """Whether a sentence says what a sum depends on ("Die konkrete Höhe richtet sich nach …")."""
    return AMOUNT_RULE.search(sentence) is not None


def states_quantity(sentence: str, asked: str) -> bool:
    """Whether a sentence states what `quantity_asked` found asked: an amount of money or a
    rate, or a number with its measure ("2,5 … Arbeitstagen", "sechs Monaten")."""
    if asked == "amount":
        return AMOUNT.search(sentence) is not None
    if asked == "time":
        return TIME_STATED.search(sentence) is not None
    if asked == "weekday":
        return WEEKDAY.search(sentence) is not None
    return any(p.search(sentence) is not None for p in (STATED, FREQUENCY, DURATION))


# A sum in euro or a price asked for itself ("wie viel Euro Ausbildungsgeld …", "Welchen Preis pro
# Teilnehmerplatz …", "fachleistungsstunde preis euro"). The documents state how sums are set, not
# what they are: none of the authored questions asks one, and every such question of the probe sets
# (eval/probe, /work sets of 2026-12) is one the documents do not answer. A passage that states no
# sum in euro is then offered, not given as the answer (assistant/service.py).
_STAFF = r"(?:jobcoach\w*|qualifizierungstrainer\w*|trainer(?:in|innen)?|\bqt\b|mitarbeiter\w*|fachkr(?:ä|ae)ft\w*|personal)"
ASKS_EURO = re.compile(
    r"\b(?:wie ?viele?|wieviel|welche[nrs]?|genau(?:e[nrs]?)?)\s+(?:\w+\s+)?(?:euro\b|€)|\bin euro\b|\beuro\s*betrag"
    r"|\b(?:preis|euro|€)\s*(?:pro|je)\s+\w+|\bwelche[nrs]? (?:\w+ )?(?:preis|stundensatz|kostensatz|tagessatz)\b"
    r"|\bwie hoch ist (?:der|die) (?:\w+ )?(?:preis|kostensatz|stundensatz|tagessatz)"
    # a rate asked in everyday words ("wie viel geld kriegt der jobcoach pro stunde"; QA 9)
    r"|\bwie ?viel (?:geld|kohle|knete)\b[^?.!]{0,40}\b(?:pro|je) (?:stunde|fachleistungsstunde|std)\b"
    r"|\bpreis\w*\s+(?:in\s+)?euro\b|\beuro\s+preis"
    # a price asked outright ("was kostet eine Fachleistungsstunde", "wie teuer ist …", "was verdient ein
    # Jobcoach"; QA 4), not whether the asker pays ("was kostet uns das", "was kostet das für die Eltern")
    r"|\bwas kostet\b(?!\s+(?:mich|uns|ihn|sie|es|etwas|was)\b)(?!\s+das\s*(?:[?.!,]|$|f(?:ü|ue)r\b|uns\b|mich\b))(?!.*\bf(?:ü|ue)r (?:uns|mich|die eltern)\b)"
    # "… und was kostet sie?" at the end of a question on a course: the price of what was named (QA 12)
    r"|\bund was kostet (?:sie|es|er)\s*\?"
    r"|\bwie teuer\b|\bwas verdien(?:t|en)\s+(?:ein|eine|man|die|der)\b"
    # the staff's pay ("jobcoach gehalt", "Eingruppierung Qualifizierungstrainer"; QA 21): the documents set no pay
    r"|\b(?:gehalt|gehälter|verdienst|eingruppierung|entgeltgruppe)\b[^?.!]{0,30}\b" + _STAFF
    + r"|\b" + _STAFF + r"[^?.!]{0,30}\b(?:gehalt|gehälter|verdienst|eingruppierung|entgeltgruppe)\b", re.IGNORECASE)
EURO_AMOUNT = re.compile(r"(?<![\w§])\d[\d.,]*\s*(?:,-\s*)?(?:euro\b|€)|€\s*\d", re.IGNORECASE)


def asks_euro(question: str) -> bool:
    """Whether a question asks for a sum in euro or a price."""
    return ASKS_EURO.search(question) is not None


def states_euro(text: str) -> bool:
    """Whether a passage states a sum in euro ("480,- €", "200 Euro")."""
    return EURO_AMOUNT.search(text) is not None


# Contact details asked for themselves ("die Telefonnummer vom Integrationsamt", "integrationsamt mv
# telefonnummer", "formularnummer antrag …"): of the documents only the BA concept's Impressum states one
# (an address). Not a question about them ("eine veraltete Telefonnummer in der Kontaktliste – wer korrigiert
# das?", "darf die Agentur unsere Adresse weitergeben?"): the word must be asked for, right after an article
# or "welche", before "vom/von/des/der", or at either end of a keyword query.
_CONTACT = {
    "phone": r"(?:telefon|handy|fax)(?:nummer|nr\.?)",
    "email": r"e-?mail[- ]?adresse",  # "email adresse" as typed apart (QA 12)
    "address": r"(?:post)?adresse|anschrift",
    "form": r"(?:formular|vordruck)-?(?:nummer|nr\.?)",
}
_CONTACT_WORD = "|".join(f"(?P<{k}{{n}}>{v})" for k, v in _CONTACT.items())
# "Adresse des Integrationsamts" is as often talked about ("reicht die allgemeine Adresse des …?") as asked for
_CONTACT_OF = "|".join(f"(?P<{k}{{n}}>{v})" for k, v in _CONTACT.items() if k != "address")
ASKS_CONTACT = re.compile(
    r"\b(?:die|eine|ne|deren|seine|ihre|welche[rnms]?)\s+(?:" + _CONTACT_WORD.format(n=1) + r")(?![\w-])"
    r"|\b(?:" + _CONTACT_OF.format(n=2) + r")\s+(?:vom|von|des|der)\b"
    r"|\b(?:" + _CONTACT_WORD.format(n=3) + r")\W*$|^\W*(?:" + _CONTACT_WORD.format(n=4) + r")\b", re.IGNORECASE)
KEYWORD_QUERY_WORDS = 5  # "integrationsamt mv telefonnummer": a query this short without a sentence
CONTACT_STATED = {
    "phone": re.compile(r"\b(?:Tel\.?|Telefon|Fax)\s*:?\s*[\d(+]|\(?0\d{2,5}\)?[ /-]?\d{3,}"),
    "email": re.compile(r"[\w.-]+@[\w-]+\.\w+"),
    "address": re.compile(r"\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+"),
    "form": re.compile(r"\b(?:Vordruck|Formular)\w*\s*(?:Nr\.?\s*)?[A-Z]*\s?\d"),
}


# whose contact detail a question asks for: a passage stating another's does not answer it ("die Anschrift
# des Integrationsamts" is not the BA head office's in the Impressum; QA 3)
OFFICES = (r"integrationsamt|inklusionsamt", r"integrationsfachdienst|\bifd\b", r"jobcenter", r"agentur|\bba\b|arbeitsamt",
           r"werkstatt|\bwfbm\b", r"eingliederungshilfe|\begh", r"rentenversicherung|\bdrv\b", r"krankenkasse")


OWNER_CHARS = 40  # "…nummer vom Integrationsamt in Mecklenburg-Vorpommern": whose it is follows the word


def _whose(owner: str, text: str) -> bool:
    """Whether the passage names the office whose detail is asked (`owner`: the words right after the contact
    word, "des Integrationsamts in Rostock"), or no office is named there."""
    return all(re.search(o, text, re.IGNORECASE) for o in OFFICES if re.search(o, owner, re.IGNORECASE))


# A person's name asked for ("wie heißt die Ansprechpartnerin beim Integrationsamt", "Name des zuständigen
# Sachbearbeiters"; QA 6): the documents name roles, not people. Not the name of a role ("Wie heißt die Person,
# die in der InbeQ anleitet?": the Qualifizierungstrainer), so only words for someone one deals with.
_CONTACT_PERSON = (r"(?:ansprechpart\w*|ansprechperson\w*|sachbearbeiter\w*|(?:reha-?)?berater(?:in)?|(?:arbeits)?vermittler(?:in)?"
                   r"|zust(?:ä|ae)ndige[nr]?)")
ASKS_PERSON = re.compile(r"\bwie hei(?:ß|ss)t\s+(?:denn\s+)?(?:der|die|unser|unsere|mein|meine|sein|seine|ihr|ihre)\s+(?:\w+\s+)?"
                         + _CONTACT_PERSON + r"\b|\bnamen?\s+(?:der|des|vom|von|meines|meiner|unseres|unserer)\s+(?:\w+\s+)?"
                         + _CONTACT_PERSON + r"\b"
                         # a name asked outright ("… der ansprechpartner in rostock, ich brauche einen namen"; QA 21)
                         r"|\b(?:brauche|brauchen|suche|suchen|h(?:ä|ae)tte gerne?|wüsste gerne?|wuesste gerne?)\s+(?:\w+\s+)?namen\b"
                         r"|\bnamentlich\b", re.IGNORECASE)
PERSON_STATED = re.compile(r"\b(?:Herr|Frau)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][a-zäöüß]+")
# The date of the next event asked for ("wann ist der nächste Infoabend", "an welchem Datum ist der nächste
# Ausschreibungstermin"; QA 6) or opening hours: a passage on the topic that states no date does not say it.
# Deadlines and meetings the calculators count ("das nächste Planungsgespräch", "der nächste Stichtag") are
# routed before the search and never come here.
ASKS_EVENT_DATE = re.compile(
    r"\b(?:wann|an welchem (?:tag|datum)|welches datum)\b[^?.!]{0,40}?\bn(?:ä|ae)chste[nrs]?\s+(?:\w+\s+)?"
    r"(?:info-?abend|informationsabend|info-?veranstaltung|informationsveranstaltung|veranstaltung|ausschreibung\w*"
    r"|sprechstunde|sprechtag|tag der offenen t(?:ü|ue)r|infotag|messe)\b|\b(?:ö|oe)ffnungszeit", re.IGNORECASE)
DATE_STATED = re.compile(r"\b\d{1,2}\.\s?(?:\d{1,2}\.|(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober"
                         r"|november|dezember)\b)|\b\d{1,2}(?:[.:]\d{2})?\s?uhr\b", re.IGNORECASE)


# A provider near the asker asked for ("Welcher Leistungserbringer macht die Berufsbegleitung in Rostock?", "gibt es in
# leipzig einen anbieter fuer ub", "welche träger gibt es in meiner nähe"; QA 12, QA 13): the documents name roles,
# no providers. Not the role itself ("Welcher Leistungserbringer ist für die Berufsbegleitung zuständig?").
_PROVIDER = r"(?:leistungserbringer|tr(?:ä|ae)ger|anbieter|integrationsfachdienst|ifd|jobcoach(?:ing)?-?(?:dienst|firma)?)"
_NOT_PLACE = r"(?!der\b|die\b|das\b|den\b|dem\b|einer?\b|meine[mnr]?\b|unsere[mnr]?\b|ihre[mnr]?\b|deutschland\b)"
NEAR = re.compile(r"\bin (?:meiner|unserer|der) (?:n(?:ä|ae)he|stadt|region|umgebung|gegend)\b|\bvor ort\b|\bhier in\b"
                  r"|\bgibt es in " + _NOT_PLACE + r"[\w-]{3,} (?:einen|ein|eine|welche)\b"  # "gibt es in leipzig einen …"
                  r"|\bin " + _NOT_PLACE + r"[\w-]{4,}\s*[?.!]?\s*$", re.IGNORECASE)  # "… in Rostock?"
ASKS_PROVIDER = re.compile(r"\b(?:welche[rnsm]?|gibt es\b[^?.!]{0,40}\b(?:einen|ein|eine|welche))\s+(?:\w+\s+)?" + _PROVIDER + r"\b",
                           re.IGNORECASE)
# "welcher Träger zahlt das Jobcoaching in Baden-Württemberg": a payer asked (the Träger der Eingliederungshilfe), no provider
PAYER_ASKED = re.compile(r"zahl|kosten|finanzier|f(?:ö|oe)rder|bewillig|zust(?:ä|ae)ndig", re.IGNORECASE)
PROVIDER_STATED = re.compile(r"\b(?:gGmbH|GmbH|e\.\s?V\.)", re.IGNORECASE)


# A recommendation of one insurer, provider, firm or school over others ("welche krankenkasse ist für inbeq teilnehmer
# am besten", "welcher Träger ist der beste", "welche firma empfehlt ihr"; QA 12): the documents compare none.
_CHOICE = (r"(?:krankenkasse|kasse|versicherung|tr(?:ä|ae)ger|anbieter|leistungserbringer|firma|firmen|betrieb|arbeitgeber|schule"
           r"|jobcoach|ifd|integrationsfachdienst|werkstatt|software|programm)")
ASKS_RECOMMENDATION = re.compile(
    r"\bwelche[rsnm]?\s+(?:\w+\s+)?" + _CHOICE + r"\w*\b[^?.!]{0,60}\b(?:am besten|(?:die|der|das) beste|empfehl\w*|empfiehl\w*|zu empfehlen)"
    r"|\b(?:empfehl\w*|empfiehl\w*)\b[^?.!]{0,30}\b(?:eine[nrm]?|welche[nrsm]?)\s+(?:\w+\s+)?" + _CHOICE, re.IGNORECASE)


def unstated(question: str, text: str) -> str:
    """What a question asks for itself that a passage does not state: "euro" (a sum or a price), "phone",
    "email", "address", "form" (a form's number), "person" (someone's name), "date" (of the next event, or
    opening hours), "provider" (one near the asker), "recommendation" (one insurer, provider or firm over others);
    "" when it asks none of them or the passage states it."""
    if asks_euro(question) and not states_euro(text):
        return "euro"
    if ASKS_PERSON.search(question) and not PERSON_STATED.search(text):
        return "person"
    if ASKS_EVENT_DATE.search(question) and not DATE_STATED.search(text):
        return "date"
    if ASKS_RECOMMENDATION.search(question):
        return "recommendation"
    if (ASKS_PROVIDER.search(question) and NEAR.search(question) and not PAYER_ASKED.search(question)
            and not PROVIDER_STATED.search(text)):
        return "provider"
    for m in ASKS_CONTACT.finditer(question):
        group = next(k for k, v in m.groupdict().items() if v)
        if group[-1] in "34" and len(question.split()) > KEYWORD_QUERY_WORDS:
            continue  # "… oder reicht die allgemeine Adresse?" ends a sentence, not a keyword query
        kind = group[:-1]
        if not CONTACT_STATED[kind].search(text) or not _whose(question[m.end():m.end() + OWNER_CHARS], text):
            return kind
    return ""
