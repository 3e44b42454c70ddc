"""Indicator rules in hypotheses.yaml: good ones load (and survive the store), bad ones are
refused with file, line and reason."""

from __future__ import annotations

import pytest

from sitroom.cases import load_case, validate_case
from sitroom.errors import CaseError
from sitroom.model import IndicatorRule

CASE_YAML = "name: testland-2021\ntitle: A test crisis\ncountries: [KGZ]\npopulation: 1000\n"


def write_case(root, hypotheses_yaml: str):
    """A case folder with a case.yaml and this hypotheses.yaml."""
    folder = root / "case"
    folder.mkdir(exist_ok=True)
    (folder / "case.yaml").write_text(CASE_YAML, encoding="utf-8")
    (folder / "hypotheses.yaml").write_text(hypotheses_yaml, encoding="utf-8")
    return folder

GOOD = """\
hypotheses:
  - key: h
    title: H
    indicators:
      - plain text stays text
      - text: crowds large
        rule: {indicator: mobilisation_ratio, above: 0.001}
        otherwise: I
      - text: spread
        rule: {spread_admin1: {min: 3}}
      - text: releases
        rule: {political_event: release_from_custody}
        rating: CC
      - text: attacks on Chinese property by rioters
        rule: {event_type: [Riots], target_owner_iso3: CHN, min_outlets: 2}
"""


def _hypothesis(tmp_path, text=GOOD):
    return load_case(write_case(tmp_path, hypotheses_yaml=text)).hypotheses[0]


def test_rules_load_beside_their_texts(tmp_path):
    h = _hypothesis(tmp_path)
    assert h.indicators == ("plain text stays text", "crowds large", "spread", "releases",
                            "attacks on Chinese property by rioters")
    assert h.rules == (
        IndicatorRule(1, "case", (("indicator", "mobilisation_ratio"), ("above", 0.001)),
                      "C", "I"),
        IndicatorRule(2, "case", (("indicator", "spread_admin1"), ("min", 3))),
        IndicatorRule(3, "event", (("political_event", ("release_from_custody",)),), "CC"),
        IndicatorRule(4, "event", (("event_type", ("Riots",)), ("target_owner_iso3", ("CHN",)),
                                   ("min_outlets", 2))),
    )


def test_rules_survive_the_store(tmp_path, store):
    case = load_case(write_case(tmp_path, hypotheses_yaml=GOOD))
    store.save_case(case)
    assert store.list_hypotheses(case.name) == list(case.hypotheses)
    assert store.get_case(case.name).hypotheses == case.hypotheses


def test_the_shipped_case_has_rules_for_every_hypothesis():
    case = load_case("kyrgyzstan-2020")
    assert all(h.rules for h in case.hypotheses)
    assert any(r.scope == "case" and dict(r.test)["indicator"] == "mobilisation_ratio"
               for h in case.hypotheses for r in h.rules)


def _indicator(entry: str) -> str:
    return "hypotheses:\n  - key: h\n    title: H\n    indicators:\n" + entry


BAD = [
    ("      - text: x\n        rule: {indicator: happiness, above: 1}\n", 6,
     "hypotheses[0].indicators[0].rule.indicator", "unknown indicator 'happiness'"),
    ("      - text: x\n        rule: {indicator: killed, above: many}\n", 6,
     "hypotheses[0].indicators[0].rule.above", "must be a number"),
    ("      - text: x\n        rule: {indicator: killed, around: 3}\n", 6,
     "hypotheses[0].indicators[0].rule.around", "unknown bound 'around'"),
    ("      - text: x\n        rule: {indicator: killed}\n", 6,
     "hypotheses[0].indicators[0].rule", "needs a bound"),
    ("      - text: x\n        rule: {political_event: coup_detat}\n", 6,
     "hypotheses[0].indicators[0].rule.political_event", "unknown political_event 'coup_detat'"),
    ("      - text: x\n        rule: {event_type: Riot}\n", 6,
     "hypotheses[0].indicators[0].rule.event_type", "unknown event_type 'Riot'"),
    ("      - text: x\n        rule: {target_owner_iso3: XXX}\n", 6,
     "hypotheses[0].indicators[0].rule.target_owner_iso3", "unknown target_owner_iso3 'XXX'"),
    ("      - text: x\n        rule: {colour: red}\n", 6,
     "hypotheses[0].indicators[0].rule.colour", "unknown rule key 'colour'"),
    ("      - text: x\n        rule: {min_crowd: lots}\n", 6,
     "hypotheses[0].indicators[0].rule.min_crowd", "takes a whole number"),
    ("      - text: x\n\n        rule: {political_event: resignation}\n        rating: VC\n", 8,
     "hypotheses[0].indicators[0].rating", "unknown rating 'VC'"),
    ("      - text: x\n        rule: {political_event: resignation}\n        otherwise: I\n", 7,
     "hypotheses[0].indicators[0].otherwise", "case indicator rules only"),
    ("      - text: x\n", 5, "hypotheses[0].indicators[0].rule", "missing required field"),
    ("      - rule: {political_event: resignation}\n", 5,
     "hypotheses[0].indicators[0].text", "needs its text"),
    ("      - text: x\n        rule: [1, 2]\n", 6, "hypotheses[0].indicators[0].rule",
     "a rule is a mapping"),
    ("      - 42\n", 5, "hypotheses[0].indicators[0]", "expected text or a mapping"),
]


@pytest.mark.parametrize(("entry", "line", "field", "words"), BAD, ids=[b[3] for b in BAD])
def test_bad_rules_are_refused_with_file_line_and_reason(tmp_path, entry, line, field, words):
    folder = write_case(tmp_path, hypotheses_yaml=_indicator(entry))
    problems = validate_case(folder)
    assert problems, "expected a problem"
    first = problems[0]
    assert first.file == str(folder / "hypotheses.yaml")
    assert (first.line, first.field) == (line, field), str(first)
    assert words in str(first)
    with pytest.raises(CaseError, match=r"hypotheses\.yaml:\d+: "):
        load_case(folder)


def test_a_store_from_before_the_analysis_migration_is_upgraded(tmp_path, store_url):
    """A database written by the previous sitroom (no rules column, no analysis tables)."""
    from sitroom.store import open_store
    from sitroom.store.migrations import LATEST, MIGRATIONS, _analysis_tables

    number = next(n for n, _, apply in MIGRATIONS if apply is _analysis_tables)
    with open_store(store_url) as store:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE hypotheses DROP COLUMN rules")
            conn.exec_driver_sql("DROP TABLE evidence_notes")
            conn.exec_driver_sql("DROP TABLE rating_decisions")
            conn.exec_driver_sql(f"DELETE FROM schema_version WHERE version >= {number}")
        assert store.schema_version() == number - 1
    case = load_case(write_case(tmp_path, hypotheses_yaml=GOOD))
    with open_store(store_url) as store:
        assert store.schema_version() == LATEST
        store.save_case(case)
        assert store.get_case(case.name).hypotheses == case.hypotheses
        assert store.list_evidence_notes() == [] and store.list_rating_decisions() == []
