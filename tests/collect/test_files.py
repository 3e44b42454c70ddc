"""Bulk imports: good, bad and mixed files, encodings, ACLED and GDELT layouts, wire copies.

Every file here is written by the test itself; the ACLED and GDELT lines are samples made up with
those datasets' column layouts, not rows of either dataset.
"""

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitroom.collect import files_io
from sitroom.collect.files import detect_format, import_file
from sitroom.collect.files_formats import GDELT_COLUMNS
from sitroom.errors import InputError, NotFound
from sitroom.store.api import ReportQuery

NOW = datetime(2020, 10, 7, 12, 0, tzinfo=UTC)

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)
ACLED_ROWS = [
    'SMP0001,2020-10-05,2020,1,Demonstrations,Protests,Peaceful protest,Protesters (Kyrgyzstan),'
    ',6,,,0,60,,417,Central Asia,Kyrgyzstan,Bishkek,,,Bishkek,42.87,74.59,1,Sample Source A,'
    'National,"Sample note: on 5 October 2020, several thousand people gathered on the central '
    'square to protest the results of the parliamentary election.",0,crowd size=thousands,'
    '1602000000',
    'SMP0002,06 October 2020,2020,1,Political violence,Riots,Violent demonstration,Rioters '
    '(Kyrgyzstan),,5,Police Forces of Kyrgyzstan (2017-),,1,15,,417,Central Asia,Kyrgyzstan,'
    'Bishkek,,,Bishkek,42.87,74.59,1,Sample Source B; Sample Source C,National,"Sample note: '
    'rioters entered a government building; police used tear gas. 1 fatality reported.",1,,'
    '1602000001',
    'SMP0003,2020-10-06,2020,1,Demonstrations,Protests,Peaceful protest,Protesters,,6,,,0,60,,'
    '417,Central Asia,Kyrgyzstan,Osh,,,Osh,40.5,72.8,1,Sample Source A,National,,0,,1602000002',
]


def gdelt_row(event_id: int, code: str = "145", url: str = "https://sample.example/a1") -> str:
    cells = dict.fromkeys(GDELT_COLUMNS, "")
    cells.update({
        "GlobalEventID": str(event_id), "Day": "20201006", "MonthYear": "202010", "Year": "2020",
        "FractionDate": "2020.7616", "Actor1Code": "KGZOPP", "Actor1Name": "KYRGYZSTAN",
        "Actor1CountryCode": "KGZ", "Actor2Code": "KGZCOP", "Actor2Name": "POLICE",
        "Actor2CountryCode": "KGZ", "IsRootEvent": "1", "EventCode": code,
        "EventBaseCode": code, "EventRootCode": code[:2], "QuadClass": "4",
        "GoldsteinScale": "-6.5", "NumMentions": "10", "NumSources": "2", "NumArticles": "10",
        "AvgTone": "-5.2", "ActionGeo_Type": "4", "ActionGeo_FullName": "Bishkek, Bishkek, "
        "Kyrgyzstan", "ActionGeo_CountryCode": "KG", "ActionGeo_Lat": "42.87",
        "ActionGeo_Long": "74.59", "DATEADDED": "20201006031500", "SOURCEURL": url,
    })
    return "\t".join(cells[c] for c in GDELT_COLUMNS)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def jsonl(*objects) -> str:
    return "\n".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)
                     for o in objects) + "\n"


def clock():
    return NOW


def test_good_jsonl_goes_in_with_every_field(store, tmp_path):
    path = write(tmp_path, "reports.jsonl", jsonl(
        {"id": "s-1", "url": "https://sample.example/news/1?utm_source=feed", "title": "Sample",
         "text": "Sample report: protesters gathered on Ala-Too square in Bishkek.",
         "published": "2020-10-05T20:00:00+06:00", "outlet": "sample-outlet", "lang": "en",
         "country": "KGZ"},
        {"text": "Пример: в Оше прошёл митинг в поддержку кандидатов.", "country": "Kyrgyzstan"},
    ))
    summary = import_file(store, path, case="kyrgyzstan-2020", clock=clock)
    assert (summary.format, summary.read, summary.imported, summary.error_count) == (
        "jsonl", 2, 2, 0)
    first = store.get_report("s-1")
    assert first.kind == "import" and first.outlet == "sample-outlet"
    assert first.canonical_url == "https://sample.example/news/1"
    assert first.published == datetime(2020, 10, 5, 14, 0, tzinfo=UTC)
    assert (first.country_hint, first.lang, first.case, first.fetched) == (
        "KGZ", "en", "kyrgyzstan-2020", NOW)
    second = store.list_reports(ReportQuery(lang="ru"))[0]
    assert second.country_hint == "KGZ" and second.id.startswith("i")
    # importing the same file again adds nothing
    again = import_file(store, path, clock=clock)
    assert (again.imported, again.duplicates) == (0, 2)
    assert store.count_reports() == 2


def test_bad_lines_are_recorded_with_numbers_and_the_rest_goes_in(sqlite_store, tmp_path):
    path = write(tmp_path, "mixed.jsonl", jsonl(
        {"text": "Sample one: a rally in Naryn."},
        "{not json",
        {"title": "no text here"},
        "",
        '["a", "list"]',
        {"text": 42},
        {"text": "Sample two: a march in Talas.", "published": "last Tuesday"},
        {"text": "<script>alert(1)</script>"},
        {"text": "Sample three: a blockade in Jalal-Abad.", "country": "Atlantis"},
    ))
    summary = import_file(sqlite_store, path, clock=clock)
    assert (summary.read, summary.imported, summary.rejected, summary.warnings) == (8, 3, 5, 2)
    by_line = {e.source: e for e in summary.errors}
    assert set(by_line) == {"mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:5", "mixed.jsonl:6",
                            "mixed.jsonl:7", "mixed.jsonl:8", "mixed.jsonl:9"}
    assert "not valid JSON" in by_line["mixed.jsonl:2"].message
    assert by_line["mixed.jsonl:3"].message == "no text"
    assert "last Tuesday" in by_line["mixed.jsonl:7"].message
    assert "empty" in by_line["mixed.jsonl:8"].message
    assert "Atlantis" in by_line["mixed.jsonl:9"].message
    stored = sqlite_store.list_errors(stage="import")
    assert {e.source for e in stored} == set(by_line)
    assert sqlite_store.count_reports() == 3


def test_csv_with_bom_crlf_semicolons_and_quoted_newlines(memory_store, tmp_path):
    content = ("\ufeffid;Title;TEXT;published;outlet\r\n"
               "c1;One;\"Sample: first line\r\nsecond line of the same report\";2020-10-06;o1\r\n"
               "c2;Two;Sample: another report from Osh;06.10.2020;\r\n"
               "c3;Three;;2020-10-06;o1\r\n")
    path = write(tmp_path, "reports.csv", content)
    summary = import_file(memory_store, path, outlet="default-outlet", clock=clock)
    assert (summary.format, summary.imported, summary.rejected) == ("csv", 2, 1)
    assert summary.errors[0].source == "reports.csv:5"  # the row after a two-line field
    one = memory_store.get_report("c1")
    assert one.text == "Sample: first line\nsecond line of the same report"
    assert one.title == "One" and one.outlet == "o1"
    assert memory_store.get_report("c2").outlet == "default-outlet"
    assert memory_store.get_report("c2").published == datetime(2020, 10, 6, tzinfo=UTC)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-8-sig"])
def test_cyrillic_encodings_are_detected(memory_store, tmp_path, encoding):
    text = "Пример: тысячи людей вышли на площадь Ала-Тоо, требуя отменить итоги выборов."
    path = write(tmp_path, "ru.csv", f"text,lang\n\"{text}\",ru\n".encode(encoding))
    summary = import_file(memory_store, path, clock=clock)
    assert summary.imported == 1 and summary.encoding == encoding
    assert memory_store.list_reports()[0].text == text


def test_a_line_in_another_encoding_is_recorded_not_fatal(memory_store, tmp_path):
    good = "Пример: митинг в Бишкеке продолжается второй день подряд."
    data = (b"text\n" + f"\"{good}\"\n".encode() + "\"Плохая строка\"\n".encode("cp1251")
            + b"\"Sample: a last good line.\"\n")
    path = write(tmp_path, "mixed.csv", data)
    summary = import_file(memory_store, path, clock=clock)
    assert (summary.imported, summary.rejected) == (2, 1)
    assert summary.errors[0].source == "mixed.csv:3"
    assert "not valid utf-8" in summary.errors[0].message


def test_empty_files(memory_store, tmp_path):
    summary = import_file(memory_store, write(tmp_path, "empty.csv", "\r\n\n"), clock=clock)
    assert summary.imported == 0 and summary.errors[0].kind == "empty"
    summary = import_file(memory_store, write(tmp_path, "empty.jsonl", ""), clock=clock)
    assert (summary.read, summary.imported, summary.error_count) == (0, 0, 0)


def test_csv_without_text_column_is_refused_clearly(memory_store, tmp_path):
    path = write(tmp_path, "notext.csv", "title,body2\nA,B\n")
    summary = import_file(memory_store, path, clock=clock)
    assert summary.imported == 0 and summary.errors[0].kind == "bad-header"
    assert "no 'text' column" in summary.errors[0].message


def test_acled_export_rows_become_reports(store, tmp_path):
    path = write(tmp_path, "acled_sample.csv", "\n".join([ACLED_HEADER, *ACLED_ROWS]) + "\n")
    assert detect_format(path) == "acled"
    summary = import_file(store, path, case="kyrgyzstan-2020", clock=clock)
    assert (summary.format, summary.imported, summary.rejected) == ("acled", 2, 1)
    assert summary.errors[0].source == "acled_sample.csv:4"
    assert summary.errors[0].message == "no notes"
    riot = store.get_report("acled-SMP0002")
    assert riot.kind == "import" and riot.text.startswith("Sample note: rioters")
    assert riot.published == datetime(2020, 10, 6, tzinfo=UTC)
    assert (riot.country_hint, riot.place_hint, riot.author) == (
        "KGZ", "Bishkek", "Sample Source B; Sample Source C")
    assert "Riots / Violent demonstration" in riot.title
    raw = json.loads(store.get_raw("acled-SMP0002"))
    assert raw["sub_event_type"] == "Violent demonstration" and raw["fatalities"] == "1"


def test_gdelt_event_file_rows_become_reports(memory_store, tmp_path):
    rows = [gdelt_row(950000001), gdelt_row(950000002, "141"), "950000003\tshort row",
            gdelt_row(950000004, url="https://sample.example/a2")]
    path = write(tmp_path, "20201006031500.export.CSV", "\n".join(rows) + "\n")
    assert detect_format(path) == "gdelt"
    summary = import_file(memory_store, path, clock=clock)
    assert (summary.format, summary.imported, summary.rejected) == ("gdelt", 3, 1)
    assert summary.errors[0].source == "20201006031500.export.CSV:3"
    one = memory_store.get_report("gdelt-950000001")
    assert one.url == "https://sample.example/a1" and one.canonical_url == ""
    assert one.published == datetime(2020, 10, 6, tzinfo=UTC)
    assert one.country_hint == "KGZ" and "CAMEO 145" in one.text
    assert json.loads(memory_store.get_raw(one.id))["ActionGeo_CountryCode"] == "KG"


def test_gzipped_file_and_explicit_format(memory_store, tmp_path):
    path = tmp_path / "reports.data.gz"
    path.write_bytes(gzip.compress(jsonl({"text": "Sample: a gzipped report."}).encode()))
    summary = import_file(memory_store, path, fmt="jsonl", clock=clock)
    assert summary.imported == 1
    with pytest.raises(InputError, match="unknown format"):
        import_file(memory_store, path, fmt="xml")
    with pytest.raises(InputError, match="no such file"):
        import_file(memory_store, tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="binary"):
        import_file(memory_store, write(tmp_path, "scan.jsonl", b"%PDF-1.4\n\x00\x01binary"))
    with pytest.raises(InputError, match="cannot be read"):
        import_file(memory_store, write(tmp_path, "broken.zip", b"PK\x03\x04 not a zip"))


def test_utf16_file_with_bom(memory_store, tmp_path):
    path = write(tmp_path, "u16.csv", "text\nПример: отчёт в UTF-16.\n".encode("utf-16"))
    summary = import_file(memory_store, path, clock=clock)
    assert (summary.imported, summary.encoding) == (1, "utf-16")


def test_overlong_line_is_refused_without_loading_it(memory_store, tmp_path, monkeypatch):
    monkeypatch.setattr(files_io, "MAX_LINE_CHARS", 1000)
    path = write(tmp_path, "long.jsonl", jsonl({"text": "x " * 5000}, {"text": "Sample: short."}))
    summary = import_file(memory_store, path, clock=clock)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert "longer than" in summary.errors[0].message and summary.errors[0].source.endswith(":1")


def test_wire_copies_are_linked_not_dropped(memory_store, tmp_path):
    from tests.reading.samples import EN_COPY, EN_OTHER, EN_WIRE

    path = write(tmp_path, "wire.jsonl", jsonl(
        {"id": "orig", "text": EN_WIRE}, {"id": "copy", "text": EN_COPY},
        {"id": "other", "text": EN_OTHER}))
    summary = import_file(memory_store, path, clock=clock)
    assert (summary.imported, summary.near_duplicates) == (3, 1)
    assert memory_store.get_report("copy").near_duplicate_of == "orig"
    assert memory_store.get_report("other").near_duplicate_of is None
    # a later file's copy links to the stored original (index rebuilt from stored signatures)
    later = write(tmp_path, "later.jsonl", jsonl(
        {"id": "copy2", "text": EN_WIRE + "\nSource: Sample Agency"}))
    assert import_file(memory_store, later, clock=clock).near_duplicates == 1
    assert memory_store.get_report("copy2").near_duplicate_of == "orig"


def test_many_lines_stream_through_batches(sqlite_store, tmp_path):
    lines = [{"id": f"n{i}", "lang": "en",
              "text": f"Sample report number {i}: event {i * 7919 % 10007} in district {i}."}
             for i in range(1200)]
    lines[700] = "{broken"
    path = write(tmp_path, "many.jsonl", jsonl(*lines))
    summary = import_file(sqlite_store, path, clock=clock, link_near_duplicates=False)
    assert (summary.read, summary.imported, summary.rejected) == (1200, 1199, 1)
    assert summary.errors[0].source == "many.jsonl:701"


# --- the `sitroom import` and `sitroom reports` commands ---------------------------------------


def run_cli(capsys, *argv):
    from sitroom.cli import main

    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_command_prints_summary_and_each_bad_line(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    from sitroom.model import Case
    from sitroom.store import open_store

    with open_store(db) as stored:  # --case must name a stored case
        stored.save_case(Case(name="sample-case", title="Sample case", countries=("KGZ",)))
    good = write(tmp_path, "good.jsonl", jsonl(
        {"id": "g1", "text": "Sample: a rally in Bishkek.", "outlet": "o1", "lang": "en",
         "title": "Rally", "published": "2020-10-05"},
        "{oops",
        {"id": "g2", "text": "Пример: митинг в Оше у здания мэрии.", "lang": "ru",
         "published": "2020-10-06"},
    ))
    code, out, err = run_cli(capsys, "--db", db, "import", str(good), str(tmp_path / "none.csv"),
                             "--case", "sample-case")
    assert code == 1  # one file could not be read at all
    assert "2 imported" in out and "1 rejected" in out
    assert "good.jsonl:2: not valid JSON" in out
    assert "none.csv: no such file" in err

    code, out, _ = run_cli(capsys, "--db", db, "reports", "list")
    assert code == 0 and "g1" in out and "g2" in out and "Rally" in out
    assert out.index("g2") < out.index("g1")  # newest published first
    code, out, _ = run_cli(capsys, "--db", db, "reports", "list", "--oldest-first")
    assert out.index("g1") < out.index("g2")
    code, out, _ = run_cli(capsys, "--db", db, "reports", "list", "--lang", "ru",
                           "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in lines] == ["g2"] and "raw" not in lines[0]
    assert lines[0]["case"] == "sample-case"
    code, out, _ = run_cli(capsys, "--db", db, "reports", "list", "--since", "2020-10-06",
                           "--format", "jsonl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["g2"]

    code, out, _ = run_cli(capsys, "--db", db, "reports", "show", "g1")
    assert "title:        Rally" in out and out.rstrip().endswith("Sample: a rally in Bishkek.")
    code, out, _ = run_cli(capsys, "--db", db, "reports", "show", "g1", "--raw")
    assert json.loads(out)["title"] == "Rally"
    code, out, err = run_cli(capsys, "--db", db, "reports", "show", "missing")
    assert code == 1 and "missing" in err

    code, out, _ = run_cli(capsys, "--db", db, "reports", "search", "митинг", "--format", "jsonl")
    assert [json.loads(line)["report_id"] for line in out.splitlines()] == ["g2"]
    code, out, _ = run_cli(capsys, "--db", db, "reports", "search", "rally")
    assert out.startswith("g1")


def test_terminal_output_never_obeys_control_characters(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    code, out, _ = run_cli(capsys, "--db", db, "tip", "add",
                           "Sample tip \u001b[31mred\u001b[0m \u202eevil")
    tip_id = out.split()[1]
    code, out, _ = run_cli(capsys, "--db", db, "reports", "show", tip_id, "--raw")
    assert code == 0 and "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[31mred" in out
    code, out, _ = run_cli(capsys, "--db", db, "reports", "show", tip_id)
    assert code == 0 and "\x1b" not in out and "Sample tip [31mred[0m evil" in out


def test_copy_of_a_line_refused_as_duplicate_links_to_the_stored_twin(memory_store, tmp_path):
    from tests.reading.samples import EN_COPY, EN_WIRE

    from sitroom.collect.tips import submit_tip

    tip_id = submit_tip(memory_store, EN_WIRE, lang="en").report_id  # stored without signature
    path = write(tmp_path, "twins.jsonl", jsonl({"id": "again", "text": EN_WIRE},
                                                {"id": "copy", "text": EN_COPY}))
    summary = import_file(memory_store, path, clock=clock)
    assert (summary.imported, summary.duplicates, summary.near_duplicates) == (1, 1, 1)
    assert memory_store.get_report("copy").near_duplicate_of == tip_id
    with pytest.raises(NotFound, match="again"):
        memory_store.get_report("again")
