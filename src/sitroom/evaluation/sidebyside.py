"""Own gold and real text side by side, and how well ``confidence`` predicts a right type.

Our own gold was written for the coder; real text was written by others under other codebooks
(see gold/real/README.md). The table puts the same measures next to each other so a gain on one
that is a loss on the other shows at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from sitroom.evaluation.report import EvalReport
from sitroom.evaluation.scoring import DocResult, Scores, aggregate

# (row label, how to read it off Scores)
MEASURES: tuple[tuple[str, Any], ...] = (
    ("documents", lambda s: s.docs),
    ("event F1", lambda s: s.events.f1 if s.events.gold or s.events.predicted else None),
    ("event recall", lambda s: s.events.recall if s.events.gold else None),
    ("event type accuracy", lambda s: s.field("event_type")),
    ("sub-event weighted F1 (misses counted)", lambda s: s.sub_event_weighted_f1),
    ("sub-event accuracy (matched)", lambda s: s.field("sub_event_type")),
    ("fatalities exact", lambda s: s.field("fatalities")),
    ("fatalities within [low, high]", lambda s: s.field("fatalities_range")),
    ("country", lambda s: s.field("iso3") if s.field("iso3") is not None
     else s.field("country")),
    ("admin1", lambda s: s.field("admin1")),
    ("location", lambda s: s.field("location")),
    ("crowd size (±10 %)", lambda s: s.field("crowd_size")),
)
COLUMNS = (("own gold", lambda r: not r.dataset), ("own test", lambda r: not r.dataset
                                                   and r.split == "test"),
           ("real dev", lambda r: r.dataset and r.split == "dev"),
           ("real test", lambda r: r.dataset and r.split == "test"))
BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def columns(report: EvalReport) -> list[tuple[str, Scores]]:
    """Scores of each column that has documents."""
    out = []
    for name, keep in COLUMNS:
        docs = [r for r in report.docs if keep(r)]
        if docs:
            out.append((name, aggregate(docs)))
    return out


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    return str(v) if isinstance(v, int) else f"{100 * v:.1f}%"


def format_side_by_side(report: EvalReport) -> str:
    """The measure | own gold | own test | real dev | real test table (Markdown)."""
    cols = columns(report)
    if not any(r.dataset for r in report.docs):
        return ""
    lines = ["| measure | " + " | ".join(n for n, _ in cols) + " |",
             "|---|" + "---|" * len(cols)]
    for label, fn in MEASURES:
        cells = [fn(s) for _, s in cols]
        if any(c is not None for c in cells[1:]) or label == "documents":
            lines.append(f"| {label} | " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def confidence_pairs(docs: Sequence[DocResult]) -> list[tuple[float, bool]]:
    """(claim confidence, type right) for every matched event whose gold gives a type."""
    out = []
    for r in docs:
        for pair in r.pairs:
            hits = dict(pair.hits)
            right = hits.get("sub_event_type", hits.get("event_type"))
            if right is None:
                continue
            conf = r.predicted[pair.pred_index].get("confidence")
            if isinstance(conf, int | float):
                out.append((float(conf), bool(right)))
    return out


def reliability(pairs: Sequence[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """Rows (bin, n, mean confidence, share right) over confidence bins."""
    rows = []
    for lo, hi in pairwise(BINS):
        sel = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if sel:
            rows.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(sel),
                         sum(c for c, _ in sel) / len(sel), sum(ok for _, ok in sel) / len(sel)))
    return rows


def format_reliability(report: EvalReport) -> str:
    """Confidence bins against observed type accuracy, own gold and real test apart."""
    out = []
    for name, keep in (("own gold", COLUMNS[0][1]), ("real test", COLUMNS[3][1])):
        rows = reliability(confidence_pairs([r for r in report.docs if keep(r)]))
        if not rows:
            continue
        out += [f"reliability ({name}): confidence bin | events | mean confidence | type right",
                *(f"  {b:<8} {n:>6} {c:>8.3f} {a:>8.3f}" for b, n, c, a in rows)]
    return "\n".join(out)
