"""The real-text gold (gold/real/): its split, its mapping, and how its extra fields are scored."""

from __future__ import annotations

import importlib.util
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.evaluation import load_gold
from sitroom.evaluation.gold import parse_gold_line
from sitroom.evaluation.runner import evaluate
from sitroom.evaluation.scoring import score_doc
from sitroom.evaluation.sidebyside import format_reliability, format_side_by_side

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "gold" / "real"


def _builder():
    spec = importlib.util.spec_from_file_location("build_real", ROOT / "gold" / "build_real.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name,size", [("mass_mobilization.jsonl", 3758),
                                       ("ucdp_ged.jsonl", 3274)])
def test_real_gold_loads_with_a_fixed_test_share_per_country(name, size):
    docs = load_gold(REAL / name)
    assert len(docs) == size and all(d.dataset for d in docs)
    assert all(d.country is None for d in docs)  # no country hint for the coder
    share = sum(d.split == "test" for d in docs) / len(docs)
    assert 0.28 <= share <= 0.32
    by_country = Counter((d.events[0].get("iso3"), d.split) for d in docs)
    kgz_or_syr = "KGZ" if name.startswith("mass") else "SYR"
    n_test, n_dev = by_country[(kgz_or_syr, "test")], by_country[(kgz_or_syr, "dev")]
    assert abs(n_test / (n_test + n_dev) - 0.3) < 0.02  # stratified by country


def test_split_is_a_pure_function_of_the_ids():
    build = _builder()
    lines = [{"id": f"x{i}", "dataset": "mm", "group": "A"} for i in range(20)]
    again = [dict(d) for d in reversed(lines)]
    build.assign_splits(lines)
    build.assign_splits(again)
    assert {d["id"]: d["split"] for d in lines} == {d["id"]: d["split"] for d in again}
    assert sum(d["split"] == "test" for d in lines) == 6


def test_mm_mapping_scores_only_what_the_labels_determine():
    build = _builder()
    rec = {"id": "mm-1", "text": "about 2,000 people marched in osh; police dispersed them.",
           "labels": {"country": "Kyrgyzstan", "location": "Osh", "end_date": "2020-10-06",
                      "protesterviolence": 0, "participants_raw": "2000",
                      "state_responses": ["crowd dispersal"]}}
    ev = build.convert_mm(rec)["events"][0]
    assert ev == {"event_type": "Protests", "sub_event_type": "Protest with intervention",
                  "iso3": "KGZ", "location": "Osh", "fatalities": 0,
                  "crowd_size": {"min": 2000, "max": None, "text": "2000"}}
    rec["text"] = "thousands rallied; two protesters were killed."
    rec["labels"].update(protesterviolence=1, participants_raw="5000")
    ev = build.convert_mm(rec)["events"][0]
    assert ev["sub_event_type"] == "Violent demonstration"
    assert "fatalities" not in ev and "crowd_size" not in ev and "location" not in ev


def test_type_sets_and_fatality_ranges_are_scored():
    doc = parse_gold_line({"id": "u1", "text": "Shelling kills 4 in Idlib", "lang": "en",
                           "events": [{"event_type": ["Battles", "Explosions/Remote violence"],
                                       "fatalities": 5, "fatalities_range": [3, 6]}]})
    pred = {"event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "fatalities": 4}
    hits = dict(score_doc(doc, [pred]).pairs[0].hits)
    assert hits == {"event_type": True, "fatalities": False, "fatalities_range": True}
    hits = dict(score_doc(doc, [{**pred, "event_type": "Protests", "fatalities": 7}]).pairs[0].hits)
    assert hits == {"event_type": False, "fatalities": False, "fatalities_range": False}
    with pytest.raises(InputError):
        parse_gold_line({"id": "u2", "text": "x", "lang": "en",
                         "events": [{"event_type": ["Battles", "Nonsense"]}]})
    with pytest.raises(InputError):
        parse_gold_line({"id": "u3", "text": "x", "lang": "en",
                         "events": [{"fatalities_range": [5, 2]}]})


class _Coder:
    def code(self, doc):
        return [{"event_type": "Protests", "sub_event_type": "Peaceful protest",
                 "iso3": "KGZ", "fatalities": 0, "confidence": 0.9}]


def test_side_by_side_table_and_floor_keys(tmp_path):
    own = tmp_path / "own.jsonl"
    own.write_text(json.dumps({"id": "o1", "text": "A rally.", "lang": "en", "split": "test",
                               "events": [{"sub_event_type": "Peaceful protest"}]}) + "\n")
    real = tmp_path / "real.jsonl"
    lines = [{"id": f"r{i}", "text": "a rally", "lang": "en", "dataset": "mm",
              "split": "test" if i % 2 else "dev",
              "events": [{"sub_event_type": "Violent demonstration" if i == 3 else
                          "Peaceful protest", "iso3": "KGZ"}]} for i in range(4)]
    real.write_text("".join(json.dumps(x) + "\n" for x in lines))
    report = evaluate([own, real], _Coder())
    table = format_side_by_side(report)
    assert "| measure | own gold | own test | real dev | real test |" in table
    assert "| event type accuracy | 100.0% | 100.0% | 100.0% | 50.0% |" in table
    assert set(report.headlines_by_file()) == {"own.jsonl", "real.jsonl [test]"}
    assert "0.9-1.0" in format_reliability(report)
    out = io.StringIO()
    print(format_side_by_side(evaluate([own], _Coder())), file=out)
    assert out.getvalue().strip() == ""  # no real text, no side-by-side table
