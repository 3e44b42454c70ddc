"""Figures side by side and corroboration."""

from datetime import date

from tests.support.claims import info

from sitroom.merge.corroboration import corroborate
from sitroom.merge.figures import is_disputed, reconcile, reconcile_all
from sitroom.model import CrowdSize, OutletFigures

D1, D2 = date(2020, 10, 6), date(2020, 10, 7)


def test_fatalities_lowest_reported():
    r = reconcile([(3, D1), (5, D1), (4, D1)], "fatalities")
    assert (r.value, r.low, r.high) == (3, 3, 5)
    assert not r.disputed  # gap 2 < 3


def test_updating_toll_takes_the_latest_day():
    r = reconcile([(1, D1), (3, D2), (4, D2)], "fatalities")
    assert r.value == 3 and r.low == 1 and r.high == 4


def test_single_late_report_is_not_an_update():
    r = reconcile([(1, D1), (9, D2)], "fatalities")
    assert r.value == 1 and r.disputed


def test_disputed_rules():
    assert is_disputed(2000, 5000, "crowd_size")
    assert not is_disputed(1, 2, "fatalities")
    assert not is_disputed(2000, 2400, "crowd_size")
    assert is_disputed(0, 10, "arrests")


def _fig(cid, rid, fat=0, crowd=None, arrests=None):
    return OutletFigures(claim_id=cid, report_id=rid, outlet=rid, bloc=None, fatalities=fat,
                         arrests=arrests, crowd_size=crowd)


def test_reconcile_all_ignores_unmentioned_fatalities_and_ranges_crowds():
    figs = [_fig("a", "r1", 0, CrowdSize(2000, 2000)), _fig("b", "r2", 2, CrowdSize(5000, None)),
            _fig("c", "r3", 0, arrests=12)]
    out = reconcile_all(figs, {})
    assert out["fatalities"].value == 2
    assert out["crowd_size"].low == 2000 and out["crowd_size"].high == 5000
    assert out["crowd_size"].value == 2000 and out["crowd_size"].disputed
    assert out["arrests"].value == 12 and out["injuries"] is None


def test_no_figures_at_all():
    out = reconcile_all([_fig("a", "r1")], {})
    assert out["fatalities"].value == 0 and out["crowd_size"] is None


def test_copies_and_owner_groups_count_once():
    infos = {
        "r1": info("r1", "wire", "western"),
        "r2": info("r2", "portal", "domestic", near_duplicate_of="r1"),
        "r3": info("r3", "state-tv", "domestic", group="state"),
        "r4": info("r4", "state-radio", "domestic", group="state"),
    }
    c = corroborate(["r1", "r2", "r3", "r4"], infos, ["domestic", "russian", "western"])
    assert c.independent_outlets == 2
    assert c.outlets == ("portal", "state-radio", "state-tv", "wire")
    assert c.blocs == ("domestic", "western")
    assert c.silent_blocs == ("russian",)
    assert not c.single_source and not c.tip_only


def test_single_source_and_tip_only():
    infos = {"t1": info("t1", None, None, kind="tip"), "t2": info("t2", None, None, kind="tip")}
    one = corroborate(["t1"], infos)
    assert one.single_source and one.tip_only
    two = corroborate(["t1", "t2"], infos)
    assert two.independent_outlets == 2 and two.tip_only and not two.single_source
    copy = corroborate(["r1", "r2"], {"r1": info("r1", "a"), "r2": info("r2", "a")})
    assert copy.single_source
