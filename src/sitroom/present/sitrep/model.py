"""What a situation report says, as data: built once, rendered as Markdown, HTML or PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sitroom.model import Alert, Event, _Plain


@dataclass(frozen=True)
class Headline(_Plain):
    """One headline figure: ``value`` as printed, ``note`` says how it was counted."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class DayCount(_Plain):
    """Events of one day, by ACLED event type (political events under their own label)."""

    day: date
    by_type: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.by_type)


@dataclass(frozen=True)
class BlocCoverage(_Plain):
    """How much one bloc of outlets said: its reports, and the events it reported or left out."""

    bloc: str
    reports: int
    events_reported: int
    events_silent: int


@dataclass(frozen=True)
class Changes(_Plain):
    """What moved since the last report of the same case (nothing when there was none)."""

    previous: datetime | None
    new: tuple[str, ...] = ()  # event ids
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section(_Plain):
    """A section written by another stage (factions, hypotheses): a title and its lines."""

    title: str
    lines: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class SituationReport(_Plain):
    """Everything a report shows for one case and period; renderers only lay it out."""

    case: str
    title: str
    since: date
    until: date
    generated: datetime
    countries: tuple[str, ...]
    headline: tuple[Headline, ...]
    timeline: tuple[DayCount, ...]
    regions: tuple[tuple[str, int], ...]  # admin1 -> events, most first
    places: tuple[tuple[str, float, float, int], ...]  # (location, latitude, longitude, events)
    key_events: tuple[Event, ...]
    contested: tuple[Event, ...]
    coverage: tuple[BlocCoverage, ...]
    alerts: tuple[Alert, ...]
    changes: Changes
    sections: tuple[Section, ...] = ()
    events_total: int = 0
    reports_total: int = 0
    outlet_names: tuple[tuple[str, str], ...] = ()  # outlet key -> display name
    watch_titles: tuple[tuple[str, str], ...] = ()  # watch key -> title

    def outlet(self, key: str | None) -> str:
        return dict(self.outlet_names).get(key or "", key or "?")

    def watch(self, key: str) -> str:
        return dict(self.watch_titles).get(key, key)
