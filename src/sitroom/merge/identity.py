"""Who an event is about, across scripts, spellings and grammatical case (pure).

Reports name one person in many forms: "Sadyr Japarov", "Zhaparov", "Садыр Жапаров", Russian
"Жапарова" (genitive), Kyrgyz "Жапаровду" (accusative). A political turn (release, resignation,
appointment) is defined by the person it happens to, so the merge compares names by a *skeleton*:
Cyrillic transliterated, the spellings that vary between transliteration systems folded
(zh/dzh/j, kh/h, y/i, ye/e, doubled letters), then words compared allowing a short grammatical
ending on one side ("japarov" ~ "japarova" ~ "japarovdu"). Generic actors (protesters, police
forces, rioters ...) identify nothing and are left out.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from sitroom.model import Claim

# Cyrillic (Russian and Kyrgyz letters) to Latin, close to the BGN/PCGN practice
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ө": "o", "ү": "u",
    "ң": "n", "і": "i", "ә": "a", "ғ": "g", "қ": "k", "ұ": "u", "һ": "h",
}
# spellings that differ between transliteration systems, folded to one (order matters)
_FOLD = [("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("ye", "e"), ("yu", "u"),
         ("ya", "a"), ("y", "i"), ("w", "v"), ("x", "ks")]
GENERIC = re.compile(
    r"^(protesters|rioters|demonstrators|civilians|unidentified|police forces|military forces|"
    r"government of|opposition|labou?r group|students|prisoners|journalists|"
    r"протестующ|митингующ|демонстрант|милиция|полиция|нааразы)",
    re.IGNORECASE,
)
MIN_STEM = 4  # words shorter than this never identify anyone alone
MAX_ENDING = 4  # the longest grammatical ending allowed on one side ("-ovdun" vs "-ov": 3)


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A word's script- and transliteration-independent form: 'Жапаровду' -> 'japarovdu'."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = "".join(_CYR.get(ch, ch) for ch in text)
    text = re.sub(r"[^a-z]", "", text)
    for a, b in _FOLD:
        text = text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", text)


# words that make a name an organisation's: compared whole, never word by word
_ORG = re.compile(
    r"\b(of|the|government|ministry|party|council|commission|committee|forces|office|union|"
    r"organi[sz]ation|parliament|assembly|court|service|agency|company|group|front|movement|"
    r"министерств|правительств|парти|совет|комисси|комитет|служб|кенеш|комиссия)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def name_words(name: str | None) -> tuple[str, ...]:
    """A name's identifying words in order (empty for generic actors); an organisation is one."""
    if not name or GENERIC.match(name.strip()):
        return ()
    if _ORG.search(name):
        whole = skeleton(name)
        return ("=" + whole,) if len(whole) >= MIN_STEM else ()  # "=": compared exactly
    words = (skeleton(w) for w in re.split(r"[\s\-‐–—'’.,()]+", name) if w)
    return tuple(w for w in words if len(w) >= MIN_STEM)


def words_match(a: str, b: str) -> bool:
    """Same word, or one is the other plus a short grammatical ending."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) >= MIN_STEM + 1 and long.startswith(short)
            and len(long) - len(short) <= MAX_ENDING) or (
        # both inflected from one stem: "japarova" / "japarovdu" share "japarov"
        len(short) >= MIN_STEM + 2 and long.startswith(short[:-1])
        and len(long) - len(short) + 1 <= MAX_ENDING)


@functools.lru_cache(maxsize=65536)
def names_match(a: str | None, b: str | None) -> bool:
    """Do two actor names name the same person or body?

    Organisations compare whole; people by surname (the last word), or, when one side is a
    single word ("Жапарова", "Zhaparov"), by that word against any word of the other.
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa[0].startswith("=") or wb[0].startswith("="):
        return wa == wb
    if len(wa) == 1 or len(wb) == 1:
        one, other = (wa, wb) if len(wa) == 1 else (wb, wa)
        return any(words_match(one[0], w) for w in other)
    return words_match(wa[-1], wb[-1])


def named_actors(c: Claim) -> list[str]:
    """The specific (non-generic) actors a claim names, in field order."""
    names: list[str] = [n for n in (c.actor1, c.actor2) if n]
    for assoc in (c.assoc_actor_1, c.assoc_actor_2):
        names.extend(n.strip() for n in (assoc or "").split(";") if n.strip())
    return [n for n in names if name_words(n)]


_CAPITALISED = re.compile(r"(?<![\w])[A-ZА-ЯЁӨҮҢ][\w’'-]{3,}")


def mentioned(c: Claim) -> list[str]:
    """The people a claim names: its specific actors, else capitalised words of its evidence.

    The fallback covers a name the coder did not resolve in the sentence it coded (a Kyrgyz
    genitive, a transliteration the case does not list).
    """
    return named_actors(c) or _CAPITALISED.findall(c.evidence or "")


def share_someone(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when some name of ``a`` and some name of ``b`` match."""
    bs = list(b)
    return any(names_match(x, y) for x in a for y in bs)


class CaseNames:
    """A case's people by every alias, so a report's spelling becomes the case's name (pure).

    A name resolves when its skeleton, or its skeleton less a short grammatical ending, is the
    skeleton of a person's name or alias ("Жапаровду" -> Sadyr Japarov), or, for a name of
    several words, when its last word does ("Садыра Жапарова"). Only people: organisations and
    states keep the names the coder gave them (ACLED's "Government of Russia" is not the case
    file's "Russia").
    """

    def __init__(self, actors: Iterable[object]) -> None:
        self._by_skeleton: dict[str, str] = {}
        for actor in actors:
            if getattr(actor, "kind", "") != "person":
                continue
            name = getattr(actor, "name", "")
            for alias in (name, *getattr(actor, "aliases", ())):
                key = skeleton(alias)
                if len(key) >= MIN_STEM + 1:
                    self._by_skeleton.setdefault(key, name)

    def _lookup(self, key: str) -> str | None:
        for cut in range(0, MAX_ENDING + 1):
            if len(key) - cut < MIN_STEM + 1:
                return None
            found = self._by_skeleton.get(key[:len(key) - cut])
            if found:
                return found
        return None

    def canonical(self, name: str | None) -> str | None:
        """The case's name for this person, or None when the case does not know them."""
        if not name or not self._by_skeleton or _ORG.search(name) or GENERIC.match(name.strip()):
            return None
        found = self._lookup(skeleton(name))
        words = [w for w in re.split(r"[\s\-‐–—'’.,()]+", name) if w]
        if found is None and len(words) > 1:
            found = self._lookup(skeleton(words[-1]))
        return found

    def resolve(self, claim: Claim) -> Claim:
        """The claim with the people it names spelled the case's way (other fields untouched)."""
        changes: dict[str, str] = {}
        for attr in ("actor1", "actor2"):
            value = getattr(claim, attr)
            found = self.canonical(value)
            if found and found != value:
                changes[attr] = found
        return replace(claim, **changes) if changes else claim
