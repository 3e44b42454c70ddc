"""Read a case folder (case.yaml, outlets.yaml, actors.yaml, hypotheses.yaml, watches.yaml).

``validate_case`` reports every problem; ``load_case`` raises the first of them (its message
says how many more there are) or returns the ``model.Case``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom import model
from sitroom.cases.schema import (
    ACTOR_FIELDS,
    CASE_FIELDS,
    HYPOTHESIS_FIELDS,
    OUTLET_FIELDS,
    ROLE_FIELDS,
    TIE_FIELDS,
    WATCH_FIELDS,
    Checker,
)
from sitroom.cases.yamlnodes import read_yaml
from sitroom.errors import CaseError

CASE_FILE = "case.yaml"
PART_FILES = ("outlets.yaml", "actors.yaml", "hypotheses.yaml", "watches.yaml")
# Top-level keys each file may hold; each holds a list of records.
SECTIONS = {
    "outlets.yaml": {"outlets": OUTLET_FIELDS},
    "actors.yaml": {"actors": ACTOR_FIELDS, "roles": ROLE_FIELDS, "ties": TIE_FIELDS},
    "hypotheses.yaml": {"hypotheses": HYPOTHESIS_FIELDS},
    "watches.yaml": {"watches": WATCH_FIELDS},
}


@dataclass(frozen=True)
class _Rec:
    """A checked record with the line it started on (for cross-record checks)."""

    fields: dict[str, Any]
    line: int
    where: str
    key_lines: dict[str, int]

    def line_of(self, name: str) -> int:
        return self.key_lines.get(name, self.line)


def packaged_cases_dir() -> Path:
    """Where the cases shipped with sitroom live (the repository's ``cases/`` folder)."""
    return Path(__file__).resolve().parents[3] / "cases"


def find_cases(root: str | os.PathLike[str] = "cases") -> list[Path]:
    """Case folders (those holding a case.yaml) directly under ``root``, sorted by name."""
    base = Path(root)
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if (p / CASE_FILE).is_file())


def resolve_case(name_or_path: str | os.PathLike[str]) -> Path:
    """A case folder from a path, or a name looked up in ./cases then the packaged cases."""
    path = Path(name_or_path)
    if (path / CASE_FILE).is_file():
        return path
    if path.name == CASE_FILE and path.is_file():
        return path.parent
    for root in (Path("cases"), packaged_cases_dir()):
        if (root / str(name_or_path) / CASE_FILE).is_file():
            return root / str(name_or_path)
    raise CaseError(f"no case {str(name_or_path)!r}: not a folder with {CASE_FILE}, nor a name "
                    f"under ./cases or {packaged_cases_dir()}")


def _section(path: Path, problems: list[CaseError]) -> dict[str, list[_Rec]]:
    """Read one part file into its checked records, section by section."""
    sections = SECTIONS[path.name]
    out: dict[str, list[_Rec]] = {name: [] for name in sections}
    if not path.is_file():
        return out
    check = Checker(str(path), problems)
    doc = read_yaml(path, problems)
    if doc is None or doc.value is None:
        return out
    top = check.mapping(doc, "")
    if top is None:
        return out
    for name, value in top.items():
        if name not in sections:
            check.error(f"unknown section {name!r}; expected {', '.join(sections)}",
                        doc.key_lines.get(name, value.line), name)
            continue
        for i, item in enumerate(check.items(value, name)):
            where = f"{name}[{i}]"
            fields = check.record(item, where, sections[name])
            if fields is not None:
                out[name].append(_Rec(fields, item.line, where, item.key_lines))
    return out


def _unique_keys(recs: list[_Rec], check: Checker, what: str) -> None:
    seen: dict[str, int] = {}
    for rec in recs:
        key = rec.fields.get("key")
        if key is None:
            continue
        if key in seen:
            check.error(f"duplicate {what} key {key!r} (first on line {seen[key]})",
                        rec.line_of("key"), f"{rec.where}.key")
        else:
            seen[key] = rec.line_of("key")


def _check_actors(recs: dict[str, list[_Rec]], check: Checker) -> None:
    """Unique keys and aliases; roles and ties that point only at known actors; dates in order."""
    actors = recs["actors"]
    _unique_keys(actors, check, "actor")
    owner_of: dict[str, tuple[str, int]] = {}
    for rec in actors:
        key = rec.fields.get("key", "?")
        names = [("name", rec.fields.get("name"))] + [
            (f"aliases[{i}]", a) for i, a in enumerate(rec.fields.get("aliases", ()))]
        for field_name, name in names:
            if not name:
                continue
            folded = " ".join(name.split()).casefold()
            other = owner_of.get(folded)
            if other and other[0] != key:
                check.error(f"alias {name!r} is also used by actor {other[0]!r} "
                            f"(line {other[1]})", rec.line_of(field_name.split("[")[0]),
                            f"{rec.where}.{field_name}")
            elif other is None:
                owner_of[folded] = (key, rec.line_of(field_name.split("[")[0]))
    known = {rec.fields["key"] for rec in actors if "key" in rec.fields}
    for section, ends in (("roles", ("actor", "body")), ("ties", ("source", "target"))):
        for rec in recs[section]:
            for end in ends:
                value = rec.fields.get(end)
                if value and value not in known:
                    check.error(f"unknown actor {value!r}; define it under actors:",
                                rec.line_of(end), f"{rec.where}.{end}")
            start, stop = rec.fields.get("start"), rec.fields.get("end")
            if start and stop and stop < start:
                check.error(f"end {stop} is before start {start}", rec.line_of("end"),
                            f"{rec.where}.end")


def load_outlets(path: str | os.PathLike[str]) -> tuple[model.Outlet, ...]:
    """Outlets from one outlets.yaml (a case's, or the demo's sample outlets); raise on problems."""
    problems: list[CaseError] = []
    recs = _section(Path(path), problems)["outlets"]
    _unique_keys(recs, Checker(str(path), problems), "outlet")
    if not Path(path).is_file():
        problems.append(CaseError("file not found", file=str(path)))
    _raise_first(problems)
    return tuple(model.Outlet(**r.fields) for r in recs)


def _read(folder: Path) -> tuple[model.Case | None, list[CaseError]]:
    """Check every file of a case folder; the case is built only when nothing is wrong."""
    problems: list[CaseError] = []
    case_path = folder / CASE_FILE
    if not case_path.is_file():
        return None, [CaseError(f"no {CASE_FILE} in this folder", file=str(folder))]
    check = Checker(str(case_path), problems)
    doc = read_yaml(case_path, problems)
    head = check.record(doc, "", CASE_FIELDS) if doc is not None else None
    parts = {name: _section(folder / name, problems) for name in PART_FILES}
    for name in sorted(os.listdir(folder)):
        if name.endswith((".yaml", ".yml")) and name not in (CASE_FILE, *PART_FILES):
            problems.append(CaseError(f"unknown case file; expected {', '.join(PART_FILES)}",
                                      file=str(folder / name)))
    outlets = parts["outlets.yaml"]["outlets"]
    _unique_keys(outlets, Checker(str(folder / "outlets.yaml"), problems), "outlet")
    actor_recs = parts["actors.yaml"]
    _check_actors(actor_recs, Checker(str(folder / "actors.yaml"), problems))
    hyps = parts["hypotheses.yaml"]["hypotheses"]
    _unique_keys(hyps, Checker(str(folder / "hypotheses.yaml"), problems), "hypothesis")
    watches = parts["watches.yaml"]["watches"]
    _unique_keys(watches, Checker(str(folder / "watches.yaml"), problems), "watch")
    if problems or head is None:
        return None, problems
    start, end = head.pop("period", (None, None))
    ties = [model.Tie(**r.fields) for r in actor_recs["ties"]]
    for r in actor_recs["roles"]:
        f = dict(r.fields)
        ties.append(model.Tie(source=f.pop("actor"), relation=f.pop("role"),
                              target=f.pop("body", ""), **f))
    case = model.Case(
        **head, start=start, end=end, path=str(folder),
        outlets=tuple(model.Outlet(**r.fields) for r in outlets),
        actors=tuple(model.Actor(**r.fields) for r in actor_recs["actors"]),
        ties=tuple(ties),
        hypotheses=tuple(_hypothesis(r.fields) for r in hyps),
        watches=tuple(model.Watch(**r.fields) for r in watches),
    )
    return case, []


def _hypothesis(fields: dict[str, Any]) -> model.Hypothesis:
    """A hypothesis from its checked fields: indicator texts, and rules where given."""
    fields = dict(fields)
    pairs = fields.pop("indicators", ())
    return model.Hypothesis(**fields, indicators=tuple(text for text, _ in pairs),
                            rules=tuple(rule for _, rule in pairs if rule is not None))


def _raise_first(problems: list[CaseError]) -> None:
    """Raise the first problem, saying how many more there are."""
    if not problems:
        return
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise CaseError(_bare(first) + more, file=first.file, line=first.line, field=first.field)


def validate_case(path: str | os.PathLike[str]) -> list[CaseError]:
    """Every problem of a case folder, grouped by file; an empty list means it loads."""
    return _read(Path(path))[1]


def load_case(name_or_path: str | os.PathLike[str]) -> model.Case:
    """The case at a path or by name; raise ``CaseError`` (file, line, field) if it is invalid."""
    case, problems = _read(resolve_case(name_or_path))
    _raise_first(problems)
    assert case is not None
    return case


def _bare(error: CaseError) -> str:
    """The message of a CaseError without its file/line prefix and field suffix."""
    text = str(error)
    where = error.file + (f":{error.line}" if error.line else "")
    if where and text.startswith(where + ": "):
        text = text[len(where) + 2:]
    suffix = f" (field {error.field!r})"
    if error.field and text.endswith(suffix):
        text = text[: -len(suffix)]
    return text
