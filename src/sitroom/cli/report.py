"""`sitroom report`: write a situation report (Markdown, HTML or PDF) of a case and period."""

from __future__ import annotations

from sitroom.cli.common import parse_day
from sitroom.errors import NotFound, SitroomError

FORMATS = ("md", "html", "pdf")


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser("report", help="write a situation report (md, html or pdf)")
    p.add_argument("--case", required=True)
    p.add_argument("--since", help="YYYY-MM-DD (default: the case's start)")
    p.add_argument("--until", help="YYYY-MM-DD (default: the case's end, or today)")
    p.add_argument("--format", default="html", choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_report)


def cmd_report(args, ctx) -> int:
    """Write the report and say where it is and what changed since the last one."""
    from sitroom.pipeline.report import publish_report
    from sitroom.present.sitrep.text import change_lines

    since, until = parse_day(args.since, "--since"), parse_day(args.until, "--until")
    if since and until and until < since:
        raise SitroomError(f"--until {until} is before --since {since}")
    with ctx.open_store() as store:
        known = [c.name for c in store.list_cases()]
        if args.case not in known:
            raise NotFound(f"unknown case {args.case!r}; known cases: "
                           f"{', '.join(known) or 'none (run `sitroom case load NAME`)'}")
        run = publish_report(store, args.case, since=since, until=until, fmt=args.format,
                             output=args.output)
    r = run.report
    print(f"wrote the situation report of {r.case} ({r.since} to {r.until}, {r.events_total} "
          f"events) to {run.files[0]}", file=ctx.out)
    for extra in run.files[1:]:
        print(f"  with {extra}", file=ctx.out)
    for line in change_lines(r):
        print(f"  {line}", file=ctx.out)
    return 0
