"""`recode`: stored reports coded again; claims tagged with the coder version; old ones kept."""

from __future__ import annotations

from datetime import datetime

from sitroom.coding import Coder
from sitroom.model import Claim, Report, content_hash
from sitroom.pipeline.code import recode
from sitroom.store import open_store


def _report(rid: str, text: str) -> Report:
    return Report(id=rid, kind="article", text=text, lang="en",
                  published=datetime(2020, 10, 7, 9), content_hash=content_hash(text),
                  country_hint="KGZ", url=f"https://example.org/{rid}",
                  canonical_url=f"https://example.org/{rid}")


class _Broken(Coder):
    """A coder that fails on one report, to show the run goes on."""

    def code_many(self, docs):
        for doc in docs:
            if "BROKEN" in doc.text:
                raise RuntimeError("boom")
        return super().code_many(docs)

    def code(self, doc):
        if "BROKEN" in doc.text:
            raise RuntimeError("boom")
        return super().code(doc)


def test_recode_writes_new_versioned_claims_and_records_failures() -> None:
    store = open_store("sqlite://")
    try:
        store.add_report(_report("r1", "Police detained 15 protesters in Bishkek on Monday."))
        store.add_report(_report("r2", "BROKEN text that makes the coder fail."))
        store.add_report(_report("r3", "The weather in Osh was sunny."))
        old = Claim(doc_id="r1", event_date=None, time_precision=None, event_type=None,
                    sub_event_type=None, id="old-claim", coder_version="v0")
        store.add_claims([old])

        result = recode(store, _Broken(version="test-v1"))
        assert (result.reports, result.errors) == (3, 1)
        claims = store.list_claims(report_id="r1")
        assert {c.coder_version for c in claims} == {"v0", "test-v1"}
        new = [c for c in claims if c.coder_version == "test-v1"]
        assert new[0].sub_event_type == "Protest with intervention" and new[0].arrests == 15
        assert store.list_claims(report_id="r3") == []
        errors = store.list_errors(stage="code")
        assert [e.source for e in errors] == ["r2"]

        again = recode(store, Coder(version="test-v1"))
        assert again.claims_new == 0  # same version, same ids: nothing new
    finally:
        store.close()
