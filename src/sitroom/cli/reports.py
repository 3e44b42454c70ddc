"""`sitroom reports list|show|search`: what came in, as a terminal table or JSON Lines."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TextIO

from sitroom.errors import InputError
from sitroom.model import REPORT_KINDS, Report

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    group = subparsers.add_parser("reports", help="list, show and search stored reports")
    sub = group.add_subparsers(dest="reports_command", metavar="ACTION", required=True)

    lister = sub.add_parser("list", help="list reports, newest published first")
    lister.add_argument("--case")
    lister.add_argument("--outlet")
    lister.add_argument("--kind", choices=REPORT_KINDS)
    lister.add_argument("--lang", metavar="ISO639")
    lister.add_argument("--since", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    lister.add_argument("--until", metavar="DATE", help="published before (YYYY-MM-DD)")
    lister.add_argument("--limit", type=int, default=50)
    lister.add_argument("--oldest-first", action="store_true",
                        help="in the order they were stored instead")
    lister.add_argument("--format", choices=("table", "text", "jsonl"), default="table")
    lister.set_defaults(handler=list_reports)

    show = sub.add_parser("show", help="one report in full")
    show.add_argument("id", metavar="ID")
    show.add_argument("--raw", action="store_true",
                      help="print the original bytes as collected (control characters escaped)")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=show_report)

    search = sub.add_parser(
        "search", help="full-text search over titles and text",
        formatter_class=__import__("argparse").RawDescriptionHelpFormatter,
        epilog="""query syntax (words match by their stem: "protest" finds "protesters",
"митингов" finds "митинг"):
  police protesters        both words (AND is implied; AND may be written)
  police OR protesters     either word
  protest NOT police       the first without the second
  "White House"            the words side by side, in this order
  Жапаров*                 a prefix
  (police OR army) Osh     grouping
Operators are upper-case; lower-case and/or/not are ordinary words.""")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--format", choices=("table", "text", "jsonl"), default="table")
    search.set_defaults(handler=search_reports)


# --- formatting ------------------------------------------------------------------------------


def safe(text: str) -> str:
    """Text fit for a terminal: control and bidi-override characters escaped, never obeyed."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _one_line(text: str, width: int) -> str:
    flat = " ".join(safe(text).split())
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"


def report_json(report: Report) -> str:
    """A report as one JSON line: ``Report.to_dict()`` without the raw bytes."""
    d = report.to_dict()
    d.pop("raw", None)
    return json.dumps(d, ensure_ascii=False)


def _cell(report: Report, column: str) -> str:
    if column == "published":
        return report.published.strftime("%Y-%m-%d %H:%M") if report.published else "-"
    if column == "dup":
        if report.duplicate_of:
            return "dup"
        return "copy" if report.near_duplicate_of else ""
    if column == "text":
        return report.title or report.text
    value = {"review": report.review_status, "place": report.place_hint,
             "contact": report.submitter}.get(column, getattr(report, column, ""))
    return "" if value is None else str(value)


def print_reports(
    reports: Sequence[Report],
    out: TextIO,
    columns: Sequence[str] = ("id", "kind", "outlet", "lang", "published", "dup", "text"),
) -> None:
    """A table, one report a line, the last column (title or text) cut to the terminal width."""
    if not reports:
        print("no reports", file=out)
        return
    rows = [[_one_line(_cell(r, c), 40) for c in columns[:-1]] for r in reports]
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(columns[:-1])]
    used = sum(w + 2 for w in widths)
    last = max(20, shutil.get_terminal_size((120, 24)).columns - used)
    header = "  ".join(c.upper().ljust(w) for c, w in zip(columns[:-1], widths, strict=True))
    print(f"{header}  {columns[-1].upper()}", file=out)
    for report, row in zip(reports, rows, strict=True):
        cells = "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True))
        print(f"{cells}  {_one_line(_cell(report, columns[-1]), last)}", file=out)


def _date(value: str | None, flag: str) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{flag} {value!r} is not a date (YYYY-MM-DD)") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# --- commands --------------------------------------------------------------------------------


def list_reports(args, ctx) -> int:
    """List stored reports by the query's filters."""
    from sitroom.store.api import ReportQuery

    query = ReportQuery(case=args.case, outlet=args.outlet, kind=args.kind, lang=args.lang,
                        since=_date(args.since, "--since"), until=_date(args.until, "--until"),
                        limit=max(1, args.limit), newest_first=not args.oldest_first)
    with ctx.open_store() as store:
        reports = store.list_reports(query)
    if args.format == "jsonl":
        for report in reports:
            print(report_json(report), file=ctx.out)
    else:
        print_reports(reports, ctx.out)
    return 0


def show_report(args, ctx) -> int:
    """Print one report (or its raw bytes)."""
    with ctx.open_store() as store:
        report = store.get_report(args.id)
        raw = store.get_raw(args.id) if args.raw else None
    if args.raw:
        if raw is None:
            print(f"report {report.id} has no raw content kept", file=ctx.err)
            return 1
        print(safe(raw.decode("utf-8", errors="replace")), file=ctx.out)
        return 0
    if args.format == "json":
        print(report_json(report), file=ctx.out)
        return 0
    fields = [("id", report.id), ("kind", report.kind), ("title", report.title),
              ("outlet", report.outlet), ("url", report.url), ("lang", report.lang),
              ("published", report.published), ("fetched", report.fetched),
              ("author", report.author), ("country", report.country_hint),
              ("place", report.place_hint), ("submitter", report.submitter),
              ("review", report.review_status), ("duplicate of", report.duplicate_of),
              ("copy of", report.near_duplicate_of), ("case", report.case)]
    for name, value in fields:
        if value:
            text = value.isoformat() if isinstance(value, datetime) else str(value)
            print(f"{name + ':':<14}{safe(text)}", file=ctx.out)
    print("", file=ctx.out)
    print(safe(report.text), file=ctx.out)
    return 0


def search_reports(args, ctx) -> int:
    """Full-text search over the stored reports."""
    if not args.query.strip():
        raise InputError("the search query is empty")
    with ctx.open_store() as store:
        hits = store.search_reports(args.query, limit=max(1, args.limit))
    if args.format == "jsonl":
        for hit in hits:
            print(json.dumps({"report_id": hit.report_id, "title": hit.title,
                              "snippet": hit.snippet, "rank": hit.rank}, ensure_ascii=False),
                  file=ctx.out)
        return 0
    if not hits:
        print("no matches", file=ctx.out)
        return 0
    width = max(len(h.report_id) for h in hits)
    last = max(20, shutil.get_terminal_size((120, 24)).columns - width - 4)
    for hit in hits:
        print(f"{safe(hit.report_id):<{width}}  {_one_line(hit.title or '-', last)}", file=ctx.out)
        print(f"{'':<{width}}  {_one_line(hit.snippet, last)}", file=ctx.out)
    return 0
