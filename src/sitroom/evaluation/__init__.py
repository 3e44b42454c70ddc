"""Evaluation: score the coder on gold files, field by field, and guard the floors.

``evaluate(gold_path, coder) -> EvalReport`` matches each document's predicted events to its gold
events by optimal assignment, then scores event precision/recall/F1 and every annotated field.
"""

from __future__ import annotations

from sitroom.evaluation.floors import check_floors, raise_floors, read_floors, write_floors
from sitroom.evaluation.gold import GoldDoc, GoldEvent, load_gold
from sitroom.evaluation.report import EvalReport, format_table, headline
from sitroom.evaluation.runner import evaluate
from sitroom.evaluation.scoring import DocResult, Scores, aggregate, score_doc

__all__ = [
    "DocResult", "EvalReport", "GoldDoc", "GoldEvent", "Scores", "aggregate", "check_floors",
    "evaluate", "format_table", "headline", "load_gold", "raise_floors", "read_floors",
    "score_doc", "write_floors",
]
