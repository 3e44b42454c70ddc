"""Write gold/seed_note.jsonl: the project's seed note with every event, figure, actor and tie.

The note (``/work/shared/seed/kyrgyzstan-2020-note.txt``, published 2020-10-11) is a commentary,
not a news report; the annotation codes what it reports as having happened, and explains each
judgement in the event's ``note``. Run: ``.venv/bin/python gold/build_seed.py [NOTE]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_NOTE = Path("/work/shared/seed/kyrgyzstan-2020-note.txt")
KGZ = {"country": "Kyrgyzstan", "iso3": "KGZ"}
BISHKEK = {**KGZ, "admin1": "Bishkek", "location": "Bishkek", "geo_precision": 1}
RIOTERS = {"actor1": "Rioters (Kyrgyzstan)", "inter1": 5}

EVENTS = [
    {"event_type": "Strategic developments", "sub_event_type": "Other",
     "political_event": "election_held", "event_date": "2020-10-05", "time_precision": 1,
     **KGZ, "fatalities": 0,
     "note": "The note says 'elections were held in 5 October'; the vote was in fact on Sunday "
             "4 October 2020. Coded as the text says; country-level (no place named)."},
    {"event_type": None, "sub_event_type": None, "plover_type": "ACCUSE",
     "actor1": "Opposition (Kyrgyzstan)", **KGZ,
     "note": "'Opposition parties called the elections a fraud': an accusation (statement)."},
    {"event_type": "Riots", "sub_event_type": "Violent demonstration", **RIOTERS, **BISHKEK,
     "fatalities": 1, "injuries": 1000,
     "crowd_size": {"min": None, "max": 10000, "text": "no more than 10,000 people"},
     "note": "The protests to 'overthrow the government by force' in which the White House was "
             "burned: one riot event. 'at least one person is dead' -> 1 (conservative); "
             "'1000+ are injured' -> 1000; 'no more than 10,000' is an upper bound only. The "
             "White House is the seat of government in Bishkek, hence the place; no day given."},
    {"event_type": "Riots", "sub_event_type": "Violent demonstration",
     "political_event": "release_from_custody", **RIOTERS, "actor2": "Almazbek Atambayev",
     **KGZ, "fatalities": 0,
     "note": "'Atambayev was freed by the protesters the first day of the protests': a crowd "
             "freeing a detainee is Riots/Violent demonstration with release_from_custody."},
    {"political_event": "release_from_custody", "actor2": "Sadyr Japarov", **KGZ,
     "note": "'Sady Japarov ... freed during the protests': who freed him is not said, so no "
             "ACLED type is annotated."},
    {"event_type": "Strategic developments", "sub_event_type": "Other",
     "political_event": "resignation", "plover_type": "CONCEDE", **KGZ, "fatalities": 0,
     "note": "'many people from the government (of ex. prime minister) have resigned': the "
             "prime minister's resignation; the note names nobody, so no actor."},
    {"event_type": None, "sub_event_type": None, "political_event": None,
     "plover_type": "AGREE", "actor1": "Sooronbay Jeenbekov", **KGZ,
     "note": "'The president also proclaimed that he will resign soon': a statement of intent, "
             "not a resignation (that came on 15 October, after the note). PLOVER codes an "
             "expressed intent to change leadership as AGREE (CAMEO 0341); no political_event."},
    {"event_type": "Strategic developments", "sub_event_type": "Arrests",
     "event_date": "2020-10-10", "time_precision": 1, "actor2": "Almazbek Atambayev", **KGZ,
     "fatalities": 0, "arrests": 1,
     "note": "'re arrested in 10 of October'. The arresting body is not named in the note."},
    {"event_type": "Strategic developments", "sub_event_type": "Other",
     "political_event": "appointment", "actor2": "Sadyr Japarov", **KGZ, "fatalities": 0,
     "note": "'was declared the new president' (in fact acting prime minister on 6/10 October "
             "and acting president on 16 October); no date in the note."},
    {"event_type": None, "sub_event_type": None,
     "political_event": "foreign_government_statement", "plover_type": "CONSULT",
     "actor1": "Government of Russia (2012-)", "inter1": 8, **KGZ,
     "note": "'Russia announced that it had talks with all opposition figures'."},
    {"event_type": "Riots", "sub_event_type": "Violent demonstration", **RIOTERS, **KGZ,
     "fatalities": 0, "target_owner_iso3": "RUS",
     "note": "'some protesters attacked Russian ... owned companies': one event per owner."},
    {"event_type": "Riots", "sub_event_type": "Violent demonstration", **RIOTERS, **KGZ,
     "fatalities": 0, "target_owner_iso3": "CHN",
     "note": "'... and Chinese owned companies'. The Canadian-owned gold mine 'left untouched' "
             "is a non-event and is deliberately NOT annotated (a trap: no CAN target)."},
]

ACTORS = [
    {"key": "jeenbekov", "name": "Sooronbay Jeenbekov", "kind": "person", "country": "KGZ",
     "aliases": ["Jeenbekov", "Jeyenbekov", "Жээнбеков"], "inter": 1,
     "description": "President; 'the government of Jeenbekov'"},
    {"key": "atambayev", "name": "Almazbek Atambayev", "kind": "person", "country": "KGZ",
     "aliases": ["Atambayev", "Атамбаев"], "description": "former president, leads opposition"},
    {"key": "babanov", "name": "Omurbek Babanov", "kind": "person", "country": "KGZ",
     "aliases": ["Babanov", "Бабанов"], "description": "opposition leader, businessman"},
    {"key": "japarov", "name": "Sadyr Japarov", "kind": "person", "country": "KGZ",
     "aliases": ["Sady Japarov", "Zhaparov", "Жапаров"],
     "description": "a leader of Ata Zhurt, freed during the protests, declared president"},
    {"key": "ata-zhurt", "name": "Ata Zhurt", "kind": "party", "country": "KGZ",
     "aliases": ["Ata Zurt", "Ата-Журт"],
     "description": "factions inside and outside the government coalition"},
    {"key": "pro-government-parties", "name": "Pro-government parties", "kind": "coalition",
     "country": "KGZ", "description": "parties supporting Jeenbekov, favouring Russia"},
    {"key": "opposition", "name": "Opposition (Kyrgyzstan)", "kind": "coalition",
     "country": "KGZ", "description": "parties led by Atambayev and Babanov"},
    {"key": "pcc", "name": "People's Coordination Council", "kind": "group", "country": "KGZ",
     "description": "smaller, younger opposition group; the note speculates about Western ties"},
    {"key": "russia", "name": "Government of Russia (2012-)", "kind": "foreign-state",
     "country": "RUS", "inter": 8},
    {"key": "china", "name": "Government of China (2012-)", "kind": "foreign-state",
     "country": "CHN", "inter": 8},
    {"key": "canadian-mine-owner", "name": "Canadian-owned gold mining company",
     "kind": "company", "country": "CAN"},
    {"key": "gold-mine", "name": "Gold mine (Canadian-owned)", "kind": "asset", "country": "KGZ"},
    {"key": "russian-companies", "name": "Russian-owned companies", "kind": "company",
     "country": "RUS"},
    {"key": "chinese-companies", "name": "Chinese-owned companies", "kind": "company",
     "country": "CHN"},
]

TIES = [
    {"source": "jeenbekov", "relation": "president", "target": "",
     "end": "2020-10-15", "note": "president at the time of the note"},
    {"source": "pro-government-parties", "relation": "supports", "target": "jeenbekov"},
    {"source": "pro-government-parties", "relation": "backed_by", "target": "russia",
     "note": "'favoring Russia as the big ally of Kyrgyzstan'"},
    {"source": "atambayev", "relation": "leads", "target": "opposition"},
    {"source": "babanov", "relation": "leads", "target": "opposition"},
    {"source": "japarov", "relation": "leads", "target": "ata-zhurt",
     "note": "'one of its leaders'"},
    {"source": "ata-zhurt", "relation": "member_of", "target": "pro-government-parties",
     "note": "'factions inside the government coalition and outside of it'"},
    {"source": "opposition", "relation": "opposes", "target": "jeenbekov"},
    {"source": "russia", "relation": "supports", "target": "opposition",
     "note": "'Russia announced that it had talks with all opposition figures' (contact, "
             "weak evidence of support)"},
    {"source": "canadian-mine-owner", "relation": "owns", "target": "gold-mine"},
    {"source": "pcc", "relation": "opposes", "target": "jeenbekov",
     "note": "the note's speculation that it may serve the West is not a tie"},
]


def main(argv: list[str]) -> int:
    note = Path(argv[1]) if len(argv) > 1 else DEFAULT_NOTE
    line = {"id": "seed-kyrgyzstan-2020", "text": note.read_text(encoding="utf-8"),
            "published": "2020-10-11", "country": "KGZ", "lang": "en",
            "source": "seed note (F. U. Kuqe)", "split": "dev",
            "note": "The project's seed note, annotated for sitroom. Events are what the note "
                    "reports as having happened; plans, speculation and the untouched "
                    "Canadian-owned mine are not events.",
            "events": EVENTS, "ties": {"actors": ACTORS, "ties": TIES}}
    target = HERE / "seed_note.jsonl"
    target.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"seed note written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
