"""Which events fire which watches: pure decisions over events, rules and what fired before.

``decide`` takes the events in scope with the fingerprint of the version last checked and
returns the alerts to store and the versions now checked, so each new or changed event is
checked once. An event fires a rule at most once (one alert per watch and event, whatever
changes later); a ``first_report`` rule fires once in all. Over ``RateLimit.limit`` alerts of
one rule within ``RateLimit.window``, further alerts are stored as ``suppressed``: listed and
counted in digests and in the messages that are sent, never sent on their own (no storms).
``digest`` groups alerts for one message.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sitroom.model import Alert, Delivery, Event, _Plain
from sitroom.watch.rules import MatchContext, Rule, crossing, matches

SKIPPED_STATUSES = ("rejected", "unmerged")  # an analyst's rejection; a claim never placed


def fingerprint(event: Event) -> str:
    """A short hash of everything an event says: it changes when the event does."""
    data = json.dumps(event.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


def _figure(event: Event, name: str) -> int | None:
    value = getattr(event, name)
    return value.value if value is not None else None


def event_payload(event: Event) -> tuple[tuple[str, Any], ...]:
    """What an alert carries of its event: when, what, where, who, figures, who reported it."""
    c = event.corroboration
    pairs: list[tuple[str, Any]] = [
        ("event_id", event.id),
        ("event_date", event.event_date.isoformat() if event.event_date else None),
        ("event_type", event.event_type), ("sub_event_type", event.sub_event_type),
        ("political_event", event.political_event), ("location", event.location),
        ("admin1", event.admin1), ("country", event.country), ("iso3", event.iso3),
        ("actor1", event.actor1), ("actor2", event.actor2),
        ("fatalities", _figure(event, "fatalities")), ("injuries", _figure(event, "injuries")),
        ("arrests", _figure(event, "arrests")), ("crowd_size", _figure(event, "crowd_size")),
        ("target_owner_iso3", event.target_owner_iso3),
        ("outlets", tuple(c.outlets) if c else ()), ("blocs", tuple(c.blocs) if c else ()),
    ]
    return tuple(pairs)


def headline(event: Event) -> str:
    """One line on an event: date, kind, place, actors, the deadly figures."""
    kind = event.political_event or event.sub_event_type or event.event_type or "event"
    kind = kind.replace("_", " ")
    place = ", ".join(dict.fromkeys(p for p in (event.location, event.country) if p))
    place = place or "an unknown place"
    actors = " / ".join(a for a in (event.actor1, event.actor2) if a)
    figures = [f"{name} {v}" for name in ("fatalities", "injuries", "arrests")
               if (v := _figure(event, name))]
    if event.target_owner_iso3:
        figures.append(f"property owned from {event.target_owner_iso3}")
    day = event.event_date.isoformat() if event.event_date else "undated"
    return (f"{day} {kind} in {place}" + (f" ({actors})" if actors else "")
            + (f"; {', '.join(figures)}" if figures else ""))


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` alerts of one watch sent within ``window``; 0 means no limit."""

    limit: int = 10
    window: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class WatchDecision(_Plain):
    """What one check of the events decided."""

    alerts: tuple[Alert, ...]
    checked: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (case, event) -> fp
    events_checked: int = 0  # new or changed events looked at
    matched: int = 0  # (rule, event) pairs that matched, fired before or not


def decide(
    rules: Sequence[Rule],
    events: Iterable[Event],
    *,
    case: str = "",
    ctx: MatchContext | None = None,
    checked: Mapping[str, str] | None = None,
    fired: Collection[tuple[str, str]] = (),
    recent: Mapping[str, int] | None = None,
    now: datetime,
    rate: RateLimit = RateLimit(),
) -> WatchDecision:
    """The alerts due for the new or changed events among ``events``.

    ``checked`` maps event id to the fingerprint last checked; ``fired`` holds the (watch,
    event) pairs that already fired; ``recent`` counts each watch's alerts sent within the
    rate window before ``now``.
    """
    ctx = ctx or MatchContext()
    events = list(events)
    checked = checked or {}
    fired_set = set(fired)
    done_first = {w for w, _ in fired_set}
    sent = Counter(recent or {})
    out: list[Alert] = []
    versions: dict[tuple[str, str], str] = {}
    todo = []
    for e in events:
        fp = fingerprint(e)
        if checked.get(e.id) != fp:
            versions[(case, e.id)] = fp
            if e.status not in SKIPPED_STATUSES:
                todo.append((e, fp))
    # earliest first, so a first_report rule fires for the first event and counts run in order
    todo.sort(key=lambda item: (item[0].event_date is None, item[0].event_date, item[0].id))
    matched = 0
    for rule in rules:
        if rule.indicator:
            # one alert, ever: on the event with which the indicator crossed its bound
            hit = (None if rule.key in done_first or not todo
                   else crossing(rule, events, ctx))
            if hit is not None:
                matched += 1
                over = rate.limit > 0 and sent[rule.key] >= rate.limit
                sent[rule.key] += int(not over)
                out.append(Alert(
                    watch=rule.key, event_id=hit.id, fired_at=now,
                    message=f"{rule.title}: {headline(hit)}", case=case or rule.case,
                    title=rule.title, fingerprint=fingerprint(hit), suppressed=over,
                    payload=event_payload(hit)))
                fired_set.add((rule.key, hit.id))
                done_first.add(rule.key)
            continue
        for e, fp in todo:
            if not matches(rule, e, ctx):
                continue
            matched += 1
            if (rule.key, e.id) in fired_set or (rule.first_report and rule.key in done_first):
                continue
            over = rate.limit > 0 and sent[rule.key] >= rate.limit
            if not over:
                sent[rule.key] += 1
            out.append(Alert(
                watch=rule.key, event_id=e.id, fired_at=now,
                message=f"{rule.title}: {headline(e)}", case=case or rule.case,
                title=rule.title, fingerprint=fp, suppressed=over, payload=event_payload(e),
            ))
            fired_set.add((rule.key, e.id))
            done_first.add(rule.key)
    return WatchDecision(alerts=tuple(out), checked=versions, events_checked=len(todo),
                         matched=matched)


def deliveries_for(alerts: Iterable[Alert], channels: Sequence[str], *, now: datetime,
                   digest: bool = False) -> list[Delivery]:
    """The outbox rows of new alerts: one per channel for each alert not suppressed."""
    status = "digest" if digest else "pending"
    return [Delivery(watch=a.watch, event_id=a.event_id, channel=ch, status=status,
                     next_attempt=now)
            for a in alerts if not a.suppressed for ch in channels]


def suppressed_counts(alerts: Iterable[Alert]) -> dict[str, int]:
    """How many alerts of each watch were suppressed by the rate limit."""
    return dict(Counter(a.watch for a in alerts if a.suppressed))


def sent_counts(alerts: Iterable[Alert]) -> dict[str, int]:
    """How many alerts of each watch were not suppressed (to count against the rate limit)."""
    return dict(Counter(a.watch for a in alerts if not a.suppressed))


@dataclass(frozen=True)
class Digest(_Plain):
    """Alerts grouped by watch for one message: counts, suppressed counts and the lines."""

    since: datetime | None
    until: datetime | None
    total: int
    by_watch: tuple[tuple[str, str, int, int], ...]  # (watch, title, alerts, suppressed)
    alerts: tuple[Alert, ...]

    def text(self) -> str:
        """The digest as plain text (an email body, a terminal)."""
        span = " – ".join(d.isoformat(timespec="minutes") for d in (self.since, self.until)
                          if d) or "all time"
        lines = [f"sitroom digest ({span}): {self.total} alert(s)"]
        for watch, title, n, suppressed in self.by_watch:
            extra = f", {suppressed} suppressed by the rate limit" if suppressed else ""
            lines.append(f"\n{title} [{watch}]: {n} alert(s){extra}")
            lines += [f"  - {a.message.split(': ', 1)[-1]}" for a in self.alerts
                      if a.watch == watch]
        return "\n".join(lines)


def digest(alerts: Sequence[Alert], since: datetime | None = None,
           until: datetime | None = None) -> Digest:
    """Group alerts by watch (in the order each watch first fired) for one message."""
    order: dict[str, str] = {}
    for a in alerts:
        order.setdefault(a.watch, a.title or a.watch)
    totals = Counter(a.watch for a in alerts)
    hidden = suppressed_counts(alerts)
    return Digest(
        since=since, until=until, total=len(alerts),
        by_watch=tuple((w, t, totals[w], hidden.get(w, 0)) for w, t in order.items()),
        alerts=tuple(alerts),
    )
