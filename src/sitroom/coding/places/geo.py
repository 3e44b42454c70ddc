"""Country names for actors: ISO3 of a state named in text, and the name ACLED uses for an ISO3.

Only what actor naming needs; places and coordinates are the gazetteer's job.
"""

from __future__ import annotations

import functools

_STATE_ALIASES = {
    "russia": "RUS", "moscow": "RUS", "kremlin": "RUS", "россия": "RUS", "россии": "RUS",
    "москва": "RUS", "москвы": "RUS", "кремль": "RUS", "кремля": "RUS", "орусия": "RUS",
    "china": "CHN", "beijing": "CHN", "китай": "CHN", "китая": "CHN", "пекин": "CHN",
    "кытай": "CHN", "united states": "USA", "washington": "USA", "u.s.": "USA", "us": "USA",
    "сша": "USA", "акш": "USA", "kazakhstan": "KAZ", "казахстан": "KAZ", "uzbekistan": "UZB",
    "узбекистан": "UZB", "tajikistan": "TJK", "таджикистан": "TJK", "turkey": "TUR",
    "ankara": "TUR", "турция": "TUR", "iran": "IRN", "tehran": "IRN", "germany": "DEU",
    "berlin": "DEU", "france": "FRA", "paris": "FRA", "britain": "GBR", "uk": "GBR",
    "london": "GBR", "japan": "JPN", "india": "IND", "pakistan": "PAK", "ukraine": "UKR",
    "kyiv": "UKR", "kiev": "UKR", "belarus": "BLR", "minsk": "BLR",
}
# Bodies that are not states but speak as foreign governments do.
_BODIES = {"eu": "EU", "european union": "EU", "brussels": "EU", "евросоюз": "EU", "ес": "EU",
           "united nations": "UN", "un": "UN", "оон": "UN", "osce": "OSCE", "обсе": "OSCE"}
_BODY_NAMES = {"EU": "European Union", "UN": "United Nations", "OSCE": "OSCE"}

# ACLED's short names where pycountry's official-ish names differ.
_SHORT = {
    "RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "IRN": "Iran",
    "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea", "VNM": "Vietnam", "LAO": "Laos",
    "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova", "COD":
    "Democratic Republic of Congo", "COG": "Republic of Congo", "CIV": "Ivory Coast",
    "PSE": "Palestine", "TWN": "Taiwan", "CZE": "Czech Republic", "TUR": "Turkey",
    "FSM": "Micronesia", "BRN": "Brunei", "CPV": "Cape Verde", "SWZ": "eSwatini",
    "MKD": "North Macedonia", "KGZ": "Kyrgyzstan",
}


def state_iso3(name: str) -> str | None:
    """The ISO3 code (or body code EU/UN/OSCE) of a state or body named by a word or phrase."""
    key = name.strip().lower()
    if key in _STATE_ALIASES:
        return _STATE_ALIASES[key]
    if key in _BODIES:
        return _BODIES[key]
    return _pycountry_lookup(key)


@functools.cache
def _pycountry_lookup(key: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


@functools.cache
def country_name(iso3: str | None) -> str | None:
    """The short English name of a country (ACLED's spelling where it differs), or None."""
    if not iso3:
        return None
    if iso3 in _BODY_NAMES:
        return _BODY_NAMES[iso3]
    if iso3 in _SHORT:
        return _SHORT[iso3]
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3.upper())
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name
