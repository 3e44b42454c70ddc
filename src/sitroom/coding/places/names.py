"""Places as the coder reports them, and the text side of place matching (pure functions).

Also the word lists that surround place names: words never taken for a town, titles before
person names, words that may follow a town ("Kaduna State"), national bodies that sit in the
capital, facilities, and the cues before a small town ("the village of").

``Place`` carries ACLED's location columns. The helpers here normalise names and words the same
way for the index and for the text: case folded, accents dropped, hyphens as spaces; Russian and
Kyrgyz case endings removed ("в Бишкеке", "Ошто"); Cyrillic transliterated into a Latin
"skeleton" so "Джалал-Абад" meets "Jalal-Abad". The index itself is in ``gazetteer``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "FACILITIES",
    "INSTITUTIONS",
    "NAME_OK_AFTER",
    "NAME_OK_BEFORE",
    "SMALL_CUES_AFTER",
    "SMALL_CUES_BEFORE",
    "STOP",
    "TITLES",
    "Place",
    "ky_stem",
    "latin",
    "norm",
    "phrase_pos",
    "ru_stem",
    "sentence_start",
    "skeleton",
    "words",
]


@dataclass(frozen=True)
class Place:
    """A place in ACLED's terms: town (or region, or country), admin1, country, precision 1..3."""

    location: str
    admin1: str | None
    country: str
    iso3: str
    latitude: float | None
    longitude: float | None
    geo_precision: int  # ACLED: 1 town or known spot, 2 near a town / district, 3 region or country
    # the words of the text the place was read from ("Izium" for GeoNames' "Izyum"), if any
    surface: str = field(default="", compare=False)


_CYR = re.compile(r"[\u0400-\u04ff]")
_PUNCT = str.maketrans({**{c: " " for c in "-‐–—.,/"}, **{c: "" for c in "’'`ʻʼ‘"}})


@functools.lru_cache(maxsize=131072)
def norm(s: str) -> str:
    """Comparable form of a name or phrase: "Jalal-Abad" → "jalal abad", "Ош" → "ош"."""
    s = s.casefold()
    if not s.isascii():
        s = s.replace("ё", "е")
        if not _CYR.search(s):
            s = unicodedata.normalize("NFKD", s)
            s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.translate(_PUNCT).split())


def plain(name: str) -> str:
    """A name as ACLED writes it, without diacritics: "Dūmā" → "Duma", "Culiacán" → "Culiacan"."""
    if name.isascii():
        return name
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[ʿʾ’‘`]", "", s).replace("ı", "i").replace("ł", "l").replace("ø", "o")


_WORD_RE = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*", re.UNICODE)


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word; hyphenated names become several words, and an
    English possessive is dropped ("Mosul's" → "Mosul")."""
    out = []
    for m in _WORD_RE.finditer(text):
        w, end = m.group(0), m.end()
        if w[-2:] in ("'s", "’s") and len(w) > 3:
            w, end = w[:-2], end - 2
        out.append((w, m.start(), end))
    return out


_RU_ENDINGS = (
    "ами", "ями", "ому", "ему", "ого", "его", "ыми", "ими", "ской", "ском", "ская", "скую",
    "ах", "ях", "ом", "ем", "ой", "ей", "ою", "ию", "ия", "ии", "ью", "ам", "ям",
    "а", "я", "е", "у", "ю", "ы", "и", "о", "й",
)


_RU_BY_LEN = [(n, frozenset(e for e in _RU_ENDINGS if len(e) == n)) for n in (4, 3, 2, 1)]


def ru_stem(word: str) -> str:
    """A Russian word without its case ending: "бишкеке" → "бишкек", "москве" → "москв"."""
    for n, ends in _RU_BY_LEN:
        if len(word) - n >= 2 and word[-n:] in ends:
            return word[:-n]
    return word


_KY_SUFFIXES = tuple(sorted({
    "дагы", "дегi", "деги", "тагы", "теги", "догу", "дөгү", "тогу", "төгү", "нда", "нде",
    "ында", "инде", "унда", "үндө", "да", "де", "та", "те", "до", "дө", "то", "тө",
    "га", "ге", "ка", "ке", "го", "гө", "ко", "кө", "на", "не", "дын", "дин", "тын", "тин",
    "нын", "нин", "дун", "дүн", "тун", "түн", "нун", "нүн", "дан", "ден", "тан", "тен", "дон",
    "дөн", "тон", "төн", "ны", "ни", "ну", "нү", "ды", "ди", "ту", "тү", "ду", "дү", "ы", "и",
    "у", "ү", "лык", "лик", "дык", "дик", "тык", "тик", "луу", "лүү", "нан", "нен",
}, key=len, reverse=True))


@functools.lru_cache(maxsize=65536)
def ky_stem(word: str) -> tuple[str, ...]:
    """Candidate bases of a Kyrgyz word: "бишкекте" → ("бишкек",), "оштогу" → ("ош",)."""
    return tuple(_ky_stem(word))


def _ky_stem(word: str) -> list[str]:
    out = []
    for suf in _KY_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            out.append(word[: -len(suf)])
    return out


_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ъ": "",
    "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ө": "o", "ү": "u", "ң": "n", "ә": "a",
    "қ": "k", "ғ": "g", "ұ": "u", "һ": "h", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}
_LATIN_FOLD = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("tch", "c"),
               ("sch", "s"), ("sh", "s"), ("ch", "c"), ("yu", "iu"), ("ya", "ia"), ("yo", "io"),
               ("ye", "e"), ("y", "i"), ("w", "v"), ("q", "k"), ("x", "ks"), ("ph", "f"),
               ("ou", "u"), ("ee", "i"))


@functools.lru_cache(maxsize=131072)
def skeleton(name: str) -> str:
    """Script-blind spelling key: "Джалал-Абад", "Jalal-Abad", "Dzhalal-Abad" → "jalalabad"."""
    s = norm(name).replace(" ", "")
    if _CYR.search(s):
        s = "".join(_TRANSLIT.get(c, c) for c in s)
    for a, b in _LATIN_FOLD:
        s = s.replace(a, b)
    return _DOUBLE.sub(_first, s) if _DOUBLE.search(s) else s


_DOUBLE = re.compile(r"(.)\1+")


def _first(m: re.Match[str]) -> str:
    return m.group(1)


# --- words around place names ---------------------------------------------------------

# Capitalised words that are also towns somewhere: never a place on their own.
_STOPWORDS_FILE = Path(__file__).parent / "data" / "place_stopwords.txt"
STOP = frozenset(
    w.strip() for w in _STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    if w.strip() and not w.startswith("#")
) | frozenset(("one", "due", "all", "some", "many", "more", "most", "such", "both", "each",
               "every", "other", "another", "same", "own", "only", "even", "still", "yet",
               "well", "just", "now", "then", "again", "never", "always", "often", "however",
               "meanwhile", "later", "earlier", "today", "yesterday", "tomorrow", "tonight",
               "according", "despite", "under", "over", "about", "above", "below", "between",
               "against", "among", "through", "without", "within", "across", "toward",
               "towards", "upon", "around", "along", "amid", "following", "including"))
NAME_OK_BEFORE = {"northern", "southern", "eastern", "western", "central", "north", "south",
                   "east", "west", "greater", "downtown", "in", "at", "near", "from", "to"}
NAME_OK_AFTER = {"city", "state", "region", "province", "district", "oblast", "county",
                  "governorate", "municipality", "airport", "mayor", "governor", "police",
                  "court", "university", "square", "council", "prison", "hospital", "town",
                  "village", "area", "valley", "port", "oblasty", "rayon", "raion", "division",
                  "department", "prefecture", "zone", "camp", "refinery", "mine", "market"}

TITLES = {"king", "queen", "president", "minister", "general", "gen", "colonel", "col",
           "captain", "capt", "sheikh", "emir", "sultan", "pope", "mr", "mrs", "ms", "dr",
           "judge", "prince", "princess", "lt", "sen", "senator", "rep", "governor", "mayor",
           "ambassador", "secretary", "chairman", "commander", "leader", "spokesman", "sir",
           "lord", "lady", "saint", "st", "imam", "ayatollah", "bishop", "archbishop", "rev",
           "father", "brother", "sister", "premier", "chancellor", "mullah", "marshal"}

# national bodies that sit in the capital: an event there is an event in the capital
INSTITUTIONS = ["parliament", "national assembly", "supreme court", "constitutional court",
                 "house of representatives", "congress", "senate", "presidential palace",
                 "presidential administration", "government house", "jogorku kenesh",
                 "парламент*", "национальное собрание", "национального собрания",
                 "верховный суд", "верховного суда", "дом правительства", "дома правительства",
                 "жогорку кенеш*", "госдум*", "верховн* рад*", "конституционн* суд*"]
FACILITIES = {"airport", "square", "university", "bridge", "station", "stadium", "port",
               "harbour", "harbor", "base", "airbase", "prison", "embassy", "aeroport"}
SMALL_CUES_BEFORE = {"in", "near", "at", "outside", "of", "from", "village", "town", "в",
                      "во", "под", "около", "возле", "у", "из", "селе", "поселке", "деревне",
                      "городе", "села", "поселка", "айылында", "айылы", "шаарында", "поселок",
                      "село", "деревня", "город", "кишлак", "кишлаке", "township"}
SMALL_CUES_AFTER = {"village", "town", "district", "area", "township", "neighbourhood",
                     "neighborhood", "айылында", "айылы", "айылындагы", "району", "районе"}


def sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (capitalised for that reason alone)."""
    before = text[max(0, start - 4):start].rstrip(" «\"'“(\n\t")
    return not before or before[-1] in ".!?:;»\n"


def phrase_pos(low: list[str], phrase: str, joined: str = "") -> int:
    """Index of the first word where ``phrase`` starts ("парламент*": any word beginning so)."""
    parts = phrase.split()
    head = parts[0].rstrip("*")
    if (" " + head) not in (joined or " " + " ".join(low)):
        return -1  # the usual case, decided by one substring test
    for k in range(len(low) - len(parts) + 1):
        if all(low[k + j] == w or (w.endswith("*") and low[k + j].startswith(w[:-1]))
               for j, w in enumerate(parts)):
            return k
    return -1


_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ө": "o", "ү": "u",
    "ң": "ng",
}


def latin(name: str) -> str:
    """A Cyrillic name in Latin letters the way English reports spell them: "Кок-Таш" →
    "Kok-Tash", "Палетва" → "Paletva"; a Latin name is returned as it is."""
    if not _CYR.search(name):
        return name
    out = []
    for c in name:
        low = c.lower()
        t = _LATIN.get(low)
        if t is None:
            out.append(c)
        else:
            out.append(t.capitalize() if c != low else t)
    return "".join(out)
