"""The shipped gold files keep the promises made about them (coverage, languages, splits)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from sitroom.coding.typing.vocabulary import POLITICAL_EVENTS, SUB_EVENT_TYPES
from sitroom.evaluation import load_gold

GOLD = Path(__file__).resolve().parents[2] / "gold"


@pytest.fixture(scope="module")
def own():
    return load_gold(GOLD / "sitroom_gold.jsonl")


def test_own_gold_size_languages_and_split(own):
    langs = Counter(d.lang for d in own)
    assert len(own) >= 400
    assert langs["ru"] / len(own) >= 0.25
    assert langs["ky"] >= 20
    test_share = sum(d.split == "test" for d in own) / len(own)
    assert 0.25 <= test_share <= 0.35


def test_own_gold_covers_every_sub_event_type_and_the_extension(own):
    subs = Counter(e.get("sub_event_type") for d in own for e in d.events)
    thin = {s: subs[s] for s in SUB_EVENT_TYPES if subs[s] < 8}
    assert not thin, f"sub-event types with fewer than 8 examples: {thin}"
    pes = {e.get("political_event") for d in own for e in d.events}
    core = set(POLITICAL_EVENTS) - {"election_postponed"}
    assert core <= pes, f"extension types missing: {core - pes}"
    traps = sum(1 for d in own if not d.events)
    assert traps >= 60
    assert sum(1 for d in own if len({e.get("iso3") for e in d.events}) >= 2) >= 5  # digests


def test_every_own_line_is_a_labelled_sample():
    for line in (GOLD / "sitroom_gold.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        assert obj["sample"] is True and "written for sitroom" in obj["note"], obj["id"]


def test_seed_note_and_plover_gold_load():
    seed = load_gold(GOLD / "seed_note.jsonl")
    assert len(seed) == 1 and seed[0].published.isoformat() == "2020-10-11"
    owners = {e.get("target_owner_iso3") for e in seed[0].events}
    assert {"RUS", "CHN"} <= owners and "CAN" not in owners  # the untouched mine is a trap
    raw = json.loads((GOLD / "seed_note.jsonl").read_text(encoding="utf-8"))
    assert raw["ties"]["actors"] and raw["ties"]["ties"]
    plover = load_gold(GOLD / "plover_gsr.jsonl")
    assert len(plover) == 322 and all(d.events[0].get("plover_type") for d in plover)
    assert (GOLD / "PLOVER_LICENSE.md").read_text(encoding="utf-8").count("CC BY-SA 4.0") >= 1
