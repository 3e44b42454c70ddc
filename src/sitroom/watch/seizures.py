"""Was a state building stormed or seized? Read from an event's coded sentences.

The coder has no field for it, so the indicator reads the sentences the event's claims rest on:
a "storm" cue of the coder's own lexicon (stormed, seized, broke into; штурмовали, захватили;
басып алышты) and a state building (parliament, government house, presidential administration,
city hall, ministry, prosecutor's or security service's offices) in the same sentence, on an event
of unrest (Protests, Riots, Battles, Violence against civilians, or a territory taken).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sitroom.model import Event

UNREST = ("Protests", "Riots", "Battles", "Violence against civilians")
TAKEN = "Non-state actor overtakes territory"

STATE_BUILDING = re.compile(
    r"parliament|white house|government (?:house|building|headquarters|offices?)|"
    r"presidential (?:palace|administration|office|residence)|city hall|mayor'?s office|"
    r"(?:regional|city|district|provincial) administration|administration building|"
    r"ministry|prosecutor|security (?:service|committee)|police (?:station|headquarters)|"
    r"state (?:building|television|broadcaster|tv)|"
    r"парламент|белый дом|бел\w+ дом\w*|дом\w* правительства|здани\w+ (?:правительства|"
    r"парламента|администрации|мэрии|министерства|прокуратуры|гкнб)|мэри\w+|администраци\w+|"
    r"министерств\w+|прокуратур\w+|гкнб|жогорку кенеш\w*|"
    r"ак үй\w*|өкмөт үй\w*|жогорку кеңеш\w*|мэрия\w*|акимчилик\w*|министрлиг\w*",
    re.I,
)


@cache
def _storm() -> tuple[re.Pattern[str], ...]:
    from sitroom.coding.typing.lexicon import compiled

    return tuple(compiled(lang)["storm"] for lang in ("en", "ru", "ky"))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


@lru_cache(maxsize=8192)
def says_seizure(text: str) -> bool:
    """A sentence of ``text`` names a state building and storming or seizing it."""
    for sentence in _sentences(text):
        if STATE_BUILDING.search(sentence) and any(rx.search(sentence) for rx in _storm()):
            return True
    return False


def is_seizure(event: Event, text: str) -> bool:
    """An unrest event whose coded sentences tell of a state building stormed or seized."""
    unrest = event.event_type in UNREST or event.sub_event_type == TAKEN
    return bool(text) and unrest and says_seizure(text)
