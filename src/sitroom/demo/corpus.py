"""The demo's bundled corpus: sample reports on the real timeline of October 2020, and the seed.

The corpus is data inside the package (``corpus/*.yaml``, one file per day); every report but
the seed note is a sample written for sitroom and attributed to a sample outlet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from sitroom.errors import CaseError
from sitroom.model import Outlet

DEMO_DIR = Path(__file__).resolve().parent
CORPUS_DIR = DEMO_DIR / "corpus"
OUTLETS_FILE = DEMO_DIR / "outlets.yaml"
EXPECTED_FILE = DEMO_DIR / "expected_events.yaml"
SAMPLE_FOOTER = "Sample report written for sitroom. Not a real article; the outlet is a sample."
SEED_FOOTER = "Not a sample: the real note that started sitroom, as written by its author."

_FIELDS = frozenset({"id", "outlet", "lang", "published", "title", "author", "sample", "text",
                     "text_file", "copy_of", "lead", "tail", "note"})


@dataclass(frozen=True)
class SampleReport:
    """One report of the corpus, as the demo server publishes it."""

    id: str
    outlet: str
    lang: str
    published: datetime
    title: str
    text: str
    author: str = ""
    sample: bool = True
    copy_of: str | None = None  # a wire copy: the id of the report it reprints
    note: str = ""
    source_file: str = ""

    @property
    def day(self) -> date:
        """The day it was published (in its own time zone)."""
        return self.published.date()

    @property
    def paragraphs(self) -> list[str]:
        """The text as paragraphs, line breaks inside a paragraph joined."""
        return [" ".join(p.split()) for p in self.text.split("\n\n") if p.strip()]


def _problem(message: str, file: Path, line: int | None = None) -> CaseError:
    return CaseError(message, file=str(file), line=line)


def _read_day(path: Path) -> list[dict]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise _problem(f"not valid YAML: {exc}", path) from exc
    if not isinstance(data, dict) or not isinstance(data.get("reports"), list):
        raise _problem("expected a mapping with a list under 'reports'", path)
    for entry in data["reports"]:
        if not isinstance(entry, dict):
            raise _problem("each report must be a mapping", path)
        entry["_file"] = path
    return data["reports"]


def _build(entry: dict, by_id: dict[str, SampleReport]) -> SampleReport:
    """One report from its YAML entry; a wire copy takes its text from the original."""
    path: Path = entry.pop("_file")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise _problem(f"report {entry.get('id')!r}: unknown fields {sorted(unknown)}", path)
    missing = {"id", "outlet", "lang"} - set(entry)
    if missing:
        raise _problem(f"report {entry.get('id')!r}: missing fields {sorted(missing)}", path)
    published = entry.get("published")
    if not isinstance(published, datetime) or published.tzinfo is None:
        raise _problem(f"report {entry.get('id')!r}: published needs a date, time and offset",
                       path)
    if entry.get("copy_of"):
        original = by_id.get(entry["copy_of"])
        if original is None:
            raise _problem(f"report {entry['id']!r} copies unknown {entry['copy_of']!r} "
                           "(the original must come first)", path)
        parts = [entry.get("lead", ""), original.text.strip(), entry.get("tail", "")]
        text = "\n\n".join(p.strip() for p in parts if p and p.strip())
    elif entry.get("text_file"):
        text = (CORPUS_DIR / entry["text_file"]).read_text(encoding="utf-8")
    else:
        text = entry.get("text", "")
    if not text.strip() or not entry.get("title"):
        raise _problem(f"report {entry.get('id')!r} needs a title and a text", path)
    return SampleReport(
        id=entry["id"], outlet=entry["outlet"], lang=entry["lang"], published=published,
        title=entry["title"], text=text.strip(), author=entry.get("author", "Sample desk"),
        sample=entry.get("sample", True), copy_of=entry.get("copy_of"),
        note=entry.get("note", ""), source_file=path.name,
    )


@cache
def load_corpus() -> tuple[SampleReport, ...]:
    """Every report of the corpus in publication order; raise ``CaseError`` on a bad entry."""
    by_id: dict[str, SampleReport] = {}
    outlets = {o.key for o in load_sample_outlets()}
    for path in sorted(CORPUS_DIR.glob("*.yaml")):
        for entry in _read_day(path):
            report = _build(entry, by_id)
            if report.id in by_id:
                raise _problem(f"duplicate report id {report.id!r}", path)
            if report.outlet not in outlets:
                raise _problem(f"report {report.id!r}: unknown outlet {report.outlet!r}", path)
            by_id[report.id] = report
    return tuple(sorted(by_id.values(), key=lambda r: (r.published, r.id)))


@cache
def load_sample_outlets() -> tuple[Outlet, ...]:
    """The demo's sample outlets (and the seed note's author), from outlets.yaml."""
    from sitroom.cases import load_outlets

    return load_outlets(OUTLETS_FILE)
