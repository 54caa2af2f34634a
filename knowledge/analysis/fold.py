"""Umlaut and ß folding, so that "Uebergangsgeld", "Übergangsgeld" and "übergangsgeld" meet; other accents
are dropped ("Café" and "Cafe")."""

import unicodedata

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def fold(word: str) -> str:
    """Lowercase, fold umlauts/ß to their two-letter spellings and drop other accents."""
    folded = word.lower().translate(_FOLD)
    if folded.isascii():
        return folded
    return "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
