"""ACLED's export format: column order and names, and how sitroom values map onto them.

Columns follow ACLED's current export (API and data-export tool since the 2024 update). Since
that update ``inter1``/``inter2`` hold the actor-type *name* ("State forces", "Protesters") and
``interaction`` joins the two names ("State forces-Protesters", or "Protesters only"); sitroom
writes names the same way. ``iso`` is the ISO 3166 numeric code, ``event_date`` YYYY-MM-DD,
``timestamp`` the Unix time of the export, ``fatalities`` the conservative reconciled value.
"""

from __future__ import annotations

import functools
import hashlib
from datetime import datetime

from sitroom.model import Event

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

INTER_NAMES = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}

SUB_EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack",
                                   "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}

# ACLED regions of the countries sitroom is most likely to watch; others export an empty region
REGIONS = {
    **dict.fromkeys(("KGZ", "KAZ", "TJK", "TKM", "UZB", "ARM", "AZE", "GEO"),
                    "Caucasus and Central Asia"),
    **dict.fromkeys(("RUS", "UKR", "BLR", "MDA", "POL", "DEU", "FRA", "GBR", "ROU", "SRB",
                     "HUN", "BGR", "GRC", "ITA", "ESP", "LTU", "LVA", "EST"), "Europe"),
    **dict.fromkeys(("CHN", "MNG", "JPN", "KOR", "PRK", "TWN"), "East Asia"),
    **dict.fromkeys(("AFG", "PAK", "IND", "BGD", "NPL", "LKA", "IRN"), "South Asia"),
    **dict.fromkeys(("TUR", "IRQ", "SYR", "LBN", "ISR", "PSE", "JOR", "SAU", "YEM", "ARE",
                     "QAT", "KWT", "OMN", "BHR"), "Middle East"),
    **dict.fromkeys(("USA", "CAN"), "North America"),
}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type of an event type."""
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return "Political violence"
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Mob violence":
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return ""


def inter_name(code: int | None) -> str:
    """ACLED's actor-type name for a numeric inter code ("" when unknown)."""
    return INTER_NAMES.get(code or 0, "")


def interaction(inter1: int | None, inter2: int | None) -> str:
    """'State forces-Protesters', or 'Protesters only' without a second actor."""
    codes = sorted(c for c in (inter1, inter2) if c in INTER_NAMES)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{INTER_NAMES[codes[0]]} only"
    return f"{INTER_NAMES[codes[0]]}-{INTER_NAMES[codes[1]]}"


@functools.cache
def iso_numeric(iso3: str | None) -> str:
    """ISO 3166 numeric code as ACLED's ``iso`` column writes it (no leading zeros)."""
    if not iso3:
        return ""
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3.upper())
    return str(int(c.numeric)) if c else ""


def acled_row(event: Event, *, exported: datetime) -> dict[str, object]:
    """One event as an ACLED export row (dict in COLUMNS order)."""
    iso3 = (event.iso3 or "").upper()
    num = int(hashlib.sha1(event.id.encode("utf-8")).hexdigest()[:12], 16) % 10**9
    cor = event.corroboration
    blocs = set(cor.blocs) if cor else set()
    scale = ("National-International" if "domestic" in blocs and len(blocs) > 1
             else "National" if blocs == {"domestic"} else "International" if blocs else "")
    civ = event.event_type == "Violence against civilians" or (
        event.inter2 == 7 and disorder_type(event.event_type, event.sub_event_type)
        .startswith("Political violence"))
    tags = []
    if event.crowd_size and event.crowd_size.low is not None:
        lo, hi = event.crowd_size.low, event.crowd_size.high
        tags.append(f"crowd size={lo}" if hi in (None, lo) else f"crowd size={lo}-{hi}")
    if event.fatalities and event.fatalities.disputed:
        tags.append(f"fatalities reported {event.fatalities.low}-{event.fatalities.high}")
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{num}",
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision or "",
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": event.actor1 or "", "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": inter_name(event.inter1),
        "actor2": event.actor2 or "", "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": inter_name(event.inter2),
        "interaction": interaction(event.inter1, event.inter2),
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": iso_numeric(iso3), "region": REGIONS.get(iso3, ""),
        "country": event.country or "", "admin1": event.admin1 or "", "admin2": "",
        "admin3": "", "location": event.location or "",
        "latitude": "" if event.latitude is None else f"{event.latitude:.4f}",
        "longitude": "" if event.longitude is None else f"{event.longitude:.4f}",
        "geo_precision": event.geo_precision or "",
        "source": "; ".join(cor.outlets) if cor else "",
        "source_scale": scale,
        "notes": event.notes or _notes(event),
        "fatalities": event.fatalities.value if event.fatalities else 0,
        "tags": "; ".join(tags),
        "timestamp": int(exported.timestamp()),
    }


def _notes(event: Event) -> str:
    what = event.sub_event_type or event.event_type or "Event"
    where = event.location or event.admin1 or event.country or "unknown place"
    who = " and ".join(a for a in (event.actor1, event.actor2) if a)
    cor = event.corroboration
    n = cor.independent_outlets if cor else 0
    text = f"On {event.event_date}, {what.lower()} in {where}"
    text += f" ({who})." if who else "."
    return text + f" [sitroom: {n} independent source(s), event {event.id}]"
