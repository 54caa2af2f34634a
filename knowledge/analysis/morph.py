"""Small rules of German word formation that a lookup table of inflections does not cover.

- Number words and digits mean the same ("vier Phasen" / "4-Phasen-Modell").
- Past participles of separable verbs that the lemma table lacks ("abgerechnet" ->
  "abrechnen", "zugewiesene" -> "zuweisen").
- A derivational root shared by a verb in -ieren and its noun in -ation/-ierung
  ("informiert", "Information" -> "inform"; "qualifizieren", "Qualifizierung" -> "qualifiz"),
  which Snowball stems apart.
- A verb and its noun in -ung ("haften" / "Haftung", "versichert" / "Versicherung",
  "gemeldet" / "Meldung"), which Snowball stems apart whenever the -ung lies before the
  word's second syllable region ("haftung", "meldung", "zahlung" keep it; "beratung" loses it).
  Parents ask with the verb ("wer haftet"), the documents name the noun ("Haftung").
- An adjective negated with un- and the adjective ("unverbindlich" / "verbindlich",
  "unbefristet" / "befristet"), where no compound split gives its parts: asked "ist der Plan verbindlich?", the answer says
  "rechtlich unverbindlich".

All functions take and return folded lowercase words (see `fold`).
"""
from __future__ import annotations

NUMBER_WORDS = {
    "zwei": "2", "drei": "3", "vier": "4", "fuenf": "5", "sechs": "6", "sieben": "7", "acht": "8",
    "neun": "9", "zehn": "10", "elf": "11", "zwoelf": "12", "dreizehn": "13", "vierzehn": "14", "fuenfzehn": "15",
    "sechzehn": "16", "siebzehn": "17", "achtzehn": "18", "neunzehn": "19", "zwanzig": "20", "dreissig": "30",
    "vierzig": "40", "fuenfzig": "50", "sechzig": "60", "hundert": "100",
}
DIGIT_WORDS = {v: k for k, v in NUMBER_WORDS.items()}

# separable verb particles, longest first so "zurueck" wins over "zu"
SEPARABLE = tuple(sorted((
    "ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "fest", "fort", "her", "hin", "los", "mit",
    "nach", "statt", "teil", "um", "vor", "weg", "weiter", "wieder", "zu", "zurueck", "zusammen",
    "vorbei", "hinzu", "heraus", "herein", "voran",
), key=len, reverse=True))
PARTICIPLE_ENDINGS = ("ten", "tem", "ter", "tes", "te", "t")
MIN_ROOT = 4


def number_alias(folded: str) -> str | None:
    """The digit for a number word, or the number word for a digit."""
    return NUMBER_WORDS.get(folded) or DIGIT_WORDS.get(folded)


def _strip_participle_ending(word: str) -> str | None:
    for end in PARTICIPLE_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            base = word[: -len(end)]
            return base[:-1] if base.endswith("e") and len(base) > 4 else base
    return None


def verb_candidates(folded: str) -> list[str]:
    """Infinitives a participle or zu-infinitive may come from, most likely first.

    The caller keeps a candidate only if the corpus knows it, so over-generating is safe.
    """
    out: list[str] = []
    for prefix in ("",) + SEPARABLE:
        if not folded.startswith(prefix):
            continue
        rest = folded[len(prefix):]
        if rest.startswith("zu") and prefix and rest.endswith("en") and len(rest) > 5:
            out.append(prefix + rest[2:])  # ab-zu-rechnen
        if not rest.startswith("ge"):
            continue
        base = _strip_participle_ending(rest[2:])
        if base and len(base) >= 3:
            out.extend([prefix + base + "en", prefix + base + "n"])
    return list(dict.fromkeys(out))


def derivational_root(folded: str) -> str | None:
    """The root a verb in -ieren shares with its noun in -ation or -ierung."""
    for suffix in ("ierungen", "ierung", "ationen", "ation", "ieren", "iert", "ierte", "ierten"):
        if folded.endswith(suffix):
            root = folded[: -len(suffix)]
            return root if len(root) >= MIN_ROOT else None
    return None


def ung_relatives(folded: str) -> list[str]:
    """The verb a noun in -ung is made from, or the noun in -ung made from a verb (infinitive):
    "haftung" -> ["haften"], "versicherung" -> ["versichern", "versicheren"], "melden" -> ["meldung"],
    "versichern" -> ["versicherung"]. Not for -ieren / -ierung (`derivational_root` covers those).

    The caller keeps a relative only if the corpus knows it, so over-generating is safe.
    """
    if folded.endswith("ung") and not folded.endswith("ierung"):
        base = folded[:-3]
        if len(base) < MIN_ROOT:
            return []
        if base.endswith(("er", "el")):
            return [base + "n", base + "en"]  # versicher-n, regel-n
        return [base + "en"]
    if folded.endswith(("ern", "eln")) and len(folded) - 1 >= MIN_ROOT:
        return [folded[:-1] + "ung"]  # versicherung, regelung
    if folded.endswith("en") and not folded.endswith("ieren") and len(folded) - 2 >= MIN_ROOT:
        return [folded[:-2] + "ung"]
    return []


MIN_NEGATED = 5  # "Unfall" is no negated "Fall"


def negated_base(folded: str) -> str | None:
    """The word an un- word negates ("unverbindlich" -> "verbindlich"), or None. The caller keeps it
    only if the corpus knows it ("unterstuetzt" has no "terstuetzt")."""
    if folded.startswith("un") and not folded.startswith(("unter", "union")) and len(folded) - 2 >= MIN_NEGATED:
        return folded[2:]
    return None
