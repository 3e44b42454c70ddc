"""`sitroom demo`: the main job on the embedded default (fresh SQLite, local corpus, pipeline)."""

from __future__ import annotations

DEFAULT_DB = "var/demo.sqlite"


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser(
        "demo", help="collect the bundled sample corpus from a local server into fresh SQLite")
    p.add_argument("--db", dest="demo_db", metavar="PATH", default=DEFAULT_DB,
                   help=f"SQLite file to (re)create (default {DEFAULT_DB})")
    p.add_argument("--keep", action="store_true",
                   help="keep the database of a previous run instead of recreating it (a second "
                        "pass then shows nothing is collected twice)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--serve", action="store_true",
                   help="then serve the web room on 127.0.0.1:--port and print a viewer login")
    p.add_argument("--port", type=int, default=8020, help="port for --serve (default 8020)")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args, ctx) -> int:
    """Run the offline demo end to end and print its summary."""
    import json

    from sitroom.demo.runner import format_summary, run_demo

    summary = run_demo(args.demo_db, out=ctx.err if args.json else ctx.out,
                       settings=ctx.settings, fresh=not args.keep)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2), file=ctx.out)
    else:
        print(format_summary(summary), file=ctx.out)
        print(f"\nexplore it: sitroom --db sqlite:///{args.demo_db} reports list",
              file=ctx.out)
    if summary.reports == 0:
        return 1
    if args.serve:
        _serve(args, ctx)
    return 0


def _serve(args, ctx) -> None:
    """Serve the demo's store with a fresh viewer account, printing where and how to sign in."""
    import secrets
    from datetime import UTC, datetime

    from sitroom.cli.serve import serve
    from sitroom.store import open_store
    from sitroom.web.auth import hash_password

    password = secrets.token_urlsafe(12)
    with open_store(f"sqlite:///{args.demo_db}") as store:
        store.add_user("viewer", "viewer", hash_password(password), datetime.now(UTC),
                       replace=True)
        print(f"\nthe situation room: http://127.0.0.1:{args.port}/  sign in as viewer / "
              f"{password}\n(an analyst account: sitroom --db sqlite:///{args.demo_db} users add "
              "NAME --role analyst)", file=ctx.out, flush=True)
        serve(store, ctx.settings, "127.0.0.1", args.port)
