"""`sitroom merge` and `sitroom events list|show|confirm|reject|edit|split|merge|undo|history`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sitroom.errors import MergeError


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    m = subparsers.add_parser("merge", help="merge stored claims into events")
    m.add_argument("--case", help="only this case's reports")
    m.add_argument("--rebuild", action="store_true",
                   help="re-merge everything from scratch (analyst decisions are kept)")
    m.set_defaults(handler=cmd_merge)

    ev = subparsers.add_parser("events", help="list, inspect and correct merged events")
    sub = ev.add_subparsers(dest="events_command", metavar="ACTION")
    ls = sub.add_parser("list", help="list events")
    ls.add_argument("--case")
    ls.add_argument("--since", help="YYYY-MM-DD")
    ls.add_argument("--until", help="YYYY-MM-DD")
    ls.add_argument("--type", dest="event_type", help="ACLED event_type")
    ls.add_argument("--country")
    ls.add_argument("--status", help="auto, confirmed, rejected, edited, unmerged")
    ls.add_argument("--limit", type=int, default=100)
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    ls.set_defaults(handler=cmd_list)
    show = sub.add_parser("show", help="one event with its figures and corroboration")
    show.add_argument("event_id")
    show.set_defaults(handler=cmd_show)
    for name, helptext in (("confirm", "mark an event as checked"),
                           ("reject", "mark an event as not a real event")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("event_id")
        _who(p)
        p.set_defaults(handler=cmd_edit_op, op=name)
    p = sub.add_parser("edit", help="set fields by hand: FIELD=VALUE ...")
    p.add_argument("event_id")
    p.add_argument("fields", nargs="+", metavar="FIELD=VALUE")
    _who(p)
    p.set_defaults(handler=cmd_edit_op, op="edit")
    p = sub.add_parser("split", help="move claims out of an event into a new one")
    p.add_argument("event_id")
    p.add_argument("claim_ids", nargs="+", metavar="CLAIM")
    _who(p)
    p.set_defaults(handler=cmd_edit_op, op="split")
    p = sub.add_parser("merge", help="merge events into one")
    p.add_argument("event_ids", nargs="+", metavar="EVENT")
    _who(p)
    p.set_defaults(handler=cmd_edit_op, op="merge")
    p = sub.add_parser("undo", help="reverse a recorded action")
    p.add_argument("action_id")
    _who(p)
    p.set_defaults(handler=cmd_edit_op, op="undo")
    h = sub.add_parser("history", help="merge actions, of one event or all")
    h.add_argument("event_id", nargs="?")
    h.set_defaults(handler=cmd_history)
    ev.set_defaults(handler=lambda args, ctx: (ev.print_help(ctx.out), 2)[1])


def _who(p) -> None:
    p.add_argument("--by", default="analyst", help="who decides (recorded)")
    p.add_argument("--reason", default="", help="why (recorded)")
    p.add_argument("--case", help="case whose outlets define silent blocs")


def _day(text: str | None, end: bool = False) -> datetime | None:
    """A --since/--until date; ``end`` makes a bare day the store's exclusive bound after it."""
    if not text:
        return None
    try:
        d = datetime.fromisoformat(text)
    except ValueError:
        raise MergeError(f"bad date {text!r}: use YYYY-MM-DD") from None
    return d + timedelta(days=1) if end and len(text) == 10 else d


def cmd_merge(args, ctx) -> int:
    """Merge the stored claims into events and print what changed."""
    from sitroom.pipeline.merge import merge_store

    with ctx.open_store() as store:
        s = merge_store(store, case=args.case, rebuild=args.rebuild)
    print(f"claims current {s.claims_current}, placed {s.claims_placed}, events saved "
          f"{s.events_saved}, deleted {s.events_deleted}, unmerged {s.unmerged}, "
          f"actions {s.actions}", file=ctx.out)
    return 0


def _line(e) -> str:
    fat = e.fatalities.value if e.fatalities else 0
    cor = e.corroboration
    src = f"{cor.independent_outlets} src" if cor else "? src"
    place = e.location or e.admin1 or e.country or "?"
    kind = e.sub_event_type or e.political_event or e.plover_type or "?"
    return (f"{e.id}  {e.event_date or '????-??-??'}  {e.status:<9} {kind:<32.32} "
            f"{place:<18.18} fat {fat:<4} {src}  claims {len(e.claim_ids)}")


def cmd_list(args, ctx) -> int:
    """List stored events, one line each."""
    with ctx.open_store() as store:
        events = store.list_events(case=args.case, since=_day(args.since),
                                   until=_day(args.until, end=True),
                                   event_type=args.event_type, country=args.country,
                                   limit=None if args.status else args.limit)
    if args.status:
        events = [e for e in events if e.status == args.status][: args.limit]
    for e in events:
        print(json.dumps(e.to_dict(), ensure_ascii=False) if args.json else _line(e),
              file=ctx.out)
    return 0


def cmd_show(args, ctx) -> int:
    """Print one event and its merge history as JSON."""
    with ctx.open_store() as store:
        event = store.get_event(args.event_id)
        history = store.list_merge_actions(args.event_id)
    d = event.to_dict()
    d["history"] = [a.to_dict() for a in history]
    print(json.dumps(d, ensure_ascii=False, indent=2), file=ctx.out)
    return 0


def cmd_edit_op(args, ctx) -> int:
    """Apply one analyst decision (confirm, reject, edit, split, merge, undo) and record it."""
    from sitroom.merge import edits
    from sitroom.pipeline.merge import apply_edit, load_book

    at = datetime.now(UTC)
    kw = {"actor": args.by, "reason": args.reason, "at": at}
    with ctx.open_store() as store:
        if args.op == "undo":
            target = next((a for a in store.list_merge_actions() if a.id == args.action_id), None)
            if target is None:
                raise MergeError(f"no action {args.action_id!r}")
            book = load_book(store, list(target.event_ids), args.case)
            result = edits.undo(book, args.action_id, **kw)
        elif args.op == "merge":
            book = load_book(store, args.event_ids, args.case)
            result = edits.merge(book, args.event_ids, **kw)
        else:
            book = load_book(store, [args.event_id], args.case)
            if args.op == "edit":
                bad = [f for f in args.fields if "=" not in f]
                if bad:
                    raise MergeError(f"edit takes FIELD=VALUE, not {bad[0]!r}")
                fields = dict(f.split("=", 1) for f in args.fields)
                result = edits.edit(book, args.event_id, fields, **kw)
            elif args.op == "split":
                result = edits.split(book, args.event_id, args.claim_ids, **kw)
            else:
                result = getattr(edits, args.op)(book, args.event_id, **kw)
        apply_edit(store, result)
    print(f"{result.action.action} {result.action.id}: saved "
          f"{', '.join(e.id for e in result.saved) or '-'}"
          + (f"; removed {', '.join(result.deleted)}" if result.deleted else ""), file=ctx.out)
    return 0


def cmd_history(args, ctx) -> int:
    """List the merge actions, of one event or of all."""
    with ctx.open_store() as store:
        actions = store.list_merge_actions(args.event_id)
    for a in actions:
        at = a.at.isoformat(timespec="seconds") if a.at else "-"
        undoes = f" undoes {a.undoes}" if a.undoes else ""
        print(f"{a.id}  {at}  {a.action:<7} {a.actor:<8} {','.join(a.event_ids)}  "
              f"claims {','.join(a.claim_ids) or '-'}{undoes}  {a.reason}", file=ctx.out)
    return 0
