"""Capitals back on place names in text written all in lower case (coders' notes, feeds).

The gazetteer reads a town only where a word is capitalised, which keeps "mobile phones" and
"in march" out of the map. Text with no capital letter at all would then have no places. Here a
lower-case text gets its capitals back on the names that are safe to read: a country, or a
region or town of at least ``MIN_POPULATION`` people that follows a locative word ("in vienna",
"outside the court in abidjan"). Same length, same offsets; every other word is left alone.
"""

from __future__ import annotations

from sitroom.coding.places.gazetteer import Gazetteer
from sitroom.coding.places.names import STOP, norm, words

MIN_POPULATION = 100_000
MAX_WORDS = 3
# words after which a name is where something happened
_LOCATIVE = frozenset({"in", "at", "near", "outside", "from", "across", "around", "to",
                       "into", "downtown", "central", "northern", "southern", "eastern",
                       "western", "city", "capital"})


def lowercase_only(text: str, sample: int = 3000) -> bool:
    """Whether a text has letters but not one capital among its first ``sample`` characters."""
    head = text[:sample]
    return any(ch.isalpha() for ch in head) and not any(ch.isupper() for ch in head)


def truecased(text: str, gaz: Gazetteer) -> str:
    """The text with the safe place names capitalised (see the module docstring)."""
    toks = words(text)
    chars = list(text)
    i = 0
    while i < len(toks):
        done = 0
        for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
            chunk = toks[i:i + n]
            key = norm(" ".join(w for w, _, _ in chunk))
            if len(key) < 3 or key in STOP or key.split()[0] in _LOCATIVE:
                continue
            hits = gaz.exact.get(key, ())
            kinds = {gaz.entries[idx].kind for idx, _ in hits}
            big = any(gaz.entries[idx].kind == "admin1"
                      or gaz.entries[idx].population >= MIN_POPULATION for idx, _ in hits)
            cue = i > 0 and norm(toks[i - 1][0]) in _LOCATIVE
            if "country" in kinds or (big and cue):
                for _, s, _ in chunk:
                    chars[s] = chars[s].upper()
                done = n
                break
        i += done or 1
    return "".join(chars)
