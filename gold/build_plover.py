"""Convert the PLOVER gold-standard records (CC BY-SA 4.0) into sitroom's gold format.

Source: ``/work/shared/data/plover_gsr/plover_gsr_cameo.jsonl`` (openeventdata/PLOVER, see
gold/PLOVER_LICENSE.md). Kept: the text, the PLOVER event type (2016 names mapped to the 2021
list our vocabulary uses), single source/target actors, and dead/injured/size figures where the
record gives them. ACLED fields are left out: the records do not say enough to assign them.
Run: ``.venv/bin/python gold/build_plover.py [SOURCE]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/work/shared/data/plover_gsr/plover_gsr_cameo.jsonl")
# GSR 2016 names -> PLOVER 2021 (CAMEO2PLOVER-2021.txt): DEMAND is REQUEST, DISAPPROVE and
# INVESTIGATE are ACCUSE, FIGHT is ASSAULT.
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
           "FIGHT": "ASSAULT"}
WORD_SIZES = {"thousands": 1000, "tens of thousands": 10000, "hundreds of thousands": 100000,
              "hundreds": 100, "dozens": 12, "scores": 20}
NOTE = ("PLOVER gold-standard record converted for sitroom; (c) Open Event Data Alliance, "
        "CC BY-SA 4.0 (gold/PLOVER_LICENSE.md)")


def _single(actors: object) -> str | None:
    if isinstance(actors, list) and len(actors) == 1 and actors[0].get("actorText"):
        return actors[0]["actorText"]
    return None


def _size(value: str) -> int | None:
    v = value.strip().casefold()
    if v.isdigit():
        return int(v)
    return WORD_SIZES.get(v)


def convert(rec: dict) -> dict | None:
    """One GSR record as a gold line (None for the file's DOCUMENT entries)."""
    if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
        return None
    ev: dict = {"plover_type": RENAMED.get(rec["event"], rec["event"])}
    if (a1 := _single(rec.get("source"))) is not None:
        ev["actor1"] = a1
    if (a2 := _single(rec.get("target"))) is not None:
        ev["actor2"] = a2
    if str(rec.get("dead", "")).isdigit():
        ev["fatalities"] = int(rec["dead"])
    if str(rec.get("injured", "")).isdigit():
        ev["injuries"] = int(rec["injured"])
    size = _size(str(rec.get("size", "")))
    if size is not None and ev["plover_type"] == "PROTEST":
        ev["crowd_size"] = {"min": size, "max": size if str(rec["size"]).isdigit() else None,
                            "text": str(rec["size"])}
    if size is not None and rec.get("mode") == "arrest":
        ev["arrests"] = size
    return {"id": rec["id"], "text": rec["text"], "lang": rec.get("language", "en"),
            "source": "PLOVER GSR (Open Event Data Alliance)", "note": NOTE,
            "split": "dev", "events": [ev]}


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    lines = [g for line in source.read_text(encoding="utf-8").splitlines() if line.strip()
             if (g := convert(json.loads(line))) is not None]
    seen: dict[str, int] = {}
    for g in lines:  # the source repeats a few ids for different records: keep both, suffixed
        seen[g["id"]] = seen.get(g["id"], 0) + 1
        if seen[g["id"]] > 1:
            g["id"] = f"{g['id']}-{seen[g['id']]}"
    target = HERE / "plover_gsr.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for g in lines:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"{len(lines)} records written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
