"""Floors only go up; a drop below one is reported."""

from __future__ import annotations

import json

from sitroom.evaluation.floors import check_floors, lowered, raise_floors, read_floors, write_floors


def test_check_floors_reports_drops_and_missing_figures():
    floors = {"g.jsonl": {"event_f1": 0.8, "fatalities_exact": 0.9}}
    assert check_floors({"g.jsonl": {"event_f1": 0.81, "fatalities_exact": 0.95}}, floors) == []
    fails = check_floors({"g.jsonl": {"event_f1": 0.79}}, floors)
    assert len(fails) == 2 and "below" in fails[0] and "not measured" in fails[1]


def test_raise_floors_never_lowers_and_keeps_a_tolerance():
    old = {"g.jsonl": {"event_f1": 0.8, "event_type_acc": 0.5}}
    new = raise_floors({"g.jsonl": {"event_f1": 0.7, "event_type_acc": 0.9, "x": 0.3}}, old, 0.01)
    assert new["g.jsonl"] == {"event_f1": 0.8, "event_type_acc": 0.89, "x": 0.29}
    assert lowered(old, new) == []
    assert lowered(new, old)  # going back is a lowering (x removed)


def test_floors_file_round_trip(tmp_path):
    p = tmp_path / "floors.json"
    assert read_floors(p)["floors"] == {}
    write_floors(p, {"b": {"z": 0.1}, "a": {"y": 0.2}}, 0.02)
    data = json.loads(p.read_text())
    assert data == {"tolerance": 0.02, "floors": {"a": {"y": 0.2}, "b": {"z": 0.1}}}


def test_small_samples_get_room_for_two_items():
    new = raise_floors({"g": {"a": 0.9, "b": 0.9}}, {}, 0.01, {"g": {"a": 20, "b": 1000}})
    assert new["g"] == {"a": 0.8, "b": 0.89}
