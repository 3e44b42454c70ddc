"""Pure pairwise decisions: may two claims be one event (hard gates), and how alike are they.

Hard gates (any one keeps two claims apart, checked against *every* member of an event, so events
are clusters and never chains): a different country; date windows that do not overlap (two claims
dated to the day must share the day, so successive days of protest in one square stay apart —
except a political turn about one person, which outlets date a day apart by how they word it:
"overnight", "on Tuesday", "yesterday" in a report of the next day); different towns (by name,
or more than ``TOWN_KM`` apart by coordinates) or different admin1; incompatible event families
(see ``families``: what an event *is*, not its exact sub-type); different political events;
turns about a person, foreign statements and other statements whose named actors have none in
common, compared across scripts and grammatical case (``identity``; two appointments the same
day are two events; an annulment or a state of emergency is told apart by its place and day,
not by how outlets name the body that decided it).

The soft score is a weighted mean of type, place, actor, date and figure agreement in 0..1.
"""

from __future__ import annotations

import calendar
import functools
import math
import re
import unicodedata
from datetime import date, timedelta

from sitroom.model import Claim, Event

from .identity import mentioned, named_actors, share_someone

TOWN_KM = 15.0
TURN_DAYS = 1  # a political turn about one person: outlets' dates may differ by this many days
# the turns that happen to one person (a statement is not: one government speaks every day)
PERSON_TURNS = frozenset({"resignation", "appointment", "release_from_custody", "impeachment"})
# turns whose actor tells two of them apart (institutional turns are told apart by place and day)
WHO_DEFINES = PERSON_TURNS | {"foreign_government_statement"}
WEIGHTS = {"type": 0.3, "place": 0.25, "actors": 0.25, "date": 0.1, "figures": 0.1}

_ARMED = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_CROWD = {"Protests", "Riots"}
# who takes part in a demonstration: violence against civilians among them is the crowd's event
_AT_DEMO = re.compile(r"^(protesters|rioters|demonstrators|police forces)\b", re.IGNORECASE)


def unmergeable_reason(claim: Claim) -> str | None:
    """Why a claim cannot be merged (no date, no place), or None when it can."""
    if claim.event_date is None:
        return "no date"
    if not (claim.iso3 or claim.country):
        return "no place"
    return None


def country_key(item: Claim | Event) -> str:
    """The blocking key of a claim or an event: ISO3, else the country name."""
    return (item.iso3 or item.country or "").upper()


def date_window(d: date, precision: int | None) -> tuple[date, date]:
    """Days a claim's date may stand for: the day, the week around it, or the month."""
    if precision == 2:
        return d - timedelta(days=3), d + timedelta(days=3)
    if precision == 3:
        last = calendar.monthrange(d.year, d.month)[1]
        return d.replace(day=1), d.replace(day=last)
    return d, d


def dates_compatible(a: Claim, b: Claim) -> bool:
    """True when the two claims' date windows overlap (widened for a turn about one person)."""
    if a.event_date is None or b.event_date is None:
        return False
    a0, a1 = date_window(a.event_date, a.time_precision)
    b0, b1 = date_window(b.event_date, b.time_precision)
    if same_person_turn(a, b):
        slack = timedelta(days=TURN_DAYS)
        a0, a1 = a0 - slack, a1 + slack
    return a0 <= b1 and b0 <= a1


def same_person_turn(a: Claim, b: Claim) -> bool:
    """The same political turn (release, resignation ...) of a person both claims name."""
    return (a.political_event in PERSON_TURNS and a.political_event == b.political_event
            and share_someone(mentioned(a), mentioned(b)))


@functools.lru_cache(maxsize=65536)
def norm_name(text: str | None) -> str:
    """Casefolded letters and digits only: 'Jalal-Abad' and 'Jalalabad' compare equal."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", text)


def km(a: Claim, b: Claim) -> float | None:
    """Great-circle distance between two claims' points, when both have coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _town_level(c: Claim) -> bool:
    return bool(c.location) and (c.geo_precision or 3) <= 2


def place_relation(a: Claim, b: Claim) -> str:
    """'same-town', 'same-admin1', 'coarse' (one is only region/country level) or 'different'."""
    na, nb = norm_name(a.admin1), norm_name(b.admin1)
    if na and nb and na != nb:
        return "different"
    if _town_level(a) and _town_level(b):
        if norm_name(a.location) == norm_name(b.location):
            return "same-town"
        dist = km(a, b)
        if dist is not None and dist <= TOWN_KM:
            return "same-town"
        return "different"
    if na and nb:
        return "same-admin1"
    return "coarse"


def families(c: Claim) -> frozenset[str]:
    """Event families a claim belongs to; two claims need one family in common.

    "crowd": what happens at a demonstration — Protests, Riots, excessive force, violence
    against civilians by police or among demonstrators, arrests, looting; outlets type the same
    night of clashes as any of these. "armed": Battles, Explosions/Remote violence, violence
    against civilians, mob violence. "political": a crisis turn. A statement: its PLOVER type.
    """
    t, sub = c.event_type, c.sub_event_type
    if t == "Violence against civilians" and any(
            _AT_DEMO.match(n or "") for n in (c.actor1, c.actor2)):
        return frozenset({"crowd", "armed"})
    if t in _ARMED:
        return frozenset({"armed"})
    if t == "Riots":
        return frozenset({"crowd", "armed"}) if sub == "Mob violence" else frozenset({"crowd"})
    if t == "Protests":
        return frozenset({"crowd"})
    if t == "Strategic developments":
        if sub == "Arrests":
            return frozenset({"crowd", "arrest"})
        if sub == "Looting/property destruction":
            return frozenset({"crowd", "armed"})
        return frozenset({"political"})
    if c.political_event:
        return frozenset({"political"})
    if c.plover_type:
        return frozenset({f"statement:{c.plover_type}"})
    return frozenset({"other"})


def types_compatible(a: Claim, b: Claim) -> bool:
    """Same political event, or no conflicting political event and a family in common."""
    if a.political_event and b.political_event:
        return a.political_event == b.political_event
    return bool(families(a) & families(b))


def compatible(a: Claim, b: Claim) -> bool:
    """All hard gates pass: country, date windows, place, event family."""
    return (
        country_key(a) == country_key(b)
        and dates_compatible(a, b)
        and types_compatible(a, b)
        and place_relation(a, b) != "different"
        and not actors_conflict(a, b)
    )


# ACLED's generic crowd actors: one outlet's "protesters" are another's "rioters"
_CROWD_ACTOR = re.compile(r"^(protesters|rioters|demonstrators|civilians)\b", re.IGNORECASE)
_GENERIC_ACTOR = re.compile(
    r"^(protesters|rioters|demonstrators|civilians|unidentified|police forces|military forces)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def actor_key(name: str | None) -> str:
    """Normalised actor name; generic crowd actors of one country share a key."""
    if not name:
        return ""
    m = _CROWD_ACTOR.match(name.strip())
    if m:
        rest = name.strip()[m.end():]
        return "crowd" + norm_name(rest)
    return norm_name(name)


def _actors(c: Claim) -> set[str]:
    names = [c.actor1, c.actor2]
    for assoc in (c.assoc_actor_1, c.assoc_actor_2):
        names.extend((assoc or "").split(";"))
    return {actor_key(n) for n in names if n and actor_key(n)}


def _specific_actors(c: Claim) -> set[str]:
    names = [c.actor1, c.actor2]
    for assoc in (c.assoc_actor_1, c.assoc_actor_2):
        names.extend((assoc or "").split(";"))
    return {norm_name(n) for n in names if n and n.strip() and not _GENERIC_ACTOR.match(n.strip())}


def actors_conflict(a: Claim, b: Claim) -> bool:
    """Political turns and statements are defined by who: named actors with none in common.

    Names compare across scripts, spellings and grammatical case (``identity.names_match``).
    """
    same_turn = bool(a.political_event) and a.political_event == b.political_event
    if same_turn and a.political_event not in WHO_DEFINES:
        return False  # one annulment of one election, however outlets name the commission
    if not same_turn and not (families(a) & families(b)) - {"crowd", "armed", "arrest"}:
        return False
    sa, sb = _specific_actors(a), _specific_actors(b)
    if not sa or not sb or sa & sb:
        return False
    return not share_someone(named_actors(a), named_actors(b))


def actor_score(a: Claim, b: Claim) -> float:
    """Agreement on who acted: Jaccard of actor names, raised when actor1 agrees."""
    sa, sb = _actors(a), _actors(b)
    if not sa and not sb:
        return 0.5
    if not sa or not sb:
        return 0.4
    j = len(sa & sb) / len(sa | sb)
    if a.actor1 and actor_key(a.actor1) == actor_key(b.actor1):
        j = max(j, 0.8)
    if j < 0.8 and share_someone(named_actors(a), named_actors(b)):
        j = 0.8  # one person named in two scripts or spellings
    return j


def type_score(a: Claim, b: Claim) -> float:
    """Agreement on what happened; a political turn on one side only halves it."""
    if a.political_event and a.political_event == b.political_event:
        return 1.0
    one_sided = 0.5 if bool(a.political_event) != bool(b.political_event) else 1.0
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        return 1.0 * one_sided
    if a.event_type and a.event_type == b.event_type:
        return 0.75 * one_sided
    if a.plover_type and a.plover_type == b.plover_type:
        return 0.8 * one_sided
    if families(a) & families(b) & {"crowd", "armed"}:
        return 0.55 * one_sided  # one night of clashes: Riots to one outlet, Protests to another
    return 0.4 * one_sided


def figure_score(a: Claim, b: Claim) -> float:
    """Figures that agree help a little; figures that differ are neutral.

    Outlets disagree on tolls all the time: an outlying figure is shown as disputed inside the
    event (see ``figures``), never a reason to open a second one.
    """
    pairs = [(a.fatalities or None, b.fatalities or None), (a.arrests, b.arrests),
             (a.injuries, b.injuries)]
    if a.crowd_size and b.crowd_size:
        pairs.append((a.crowd_size.min or a.crowd_size.max, b.crowd_size.min or b.crowd_size.max))
    scores = []
    for x, y in pairs:
        if x and y:
            scores.append(1.0 if max(x, y) / min(x, y) <= 1.5 else 0.5)
    return sum(scores) / len(scores) if scores else 0.5


def cheap_score(a: Claim, b: Claim) -> float:
    """Weighted agreement from structured fields only (no embeddings)."""
    rel = place_relation(a, b)
    place = {"same-town": 1.0, "same-admin1": 0.6, "coarse": 0.4}.get(rel, 0.0)
    precise = (a.time_precision or 1) == 1 and (b.time_precision or 1) == 1
    same_day = precise and a.event_date == b.event_date
    # a turn is who it happens to: the same person's release (resignation ...) agrees on who and
    # when, however each outlet spells the name and words the day
    person = same_person_turn(a, b)
    return (
        WEIGHTS["type"] * type_score(a, b)
        + WEIGHTS["place"] * place
        + WEIGHTS["actors"] * (1.0 if person else actor_score(a, b))
        + WEIGHTS["date"] * (1.0 if same_day or person else 0.6)
        + WEIGHTS["figures"] * figure_score(a, b)
    )
