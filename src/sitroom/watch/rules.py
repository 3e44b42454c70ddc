"""Watch rules: a standing question over events, checked once when written, matched purely.

A rule's query is a mapping; every condition must hold (AND), a list of values means any of:

* any event field by value: ``event_type``, ``sub_event_type``, ``political_event``,
  ``plover_type``, ``location``, ``admin1``, ``country``, ``iso3``, ``target_owner_iso3``,
  ``status`` … (text compared ignoring case and spacing);
* ``place``: the event's location, admin1, country or ISO3 code, any of them;
* ``min_`` / ``max_`` + ``fatalities``, ``injuries``, ``arrests``, ``crowd_size`` on the
  reconciled (conservative) figure; an event without the figure does not match;
* ``actor`` (either side), ``actor1``, ``actor2``: a case actor's key or any of its names and
  aliases, in any script, which then matches every name of that actor; other text matches as
  written. "Government of X", "Police Forces of X" match actor X;
* ``bloc``: the bloc the event's actor1 speaks for (``russian``, ``western`` …), as the
  indicators count it: the bloc of most of the case's outlets based in that actor's country,
  ``domestic`` for the case's own countries, ``other`` for an organisation;
* ``foreign_owner: true``: attacked property owned from outside the case's countries
  (``target_owner_iso3`` set and foreign); ``false`` the opposite;
* ``first_report: true``: fire once, for the first event matching the rest, then never again;
* ``indicator`` (a case indicator of ``cases.rules.CASE_INDICATORS``) with ``above`` (strict)
  or ``at_least`` (inclusive), alone: e.g. ``{indicator: killed, at_least: 10}``. The value is
  computed over the case's events from its start up to each event's date; the watch fires
  once, on the first event (by date) with which it crosses the bound.

``condition_problem`` says what is wrong with one condition (the case loader turns it into
file:line); ``parse_rule`` builds a ``Rule`` or raises ``WatchError``; ``matches`` is pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitroom import model
from sitroom.cases.rules import CASE_INDICATORS
from sitroom.coding.typing.vocabulary import (
    ACLED_TYPES,
    PLOVER_TYPES,
    POLITICAL_EVENTS,
    SUB_EVENT_TYPES,
)
from sitroom.errors import WatchError
from sitroom.watch.context import CaseContext

FIGURES = ("fatalities", "injuries", "arrests", "crowd_size")
THRESHOLDS = tuple(f"{p}_{f}" for f in FIGURES for p in ("min", "max"))
FLAGS = ("foreign_owner", "first_report")
ACTOR_KEYS = ("actor", "actor1", "actor2")
_SKIPPED = {"id", "claim_ids", "figures", "corroboration", "notes", "latitude", "longitude",
            *FIGURES}
EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(model.Event) if f.name not in _SKIPPED)
INDICATOR_BOUNDS = ("above", "at_least")
QUERY_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(
    (*EVENT_FIELDS, "actor", "place", "bloc", *THRESHOLDS, *FLAGS, "indicator",
     *INDICATOR_BOUNDS)))
_INT_FIELDS = {"time_precision", "inter1", "inter2", "geo_precision"}
_CHOICES: dict[str, tuple[str, ...]] = {
    "event_type": tuple(ACLED_TYPES), "sub_event_type": SUB_EVENT_TYPES,
    "political_event": tuple(POLITICAL_EVENTS), "plover_type": PLOVER_TYPES,
    "bloc": model.BLOCS, "status": ("auto", "confirmed", "rejected", "edited", "unmerged"),
}
_OF = re.compile(r"^.+ of (?:the )?(.+)$", re.IGNORECASE)  # "Government of X" -> "X"


def fold(text: Any) -> str:
    """Text for comparison: case and runs of spaces ignored."""
    return " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class Condition(model._Plain):
    """One line of a query: the field as written and the values it accepts (any of)."""

    field: str
    values: tuple[Any, ...]


@dataclass(frozen=True)
class Rule(model._Plain):
    """A parsed watch: ``first_report`` is lifted out of the conditions it came with."""

    key: str
    title: str
    conditions: tuple[Condition, ...]
    case: str = ""
    first_report: bool = False

    @property
    def indicator(self) -> tuple[str, str, float] | None:
        """(indicator, bound, threshold) of an indicator watch, None for an event watch."""
        got = {c.field: c.values[0] for c in self.conditions}
        if "indicator" not in got:
            return None
        bound = next(b for b in INDICATOR_BOUNDS if b in got)
        return got["indicator"], bound, float(got[bound])

    def query(self) -> tuple[tuple[str, Any], ...]:
        """The query as stored (``model.Watch.query``): single values bare, lists as tuples."""
        out = [(c.field, c.values[0] if len(c.values) == 1 else c.values)
               for c in self.conditions]
        return tuple(out + ([("first_report", True)] if self.first_report else []))

    def watch(self) -> model.Watch:
        return model.Watch(key=self.key, title=self.title, query=self.query())


def _close(value: str, choices: Sequence[str]) -> str:
    import difflib

    near = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean {near[0]!r}?)" if near else ""


def condition_problem(name: str, value: Any) -> str | None:
    """Why ``name: value`` is not a valid condition, or None when it is."""
    if name not in QUERY_FIELDS:
        return (f"unknown query field {name!r}{_close(name, QUERY_FIELDS)}; known fields: "
                f"{', '.join(QUERY_FIELDS)}")
    items = list(value) if isinstance(value, list | tuple) else [value]
    if not items:
        return "an empty list matches nothing; give at least one value"
    if name == "indicator":
        if len(items) != 1 or items[0] not in CASE_INDICATORS:
            return (f"unknown indicator {value!r}{_close(str(items[0]), tuple(CASE_INDICATORS))}"
                    f"; one of: {', '.join(CASE_INDICATORS)}")
        return None
    if name in INDICATOR_BOUNDS:
        if (len(items) != 1 or isinstance(items[0], bool)
                or not isinstance(items[0], int | float)):
            return f"{name} takes one number, not {value!r}"
        return None
    if name in FLAGS:
        if len(items) != 1 or not isinstance(items[0], bool):
            return f"{name} takes true or false, not {value!r}"
        return None
    for item in items:
        if name in THRESHOLDS:
            if isinstance(item, bool) or not isinstance(item, int) or item < 0 or len(items) > 1:
                return f"{name} takes one whole number >= 0, not {value!r}"
        elif name in _INT_FIELDS:
            if isinstance(item, bool) or not isinstance(item, int):
                return f"{name} takes whole numbers, not {item!r}"
        elif not isinstance(item, str) or not item.strip():
            return f"{name} takes text (or a list of texts), not {item!r}"
        elif name in _CHOICES and item not in _CHOICES[name]:
            return (f"unknown {name} {item!r}{_close(item, _CHOICES[name])}; one of: "
                    f"{', '.join(_CHOICES[name])}")
        elif name in ("iso3", "target_owner_iso3") and not re.fullmatch(r"[A-Z]{3}", item):
            return f"{name} takes ISO 3166 alpha-3 codes (e.g. KGZ), not {item!r}"
    return None


def indicator_problem(names: Iterable[str]) -> str | None:
    """Why a query's fields do not make an indicator watch, or None (also for event watches)."""
    names = set(names)
    bounds = [b for b in INDICATOR_BOUNDS if b in names]
    if ("indicator" in names or bounds) and (
            "indicator" not in names or len(bounds) != 1 or len(names) != 2):
        return (f"an indicator watch takes indicator and one bound "
                f"({' or '.join(INDICATOR_BOUNDS)}) and nothing else")
    return None


def parse_rule(key: str, title: str, query: Mapping[str, Any] | Iterable[tuple[str, Any]],
               case: str = "") -> Rule:
    """A ``Rule`` from its query, or ``WatchError`` naming the first bad field and why."""
    pairs = list(query.items()) if isinstance(query, Mapping) else list(query)
    if not key or not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", key):
        raise WatchError(f"{key!r} is not a watch key (lowercase letters, digits, - _ .)",
                         field="key")
    if not pairs:
        raise WatchError(f"watch {key!r} has an empty query: it would match every event",
                         field="query")
    conditions: list[Condition] = []
    first = False
    seen: set[str] = set()
    for name, value in pairs:
        problem = condition_problem(name, value)
        if problem is None and name in seen:
            problem = f"{name} is given twice"
        if problem:
            raise WatchError(f"watch {key!r}: {problem}", field=name)
        seen.add(name)
        if name == "first_report":
            first = bool(value)
            continue
        values = tuple(value) if isinstance(value, list | tuple) else (value,)
        conditions.append(Condition(name, values))
    if problem := indicator_problem(seen):
        raise WatchError(f"watch {key!r}: {problem}", field="indicator")
    if not conditions:
        raise WatchError(f"watch {key!r}: first_report needs something to be the first of",
                         field="query")
    return Rule(key=key, title=title or key, conditions=tuple(conditions), case=case,
                first_report=first)


def rule_of(watch: model.Watch, case: str = "") -> Rule:
    """The rule of a stored or loaded watch (re-checked: a hand-edited row fails clearly)."""
    return parse_rule(watch.key, watch.title, watch.query, case)


# --- what a rule is matched against -------------------------------------------------------


@dataclass(frozen=True)
class MatchContext:
    """What matching needs beyond the event: the case's countries, actors and outlet blocs."""

    countries: frozenset[str] = frozenset()
    names_of: Mapping[str, frozenset[str]] = field(default_factory=dict)  # actor key -> names
    actor_of: Mapping[str, str] = field(default_factory=dict)  # folded name -> actor key
    blocs: CaseContext | None = None  # the analysis' own view of who speaks for which bloc


_EMPTY = MatchContext()


def build_context(countries: Iterable[str] = (), actors: Iterable[model.Actor] = (),
                  outlets: Iterable[model.Outlet] = ()) -> MatchContext:
    """A context from a case's countries, actors and outlets (the blocs come from outlets)."""
    actors = tuple(actors)
    names_of: dict[str, frozenset[str]] = {}
    actor_of: dict[str, str] = {}
    for a in actors:
        names = frozenset(fold(n) for n in (a.key, a.name, *a.aliases) if n)
        names_of[a.key] = names
        for n in names:
            actor_of.setdefault(n, a.key)
    home = tuple(dict.fromkeys(countries))
    view = CaseContext(model.Case(name="", title="", countries=home, actors=actors,
                                  outlets=tuple(outlets)))
    return MatchContext(countries=frozenset(home), names_of=names_of, actor_of=actor_of,
                        blocs=view)


def context_of_case(case: model.Case, outlets: Iterable[model.Outlet] = ()) -> MatchContext:
    """The context of a case (its own outlets, plus any others given, vote for the blocs;
    its start and population serve indicator watches)."""
    every = {o.key: o for o in (*case.outlets, *outlets)}
    ctx = build_context(case.countries, case.actors, every.values())
    view = CaseContext(dataclasses.replace(case, outlets=tuple(every.values())))
    return dataclasses.replace(ctx, blocs=view)


def _names(text: str | None) -> set[str]:
    """Folded forms an event's actor text answers to: itself, each '; ' part, 'X' of 'Y of X'."""
    out: set[str] = set()
    for part in (text or "").split(";"):
        part = fold(part)
        if part:
            out.add(part)
            if m := _OF.match(part):
                out.add(m.group(1))
    return out


def _wanted(values: Iterable[Any], ctx: MatchContext) -> set[str]:
    """Folded names a rule's actor values stand for (a known actor brings all its names)."""
    out: set[str] = set()
    for v in values:
        f = fold(v)
        key = f if f in ctx.names_of else ctx.actor_of.get(f)
        out |= set(ctx.names_of[key]) if key else {f}
    return out


def bloc_of_actor(text: str | None, ctx: MatchContext) -> str | None:
    """The bloc an event's actor speaks for, as the indicators count it
    (``watch.context.CaseContext.bloc_of_actor``): by its country's outlets in the case,
    "domestic" at home, "other" for an organisation, None for no case actor."""
    return ctx.blocs.bloc_of_actor(text) if ctx.blocs else None


def _holds(cond: Condition, event: model.Event, ctx: MatchContext) -> bool:
    name, values = cond.field, cond.values
    if name in THRESHOLDS:
        bound, figure = name.split("_", 1)
        value = getattr(event, figure)
        value = value.value if value is not None else None
        if value is None:
            return False
        return value >= values[0] if bound == "min" else value <= values[0]
    if name == "foreign_owner":
        owner = event.target_owner_iso3
        foreign = bool(owner) and owner not in ctx.countries
        return foreign == values[0]
    if name in ACTOR_KEYS:
        sides = {"actor": ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"),
                 "actor1": ("actor1", "assoc_actor_1"),
                 "actor2": ("actor2", "assoc_actor_2")}[name]
        have = set().union(*(_names(getattr(event, s)) for s in sides))
        return bool(have & _wanted(values, ctx))
    if name == "bloc":
        return bloc_of_actor(event.actor1, ctx) in values
    if name == "place":
        have = {fold(v) for v in (event.location, event.admin1, event.country, event.iso3) if v}
        return bool(have & {fold(v) for v in values})
    value = getattr(event, name)
    if value is None:
        return False
    if isinstance(value, int) and not isinstance(value, bool):
        return value in values
    return fold(value) in {fold(v) for v in values}


def matches(rule: Rule, event: model.Event, ctx: MatchContext | None = None) -> bool:
    """Does the event meet every condition of the rule? (``first_report`` is decided later.)"""
    ctx = ctx or _EMPTY
    if rule.indicator:
        return False  # decided over the case's events by ``crossing``
    return all(_holds(c, event, ctx) for c in rule.conditions)


def crossing(rule: Rule, events: Iterable[model.Event], ctx: MatchContext | None = None
             ) -> model.Event | None:
    """The first event (by date, then id) with which the rule's indicator, computed over the
    case's events from its start up to that event's date, crosses the bound; else None."""
    from sitroom.watch.indicators import in_period, indicator_set, indicator_value

    assert rule.indicator is not None
    name, bound, threshold = rule.indicator
    view = (ctx or _EMPTY).blocs or CaseContext(model.Case(name="", title=""))
    kept = in_period(events, view.start)
    for i, e in enumerate(kept):
        if i and kept[i - 1].event_date == e.event_date:
            continue
        upto = [x for x in kept if x.event_date <= e.event_date]  # type: ignore[operator]
        value, _ = indicator_value(indicator_set(upto, view), name)
        if value is not None and (value > threshold if bound == "above" else value >= threshold):
            return e
    return None


def describe(rule: Rule) -> str:
    """The query on one line, as a user would write it."""
    parts = [f"{c.field}={'|'.join(str(v) for v in c.values)}" for c in rule.conditions]
    return " ".join(parts) + (" (first report only)" if rule.first_report else "")


def find_rule(rules: Sequence[Rule], key: str) -> Rule:
    """The rule with this key, or ``WatchError`` listing the known keys."""
    for r in rules:
        if r.key == key:
            return r
    known = ", ".join(sorted(r.key for r in rules)) or "none"
    raise WatchError(f"unknown watch {key!r}; known watches: {known}", field="key")
