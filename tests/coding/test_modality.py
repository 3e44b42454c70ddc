"""Events that did not happen are not coded: negation, hypotheticals, plans, threats, denials."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.coding import Coder
from sitroom.model import Document

NOT_EVENTS = [
    "The president may resign if the protests continue.",
    "The interior ministry denied reports that police had killed protesters.",
    "Opposition groups plan to hold a rally in the capital next week.",
    "No one was killed and no protest took place in Osh.",
    "Police did not disperse the crowd.",
    "Officials fear that rebels could attack the town.",
    "Президент может уйти в отставку.",
    "МВД опровергло сообщения о погибших.",
    "Оппозиция планирует провести митинг в субботу.",
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_an_event(coder: Coder, text: str) -> None:
    claims = coder.code(Document("n", text, date(2020, 10, 10), country="KGZ"))
    assert [c for c in claims if c.event_type is not None] == []


def test_threat_is_coded_as_a_threat(coder: Coder) -> None:
    claims = coder.code(Document("t", "Protesters threatened to storm the White House.",
                                 date(2020, 10, 10), country="KGZ"))
    assert [(c.event_type, c.plover_type) for c in claims] == [(None, "THREATEN")]


def test_old_event_recalled_is_not_news(coder: Coder) -> None:
    text = "On 7 April 2010, security forces shot dead 86 protesters in Bishkek."
    assert coder.code(Document("o", text, date(2020, 10, 10), country="KGZ")) == []


def test_background_protest_is_not_a_second_event(coder: Coder) -> None:
    claims = coder.code(Document(
        "b", "Two men were arrested during the protests in Bishkek on Tuesday.",
        date(2020, 10, 8), country="KGZ"))
    assert len(claims) == 1
