"""Ties proposed from coded events, for an analyst to accept or reject.

``propose_ties(case, events, claims, decided)`` reads merged events and the sentences of their
claims and returns ``ProposedTie``s, each with the events, reports and sentences it rests on
and a confidence (the rule's weight times the best claim's confidence; several events for one
tie combine as independent votes). The rules, each a few lines below:

- **freed** — a release from custody that names its freers as a crowd or supporters ("freed by
  protesters", "supporters freed X") → the case's crowd actor *supports* X from that day, and
  X's custody ends that day.
- **supporters** — "supporters of X" / "сторонники X" in any coded sentence → the crowd
  *supports* X.
- **talks** — a consultation, or a foreign statement speaking of talks or contacts, by a
  foreign actor → it *negotiates with* the domestic actors the sentence names; "all sides" /
  "all political forces" means the leaders of the government and opposition camps of that day
  ("all opposition figures": the opposition's only).
- **concern** — a foreign government statement by a state whose country owns property attacked
  in the week before or the day after (events with ``target_owner_iso3``) → it is *concerned
  about* the companies of its country that own something (``owns`` ties in the case).
- **appointment** — an appointment names a person and an office (prime minister, president,
  acting president, speaker, chairman, minister in en/ru/ky) → the person holds the office from
  that day, at the body the case file already ties to that office, or the body the event names.
- **resignation** — a person resigns → each office the person holds that day ends then.
  (Appointments and resignations told as promised or not yet made — "will resign after",
  "пообещал уйти", "has not yet signed" — propose nothing.)
- **arrest** — an arrest of a person → the person is *imprisoned* from that day.

Nothing is proposed that the case's ties (and accepted proposals) already say: a tie with the
same ends and relation in force on the day, or starting or ending within ``SLACK`` days of it.
Ids hash what is proposed (case, ends, relation, and for offices and endings the date), so a
rerun over the same events proposes the same ids and ``decided`` ones are left as they are.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitroom.model import Case, Claim, Event, ProposedTie, Tie
from sitroom.watch.actor_names import ActorIndex, Mention
from sitroom.watch.factions import (
    CUSTODY_ROLES,
    FactionTie,
    effective_ties,
    faction_picture,
    is_role,
)

SLACK = timedelta(days=3)
CONCERN_WINDOW = timedelta(days=7)
WEIGHT = {"freed": 0.8, "supporters": 0.6, "talks": 0.7, "concern": 0.8, "appointment": 0.8,
          "resignation": 0.8, "arrest": 0.7}

_FREE = re.compile(r"\b(?:freed|released|free[ds]?|освобод\w*|освобожд\w*|бошотул\w*|"
                   r"бошотк\w*|чыгарыл\w*)", re.I)
_CROWD_WORDS = re.compile(r"\b(?:protesters|demonstrators|supporters|crowds?|mobs?|rioters|"
                          r"протестующ\w*|митингующ\w*|сторонник\w*|толп\w*|"
                          r"нааразычыл\w*|тарапкер\w*|колдоочу\w*)", re.I)
_SUPPORTERS = re.compile(r"\b(?:supporters|сторонник\w*|тарапкер\w*|колдоочу\w*)", re.I)
_TALKS = re.compile(r"\b(?:talks?|negotiat\w*|contacts?|met with|meetings?|consultations?|"
                    r"переговор\w*|контакт\w*|встреч\w*|консультац\w*|сүйлөшүү\w*|"
                    r"жолугуш\w*)", re.I)
_ALL_SIDES = re.compile(r"\b(?:all (?:sides|parties|political forces)|"
                        r"всеми (?:сторонами|политическими силами)|"
                        r"баардык (?:тарап|саясий күч)\w*)", re.I)
_ALL_OPPOSITION = re.compile(r"\b(?:all (?:the )?opposition|всей оппозици\w*|"
                             r"всеми оппозиционн\w*)", re.I)
# Offices in the words of three languages; "acting" before the office it qualifies.
_OFFICES = (
    ("acting_president", r"acting (?:head of state|president)|"
                         r"исполняющ\w* обязанност\w* (?:президента|главы государства)|"
                         r"и\.\s?о\.\s?президента|президенттин милдетин аткаруучу\w*"),
    ("prime_minister", r"prime minister|premier|премьер\w*(?:[\s-]министр\w*)?|"
                       r"глав\w* правительства|head of (?:the )?government"),
    ("president", r"president|президент\w*"),
    ("speaker", r"speaker|спикер\w*|торага\w*"),
    ("chairman", r"chairman|председател\w*|head of|глав\w*"),
    ("minister", r"minister|министр\w*"),
)
_OFFICE = [(role, re.compile(rf"\b(?:{words})", re.I)) for role, words in _OFFICES]
_CONCERN = re.compile(r"\b(?:concern\w*|safety|protect\w*|security of|обеспокоен\w*|"
                      r"безопасност\w*|защит\w*|тынчсыз\w*|коопсуздук\w*)", re.I)
# A move announced, promised or not yet made is no move (the coder's modality misses some).
_NOT_DONE = re.compile(r"\b(?:will|would|promised?|pledged?|plans? to|intends? to|is ready to|"
                       r"not yet|has not|hasn't|пообеща\w*|обеща\w*|уйд[её]т|намерен\w*|"
                       r"готов\w*|пока не|не подписал\w*|после того как|кет\w*ин айтты)", re.I)
_CLAUSE = re.compile(r"[,;:—]|\s–\s|\s-\s")


@dataclass(frozen=True)
class _Seen:
    """One reading of one event by one rule, before readings of a tie are combined."""

    rule: str
    source: str
    relation: str
    target: str
    day: date
    event: Event
    sentence: str
    reports: tuple[str, ...]
    confidence: float
    ends: bool = False
    start: date | None = None  # of the role an ending closes
    note: str = ""


def proposal_id(case: str, source: str, relation: str, target: str, ends: bool,
                day: date | None) -> str:
    """Stable id: offices and endings are dated, lasting ties (supports, talks) are not."""
    dated = ends or is_role(relation)
    parts = [case, source, relation, target, "end" if ends else "begin",
             day.isoformat() if dated and day else ""]
    return "tie-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:10]


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    return [*spans, (start, len(text))]


def _near(text: str, cue: re.Pattern[str], mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions in the clause of a cue, or in the clause before when the cue opens its clause
    ("named Sadyr Japarov, freed from prison by protesters")."""
    spans = _clauses(text)
    out: list[Mention] = []
    for m in cue.finditer(text):
        i = next(n for n, (s, e) in enumerate(spans) if s <= m.start() <= e)
        s, e = spans[i]
        lo = spans[i - 1][0] if i and not text[s:m.start()].strip() else s
        out += [x for x in mentions if lo <= x.start and x.end <= e and x not in out]
    return out


def _sentences(event: Event, claims: Mapping[str, Claim]) -> list[tuple[Claim, str]]:
    return [(claims[c], claims[c].evidence) for c in event.claim_ids if c in claims]


class _Reader:
    """The rules over one case's events; ``seen`` collects every reading."""

    def __init__(self, case: Case, ties: Sequence[FactionTie], claims: Mapping[str, Claim]):
        self.case, self.ties, self.claims = case, ties, claims
        self.index = ActorIndex.build(case.actors, case.countries)
        self.crowd = self.index.crowd()
        self.seen: list[_Seen] = []
        bodies: dict[str, dict[str, int]] = {}
        for t in ties:
            if is_role(t.relation) and t.target:
                bodies.setdefault(t.relation, {}).setdefault(t.target, 0)
                bodies[t.relation][t.target] += 1
        self.body_of = {r: max(b, key=b.__getitem__) for r, b in bodies.items()}
        self._mentions: dict[str, list[Mention]] = {}
        self._leaders: dict[tuple[date, tuple[str, ...]], list[str]] = {}

    def mentions(self, text: str) -> list[Mention]:
        """``ActorIndex.mentions``, once per sentence (several rules read the same one)."""
        if text not in self._mentions:
            self._mentions[text] = self.index.mentions(text)
        return self._mentions[text]

    def leaders(self, day: date, sides: tuple[str, ...]) -> list[str]:
        """The leaders of the camps of these sides on ``day`` (from the case's ties)."""
        if (day, sides) not in self._leaders:
            picture = faction_picture(self.case, day)
            self._leaders[day, sides] = [c.leader for c in picture.camps
                                         if c.side in sides and c.leader]
        return self._leaders[day, sides]

    def add(self, rule: str, source: str | None, relation: str, target: str | None,
            event: Event, claim: Claim | None, weight: float = 1.0, **extra) -> None:
        if not source or target is None or source == target or event.event_date is None:
            return
        self.seen.append(_Seen(rule, source, relation, target, event.event_date, event,
                               claim.evidence if claim else "",
                               (claim.doc_id,) if claim else (),
                               weight * WEIGHT[rule] * (claim.confidence if claim else 0.5),
                               **extra))

    def people(self, event: Event) -> list[str]:
        keys = [self.index.resolve(x) for x in (event.actor2, event.actor1)]
        return [k for k in keys if k and self.index.kind(k) == "person"]

    # --- the rules ---------------------------------------------------------------------------

    def freed(self, event: Event) -> None:
        for claim, text in _sentences(event, self.claims):
            mentions = self.mentions(text)
            freed = [m.actor for m in _near(text, _FREE, mentions)
                     if self.index.kind(m.actor) == "person"]
            freed = list(dict.fromkeys(freed or self.people(event)))
            by_crowd = (self.index.resolve(event.actor1, event.inter1) == self.crowd
                        or _CROWD_WORDS.search(text))
            for person in freed:
                if by_crowd:
                    self.add("freed", self.crowd, "supports", person, event, claim,
                             note="freed from custody by a crowd")
                for role in CUSTODY_ROLES:
                    self.end_roles(person, event, claim, only=role)

    def supporters(self, event: Event) -> None:
        for claim, text in _sentences(event, self.claims):
            cues = list(_SUPPORTERS.finditer(text))
            for m in self.mentions(text) if cues else ():
                # "supporters of X" / "сторонники X" / "X's supporters", nothing between
                if self.index.kind(m.actor) == "person" and any(
                        0 <= m.start - c.end() <= 4 or 0 <= c.start() - m.end <= 3
                        or text[c.end():m.start].strip().casefold() == "of" for c in cues):
                    self.add("supporters", self.crowd, "supports", m.actor, event, claim,
                             note="named as supporters of the person")

    def talks(self, event: Event) -> None:
        for claim, text in _sentences(event, self.claims):
            if event.plover_type != "CONSULT" and not _TALKS.search(text):
                continue
            mentions = self.mentions(text)
            consult = event.plover_type == "CONSULT"
            near = mentions if consult else _near(text, _TALKS, mentions)
            named = [self.index.resolve(event.actor1, event.inter1)] + [m.actor for m in near]
            foreign = [k for k in dict.fromkeys(named) if k and self.index.is_foreign(k)
                       and self.index.kind(k) == "foreign-state"]
            if not foreign:
                continue
            others = [m.actor for m in mentions if self.index.is_domestic(m.actor)
                      and self.index.kind(m.actor) not in ("company", "asset")]
            people = [k for k in others if self.index.kind(k) == "person"]
            others = people or others  # "the president's office of Russia" is no counterpart
            if _ALL_SIDES.search(text) or _ALL_OPPOSITION.search(text):
                sides = ("opposition",) if _ALL_OPPOSITION.search(text) and not \
                    _ALL_SIDES.search(text) else ("government", "opposition")
                others += self.leaders(event.event_date or date.min, sides)
            for f in foreign[:1]:
                for other in dict.fromkeys(others):
                    self.add("talks", f, "negotiates_with", other, event, claim,
                             note="talks or contacts reported")

    def concern(self, event: Event, events: Sequence[Event]) -> None:
        state = self.index.resolve(event.actor1, event.inter1)
        if not state or self.index.kind(state) != "foreign-state" or event.event_date is None:
            return
        country = self.index.actors[state].country
        day = event.event_date
        attacks = [e for e in events if country and e.target_owner_iso3 == country
                   and e.event_date and -timedelta(days=1) <= day - e.event_date <= CONCERN_WINDOW]
        if not attacks:
            return
        owners = [a.key for a in self.case.actors if a.kind == "company" and a.country == country
                  and any(t.relation == "owns" and t.source == a.key for t in self.ties)]
        for claim, text in _sentences(event, self.claims)[:1]:
            weight = 1.0 if _CONCERN.search(text) else 0.6
            for owner in owners:
                self.add("concern", state, "concerned_about", owner, event, claim, weight=weight,
                         note="statement after attacks on property owned from "
                              f"{country}: " + ", ".join(e.id for e in attacks))
                self.seen[-1] = replace(self.seen[-1], reports=self.seen[-1].reports + tuple(
                    c.doc_id for e in attacks for c, _ in _sentences(e, self.claims)))

    def appointment(self, event: Event) -> None:
        for claim, text in _sentences(event, self.claims):
            if _NOT_DONE.search(text):
                continue
            mentions = self.mentions(text)
            people = self.people(event) or [m.actor for m in mentions
                                            if self.index.kind(m.actor) == "person"]
            if not people:
                continue
            person = people[0]
            role = _office(text, [m for m in mentions if m.actor == person])
            if role is None:
                continue
            named = [self.index.resolve(x) for x in (event.actor1, event.actor2)]
            body = next((k for k in named if k and self.index.kind(k) == "state-body"
                         and self.body_of.get(role) in (None, k)), None)
            self.add("appointment", person, role, body or self.body_of.get(role, ""), event,
                     claim, note="appointed")

    def end_roles(self, person: str, event: Event, claim: Claim | None,
                  only: str | None = None) -> None:
        day = event.event_date
        if day is None:
            return
        for t in self.ties:
            if t.source != person or not is_role(t.relation) or not t.valid_on(day - SLACK):
                continue
            if (only is None and t.relation in CUSTODY_ROLES) or (only and t.relation != only):
                continue
            self.add("resignation" if only is None else "freed", person, t.relation, t.target,
                     event, claim, ends=True, start=t.start,
                     note="resigned" if only is None else "released")

    def resignation(self, event: Event) -> None:
        told = [(c, t) for c, t in _sentences(event, self.claims) if not _NOT_DONE.search(t)]
        for claim, _text in told[:1]:
            for person in self.people(event)[:1]:
                self.end_roles(person, event, claim)

    def arrest(self, event: Event) -> None:
        person = self.index.resolve(event.actor2, event.inter2)
        if person and self.index.kind(person) == "person":
            by = self.index.resolve(event.actor1, event.inter1)
            body = by if by and self.index.kind(by) == "state-body" else ""
            for claim, _ in _sentences(event, self.claims)[:1]:
                self.add("arrest", person, "imprisoned", body, event, claim, note="arrested")


def _office(text: str, at: Sequence[Mention]) -> str | None:
    """The office named nearest a mention of the person (after the name preferred), acting
    before plain."""
    best: tuple[int, str] | None = None
    taken: list[tuple[int, int]] = []
    for role, pattern in _OFFICE:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            gap = min((m.start() - x.end if m.start() >= x.end else x.start - m.end() + 15
                       for x in at), default=m.start())
            if best is None or gap < best[0]:
                best = (gap, role)
    return best[1] if best else None


def _known(s: _Seen, ties: Sequence[FactionTie]) -> bool:
    """The case (or an accepted proposal) already says it, on that day or within SLACK."""
    for t in ties:
        if (t.source, t.relation) != (s.source, s.relation) or (
                s.target and t.target != s.target):  # an office at an unnamed body matches any
            continue
        if s.ends:
            if t.end and abs(t.end - s.day) <= SLACK:
                return True
            continue
        if t.valid_on(s.day) or (t.start and abs(t.start - s.day) <= SLACK):
            return True
    return False


def _combine(case: str, seen: Sequence[_Seen]) -> ProposedTie:
    first = min(seen, key=lambda s: s.day)
    start = first.start if first.ends else first.day
    miss = 1.0
    for s in {(s.event.id, s.sentence): s for s in seen}.values():
        miss *= 1.0 - s.confidence
    return ProposedTie(
        id=proposal_id(case, first.source, first.relation, first.target, first.ends, first.day),
        case=case, source=first.source, relation=first.relation, target=first.target,
        start=start, end=first.day if first.ends else None, ends=first.ends,
        rule=", ".join(dict.fromkeys(s.rule for s in seen)),
        note=first.note,
        event_ids=tuple(dict.fromkeys(s.event.id for s in seen)),
        report_ids=tuple(dict.fromkeys(r for s in seen for r in s.reports)),
        evidence=tuple(dict.fromkeys(s.sentence for s in seen if s.sentence)),
        confidence=round(min(0.99, 1.0 - miss), 3),
    )


def propose_ties(case: Case, events: Iterable[Event], claims: Mapping[str, Claim],
                 accepted: Iterable[ProposedTie] = (),
                 extra_ties: Iterable[Tie] = ()) -> list[ProposedTie]:
    """Every tie the rules read in the events that the case and ``accepted`` do not already say.

    Several readings of one tie become one proposal (earliest day; events, reports and
    sentences joined). The result is sorted by start date then id, the same on every run."""
    events = sorted((e for e in events if e.status != "rejected"),
                    key=lambda e: (e.event_date or date.min, e.id))
    ties = effective_ties(tuple(case.ties) + tuple(extra_ties), accepted)
    reader = _Reader(case, ties, claims)
    for e in events:
        if e.political_event == "release_from_custody":
            reader.freed(e)
        if e.political_event == "appointment":
            reader.appointment(e)
        if e.political_event == "resignation":
            reader.resignation(e)
        if e.sub_event_type == "Arrests":
            reader.arrest(e)
        if e.plover_type == "CONSULT" or e.political_event == "foreign_government_statement":
            reader.talks(e)
        if e.political_event == "foreign_government_statement":
            reader.concern(e, events)
        reader.supporters(e)
    groups: dict[tuple, list[_Seen]] = {}
    for s in reader.seen:
        if _known(s, ties):
            continue
        dated = s.ends or is_role(s.relation)
        key = (s.source, s.relation, s.target, s.ends, s.day if dated else None)
        groups.setdefault(key, []).append(s)
    out = [_combine(case.name, g) for g in groups.values()]
    return sorted(out, key=lambda p: (p.start or date.min, p.id))
