"""Merge quality floors on gold/merge/pairs.jsonl; a drop below them fails CI."""

from pathlib import Path

from sitroom.merge.evaluate import evaluate_merge

GOLD = Path(__file__).resolve().parents[2] / "gold" / "merge" / "pairs.jsonl"
FLOORS = {"pairwise_precision": 0.9, "pairwise_recall": 0.9, "pairwise_f1": 0.9,
          "bcubed_f1": 0.95}


def test_merge_scores_stay_above_floors():
    scores = evaluate_merge(GOLD)
    assert scores["groups"] >= 20
    low = {k: scores[k] for k, floor in FLOORS.items() if scores[k] < floor}
    assert not low, f"merge below floors {low}; wrong groups: {scores['groups_wrong']}"
