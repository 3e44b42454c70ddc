"""`sitroom tip add|list|review`: reports typed in by a person, reviewed by an analyst."""

from __future__ import annotations

import sys

from sitroom.errors import InputError
from sitroom.model import REVIEW_STATUSES


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    group = subparsers.add_parser("tip", aliases=["tips"], help="add, list and review tips")
    sub = group.add_subparsers(dest="tip_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="store a tip (unreviewed)")
    add.add_argument("text", metavar="TEXT|-", help="the tip, or - to read it from stdin")
    add.add_argument("--contact", help="how to reach the sender (kept as given)")
    add.add_argument("--place", help="where it happened, in the sender's words")
    add.add_argument("--lang", help="ISO 639-1 language code (detected when absent)")
    add.add_argument("--case", help="the case the tip belongs to")
    add.set_defaults(handler=add_tip)

    lister = sub.add_parser("list", help="list tips")
    lister.add_argument("--status", choices=(*REVIEW_STATUSES, "all"), default="all")
    lister.add_argument("--case")
    lister.add_argument("--limit", type=int, default=50)
    lister.add_argument("--format", choices=("table", "text", "jsonl"), default="table")
    lister.set_defaults(handler=list_tips)

    review = sub.add_parser("review", help="accept or reject a tip")
    review.add_argument("id", metavar="ID")
    review.add_argument("status", choices=REVIEW_STATUSES)
    review.set_defaults(handler=review_tip_command)


def _read_stdin() -> bytes:
    """The tip from standard input, never more than a little past the size limit."""
    from sitroom.collect.tips import MAX_TIP_CHARS

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream (tests, embedding)
        data = sys.stdin.read(MAX_TIP_CHARS + 1).encode("utf-8", "surrogateescape")
    else:
        data = stream.read(4 * MAX_TIP_CHARS + 1)
    if len(data) > 4 * MAX_TIP_CHARS:
        raise InputError(f"the tip on stdin is longer than the limit of {MAX_TIP_CHARS:,} "
                         "characters")
    return data


def add_tip(args, ctx) -> int:
    """Store a tip from the command line or standard input."""
    from sitroom.collect.tips import submit_tip

    text = _read_stdin() if args.text == "-" else args.text
    with ctx.open_store() as store:
        result = submit_tip(store, text, contact=args.contact, place=args.place, lang=args.lang,
                            case=args.case)
    if result.is_new:
        print(f"tip {result.report_id} stored, unreviewed", file=ctx.out)
    else:
        print(f"tip already stored as {result.existing_id} ({result.status})", file=ctx.out)
    return 0


def list_tips(args, ctx) -> int:
    """List tips, by review status."""
    from sitroom.cli.reports import print_reports, report_json
    from sitroom.store.api import ReportQuery

    status = None if args.status == "all" else args.status
    query = ReportQuery(kind="tip", case=args.case, review_status=status,
                        limit=max(1, args.limit), newest_first=True)
    with ctx.open_store() as store:
        tips = store.list_reports(query)
    if args.format == "jsonl":
        for tip in tips:
            print(report_json(tip), file=ctx.out)
        return 0
    print_reports(tips, ctx.out, columns=("id", "review", "lang", "published", "place",
                                          "contact", "text"))
    return 0


def review_tip_command(args, ctx) -> int:
    """Set a tip's review status."""
    from sitroom.collect.tips import review_tip

    with ctx.open_store() as store:
        tip = review_tip(store, args.id, args.status)
    print(f"tip {tip.id} is now {tip.review_status}", file=ctx.out)
    return 0
