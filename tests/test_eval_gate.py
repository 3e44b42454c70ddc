"""The quality gate: the coder's headline figures on the shipped gold may not drop below floors.

Floors live in ``tests/eval_floors.json`` and are only ever raised (``sitroom eval
--update-floors tests/eval_floors.json``, which scores the shipped gold); another test refuses a
floors file that lowers or drops a floor, in the working tree or in the last commit that touched
it, unless that commit's message says "floors-lowered:" and why.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from sitroom.evaluation import check_floors, evaluate, read_floors
from sitroom.evaluation.floors import lowered

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "eval_floors.json"
GOLD = [ROOT / "gold" / name for name in
        ("sitroom_gold.jsonl", "seed_note.jsonl", "plover_gsr.jsonl")]
# The figures the gate must pin for each shipped gold file.
REQUIRED = {
    "sitroom_gold.jsonl": ("event_f1", "event_type_acc", "sub_event_type_acc",
                           "sub_event_type_wf1", "fatalities_exact", "event_date_exact",
                           "location_acc", "admin1_acc", "country_acc", "actor1_acc"),
    "seed_note.jsonl": ("event_f1", "event_type_acc", "fatalities_exact"),
    "plover_gsr.jsonl": ("plover_type_acc",),
    # real text written by others, test parts only (gold/real/README.md)
    "mass_mobilization.jsonl [test]": ("event_f1", "event_type_acc", "sub_event_type_wf1",
                                       "fatalities_exact", "country_acc", "crowd_size_acc"),
    "ucdp_ged.jsonl [test]": ("event_f1", "event_type_acc", "fatalities_exact",
                              "fatalities_in_range", "country_acc"),
}
REAL = [ROOT / "gold" / "real" / name for name in ("mass_mobilization.jsonl", "ucdp_ged.jsonl")]


def test_floors_pin_every_headline_figure():
    floors = read_floors(FLOORS)["floors"]
    for gold, names in REQUIRED.items():
        missing = [n for n in names if n not in floors.get(gold, {})]
        assert not missing, f"{gold}: no floor for {missing}"


@pytest.mark.slow
def test_coder_holds_its_floors_on_the_shipped_gold():
    from sitroom.coding import Coder

    report = evaluate(GOLD, Coder())
    own = {g: v for g, v in read_floors(FLOORS)["floors"].items() if not g.endswith(" [test]")}
    failures = check_floors(report.headlines_by_file(), own)
    assert not failures, "figures dropped below their floors:\n" + "\n".join(failures)


@pytest.mark.slow
def test_coder_holds_its_floors_on_real_text_test_parts():
    from sitroom.coding import Coder

    report = evaluate(REAL, Coder(), split="test")
    figures = report.headlines_by_file()
    assert set(figures) == {"mass_mobilization.jsonl [test]", "ucdp_ged.jsonl [test]"}
    pinned = {g: v for g, v in read_floors(FLOORS)["floors"].items() if g in figures}
    failures = check_floors(figures, pinned)
    assert not failures, "real-text figures dropped below their floors:\n" + "\n".join(failures)


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                             check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def _floors_at(rev: str) -> dict | None:
    text = _git("show", f"{rev}:tests/eval_floors.json")
    return json.loads(text)["floors"] if text else None


def test_floors_are_never_lowered_silently():
    """Not in the working tree against HEAD, nor in the last commit that touched the floors.

    A deliberate lowering must say so: its commit message carries "floors-lowered:" and why.
    """
    committed = _floors_at("HEAD")
    if committed is None:
        pytest.skip("not a git checkout, or the floors file is not committed yet")
    problems = lowered(committed, read_floors(FLOORS)["floors"])
    assert not problems, "floors may only be raised:\n" + "\n".join(problems)
    log = _git("log", "-n", "2", "--format=%H%x00%B%x1e", "--", "tests/eval_floors.json") or ""
    entries = [e.strip().split("\x00", 1) for e in log.split("\x1e") if e.strip()]
    if len(entries) < 2:
        return  # first version, or a shallow clone: nothing earlier to compare with
    (last, message), (previous, _) = entries[0], entries[1]
    before, after = _floors_at(previous), _floors_at(last)
    problems = lowered(before or {}, after or {})
    assert not problems or "floors-lowered:" in message, (
        f"commit {last[:10]} lowered floors without saying so:\n" + "\n".join(problems))
