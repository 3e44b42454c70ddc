"""The `sitroom code` contract, run as a subprocess like a user would (no database touched)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitroom.cli import Context, build_parser
from sitroom.errors import SitroomError
from sitroom.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "src/sitroom/demo/corpus/seed/kyrgyzstan-2020-note.txt"  # copy of shared/seed
CONTRACT = {
    "doc_id", "event_date", "time_precision", "event_type", "sub_event_type", "political_event",
    "plover_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "country", "iso3", "admin1", "location", "latitude", "longitude", "geo_precision",
    "fatalities", "injuries", "arrests", "crowd_size", "target_owner_iso3", "evidence",
    "confidence",
}


def run(*args: str, stdin: bytes | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """The real command in a child process (used for the seed note and stdin)."""
    return subprocess.run([sys.executable, "-m", "sitroom", "code", *args], input=stdin,
                          capture_output=True, cwd=cwd, timeout=300)


def run_here(*args: str) -> subprocess.CompletedProcess:
    """The same command in this process (shares the loaded models; faster)."""
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(settings=Settings(), out=out, err=err)
    parser = build_parser()
    ns = parser.parse_args(["code", *args])
    try:
        rc = ns.handler(ns, ctx)
    except SitroomError as exc:
        print(f"sitroom: {exc}", file=err)
        rc = 1
    return subprocess.CompletedProcess(args, rc, out.getvalue().encode(), err.getvalue().encode())


def lines(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_events() -> list[dict]:
    if not SEED.exists():
        pytest.skip("seed note not present")
    proc = run(str(SEED), "--published", "2020-10-11", "--country", "KGZ")
    assert proc.returncode == 0, proc.stderr.decode()
    return lines(proc)


def test_every_line_has_the_contract_fields(seed_events: list[dict]) -> None:
    assert seed_events
    for ev in seed_events:
        assert set(ev) >= CONTRACT
        assert isinstance(ev["fatalities"], int) and 0 <= ev["confidence"] <= 1
        assert ev["evidence"]


def test_seed_note_events(seed_events: list[dict]) -> None:
    pe = [e["political_event"] for e in seed_events]
    assert "release_from_custody" in pe
    assert "resignation" in pe
    riots = [e for e in seed_events if e["sub_event_type"] == "Violent demonstration"]
    assert any("burned" in e["evidence"] for e in riots)
    figures = [e for e in seed_events if e["fatalities"] >= 1 and (e["injuries"] or 0) >= 1000]
    assert figures and figures[0]["fatalities"] == 1
    owners = {e["target_owner_iso3"] for e in seed_events}
    assert {"RUS", "CHN"} <= owners and "CAN" not in owners
    statements = [e for e in seed_events if e["political_event"] == "foreign_government_statement"]
    assert any(e["inter1"] == 8 and "Russia" in (e["actor1"] or "") for e in statements)
    assert all(e["iso3"] in ("KGZ", None) for e in seed_events if e["event_type"])


def test_jsonl_input_keeps_ids(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(o) for o in [
        {"id": "a1", "text": "Police arrested 12 protesters in Osh on Monday.",
         "published": "2020-10-07", "country": "KGZ"},
        {"id": "a2", "text": "The weather was fine and markets were calm.",
         "published": "2020-10-07"},
        "not an object",
    ]) + "\nnot json\n", encoding="utf-8")
    proc = run_here("--jsonl", str(f))
    assert proc.returncode == 0
    got = lines(proc)
    assert {e["doc_id"] for e in got} == {"a1"}
    assert got[0]["arrests"] == 12 and got[0]["event_date"] == "2020-10-05"
    err = proc.stderr.decode()
    assert "in.jsonl:3" in err and "in.jsonl:4" in err


def test_stdin_and_a_non_event(tmp_path: Path) -> None:
    proc = run("-", "--published", "2020-10-07", stdin=b"It was a sunny day in Bishkek.")
    assert proc.returncode == 0 and proc.stdout == b""


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
])
def test_bad_input_is_a_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    f = tmp_path / "bad.bin"
    f.write_bytes(data)
    proc = run_here(str(f))
    assert proc.returncode == 1
    assert message in proc.stderr.decode() and proc.stdout == b""


def test_one_bad_file_among_good_ones_exits_zero(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("<html><body><p>Police detained 30 protesters in Bishkek.</p></body></html>")
    proc = run_here(str(good), str(tmp_path / "missing.txt"), "--published", "2020-10-07")
    assert proc.returncode == 0
    assert lines(proc) and "missing.txt" in proc.stderr.decode()


def test_windows_1251_text(tmp_path: Path) -> None:
    f = tmp_path / "ru.txt"
    f.write_bytes("Полиция задержала 20 участников митинга в Бишкеке.".encode("cp1251"))
    proc = run_here(str(f), "--published", "2020-10-07", "--country", "KGZ")
    assert proc.returncode == 0, proc.stderr.decode()
    assert lines(proc)
