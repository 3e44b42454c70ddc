"""`sitroom factions`: the camps, their leaders, supporters and foreign backers on a given day."""

from __future__ import annotations

import contextlib
from datetime import date

from sitroom.errors import SitroomError

FORMATS = ("text", "json", "graphml")


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser(
        "factions", help="camps, leaders, supporters and foreign backers as of a date")
    p.add_argument("--case", help="case name (default: the only stored case)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD",
                   help="the day to show (default: the latest event's day)")
    p.add_argument("--actor", metavar="NAME",
                   help="one actor's page instead: roles over time, camps, ties, events")
    p.add_argument("--with-proposed", action="store_true",
                   help="count undecided proposed ties too (marked 'proposed')")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(handler=cmd_factions)


def parse_day(text: str | None) -> date | None:
    """A YYYY-MM-DD option, or a clear error."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SitroomError(f"bad date {text!r}: use YYYY-MM-DD") from None


def cmd_factions(args, ctx) -> int:
    """Print the faction picture (or one actor's page) in the chosen format."""
    from sitroom.pipeline.analysis import resolve_case
    from sitroom.pipeline.factions import actor_profile_of, faction_picture_of
    from sitroom.present import factions as show

    day = parse_day(args.as_of)
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(ctx.open_store())
        if args.actor:
            if args.format == "graphml":
                raise SitroomError("--actor shows a page: use --format text or json")
            profile = actor_profile_of(store, args.actor, args.case, until=day)
            names = {a.key: a.name for a in resolve_case(store, args.case).actors}
            text = (show.dumps(profile.to_dict()) if args.format == "json"
                    else show.profile_text(profile, names))
        else:
            picture = faction_picture_of(store, args.case, day, args.with_proposed)
            text = None
            if args.format == "json":
                text = show.dumps(show.picture_json(picture))
            elif args.format == "text":
                text = show.picture_text(picture)
        out = (stack.enter_context(open(args.output, "w", encoding="utf-8"))
               if args.output else ctx.out)
        if text is None:
            n = show.write_picture_graphml(picture, out)
            if args.output:
                print(f"wrote {n} ties to {args.output}", file=ctx.err)
        else:
            out.write(text)
    return 0
