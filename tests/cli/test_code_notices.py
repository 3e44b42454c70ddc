"""`sitroom code` says so when a long document is cut to its first candidate sentences."""

from __future__ import annotations

import logging

from sitroom.cli import main
from sitroom.coding import coder


def test_code_stopping_at_the_candidate_limit_says_so(tmp_path, capsys, caplog, monkeypatch):
    monkeypatch.setattr(coder, "MAX_CANDIDATES", 2)
    doc = tmp_path / "long.txt"
    doc.write_text(" ".join(f"Sample: police detained {n} protesters in Bishkek on Monday."
                            for n in range(3, 9)))
    with caplog.at_level(logging.WARNING, logger="sitroom.coding.coder"):
        code = main(["code", str(doc), "--published", "2020-10-05"])
    assert code == 0
    assert any("6 candidate sentences; only the first 2 were coded" in r.getMessage()
               for r in caplog.records)
