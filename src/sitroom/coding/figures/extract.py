"""Killed, injured, arrested and crowd size from a sentence or a short passage (en, ru, ky).

Dependency-free and fast: quantities come from ``numbers``; each is attached to the nearest
governing word in its clause ("5 people were killed", "пострадали 590 человек", "killing at least
12") and dropped when it is a year, a date, an age, a percentage, money, a vote count, a
population or an article number. Conservative: a bound or a range gives its lower end for the
scalar figures; the crowd size keeps both ends and the words it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitroom.coding.figures.numbers import Quantity, _Tok, find_quantities, tokenize
from sitroom.coding.figures.words import (
    _AGENTS,
    _AND,
    _APPOSITION,
    _AUX,
    _GOVERNOR,
    _KY_PLURAL,
    _MANY_THOUSAND,
    _NEG,
    _OTHER,
    _OTHER_STEMS,
    _PASSIVE,
    _PERSON_EXACT,
    _PREV_BLOCK,
    _PREV_WINDOW_BLOCK,
    _ROLES,
    _RU_SINGULAR,
    _SENT_RE,
    _SOURCE,
    _SUBSET,
    _UNIT_STEMS_AFTER,
    _UNITS_AFTER,
    _ZERO_RE,
    ARREST,
    CROWD,
    FATAL,
    INJURY,
    _category,
    _is_break,
    _is_crowd_head,
    _is_person,
)
from sitroom.model import CrowdSize

__all__ = ["Figures", "extract_figures"]


@dataclass(frozen=True)
class Figures:
    """What a passage says about casualties, arrests and crowd size (None = not mentioned)."""

    fatalities: int | None = None  # the coder turns None into 0 for ``fatalities``
    injuries: int | None = None
    arrests: int | None = None
    crowd_size: CrowdSize | None = None
    spans: tuple[tuple[str, str], ...] = ()  # (field, text it rests on)


def _excluded(toks: list[_Tok], a: int, b: int, q: Quantity) -> bool:
    """True when the quantity is a year, date, age, percentage, money, vote count or the like."""
    nxt = toks[b] if b < len(toks) else None
    nxt2 = toks[b + 1] if b + 1 < len(toks) else None
    prev = toks[a - 1] if a > 0 else None
    first = toks[a]
    if (nxt is not None and nxt.kind == "dash" and nxt2 is not None and nxt2.kind == "word"
            and (nxt2.low in _UNITS_AFTER or nxt2.low.startswith(_UNIT_STEMS_AFTER))):
        return True  # "25-year-old", "6-октябрь"
    if (nxt is not None and nxt.low == "of" and nxt2 is not None
            and nxt2.low in _UNITS_AFTER and nxt2.low not in ("times", "per")):
        return True  # "10 of October", "5 of the years"
    if nxt is not None and nxt.text in ("%", ":", "/", "$", "€", "£", "₽") and (
        nxt.text != "/" or (nxt2 is not None and nxt2.kind == "num")
    ):
        return True
    if nxt is not None and nxt.kind == "word":
        if (nxt.low in _UNITS_AFTER or nxt.low.startswith(_UNIT_STEMS_AFTER)) and not (
            nxt.low in ("may", "march") and first.kind != "num"
        ):
            return True
        if nxt.start == toks[b - 1].end and nxt.low in ("st", "nd", "rd", "th", "s"):
            return True
    if prev is not None and first.kind == "num":
        if prev.low in _PREV_BLOCK or prev.text in ("$", "€", "£", "₽", "№", "#"):
            return True
        if prev.kind == "dash" or (prev.kind == "word" and prev.end == first.start):
            return True
    if first.kind == "num" and q.low is not None and 1900 <= q.low <= 2100 and q.high == q.low \
            and "," not in q.text and " " not in q.text:
        return True
    window = toks[max(0, a - 4):a]
    if any(t.low.startswith(_PREV_WINDOW_BLOCK) for t in window):
        return True
    return q.low is not None and q.low > 50_000_000




def _scan(toks: list[_Tok], start: int, step: int, limit: int, qspans: set[int]) -> tuple:
    """First governing word from ``start`` going ``step``: (category, distance, index).

    Crossing "and" costs three words: a verb after "and" governs its own object. An apposition
    between commas (", including 2 police officers,") is skipped.
    """
    i, dist = start, 0
    while 0 <= i < len(toks) and dist <= limit:
        t = toks[i]
        if t.text == "," and step == 1 and i + 1 < len(toks):
            j = i + 1
            while j < len(toks) and toks[j].text not in (",", ".", ";"):
                j += 1
            inner = toks[i + 1:j]
            if toks[i + 1].low not in _APPOSITION and (
                len(inner) > 6 or any(_category(x) or x.kind == "num" for x in inner)
            ):
                j = len(toks)  # not an aside: the clause ends here
            if j < len(toks) and toks[j].text == ",":
                i = j + 1
                continue
        if i in qspans and step == 1 and i > 0 and toks[i - 1].low in _AND:
            i += 1  # "three police officers and two protesters died": one verb for both
            dist += 1
            continue
        if i in qspans and step == -1 and i + 1 < len(toks) and toks[i + 1].low in _AND:
            while i in qspans:  # "killing a policeman and two civilians"
                i -= 1
            dist += 1
            continue
        if _is_break(t) or i in qspans:
            return None, None, None
        if t.low in _OTHER or t.low.startswith(_OTHER_STEMS):
            return "other", dist, i
        cat = _category(t)
        if cat is not None:
            return cat, dist, i
        if t.low in _AND:
            nxt = i + step
            if 0 <= nxt < len(toks) and nxt in qspans:
                pass  # "a policeman and two civilians": a list, one verb for all
            elif step == 1 and _unknown_number(toks, i + 1):
                i = _unknown_number(toks, i + 1)  # "and an unknown number of militants"
                dist += 1
                continue
            else:
                dist += 3
        i += step
        dist += 1
    return None, None, None


def _unknown_number(toks: list[_Tok], i: int) -> int:
    """Index after "an unknown number of X" starting at i, or 0."""
    j = i + (1 if i < len(toks) and toks[i].low in ("a", "an") else 0)
    if j < len(toks) and toks[j].low in ("unknown", "undetermined", "unspecified", "number"):
        while j < len(toks) and toks[j].low != "of" and j - i < 4:
            j += 1
        if j < len(toks) and toks[j].low == "of":
            return min(j + 2, len(toks) - 1)
    return 0


def _head_end(toks: list[_Tok], b: int) -> tuple[int, bool, bool]:
    """Skip the noun phrase after a quantity: (index after it, has a person noun, crowd noun)."""
    i, person, crowd = b, False, False
    for _ in range(4):
        if i >= len(toks):
            break
        t = toks[i]
        if t.low in ("of", "the", "them", "из", "их"):
            i += 1
            continue
        if _is_person(t) or (t.text[:1].isupper() and t.low.endswith(("s", "ese"))
                             and len(t.low) > 4 and i > b):
            person = True  # "thousands of Nigerians"
            crowd = crowd or _is_crowd_head(t)
            i += 1
            continue
        if t.kind == "word" and i + 1 < len(toks) and _is_person(toks[i + 1]) \
                and _category(t) is None:
            i += 1  # an adjective: "5 unarmed protesters"
            continue
        break
    return i, person, crowd




def _singular_subjects(toks: list[_Tok], text: str) -> list[Quantity]:
    """ "A protester was killed", "killing a teacher": a count of one with no number word.

    Only a victim counts: the noun must take a passive verb ("was killed") or follow the verb
    ("killed a teacher"), so "a gunman killed 3" stays at 3.
    """
    out = []
    for i, t in enumerate(toks):
        prev_cat = _category(toks[i - 1]) if i > 0 else None
        if t.low not in ("a", "an", "another") and not (t.low == "the" and prev_cat):
            continue
        j = i + 1
        # "a 35-year-old man": skip the age
        if j + 4 < len(toks) and toks[j].kind == "num" and toks[j + 2].low in ("year", "years"):
            j += 5 if toks[j + 3].kind == "dash" else 4
        for k in range(j, j + 6):
            if k >= len(toks) or _category(toks[k]) or toks[k].text in ",.;:":
                break
            if not _is_person(toks[k]) or toks[k].low in (
                "people", "police", "others", "opposition", "staff", "personnel", "youth",
                "men", "women", "children", "troops", "forces",
            ):
                continue
            follow = {x.low for x in toks[k + 1:k + 4]}
            if prev_cat is None and not follow & _PASSIVE and not follow & {"death", "dead"}:
                break
            out.append(Quantity(1, 1, t.start, toks[k].end, text[t.start:toks[k].end]))
            break
    return out


@dataclass
class _Acc:
    values: dict
    spans: list

    def add(self, cat: str, value, text: str) -> None:
        self.values.setdefault(cat, []).append(value)
        self.spans.append((cat, text))




def _ambiguous_pair(toks: list[_Tok], k: int | None) -> bool:
    """ "killed or wounded", "погибли или ранены": a total of two figures, not one of them."""
    if k is None:
        return False
    cat = _category(toks[k])
    for j in (k - 2, k + 2):
        if 0 <= j < len(toks) and toks[(j + k) // 2].low in ("or", "или", "же") \
                and _category(toks[j]) not in (None, cat):
            return True
    return False


def _is_agent(toks: list[_Tok], a: int, head: int, k: int | None, qtok: set[int]) -> bool:
    """The number counts the doers of an active verb with its own object ("2 gunmen killed 3")."""
    if k is None:
        return False
    between = [t.low for t in toks[head:k]]
    verb = toks[k].low
    if any(w in _AUX or w in _AND for w in between) or not verb.endswith(("ed", "ли", "л")) \
            or verb in ("died", "perished", "succumbed", "drowned") \
            or verb.startswith(("погиб", "умер", "скончал")):
        return False
    heads = {t.low for t in toks[a:k]}
    after = toks[k + 1:k + 4]
    has_object = any(i in qtok for i in range(k + 1, k + 4)) or any(
        _is_person(t) or t.low in ("a", "an", "the", "one") for t in after)
    return has_object and (bool(heads & _AGENTS) or any(_is_person(t) for t in toks[a:k]))




def _implicit_ones(toks: list[_Tok], sent: str, acc: _Acc) -> list[tuple[str, str]]:
    """One victim with no number: "Navalny was detained", "задержан журналист", "she died",
    "police arrested opposition leader Ousmane Sonko"."""
    out = []
    for k, t in enumerate(toks):
        cat = _category(t)
        if cat not in (FATAL, INJURY, ARREST) or cat in acc.values:
            continue
        window = {x.low for x in toks[max(0, k - 4):k]}
        if window & _NEG or any(x.kind == "num" for x in toks[max(0, k - 6):k + 6]):
            continue
        prev = toks[k - 1].low if k > 0 else ""
        nxt = toks[k + 1:k + 4]
        one = False
        if _RU_SINGULAR.match(t.low):
            # Russian singular short forms, Kyrgyz passives: one person, unless the subject
            # is a Kyrgyz plural ("нааразылар кармалды": protesters, how many unsaid)
            one = not (t.low.startswith(("кармал", "камак", "өлтүр", "жара", "каза"))
                       and _KY_PLURAL.search(prev))
        elif prev == "was" or (prev == "been" and k > 1 and toks[k - 2].low in ("has", "had")):
            one = t.low.endswith("ed") or t.low == "hurt"  # "Navalny was detained"
        elif t.low.endswith("ed") and nxt and prev not in ("were", "are", "been", "be"):
            first = nxt[0]
            # an active verb with one named or single object: "arrested their leader Sonko"
            if first.text[:1].isupper() and first.kind == "word" and first.low not in _PERSON_EXACT:
                one = True
            elif first.low in ("their", "his", "her", "its", "the", "a", "an", "opposition"):
                wider = toks[k + 1:k + 7]
                roles = any(x.low in _ROLES for x in wider)
                plural = any(x.low.endswith("s") and _is_person(x) for x in wider)
                one = roles and not plural
        if one:
            out.append((cat, sent[t.start:t.end]))
    return out


def _sentence_figures(sent: str, lang: str) -> _Acc:
    toks = tokenize(sent)
    acc = _Acc({}, [])
    if not toks:
        return acc
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: i for i, t in enumerate(toks)}
    quants = find_quantities(sent, lang) + _singular_subjects(toks, sent)
    quants.sort(key=lambda q: q.start)
    spans: list[tuple[Quantity, int, int]] = []
    qtok: set[int] = set()
    for q in quants:
        a = starts.get(q.start)
        end_char = q.end - 1 if sent[q.end - 1:q.end] == "+" else q.end
        b = ends.get(end_char)
        if a is None or b is None:
            continue
        spans.append((q, a, b + 1))
        qtok.update(range(a, b + 1))
    for q, a, b in spans:
        if _excluded(toks, a, b, q):
            continue
        prev_word = toks[a - 1].low if a > 0 else ""
        prev2 = toks[a - 2].low if a > 1 else ""
        if prev_word in ("no", "ни") and q.text.lower() in ("one", "один"):
            continue  # "no one": read by the zero rule below
        if prev_word in _SUBSET or (prev2 in _SUBSET and prev_word in ("them", "whom", "них",
                                                                       "the", "числе")):
            continue  # "including 2 police officers": a subset already counted
        own = set(range(a, b))
        others = qtok - own
        head, person, crowd_head = _head_end(toks, b)
        after = _scan(toks, head, 1, 8, others)
        before = _scan(toks, a - 1, -1, 4, others)
        if "other" in (after[0], before[0]):
            near = min((x for x in (after, before) if x[0]), key=lambda x: x[1])
            if near[0] == "other":
                continue  # "abducted 20 students": a number we do not count
            after = after if after[0] != "other" else (None, None, None)
            before = before if before[0] != "other" else (None, None, None)
        if _ambiguous_pair(toks, after[2]) or _ambiguous_pair(toks, before[2]):
            continue  # "killed or wounded": which is which cannot be told
        if after[0] in (FATAL, INJURY, ARREST) and (before[0] is None or before[1] > after[1]) \
                and _is_agent(toks, a, head, after[2], qtok):
            continue  # "two suicide bombers killed 23 people": the number is the attackers
        cat = None
        if after[0] and before[0]:
            if person and after[1] <= 2 and after[1] < before[1]:
                cat = after[0]  # "two police officers were wounded"
            else:
                cat = before[0] if before[1] <= after[1] else after[0]
        else:
            cat = after[0] or before[0]
        if crowd_head and cat in (FATAL, INJURY, ARREST) and (before[0] is None or before[1] > 1) \
                and (after[0] is None or after[1] > 3):
            cat = CROWD  # "several hundred protesters in Kathmandu ... and detained 20"
        if cat == CROWD and not (person or crowd_head) and min(
            (x[1] for x in (after, before) if x[0] == CROWD), default=99
        ) > 1:
            cat = None  # "seven opposition parties ... organised a strike"
        if cat is None and crowd_head:
            cat = CROWD
        if cat is None and person and any(_category(t) == CROWD for t in toks):
            cat = CROWD
        if cat is None:
            continue
        if q.vague and cat != CROWD and not person and after[0] is None and before[1] != 0:
            continue  # "dozens" needs its noun or a verb next to it
        if q.text.lower() in ("a", "an") and not person:
            continue
        if cat == CROWD and q.low is not None and q.low < 2 and q.high in (None, q.low):
            continue
        text = sent[q.start:toks[head - 1].end] if head > b else q.text
        if cat == CROWD:
            acc.add(cat, CrowdSize(q.low, q.high, text), text)
        else:
            value = q.low if q.low is not None else q.high
            acc.add(cat, value, text)
    if CROWD not in acc.values:
        m = _MANY_THOUSAND.search(sent)
        if m:
            acc.add(CROWD, CrowdSize(1000, None, m.group(0)), m.group(0))
    for cat, text in _implicit_ones(toks, sent, acc):
        acc.add(cat, 1, text)
    for m in _ZERO_RE.finditer(sent):
        word = (m.group("en") or m.group("ru") or m.group("ru2") or m.group("ru3") or "").lower()
        rest = sent[m.end():m.end() + 40]
        rest_toks = tokenize(rest)[:4]
        cat = None
        if word in ("deaths", "fatalities", "жертв") or word == "casualties":
            cat = FATAL
        elif word in ("injuries", "пострадавших"):
            cat = INJURY
        elif word == "arrests":
            cat = ARREST
        else:
            for t in rest_toks:
                cat = _category(t)
                if cat:
                    break
        if cat in (FATAL, INJURY, ARREST) and cat not in acc.values:
            acc.add(cat, 0, m.group(0) + (rest[:20] if not word else ""))
    return acc




def _sentences(text: str) -> Iterable[str]:
    return (s for s in _SENT_RE.split(text) if s.strip())


def extract_figures(text: str, lang: str) -> Figures:
    """Figures a sentence or short passage reports; summed within a sentence, max across them."""
    if not text or not text.strip():
        return Figures()
    lang = lang if lang in ("en", "ru", "ky") else "en"
    best: dict[str, int] = {}
    crowd: CrowdSize | None = None
    spans: list[tuple[str, str]] = []
    for sent in _sentences(text[:20000]):
        if not _GOVERNOR.search(sent):
            continue  # nothing here could govern a figure
        acc = _sentence_figures(sent, lang)
        spans.extend(acc.spans)
        for cat, values in acc.values.items():
            if cat == CROWD:
                for c in values:
                    if crowd is None or _crowd_key(c) > _crowd_key(crowd):
                        crowd = c
                continue
            total = _conservative_total(sent, values, [t for c, t in acc.spans if c == cat])
            if total > best.get(cat, -1):
                best[cat] = total
    return Figures(
        fatalities=best.get(FATAL), injuries=best.get(INJURY), arrests=best.get(ARREST),
        crowd_size=crowd, spans=tuple(spans),
    )


def _crowd_key(c: CrowdSize) -> int:
    return max(c.min or 0, c.max or 0)




def _conservative_total(sent: str, values: list[int], texts: list[str]) -> int:
    """The sentence's figure: parts add up ("3 in Osh and 2 in Batken"), but two sources
    giving their own count ("police said 3 were killed; witnesses said 10") are two readings
    of one figure, and ACLED takes the lower. Both stay in the evidence spans."""
    if len(values) < 2 or len(texts) != len(values):
        return sum(values)
    groups: list[int] = [values[0]]
    pos = sent.find(texts[0])
    for value, text in zip(values[1:], texts[1:], strict=True):
        nxt = sent.find(text, pos + 1) if pos >= 0 else -1
        if pos >= 0 and nxt > pos and _SOURCE.search(sent, pos, nxt) \
                and len(_SOURCE.findall(sent)) >= 2:
            groups.append(value)  # a second source, with its own figure
        else:
            groups[-1] += value
        pos = nxt
    return min(groups)
