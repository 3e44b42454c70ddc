"""Coding: reports into ACLED-compatible claims (types, dates, places, actors, figures).

``Coder(actors, countries_hint=...).code(document)`` is the public entry point; models load on
first use, so importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["CODER_VERSION", "Coder"]

if TYPE_CHECKING:
    from sitroom.coding.coder import CODER_VERSION, Coder


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sitroom.coding import coder

        return getattr(coder, name)
    raise AttributeError(name)
