"""Event typing: ACLED's sub-event type from the cues of a clause and who acts on whom.

The rules follow ACLED's codebook definitions and precedence (see ``vocabulary.py``): remote
weapons before direct violence; a demonstration that turns violent is a riot; state lethal force
on peaceful demonstrators is excessive force; dispersal or arrests make a protest one "with
intervention"; two organised armed sides make a battle; an armed side against unarmed people is
violence against civilians. Pure functions of their inputs.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sitroom.coding.actors.resolver import ActorRef

_DEMO_VIOLENCE = frozenset({"riot", "stone", "burn", "storm", "vandal", "loot", "barricade",
                            "capture"})


@dataclass(frozen=True)
class Roles:
    """The sides of a clause: who acts (agent) and who is acted on (patient)."""

    agent: ActorRef | None = None
    patient: ActorRef | None = None


def _kind(ref: ActorRef | None) -> str | None:
    return ref.kind if ref else None


def acled_type(cues: Collection[str], roles: Roles, *, protest_context: bool = False,
               release_by_crowd: bool = False) -> str | None:
    """The ACLED sub-event type of a clause's asserted physical cues, or None if none applies."""
    c = set(cues)
    agent, patient = _kind(roles.agent), _kind(roles.patient)
    armed_agent = roles.agent is not None and roles.agent.armed
    armed_patient = roles.patient is not None and roles.patient.armed
    violent = bool(c & {"kill", "shoot", "attack", "clash"})

    # 1. Explosions / remote violence, most specific first; weapons stopped before use.
    if "chemical" in c:
        return "Chemical weapon"
    if "disrupt" in c and not c & {"kill", "protest", "riot"}:
        return "Disrupted weapons use"
    if "suicide" in c:
        return "Suicide bomb"
    if "air" in c:
        return "Air/drone strike"
    if "grenade" in c and not ("disperse" in c and "protest" in c):
        return "Grenade"
    if "ied" in c and "disperse" not in c:
        return "Remote explosive/landmine/IED"
    if "shell" in c and not ({"protest", "riot"} & c):
        return "Shelling/artillery/missile attack"

    # 2. Sexual violence and abductions.
    if "sexual" in c:
        return "Sexual violence"
    if "abduct" in c:
        return "Abduction/forced disappearance"

    if "base" in c and not violent:
        return "Headquarters or base established"

    # 3. Territory.
    if c & {"capture", "retake"} and "unopposed" in c and not c & {"kill", "shoot", "attack"} and (
        agent not in ("protesters", "rioters", "civilians")
    ):
        return "Non-violent transfer of territory"  # entered without a fight
    crowd = agent in ("protesters", "rioters", "civilians")
    if c & {"capture", "retake"} and not crowd:
        if "retake" in c or agent == "state":
            return "Government regains territory" if agent in ("state", None) else (
                "Non-state actor overtakes territory")
        return "Non-state actor overtakes territory"
    if "unopposed" in c and not violent and agent in ("state", "rebel", "militia", "external"):
        return "Non-violent transfer of territory"
    if "withdraw" in c and not violent and (agent in ("state", "rebel", "militia", "external")):
        return "Non-violent transfer of territory"

    # 4. Demonstrations and riots.
    demo = "protest" in c or "riot" in c or agent in ("protesters", "rioters") or (
        protest_context and patient == "protesters")
    if "mob" in c and not c & {"protest", "riot"}:
        return "Mob violence"
    if "crowd" in c and not (c & {"protest", "riot"} or protest_context) and not armed_agent and (
        agent in ("rioters", "protesters", "civilians", None)
    ) and (
        c & (_DEMO_VIOLENCE | {"attack", "kill", "clash"}) - {"riot", "capture"}
    ):
        return "Mob violence"  # a crowd that burns or beats outside any demonstration
    if agent in ("protesters", "rioters") and violent and not (
        c & {"protest", "riot"} or protest_context
    ):
        return "Mob violence"  # a crowd that kills or beats without a demonstration
    if demo or (protest_context and not armed_agent and (c & _DEMO_VIOLENCE or release_by_crowd)):
        demo_violence = bool(c & _DEMO_VIOLENCE) or release_by_crowd or (
            agent in ("protesters", "rioters") and bool(c & {"attack", "clash", "kill"}))
        if agent == "state" and c & {"kill", "shoot"} and not (c & {"riot", "stone", "burn"}):
            return "Excessive force against protesters"
        if demo_violence or "riot" in c:
            return "Violent demonstration"
        if c & {"kill", "shoot"} and (agent == "state" or patient == "protesters"):
            return "Excessive force against protesters"
        if "disperse" in c and c & {"kill", "dead"} and "state" in (agent, patient):
            return "Excessive force against protesters"  # deaths in a dispersal by force
        if c & {"disperse", "arrest"} or (agent == "state" and c & {"attack", "injure"}):
            return "Protest with intervention"
        if c & {"protest", "riot", "block"}:
            return "Peaceful protest"

    # A ceasefire or deal ends hostilities: the words of the war it ends are not a battle.
    if "agreement" in c and not c & {"kill", "shoot", "attack", "dead"}:
        return "Agreement"
    # State lethal force on a dispersed or demonstrating crowd is excessive force.
    if agent == "state" and c & {"kill", "shoot", "dead"} and not (
        c & {"riot", "stone", "burn"}
    ) and (
        "disperse" in c or (patient == "protesters" and roles.patient is not None
                            and roles.patient.assoc is None and c & {"kill", "shoot"})
    ):
        return "Excessive force against protesters"

    # 5. Battles and violence against civilians.
    if "clash" in c:
        if agent in ("protesters", "rioters", "civilians") and patient in (
            "protesters", "rioters", "civilians", None
        ):
            return "Mob violence"
        if armed_agent and patient in ("civilians",):
            return "Attack"
        return "Armed clash"
    if violent:
        if agent in ("rioters", "protesters", "civilians"):
            return "Mob violence"
        if armed_patient and (armed_agent or agent is None) and not (
            agent == "state" and patient == "state"
        ):
            return "Armed clash"
        if agent == "state" and patient == "rebel":
            return "Armed clash"
        if "attack" in c and not ({"kill", "shoot"} & c) and c & {"burn", "loot", "vandal"} and (
            patient is None
        ):
            return "Looting/property destruction"
        return "Attack"

    # 6. Property destruction without an attack on people.
    if c & {"burn", "storm", "vandal", "loot", "stone"}:
        if agent in ("protesters", "rioters", "civilians") and not protest_context:
            return "Mob violence"  # a crowd, not a demonstration
        if agent in ("protesters", "rioters") or (protest_context and not armed_agent):
            return "Violent demonstration"
        if "storm" in c and not (c & {"burn", "loot", "vandal"}) and agent is None:
            return None
        return "Looting/property destruction"

    if "disperse" in c and (protest_context or agent == "state"):
        return "Protest with intervention"

    # 7. Strategic developments.
    if "arrest" in c:
        return "Arrests"
    if "agreement" in c:
        return "Agreement"
    if "change_group" in c:
        return "Change to group/activity"
    if "base" in c:
        return "Headquarters or base established"
    if "disrupt" in c:
        return "Disrupted weapons use"
    if c & {"block", "barricade"}:
        return "Violent demonstration" if "barricade" in c else "Peaceful protest"
    return None


# The cue that best stands for each sub-event type: its token decides roles and modality.
HEAD_CUES: dict[str, tuple[str, ...]] = {
    "Chemical weapon": ("chemical",),
    "Suicide bomb": ("suicide",),
    "Air/drone strike": ("air",),
    "Shelling/artillery/missile attack": ("shell",),
    "Remote explosive/landmine/IED": ("ied",),
    "Grenade": ("grenade",),
    "Sexual violence": ("sexual",),
    "Abduction/forced disappearance": ("abduct",),
    "Government regains territory": ("retake", "capture"),
    "Non-state actor overtakes territory": ("capture", "retake"),
    "Non-violent transfer of territory": ("unopposed", "withdraw", "capture"),
    "Mob violence": ("mob", "attack", "kill", "clash", "burn"),
    "Violent demonstration": ("riot", "storm", "burn", "stone", "vandal", "loot", "attack",
                              "clash", "barricade", "block", "protest"),
    "Excessive force against protesters": ("kill", "shoot", "protest"),
    "Protest with intervention": ("disperse", "arrest", "protest"),
    "Peaceful protest": ("protest",),
    "Armed clash": ("clash", "attack", "kill", "shoot"),
    "Attack": ("kill", "attack", "shoot", "burn"),
    "Looting/property destruction": ("loot", "burn", "vandal", "storm", "attack"),
    "Arrests": ("arrest",),
    "Agreement": ("agreement",),
    "Change to group/activity": ("change_group",),
    "Headquarters or base established": ("base",),
    "Disrupted weapons use": ("disrupt",),
}

# political extension cue → political_event name
POLITICAL_OF_CUE: dict[str, str] = {
    "resign": "resignation",
    "appoint": "appointment",
    "annul": "results_annulled",
    "results": "results_announced",
    "election_held": "election_held",
    "release": "release_from_custody",
    "emergency": "state_of_emergency",
    "curfew": "curfew",
    "impeach": "impeachment",
    "postpone": "election_postponed",
}

# PLOVER type of a physical sub-event type.
PLOVER_OF_SUB: dict[str, str] = {
    "Peaceful protest": "PROTEST",
    "Protest with intervention": "PROTEST",
    "Excessive force against protesters": "ASSAULT",
    "Violent demonstration": "PROTEST",
    "Mob violence": "ASSAULT",
    "Arrests": "COERCE",
    "Agreement": "AGREE",
    "Change to group/activity": "OTHER",
    "Headquarters or base established": "MOBILIZE",
    "Disrupted weapons use": "COERCE",
    "Looting/property destruction": "ASSAULT",
    "Non-violent transfer of territory": "RETREAT",
    "Other": "OTHER",
}

SPEECH_PRIORITY = ("THREATEN", "SANCTION", "REQUEST", "ACCUSE", "REJECT", "AGREE", "CONSULT", "AID",
                   "SUPPORT", "MOBILIZE")


def speech_type(cues: Collection[str]) -> str | None:
    """The PLOVER type of a statement from its speech cues; None when nothing is said."""
    for name in SPEECH_PRIORITY:
        if name in cues:
            return name
    return "OTHER" if "SAY" in cues else None
