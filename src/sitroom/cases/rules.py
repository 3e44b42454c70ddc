"""The grammar of a hypothesis indicator's ``rule``: what makes a textual indicator checkable.

In ``hypotheses.yaml`` an indicator is either plain text or a mapping::

    - text: crowds large relative to the population
      rule: {indicator: mobilisation_ratio, above: 0.001}   # a case indicator and a bound
      rating: C          # rating proposed when the rule holds (CC, C, N, I, II; default C)
      otherwise: I       # case rules only: rating when the value misses the bound (default none)
    - text: jailed politicians freed
      rule: {political_event: release_from_custody}          # each matching event is evidence

A case rule names one indicator of ``CASE_INDICATORS`` with ``above``/``below`` (strict) or
``min``/``max`` (inclusive) bounds; ``{spread_admin1: {min: 3}}`` is shorthand for
``{indicator: spread_admin1, min: 3}``. An event rule is a set of ``EVENT_KEYS`` that must all
hold for an event. Problems are reported with file, line and reason; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitroom import model
from sitroom.cases.yamlnodes import Located
from sitroom.coding.typing.vocabulary import ACLED_TYPES, PLOVER_TYPES, POLITICAL_EVENTS

RATINGS = ("CC", "C", "N", "I", "II")  # very consistent .. very inconsistent (Heuer)

# Case indicators a rule may bound (computed by ``sitroom.watch.indicators``).
CASE_INDICATORS: dict[str, str] = {
    "events": "events in the case so far",
    "killed": "people killed, sum of the events' conservative (low) figures",
    "injured": "people injured, sum of the events' low figures",
    "peak_crowd": "the largest crowd (low end of its reported range)",
    "mobilisation_ratio": "the largest crowd over the case population",
    "spread_admin1": "admin1 regions with unrest (any ACLED type but Strategic developments)",
    "elite_moves": "resignations, releases, appointments, impeachments, changes of group",
    "seizures": "seizures of state buildings",
    "foreign_property_attacks": "attacks on property owned from outside the case countries",
    "foreign_statements": "statements of foreign governments",
    "silent_blocs": "outlet blocs of the case that reported no event",
}
BOUNDS = ("above", "below", "min", "max")
BLOCS = model.BLOCS
_SUB_TYPES = tuple(s for subs in ACLED_TYPES.values() for s in subs)

# Event rule keys and the values each accepts: a tuple of choices, "text", "iso3", "bool", "int".
EVENT_KEYS: dict[str, Any] = {
    "event_type": tuple(ACLED_TYPES),
    "sub_event_type": _SUB_TYPES,
    "political_event": tuple(POLITICAL_EVENTS),
    "plover_type": PLOVER_TYPES,
    "admin1": "text",
    "actor": "text",  # an actor's name or alias inside actor1, actor2 or their associates
    "target_owner_iso3": "iso3",
    "foreign_owner": "bool",  # property owned from outside the case countries was attacked
    "statement_bloc": BLOCS,  # a foreign government statement by a state of this bloc
    "seizure": "bool",  # a state building was stormed or seized
    "min_fatalities": "int",
    "min_crowd": "int",
    "min_outlets": "int",  # independent outlets reporting the event
}

Report = Callable[[str, int, str], None]  # (message, line, field path)


def parse_indicator(loc: Located, index: int, path: str, report: Report,
                    ) -> tuple[str, model.IndicatorRule | None] | None:
    """One ``indicators`` entry: its text and, for a mapping, its checked rule (None if bad)."""
    if isinstance(loc.value, str) and loc.value.strip():
        return loc.value.strip(), None
    if not isinstance(loc.value, dict):
        report("expected text or a mapping with text and rule", loc.line, path)
        return None
    fields = loc.value
    ok = True
    for key in fields:
        if key not in ("text", "rule", "rating", "otherwise"):
            report(f"unknown key {key!r}; known keys: otherwise, rating, rule, text",
                   loc.key_lines.get(key, loc.line), f"{path}.{key}")
            ok = False
    text = fields.get("text")
    if text is None or not isinstance(text.value, str) or not text.value.strip():
        report("an indicator with a rule needs its text", loc.line, f"{path}.text")
        ok = False
    ratings = {}
    for key, default in (("rating", "C"), ("otherwise", "")):
        value = fields.get(key)
        if value is None:
            ratings[key] = default
        elif value.value not in RATINGS:
            report(f"unknown rating {value.value!r}; one of: {', '.join(RATINGS)}", value.line,
                   f"{path}.{key}")
            ok = False
        else:
            ratings[key] = value.value
    if "rule" not in fields:
        report("missing required field 'rule'", loc.line, f"{path}.rule")
        return None
    parsed = parse_rule(fields["rule"], f"{path}.rule", report)
    if parsed is None or not ok:
        return None
    scope, test = parsed
    if ratings["otherwise"] and scope == "event":
        report("'otherwise' applies to case indicator rules only (an event either matches or "
               "is not evidence)", fields["otherwise"].line, f"{path}.otherwise")
        return None
    rule = model.IndicatorRule(indicator=index, scope=scope, test=test,
                               rating=ratings["rating"], otherwise=ratings["otherwise"])
    return text.value.strip(), rule


def parse_rule(loc: Located, path: str, report: Report) -> tuple[str, tuple] | None:
    """A rule mapping as (scope, test pairs), or None after reporting every problem."""
    if not isinstance(loc.value, dict) or not loc.value:
        report("a rule is a mapping, e.g. {indicator: mobilisation_ratio, above: 0.001} or "
               "{political_event: release_from_custody}", loc.line, path)
        return None
    fields = loc.value
    if "indicator" in fields or (len(fields) == 1 and next(iter(fields)) in CASE_INDICATORS):
        return _case_rule(loc, path, report)
    return _event_rule(loc, path, report)


def _case_rule(loc: Located, path: str, report: Report) -> tuple[str, tuple] | None:
    fields = dict(loc.value)
    line_of = loc.key_lines.get
    if "indicator" in fields:
        name_loc = fields.pop("indicator")
        bounds = fields
        name = name_loc.value
    else:  # shorthand {name: {min: 3}}
        name, inner = next(iter(fields.items()))
        name_loc = Located(name, line_of(name, loc.line))
        if not isinstance(inner.value, dict):
            report(f"expected bounds such as {{min: 3}} after {name!r}", inner.line,
                   f"{path}.{name}")
            return None
        bounds = inner.value
    if name not in CASE_INDICATORS:
        report(f"unknown indicator {name!r}; one of: {', '.join(CASE_INDICATORS)}",
               name_loc.line, f"{path}.indicator")
        return None
    test: list[tuple[str, Any]] = [("indicator", name)]
    ok = True
    for key, value in bounds.items():
        if key not in BOUNDS:
            report(f"unknown bound {key!r}; use one of: {', '.join(BOUNDS)}",
                   value.line, f"{path}.{key}")
            ok = False
        elif isinstance(value.value, bool) or not isinstance(value.value, int | float):
            report(f"bound {key!r} must be a number, got {value.value!r}", value.line,
                   f"{path}.{key}")
            ok = False
        else:
            test.append((key, value.value))
    if ok and len(test) == 1:
        report(f"indicator {name!r} needs a bound: {', '.join(BOUNDS)}", loc.line, path)
        return None
    return ("case", tuple(test)) if ok else None


def _event_rule(loc: Located, path: str, report: Report) -> tuple[str, tuple] | None:
    from sitroom.cases.schema import _iso3_codes

    test: list[tuple[str, Any]] = []
    ok = True
    for key, value in loc.value.items():
        where, line = f"{path}.{key}", loc.key_lines.get(key, value.line)
        kind = EVENT_KEYS.get(key)
        if kind is None:
            report(f"unknown rule key {key!r}; an event rule uses {', '.join(EVENT_KEYS)}; "
                   f"a case rule names an indicator: {', '.join(CASE_INDICATORS)}", line, where)
            ok = False
            continue
        plain = value.plain()
        if kind == "bool" or kind == "int":
            good = (isinstance(plain, bool) if kind == "bool"
                    else isinstance(plain, int) and not isinstance(plain, bool) and plain >= 0)
            if not good:
                report(f"{key!r} takes {'true or false' if kind == 'bool' else 'a whole number'}"
                       f", got {plain!r}", line, where)
                ok = False
            else:
                test.append((key, plain))
            continue
        items = plain if isinstance(plain, list) else [plain]
        if not items or not all(isinstance(v, str) and v.strip() for v in items):
            report(f"{key!r} takes a value or a list of values", line, where)
            ok = False
            continue
        for item in items:
            bad = ((isinstance(kind, tuple) and item not in kind)
                   or (kind == "iso3" and item not in _iso3_codes()))
            if bad:
                choices = ", ".join(kind) if isinstance(kind, tuple) else "ISO 3166 alpha-3"
                report(f"unknown {key} {item!r}; one of: {choices}", line, where)
                ok = False
        test.append((key, tuple(items)))
    return ("event", tuple(test)) if ok else None
