"""The sample corpus: enough reports, three languages, every one labelled, sample outlets only."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest
import yaml

from sitroom.cases import load_case
from sitroom.demo.corpus import EXPECTED_FILE, load_corpus, load_sample_outlets


def test_size_languages_and_timeline():
    corpus = load_corpus()
    samples = [r for r in corpus if r.sample]
    assert len(samples) >= 40
    langs = Counter(r.lang for r in samples)
    assert langs["en"] >= 10 and langs["ru"] >= 10 and langs["ky"] >= 4
    assert all(date(2020, 10, 4) <= r.day <= date(2020, 10, 16) for r in corpus)
    assert len({r.day for r in corpus}) >= 10  # spread over the timeline


def test_every_report_is_labelled_and_only_the_seed_is_real():
    corpus = load_corpus()
    outlets = {o.key: o for o in load_sample_outlets()}
    real = [r for r in corpus if not r.sample]
    assert [r.id for r in real] == ["seed-kuqe-2020-10-11"]
    assert real[0].author == "F. U. Kuqe" and "REVOLUTION IN KYRGYZSTAN" in real[0].text
    for r in corpus:
        assert outlets[r.outlet].sample is r.sample, r.id


def test_outlets_are_samples_mirroring_every_bloc_and_never_real_names():
    outlets = [o for o in load_sample_outlets() if o.sample]
    assert {o.bloc for o in outlets} >= {"domestic", "russian", "chinese", "western", "regional"}
    real_names = {o.name.casefold() for o in load_case("kyrgyzstan-2020").outlets}
    for o in outlets:
        assert o.name.startswith("Sample "), o.name
        assert o.name.casefold() not in real_names
        assert all(f.startswith("http://demo.invalid/") for f in o.feeds), o.key


def test_overlaps_of_real_coverage():
    corpus = {r.id: r for r in load_corpus()}
    copies = [r for r in corpus.values() if r.copy_of]
    assert len(copies) >= 2
    for copy in copies:
        original = corpus[copy.copy_of]
        assert copy.outlet != original.outlet
        assert original.text in copy.text  # a wire copy keeps the original's text
    # the same event with different figures
    assert "590" in corpus["s1006-state-white-house"].text
    assert "1,000" in corpus["s1006-western-seized"].text
    digest = corpus["s1011-almaty-digest"].text
    assert all(c in digest for c in ("Kyrgyzstan", "Belarus", "Nigeria"))


def test_windows_1251_outlet_text_is_encodable():
    served = [r for r in load_corpus() if r.outlet == "sample-moscow-daily"]
    assert served
    for r in served:
        assert (r.title + r.text).encode("windows-1251").decode("windows-1251") == r.title + r.text


def test_expected_events_refer_to_corpus_reports():
    from sitroom.coding.typing.vocabulary import ACLED_TYPES, PLOVER_TYPES, POLITICAL_EVENTS

    ids = {r.id for r in load_corpus()}
    data = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))
    covered: set[str] = set(data["non_events"])
    keys = set()
    for event in data["events"]:
        assert event["key"] not in keys
        keys.add(event["key"])
        assert set(event["reports"]) <= ids, event["key"]
        covered |= set(event["reports"])
        assert set(event.get("figures", {})) <= set(event["reports"]), event["key"]
        assert date(2020, 10, 4) <= event["event_date"] <= date(2020, 10, 16)
        if event.get("event_type"):
            assert event["sub_event_type"] in ACLED_TYPES[event["event_type"]], event["key"]
        if event.get("political_event"):
            assert event["political_event"] in POLITICAL_EVENTS, event["key"]
        assert event["plover_type"] in PLOVER_TYPES, event["key"]
    assert covered == ids, sorted(ids - covered)
    kinds = {e.get("political_event") for e in data["events"]}
    assert {"foreign_government_statement", "state_of_emergency", "release_from_custody",
            "resignation", "results_annulled"} <= kinds
    assert any(e.get("target_owner_iso3") for e in data["events"])


def test_an_entry_without_its_outlet_is_a_clear_error(tmp_path):
    """A corpus entry missing a required field names the report and the field, not a KeyError."""
    from sitroom.demo.corpus import _build
    from sitroom.errors import CaseError

    entry = {"id": "x1", "lang": "en", "title": "Sample", "text": "Sample text.",
             "published": datetime(2020, 10, 5, tzinfo=UTC), "_file": tmp_path / "day.yaml"}
    with pytest.raises(CaseError, match=r"'x1'.*missing fields \['outlet'\]"):
        _build(entry, {})
