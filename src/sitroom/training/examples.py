"""Labelled examples for the type classifier: the rules' claims on gold text, with gold's type.

The rules code every development document; each claim matched to a gold event (the evaluation's
own matching) becomes an example labelled with the sub-types the gold allows: one when the gold
names it, all those under the gold's event type(s) when another codebook only gives the type,
"no ACLED type" for statements. Claims matched to nothing are left out: a real-text record
lists one event, so an extra claim may be a true event its coders did not record.

Test items never get here: ``examples_from_docs`` refuses them, and ``training_docs`` drops
test documents and any development document whose text is also a test document's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.coding.typing.features import ClaimView
from sitroom.coding.typing.learned import CLASSES, NO_TYPE
from sitroom.coding.typing.vocabulary import ACLED_TYPES
from sitroom.errors import InputError
from sitroom.evaluation.gold import GoldDoc, GoldEvent, load_gold
from sitroom.evaluation.matching import match_events
from sitroom.evaluation.runner import as_contract


@dataclass(frozen=True)
class Example:
    """One claim the rules made, the labels gold allows for it, and where it came from."""

    view: ClaimView
    allowed: tuple[int, ...]  # indices into CLASSES
    doc_id: str
    source: str  # gold file name
    real: bool = False  # real text written by others (not our own gold)

    @property
    def fold(self) -> int:
        """A fixed 0..9 bucket of the document, so all claims of a document share a fold."""
        return int(hashlib.sha256(self.doc_id.encode()).hexdigest()[:8], 16) % 10


def gold_labels(ev: GoldEvent) -> tuple[int, ...]:
    """Class indices the gold event allows (empty when it says nothing about the type)."""
    if ev.has("sub_event_type"):
        sub = ev.get("sub_event_type")
        return (CLASSES.index(sub if sub else NO_TYPE),)
    et = ev.get("event_type")
    if et is None:
        return (CLASSES.index(NO_TYPE),) if ev.has("event_type") else ()
    types = et if isinstance(et, tuple) else (et,)
    return tuple(sorted(CLASSES.index(s) for t in types for s in ACLED_TYPES[t]))


def training_docs(paths: Sequence[str | Path]) -> tuple[list[GoldDoc], int]:
    """Development documents of the gold files, and how many test documents were left out."""
    docs = [d for p in paths for d in load_gold(p) if d.kind == "code"]
    test_texts = {d.text.strip() for d in docs if d.split == "test"}
    keep = [d for d in docs if d.split == "dev" and d.text.strip() not in test_texts]
    return keep, len(docs) - len(keep)


def examples_from_docs(docs: Iterable[GoldDoc], coder: Any) -> list[Example]:
    """Code each document with the rules-only ``coder`` and label the matched claims."""
    docs = list(docs)
    bad = [d.id for d in docs if d.split != "dev"]
    if bad:
        raise InputError(f"training refuses test items: {', '.join(bad[:5])}"
                         + (" ..." if len(bad) > 5 else ""))
    out: list[Example] = []
    results = coder.code_many([d.document() for d in docs])
    for d, claims in zip(docs, results, strict=True):
        preds = [as_contract(c) for c in claims]
        for gi, pi, _ in match_events(d.events, preds):
            allowed = gold_labels(d.events[gi])
            if allowed and preds[pi].get("event_type") is not None and not preds[pi].get(
                    "political_event"):
                out.append(Example(ClaimView.of(preds[pi], d.text), allowed, d.id,
                                   Path(d.path).name, bool(d.dataset)))
    return out
