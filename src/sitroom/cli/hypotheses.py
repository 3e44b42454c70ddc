"""`sitroom hypotheses` and `sitroom evidence add|list|confirm|reject`: competing hypotheses."""

from __future__ import annotations

import getpass
import json
from typing import TYPE_CHECKING

from sitroom.cli.common import parse_day

if TYPE_CHECKING:
    from sitroom.watch.hypotheses import Assessment

RATINGS = ("CC", "C", "N", "I", "II")  # as sitroom.cases.rules.RATINGS (kept light to import)


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser("hypotheses",
                              help="the case's competing hypotheses scored on the evidence (ACH)")
    p.add_argument("--case", help="the case (default: the only stored one)")
    p.add_argument("--as-of", dest="as_of", help="the evidence known on this day, YYYY-MM-DD")
    p.add_argument("--hypothesis", help="show only this hypothesis")
    p.add_argument("--confirmed-only", action="store_true",
                   help="count only ratings an analyst confirmed")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_hypotheses)

    ev = subparsers.add_parser("evidence", help="analyst evidence and proposed ratings")
    sub = ev.add_subparsers(dest="evidence_command", metavar="ACTION")
    add = sub.add_parser("add", help="add an analyst's evidence note rated for a hypothesis")
    add.add_argument("--case")
    add.add_argument("--hypothesis", required=True, help="hypothesis key")
    add.add_argument("--rating", required=True, choices=RATINGS,
                     help="CC very consistent, C, N neutral, I, II very inconsistent")
    add.add_argument("--text", required=True)
    add.add_argument("--event", help="the event id the note is about")
    add.add_argument("--date", help="when the evidence became known, YYYY-MM-DD")
    add.add_argument("--credibility", help="0-1, high|medium|low, or an Admiralty grade A-F")
    add.add_argument("--relevance", help="0-1 or high|medium|low (default 1)")
    add.add_argument("--by", default=None, help="who (default: the login name)")
    add.set_defaults(handler=cmd_add)
    ls = sub.add_parser("list", help="evidence items with their ratings and rating ids")
    ls.add_argument("--case")
    ls.add_argument("--as-of", dest="as_of")
    ls.add_argument("--proposed", action="store_true", help="only ratings still proposed")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    ls.set_defaults(handler=cmd_list)
    for name, helptext in (("confirm", "confirm a proposed rating (optionally changing it)"),
                           ("reject", "reject a proposed rating")):
        d = sub.add_parser(name, help=helptext)
        d.add_argument("rating_id", metavar="ID", help="a rating id from `sitroom evidence list`")
        d.add_argument("--case")
        if name == "confirm":
            d.add_argument("--rating", choices=RATINGS, help="confirm with this rating instead")
        d.add_argument("--by", default=None)
        d.add_argument("--reason", default="")
        d.set_defaults(handler=cmd_decide, status={"confirm": "confirmed",
                                                  "reject": "rejected"}[name])
    ev.set_defaults(handler=lambda args, ctx: (ev.print_help(ctx.out), 2)[1])


def _who(name: str | None) -> str:
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def cmd_hypotheses(args, ctx) -> int:
    from sitroom.pipeline.analysis import case_assessment, check_hypothesis, resolve_case

    as_of = parse_day(args.as_of, "--as-of")
    with ctx.open_store() as store:
        if args.hypothesis:
            check_hypothesis(resolve_case(store, args.case), args.hypothesis)
        result = case_assessment(store, args.case, as_of, args.confirmed_only)
    shown = [h for h in result.hypotheses if not args.hypothesis or h.key == args.hypothesis]
    if args.format == "json":
        print(json.dumps([h.to_dict() for h in shown], ensure_ascii=False, indent=2),
              file=ctx.out)
    else:
        print(format_text(result, {h.key for h in shown}), file=ctx.out)
    return 0


def format_text(result: Assessment, keys: set[str] | None = None, per_item: int = 6) -> str:
    """The matrix in words: ranking, each hypothesis's score, evidence, history; sensitivity."""
    when = f" as of {result.as_of}" if result.as_of else ""
    lines = [f"case {result.case}{when}: {result.items} evidence item(s); ranking (least "
             f"inconsistent first): {' > '.join(result.ranking) or 'none yet'}"]
    for h in result.hypotheses:
        if keys is not None and h.key not in keys:
            continue
        lines.append("")
        if h.score is None:
            lines.append(f"{h.key}: {h.title}\n  no evidence yet: no score")
            continue
        lines.append(f"#{h.rank} {h.key}: {h.title}\n  weighted inconsistency {h.score:.3f} "
                     f"(consistency {h.consistency:.3f}) from {len(h.evidence)} item(s)")
        rows = sorted(h.evidence, key=lambda r: (-r.diagnosticity, -r.weight, r.item))
        for r in rows[:per_item]:
            flag = {"proposed": "proposed", "confirmed": "confirmed", "rejected": "REJECTED"}
            lines.append(f"  {r.rating:>2} {flag[r.status]:9} w={r.weight:.2f} "
                         f"diag={r.diagnosticity} {r.title}  ({r.rating_id})")
        if len(rows) > per_item:
            lines.append(f"  ... and {len(rows) - per_item} more (--format json)")
        moves = [p for i, p in enumerate(h.history)
                 if i == 0 or p.score != h.history[i - 1].score]
        if moves:
            lines.append("  history: " + ", ".join(
                f"{p.date} {'-' if p.score is None else f'{p.score:.2f}'}" for p in moves))
    if result.sensitivity:
        lines.append("\nsensitivity (items that, if wrong, change the ranking):")
        for s in result.sensitivity[:10]:
            lead = " LEADER CHANGES" if s.leader_changes else ""
            lines.append(f"  {s.change}: {s.title} -> {' > '.join(s.ranking)}{lead}")
    elif result.ranking:
        lines.append("\nsensitivity: no single item, removed or flipped, changes the ranking")
    return "\n".join(lines)


def cmd_add(args, ctx) -> int:
    from sitroom.pipeline.analysis import add_note

    with ctx.open_store() as store:
        note = add_note(store, args.case, args.hypothesis, args.rating, args.text,
                        event_id=args.event, credibility=args.credibility,
                        relevance=args.relevance, evidence_date=parse_day(args.date, "--date"),
                        author=_who(args.by))
    print(f"evidence note {note.id} rated {note.rating} for {note.hypothesis}", file=ctx.out)
    return 0


def cmd_list(args, ctx) -> int:
    from sitroom.pipeline.analysis import list_evidence

    with ctx.open_store() as store:
        items = list_evidence(store, args.case, parse_day(args.as_of, "--as-of"))
    if args.proposed:
        items = [i for i in items if any(r.status == "proposed" for r in i.ratings)]
    if args.format == "json":
        print(json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2),
              file=ctx.out)
        return 0
    for i in items:
        print(f"{i.id}  {i.evidence_date or '-'}  cred={i.credibility:.2f} "
              f"rel={i.relevance:.2f}  {i.title}", file=ctx.out)
        for r in i.ratings:
            if args.proposed and r.status != "proposed":
                continue
            print(f"    {r.id}  {r.hypothesis}: {r.rating} {r.status}  {r.basis}", file=ctx.out)
    if not items:
        print("no evidence items", file=ctx.out)
    return 0


def cmd_decide(args, ctx) -> int:
    from sitroom.pipeline.analysis import decide

    with ctx.open_store() as store:
        d = decide(store, args.rating_id, args.status, case=args.case,
                   rating=getattr(args, "rating", None), author=_who(args.by),
                   reason=args.reason)
    extra = f" as {d.rating}" if d.status == "confirmed" else ""
    print(f"{d.id} {d.status}{extra}: {d.item} for {d.hypothesis}", file=ctx.out)
    return 0
