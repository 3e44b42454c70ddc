"""The facts of a passage the drafts ask for: places, countries, target owners, dates, figures.

Thin entry points over ``places``, ``typing.targets``, ``dates`` and ``figures`` so the
coder and the drafts share one gazetteer and one set of rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sitroom.coding.dates import resolve_date
from sitroom.coding.figures.extract import Figures, extract_figures
from sitroom.coding.places.gazetteer import default_gazetteer
from sitroom.coding.places.names import Place
from sitroom.coding.typing.targets import target_owner

__all__ = [
    "Figures",
    "capital_place",
    "country_of",
    "country_place",
    "event_date",
    "extract_figures",
    "find_places",
    "resolve_date",
    "target_owner",
]


def find_places(text: str, lang: str, country_hint: str | None, names: Sequence[str] = ()
                ) -> list[Place]:
    """Places a passage names, best first."""
    if not text:
        return []
    return list(default_gazetteer().find(text, lang, country_hint=country_hint, names=tuple(names)))


def country_place(iso3: str) -> Place | None:
    """The country-level place of an ISO3 code (geo precision 3), if the gazetteer knows it."""
    try:
        return default_gazetteer().country(iso3)
    except (KeyError, LookupError, ValueError):
        return None


def capital_place(iso3: str) -> Place | None:
    """The capital of a country as a town-level place, if the gazetteer knows it."""
    gaz = default_gazetteer()
    city = gaz._city_in(gaz.capitals.get(iso3, ""), iso3)
    return gaz._place(city, 1) if city is not None else None


def country_of(text: str, lang: str) -> str | None:
    """ISO3 of the country a text is about (named or by demonym), if the gazetteer can tell."""
    return default_gazetteer().country_of(text, lang)


def event_date(texts: Sequence[str], published: date | None, lang: str
               ) -> tuple[date | None, int | None, bool]:
    """(date, precision, said) from the first text that names a date; else publication day."""
    for text in texts:
        when, precision = resolve_date(text, published, lang)
        if when is not None:
            return when, precision, True
    return published, (1 if published else None), False
