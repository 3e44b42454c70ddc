"""The package imports fast and its command line is wired."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_is_fast_and_loads_no_model():
    code = (
        "import sys, time; t = time.perf_counter(); import sitroom, sitroom.cli; "
        "sitroom.cli.build_parser(); print(time.perf_counter() - t); "
        "heavy = [m for m in ('spacy', 'natasha', 'trafilatura', 'sqlalchemy', 'fastapi', "
        "'numpy', 'dateparser') if m in sys.modules]; print(','.join(heavy))"
    )
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert float(out[0]) < 1.0, out
    assert out[1] == "", f"imported at startup: {out[1]}"
    assert time.perf_counter() - started < 5


def test_help_lists_every_command_group():
    out = subprocess.run(
        [sys.executable, "-m", "sitroom", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("init", "case", "outlets", "collect", "run", "tip", "import", "reports",
                    "code", "demo", "watches", "alerts"):
        assert command in out, command


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make demo" in readme
    assert "make test" in ci


def test_readme_documents_every_setting_and_command():
    from sitroom.cli import build_parser
    from sitroom.settings import SETTINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in readme, f"setting {setting.name} undocumented"
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name in subparsers.choices:
        if name != "tips":  # an alias of tip
            assert f"sitroom {name}" in readme, f"command {name} undocumented"
