"""Build gold/sitroom_gold.jsonl from the hand-written annotation sources in gold/src/*.txt.

The sources are a compact notation for the annotator (one document per ``@`` block); the JSONL it
produces is the shared gold format read by ``sitroom eval``. Every document is a sample written
for sitroom, not a news text. Run: ``.venv/bin/python gold/build.py``.

Source notation::

    @ ID | PUBLISHED | LANG | COUNTRY-HINT (optional)
    text, one or more lines (lines are joined with a space; a line "//" starts a new paragraph)
    = CODE; key=value; ...   one line per event (CODE from SUB below, "-" = no ACLED type)
    = none                              the document reports no event (a trap)

Keys: d event_date, tp time_precision, a1/a2 actors, i1/i2 inter codes, iso, adm admin1, loc
location, gp geo_precision, k fatalities, inj injuries, arr arrests, crowd MIN-MAX|text, own
target_owner_iso3, pe political_event, pl plover_type, note. An ACLED-typed event gets
fatalities 0 unless ``k`` says otherwise; ``key=?`` leaves any field unannotated; a location
gets geo precision 1 unless ``gp`` says otherwise; inter codes follow from ACLED-style actor names
("Protesters (X)" 6, "Rioters (X)" 5, "Civilians (X)" 7, "Police/Military Forces of X" and
"Government of X" 1 in X, 8 elsewhere) unless given.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from sitroom.coding.typing.vocabulary import EVENT_TYPE_OF

HERE = Path(__file__).resolve().parent
SUB = {
    "AC": "Armed clash", "GRT": "Government regains territory",
    "NSO": "Non-state actor overtakes territory", "CW": "Chemical weapon",
    "AD": "Air/drone strike", "SB": "Suicide bomb", "SH": "Shelling/artillery/missile attack",
    "IED": "Remote explosive/landmine/IED", "GR": "Grenade", "SV": "Sexual violence",
    "AT": "Attack", "AB": "Abduction/forced disappearance", "PP": "Peaceful protest",
    "PI": "Protest with intervention", "EF": "Excessive force against protesters",
    "VD": "Violent demonstration", "MV": "Mob violence", "AG": "Agreement", "AR": "Arrests",
    "CG": "Change to group/activity", "DW": "Disrupted weapons use",
    "HQ": "Headquarters or base established", "LP": "Looting/property destruction",
    "NVT": "Non-violent transfer of territory", "OT": "Other",
}
COUNTRY = {
    "AFG": "Afghanistan", "ARM": "Armenia", "AZE": "Azerbaijan", "BFA": "Burkina Faso",
    "BGD": "Bangladesh", "BLR": "Belarus", "BOL": "Bolivia", "BRA": "Brazil", "CAF":
    "Central African Republic", "CHL": "Chile", "CHN": "China", "CMR": "Cameroon", "CUB": "Cuba",
    "COD": "Democratic Republic of Congo", "COL": "Colombia", "ECU": "Ecuador", "EGY": "Egypt",
    "ETH": "Ethiopia", "FRA": "France", "GEO": "Georgia", "GIN": "Guinea",
    "HTI": "Haiti", "IND": "India", "IRN": "Iran", "IRQ": "Iraq", "ISR": "Israel",
    "KAZ": "Kazakhstan", "KEN": "Kenya", "KGZ": "Kyrgyzstan", "LBN": "Lebanon", "LBY": "Libya",
    "LKA": "Sri Lanka", "MEX": "Mexico", "MLI": "Mali", "MMR": "Myanmar", "MOZ": "Mozambique",
    "NER": "Niger", "NGA": "Nigeria", "NIC": "Nicaragua", "PAK": "Pakistan", "PER": "Peru",
    "PHL": "Philippines", "PSE": "Palestine", "RUS": "Russia", "SDN": "Sudan", "SOM": "Somalia",
    "SSD": "South Sudan", "SYR": "Syria", "TCD": "Chad", "TJK": "Tajikistan", "THA": "Thailand",
    "TUN": "Tunisia", "TUR": "Turkey", "UKR": "Ukraine", "USA": "United States", "UZB":
    "Uzbekistan", "VEN": "Venezuela", "YEM": "Yemen", "ZWE": "Zimbabwe", "SEN": "Senegal",
    "UGA": "Uganda", "ZAF": "South Africa", "MDA": "Moldova", "SRB": "Serbia", "IDN": "Indonesia",
    "NPL": "Nepal", "TGO": "Togo", "GHA": "Ghana", "JOR": "Jordan", "DZA": "Algeria",
    "MAR": "Morocco", "BDI": "Burundi", "MWI": "Malawi", "ZMB": "Zambia", "ESP": "Spain",
    "GBR": "United Kingdom", "DEU": "Germany", "CAN": "Canada", "TKM": "Turkmenistan",
    "MNG": "Mongolia", "ARE": "United Arab Emirates", "XKX": "Kosovo", "KOR": "South Korea",
    "MYS": "Malaysia", "ARG": "Argentina", "SAU": "Saudi Arabia", "ERI": "Eritrea",
    "IRL": "Ireland", "PRY": "Paraguay", "SWZ": "Eswatini", "SLE": "Sierra Leone",
}
KEYS = {"d": "event_date", "tp": "time_precision", "a1": "actor1", "a2": "actor2",
        "i1": "inter1", "i2": "inter2", "iso": "iso3", "adm": "admin1", "loc": "location",
        "gp": "geo_precision", "k": "fatalities", "inj": "injuries", "arr": "arrests",
        "crowd": "crowd_size", "own": "target_owner_iso3", "pe": "political_event",
        "pl": "plover_type", "note": "note"}
INTS = {"time_precision", "inter1", "inter2", "geo_precision", "fatalities", "injuries",
        "arrests"}
NOTE = "sample written for sitroom; not a news text and not attributed to any outlet"


def _inter(actor: str, iso3: str | None) -> int | None:
    """ACLED inter code implied by an ACLED-style actor name in an event in ``iso3``.

    State forces ("Police/Military Forces of X", "Government of X") are 1 at home and 8
    (external forces) in another country; without the event's country they are left out.
    """
    a = actor.casefold()
    for prefix, code in (("protesters", 6), ("rioters", 5), ("civilians", 7)):
        if a.startswith(prefix):
            return code
    for prefix in ("police forces of", "military forces of", "prison guards of", "government of"):
        if a.startswith(prefix):
            if not iso3:
                return None
            home = COUNTRY[iso3].casefold()
            if home in a or (iso3 == "CHN" and "hong kong" in a):
                return 1
            return 8
    return None


def _crowd(value: str) -> dict:
    rng, _, text = value.partition("|")
    low, sep, high = rng.partition("-")
    lo = int(low.rstrip("+")) if low.rstrip("+") else None
    hi = lo if not sep and not low.endswith("+") else (int(high) if high else None)
    return {"min": lo, "max": hi, "text": text.strip() or rng}


def parse_event(line: str, where: str) -> dict:
    """One ``=`` line as a gold event dict."""
    code, *parts = [p.strip() for p in line.split(";")]
    ev: dict = {}
    if code == "-":
        ev["event_type"] = None
        ev["sub_event_type"] = None
    elif code in SUB:
        ev["event_type"] = EVENT_TYPE_OF[SUB[code]]
        ev["sub_event_type"] = SUB[code]
    else:
        raise SystemExit(f"{where}: unknown code {code!r}")
    for part in parts:
        if not part:
            continue
        key, _, value = part.partition("=")
        name = KEYS.get(key.strip())
        if name is None:
            raise SystemExit(f"{where}: unknown key {key!r}")
        value = value.strip()
        if name == "crowd_size":
            ev[name] = _crowd(value)
        elif value == "?":
            ev[name] = "?"
        elif name in INTS:
            ev[name] = int(value)
        elif value in ("null", "none"):
            ev[name] = None
        else:
            ev[name] = value
    if ev.get("sub_event_type") and "fatalities" not in ev:
        ev["fatalities"] = 0
    unknown = {k for k, v in ev.items() if v == "?"}  # "?" = deliberately not annotated
    for key in unknown:
        del ev[key]
    if ev.get("iso3"):
        ev.setdefault("country", COUNTRY[ev["iso3"]])
    if ev.get("location"):
        ev.setdefault("geo_precision", 1)
    if ev.get("event_date") and len(ev["event_date"]) == 10:
        ev.setdefault("time_precision", 1)
    for a, i in (("actor1", "inter1"), ("actor2", "inter2")):
        code = _inter(ev[a], ev.get("iso3")) if ev.get(a) else None
        if i not in ev and i not in unknown and code is not None:
            ev[i] = code
    order = ["event_type", "sub_event_type", "political_event", "plover_type", "event_date",
             "time_precision", "actor1", "inter1", "actor2", "inter2", "country", "iso3",
             "admin1", "location", "geo_precision", "fatalities", "injuries", "arrests",
             "crowd_size", "target_owner_iso3", "note"]
    return {k: ev[k] for k in order if k in ev}


def parse_source(path: Path) -> list[dict]:
    """All documents of one annotation source file."""
    docs: list[dict] = []
    cur: dict | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        where = f"{path.name}:{n}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            head = [h.strip() for h in line[1:].split("|")]
            cur = {"id": head[0], "text": [], "published": head[1], "lang": head[2],
                   "country": head[3] if len(head) > 3 and head[3] else None, "events": None}
            docs.append(cur)
        elif cur is None:
            raise SystemExit(f"{where}: text before the first @ line")
        elif line.startswith("="):
            body = line[1:].strip()
            if body == "none":
                cur["events"] = []
            else:
                cur["events"] = [*(cur["events"] or []), parse_event(body, where)]
        elif cur["events"] is not None:
            raise SystemExit(f"{where}: text after the events of {cur['id']}")
        else:
            cur["text"].append(line)
    for d in docs:
        if d["events"] is None:
            raise SystemExit(f"{path.name}: {d['id']} has no '=' line")
    return docs


def _join(lines: list[str]) -> str:
    text = " ".join(lines)
    return re.sub(r"\s*//\s*", "\n\n", text).strip()


WEEKDAYS = (
    ("monday", "понедельник", "дүйшөмбү"), ("tuesday", "вторник", "шейшемби"),
    ("wednesday", "в среду", "шаршемби"), ("thursday", "четверг", "бейшемби"),
    ("friday", "пятниц", "жума күнү"), ("saturday", "суббот", "ишемби"),
    ("sunday", "воскресень", "жекшемби"),
)


def check_dates(line: dict) -> list[str]:
    """Annotator's guard: event dates after publication, or weekdays that do not fit."""
    from datetime import date

    text = line["text"].casefold()
    pub = date.fromisoformat(line["published"])
    named = {i for i, words in enumerate(WEEKDAYS) if any(w in text for w in words)}
    out = []
    for ev in line["events"]:
        if not ev.get("event_date") or len(ev["event_date"]) != 10:
            continue
        d = date.fromisoformat(ev["event_date"])
        if d > pub:
            out.append(f"{line['id']}: event {d} after publication {pub}")
        if named and d.weekday() not in named and str(d.day) not in text:
            out.append(f"{line['id']}: {d} is a {d.strftime('%A')}, text names another day")
    return out


def build(sources: list[Path]) -> list[dict]:
    """Every source document as a gold line, with a stable dev/test split (3 in 10 to test)."""
    out, seen = [], set()
    for path in sources:
        for i, d in enumerate(parse_source(path)):
            if d["id"] in seen:
                raise SystemExit(f"duplicate id {d['id']}")
            seen.add(d["id"])
            line = {"id": d["id"], "text": _join(d["text"]), "published": d["published"],
                    "lang": d["lang"]}
            if d["country"]:
                line["country"] = d["country"]
            line.update({"source": "sample", "sample": True, "note": NOTE,
                         "split": "test" if i % 10 in (2, 5, 8) else "dev",
                         "events": d["events"]})
            out.append(line)
    return out


def main() -> int:
    sources = sorted((HERE / "src").glob("*.txt"))
    lines = build(sources)
    problems = [p for line in lines for p in check_dates(line)]
    for p in problems:
        print(f"check: {p}", file=sys.stderr)
    target = HERE / "sitroom_gold.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} documents written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
