"""What the analysis needs to know of a case besides its events: a pure view of ``model.Case``.

The bloc of a speaker. A foreign government's statement is counted under the bloc of the state
that speaks; a state's bloc is the bloc most of the case's outlets based in that country belong
to (the case's own outlets.yaml says where Russian, Chinese, Western and regional coverage comes
from, so the same file places the governments). A state of the case itself is "domestic"; an
organisation or a state with no outlet in the case is "other". Event actors are free text
("Government of United States"), matched to case actors by name or alias as whole words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from sitroom.model import Case, Event

# Admiralty source reliability as a probability that a report from the outlet is right.
RELIABILITY_WEIGHT = {"A": 0.9, "B": 0.8, "C": 0.65, "D": 0.5, "E": 0.35, "F": 0.5}


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).split()).casefold()


@dataclass(frozen=True)
class CaseContext:
    """Population, countries, outlets' blocs and grades, and the actors' blocs of one case."""

    case: Case

    @property
    def name(self) -> str:
        return self.case.name

    @property
    def population(self) -> int | None:
        return self.case.population

    @property
    def start(self) -> date | None:
        return self.case.start

    @cached_property
    def countries(self) -> frozenset[str]:
        return frozenset(self.case.countries)

    @cached_property
    def outlet_bloc(self) -> dict[str, str]:
        return {o.key: o.bloc for o in self.case.outlets}

    @cached_property
    def outlet_reliability(self) -> dict[str, str]:
        return {o.key: o.reliability for o in self.case.outlets}

    @cached_property
    def blocs(self) -> tuple[str, ...]:
        """The blocs the case watches (those of its outlets), in a stable order."""
        return tuple(sorted({o.bloc for o in self.case.outlets}))

    @cached_property
    def country_bloc(self) -> dict[str, str]:
        """ISO3 -> the bloc most of the case's outlets based there belong to."""
        votes: dict[str, Counter[str]] = {}
        for o in self.case.outlets:
            if o.country:
                votes.setdefault(o.country, Counter())[o.bloc] += 1
        out = {c: v.most_common(1)[0][0] for c, v in sorted(votes.items())}
        out.update({c: "domestic" for c in self.countries})
        return out

    @cached_property
    def _actor_names(self) -> list[tuple[str, str]]:
        """(folded name or alias, actor key), longest first so "United States" beats "US"."""
        names = [(_fold(n), a.key) for a in self.case.actors for n in (a.name, *a.aliases)]
        return sorted({(n, k) for n, k in names if n}, key=lambda p: (-len(p[0]), p[0]))

    @cached_property
    def _memo(self) -> dict[tuple[str, str], Any]:
        """Per-text actor keys and per-event credibilities, computed once per context."""
        return {}

    def actor_key(self, text: str | None) -> str | None:
        """The case actor named by an event's actor text (exact, else as whole words)."""
        if not text:
            return None
        key = ("actor", text)
        if key not in self._memo:
            self._memo[key] = self._actor_key(text)
        return self._memo[key]

    def _actor_key(self, text: str) -> str | None:
        folded = _fold(text)
        for name, key in self._actor_names:
            if name == folded:
                return key
        padded = f" {folded} "
        for name, key in self._actor_names:
            if f" {name} " in padded:
                return key
        return None

    def bloc_of_actor(self, text: str | None) -> str | None:
        """The bloc of the state an event actor stands for; None when it is not a case actor."""
        key = self.actor_key(text)
        if key is None:
            return None
        actor = next(a for a in self.case.actors if a.key == key)
        if actor.country in self.countries:
            return "domestic"
        if actor.kind != "foreign-state" or not actor.country:
            return "other"
        return self.country_bloc.get(actor.country, "other")

    def credibility(self, event: Event) -> float:
        """Chance that at least one independent source is right (noisy-OR of outlet grades).

        Only the best ``independent_outlets`` grades count, so copies of one wire or several
        titles of one owner do not add up; within a bloc only the best outlet counts fully and
        the others at half their grade, since outlets of one bloc tend to echo each other. An
        event with no known outlet gets 0.5.
        """
        hit = self._memo.get(("event", event.id))
        if hit is not None and hit[0] is event:  # the same object: held here, so not reused
            return hit[1]
        value = self._noisy_or(event)
        self._memo[("event", event.id)] = (event, value)
        return value

    def _noisy_or(self, event: Event) -> float:
        corr = event.corroboration
        bloc_of = {f.outlet: f.bloc for f in event.figures if f.outlet}
        for o in corr.outlets if corr else ():
            bloc_of.setdefault(o, None)
        by_bloc: dict[str, list[float]] = {}
        for outlet, bloc in bloc_of.items():
            grade = RELIABILITY_WEIGHT.get(self.outlet_reliability.get(outlet, "F"), 0.5)
            by_bloc.setdefault(bloc or self.outlet_bloc.get(outlet, "other"), []).append(grade)
        grades = sorted((g if i == 0 else g / 2 for gs in by_bloc.values()
                         for i, g in enumerate(sorted(gs, reverse=True))), reverse=True)
        independent = corr.independent_outlets if corr else len(grades)
        used = grades[:max(1, independent)] or [0.5]
        miss = 1.0
        for g in used:
            miss *= 1.0 - g
        return round(1.0 - miss, 4)
