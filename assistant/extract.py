"""Extract German numbers and dates from a question ("8 Teilnehmer", "achtzehn", "1.000", "am 1. März 2027", "im Januar 2027").

Every extractor is a small named function with its own table test (tests/test_extract.py). Numbers are read fully:
digits with thousands separators ("1.000", "10 000"), decimals ("8,5", "8.5") and number words up to 100
("einundzwanzig", "neunundneunzig"). A count of people is refused when it is not a whole number.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


def relativedelta(*args, **kwargs):
    """dateutil's relativedelta, imported when a date is first computed: with `six` it takes some 18 ms of
    a new process that a question without dates need not pay."""
    from dateutil.relativedelta import relativedelta as _relativedelta

    return _relativedelta(*args, **kwargs)


MONTHS = {
    "januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3, "april": 4, "apr": 4,
    "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
_UNITS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
          "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}


def _spellings(words: dict[str, int]) -> dict[str, int]:
    """The words with their spellings without ß / umlauts ("fünf", "fuenf")."""
    out = dict(words)
    for word, value in words.items():
        out.setdefault(word.replace("ß", "ss").replace("ü", "ue").replace("ö", "oe"), value)
    return out


_SIMPLE = _spellings({"null": 0, "kein": 0, "keine": 0, "keinen": 0, "eins": 1, "eine": 1, "einen": 1, "einem": 1,
                      "einer": 1, "hundert": 100, "einhundert": 100, "tausend": 1000, "eintausend": 1000,
                      **_UNITS, **_TEENS, **_TENS})
# a number word that multiplies the one before it ("eine Million Teilnehmer", "zwei Milliarden"; QA 22: read as 1 and 2)
MAGNITUDES = {"hundert": 100, "tausend": 1000, "million": 10**6, "millionen": 10**6, "mio": 10**6, "milliarde": 10**9,
              "milliarden": 10**9, "mrd": 10**9, "billion": 10**12, "billionen": 10**12}
_UNIT_SPELLINGS, _TEN_SPELLINGS = _spellings(_UNITS), _spellings(_TENS)


def _number_words() -> dict[str, int]:
    words = dict(_SIMPLE)
    for unit, u in _UNIT_SPELLINGS.items():  # "einundzwanzig", "fünfunddreißig", "fuenfunddreissig"
        for ten, t in _TEN_SPELLINGS.items():
            words[f"{unit}und{ten}"] = t + u
    return words


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


NUMBER_WORDS = _number_words()
_ORDINAL_STEMS = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "siebent": 7, "acht": 8,
                  "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12, "dreizehnt": 13, "vierzehnt": 14, "fünfzehnt": 15,
                  "sechzehnt": 16, "siebzehnt": 17, "achtzehnt": 18, "neunzehnt": 19}


def _ordinal_words() -> dict[str, int]:
    """German ordinal words up to 99 in every ending: "dritte", "dritter", "dritten", "zwölftes", "dreißigsten"."""
    stems = dict(_ORDINAL_STEMS)
    for ten, t in _TENS.items():  # "zwanzigst", "einundzwanzigst"
        stems[f"{ten}st"] = t
        for unit, u in _UNITS.items():
            stems[f"{unit}und{ten}st"] = t + u
    words = {f"{stem}{ending}": value for stem, value in stems.items() for ending in ("e", "er", "en", "es", "em")}
    return _spellings(words)


ORDINAL_WORDS = _ordinal_words()
# the ordinal words as a pattern: the compounds by their parts (see _WORDS)
_ORDINAL = (f"(?:(?:(?:{_alternatives(_UNIT_SPELLINGS)})und)?(?:{_alternatives(_TEN_SPELLINGS)})st"
            f"|{_alternatives(_spellings(_ORDINAL_STEMS))})e[nrsm]?")
# the number words as a pattern: the compounds by their parts, so the pattern stays short (every
# pattern with a number is compiled when a process first meets it: a list of all 139 words made
# the first calculation question of a `lotse ask` about 60 ms slower)
_WORDS = (f"(?:{_alternatives(_UNIT_SPELLINGS)})und(?:{_alternatives(_TEN_SPELLINGS)})|{_alternatives(_SIMPLE)}")
_DIGITS = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?![\d,]|\.\d)|\d+(?:[.,]\d+)?"
# a number as written in a question: digits (with separators or a decimal part) or a number word
NUM = r"(?<![\w.,])(" + _DIGITS + r"|(?:" + _WORDS + r")\b)"
NUMX = r"(?<![\w.,])(?:" + _DIGITS + r"|(?:" + _WORDS + r")\b)"  # the same, not capturing
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?(?![\d])")
NAMED_DATE = re.compile(r"(?<![\d])(\d{1,2})\.?\s*(" + MONTH_NAMES + r")\.?(?:\s+(\d{4}))?\b", re.I)
MONTH_YEAR = re.compile(r"\b(?:(?:im|ab|zum|bis|Anfang|Beginn|seit)\s+)?(" + MONTH_NAMES + r")\.?\s+(\d{4})\b", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "01/03/2027", "1/3/27": day first, as German writers mean it
SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
# a month named without a day or a year, after a word that makes it a time ("seit Mai", "im Juni
# abgeschlossen"): the 1st of that month, its year by the clause's tense (stated as assumed)
# "Ende Mai", "Mitte Juni 2026", "Anfang März": the last day, the 15th or the 1st of that month
MONTH_PART = re.compile(r"\b(Anfang|Mitte|Ende)\s+(" + MONTH_NAMES + r")\b(?:\.?\s+(\d{4})\b)?(?!\.?\s*\d)", re.I)
MONTH_PARTS = {"anfang": (1, "Monatsanfang"), "mitte": (15, "Monatsmitte"), "ende": (28, "Monatsende")}
MONTH_ALONE = re.compile(r"\b(?:im|ab|seit|zum|Anfang|Beginn)\s+(" + MONTH_NAMES + r")\b(?!\.?\s*\d)", re.I)


class ExtractError(ValueError):
    """An impossible date or number in the question (German message)."""


@dataclass
class FoundDate:
    value: dt.date
    text: str
    start: int
    year_assumed: bool = False
    end: int = 0
    month_only: bool = False  # "im Januar 2027", "Ende Mai": a month read as one of its days
    part: str = "Monatsanfang"  # which day of the month a `month_only` date is (Monatsmitte, Monatsende)
    relative: bool = False  # "in zwei Wochen": counted from today


def parse_number(token: str) -> float:
    """A German number token: '8' -> 8, '1.000' -> 1000, '10 000' -> 10000, '8,5'/'8.5' -> 8.5, 'achtzehn' -> 18."""
    t = token.strip().lower()
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    if re.fullmatch(r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+", t):
        return int(re.sub(r"\D", "", t))
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+[.,]\d+", t):
        return float(t.replace(",", "."))
    raise ExtractError(f"„{token}“ ist keine Zahl.")


def to_number(token: str) -> int:
    """A whole number; fractional values are refused with a German message."""
    value = parse_number(token)
    if value != int(value):
        raise ExtractError(f"„{token.strip()}“ ist keine ganze Zahl.")
    return int(value)


def whole_people(token: str, what: str = "Teilnehmende") -> int:
    value = parse_number(token)
    if value != int(value):
        raise ExtractError(f"„{token.strip()} {what}“: {what} lassen sich nur in ganzen Zahlen zählen. Bitte eine ganze Zahl angeben.")
    return int(value)


def _year(text: str | None, today: dt.date) -> tuple[int, bool]:
    if not text:
        return today.year, True
    y = int(text)
    if len(text) == 2:
        # a year of two digits is the one of its century nearest today, the earlier one when both are as near
        # ("01.01.99": 1999, not 2099; QA 27), as dateutil reads them within 50 years of the current year
        y = min((1900 + y, 2000 + y, 2100 + y), key=lambda c: (abs(c - today.year), c))
    return y, False


# the clause of a date that tells of something past ("begann am 1.3.", "am 15.5. zugegangen", "seit dem 1.9.")
PAST = re.compile(r"\b(?:begann|begonnen|angefangen|gestartet|zugegangen|eingegangen|erhalten|endete|geendet|beendet|"
                  r"abgeschlossen|unterschrieben|unterzeichnet|eingetreten|ausgetreten|bewilligt|stattgefunden|"
                  r"war|waren|wurde|wurden|hatte|hatten|lief|kam|gab|erfolgte|seit)\b", re.I)
# … or of something to come ("soll am 1.9. beginnen", "Integration am 30.7. erwartet")
FUTURE = re.compile(r"\b(?:soll|sollen|wird|werden|geplant|geplanter|geplante|voraussichtlich|erwartet|künftig|"
                    r"demnächst|marktnah|marktfern)\b", re.I)
CLAUSE_END = r"[!?;]|\.\s+(?=[A-ZÄÖÜ])"  # a sentence or clause ends (not at a date's dots)


def _tense(text: str, start: int, end: int) -> str:
    """'past', 'future' or '' by the words of the clause around a date; a past word elsewhere in the
    question ("Der TN war krank.") does not count."""
    before = re.split(CLAUSE_END + r"|,\s*(?:und|aber|wann|wie|bis|ab)\b", text[max(0, start - 60):start])[-1]
    after = re.split(CLAUSE_END + r"|,", text[end:end + 40])[0]
    clause = before + " " + after
    if FUTURE.search(clause):
        return "future"
    return "past" if PAST.search(clause) else ""


def _without_year(day: int, month: int, today: dt.date, tense: str) -> dt.date:
    """A date named without a year: in a clause about something past, its last occurrence up to today;
    about something to come, its next one from today; otherwise the occurrence nearest to today (the
    later one on a tie): on 02.12.2026 "1.3." is 01.03.2027, "1.10." is 01.10.2026, "begann am 1.3."
    01.03.2026 and "soll am 1.9. beginnen" 01.09.2027; "begann am 29.2." 29.02.2024."""
    options = []
    for year in range(today.year - 4, today.year + 5):  # 29.02. comes every four years
        try:
            options.append(dt.date(year, month, day))
        except ValueError:  # 29.02. in a year without it
            continue
    if tense == "past":
        return max((d for d in options if d <= today), default=min(options))
    if tense == "future":
        return min((d for d in options if d >= today), default=max(options))
    return min(options, key=lambda d: (abs((d - today).days), d < today))


def find_dates(text: str, today: dt.date) -> list[FoundDate]:
    found: list[FoundDate] = []
    spans: list[tuple[int, int]] = []

    def taken(start: int, end: int) -> bool:
        """Whether the span overlaps a date already found (the first reading of a text wins)."""
        return any(s <= start < e or start <= s < end for s, e in spans)

    def add(day: int, month: int, year: int, raw: str, start: int, end: int, assumed: bool, month_only: bool = False,
            part: str = "Monatsanfang") -> None:
        if taken(start, end):
            return
        spans.append((start, end))
        if not (1 <= month <= 12):
            raise ExtractError(f"„{raw.strip()}“ ist kein gültiges Datum.")
        if not (1990 <= year <= 2100):
            raise ExtractError(f"Das Jahr {year} in „{raw.strip()}“ liegt außerhalb des sinnvollen Bereichs (1990 bis 2100).")
        try:  # a day without a year exists if it exists in a leap year (29.02.)
            value = dt.date(2000 if assumed else year, month, day)
        except ValueError:
            raise ExtractError(f"Das Datum „{raw.strip()}“ gibt es nicht.") from None
        if assumed:
            value = _without_year(day, month, today, _tense(text, start, end))
        if part == "Monatsende":
            value += relativedelta(day=31)
        found.append(FoundDate(value, raw.strip(), start, assumed, end, month_only, part=part))

    for m in ISO_DATE.finditer(text):
        add(int(m.group(3)), int(m.group(2)), int(m.group(1)), m.group(0), m.start(), m.end(), False)
    for m in NAMED_DATE.finditer(text):
        y, assumed = _year(m.group(3), today)
        add(int(m.group(1)), MONTHS[m.group(2).lower()], y, m.group(0), m.start(), m.end(), assumed)
    for m in SLASH_DATE.finditer(text):
        y, assumed = _year(m.group(3), today)
        add(int(m.group(1)), int(m.group(2)), y, m.group(0), m.start(), m.end(), assumed)
    for m in NUMERIC_DATE.finditer(text):
        if m.group(3) is None and re.match(r"\s*(Monat|Maßnahmemonat|Teilnehm|Los|Frage)", text[m.end():], re.I):
            continue
        y, assumed = _year(m.group(3), today)
        add(int(m.group(1)), int(m.group(2)), y, m.group(0), m.start(), m.end(), assumed)
    for m in MONTH_PART.finditer(text):
        day, part = MONTH_PARTS[m.group(1).lower()]
        y, assumed = (int(m.group(3)), False) if m.group(3) else (today.year, True)
        add(day, MONTHS[m.group(2).lower()], y, m.group(0), m.start(), m.end(), assumed, month_only=True, part=part)
    for m in MONTH_YEAR.finditer(text):
        add(1, MONTHS[m.group(1).lower()], int(m.group(2)), m.group(0), m.start(1), m.end(), False, month_only=True)
    for m in MONTH_ALONE.finditer(text):
        add(1, MONTHS[m.group(1).lower()], today.year, m.group(0), m.start(1), m.end(), True, month_only=True)

    def add_relative(m: re.Match, value: dt.date) -> None:
        """A day counted from today ("in zwei Wochen", "nächsten Montag", "gestern")."""
        if not taken(m.start(), m.end()):
            spans.append((m.start(), m.end()))
            found.append(FoundDate(value, m.group(0).strip(), m.start(), False, m.end(), relative=True))

    def counted(n: int, unit: str, sign: int) -> dt.date | None:
        """The day `n` units from today, within 1990 to 2100 (the range of a date written out); else None: such a
        time is a story's ("mein Mann hat vor 40 Jahren seine Lehre gemacht"), no day to count from."""
        step = {"t": relativedelta(days=n), "w": relativedelta(weeks=n), "j": relativedelta(years=n)}.get(unit[0], relativedelta(months=n))
        try:
            value = today + step if sign > 0 else today - step
        except (ValueError, OverflowError):
            return None
        return value if 1990 <= value.year <= 2100 else None

    for m in RELATIVE_DATE.finditer(text):
        value = counted(1 if m.group(1) else to_number(m.group(2)), m.group(3).lower(), 1)
        if value is not None:
            add_relative(m, value)
    for m in RELATIVE_PAST.finditer(text):
        value = counted(to_number(m.group(1)), m.group(2).lower(), -1)
        if value is not None:
            add_relative(m, value)
    for m in NEXT_WEEKDAY.finditer(text):
        ahead = (WEEKDAYS[m.group(2).lower()] - today.weekday() - 1) % 7 + 1  # the next one after today
        add_relative(m, today + dt.timedelta(days=ahead + (7 if m.group(1) else 0)))
    for m in RELATIVE_DAY.finditer(text):
        add_relative(m, today + dt.timedelta(days=RELATIVE_DAYS[m.group(1).lower()]))
    found.sort(key=lambda f: f.start)
    # "vom 1.2. bis 31.7.": the two ends of a range are read together, so every calculator gets the same
    # years (each alone is the occurrence nearest today: 01.02.2027 and 31.07.2026); a range that would end
    # before it begins starts a year earlier, or, when only its end lacks the year, ends a year later
    for a, b in zip(found, found[1:]):
        if not RANGE_LINK.fullmatch(text[a.end:b.start]):
            continue
        if a.year_assumed and not a.relative and not b.year_assumed and not b.relative and a.value.year != b.value.year:
            # "21.07.–11.08.2027": the range's year is its end's (QA 35: read as 21.07.2026 beside a trip in 2027)
            try:
                a.value = a.value.replace(year=b.value.year)
            except ValueError:  # 29.02. in a range ending in a common year
                a.value = a.value.replace(year=b.value.year, day=28)
        if b.value < a.value:
            if a.year_assumed and not a.relative:
                a.value -= relativedelta(years=1)
            elif b.year_assumed and not b.relative:
                b.value += relativedelta(years=1)
    return found


RANGE_LINK = re.compile(r"\s*(?:bis(?:\s+(?:zum|einschließlich))?|-|–)\s*", re.I)


# "nächsten Montag", "übernächsten Freitag": the next such day after today (or the one after it)
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6}
NEXT_WEEKDAY = re.compile(r"\b(über|ueber)?(?:nächste|naechste|kommende)[nmr]?\s+(" + "|".join(WEEKDAYS) + r")\b", re.I)
# "in zwei Wochen", "in 3 Monaten", "in einem Jahr": a day counted from today
RELATIVE_DATE = re.compile(r"\bin\s+(?:(einem|einer)\b|" + NUM + r")\s+(Tage?n?|Wochen?|Monate?n?|Jahre?n?)\b", re.I)
# what reads as a time but names no day the calculators can count from ("Ostern", "am Freitag",
# "Ende des Monats"): the reply says it was not read, rather than "no date named"
UNREAD_TIME = re.compile(r"\b(?:ostern|pfingsten|weihnachten|silvester|neujahr|(?:ende|anfang|mitte)\s+de[sr]\s+(?:monats|woche|jahres)"
                         r"|monatsende|jahresende|nächste[nr]?\s+woche|naechste[nr]?\s+woche|kommende[nr]?\s+woche"
                         r"|(?:am|ab|bis|diesen|diesem)\s+(?:" + "|".join(WEEKDAYS) + r"))\b|\d{1,2}/\d{1,2}(?:/\d{2,4})?", re.I)
# "vor drei Jahren", "vor 2 Monaten": a day counted back from today
RELATIVE_PAST = re.compile(r"\bvor\s+" + NUM + r"\s+(Tagen|Wochen|Monaten|Jahren)\b", re.I)
# "gestern", "übermorgen", "morgen" (not "am Morgen", "guten Morgen"); "heute" is the day a question
# is asked on, which the calculators take anyway
RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "morgen": 1, "übermorgen": 2, "uebermorgen": 2}
RELATIVE_DAY = re.compile(r"(?<!\bam )(?<!\bguten )(?<!\bjeden )(?<!\bden )\b(vorgestern|gestern|morgen|übermorgen|uebermorgen)\b", re.I)



def mask_dates(text: str, today: dt.date) -> str:
    """The text with every date replaced by spaces of the same length (so its digits are not read as counts)."""
    try:
        dates = find_dates(text, today)
    except ExtractError:
        return text
    chars = list(text)
    for d in dates:
        for i in range(d.start, d.end or d.start + len(d.text)):
            chars[i] = " "
    return "".join(chars)


PEOPLE = r"(?:UB-|InbeQ-)?(?:Teilnehm\w*|TN\b|Rehabilitand\w*|Personen|Menschen|Leute[n]?\b|Jugendliche[n]?\b|Plätze[n]? besetzt|besetzte[n]? (?:Teilnehmer)?Plätze)"


def find_participants(text: str) -> int | None:
    """The number of participants: '18 Teilnehmende', 'achtzehn TN', 'Teilnehmerzahl: 7'. Refuses '8,5 Teilnehmer'."""
    for m in re.finditer(NUM + r"\s+(?:\w+\s+)?" + PEOPLE, text, re.I):
        if re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue
        # "ein(e)" before a described participant is an article ("Ein ehemaliger Teilnehmer hat seine Stelle
        # verloren", probe 10: read as one participant, the staffing calculator answered), unless a preposition
        # makes it a count ("bei einem neuen Teilnehmer"); "ein Teilnehmer, Monat 14" counts
        between = text[m.end(1):m.end()].split()
        if len(between) > 1 and between[0].lower().rstrip(".") in MAGNITUDES:
            return whole_people(m.group(1)) * MAGNITUDES[between[0].lower().rstrip(".")]
        described = len(between) > 1
        if described and re.fullmatch(r"ein(?:e[mnrs]?)?", m.group(1), re.I) \
                and not re.search(r"\b(?:bei|mit|für|fuer|nur|noch|auf|zu)\s+$", text[:m.start()], re.I):
            continue
        return whole_people(m.group(1))
    for m in re.finditer(r"(?:Teilnehm\w*|TN)\s*(?:zahl|anzahl)?\s*(?:von|:|=|ist|beträgt|liegt bei|bei)?\s*" + NUM
                         + r"(?!\.\s*(?:Monat|Maßnahmemonat))", text, re.I):
        # "Teilnehmern eine Beratungsstelle": an article, not a count; "ein(s)" counts where it is
        # introduced ("Teilnehmerzahl eins", "TN: ein")
        lead = text[m.start():m.start(1)]
        if not re.fullmatch(r"ein\w*", m.group(1), re.I) or re.search(r"zahl|[:=]|\b(?:von|ist|beträgt|bei)\b", lead, re.I):
            return whole_people(m.group(1))
    return None


_LOTS_NAMED = re.compile(r"\bLos(?:e|en)?\b|;", re.I)


def find_lots(text: str) -> list[int] | None:
    """Participants per lot: 'Los 1 hat 5 und Los 2 hat 6', '3 Teilnehmer auf Los 1 und 6 auf Los 2',
    'auf einem Los 5 und auf dem anderen 6', 'zwei Lose, eins mit 5 und eins mit 6', 'auf zwei Losen, 5 und 6 Teilnehmer'.
    None without a second lot."""
    if not _LOTS_NAMED.search(text):  # every reading below needs one of these; its patterns take ~20 ms to compile
        return None
    text = re.sub(r"\b(?:19|20)\d\d\b", lambda m: " " * len(m.group(0)), text)  # contract years are no counts
    # nor are the minimum places ("Mindestteilnehmerplatzzahl 7; 6 Teilnehmer": one lot of 6, QA 3: 7 + 6 had been read)
    text = re.sub(_MIN_PLACES + NUMX + _MORE_PLACES, lambda m: " " * len(m.group(0)), text, flags=re.I)
    per_lot: dict[int, int] = {}
    for m in re.finditer(r"\bLos\s*(\d+|[A-Z]\b)\s*(?:hat|mit|:|=|sind|gibt es)?\s*" + NUM, text, re.I):
        lot = m.group(1)  # "Los 1", or "Los A"
        per_lot.setdefault(int(lot) if lot.isdigit() else ord(lot.lower()) - ord("a") + 1, whole_people(m.group(2)))
    named: dict[str, int] = {}  # lots named by place: "9 Teilnehmende im Los Rostock und 4 im Los Schwerin"
    for m in re.finditer(NUM + r"\s*(?:\w+\s+){0,2}?(?:auf|in|im|bei)\s+(?:dem\s+)?Los\s*(\d+|(?-i:[A-ZÄÖÜ][a-zäöüß]+))", text, re.I):
        lot = m.group(2)
        key = int(lot) if lot.isdigit() else named.setdefault(lot, 1000 + len(named))
        per_lot.setdefault(key, whole_people(m.group(1)))
    if len(per_lot) >= 2:
        return [per_lot[k] for k in sorted(per_lot)]
    m = re.search(r"(?:auf|in|bei)\s+(?:einem|dem einen|dem ersten)\s+Los\s+" + NUM + r".{0,40}?(?:auf|in|bei)\s+(?:dem|einem)\s+(?:anderen|zweiten)(?:\s+Los)?\s+" + NUM, text, re.I)
    if m:
        return [whole_people(m.group(1)), whole_people(m.group(2))]
    # "zwei Lose, eins mit 5 und eins mit 6 TN", "ein Los mit 8, das andere mit 5" (QA 24: only the 6 had been read)
    one = r"(?:eins|eines|das\s+eine|ein\s+Los|das\s+erste)"
    other = r"(?:eins|eines|das\s+andere|das\s+zweite|ein\s+(?:anderes|zweites)(?:\s+Los)?)"
    m = re.search(r"\b" + one + r"\s+mit\s+" + NUM + r"\s*(?:" + PEOPLE + r"\w*\s*)?(?:,|und|sowie)\s*(?:und\s+)?" + other
                  + r"\s+mit\s+" + NUM, text, re.I)
    if m:
        return [whole_people(m.group(1)), whole_people(m.group(2))]
    m = re.search(NUM + r"\s+Losen?\s+(?:mit|zu|à|a)\s+je(?:weils)?\s+" + NUM, text, re.I) or \
        re.search(NUM + r"\s+Losen?\s+(?:mit|zu)\s+" + NUM + r"\s+(?:\w+\s+)?(?:je|pro)\s+Los", text, re.I)
    if m and to_number(m.group(1)) >= 2:
        return [whole_people(m.group(2))] * to_number(m.group(1))
    m = re.search(NUM + r"(?:\s*;\s*" + NUMX + r")+\s*(?:\w+\s+)?(?=" + PEOPLE + r")", text, re.I) \
        or re.search(r"(?:Teilnehm\w*|TN)\s*:\s*" + NUMX + r"(?:\s*;\s*" + NUMX + r")+", text, re.I) \
        or re.search(r"\bLosen?\s*:?\s*" + NUMX + r"(?:\s*;\s*" + NUMX + r")+", text, re.I)
    # "bei 8; 5 Teilnehmern", "Teilnehmende: 8; 5", "Lose 5; 6": the lots as the forms take them (not "Lose 5 und 6",
    # which may name the lots' numbers)
    if m:
        return [whole_people(p) for p in re.findall(NUM, m.group(0), re.I)]
    if re.search(r"\bLos(?:e|en)?\b", text, re.I):
        seqs = re.finditer(NUMX + r"(?:\s*(?:,|und|sowie)\s*" + NUMX + r")+\s*(?:\w+\s+)?(?=" + PEOPLE + r"|auf)", text, re.I)
        for m in seqs:
            parts = re.findall(NUM, m.group(0), re.I)
            if len(parts) >= 2:
                return [whole_people(p) for p in parts]
    return None


@dataclass(frozen=True)
class MonthReading:
    """The month of the measure read from a question, and how: `phrase` is the words when they count months
    passed or name a year ("seit 12 Monaten" is the 13th month), "" when they name the month itself ("im 12. Monat")."""

    month: int
    phrase: str = ""
    how: str = ""  # why the phrase is that month (German, for the assumption)
    span: bool = False  # "in den ersten 12 Monaten": months 1 to `month`, not one month

    @property
    def assumption(self) -> str:
        if self.span:
            return f"„{self.phrase}“: gerechnet für den {self.month}. Maßnahmemonat ({self.how})."
        return f"„{self.phrase}“ = {self.month}. Maßnahmemonat ({self.how})." if self.phrase else ""


_MONTH_WORD = r"(?:Maßnahme|Massnahme|Vertrags|Projekt)?[Mm]onat\b"
_HALF_YEARS = {"halb": 6, "anderthalb": 18, "eineinhalb": 18, "zweieinhalb": 30, "dreieinhalb": 42, "viereinhalb": 54}
# a time in half years: "ein halbes Jahr", "anderthalb Jahre", "zweieinhalb Jahre" (QA 24: not read, so a staffing
# question "zweieinhalb Jahre nach Beginn" got both phases instead of the 31st month), "2,5 Jahre"
_HALVES = r"(halbe[nms]?|anderthalb|(?:ein|zwei|drei|vier)einhalb|(?<![\d,])\d,5)"


def _half_year_months(part: str) -> int:
    part = part.lower()
    if part.endswith(",5"):
        return 12 * int(part[0]) + 6
    return _HALF_YEARS["halb" if part.startswith("halb") else part]
# "seit über einem Jahr", "nach mehr als 12 Monaten": at least that long, so at least the month after
_MORE_THAN = r"(?:(?:über|ueber|mehr\s+als|gut)\s+)?"


def _passed(months: int, phrase: str) -> MonthReading:
    """After `months` full months the measure is in the next one (B.2 counts time so: „sechs Monate nach
    Maßnahmebeginn“ in the first twelve months, „30 Monate nach Maßnahmebeginn“ from the 13th). After more
    than that ("seit über einem Jahr") it is at least in the next one, which is what is computed."""
    unit = "Monat" if months == 1 else "Monaten"
    if re.search(r"\b(?:über|ueber|mehr\s+als|gut)\s", phrase, re.I):
        return MonthReading(months + 1, " ".join(phrase.split()),
                            f"nach mehr als {num_text(months)} vollen {unit} läuft mindestens der {months + 1}. Monat der "
                            f"Maßnahme; gerechnet für den {months + 1}.")
    return MonthReading(months + 1, " ".join(phrase.split()),
                        f"nach {num_text(months)} vollen {unit} läuft der {months + 1}. Monat der Maßnahme")


def _of_the_measure(text: str, m: re.Match) -> bool:
    """Whether the sentence of a time in years ("seit zwei Jahren") is about the measure (or the contract)."""
    begin = max((e.end() for e in re.finditer(r"[.!?;]\s", text[:m.start()])), default=0)
    end = next((e.start() for e in re.finditer(r"[.!?;](?:\s|$)", text[m.end():])), len(text) - m.end()) + m.end()
    return re.search(r"maßnahme|massnahme|inbeq|vertrag|projekt|option|\bläuft|\blaufen", text[begin:end], re.I) is not None


def num_text(value: int) -> str:
    return "einem" if value == 1 else str(value)


def find_month_reading(text: str) -> MonthReading | None:
    """The month of the measure: named ('im 20. Monat', 'im sechsten Monat', 'dritter Monat', 'Monat 14', 'Monat: 14') or
    counted from the months or years passed ('seit 12 Monaten', '12 Monate nach Maßnahmebeginn', 'nach einem Jahr': the 13th)."""
    bad = re.search(r"\d+,\d+\.?\s*(?:Maßnahme|Vertrags|Projekt)?[Mm]onat", text)
    if bad:  # "im 6,5. Monat" is no month of the measure (it was read as the 5th)
        raise ExtractError(f"„{bad.group(0)}“: ein Maßnahmemonat ist eine ganze Zahl (z. B. „im 6. Monat“).")
    named = [
        r"(\d+)\.\s*" + _MONTH_WORD,  # "im 12. Monat", "12. Maßnahmemonat"
        r"(?<![\d.,])(\d+)-?(?:te[nrs]?|ste[nrs]?)\s+" + _MONTH_WORD,  # "im 6ten Monat", "20sten Monat"
        r"(?<![\w-])(" + _ORDINAL + r")\s+" + _MONTH_WORD,  # "im zwölften Monat", "dritter Monat"
        r"\b(?:im|ab dem)\s+(\d+)\s+" + _MONTH_WORD,  # "im 6 Monat", the ordinal's dot left out
        r"(?:Maßnahme)?[Mm]onat\s*:?\s+(\d+|" + _WORDS + r")\b",  # "Monat 14", "Monat dreizehn"
    ]
    for p in named:
        m = re.search(p, text, re.I)
        if m:
            g = m.group(1).lower()
            return MonthReading(ORDINAL_WORDS[g] if g in ORDINAL_WORDS else to_number(g))
    m = re.search(r"\b(?:(nach)\s+den\s+|in\s+den\s+)?ersten\s+" + NUM + r"\s+(?:Maßnahme|Massnahme|Vertrags)?[Mm]onate?n?\b", text, re.I)
    if m:  # "nach den ersten 12 Monaten": the 13th; "in den ersten 12 Monaten": months 1 to 12, no month passed
        n = to_number(m.group(2))
        if m.group(1):
            return _passed(n, m.group(0))
        return MonthReading(n, " ".join(m.group(0).split()), f"Monat 1 bis {n} werden gleich berechnet", span=True)
    start = r"\s+nach\s+(?:dem\s+)?(?:Maßnahme|Massnahme|Vertrags|Projekt)?[Bb]eginn"
    m = re.search(NUM + r"\s+Monate?n?" + start, text, re.I) or re.search(r"\b(?:seit|nach)\s+" + _MORE_THAN + NUM + r"\s+Monate?n?\b", text, re.I)
    if m:  # "12 Monate nach Maßnahmebeginn", "seit 12 Monaten", "nach 12 Monaten"
        return _passed(to_number(m.group(1)), m.group(0))
    m = re.search(r"\b(?:seit|nach)\s+(?:(?:einem|einen|1)\s+)?" + _HALVES + r"\s+Jahre?n?\b", text, re.I) \
        or re.search(r"\b(?:ein(?:em|en)?\s+)?" + _HALVES + r"\s+Jahre?\b" + start, text, re.I)
    if m and (not m.group(0).lower().startswith(("seit", "nach")) or _of_the_measure(text, m)):
        # "anderthalb Jahre nach Maßnahmebeginn"; "die Maßnahme läuft seit einem halben Jahr"
        return _passed(_half_year_months(m.group(1)), m.group(0))
    m = re.search(NUM + r"\s+Jahre?n?" + start, text, re.I)
    for y in ([m] if m else []) + [y for y in re.finditer(r"\b(?:seit|nach)\s+" + _MORE_THAN + NUM + r"\s+Jahre?n?\b", text, re.I) if _of_the_measure(text, y)]:
        # "ein Jahr nach Maßnahmebeginn"; "nach einem Jahr Maßnahme", "die Maßnahme läuft seit zwei Jahren" (not "ich
        # arbeite seit zwei Jahren als QT")
        if not re.fullmatch(r"(?:19|20)\d\d", y.group(1)):
            return _passed(12 * to_number(y.group(1)), y.group(0))
    m = re.search(r"\b(?:im|ab dem)\s+(" + _ORDINAL + r"|\d+\.)\s+(?:Maßnahme|Massnahme|Vertrags)?[Jj]ahr\b", text, re.I)
    if m:  # "im zweiten Maßnahmejahr": its first month; the rule is the same all year (months 13-24)
        g = m.group(1).lower().rstrip(".")
        year = ORDINAL_WORDS[g] if g in ORDINAL_WORDS else to_number(g)
        first = 12 * (year - 1) + 1
        return MonthReading(first, " ".join(m.group(0).split()),
                            f"der erste Monat dieses Jahres, Monat {first} bis {first + 11} werden gleich berechnet")
    return None


def find_month(text: str) -> int | None:
    """The month of the measure as a number (see find_month_reading)."""
    reading = find_month_reading(text)
    return reading.month if reading else None


_MIN_PLACES = (r"(?:Mindest(?:teilnehmer)?(?:platz|plätze|plaetze|teilnehmerplatzzahl|platzzahl|teilnehmerzahl)\w*|\bMTPZ\b|\bMTZ\b"
               r"|\bMindest-?(?:TN|Teilnehmer|Teilnehmende)-?(?:platz|plätze|plaetze)\w*|\bMindest-?(?:TN|Teilnehmer|Teilnehmende)\b)"
               r"\s*(?:(?:lt\.|laut|nach)\s+(?:dem\s+)?(?:Losblatt|Vertrag|VU)\s*)?"  # "Mindest-TN-Platzzahl lt. Losblatt 8"
               r"\s*(?:von|:|=|ist|beträgt|betragen|liegt bei|liegen bei|bei|sind)?\s*")
# "7 und 5", "7; 5": one per lot, in the lots' order (not "7 und 5 Teilnehmer", the lots' participants, nor "; 6. Monat")
_MORE_PLACES = r"((?:\s*(?:;|,|und|sowie)\s*" + NUMX + r"(?![\d.,]?\d)(?!\.?\s*(?:" + PEOPLE + r"|Monat|Maßnahmemonat)))*)"


def find_min_places(text: str) -> int | list[int] | None:
    """The Mindestteilnehmerplatzzahl; several ("Mindestteilnehmerplatzzahl 7 und 5", or one named for each lot: "Los 1:
    … Mindestplätze 7; Los 2: … Mindestplätze 5") as a list, one per lot."""
    values: list[int] = []
    for m in re.finditer(_MIN_PLACES + NUM + _MORE_PLACES, text, re.I):
        values.append(whole_people(m.group(1), "Mindestteilnehmerplätze"))
        values += [whole_people(v, "Mindestteilnehmerplätze") for v in re.findall(NUM, m.group(2), re.I)]
    if not values:
        m = re.search(NUM + r"\s+Mindest(?:teilnehmer)?pl[aä]tze?", text, re.I)
        return whole_people(m.group(1), "Mindestteilnehmerplätze") if m else None
    return values[0] if len(values) == 1 else values


def find_months_count(text: str) -> int | None:
    m = re.search(NUM + r"\s+(?:(?:voll|ganz)\w*\s+)?(?:Kalender)?[Mm]onate?n?", text, re.I)
    return to_number(m.group(1)) if m else None


# a time in years as people say it: "seit einem dreiviertel Jahr", "ein halbes Jahr", "anderthalb Jahre" (`_HALVES`)
_YEAR_PARTS = {"viertel": 3, "dreiviertel": 9}


def find_years_as_months(text: str) -> tuple[int, str] | None:
    """Months of a time told in years ('seit einem dreiviertel Jahr' -> 9, 'zwei Jahre' -> 24), with the words."""
    m = re.search(r"(?:\b(?:ein(?:em|en|es)?\s+)?)?(?:\b(viertel|dreiviertel)|" + _HALVES + r")\s+Jahre?s?n?\b", text, re.I)
    if m:
        return (_YEAR_PARTS[m.group(1).lower()] if m.group(1) else _half_year_months(m.group(2))), m.group(0).strip()
    # whole years only as a time ("seit 2 Jahren", "zwei Jahre dabei"), never an age ("23 Jahre alt", "(19 Jahre)")
    for m in re.finditer(r"(?:\b(seit|nach|für|über|schon|bereits)\s+)?" + NUM + r"\s+(?:(?:voll|ganz)\w*\s+)?Jahre?n?\b"
                         r"(?=(\s+(?:lang|dabei|teilnahme|in der|im|dauer|dauert|gedauert))?)", text, re.I):
        if (m.group(1) or m.group(3)) and not re.fullmatch(r"(?:19|20)\d\d", m.group(2)):
            return to_number(m.group(2)) * 12, m.group(0).strip()
    return None


_INTERRUPT = r"(?:unterbroch|unterbrech|krank|pausier|ausgesetzt|Pause)"  # "musste 30 Tage pausieren" (QA 17)


def find_interruption(text: str) -> tuple[int, int]:
    """An interruption as (days, months): '70 Tage krank' -> (70, 0), '2 Monate unterbrochen' -> (0, 2), '10 Wochen' -> (70, 0);
    none when the text says the measure was not interrupted ('3 Wochen krank, die Maßnahme wurde aber nicht unterbrochen';
    QA 18: the end had moved by the three weeks)."""
    if re.search(r"\bnicht\s+(?:\w+\s+)?unterbrochen|\bohne\s+unterbrechung|\bkeine\s+unterbrechung", text, re.I):
        return 0, 0
    pat_before = NUM + r"\s*(Tage?n?|Wochen?|Monate?n?)\s+(?:\w+\s+){0,3}?" + _INTERRUPT
    pat_after = _INTERRUPT + r"\w*\s+(?:\w+\s+){0,4}?" + NUM + r"\s*(Tage?n?|Wochen?|Monate?n?)"
    m = re.search(pat_before, text, re.I) or re.search(pat_after, text, re.I)
    if not m:
        return 0, 0
    days, months = 0, 0
    parts = [(m.group(1), m.group(2))]
    # "2 Monate wegen Krankheit und 10 Tage Reha", "2 Monate und 10 Tage unterbrochen": a second time joined on
    times = list(re.finditer(NUM + r"\s*(Tage?n?|Wochen?|Monate?n?)\b", text[m.start():m.end() + 40], re.I))
    for a, b in zip(times, times[1:]):
        between = text[m.start() + a.end():m.start() + b.start()]
        if (a.group(1), a.group(2)) == parts[0] and re.search(r"\b(?:und|sowie|plus)\b|,", between) \
                and not re.search(r"[.!?;]", between) and b.group(2)[0].lower() != a.group(2)[0].lower():
            parts.append((b.group(1), b.group(2)))
            break
    for number, unit in parts:
        n, unit = to_number(number), unit.lower()
        if unit.startswith("monat"):
            months += n
        else:
            days += n * (7 if unit.startswith("woche") else 1)
    return days, months


def find_extension_months(text: str) -> int:
    """'verlängert um 12 Monate', 'wird um zwölf Monate verlängert', 'Verlängerung von 6 Monaten' -> months (0 if none)."""
    pats = [
        r"verlänger\w*\s+(?:\w+\s+){0,2}?um\s+" + NUM + r"\s+Monate?n?",
        r"um\s+(?:weitere\s+)?" + NUM + r"\s+Monate?n?\s+(?:\w+\s+){0,2}?verlänger",
        r"Verlängerung\s*(?:[:=]\s*|(?:um|von|über)\s+)?(?:weitere\s+)?" + NUM + r"\s+Monate?n?",  # "Verlängerung 6 Monate"
        NUM + r"\s+Monate?n?\s+Verlängerung",
    ]
    for p in pats:
        m = re.search(p, text, re.I)
        if m:
            return to_number(m.group(1))
    return 0


def find_duration_months(text: str) -> int | None:
    """How long a measure lasted: 'dauerte 1 Monat', '3-monatig', 'sechs Monate lang', 'über 6 Wochen' (weeks -> months, rounded down)."""
    pats = [
        (r"(?:dauer\w*|lief|ging|gedauert|Dauer von|Laufzeit von)\s+(?:\w+\s+){0,2}?" + NUM + r"\s*(Monate?n?|Wochen?)", 1),
        (NUM + r"\s*(?:-\s?)?(monatig|wöchig)", 1),
        # written as one word: "einmonatige", "dreimonatige MAG" (QA 17: read as no duration, then two months)
        (r"(?<![\w])(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)(monatig|wöchig)", 1),
        # "MAG (1 Monat)", "war einen Monat in einer Maßnahme" (QA 17)
        (r"\b(?:MAG|Maßnahme)\s*\(\s*" + NUM + r"\s*(Monate?n?|Wochen?)\s*\)", 1),
        (r"\b(?:war|waren|ist|bin)\s+" + NUM + r"\s*(Monate?n?|Wochen?)\s+(?:lang\s+)?(?:in|bei)\b", 1),
        (NUM + r"\s*(Monate?n?|Wochen?)\s+(?:lang|gedauert|gelaufen|Dauer|dauer)", 1),
        (r"\b(?:MAG|Maßnahme)\s+(?:von\s+|über\s+)?" + NUM + r"\s*(Monate?n?|Wochen?)\b", 1),  # "MAG 1 Monat"
        (r"\b(?:endet|endete|beendet)\s+nach\s+" + NUM + r"\s*(Monate?n?|Wochen?)\b", 1),  # "endet nach 24 Monaten" (QA 14)
    ]
    for p, _ in pats:
        m = re.search(p, text, re.I)
        if m:
            n, unit = to_number(m.group(1)), m.group(2).lower()
            return n if unit.startswith("monat") else (n * 7) // 30
    return None


def find_hours_used(text: str) -> float | None:
    m = re.search(NUM + r"\s*(?:(?:Fachleistungs)?[Ss]tunden|FLS)\s+(?:\w+\s+){0,2}?(?:verbraucht|geleistet|genutzt|abgerechnet|erbracht)", text, re.I)
    if m is None:
        m = re.search(r"(?:verbraucht|geleistet|genutzt|abgerechnet|erbracht)\w*\s+(?:\w+\s+){0,2}?" + NUM + r"\s*(?:(?:Fachleistungs)?[Ss]tunden|FLS)", text, re.I)
    if m is None:  # "wenn 40 verbraucht", "40 h schon geleistet": a bare number right before the verb
        m = re.search(NUM + r"\s*(?:h|Std\.?)?\s+(?:schon\s+|bereits\s+)?(?:verbraucht|geleistet|genutzt|abgerechnet|erbracht)", text, re.I)
    return float(parse_number(m.group(1))) if m else None


def find_start_year(text: str) -> int | None:
    """The year a contract or measure began: 'Beginn 2013', '2014 begonnen', 'Vertrag von 2012', 'Altvertrag (2015)'."""
    m = re.search(r"(?:Beginn|begonnen|gestartet|Start|Vertrag\w*\s+(?:(?:ist|stammt|war|läuft)\s+)?(?:von|aus|seit))\D{0,20}?((?:19|20)\d\d)\b"
                  r"|\b((?:19|20)\d\d)\s+(?:begonnen|gestartet)|Vertrag\w*\s*\(\s*((?:19|20)\d\d)\s*\)", text, re.I)
    return int(m.group(1) or m.group(2) or m.group(3)) if m else None


_YEAR = r"((?:19|20)\d\d)\b"
_CONTRACT = r"(?<!\w)(?:Grund|Alt|Rahmen|Maßnahme)?[Vv]ertr(?:ag|äg)"  # not an employment's "Arbeitsvertrag"
_CONTRACT_YEAR = [
    # "Vertrag von 2015", "der Grundvertrag ist von 2015", "Option aus einem Vertrag aus dem Jahr 2015", "Altvertrag vom 01.03.2015"
    _CONTRACT + r"\w*\s+(?:(?:ist|stammt|war|läuft|wurde|lief)\s+)?(?:\w+\s+){0,2}?(?:von|aus|seit|vom)\s+"
    r"(?:dem\s+Jahr\s+|\d{1,2}\.\s?\d{1,2}\.\s?)?" + _YEAR,
    _CONTRACT + r"\w*\s*\(\s*" + _YEAR + r"\s*\)",  # "Altvertrag (2015)"
    r"(?<!\w)Vertragsbeginn\w*\s*(?::|war|ist|im|in)?\s*(?:Jahr\s+)?" + _YEAR,  # "Vertragsbeginn 2015", "Vertragsbeginn war 2015"
    r"\b" + _YEAR[:-2] + r"er[- ]?(?:Grund|Alt|Rahmen)?[Vv]ertrag",  # "2015er Vertrag"
    _CONTRACT + r"\s+" + _YEAR,  # "Grundvertrag 2015"
]


def find_contract_year(text: str) -> int | None:
    """The year the (basic) contract began: 'Vertrag von 2015', 'Grundvertrag 2015', '2015er Vertrag'; an option drawn from it
    may begin later ('Option aus einem Vertrag von 2015, die 2017 begann': 2015). None when no contract year is named."""
    found = [m for p in _CONTRACT_YEAR for m in [re.search(p, text)] if m]
    return int(min(found, key=lambda m: m.start()).group(1)) if found else None


def find_weekdays(text: str) -> int | None:
    """Working days per week: 'Viertagewoche' -> 4, '6 Arbeitstage pro Woche' -> 6."""
    words = {"vier": 4, "fünf": 5, "sechs": 6, "drei": 3, "zwei": 2}
    m = re.search(r"(zwei|drei|vier|fünf|sechs)[- ]?tage[- ]?woche", text, re.I)
    if m:
        return words[m.group(1).lower()]
    m = re.search(NUM + r"[- ]?(?:Arbeits)?tage?(?:\s*(?:pro|die|je|in der)\s*|-)Woche", text, re.I)
    return to_number(m.group(1)) if m else None


def find_negative(text: str) -> str | None:
    # "-3 Teilnehmer", "personal -3 tn", "–3 tn" (a dash set close to its number), "minus 3 Teilnehmer" (QA 39: the
    # sign had been dropped and 3 participants reckoned)
    m = re.search(r"(?:(?<![\w.])-\s?|(?<![\w.])[–−]|\bminus\s+)\d+\s*(?:Teilnehm\w*|tn\b|Personen|Leute|Plätze|Platz|Monat\w*|"
                  r"Stunden|Std\b|Tage?n?\b|Wochen|Jahre?n?\b)", text, re.I)
    return m.group(0) if m else None
