"""`sitroom watches list | add | remove | test`: the standing questions over events."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sitroom.errors import WatchError


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser("watches", help="standing questions over events (list, add, test)")
    sub = p.add_subparsers(dest="watches_command", metavar="ACTION", required=True)
    ls = sub.add_parser("list", help="the watches of a case (or of no case)")
    ls.add_argument("--case", help="the case (default: watches of no case)")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    ls.set_defaults(handler=list_watches)
    add = sub.add_parser("add", help="add a watch (kept apart from the case files)")
    add.add_argument("key", help="a key: lowercase letters, digits, - _ .")
    add.add_argument("--title", default="", help="what the watch asks, for people")
    add.add_argument("--query", required=True,
                     help='the query as YAML, e.g. "{location: Osh, min_fatalities: 1}"')
    add.add_argument("--case", default="", help="the case it belongs to (default: none)")
    add.set_defaults(handler=add_watch)
    rm = sub.add_parser("remove", help="remove a watch added with `watches add`")
    rm.add_argument("key")
    rm.add_argument("--case", default="")
    rm.set_defaults(handler=remove_watch)
    test = sub.add_parser("test", help="the stored events a watch matches (no alert fired)")
    test.add_argument("key")
    test.add_argument("--case", default="")
    test.add_argument("--format", choices=("text", "json"), default="text")
    test.set_defaults(handler=test_watch)


def parse_query(text: str) -> dict:
    """A query given on the command line as YAML (a mapping of field: value)."""
    import yaml

    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise WatchError(f"--query is not valid YAML: {exc}", field="query") from exc
    if not isinstance(value, dict):
        raise WatchError('--query must be a mapping, e.g. "{political_event: curfew}"',
                         field="query")
    return value


def list_watches(args, ctx) -> int:
    from sitroom.pipeline.watch import load_rules
    from sitroom.watch.rules import describe

    with ctx.open_store() as store:
        rules = load_rules(store, args.case)
        added = {w.key for _, w in store.list_added_watches(args.case or "")}
    if args.format == "json":
        data = [{**r.to_dict(), "query": dict(r.query()),
                 "origin": "added" if r.key in added else "case file"} for r in rules]
        print(json.dumps(data, ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    if not rules:
        print(f"no watches{' in case ' + args.case if args.case else ' of no case'}",
              file=ctx.out)
    for r in rules:
        origin = " (added)" if r.key in added else ""
        print(f"{r.key}{origin}: {r.title}\n    {describe(r)}", file=ctx.out)
    return 0


def add_watch(args, ctx) -> int:
    from sitroom.pipeline.watch import load_rules
    from sitroom.watch.rules import parse_rule

    rule = parse_rule(args.key, args.title, parse_query(args.query), args.case)
    with ctx.open_store() as store:
        if args.case:
            store.get_case(args.case)  # NotFound names an unknown case
        if any(r.key == rule.key for r in load_rules(store, args.case)):
            raise WatchError(f"a watch {rule.key!r} exists already"
                             f"{' in case ' + args.case if args.case else ''}", field="key")
        store.add_watch(rule.watch(), args.case, at=datetime.now(UTC))
    print(f"watch {rule.key} added: {rule.title}", file=ctx.out)
    return 0


def remove_watch(args, ctx) -> int:
    with ctx.open_store() as store:
        if not store.remove_watch(args.key, args.case):
            known = ", ".join(w.key for _, w in store.list_added_watches(args.case)) or "none"
            raise WatchError(f"no watch {args.key!r} added by hand here (case files are "
                             f"edited in place); added watches: {known}", field="key")
    print(f"watch {args.key} removed", file=ctx.out)
    return 0


def test_watch(args, ctx) -> int:
    from sitroom.pipeline.watch import load_rules, match_context
    from sitroom.watch.alerts import headline
    from sitroom.watch.rules import describe, find_rule, matches

    with ctx.open_store() as store:
        rule = find_rule(load_rules(store, args.case), args.key)
        match = match_context(store, args.case)
        found = [e for e in store.list_events(case=args.case or None)
                 if e.status not in ("rejected", "unmerged") and matches(rule, e, match)]
    if args.format == "json":
        print(json.dumps({"watch": rule.key, "query": dict(rule.query()),
                          "events": [e.to_dict() for e in found]},
                         ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    note = " (fires only for the first of them)" if rule.first_report and found else ""
    print(f"{rule.key}: {describe(rule)}\n{len(found)} stored event(s) match{note}; "
          "no alert fired", file=ctx.out)
    for e in found:
        print(f"  {e.id}  {headline(e)}", file=ctx.out)
    return 0
