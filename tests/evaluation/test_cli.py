"""`sitroom eval` end to end with a stand-in coder: table, JSON, floors check and update."""

from __future__ import annotations

import io
import json

import pytest

from sitroom.cli import Context, build_parser
from sitroom.settings import load_settings

LINE = {"id": "d1", "text": "On 3 May 2021, police arrested 12 protesters in Lagos.",
        "published": "2021-05-04", "lang": "en",
        "events": [{"sub_event_type": "Arrests", "event_date": "2021-05-03", "iso3": "NGA",
                    "arrests": 12, "fatalities": 0}]}


class _Coder:
    def __init__(self, arrests):
        self.arrests = arrests

    def code(self, doc):
        return [{"event_type": "Strategic developments", "sub_event_type": "Arrests",
                 "event_date": "2021-05-03", "iso3": "NGA", "arrests": self.arrests,
                 "fatalities": 0}]


def run(argv, monkeypatch, arrests=12):
    import sitroom.evaluation.runner as runner

    monkeypatch.setattr(runner, "default_coder", lambda actors=(), ties=(): _Coder(arrests))
    out, err = io.StringIO(), io.StringIO()
    args = build_parser().parse_args(argv)
    ctx = Context(settings=load_settings({}, environ={}), out=out, err=err)
    return args.handler(args, ctx), out.getvalue(), err.getvalue()


@pytest.fixture
def gold(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    return p


def test_table_and_json(gold, monkeypatch):
    code, out, _ = run(["eval", str(gold)], monkeypatch)
    assert code == 0 and "arrests" in out and "100.0%" in out
    code, out, _ = run(["eval", str(gold), "--mistakes", "5"], monkeypatch, arrests=10)
    assert "d1 [en/dev]" in out and "arrests: gold 12 got 10" in out
    code, out, _ = run(["eval", str(gold), "--format", "json"], monkeypatch)
    data = json.loads(out)
    assert data["by_file"]["g.jsonl"]["headline"]["event_f1"] == 1.0


def test_floors_update_then_check_fails_on_a_drop(gold, tmp_path, monkeypatch):
    floors = tmp_path / "floors.json"
    code, _, err = run(["eval", str(gold), "--update-floors", str(floors)], monkeypatch)
    assert code == 0 and "floors written" in err
    pinned = json.loads(floors.read_text())["floors"]["g.jsonl"]
    assert pinned["event_f1"] == 0.0  # one gold and one predicted event: two items of slack
    code, _, err = run(["eval", str(gold), "--check-floors", str(floors)], monkeypatch)
    assert code == 0 and "hold" in err
    code, _, err = run(["eval", str(gold), "--check-floors", str(floors)], monkeypatch,
                       arrests=None)
    assert code == 0  # arrests is not a headline figure, so no floor guards it
    bad = {"tolerance": 0.01, "floors": {"g.jsonl": {"event_f1": 1.01}}}
    floors.write_text(json.dumps(bad))
    code, _, err = run(["eval", str(gold), "--check-floors", str(floors)], monkeypatch)
    assert code == 1 and "below its floor" in err


def test_merge_gold_is_handed_to_the_merge_evaluator_or_reported_missing(tmp_path, monkeypatch):
    p = tmp_path / "merge.jsonl"
    p.write_text(json.dumps({"kind": "merge", "id": "m1", "claims": []}) + "\n")
    code, out, _ = run(["eval", str(p)], monkeypatch)
    # the real merge evaluator refuses a group without "events": reported, not a crash
    assert code == 0 and "merge gold merge.jsonl: error=" in out
