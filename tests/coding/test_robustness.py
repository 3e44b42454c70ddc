"""Hostile input never crashes the coder: random strings, markup, huge and mixed texts."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.coding import Coder
from sitroom.model import Document

WORDS = ["police", "killed", "protesters", "stormed", "Bishkek", "митинг", "задержали", "5",
         "1000+", "не", "may", "<p>", "&amp;", "\u200b", "—", ".", ",", "\n\n", "Жапаров",
         "threatened", "to", "storm", "IED", "exploded", "Ош", "каза болду", "ɐ", "🙂", "\x00"]

_CODER = Coder()


def _check(text: str) -> None:
    for claim in _CODER.code(Document("h", text, date(2020, 10, 10))):
        assert 0.0 <= claim.confidence <= 1.0
        assert isinstance(claim.fatalities, int) and claim.fatalities >= 0


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    _check(text)


@pytest.mark.slow
@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
def test_hostile_word_soup_never_crashes(text: str) -> None:
    _check(text)


@pytest.mark.slow
def test_a_very_large_document_is_chunked() -> None:
    filler = "The committee reviewed the budget, the harvest and the weather report. "
    talk = "Officials said they discussed the budget with the ministry. "
    text = ((filler * 30 + talk) + "\n\n") * 2500 + "Police killed 3 protesters in Osh on Monday."
    assert len(text) > 5_000_000
    start = time.perf_counter()
    claims = _CODER.code(Document("big", text, date(2020, 10, 10), country="KGZ"))
    assert time.perf_counter() - start < 120
    assert any(c.fatalities == 3 for c in claims)
