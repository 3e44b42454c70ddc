"""Event dates from text and publication date, with ACLED time precision (en, ru, ky)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.coding.dates import resolve_date

PUB = date(2020, 10, 8)  # a Thursday

CASES = [
    # absolute
    ("Elections were held on 5 October.", "en", date(2020, 10, 5), 1),
    ("On October 5, 2020, voters went to the polls.", "en", date(2020, 10, 5), 1),
    ("He was re-arrested on the 10th of October.", "en", date(2019, 10, 10), 1),
    ("Oct. 6", "en", date(2020, 10, 6), 1),
    ("2020-10-05", "en", date(2020, 10, 5), 1),
    ("Выборы прошли 5 октября.", "ru", date(2020, 10, 5), 1),
    ("6 октября 2020 года протестующие захватили Белый дом.", "ru", date(2020, 10, 6), 1),
    ("05.10.2020", "ru", date(2020, 10, 5), 1),
    ("6-октябрь күнү нааразылар Ак үйгө кирди.", "ky", date(2020, 10, 6), 1),
    ("2020-жылдын 6-октябрында", "ky", date(2020, 10, 6), 1),
    ("6-октябрда митинг болду", "ky", date(2020, 10, 6), 1),
    # a year-less date after publication belongs to the previous year
    ("on 12 December protests", "en", date(2019, 12, 12), 1),
    # ranges of days
    ("с 5 по 7 октября", "ru", date(2020, 10, 6), 2),
    ("Protests continued from 4 to 8 October.", "en", date(2020, 10, 6), 2),
    # relative to publication
    ("Protesters gathered on Tuesday.", "en", date(2020, 10, 6), 1),
    ("He said on Thursday", "en", date(2020, 10, 8), 1),
    ("last Thursday", "en", date(2020, 10, 1), 1),
    ("Yesterday police detained 15.", "en", date(2020, 10, 7), 1),
    ("Last night the White House burned.", "en", date(2020, 10, 7), 1),
    ("the day before yesterday", "en", date(2020, 10, 6), 1),
    ("Today thousands marched.", "en", date(2020, 10, 8), 1),
    ("вчера вечером", "ru", date(2020, 10, 7), 1),
    ("в понедельник", "ru", date(2020, 10, 5), 1),
    ("в прошлый вторник", "ru", date(2020, 10, 6), 1),
    ("позавчера", "ru", date(2020, 10, 6), 1),
    ("сегодня утром", "ru", date(2020, 10, 8), 1),
    ("кечээ", "ky", date(2020, 10, 7), 1),
    ("бүгүн", "ky", date(2020, 10, 8), 1),
    ("дүйшөмбү күнү", "ky", date(2020, 10, 5), 1),
    ("Шейшемби күнү", "ky", date(2020, 10, 6), 1),
    ("Кечээ кечинде", "ky", date(2020, 10, 7), 1),
    ("өткөн жумада", "ky", date(2020, 10, 1), 2),
    ("6-октябрдан 7-октябрга караган түнү", "ky", date(2020, 10, 6), 1),
    ("The commission annulled the results of Sunday's election on Tuesday.", "en",
     date(2020, 10, 6), 1),
    ("Missiles struck the city during Monday's morning rush hour.", "en", date(2020, 10, 5), 1),
    ("Drones were shot down overnight on Tuesday.", "en", date(2020, 10, 6), 1),
    # the night that ended on the publication morning belongs to the publication day
    ("Protesters stormed the White House overnight.", "en", PUB, 1),
    ("Түнү бою нааразылар Ак үйдү ээлеп алышкан.", "ky", PUB, 1),
    ("A day earlier, two people were shot dead.", "en", date(2020, 10, 7), 1),
    ("Suicide bombers struck three churches on Easter Sunday.", "en", date(2020, 10, 4), 1),
    # weeks and months
    ("Earlier this week protests erupted.", "en", date(2020, 10, 6), 2),
    ("Last week the opposition met.", "en", date(2020, 10, 1), 2),
    ("на прошлой неделе", "ru", date(2020, 10, 1), 2),
    ("A rally in December.", "en", date(2019, 12, 15), 3),
    ("in September", "en", date(2020, 9, 15), 3),
    ("Protests began in June.", "en", date(2020, 6, 15), 3),
    ("in May 2019", "en", date(2019, 5, 15), 3),
    ("в сентябре", "ru", date(2020, 9, 15), 3),
    ("in October", "en", date(2020, 10, 8), 3),  # never after publication
]


@pytest.mark.parametrize(("text", "lang", "expected", "precision"), CASES)
def test_resolve_date(text, lang, expected, precision):
    assert resolve_date(text, PUB, lang) == (expected, precision)


@pytest.mark.parametrize("text", [
    "no date here", "The talks may resume.", "That night protesters stormed the building.",
    "", "the 1990s", "He won 56 percent of the vote.", "The anniversary of Bloody Sunday.",
    "the march 5 people joined", "they may 4 times",
])
def test_no_date(text):
    assert resolve_date(text, PUB, "en") == (None, None)


# sample sentences: a date naming the election acted upon is not the event's date
@pytest.mark.parametrize(("text", "lang"), [
    ("The CEC annulled the results of the October 4 election.", "en"),
    ("Protests erupted after the 4 October vote.", "en"),
    ("Kyrgyzstan's 4 October parliamentary poll was annulled.", "en"),
    ("The commission cancelled the outcome of the election of 4 October 2020.", "en"),
    ("ЦИК признал недействительными итоги выборов 4 октября.", "ru"),
    ("Результаты выборов в Жогорку Кенеш 4 октября отменены.", "ru"),
    ("Выборы, прошедшие 4 октября, признаны недействительными.", "ru"),
    ("Итоги прошедших 4 октября парламентских выборов аннулированы.", "ru"),
    ("БШК 4-октябрдагы шайлоонун жыйынтыгын жокко чыгарды.", "ky"),
    ("Комиссия 4-октябрда өткөн Жогорку Кеңештин шайлоосунун жыйынтыгын жараксыз деп тапты.", "ky"),
    ("The parliament elected on Sunday will not convene.", "en"),
    ("The commission annulled the vote held on Sunday.", "en"),
])
def test_date_naming_an_election_is_skipped(text, lang):
    assert resolve_date(text, date(2020, 10, 6), lang) == (None, None)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the sentence is about the election being held: its date is the event's
    ("The 4 October vote was held peacefully.", "en", date(2020, 10, 4)),
    ("Parliamentary elections were held on 4 October.", "en", date(2020, 10, 4)),
    ("Выборы прошли 4 октября.", "ru", date(2020, 10, 4)),
    ("4-октябрдагы шайлоо тынч өттү.", "ky", date(2020, 10, 4)),
    ("Шайлоо 4-октябрда өттү.", "ky", date(2020, 10, 4)),
    # another date in the sentence is the event's
    ("On 5 October protesters rejected the results of the October 4 election.", "en",
     date(2020, 10, 5)),
    ("ЦИК 5 октября отменил итоги выборов 4 октября.", "ru", date(2020, 10, 5)),
    ("БШК 4-октябрдагы шайлоонун жыйынтыгын кечээ жокко чыгарды.", "ky", date(2020, 10, 5)),
    ("The commission annulled the vote on 6 October.", "en", date(2020, 10, 6)),
    # a date-qualified noun that is not an election is still read
    ("6-октябрдагы митингде 500 киши чогулду.", "ky", date(2020, 10, 6)),
])
def test_date_kept_when_it_is_the_events(text, lang, expected):
    assert resolve_date(text, date(2020, 10, 6), lang) == (expected, 1)


def test_relative_never_after_publication():
    for text in ("on Friday", "on Saturday", "в воскресенье", "жума күнү"):
        when, _ = resolve_date(text, PUB, "ru")
        assert when is not None and when <= PUB


def test_without_publication_date():
    assert resolve_date("5 October 2020", None, "en") == (date(2020, 10, 5), 1)
    assert resolve_date("yesterday", None, "en") == (None, None)
    assert resolve_date("5 October", None, "en") == (None, None)


def test_earliest_mention_wins():
    text = "On 6 October protesters freed Atambayev; he was re-arrested on 10 October."
    assert resolve_date(text, date(2020, 10, 11), "en") == (date(2020, 10, 6), 1)


def test_hostile_input():
    for s in ["\x00" * 100, "32 October", "31 February", "99.99.2020", "October " * 1000]:
        when, precision = resolve_date(s, PUB, "en")
        assert when is None or (when <= PUB and precision in (1, 2, 3)), s[:20]
    assert resolve_date("\x00" * 100, PUB, "en") == (None, None)



@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.dates(), st.sampled_from(["en", "ru", "ky"]))
def test_relative_dates_never_after_publication(text, published, lang):
    when, precision = resolve_date(text, published, lang)
    assert (when is None) == (precision is None)
    if precision is not None:
        assert precision in (1, 2, 3)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["yesterday", "on Tuesday", "last week", "вчера", "в пятницу", "кечээ",
                        "earlier this week", "in October", "5 October", "12 December"]),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_no_date_after_publication(phrase, published):
    when, _ = resolve_date(phrase, published, "en")
    assert when is not None and when <= published
