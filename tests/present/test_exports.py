"""Exports: ACLED's columns and formats, GeoJSON, JSONL provenance, GraphML; empty is valid."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from tests.support.claims import claim, info

from sitroom.merge.cluster import merge_claims
from sitroom.model import Actor, Tie
from sitroom.present.acled import COLUMNS, interaction
from sitroom.present.exports import (
    ExportQuery,
    select,
    write_acled_csv,
    write_geojson,
    write_jsonl,
)
from sitroom.present.graphml import write_graphml

NOW = datetime(2020, 10, 20, tzinfo=UTC)
INFOS = {"r1": info("r1", "sample-wire", "western"), "r2": info("r2", "sample-tv", "domestic"),
         "r3": info("r3", "sample-tv", "domestic")}
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
    "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)


def _events():
    claims = [
        claim("a", "r1", event_type="Protests", sub_event_type="Excessive force against protesters",
              actor1="Police Forces of Kyrgyzstan", inter1=1, actor2="Protesters (Kyrgyzstan)",
              inter2=6, fatalities=1, crowd_size=(2000, 2000)),
        claim("b", "r2", event_type="Protests", sub_event_type="Excessive force against protesters",
              actor1="Police Forces of Kyrgyzstan", inter1=1, actor2="Protesters (Kyrgyzstan)",
              inter2=6, fatalities=1, crowd_size=(5000, None)),
        claim("c", "r3", "2020-10-07", event_type=None, sub_event_type=None,
              plover_type="CONSULT", political_event="foreign_government_statement",
              actor1="Government of Russia", inter1=8, location=None, admin1=None,
              latitude=None, longitude=None, geo_precision=3),
    ]
    return list(merge_claims(claims, INFOS, watching_blocs=["domestic", "western", "russian"])
                .events_changed), {c.id: c for c in claims}


def test_acled_csv_columns_and_values():
    events, _ = _events()
    out = io.StringIO()
    assert write_acled_csv(events, out, exported=NOW) == 1  # the statement has no ACLED type
    text = out.getvalue()
    assert text.splitlines()[0] == ACLED_HEADER
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert tuple(row) == COLUMNS
    assert row["event_date"] == "2020-10-05" and row["year"] == "2020"
    assert row["disorder_type"] == "Political violence; Demonstrations"
    assert row["inter1"] == "State forces" and row["inter2"] == "Protesters"
    assert row["interaction"] == "State forces-Protesters"
    assert row["iso"] == "417" and row["region"] == "Caucasus and Central Asia"
    assert row["fatalities"] == "1" and row["source"] == "sample-tv; sample-wire"
    assert row["source_scale"] == "National-International"
    assert "crowd size=2000-5000" in row["tags"]
    assert row["event_id_cnty"].startswith("KGZ") and row["timestamp"] == str(int(NOW.timestamp()))


def test_interaction_names():
    assert interaction(6, None) == "Protesters only"
    assert interaction(6, 1) == "State forces-Protesters"
    assert interaction(None, None) == ""


def test_geojson_points_with_figures_and_corroboration():
    events, _ = _events()
    out = io.StringIO()
    assert write_geojson(events, out) == 1
    fc = json.loads(out.getvalue())
    (feat,) = fc["features"]
    assert fc["type"] == "FeatureCollection"
    assert feat["geometry"] == {"type": "Point", "coordinates": [74.59, 42.87]}
    props = feat["properties"]
    assert props["crowd_size"]["disputed"] is True
    assert props["corroboration"]["silent_blocs"] == ["russian"]
    assert len(props["figures"]) == 2


def test_jsonl_carries_claims_figures_and_history():
    events, claims = _events()
    out = io.StringIO()
    history = {e.id: [] for e in events}
    assert write_jsonl(events, out, claims=claims, history=history) == 2
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    protest = next(x for x in lines if len(x["claims"]) == 2)
    assert {c["id"] for c in protest["claims"]} == {"a", "b"}
    assert protest["outlets"] == ["sample-tv", "sample-wire"]
    assert [f["crowd_size"]["min"] for f in protest["figures"]] == [2000, 5000]


def test_select_filters():
    events, _ = _events()
    assert len(select(events, ExportQuery(since=date(2020, 10, 6)))) == 1
    assert len(select(events, ExportQuery(event_type="Protests"))) == 1
    assert len(select(events, ExportQuery(country="kgz", bloc="western"))) == 1
    assert select(events, ExportQuery(admin1="Osh")) == []


def test_empty_selection_is_a_valid_empty_file():
    out = io.StringIO()
    write_acled_csv([], out, exported=NOW)
    assert out.getvalue().strip() == ACLED_HEADER
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
    out = io.StringIO()
    write_jsonl([], out, claims={}, history={})
    assert out.getvalue() == ""
    out = io.StringIO()
    write_graphml([], [], out)
    root = ET.fromstring(out.getvalue().split("\n", 1)[1])
    assert root.find("{http://graphml.graphdrawing.org/xmlns}graph") is not None


def test_graphml_actors_and_dated_ties():
    actors = [Actor(key="japarov", name="Sadyr Japarov", kind="person", country="KGZ",
                    aliases=("Жапаров", "Zhaparov")),
              Actor(key="mekenchil", name="Mekenchil", kind="party")]
    ties = [Tie(source="japarov", relation="leads", target="mekenchil", start=date(2020, 10, 1),
                evidence=("report-1", "report-2")),
            Tie(source="japarov", relation="supports", target="unknown-group")]
    out = io.StringIO()
    assert write_graphml(actors, ties, out) == 2
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(out.getvalue().split("\n", 1)[1])
    nodes = root.findall("g:graph/g:node", ns)
    assert [n.get("id") for n in nodes] == ["japarov", "mekenchil", "unknown-group"]
    edge = root.find("g:graph/g:edge", ns)
    data = {d.get("key"): d.text for d in edge.findall("g:data", ns)}
    assert data == {"e_relation": "leads", "e_start": "2020-10-01",
                    "e_evidence": "report-1; report-2"}
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    assert keys["n_aliases"] == "aliases"
