"""Which single-byte encoding a text that is not UTF-8 is in, or None when that cannot be told.

Cyrillic code pages first: in Windows-1251 or KOI8-R text the bytes above 127 come in runs (whole
words), and one of the two decodes them to mostly lower-case Cyrillic letters. Anything else goes
to charset-normalizer, whose answer is taken only when it is confident (no chaos in the decoded
text; not a UTF-16/32 guess for bytes without a BOM; a CJK guess only with a language
behind it); of Latin code pages that read the text alike, Windows-1252 is preferred. A Latin-1
"Café" must not become the Windows-1251 "Cafй".
"""

from __future__ import annotations

import codecs
import re

__all__ = ["guess_encoding"]

_CYRILLIC_LOWER = re.compile(r"[а-яё]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which its guess is not trusted


def _cyrillic_score(text: str) -> int:
    return len(_CYRILLIC_LOWER.findall(text)) * 2 - len(_CYRILLIC.findall(text))


def _in_runs(sample: bytes) -> float:
    """Share of bytes above 127 that stand next to another such byte (letters of a word)."""
    high = [i for i, b in enumerate(sample) if b >= 0x80]
    if not high:
        return 0.0
    marks = set(high)
    return sum(1 for i in high if i - 1 in marks or i + 1 in marks) / len(high)


def cyrillic_encoding(sample: bytes) -> str | None:
    """"cp1251" or "koi8_r" when the bytes read as Cyrillic words in one of them."""
    if _in_runs(sample) < 0.5:
        return None
    non_ascii = bytes(b for b in sample if b >= 0x80)
    best = max(("cp1251", "koi8_r"),
               key=lambda enc: _cyrillic_score(non_ascii.decode(enc, errors="replace")))
    decoded = non_ascii.decode(best, errors="replace")
    if len(_CYRILLIC.findall(decoded)) >= 0.6 * max(len(decoded), 1):
        return best
    return None


def guess_encoding(sample: bytes) -> str | None:
    """Python codec name of bytes that are not UTF-8, or None when no guess is confident."""
    found = cyrillic_encoding(sample)
    if found:
        return found
    from charset_normalizer import from_bytes  # lazy: only for files that are not UTF-8
    from charset_normalizer.utils import is_multi_byte_encoding

    results = [r for r in from_bytes(sample[:200_000]) if r.chaos <= MAX_CHAOS]
    if not results:
        return None
    low = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos <= low + 0.01]
    names = [codecs.lookup(r.encoding).name for r in tied]
    if "cp1252" in names:
        # Western text reads alike in the Latin code pages; Windows-1252 is the one
        # spreadsheets and word processors write, with its quotes and dashes.
        return "cp1252"
    top, name = tied[0], names[0]
    if name.startswith(("utf-16", "utf-32")):
        return None  # without a BOM these are guesses from a handful of bytes
    if is_multi_byte_encoding(top.encoding) and top.coherence < 0.1:
        return None  # byte noise that happens to form valid CJK pairs
    return name
