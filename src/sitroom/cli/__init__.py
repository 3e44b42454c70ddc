"""The ``sitroom`` command: a thin shell over the library.

Each command group lives in its own module under ``sitroom.cli`` and exposes
``register(subparsers)``; its handlers take ``(args, ctx)`` and return an exit code. Nothing
below the shells sees an argparse namespace.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from sitroom.errors import SitroomError
from sitroom.settings import Settings, load_settings

# One module per command group; each defines register(subparsers).
COMMAND_MODULES = (
    "sitroom.cli.init",
    "sitroom.cli.case",
    "sitroom.cli.outlets",
    "sitroom.cli.collect",
    "sitroom.cli.run",
    "sitroom.cli.tips",
    "sitroom.cli.reports",
    "sitroom.cli.imports",
    "sitroom.cli.code",
    "sitroom.cli.events",
    "sitroom.cli.export",
    "sitroom.cli.report",
    "sitroom.cli.demo",
    "sitroom.cli.evaluate",
    "sitroom.cli.indicators",
    "sitroom.cli.hypotheses",
    "sitroom.cli.factions",
    "sitroom.cli.ties",
    "sitroom.cli.watches",
    "sitroom.cli.alerts",
    "sitroom.cli.train",
    "sitroom.cli.serve",
    "sitroom.cli.users",
)


@dataclass
class Context:
    """What every handler gets besides its arguments: settings and the output streams."""

    settings: Settings
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    case: str | None = None  # the command's --case, checked against the store when opened

    def open_store(self):  # the store is imported only by commands that need one
        """Open (and migrate) the configured store; refuse an unknown --case; name a new or
        empty database on stderr."""
        from sitroom.cli.common import check_case, database_note, sqlite_path
        from sitroom.store import open_store

        url = self.settings.database_url
        path = sqlite_path(url)
        was_new = path is not None and not path.exists()
        store = open_store(url)
        try:
            database_note(store, url, was_new, self.err)
            check_case(store, self.case)
        except BaseException:
            store.close()
            raise
        return store


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitroom", description="A self-hosted situation room for political crises."
    )
    parser.add_argument("--db", metavar="URL", help="database URL (setting database_url)")
    parser.add_argument("--config", metavar="FILE", help="config file (default sitroom.toml)")
    parser.add_argument(
        "--set", metavar="NAME=VALUE", action="append", default=[], help="override a setting"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    bad = [item for item in args.set if "=" not in item]
    if bad:
        print(f"sitroom: --set takes NAME=VALUE, not {bad[0]!r}", file=sys.stderr)
        return 2
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        overrides = dict(item.split("=", 1) for item in args.set)
        if args.db:
            overrides["database_url"] = args.db
        ctx = Context(settings=load_settings(overrides, config_path=args.config))
        _check_common(args, ctx)
        return int(args.handler(args, ctx) or 0)
    except SitroomError as exc:
        print(f"sitroom: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sitroom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _check_common(args, ctx: Context) -> None:
    """Checks shared by every command: a known --bloc now, a known --case when the store opens."""
    from sitroom.cli.common import NO_STORE_CASE, check_bloc

    bloc = getattr(args, "bloc", None)
    check_bloc(bloc if isinstance(bloc, str) else None)
    case = getattr(args, "case", None)
    if isinstance(case, str) and args.command not in NO_STORE_CASE:
        ctx.case = case


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
