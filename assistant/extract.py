"""Extract German numbers and dates from a question ("8 Teilnehmer", "am 1. März 2027", "2.1.27")."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3, "april": 4, "apr": 4,
    "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
NUMBER_WORDS = {
    "null": 0, "kein": 0, "keine": 0, "keinen": 0, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "zwanzig": 20, "dreißig": 30,
}
ORDINAL_WORDS = {
    "ersten": 1, "erste": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5, "sechsten": 6, "siebten": 7,
    "achten": 8, "neunten": 9, "zehnten": 10, "elften": 11, "zwölften": 12, "dreizehnten": 13,
}
NUM = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?(?![\d])")
NAMED_DATE = re.compile(r"(?<![\d])(\d{1,2})\.?\s*(" + MONTH_NAMES + r")\.?(?:\s+(\d{4}))?\b", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


class ExtractError(ValueError):
    """An impossible date or number in the question (German message)."""


@dataclass
class FoundDate:
    value: dt.date
    text: str
    start: int
    year_assumed: bool = False


def to_number(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def _year(text: str | None, today: dt.date) -> tuple[int, bool]:
    if not text:
        return today.year, True
    y = int(text)
    if len(text) == 2:
        y += 2000
    return y, False


def find_dates(text: str, today: dt.date) -> list[FoundDate]:
    found: list[FoundDate] = []
    spans: list[tuple[int, int]] = []

    def add(day: int, month: int, year: int, raw: str, start: int, end: int, assumed: bool) -> None:
        if any(s <= start < e for s, e in spans):
            return
        spans.append((start, end))
        if not (1900 <= year <= 2200) or not (1 <= month <= 12):
            raise ExtractError(f"„{raw.strip()}“ ist kein gültiges Datum.")
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise ExtractError(f"Das Datum „{raw.strip()}“ gibt es nicht.") from None
        if not (1990 <= year <= 2100):
            raise ExtractError(f"Das Jahr {year} in „{raw.strip()}“ liegt außerhalb des sinnvollen Bereichs (1990 bis 2100).")
        if assumed and value < today - dt.timedelta(days=31):
            value = value.replace(year=year + 1)
        found.append(FoundDate(value, raw.strip(), start, assumed))

    for m in ISO_DATE.finditer(text):
        add(int(m.group(3)), int(m.group(2)), int(m.group(1)), m.group(0), m.start(), m.end(), False)
    for m in NAMED_DATE.finditer(text):
        y, assumed = _year(m.group(3), today)
        add(int(m.group(1)), MONTHS[m.group(2).lower()], y, m.group(0), m.start(), m.end(), assumed)
    for m in NUMERIC_DATE.finditer(text):
        if m.group(3) is None and re.match(r"\s*(Monat|Maßnahmemonat|Teilnehm|Los|Frage)", text[m.end():], re.I):
            continue
        y, assumed = _year(m.group(3), today)
        add(int(m.group(1)), int(m.group(2)), y, m.group(0), m.start(), m.end(), assumed)
    found.sort(key=lambda f: f.start)
    return found


def find_participants(text: str) -> int | None:
    m = re.search(NUM + r"\s+(?:UB-|InbeQ-)?(?:Teilnehm\w*|TN\b|Rehabilitand\w*|Personen|Plätze[n]? besetzt)", text, re.I)
    if m:
        return to_number(m.group(1))
    m = re.search(r"(?:Teilnehm\w*|TN)\s*(?:zahl|anzahl)?\s*(?:von|:|=)?\s*(\d+)\b(?!\.\s*(?:Monat|Maßnahmemonat))", text, re.I)
    return int(m.group(1)) if m else None


def find_month(text: str) -> int | None:
    pats = [
        r"(\d+)\.\s*(?:Maßnahme)?[Mm]onat",
        r"\b(?:im|ab dem|ab)\s+(" + "|".join(ORDINAL_WORDS) + r")\s+(?:Maßnahme)?[Mm]onat",
        r"[Mm]onat\s+(\d+)\b",
        NUM + r"\s+Monate?n?\s+nach\s+(?:dem\s+)?(?:Maßnahme|Vertrags)?[Bb]eginn",
        r"(?:seit|nach)\s+" + NUM + r"\s+Monate?n?\b",
    ]
    for p in pats:
        m = re.search(p, text, re.I)
        if m:
            g = m.group(1).lower()
            return ORDINAL_WORDS.get(g) or to_number(g)
    return None


def find_min_places(text: str) -> int | None:
    m = re.search(r"Mindest(?:teilnehmer)?(?:platz|plätze|teilnehmerplatzzahl|platzzahl|teilnehmerzahl)\w*\s*(?:von|:|=|ist|beträgt|liegt bei|bei)?\s*(\d+)", text, re.I)
    if m:
        return int(m.group(1))
    m = re.search(r"(\d+)\s+Mindest(?:teilnehmer)?pl[aä]tze?", text, re.I)
    return int(m.group(1)) if m else None


def find_months_count(text: str) -> int | None:
    m = re.search(NUM + r"\s+(?:vollen?\s+)?(?:Kalender)?[Mm]onate?n?", text, re.I)
    return to_number(m.group(1)) if m else None


def find_negative(text: str) -> str | None:
    m = re.search(r"(?<![\w.])-\s?\d+\s*(?:Teilnehm\w*|Monat\w*|Stunden|Tage)", text, re.I)
    return m.group(0) if m else None
