"""Tips: typed in by a person, stored unreviewed; hostile input is refused clearly or made inert."""

import json
import zlib
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.collect.tips import MAX_TIP_CHARS, review_tip, submit_tip, tip_report
from sitroom.errors import InputError, NotFound
from sitroom.model import Report
from sitroom.store.api import ReportQuery

NOW = datetime(2020, 10, 6, 3, 0, tzinfo=UTC)


def clock():
    return NOW


def test_tip_is_stored_unreviewed_with_contact_place_and_language(store):
    text = "Sample tip: about two hundred people are blocking the road to the Kumtor mine."
    result = submit_tip(store, text, contact="+996 555 000 000", place="Barskoon",
                        case="kyrgyzstan-2020", clock=clock)
    assert result.is_new
    tip = store.get_report(result.report_id)
    assert (tip.kind, tip.review_status, tip.submitter, tip.place_hint, tip.lang) == (
        "tip", "unreviewed", "+996 555 000 000", "Barskoon", "en")
    assert tip.text == text and tip.case == "kyrgyzstan-2020"
    assert tip.fetched == NOW and tip.published == NOW
    assert store.get_raw(tip.id) == text.encode()


def test_language_detected_when_absent_and_kept_when_given(memory_store):
    ru = submit_tip(memory_store, "Пример: у здания ГКНБ собралась толпа, требуют освободить его.")
    ky = submit_tip(memory_store, "Мисал: Ош шаарында жүздөгөн адамдар чогулушту.", lang="KY")
    assert memory_store.get_report(ru.report_id).lang == "ru"
    assert memory_store.get_report(ky.report_id).lang == "ky"


def test_same_tip_twice_is_stored_once(memory_store):
    first = submit_tip(memory_store, "Sample tip: shots heard near the square.")
    again = submit_tip(memory_store, "Sample tip:   shots heard near the square.  ")
    assert first.is_new and not again.is_new and again.existing_id == first.report_id
    assert memory_store.count_reports(ReportQuery(kind="tip")) == 1


def test_script_and_markup_are_removed_never_kept_as_text(memory_store):
    hostile = "<script>alert('x')</script><b>Sample</b> tip: <img src=x onerror=alert(1)>crowd"
    tip = memory_store.get_report(submit_tip(memory_store, hostile, contact="<i>me</i>").report_id)
    assert "<" not in tip.text and "alert" not in tip.text
    assert tip.text == "Sample tip: crowd"
    assert tip.submitter == "me"
    assert zlib.decompress(tip.raw) == hostile.encode()  # the submission as received, inert


@pytest.mark.parametrize("bad,message", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("\x00\x00\x00", "binary"),
    ("<p> </p><script>x</script>", "empty"),
    ("a" * (MAX_TIP_CHARS + 1), "limit"),
    (b"\xff\xfe not utf-8 \xc3", "UTF-8"),
    (b"%PDF-1.4 binary", "binary"),
])
def test_bad_tips_get_a_clear_message(memory_store, bad, message):
    with pytest.raises(InputError, match=message):
        submit_tip(memory_store, bad)
    assert memory_store.count_reports() == 0


def test_bad_fields_get_a_clear_message():
    with pytest.raises(InputError, match="contact"):
        tip_report("Sample tip", contact="x" * 1000)
    with pytest.raises(InputError, match="language"):
        tip_report("Sample tip", lang="english; DROP TABLE reports")
    with pytest.raises(InputError, match="case"):
        tip_report("Sample tip", case="../../etc")


def test_lone_surrogates_and_nulls_are_sanitised():
    tip = tip_report("Sample\ud800 tip\x00 with\udcff odd\u202e characters", lang="en")
    assert tip.text == "Sample tip with odd characters"
    tip.text.encode("utf-8")  # storable


def test_review(memory_store):
    tip_id = submit_tip(memory_store, "Sample tip: the governor has resigned.").report_id
    assert review_tip(memory_store, tip_id, "accepted").review_status == "accepted"
    assert memory_store.list_reports(ReportQuery(review_status="accepted"))[0].id == tip_id
    with pytest.raises(InputError, match="review status"):
        review_tip(memory_store, tip_id, "maybe")
    with pytest.raises(NotFound):
        review_tip(memory_store, "t-missing", "rejected")
    memory_store.add_report(Report(id="a1", kind="article", text="Sample article."))
    with pytest.raises(InputError, match="not a tip"):
        review_tip(memory_store, "a1", "accepted")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.binary(max_size=200)),
       st.one_of(st.none(), st.text(max_size=50)))
def test_any_input_is_refused_clearly_or_stored_clean(text, contact):
    try:
        report = tip_report(text, contact=contact, lang="en", clock=clock)
    except InputError as exc:
        assert str(exc)
        return
    assert report.kind == "tip" and report.review_status == "unreviewed"
    assert report.text.strip() and any(c.isalnum() for c in report.text)
    assert all(ord(c) >= 32 or c in "\n\t" for c in report.text + report.submitter)
    assert "<script" not in report.text.lower()
    report.text.encode("utf-8")
    report.submitter.encode("utf-8")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_stored_tips_round_trip(memory_store, text):
    try:
        result = submit_tip(memory_store, text, lang="en")
    except InputError:
        return
    assert memory_store.get_report(result.report_id).text.strip()


# --- the `sitroom tip` commands ----------------------------------------------------------------


def run_cli(capsys, *argv):
    from sitroom.cli import main

    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_tip_commands(tmp_path, capsys, monkeypatch):
    import io
    import sys

    db = f"sqlite:///{tmp_path / 'tips.sqlite'}"
    code, out, _ = run_cli(capsys, "--db", db, "tip", "add", "Sample tip: a crowd at the gate.",
                           "--contact", "@sample", "--place", "Barskoon")
    assert code == 0 and "stored, unreviewed" in out
    tip_id = out.split()[1]
    code, out, _ = run_cli(capsys, "--db", db, "tip", "add", "Sample tip: a crowd at the gate.")
    assert code == 0 and f"already stored as {tip_id}" in out

    stdin = io.TextIOWrapper(io.BytesIO("Пример: колонна машин идёт к Бишкеку.".encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run_cli(capsys, "--db", db, "tip", "add", "-", "--lang", "ru")
    assert code == 0

    code, out, err = run_cli(capsys, "--db", db, "tip", "add", "   ")
    assert code == 1 and "empty" in err

    code, out, _ = run_cli(capsys, "--db", db, "tip", "list")
    assert out.count("unreviewed") == 2 and "Barskoon" in out and "@sample" in out
    code, out, _ = run_cli(capsys, "--db", db, "tip", "review", tip_id, "rejected")
    assert code == 0 and "rejected" in out
    code, out, _ = run_cli(capsys, "--db", db, "tip", "list", "--status", "rejected",
                           "--format", "jsonl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [tip_id]
    code, out, err = run_cli(capsys, "--db", db, "tip", "review", "t-nope", "accepted")
    assert code == 1 and "t-nope" in err
