"""The faction stage against the store: load a case's events and decisions, run the pure rules.

``faction_picture_of``, ``propose``, ``decide`` and ``actor_profile_of`` are what the CLI, the web
room and the situation report call; the decisions themselves live in ``sitroom.watch``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitroom.model import Case, Claim, Event, ProposedTie
from sitroom.pipeline.analysis import resolve_case
from sitroom.store.api import Store
from sitroom.store.proposals import ProposalCounts
from sitroom.watch.factions import FactionPicture, faction_picture
from sitroom.watch.profiles import ActorProfile, actor_profile
from sitroom.watch.ties import propose_ties


@dataclass(frozen=True)
class FactionInputs:
    """Everything the faction rules read for one case."""

    case: Case
    events: tuple[Event, ...]
    claims: dict[str, Claim]
    proposals: tuple[ProposedTie, ...]

    @property
    def last_day(self) -> date | None:
        """The latest event date, else the case's end: the default ``--as-of``."""
        days = [e.event_date for e in self.events if e.event_date]
        return max(days) if days else self.case.end


def load_inputs(store: Store, case: str | None) -> FactionInputs:
    """The case, its events (rejected ones left out), their claims and the proposals."""
    c = resolve_case(store, case)
    events = tuple(e for e in store.list_events(case=c.name) if e.status != "rejected")
    claim_ids = [i for e in events for i in e.claim_ids]
    claims = {cl.id: cl for cl in store.get_claims(claim_ids)} if claim_ids else {}
    return FactionInputs(c, events, claims, tuple(store.list_proposals(case=c.name)))


def faction_picture_of(store: Store, case: str | None = None, as_of: date | None = None,
                       with_proposed: bool = False) -> FactionPicture:
    """The camps and foreign involvement on ``as_of`` (default: the latest event's day);
    ``with_proposed`` counts undecided proposed ties too (marked as such)."""
    inputs = load_inputs(store, case)
    day = as_of or inputs.last_day or date.today()
    return faction_picture(inputs.case, day, inputs.proposals, inputs.events, inputs.claims,
                           with_proposed=with_proposed)


def propose(store: Store, case: str | None = None) -> tuple[ProposalCounts, list[ProposedTie]]:
    """Run the proposal rules over the case's events and store the result (idempotent)."""
    inputs = load_inputs(store, case)
    accepted = [p for p in inputs.proposals if p.status == "accepted"]
    proposals = propose_ties(inputs.case, inputs.events, inputs.claims, accepted)
    counts = store.save_proposals(inputs.case.name, proposals)
    return counts, store.list_proposals(case=inputs.case.name)


def decide(store: Store, ref: str, accept: bool, by: str = "", reason: str = "") -> ProposedTie:
    """Accept or reject a proposed tie by id (or id prefix)."""
    return store.decide_proposal(ref, "accepted" if accept else "rejected", by, reason)


def actor_profile_of(store: Store, actor: str, case: str | None = None,
                     until: date | None = None) -> ActorProfile:
    """An actor's roles over time, ties, camp spells and events (unknown names list known)."""
    inputs = load_inputs(store, case)
    return actor_profile(inputs.case, actor, inputs.proposals, inputs.events, inputs.claims,
                         until=until or inputs.last_day)
