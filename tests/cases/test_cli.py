"""`sitroom case` commands, run in-process."""

from __future__ import annotations

from sitroom.cli import main


def test_validate_ok_and_broken(tmp_path, capsys):
    assert main(["case", "validate", "kyrgyzstan-2020"]) == 0
    assert "ok" in capsys.readouterr().out
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "case.yaml").write_text("name: bad\ntitle: Bad\ncountries: [ZZZ]\n")
    assert main(["case", "validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad / 'case.yaml'}:3:" in out and "countries[0]" in out


def test_list_show_and_load(tmp_path, capsys):
    assert main(["case", "list"]) == 0
    assert "kyrgyzstan-2020" in capsys.readouterr().out
    assert main(["case", "show", "kyrgyzstan-2020"]) == 0
    assert "japarov acting_president president-office" in capsys.readouterr().out
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert main(["--db", db, "case", "load", "kyrgyzstan-2020"]) == 0
    assert "44 outlets" in capsys.readouterr().out
    from sitroom.store import open_store

    store = open_store(db)
    try:
        assert store.get_case("kyrgyzstan-2020").countries == ("KGZ",)
        assert len(store.list_outlets("kyrgyzstan-2020")) == 44
    finally:
        store.close()
