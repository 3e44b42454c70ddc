"""Coding on two processes gives the very claims of one process, in the same order."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from sitroom.cli import Context, build_parser
from sitroom.coding.coder import WORKER_BATCH
from sitroom.coding.parallel import code_in_processes, usable_processes
from sitroom.model import Document
from sitroom.settings import Settings

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "gold" / "sitroom_gold.jsonl"


def _pids(batch: list[Document]) -> list[list[tuple[str, int]]]:
    return [[(doc.id, os.getpid())] for doc in batch]  # stands in for claims: who coded what


def test_batches_go_to_two_processes_and_come_back_in_order() -> None:
    if usable_processes(2) < 2:
        pytest.skip("one core only")
    docs = [Document(f"d{i}", "text", date(2020, 1, 1)) for i in range(50)]
    loaded: list[int] = []
    out = [r[0] for r in code_in_processes(_pids, docs, 2, 4, lambda: loaded.append(1))]
    assert loaded == [1]  # models load once, in the parent, before the fork
    assert [doc_id for doc_id, _ in out] == [d.id for d in docs]
    assert len({pid for _, pid in out}) == 2
    assert os.getpid() in {pid for _, pid in out}  # the parent codes its share


def test_one_batch_is_coded_here_without_a_worker() -> None:
    docs = [Document(f"d{i}", "text", date(2020, 1, 1)) for i in range(3)]
    out = [r[0] for r in code_in_processes(_pids, docs, 2, 4, lambda: pytest.fail("forked"))]
    assert {pid for _, pid in out} == {os.getpid()}
    assert list(code_in_processes(_pids, [], 2, 4)) == []


def _code(path: Path, processes: int) -> str:
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(settings=Settings(coding_processes=processes), out=out, err=err)
    ns = build_parser().parse_args(["code", "--jsonl", str(path)])
    assert ns.handler(ns, ctx) == 0, err.getvalue()
    return out.getvalue()


@pytest.mark.slow
def test_sitroom_code_output_is_identical_on_one_and_two_processes(tmp_path) -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    picked = rows[::max(1, len(rows) // (3 * WORKER_BATCH))][:3 * WORKER_BATCH]
    assert {r.get("lang") for r in picked} >= {"en", "ru"}
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({k: r[k] for k in ("id", "text", "published", "lang")
                                        if k in r}) + "\n" for r in picked), encoding="utf-8")
    one, two = _code(path, 1), _code(path, 2)
    assert one.count("\n") >= 20  # the documents report events
    assert two == one
