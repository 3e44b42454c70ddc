"""One actor's page: roles over time, ties, its camp day by day, the events it took part in.

``actor_profile`` is what the web room's actor page and ``sitroom factions --actor`` show; it
reuses the faction rule (``factions.faction_picture``) on each day a tie starts or ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sitroom.model import Actor, Case, Claim, Event, ProposedTie, _Plain
from sitroom.watch.actor_names import ActorIndex, find_actor
from sitroom.watch.factions import FactionTie, effective_ties, faction_picture, is_role


@dataclass(frozen=True)
class CampSpell(_Plain):
    """From ``start`` (to the next spell) the actor was in this camp (None: unaligned)."""

    start: date
    camp: str | None
    side: str | None
    name: str | None


@dataclass(frozen=True)
class ActorProfile(_Plain):
    """An actor's page: roles over time, every tie, its camps day by day, its events."""

    actor: Actor
    roles: tuple[FactionTie, ...]
    ties: tuple[FactionTie, ...]
    camps: tuple[CampSpell, ...]
    event_ids: tuple[str, ...]


def actor_profile(case: Case, actor: str, proposals: Iterable[ProposedTie] = (),
                  events: Iterable[Event] = (), claims: Mapping[str, Claim] | None = None,
                  until: date | None = None) -> ActorProfile:
    """Roles over time, ties, camp by day (case start to ``until`` or end) and events."""
    a = find_actor(case.actors, actor)
    proposals = list(proposals)
    events = list(events)
    claims = claims or {}
    ties = [t for t in effective_ties(case.ties, proposals) if a.key in (t.source, t.target)]
    ties.sort(key=lambda t: (t.start or date.min, t.relation))
    roles = tuple(t for t in ties if is_role(t.relation) and t.source == a.key)
    index = ActorIndex.build(case.actors, case.countries)
    mine = []
    for e in events:
        named = {index.resolve(e.actor1, e.inter1), index.resolve(e.actor2, e.inter2),
                 index.resolve(e.assoc_actor_1), index.resolve(e.assoc_actor_2)}
        if a.key not in named:
            named |= {m.actor for c in e.claim_ids if c in claims
                      for m in index.mentions(claims[c].evidence)}
        if a.key in named:
            mine.append(e)
    mine.sort(key=lambda e: (e.event_date or date.min, e.id))
    spells: list[CampSpell] = []
    last = until or case.end or max((e.event_date for e in events if e.event_date),
                                    default=case.start)
    if case.start and last:
        days = sorted({case.start, *(d for t in effective_ties(case.ties, proposals)
                                     for d in (t.start, t.end) if d and case.start < d <= last)})
        for day in days:
            pic = faction_picture(case, day, proposals)
            c = pic.camp_of(a.key)
            spell = CampSpell(day, c.key if c else None, c.side if c else None,
                              c.name if c else None)
            if not spells or (spells[-1].camp, spells[-1].side) != (spell.camp, spell.side):
                spells.append(spell)
    return ActorProfile(a, roles, tuple(ties), tuple(spells), tuple(e.id for e in mine))
