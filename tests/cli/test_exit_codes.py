"""Commands that fail say so and exit non-zero; refusals list what would have been accepted."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.support.server import LocalServer

from sitroom.cli import main
from sitroom.model import Case, Outlet
from sitroom.store import open_store

FAST = ["--set", "host_delay=0", "--set", "retries=0", "--set", "http_timeout=2"]


def run(capsys, *argv):
    code = main([*argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    store = open_store(url)
    store.save_case(Case(name="sample-case", title="Sample case", countries=("KGZ",)))
    store.close()
    return url


# --- import ------------------------------------------------------------------------------------


def test_import_of_nothing_importable_exits_1_and_says_why(db, tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    code, _, err = run(capsys, "--db", db, "import", str(empty))
    assert code == 1 and "empty.csv: nothing imported" in err

    nocols = tmp_path / "nocols.csv"
    nocols.write_text("title,body\nA,B\n")
    code, _, err = run(capsys, "--db", db, "import", str(nocols))
    assert code == 1 and "nothing imported" in err and "no 'text' column" in err

    junk = tmp_path / "junk.jsonl"
    junk.write_text("{oops\nnot json at all\n")
    code, out, err = run(capsys, "--db", db, "import", str(junk))
    assert code == 1 and "2 rejected" in out and "junk.jsonl: nothing imported" in err


def test_import_with_some_lines_rejected_exits_0_with_a_summary(db, tmp_path, capsys):
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps({"id": "m1", "text": "Sample: a rally in Bishkek."}) + "\n{oops\n")
    code, out, err = run(capsys, "--db", db, "import", str(mixed))
    assert code == 0 and "1 imported" in out and "1 rejected" in out and "nothing" not in err
    code, out, err = run(capsys, "--db", db, "import", str(mixed))  # again: all duplicates
    assert code == 0 and "1 duplicates" in out


# --- collect --once ----------------------------------------------------------------------------


def test_collect_once_where_every_feed_failed_exits_1(db, capsys):
    with LocalServer() as server:
        server.status("/a/feed.xml", 500)
        server.status("/b/feed.xml", 404)
        store = open_store(db)
        for key in ("a", "b"):
            store.save_outlet(Outlet(key=key, name=f"Sample {key}", bloc="domestic",
                                     feeds=(server.url(f"/{key}/feed.xml"),), sample=True))
        store.close()
        code, _, err = run(capsys, "--db", db, *FAST, "collect", "--once")
    assert code == 1
    assert err.strip().splitlines()[-1].startswith("collect: 2 of 2 outlet(s) could not be reached")


# --- unknown --case and --bloc -----------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["collect", "--once", "--case", "atlantis"],
    ["merge", "--case", "atlantis"],
    ["export", "--format", "jsonl", "--case", "atlantis"],
    ["events", "list", "--case", "atlantis"],
    ["tip", "add", "Sample tip", "--case", "atlantis"],
    ["recode", "--case", "atlantis"],
    ["report", "--case", "atlantis", "-o", "/dev/null"],
    ["reports", "list", "--case", "atlantis"],
    ["import", "/dev/null", "--case", "atlantis"],
])
def test_an_unknown_case_is_refused_everywhere(db, capsys, argv):
    code, _, err = run(capsys, "--db", db, *argv)
    assert code == 1
    assert "unknown case 'atlantis'; stored cases: sample-case" in err
    store = open_store(db)
    try:
        assert store.count_reports() == 0  # the tip was not stored under a case that is not
    finally:
        store.close()


def test_an_unknown_bloc_is_refused_listing_the_blocs(db, capsys):
    code, _, err = run(capsys, "--db", db, "export", "--format", "jsonl", "--bloc", "martian")
    assert code == 1 and "unknown bloc 'martian'; blocs: domestic, russian" in err


# --- eval on a file that is not text ----------------------------------------------------------


def test_eval_of_binary_or_bad_utf8_is_a_clear_error(tmp_path, capsys):
    binary = tmp_path / "gold.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = run(capsys, "eval", str(binary))
    assert code == 1 and "binary" in err and "Traceback" not in err
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"id": "d1", "text": "Café"}\n'.encode("latin-1"))
    code, _, err = run(capsys, "eval", str(latin))
    assert code == 1 and "latin.jsonl:1: not valid UTF-8" in err


# --- which database -----------------------------------------------------------------------------


def test_a_new_or_empty_database_is_named_with_how_to_choose_another(tmp_path, capsys,
                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITROOM_DATABASE_URL", raising=False)
    code, _, err = run(capsys, "events", "list")
    assert code == 0
    assert f"using a new database: {tmp_path / 'sitroom.sqlite'}" in err
    assert "--db URL, SITROOM_DATABASE_URL" in err and "sitroom.toml" in err
    code, _, err = run(capsys, "events", "list")
    assert "using an empty database" in err
