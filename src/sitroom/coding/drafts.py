"""From one clause to event drafts: cues checked for modality, sides found, types decided.

A clause yields at most one physical event (its asserted physical cues typed together), one
event per political cue (resignation, release, appointment ...), and, when nothing happened in
it, one statement (PLOVER). Pure functions over a parsed clause; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sitroom.coding import facts
from sitroom.coding.actors.names import institution, person_name
from sitroom.coding.actors.resolver import FOREIGN_STATE_NAMES, ActorRef, ActorResolver
from sitroom.coding.nlp import lemma
from sitroom.coding.places.geo import country_name, state_iso3
from sitroom.coding.typing import modality as mod
from sitroom.coding.typing.lexicon import ACCIDENT, NOT_POLITICAL, PHYSICAL, POLITICAL, SPEECH, WEAK
from sitroom.coding.typing.types import (
    HEAD_CUES,
    PLOVER_OF_SUB,
    POLITICAL_OF_CUE,
    Roles,
    acled_type,
    speech_type,
)
from sitroom.coding.typing.vocabulary import EVENT_TYPE_OF, PLOVER_OF_POLITICAL


@dataclass(frozen=True)
class Cue:
    """A trigger found in a clause, with its modality."""

    name: str
    start: int  # offsets within the sentence
    end: int
    modality: str = mod.ASSERTED


@dataclass(frozen=True)
class Draft:
    """One event as first read from a clause, before facts and merging."""

    kind: str  # physical, political, statement, weak
    sentence: int
    clause: str
    sub_event_type: str | None = None
    political_event: str | None = None
    plover_type: str | None = None
    agent: ActorRef | None = None
    patient: ActorRef | None = None
    cues: tuple[str, ...] = ()
    owner_text: str = ""  # clause text to read a target owner from
    strength: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def event_type(self) -> str | None:
        return EVENT_TYPE_OF.get(self.sub_event_type) if self.sub_event_type else None


@dataclass
class ClauseContext:
    """What a clause needs from its document: country, protest context, actors."""

    resolver: ActorResolver
    country_name: str | None
    iso3: str | None
    lang: str
    protest_context: bool = False
    doc_iso3: str | None = None
    foreign_iso3: dict[str, str] = field(default_factory=dict)


# --- roles from the English dependency parse -------------------------------------------------

_PATIENT_PREPS = frozenset({"at", "on", "against", "upon", "into", "with", "in"})


def _phrase(tok: Any) -> str:
    """The noun phrase a token heads, kept short (compounds, adjectives, 'of' complements)."""
    left = tok.left_edge.i
    right = tok.right_edge.i
    if right - left > 10:
        left = min([c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "amod", "det",
                                                                    "nmod", "poss")] + [tok.i])
        right = tok.i
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                right = min(c.right_edge.i, tok.i + 6)
    return tok.doc[left:right + 1].text


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def english_roles(tok: Any) -> tuple[str | None, str | None]:
    """(agent phrase, patient phrase) of a trigger token from the dependency parse."""
    agent = patient = None
    verb = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("ROOT",):
        # nominal trigger: "an attack by gunmen on a village", "police raid", "clashes between"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                agent = agent or next((_phrase(p) for p in _children(c, "pobj")), None)
            elif c.dep_ == "prep" and c.lower_ == "between":
                objs = _children(c, "pobj")
                if objs:
                    agent = _phrase(objs[0])
                    conj = _children(objs[0], "conj")
                    patient = _phrase(conj[0]) if conj else None
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "at"):
                patient = patient or next((_phrase(p) for p in _children(c, "pobj")), None)
            elif c.dep_ in ("compound", "poss", "amod") and c.pos_ in ("NOUN", "PROPN"):
                agent = agent or _phrase(c)
            elif c.dep_ == "amod" and c.pos_ == "ADJ" and c.text[:1].isupper() and (
                lemma(tok).lower() in _WEAPON_NOUNS
            ):
                agent = agent or c.text  # "Russian missiles": the Russian forces fired them
        if agent is None and tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj"):
            head = tok.head if tok.dep_ != "pobj" else tok.head.head
            if head.pos_ in ("VERB", "AUX"):
                subj = _children(head, "nsubj")
                if subj:
                    agent = _phrase(subj[0])
        if tok.dep_ in ("nsubj",) and agent is None:
            agent = _phrase(tok) if lemma(tok).lower() in _ACTOR_NOUNS else None
        return agent, patient
    # verbal trigger
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ == "conj" and not _children(tok, "aux", "nsubj"))
    for step in range(3):
        subj = _children(verb, "nsubj")
        if subj and (step == 0 or not passive):
            agent = _phrase(subj[0])
        if step == 0:
            for c in _children(verb, "agent"):
                agent = next((_phrase(p) for p in _children(c, "pobj")), agent)
        obj = _children(verb, "dobj", "nsubjpass", "obj")
        if obj and patient is None and (step == 0 or passive):
            patient = _phrase(obj[0])
        if patient is None:
            for c in _children(verb, "prep"):
                if c.lower_ in _PATIENT_PREPS:
                    pobj = _children(c, "pobj")
                    if pobj and not _is_place_like(pobj[0]):
                        patient = _phrase(pobj[0])
                        break
        if agent is not None or verb.dep_ not in ("xcomp", "conj", "advcl", "pcomp"):
            break
        verb = verb.head
    if agent is None and tok.dep_ == "acl":  # "protesters demanding ...", "gunmen, who killed"
        agent = _phrase(tok.head)
    if agent is None and tok.dep_ == "relcl":
        agent = tok.head.text
    return agent, patient


_WEAPON_NOUNS = frozenset({"missile", "rocket", "drone", "shell", "airstrike", "strike",
                           "warplane", "jet", "artillery", "bombardment", "shelling", "troop",
                           "force", "soldier", "tank", "aircraft", "helicopter"})
_ACTOR_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "marcher",
                          "gunman", "militant", "rebel", "insurgent"})


def _is_place_like(tok: Any) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or tok.lower_ in (
        "city", "town", "village", "capital", "square", "district", "area", "region", "street")


# --- resolving a phrase to an actor ---------------------------------------------------------

_PROPERTY = re.compile(
    r"\b(?:house|building|office|offices|headquarters|parliament|mine|mines|company|companies|"
    r"firm|plant|factory|station|embassy|consulate|shop|store|market|bank|school|church|mosque|"
    r"village|town|city|district|area|region|province|neighbourhood|neighborhood|camp|"
    r"здани\w*|офис\w*|компани\w*|рудник\w*|завод\w*)\b", re.I)

def resolve_phrase(phrase: str | None, ctx: ClauseContext, ents: Sequence[tuple[str, str]] = (),
                   *, agent: bool = False) -> ActorRef | None:
    """An ActorRef for a phrase: case actor, named armed group, state body, role noun, or a
    named entity. ``agent``: the phrase is the one acting, so "parliament" is a body, not the
    building stormed."""
    if not phrase:
        return None
    named = ctx.resolver.case_actors_in(phrase)
    if agent and not named:
        body = _state_body(phrase, ctx)
        if body is not None:
            return body
    if _PROPERTY.search(phrase):
        return None  # a building or a company is a target, not an actor
    if not named and FOREIGN_STATE_NAMES.match(phrase.strip()):
        foreign = foreign_state(phrase, ctx)
        if foreign is not None:
            return foreign
    if not named:
        for label, text in ents:
            if label in ("PERSON", "PER") and text in phrase and _TITLE.search(phrase):
                return ActorRef(person_name(text), None, "person", country=ctx.iso3)
    ref = ctx.resolver.resolve(phrase, ctx.country_name, iso3=ctx.iso3)
    if ref is not None:
        if ref.kind == "state" and ref.key is None:
            return _national(ref, phrase, ctx)
        return ref
    foreign = foreign_state(phrase, ctx)
    if foreign is not None:
        return foreign
    own = _demonym_country(phrase, ctx)
    if own is not None and len(phrase.split()) <= 3:
        return _forces_of(own, ctx)
    if any(text == phrase.strip() and label in ("GPE", "LOC", "FAC") for label, text in ents):
        return None
    if _is_place_name(phrase, ctx):
        return None
    for label, text in ents:
        if label in ("PERSON", "PER", "ORG", "NORP") and _is_place_name(text, ctx):
            continue
        if text in phrase and label in ("PERSON", "PER"):
            return ActorRef(person_name(text), None, "person", country=ctx.iso3)
        if text in phrase and label in ("ORG", "NORP"):
            return ActorRef(text, None, "org", country=ctx.iso3)
    return None


def _state_body(phrase: str, ctx: ClauseContext) -> ActorRef | None:
    """A parliament, court or election commission acting, named for its country: the one
    named beside the noun ("ЦИК Белоруссии", "Sri Lanka's parliament"), else the report's."""
    body = institution(phrase)
    if body is None:
        return None
    around = phrase[max(0, body.start - 30):body.end + 30]
    iso3 = None
    if _COUNTRYISH.search(around):
        try:
            iso3 = facts.country_of(around, ctx.lang)
        except (LookupError, ValueError):
            iso3 = None
    iso3 = iso3 or ctx.iso3
    name = country_name(iso3) or ctx.country_name or "Unknown"
    return ActorRef(body.pattern.format(c=name), 1, "state", country=iso3)


_COUNTRYISH = re.compile(r"[A-ZА-ЯЁ]\w+\s*(?:['’]s\b)?")

_PARTICIPANT = re.compile(r"(?:protesters?|protestors?|demonstrators?|протестующ|митингующ|"
                         r"демонстрант|нааразы)", re.I)
_TITLE = re.compile(r"\b(?:president|prime minister|premier|minister|leader|governor|mayor|"
                    r"speaker|chairman|head|commander|general|senator|mp)\b", re.I)
_DEMONYM = re.compile(r"\b[A-Z][a-z]+(?:i|n|an|ian|ese|ish|ic|ani|ch)\b|"
                      r"(?<![\w-])[А-ЯЁ]?[а-яё]+(?:ск|цк)(?:ие|ий|ая|ой|ого|их|ому|ими)\b")


def _is_place_name(phrase: str, ctx: ClauseContext) -> bool:
    """Whether a short capitalised phrase is a place the gazetteer knows ("Tillaberi")."""
    words = phrase.strip().split()
    if not words or len(words) > 3 or not phrase.strip()[:1].isupper():
        return False
    bare = phrase.strip().lower()
    return any(getattr(p, "location", "").lower() == bare
               for p in facts.find_places(phrase, ctx.lang, ctx.iso3))


_MILITARY_TARGET = re.compile(
    r"\b(?:(?:military|army|police|security|AMISOM|ATMIS|MINUSMA|MONUSCO|peacekeep\w*)\s+)"
    r"(?:bases?|posts?|camps?|checkpoints?|convoys?|patrols?|stations?|barracks|positions?|"
    r"vehicles?|outposts?)|\b(?:checkpoints?|barracks|convoys?|patrols?|outposts?|"
    r"gendarmerie posts?)\b|блокпост\w*|колонн\w+ (?:военн|сил)\w*|воинск\w+ част\w*", re.I)


def _demonym_country(phrase: str, ctx: ClauseContext) -> str | None:
    """ISO3 of a nationality adjective in a phrase ("Ukrainian forces" → UKR), if any."""
    m = _DEMONYM.search(phrase)
    if not m:
        return None
    try:
        return facts.country_of(m.group(0), ctx.lang)
    except (LookupError, ValueError):
        return None


def _forces_of(iso3: str, ctx: ClauseContext) -> ActorRef:
    """A state's armed forces as ACLED names them; inter 8 when they act abroad."""
    home = ctx.iso3 or ctx.doc_iso3
    abroad = home is not None and iso3 != home
    return ActorRef(f"Military Forces of {country_name(iso3) or iso3}", 8 if abroad else 1,
                    "external" if abroad else "state", country=iso3)


def _national(ref: ActorRef, phrase: str, ctx: ClauseContext) -> ActorRef:
    """A generic state role named for the country its nationality adjective says."""
    own = _demonym_country(phrase, ctx)
    if own is None or own == ctx.iso3:
        return ref
    if not ctx.country_name:  # where it happened is not known: name the force, keep inter 1
        return ActorRef(ref.name.replace("Unknown", country_name(own) or own), ref.inter,
                        ref.kind, ref.assoc, country=own)
    name = ref.name.replace(ctx.country_name, country_name(own) or own)
    return ActorRef(name, 8, "external", ref.assoc, country=own)


def foreign_state(phrase: str, ctx: ClauseContext) -> ActorRef | None:
    """A foreign government named in a phrase ("Russia", "the Kremlin", "Moscow", "США")."""
    m = FOREIGN_STATE_NAMES.search(phrase)
    if not m:
        return None
    iso3 = ctx.foreign_iso3.get(m.group(0))
    if iso3 is None:
        iso3 = state_iso3(m.group(0))
        ctx.foreign_iso3[m.group(0)] = iso3 or ""
    if not iso3 or iso3 == (ctx.doc_iso3 or ctx.iso3):
        return None
    return ActorRef(f"Government of {country_name(iso3) or m.group(0)}", 8, "external",
                    country=iso3)


# --- drafts ---------------------------------------------------------------------------------

def drafts_of_clause(clause: str, offset: int, cues: Sequence[Cue], roles_of: Any,
                     ctx: ClauseContext, sentence: int, ents: Sequence[tuple[str, str]] = ()
                     ) -> list[Draft]:
    """Event drafts a clause supports. ``roles_of(cue)`` gives (agent, patient) phrases."""
    background = [c for c in cues if c.modality == mod.BACKGROUND]
    asserted = [c for c in cues if c.modality == mod.ASSERTED]
    names = {c.name for c in asserted}
    out: list[Draft] = []
    accident = bool(ACCIDENT.search(clause))

    # physical
    physical = [c for c in asserted if c.name in PHYSICAL]
    strong_weak = names & WEAK
    if physical or (strong_weak and names & {"kill", "shoot"}):
        physical = physical + [c for c in background if c.name in ("protest", "riot")]
    if {c.name for c in physical} == {"protest"} and ("release" in names or all(
        _PARTICIPANT.match(clause[c.start - offset:]) for c in physical
    )):
        physical = []  # "freed by the protesters", "police said protesters...": no new protest
    if physical and not (accident and not (names & {"attack", "shoot", "clash", "protest"})):
        # roles from the most telling cue
        agent, patient = _roles_for(physical, roles_of, ctx, ents)
        if agent is None and patient is None:
            agent, patient = _positional_roles(clause, physical[0].start - offset, ctx)
        if (patient is None or patient.kind == "org") and _MILITARY_TARGET.search(clause) and (
            names & {"attack", "ied", "suicide", "shell", "air", "grenade", "shoot", "clash"}
        ):
            patient = ActorRef(f"Military Forces of {ctx.country_name or 'Unknown'}", 1, "state",
                               country=ctx.iso3)  # an attack on a base or convoy is on forces
        release_by_crowd = False  # a crowd freeing someone is coded with the release below
        cue_names = {c.name for c in physical} | strong_weak
        sub = acled_type(cue_names, Roles(agent, patient),
                         protest_context=ctx.protest_context, release_by_crowd=release_by_crowd)
        if sub is not None and NOT_POLITICAL.search(clause) and not (
            (agent is not None and agent.armed) or names & {"protest", "riot", "kill"}
        ):
            sub = None  # sport or markets in the words of violence
        if sub is not None and agent is not None and agent.kind == "external" and (
            agent.name.startswith("Government of ") and agent.country
        ):
            agent = _forces_of(agent.country, ctx)
        if sub is not None:
            head = _head_cue(sub, physical)
            if head is not None and head is not physical[0]:
                a2, p2 = _roles_for([head], roles_of, ctx, ents)
                agent, patient = a2 or agent, p2 or patient
            strength = 0.55 + 0.05 * min(3, len(cue_names) - 1)
            out.append(Draft("physical", sentence, clause, sub_event_type=sub,
                             plover_type=PLOVER_OF_SUB.get(sub, "ASSAULT"), agent=agent,
                             patient=patient, cues=tuple(sorted(cue_names)), owner_text=clause,
                             strength=strength))
    elif strong_weak and not accident:
        out.append(Draft("weak", sentence, clause, cues=tuple(sorted(strong_weak)), strength=0.3))

    # political extension, one event per cue
    seen: set[str] = set()
    if "emergency" in names:
        seen.add("curfew")  # a curfew declared with an emergency is part of it
    for c in asserted:
        if c.name not in POLITICAL or c.name in seen:
            continue
        seen.add(c.name)
        pe = POLITICAL_OF_CUE[c.name]
        agent, patient = _roles_for([c], roles_of, ctx, ents)
        if agent is None and patient is None:
            named = ctx.resolver.case_actors_in(clause)
            if named:
                agent = ctx.resolver.resolve(clause[named[0][1]:named[0][2]], ctx.country_name,
                                             iso3=ctx.iso3)
        sub = "Other"
        if pe == "release_from_custody":
            by_crowd = (agent is not None and agent.kind in ("protesters", "rioters")) or (
                ctx.protest_context and agent is None and re.search(
                    r"protest|crowd|supporters|митинг|протест|сторонник|толп|нааразы|катышуучу|"
                    r"демонстрант|митингчи", clause, re.I))
            if by_crowd:
                sub = "Violent demonstration"
                if agent is None or agent.kind not in ("protesters", "rioters"):
                    agent = ActorRef(f"Rioters ({ctx.country_name or 'Unknown'})", 5, "rioters",
                                     country=ctx.iso3)
                elif agent.kind == "protesters":
                    agent = ActorRef(f"Rioters ({ctx.country_name or 'Unknown'})", 5, "rioters",
                                     assoc=agent.assoc, country=ctx.iso3)
        if pe in ("resignation", "impeachment") and patient is not None and agent is None:
            agent, patient = patient, None  # "X was impeached": X is the one the event is about
        if pe == "election_held":  # voters vote; the soldiers or police guarding them do not
            agent = agent if agent is not None and agent.kind == "state" and not (
                agent.name.startswith(_FORCES)) else None
            patient = None
        if _subject_of_turn(pe, sub, agent, patient, ctx):
            agent, patient = None, agent  # "Жапаров вышел из СИЗО", "X назначен": X freed/named
        out.append(Draft("political", sentence, clause, sub_event_type=sub, political_event=pe,
                         plover_type=PLOVER_OF_POLITICAL.get(pe, "OTHER"), agent=agent,
                         patient=patient, cues=(c.name,), strength=0.55))

    # statements: only when nothing physical or political happened in the clause
    if not out or all(d.kind == "weak" for d in out):
        st = _statement(clause, cues, roles_of, ctx, sentence, ents)
        if st is not None:
            out = [d for d in out if d.kind != "weak"] + [st]
    return out


_FORCES = ("Military Forces", "Police Forces")


def _subject_of_turn(pe: str, sub: str, agent: ActorRef | None, patient: ActorRef | None,
                     ctx: ClauseContext) -> bool:
    """Whether the person read as acting is the one freed or named (ACLED's actor 2).

    A person does not free themselves (a prison or security service named beside them is
    where they were held); in Russian and Kyrgyz, read without a parse, a lone person before
    "назначен" / "дайындалды" is the one appointed.
    """
    if agent is None or agent.kind != "person":
        return False
    if pe == "release_from_custody":
        return sub == "Other" and (patient is None or patient.kind != "person")
    return pe == "appointment" and patient is None and ctx.lang in ("ru", "ky")


_SOLDIERS = re.compile(r"\b(?:army|military|troops|soldiers|forces|armed|commander\w*|general|"
                       r"арми\w*|войск\w*|военн\w*|силовик\w*|аскер\w*)", re.I)


def _statement(clause: str, cues: Sequence[Cue], roles_of: Any, ctx: ClauseContext,
               sentence: int, ents: Sequence[tuple[str, str]]) -> Draft | None:
    """A PLOVER statement: a threat or demand of an event, or a speech act by a known actor."""
    speech = [c for c in cues if c.name in SPEECH and c.modality in (mod.ASSERTED,)]
    threats = [c for c in cues if c.modality in (mod.THREATENED, mod.DEMANDED)
               and (c.name in PHYSICAL or c.name in POLITICAL)]
    plover = None
    if threats:
        plover = mod.statement_plover(threats[0].modality)
        base = threats
    elif speech:
        plover = speech_type({c.name for c in speech})
        base = speech
    else:
        return None
    agent, patient = _roles_for(base, roles_of, ctx, ents)
    if agent is None:
        agent = foreign_state(clause, ctx)
    if agent is None:
        return None
    if agent.name.startswith("Military Forces of ") and not _SOLDIERS.search(clause):
        agent = replace(agent, name="Government of " + agent.name[len("Military Forces of "):])
        # "Iran threatened": a country that speaks is its government, not its army
    foreign = agent.kind == "external" or (agent.country and ctx.iso3 and agent.country != ctx.iso3
                                           and agent.inter == 8)
    speaking_state = agent.kind == "state" and plover not in (None, "OTHER")
    if not foreign and agent.key is None and agent.kind not in ("person", "org") and not (
        threats or speaking_state
    ):
        return None  # "police said" is not an event; a government's threat or refusal is
    if plover == "OTHER" and not foreign:
        return None
    return Draft("statement", sentence, clause, plover_type=plover,
                 political_event="foreign_government_statement" if foreign else None,
                 agent=agent, patient=patient, cues=tuple(sorted({c.name for c in base})),
                 strength=0.5 if foreign else 0.4)


def _head_cue(sub: str, cues: Sequence[Cue]) -> Cue | None:
    for name in HEAD_CUES.get(sub, ()):
        for c in cues:
            if c.name == name:
                return c
    return None


def _roles_for(cues: Sequence[Cue], roles_of: Any, ctx: ClauseContext,
               ents: Sequence[tuple[str, str]]) -> tuple[ActorRef | None, ActorRef | None]:
    agent = patient = None
    for c in cues:
        a, p = roles_of(c)
        agent = agent or resolve_phrase(a, ctx, ents, agent=True)
        patient = patient or resolve_phrase(p, ctx, ents)
        if agent and patient:
            break
    return agent, patient


_BETWEEN = re.compile(r"\b(?:between|among)\b", re.I)


def _positional_roles(clause: str, trigger_at: int, ctx: ClauseContext
                      ) -> tuple[ActorRef | None, ActorRef | None]:
    """Without a parse: the actor named before the trigger acts, the one after is acted on."""
    mentions = ctx.resolver.all_in(clause, ctx.country_name, ctx.iso3)
    before = [r for r, pos in mentions if pos < trigger_at]
    after = [r for r, pos in mentions if pos >= trigger_at]
    agent = before[-1] if before else None
    patient = after[0] if after else None
    if agent is None and patient is not None and len(after) > 1 and (
        ctx.lang != "en" or _BETWEEN.search(clause, trigger_at, trigger_at + 40)
    ):
        agent, patient = after[0], after[1]
    return agent, patient
