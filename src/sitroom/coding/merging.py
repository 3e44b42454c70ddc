"""Event merging: drafts of one event told across neighbouring clauses become one event.

A follow-up clause ("five soldiers were killed", "police fired tear gas" after a protest) joins
the event just reported; a document that repeats a political turn codes it once. Pure functions
over the drafts of one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from sitroom.coding.drafts import Draft


@dataclass
class Event:
    """An event being assembled from drafts."""

    draft: Draft
    sentences: list[int]
    place: Any = None
    iso3: str | None = None


def _same_event(a: Event, b: Event) -> bool:
    """Whether two neighbouring events are the same one told twice (same kind, place, family)."""
    da, db = a.draft, b.draft
    if da.kind != db.kind or abs(a.sentences[-1] - b.sentences[0]) > 2:
        return False
    if getattr(a.place, "location", None) != getattr(b.place, "location", None) and (
        a.place is not None and b.place is not None
    ):
        return False
    if da.kind == "physical":
        fam = {"Protests", "Riots"}
        if da.sub_event_type == db.sub_event_type:
            return True
        return da.event_type in fam and db.event_type in fam
    if da.kind == "political":
        return da.political_event == db.political_event and (
            da.agent is None or db.agent is None or da.agent.name == db.agent.name)
    return False


_ORDER = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
          "Violent demonstration")


def merge(events: list[Event]) -> list[Event]:
    """Join drafts of one event across neighbouring sentences; attach bare casualty sentences."""
    out: list[Event] = []
    for ev in events:
        if ev.draft.kind == "weak":
            host = next((o for o in reversed(out) if o.draft.kind == "physical"
                         and 0 <= ev.sentences[0] - o.sentences[-1] <= 2), None)
            if host is not None and ev.sentences[0] not in host.sentences:
                host.sentences.append(ev.sentences[0])
            if host is not None and "dead" in ev.draft.cues:
                host.draft = _deadly(host.draft)
            continue
        host = _host_of(ev, out)
        if host is not None:
            _absorb(host, ev)
            continue
        prev = next((o for o in reversed(out) if o.draft.kind == ev.draft.kind), None)
        if prev is not None and ev.sentences[0] == prev.sentences[-1] and (
            ev.draft.kind == "physical" and ev.draft.owner_text == prev.draft.owner_text
        ):
            out.append(ev)
            continue
        if prev is not None and prev is out[-1] and _same_event(prev, ev):
            a, b = prev.draft, ev.draft
            sub = a.sub_event_type
            if a.kind == "physical" and a.sub_event_type in _ORDER and b.sub_event_type in _ORDER:
                sub = max(a.sub_event_type, b.sub_event_type, key=_ORDER.index)
            prev.draft = replace(a, sub_event_type=sub, agent=a.agent or b.agent,
                                 patient=a.patient or b.patient,
                                 cues=tuple(sorted(set(a.cues) | set(b.cues))),
                                 strength=min(0.95, max(a.strength, b.strength) + 0.05),
                                 owner_text=a.owner_text + " " + b.owner_text)
            for s in ev.sentences:
                if s not in prev.sentences:
                    prev.sentences.append(s)
            prev.place = prev.place or ev.place
            continue
        out.append(ev)
    # a document that repeats a political turn ("X resigned ... X's resignation") codes it once
    seen: set[tuple[Any, ...]] = set()
    final = []
    for ev in out:
        d = ev.draft
        if d.kind in ("political", "statement"):
            key = (d.kind, d.political_event, d.plover_type, d.agent.name if d.agent else None,
                   d.patient.name if d.patient else None, ev.iso3)
            if key in seen:
                continue
            seen.add(key)
        final.append(ev)
    return final


def _deadly(h: Draft) -> Draft:
    """Deaths told after a dispersal by state forces make it excessive force (ACLED)."""
    state = any(r is not None and r.kind == "state" for r in (h.agent, h.patient))
    if h.sub_event_type == "Protest with intervention" and "disperse" in h.cues and state:
        return replace(h, sub_event_type="Excessive force against protesters",
                       plover_type="ASSAULT")
    return h


_FOLLOW_UP = frozenset({"kill", "dead", "injure", "shoot", "arrest", "disperse", "attack", "clash",
                        "burn", "loot", "vandal", "stone", "storm", "barricade", "block"})


def _host_of(ev: Event, out: list[Event]) -> Event | None:
    """The earlier event a follow-up clause belongs to ("five soldiers were killed", "police
    fired tear gas" after a protest), or None when the clause reports an event of its own."""
    d = ev.draft
    if d.kind != "physical":
        return None
    host = next((o for o in reversed(out) if o.draft.kind == "physical"), None)
    if host is not None and _CLAIMED.search(d.clause) and ev.sentences[0] - host.sentences[-1] <= 2:
        return host  # "Islamic State claimed the attack": who did the event just told
    if not set(d.cues) <= _FOLLOW_UP:
        return None
    if host is None or ev.sentences[0] - host.sentences[-1] > 2:
        return None
    if host.place is not None and ev.place is not None and (
        getattr(host.place, "iso3", None) != getattr(ev.place, "iso3", None)
    ):
        return None
    h = host.draft
    agent = d.agent
    if agent is None or (h.agent is not None and agent.name == h.agent.name):
        return host
    if agent.kind == "state" and h.event_type in ("Protests", "Riots"):
        return host  # the police acting on the demonstration just reported
    if h.event_type == "Battles" and agent.armed:
        return host
    return None


_CLAIMED = re.compile(r"\bclaimed (?:responsibility|the attack|the bombing|it)\b|"
                      r"взял\w* на себя ответственность", re.I)


def _absorb(host: Event, ev: Event) -> None:
    """Join a follow-up clause to its event; a protest met by force is retyped accordingly."""
    h, d = host.draft, ev.draft
    sub = h.sub_event_type
    cues = set(d.cues)
    if h.event_type == "Protests":
        if d.sub_event_type in ("Violent demonstration",) and d.agent is None:
            sub = "Violent demonstration"
        elif cues & {"kill", "shoot"} and (d.agent is None or d.agent.kind == "state"):
            sub = "Excessive force against protesters"
        elif cues & {"disperse", "arrest", "attack", "injure"} and sub == "Peaceful protest":
            sub = "Protest with intervention"
    if _CLAIMED.search(d.clause) and d.agent is not None and d.agent.armed:
        h = replace(h, agent=d.agent)
    patient = h.patient
    if patient is None and d.agent is not None and d.agent.kind == "state" and h.event_type in (
        "Protests", "Riots"
    ):
        patient = d.agent
    host.draft = replace(h, sub_event_type=sub, patient=patient,
                         cues=tuple(sorted(set(h.cues) | cues)),
                         strength=min(0.95, h.strength + 0.05))
    if ev.sentences[0] not in host.sentences:
        host.sentences.append(ev.sentences[0])
    host.place = host.place or ev.place
