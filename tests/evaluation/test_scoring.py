"""Matching and scoring on hand-made predictions: each test can fail if the scoring is wrong."""

from __future__ import annotations

import json

import pytest

from sitroom.errors import InputError
from sitroom.evaluation import aggregate, evaluate, headline, score_doc
from sitroom.evaluation.gold import load_gold, parse_gold_line
from sitroom.evaluation.matching import actor_match, assign, match_events
from sitroom.evaluation.scoring import MISSING, weighted_f1
from sitroom.model import Claim, CrowdSize


def gold(events, **kw):
    line = {"id": "d1", "text": "sample", "lang": "en", "published": "2021-05-04",
            "events": events, **kw}
    return parse_gold_line(line, "t")


PROTEST = {"event_type": "Protests", "sub_event_type": "Peaceful protest",
           "event_date": "2021-05-03", "iso3": "NGA",
           "location": "Lagos", "actor1": "Protesters (Nigeria)", "fatalities": 0,
           "crowd_size": {"min": 200, "max": 200, "text": "200"}}
ARREST = {"event_type": "Strategic developments", "sub_event_type": "Arrests",
          "event_date": "2021-05-03", "iso3": "KEN",
          "location": "Nairobi", "arrests": 12, "actor1": "Police Forces of Kenya (2013-2022)"}


def test_assign_finds_the_optimal_not_the_greedy_pairing():
    # greedy would take (0,0)=0.1 then (1,1)=0.9: total 1.0; optimal is (0,1)+(1,0) = 0.4
    cost = [[0.1, 0.2], [0.2, 0.9]]
    assert assign(cost) == [(0, 1), (1, 0)]
    assert assign([[0.5, 0.1, 0.3]]) == [(0, 1)]
    assert assign([[0.5], [0.1], [0.3]]) == [(1, 0)]


def test_digest_events_pair_by_country_and_type_whatever_the_order():
    doc = gold([PROTEST, ARREST])
    preds = [dict(ARREST, actor1="Police Forces of Kenya"), dict(PROTEST)]
    m = match_events(doc.events, preds)
    assert [(g, p) for g, p, _ in m] == [(0, 1), (1, 0)]
    r = score_doc(doc, preds)
    assert r.counts.matched == 2 and r.counts.f1 == 1.0
    assert all(ok for pair in r.pairs for _, ok in pair.hits)


def test_single_event_document_pairs_its_event_with_the_closest_prediction():
    doc = gold([PROTEST])
    wrong = {"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence",
             "event_date": "2019-01-01", "iso3": "SYR", "location": "Idlib"}
    r = score_doc(doc, [wrong, dict(PROTEST, location="Abuja")])
    assert [(p.gold_index, p.pred_index) for p in r.pairs] == [(0, 1)]
    assert r.spurious == ("Air/drone strike",)
    alone = aggregate([score_doc(doc, [wrong])])
    assert alone.events.matched == 1 and alone.field("sub_event_type") == 0.0


def test_unrelated_prediction_is_spurious_and_gold_missed():
    doc = gold([PROTEST, ARREST])
    pred = {"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence",
            "event_date": "2019-01-01", "iso3": "SYR", "location": "Idlib"}
    r = score_doc(doc, [pred])
    assert r.counts.matched == 0
    assert r.missed == ("Peaceful protest", "Arrests") and r.spurious == ("Air/drone strike",)
    assert r.counts.precision == 0 and r.counts.recall == 0 and r.counts.f1 == 0


def test_non_event_trap_scores_precision_only():
    trap = gold([])
    assert score_doc(trap, []).counts.f1 == 1.0
    r = score_doc(trap, [dict(PROTEST)])
    assert r.counts.predicted == 1 and r.counts.f1 == 0.0
    s = aggregate([r])
    assert (MISSING, "Peaceful protest", 1) in s.confusion
    assert s.sub_event_weighted_f1 is None  # no gold sub-event types at all


def test_matched_weighted_f1_leaves_misses_out():
    docs = [gold([PROTEST]), gold([ARREST]), gold([ARREST])]
    preds = [[dict(PROTEST)], [dict(ARREST)], []]
    s = aggregate(score_doc(d, p) for d, p in zip(docs, preds, strict=True))
    assert s.sub_event_matched_weighted_f1 == 1.0
    assert s.sub_event_weighted_f1 == pytest.approx((1 * 1.0 + 2 * (2 / 3)) / 3)


def test_field_accuracy_counts_only_annotated_fields_and_is_exact():
    doc = gold([{"sub_event_type": "Attack", "fatalities": 3, "event_date": "2021-05-03",
                 "iso3": "NGA"}])
    pred = {"sub_event_type": "Attack", "event_type": "Violence against civilians",
            "fatalities": 4, "event_date": "2021-05-03", "iso3": "NGA", "location": "Kano"}
    s = aggregate([score_doc(doc, [pred])])
    assert s.field("fatalities") == 0.0
    assert s.field("sub_event_type") == 1.0
    assert s.field("event_type") == 1.0  # filled in from sub_event_type by the gold reader
    assert s.field("location") is None  # not annotated, not scored


def test_claims_are_scored_through_their_contract_dict():
    from datetime import date

    claim = Claim(doc_id="d1", event_date=date(2021, 5, 3), time_precision=1,
                  event_type="Protests", sub_event_type="Peaceful protest", iso3="NGA",
                  country="Nigeria", location="Lagos", actor1="Protesters (Nigeria)",
                  crowd_size=CrowdSize(190, 250, "about 200"))
    s = aggregate([score_doc(gold([PROTEST]), [claim.contract_dict()])])
    assert s.field("event_date") == 1.0 and s.field("crowd_size") == 1.0  # 190 within 10 %
    far = claim.contract_dict() | {"crowd_size": {"min": 100, "max": 100, "text": "100"}}
    assert aggregate([score_doc(gold([PROTEST]), [far])]).field("crowd_size") == 0.0


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Police Forces of Kenya (2013-2022)", "Police Forces of Kenya", True),
    ("Sadyr Japarov", "Japarov", True),
    ("Protesters (Nigeria)", "protesters", True),
    ("Protesters (Nigeria)", "Rioters (Nigeria)", False),
    ("Police Forces of Kyrgyzstan (2017-2020)", "Police", False),
    ("Military Forces of Sudan", "Rapid Support Forces", False),
    ("Constitutional Court of Malawi", "Malawi's Constitutional Court", True),
    ("Sudan's government", "Government of Sudan", True),
])
def test_actor_match(a, b, same):
    assert actor_match(a, b) is same


def test_weighted_f1_weights_by_gold_support_and_counts_misses():
    pairs = [("Attack", "Attack")] * 3 + [("Arrests", MISSING)] + [(MISSING, "Attack")]
    # Attack: tp 3, fp 1, fn 0 -> 6/7; Arrests: 0; weights 3 and 1
    assert weighted_f1(pairs) == pytest.approx((3 * 6 / 7) / 4)
    assert weighted_f1([("—", "—")]) is None


def test_gold_reader_refuses_unknown_vocabulary():
    with pytest.raises(InputError, match="sub_event_type"):
        gold([{"sub_event_type": "Riot"}])
    with pytest.raises(InputError, match="not under"):
        gold([{"event_type": "Protests", "sub_event_type": "Attack"}])
    with pytest.raises(InputError, match="inter1"):
        gold([{"inter1": 9}])


def test_gold_file_line_that_is_not_an_object_names_its_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "d1", "text": "sample", "lang": "en"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:2: a gold line must be a JSON object"):
        load_gold(path)
    path.write_text('{"id": "d1", "text": "sample", "lang": "en"}\n', encoding="utf-8")
    assert [(d.id, d.path) for d in load_gold(path)] == [("d1", str(path))]


class _FakeCoder:
    """Hand-made predictions keyed by document id; raises on one to test error recording."""

    def __init__(self, table):
        self.table = table

    def code(self, doc):
        if doc.id == "boom":
            raise RuntimeError("coder fell over")
        return self.table.get(doc.id, [])


def test_evaluate_end_to_end_with_splits_languages_and_a_failing_document(tmp_path):
    lines = [
        {"id": "dev-1", "text": "s", "lang": "en", "published": "2021-05-04", "events": [PROTEST]},
        {"id": "test-1", "text": "s", "lang": "ru", "published": "2021-05-04", "events": [ARREST]},
        {"id": "boom", "text": "s", "lang": "en", "split": "test", "events": [ARREST]},
        {"id": "trap", "text": "s", "lang": "en", "events": []},
    ]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    coder = _FakeCoder({"dev-1": [PROTEST], "test-1": [dict(ARREST, arrests=10)],
                        "trap": [ARREST]})
    rep = evaluate(path, coder)
    h = rep.headline()
    assert rep.overall.events.gold == 3 and rep.overall.events.predicted == 3
    assert h["event_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert rep.overall.field("arrests") == 0.0
    assert len(rep.errors) == 1 and "coder fell over" in rep.errors[0].message
    assert dict(rep.by_split)["test"].docs == 2 and dict(rep.by_lang)["ru"].docs == 1
    dev = evaluate(path, coder, split="dev")
    assert dev.overall.docs == 2 and headline(dev.overall)["event_precision"] == 0.5


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Khan Sheikhoun", "Khān Shaykhūn", True),
    ("Timbuktu", "Tombouctou", True),
    ("Bishkek", "Бишкек", True),
    ("Osh", "Ош", True),
    ("Kyiv City", "Kyiv", True),
    ("Daraa", "Dar‘ā", True),
    ("North Kivu", "Nord Kivu", True),
    ("South Darfur", "Southern Darfur", True),
    ("Saint Petersburg", "St.-Petersburg", True),
    ("Kabardino-Balkaria", "Kabardino-Balkariya Republic", True),
    ("Bogota", "Bogota D.C.", True),
    ("Aghdam", "Ağdam", True),
    ("Capital District", "Capital", False),
    ("North Kivu", "South Kivu", False),
    ("Kano", "Kona", False),
    ("Bishkek", "Aalen", False),
    ("Beni", "Bunia", False),
])
def test_place_match_tolerates_transliteration_not_other_places(a, b, same):
    from sitroom.evaluation.matching import place_match

    assert place_match(a, b) is same


def test_actor_match_reads_names_in_parentheses_but_not_other_countries():
    assert actor_match("Ansar Allah", "Houthi Movement (Ansar Allah)")
    assert not actor_match("Protesters (Nigeria)", "Protesters (Kenya)")
    assert actor_match("Police Forces of Kenya (2013-2022)", "Police Forces of Kenya (2022-)")


def test_political_turns_of_one_day_pair_by_their_political_event():
    base = {"event_type": "Strategic developments", "sub_event_type": "Other",
            "event_date": "2022-01-05", "iso3": "KAZ", "actor1": "Government of Kazakhstan"}
    soe = dict(base, political_event="state_of_emergency", plover_type="COERCE")
    res = dict(base, political_event="resignation", plover_type="CONCEDE")
    doc = gold([soe, res])
    r = score_doc(doc, [dict(res, location="Astana"), dict(soe, location="Almaty")])
    assert [(p.gold_index, p.pred_index) for p in r.pairs] == [(0, 1), (1, 0)]
