"""Belligerents and their backers on a given day: camps computed from dated ties, never listed.

Inputs are the case (actors, ties from its files), the analyst's accepted ``ProposedTie`` and,
optionally, the case's events (for foreign statements and attacks on foreign-owned property).
Everything here is a pure function of those.

The rule (``faction_picture``), for a day D:

1. The ties in force on D: ``start <= D < end`` (an open end never closes; an end is the first
   day without the tie, so a prisoner freed on the 6th is a prisoner on the 5th only). Accepted
   proposals add ties; an accepted *end* proposal closes the matching tie on its date. With
   ``with_proposed`` the undecided proposals of lasting relations (supports, talks, concern…)
   count too, marked ``origin="proposed"``: a view of what the rules read before an analyst has
   decided. Offices and endings never count undecided (they would redraw the government on one
   report's word), nor do rejected proposals.
2. Camps are connected components of the case's **domestic** actors (those of the case's
   countries, not foreign states or international bodies) over **alignment** ties: leads,
   member of, allied with, supports, backed by, and offices held (a role such as
   ``prime_minister`` towards its body). Custody (``imprisoned``…) aligns no one. A supporter
   of one camp joins it; one that supports several (a crowd that freed rival leaders) joins
   none and is listed as a supporter of each. ``opposes`` never joins: it only separates, and
   two camps linked by it oppose each other.
3. The **government** camp is the one holding the highest office in force on D, in the order of
   ``HEAD_ROLES`` (president, acting president, …, prime minister); with no office holder, the
   camp holding most state bodies. State bodies in other camps join the government unless their
   camp opposes it (an opposition that holds a ministry keeps it).
4. A camp that opposes the government, or is opposed by it, is an **opposition** camp; other
   camps of two actors or more are "other"; lone actors are unaligned.
5. Leaders are the camp's office holders (highest office first) then the sources of its
   ``leads`` ties; supporters are the sources of ``supports`` ties into the camp; foreign
   backers are foreign actors with a supports / backed by / allied with tie to a member.
6. Each foreign actor's involvement says how: talks (negotiates with), concern (concerned
   about), a base (hosts a base), ownership (assets in the case's countries owned by it or by
   companies of its country, through chains of ``owns``), backing, statements (its foreign
   government statements up to D) and attacks on property its country's owners hold.

A day before the case's start gives an empty picture (``before_start``), not an error.

Public functions: ``effective_ties``, ``faction_picture`` (an actor's page is in ``profiles``);
the renderings (text, JSON, GraphML) are in ``sitroom.present.factions``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sitroom.model import TIE_RELATIONS, Actor, Case, Claim, Event, ProposedTie, Tie, _Plain
from sitroom.watch.actor_names import FOREIGN_KINDS, ActorIndex

ALIGNMENT = ("member_of", "leads", "allied_with", "supports", "backed_by")
BACKING = ("supports", "backed_by", "allied_with")
CUSTODY_ROLES = ("imprisoned", "detained", "in_custody", "under_house_arrest", "exiled")
HEAD_ROLES = ("president", "acting_president", "head_of_state", "monarch", "prime_minister",
              "acting_prime_minister", "head_of_government")
STATEMENT_EVENTS = ("foreign_government_statement",)
HOLDINGS = ("company", "asset")  # owned, not aligned: shown under who owns them
LABELS = {
    "member_of": "member of", "leads": "leads", "allied_with": "allied with",
    "opposes": "opposes", "supports": "supports", "backed_by": "backed by", "owns": "owns",
    "negotiates_with": "negotiates with", "hosts_base": "hosts a base of",
    "concerned_about": "concerned about",
}
WAYS = {"negotiates_with": "talks", "concerned_about": "concern", "hosts_base": "base",
        "supports": "backing", "backed_by": "backing", "allied_with": "backing",
        "opposes": "opposition", "member_of": "membership"}


def is_role(relation: str) -> bool:
    """An office or a custody (``prime_minister``, ``imprisoned``), not one of TIE_RELATIONS."""
    return relation not in TIE_RELATIONS


def label(relation: str) -> str:
    """How a relation reads: "negotiates with", "prime minister of", "imprisoned"."""
    if relation in LABELS:
        return LABELS[relation]
    words = relation.replace("_", " ")
    return words if relation in CUSTODY_ROLES else f"{words} of"


@dataclass(frozen=True)
class FactionTie(_Plain):
    """A tie as the picture shows it: its kind, dates and what it rests on.

    ``sources`` are the case file's citations; a tie from an accepted proposal has ``origin``
    "accepted" and carries the proposal's events and reports. ``ended_by`` names an accepted
    proposal that closed it."""

    source: str
    relation: str
    target: str
    kind: str
    start: date | None = None
    end: date | None = None
    note: str = ""
    sources: tuple[str, ...] = ()
    origin: str = "case"
    proposal_id: str = ""
    event_ids: tuple[str, ...] = ()
    report_ids: tuple[str, ...] = ()
    ended_by: str = ""

    def valid_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Camp(_Plain):
    """One side: its members (leaders first), supporters, foreign backers and offices held."""

    key: str  # "government", or "camp:<leader key>"
    side: str  # government, opposition, other
    name: str
    leader: str
    leaders: tuple[str, ...]
    members: tuple[str, ...]
    supporters: tuple[str, ...]
    backers: tuple[str, ...]
    offices: tuple[FactionTie, ...]
    opposes: tuple[str, ...]  # keys of the camps this one opposes or is opposed by
    ties: tuple[FactionTie, ...]  # the alignment ties that make it


@dataclass(frozen=True)
class Statement(_Plain):
    """A foreign government statement (an event) as involvement of the actor who made it."""

    event_id: str
    date: date | None
    plover_type: str | None
    text: str
    report_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Involvement(_Plain):
    """How a foreign actor is involved: the ways in a word each, and what shows each."""

    actor: str
    ways: tuple[str, ...]
    ties: tuple[FactionTie, ...]
    holdings: tuple[FactionTie, ...]  # owns ties reaching assets in the case's countries
    statements: tuple[Statement, ...]
    property_attacks: tuple[str, ...]  # events attacking property owned from its country


@dataclass(frozen=True)
class FactionPicture(_Plain):
    """The whole picture of one day (``as_of``); ``before_start`` when the case had not begun."""

    case: str
    as_of: date
    before_start: bool
    camps: tuple[Camp, ...]
    foreign: tuple[Involvement, ...]
    unaligned: tuple[str, ...]
    ties: tuple[FactionTie, ...]  # every tie in force on the day
    actors: tuple[Actor, ...]  # every actor the picture names
    conflicts: tuple[str, ...]  # opposes ties inside one camp, said plainly

    def camp(self, key: str) -> Camp:
        return next(c for c in self.camps if c.key == key)

    def camp_of(self, actor: str) -> Camp | None:
        return next((c for c in self.camps if actor in c.members), None)

    @property
    def government(self) -> Camp | None:
        return next((c for c in self.camps if c.side == "government"), None)

    @property
    def opposition(self) -> tuple[Camp, ...]:
        return tuple(c for c in self.camps if c.side == "opposition")


# --- ties in force ---------------------------------------------------------------------------


def _from_case(t: Tie) -> FactionTie:
    return FactionTie(t.source, t.relation, t.target, label(t.relation), t.start, t.end, t.note,
                      t.evidence)


def _from_proposal(p: ProposedTie) -> FactionTie:
    origin = "accepted" if p.status == "accepted" else "proposed"
    return FactionTie(p.source, p.relation, p.target, label(p.relation), p.start, p.end, p.note,
                      (), origin, p.id, p.event_ids, p.report_ids)


def effective_ties(case_ties: Iterable[Tie],
                   proposals: Iterable[ProposedTie] = (),
                   with_proposed: bool = False) -> tuple[FactionTie, ...]:
    """The case's ties with accepted proposals joined: new ties added, ended roles closed
    (and undecided ones too, ``with_proposed``)."""
    ties = [_from_case(t) for t in case_ties]
    accepted = [p for p in proposals if p.status == "accepted" or (
        with_proposed and p.status == "proposed" and not p.ends and not is_role(p.relation))]
    ties += [_from_proposal(p) for p in accepted if not p.ends]
    for p in (p for p in accepted if p.ends and p.end):
        for i, t in enumerate(ties):
            if ((t.source, t.relation, t.target) == (p.source, p.relation, p.target)
                    and (t.start is None or t.start < p.end) and (t.end is None or t.end > p.end)):
                ties[i] = replace(t, end=p.end, ended_by=p.id,
                                  event_ids=t.event_ids + p.event_ids,
                                  report_ids=t.report_ids + p.report_ids)
    return tuple(ties)


# --- camps -----------------------------------------------------------------------------------


def _components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Union-find: each node's component representative."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {n: root(n) for n in parent}


def _edges(comp: dict[str, str]) -> list[tuple[str, str]]:
    """Edges that rebuild the same components (each node to its representative)."""
    return [(n, r) for n, r in comp.items() if n != r]


def _aligns(t: FactionTie) -> bool:
    if is_role(t.relation):
        return bool(t.target) and t.relation not in CUSTODY_ROLES
    return t.relation in ALIGNMENT


def _head_rank(relation: str) -> int:
    return HEAD_ROLES.index(relation) if relation in HEAD_ROLES else len(HEAD_ROLES)


def _camps(index: ActorIndex, ties: Sequence[FactionTie]) -> tuple[list[Camp], list[str],
                                                                     list[str]]:
    """Camps, unaligned domestic actors and conflicts from the ties in force on one day."""
    domestic = [k for k in index.actors if index.is_domestic(k) and index.kind(k) not in HOLDINGS]
    inner = [t for t in ties if t.source in index.actors and index.is_domestic(t.source)
             and index.is_domestic(t.target)]
    comp = _components(domestic, [(t.source, t.target) for t in inner
                                  if _aligns(t) and t.relation != "supports"])
    # A supporter joins the camp it supports, unless it supports several: then it bridges none.
    supported: dict[str, set[str]] = defaultdict(set)
    for t in inner:
        if t.relation == "supports":
            supported[t.source].add(comp[t.target])
    comp = _components(domestic, [(a, b) for a, b in _edges(comp)] + [
        (s, next(iter(c))) for s, c in supported.items() if len(c) == 1])
    groups: dict[str, list[str]] = defaultdict(list)
    for k in domestic:
        groups[comp[k]].append(k)
    opposed = {(comp[t.source], comp[t.target]) for t in inner if t.relation == "opposes"}
    offices = sorted((t for t in inner if is_role(t.relation) and _aligns(t)),
                     key=lambda t: (_head_rank(t.relation), t.start or date.min))
    gov = None
    if offices and _head_rank(offices[0].relation) < len(HEAD_ROLES):
        gov = comp[offices[0].source]
    elif any(index.kind(k) == "state-body" for k in domestic):
        gov = max(groups, key=lambda g: (sum(index.kind(k) == "state-body" for k in groups[g]),
                                         -domestic.index(groups[g][0])))
    if gov is not None:  # state bodies serve the government unless their camp opposes it
        for g in list(groups):
            if g != gov and (g, gov) not in opposed and (gov, g) not in opposed and any(
                    index.kind(k) == "state-body" for k in groups[g]):
                for k in groups.pop(g):
                    comp[k] = gov
                    groups[gov].append(k)
        opposed = {(comp[t.source], comp[t.target]) for t in inner if t.relation == "opposes"}
    conflicts = [f"{t.source} opposes {t.target} though both are in one camp"
                 for t in inner if t.relation == "opposes" and comp[t.source] == comp[t.target]]
    camps, unaligned = [], []
    keys: dict[str, str] = {}
    heads: dict[str, list[str]] = {}
    order = sorted(groups, key=lambda g: (g != gov, -len(groups[g]), g))
    for g in order:
        if g != gov and len(groups[g]) < 2:
            unaligned.extend(groups[g])
            continue
        held = [t.source for t in offices if comp[t.source] == g
                and index.kind(t.source) == "person"]
        leads = [t.source for t in sorted(  # a coalition's leader before a party's
            inner, key=lambda t: index.kind(t.target) != "coalition")
            if t.relation == "leads" and comp[t.source] == g]
        heads[g] = list(dict.fromkeys(held + leads))
        keys[g] = "government" if g == gov else f"camp:{(heads[g] or groups[g])[0]}"
    for g in order:
        if g not in keys:
            continue
        members, leaders = groups[g], heads[g]
        held = [t for t in offices if comp[t.source] == g]
        leader = leaders[0] if leaders else ""
        supporters = list(dict.fromkeys(t.source for t in inner if t.relation == "supports"
                                        and comp[t.target] == g and t.source not in leaders))
        backers = sorted({t.source if t.target in members else t.target for t in ties
                          if t.relation in BACKING
                          and ((t.target in members and index.is_foreign(t.source))
                               or (t.source in members and index.is_foreign(t.target)))})
        against = sorted({keys[b] for a, b in opposed if a == g and b in keys}
                         | {keys[a] for a, b in opposed if b == g and a in keys})
        side = ("government" if g == gov
                else "opposition" if gov is not None and "government" in against else "other")
        ordered = leaders + [k for k in members if k not in leaders]
        name_of = index.actors[leader].name if leader else index.actors[members[0]].name
        camps.append(Camp(
            key=keys[g], side=side,
            name=f"Government ({name_of})" if g == gov else f"{name_of} camp",
            leader=leader, leaders=tuple(leaders), members=tuple(ordered),
            supporters=tuple(supporters), backers=tuple(backers), offices=tuple(held),
            opposes=tuple(k for k in against if k != keys[g]),
            ties=tuple(t for t in inner if _aligns(t) and g in (
                comp[t.source], comp[t.target] if t.relation == "supports" else None))))
    return camps, sorted(unaligned), conflicts


# --- foreign involvement -----------------------------------------------------------------------


def _holdings(index: ActorIndex, owner: str, ties: Sequence[FactionTie]) -> list[FactionTie]:
    """Owns ties from ``owner`` or companies of its country, followed down to case assets."""
    country = index.actors[owner].country
    roots = {owner} | {k for k, a in index.actors.items() if country and a.country == country
                       and a.kind == "company"}
    owns = [t for t in ties if t.relation == "owns"]
    out: list[FactionTie] = []
    frontier, seen = set(roots), set(roots)
    while frontier:
        step = [t for t in owns if t.source in frontier]
        out += [t for t in step if t not in out]
        frontier = {t.target for t in step} - seen
        seen |= frontier
    in_case = {t.target for t in out if t.target in index.actors and (
        index.actors[t.target].country in index.countries)}
    return out if in_case else []


def _text_of(event: Event, claims: Mapping[str, Claim]) -> tuple[str, tuple[str, ...]]:
    found = [claims[c] for c in event.claim_ids if c in claims]
    text = max(found, key=lambda c: c.confidence).evidence if found else ""
    return text, tuple(dict.fromkeys(c.doc_id for c in found))


def _involvement(index: ActorIndex, ties: Sequence[FactionTie], events: Sequence[Event],
                 claims: Mapping[str, Claim]) -> list[Involvement]:
    foreign = [k for k in index.actors if index.is_foreign(k)]
    out = []
    for key in foreign:
        own = [t for t in ties if key in (t.source, t.target) and t.relation != "owns"
               and index.kind(t.target if t.source == key else t.source) not in FOREIGN_KINDS]
        holdings = _holdings(index, key, ties)
        statements = []
        for e in events:
            if e.political_event in STATEMENT_EVENTS and index.resolve(e.actor1, e.inter1) == key:
                text, reports = _text_of(e, claims)
                statements.append(Statement(e.id, e.event_date, e.plover_type, text, reports))
        country = index.actors[key].country
        attacks = tuple(e.id for e in events
                        if country and e.target_owner_iso3 == country
                        and index.actors[key].kind == "foreign-state")
        ways = [WAYS[t.relation] for t in own if t.relation in WAYS]
        ways += ["ownership"] * bool(holdings) + ["statements"] * bool(statements)
        ways += ["property attacked"] * bool(attacks)
        if own or holdings or statements or attacks:
            out.append(Involvement(key, tuple(dict.fromkeys(ways)), tuple(own), tuple(holdings),
                                   tuple(statements), attacks))
    states_first = ("foreign-state", "organisation")
    return sorted(out, key=lambda i: (index.kind(i.actor) not in states_first, -len(i.ways),
                                      i.actor))


# --- the picture -------------------------------------------------------------------------------


def faction_picture(case: Case, as_of: date, proposals: Iterable[ProposedTie] = (),
                    events: Iterable[Event] = (),
                    claims: Mapping[str, Claim] | None = None,
                    with_proposed: bool = False) -> FactionPicture:
    """Camps, foreign involvement and the ties in force on ``as_of`` (see the module rule)."""
    index = ActorIndex.build(case.actors, case.countries)
    if case.start and as_of < case.start:
        return FactionPicture(case.name, as_of, True, (), (), (), (), (), ())
    ties = [t for t in effective_ties(case.ties, proposals, with_proposed)
            if t.valid_on(as_of)]
    known = [t for t in ties if t.source in index.actors]
    upto = [e for e in events if e.event_date is not None and e.event_date <= as_of]
    camps, unaligned, conflicts = _camps(index, known)
    foreign = _involvement(index, known, upto, claims or {})
    named = {k for t in ties for k in (t.source, t.target) if k} | {
        k for c in camps for k in c.members} | {i.actor for i in foreign} | set(unaligned)
    actors = tuple(a for k, a in index.actors.items() if k in named)
    return FactionPicture(case.name, as_of, False, tuple(camps), tuple(foreign),
                          tuple(unaligned), tuple(ties), actors, tuple(conflicts))
