"""Who did it to whom: the case's actors by any alias or script, else ACLED-style generic names.

A case actor is found by a normalised alias index (Cyrillic transliterated to Latin, spelling
variants folded: Jeenbekov = Jeyenbekov = Жээнбеков; Russian case endings stripped) with a fuzzy
fallback. Without a case actor, role nouns give ACLED's generic names: "police" → "Police
Forces of Kyrgyzstan", "protesters" → "Protesters (Kyrgyzstan)", with ACLED inter codes.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sitroom.model import Actor

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ө": "o", "ү": "u",
    "ң": "ng", "ә": "a", "і": "i", "қ": "k", "ғ": "g", "ұ": "u", "һ": "h",
}
_FOLDS = (
    ("shch", "sh"), ("zh", "j"), ("dj", "j"), ("dzh", "j"), ("kh", "h"), ("ts", "c"),
    ("ph", "f"), ("w", "v"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("ou", "u"),
)
_RU_ENDINGS = ("ыми", "ими", "ого", "его", "ому", "ему", "ой", "ей", "ым", "им", "ом", "ем",
               "ую", "юю", "ая", "яя", "ые", "ие", "ам", "ям", "ах", "ях",
               "а", "я", "у", "ю", "е", "ы", "и")


# Kyrgyz case and number endings, longest first, in all four vowel harmonies: genitive
# -нын/-дын/-тын, accusative -ны/-ды/-ты, dative -га/-ка/-го/-ко, locative -да/-та,
# ablative -дан/-тан/-нан, instrumental -менен, plural -лар/-дар/-тар, 3rd-person possessive
# -сы. Stripped from the last word of a name only when the bare form is a known alias.
_KY_ENDINGS = tuple(sorted({
    *(c + v + "н" for c in "ндт" for v in "ыиуү"),  # genitive
    *(c + v for c in "ндт" for v in "ыиуү"),  # accusative
    *(c + v for c in "гк" for v in "аеоө"),  # dative
    *(c + v for c in "дт" for v in "аеоө"),  # locative
    *(c + v + "н" for c in "днт" for v in "аеоө"),  # ablative
    "менен", "мененн",
    *(c + v + "р" for c in "лдт" for v in "аеоө"),  # plural
    *("с" + v for v in "ыиуү"),  # possessive
}, key=len, reverse=True))


def ky_case_stems(phrase: str) -> list[str]:
    """The phrase with a Kyrgyz case ending cut from its last word, longest ending first
    ("Атамбаевдин" → ["Атамбаев", ...]); empty for Latin text or short words."""
    head, _, last = phrase.strip().rpartition(" ")
    low = last.lower()
    if not re.search("[а-яёңөү]", low):
        return []
    out = []
    for end in _KY_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 4:
            out.append((head + " " if head else "") + last[: -len(end)])
    return out


def transliterate(text: str) -> str:
    """Cyrillic letters (Russian and Kyrgyz) to plain Latin; other letters kept."""
    return "".join(_CYR.get(ch, ch) for ch in text.lower())


def _strip_ru_case(word: str) -> str:
    """A Russian surname or noun without its case ending: Жапарова → Жапаров, Атамбаеву → Атамбаев."""  # noqa: E501
    if len(word) < 5 or not re.search("[а-яё]", word):
        return word
    for end in _RU_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            stem = word[: -len(end)]
            # surnames in -ov/-ev/-in keep them ("Жапаровым" → "Жапаров")
            if end in ("ым", "им", "а", "у", "е", "ой") and stem.endswith(("ов", "ев", "ин", "ёв")):
                return stem
            if end in ("ого", "ому", "ым", "ом", "ой", "ую", "ая") and stem.endswith(("ск", "цк")):
                return stem + "ий"
            return stem
    return word


@functools.lru_cache(maxsize=100_000)
def _word_key(word: str) -> str:
    return normalise(word)


def normalise(name: str) -> str:
    """A spelling-blind key: lowercase, no accents, Latin, variants folded, doubles collapsed."""
    words = re.findall(r"[\w'-]+", name.lower())
    out = []
    for w in words:
        w = _strip_ru_case(w)
        w = transliterate(w)
        w = unicodedata.normalize("NFKD", w)
        w = "".join(ch for ch in w if not unicodedata.combining(ch))
        w = re.sub(r"[^a-z0-9]", "", w)
        for a, b in _FOLDS:
            w = w.replace(a, b)
        w = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", w)  # Jeyenbekov → Jeenbekov
        w = w.replace("y", "i")
        w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters: Jeenbekov → Jenbekov
        w = re.sub(r"ie\b", "i", w)
        if w:
            out.append(w)
    return " ".join(out)


@dataclass(frozen=True)
class ActorRef:
    """An actor as coded: ACLED-style name, inter code, associated actor, and how it was found."""

    name: str
    inter: int | None
    kind: str  # state, rebel, militia, identity, rioters, protesters, civilians, external, person, org  # noqa: E501
    assoc: str | None = None
    key: str | None = None  # case actor key, when it is one
    country: str | None = None  # ISO3 of the actor, when known

    @property
    def armed(self) -> bool:
        return self.kind in ("state", "rebel", "militia", "identity", "external")


# role noun → (ACLED name pattern, inter, kind, associated-actor pattern)
_ROLES: tuple[tuple[str, str, int, str, str | None], ...] = (
    ((
        r"riot police|police\w*|policem[ae]n|gendarm\w*|officers|law enforcement|cops|"
        r"security forces|security services|силы безопасности|полици\w*|"
        r"милици\w*|силовик\w*|омон\w*|спецназ\w*|милиция\w*|полиция\w*|милициянын|милиция"
    ),
     "Police Forces of {c}", 1, "state", None),
    ((
        r"soldiers?|troops?|army|military|armed forces|forces|air force|navy|"
        r"national guard|forces of the government|government forces|regime forces|военн\w*|армия|"
        r"армии|войск\w*|солдат\w*|аскер\w*|куралдуу күчтөр"
    ),
     "Military Forces of {c}", 1, "state", None),
    ((
        r"unidentified gunmen|unknown gunmen|gunm[ae]n|armed m[ae]n|"
        r"unidentified (?:armed )?(?:men|assailants|attackers|group)|assailants|attackers|"
        r"bandits?|неизвестн\w+|вооруж[её]нн\w+ люд\w*|боевик\w*"
    ),
     "Unidentified Armed Group ({c})", 3, "militia", None),
    (r"rebels?|insurgents?|militants?|jihadists?|separatists?|повстанц\w*|сепаратист\w*",
     "Rebel Group ({c})", 2, "rebel", None),
    (r"(?:ethnic|communal|tribal|clan|village|vigilante|self-defen[cs]e) militias?|vigilantes?",
     "Communal Militia ({c})", 4, "identity", None),
    (r"militias?|ополчен\w*",
     "Militia ({c})", 3, "militia", None),
    (r"rioters?|mobs?|looters?|hooligans?|погромщик\w*|мародер\w*|мародёр\w*|толп\w*",
     "Rioters ({c})", 5, "rioters", None),
    (r"protesters?|protestors?|demonstrators?|marchers?|crowds?|opposition supporters|supporters|activists?|"  # noqa: E501
     r"протестующ\w*|митингующ\w*|демонстрант\w*|сторонник\w*|активист\w*|нааразы\w*|митингчи\w*|тараптар\w*",
     "Protesters ({c})", 6, "protesters", None),
    (r"students?|студент\w*", "Protesters ({c})", 6, "protesters", "Students ({c})"),
    (r"workers|miners|employees|рабочи\w*|шахтер\w*", "Protesters ({c})", 6, "protesters",
     "Labour Group ({c})"),
    ((
        r"opposition(?: leaders| parties| groups)?|оппозици\w*"
    ), "Opposition ({c})", None, "org", None),
    (r"government|ministers?|officials|cabinet|authorities|правительств\w*|министр\w*|"
     r"чиновник\w*|власт\w*|өкмөт\w*|бийлик\w*",
     "Government of {c}", 1, "state", None),
    ((
        r"journalists?|reporters?|журналист\w*"
    ), "Civilians ({c})", 7, "civilians", "Journalists ({c})"),
    (r"civilians?|villagers|residents|people|persons?|m[ae]n|wom[ae]n|children|farmers|herders|passengers|"
     r"worshippers|mourners|family|inhabitants|мирн\w+ жител\w*|жител\w*|человек|люд\w*|граждан\w*|"
     r"тургундар\w*|адамдар\w*|эл\b",
     "Civilians ({c})", 7, "civilians", None),
)
_ROLE_RX = tuple((re.compile(r"(?<![\w-])(?:" + rx + r")(?![\w-])", re.I), n, i, k, a)
                 for rx, n, i, k, a in _ROLES)

# Well-known armed groups, named as ACLED names them, with their inter codes.
_GROUPS: tuple[tuple[str, str, int, str], ...] = (
    (r"al[- ]?shabaa?b", "Al Shabaab", 2, "rebel"),
    (r"boko haram|\bJAS\b", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2, "rebel"),
    ((
        r"\bISWAP\b|islamic state west africa"
    ), "Islamic State West Africa Province (ISWAP)", 2, "rebel"),
    ((
        r"islamic state|\bISIS\b|\bISIL\b|daesh|\bIS\b(?= (?:militants|fighters))"
    ), "Islamic State", 2, "rebel"),
    ((
        r"\bJNIM\b|jama'?at nusrat al-islam"
    ), "JNIM: Group for Support of Islam and Muslims", 2, "rebel"),
    (r"taliban", "Taliban", 2, "rebel"),
    (r"houthis?|ansar allah", "Houthi Movement (Ansar Allah)", 2, "rebel"),
    (r"hezbollah", "Hezbollah", 2, "rebel"),
    (r"hamas", "Hamas Movement", 2, "rebel"),
    (r"\bM23\b", "M23: March 23 Movement", 2, "rebel"),
    (r"\bADF\b|allied democratic forces", "ADF: Allied Democratic Forces", 2, "rebel"),
    (r"\bRSF\b|rapid support forces", "Rapid Support Forces", 2, "rebel"),
    (r"wagner", "Wagner Group", 8, "external"),
    (r"\bAMISOM\b|\bATMIS\b", "AMISOM: African Union Mission in Somalia", 8, "external"),
    (r"\bMINUSMA\b", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission "
     "in Mali", 8, "external"),
    (r"\bMONUSCO\b", "MONUSCO: United Nations Organization Stabilization Mission in the DRC", 8,
     "external"),
    (r"peacekeepers", "United Nations Peacekeepers", 8, "external"),
    (r"\bPKK\b", "PKK: Kurdistan Workers Party", 2, "rebel"),
    (r"al[- ]qa'?eda|\bAQAP\b|\bAQIM\b", "Al Qaeda", 2, "rebel"),
    (r"fulani (?:ethnic )?militia|fulani herdsmen", "Fulani Ethnic Militia", 4, "identity"),
)
_GROUP_RX = tuple((re.compile(r"(?<![\w-])(?:" + rx + r")(?![\w-])", re.I), n, i, k)
                  for rx, n, i, k in _GROUPS)

# ACLED names no actor for ANY country in generic roles; foreign states speaking are inter 8.
_INTER_OF_KIND = {
    "person": None, "party": None, "coalition": None, "faction": None, "state-body": 1,
    "foreign-state": 8, "company": 7, "asset": None, "organisation": None, "group": None,
}


_KIND_OF_INTER = {1: "state", 2: "rebel", 3: "militia", 4: "identity", 5: "rioters",
                  6: "protesters", 7: "civilians", 8: "external"}


class ActorResolver:
    """Finds actors in text: the case's actors by alias first, then role nouns and named groups."""

    def __init__(self, actors: Sequence[Actor] = ()):
        self.actors = tuple(actors)
        self._exact: dict[str, Actor] = {}
        self._by_first: dict[str, list[tuple[str, Actor]]] = {}
        self._max_words = 1
        for actor in self.actors:
            for alias in (actor.name, actor.key.replace("-", " "), *actor.aliases):
                key = normalise(alias)
                if len(key) < 3:
                    continue
                self._exact.setdefault(key, actor)
                self._by_first.setdefault(key[0], []).append((key, actor))
                self._max_words = max(self._max_words, len(key.split()))
        self._prefixes = {k[:3] for k in self._exact} | {
            w[:3] for k in self._exact for w in k.split()}

    def case_actors_in(self, text: str) -> list[tuple[Actor, int, int]]:
        """Case actors named in a text as (actor, start, end), by alias in any script."""
        if not self.actors:
            return []
        words = list(re.finditer(r"[\w'][\w'-]*", text))
        starts = [_word_key(w.group(0))[:3] in self._prefixes for w in words]
        if not any(starts):
            return []
        out: list[tuple[Actor, int, int]] = []
        i = 0
        while i < len(words):
            found = None
            if starts[i]:
                for n in range(min(self._max_words, len(words) - i), 0, -1):
                    span = words[i:i + n]
                    phrase = text[span[0].start():span[-1].end()]
                    actor = self.lookup(phrase)
                    if actor is not None:
                        found = (actor, span[0].start(), span[-1].end(), n)
                        break
            if found:
                out.append(found[:3])
                i += found[3]
            else:
                i += 1
        return out

    def lookup(self, phrase: str) -> Actor | None:
        """The case actor a phrase names, exactly after normalising or by close spelling."""
        key = normalise(phrase)
        if len(key) < 3:
            return None
        hit = self._exact.get(key)
        if hit is not None:
            return hit
        for stem in ky_case_stems(phrase):  # "Атамбаевдин", "Ташиевден", "Мекенчилдин"
            hit = self._exact.get(normalise(stem))
            if hit is not None:
                return hit
        if len(key) < 5:
            return None
        candidates = self._by_first.get(key[0], [])
        best, best_score = None, 0.0
        for cand, actor in candidates:
            if abs(len(cand) - len(key)) > 3:
                continue
            score = difflib.SequenceMatcher(None, key, cand).ratio()
            if score > best_score:
                best, best_score = actor, score
        return best if best_score >= 0.86 else None

    def resolve(self, phrase: str, country_name: str | None, *, iso3: str | None = None,
                context: str = "") -> ActorRef | None:
        """The actor a noun phrase names: case actor, named armed group, or generic role."""
        if not phrase or not phrase.strip():
            return None
        for actor, _, _ in self.case_actors_in(phrase):
            return self._case_ref(actor, iso3)
        for rx, name, inter, kind in _GROUP_RX:
            if rx.search(phrase):
                return ActorRef(name, inter, kind, country=iso3)
        c = country_name or "Unknown"
        for rx, name, inter, kind, assoc in _ROLE_RX:
            if rx.search(phrase):
                if kind == "protesters" and re.search(r"\bcrowds?\b|толп", phrase, re.I) and (
                    re.search(r"riot|mob|lynch|looter|погром|самосуд", context, re.I)
                ):
                    name, inter, kind = "Rioters ({c})", 5, "rioters"
                return ActorRef(name.format(c=c), inter, kind,
                                assoc.format(c=c) if assoc else None, country=iso3)
        return None

    def _case_ref(self, actor: Actor, iso3: str | None) -> ActorRef:
        inter = actor.inter if actor.inter is not None else _INTER_OF_KIND.get(actor.kind)
        kind = {
            "foreign-state": "external", "state-body": "state", "company": "org",
            "party": "org", "coalition": "org", "faction": "org", "organisation": "org",
        }.get(actor.kind, "person")
        if inter is not None and actor.kind not in ("person", "party", "coalition", "company"):
            kind = _KIND_OF_INTER.get(inter, kind)
        return ActorRef(actor.name, inter, kind, key=actor.key, country=actor.country or iso3)

    def all_in(self, text: str, country_name: str | None, iso3: str | None = None
               ) -> list[tuple[ActorRef, int]]:
        """Every actor mention in a text as (actor, position), case actors and role nouns alike."""
        out: list[tuple[ActorRef, int]] = []
        taken: list[tuple[int, int]] = []
        for actor, s, e in self.case_actors_in(text):
            out.append((self._case_ref(actor, iso3), s))
            taken.append((s, e))
        for rx, name, inter, kind in _GROUP_RX:
            for m in rx.finditer(text):
                if not _overlaps(m.start(), m.end(), taken):
                    out.append((ActorRef(name, inter, kind, country=iso3), m.start()))
                    taken.append((m.start(), m.end()))
        c = country_name or "Unknown"
        for rx, name, inter, kind, assoc in _ROLE_RX:
            for m in rx.finditer(text):
                if not _overlaps(m.start(), m.end(), taken):
                    out.append((ActorRef(name.format(c=c), inter, kind,
                                         assoc.format(c=c) if assoc else None, country=iso3),
                                m.start()))
                    taken.append((m.start(), m.end()))
        out.sort(key=lambda x: x[1])
        return out


def _overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


FOREIGN_STATE_NAMES = re.compile(
    r"\b(?:Russia|Moscow|Kremlin|China|Beijing|United States|Washington|U\.S\.|US|EU|European Union|"  # noqa: E501
    r"Brussels|United Nations|UN|OSCE|Kazakhstan|Uzbekistan|Tajikistan|Turkey|Ankara|Iran|Tehran|"
    r"Germany|Berlin|France|Paris|Britain|UK|London|Japan|India|Pakistan|Ukraine|Kyiv|Kiev|"
    r"Belarus|Minsk|Россия|России|Москва|Москвы|Кремль|Кремля|Китай|Китая|Пекин|США|Вашингтон|"
    r"Евросоюз|ЕС|ООН|ОБСЕ|Казахстан|Узбекистан|Таджикистан|Турция|Орусия|Кытай|АКШ)\b"
)
