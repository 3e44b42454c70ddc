"""``sitroom recode``: run the coder over stored reports, writing new claims, keeping old ones.

Re-coding is idempotent: a claim's id derives from its report, the coder version and its place
in the coder's output, and each report is coded with its own case's inputs (``coder_for_case``),
whatever the run was asked for. So re-coding unchanged reports
with an unchanged coder writes nothing (``sitroom recode`` with or without ``--case``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from sitroom.errors import NotFound
from sitroom.model import Case, Document, ErrorRecord, Report
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


def coder_for_case(case: Case | None, processes: int = 1):
    """The coder of a case's reports: its actors and countries (nothing without a case).

    The one place that says which inputs a case's coding has: the demo, ``recode --case`` and
    ``recode`` over everything all build their coder here, so they code a report identically.
    """
    from sitroom.coding import Coder

    if case is None:
        return Coder(processes=processes)
    return Coder(case.actors, countries_hint=case.countries, ties=case.ties,
                 processes=processes)


def case_coders(store: Store, processes: int = 1) -> Callable[[str], object]:
    """A cached factory: the coder of a stored case by name (a bare coder if it is gone)."""
    cache: dict[str, object] = {}

    def coder_for(name: str) -> object:
        if name not in cache:
            try:
                cache[name] = coder_for_case(store.get_case(name), processes)
            except NotFound:
                cache[name] = coder_for_case(None, processes)
        return cache[name]

    return coder_for


def recode(store: Store, coder, *, case: str | None = None, since: datetime | None = None,
           batch: int = 64, progress: Callable[[int], None] | None = None,
           case_coder: Callable[[str], object] | None = None) -> RecodeResult:
    """Code every matching report; a report that fails is recorded as an ErrorRecord.

    ``coder`` codes the reports of ``case`` (or, with no case named, reports in no case); with
    no case named, ``case_coder(name)`` codes each report that belongs to a case, so a run over
    everything codes every report exactly as its case's own run did.
    """
    query = ReportQuery(case=case, since=since, include_duplicates=False, limit=None)
    seen = new = errors = 0
    pending: dict[int, tuple[object, list[Report]]] = {}

    def pick(report: Report):
        if case is None and report.case and case_coder is not None:
            return case_coder(report.case)
        return coder

    def flush(key: int) -> None:
        nonlocal new, errors
        who, reports = pending.pop(key)
        docs = [document_of(r, who.countries_hint) for r in reports]
        try:
            results = list(who.code_many(docs))
        except Exception:
            results = []
            for report, doc in zip(reports, docs, strict=True):
                try:
                    results.append(who.code(doc))
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

    for report in store.iter_reports(query):
        seen += 1
        who = pick(report)
        pending.setdefault(id(who), (who, []))[1].append(report)
        if len(pending[id(who)][1]) >= batch:
            flush(id(who))
            if progress:
                progress(seen)
    for key in list(pending):
        flush(key)
    return RecodeResult(seen, new, errors, coder.version)
