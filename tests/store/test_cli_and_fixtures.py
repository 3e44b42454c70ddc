"""`sitroom init`, the shared fixtures' PostgreSQL reporting, and the in-memory store."""

from __future__ import annotations

import textwrap
import threading
from pathlib import Path

import pytest

from sitroom.cli import main
from sitroom.model import Report
from sitroom.store import open_store
from sitroom.store.engine import mask_url, normalise_url
from sitroom.store.migrations import LATEST

pytest_plugins = ["pytester"]


def test_init_creates_and_reports(tmp_path, capsys):
    db = tmp_path / "sub" / "sitroom.sqlite"
    assert main(["--db", f"sqlite:///{db}", "init", "--check"]) == 0
    out = capsys.readouterr().out
    assert "backend: sqlite" in out and f"schema version: {LATEST}" in out
    assert "integrity: ok" in out and db.exists()
    assert main(["--db", f"sqlite:///{db}", "init"]) == 0  # again: nothing to do, same answer
    assert f"schema version: {LATEST}" in capsys.readouterr().out


@pytest.mark.postgres
def test_init_on_postgres_masks_the_password(postgres_url, capsys):
    url = postgres_url.replace("postgresql+psycopg://postgres@", "postgresql://postgres:pw@")
    code = main(["--db", url, "init"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "backend: postgresql" in out and "pw" not in out and "***" in out


def test_init_explains_a_bad_url(capsys):
    assert main(["--db", "mysql://u@h/db", "init"]) == 1
    assert "SQLite or PostgreSQL" in capsys.readouterr().err
    assert main(["--db", "postgresql://u:secret@127.0.0.1:1/db", "init"]) == 1
    err = capsys.readouterr().err
    assert "cannot open" in err and "secret" not in err


def test_url_rules():
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"
    assert mask_url("postgresql+psycopg://u:secret@h/db") == "postgresql+psycopg://u:***@h/db"


def test_memory_store_is_one_database_for_all_threads(memory_store):
    def add(start: int) -> None:
        memory_store.add_reports([Report(id=f"r{n}", kind="article", text=f"Sample {n}")
                                  for n in range(start, start + 50)])

    threads = [threading.Thread(target=add, args=(k * 50,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert memory_store.count_reports() == 200


def test_sqlite_pragmas_are_set(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        pragma = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")}
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 30000,
                      "synchronous": 1}


def test_file_store_reopens_with_its_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    with open_store(url) as store:
        store.add_report(Report(id="r1", kind="tip", text="Sample tip"))
    with open_store(url) as store:
        assert store.get_report("r1").text == "Sample tip"


_INNER = textwrap.dedent('''
    def test_uses_both(store):
        assert store.count_reports() == 0
''')


def _inner_run(pytester, monkeypatch, require: str):
    """Run a two-backend test, with the shared conftest, against a PostgreSQL that is not there."""
    pytester.makeconftest(Path(__file__).parents[1].joinpath("conftest.py").read_text())
    pytester.makepyfile(test_inner=_INNER)
    pytester.makeini("[pytest]\nmarkers =\n    postgres: pg\n    slow: slow\n")
    monkeypatch.setenv("SITROOM_TEST_POSTGRES_URL", "postgresql://nobody@127.0.0.1:1/none")
    monkeypatch.setenv("SITROOM_REQUIRE_POSTGRES", require)
    return pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")


def test_unreachable_postgres_is_skipped_and_said(pytester, monkeypatch):
    result = _inner_run(pytester, monkeypatch, "0")
    result.assert_outcomes(passed=1, skipped=1)
    last = [line for line in result.stdout.lines if line.strip()][-1]
    assert last.startswith("PostgreSQL tests did not run: PostgreSQL at "), last
    assert last.endswith("(set SITROOM_TEST_POSTGRES_URL)")


def test_unreachable_postgres_fails_when_required(pytester, monkeypatch):
    result = _inner_run(pytester, monkeypatch, "1")
    result.assert_outcomes(passed=1, errors=1)
    assert "unreachable" in result.stdout.str()


def test_the_implementation_has_every_protocol_method_with_its_parameters(memory_store):
    import inspect

    from sitroom.store.api import Store

    names = [n for n, v in vars(Store).items() if callable(v) and not n.startswith("_")]
    assert len(names) > 40
    for name in names:
        wanted = list(inspect.signature(getattr(Store, name)).parameters)
        have = list(inspect.signature(getattr(type(memory_store), name)).parameters)
        assert have[: len(wanted)] == wanted, name
    assert isinstance(memory_store.url, str)


def test_a_file_that_is_not_a_database_is_named(tmp_path, capsys):
    junk = tmp_path / "notes.sqlite"
    junk.write_text("these are notes, not a database\n" * 200)
    assert main(["--db", f"sqlite:///{junk}", "init"]) == 1
    err = capsys.readouterr().err
    assert "notes.sqlite" in err and "not a database" in err
    assert junk.read_text().startswith("these are notes")  # nothing was overwritten
