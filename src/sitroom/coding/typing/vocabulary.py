"""The coder's vocabularies: ACLED 6/25, inter codes, PLOVER, and sitroom's crisis extension.

Every part of the coder, the evaluation and the store use these exact strings.

How the three vocabularies combine on one claim
-----------------------------------------------
* ``event_type`` / ``sub_event_type`` are ACLED's, coded as ACLED's codebook defines them:

  - Battles: violent interaction between two organised armed groups. *Armed clash* when
    neither side takes territory; *Government regains territory* / *Non-state actor overtakes
    territory* when the report says a location changed hands through fighting.
  - Explosions/Remote violence: one-sided violence by a weapon where the attacker is not
    at the scene. *Air/drone strike*, *Shelling/artillery/missile attack*, *Remote
    explosive/landmine/IED*, *Suicide bomb*, *Grenade*, *Chemical weapon*. Precedence: a
    suicide bomb beats an IED; an airstrike beats shelling; explosives always beat "attack".
  - Violence against civilians: an organised armed group deliberately harms unarmed
    non-combatants. *Sexual violence*, *Abduction/forced disappearance*, *Attack*.
  - Protests: a public demonstration by non-violent participants. *Peaceful protest*;
    *Protest with intervention* when authorities disperse, arrest or otherwise suppress it
    without lethal force; *Excessive force against protesters* when they kill, shoot or
    seriously injure peaceful protesters.
  - Riots: demonstrators or mobs engaging in violence or destruction. *Violent
    demonstration* when a demonstration turns violent (stone throwing, burning buildings,
    storming, freeing detainees); *Mob violence* when a crowd without a demonstration
    attacks someone (lynching, vigilante mobs, communal clashes).
  - Strategic developments: contextually important non-violent events. *Arrests* (of
    notable figures or groups, outside a protest), *Agreement*, *Change to group/activity*,
    *Disrupted weapons use*, *Headquarters or base established*, *Looting/property
    destruction* (without a riot or attack), *Non-violent transfer of territory*, *Other*.

* ``political_event`` is sitroom's extension for the turns of a political crisis that ACLED
  leaves out or files under "Strategic developments / Other". A claim may carry both, e.g. a
  crowd freeing a detained politician is ``Riots / Violent demonstration`` with
  ``political_event = release_from_custody``; a resignation is ``Strategic developments /
  Other`` with ``political_event = resignation``.
* ``plover_type`` is PLOVER's. Statements and verbal interactions (a foreign government's
  statement, a demand, an accusation, a threat) carry a PLOVER type and no ACLED type
  (``event_type`` null). Physical events also carry the PLOVER type closest to them:
  PROTEST for Protests and Riots, ASSAULT for violence, COERCE for arrests and dispersals,
  CONCEDE for resignations and annulments, AGREE for agreements.
"""

from __future__ import annotations

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {
    sub: main for main, subs in ACLED_TYPES.items() for sub in subs
}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(EVENT_TYPE_OF)

INTER_CODES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "OTHER",
)

POLITICAL_EVENTS: dict[str, str] = {
    "election_held": "voting took place (ACLED: not coded; sitroom: Strategic developments/Other)",
    "results_announced": "an electoral body announced results",
    "results_annulled": "an electoral body or court annulled or invalidated results",
    "resignation": "an office holder resigned or was dismissed (announced, not merely demanded)",
    "appointment": "someone was appointed, elected or declared to an office",
    "impeachment": "a legislature started or voted an impeachment",
    "release_from_custody": "a detainee was freed, by a court, an amnesty or a crowd",
    "state_of_emergency": "a state of emergency or martial law was declared",
    "foreign_government_statement": "a foreign state or its officials spoke about the crisis",
    "curfew": "a curfew was imposed",
    "election_postponed": "an election was postponed or cancelled",
}

# The PLOVER type that goes with each ACLED event type when nothing more specific is known.
PLOVER_OF_EVENT_TYPE: dict[str, str] = {
    "Battles": "ASSAULT",
    "Explosions/Remote violence": "ASSAULT",
    "Violence against civilians": "ASSAULT",
    "Protests": "PROTEST",
    "Riots": "PROTEST",
    "Strategic developments": "OTHER",
}

# Extension events that ACLED files under Strategic developments / Other, and their PLOVER type.
PLOVER_OF_POLITICAL: dict[str, str] = {
    "election_held": "OTHER",
    "results_announced": "OTHER",
    "results_annulled": "CONCEDE",
    "resignation": "CONCEDE",
    "appointment": "OTHER",
    "impeachment": "COERCE",
    "release_from_custody": "CONCEDE",
    "state_of_emergency": "COERCE",
    "foreign_government_statement": "CONSULT",
    "curfew": "COERCE",
    "election_postponed": "OTHER",
}
