"""Merge: claims into events, every outlet's figures side by side, corroboration, history.

types.py          ReportInfo, Constraints, MergeResult
compat.py         pairwise hard gates and structured similarity (pure)
encoder.py        multilingual evidence similarity (lazy model, cached per claim)
cluster.py        merge_claims / merge_incremental, EventIndex, MemoryEventIndex
build.py          one event from its claims (reconciled fields)
figures.py        figures side by side and the conservative reconciled range
corroboration.py  independent outlets, blocs reporting and silent, single-source, tip-only
edits.py          analyst operations and the constraints they leave
evaluate.py       pairwise and B-cubed scores against gold/merge
"""

from sitroom.merge.cluster import MemoryEventIndex, merge_claims, merge_incremental
from sitroom.merge.types import Constraints, MergeResult, ReportInfo

__all__ = [
    "Constraints",
    "MemoryEventIndex",
    "MergeResult",
    "ReportInfo",
    "merge_claims",
    "merge_incremental",
]
