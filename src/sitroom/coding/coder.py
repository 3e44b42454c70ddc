"""The Coder: documents in, ACLED-compatible claims out.

One cheap pass finds sentences that may report events (trigger lexicons); only those go through
spaCy (English, batched with ``nlp.pipe``) or natasha (Russian names). Each clause yields drafts
(``drafts.py``); drafts about the same event are merged, facts are filled in (figures, date,
place, target owner) and every event becomes a ``model.Claim`` with its evidence and confidence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from sitroom.coding import facts
from sitroom.coding.actors.resolver import ActorRef, ActorResolver, normalise
from sitroom.coding.drafts import ClauseContext, Cue, Draft, drafts_of_clause, english_roles
from sitroom.coding.merging import Event, merge
from sitroom.coding.nlp import english, russian_entities
from sitroom.coding.places.geo import country_name
from sitroom.coding.sentences import (
    Sentence,
    chunks,
    dateline,
    split_clauses,
    split_sentences,
)
from sitroom.coding.typing import modality as mod
from sitroom.coding.typing.lexicon import PHYSICAL, POLITICAL, find_cues, prefilter
from sitroom.model import Actor, Claim, Document
from sitroom.reading.clean import clean_text
from sitroom.reading.language import detect_language

CODER_VERSION = "sitroom-coder-1.0"
MAX_CANDIDATES = 5000  # event sentences coded per document; the rest of a huge text is skipped
MIN_CONFIDENCE = 0.3  # below this a reading is too vague to print (generic talk of "protests")
RECALLED_DAYS = 45  # an event dated this long before publication is history, not news
_SUPPORTERS = re.compile(r"(?:supporters|followers|backers|сторонник\w*|тарапкер\w*)\s+(?:of\s+)?", re.I)  # noqa: E501


@dataclass
class _Prepared:
    """A document read and cut, with the sentences worth parsing."""

    doc: Document
    text: str
    lang: str
    sentences: list[Sentence]
    cues: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)
    parsed: dict[int, Any] = field(default_factory=dict)
    dateline_iso3: str | None = None


class Coder:
    """Codes documents into claims; models load on first use and are shared by every Coder."""

    def __init__(self, actors: Sequence[Actor] = (), *, countries_hint: Sequence[str] = (),
                 version: str = CODER_VERSION, batch_size: int = 64):
        self.actors = tuple(actors)
        self.resolver = ActorResolver(self.actors)
        self.countries_hint = tuple(c.upper() for c in countries_hint if c)
        self.version = version
        self.batch_size = batch_size

    # --- public ------------------------------------------------------------------------------

    def code(self, doc: Document) -> list[Claim]:
        """The events one document reports, as claims (empty when it reports none)."""
        return next(iter(self.code_many([doc])))

    def code_many(self, docs: Iterable[Document]) -> Iterator[list[Claim]]:
        """Claims of each document in order, English sentences parsed in shared batches."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    # --- stages ------------------------------------------------------------------------------

    def _code_batch(self, docs: list[Document]) -> Iterator[list[Claim]]:
        prepared = [self._prepare(d) for d in docs]
        self._parse_english(prepared)
        for p in prepared:
            yield self._decide(p)

    def _prepare(self, doc: Document) -> _Prepared:
        text = clean_text(doc.text or "")
        lang = (doc.lang or "").lower()[:2] or _detect(text)
        text, dateline_iso3 = _without_dateline(text, lang)
        sentences: list[Sentence] = []
        offset = 0
        for piece in chunks(text):
            for s in split_sentences(piece, lang):
                sentences.append(Sentence(s.text, s.start + offset, s.end + offset,
                                          s.paragraph + len(sentences)))
            offset += len(piece)
        p = _Prepared(doc, text, lang, sentences, dateline_iso3=dateline_iso3)
        gate = prefilter(lang if lang in ("en", "ru", "ky") else "en")
        other = prefilter("ru") if lang == "ky" else prefilter("ky") if lang == "ru" else None
        for i, s in enumerate(sentences):
            if gate.search(s.text) or (other is not None and other.search(s.text)):
                cues = find_cues(s.text, lang)
                if cues:
                    p.cues[i] = cues
        if len(p.cues) > MAX_CANDIDATES:  # a huge text: keep sentences where something happens
            def rank(i: int) -> int:
                return 0 if any(n in PHYSICAL or n in POLITICAL for n, _, _ in p.cues[i]) else 1
            keep = sorted(sorted(p.cues, key=rank)[:MAX_CANDIDATES])
            p.cues = {i: p.cues[i] for i in keep}
        return p

    def _parse_english(self, prepared: list[_Prepared]) -> None:
        """One spaCy pass per document over its candidate sentences only, batched."""
        jobs = [p for p in prepared if p.lang not in ("ru", "ky") and p.cues]
        if not jobs:
            return
        layouts = []
        texts = []
        for p in jobs:
            parts, offsets, pos = [], {}, 0
            for i in sorted(p.cues):
                text = p.sentences[i].text[:20000]
                offsets[i] = pos
                parts.append(text)
                pos += len(text) + len(_JOIN)
            layouts.append(offsets)
            texts.append(_JOIN.join(parts))
        for p, offsets, parsed in zip(jobs, layouts, english().pipe(texts, batch_size=64),
                                      strict=True):
            for i, off in offsets.items():
                p.parsed[i] = _SentView(parsed, off, len(p.sentences[i].text[:20000]))

    def _decide(self, p: _Prepared) -> list[Claim]:
        if not p.cues:
            return []
        doc_iso3 = self._doc_country(p)
        protest_context = any(n in ("protest", "riot") for cues in p.cues.values()
                              for n, _, _ in cues)
        events: list[Event] = []
        last_place: dict[int, Any] = {}
        for i in sorted(p.cues):
            sent = p.sentences[i]
            parsed = p.parsed.get(i)
            ents = _entities(parsed, sent.text, p.lang)
            ctx = self._context(doc_iso3, doc_iso3, p.lang, protest_context)
            drafts = self._drafts(sent.text, i, p, parsed, ctx, ents)
            if not drafts:
                continue
            loc_names = [t for label, t in ents if label in ("GPE", "LOC", "FAC")]
            places = [pl for pl in facts.find_places(sent.text, p.lang, doc_iso3, loc_names)
                      if _plausible(pl, sent.text, doc_iso3)]
            place = places[0] if places else last_place.get(sent.paragraph)
            if places:
                last_place[sent.paragraph] = places[0]
            iso3 = getattr(place, "iso3", None) or doc_iso3
            if iso3 != doc_iso3:  # a digest: this sentence is about another country
                ctx = self._context(iso3, doc_iso3, p.lang, protest_context)
                drafts = self._drafts(sent.text, i, p, parsed, ctx, ents)
            events.extend(Event(d, [i], place, iso3) for d in drafts)
        events = merge(events)
        claims: list[Claim] = []
        for ev in events:
            for claim in self._claims_of(ev, p, doc_iso3):
                claims.append(claim)
        claims = [c for c in claims if c.confidence >= MIN_CONFIDENCE]
        out = []
        for index, c in enumerate(claims):
            out.append(replace(c, index=index, coder_version=self.version,
                               id=claim_id(p.doc.id, self.version, index)))
        return out

    def _context(self, iso3: str | None, doc_iso3: str | None, lang: str,
                 protest_context: bool) -> ClauseContext:
        return ClauseContext(self.resolver, country_name(iso3), iso3, lang,
                             protest_context=protest_context, doc_iso3=doc_iso3)

    def _drafts(self, text: str, i: int, p: _Prepared, parsed: Any, ctx: ClauseContext,
                ents: list[tuple[str, str]]) -> list[Draft]:
        out: list[Draft] = []
        for clause, c_start in _clauses(text):
            c_end = c_start + len(clause)
            bounds = _token_bounds(parsed, c_start, c_end)
            cues = [Cue(n, s, e, mod.ASSERTED if _unopposed(n, text[s:e]) else
                        mod.PLANNED if _alleged(text, s) else
                        mod.BACKGROUND if _disputed(n, text, s) else
                        _modality(parsed, text, s, e, p.lang, bounds))
                    for n, s, e in p.cues[i] if c_start <= s < c_end]
            if not cues:
                continue

            def roles_of(cue: Cue, c_start: int = c_start, c_end: int = c_end):
                return _roles(parsed, text, cue, c_start, c_end)

            out.extend(drafts_of_clause(clause, c_start, cues, roles_of, ctx, i, ents))
        return out

    def _doc_country(self, p: _Prepared) -> str | None:
        if p.doc.country:
            return p.doc.country.upper()
        if len(self.countries_hint) == 1:
            return self.countries_hint[0]
        for i in sorted(p.cues)[:3]:  # the first place an event sentence names, town-level
            text = p.sentences[i].text
            for place in facts.find_places(text, p.lang, None):
                if getattr(place, "geo_precision", 3) <= 2 and _plausible(place, text, None):
                    return place.iso3
        found = facts.country_of(_ATTACKERS.sub(" ", p.text[:5000]), p.lang)
        if found:
            return found
        if p.dateline_iso3:
            return p.dateline_iso3
        return self.countries_hint[0] if self.countries_hint else None

    def _claims_of(self, ev: Event, p: _Prepared, doc_iso3: str | None) -> list[Claim]:
        d = ev.draft
        texts = [p.sentences[i].text for i in ev.sentences]
        evidence = " ".join(texts)
        lead = p.sentences[ev.sentences[0]]
        back = [p.sentences[j].text for j in range(ev.sentences[0] - 1,
                                                    max(-1, ev.sentences[0] - 4), -1)
                if p.sentences[j].paragraph == lead.paragraph or j >= ev.sentences[0] - 1]
        when, precision, said = facts.event_date([*texts, *back], p.doc.published, p.lang)
        if said and p.doc.published and when and when < p.doc.published - timedelta(RECALLED_DAYS):
            return []  # an old event recalled
        if _recalled(d.clause, p.doc.published):
            return []
        iso3 = ev.iso3 or doc_iso3
        place = ev.place
        if d.kind == "statement" and place is not None and d.agent is not None and (
            getattr(place, "iso3", None) == d.agent.country and doc_iso3
            and getattr(place, "geo_precision", 3) == 3
        ):
            place, iso3 = None, doc_iso3  # "Russia said": the event belongs to the crisis country
        if place is None and iso3:
            place = facts.country_place(iso3)
        if place is not None and getattr(place, "iso3", None):
            iso3 = place.iso3
        cname = getattr(place, "country", None) or country_name(iso3)
        figures = facts.extract_figures(evidence, p.lang) if d.kind == "physical" else None
        actor1, actor2 = _default_actors(d, cname, iso3)
        assoc1 = actor1.assoc if actor1 else None
        if assoc1 is None and actor1 is not None and actor1.kind in ("protesters", "rioters"):
            assoc1 = self._supporters_of(evidence)
        owners = _owners(d, p.lang) if d.kind == "physical" else [None]
        conf = _confidence(d, ev, place, said, actor1)
        claims = []
        for owner in owners:
            claims.append(Claim(
                doc_id=p.doc.id,
                event_date=when,
                time_precision=precision,
                event_type=d.event_type,
                sub_event_type=d.sub_event_type,
                political_event=d.political_event,
                plover_type=d.plover_type,
                actor1=actor1.name if actor1 else None,
                assoc_actor_1=assoc1,
                inter1=actor1.inter if actor1 else None,
                actor2=actor2.name if actor2 else None,
                assoc_actor_2=actor2.assoc if actor2 else None,
                inter2=actor2.inter if actor2 else None,
                country=cname,
                iso3=iso3,
                admin1=getattr(place, "admin1", None),
                location=getattr(place, "location", None),
                latitude=getattr(place, "latitude", None),
                longitude=getattr(place, "longitude", None),
                geo_precision=getattr(place, "geo_precision", None),
                fatalities=(figures.fatalities or 0) if figures else 0,
                injuries=figures.injuries if figures else None,
                arrests=figures.arrests if figures else None,
                crowd_size=figures.crowd_size if figures else None,
                target_owner_iso3=owner,
                evidence=evidence if d.kind != "political" else _political_evidence(d, evidence),
                confidence=conf,
            ))
        return claims

    def _supporters_of(self, text: str) -> str | None:
        m = _SUPPORTERS.search(text)
        if not m:
            return None
        found = self.resolver.case_actors_in(text[m.end():m.end() + 60])
        return found[0][0].name if found and found[0][1] < 5 else None


_JOIN = "\n\n"


class _SentView:
    """One sentence inside the parsed text of a document's candidate sentences."""

    __slots__ = ("doc", "length", "offset")

    def __init__(self, doc: Any, offset: int, length: int):
        self.doc, self.offset, self.length = doc, offset, length

    def char_span(self, start: int, end: int, alignment_mode: str = "expand") -> Any:
        return self.doc.char_span(self.offset + start, self.offset + end,
                                  alignment_mode=alignment_mode)

    @property
    def ents(self) -> list[Any]:
        span = self.doc.char_span(self.offset, self.offset + self.length,
                                  alignment_mode="expand")
        return list(span.ents) if span is not None else []


def claim_id(doc_id: str, version: str, index: int) -> str:
    """Stable id of the index-th claim a coder version made of a document."""
    raw = f"{doc_id}\x1f{version}\x1f{index}".encode()
    return "c_" + hashlib.sha1(raw).hexdigest()[:20]


# --- helpers ---------------------------------------------------------------------------------

_ALLEGED = re.compile(
    r"(?:plott\w*|plann\w*|suspected of|suspicion of|accused of|charged with|charges of|"
    r"conspir\w* to|preparing|подозрева\w* в|подозрени\w* в|обвиня\w* в|обвинени\w* в|"
    r"готовивш\w*|планировавш\w*|по делу о)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _alleged(text: str, start: int) -> bool:
    """ "Arrested on suspicion of murder", "plotting attacks": the crime is alleged, not told."""
    return bool(_ALLEGED.search(text[max(0, start - 60):start]))


_DISPUTED = re.compile(
    r"(?:against|over|dissatisfied with|unhappy with|angry (?:at|over|about)|disput\w*|reject\w*|"
    r"против|недовольн\w*|несогласн\w*|не соглас\w* с|оспарива\w*|каршы|нааразы\w*)"
    r"\s+(?:[\w-]+\s+){0,3}$", re.I)


def _disputed(name: str, text: str, start: int) -> bool:
    """ "Protest against the election results": the results are the grievance, not news."""
    return name in ("results", "election_held") and bool(
        _DISPUTED.search(text[max(0, start - 60):start]))


def _unopposed(name: str, cue_text: str) -> bool:
    """ "Without a fight", "no resistance", "без боя" assert a handover; they negate nothing."""
    return name == "unopposed"


def _without_dateline(text: str, lang: str) -> tuple[str, str | None]:
    """The text with its dateline blanked (same offsets) and the dateline's country, if any."""
    end, name, when = dateline(text[:200])
    if not end or not name:
        return text, None
    places = facts.find_places(name if name.islower() else name.title(), lang, None)
    if not places and not when:
        return text, None  # "NATO — the alliance said": a name, not a dateline
    return " " * end + text[end:], getattr(places[0], "iso3", None) if places else None


def _detect(text: str) -> str:
    lang = detect_language(text[:3000], default="en")
    return lang if lang in ("en", "ru", "ky") else ("ru" if re.search("[а-яё]", text[:3000], re.I)
                                                    else "en")


def _clauses(sentence: str) -> list[tuple[str, int]]:
    out = []
    pos = 0
    for clause in split_clauses(sentence):
        at = sentence.find(clause, pos)
        if at < 0:
            at = pos
        out.append((clause, at))
        pos = at + len(clause)
    return out


def _token(parsed: Any, start: int, end: int) -> Any | None:
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for tok in span:
        if tok.pos_ in ("VERB", "NOUN", "ADJ", "PROPN"):
            return tok
    return span.root


def _token_bounds(parsed: Any, start: int, end: int) -> tuple[int, int | None]:
    if parsed is None:
        return 0, None
    span = parsed.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, None)


def _modality(parsed: Any, text: str, start: int, end: int, lang: str,
              bounds: tuple[int, int | None] = (0, None)) -> str:
    tok = _token(parsed, start, end)
    if tok is not None:
        if tok.dep_ == "nsubj" and tok.head.lemma_ in _SPEECH_VERBS:
            return mod.BACKGROUND  # "a protester said": a quote, not a protest
        if tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX"):
            own = mod._own_modality(tok.head)
            return own if own != mod.ASSERTED else mod.english_modality(tok, *bounds)
        return mod.english_modality(tok, *bounds)
    return mod.window_modality(text, start, end, lang)


_SPEECH_VERBS = frozenset({"say", "tell", "add", "claim", "state", "explain", "write", "post",
                           "tweet", "insist", "argue", "allege", "note"})


def _roles(parsed: Any, text: str, cue: Cue, c_start: int, c_end: int
           ) -> tuple[str | None, str | None]:
    tok = _token(parsed, cue.start, cue.end)
    if tok is not None:
        return english_roles(tok)
    before = text[max(c_start, cue.start - 80):cue.start]
    after = text[cue.end:min(c_end, cue.end + 80)]
    return (before or None), (after or None)


def _entities(parsed: Any, text: str, lang: str) -> list[tuple[str, str]]:
    if parsed is not None:
        return [(e.label_, e.text) for e in parsed.ents]
    if lang == "ru":
        return [(label, t) for label, t, _, _ in russian_entities(text[:5000])]
    return []


_YEAR = re.compile(r"(?<![\d.,])(?<!since )(?<!Since )(?<!с )(?<!С )(?<!from )(1[89]\d\d|20\d\d)(?![\d.,])")  # noqa: E501
_RECALL = re.compile(r"\b(?:recall\w*|remember\w*|anniversary|commemorat\w*|documentary|history|"
                     r"годовщин\w*|вспомина\w*|памят\w*|жылдыгы)\b", re.I)


def _recalled(clause: str, published: Any) -> bool:
    """A clause about the past: it names only years long gone, or it is a remembrance."""
    years = [int(y) for y in _YEAR.findall(clause)]
    if published is not None and years and all(y < published.year - 1 for y in years):
        return True
    return bool(_RECALL.search(clause)) and (not years or published is None or all(
        y < published.year for y in years)) and bool(years or re.search(
            r"\b(?:recalled the|recalls the|anniversary of)\b", clause, re.I))


# "Russian forces shelled ...": the attackers' nationality is not where it happened
_ATTACKERS = re.compile(r"\b[A-Z][a-z]+(?:n|i|ese|ish)[- ](?:led )?(?:forces|troops|army|military|"
                        r"soldiers|jets|warplanes|aircraft|drones?|missiles?|artillery|navy|"
                        r"-backed|government)\b")


def _consonants(text: str) -> str:
    """A vowel-blind Latin skeleton of each word, to compare a place's name across scripts."""
    return " ".join(re.sub(r"[aeiou]", "", w) for w in normalise(text).split())


def _plausible(place: Any, text: str, doc_iso3: str | None) -> bool:
    """Whether a gazetteer hit is named in the text itself (or lies in the report's country)."""
    iso3 = getattr(place, "iso3", None)
    if doc_iso3 and iso3 == doc_iso3:
        return True
    name = getattr(place, "location", "") or ""
    if not name or (getattr(place, "surface", "") and place.surface in text):
        return True  # read from these very words ("Izium" for GeoNames' "Izyum")
    if not re.search("[A-Za-z]", text):  # Cyrillic text: landmarks resolve to towns; a
        if getattr(place, "geo_precision", 3) != 3:  # country must be named, transliterated
            return True
        key = _consonants(name)[:3]
        return not key or any(w.startswith(key) for w in _consonants(text).split())
    return re.search(r"(?<![\w-])" + re.escape(name[:5]), text, re.I) is not None and not (
        re.search(r"(?<![\w-])" + re.escape(name) + r"(?:n|ns|an|ese|ian)\b", text, re.I)
        and not re.search(r"(?<![\w-])" + re.escape(name) + r"\b", text, re.I)
    )


_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|residents|villagers|children|market(?:place)?|hospital|school|mosque|church|"
    r"wedding|funeral|residential|мирн\w+ (?:жител|населени)\w*|жител\w*|дет(?:ей|и)|рын(?:ок|ке)|"
    r"больниц\w*|школ\w*|жилой|жилых|тургундар\w*|базар\w*)", re.I)


def _default_actors(d: Draft, cname: str | None, iso3: str | None
                    ) -> tuple[ActorRef | None, ActorRef | None]:
    """ACLED's sides for a type when the text leaves one out."""
    c = cname or "Unknown"
    a, b = d.agent, d.patient
    sub = d.sub_event_type
    protesters = ActorRef(f"Protesters ({c})", 6, "protesters", country=iso3)
    rioters = ActorRef(f"Rioters ({c})", 5, "rioters", country=iso3)
    police = ActorRef(f"Police Forces of {c}", 1, "state", country=iso3)
    if d.kind != "physical":
        return a, b
    if sub == "Peaceful protest":
        return (a if a and a.kind == "protesters" else protesters), None
    if sub == "Protest with intervention":
        demo = a if a and a.kind == "protesters" else b if b and b.kind == "protesters" else None
        state = a if a and a.kind == "state" else b if b and b.kind == "state" else police
        return demo or protesters, state
    if sub == "Excessive force against protesters":
        state = a if a and a.kind == "state" else police
        demo = b if b and b.kind == "protesters" else protesters
        return state, demo
    if sub in ("Violent demonstration", "Mob violence"):
        if a and a.kind == "protesters":
            a = ActorRef(f"Rioters ({c})", 5, "rioters", assoc=a.assoc, country=iso3)
        elif a is None or a.kind not in ("rioters",):
            if a is not None and b is None and a.kind != "civilians":
                b = a
            a = rioters
        return a, b
    if sub in ("Attack", "Sexual violence", "Abduction/forced disappearance"):
        a = a or ActorRef(f"Unidentified Armed Group ({c})", 3, "militia", country=iso3)
        if b is None:
            b = ActorRef(f"Civilians ({c})", 7, "civilians", country=iso3)
        return a, b
    if sub == "Arrests":
        if a is None or not a.armed:
            if a is not None and b is None:
                b = a
            a = police
        return a, b
    if d.event_type == "Explosions/Remote violence" and b is None and _CIVILIAN_TARGET.search(
        d.owner_text or d.clause
    ):
        b = ActorRef(f"Civilians ({c})", 7, "civilians", country=iso3)  # a strike on civilians
    if d.event_type == "Explosions/Remote violence" or sub == "Armed clash":
        return a or ActorRef(f"Unidentified Armed Group ({c})", 3, "militia", country=iso3), b
    return a, b


def _owners(d: Draft, lang: str) -> list[str | None]:
    """Owner countries of attacked property, one per owner named ("Russian and Chinese owned")."""
    if not set(d.cues) & {"attack", "burn", "loot", "vandal", "storm", "stone"}:
        return [None]
    text = d.owner_text
    owners: list[str | None] = []
    parts = re.split(r"\s+(?:and|и|жана|or)\s+|,\s*", text)
    for i, part in enumerate(parts):
        probe = part
        if not _OWNED.search(part) and i + 1 < len(parts):
            tail = _OWNED.search(parts[i + 1])
            words = part.split()
            probe = (words[-1] + " " + parts[i + 1][tail.start():]) if tail and words else part
        owner = facts.target_owner(probe, lang)
        if owner and owner not in owners:
            owners.append(owner)
    if not owners:
        whole = facts.target_owner(text, lang)
        owners = [whole] if whole else [None]
    return owners


_OWNED = re.compile(r"[- ]?(?:owned|compan|firm|mine|plant|factory|business|компан|предприят|"
                    r"рудник|месторожд|завод|фабрик)", re.I)


def _political_evidence(d: Draft, evidence: str) -> str:
    return evidence


def _confidence(d: Draft, ev: Event, place: Any, said: bool, actor1: ActorRef | None) -> float:
    """A score an analyst can sort by: how much of the event the text pins down."""
    score = d.strength
    if actor1 is not None and (d.agent is not None):
        score += 0.1
    precision = getattr(place, "geo_precision", None)
    if precision in (1, 2):
        score += 0.1
    elif place is None:
        score -= 0.1
    if said:
        score += 0.05
    if len(ev.sentences) > 1:
        score += 0.05
    if re.search(r"\b(?:reportedly|allegedly|unconfirmed|rumou?r|according to (?:some|unverified)"
                 r"|якобы|по неподтвержденным|по слухам)\b", ev.draft.clause, re.I):
        score -= 0.1
    if re.search(r"\b(?:all over the world|lately|norm|usually|often|every year|generally)\b",
                 ev.draft.clause, re.I):
        score -= 0.3
    return round(min(0.97, max(0.05, score)), 3)
