"""Words to their Snowball stems, English for Latin script and Russian for Cyrillic.

Search uses it so that "protest" finds "protesters" and "митингов" finds "митинг". Kyrgyz words
go through the Russian stemmer (no Snowball stemmer for Kyrgyz exists); it trims common endings
and, applied alike to texts and queries, never loses a match an unstemmed search would find.
PostgreSQL's ``russian`` configuration runs the same two Snowball stemmers (Russian for
Cyrillic, English for ASCII words), so both backends agree.
"""

from __future__ import annotations

import functools
import re

__all__ = ["stem_text", "stem_word", "words"]

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яёңөүһәіїєґ]")
_LATIN = re.compile(r"^[a-z]+$")


@functools.cache
def _stemmers():
    import snowballstemmer  # lazy: only search needs it

    return snowballstemmer.stemmer("english"), snowballstemmer.stemmer("russian")


@functools.lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """The stem of one word (lower-cased); words with digits or other scripts unchanged."""
    word = word.lower()
    english, russian = _stemmers()
    if _LATIN.match(word):
        return english.stemWord(word)
    if _CYRILLIC.search(word) and not any(ch.isdigit() for ch in word):
        return russian.stemWord(word)
    return word


def words(text: str) -> list[str]:
    """The words of a text as search sees them."""
    return _WORD.findall(text or "")


def stem_text(text: str | None) -> str:
    """The text as space-separated stems, for a stemmed search index."""
    if not text:
        return ""
    return " ".join(stem_word(w) for w in _WORD.findall(text))
