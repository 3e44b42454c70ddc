"""The Coder: documents in, ACLED-compatible claims out.

One cheap pass finds sentences that may report events (trigger lexicons); only those go through
spaCy (English, batched with ``nlp.pipe``) or natasha (Russian names). Each clause yields drafts
(``drafts.py``); drafts about the same event are merged, facts are filled in (figures, date,
place, target owner) and every event becomes a ``model.Claim`` with its evidence and confidence.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from sitroom.coding import facts
from sitroom.coding.actors.names import RegimeYears, with_years
from sitroom.coding.actors.resolver import ActorRef, ActorResolver, normalise
from sitroom.coding.drafts import ClauseContext, Cue, Draft, drafts_of_clause, english_roles
from sitroom.coding.merging import Event, merge
from sitroom.coding.nlp import english, lemma, russian_entities
from sitroom.coding.parallel import code_in_processes, usable_processes
from sitroom.coding.places.gazetteer import default_gazetteer
from sitroom.coding.places.geo import country_name
from sitroom.coding.places.truecase import lowercase_only, truecased
from sitroom.coding.sentences import (
    Sentence,
    chunks,
    dateline,
    split_clauses,
    split_sentences,
)
from sitroom.coding.typing import modality as mod
from sitroom.coding.typing.learned import retype
from sitroom.coding.typing.lexicon import PHYSICAL, POLITICAL, find_cues, prefilter
from sitroom.model import Actor, Claim, Document, Tie
from sitroom.reading.clean import clean_text
from sitroom.reading.language import detect_language

CODER_VERSION = "sitroom-coder-1.0"
MAX_CANDIDATES = 5000  # event sentences coded per document; the rest of a huge text is skipped
log = logging.getLogger(__name__)  # warnings reach stderr even unconfigured (logging.lastResort)
MIN_CONFIDENCE = 0.3  # below this a reading is too vague to print (generic talk of "protests")
WORKER_BATCH = 16  # documents per task handed to a worker process: small, so both stay busy
RECALLED_DAYS = 45  # an event dated this long before publication is history, not news
# turns of national politics placed in the capital when the text names no town
_CAPITAL_TURNS = frozenset({"resignation", "appointment", "impeachment", "results_annulled",
                            "results_announced"})
# "supporters of Mekenchil", "сторонники партии Мекенчил", "Мекенчил партиясынын тарапкерлери"
_SUPPORTERS = re.compile(
    r"\b(?:supporters|followers|backers|members|activists|сторонник\w*|член\w*|активист\w*|"
    r"тарапкер\w*|жактоочу\w*|мүчө\w*)\b", re.I)
_PARTY_KINDS = frozenset({"party", "coalition", "faction", "person"})


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
    dateline_place: Any = None  # the town a report was filed from ("OSH, Kyrgyzstan —")


class Coder:
    """Codes documents into claims; models load on first use and are shared by every Coder."""

    def __init__(self, actors: Sequence[Actor] = (), *, countries_hint: Sequence[str] = (),
                 version: str = CODER_VERSION, batch_size: int = 64, ties: Sequence[Tie] = (),
                 processes: int = 1, learned: bool = True):
        self.actors = tuple(actors)
        self.learned = learned  # False: the rules alone (what ``sitroom train`` learns from)
        self.resolver = ActorResolver(self.actors)
        self.regimes = RegimeYears(self.actors, ties)  # the case's heads of state, by date
        self.countries_hint = tuple(c.upper() for c in countries_hint if c)
        self.version = version
        self.batch_size = batch_size
        self.processes = processes

    # --- public ------------------------------------------------------------------------------

    def code(self, doc: Document) -> list[Claim]:
        """The events one document reports, as claims (empty when it reports none)."""
        return next(iter(self.code_many([doc])))

    def code_many(self, docs: Iterable[Document]) -> Iterator[list[Claim]]:
        """Claims of each document in order, English sentences parsed in shared batches.

        With ``processes`` > 1 batches are coded by forked workers (same claims, same order);
        the models load here first, so the workers share them instead of loading their own.
        """
        processes = usable_processes(self.processes)
        if processes > 1:
            yield from code_in_processes(self._code_batch, docs, processes,
                                         min(self.batch_size, WORKER_BATCH), _load_models)
            return
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
        if lowercase_only(text):  # coders' notes in lower case: give place names capitals
            text = truecased(text, default_gazetteer())
        text, dateline_place = _without_dateline(text, lang)
        dateline_iso3 = getattr(dateline_place, "iso3", None)
        sentences: list[Sentence] = []
        offset = paragraphs = 0
        for piece in chunks(text):
            for s in split_sentences(piece, lang):  # paragraphs counted across the pieces
                sentences.append(Sentence(s.text, s.start + offset, s.end + offset,
                                          s.paragraph + paragraphs))
            offset += len(piece)
            paragraphs = sentences[-1].paragraph + 1 if sentences else 0
        p = _Prepared(doc, text, lang, sentences, dateline_iso3=dateline_iso3,
                      dateline_place=dateline_place)
        gate = prefilter(lang if lang in ("en", "ru", "ky") else "en")
        other = prefilter("ru") if lang == "ky" else prefilter("ky") if lang == "ru" else None
        for i, s in enumerate(sentences):
            if gate.search(s.text) or (other is not None and other.search(s.text)):
                cues = find_cues(s.text, lang)
                if cues:
                    p.cues[i] = cues
        if len(p.cues) > MAX_CANDIDATES:  # a huge text: keep sentences where something happens
            log.warning("%s: %s candidate sentences; only the first %s were coded (those "
                        "where something physical or political happens first)",
                        doc.id, f"{len(p.cues):,}", f"{MAX_CANDIDATES:,}")
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
            where = self._without_parties(sent.text)
            loc_names = [t for label, t in ents if label in ("GPE", "LOC", "FAC") and t in where]
            places = [pl for pl in facts.find_places(where, p.lang, doc_iso3, loc_names)
                      if _plausible(pl, where, doc_iso3)]
            place = places[0] if places else self._inherited(p, sent.paragraph, last_place,
                                                               doc_iso3)
            if places and (places[0].geo_precision <= 2 or places[0].iso3 == doc_iso3):
                last_place[sent.paragraph] = places[0]  # a country merely named is not passed on
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
        if self.learned:
            claims = retype(claims, p.text)
        out = []
        for index, c in enumerate(claims):
            out.append(replace(c, index=index, coder_version=self.version,
                               id=claim_id(p.doc.id, self.version, index)))
        return out

    @staticmethod
    def _inherited(p: _Prepared, paragraph: int, last_place: dict[int, Any],
                   doc_iso3: str | None) -> Any:
        """The place a sentence naming none inherits: its paragraph's last place; else the
        dateline's town at geo precision 3 (the report was filed there; the event is in it or
        somewhere around, so it never rules out a town another report names), when it lies in
        the report's country. A digest's paragraphs name their own countries and never inherit
        another paragraph's town."""
        if paragraph in last_place:
            return last_place[paragraph]
        town = p.dateline_place
        if town is None or getattr(town, "geo_precision", 3) == 3 or (
            doc_iso3 and town.iso3 != doc_iso3
        ):
            return None
        return replace(town, geo_precision=3)

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
            text = self._without_parties(p.sentences[i].text)
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
        if d.political_event in _CAPITAL_TURNS and iso3 and (
            place is None or getattr(place, "geo_precision", 3) == 3
        ):  # a government's turn with no town named happens where the government sits: the
            # country of the case actor it is about ("Jeenbekov resigned", told from Tashkent)
            home = next((r.country for r in (d.agent, d.patient)
                         if r is not None and r.key and r.country), None) or iso3
            place = facts.capital_place(home) or place
            iso3 = getattr(place, "iso3", None) or iso3
        if place is None and iso3:
            place = facts.country_place(iso3)
        if place is not None and getattr(place, "iso3", None):
            iso3 = place.iso3
        cname = getattr(place, "country", None) or country_name(iso3)
        figures = facts.extract_figures(evidence, p.lang) if d.kind == "physical" else None
        actor1, actor2 = (_placed(a, cname, iso3) for a in _default_actors(d, cname, iso3,
                                                                           evidence))
        assoc1 = actor1.assoc if actor1 else None
        if assoc1 is None and actor1 is not None and actor1.kind in ("protesters", "rioters"):
            assoc1 = self._supporters_of(evidence)
        owners = _owners(d, p.lang) if d.kind == "physical" else [None]
        conf = _confidence(d, ev, place, said, actor1)
        day = when or p.doc.published

        def named(ref: ActorRef | None) -> str | None:  # "(2017-2020)": the regime's years
            return with_years(ref.name, ref.country or iso3, day, self.regimes) if ref else None

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
                actor1=named(actor1),
                assoc_actor_1=assoc1,
                inter1=actor1.inter if actor1 else None,
                actor2=named(actor2),
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

    def _without_parties(self, text: str) -> str:
        """The text with the case's parties and coalitions blanked (same offsets): a party's
        name ("Respublika", "Ата-Журт", "Reforma") is never a place, whatever the gazetteer
        holds."""
        spans = [(s, e) for a, s, e in self.resolver.case_actors_in(text)
                 if a.kind in ("party", "coalition")]
        for s, e in spans:
            text = text[:s] + " " * (e - s) + text[e:]
        return text

    def _supporters_of(self, text: str) -> str | None:
        """The party, coalition or leader whose supporters act (ACLED's associated actor): a
        case actor within a few words of "supporters" / "сторонники" / "тарапкерлери"."""
        for m in _SUPPORTERS.finditer(text):
            window = text[max(0, m.start() - 40):m.end() + 40]
            found = [(a, abs((s + e) // 2 - 40 - (m.end() - m.start()) // 2))
                     for a, s, e in self.resolver.case_actors_in(window)
                     if a.kind in _PARTY_KINDS]
            if found:
                return min(found, key=lambda f: f[1])[0].name
        return None


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


def _without_dateline(text: str, lang: str) -> tuple[str, Any]:
    """The text with its dateline blanked (same offsets) and the dateline's place, if any."""
    end, name, when = dateline(text[:200])
    if not end or not name:
        return text, None
    places = facts.find_places(name if name.islower() else name.title(), lang, None)
    if not places and not when:
        return text, None  # "NATO — the alliance said": a name, not a dateline
    return " " * end + text[end:], places[0] if places else None


def _load_models() -> None:
    """The English pipeline and the gazetteer, loaded before workers fork so they share them."""
    english()
    default_gazetteer()


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
        if tok.dep_ == "nsubj" and lemma(tok.head) in _SPEECH_VERBS:
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


def _placed(ref: ActorRef | None, cname: str | None, iso3: str | None) -> ActorRef | None:
    """A generic actor named before the event's country was known ("Protesters (Unknown)")
    named for the country the event was placed in."""
    if ref is None or not cname or "Unknown" not in ref.name or ref.key is not None:
        return ref
    return replace(ref, name=ref.name.replace("Unknown", cname),
                   assoc=ref.assoc.replace("Unknown", cname) if ref.assoc else None,
                   country=ref.country or iso3)


# people killed or hurt where a strike fell: its victims are civilians unless armed
_PEOPLE_HIT = re.compile(
    r"\b(?:people|persons|passengers|teenagers?|women|children|workers)\b[^.;]{0,40}?"
    r"\b(?:killed|dead|died|injured|wounded|hurt)\b|\b(?:killing|injuring|wounding)\s+"
    r"(?:at least\s+)?(?:\w+\s+){0,2}(?:people|persons|civilians|teenagers?|women|children)|"
    r"(?:погиб|ранен|убит|пострадал)\w*[^.;]{0,40}?человек|человек\w*\s+(?:погиб|ранен|убит)"
    r"|адам\w*[^.;]{0,30}?(?:каза болд|жарадар)", re.I)


def _default_actors(d: Draft, cname: str | None, iso3: str | None, evidence: str = ""
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
    if d.event_type == "Explosions/Remote violence" and b is None and (
        sub != "Disrupted weapons use"
    ) and (_CIVILIAN_TARGET.search(d.owner_text or d.clause) or _PEOPLE_HIT.search(evidence)):
        b = ActorRef(f"Civilians ({c})", 7, "civilians", country=iso3)  # a strike on civilians
    if sub in ("Looting/property destruction", "Mob violence") and b is None:
        b = ActorRef(f"Civilians ({c})", 7, "civilians", country=iso3)  # shops, homes, people
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
