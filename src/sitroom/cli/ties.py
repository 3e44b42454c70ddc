"""`sitroom ties proposed|accept|reject`: ties read in coded events, decided by an analyst."""

from __future__ import annotations

import contextlib
import getpass


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    t = subparsers.add_parser("ties", help="ties proposed from coded events: review them")
    sub = t.add_subparsers(dest="ties_command", metavar="ACTION")
    p = sub.add_parser("proposed", help="propose ties from the case's events, then list them")
    p.add_argument("--case", help="case name (default: the only stored case)")
    p.add_argument("--status", choices=("proposed", "accepted", "rejected", "all"),
                   default="proposed", help="which to list (default: the undecided)")
    p.add_argument("--actor", metavar="NAME", help="only ties with this actor at one end")
    p.add_argument("--no-refresh", action="store_true",
                   help="list what is stored without running the rules again")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_proposed)
    for name, helptext in (("accept", "accept a proposed tie: it joins the faction graph"),
                           ("reject", "reject a proposed tie: it is not proposed again")):
        d = sub.add_parser(name, help=helptext)
        d.add_argument("tie_id", metavar="ID", help="a proposed tie's id (or its prefix)")
        d.add_argument("--by", help="analyst name (default: the login name)")
        d.add_argument("--why", default="", help="the reason, kept with the decision")
        d.set_defaults(handler=cmd_decide, accept=name == "accept")
    t.set_defaults(handler=lambda args, ctx: t.print_help(ctx.err) or 2)


def cmd_proposed(args, ctx) -> int:
    """Run the rules (unless --no-refresh), store the result, list the selected proposals."""
    from sitroom.pipeline.analysis import resolve_case
    from sitroom.pipeline.factions import propose
    from sitroom.present import factions as show
    from sitroom.watch.actor_names import find_actor

    with contextlib.ExitStack() as stack:
        store = stack.enter_context(ctx.open_store())
        case = resolve_case(store, args.case)
        actor = find_actor(case.actors, args.actor).key if args.actor else None
        if args.no_refresh:
            items = store.list_proposals(case=case.name)
        else:
            counts, items = propose(store, case.name)
            print(f"{case.name}: {counts.new} new, {counts.refreshed} still proposed, "
                  f"{counts.decided} already decided, {counts.dropped} dropped", file=ctx.err)
    if args.status != "all":
        items = [p for p in items if p.status == args.status]
    if actor:
        items = [p for p in items if actor in (p.source, p.target)]
    if args.format == "json":
        ctx.out.write(show.dumps([p.to_dict() for p in items]))
    else:
        ctx.out.write(show.proposals_text(items, {a.key: a.name for a in case.actors}))
    return 0


def cmd_decide(args, ctx) -> int:
    """Record the decision and say what it was."""
    from sitroom.pipeline.factions import decide

    by = args.by or _login()
    with ctx.open_store() as store:
        p = decide(store, args.tie_id, args.accept, by=by, reason=args.why)
    what = f"{p.source} {p.relation} {p.target}".strip()
    print(f"{p.id} {p.status}: {what}", file=ctx.out)
    return 0


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "analyst"
