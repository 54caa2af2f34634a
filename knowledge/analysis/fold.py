"""Umlaut and ß folding, so that "Uebergangsgeld", "Übergangsgeld" and "übergangsgeld" meet."""

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def fold(word: str) -> str:
    """Lowercase and fold umlauts/ß to their two-letter spellings."""
    return word.lower().translate(_FOLD)
