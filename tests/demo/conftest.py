"""One run of the whole demo (collect, code, merge) shared by the demo tests."""

from __future__ import annotations

import io

import pytest

from sitroom.demo import run_demo


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo's database file and summary."""
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    return db, run_demo(db, out=io.StringIO())
