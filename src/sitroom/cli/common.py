"""Checks every command shares: a known case, a known bloc, and which database is in use.

A command that takes ``--case`` must refuse a case the store does not hold (a tip filed under a
misspelt case is lost to every later query), and a command run on a new or empty database must
say which one it is, so a user who forgot ``--db`` is not left looking at an empty list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO

from sitroom.errors import ConfigError, SitroomError
from sitroom.model import BLOCS

__all__ = ["check_bloc", "check_case", "database_note", "parse_day", "sqlite_path"]

# Commands whose --case is a case folder or name for a run that touches no store.
NO_STORE_CASE = frozenset({"case", "code", "eval", "demo"})


def unknown_case_message(name: str, names: list[str]) -> str:
    """The wording of ``pipeline.analysis.resolve_case``, so every command refuses alike."""
    return (f"unknown case {name!r}; stored cases: "
            + (", ".join(names) or "none (sitroom case load NAME)"))


def check_case(store, name: str | None) -> None:
    """Refuse a case name the store does not hold, listing the ones it does (an empty name,
    the default of commands where no case is a choice, means none)."""
    if not name:
        return
    names = sorted(c.name for c in store.list_cases())
    if name not in names:
        raise ConfigError(unknown_case_message(name, names))


def check_bloc(name: str | None) -> None:
    """Refuse a bloc outside ``model.BLOCS``, listing them."""
    if name is not None and name not in BLOCS:
        raise ConfigError(f"unknown bloc {name!r}; blocs: {', '.join(BLOCS)}")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None (in memory, or another backend)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # a bad URL is reported by open_store itself
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def database_note(store, url: str, was_new: bool, err: TextIO) -> None:
    """On a new or empty database, say which one is in use and how to point at another."""
    if not was_new and (store.count_reports() or store.count_events() or store.list_cases()):
        return
    from sitroom.store import mask_url

    path = sqlite_path(url)
    where = f"{path.resolve()}" if path is not None else mask_url(url)
    state = "a new database" if was_new else "an empty database"
    print(f"sitroom: using {state}: {where} (another: --db URL, SITROOM_DATABASE_URL, or "
          "database_url in sitroom.toml)", file=err)


def parse_day(text: str | None, flag: str) -> date | None:
    """A YYYY-MM-DD option value (None when not given), or a clear error naming the option."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SitroomError(f"bad {flag} {text!r}: use YYYY-MM-DD") from None
