"""The learned type classifier: decides ACLED type and sub-type where the rules are unsure.

A linear model (multinomial logistic regression over hashed word, character and document
features plus the rules' own reading, see ``features``) trained by ``sitroom train`` on
the development splits of the project's gold and of real text written by others. The rules keep
what they do well — whether an event happened, its figures, date, place and modality, political
events and statements; the model only re-types physical events, and only when its calibrated
probability reaches the threshold tuned on a development fold. A claim's ``confidence`` becomes
the model's calibrated probability that its type is right, so 0.8 means right about 8 times in 10.

The model ships in the package (``typing/data/type_model.npz``), is read on first use and never
downloaded; without it the rules' reading is kept unchanged.
"""

from __future__ import annotations

import functools
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from sitroom.coding.typing.features import DIM, ClaimView, featurise
from sitroom.coding.typing.vocabulary import EVENT_TYPE_OF, PLOVER_OF_EVENT_TYPE, SUB_EVENT_TYPES

NO_TYPE = "—"  # a class for events without an ACLED type (statements)
CLASSES: tuple[str, ...] = (*SUB_EVENT_TYPES, NO_TYPE)
MODEL_FILE = "type_model.npz"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries carry no clock time: same model, same bytes


@dataclass(frozen=True)
class TypeModel:
    """Weights, calibration temperature and decision threshold of the classifier."""

    weights: np.ndarray  # DIM x len(classes), float32
    classes: tuple[str, ...]
    temperature: float = 1.0
    threshold: float = 0.5
    meta: str = "{}"

    def probabilities(self, view: ClaimView) -> np.ndarray:
        """Calibrated class probabilities of one claim."""
        idx, vals = featurise(view)
        z = np.asarray(vals, dtype=np.float32) @ self.weights[idx]
        return softmax(z / self.temperature)

    def save(self, path: str | Path) -> None:
        """A compressed .npz whose bytes depend only on the model (no timestamps)."""
        arrays = {"weights": self.weights.astype(np.float16),
                  "classes": np.array(self.classes),
                  "calibration": np.array([self.temperature, self.threshold], dtype=np.float64),
                  "meta": np.array(self.meta)}
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, arr in arrays.items():
                buf = io.BytesIO()
                np.save(buf, arr, allow_pickle=False)
                info = zipfile.ZipInfo(f"{name}.npy", date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, buf.getvalue(), compresslevel=9)

    @classmethod
    def load(cls, path: str | Path | Any) -> TypeModel:
        """Read a model file written by ``save``."""
        with np.load(path, allow_pickle=False) as z:
            if z["weights"].shape[0] != DIM:
                raise ValueError(f"model has {z['weights'].shape[0]} features, expected {DIM}")
            t, th = (float(x) for x in z["calibration"])
            return cls(z["weights"].astype(np.float32), tuple(str(c) for c in z["classes"]),
                       t, th, str(z["meta"]))


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large logits."""
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


# Sub-types between which the training labels carry no evidence (GED codes both "state-based"):
# the model never overrules the rules' weapon words inside this group.
UNRESOLVED = frozenset(CLASSES.index(s) for s in SUB_EVENT_TYPES
                       if EVENT_TYPE_OF[s] in ("Battles", "Explosions/Remote violence"))


def choose(probs: np.ndarray, rule: int, threshold: float) -> int:
    """The final class: the model's when sure enough and it says something new, else the rules'."""
    best = int(np.argmax(probs))
    if best == rule or CLASSES[best] == NO_TYPE or probs[best] < threshold:
        return rule
    if best in UNRESOLVED and rule in UNRESOLVED:
        return rule
    return best


def confidence_of(probs: np.ndarray, final: int) -> float:
    """Calibrated probability that the final class is right.

    Inside the unresolved group the model only knows the group, so the group's total stands.
    """
    if final in UNRESOLVED:
        return float(sum(probs[i] for i in UNRESOLVED))
    return float(probs[final])


def rule_class(sub_event_type: str | None) -> int:
    """Index of the rules' sub-type among the classes (no ACLED type when unknown)."""
    return CLASSES.index(sub_event_type if sub_event_type in CLASSES else NO_TYPE)


@functools.cache
def shipped_model() -> TypeModel | None:
    """The model inside the package, read once per process (None when it is not there)."""
    ref = resources.files("sitroom.coding.typing") / "data" / MODEL_FILE
    if not ref.is_file():
        return None
    with ref.open("rb") as fh:
        return TypeModel.load(io.BytesIO(fh.read()))


def applies(claim: Any) -> bool:
    """The model re-types violence and protest events only: not statements, political or
    strategic developments."""
    return (getattr(claim, "event_type", None) in VIOLENT_FAMILIES
            and getattr(claim, "political_event", None) is None)


# Families the training data covers; Strategic developments (agreements, arrests, looting...)
# are too rare in it, so the rules keep them.
VIOLENT_FAMILIES = frozenset({"Battles", "Explosions/Remote violence",
                              "Violence against civilians", "Protests", "Riots"})


def _actors(claim: Any, sub: str) -> dict[str, Any]:
    """Default protest sides follow the new family: Protesters (X) <-> Rioters (X)."""
    out: dict[str, Any] = {}
    a1 = claim.actor1 or ""
    family = EVENT_TYPE_OF[sub]
    if family == "Riots" and a1.startswith("Protesters ("):
        out = {"actor1": "Rioters (" + a1[len("Protesters ("):], "inter1": 5}
    elif family == "Protests" and a1.startswith("Rioters ("):
        out = {"actor1": "Protesters (" + a1[len("Rioters ("):], "inter1": 6}
    return out


def retype(claims: Sequence[Any], document: str, model: TypeModel | None = None) -> list[Any]:
    """Claims with the model's type where it is sure enough, and calibrated confidence."""
    model = model or shipped_model()
    if model is None:
        return list(claims)
    out = []
    for c in claims:
        if not applies(c):
            out.append(c)
            continue
        probs = model.probabilities(ClaimView.of(c, document))
        rule = rule_class(c.sub_event_type)
        final = choose(probs, rule, model.threshold)
        label = model.classes[final]
        if final != rule:
            plover = c.plover_type
            if plover == PLOVER_OF_EVENT_TYPE.get(c.event_type or ""):
                plover = PLOVER_OF_EVENT_TYPE[EVENT_TYPE_OF[label]]
            c = replace(c, event_type=EVENT_TYPE_OF[label], sub_event_type=label,
                        plover_type=plover, **_actors(c, label))
        conf = confidence_of(probs, final) if final != rule_class(None) else c.confidence
        out.append(replace(c, confidence=round(min(0.99, max(0.01, conf)), 3)))
    return out


def describe(model: TypeModel) -> dict[str, Any]:
    """What the model file says about its training (data, counts, figures)."""
    return json.loads(model.meta)
