"""`sitroom export --format acled-csv|geojson|jsonl|graphml`: events out as users load them."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime

from sitroom.errors import SitroomError

FORMATS = ("acled-csv", "geojson", "jsonl", "graphml")


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser("export", help="export events (ACLED CSV, GeoJSON, JSONL, GraphML)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--case")
    p.add_argument("--since", help="YYYY-MM-DD")
    p.add_argument("--until", help="YYYY-MM-DD")
    p.add_argument("--type", dest="event_type", help="event, sub-event or political type")
    p.add_argument("--country", help="country name or ISO3")
    p.add_argument("--admin1")
    p.add_argument("--bloc", help="only events reported by an outlet of this bloc")
    p.add_argument("--include-political", action="store_true",
                   help="acled-csv: also write political turns and statements (no ACLED type) "
                        "as ACLED files them: Strategic developments / Other")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(handler=cmd_export)


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SitroomError(f"bad date {text!r}: use YYYY-MM-DD") from None


def cmd_export(args, ctx) -> int:
    """Write the selected events (or the actor graph) in the chosen format."""
    from sitroom.present import exports
    from sitroom.present.graphml import write_graphml

    q = exports.ExportQuery(case=args.case, since=_date(args.since), until=_date(args.until),
                            event_type=args.event_type, country=args.country,
                            admin1=args.admin1, bloc=args.bloc)
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(ctx.open_store())
        out = (stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
               if args.output else ctx.out)
        if args.format == "graphml":
            n = write_graphml(store.list_actors(args.case), store.list_ties(args.case), out)
        else:
            events = exports.select(store.list_events(case=args.case), q)
            if args.format == "acled-csv":
                n = exports.write_acled_csv(events, out, exported=datetime.now(UTC),
                                            include_political=args.include_political)
                left_out = exports.acled_left_out(events,
                                                  include_political=args.include_political)
            elif args.format == "geojson":
                n = exports.write_geojson(events, out)
            else:
                members = sorted({c for e in events for c in e.claim_ids})
                claims = {c.id: c for c in store.get_claims(members)}
                history = {e.id: store.list_merge_actions(e.id) for e in events}
                n = exports.write_jsonl(events, out, claims=claims, history=history)
    if args.output:
        print(f"wrote {n} {'ties' if args.format == 'graphml' else 'events'} to {args.output}",
              file=ctx.err)
    if args.format == "acled-csv":
        for why, count in sorted(left_out.items()):
            print(f"left out {count} event(s): {why}", file=ctx.err)
    return 0
