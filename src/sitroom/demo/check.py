"""How well the demo's coded and merged events match the events the corpus really describes.

``expected_events.yaml`` lists each real event with the sample reports that tell it. An expected
event is *found* when a stored event holds a claim from one of those reports, within a day of the
true date, of the same kind (crisis turn, ACLED sub-event type, or PLOVER type for a statement);
a multi-report event is *merged* when one such stored event holds claims from two or more of its
reports. Pure scoring over plain values; the runner and the tests read the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from sitroom.model import Claim, Event


@dataclass(frozen=True)
class DemoScore:
    expected: int
    found: int
    multi_report: int
    merged: int
    missing: tuple[str, ...]

    def line(self) -> str:
        """One line for the demo summary."""
        return (f"against the corpus's {self.expected} real events: {self.found} found, "
                f"{self.merged} of {self.multi_report} told by several reports merged into one")


@cache
def expected_events() -> tuple[dict[str, Any], ...]:
    """The corpus's true events, as written in expected_events.yaml."""
    text = resources.files("sitroom.demo").joinpath("expected_events.yaml").read_text("utf-8")
    return tuple(yaml.safe_load(text)["events"])


def corpus_id(url: str) -> str:
    """The corpus id of a served page (its file name)."""
    return url.rsplit("/", 1)[-1].removesuffix(".html")


def same_kind(expected: Mapping[str, Any], event: Event) -> bool:
    """Does a stored event say the same kind of thing happened as the expected one?"""
    turn = expected.get("political_event")
    if turn:
        return event.political_event == turn
    sub = expected.get("sub_event_type")
    if sub and sub != "Other":
        return event.sub_event_type == sub
    if not expected.get("event_type"):
        return event.plover_type == expected.get("plover_type")
    return event.event_type == expected.get("event_type")


def score_demo(events: Iterable[Event], claims: Mapping[str, Claim],
               corpus_ids: Mapping[str, str]) -> DemoScore:
    """Score stored events; ``corpus_ids`` maps stored report ids to corpus ids."""
    events = list(events)
    found = merged = multi = 0
    missing = []
    for exp in expected_events():
        want = set(exp["reports"])
        day: date = exp["event_date"]
        best = 0
        hit = False
        for ev in events:
            if ev.event_date is None or abs((ev.event_date - day).days) > 1:
                continue
            told = {corpus_ids.get(claims[c].doc_id) for c in ev.claim_ids if c in claims}
            overlap = len(told & want)
            if overlap and same_kind(exp, ev):
                hit = True
                best = max(best, overlap)
        found += hit
        if not hit:
            missing.append(exp["key"])
        if len(want) >= 2:
            multi += 1
            merged += best >= 2
    return DemoScore(len(expected_events()), found, multi, merged, tuple(missing))
