"""An offline gazetteer: reads the places a text names (en, ru, ky), best first.

The names come from ``place_tables`` (GeoNames cities and countries, our admin1 names, built once
per process by ``default_gazetteer``), looked up by a text's word n-grams; Russian and Kyrgyz case
endings and a transliteration skeleton widen the match. Districts, small towns and unknown
villages are read by ``small_places``; places without a town ("the main square") come from
``data/landmarks.json``. Here: the reading of a whole text, the capital, countries spoken of.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import replace

from sitroom.coding.nlp import russian
from sitroom.coding.places.names import (
    FACILITIES,
    INSTITUTIONS,
    NAME_OK_AFTER,
    NAME_OK_BEFORE,
    STOP,
    TITLES,
    Place,
    norm,
    phrase_pos,
    plain,
    sentence_start,
    skeleton,
    words,
)
from sitroom.coding.places.small import _REGION_WORDS, SmallPlaces
from sitroom.coding.places.tables import _CYR, demonyms, stem_demonym

__all__ = ["Gazetteer", "Place", "default_gazetteer", "demonyms", "stem_demonym"]

_SPEECH_EN = {"said", "says", "warned", "warns", "condemned", "condemns", "accused", "accuses",
              "denied", "denies", "rejected", "rejects", "urged", "urges", "insisted", "insists",
              "demanded", "demands", "supports", "supported", "welcomed", "welcomes",
              "responded", "vowed", "vows", "threatened", "threatens", "claimed", "claims",
              "blamed", "blames", "protested", "recognised", "recognized", "believes",
              "wants", "hopes", "expects", "called", "calls", "announced", "criticised",
              "criticized", "sanctioned", "retaliated", "summoned", "expelled"}
_SPEECH_RU = ("заяв", "поддерж", "призв", "призыв", "осуд", "обвин", "отверг", "сообщ",
              "предупред", "требу", "потребов", "счита", "настаива", "отреагир", "приветств",
              "выраз", "выступ", "признал", "угрожа", "пригроз", "отвергл", "билдир", "айтт",
              "талап", "колдо")
_QUARTER = {"neighbourhood", "neighborhood", "quarter", "suburb", "district", "area", "slum",
            "township"}
_SAID = {"said", "says", "told", "added", "wrote", "explained", "replied", "noted", "argued",
         "insisted", "recalled", "stressed", "сказал", "сказала", "отметил", "отметила",
         "добавил", "добавила", "рассказал", "рассказала", "пояснил", "пояснила"}
_PLACE_PREPS = {"in", "at", "near", "from", "of", "to", "outside", "around", "across", "в", "во",
                "из", "под", "около", "возле", "у", "на", "по"}


# Kyrgyz locative, ablative and dative endings: a word bearing one names where, not who
_LOCATIVE_END = re.compile(r"(?:да|де|до|дө|та|те|то|тө|дан|ден|дон|дөн|тан|тен|тон|төн|нда|"
                           r"нде|га|ге|го|гө|ка|ке|ко|кө)$")


def _common_word(word: str, lang: str) -> bool:
    """Whether a Russian word is an ordinary dictionary word and never a place name for
    pymorphy (no Geox reading): "Полиция", "Реформа", "Победа" yes; "Бишкек", "Ош" no."""
    if lang not in ("ru", "ky") or not _CYR.search(word) or len(word) < 4:
        return False
    try:
        parses = russian().morph_vocab.parse(word.lower())
    except Exception:  # no morphology: no opinion
        return False
    known = [p for p in parses if p.is_known and p.score >= 0.1]  # in the dictionary
    return bool(known) and not any(t in str(p.tag) for p in parses
                                   for t in ("Geox", "Name", "Surn", "Orgn", "Abbr"))


class Gazetteer(SmallPlaces):
    """Names to places, built once; ``find`` reads places out of a text, best first."""

    # -- matching --
    def _score(self, idx: int, primary: bool, hint: str | None, named: set[str],
               near: set[str] = frozenset()) -> float:
        """Country hint ≫ country named right after ("Tripoli, Lebanon") > size and spelling."""
        e = self.entries[idx]
        kind = {"country": 8.0, "city": 1.5 if primary else 1.0, "admin1": 1.3}[e.kind]
        size = e.population if e.kind != "admin1" else 31_000  # a region: a mid-sized town
        return (6.0 * (e.iso3 == hint) + 3.0 * (e.iso3 in near) + 0.5 * (e.iso3 in named)
                + kind + math.log10(size + 10))

    def _part_of_a_name(self, toks, i: int, n: int, text: str) -> bool:
        """True when a one-word match sits inside a run of capitalised words: "King Hassan",
        "Warren Christopher", "Kenzo Oshima" — a person, not a town."""
        if n != 1:
            return False
        word = toks[i][0]
        if len(word) <= 3 and word.isupper():
            return True  # an acronym: "UN", "ILO"
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is not None and norm(prev[0]) in TITLES:
            return True  # "King Hassan", "President Bush"
        if prev is not None and prev[0][:1].isupper() and not word.isupper() \
                and not sentence_start(text, prev[1]) \
                and toks[i][1] - prev[2] <= 1 and norm(prev[0]) not in STOP \
                and norm(prev[0]) not in NAME_OK_BEFORE and norm(prev[0]) not in self.exact:
            return True
        return bool(
            nxt is not None and nxt[0][:1].isupper() and not word.isupper()
            and nxt[1] - toks[i][2] <= 1 and norm(nxt[0]) not in NAME_OK_AFTER
            and norm(nxt[0]) not in self.exact
        )
    def find(self, text: str, lang: str, *, country_hint: str | None = None,
             names: Sequence[str] = ()) -> list[Place]:
        """Places mentioned in ``text``, best first; ``names`` are NER location strings."""
        text = text[:100_000]
        toks = words(text)
        named_at = self._countries_named(toks, lang)
        named = {iso: ps[0] for iso, ps in named_at.items()}
        context = country_hint or (min(named, key=lambda c: named[c]) if named else None)
        found: list[tuple[int, int, Place]] = []  # (sort position, order, place)
        i = 0
        low = [norm(w) for w, _, _ in toks]
        marks, taken = self._landmarks(toks, low, context)
        found.extend(marks)
        soft = set(named)
        covered: list[tuple[int, int]] = []  # character spans already read as places
        nouns: set[str] | None = None
        found_idx: list[int] = []
        while i < len(toks):
            district = None if i in taken else self._district(
                toks, low, i, soft | {country_hint} | ({"KGZ"} if lang == "ky" else set()), text)
            if district is not None:
                found.append((toks[i][1], len(found), district[0]))
                soft.add(district[0].iso3)
                i += district[1]
                continue
            got = None if i in taken else self._lookup(toks, i, lang, forced=False)
            if got is None:
                small = None if i in taken else self._small_place(toks, low, i, country_hint,
                                                                   soft)
                if small is not None:
                    e, n = small
                    found.append((toks[i][1], len(found), self._place(e, 1)))
                    i += n
                    continue
                unknown = None if i in taken else self._unknown_town(toks, low, i, text, lang,
                                                                     country_hint, soft)
                if unknown is not None:
                    place, n = unknown
                    found.append((toks[i][1], len(found), place))
                    i += n
                    continue
                i += 1
                continue
            cands, n, exact = got
            if exact is None:  # matched by transliteration only: in a known country or big
                cands = [c for c in cands if self.entries[c[0]].iso3 in soft | {country_hint}
                         or self.entries[c[0]].population >= 500_000]
            elif exact == "short":  # a three-letter stem: only where the text is, if anywhere
                if nouns is None:  # countries named as such, not "российских войск"
                    nouns = set(self._countries_named(toks, lang, nouns_only=True))
                ctx = nouns | {self.entries[x].iso3 for x in found_idx} | (
                    {country_hint} if country_hint else set())
                cands = [c for c in cands if not ctx or self.entries[c[0]].iso3 in ctx]
            if n == 1 and len(toks[i][0]) <= 2:  # "Ош" yes, "Во" no
                cands = [c for c in cands if self.entries[c[0]].population >= 100_000
                         or self.entries[c[0]].iso3 == country_hint]
            if exact is not True and country_hint and not toks[i][0].isascii():
                # a case ending or spelling guess abroad while the report is elsewhere
                cands = [c for c in cands if self.entries[c[0]].iso3 in soft | {country_hint}
                         or self.entries[c[0]].population >= 100_000
                         or self.entries[c[0]].kind != "city"]
            if not cands:
                unknown = self._unknown_town(toks, low, i, text, lang, country_hint, soft)
                if unknown is not None:
                    found.append((toks[i][1], len(found), unknown[0]))
                    i += unknown[1]
                    continue
                i += n
                continue
            if self._part_of_a_name(toks, i, n, text) and not any(
                self.entries[c[0]].kind == "country" for c in cands
            ) and not (exact is False and _LOCATIVE_END.search(low[i + n - 1])):
                i += n  # a locative ending ("Бишкекте Мекенчил ...") is a place, no name
                continue
            if n == 1 and exact is True and _common_word(toks[i][0], lang) and not (
                i > 0 and low[i - 1] in _PLACE_PREPS
            ) and not any(self.entries[c[0]].kind == "country" for c in cands):
                i += n  # "Полиция применила ...": a common noun, not Police in Poland
                continue
            if n == 1 and toks[i][0][:1].isupper() and low[i] in demonyms()[0] and (
                i + 1 >= len(low) or low[i + 1] not in _REGION_WORDS
            ):  # "Somali army", "Afar fighters": a people, not the region named after it
                cands = [c for c in cands if self.entries[c[0]].kind == "country"]
                if not cands:
                    i += n
                    continue
            region = self._region_after(toks, i + n, text) if n <= 2 else None
            if region is not None and not any(self.entries[c[0]].kind != "city" for c in cands):
                inside = [c for c in cands if self.entries[c[0]].iso3 == region.iso3 and (
                    region.kind == "country" or self.entries[c[0]].admin1 == region.name)]
                if not inside and region.kind == "admin1":  # "Kani township (Sagaing)": a
                    found.append((toks[i][1], len(found), Place(  # namesake elsewhere is not it
                        plain(" ".join(w for w, _, _ in toks[i:i + n])), plain(region.name),
                        self.country_names.get(region.iso3, region.iso3), region.iso3,
                        region.lat, region.lon, 1)))
                    covered.append((toks[i][1], toks[i + n - 1][2]))
                    soft.add(region.iso3)
                    i += n
                    continue
                cands = inside or cands
            if n == 1 and low[i].startswith("дум") and not (
                "SYR" in named_at or country_hint == "SYR" or "гут" in text.lower()
            ):  # "в Думе": the Russian parliament; Douma is in Syria ("в Думе в Восточной Гуте")
                i += n
                continue
            if self._speaks(toks, low, i, n, cands) or (
                i + n + 1 < len(low) and low[i + n] in _QUARTER and low[i + n + 1] == "of"
            ):  # "Moscow said": a government; "Hassan said": a person; "the Bel Air
                # neighbourhood of Port-au-Prince": the town named next is the place
                covered.append((toks[i][1], toks[i + n - 1][2]))
                i += n
                continue
            near = {iso for iso, ps in named_at.items() if any(i + n <= p <= i + n + 3 for p in ps)}
            best = max(cands, key=lambda c: self._score(c[0], c[1], country_hint, soft, near))
            e = self.entries[best[0]]
            if not best[1] and e.kind == "city" and soft and e.iso3 not in soft \
                    and e.population < 1_000_000 and toks[i][0].isascii():
                i += n  # a stray alternate name abroad while the text is about elsewhere
                continue
            nxt = low[i + n] if i + n < len(low) else ""
            prev = " ".join(low[max(0, i - 3):i])
            precision = 1
            if e.kind == "city" and nxt in ("region", "province", "oblast", "governorate",
                                             "state", "область", "области", "облусу",
                                             "облусунда", "облусунун", "облусуна"):
                admin = sorted((c for c in cands if self.entries[c[0]].kind == "admin1"
                                and self.entries[c[0]].iso3 == e.iso3),
                               key=lambda c: self.entries[c[0]].name.endswith(" City"))
                if admin:
                    e = self.entries[admin[0][0]]
                else:
                    precision = 3
            elif e.kind == "city" and nxt not in FACILITIES and (
                re.search(r"(near|outskirts of|outside|close to|вблизи|недалеко от|под|"
                          r"окрестност\w* ?|пригород\w*)$", prev)
                or nxt in ("district", "район", "районе", "району", "area", "жанында",
                           "четинде")
            ):
                precision = 2
            place = self._place(e, precision)
            said = text[toks[i][1]:toks[i + n - 1][2]]
            if skeleton(said) == skeleton(place.location):  # a spelling of it, not another name
                place = replace(place, surface=said)
            found.append((toks[i][1], len(found), place))
            if found[-1][2].geo_precision == 3:  # "Kharkiv region": not Kharkiv the town
                covered.append((toks[i][1], toks[i + n - 1][2]))
            found_idx.append(best[0])
            soft.add(e.iso3)
            i += n
        for name in names:
            if not name or name == text:
                continue
            at = text.find(name)
            if at >= 0 and any(a <= at < b or at <= a < at + len(name) for a, b in covered):
                continue  # read in context already ("Kharkiv region" is not Kharkiv the city)
            got_places = self.find(name, lang, country_hint=country_hint or context)
            for p in got_places:
                found.append((text.find(name), len(found), p))
            if not got_places:
                unknown = self._unnamed_town(name, text, lang, country_hint, soft)
                if unknown is not None:
                    found.append((text.find(name), len(found), unknown))
        found.extend(self._capital(toks, low, country_hint, named_at, found))
        found = [(f[0] + 1_000_000 if _speaker(text, f[0], f[2]) else f[0], f[1], f[2])
                 for f in found]
        return _rank(found, country_hint)
    def _speaks(self, toks, low, i: int, n: int, cands) -> bool:
        """Whether a town's name is the subject of a speech verb: a capital's government
        ("Moscow said", "Москва поддерживает контакты") or a person ("Hassan said", "Kabul
        told reporters"); never after "in" ("officials in Moscow said")."""
        j = i + n
        if j >= len(low) or (i > 0 and low[i - 1] in _PLACE_PREPS):
            return False
        verb = low[j + 1] if low[j] in ("has", "have", "had", "is", "was", "will", "would",
                                        "also", "на", "тоже", "также") and j + 1 < len(low) \
            else low[j]
        if verb in _SAID and all(self.entries[c].kind == "city" for c, _ in cands):
            return True
        if not (verb in _SPEECH_EN or verb.startswith(_SPEECH_RU)):
            return False
        return any(self.entries[c].kind == "city" and self.entries[c].name
                   == self.capitals.get(self.entries[c].iso3) for c, _ in cands)
    def _landmarks(self, toks, low, context: str | None) -> tuple[list, set[int]]:
        """'The main square', 'the White House' within the report's country.

        Returns the places found and the word indexes they used (not looked up again).
        """
        out: list[tuple[int, int, Place]] = []
        taken: set[int] = set()
        joined = " " + " ".join(low) + " "
        for phrase in sorted(self.landmarks, key=len, reverse=True):
            pos = joined.find(" " + phrase + " ")
            if pos < 0:
                continue
            for iso3, location, precision in self.landmarks[phrase]:
                if iso3 != (context or self.unique_landmarks.get(phrase)):
                    continue
                city = self._city_in(location, iso3)
                if city is not None:
                    out.append((_char_pos(toks, joined, pos), -1, self._place(city, precision)))
                    k = joined[:pos].count(" ")
                    taken.update(range(k, k + len(phrase.split())))
        return out, taken

    def _capital(self, toks, low, hint: str | None, named_at: dict[str, list[int]],
                 found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
        """'The capital', 'в столице' — and, when the text names no town, a national body
        ('the parliament of Georgia', 'South Korea's National Assembly') — at the capital of
        the country meant: one named next to the words, else a capital already found, else the
        hint, else the first country named."""
        towns = [p for _, _, p in found if p.geo_precision < 3]
        joined = " " + " ".join(low)
        for words_, only_without_towns in ((self.capital_words, False), (INSTITUTIONS, True)):
            if only_without_towns and towns:
                return []
            for phrase in words_:
                k = phrase_pos(low, phrase, joined)
                if k < 0:
                    continue
                close = [(abs(p - k), c) for c, ps in named_at.items() for p in ps
                         if abs(p - k) <= 4]
                if close:
                    iso = min(close)[1]  # "the capital of Belarus", "парламента Грузии"
                elif any(p.location == plain(self.capitals.get(p.iso3, "")) for p in towns):
                    return []  # "struck Kyiv ... in the capital": the capital is already there
                elif hint:
                    iso = hint
                elif named_at:
                    iso = min(named_at, key=lambda c: named_at[c][0])
                else:
                    iso = None
                if iso is None:
                    return []
                city = self._city_in(self.capitals.get(iso, ""), iso)
                if city is None:
                    return []
                return [(toks[min(k, len(toks) - 1)][1], -1, self._place(city, 1))]
        return []

    def _countries_named(self, toks, lang: str, *, nouns_only: bool = False
                         ) -> dict[str, list[int]]:
        """ISO3 → word positions, for every country named or adjective used."""
        out: dict[str, list[int]] = {}
        en = demonyms()[0]
        for i, (w, _, _) in enumerate(toks):
            k = norm(w)
            iso = None
            if nouns_only:
                pass
            elif w[:1].isupper() and k in en:
                iso = en[k]
            elif w[:1].isupper() and k.endswith("ns") and k[:-1] in en:
                iso = en[k[:-1]]  # "Belarusians voted", "Ugandans"
            elif not k.isascii() and _CYR.search(k):
                iso = stem_demonym(k, "ru")
                if iso is None and lang == "ky":
                    iso = stem_demonym(k, "ky", 5)
            if iso is None and w[:1].isupper():
                got = self._lookup(toks, i, lang, forced=False)
                if got is not None:
                    for idx, _ in got[0]:
                        if self.entries[idx].kind == "country":
                            iso = self.entries[idx].iso3
                            break
            if iso is not None:
                out.setdefault(iso, []).append(i)
        return out
    def country_of(self, text: str, lang: str) -> str | None:
        """ISO3 of the first country named or adjective used ("Kyrgyz", "киргизский")."""
        toks = words(text[:100_000])
        named = self._countries_named(toks, lang)
        if not named:
            return None

        def key(c: str) -> tuple[bool, int]:  # "МИД России ... Киргизии": the one spoken of
            at = named[c][0]  # "Российские военные ... по Киеву": not the attackers' country
            return (_speaker(text, toks[at][1], self.country(c))
                    or _ARMED.match(text, toks[at][2]) is not None), at

        best = min(named, key=key)
        if key(best)[0]:  # only a speaker or the attackers named: the town hit says where
            for place in self.find(text[:2000], lang):
                if place.iso3 != best and place.geo_precision < 3:
                    return place.iso3
        return best


def _char_pos(toks, joined: str, pos: int) -> int:
    """Character offset in the text of the word at ``pos`` in the joined normalised words."""
    k = joined[:pos].count(" ")
    return toks[min(k, len(toks) - 1)][1] if toks else 0


_BODY_BEFORE = re.compile(r"(?:\bМИД|министерств\w* иностранных дел|посольств\w*|"
                          r"правительств\w*|\bministry of foreign affairs of|"
                          r"\bforeign ministry of|\bembassy of|\bgovernment of)\s*$", re.I)
_BODY_AFTER = re.compile(r"^\w*(?:['’]s)?\s+(?:foreign\s+ministry|foreign\s+minister|"
                         r"embassy|ministry\s+of\s+foreign\s+affairs|government\s+said)",
                         re.I)


_ARMED = re.compile(r"\w*[\s-]+(?:led\s+|backed\s+)?(?:forces|troops|army|military|soldiers|"
                    r"jets|warplanes|aircraft|drones?|missiles?|artillery|navy|air\s+force|"
                    r"военн\w*|войск\w*|арми\w*|сил\w*|авиаци\w*|беспилотник\w*|ракет\w*|"
                    r"артиллери\w*|солдат\w*|аскер\w*|куралдуу)\b", re.IGNORECASE)


def _speaker(text: str, pos: int, place: Place) -> bool:
    """Whether a country is named as the one speaking ("МИД России", "Russia's foreign
    ministry"): the report's place is the country spoken about, so it ranks after."""
    if place.geo_precision != 3 or place.admin1 is not None or pos < 0:
        return False
    return bool(_BODY_BEFORE.search(text[max(0, pos - 40):pos])
                or _BODY_AFTER.match(text[pos:pos + 60]))


def _rank(found: list[tuple[int, int, Place]], hint: str | None) -> list[Place]:
    """Most specific first (a town before a region before a country); among equals the hinted
    country's first, then by position; duplicates dropped."""
    seen: set[tuple[str, str]] = set()
    out = []
    def specific(p: Place) -> int:  # a country is less specific than a region
        return p.geo_precision + (p.admin1 is None and p.location == p.country)

    for _, _, p in sorted(found, key=lambda f: (specific(f[2]), hint is not None and
                                                  f[2].iso3 != hint, f[0], f[1])):
        key = (p.location, p.iso3)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and kept for the life of the process."""
    return Gazetteer()
