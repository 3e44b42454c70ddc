"""Quantities: digits, words, ranges, bounds and vague words in English, Russian and Kyrgyz."""

from __future__ import annotations

import pytest

from sitroom.coding.figures.numbers import VAGUE_TABLE, find_quantities, parse_quantity

CASES = [
    # digits and separators
    ("10,000", "en", (10000, 10000)),
    ("10 000 человек", "ru", (10000, 10000)),
    ("10\u00a0000", "ru", (10000, 10000)),
    ("1.5 million", "en", (1500000, 1500000)),
    ("1,5 тыс. человек", "ru", (1500, 1500)),
    ("5 тысяч", "ru", (5000, 5000)),
    ("3 млн", "ru", (3000000, 3000000)),
    ("2k", "en", (2000, 2000)),
    ("590", "en", (590, 590)),
    ("1 000 000", "ru", (1000000, 1000000)),
    # words
    ("two hundred", "en", (200, 200)),
    ("a dozen", "en", (12, 12)),
    ("two dozen", "en", (24, 24)),
    ("twenty-five", "en", (25, 25)),
    ("three hundred and twenty", "en", (320, 320)),
    ("two thousand five hundred", "en", (2500, 2500)),
    ("a hundred", "en", (100, 100)),
    ("двух тысяч", "ru", (2000, 2000)),
    ("тридцать пять", "ru", (35, 35)),
    ("пятерых", "ru", (5, 5)),
    ("двое", "ru", (2, 2)),
    ("трое", "ru", (3, 3)),
    ("полторы тысячи", "ru", (1500, 1500)),
    ("двумястами", "ru", (200, 200)),
    ("эки миң", "ky", (2000, 2000)),
    ("он беш", "ky", (15, 15)),
    ("үч жүз", "ky", (300, 300)),
    ("экөө", "ky", (2, 2)),
    ("беш миңден ашык", "ky", (5000, None)),
    ("он миңге жакын", "ky", (10000, 10000)),
    # ranges
    ("2,000-5,000", "en", (2000, 5000)),
    ("2,000 to 5,000", "en", (2000, 5000)),
    ("between 2,000 and 5,000", "en", (2000, 5000)),
    ("2 to 3 thousand", "en", (2000, 3000)),
    ("5–7", "en", (5, 7)),
    ("от 2 до 5 тысяч", "ru", (2000, 5000)),
    ("2-5 тысяч", "ru", (2000, 5000)),
    # bounds
    ("1000+", "en", (1000, None)),
    ("at least one", "en", (1, None)),
    ("at least 12", "en", (12, None)),
    ("more than 500", "en", (500, None)),
    ("over 300", "en", (300, None)),
    ("100 or more", "en", (100, None)),
    ("no more than 10,000", "en", (None, 10000)),
    ("up to 300", "en", (None, 300)),
    ("fewer than 50", "en", (None, 50)),
    ("более 100", "ru", (100, None)),
    ("свыше тысячи", "ru", (1000, None)),
    ("не менее 50", "ru", (50, None)),
    ("по меньшей мере трое", "ru", (3, None)),
    ("до 500 человек", "ru", (None, 500)),
    ("не более 200", "ru", (None, 200)),
    ("кеминде 5", "ky", (5, None)),
    ("100дөн ашык", "ky", (100, None)),
    # approximations keep the number
    ("около двух тысяч", "ru", (2000, 2000)),
    ("примерно 300", "ru", (300, 300)),
    ("some 5,000", "en", (5000, 5000)),
    ("about 200", "en", (200, 200)),
    ("миңге жакын", "ky", (1000, 1000)),
    # vague words, ACLED's way
    ("several", "en", (10, None)),
    ("dozens", "en", (12, None)),
    ("hundreds", "en", (100, None)),
    ("thousands", "en", (1000, None)),
    ("tens of thousands", "en", (10000, None)),
    ("hundreds of thousands", "en", (100000, None)),
    ("a few", "en", (2, None)),
    ("несколько", "ru", (10, None)),
    ("десятки", "ru", (12, None)),
    ("сотни", "ru", (100, None)),
    ("тысячи", "ru", (1000, None)),
    ("десятки тысяч", "ru", (10000, None)),
    ("ондогон", "ky", (12, None)),
    ("жүздөгөн", "ky", (100, None)),
    ("миңдеген", "ky", (1000, None)),
    # nothing
    ("no numbers here", "en", None),
    ("", "en", None),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES)
def test_parse_quantity(text, lang, expected):
    assert parse_quantity(text, lang) == expected


def test_acled_vague_values():
    assert VAGUE_TABLE["dozens"] == 12
    assert VAGUE_TABLE["hundreds"] == 100
    assert VAGUE_TABLE["several"] == 10


def test_spans_point_at_the_words():
    text = "Police said about 2,000 people gathered and 15 were detained."
    found = find_quantities(text, "en")
    assert [q.text for q in found] == ["about 2,000", "15"]
    assert text[found[0].start:found[0].end] == "about 2,000"


def test_several_quantities_in_russian_sentence():
    found = find_quantities("Погибли двое, пострадали 590 человек, задержаны 15.", "ru")
    assert [(q.low, q.high) for q in found] == [(2, 2), (590, 590), (15, 15)]


def test_hostile_input_does_not_raise():
    for s in ["\x00\x01", "9" * 500, "1,2,3,4,5,6", "—–-+", "1e10", "٣٠٠"]:
        for lang in ("en", "ru"):
            assert isinstance(find_quantities(s, lang), list), s[:20]
    assert find_quantities("\x00\x01", "en") == [] and find_quantities("—–-+", "ru") == []
