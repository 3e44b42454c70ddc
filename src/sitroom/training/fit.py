"""Fitting the type classifier: logistic regression, temperature calibration, threshold, model.

Multinomial logistic regression with an L2 penalty, fitted by L-BFGS (scipy) on sparse hashed
features. Labels may be sets ("Battles or Explosions/Remote violence"): the loss is minus the log
of the probability the model puts on the whole set. Development examples are cut by document
into a fitting part (folds 0-7) and a calibration part (folds 8-9): the model fitted on the
first gives the temperature (least log loss on the second) and the decision threshold (best
accuracy of "model when at least this sure, else the rules"); the shipped model is then refitted
on all development examples with those settings. Single-threaded and seeded by nothing but the
data, so the same examples give byte-identical model files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from sitroom.coding.typing.features import DIM, featurise
from sitroom.coding.typing.learned import (
    CLASSES,
    TypeModel,
    choose,
    confidence_of,
    rule_class,
    softmax,
)
from sitroom.training.examples import Example

L2 = 1e-4  # penalty per weight (the loss is a mean over examples)
MAX_ITER = 300
CALIBRATION_FOLDS = (8, 9)
TEMPERATURES = tuple(round(0.5 + 0.05 * i, 2) for i in range(71))  # 0.5 .. 4.0
THRESHOLDS = tuple(round(0.3 + 0.025 * i, 3) for i in range(27))  # 0.3 .. 0.95
BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass(frozen=True)
class TrainResult:
    """The model and what training measured on the calibration fold."""

    model: TypeModel
    examples: int
    calibration: dict  # figures on the calibration fold (model fitted without it)


def design(examples: Sequence[Example]):
    """The sparse example-by-feature matrix (CSR, float64)."""
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for ex in examples:
        idx, vals = featurise(ex.view)
        indices += idx
        data += vals
        indptr.append(len(indices))
    return csr_matrix((np.array(data), np.array(indices, dtype=np.int64), np.array(indptr)),
                      shape=(len(examples), DIM))


def allowed_mask(examples: Sequence[Example]) -> np.ndarray:
    """Example-by-class 0/1 matrix of the labels each example allows."""
    mask = np.zeros((len(examples), len(CLASSES)))
    for i, ex in enumerate(examples):
        mask[i, list(ex.allowed)] = 1.0
    return mask


def fit(x, mask: np.ndarray, weights: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights (DIM x classes) minimising the weighted set-label log loss plus the L2 penalty."""
    from scipy.optimize import minimize

    k = mask.shape[1]
    total = weights.sum()

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(DIM, k)
        p = softmax(np.asarray(x @ w))
        in_set = (p * mask).sum(axis=1)
        q = p * mask / in_set[:, None]
        value = -(weights * np.log(np.maximum(in_set, 1e-300))).sum() / total
        grad = x.T @ ((p - q) * (weights / total)[:, None])
        value += 0.5 * l2 * float((w * w).sum())
        return value, (np.asarray(grad) + l2 * w).ravel()

    res = minimize(loss, np.zeros(DIM * k), jac=True, method="L-BFGS-B",
                   options={"maxiter": MAX_ITER})
    return res.x.reshape(DIM, k)


OWN_SHARE = 0.5  # our own gold weighs half of the total; real-text files share the other half


def source_weights(examples: Sequence[Example]) -> np.ndarray:
    """Weights summing to the example count: own gold half, each real-text file an equal part.

    Real text is plentiful but coded to other codebooks; our gold is ACLED's own convention.
    """
    real = Counter(ex.source for ex in examples if ex.real)
    n_own = sum(1 for ex in examples if not ex.real)
    own_share = OWN_SHARE if n_own and real else (1.0 if n_own else 0.0)
    w = [own_share / n_own if not ex.real else (1 - own_share) / (len(real) * real[ex.source])
         for ex in examples]
    return np.array(w) * len(examples)


def rule_index(ex: Example) -> int:
    """The class the rules chose for an example."""
    return rule_class(ex.view.sub_event_type)


def decide(probs: np.ndarray, rules: np.ndarray, threshold: float) -> np.ndarray:
    """The final class per example, as the coder will choose it (``learned.choose``)."""
    return np.array([choose(p, int(r), threshold) for p, r in zip(probs, rules, strict=True)],
                    dtype=np.int64)


def reliability(conf: np.ndarray, right: np.ndarray) -> list[dict]:
    """Confidence bins against the share actually right."""
    rows = []
    for lo, hi in pairwise(BINS):
        sel = (conf >= lo) & (conf < hi)
        if sel.any():
            rows.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": int(sel.sum()),
                         "confidence": round(float(conf[sel].mean()), 3),
                         "accuracy": round(float(right[sel].mean()), 3)})
    return rows


def _set_nll(logits: np.ndarray, mask: np.ndarray, t: float) -> float:
    p = softmax(logits / t)
    return float(-np.log(np.maximum((p * mask).sum(axis=1), 1e-300)).mean())


def _per_label(final: np.ndarray, rules: np.ndarray, mask: np.ndarray) -> dict:
    out: dict = {}
    for c, name in enumerate(CLASSES):
        sel = (mask[:, c] == 1) & (mask.sum(axis=1) == 1)
        if sel.any():
            out[name] = {"n": int(sel.sum()),
                         "rules": round(float((rules[sel] == c).mean()), 3),
                         "model": round(float((final[sel] == c).mean()), 3)}
    return out


def train(examples: Sequence[Example], *, l2: float = L2) -> TrainResult:
    """Fit, calibrate on the calibration folds, refit on everything, and describe the model."""
    from threadpoolctl import threadpool_limits

    if not examples:
        raise ValueError("no training examples")
    with threadpool_limits(limits=1):  # one thread: sums in a fixed order, byte-identical files
        x, mask = design(examples), allowed_mask(examples)
        weights = source_weights(examples)
        rules = np.array([rule_index(ex) for ex in examples])
        cal = np.array([ex.fold in CALIBRATION_FOLDS for ex in examples])
        figures: dict = {"examples": int((~cal).sum()), "calibration_examples": int(cal.sum())}
        temperature, threshold = 1.0, 0.5
        if cal.any() and (~cal).any():
            w = fit(x[~cal], mask[~cal], weights[~cal], l2)
            logits = np.asarray(x[cal] @ w)
            temperature = min(TEMPERATURES, key=lambda t: (_set_nll(logits, mask[cal], t), t))
            probs = softmax(logits / temperature)

            def accuracy(th: float) -> float:
                final = decide(probs, rules[cal], th)
                return float(mask[cal][np.arange(len(final)), final].mean())

            threshold = max(THRESHOLDS, key=lambda th: (accuracy(th), -th))
            final = decide(probs, rules[cal], threshold)
            right = mask[cal][np.arange(len(final)), final]
            conf = np.array([confidence_of(p, int(f)) for p, f in zip(probs, final, strict=True)])
            figures.update({
                "temperature": temperature, "threshold": threshold,
                "rules_accuracy": round(float(mask[cal][np.arange(len(final)),
                                                        rules[cal]].mean()), 4),
                "model_accuracy": round(float(right.mean()), 4),
                "reliability": reliability(conf, right),
                "per_label": _per_label(final, rules[cal], mask[cal]),
                "by_source": {s: {"n": int(sel.sum()),
                                  "rules": round(float(mask[cal][sel][np.arange(sel.sum()),
                                                                     rules[cal][sel]].mean()), 4),
                                  "model": round(float(right[sel].mean()), 4)}
                              for s in sorted({e.source for e in examples})
                              for sel in [np.array([e.source == s for e, c in
                                                    zip(examples, cal, strict=True) if c])]
                              if sel.any()},
            })
        w = fit(x, mask, weights, l2)
    sources = Counter(ex.source for ex in examples)
    meta = json.dumps({"examples": len(examples), "sources": dict(sorted(sources.items())),
                       "l2": l2, "dim": DIM, "calibration": figures}, sort_keys=True)
    model = TypeModel(w.astype(np.float32), CLASSES, temperature, threshold, meta)
    return TrainResult(model, len(examples), figures)
