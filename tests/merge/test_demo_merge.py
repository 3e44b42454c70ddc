"""The demo corpus: claims as the expected events describe them merge into exactly those events.

Each (expected event, report) pair of ``sitroom/demo/expected_events.yaml`` becomes one claim with
the event's fields and the report's own text as evidence, so this checks the merge alone, as if the
coder were perfect; the lead's end-to-end demo checks coder and merge together.
"""

from datetime import date
from pathlib import Path

import pytest
import yaml

import sitroom.demo
from sitroom.merge.cluster import merge_claims
from sitroom.merge.types import ReportInfo
from sitroom.model import Claim

EXPECTED = Path(sitroom.demo.__file__).with_name("expected_events.yaml")
FIELDS = ("event_type", "sub_event_type", "political_event", "plover_type", "actor1", "inter1",
          "actor2", "inter2", "admin1", "location", "geo_precision", "target_owner_iso3")


def _claims():
    from sitroom.demo.corpus import load_corpus, load_sample_outlets

    corpus = {r.id: r for r in load_corpus()}
    outlets = {o.key: o for o in load_sample_outlets()}
    events = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))["events"]
    claims, infos = [], {}
    for ev in events:
        for rid in ev["reports"]:
            r = corpus[rid]
            o = outlets.get(r.outlet)
            infos[rid] = ReportInfo(rid, r.outlet, o.bloc if o else None, o.group if o else "",
                                    "article", r.copy_of, r.lang, r.day)
            day = ev["event_date"]
            claims.append(Claim(
                doc_id=rid, event_date=day if isinstance(day, date) else date.fromisoformat(day),
                time_precision=ev.get("time_precision", 1), iso3=ev["iso3"], country=ev["iso3"],
                evidence=r.paragraphs[0][:300], confidence=0.8,
                id=f"{ev['key']}|{rid}", **{k: ev.get(k) for k in FIELDS},
            ))
    return claims, infos, events


@pytest.mark.slow
def test_demo_claims_merge_into_the_expected_events():
    claims, infos, events = _claims()
    result = merge_claims(claims, infos)
    got = sorted(sorted(e.claim_ids) for e in result.events_changed)
    want = sorted(sorted(f"{ev['key']}|{r}" for r in ev["reports"]) for ev in events)
    assert got == want
