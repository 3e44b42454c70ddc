"""Scoring one document's predictions against its gold, and adding document results up.

Pure functions over gold events and predicted contract dicts; no coder, no files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.coding.typing.vocabulary import SUB_EVENT_TYPES
from sitroom.evaluation.gold import GoldDoc, GoldEvent
from sitroom.evaluation.matching import actor_match, match_events, place_match

MISSING = "∅"  # a missed gold event (row) or a spurious prediction (column)
NO_TYPE = "—"  # an event with no ACLED sub-event type (a statement, a bare political event)
CROWD_TOLERANCE = 0.1  # crowd_size.min counts as right within ±10 %


def _exact(g: Any, p: Any) -> bool:
    return g == p


def _one_of(g: Any, p: Any) -> bool:
    """Right when equal, or inside the gold's set of acceptable values (a coarser codebook)."""
    return p in g if isinstance(g, tuple) else g == p


def _in_range(g: Any, p: Any) -> bool:
    """A predicted figure inside the gold's [low, high]."""
    return isinstance(p, int) and g[0] <= p <= g[1]


def _date(g: Any, p: Any) -> bool:
    return str(g) == (p.isoformat() if hasattr(p, "isoformat") else str(p))


def _place(g: Any, p: Any) -> bool:
    return place_match(g, p)


def _code(g: Any, p: Any) -> bool:
    return (str(g).upper() if g else None) == (str(p).upper() if p else None)


def _crowd_min(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return value.get("min")
    return getattr(value, "min", None)


def _crowd(g: Any, p: Any) -> bool:
    gmin, pmin = _crowd_min(g), _crowd_min(p)
    if gmin is None or pmin is None:
        return gmin is None and pmin is None
    return abs(gmin - pmin) <= max(1.0, CROWD_TOLERANCE * gmin)


# Each scored field and how a prediction is judged right.
FIELD_CHECKS: dict[str, Callable[[Any, Any], bool]] = {
    "event_type": _one_of, "sub_event_type": _exact, "political_event": _exact,
    "plover_type": _exact, "event_date": _date, "time_precision": _exact,
    "country": _place, "iso3": _code, "admin1": _place, "location": _place,
    "geo_precision": _exact, "actor1": actor_match, "actor2": actor_match,
    "inter1": _exact, "inter2": _exact, "fatalities": _exact, "injuries": _exact,
    "arrests": _exact, "crowd_size": _crowd, "target_owner_iso3": _code,
    "fatalities_range": lambda g, p: _in_range(g, p),
}


# A gold field judged against a differently named predicted field.
PREDICTED_FIELD = {"fatalities_range": "fatalities"}


@dataclass(frozen=True)
class Tally:
    """Right answers out of those scored."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """Share right, or None when nothing was scored."""
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class EventCounts:
    """Event detection counts: matched pairs out of gold and predicted events."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        """Matched share of predictions (1.0 when nothing was predicted)."""
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Matched share of gold events (1.0 when the gold has none)."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class PairResult:
    """A matched gold/predicted pair and which annotated fields the prediction got right."""

    gold_index: int
    pred_index: int
    similarity: float
    hits: tuple[tuple[str, bool], ...]
    gold_label: str | None  # None when the gold leaves sub_event_type unannotated
    pred_label: str


@dataclass(frozen=True)
class DocResult:
    """How the coder did on one gold document."""

    doc_id: str
    lang: str
    split: str
    path: str
    counts: EventCounts
    pairs: tuple[PairResult, ...] = ()
    missed: tuple[str | None, ...] = ()  # gold labels of unmatched gold events
    spurious: tuple[str, ...] = ()  # labels of unmatched predictions
    predicted: tuple[Mapping[str, Any], ...] = ()
    error: str = ""
    dataset: str = ""  # real text written by others; empty for our own gold

    @property
    def group(self) -> str:
        """Which column of the side-by-side table: own gold or real text, and the split."""
        return f"{'real' if self.dataset else 'own'} {self.split}"


def _label(ev: Mapping[str, Any] | GoldEvent) -> str:
    return ev.get("sub_event_type") or NO_TYPE


def _gold_label(ev: GoldEvent) -> str | None:
    return _label(ev) if ev.has("sub_event_type") else None


def score_doc(
    doc: GoldDoc, predicted: Sequence[Mapping[str, Any]], error: str = ""
) -> DocResult:
    """Match a document's predictions to its gold events and judge every annotated field."""
    matches = match_events(doc.events, predicted)
    pairs = []
    for gi, pi, sim in matches:
        g, p = doc.events[gi], predicted[pi]
        hits = tuple((f, FIELD_CHECKS[f](v, p.get(PREDICTED_FIELD.get(f, f))))
                     for f, v in g.fields if f in FIELD_CHECKS)
        pairs.append(PairResult(gi, pi, round(sim, 4), hits, _gold_label(g), _label(p)))
    used_g = {gi for gi, _, _ in matches}
    used_p = {pi for _, pi, _ in matches}
    missed = tuple(_gold_label(g) for i, g in enumerate(doc.events) if i not in used_g)
    spurious = tuple(_label(p) for j, p in enumerate(predicted) if j not in used_p)
    counts = EventCounts(len(matches), len(doc.events), len(predicted))
    return DocResult(doc.id, doc.lang, doc.split, doc.path, counts, tuple(pairs), missed,
                     spurious, tuple(predicted), error, doc.dataset)


@dataclass(frozen=True)
class Scores:
    """Figures over a set of documents."""

    docs: int
    events: EventCounts
    fields: tuple[tuple[str, Tally], ...]
    sub_event_weighted_f1: float | None
    confusion: tuple[tuple[str, str, int], ...]  # (gold label, predicted label, count)
    mean_doc_f1: float | None
    sub_event_matched_weighted_f1: float | None = None  # classification only: ∅ rows/cols left out

    def field(self, name: str) -> float | None:
        """Accuracy of one field on matched pairs (None when never annotated)."""
        return dict(self.fields).get(name, Tally()).accuracy


def weighted_f1(pairs: Iterable[tuple[str, str]], classes: Sequence[str] = SUB_EVENT_TYPES
                ) -> float | None:
    """Support-weighted F1 over ``classes`` from (gold, predicted) label pairs, ∅ included."""
    pairs = list(pairs)
    support = Counter(g for g, _ in pairs)
    total = sum(support[c] for c in classes)
    if not total:
        return None
    acc = 0.0
    for c in classes:
        if not support[c]:
            continue
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if p == c and g != c)
        fn = support[c] - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        acc += support[c] * f1
    return acc / total


def aggregate(results: Iterable[DocResult]) -> Scores:
    """Add document results up into event P/R/F1, field accuracies and the confusion table."""
    results = list(results)
    matched = sum(r.counts.matched for r in results)
    n_gold = sum(r.counts.gold for r in results)
    n_pred = sum(r.counts.predicted for r in results)
    tallies: dict[str, list[int]] = {f: [0, 0] for f in FIELD_CHECKS}
    confusion: Counter[tuple[str, str]] = Counter()
    typed_doc = False
    for r in results:
        for pair in r.pairs:
            for f, ok in pair.hits:
                tallies[f][0] += ok
                tallies[f][1] += 1
            if pair.gold_label is not None:
                confusion[(pair.gold_label, pair.pred_label)] += 1
        for g in r.missed:
            if g is not None:
                confusion[(g, MISSING)] += 1
        doc_typed = any(p.gold_label is not None for p in r.pairs) or any(
            g is not None for g in r.missed) or r.counts.gold == 0
        typed_doc = typed_doc or doc_typed
        if doc_typed:
            for s in r.spurious:
                confusion[(MISSING, s)] += 1
    label_pairs = [pair for pair, n in confusion.items() for _ in range(n)]
    fields = tuple((f, Tally(*t)) for f, t in tallies.items() if t[1])
    return Scores(
        docs=len(results),
        events=EventCounts(matched, n_gold, n_pred),
        fields=fields,
        sub_event_weighted_f1=weighted_f1(label_pairs) if typed_doc else None,
        confusion=tuple(sorted((g, p, n) for (g, p), n in confusion.items())),
        mean_doc_f1=sum(r.counts.f1 for r in results) / len(results) if results else None,
        sub_event_matched_weighted_f1=weighted_f1(
            [(g, p) for g, p in label_pairs if MISSING not in (g, p)]) if typed_doc else None,
    )
