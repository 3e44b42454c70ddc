"""`sitroom import FILE...`: bulk files of reports (JSONL, CSV, ACLED exports, GDELT events)."""

from __future__ import annotations

import json


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    cmd = subparsers.add_parser(
        "import", help="import reports from files",
        description="Import reports from JSONL, CSV, ACLED export or GDELT event files. Bad "
                    "lines are reported with their numbers; the rest goes in.",
        epilog="Exit status: 0 when every file gave at least one report (new or already "
               "stored), even if some of its lines were rejected (the summary counts them); 1 "
               "when a file could not be read, or nothing in it could be imported (empty, "
               "missing required columns, every line rejected).")
    cmd.add_argument("files", nargs="+", metavar="FILE")
    cmd.add_argument("--format", choices=("jsonl", "csv", "acled", "gdelt"),
                     help="the files' format (default: detected)")
    cmd.add_argument("--outlet", metavar="KEY", help="outlet of reports that name none")
    cmd.add_argument("--case", metavar="NAME", help="the case the reports belong to")
    cmd.add_argument("--output", choices=("text", "jsonl"), default="text",
                     help="summary as text or one JSON object per file")
    cmd.set_defaults(handler=import_files)


def import_files(args, ctx) -> int:
    """Import files of reports into the store; exit 1 if any file gave nothing."""
    from sitroom.collect.files import KEEP_ERRORS, import_file
    from sitroom.errors import InputError
    from sitroom.reading.dedup import NearDuplicateIndex

    failed = 0
    with ctx.open_store() as store:
        index = NearDuplicateIndex(threshold=ctx.settings.near_duplicate_threshold)
        index.load(store.iter_signatures())
        for name in args.files:
            try:
                summary = import_file(store, name, fmt=args.format, outlet=args.outlet,
                                      case=args.case, index=index)
            except InputError as exc:
                failed += 1
                print(f"sitroom import: {exc}", file=ctx.err)
                continue
            if summary.imported + summary.duplicates == 0:
                failed += 1
                why = summary.errors[0].message if summary.errors else "no records in it"
                print(f"sitroom import: {summary.path}: nothing imported ({why})", file=ctx.err)
            if args.output == "jsonl":
                print(json.dumps(summary.to_dict(), ensure_ascii=False), file=ctx.out)
                continue
            print(f"{summary.path}: {summary.format} ({summary.encoding}), "
                  f"{summary.read:,} read, {summary.imported:,} imported, "
                  f"{summary.duplicates:,} duplicates, {summary.near_duplicates:,} wire copies "
                  f"linked, {summary.rejected:,} rejected, {summary.warnings:,} with warnings "
                  f"({summary.seconds:.1f} s)", file=ctx.out)
            if summary.encoding not in ("", "utf-8", "utf-8-sig"):
                print(f"  not UTF-8: read as {summary.encoding} (detected)", file=ctx.out)
            for error in summary.errors:
                print(f"  {error.source}: {error.message}", file=ctx.out)
            if summary.error_count > KEEP_ERRORS:
                print(f"  … and {summary.error_count - KEEP_ERRORS:,} more (see the errors "
                      "recorded in the store)", file=ctx.out)
    return 1 if failed else 0
