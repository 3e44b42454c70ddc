"""Case actors found in coded events: an event's free-text actors and the names in its sentences.

Events carry actors as the coder wrote them ("Sadyr Japarov", "Rioters (Kyrgyzstan)",
"Government of United States"); the analysis works on case actor keys. ``ActorIndex`` maps one
to the other from the case's names and aliases only, so nothing here knows a country:

- ``resolve`` takes an event's actor field: an exact name or alias (case and punctuation
  ignored), then the same without a trailing "(Country)", then "Government/Military/Police
  Forces of X" as X, then a crowd (ACLED inter 5 rioters, 6 protesters) as the case's own
  crowd actor (a group with inter 5 or 6).
- ``mentions`` finds actors named in a sentence, whole words only. Aliases in Cyrillic match
  inflected forms ("Жапарова", "Россия" in "России"): each word of five letters or more may
  lose a final vowel and take an ending of up to three letters. Short all-capital aliases
  ("US", "EU", "CEC") match only in capitals, so the English word "us" is not the United States.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitroom.errors import AnalysisError
from sitroom.model import Actor

FOREIGN_KINDS = ("foreign-state", "organisation")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_OF_STATE = re.compile(r"^(?:government|military forces|police forces|army|ministry of "
                       r"foreign affairs|foreign ministry) of (?:the )?(.+)$", re.I)
_CROWD_INTER = (5, 6)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ENDINGS = "аеёиоуыэюяйь"


def fold(text: str) -> str:
    """Casefolded words separated by single spaces (punctuation dropped)."""
    return " ".join(re.sub(r"[^\w]+", " ", text).split()).casefold()


def _word_pattern(word: str) -> str:
    if _CYRILLIC.search(word) and len(word) >= 5:
        stem = word[:-1] if word[-1].casefold() in _ENDINGS else word
        return re.escape(stem) + r"\w{0,3}"
    return re.escape(word) + r"(?:'s|’s)?"


def _alias_regex(alias: str) -> re.Pattern[str] | None:
    words = re.findall(r"\w+", alias)
    if not words:
        return None
    body = r"[\s\-–,.«»\"']+".join(_word_pattern(w) for w in words)
    strict = len(alias) <= 4 and alias.isupper()
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if strict else re.I)


@dataclass(frozen=True)
class Mention:
    """An actor named in a text, with where (character offsets)."""

    actor: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorIndex:
    """Names and aliases of a case's actors; built once per analysis run."""

    actors: dict[str, Actor]
    countries: tuple[str, ...]  # the case's own countries (ISO3)
    _names: dict[str, str] = field(default_factory=dict)
    _patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()

    @classmethod
    def build(cls, actors: Iterable[Actor], countries: Sequence[str] = ()) -> ActorIndex:
        by_key = {a.key: a for a in actors}
        names: dict[str, str] = {}
        patterns: list[tuple[str, re.Pattern[str]]] = []
        for a in by_key.values():
            for alias in (a.name, *a.aliases):
                names.setdefault(fold(alias), a.key)
                pattern = _alias_regex(alias)
                if pattern is not None:
                    patterns.append((a.key, pattern))
        # Longer aliases first, so "Sadyr Japarov" wins over "Japarov" at the same place.
        patterns.sort(key=lambda kp: -len(kp[1].pattern))
        return cls(by_key, tuple(countries), names, tuple(patterns))

    def is_foreign(self, key: str) -> bool:
        """A foreign state, an international body, or an actor based outside the case."""
        a = self.actors.get(key)
        if a is None:
            return False
        return a.kind in FOREIGN_KINDS or bool(a.country and a.country not in self.countries)

    def is_domestic(self, key: str) -> bool:
        return key in self.actors and not self.is_foreign(key)

    def kind(self, key: str) -> str:
        a = self.actors.get(key)
        return a.kind if a else ""

    def crowd(self) -> str | None:
        """The case's own crowd actor (a group with inter 5 or 6 in a case country), if any."""
        for a in self.actors.values():
            if a.kind == "group" and a.inter in _CROWD_INTER and (
                    not a.country or a.country in self.countries):
                return a.key
        return None

    def resolve(self, text: str | None, inter: int | None = None) -> str | None:
        """The case actor an event's actor field names, or None."""
        if not text:
            return None
        for candidate in (text, _PAREN.sub("", text)):
            key = self._names.get(fold(candidate))
            if key:
                return key
        m = _OF_STATE.match(_PAREN.sub("", text).strip())
        if m:
            key = self._names.get(fold(m.group(1)))
            if key:
                return key
        if inter in _CROWD_INTER or fold(_PAREN.sub("", text)) in ("rioters", "protesters"):
            return self.crowd()
        return None

    def mentions(self, text: str) -> list[Mention]:
        """Actors named in ``text``, in order of position, overlapping names taken once."""
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for key, pattern in self._patterns:
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(Mention(key, m.start(), m.end()))
        return sorted(found, key=lambda x: x.start)


def find_actor(actors: Sequence[Actor], name: str) -> Actor:
    """The actor a user named by key, name or alias; an AnalysisError lists known ones."""
    wanted = fold(name)
    for a in actors:
        if name == a.key or wanted in {fold(x) for x in (a.key, a.name, *a.aliases)}:
            return a
    close = [a.key for a in actors if wanted and wanted[:4] in fold(a.key + " " + a.name)]
    shown = (close or [a.key for a in actors])[:12]
    more = "" if len(shown) == len(actors) else f" (of {len(actors)})"
    raise AnalysisError(f"unknown actor {name!r}; known actors include: "
                        f"{', '.join(shown)}{more}")
