"""The seam to the facts modules (figures, dates, places, targets), loaded on first use.

The gazetteer and target modules are built beside the coder; until one is present its fields
stay empty rather than failing the run.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import Any

from sitroom.coding.dates import resolve_date
from sitroom.coding.figures import Figures, extract_figures

__all__ = [
    "Figures",
    "country_of",
    "country_place",
    "extract_figures",
    "find_places",
    "gazetteer",
    "resolve_date",
    "target_owner",
]


@functools.cache
def gazetteer() -> Any | None:
    """The offline gazetteer, or None when the places module is not installed."""
    for module in ("sitroom.coding.gazetteer", "sitroom.coding.places"):
        try:
            mod = __import__(module, fromlist=["default_gazetteer"])
        except ImportError:
            continue
        factory = getattr(mod, "default_gazetteer", None)
        if factory is not None:
            try:
                return factory()
            except ImportError:  # the gazetteer tables are still being written
                return None
    return None


def find_places(text: str, lang: str, country_hint: str | None, names: Sequence[str] = ()
                ) -> list[Any]:
    """Places a passage names, best first (empty without a gazetteer)."""
    gaz = gazetteer()
    if gaz is None or not text:
        return []
    return list(gaz.find(text, lang, country_hint=country_hint, names=tuple(names)))


def country_place(iso3: str) -> Any | None:
    """The country-level place of an ISO3 code (geo precision 3), if the gazetteer knows it."""
    gaz = gazetteer()
    if gaz is None:
        return None
    try:
        return gaz.country(iso3)
    except (KeyError, LookupError, ValueError):
        return None


def country_of(text: str, lang: str) -> str | None:
    """ISO3 of the country a text is about (named or by demonym), if the gazetteer can tell."""
    gaz = gazetteer()
    return gaz.country_of(text, lang) if gaz is not None else None


@functools.cache
def _target_owner_fn() -> Any | None:
    try:
        from sitroom.coding.targets import target_owner as fn
    except ImportError:
        return None
    return fn


def target_owner(text: str, lang: str) -> str | None:
    """ISO3 of the country owning attacked property named in a text, or None."""
    fn = _target_owner_fn()
    return fn(text, lang) if fn is not None else None


def event_date(texts: Sequence[str], published: date | None, lang: str
               ) -> tuple[date | None, int | None, bool]:
    """(date, precision, said) from the first text that names a date; else publication day."""
    for text in texts:
        when, precision = resolve_date(text, published, lang)
        if when is not None:
            return when, precision, True
    return published, (1 if published else None), False
