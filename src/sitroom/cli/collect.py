"""`sitroom collect --once`: gather new reports from the outlets' feeds (`sitroom run` polls)."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sitroom.errors import ConfigError


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    once = subparsers.add_parser(
        "collect", help="one collection pass over the outlets' feeds",
        epilog="Exit status: 1 when no outlet could be reached (every feed failed); the last "
               "line on stderr says how many failed.")
    once.add_argument("--once", action="store_true",
                      help="one pass, then exit (the only mode; `sitroom run` polls)")
    common_options(once)
    once.set_defaults(handler=run_collect)


def common_options(parser) -> None:
    """--case, --outlet, --format and --progress-every (shared with `sitroom run`)."""
    parser.add_argument("--case", help="only this case's outlets")
    parser.add_argument("--outlet", action="append", default=[], metavar="KEY",
                        help="only this outlet (repeat for several)")
    parser.add_argument("--format", choices=("text", "jsonl"), default="text")
    parser.add_argument("--progress-every", type=float, default=5.0, metavar="SECONDS",
                        help="progress line on stderr at most this often (0: never)")


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT, so a run stops cleanly instead of dying mid-write."""
    stop = threading.Event()
    wanted = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.getsignal(sig) for sig in wanted}

    def handle(signum, _frame) -> None:
        stop.set()

    for sig in wanted:
        signal.signal(sig, handle)
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def progress_printer(ctx, every: float) -> Callable | None:
    """A progress callback that prints one line to stderr at most every ``every`` seconds."""
    if every <= 0:
        return None
    last = [time.monotonic()]

    def show(p) -> None:
        now = time.monotonic()
        if now - last[0] >= every:
            last[0] = now
            rate = p.items_done / p.elapsed_seconds if p.elapsed_seconds else 0.0
            print(f"collect: {p.items_done} items, {p.new_reports} new, {p.errors} errors, "
                  f"{p.elapsed_seconds:.0f} s ({rate:.1f} items/s)", file=ctx.err, flush=True)

    return show


def select_outlets(store, args) -> list:
    outlets = store.list_outlets(args.case)
    if args.outlet:
        known = {o.key for o in outlets}
        missing = [k for k in args.outlet if k not in known]
        if missing:
            raise ConfigError(f"unknown outlet(s): {', '.join(missing)}")
        outlets = [o for o in outlets if o.key in args.outlet]
    return outlets


def print_summary(summary, ctx, fmt: str) -> None:
    """The summary of one pass: a JSON line, or a short table."""
    if fmt == "jsonl":
        print(json.dumps(summary.to_dict(), ensure_ascii=False), file=ctx.out, flush=True)
        return
    s = summary
    print(
        f"collect: {s.feeds_checked} feed(s) checked ({s.not_modified} not modified), "
        f"{s.items_seen} item(s) seen, {s.new_reports} new report(s), "
        f"{s.already_stored} already stored, {s.exact_duplicates} exact duplicate(s), "
        f"{s.near_duplicates} near-duplicate(s) linked, {s.skipped} refused by robots.txt, "
        f"{s.errors} error(s), {s.elapsed_seconds:.1f} s"
        + (" (interrupted)" if s.interrupted else ""),
        file=ctx.out,
    )
    rows = [c for c in s.per_outlet if c.feeds_checked or c.errors]
    if rows:
        width = max(len(c.outlet) for c in rows)
        print(f"  {'outlet':<{width}}  feeds  items    new  dupes   near  errors", file=ctx.out)
        for c in rows:
            print(f"  {c.outlet:<{width}}  {c.feeds_checked:>5}  {c.items_seen:>5}  "
                  f"{c.new_reports:>5}  {c.exact_duplicates:>5}  {c.near_duplicates:>5}  "
                  f"{c.errors:>6}", file=ctx.out)
    ctx.out.flush()


def print_errors(store, ctx, count: int, shown: int = 20) -> None:
    """The latest errors of this pass, one line each, so a user sees what went wrong where."""
    if count <= 0:
        return
    errors = store.list_errors("collect", limit=min(count, shown))
    print(f"  latest {len(errors)} of {count} error(s):", file=ctx.out)
    for e in errors:
        print(f"    [{e.outlet or '-'}] {e.kind}: {e.message} ({e.source})", file=ctx.out)
    ctx.out.flush()


def unreached(summary) -> list[str]:
    """Outlets whose every checked feed failed: errors and neither an item nor a 304."""
    return [c.outlet for c in summary.per_outlet
            if c.feeds_checked and c.errors and not c.items_seen and not c.not_modified]


def run_collect(args, ctx) -> int:
    from sitroom.pipeline.collect import collect_once

    store = ctx.open_store()
    try:
        outlets = select_outlets(store, args)
        if not outlets:
            print("collect: no outlets to collect (add some with `sitroom outlets add` or load "
                  "a case)", file=ctx.err)
            return 0
        with stop_on_signals() as stop:
            summary = collect_once(
                store, outlets, ctx.settings, case=args.case, stop=stop,
                progress=progress_printer(ctx, args.progress_every),
            )
        print_summary(summary, ctx, args.format)
        if args.format == "text":
            print_errors(store, ctx, summary.errors)
    finally:
        store.close()
    failed = unreached(summary)
    checked = sum(1 for c in summary.per_outlet if c.feeds_checked)
    if failed:
        print(f"collect: {len(failed)} of {checked} outlet(s) could not be reached: "
              f"{', '.join(failed)}", file=ctx.err)
    return 1 if checked and len(failed) == checked else 0

