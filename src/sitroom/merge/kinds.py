"""What kind of event a merged event is, when its outlets type it differently (pure).

Claims join an event by family (``compat.families``), so one night of clashes may hold a "Violent
demonstration", a "Protest with intervention" and a "Peaceful protest". The event's type is
decided in two steps, each documented because analysts will ask:

1. **Event type: the majority of independent outlets.** Each independent source (an owner group
   counts once, a wire copy counts as its original) has one vote, given to its main account of
   the event: its most confident claim (a side sentence typed otherwise — stones thrown at one
   moment of a dispersed rally — stays a member but does not outvote it). A tie goes to
   ACLED's order of precedence, the more violent type first (Battles, Explosions/Remote
   violence, Violence against civilians, Riots, Protests, Strategic developments): ACLED
   codes a demonstration as a riot as soon as demonstrators are reported violent.
2. **Sub-event type within that type.** For Protests, ACLED's hierarchy: a protest is
   "Peaceful" only when no intervention is reported, so a sub-type that asserts more wins
   whenever any independent outlet reports it (Excessive force against protesters > Protest with
   intervention > Peaceful protest) — the outlet that saw the water cannon adds what the others
   did not say, it does not contradict them. For every other type, the majority of independent
   outlets, ties again to the more violent (ACLED's order within the type).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from sitroom.model import Claim

from .corroboration import source_key
from .types import ReportInfo

TYPE_PRECEDENCE = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests",
    "Strategic developments",
)
SUB_PRECEDENCE = (
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack", "Abduction/forced "
    "disappearance", "Mob violence", "Violent demonstration", "Excessive force against protesters",
    "Protest with intervention", "Peaceful protest", "Looting/property destruction", "Arrests",
    "Disrupted weapons use", "Headquarters or base established", "Change to group/activity",
    "Non-violent transfer of territory", "Agreement", "Other",
)
# Protests: a sub-type that asserts more wins when any independent outlet reports it
PROTEST_ORDER = ("Excessive force against protesters", "Protest with intervention",
                 "Peaceful protest")


def _rank(order: Sequence[str], value: str) -> int:
    return order.index(value) if value in order else len(order)


def source_votes(members: Sequence[Claim], infos: Mapping[str, ReportInfo],
                 attr: str) -> dict[str, float]:
    """One vote per independent source, for the value of its most confident claim."""
    main: dict[str, Claim] = {}
    for c in sorted(members, key=lambda c: (-c.confidence, c.id)):
        if getattr(c, attr):
            main.setdefault(source_key(c.doc_id, infos), c)
    votes: dict[str, float] = defaultdict(float)
    for c in main.values():
        votes[getattr(c, attr)] += 1.0
    return dict(votes)


def reconcile_kind(members: Sequence[Claim],
                   infos: Mapping[str, ReportInfo]) -> tuple[str | None, str | None]:
    """The event type and sub-event type of an event's claims (see the module's rules)."""
    types = source_votes(members, infos, "event_type")
    if not types:
        return None, None
    event_type = min(types, key=lambda t: (-round(types[t], 6), _rank(TYPE_PRECEDENCE, t), t))
    typed = [c for c in members if c.event_type == event_type]
    subs = source_votes(typed, infos, "sub_event_type")
    if not subs:
        return event_type, None
    if event_type == "Protests" and set(subs) <= set(PROTEST_ORDER):
        return event_type, min(subs, key=lambda s: _rank(PROTEST_ORDER, s))
    sub = min(subs, key=lambda s: (-round(subs[s], 6), _rank(SUB_PRECEDENCE, s), s))
    return event_type, sub
