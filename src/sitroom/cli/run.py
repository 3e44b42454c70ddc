"""`sitroom run`: poll, read, code, merge and check watches continuously; SIGTERM stops it."""

from __future__ import annotations

import json

from sitroom.cli.collect import common_options, progress_printer, select_outlets, stop_on_signals


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    run = subparsers.add_parser(
        "run", help="poll each outlet on its interval, code, merge and check watches")
    common_options(run)
    run.set_defaults(handler=run_loop)


def pass_dict(p) -> dict:
    """One pass as a JSON-ready dict (``new_reports`` at the top for scripts)."""
    return {
        "new_reports": p.collected.new_reports, "coded_reports": p.coded_reports,
        "new_claims": p.new_claims,
        "events_saved": p.merged.events_saved if p.merged else 0,
        "events_checked": p.watched.events_checked,
        "alerts": [{"watch": a.watch, "event_id": a.event_id, "message": a.message,
                    "suppressed": a.suppressed} for a in p.watched.alerts],
        "errors": p.errors + p.collected.errors, "seconds": p.seconds,
        "collect": p.collected.to_dict(),
    }


def print_pass(p, ctx, fmt: str) -> None:
    """A pass as a JSON line, or a line per stage and one per alert."""
    if fmt == "jsonl":
        print(json.dumps(pass_dict(p), ensure_ascii=False), file=ctx.out, flush=True)
        return
    c, w = p.collected, p.watched
    merged = f"{p.merged.events_saved} event(s) saved" if p.merged else "nothing to merge"
    print(f"run: {c.new_reports} new report(s) from {c.feeds_checked} feed(s); coded "
          f"{p.coded_reports} report(s), {p.new_claims} new claim(s); {merged}; "
          f"{w.events_checked} event(s) checked, {len(w.alerts)} alert(s)"
          + (f" ({w.suppressed} suppressed)" if w.suppressed else "")
          + f"; {p.errors + c.errors} error(s), {p.seconds:.1f} s", file=ctx.out)
    for a in w.alerts:
        print(f"  alert [{a.watch}]{' (suppressed)' if a.suppressed else ''} {a.message}",
              file=ctx.out)
    ctx.out.flush()


def run_loop(args, ctx) -> int:
    # Signals are caught from the start: loading the coder takes a while, and a stop asked
    # meanwhile must end the run cleanly, not as an interrupted one.
    with stop_on_signals() as stop:
        from sitroom.pipeline.run import run
        from sitroom.watch.notify import senders_from

        store = ctx.open_store()
        try:
            outlets = select_outlets(store, args)
            if not outlets:
                print("run: no outlets to poll (add some with `sitroom outlets add` or load a "
                      "case)", file=ctx.err)
                return 0
            senders = senders_from(ctx.settings)
            print(f"run: {len(outlets)} outlet(s), alerts to "
                  f"{', '.join(sorted(senders)) or 'the store only'}; stop with Ctrl-C or "
                  "SIGTERM", file=ctx.err, flush=True)
            for p in run(store, outlets, ctx.settings, stop=stop, case=args.case,
                         senders=senders,
                         progress=progress_printer(ctx, args.progress_every)):
                print_pass(p, ctx, args.format)
            print("run: stopped", file=ctx.err, flush=True)
        finally:
            store.close()
    return 0
