"""`sitroom init`: create or migrate the configured database and say what it is."""

from __future__ import annotations

import argparse


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    parser = subparsers.add_parser(
        "init", help="create or migrate the database",
        description="Create the database named by the settings (or --db), or bring its schema "
                    "up to date, and print the backend, URL and schema version.",
    )
    parser.add_argument("--check", action="store_true",
                        help="also run the database's integrity checks")
    parser.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace, ctx) -> int:
    """Open (which migrates) the store and report on it."""
    from sitroom.store import mask_url

    with ctx.open_store() as store:
        print(f"backend: {store.backend}", file=ctx.out)
        print(f"url: {mask_url(store.url)}", file=ctx.out)
        print(f"schema version: {store.schema_version()}", file=ctx.out)
        if args.check:
            problems = store.check()
            for problem in problems:
                print(f"problem: {problem}", file=ctx.err)
            print(f"integrity: {'ok' if not problems else 'FAILED'}", file=ctx.out)
            return 1 if problems else 0
    return 0
