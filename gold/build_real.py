"""Convert the real_dev sets (Mass Mobilization, UCDP GED) into sitroom gold, split dev/test.

Sources: ``/work/shared/data/real_dev/{mass_mobilization,ucdp_ged}.jsonl`` (MM: CC0 1.0, Clark &
Regan; UCDP GED: CC BY 4.0, Uppsala University; see gold/real/README.md). Their codebooks are
not ACLED's, so each record keeps only the fields its labels determine (absent = not scored):

* MM (every record is an anti-government protest of 50+): ``protesterviolence`` 1 -> Riots /
  Violent demonstration; 0 -> Protests with the sub-type read off ``state_responses`` (killings
  or shootings -> Excessive force against protesters; crowd dispersal, arrests or beatings ->
  Protest with intervention; only ignore/accommodation -> Peaceful protest; none recorded -> the
  sub-type is left out). ``fatalities`` is 0 when the note names no death and no killing (MM has
  no count, so a note with deaths is left unscored); ``crowd_size`` only when the participants
  figure or word is in the note; ``location`` only when the place named is in the note.
* UCDP (lethal organised violence): type 1/2 -> Battles or Explosions/Remote violence (a set:
  GED does not tell shelling from clashes), type 3 -> Violence against civilians; no sub-type.
  ``fatalities`` = best and ``fatalities_range`` = [low, high], only when the headline speaks of
  deaths; ``admin1``/``location`` only when named in the headline.

No country hint is given to the coder (``country`` of the document stays empty). The split is
fixed: within each (dataset, country) group, records ordered by sha256(SEED:id), the first 30 %
(rounded) are ``test``. Run: ``.venv/bin/python gold/build_real.py [SOURCE_DIR]``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/work/shared/data/real_dev")
OUT = HERE / "real"
SEED = "sitroom-real-dev-2026"
TEST_SHARE = 0.3

# MM/UCDP country names pycountry does not resolve (historical states are coded to their
# successor's capital region only when one exists; the rest have no ISO3 and are left unscored).
COUNTRY_ISO3 = {
    "Swaziland": "SWZ", "Macedonia": "MKD", "Bosnia": "BIH", "Bosnia-Herzegovina": "BIH",
    "Kosovo": "XKX", "Congo Kinshasa": "COD", "DR Congo (Zaire)": "COD", "Ivory Coast": "CIV",
    "Congo Brazzaville": "COG", "Timor Leste": "TLS", "Myanmar (Burma)": "MMR",
    "Russia (Soviet Union)": "RUS", "Yemen (North Yemen)": "YEM", "Serbia (Yugoslavia)": "SRB",
}
NO_ISO3 = {"Yugoslavia", "USSR", "Serbia and Montenegro", "Czechoslovakia", "Germany East"}
DEATH = re.compile(r"\b(?:kill\w*|dead|deaths?|died|dies|dying|fatal\w*|murder\w*|lives|"
                   r"bodies|corpses?|martyr\w*|slain|shot)\b", re.I)
CROWD_WORDS = {"tens of thousands": 10000, "hundreds of thousands": 100000,
               "several thousand": 2000, "several hundred": 200, "thousands": 1000,
               "hundreds": 100, "dozens": 12}
NATIONAL = re.compile(r"^(?:national|nationwide|various|multiple|several|across|throughout)",
                      re.I)
PLACE_KIND = re.compile(r"\s+(?:village|town|city|province|governorate|district|region|"
                        r"camp|area|county|state|municipality|prefecture)$", re.I)


def iso3_of(country: str) -> str | None:
    """ISO3 of a dataset's country name, None for a state that no longer exists."""
    if country in NO_ISO3:
        return None
    if country in COUNTRY_ISO3:
        return COUNTRY_ISO3[country]
    sys.path.insert(0, str(HERE.parent / "src"))
    from sitroom.coding.places.geo import state_iso3

    return state_iso3(country)


def named_in(name: str, text: str) -> bool:
    """The place is named in the text (case-insensitive, whole words)."""
    pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
    return bool(name) and re.search(pattern, text, re.I) is not None


def mm_crowd(raw: str | None, text: str) -> dict | None:
    """MM's participants label, only when the note itself gives that figure or word."""
    if not raw:
        return None
    value = raw.strip().casefold()
    digits = value.replace(",", "")
    if digits.isdigit() and int(digits) >= 10:
        n = int(digits)
        forms = {str(n), f"{n:,}"}
        if any(re.search(r"(?<![\d,.])" + re.escape(f) + r"(?![\d,])", text) for f in forms):
            return {"min": n, "max": None, "text": raw}
        return None
    for word, n in CROWD_WORDS.items():
        if (value == word or value == f"{n}s") and re.search(r"\b" + word + r"\b", text, re.I):
            return {"min": n, "max": None, "text": raw}
    return None


def mm_sub_event(labels: dict) -> str | None:
    """ACLED sub-type MM's labels determine (None when no state response is recorded)."""
    if labels.get("protesterviolence") == 1:
        return "Violent demonstration"
    responses = set(labels.get("state_responses") or ())
    if responses & {"killings", "shootings"}:
        return "Excessive force against protesters"
    if responses & {"crowd dispersal", "arrests", "beatings"}:
        return "Protest with intervention"
    if responses:
        return "Peaceful protest"
    return None


def convert_mm(rec: dict) -> dict:
    """One MM record as a gold line."""
    lab, text = rec["labels"], rec["text"]
    ev: dict = {"event_type": "Riots" if lab.get("protesterviolence") == 1 else "Protests"}
    sub = mm_sub_event(lab)
    if sub:
        ev["sub_event_type"] = sub
    iso3 = iso3_of(lab["country"])
    if iso3:
        ev["iso3"] = iso3
    place = (lab.get("location") or "").split(",")[0].strip()
    if place and not NATIONAL.match(place) and named_in(place, text):
        ev["location"] = place
    if "killings" not in (lab.get("state_responses") or ()) and not DEATH.search(text):
        ev["fatalities"] = 0
    crowd = mm_crowd(lab.get("participants_raw"), text)
    if crowd:
        ev["crowd_size"] = crowd
    return {"id": rec["id"], "text": text, "lang": "en", "published": lab.get("end_date"),
            "source": "Mass Mobilization v5 (Clark & Regan), CC0 1.0", "sample": False,
            "dataset": "mm", "group": lab["country"], "events": [ev]}


def convert_ucdp(rec: dict) -> dict:
    """One UCDP GED record as a gold line."""
    lab = rec["labels"]
    text = rec["text"]
    if lab["type_of_violence"] == 3:
        ev: dict = {"event_type": "Violence against civilians"}
    else:
        ev = {"event_type": ["Battles", "Explosions/Remote violence"]}
    iso3 = iso3_of(lab["country"])
    if iso3:
        ev["iso3"] = iso3
    adm1 = PLACE_KIND.sub("", lab.get("adm_1") or "").strip()
    if adm1 and named_in(adm1, text):
        ev["admin1"] = adm1
    where = PLACE_KIND.sub("", lab.get("where_coordinates") or "").strip()
    if where and (lab.get("where_prec") or 9) <= 3 and named_in(where, text):
        ev["location"] = where
    if DEATH.search(text):  # a headline that tells no death cannot give GED's count
        ev["fatalities"] = lab["best"]
        ev["fatalities_range"] = [min(lab["low"], lab["best"]), max(lab["high"], lab["best"])]
    return {"id": rec["id"], "text": text, "lang": "en", "published": lab.get("date_end"),
            "source": "UCDP GED (Uppsala University), CC BY 4.0", "sample": False,
            "dataset": "ucdp", "group": lab["country"], "events": [ev]}


def assign_splits(lines: list[dict]) -> None:
    """Fixed 70/30 dev/test split, stratified by dataset and country."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in lines:
        groups[(line["dataset"], line["group"])].append(line)
    for members in groups.values():
        members.sort(key=lambda d: hashlib.sha256(f"{SEED}:{d['id']}".encode()).hexdigest())
        n_test = round(TEST_SHARE * len(members))
        for i, d in enumerate(members):
            d["split"] = "test" if i < n_test else "dev"


def main(source: Path = DEFAULT_SOURCE) -> None:
    """Write gold/real/mass_mobilization.jsonl and gold/real/ucdp_ged.jsonl."""
    OUT.mkdir(exist_ok=True)
    for name, convert in (("mass_mobilization", convert_mm), ("ucdp_ged", convert_ucdp)):
        with (source / f"{name}.jsonl").open(encoding="utf-8") as fh:
            lines = [convert(json.loads(row)) for row in fh if row.strip()]
        seen: dict[str, int] = {}
        for line in lines:  # MM repeats a few ids for different events: keep both, apart
            seen[line["id"]] = seen.get(line["id"], 0) + 1
            if seen[line["id"]] > 1:
                line["id"] = f"{line['id']}-{seen[line['id']]}"
        assign_splits(lines)
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for line in lines:
                line.pop("group")
                out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        test = sum(d["split"] == "test" for d in lines)
        print(f"{name}: {len(lines)} lines, {len(lines) - test} dev, {test} test")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
