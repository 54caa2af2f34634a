"""A question as the router sees it, its triggers and the named extractors the calculator specs point to.

Each extractor is a plain function `Question -> value` (None when the question does not say), tested in a table
(tests/test_routes.py). An extractor that has to assume something records it with `Question.assume`; the router shows
those assumptions with the result. The calculator specs (`assistant.calculators.registry`) name, per calculator, the
triggers that hand a question to it and which extractor fills which field.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable


from knowledge.analysis.fold import fold
from knowledge.analysis.user_sentences import asking_sentences

from .calculators.base import plural, rule
from .calculators.deadlines import planning_search_start
from .extract import (CLAUSE_END, UNREAD_TIME, relativedelta, ExtractError, FoundDate, find_contract_year, find_dates, find_duration_months, find_extension_months,
                      find_hours_used, find_interruption, find_lots, find_min_places, find_month, find_month_reading, find_months_count,
                      find_participants, find_start_year, find_weekdays, find_years_as_months, mask_dates)


# the words with umlauts the calculators' patterns look for, as stems: a question typed without umlauts
# ("wird um 12 monate verlaengert", "kuendigung zugegangen") gets them back before routing. Only these:
# turning every "ue" into "ü" would make "Dauer" "Daür" and "aktuell" "aktüll".
UMLAUT_STEMS = ("verlänger", "kündig", "beschäftig", "gespräch", "prüf", "läuft", "nächst", "zähl", "verträg", "plätze",
                "möglich", "spätestens", "später", "höchstens", "beträgt", "fängt", "ergänzt", "verhältnis", "zurück",
                "wöchig", "vollständig", "unterstützt", "künftig", "gültig", "grundsätz", "demnächst", "benötig",
                "schlüssel", "württemberg", "thüringen", "märz", "zwölf", "fünf", "über", "für", "müssen", "dürfen",
                "können", "länder")
_TRANSLITERATED = re.compile(r"[A-Za-zäöüÄÖÜß]*(?:ae|oe|ue)[A-Za-zäöüÄÖÜß]*", re.I)
_MASSNAHME = re.compile(r"(ma)ss(nahme)", re.I)  # "massnahme", "Inbeq-Massnahme": the patterns write "maßnahme"
_BACK = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def with_umlauts(text: str) -> str:
    """`text` with the umlauts put back in the words of `UMLAUT_STEMS` ("verlaengert" -> "verlängert",
    "Ueberpruefung" -> "Überprüfung", "planungsgespraech" -> "planungsgespräch") and the ß in "Maßnahme";
    other words as typed."""
    def back(m: re.Match) -> str:
        word = m.group(0)
        meant = re.sub(r"[aou]e", lambda x: _BACK[x.group(0)[0]], word, flags=re.I)
        low = meant.lower()
        hit = any(low.startswith(stem) if len(stem) < 5 else stem in low for stem in UMLAUT_STEMS)
        return meant if hit else word

    return _MASSNAHME.sub("\\1ß\\2", _TRANSLITERATED.sub(back, text))


def _has(text: str, pattern: str) -> bool:
    return re.search(pattern, text, re.I) is not None


@dataclass
class Question:
    """A question with what the extractors found in it (computed once, on demand)."""

    text: str
    today: dt.date
    assumed: list[str] = field(default_factory=list)  # what extractors had to assume, in the order they did
    reread: dict[int, dt.date] = field(default_factory=dict)  # a date without a year read anew in context, by its offset
    memo: dict = field(default_factory=dict)  # extractors' results that several fields share (the date ranges)

    @cached_property
    def dates(self) -> list[FoundDate]:
        found = find_dates(self.text, self.today)
        stand = _stand_of(self.text, found)
        if stand is not None and stand.value != self.today and any(d.year_assumed for d in found if d is not stand):
            # "Heute ist der 15.1. – Integration am 30.7.?": dates without a year are read from the stated day
            again = find_dates(self.text, stand.value)
            found = [d if d.start == stand.start else e for d, e in zip(found, again)] if len(again) == len(found) else found
        return found

    @cached_property
    def events(self) -> list[FoundDate]:
        """The dates of the question other than the day it says it is asked on ('Stand …', 'heute ist der …')."""
        stand = _stand_of(self.text, self.dates)
        return [d for d in self.dates if d is not stand]

    @cached_property
    def masked(self) -> str:
        """The text without its dates, so their digits are not read as counts."""
        return mask_dates(self.text, self.today)

    @property
    def first(self) -> dt.date | None:
        return self.events[0].value if self.events else None

    def has(self, pattern: str) -> bool:
        return _has(self.text, pattern)

    @cached_property
    def asked_part(self) -> str:
        """The sentences that ask (end in "?") of a text of several sentences, else the whole text: in
        "Eine TN ist nur vier Stunden am Tag belastbar. Muss sie den ganzen Projekttag anwesend sein?"
        the hours are told, not asked for. "6. Monat" does not end a sentence."""
        return " ".join(asking_sentences(self.text)) or self.text

    def asks(self, pattern: str) -> bool:
        """Whether `pattern` matches in the asking sentences (`asked_part`)."""
        return _has(self.asked_part, pattern)

    def assume(self, *texts: str) -> None:
        for t in texts:
            if t not in self.assumed:  # an extractor called twice assumes once
                self.assumed.append(t)

    @property
    def assumptions(self) -> list[str]:
        """How the dates were read (year added, month only)."""
        return self.assumptions_for(None)

    def assumptions_for(self, used: set[dt.date] | None) -> list[str]:
        """How the dates were read, only those whose day a calculation reads (`used`) when it reads any of them
        (QA 35: a trip's "21.07." had been listed beside a count of days off from the entry to "Ende Juni");
        all of them when `used` is None or meets none (a date the calculation derives from one it read)."""
        dates = self.dates
        if used is not None:
            read = [d for d in dates if self.reread.get(d.start, d.value) in used]
            dates = read or dates
        out = []
        for d in dates:
            if d.year_assumed and d.month_only:
                out.append(f"„{d.text}“ als {self.reread.get(d.start, d.value).strftime('%d.%m.%Y')} gelesen ({d.part}, Jahr ergänzt).")
            elif d.year_assumed:
                out.append(f"Jahr ergänzt: „{d.text}“ als {self.reread.get(d.start, d.value).strftime('%d.%m.%Y')} gelesen.")
            elif d.month_only:
                out.append(f"„{d.text}“ als {d.value.strftime('%d.%m.%Y')} ({d.part}) gelesen.")
            elif d.relative:
                how = "von heute ({}) zurückgerechnet" if d.value < self.today else "ab heute ({})"
                out.append(f"„{d.text}“ {how.format(self.today.strftime('%d.%m.%Y'))} als {d.value.strftime('%d.%m.%Y')} gelesen.")
        return out


@dataclass(frozen=True)
class Trigger:
    """One way a question asks for a calculation: every pattern of `all_of` matches, none of `none_of`, `asked`
    matches in a sentence that asks (`Question.asks`), a date is named (unless `date` is False, or `date_or` matches
    instead), and each extractor in `needs` finds something. Patterns are case-insensitive regular expressions;
    `needs` are checked last (they may raise for bad input)."""

    all_of: tuple[str, ...]
    none_of: tuple[str, ...] = ()
    date: bool = True
    date_or: str = ""
    needs: tuple[Callable[[Question], object], ...] = ()
    asked: str = ""

    def fires(self, q: Question) -> bool:
        if self.date and not q.dates and not (self.date_or and q.has(self.date_or)):
            return False
        return (all(q.has(p) for p in self.all_of) and not any(q.has(p) for p in self.none_of)
                and (not self.asked or q.asks(self.asked))
                and all(need(q) is not None for need in self.needs))


# -------------------------------------------------------------- shared patterns
EMPLOYMENT = r"beschäftigung|arbeitsverhältnis|arbeitsvertrag|eingestellt|einstellung|arbeitsbeginn|arbeitsaufnahme|anstellung|job"
LATE = r"nachmeld|noch (?:an|nach)melden|noch anmelden|zu spät|verpasst"
PRE2016 = r"vor 2016|bis 2015|altvertr|alte[nrm]? vertr|(?:ä|ae)ltere[nrm]? vertr|teilnehmermonat|teilnehmer-monat"
FROM2016 = r"(?:ab|nach|seit|von) 2016|neuvertr|neue[nrm]? vertr|teilnehmerpl[aä]tze|teilnehmer-pl[aä]tze"
# a post or position ("Stelle", "Vollzeitstelle", "Planstellen"), not an office ("Beratungsstelle",
# "Dienststelle", "Anlaufstelle") nor a job ("Arbeitsstelle")
POST = (r"(?<![^\W\d_])stellen?(?:anteil)?\b(?![^?.!]{0,40}\b(?:verlor|gefunden|bekomm|gewechselt|angetreten|gekündigt|gekuendigt))"
        r"|(?:vollzeit|plan|personal|teilzeit)stelle")  # not a participant's job: "hat seine Stelle verloren/gefunden" (QA 3)
# participants and a month of the measure and nothing else, the whole question: "8 Teilnehmer im 13. Monat", "bei 8 TN,
# Monat 13?", "acht TN im dreizehnten Maßnahmemonat"
TERSE_STAFFING = (r"^\W*(?:(?:bei|mit)\s+)?\w+\s+(?:tn|teilnehm\w*)\W+(?:(?:im|in|ab)\s+(?:dem\s+)?)?"
                  r"(?:\w+\.?\s+(?:maßnahme|massnahme)?monat|(?:maßnahme|massnahme)?monat\s+\w+)\W*$")
# the Mindestteilnehmerplatzzahl, a word of staffing only ("6 TN, Monat 6, MTPZ 7")
MIN_PLACES_WORD = r"mindest(?:teilnehmer|platz|plätze|plaetze|-?tn\b)|\bmtpz\b"
# staff as the measure counts it: "Personal", "Personalansatz", "Personalschlüssel" …, not the
# "Personalleiterin" or "Personalabteilung" of an employer's post
STAFF = (r"personal(?!leit|abteil|chef|rat\b|rät|akte|büro|buero|entwicklung|wechsel|fragen|ausweis)|wochenstunden|stunden|\bstd\b"
         r"|vollzeit|\bvz[äa]e?\b|" + POST + r"|fachkr|qualifizierungstrainer|trainer|\bqt\b|betreuungsschlüssel")
# the amount asked for (a post named is no amount: "wie schreibe ich die Stelle aus?")
AMOUNT = (r"wie viel|wieviel|wie viele|wie hoch|wie groß|brauch|benötig|vorhalt|rechn|umfang|stunden|vollzeit|\bvz[äa]e?\b|anteil"
          r"|schlüssel|bedarf|einsetz|personaleinsatz|einplan")
# what counts towards the staff ("Zählt die Fahrzeit als Einsatzzeit beim Personalschlüssel?"): a rule, no amount
COUNTS_AS = r"\b(?:zählt|zaehlt|zählen|zaehlen)\b[^?.!]{0,60}\bals\b|anrechn|angerechnet"
# a question word: the terse "personal bei 8 teilnehmern im 6. monat" asks nothing else
ASKS_OTHER = r"\b(?:wie oft|warum|wieso|weshalb|wer|wo|wofür|wofuer|wozu|welche[rsnm]?|ob)\b"
# the hours a participant spends in the company ("Wie viele Wochenstunden muss ein Teilnehmer im
# Betrieb verbringen?"), not the staff the provider keeps for them
# hours a participant is given, not staff a provider keeps: "Wie viele Stunden Jobcoaching bekommt ein Teilnehmer in BW?"
# (QA 45: "ein Teilnehmer" had been read as one participant of an InbeQ and the staffing computed)
PARTICIPANT_GETS = (r"\b(?:bekommt|bekommen|kriegt|kriegen|erhält|erhaelt|erhalten)\s+(?:ein|eine|der|die|jede[rn]?|unser|unsere|mein|meine)\s+"
                    r"(?:tn|teilnehmer(?:in)?|teilnehmende[r]?|werkstattbesch\w+)\b"
                    r"|\bsteh(?:t|en)\s+(?:einem|einer|dem|der|jedem|jeder)\s+(?:tn|teilnehm\w*|werkstattbesch\w+)\b[^?.!]{0,30}\bzu\b")
PARTICIPANT_TIME = (r"verbring|anwesend|arbeitszeit|im betrieb (?:arbeit|sein|eingesetzt)|bei uns (?:im betrieb )?eingesetzt"
                    # a participant's capacity on the Projekttag (QA 14: "wenn ein TN nur 4 Stunden belastbar ist")
                    r"|belastbar|projekttag|präsenzzeit|praesenzzeit"
                    r"|\b(?:ein|eine|der|die|unser|unsere)\s+(?:tn|teilnehmer(?:in)?|teilnehmende[r]?)\b[^?.!]{0,50}\b(?:arbeiten|arbeitet|im betrieb)\b")
INTEGRATION_OFFICE = r"integrationsamt|inklusionsamt|\binta\b|\bIA\b"  # "wann spätestens IA unterrichten?" (QA 14)
# days off without instruction, as the rule says it or in other words
DAYS_OFF = r"unterweisungsfrei|urlaub|ohne unterweisung|freie tage|\buwf\b"  # "uwf. Tage" (QA 14)
KOOPERATIONSPLAN = r"kooperationsplan|koop\.?[- ]?plan"
# the end of the measure: "Ende", "Maßnahmeende", "endet" (not "Teilnehmende", "verwendet")
END_WORD = r"\bende\b|(?:maßnahme|massnahme|teilnahme|qualifizierungs|inbeq-?)ende\b|\benden\b|(?<!w)endet\b|enddatum|endtermin"
# the end of the measure told as a date, not asked for
END_TOLD = r"(?:endet|endete|ende(?:t)?\s+ist|läuft|lief)\s+(?:am|zum|mit dem)\s+\d"
# a date asked for: a calculator of deadlines answers "wann …?", not "Das Gespräch war am 12.03. –
# muss ich das Protokoll schicken?"
ASKS_WHEN = (r"wann|frist|spätest|spaetest|termin|datum|wie lange|nächst|naechst|rechtzeitig|wirksam"
             r"|bis zum|ab welchem|an welchem|welche[nmr]? tag")
# a review of an agreement asked for, not only its name and a date ("das Konzept … vom Juni 2023")
REVIEW = r"prüf|pruef|fortschreib|fortgeschrieben|aktualisier|anpass|erneuer|wann|frist|spätestens|spaetestens|nächst|naechst|termin|ablauf|läuft"
WHAT_TO_DO = (r"\bwas (?:soll|sollen|darf|dürfen|muss|müssen|kann|können)\b.*\b(?:machen|tun|anfangen)\b"
              r"|\b(?:wofür|wofuer|wozu)\b.*\b(?:nutzen|verwenden|einsetzen|machen|tun)\b")  # "Wofür soll der QT die Stunden nutzen?"
INTERRUPTED = r"(?:unterbroch|unterbrech|krank|pausiert|ausgesetzt|Pause|Unterbrechung)"
STARTED = r"angefangen|begonnen|begann|gestartet|angetreten|beginnt|fängt .*an|startet"
# a start wished for, in a clause of its own ("damit mein sohn am 1. august anfangen kann"): the date is no start
# of the measure to count from, and "bis wann" asks what to do before it (QA 6: "bis wann muss ich den antrag …
# abgeben, damit …" had been answered with the end of the InbeQ)
WISHED_START = (r"\b(?:anfangen|beginnen|starten|einsteigen|anzufangen|zu beginnen|zu starten)\s+"
                r"(?:kann|könnte|koennte|soll|sollte|möchte|moechte|will|darf|dürfte|duerfte)\b")
FINISHED = r"fertig|vorbei|zu ende|aufhör|schluss|wie lange|bis wann"
# a pause asked about ("Betriebsurlaub der WfbM im August – wird das Jobcoaching-Kontingent dann angehalten?";
# QA 7): the date is the pause's, and no calculator counts a pause of the Jobcoaching
PAUSED = r"betriebsurlaub|betriebsferien|sommerferien|\bpause|pausier|angehalten|anhalten|ruht\b|ruhen\b|ausgesetzt|aussetzen"
OTHER_MEASURE = r"jobcoach|berufsbegleitung|praktikum|ausbildung|arbeitsvertrag|beschäftigung|kooperationsplan|eingliederungsvereinbarung"
# what came before the InbeQ and ends ("nach einer bvb die im juli 2026 endet noch eine ub anfangen"; QA 14): its end is
# no end of the measure
BEFORE_MEASURE = r"\bbvb\b|berufsvorbereit|\bschule\b|schulzeit|schulabschluss|förderschule|foerderschule"
# programmes whose days and durations the InbeQ's rules do not govern ("seit 3 Monaten in der Werkstatt … Urlaub?");
# the router's own pattern, kept to the "programmes" of corpus/adjacent_topics.yaml (which the ranker reads from the index)
OTHER_PROGRAMME = (r"werkstatt|wfbm|berufsbildungsbereich|eingangsverfahren|arbeitsbereich|berufsbildungswerk|\bbbw\b"
                   r"|inklusionsbetrieb|inklusionsfirma|minijob|studium")
# the measure itself: named, it outweighs a programme named beside it ("war in der Werkstatt, jetzt in der InbeQ")
THE_MEASURE = r"inbeq|\bub\b|unterstützte beschäftigung|maßnahme|massnahme|qualifizierung"


# a post that only vents or complains ("… bin einfach nur erschöpft. Das musste mal raus.", "… ich finde das eine
# Frechheit!"; QA 18): its figures are the story, not a calculation asked for
VENTS = re.compile(r"musste (?:\w+ )?(?:mal )?raus|frechheit|unverschämt|unverschaemt|\bich finde das\b|f(?:ü|ue)hle mich"
                   r"|\b(?:bin|sind) (?:\w+ ){0,3}(?:erschöpft|erschoepft|fertig|sauer|genervt|wütend|wuetend|frustriert|verzweifelt)\b"
                   r"|\bich kann nicht mehr\b", re.IGNORECASE)
ASKS_ANYTHING = re.compile(r"\?|\b(?:wie|wann|was|wer|wo|welche[nmrs]?|wieviele?|wieso|warum|weshalb|ob|wem|wen)\b"
                           r"|berechn|ausrechn|rechne|ermittl|\bbitte\b|wissen", re.IGNORECASE)


def only_vents(text: str) -> bool:
    """Whether a text vents or complains and asks nothing: no question mark, no question word, no request."""
    return VENTS.search(text) is not None and ASKS_ANYTHING.search(text) is None


# -------------------------------------------------------------- dates
def employment_date(q: Question) -> FoundDate | None:
    """The date the employment starts: the date next to 'Beschäftigung beginnt', 'Arbeitsvertrag ab', 'eingestellt zum' …,
    or followed by 'an zu arbeiten' ('fängt am 1. Januar an zu arbeiten')."""
    for d in q.dates:
        before = re.split(r"[.!?;:]\s", q.masked[max(0, d.start - 60):d.start])[-1]  # this sentence only
        after = re.split(r"[,.!?;:]\s", q.masked[d.end:d.end + 40])[0]
        # after the date: "fängt am 1. Januar an zu arbeiten", "ab 01.03.2027 einen Arbeitsvertrag in Aussicht", "will sie zum
        # 15.08.2027 fest übernehmen" (QA 18: the InbeQ's start, named first, had been taken for the employment's)
        if _has(before, EMPLOYMENT) or _has(after, r"^\W*(?:\w+\s+){0,2}?(?:an zu arbeiten|zu arbeiten|eingestellt|angestellt"
                                                   # "will ihn zum 31.08.2027 fest einstellen" (QA 35)
                                                   r"|einstellen|einzustellen|anstellen|anzustellen"
                                                   r"|arbeitsvertrag|festanstellung|übernehm|übernommen|uebernehm|uebernommen)"):
            return d
    return None


def reference_date(q: Question, exclude: FoundDate | None = None) -> tuple[dt.date, list[str]]:
    """The date one looks from: a date in the question other than `exclude` ('nach dem 18.12.' = from the 19th), else today."""
    for d in q.dates:
        if d is exclude:
            continue
        if _has(q.text[max(0, d.start - 12):d.start], r"\bnach(?:\s+dem)?\s*$"):
            return d.value + dt.timedelta(days=1), []
        return d.value, []
    unread = UNREAD_TIME.search(q.text)
    if unread:  # "ab Ostern", "am Freitag": a time was named, but not one the calculators can read
        return q.today, [f"Die Zeitangabe „{unread.group(0)}“ kann ich nicht als Datum lesen: gerechnet ab heute "
                         f"({q.today.strftime('%d.%m.%Y')}). Für einen anderen Tag bitte das Datum angeben (TT.MM.JJJJ)."]
    return q.today, [f"Kein Datum genannt: gerechnet ab heute ({q.today.strftime('%d.%m.%Y')})."]


# not "Datum …": a date of the event; "Heute ist Montag, der 02.08.2027" names the weekday first (QA 14)
STAND = (r"\b(?:Stand|heute(?:\s+ist)?(?:\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?)?)"
         r"\s*(?:der|den|dem|vom|am|:|,)?\s*$")


def _stand_of(text: str, dates: list[FoundDate]) -> FoundDate | None:
    return next((d for d in dates if _has(text[max(0, d.start - 24):d.start], STAND)), None)


def stated_today(q: Question) -> dt.date | None:
    """The day the question is asked on, when it names one ('Stand 01.01.2027', 'heute ist der …'), else None."""
    stand = _stand_of(q.text, q.dates)
    return stand.value if stand else None


def _ranges(q: Question, cue: str) -> list[tuple[dt.date, dt.date, FoundDate, FoundDate]]:
    """First and last day of each range named with `cue` before or after it: 'unterbrochen vom 01.06.2025 bis
    31.07.2025', 'war vom 01.06. bis 31.07. unterbrochen'. A range that crosses the new year without its years
    ('vom 1.3. bis 31.1.') begins a year earlier (or, when only its end lacks the year, ends a year later); one that
    still ends before it begins is refused (ExtractError), not read as something else. Each range: (first day,
    last day, the two dates as found); a year moved is recorded in `q.reread`."""
    if ("ranges", cue) in q.memo:
        return q.memo[("ranges", cue)]
    out: list[tuple[dt.date, dt.date, FoundDate, FoundDate]] = []
    previous_end = None  # the end of the last range counted: "… und vom 01.10. bis 31.10." continues it
    for a, b in zip(q.events, q.events[1:]):
        between = q.text[a.end:b.start]
        if not re.fullmatch(r"\s*(?:bis(?:\s+(?:zum|einschließlich))?|-|–)\s*", between):
            continue
        before = _has(q.text[max(0, a.start - 40):a.start], cue + r"\w*\s+(?:\w+\s+){0,3}?(?:vom|von|ab)?\s*$")
        after = _has(q.text[b.end:b.end + 30], r"^\W*(?:\w+\s+){0,2}?" + cue)
        continued = previous_end is not None and re.fullmatch(r"\s*(?:,|und|sowie)\s*(?:vom|von)?\s*", q.text[previous_end:a.start])
        if not (before or after or continued):
            continue
        first, last = a.value, b.value
        if last < first and a.year_assumed:  # "vom 1.3. bis 31.1.": the range crosses the new year
            first = q.reread[a.start] = first - relativedelta(years=1)
        elif last < first and b.year_assumed:
            last = q.reread[b.start] = last + relativedelta(years=1)
        if last < first:
            raise ExtractError(f"Der Zeitraum „{q.text[a.start:b.end].strip()}“ endet vor seinem Beginn "
                               f"({last.strftime('%d.%m.%Y')} vor {first.strftime('%d.%m.%Y')}).")
        out.append((first, last, a, b))
        previous_end = b.end
    q.memo[("ranges", cue)] = out
    return out


def _range(q: Question, cue: str) -> tuple[dt.date, dt.date] | None:
    ranges = _ranges(q, cue)
    return ranges[0][:2] if ranges else None


def _labelled(q: Question, cue: str) -> FoundDate | None:
    """The date whose own clause names `cue` ('die InbeQ begann am 01.04.2026', 'am 02.07.2026 zugegangen'):
    the words since the previous date and up to the next one, within the sentence."""
    events = q.events
    for i, d in enumerate(events):
        start = max(events[i - 1].end if i else 0, d.start - 40)
        end = min(events[i + 1].start if i + 1 < len(events) else len(q.text), d.end + 30)
        before = re.split(CLAUSE_END, q.text[start:d.start])[-1]
        after = re.split(CLAUSE_END + "|,", q.text[d.end:end])[0]
        if _has(before + " " + after, cue):
            return d
    return None


def _date_named(q: Question, events: list[FoundDate] | None = None, *, after: str | None = None, before: str | None = None,
                after_reach: int = 40, before_reach: int = 25, clause: bool = False) -> FoundDate | None:
    """The first of `events` (all the question's dates) whose next `after_reach` characters match `after` (only up to
    the clause's end with `clause`) or whose previous `before_reach` characters match `before`: the date of what the
    words beside it name ("am 29.02.2028 das Erstgespräch", "Kooperationsplan vom 17.03.2027")."""
    for d in q.events if events is None else events:
        following = q.text[d.end:d.end + after_reach]
        if clause:
            following = re.split(CLAUSE_END, following)[0]
        if (after and _has(following, after)) or (before and _has(q.text[max(0, d.start - before_reach):d.start], before)):
            return d
    return None


START = r"\b(?:begann|(?:maßnahme|massnahme|vertrags|modul)?beginn\w*|begonnen|angefangen|anfang|gestartet|startete|startet?|start|eingetreten|eintritt|seit|ab dem|ab)\b"
RECEIVED = r"zugegangen|zugang|zugestellt|erhalten|eingegangen|bekommen"


def start_date(q: Question) -> dt.date | None:
    """The start of a measure: the date labelled as its start ('die InbeQ begann am 01.04.2026'), else the first date."""
    d = _labelled(q, START)
    return d.value if d else q.first


def begin_date(q: Question) -> dt.date | None:
    """The start of a measure: the date labelled as its start, else the first date not told as an end ("Ende
    15.01.2027, nicht übernommen" names no start: QA 35, the InbeQ had been reckoned to end in 2029 from it)."""
    d = _labelled(q, START)
    if d is not None:
        return d.value
    for d in q.events:
        before = re.split(CLAUSE_END, q.text[max(0, d.start - 25):d.start])[-1]
        after = re.split(CLAUSE_END, q.text[d.end:d.end + 25])[0]
        # nor one told as an end after it: "ist die Maßnahme in drei Wochen zu Ende" (QA 38: reckoned as a start)
        if not _has(before, END_WORD + r"|\bbis\b|endete|beendet") and not _has(after, ENDS_AFTER):
            return d.value
    return None


ENDS_AFTER = r"^\s*(?:\w+\s+)?(?:zu\s+ende|endet|vorbei|fertig|abgeschlossen|beendet)\b"


def labelled_start_date(q: Question) -> dt.date | None:
    """The start of a measure only where the question labels it so ('seit dem 01.09.2026 in der InbeQ'): an optional
    date, not any date named (QA 34: "will im August wegfahren" had been read as the entry into the InbeQ)."""
    d = _labelled(q, START + r"|\bvom\b")  # also a participation "vom 1.2. bis 31.7."
    return d.value if d else None


def notice_date(q: Question) -> dt.date | None:
    """When a notice was received: the date labelled so ('am 02.07.2026 zugegangen'), else the first date."""
    # else "erst am 02.10.2026 beim Vertragspartner eingegangen" (QA 18: the day it was sent had been taken)
    d = _labelled(q, RECEIVED) or _date_named(q, after=RECEIVED, after_reach=50, clause=True)
    return d.value if d else q.first


def effective_by(q: Question) -> dt.date | None:
    """The day a notice should take effect ("soll zum 30.06.2027 gekündigt werden", "Kündigung zum Ende Juni 2027"):
    the date right after "zum"/"bis zum"."""
    d = _date_named(q, before=r"\bzum\s*$", before_reach=8)
    return d.value if d else None


def first_date(q: Question) -> dt.date | None:
    """The first date named."""
    return q.first


# the day an agreement was made: "wurde am 17.03.2027 erstellt", "Eingliederungsvereinbarung vom 02.05.2025"
AGREED = r"^\W*(?:\w+\s+){0,3}?(?:erstellt|abgeschlossen|unterschrieben|vereinbart|geschlossen|aufgestellt|unterzeichnet)\b"


def agreement_date(q: Question) -> dt.date | None:
    """The day an agreement to review was made: the date after "vom" or before "erstellt", "unterschrieben" …, else the
    first date (QA 18: "Bürgergeld seit 01.01.2025" named first had been taken for the Kooperationsplan's day)."""
    d = _date_named(q, before=r"\bvom\s*$", before_reach=6, after=AGREED)
    return d.value if d else q.first


def assessment_day(q: Question) -> dt.date | None:
    """The day a prognosis is made: the question's own day ('Stand …', 'heute …'), or the day of the conversation it was
    made in ('am 29.02.2028 das Erstgespräch geführt', 'Erstgespräch am 29.02.2028'; QA 17: judged from the computer's
    date, an integration six months after that conversation had come out "nicht marktnah")."""
    stated = stated_today(q)
    if stated is not None:
        return stated
    d = _date_named(q, q.events[:-1], after=r"^\W*(?:\w+\s+){0,2}(?:erst)?gespräch|eingeschätzt|eingestuft|beurteilt",
                    before=r"(?:erst)?gespräch\s+(?:am|vom)\s*$")
    return d.value if d else None


def last_date(q: Question) -> dt.date | None:
    """The last date named (the end of a measure, an expected integration), not the question's own day."""
    return q.events[-1].value if q.events else None


def _measure_start(q: Question, d: FoundDate) -> bool:
    """Whether a date is told as the start of the measure ("seit März 2025 die InbeQ"), not of an employment
    ("Integrationsamt unterrichten, Beginn am 1. März 2027")."""
    around = q.text[max(0, d.start - 40):d.end + 30]
    return _has(around, START) and _has(around, THE_MEASURE)


def employment_or_first_date(q: Question) -> dt.date | None:
    """The employment start, else the first date named that is no start of the measure ("seit März 2025 in der
    InbeQ" is none; QA 35: it had been taken for the employment's). An employment to come, named without a year
    ("Einstellung zum 1. Juli"), lies ahead: a day already past this year is read in the next (QA 35), unless the
    question tells it as past ("wurde am 1. Juli eingestellt")."""
    emp = employment_date(q)
    if emp is None:
        emp = next((d for d in q.events if not _measure_start(q, d)), None)
    if emp is None:
        return None
    told_past = _has(q.text[max(0, emp.start - 60):emp.end + 40], r"\b(?:war|wurde|wurden|begann|hatte|seit|bereits|schon)\b")
    if emp.year_assumed and emp.value < q.today and emp.start not in q.reread and not told_past:
        q.reread[emp.start] = emp.value + relativedelta(years=1)
    return q.reread.get(emp.start, emp.value)


# the Länder by name, longest first ("Sachsen-Anhalt" before "Sachsen"), with their codes
LAND_NAMES = {
    "baden-württemberg": "BW", "baden-wuerttemberg": "BW", "bayern": "BY", "berlin": "BE", "brandenburg": "BB",
    "bremen": "HB", "hamburg": "HH", "hessen": "HE", "mecklenburg-vorpommern": "MV", "niedersachsen": "NI",
    "nordrhein-westfalen": "NW", "nrw": "NW", "rheinland-pfalz": "RP", "saarland": "SL", "sachsen-anhalt": "ST",
    "sachsen": "SN", "schleswig-holstein": "SH", "thüringen": "TH", "thueringen": "TH",
}
# each code's name as the replies write it
LAND_TITLES = {"BB": "Brandenburg", "BE": "Berlin", "BW": "Baden-Württemberg", "BY": "Bayern", "HB": "Bremen", "HE": "Hessen",
               "HH": "Hamburg", "MV": "Mecklenburg-Vorpommern", "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen",
               "RP": "Rheinland-Pfalz", "SH": "Schleswig-Holstein", "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt",
               "TH": "Thüringen"}


# what people also write for the Länder of the regional documents ("jobcoaching in bw", "die vereinbarung aus mv")
LAND_SHORT_NAMES = {"bw": "BW", "bawü": "BW", "ba-wü": "BW", "bawue": "BW", "ba-wue": "BW",
                    "mv": "MV", "m-v": "MV", "meck-pomm": "MV", "meckpomm": "MV"}
_LAND_CODES = {**LAND_NAMES, **LAND_SHORT_NAMES}
_LAND_OR_SHORT = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(_LAND_CODES, key=len, reverse=True))
                            + r")(?![\w-])", re.I)


def _named_elsewhere(text: str, own: str) -> tuple[str, str] | None:
    """(the name as written, the code) of the first Land a question names other than the Land `own` (code);
    None if it names no other. A question that also names `own` still asks about the other Land: "gilt die
    Vereinbarung aus MV auch in Hamburg?", "gibt es das wie in BW auch in Bayern?" (probe 7)."""
    return next(((m.group(1), _LAND_CODES[m.group(1).lower()]) for m in _LAND_OR_SHORT.finditer(text)
                 if _LAND_CODES[m.group(1).lower()] != own), None)


def lands_named(text: str) -> list[str]:
    """The codes of the Länder a question names, in order, each once."""
    return list(dict.fromkeys(_LAND_CODES[m.group(1).lower()] for m in _LAND_OR_SHORT.finditer(text)))


def other_land(text: str, region: str) -> str:
    """The code of the Land a question names when a document holds only in another Land (its `region`
    is a Land's name); else "". "Wie ist das Jobcoaching in Niedersachsen geregelt?" against the
    Baden-Württemberg principles: "NI"."""
    own = LAND_NAMES.get(region.strip().lower())
    if own is None:  # "Bund", "nicht angegeben": the document holds everywhere
        return ""
    other = _named_elsewhere(text, own)
    return other[1] if other else ""


# Who a question is about (folded text): the Träger's staff, or a participant or someone asking about themselves
# ("Mein Jobcoach sagt, ich habe keinen Urlaub. Stimmt das?")
_STAFF = re.compile(r"qualifizierungstrainer\w*|\bqts?\b|jobcoach(?:es|s)?\b|\bpersonals?\b|fachkr(?:ae|a)fte?\b|mitarbeiter\w*"
                    r"|\btrainer(?:in|innen|n)?\b|anleiter\w*|bildungsbegleiter\w*"
                    # the staff of the Agentur and the Jobcenter (QA 36: "Wie viele Urlaubstage habe ich als neue
                    # Maßnahmebetreuerin?" had been given the participants' days off)
                    r"|massnahmebetreuer\w*|fallmanager\w*|integrationsfachkr\w*|arbeitsvermittler\w*|reha-?berater\w*")
_CARERS = re.compile(r"\bbetreuer(?:in|innen|n)?\b")  # the staff, or a participant's legal guardian
_OTHERS = r"teilnehm\w*|\btn\b|rehabilitand\w*|\b(?:sohn|tochter|kind|kinder|enkel\w*|neffe|nichte)\b|azubi\w*"
_PARTICIPANTS = re.compile(_OTHERS + r"|\b(?:ich|mir|mich|mein|meine|meinen|meinem|meiner|man)\b")
_PARTICIPANTS_NOT_ME = re.compile(_OTHERS)
# the asker says they are staff ("Als Qualifizierungstrainerin frage ich mich: habe ich Urlaub?", "Ich bin Jobcoach
# beim Träger …"): "ich" is one of the staff then (QA 13). Folded text.
_ASKER_IS_STAFF = re.compile(r"(?:^\W*als|\bich bin|\bich arbeite als|\bich\b(?:\s+\w+){0,2}\s+als)\s+(?:(?:ein|eine|der|die|neue[rnms]?)\s+)?(?:[\w-]+\s+)?(?:"
                             + _STAFF.pattern + r")")


# The two phases of the UB. In the InbeQ the participants are no employees (BAG UB Frage 12, 27); the
# Berufsbegleitung follows the hiring. A passage that speaks of the InbeQ only does not answer a question on
# the time after it: "hat man in der berufsbegleitung anspruch auf urlaub" had got Frage 12's "keinen Anspruch
# auf Urlaub" (QA 5). Folded text throughout.
# the time after the InbeQ named in a question: the Berufsbegleitung, or the job that followed ("nach der InbeQ eine
# feste Stelle": QA 8, Zusatzurlaub had got Frage 12)
_AFTER_QUALIFICATION = re.compile(r"\b(?:nach|seit)\s+(?:der|meiner|seiner|ihrer|unserer|dem ende der|abschluss der)\s+"
                                  r"(?:inbeq|qualifizierung|massnahme)\b|\bim anschluss an die (?:inbeq|qualifizierung)\b")
_ASKS_FOLLOW_UP = re.compile(r"berufsbegleit|\bfest(?:e|en)? (?:stelle|anstellung|angestellt)|festanstellung|fest eingestellt"
                             r"|arbeitsvertrag (?:bekommen|unterschrieben)")
_NAMES_QUALIFICATION = re.compile(r"inbeq|qualifizierung")
# after the InbeQ, the employer, the pay, the holidays and a dismissal are the job's (QA 11: "Muss der Arbeitgeber nach
# der InbeQ, wenn mein Sohn übernommen wird, den Mindestlohn zahlen?" had got Frage 27's "keine Anwendung des MiLoG")
_EMPLOYMENT = re.compile(r"arbeitgeber|\bchef|kuendig|mindestlohn|\blohn\b|gehalt|urlaub|uebernommen|uebernahme")
# a passage speaking of the time after the InbeQ too: the Berufsbegleitung, the hiring or the employment that follows
_SPEAKS_OF_FOLLOW_UP = re.compile(r"berufsbegleit|begleitung im arbeitsleben|im anschluss an|nach (?:der|einer|dem ende der) inbeq"
                                  r"|nach abschluss|uebernahme in ein|stabilisierungsphase|arbeitsvertrag|eingestellt|einstellung")


def other_phase(question: str, passage: str) -> bool:
    """Whether a question asks about the time after the InbeQ alone (the Berufsbegleitung, the job that
    followed) and the passage (its heading, text and document title) speaks of the InbeQ only."""
    q = fold(question)
    if (_STAFF.search(q) or _CARERS.search(q)) and not _PARTICIPANTS.search(q):
        return False  # the staff's own employment ("sind die Betreuer beim Träger fest angestellt?")
    after = _AFTER_QUALIFICATION.search(q) is not None
    q = _AFTER_QUALIFICATION.sub(" ", q)  # "nach der InbeQ" names the time after it, not the InbeQ
    if not (_ASKS_FOLLOW_UP.search(q) or (after and (_SPEAKS_OF_FOLLOW_UP.search(q) or _EMPLOYMENT.search(q)))) \
            or _NAMES_QUALIFICATION.search(q):
        return False
    p = fold(passage)
    return bool(_NAMES_QUALIFICATION.search(p)) and not _SPEAKS_OF_FOLLOW_UP.search(p)


# Whose working conditions are asked about. A passage on the participants' days off or pay (Frage 12: "keinen
# Anspruch auf Urlaub") does not answer a question on the Träger's own staff ("Wie viele Urlaubstage haben
# Qualifizierungstrainer beim Träger?"; QA 7), whose conditions are their employer's and the law's. Folded text.
_WORKING_CONDITIONS = re.compile(r"urlaub\w*|gehalt\w*|\blohn\b|\bloehne\b|tarif\w*|ueberstunden|krankmeld\w*|krankgeschrieben"
                                 r"|\bmelde\b[^.?!]{0,30}\bkrank\b|\bau\b|arbeitsunfaehigkeitsbescheinigung"
                                 r"|kuendig\w*|\bverdien\w*|\bbezahlt\b")


def other_role(question: str, passage: str) -> bool:
    """Whether a question asks about the working conditions of the Träger's staff (and names no participant)
    while the passage speaks of the participants and never of the staff."""
    q = fold(question)
    participants = _PARTICIPANTS_NOT_ME if _ASKER_IS_STAFF.search(q) else _PARTICIPANTS
    if not (_STAFF.search(q) and _WORKING_CONDITIONS.search(q)) or participants.search(q):
        return False
    p = fold(passage)
    return bool(_PARTICIPANTS.search(p)) and not _STAFF.search(p)


# A successor of a document asked for ("Gibt es eine Nachfolgevereinbarung?", "die Nachfolgeregelung"; QA 6):
# a document out of force cannot say what replaced it. Not "nachfolgend" ("nachfolgenden Auszug").
# Nor what replaced it in other words, a rule named ("Welche Regelung hat die Vereinbarung nach deren Auslaufen ersetzt?",
# "was gilt stattdessen, seit die Vereinbarung ausgelaufen ist"; QA 13); "Ersetzt der Anmeldebogen den Antrag?" asks
# no such thing.
ASKS_SUCCESSOR = re.compile(r"\bnachfolge(?!nd)\w*", re.IGNORECASE)
_REPLACED = re.compile(r"\b(?:ersetzt|abgel(?:ö|oe)st)\b|\bgilt (?:jetzt |heute |nun )?stattdessen\b|\ban (?:ihre|deren|seine|dessen) stelle\b",
                       re.IGNORECASE)
_RULE = re.compile(r"vereinbarung|regelung|vertrag|vertr(?:ä|ae)ge|grunds(?:ä|ae)tze|konzept|anleitung|weisung", re.IGNORECASE)


def asks_successor(question: str) -> bool:
    """Whether a question asks what followed a document: its successor named, or what replaced a rule."""
    return bool(ASKS_SUCCESSOR.search(question) or (_REPLACED.search(question) and _RULE.search(question)))


# the documents whose rules hold in one Land only: a calculation from them for a question that names
# another Land says so
REGIONAL_SOURCES = {"mv-koop": ("MV", "der Kooperationsvereinbarung Mecklenburg-Vorpommern"),
                    "bw-jobcoaching": ("BW", "den Jobcoaching-Grundsätzen Baden-Württemberg")}


def regional_notes(text: str, doc_ids: list[str]) -> list[str]:
    """Notes for a calculation whose rules come from one Land's document when the question names another."""
    notes = []
    for own, source in (REGIONAL_SOURCES[d] for d in dict.fromkeys(doc_ids) if d in REGIONAL_SOURCES):
        other = _named_elsewhere(text, own)
        if other:
            notes.append(f"Die Regel stammt aus {source}; in {other[0]} gilt sie nicht unmittelbar.")
    return notes


def _named_land(q: Question) -> str | None:
    """The code of the Land the question names ("in Niedersachsen", "(NI)"), else None."""
    return next(iter(lands_named(q.text)), None)


def land(q: Question) -> str:
    """The Land whose holidays count: the one the question names (stated); else Mecklenburg-Vorpommern,
    whose agreement the planning meetings come from (that its rules are MV's: `regional_notes`)."""
    code = _named_land(q) or "MV"
    if code != "MV":
        q.assume(f"Feiertage für {LAND_TITLES[code]} ({code}) geprüft.")
    return code


def land_named(q: Question) -> str | None:
    """The Land the question names ("wir sind in Niedersachsen", "(NI)"), else None: the job centre's instruction
    holds everywhere, so only holidays of every Land are flagged then (QA 17: a Land named had been passed over)."""
    code = _named_land(q)
    if code is not None:
        q.assume(f"Feiertage für {LAND_TITLES[code]} ({code}) geprüft.")
    return code


def employment_start(q: Question) -> dt.date | None:
    """The employment start, when the question names one."""
    emp = employment_date(q)
    return emp.value if emp else None


def from_date(q: Question) -> dt.date:
    """The date one looks from (`reference_date`); without a date: today, stated as an assumption."""
    after, extra = reference_date(q)
    q.assume(*extra)
    return after


def planning_from(q: Question) -> dt.date:
    """Where the search for a Planungsgespräch starts: a date other than the employment start ('nach dem 18.12.' = from
    the 19th); when only the employment start is named, the month before it (not before today); else today."""
    emp = employment_date(q)
    after, extra = reference_date(q, exclude=emp)
    if emp is not None and extra:  # only the employment start is named: the meeting in the month before it
        after = planning_search_start(emp.value, q.today)
        extra = [f"Gesucht wird das Planungsgespräch vor dem Beschäftigungsbeginn ({emp.value.strftime('%d.%m.%Y')}), ab {after.strftime('%d.%m.%Y')}."]
    q.assume(*extra)
    return after


def registration_moment(q: Question) -> dt.date:
    """The moment deadlines are judged from: "Kann ich nach dem 18.12. noch nachmelden?" asks about that date (or
    today, when later); "Wann war das Planungsgespräch nach dem 01.03.2012?" asks about the past, judged from that
    date (the meeting then, not the next one with open registration today); otherwise today."""
    if q.has(PAST_ASKED):  # a month before the date: that meeting's registration had not yet closed
        return min(planning_from(q) - relativedelta(months=1), q.today)
    # the day the asker says it is ("Heute ist Montag, der 02.08.2027. Schaffen wir es noch …?"; QA 14: judged from
    # the computer's date, the closed registration had not been said)
    stated = stated_today(q)
    if stated is not None:
        return stated
    return max(planning_from(q), q.today) if q.has(LATE) else q.today


# a question about what was ("wann war", "fand … statt", "damals")
PAST_ASKED = r"\bwann (?:war|fand|lag|wäre|waere)\b|\bdamals\b|\bfand\b[^.?!]*\bstatt\b"


# -------------------------------------------------------------- counts and switches
def participants(q: Question) -> int | None:
    """The number of participants ('bei acht Teilnehmern')."""
    return find_participants(q.masked)


def lots(q: Question) -> list[int] | None:
    """Participants per lot, when two or more lots are named."""
    return find_lots(q.masked)


def participants_per_lot(q: Question) -> list[int | None]:
    """The participants per lot, or the one count of participants as a single lot."""
    per_lot, count = find_lots(q.masked), find_participants(q.masked)
    return per_lot or [count]


def measure_month(q: Question) -> int | None:
    """The month of the measure ('im 20. Monat'; 'seit 12 Monaten' and 'nach einem Jahr' are the 13th, stated as an
    assumption); else counted from its start to the day asked about ('Maßnahmebeginn 01.02.2026 … im März 2027': the
    14th; 'seit März 2025 … jetzt': from today, stated as an assumption); without either None (the calculator then
    gives both phases and says the month was not given)."""
    reading = find_month_reading(q.masked)
    if reading is not None:
        if reading.span and reading.month > rule("staffing", "first_phase_months").value:
            return None  # "in den ersten 24 Monaten" spans both phases: both are given
        if reading.assumption:
            q.assume(reading.assumption)
        return reading.month
    counted = _month_from_start(q)
    if counted is not None:
        month, start, ref = counted
        q.assume(f"Maßnahmemonat aus dem Beginn ({start.strftime('%d.%m.%Y')}) bis {ref.strftime('%d.%m.%Y')} gezählt: {month}. Monat.")
        return month
    return None


def _month_from_start(q: Question) -> tuple[int, dt.date, dt.date] | None:
    """(month of the measure, start, the day it is counted to) when the question names the measure's
    start ('Maßnahmebeginn 01.02.2026', 'seit März 2025', 'hat im Oktober 2025 begonnen'): counted to a
    second date, else to today when the start lies in the past."""
    # an option drawn starts the measure's months anew ("zum 01.09.2026 die Option … gezogen"; QA 18)
    start = _labelled(q, START + r"|\boption\w*")
    if start is None:
        return None
    others = [d for d in q.events if d is not start]
    ref = others[0].value if others else (q.today if start.value <= q.today else None)
    if ref is None or ref < start.value:
        return None
    span = relativedelta(ref, start.value)
    return span.years * 12 + span.months + 1, start.value, ref


def named_month(q: Question) -> int | None:
    """The month of the measure when the question names one ('im 6. Monat'), else None."""
    return find_month(q.masked)


def min_places(q: Question) -> int | list[int] | None:
    """The Mindestteilnehmerplatzzahl (a list: one per lot)."""
    return find_min_places(q.masked)


def option_drawn(q: Question) -> bool:
    """Whether an option was drawn."""
    return q.has(r"option")


def start_year(q: Question) -> int | None:
    """The year the (basic) contract began ('Vertrag von 2015', also for an option from it that began later), else the
    year the measure began ('Beginn 2013'), which is the contract's unless an option is meant (then stated as an assumption;
    a measure begun in 2016 or later under a contract before 2016 is an option, whose contract year is not known)."""
    year = find_contract_year(q.text)
    if year is not None:
        return year
    year = find_start_year(q.text)
    if year is None:
        return None
    cutover = rule("staffing", "contract_cutover_year").value
    if year >= cutover:
        q.assume(f"{year} ist das Jahr des Maßnahmebeginns (einer Option aus einem Vertrag vor {cutover}), nicht des Vertrags; "
                 "das Jahr des Grundvertrags ist nicht genannt.")
        return None
    if q.has(r"option"):
        q.assume(f"{year} als Jahr des Grundvertrags gelesen (bei einer Option zählt das Jahr des Vertrags, aus dem sie gezogen wurde).")
    return year


def contract_era(q: Question) -> tuple[str, list[str]]:
    """'vor2016' or 'ab2016': from the words, else from a contract start year, else assumed from 2016."""
    cutover = rule("staffing", "contract_cutover_year").value
    if q.has(PRE2016):
        return "vor2016", []
    if q.has(FROM2016):
        return "ab2016", []
    # "(Grund-)Verträge VOR 2016 und Optionen aus diesen Verträgen": the contract's year decides, else the measure's start
    year = find_contract_year(q.text) or find_start_year(q.text)
    if year is not None:
        return ("vor2016" if year < cutover else "ab2016"), []
    return "ab2016", [f"Vertrag ab {cutover} (Teilnehmerplätze) angenommen; für Altverträge „vor {cutover}“ angeben."]


def staffing_calculator(q: Question) -> str:
    """Which staffing calculator takes the question: 'personal-alt' for contracts before 2016, else 'personal'."""
    era, extra = contract_era(q)
    q.assume(*extra)
    return "personal-alt" if era == "vor2016" else "personal"


MAX_MEASURE_MONTHS = 48  # the longest participation the leave calculator counts (InbeQ with extension and more)


def measure_months(q: Question) -> int | None:
    """`months_count`, when it could be a participation in the measure: "seit 8 Jahren bei uns im Büro" is an
    employment, and a calculator of the InbeQ's days off does not answer it (QA 34)."""
    assumed = list(q.assumed)
    count = months_count(q)
    if count is not None and count > MAX_MEASURE_MONTHS:
        q.assumed[:] = assumed  # a reading not taken is no assumption of the answer
        return None
    return count


def months_count(q: Question) -> int | None:
    """Full calendar months of participation: '12 volle Monate'; a time in years ('seit einem
    dreiviertel Jahr': 9) or a period of participation ('vom 01.02.2026 bis 31.07.2026 in der
    Maßnahme': 6), each stated as an assumption."""
    if "months_count" not in q.memo:
        q.memo["months_count"] = _months_count(q)
    return q.memo["months_count"]


def _months_count(q: Question) -> int | None:
    count = find_months_count(q.masked)
    if count is not None:
        return count
    years = find_years_as_months(q.masked)
    if years is not None:
        months, words = years
        q.assume(f"„{words}“ als {months} volle Kalendermonate gelesen.")
        return months
    r = _range(q, r"(?:Maßnahme|Massnahme|InbeQ|Teilnahme|dabei|teilgenommen|war)") or _participation_until(q)
    if r is not None:
        months = full_calendar_months(*r)
        until = f"heute ({r[1].strftime('%d.%m.%Y')})" if r[1] == q.today else r[1].strftime('%d.%m.%Y')
        counted = "1 voller Kalendermonat" if months == 1 else f"{months} volle Kalendermonate"
        q.assume(f"Teilnahme vom {r[0].strftime('%d.%m.%Y')} bis {until}: {counted}.")
        return months
    return None


def full_calendar_months(first: dt.date, last: dt.date) -> int:
    """The calendar months wholly inside first..last (both days counted): 15.03.–31.12. holds April
    to December, 9; the rule counts "jeden vollen Kalendermonat der Teilnahme"."""
    begin = first if first.day == 1 else (first.replace(day=1) + relativedelta(months=1))
    end = last + dt.timedelta(days=1)  # the first day after the period
    end = end.replace(day=1)  # the first day of the first month not wholly inside it
    return max(0, (end.year - begin.year) * 12 + end.month - begin.month)


# the end of a participation named without a date of its own: "bis Ende des Jahres", "bis jetzt"
_UNTIL_YEAR_END = r"bis (?:zum )?(?:ende des (?:jahres|kalenderjahres)|jahresende)"
_UNTIL_NOW = r"bis (?:jetzt|heute)|bisher|bislang"


def _participation_until(q: Question) -> tuple[dt.date, dt.date] | None:
    """A participation from its start to the end of its year, to today or to a second date named
    with "bis": 'hat am 15.3.2026 angefangen … bis Ende des Jahres', 'eingetreten am 15.03.2026,
    bis zum 31.12.2026'."""
    events = q.events
    if not events:
        return None
    first = start_date(q)
    # a later date asked "bis": the second date, or one further on that ends no range of its own ("(21.07.–11.08.2027)
    # … bis Ende Juni 2027"; QA 35: a trip's dates between had stopped the count), not "Unterbrechung vom … bis …"
    until = next((e for i, e in enumerate(events) if i >= 1
                  and _has(q.text[max(0, e.start - 12):e.start], r"\bbis(?: zum| einschließlich)?\s*$")
                  and (i == 1 or len(q.text[events[i - 1].end:e.start].strip()) > 12)), None)
    if until is not None:
        last = until.value
    elif q.has(_UNTIL_YEAR_END):
        last = dt.date(first.year, 12, 31)
    elif q.has(_UNTIL_NOW) or _has(q.text[max(0, events[0].start - 30):events[0].start], r"\bseit\b[^.?!,;]{0,22}$"):
        last = q.today  # "seit 15.03.2026 dabei", "seit er am 15.3.2026 angefangen hat", "seit eintritt 01.02.2026": up to today
    else:
        return None
    return (first, last) if last >= first else None


def severely_disabled(q: Question) -> bool:
    """Schwerbehindert (or a GdB of 50 or more, § 2 Abs. 2 SGB IX), and not merely gleichgestellt."""
    if q.has(r"nicht schwerbehindert|(?:keine|ohne) schwerbehinderung|gleichgestellt|\b(?:kein|keine|ohne|nicht)\s+sb\b"):
        return False
    degree = re.search(r"\bGdB\s*(?:von\s*)?(\d{2,3})\b", q.text, re.I)
    # "sb TN" (QA 14: the abbreviation had been passed over and no additional days counted)
    if q.has(r"schwerbehindert|schwerbehinderung|\bsb[- ]?ausweis|\bschwerbeh\.|\bsb\b(?![- ]?(?:ler|bearbeit))") or (
            degree is not None and int(degree.group(1)) >= 50):
        return True
    if q.memo.get("months_count", 0) is not None:  # no days counted, nothing reckoned without them ("Ab wann beginnt das Urlaubsjahr?")
        q.assume("Keine Schwerbehinderung angegeben: ohne Zusatzurlaub gerechnet; schwerbehinderte Teilnehmende "
                 "(nicht Gleichgestellte) erhalten zusätzliche Tage nach § 208 SGB IX.")
    return False


def weekdays(q: Question) -> int | None:
    """Working days per week ('6-Tage-Woche')."""
    return find_weekdays(q.masked)


def duration_months(q: Question) -> int | None:
    """The duration of the measure in months ('Maßnahme vom 01.02.2027 bis 03.03.2027': 1 month and 3 days
    count as 1); a duration in weeks counts as under two months (1)."""
    r = _range(q, r"(?:Maßnahme|MAG|Teilnahme|dauert|lief)")
    if r is not None:
        span = relativedelta(r[1] + dt.timedelta(days=1), r[0])  # full months, both ends counted
        return span.years * 12 + span.months
    duration = find_duration_months(q.masked)
    # "Maßnahme 3 Wochen" (QA 14: read as 0 months, which the calculator refused): under two months
    if not duration and q.has(r"\d+\s*Wochen|\b(?:eine|zwei|drei|vier|fünf|sechs|sieben|acht)\s+Wochen"):
        duration = 1
    return duration


def employer_measure(q: Question) -> bool:
    """A measure at an employer (MAG)."""
    return q.has(r"\bMAG\b|bei(?:m| einem) Arbeitgeber")


def taken_on(q: Question) -> bool | None:
    """Taken on into employment: True, False ('nicht übernommen') or None (not said)."""
    # "ohne Übernahme" (QA 17: it had been read as taken on, and no conversation required)
    if q.has(r"nicht übernommen|keine Übernahme|Nicht-Übernahme|nicht eingestellt|ohne Übernahme|ohne übernommen|ohne Einstellung"):
        return False
    if q.has(r"übernommen|Übernahme|eingestellt"):
        return True
    return None


def review_kind(q: Question) -> str:
    """'kooperationsplan' when named, else 'ev' (Eingliederungsvereinbarung)."""
    return "kooperationsplan" if q.has(KOOPERATIONSPLAN) else "ev"


def hours_used(q: Question) -> float | None:
    """Fachleistungsstunden already used."""
    return find_hours_used(q.masked)


# an extension denied: "nicht verlängert", "ohne Verlängerung", "keine Verlängerung beantragt" (QA 35: read as extended)
NOT_EXTENDED = re.compile(r"\b(?:nicht|nie|ohne|kein\w*)\s+(?:\w+\s+){0,2}?$", re.IGNORECASE)


def extended(q: Question) -> bool:
    """Whether the question speaks of an extension, not only of one denied."""
    return any(not NOT_EXTENDED.search(q.text[max(0, m.start() - 40):m.start()])
               for m in re.finditer(r"verlänger", q.text, re.IGNORECASE))


def _interruptions(q: Question) -> list[tuple[dt.date, dt.date]]:
    """The interruption ranges, first and last day: of a range, only the days from the measure's labelled start
    count; one wholly before it is refused, unless it lacks its years ("begann am 1.9., Unterbrechung vom 1.12.
    bis 31.1."): then it is the next year's, after the start."""
    if "interruptions" in q.memo:
        return q.memo["interruptions"]
    start = _labelled(q, START)
    out = []
    for first, last, a, b in _ranges(q, INTERRUPTED):
        if start is not None and last < start.value and a.year_assumed and b.year_assumed:
            first = q.reread[a.start] = first + relativedelta(years=1)
            last = q.reread[b.start] = last + relativedelta(years=1)
        if start is not None and first < start.value:
            if last < start.value:
                raise ExtractError(f"Die Unterbrechung vom {first.strftime('%d.%m.%Y')} bis {last.strftime('%d.%m.%Y')} "
                                   f"liegt vor dem Beginn ({start.value.strftime('%d.%m.%Y')}).")
            q.assume(f"Unterbrechung erst ab dem Beginn ({start.value.strftime('%d.%m.%Y')}) gezählt, nicht ab dem "
                     f"{first.strftime('%d.%m.%Y')}.")
            first = start.value
        out.append((first, last))
    q.memo["interruptions"] = out
    return out


# an illness told without an interruption of the measure ("war 10 Wochen krank"): illness alone neither moves nor extends
# the InbeQ; only an interruption moves its end (BA's answer to question 11 of the BAG UB's FAQ)
INTERRUPTION_NAMED = r"unterbroch|unterbrech|pausier|ausgesetzt|\bpause|ruhen\b|ruht\b|geruht"


def _interruption(q: Question) -> tuple[int, int]:
    """The interruption as (days, months): a range's days ('unterbrochen vom 01.06. bis 31.07.'; weeks count seven
    days), else the time named. An illness without a word of interruption counts nothing and says so."""
    ranges = _interruptions(q)
    days, months = (sum((last - first).days + 1 for first, last in ranges), 0) if ranges else find_interruption(q.masked)
    if (days or months) and not q.has(INTERRUPTION_NAMED):
        ill = " und ".join(p for p in (plural(months, "Monat", "Monate") if months else "",
                                        plural(days, "Tag", "Tage") if days else "") if p)
        q.assume(f"Krankheit ({ill}) nicht eingerechnet: Eine Erkrankung allein verschiebt das Ende der InbeQ nicht und "
                 f"verlängert sie nicht. Nur wenn die Maßnahme für diese Zeit unterbrochen wird, verschiebt sich das Ende um "
                 f"die Unterbrechung.")
        return 0, 0
    return days, months


def interruption_days(q: Question) -> int:
    """An interruption in days."""
    return _interruption(q)[0]


def interruption_months(q: Question) -> int:
    """An interruption in months (none when it is given as a range of days)."""
    return _interruption(q)[1]


def extension_months(q: Question) -> int:
    """An extension in months."""
    return find_extension_months(q.masked)


def modular(q: Question) -> bool | None:
    """Modular (True), not modular (False) or not said (None)."""
    return False if q.has(r"nicht[- ]?modular") else True if q.has(r"modular|modul") else None
