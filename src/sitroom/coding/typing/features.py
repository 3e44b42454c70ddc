"""Features of one claim for the learned type classifier: sparse, hashed, the same in training.

A claim is seen through four groups, each in its own hash namespace so they do not collide by
design: the evidence's words and word pairs, the evidence's character 3-5-grams (they carry
inflected Russian and Kyrgyz forms and spelling variants), the whole document's words (the label
of a one-event note often rests on a sentence the rules did not pick), and the rules' own
reading (type, sub-type, political event, figures, confidence). The hash is crc32, stable across
processes and Python versions, so a model trained once scores the same everywhere.
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DIM = 1 << 15  # hashed feature space; the weight matrix is DIM x classes
DOC_CHARS = 3000  # the part of the document read for document-level words
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_CYRILLIC = re.compile("[а-яёңөү]", re.I)


@dataclass(frozen=True)
class ClaimView:
    """What the classifier sees of a claim: its evidence, its document and the rules' reading."""

    evidence: str
    document: str
    event_type: str | None
    sub_event_type: str | None
    political_event: str | None = None
    plover_type: str | None = None
    fatalities: int = 0
    arrests: int | None = None
    has_crowd: bool = False
    confidence: float = 0.0

    @classmethod
    def of(cls, claim: Mapping[str, Any] | Any, document: str) -> ClaimView:
        """A view of a Claim or a contract dict, with its document's text."""
        get = claim.get if isinstance(claim, Mapping) else (
            lambda k, d=None: getattr(claim, k, d))
        return cls(evidence=str(get("evidence") or ""), document=document,
                   event_type=get("event_type"), sub_event_type=get("sub_event_type"),
                   political_event=get("political_event"), plover_type=get("plover_type"),
                   fatalities=int(get("fatalities") or 0), arrests=get("arrests"),
                   has_crowd=get("crowd_size") is not None,
                   confidence=float(get("confidence") or 0.0))


@functools.lru_cache(maxsize=1 << 17)
def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % DIM


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens."""
    return _WORD.findall(text.casefold())


@functools.lru_cache(maxsize=16)
def _document_group(head: str) -> Counter[int]:
    """Document words, hashed once per document however many claims it has."""
    return Counter(map(_bucket, (f"d:{w}" for w in sorted(set(words(head))))))


def _groups(view: ClaimView) -> list[Counter[int]]:
    """Hashed feature counts in groups; each is normalised on its own so none drowns the others."""
    ev = words(view.evidence[:2000])
    text = [f"w:{w}" for w in ev]
    text += [f"b:{a}_{b}" for a, b in itertools.pairwise(ev)]
    chars: list[str] = []
    for w in set(ev):
        padded = f"<{w}>"
        for n in (3, 4, 5):
            chars += [f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1)]
    head = view.document[:DOC_CHARS]
    style = ("cased" if head != head.lower() else "lower") + (
        ":cyr" if _CYRILLIC.search(view.evidence) else "")
    rule = [
        f"x:{style}:{view.sub_event_type}", f"x:{style}",
        f"r:type:{view.event_type}", f"r:sub:{view.sub_event_type}",
        f"r:pol:{view.political_event}", f"r:plover:{view.plover_type}",
        f"r:fat:{min(view.fatalities, 3)}", f"r:arr:{view.arrests is not None}",
        f"r:crowd:{view.has_crowd}", f"r:conf:{round(view.confidence * 5)}", "bias"]
    return [Counter(map(_bucket, text)), Counter(map(_bucket, chars)), _document_group(head),
            Counter(map(_bucket, rule))]


def featurise(view: ClaimView) -> tuple[list[int], list[float]]:
    """Sorted feature indices and values: each group L2-normalised, collisions summed."""
    acc: dict[int, float] = {}
    for counts in _groups(view):
        norm = sum(v * v for v in counts.values()) ** 0.5 or 1.0
        for i, v in counts.items():
            acc[i] = acc.get(i, 0.0) + v / norm
    idx = sorted(acc)
    return idx, [acc[i] for i in idx]
