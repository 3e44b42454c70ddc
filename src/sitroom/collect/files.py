"""Bulk files into reports: JSONL and CSV of reports, ACLED export CSVs, GDELT event files.

``import_file`` streams a file record by record (never the whole file in memory), turns each into
a report (``files_formats``), stores them in batches, links wire copies among imported articles
to their originals, and records every bad record as an ``ErrorRecord`` with its file and line
(``source="reports.jsonl:17"``). A bad line never stops the import.
"""

from __future__ import annotations

import codecs
import json
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.collect import files_formats as formats
from sitroom.collect.files_io import Record, open_binary, open_text, read_csv, read_lines
from sitroom.errors import InputError, SitroomError
from sitroom.model import ErrorRecord, Report
from sitroom.reading.clean import is_probably_binary
from sitroom.store.api import AddResult, Store

if TYPE_CHECKING:
    from sitroom.reading.dedup import NearDuplicateIndex

__all__ = ["FORMATS", "ImportSummary", "detect_format", "import_file"]

FORMATS = ("jsonl", "csv", "acled", "gdelt")
BATCH = 500
KEEP_ERRORS = 1000  # errors kept in the summary; every one is counted
RECORD_ERRORS = 10_000  # errors written to the store per file; the rest are summarised in one

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class ImportSummary:
    """What one file import did. ``errors`` holds the first ``KEEP_ERRORS`` problems."""

    path: str
    format: str
    encoding: str = ""
    read: int = 0  # records read (good and bad)
    imported: int = 0  # new reports stored
    duplicates: int = 0  # records already stored (same URL, text or id)
    near_duplicates: int = 0  # new reports linked to an earlier one as a wire copy
    rejected: int = 0  # records that could not become reports
    warnings: int = 0  # records stored with a field dropped
    error_count: int = 0
    errors: tuple[ErrorRecord, ...] = ()
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (errors as dicts)."""
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "errors"}
        d["errors"] = [e.to_dict() for e in self.errors]
        return d


def _sniff(path: Path) -> tuple[str, str]:
    """(first non-empty line, encoding) of a file, read from a sample."""
    with open_text(path) as (text, encoding):
        for _ in range(50):
            line = text.readline(65536)
            if not line:
                break
            if line.strip():
                return line.lstrip("\ufeff").strip(), encoding
    return "", encoding


def _refuse_binary(path: Path) -> None:
    """``InputError`` for a file that is not text at all (an image, a PDF, a spreadsheet)."""
    try:
        with open_binary(path) as fh:
            head = fh.read(8192)
    except (OSError, EOFError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: cannot be read: {exc}") from exc
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if is_probably_binary(head):
        raise InputError(f"{path}: looks like a binary file, not JSONL, CSV or a GDELT export")


def detect_format(path: Path) -> str:
    """The format of a file, from its name and first line (``InputError`` if it cannot tell)."""
    name = path.name.lower()
    for suffix in (".gz", ".zip"):
        name = name.removesuffix(suffix)
    first, _ = _sniff(path)
    if name.endswith((".jsonl", ".ndjson", ".json")) or first.startswith("{"):
        return "jsonl"
    if first.count("\t") >= 50 and first.split("\t", 1)[0].strip().isdigit():
        return "gdelt"
    if name.endswith((".csv", ".tsv", ".txt")) or first.count(",") or first.count(";"):
        lowered = {c.strip().strip('"').lower() for c in first.replace(";", ",").split(",")}
        return "acled" if lowered >= formats.ACLED_MARKERS else "csv"
    raise InputError(f"{path}: cannot tell the format; give --format "
                     f"({', '.join(FORMATS)})")


@dataclass
class _Run:
    """The mutable tally of one import (private; the result is the frozen summary)."""

    store: Store
    path: Path
    fmt: str
    index: NearDuplicateIndex | None
    now: datetime
    encoding: str = ""
    read: int = 0
    imported: int = 0
    duplicates: int = 0
    near: int = 0
    rejected: int = 0
    warned: int = 0
    error_count: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)
    pending_errors: list[ErrorRecord] = field(default_factory=list)
    batch: list[tuple[int, Report]] = field(default_factory=list)

    def error(self, line: int, message: str, kind: str, outlet: str | None = None) -> None:
        """Count a bad record; keep it for the summary and the store within their limits."""
        self.error_count += 1
        record = ErrorRecord(stage="import", source=f"{self.path.name}:{line}", message=message,
                             at=self.now, outlet=outlet, kind=kind)
        if len(self.errors) < KEEP_ERRORS:
            self.errors.append(record)
        if self.error_count <= RECORD_ERRORS:
            self.pending_errors.append(record)
        if len(self.pending_errors) >= BATCH:
            self.flush_errors()

    def flush_errors(self) -> None:
        """Write the errors waiting to be recorded, in one call."""
        if not self.pending_errors:
            return
        self.store.record_errors(self.pending_errors)
        self.pending_errors = []

    def add(self, line: int, report: Report) -> None:
        """Queue a report; a full batch is stored."""
        self.batch.append((line, report))
        if len(self.batch) >= BATCH:
            self.flush()

    def _store_batch(self) -> list[AddResult | None]:
        try:
            return list(self.store.add_reports([r for _, r in self.batch]))
        except SitroomError:
            pass  # one bad report spoils a batch: find it by adding one by one
        results: list[AddResult | None] = []
        for line, report in self.batch:
            try:
                results.append(self.store.add_report(report))
            except SitroomError as exc:
                self.rejected += 1
                self.error(line, f"could not be stored: {exc}", "store", report.outlet)
                results.append(None)
        return results

    def _link_before_storing(self) -> tuple[list[bytes], set[str]]:
        """Sign the batch and link each wire copy to its original before it is stored, so a
        report is written once, with its link. Returns the signatures and the ids newly indexed."""
        signatures = self.index.signatures([r.text for _, r in self.batch])
        added: set[str] = set()
        linked = []
        for (line, report), sig in zip(self.batch, signatures, strict=True):
            fresh = report.id not in self.index
            original = self.index.add(report.id, sig)
            if fresh and report.id in self.index:
                added.add(report.id)
            if original is not None and original != report.id:
                report = replace(report, near_duplicate_of=original)
            linked.append((line, report))
        self.batch = linked
        return signatures, added

    def flush(self) -> None:
        """Store the batch: link wire copies, count new and duplicate reports, save signatures."""
        if not self.batch:
            return
        signatures, added = self._link_before_storing() if self.index is not None else ([], set())
        results = self._store_batch()
        stored_as: dict[str, str] = {}  # id refused as a duplicate -> id of the stored twin
        new: list[tuple[Report, bytes | None]] = []
        for i, ((_, report), result) in enumerate(zip(self.batch, results, strict=True)):
            if result is not None and result.is_new:
                self.imported += 1
                new.append((report, signatures[i] if signatures else None))
                continue
            if result is not None:
                self.duplicates += 1
                if result.existing_id and result.existing_id != report.id:
                    stored_as[report.id] = result.existing_id
            if report.id in added:  # indexed above but not stored under this id
                self.index.discard(report.id)
        for report, _ in new:
            target = report.near_duplicate_of
            if target is None:
                continue
            self.near += 1
            if target in stored_as and stored_as[target] != report.id:
                self.store.set_near_duplicate(report.id, stored_as[target])
        pairs = [(r.id, sig) for r, sig in new if sig is not None]
        if pairs:
            self.store.save_signatures(pairs)
        self.batch = []

    def summary(self, started: float) -> ImportSummary:
        return ImportSummary(
            path=str(self.path), format=self.fmt, encoding=self.encoding, read=self.read,
            imported=self.imported, duplicates=self.duplicates, near_duplicates=self.near,
            rejected=self.rejected, warnings=self.warned, error_count=self.error_count,
            errors=tuple(self.errors), seconds=time.perf_counter() - started,
        )


def _records(path: Path, fmt: str, run: _Run) -> Iterator[Record]:
    with open_text(path) as (text, encoding):
        run.encoding = encoding
        if fmt == "jsonl":
            yield from read_lines(text, encoding)
        elif fmt == "gdelt":
            yield from read_csv(text, encoding, header=False, delimiter="\t")
        else:
            yield from read_csv(text, encoding)


def _convert(record: Record, fmt: str, ctx: formats.ImportContext, warnings: list[str]) -> Report:
    value = record.value
    if fmt == "jsonl":
        try:
            value = json.loads(value)  # type: ignore[arg-type]
        except (json.JSONDecodeError, RecursionError) as exc:
            raise formats.RowError(f"not valid JSON: {exc}") from exc
        if not isinstance(value, dict):
            raise formats.RowError(f"a line must be a JSON object, not {type(value).__name__}")
        return formats.report_from_fields(value, ctx, warnings)
    if fmt == "gdelt":
        return formats.gdelt_report(value, ctx, warnings)  # type: ignore[arg-type]
    if fmt == "acled":
        return formats.acled_report(value, ctx, warnings)  # type: ignore[arg-type]
    return formats.report_from_fields(value, ctx, warnings)  # type: ignore[arg-type]


def _check_header(names: list[str], fmt: str) -> str | None:
    """Why a CSV header cannot be imported, or None."""
    if fmt == "acled":
        missing = formats.ACLED_MARKERS - set(names)
        return f"not an ACLED export: no column {', '.join(sorted(missing))}" if missing else None
    if "text" not in names:
        return f"no 'text' column (columns: {', '.join(n for n in names if n)[:200]})"
    return None


def import_file(
    store: Store,
    path: str | Path,
    *,
    fmt: str | None = None,
    outlet: str | None = None,
    case: str | None = None,
    clock: Clock | None = None,
    index: NearDuplicateIndex | None = None,
    link_near_duplicates: bool = True,
) -> ImportSummary:
    """Import one file of reports into the store; bad records are recorded, the rest go in.

    ``index`` is a ``NearDuplicateIndex`` shared across files (built from the store's signatures
    when not given); wire copies among JSONL/CSV reports are linked to their originals. ACLED
    and GDELT rows are records of events, not articles, and are never linked.
    """
    started = time.perf_counter()
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    _refuse_binary(path)
    fmt = fmt or detect_format(path)
    linking = fmt in ("jsonl", "csv") and link_near_duplicates
    if linking and index is None:
        from sitroom.reading.dedup import NearDuplicateIndex

        index = NearDuplicateIndex()
        index.load(store.iter_signatures())
    now = (clock or (lambda: datetime.now(UTC)))()
    run = _Run(store, path, fmt, index if linking else None, now)
    ctx = formats.ImportContext(fetched=now, outlet=outlet, case=case)
    header_seen = fmt in ("jsonl", "gdelt")
    try:
        for record in _records(path, fmt, run):
            if not header_seen:
                header_seen = True
                problem = _check_header(record.value or [], fmt)  # type: ignore[arg-type]
                if problem:
                    run.error(record.line, problem, "bad-header", outlet)
                    break
                continue
            run.read += 1
            if record.problem:
                run.rejected += 1
                run.error(record.line, record.problem, "bad-line", outlet)
                continue
            warnings: list[str] = []
            try:
                report = _convert(record, fmt, ctx, warnings)
            except formats.RowError as exc:
                run.rejected += 1
                run.error(record.line, str(exc), "bad-line", outlet)
                continue
            if warnings:
                run.warned += 1
                for w in warnings:
                    run.error(record.line, w, "bad-field", report.outlet)
            run.add(record.line, report)
        if not header_seen:
            run.error(1, "the file is empty (no header line)", "empty", outlet)
    except (OSError, EOFError, ValueError) as exc:  # truncated gzip, broken zip, I/O failure
        run.error(run.read + 1, f"file could not be read further: {exc}", "unreadable", outlet)
    finally:
        run.flush()
        if run.error_count > RECORD_ERRORS:
            run.pending_errors.append(ErrorRecord(
                stage="import", source=str(path.name), kind="too-many-errors", outlet=outlet,
                message=f"{run.error_count - RECORD_ERRORS:,} more errors not recorded",
                at=now))
        run.flush_errors()
    return run.summary(started)
