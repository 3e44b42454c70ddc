"""Running a coder over gold files and scoring what it says: ``evaluate``."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sitroom.errors import InputError
from sitroom.evaluation.gold import GoldDoc, load_gold
from sitroom.evaluation.report import EvalReport
from sitroom.evaluation.scoring import DocResult, aggregate, score_doc
from sitroom.model import Document, ErrorRecord


class CoderLike(Protocol):
    """Anything with the Coder's ``code``: a document in, claims (or contract dicts) out."""

    def code(self, doc: Document) -> Sequence[Any]: ...


def default_coder(actors: Sequence[Any] = (), ties: Sequence[Any] = (),
                  learned: bool = True) -> CoderLike:
    """The project's coder (with a case's actors and dated roles; ``learned=False``: its rules
    alone), imported only when needed."""
    try:
        from sitroom.coding import Coder
    except ImportError as exc:
        raise InputError(f"the coder (sitroom.coding.Coder) is not available: {exc}") from exc
    return Coder(actors, ties=ties, learned=learned)


def as_contract(pred: Any) -> dict[str, Any]:
    """A prediction as a contract dict: a Claim via ``contract_dict``, a mapping as it is."""
    if isinstance(pred, Mapping):
        return dict(pred)
    if hasattr(pred, "contract_dict"):
        return pred.contract_dict()
    raise TypeError(f"cannot score a prediction of type {type(pred).__name__}")


def _merge_results(paths: Iterable[str]) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """Each merge gold file's figures, or the error that stopped it."""
    from sitroom.merge.evaluate import evaluate_merge

    out = []
    for path in paths:
        try:
            result = evaluate_merge(path)
        except Exception as exc:  # a broken merge gold file is reported, not fatal to the run
            out.append((Path(path).name, (("error", f"{type(exc).__name__}: {exc}"),)))
            continue
        out.append((Path(path).name, tuple(sorted(result.items()))))
    return tuple(out)


def _group(results: Sequence[DocResult], key: Callable[[DocResult], str]):
    groups: dict[str, list[DocResult]] = defaultdict(list)
    for r in results:
        groups[key(r)].append(r)
    return tuple((k, aggregate(v)) for k, v in sorted(groups.items()))


def evaluate(
    gold_path: str | Path | Sequence[str | Path],
    coder: CoderLike | None = None,
    *,
    split: str | None = None,
) -> EvalReport:
    """Code every gold document with ``coder`` (the project's Coder by default) and score it.

    A document the coder fails on is recorded as an error and scored with no predictions.
    """
    paths = [gold_path] if isinstance(gold_path, str | Path) else list(gold_path)
    docs: list[GoldDoc] = []
    merge_paths: list[str] = []
    for p in paths:
        for d in load_gold(p):
            if d.kind == "merge":
                if str(p) not in merge_paths:
                    merge_paths.append(str(p))
            elif split is None or d.split == split:
                docs.append(d)
    if docs and coder is None:
        coder = default_coder()
    started = time.perf_counter()
    results, errors = [], []
    for d in docs:
        preds: list[dict[str, Any]] = []
        error = ""
        try:
            preds = [as_contract(c) for c in coder.code(d.document())]  # type: ignore[union-attr]
        except Exception as exc:  # one failed document is a recorded error
            error = f"{type(exc).__name__}: {exc}"
            errors.append(ErrorRecord(stage="code", source=f"{Path(d.path).name}:{d.id}",
                                      message=error, at=datetime.now(UTC),
                                      kind=type(exc).__name__))
        results.append(score_doc(d, preds, error))
    seconds = time.perf_counter() - started
    return EvalReport(
        gold_paths=tuple(str(p) for p in paths),
        overall=aggregate(results),
        by_file=_group(results, lambda r: Path(r.path).name),
        by_lang=_group(results, lambda r: r.lang),
        by_split=_group(results, lambda r: r.split),
        by_set=_group(results, lambda r: r.group),
        real_test_by_file=_group([r for r in results if r.dataset and r.split == "test"],
                                 lambda r: f"{Path(r.path).name} [test]"),
        docs=tuple(results),
        errors=tuple(errors),
        merge=_merge_results(merge_paths),
        split=split,
        seconds=seconds,
        coder_version=str(getattr(coder, "version", "") or ""),
    )
