"""Case folders: the shipped case loads; broken ones fail with file, line and field."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from sitroom import model
from sitroom.cases import find_cases, load_case, resolve_case, validate_case
from sitroom.errors import CaseError

GOOD_CASE = """\
name: testland-2021
title: A test crisis
countries: [KGZ, KAZ]
period:
  start: 2021-01-01
  end: 2021-02-01
languages: [en, ru]
population: 1000
keywords:
  en: [alpha]
  ru: [альфа]
"""
GOOD_ACTORS = """\
actors:
  - key: a
    name: Person A
    kind: person
    aliases: [Alpha, Альфа]
  - key: b
    name: Body B
    kind: state-body
    inter: 1
roles:
  - actor: a
    role: prime_minister
    body: b
    start: 2021-01-05
ties:
  - source: a
    relation: leads
    target: b
    evidence: [https://example.org/a-leads-b]
"""


def write_case(root: Path, **files: str) -> Path:
    """A case folder under ``root`` with the good defaults, some files replaced."""
    folder = root / "case"
    folder.mkdir(exist_ok=True)
    contents = {"case.yaml": GOOD_CASE, "actors.yaml": GOOD_ACTORS, **files}
    for name, text in contents.items():
        (folder / name.replace("_", ".")).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_good_case_loads(tmp_path):
    case = load_case(write_case(tmp_path))
    assert case.name == "testland-2021"
    assert case.countries == ("KGZ", "KAZ")
    assert (case.start, case.end) == (date(2021, 1, 1), date(2021, 2, 1))
    assert case.keywords == ("alpha", "альфа")
    assert [a.key for a in case.actors] == ["a", "b"]
    roles = [t for t in case.ties if t.relation == "prime_minister"]
    assert roles == [model.Tie(source="a", relation="prime_minister", target="b",
                               start=date(2021, 1, 5))]


# (file name, its text, expected "file:line", expected field, words in the message)
BROKEN = [
    ("case.yaml", GOOD_CASE.replace("countries: [KGZ, KAZ]", "countries: [KGZ, XYZ]"),
     "case.yaml:3", "countries[1]", "ISO 3166"),
    ("case.yaml", GOOD_CASE + "colour: red\n", "case.yaml:12", "colour", "unknown key"),
    ("case.yaml", GOOD_CASE.replace("population: 1000", "population: many"),
     "case.yaml:8", "population", "whole number"),
    ("case.yaml", GOOD_CASE.replace("end: 2021-02-01", "end: 2020-02-01"),
     "case.yaml:6", "period.end", "before start"),
    ("case.yaml", GOOD_CASE.replace("start: 2021-01-01", "start: 32 Jan"),
     "case.yaml:5", "period.start", "not a date"),
    ("case.yaml", GOOD_CASE.replace("title: A test crisis\n", ""),
     "case.yaml:1", "title", "missing required"),
    ("case.yaml", GOOD_CASE + "name: again\n", "case.yaml:12", "name", "duplicate key"),
    ("case.yaml", GOOD_CASE.replace("languages: [en, ru]", "languages: [en, xx]"),
     "case.yaml:7", "languages[1]", "ISO 639-1"),
    ("case.yaml", "name: [unclosed\n", "case.yaml:2", "", "not valid YAML"),
    ("outlets.yaml", "outlets:\n  - key: o\n    name: O\n    ownership: state\n"
     "    bloc: martian\n", "outlets.yaml:5", "outlets[0].bloc", "unknown value 'martian'"),
    ("outlets.yaml", "outlets:\n  - key: o\n    name: O\n    ownership: owned\n"
     "    bloc: other\n", "outlets.yaml:4", "outlets[0].ownership", "unknown value"),
    ("outlets.yaml", "outlets:\n  - key: o\n    name: O\n    ownership: state\n"
     "    bloc: other\n    reliability: Z\n", "outlets.yaml:6", "outlets[0].reliability",
     "unknown value 'Z'"),
    ("outlets.yaml", "outlets:\n  - key: o\n    name: O\n    ownership: state\n"
     "    bloc: other\n  - key: o\n    name: P\n    ownership: state\n    bloc: other\n",
     "outlets.yaml:6", "outlets[1].key", "duplicate outlet key"),
    ("outlets.yaml", "outlets:\n  - key: o\n    name: O\n    ownership: state\n"
     "    bloc: other\n    feeds: [ftp://x]\n", "outlets.yaml:6", "outlets[0].feeds[0]",
     "http(s) URL"),
    ("actors.yaml", GOOD_ACTORS.replace("kind: person", "kind: wizard"),
     "actors.yaml:4", "actors[0].kind", "unknown value 'wizard'"),
    ("actors.yaml", GOOD_ACTORS.replace("relation: leads", "relation: loves"),
     "actors.yaml:17", "ties[0].relation", "unknown value 'loves'"),
    ("actors.yaml", GOOD_ACTORS.replace("target: b", "target: nobody"),
     "actors.yaml:18", "ties[0].target", "unknown actor 'nobody'"),
    ("actors.yaml", GOOD_ACTORS.replace("body: b", "body: ghost"),
     "actors.yaml:13", "roles[0].body", "unknown actor 'ghost'"),
    ("actors.yaml", GOOD_ACTORS.replace("inter: 1", "inter: 1\n    aliases: [ALPHA]"),
     "actors.yaml:10", "actors[1].aliases[0]", "also used by actor 'a'"),
    ("actors.yaml", GOOD_ACTORS.replace("inter: 1", "inter: 9"),
     "actors.yaml:9", "actors[1].inter", "inter code"),
    ("actors.yaml", GOOD_ACTORS.replace("start: 2021-01-05", "start: 2021-01-05\n"
                                        "    end: 2020-01-01"),
     "actors.yaml:15", "roles[0].end", "before start"),
    ("actors.yaml", GOOD_ACTORS.replace("role: prime_minister", "role: Prime Minister"),
     "actors.yaml:12", "roles[0].role", "not a role name"),
    ("hypotheses.yaml", "hypotheses:\n  - key: h\n    title: H\n    indicators: 3\n",
     "hypotheses.yaml:4", "hypotheses[0].indicators", "expected a list"),
    ("watches.yaml", "watches:\n  - key: w\n    title: W\n    query:\n      colour: red\n",
     "watches.yaml:5", "watches[0].query.colour", "unknown query field"),
    ("watches.yaml", "watchez: []\n", "watches.yaml:1", "watchez", "unknown section"),
]


@pytest.mark.parametrize(("name", "text", "where", "field", "words"), BROKEN,
                         ids=[f"{b[0]}:{b[3] or b[4]}" for b in BROKEN])
def test_broken_case_names_file_line_field(tmp_path, name, text, where, field, words):
    folder = write_case(tmp_path, **{name.replace(".", "_"): text})
    problems = validate_case(folder)
    assert problems, "expected a problem"
    first = problems[0]
    assert f"{first.file}:{first.line}".endswith(where), str(first)
    assert first.field == field, str(first)
    assert words in str(first)
    with pytest.raises(CaseError) as raised:
        load_case(folder)
    assert str(raised.value).startswith(str(folder / name))


def test_all_problems_reported_not_just_the_first(tmp_path):
    folder = write_case(
        tmp_path,
        case_yaml=GOOD_CASE.replace("[KGZ, KAZ]", "[KGZ, QQQ]") + "extra: 1\n",
        actors_yaml=GOOD_ACTORS.replace("kind: person", "kind: elf")
        .replace("target: b", "target: c"),
    )
    problems = validate_case(folder)
    fields = {p.field for p in problems}
    assert {"countries[1]", "extra", "actors[0].kind", "ties[0].target"} <= fields
    with pytest.raises(CaseError, match=r"and 3 more"):
        load_case(folder)


def test_unknown_file_and_missing_case_yaml(tmp_path):
    folder = write_case(tmp_path, outlet_yaml="outlets: []\n")
    assert any("unknown case file" in str(p) for p in validate_case(folder))
    (folder / "case.yaml").unlink()
    assert "no case.yaml" in str(validate_case(folder)[0])


def test_find_and_resolve(tmp_path, monkeypatch):
    write_case(tmp_path)
    (tmp_path / "not-a-case").mkdir()
    assert find_cases(tmp_path) == [tmp_path / "case"]
    assert find_cases(tmp_path / "missing") == []
    monkeypatch.chdir(tmp_path.parent)
    assert resolve_case(tmp_path / "case" / "case.yaml") == tmp_path / "case"
    with pytest.raises(CaseError, match="no case 'nope'"):
        resolve_case("nope")
