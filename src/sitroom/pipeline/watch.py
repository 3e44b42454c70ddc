"""The watch stage's I/O edge: check stored events against the watches, deliver from the outbox.

``check_watches`` looks at each new or changed event once (per version of the event and of the
watch set: a watch added later sees every event once), stores the alerts with their outbox rows
in one transaction, and returns at once: nothing is sent here. ``deliver_due`` sends the outbox
rows whose time has come, one attempt each, and records the outcome (``sitroom run`` calls it
from its own thread, so a slow webhook never stalls collection). ``send_digests`` sends what
waits for a digest as one message per channel.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sitroom.errors import NotFound
from sitroom.model import Alert, Delivery
from sitroom.settings import Settings
from sitroom.store.api import Store
from sitroom.watch.alerts import RateLimit, decide, deliveries_for, digest, sent_counts
from sitroom.watch.notify import (
    Sender,
    after_attempt,
    alert_message,
    attempt,
    digest_message,
)
from sitroom.watch.rules import MatchContext, Rule, build_context, context_of_case, rule_of


@dataclass(frozen=True)
class WatchSummary:
    """What one check did: events looked at, matches, alerts new and suppressed."""

    events_checked: int = 0
    matched: int = 0
    alerts: tuple[Alert, ...] = ()

    @property
    def suppressed(self) -> int:
        return sum(1 for a in self.alerts if a.suppressed)


@dataclass(frozen=True)
class DeliverySummary:
    """What one delivery round did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0


def load_rules(store: Store, case: str | None = None) -> list[Rule]:
    """The watches of a case (its file's, then those added by hand), or of no case for None."""
    scope = case or ""
    found = [rule_of(w, scope) for w in store.list_watches(scope)]
    keys = {r.key for r in found}
    found += [rule_of(w, c) for c, w in store.list_added_watches(scope) if w.key not in keys]
    return found


def match_context(store: Store, case: str | None) -> MatchContext:
    """Countries, actors and outlet blocs of the case (of every case for None)."""
    if case:
        try:
            return context_of_case(store.get_case(case), store.list_outlets(case))
        except NotFound:
            pass
    cases = store.list_cases()
    return build_context({c for k in cases for c in k.countries}, store.list_actors(),
                         store.list_outlets())


def _rules_version(rules: Sequence[Rule], ctx: MatchContext) -> str:
    text = repr([r.to_dict() for r in rules]) + repr(sorted(ctx.countries))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def channels(settings: Settings, senders: Mapping[str, Sender] | None = None) -> list[str]:
    """The delivery channels turned on (from given senders, else from the settings)."""
    if senders is None:
        from sitroom.watch.notify import senders_from

        senders = senders_from(settings)
    return sorted(senders)


def check_watches(store: Store, settings: Settings, *, case: str | None = None,
                  now: datetime | None = None,
                  senders: Mapping[str, Sender] | None = None) -> WatchSummary:
    """Check the new or changed events of a case (or of every case, and the watches of no
    case) and store the alerts they fire, with an outbox row per channel turned on."""
    now = now or datetime.now(UTC)
    scopes = [case] if case else [c.name for c in store.list_cases()] + [""]
    rate = RateLimit(settings.alert_rate_limit, timedelta(seconds=settings.alert_rate_window))
    outs = channels(settings, senders)
    checked_n = matched = 0
    new: list[Alert] = []
    for scope in scopes:
        rules = load_rules(store, scope)
        if not rules:
            continue
        ctx = match_context(store, scope)
        version = _rules_version(rules, ctx)
        checked = {e: fp.rsplit("/", 1)[0] for e, fp in store.checked_events(scope).items()
                   if fp.endswith("/" + version)}
        keys = {r.key for r in rules}
        fired = {(a.watch, a.event_id) for a in store.list_alerts() if a.watch in keys}
        recent = sent_counts(store.list_alerts(since=now - rate.window, until=now))
        events = store.list_events(case=scope or None)
        decision = decide(rules, events, case=scope, ctx=ctx, checked=checked, fired=fired,
                          recent=recent, now=now, rate=rate)
        versions = {k: f"{fp}/{version}" for k, fp in decision.checked.items()}
        rows = deliveries_for(decision.alerts, outs, now=now,
                              digest=settings.alert_digest_minutes > 0)
        new += store.record_watch_pass(decision.alerts, rows, versions, at=now)
        checked_n += decision.events_checked
        matched += decision.matched
    return WatchSummary(events_checked=checked_n, matched=matched, alerts=tuple(new))


def _alerts_of(store: Store, rows: Sequence[Delivery]) -> dict[tuple[str, str], Alert]:
    out: dict[tuple[str, str], Alert] = {}
    for watch in sorted({d.watch for d in rows}):
        out.update({(a.watch, a.event_id): a for a in store.list_alerts(watch)})
    return out


def deliver_due(store: Store, senders: Mapping[str, Sender], settings: Settings, *,
                now: datetime | None = None, limit: int = 100) -> DeliverySummary:
    """Try each outbox row whose time has come, once; record sent, retry later, or failed."""
    now = now or datetime.now(UTC)
    due = store.due_deliveries(now, limit=limit)
    if not due:
        return DeliverySummary()
    alerts = _alerts_of(store, due)
    window = timedelta(seconds=settings.alert_rate_window)
    hidden: dict[str, int] = {}
    for a in store.list_alerts(since=now - window):
        hidden[a.watch] = hidden.get(a.watch, 0) + int(a.suppressed)
    done = []
    for d in due:
        alert = alerts.get((d.watch, d.event_id))
        sender = senders.get(d.channel)
        if alert is None or sender is None:
            why = "alert gone" if alert is None else f"channel {d.channel!r} is not configured"
            done.append(replace(d, status="failed", attempts=d.attempts + 1, last_error=why))
        else:
            error = attempt(sender, alert_message(alert, hidden.get(d.watch, 0)))
            done.append(after_attempt(d, error, now=datetime.now(UTC),
                                      retries=settings.alert_retries,
                                      backoff=settings.alert_backoff))
        store.save_deliveries([done[-1]])
    return DeliverySummary(sent=sum(d.status == "sent" for d in done),
                           retrying=sum(d.status == "pending" for d in done),
                           failed=sum(d.status == "failed" for d in done))


def send_digests(store: Store, senders: Mapping[str, Sender], settings: Settings, *,
                 now: datetime | None = None) -> DeliverySummary:
    """Send every row waiting for a digest as one message per channel (one attempt; a failed
    digest stays waiting until its retries are spent)."""
    now = now or datetime.now(UTC)
    waiting = store.list_deliveries(status="digest")
    if not waiting:
        return DeliverySummary()
    alerts = _alerts_of(store, waiting)
    sent = retrying = failed = 0
    for channel in sorted({d.channel for d in waiting}):
        rows = [d for d in waiting if d.channel == channel]
        items = sorted((alerts[(d.watch, d.event_id)] for d in rows
                        if (d.watch, d.event_id) in alerts), key=lambda a: a.fired_at)
        sender = senders.get(channel)
        error = (f"channel {channel!r} is not configured" if sender is None
                 else attempt(sender, digest_message(digest(items, until=now))))
        result = []
        for d in rows:
            after = after_attempt(d, error, now=now, retries=settings.alert_retries,
                                  backoff=settings.alert_backoff)
            result.append(after if after.status != "pending" else replace(after,
                                                                          status="digest"))
        store.save_deliveries(result)
        sent += sum(d.status == "sent" for d in result)
        failed += sum(d.status == "failed" for d in result)
        retrying += sum(d.status == "digest" for d in result)
    return DeliverySummary(sent=sent, retrying=retrying, failed=failed)
