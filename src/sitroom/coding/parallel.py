"""Coding on several processes: batches go to forked workers, claims come back in order.

Each document is coded on its own (the coder keeps no state between documents), so the claims do
not depend on how many processes ran or how the documents were batched. With N processes the
parent codes every N-th batch itself and N-1 forked workers code the rest, so N processes are all
there is (one fewer copy of the models' working memory). Workers are forked, so they share the
models the parent already loaded; a small input (one batch) is coded in the parent alone, since
starting a worker would cost more than it saves. At most two batches per process are in flight,
so a long stream of stored reports is never read into memory at once.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitroom.model import Claim, Document

BatchCoder = Callable[[list[Document]], Iterable[list[Claim]]]

_WORKER_CODE: BatchCoder | None = None  # the parent's batch coder, inherited by forked workers


def usable_processes(wanted: int) -> int:
    """Processes worth starting: at most ``wanted``, at most the cores this process may use."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(wanted, cores))


def _code_in_worker(batch: list[Document]) -> list[list[Claim]]:
    assert _WORKER_CODE is not None, "worker started without a coder"
    return [list(claims) for claims in _WORKER_CODE(batch)]


def code_in_processes(code_batch: BatchCoder, docs: Iterable[Document], processes: int,
                      batch_size: int, before_fork: Callable[[], object] | None = None
                      ) -> Iterator[list[Claim]]:
    """The claims of each document in input order, batches coded by ``processes`` workers.

    ``before_fork`` runs once, only when workers are about to start (to load shared models).
    """
    global _WORKER_CODE
    batches = _batches(docs, batch_size)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None or processes <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for batch in itertools.chain([first], [second] if second else [], batches):
            yield from code_batch(batch)
        return
    if before_fork is not None:
        before_fork()
    _WORKER_CODE = code_batch
    try:
        with multiprocessing.get_context("fork").Pool(processes - 1) as pool:
            pending: deque[Any] = deque()
            for i, batch in enumerate(itertools.chain([first, second], batches)):
                if i % processes == processes - 1:  # the parent codes its share meanwhile
                    pending.append(_Done([list(c) for c in code_batch(batch)]))
                else:
                    pending.append(pool.apply_async(_code_in_worker, (batch,)))
                while pending and (pending[0].ready() or len(pending) > 2 * processes):
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _WORKER_CODE = None


class _Done:
    """A batch the parent coded itself, shaped like a worker's pending result."""

    def __init__(self, claims: list[list[Claim]]):
        self.claims = claims

    def ready(self) -> bool:
        return True

    def get(self) -> list[list[Claim]]:
        return self.claims


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(itertools.islice(it, size)):
        yield batch
