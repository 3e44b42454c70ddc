"""What each record of a case file may hold, and the checks that turn YAML into the model.

Pure functions of ``Located`` values: every problem becomes a ``CaseError`` naming the file,
line and field, and checking goes on so that one pass reports all of them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sitroom import model
from sitroom.cases.yamlnodes import Located
from sitroom.errors import CaseError

SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
ROLE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Spec:
    """One field: its kind (see ``Checker.convert``), whether it is required, allowed values."""

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()


CASE_FIELDS = {
    "name": Spec("slug", True), "title": Spec("str", True), "countries": Spec("iso3-list", True),
    "period": Spec("period"), "languages": Spec("lang-list"), "population": Spec("int"),
    "keywords": Spec("keywords"), "description": Spec("str"),
}
PERIOD_FIELDS = {"start": Spec("date", True), "end": Spec("date")}
OUTLET_FIELDS = {
    "key": Spec("slug", True), "name": Spec("str", True), "homepage": Spec("url"),
    "feeds": Spec("url-list"), "feeds_verified": Spec("bool"), "country": Spec("iso3"),
    "languages": Spec("lang-list"), "ownership": Spec("str", True, model.OWNERSHIPS),
    "bloc": Spec("str", True, model.BLOCS), "reliability": Spec("str", False, model.RELIABILITY),
    "group": Spec("slug"), "sample": Spec("bool"), "interval_minutes": Spec("int"),
    "notes": Spec("str"),
}
ACTOR_FIELDS = {
    "key": Spec("slug", True), "name": Spec("str", True),
    "kind": Spec("str", True, model.ACTOR_KINDS), "aliases": Spec("str-list"),
    "country": Spec("iso3"), "inter": Spec("inter"), "description": Spec("str"),
}
TIE_FIELDS = {
    "source": Spec("slug", True), "relation": Spec("str", True, model.TIE_RELATIONS),
    "target": Spec("slug", True), "start": Spec("date"), "end": Spec("date"),
    "note": Spec("str"), "evidence": Spec("str-list"),
}
ROLE_FIELDS = {
    "actor": Spec("slug", True), "role": Spec("role", True), "body": Spec("slug"),
    "start": Spec("date"), "end": Spec("date"), "note": Spec("str"),
    "evidence": Spec("str-list"),
}
HYPOTHESIS_FIELDS = {
    "key": Spec("slug", True), "title": Spec("str", True), "description": Spec("str"),
    "indicators": Spec("indicators"),  # text, or {text, rule, rating, otherwise}: cases/rules.py
}
WATCH_FIELDS = {"key": Spec("slug", True), "title": Spec("str", True), "query": Spec("query")}

# A watch query: the fields of ``sitroom.watch.rules`` (its docstring is the reference).
QUERY_KEYS = frozenset(
    {f.name for f in dataclasses.fields(model.Event)}
    | {f"{p}_{f}" for p in ("min", "max") for f in ("fatalities", "injuries", "arrests",
                                                     "crowd_size")}
    | {"foreign_owner", "first_report", "actor", "place", "bloc"}
)


@cache
def _iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


@cache
def _lang_codes() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


class Checker:
    """Collects the problems of one file while converting its records."""

    def __init__(self, file: str, problems: list[CaseError]):
        self.file = file
        self.problems = problems

    def error(self, message: str, line: int | None, field: str = "") -> None:
        """Record one problem (the check goes on, so every problem is reported)."""
        self.problems.append(CaseError(message, file=self.file, line=line, field=field))

    def mapping(self, loc: Located | None, where: str) -> dict[str, Located] | None:
        """The mapping at ``loc``, or None with an error if it is something else."""
        if loc is None or not isinstance(loc.value, dict):
            line = loc.line if loc else None
            self.error("expected a mapping of field: value", line, where)
            return None
        return loc.value

    def items(self, loc: Located | None, where: str) -> list[Located]:
        """The list at ``loc`` (absent means empty), or [] with an error."""
        if loc is None or loc.value is None:
            return []
        if not isinstance(loc.value, list):
            self.error("expected a list", loc.line, where)
            return []
        return loc.value

    def record(self, loc: Located, where: str, specs: dict[str, Spec]) -> dict[str, Any] | None:
        """Check one record against its field specs; return the converted fields that passed."""
        fields = self.mapping(loc, where)
        if fields is None:
            return None
        out: dict[str, Any] = {}
        for name, value in fields.items():
            spec = specs.get(name)
            path = f"{where}.{name}" if where else name
            if spec is None:
                known = ", ".join(sorted(specs))
                self.error(f"unknown key {name!r}; known keys: {known}",
                           loc.key_lines.get(name, value.line), path)
                continue
            converted = self.convert(value, spec, path)
            if converted is not _BAD:
                out[name] = converted
        for name, spec in specs.items():
            if spec.required and name not in fields:
                self.error(f"missing required field {name!r}", loc.line,
                           f"{where}.{name}" if where else name)
        return out

    def convert(self, loc: Located, spec: Spec, path: str) -> Any:
        """Convert one value to the field's kind, or record why not and return _BAD."""
        value, line, kind = loc.value, loc.line, spec.kind
        if value is None and not spec.required:
            return _BAD
        if kind in ("str", "slug", "role", "url", "iso3"):
            if not isinstance(value, str) or (spec.required and not value.strip()):
                return self._bad(f"expected text, got {_describe(value)}", line, path)
            value = value.strip()
            if spec.choices and value not in spec.choices:
                return self._bad(f"unknown value {value!r}; one of: {', '.join(spec.choices)}",
                                 line, path)
            if kind == "slug" and value and not SLUG.match(value):
                return self._bad(f"{value!r} is not a key (lowercase letters, digits, - _ .)",
                                 line, path)
            if kind == "role" and not ROLE.match(value):
                return self._bad(f"{value!r} is not a role name (lowercase_with_underscores)",
                                 line, path)
            if kind == "url" and value and not value.startswith(("http://", "https://")):
                return self._bad(f"{value!r} is not an http(s) URL", line, path)
            if kind == "iso3" and value and value not in _iso3_codes():
                return self._bad(f"{value!r} is not an ISO 3166 alpha-3 country code",
                                 line, path)
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                return self._bad(f"expected a whole number >= 0, got {_describe(value)}",
                                 line, path)
            return value
        if kind == "inter":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
                return self._bad(f"expected an ACLED inter code 1-8, got {value!r}", line, path)
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                return self._bad(f"expected true or false, got {_describe(value)}", line, path)
            return value
        if kind == "date":
            return self._date(loc, path)
        if kind in ("str-list", "url-list", "iso3-list", "lang-list"):
            return self._list(loc, kind, path)
        if kind == "keywords":
            return self._keywords(loc, path)
        if kind == "period":
            return self._period(loc, path)
        if kind == "query":
            return self._query(loc, path)
        if kind == "indicators":
            return self._indicators(loc, path)
        raise AssertionError(f"no such field kind {kind!r}")  # a bug in the specs above

    def _bad(self, message: str, line: int, path: str) -> Any:
        self.error(message, line, path)
        return _BAD

    def _date(self, loc: Located, path: str) -> Any:
        value = loc.value
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        return self._bad(f"{value!r} is not a date (write YYYY-MM-DD)", loc.line, path)

    def _list(self, loc: Located, kind: str, path: str) -> Any:
        raw = [loc] if isinstance(loc.value, str) else loc.value
        if not isinstance(raw, list):
            return self._bad(f"expected a list, got {_describe(loc.value)}", loc.line, path)
        item_kind = {"str-list": "str", "url-list": "url", "iso3-list": "iso3",
                     "lang-list": "str"}[kind]
        out: list[str] = []
        for i, item in enumerate(raw):
            item_path = f"{path}[{i}]"
            value = self.convert(item, Spec(item_kind, True), item_path)
            if value is _BAD:
                continue
            if kind == "lang-list" and value not in _lang_codes():
                self.error(f"{value!r} is not an ISO 639-1 language code", item.line, item_path)
                continue
            if value in out:
                self.error(f"{value!r} is listed twice", item.line, item_path)
                continue
            out.append(value)
        return tuple(out)

    def _keywords(self, loc: Located, path: str) -> Any:
        """Keywords as a flat list, or a mapping of language code to list (flattened)."""
        if not isinstance(loc.value, dict):
            return self._list(loc, "str-list", path)
        out: list[str] = []
        for lang, words in loc.value.items():
            if lang not in _lang_codes():
                self.error(f"{lang!r} is not an ISO 639-1 language code",
                           loc.key_lines.get(lang, words.line), f"{path}.{lang}")
            got = self._list(words, "str-list", f"{path}.{lang}")
            if got is not _BAD:
                out.extend(w for w in got if w not in out)
        return tuple(out)

    def _period(self, loc: Located, path: str) -> Any:
        fields = self.record(loc, path, PERIOD_FIELDS)
        if fields is None:
            return _BAD
        start, end = fields.get("start"), fields.get("end")
        if start and end and end < start:
            line = loc.value["end"].line if isinstance(loc.value, dict) else loc.line
            return self._bad(f"end {end} is before start {start}", line, f"{path}.end")
        return (start, end)

    def _query(self, loc: Located, path: str) -> Any:
        """A watch query, each condition checked by the watch stage's own rules."""
        from sitroom.watch.rules import condition_problem, indicator_problem

        if not isinstance(loc.value, dict):
            return self._bad("expected a mapping of event field: value", loc.line, path)
        if not loc.value:
            return self._bad("an empty query would match every event", loc.line, path)
        out: list[tuple[str, Any]] = []
        for key, value in loc.value.items():
            line = loc.key_lines.get(key, value.line)
            plain = value.plain()
            items = plain if isinstance(plain, list) else [plain]
            if key in QUERY_KEYS and not all(isinstance(v, str | int | float | bool)
                                             for v in items):
                self.error("expected a value or a list of values", line, f"{path}.{key}")
                continue
            problem = condition_problem(key, plain)
            if problem:
                self.error(problem, value.line if key in QUERY_KEYS else line, f"{path}.{key}")
                continue
            out.append((key, tuple(plain) if isinstance(plain, list) else plain))
        if problem := indicator_problem(loc.value):
            self.error(problem, loc.line, path)
        return tuple(out)


    def _indicators(self, loc: Located, path: str) -> Any:
        """(text, rule or None) pairs; a rule is checked by ``cases.rules``."""
        from sitroom.cases.rules import parse_indicator

        if not isinstance(loc.value, list):
            return self._bad(f"expected a list, got {_describe(loc.value)}", loc.line, path)
        out = []
        for i, item in enumerate(loc.value):
            got = parse_indicator(item, i, f"{path}[{i}]",
                                  lambda msg, line, where: self.error(msg, line, where))
            if got is not None:
                out.append(got)
        return tuple(out)


class _BadType:
    def __repr__(self) -> str:
        return "<bad value>"


_BAD: Any = _BadType()


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"
