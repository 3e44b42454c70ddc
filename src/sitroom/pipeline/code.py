"""``sitroom recode``: run the coder over stored reports, writing new claims, keeping old ones."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from sitroom.model import Document, ErrorRecord, Report
from sitroom.store.api import ReportQuery, Store


@dataclass(frozen=True)
class RecodeResult:
    """What a recode run did."""

    reports: int
    claims_new: int
    errors: int
    coder_version: str


def document_of(report: Report, countries: Collection[str] = ()) -> Document:
    """The coder's view of a stored report (title kept apart, publication day, hints).

    An article's country hint is its outlet's home, which says nothing of where a foreign
    outlet's story happened: it is passed on only when it is one of the watched ``countries``.
    """
    hint = report.country_hint
    if report.kind == "article" and hint not in countries:
        hint = None
    return Document(
        id=report.id,
        text=report.text or "",
        published=report.published.date() if report.published else None,
        country=hint,
        lang=report.lang,
        source=report.outlet,
        title=report.title,
    )


def recode(store: Store, coder, *, case: str | None = None, since: datetime | None = None,
           batch: int = 64, progress: Callable[[int], None] | None = None) -> RecodeResult:
    """Code every matching report; a report that fails is recorded as an ErrorRecord."""
    query = ReportQuery(case=case, since=since, include_duplicates=False, limit=None)
    seen = new = errors = 0
    pending: list[Report] = []

    def flush() -> None:
        nonlocal new, errors
        docs = [document_of(r, coder.countries_hint) for r in pending]
        try:
            results = list(coder.code_many(docs))
        except Exception:
            results = []
            for report, doc in zip(pending, docs, strict=True):
                try:
                    results.append(coder.code(doc))
                except Exception as exc:
                    errors += 1
                    results.append([])
                    store.record_error(ErrorRecord(
                        stage="code", source=report.id, message=str(exc) or repr(exc),
                        at=datetime.now(UTC), outlet=report.outlet,
                        kind=type(exc).__name__))
        claims = [c for result in results for c in result]
        if claims:
            new += store.add_claims(claims)
        pending.clear()

    for report in store.iter_reports(query):
        seen += 1
        pending.append(report)
        if len(pending) >= batch:
            flush()
            if progress:
                progress(seen)
    if pending:
        flush()
    return RecodeResult(seen, new, errors, coder.version)
