"""The faction picture: camps computed from dated ties, day by day (pure, no store)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from sitroom.cases import load_case
from sitroom.errors import AnalysisError
from sitroom.model import Actor, Case, ProposedTie, Tie
from sitroom.present.factions import (
    picture_json,
    picture_text,
    summary_lines,
    write_picture_graphml,
)
from sitroom.watch.actor_names import find_actor
from sitroom.watch.factions import effective_ties, faction_picture
from sitroom.watch.profiles import actor_profile

D = date.fromisoformat
NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def kg() -> Case:
    return load_case("kyrgyzstan-2020")


def _offices(picture, actor):
    return {t.relation for c in picture.camps for t in c.offices if t.source == actor}


def test_roles_change_day_by_day(kg):
    """A prisoner on the 5th, prime minister on the 14th, acting president on the 16th."""
    on5, on14, on16 = (faction_picture(kg, D(f"2020-10-{d:02}")) for d in (5, 14, 16))
    assert any(t.source == "japarov" and t.relation == "imprisoned" for t in on5.ties)
    assert "prime_minister" not in _offices(on5, "japarov")
    assert on5.government.leader == "jeenbekov"
    assert "prime_minister" in _offices(on14, "japarov")
    assert not any(t.source == "japarov" and t.relation == "imprisoned" for t in on14.ties)
    assert on14.government.leader == "jeenbekov"
    assert on14.camp_of("japarov").side == "opposition"
    assert on16.government.leader == "japarov"
    assert {"acting_president", "prime_minister"} <= _offices(on16, "japarov")
    assert on16.camp_of("jeenbekov").side != "government"


def test_opposition_camps_and_their_leaders(kg):
    p = faction_picture(kg, D("2020-10-07"))
    assert p.government.name == "Government (Sooronbay Jeenbekov)"
    opposition = {c.leader: c for c in p.opposition}
    assert set(opposition) == {"japarov", "madumarov"}
    assert {"ata-meken", "respublika", "coordination-council"} <= set(
        opposition["madumarov"].members)
    assert "tashiev" in opposition["japarov"].leaders
    assert "government" in opposition["japarov"].opposes
    # the second council opposed Japarov, not the president: a camp of its own, not opposition
    second = p.camp_of("second-coordination-council")
    assert second.side == "other" and opposition["japarov"].key in second.opposes


def test_foreign_states_and_how_they_are_involved(kg):
    p = faction_picture(kg, D("2020-10-10"))
    ways = {i.actor: i for i in p.foreign}
    assert "base" in ways["russia"].ways
    base = next(t for t in ways["russia"].ties if t.relation == "hosts_base")
    assert base.start == D("2003-10-23") and "Kant" in base.note and base.sources
    assert "ownership" in ways["canada"].ways
    assert {t.target for t in ways["canada"].holdings} == {"kumtor-gold-company", "kumtor-mine"}
    assert {t.target for t in ways["china"].holdings} == {"ishtamberdy-mine"}
    # the US base at Manas closed in 2014: not in force in 2020
    assert "base" not in next((i.ways for i in p.foreign if i.actor == "usa"), ())
    # states are listed before the companies of their country
    kinds = [next(a.kind for a in kg.actors if a.key == i.actor) for i in p.foreign]
    assert kinds.index("company") > kinds.index("foreign-state")


def test_before_the_case_starts_the_picture_is_empty(kg):
    p = faction_picture(kg, D("2019-06-01"))
    assert p.before_start and not p.camps and not p.foreign and not p.ties
    assert "before the case starts" in picture_text(p)
    assert picture_json(p)["camps"] == []
    # and far after it, nothing breaks either
    assert faction_picture(kg, D("2030-01-01")).government is not None


def _case(ties, actors=None) -> Case:
    actors = actors or [
        Actor("head", "Head", "person", country="AAA"),
        Actor("pm", "Premier", "person", country="AAA"),
        Actor("rival", "Rival", "person", country="AAA"),
        Actor("party", "Party", "party", country="AAA"),
        Actor("office", "Office", "state-body", country="AAA"),
        Actor("ministry", "Ministry", "state-body", country="AAA"),
        Actor("police", "Police", "state-body", country="AAA"),
        Actor("ally", "Ally State", "foreign-state", country="BBB"),
    ]
    return Case("t", "T", ("AAA",), start=D("2020-01-01"), actors=tuple(actors),
                ties=tuple(ties))


def test_the_rule_on_a_made_up_country():
    """Components over alignment, opposes separates, custody aligns no one, state bodies join
    the government unless their camp opposes it, an end is the first day without the tie."""
    case = _case([
        Tie("head", "president", "office", start=D("2020-01-01"), end=D("2020-03-01")),
        Tie("pm", "prime_minister", "ministry", start=D("2020-01-01")),
        Tie("rival", "leads", "party"),
        Tie("rival", "imprisoned", "police", end=D("2020-02-01")),
        Tie("rival", "opposes", "head"),
        Tie("ally", "backed_by", "rival"),
        Tie("ally", "supports", "rival"),
    ])
    jan = faction_picture(case, D("2020-01-15"))
    assert jan.government.leader == "head"
    assert set(jan.government.members) >= {"head", "office", "ministry", "pm", "police"}
    rival = jan.camp_of("rival")
    assert rival.side == "opposition" and rival.members == ("rival", "party")
    assert rival.backers == ("ally",)
    # from 1 March the president's office ends: the prime minister heads the government
    march = faction_picture(case, D("2020-03-01"))
    assert march.government.leader == "pm"
    assert march.camp_of("head") is None and "head" in march.unaligned
    assert faction_picture(case, D("2020-02-29")).government.leader == "head"


def test_an_opposition_holding_a_ministry_keeps_it():
    case = _case([
        Tie("head", "president", "office"),
        Tie("rival", "acting_minister", "police"),
        Tie("rival", "opposes", "head"),
    ])
    p = faction_picture(case, D("2020-05-01"))
    assert "police" in p.camp_of("rival").members and p.camp_of("rival").side == "opposition"


def test_opposes_inside_one_camp_is_reported():
    case = _case([Tie("head", "president", "office"), Tie("rival", "member_of", "party"),
                  Tie("head", "leads", "party"), Tie("rival", "opposes", "head")])
    assert faction_picture(case, D("2020-05-01")).conflicts == (
        "rival opposes head though both are in one camp",)


def test_accepted_proposals_add_ties_and_close_roles():
    case = _case([Tie("head", "president", "office", start=D("2020-01-01"))])
    add = ProposedTie("tie-a", "t", "ally", "supports", "head", D("2020-02-01"),
                      status="accepted", event_ids=("ev-1",), report_ids=("r1",))
    end = ProposedTie("tie-b", "t", "head", "president", "office", D("2020-01-01"),
                      end=D("2020-04-01"), ends=True, status="accepted", event_ids=("ev-2",))
    undecided = ProposedTie("tie-c", "t", "ally", "opposes", "head", D("2020-02-01"))
    ties = effective_ties(case.ties, [add, end, undecided])
    assert [(t.relation, t.origin) for t in ties] == [("president", "case"),
                                                       ("supports", "accepted")]
    assert ties[0].end == D("2020-04-01") and ties[0].ended_by == "tie-b"
    feb = faction_picture(case, D("2020-02-15"), [add, end])
    assert feb.government.backers == ("ally",)
    assert faction_picture(case, D("2020-04-01"), [add, end]).government is not None
    assert "head" not in faction_picture(case, D("2020-04-01"), [add, end]).government.leaders


def test_unknown_actor_lists_known_ones(kg):
    assert find_actor(kg.actors, "Zhaparov").key == "japarov"
    assert find_actor(kg.actors, "Жээнбеков").key == "jeenbekov"
    with pytest.raises(AnalysisError, match=r"unknown actor 'Nobody'.*japarov"):
        find_actor(kg.actors, "Nobody")


def test_actor_page_roles_over_time_and_camps(kg):
    page = actor_profile(kg, "Japarov", until=D("2020-10-20"))
    assert [t.relation for t in page.roles] == ["imprisoned", "prime_minister",
                                                "acting_president", "president"]
    sides = [(s.start, s.side) for s in page.camps]
    assert (D("2020-10-06"), "opposition") in sides
    assert sides[-1][1] == "government"


def test_text_json_and_graphml(kg):
    p = faction_picture(kg, D("2020-10-12"))
    text = picture_text(p)
    assert "GOVERNMENT: Government (Sooronbay Jeenbekov)" in text
    assert "OPPOSITION: Sadyr Japarov camp" in text
    assert "Russia: base" in text and "hosts a base of — Russia (since 2003-10-23" in text
    data = json.loads(json.dumps(picture_json(p), default=str))
    assert data["government"] == "government" and data["as_of"] == "2020-10-12"
    out = io.StringIO()
    n = write_picture_graphml(p, out)
    root = ET.fromstring(out.getvalue().encode("utf-8"))  # well-formed, namespaced
    keys = {k.get("id") for k in root.iter(f"{NS}key")}
    nodes = {n.get("id") for n in root.iter(f"{NS}node")}
    edges = list(root.iter(f"{NS}edge"))
    assert n == len(edges) > 20
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    assert all(d.get("key") in keys for d in root.iter(f"{NS}data"))
    japarov = next(x for x in root.iter(f"{NS}node") if x.get("id") == "japarov")
    values = {d.get("key"): d.text for d in japarov.iter(f"{NS}data")}
    assert values["n_side"] == "opposition" and values["n_camp"] == "camp:japarov"


def test_a_state_body_joining_the_government_brings_its_quarrels():
    """The ministry's camp opposes the rival: once it joins the government, so does the
    government (opposition is computed after the state bodies are placed)."""
    case = _case([
        Tie("head", "president", "office"),
        Tie("pm", "prime_minister", "ministry"),
        Tie("pm", "opposes", "rival"),
        Tie("rival", "leads", "party"),
    ])
    p = faction_picture(case, D("2020-05-01"))
    assert "pm" in p.government.members
    assert p.camp_of("rival").side == "opposition"
    assert p.camp_of("rival").key in p.government.opposes


def test_undecided_proposals_count_only_when_asked_and_rejected_never():
    case = _case([Tie("head", "president", "office")])
    undecided = ProposedTie("tie-u", "t", "ally", "supports", "head", D("2020-02-01"))
    rejected = ProposedTie("tie-r", "t", "ally", "backed_by", "rival", D("2020-02-01"),
                           status="rejected")
    plain = faction_picture(case, D("2020-03-01"), [undecided, rejected])
    assert plain.government.backers == () and not any(t.proposal_id for t in plain.ties)
    shown = faction_picture(case, D("2020-03-01"), [undecided, rejected], with_proposed=True)
    assert shown.government.backers == ("ally",)
    assert [(t.proposal_id, t.origin) for t in shown.ties if t.proposal_id] == [
        ("tie-u", "proposed")]
    assert "[proposed tie-u]" in picture_text(shown)


def test_undecided_offices_and_endings_never_redraw_the_government():
    case = _case([Tie("head", "president", "office")])
    office = ProposedTie("tie-o", "t", "rival", "president", "office", D("2020-02-01"))
    ending = ProposedTie("tie-e", "t", "head", "president", "office", None, end=D("2020-02-01"),
                         ends=True)
    p = faction_picture(case, D("2020-03-01"), [office, ending], with_proposed=True)
    assert p.government.leader == "head" and not any(t.proposal_id for t in p.ties)


def test_summary_lines_for_a_situation_report(kg):
    lines = summary_lines(faction_picture(kg, D("2020-10-12")))
    assert lines[0].startswith("Government: Government (Sooronbay Jeenbekov), led by Sooronbay "
                               "Jeenbekov (Sooronbay Jeenbekov president of Office of the "
                               "President of Kyrgyzstan since 2017-11-24)")
    assert any(x.startswith("Opposition: Sadyr Japarov camp, led by Sadyr Japarov") for x in lines)
    assert "Canada: ownership — owns through Centerra Gold: Kumtor gold mine" in lines
    russia = next(x for x in lines if x.startswith("Russia: "))
    assert "Government of Kyrgyzstan hosts a base of Russia from 2003-10-23" in russia
    assert summary_lines(faction_picture(kg, D("2019-01-01"))) == [
        "2019-01-01: before the case starts."]
