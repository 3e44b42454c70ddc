"""Re-coding the demo's unchanged reports, with or without ``--case``, changes nothing."""

from __future__ import annotations

import shutil

from sitroom.cli import main
from sitroom.store import open_store


def _state(url: str):
    with open_store(url) as store:
        claims = sorted(store.iter_claims(), key=lambda c: c.id)
        events = sorted(store.list_events(), key=lambda e: e.id)
    return claims, [(e.id, e.claim_ids, e.event_type, e.sub_event_type, e.political_event,
                     e.event_date, e.status) for e in events]


def _run(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_recode_with_and_without_case_writes_nothing_and_events_stay(demo, tmp_path, capsys):
    db, _ = demo
    copy = tmp_path / "recode.sqlite"
    shutil.copy(db, copy)
    url = f"sqlite:///{copy}"
    claims, events = _state(url)
    for extra in ((), ("--case", "kyrgyzstan-2020")):
        said = _run(capsys, "--db", url, "recode", *extra)
        assert ": 0 new claims, 0 errors" in said, said
        _run(capsys, "--db", url, "merge")
        assert _state(url) == (claims, events)


def test_one_report_never_backs_two_events_of_one_turn(demo):
    db, summary = demo
    with open_store(f"sqlite:///{db}") as store:
        claims = {c.id: c for c in store.iter_claims()}
    seen: dict[tuple, str] = {}
    for e in summary.events:
        if not e.political_event:
            continue
        for doc in {claims[c].doc_id for c in e.claim_ids}:
            key = (doc, e.political_event, e.actor1 or e.actor2, e.event_date)
            assert key not in seen, f"{doc} backs {seen[key]} and {e.id}"
            seen[key] = e.id
