"""`sitroom users` and `sitroom serve` from the command line."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from sitroom.cli import main


def _run(args, monkeypatch, capsys, password=None):
    if password is not None:
        monkeypatch.setenv("SITROOM_PASSWORD", password)
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_users_add_list_token_disable(tmp_path, monkeypatch, capsys):
    db = ["--db", f"sqlite:///{tmp_path / 'u.sqlite'}"]
    code, out, _ = _run([*db, "users", "add", "ana", "--role", "analyst"], monkeypatch, capsys,
                        "a long password 1")
    assert code == 0 and "ana (analyst) added" in out
    code, _, err = _run([*db, "users", "add", "ana"], monkeypatch, capsys, "a long password 2")
    assert code == 1 and "exists already" in err
    code, _, err = _run([*db, "users", "add", "bob"], monkeypatch, capsys, "short")
    assert code == 1 and "10 to 1024" in err
    code, _, err = _run([*db, "users", "add", "<bob>"], monkeypatch, capsys, "a long password")
    assert code == 1 and "user name" in err
    code, out, _ = _run([*db, "users", "token", "ana", "--label", "cron"], monkeypatch, capsys)
    token = out.strip()
    assert code == 0 and len(token) == 43
    code, out, _ = _run([*db, "users", "list"], monkeypatch, capsys)
    assert "ana" in out and "analyst" in out
    code, out, _ = _run([*db, "users", "disable", "ana"], monkeypatch, capsys)
    assert code == 0
    code, out, _ = _run([*db, "users", "list"], monkeypatch, capsys)
    assert "disabled" in out
    from sitroom.store import open_store

    with open_store(f"sqlite:///{tmp_path / 'u.sqlite'}") as store:
        assert store.token_user(token, store.list_users()[0].created_at) is None
        assert "a long password 1" not in str(store.password_hash("ana"))


@pytest.mark.slow
def test_serve_answers_on_its_port(tmp_path):
    from tests.web.conftest import free_port

    port = free_port()
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    proc = subprocess.Popen([sys.executable, "-m", "sitroom", "--db", db, "serve", "--port",
                             str(port), "--public"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode()[-2000:]) from None
                time.sleep(0.3)
        assert r.status_code == 200 and r.json() == {"cases": []}
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
