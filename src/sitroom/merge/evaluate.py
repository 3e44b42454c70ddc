"""Merge quality against a labelled set: pairwise and B-cubed precision, recall and F1.

Each line of the gold file is one group: ``{"kind": "merge", "id", "reports": [ReportInfo
fields], "claims": [claim dicts with id and doc_id], "events": [[claim ids], ...]}``. The claims
of a group are merged from scratch and the predicted clusters compared with ``events``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from sitroom.errors import InputError

from .cluster import merge_claims
from .encoder import EvidenceSimilarity
from .serialize import claim_from_dict
from .types import ReportInfo


def load_groups(path: str | Path) -> list[dict[str, Any]]:
    """The merge groups of a gold file (lines of other kinds are skipped)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such gold file")
    out = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p.name}:{n}: not JSON ({exc.msg})") from exc
        if obj.get("kind") == "merge":
            out.append(obj)
    return out


def _info(d: dict[str, Any]) -> ReportInfo:
    pub = d.get("published")
    return ReportInfo(
        report_id=d["report_id"], outlet=d.get("outlet"), bloc=d.get("bloc"),
        group=d.get("group") or "", kind=d.get("kind", "article"),
        near_duplicate_of=d.get("near_duplicate_of"), lang=d.get("lang"),
        published=date.fromisoformat(pub) if pub else None,
    )


def predict(group: dict[str, Any], similarity: EvidenceSimilarity | None = None) -> list[list[str]]:
    """The clusters the merge makes of one group's claims."""
    claims = [claim_from_dict(c) for c in group["claims"]]
    infos = {r["report_id"]: _info(r) for r in group.get("reports", [])}
    result = merge_claims(claims, infos, similarity=similarity)
    return sorted(sorted(e.claim_ids) for e in result.events_changed)


def _pairs(clusters: Iterable[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for c in clusters for p in combinations(sorted(c), 2)}


def _bcubed(pred: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> tuple[float, float]:
    p_of = {c: set(cl) for cl in pred for c in cl}
    g_of = {c: set(cl) for cl in gold for c in cl}
    items = sorted(set(p_of) & set(g_of))
    if not items:
        return 1.0, 1.0
    prec = sum(len(p_of[i] & g_of[i]) / len(p_of[i]) for i in items) / len(items)
    rec = sum(len(p_of[i] & g_of[i]) / len(g_of[i]) for i in items) / len(items)
    return prec, rec


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_merge(path: str | Path) -> dict[str, Any]:
    """Pairwise and B-cubed scores of the merge on a gold file, with the groups it got wrong."""
    groups = load_groups(path)
    sim = EvidenceSimilarity()
    tp = fp = fn = 0
    bp = br = 0.0
    wrong = []
    n_claims = 0
    for g in groups:
        pred = predict(g, sim)
        gold = [sorted(e) for e in g["events"]]
        pp, gp = _pairs(pred), _pairs(gold)
        tp += len(pp & gp)
        fp += len(pp - gp)
        fn += len(gp - pp)
        n = len(g["claims"])
        b_p, b_r = _bcubed(pred, gold)
        bp += b_p * n
        br += b_r * n
        n_claims += n
        if sorted(pred) != sorted(gold):
            wrong.append(g["id"])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    bcp = bp / n_claims if n_claims else 1.0
    bcr = br / n_claims if n_claims else 1.0
    return {
        "groups": len(groups), "claims": n_claims, "pairs_gold": tp + fn,
        "pairwise_precision": round(precision, 4), "pairwise_recall": round(recall, 4),
        "pairwise_f1": round(_f1(precision, recall), 4),
        "bcubed_precision": round(bcp, 4), "bcubed_recall": round(bcr, 4),
        "bcubed_f1": round(_f1(bcp, bcr), 4),
        "groups_wrong": ",".join(wrong),
    }
