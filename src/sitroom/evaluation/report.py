"""The evaluation report: headline figures, and its table and JSON forms."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.evaluation.scoring import MISSING, PREDICTED_FIELD, Scores
from sitroom.model import ErrorRecord

# Headline figures (pinned as floors): name -> how to read it off a Scores.
HEADLINES: dict[str, Any] = {
    "event_f1": lambda s: s.events.f1 if s.events.gold or s.events.predicted else None,
    "event_precision": lambda s: s.events.precision if s.events.predicted else None,
    "event_recall": lambda s: s.events.recall if s.events.gold else None,
    "event_type_acc": lambda s: s.field("event_type"),
    "sub_event_type_acc": lambda s: s.field("sub_event_type"),
    "sub_event_type_wf1": lambda s: s.sub_event_weighted_f1,
    "sub_event_type_wf1_matched": lambda s: s.sub_event_matched_weighted_f1,
    "political_event_acc": lambda s: s.field("political_event"),
    "plover_type_acc": lambda s: s.field("plover_type"),
    "fatalities_exact": lambda s: s.field("fatalities"),
    "fatalities_in_range": lambda s: s.field("fatalities_range"),
    "crowd_size_acc": lambda s: s.field("crowd_size"),
    "event_date_exact": lambda s: s.field("event_date"),
    "country_acc": lambda s: s.field("iso3") if s.field("iso3") is not None else s.field("country"),
    "admin1_acc": lambda s: s.field("admin1"),
    "location_acc": lambda s: s.field("location"),
    "actor1_acc": lambda s: s.field("actor1"),
}


def _field_total(s: Scores, name: str) -> int:
    return dict(s.fields).get(name).total if name in dict(s.fields) else 0


def headline_support(scores: Scores) -> dict[str, int]:
    """How many items each headline figure rests on (events, or scored pairs of a field)."""
    ev = scores.events
    typed = sum(n for g, _, n in scores.confusion if g != "∅")
    fields = {"event_type_acc": "event_type", "sub_event_type_acc": "sub_event_type",
              "political_event_acc": "political_event", "plover_type_acc": "plover_type",
              "fatalities_exact": "fatalities", "fatalities_in_range": "fatalities_range",
              "crowd_size_acc": "crowd_size", "event_date_exact": "event_date",
              "admin1_acc": "admin1", "location_acc": "location", "actor1_acc": "actor1"}
    out = {"event_f1": ev.gold + ev.predicted, "event_precision": ev.predicted,
           "event_recall": ev.gold, "sub_event_type_wf1": typed,
           "sub_event_type_wf1_matched": typed,
           "country_acc": _field_total(scores, "iso3") or _field_total(scores, "country")}
    out.update({k: _field_total(scores, f) for k, f in fields.items()})
    return out


def headline(scores: Scores) -> dict[str, float]:
    """The headline figures of a Scores, rounded, leaving out those with nothing scored."""
    out = {}
    for name, fn in HEADLINES.items():
        value = fn(scores)
        if value is not None:
            out[name] = round(value, 4)
    return out


@dataclass(frozen=True)
class EvalReport:
    """Everything one ``evaluate`` run measured."""

    gold_paths: tuple[str, ...]
    overall: Scores
    by_file: tuple[tuple[str, Scores], ...]
    by_lang: tuple[tuple[str, Scores], ...]
    by_split: tuple[tuple[str, Scores], ...]
    docs: tuple[Any, ...]  # DocResult, one per gold document
    errors: tuple[ErrorRecord, ...] = ()
    merge: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    split: str | None = None
    seconds: float = 0.0
    coder_version: str = ""
    by_set: tuple[tuple[str, Scores], ...] = ()  # "own dev", "own test", "real dev", "real test"
    real_test_by_file: tuple[tuple[str, Scores], ...] = ()  # "<file> [test]" of real-text gold

    def headline(self) -> dict[str, float]:
        """Headline figures over all documents."""
        return headline(self.overall)

    def _pinned(self) -> tuple[tuple[str, Scores], ...]:
        """Own gold files whole; real-text files by their test split only (dev is trained on)."""
        real = {Path(r.path).name for r in self.docs if getattr(r, "dataset", "")}
        return tuple((n, s) for n, s in self.by_file if n not in real) + self.real_test_by_file

    def support_by_file(self) -> dict[str, dict[str, int]]:
        """How many items each headline figure rests on, per pinned gold file (or test part)."""
        return {name: headline_support(s) for name, s in self._pinned()}

    def headlines_by_file(self) -> dict[str, dict[str, float]]:
        """Headline figures per gold file, and per real-text test part (what floors pin)."""
        return {name: headline(s) for name, s in self._pinned()}

    def to_json(self) -> dict[str, Any]:
        """JSON-ready summary: figures overall, per file, language and split, confusion, errors."""

        def block(s: Scores) -> dict[str, Any]:
            return {
                "docs": s.docs,
                "events": {"gold": s.events.gold, "predicted": s.events.predicted,
                           "matched": s.events.matched},
                "headline": headline(s),
                "fields": {f: {"correct": t.correct, "total": t.total,
                               "accuracy": round(t.accuracy or 0.0, 4)} for f, t in s.fields},
                "mean_doc_f1": None if s.mean_doc_f1 is None else round(s.mean_doc_f1, 4),
            }

        return {
            "gold": list(self.gold_paths), "split": self.split, "seconds": round(self.seconds, 2),
            "coder_version": self.coder_version,
            "overall": block(self.overall),
            "by_file": {k: block(s) for k, s in self.by_file},
            "by_lang": {k: block(s) for k, s in self.by_lang},
            "by_split": {k: block(s) for k, s in self.by_split},
            "by_set": {k: block(s) for k, s in self.by_set},
            "real_test_by_file": {k: block(s) for k, s in self.real_test_by_file},
            "confusion": [list(row) for row in self.overall.confusion],
            "merge": {k: dict(v) for k, v in self.merge},
            "errors": [e.to_dict() for e in self.errors],
        }


def _pct(v: float | None) -> str:
    return "   -  " if v is None else f"{100 * v:5.1f}%"


def format_confusion(scores: Scores, width: int = 14) -> str:
    """Gold rows × predicted columns of sub_event_type, only labels that occur."""
    rows = sorted({g for g, _, _ in scores.confusion})
    cols = sorted({p for _, p, _ in scores.confusion})
    if not rows:
        return "(no sub_event_type annotated)"
    cell = {(g, p): n for g, p, n in scores.confusion}
    abbrev = {c: c[:6] for c in cols}
    lines = ["gold \\ predicted".ljust(width * 2) + " ".join(abbrev[c].rjust(6) for c in cols)]
    for g in rows:
        vals = " ".join((str(cell.get((g, c), "")) or ".").rjust(6) for c in cols)
        lines.append(g[: width * 2 - 1].ljust(width * 2) + vals)
    legend = ", ".join(f"{abbrev[c]}={c}" for c in cols if c != MISSING)
    lines.append(f"columns: {legend}; {MISSING}=missed/spurious")
    return "\n".join(lines)


def format_table(report: EvalReport) -> str:
    """A readable plain-text report: headline, fields, groups, confusion, errors."""
    s = report.overall
    if not s.docs and report.merge:
        return "\n".join(f"merge gold {name}: " + ", ".join(f"{k}={v}" for k, v in result)
                         for name, result in report.merge)
    out = [f"gold: {', '.join(report.gold_paths)}" + (f"  split: {report.split}"
                                                       if report.split else ""),
           f"documents: {s.docs}  gold events: {s.events.gold}  predicted: {s.events.predicted}"
           f"  matched: {s.events.matched}  ({report.seconds:.1f}s)",
           f"events  precision {_pct(s.events.precision)}  recall {_pct(s.events.recall)}"
           f"  F1 {_pct(s.events.f1)}  mean per-document F1 {_pct(s.mean_doc_f1)}",
           f"sub_event_type weighted F1 (25 types): end to end, misses counted "
           f"{_pct(s.sub_event_weighted_f1)}; on matched events "
           f"{_pct(s.sub_event_matched_weighted_f1)}",
           "", "field accuracy on matched events:"]
    for f, t in s.fields:
        out.append(f"  {f:<18} {_pct(t.accuracy)}  ({t.correct}/{t.total})")
    for title, groups in (("by file", report.by_file), ("by language", report.by_lang),
                          ("by split", report.by_split)):
        out += ["", f"{title}:", f"  {'':<22} {'docs':>5} {'evF1':>7} {'type':>7} {'sub':>7}"
                f" {'subWF1':>7} {'fatal':>7} {'date':>7} {'loc':>7} {'ctry':>7} {'plover':>7}"]
        for name, g in groups:
            h = headline(g)
            cells = " ".join(_pct(h.get(k)).rjust(7) for k in (
                "event_f1", "event_type_acc", "sub_event_type_acc", "sub_event_type_wf1",
                "fatalities_exact", "event_date_exact", "location_acc", "country_acc",
                "plover_type_acc"))
            out.append(f"  {name[:22]:<22} {g.docs:>5} {cells}")
    out += ["", "sub_event_type confusion:", format_confusion(s)]
    for name, result in report.merge:
        out += ["", f"merge gold {name}: " + ", ".join(f"{k}={v}" for k, v in result)]
    if report.errors:
        out += ["", f"errors ({len(report.errors)}):"]
        out += [f"  {e.source}: {e.message}" for e in report.errors[:20]]
    return "\n".join(out)


def format_mistakes(report: EvalReport, limit: int = 50) -> str:
    """Where the coder went wrong, document by document: missed, spurious and wrong fields."""
    from sitroom.evaluation.gold import load_gold

    gold = {(d.path, d.id): d for p in report.gold_paths for d in load_gold(p) if d.kind == "code"}
    lines: list[str] = []
    for r in report.docs:
        if len(lines) >= limit:
            break
        g = gold.get((r.path, r.doc_id))
        wrong = []
        for pair in r.pairs:
            pred = r.predicted[pair.pred_index]
            for f, ok in pair.hits:
                if not ok and g is not None:
                    wrong.append(f"{f}: gold {g.events[pair.gold_index].get(f)!r} "
                                 f"got {pred.get(PREDICTED_FIELD.get(f, f))!r}")
        missed = [m or "event" for m in r.missed]
        if not (wrong or missed or r.spurious or r.error):
            continue
        head = f"{r.doc_id} [{r.lang}/{r.split}]"
        if r.error:
            head += f" error: {r.error}"
        if missed:
            head += f" missed: {', '.join(missed)}"
        if r.spurious:
            head += f" spurious: {', '.join(r.spurious)}"
        lines.append(head)
        lines += [f"    {w}" for w in wrong]
    return "\n".join(lines[:limit]) if lines else "(no mistakes)"


def dumps(report: EvalReport) -> str:
    """The JSON form as text."""
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)
