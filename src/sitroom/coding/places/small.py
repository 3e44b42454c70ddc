"""Places no main table names: districts, towns of 1,000-15,000 people, unknown villages.

Each reader looks at one word of a text and, when the words around it say a place is meant
("the village of X", "X, Zamfara state", "в селе X", "Aksy district"), gives the place and the
number of words it used. Used by ``gazetteer.Gazetteer.find``.
"""

from __future__ import annotations

import re

from sitroom.coding.places.names import (
    SMALL_CUES_AFTER,
    SMALL_CUES_BEFORE,
    STOP,
    TITLES,
    Place,
    latin,
    norm,
    plain,
    ru_stem,
    sentence_start,
    skeleton,
)
from sitroom.coding.places.tables import _CYR, PlaceTables, _Entry, demonyms, stem_demonym

_RU_SETTLEMENT = {"селе", "села", "деревне", "деревни", "поселке", "поселка", "кишлаке",
                  "кишлака", "аиле", "аила", "айыле", "районе", "района", "городке", "айылы",
                  "айылында", "станице", "станицы", "ауле", "аула"}
_COMPASS = {"central", "northern", "southern", "eastern", "western", "northeastern",
            "northwestern", "southeastern", "southwestern", "north", "south", "east", "west"}
_REGION_WORDS = {"region", "state", "province", "oblast", "governorate", "county", "district",
                 "regional", "zone", "township"}
# words before a village's name: "in", "near", "the village of", "attacked Boni"
_CUE_BEFORE = re.compile(r"(?:^| )(?:in|near|at|outside|around|of|villages? of|town of|"
                         r"villages?|towns?)$")
_STRONG_CUE = re.compile(r"(?:villages?|towns?|hamlet|settlement|localities|locality) of$"
                         r"|(?:^| )the (?:village|town|locality) of$")


class SmallPlaces(PlaceTables):
    """The readers of places too small or too unknown for the main index."""

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
