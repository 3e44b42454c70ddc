"""`sitroom alerts list | check | send | digest`: what the watches fired, and its delivery."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

from sitroom.errors import ConfigError


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser("alerts", help="alerts fired by the watches (list, digest, send)")
    sub = p.add_subparsers(dest="alerts_command", metavar="ACTION", required=True)
    ls = sub.add_parser("list", help="stored alerts with their delivery state")
    ls.add_argument("--case")
    ls.add_argument("--watch", help="only this watch's alerts")
    ls.add_argument("--since", help="fired at or after (YYYY-MM-DD or ISO time, UTC)")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    ls.set_defaults(handler=list_alerts)
    check = sub.add_parser("check", help="check new or changed events against the watches once")
    check.add_argument("--case")
    check.set_defaults(handler=check_alerts)
    send = sub.add_parser("send", help="one delivery attempt for each alert due in the outbox")
    send.set_defaults(handler=send_alerts)
    dg = sub.add_parser("digest", help="alerts grouped by watch in one message")
    dg.add_argument("--since", required=True, help="YYYY-MM-DD or ISO time (UTC)")
    dg.add_argument("--until", help="YYYY-MM-DD or ISO time (UTC), exclusive")
    dg.add_argument("--case")
    dg.add_argument("--format", choices=("text", "json"), default="text")
    dg.add_argument("--send", action="store_true", help="also send it on the channels set up")
    dg.set_defaults(handler=digest_alerts)


def parse_time(text: str | None, flag: str) -> datetime | None:
    """A --since/--until value: a day or an ISO time, taken as UTC when it names no zone."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ConfigError(f"{flag}: {text!r} is not a date (YYYY-MM-DD) or ISO time") from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def list_alerts(args, ctx) -> int:
    with ctx.open_store() as store:
        alerts = store.list_alerts(args.watch, case=args.case,
                                   since=parse_time(args.since, "--since"))
        rows = store.list_deliveries(watch=args.watch)
    state = {}
    for d in rows:
        state.setdefault((d.watch, d.event_id), []).append(d)
    if args.format == "json":
        data = [{**a.to_dict(), "payload": dict(a.payload),
                 "deliveries": [d.to_dict() for d in state.get((a.watch, a.event_id), [])]}
                for a in alerts]
        print(json.dumps(data, ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    hidden = Counter(a.watch for a in alerts if a.suppressed)
    per_watch = ", ".join(f"{w}: {n}" for w, n in hidden.items())
    print(f"{len(alerts)} alert(s)" + (f", {sum(hidden.values())} suppressed by the rate "
                                       f"limit ({per_watch})" if hidden else ""), file=ctx.out)
    for a in alerts:
        sent = ", ".join(f"{d.channel} {d.status}" + (f" after {d.attempts} attempt(s): "
                                                       f"{d.last_error}" if d.last_error else "")
                         for d in state.get((a.watch, a.event_id), []))
        flag = " suppressed" if a.suppressed else ""
        print(f"{a.fired_at:%Y-%m-%d %H:%M} [{a.watch}]{flag} {a.message}"
              + (f"\n    {sent}" if sent else ""), file=ctx.out)
    return 0


def check_alerts(args, ctx) -> int:
    from sitroom.pipeline.watch import check_watches

    with ctx.open_store() as store:
        result = check_watches(store, ctx.settings, case=args.case)
    print(f"alerts: {result.events_checked} new or changed event(s) checked, "
          f"{len(result.alerts)} new alert(s)"
          + (f" ({result.suppressed} suppressed)" if result.suppressed else ""), file=ctx.out)
    for a in result.alerts:
        print(f"  [{a.watch}] {a.message}", file=ctx.out)
    return 0


def send_alerts(args, ctx) -> int:
    from sitroom.pipeline.watch import deliver_due
    from sitroom.watch.notify import senders_from

    senders = senders_from(ctx.settings)
    with ctx.open_store() as store:
        result = deliver_due(store, senders, ctx.settings, limit=10_000)
    print(f"alerts: {result.sent} sent, {result.retrying} to retry, {result.failed} failed",
          file=ctx.out)
    return 0


def digest_alerts(args, ctx) -> int:
    from sitroom.watch.alerts import digest
    from sitroom.watch.notify import attempt, digest_message, senders_from

    since, until = parse_time(args.since, "--since"), parse_time(args.until, "--until")
    with ctx.open_store() as store:
        d = digest(store.list_alerts(case=args.case, since=since, until=until), since, until)
    if args.format == "json":
        print(json.dumps(digest_message(d).data, ensure_ascii=False, indent=2), file=ctx.out)
    else:
        print(d.text(), file=ctx.out)
    if not args.send:
        return 0
    senders = senders_from(ctx.settings)
    if not senders:
        raise ConfigError("no channel to send on: set alert_webhook_url or smtp_host, "
                          "smtp_from and smtp_to")
    failed = 0
    for channel, sender in sorted(senders.items()):
        error = attempt(sender, digest_message(d))
        failed += error is not None
        print(f"digest {'not sent' if error else 'sent'} by {channel}"
              + (f": {error}" if error else ""), file=ctx.err)
    return 1 if failed else 0
