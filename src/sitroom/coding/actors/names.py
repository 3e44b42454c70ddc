"""ACLED's way of naming actors: state bodies "of" a country, persons in Latin, regime years.

Three pure pieces the resolver and the coder share:

- ``institution``: a state body named by a generic noun ("parliament", "ЦИК Белоруссии",
  "Жогорку Кеңеш", "Supreme Court") → "Parliament of Armenia", "Central Election Commission of
  Belarus", "Supreme Court of Pakistan", "Judiciary of Russia", "Government of the United
  States" (its Treasury or State Department), with the country named next to the noun or
  else the report's.
- ``person_name``: a person named in Cyrillic, in any grammatical case, as ACLED would write
  it: each word put back in the nominative by pymorphy (through natasha's MorphVocab) where it
  parses as a first name, surname or patronymic, then spelled in Latin ("Никола Пашиняна" →
  "Nikol Pashinyan").
- ``RegimeYears``: the year range ACLED appends to state forces ("Police Forces of Kyrgyzstan
  (2017-2020)"): the term of the head of state in office on the event's date, read from a
  case's dated roles (``president``, ``acting_president``, ``head_of_state``, ``monarch``).
  A range runs from the year the person first took such an office to the year they last left
  it, open ("2020-") while in office. **Fallback** where no case data covers the country or
  the date: no qualifier at all ("Police Forces of Nigeria"); years are never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sitroom.coding.nlp import russian
from sitroom.coding.places.names import latin
from sitroom.model import Actor, Tie

# roles that make their holder the head of state whose term names the state's forces
HEAD_OF_STATE_ROLES = frozenset({"president", "acting_president", "head_of_state", "monarch",
                                 "king", "queen", "emir", "supreme_leader"})

# (pattern, ACLED-style name with {c} for the country); the first that matches names the body
_BODIES: tuple[tuple[str, str], ...] = (
    (r"(?:central )?(?:election|electoral) commission|\bCEC\b|ЦИК\w*|"
     r"(?:центральн\w+ )?избирательн\w+ комисси\w*|избирком\w*|БШК\w*|"
     r"шайлоо (?:жана референдум өткөрүү боюнча )?комиссия\w*",
     "Central Election Commission of {c}"),
    (r"national assembly|национальн\w+ собрани\w*", "National Assembly of {c}"),
    (r"congress|house of representatives|конгресс\w*", "Congress of {c}"),
    (r"parliament\w*|lawmakers|legislators|парламент\w*|госдум\w*|государственн\w+ дум\w*|"
     r"верховн\w+ рад\w*|жогорку к[еэ][нң]еш\w*|мажилис\w*|сейм\w*",
     "Parliament of {c}"),
    (r"constitutional court|конституционн\w+ суд\w*|конституциялык сот\w*",
     "Constitutional Court of {c}"),
    (r"supreme court|верховн\w+ суд\w*|жогорку сот\w*", "Supreme Court of {c}"),
    (r"courts?|judges?|judiciary|суд(?:а|у|ом|е|ы|ов|ья|ьи|ей)?|сот(?:у|ко|тун|тон)?",
     "Judiciary of {c}"),
    (r"treasury|state department|госдеп\w*", "Government of {c}"),
)
_BODY_RX = tuple((re.compile(r"(?<![\w-])(?:" + rx + r")(?![\w-])", re.I), name)
                 for rx, name in _BODIES)


@dataclass(frozen=True)
class Institution:
    """A state body found in a phrase: its ACLED-style name pattern and where it was read."""

    pattern: str  # "Parliament of {c}"
    start: int
    end: int


def institution(phrase: str) -> Institution | None:
    """The state body a phrase names by a generic noun, if any (first in the phrase)."""
    best: Institution | None = None
    for rx, name in _BODY_RX:
        m = rx.search(phrase)
        if m and (best is None or m.start() < best.start):
            best = Institution(name, m.start(), m.end())
    return best


# --- persons named in Cyrillic -----------------------------------------------------------------

_CYR = re.compile(r"[\u0400-\u04ff]")
_NAME_TAGS = ("Name", "Surn", "Patr")


def _nominative(word: str) -> str:
    """One word of a Russian name in the nominative, if pymorphy reads it as a name part."""
    low = word.lower()
    try:
        parses = russian().morph_vocab.parse(low)
    except Exception:  # a morphology failure leaves the word as written
        return word
    names = [p for p in parses if any(t in str(p.tag) for t in _NAME_TAGS)]
    if not names or any("nomn" in str(p.tag) and "sing" in str(p.tag) for p in names[:1]):
        return word
    p = names[0]
    base = p.normal_form
    if "femn" in str(p.tag) and "Surn" in str(p.tag) and base.endswith(("ов", "ев", "ин")):
        base += "а"  # Сооронкуловой → Сооронкулова, not the masculine lemma
    return base[:1].upper() + base[1:] if word[:1].isupper() else base


def person_name(name: str) -> str:
    """A person's name as an English report writes it: nominative, Latin letters.

    "Алмазбека Атамбаева" → "Almazbek Atambaev"; a Latin name is returned unchanged.
    """
    name = " ".join(name.split())
    if not _CYR.search(name):
        return name
    parts = re.split(r"(\s+|-)", name)
    return "".join(latin(_nominative(w)) if _CYR.search(w) else w for w in parts)


# --- regime years from a case's dated roles -----------------------------------------------------

@dataclass(frozen=True)
class _Term:
    person: str
    start: date | None
    end: date | None


class RegimeYears:
    """Years of the head of state's term for a country on a date, from a case's roles."""

    def __init__(self, actors: Sequence[Actor] = (), ties: Iterable[Tie] = ()):
        country = {a.key: a.country for a in actors if a.country}
        self._terms: dict[str, list[_Term]] = {}
        for t in ties:
            iso3 = country.get(t.source)
            if t.relation in HEAD_OF_STATE_ROLES and iso3:
                self._terms.setdefault(iso3, []).append(_Term(t.source, t.start, t.end))

    def __bool__(self) -> bool:
        return bool(self._terms)

    def years(self, iso3: str | None, when: date | None) -> str | None:
        """ "2017-2020" / "2020-" for the term covering ``when``, or None when no data says."""
        if not iso3 or when is None or iso3 not in self._terms:
            return None
        terms = self._terms[iso3]
        holder = next((t for t in terms if (t.start is None or t.start <= when)
                       and (t.end is None or when < t.end)), None)
        if holder is None:
            return None
        own = [t for t in terms if t.person == holder.person]
        starts = [t.start for t in own if t.start is not None]
        if not starts:
            return None
        first = min(starts)
        open_ended = any(t.end is None for t in own)
        last = None if open_ended else max(t.end for t in own if t.end is not None)
        return f"{first.year}-" + (str(last.year) if last is not None else "")


_STATE_NAME = re.compile(r"^(?:Police Forces of|Military Forces of|Government of) [^()]+$")


def with_years(name: str | None, iso3: str | None, when: date | None,
               regimes: RegimeYears | None) -> str | None:
    """ "Police Forces of Kyrgyzstan" → "Police Forces of Kyrgyzstan (2017-2020)" where the
    case's roles give the term; any other name, or no data, unchanged."""
    if not name or regimes is None or not regimes or not _STATE_NAME.match(name):
        return name
    years = regimes.years(iso3, when)
    return f"{name} ({years})" if years else name
