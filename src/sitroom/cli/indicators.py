"""`sitroom indicators`: the case's indicators per day and overall, each with its event ids."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

from sitroom.cli.common import parse_day
from sitroom.errors import AnalysisError

if TYPE_CHECKING:
    from sitroom.watch.indicators import Indicators, IndicatorSet


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser("indicators", help="indicators of a case, per day and overall")
    p.add_argument("--case", help="the case (default: the only stored one)")
    p.add_argument("--since", help="first day, YYYY-MM-DD")
    p.add_argument("--until", help="last day (inclusive), YYYY-MM-DD")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.set_defaults(handler=cmd_indicators)


def cmd_indicators(args, ctx) -> int:
    from sitroom.pipeline.analysis import case_indicators

    since, until = parse_day(args.since, "--since"), parse_day(args.until, "--until")
    if since and until and until < since:
        raise AnalysisError(f"--until {until} is before --since {since}")
    with ctx.open_store() as store:
        result = case_indicators(store, args.case, since, until)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), file=ctx.out)
    elif args.format == "csv":
        write_csv(result, ctx.out)
    else:
        print(format_text(result), file=ctx.out)
    return 0


def rows(s: IndicatorSet, period: str):
    """(period, indicator, key, value, low, high, event ids) rows of one indicator set."""
    def ids(items) -> str:
        return " ".join(items)

    yield period, "events", "", s.events, "", "", ids(s.event_ids)
    for c in s.by_type:
        yield period, "events_by_type", c.key, c.count, "", "", ids(c.event_ids)
    for name, span in (("killed", s.killed), ("injured", s.injured)):
        yield period, name, "", "", span.low, span.high, ids(span.event_ids)
    pc = s.peak_crowd
    if pc.low is not None:
        yield period, "peak_crowd", "", "", pc.low, pc.high, pc.event_id or ""
        if pc.ratio_low is not None:
            yield (period, "mobilisation_ratio", f"population {pc.population}", "",
                   pc.ratio_low, pc.ratio_high, pc.event_id or "")
    for name, counts in (("spread_admin1", s.spread_admin1), ("elite_moves", s.elite_moves),
                         ("foreign_property_by_owner", s.foreign_property),
                         ("foreign_statements_by_bloc", s.foreign_statements)):
        for c in counts:
            yield period, name, c.key, c.count, "", "", ids(c.event_ids)
    if s.seizures:
        yield period, "seizures_of_state_buildings", "", len(s.seizures), "", "", ids(s.seizures)
    for c in s.coverage:
        yield period, "coverage_by_bloc", c.bloc, c.events, c.share, "", ids(c.event_ids)
    for b in s.silent_blocs:
        yield period, "silent_bloc", b, 0, "", "", ""


def write_csv(result: Indicators, out) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["period", "indicator", "key", "value", "low", "high", "event_ids"])
    w.writerows(rows(result.total, "case"))
    for day in result.days:
        w.writerows(rows(day, str(day.start)))


def _set_text(s: IndicatorSet, indent: str = "  ") -> list[str]:
    def ids(items, n: int = 4) -> str:
        items = list(items)
        more = f" +{len(items) - n}" if len(items) > n else ""
        return f" [{', '.join(items[:n])}{more}]" if items else ""

    out = [f"{indent}events: {s.events}  by type: "
           + (", ".join(f"{c.key} {c.count}" for c in s.by_type) or "none")]
    out.append(f"{indent}killed: {s.killed.low}-{s.killed.high}{ids(s.killed.event_ids)}; "
               f"injured: {s.injured.low}-{s.injured.high}{ids(s.injured.event_ids)}")
    pc = s.peak_crowd
    if pc.low is not None:
        ratio = (f"; mobilisation ratio {pc.ratio_low:.4%}-{pc.ratio_high:.4%} of "
                 f"{pc.population:,}" if pc.ratio_low is not None else
                 "; no case population for a mobilisation ratio")
        out.append(f"{indent}peak crowd: {pc.low:,}-{pc.high:,} on {pc.event_date}{ratio} "
                   f"[{pc.event_id}]")
    for label, counts in (("spread (admin1)", s.spread_admin1), ("elite moves", s.elite_moves),
                          ("attacks on foreign-owned property", s.foreign_property),
                          ("foreign government statements", s.foreign_statements)):
        if counts:
            out.append(f"{indent}{label}: "
                       + "; ".join(f"{c.key} {c.count}{ids(c.event_ids, 2)}" for c in counts))
    if s.seizures:
        out.append(f"{indent}seizures of state buildings: {len(s.seizures)}{ids(s.seizures)}")
    if s.coverage or s.silent_blocs:
        out.append(f"{indent}coverage by bloc: "
                   + ", ".join(f"{c.bloc} {c.events} ({c.share:.0%})" for c in s.coverage)
                   + (f"; silent: {', '.join(s.silent_blocs)}" if s.silent_blocs else ""))
    return out


def format_text(result: Indicators) -> str:
    span = f"{result.total.start} to {result.total.end}"
    if not result.total.events:
        return f"case {result.case}: no events in {span}"
    lines = [f"case {result.case}, {span}:", *_set_text(result.total), ""]
    for day in result.days:
        lines.append(f"{day.start}:")
        lines += _set_text(day, "  ")
    return "\n".join(lines)
