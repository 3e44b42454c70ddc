"""When an event happened, from what the text says and when it was published (en, ru, ky).

Returns ACLED's time precision with the date: 1 = the day is known, 2 = the week or a range of
days (coded on the middle of the range, as ACLED does), 3 = only the month (coded on its 15th,
never after publication). Own rules first, because dateparser misses Russian relative phrases
("в прошлый вторник", "вчера вечером") and Kyrgyz; dateparser is a fallback for absolute dates.

A relative phrase never yields a date after ``published``; a date without a year that would fall
after ``published`` belongs to the previous year.

A date that names an election rather than dates the sentence's event ("annulled the results of the
October 4 election", "итоги выборов 4 октября", "4-октябрдагы шайлоонун") is not read: ACLED dates
the event reported, and the caller falls back to publication. It is read when the sentence says
that election was held ("the 4 October vote was held peacefully").
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta

__all__ = ["resolve_date"]

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "january jan январь января январе январ январда январында",
        "february feb февраль февраля феврале феврал февралда февралында",
        "march mar март марта марте мартта мартында",
        "april apr апрель апреля апреле апрел апрелде апрелинде",
        "may май мая мае майда майында",
        "june jun июнь июня июне июн июнда июнунда",
        "july jul июль июля июле июл июлда июлунда",
        "august aug август августа августе августта августунда",
        "september sep sept сентябрь сентября сентябре сентябр сентябрда сентябрында",
        "october oct октябрь октября октябре октябр октябрда октябрында",
        "november nov ноябрь ноября ноябре ноябр ноябрда ноябрында",
        "december dec декабрь декабря декабре декабр декабрда декабрында",
    ],
    start=1,
):
    for _n in _names.split():
        _MONTHS[_n] = _i

_WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "monday понедельник понедельника дүйшөмбү дүйшөмбүдө",
        "tuesday вторник вторника шейшемби шейшембиде",
        "wednesday среду среда среды шаршемби шаршембиде",
        "thursday четверг четверга бейшемби бейшембиде",
        "friday пятницу пятница пятницы жума",
        "saturday субботу суббота субботы ишемби ишембиде",
        "sunday воскресенье воскресенья жекшемби жекшембиде",
    ]
):
    for _n in _names.split():
        _WEEKDAYS[_n] = _i

_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec"}
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WD_RE = "|".join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

# (pattern, kind); matched case-insensitively, earliest match in the text wins
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), "iso"),
    (re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"), "dmy"),
    # "5-6 October", "5 and 6 October", "с 5 по 7 октября": a range of days
    (re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|—|and|to|и|по)\s*(?P<d2>[0-3]?\d)"
                rf"(?:st|nd|rd|th)?[\s-]*(?:of\s+)?(?P<m>{_MONTH_RE})\b(?:,?\s*{_YEAR})?",
                re.I), "range"),
    # "5 October 2020", "5th of October", "5 октября 2020 года", "6-октябрь", "6-октябрда"
    (re.compile(rf"(?<![\d.])(?:{_YEAR}[-\s]*(?:жылдын|жылы|ж\.)?\s*)?{_DAY}(?:\s+of)?[\s-]*"
                rf"(?P<m>{_MONTH_RE})[а-яөүң]*\b\.?(?:,?\s*(?P<y2>(?:19|20)\d\d))?", re.I), "dm"),
    # "October 5, 2020", "Oct. 5"
    (re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+{_DAY}\b(?!\s*(?:%|percent))(?:,?\s*{_YEAR})?",
                re.I), "md"),
]
_MONTH_ONLY = re.compile(
    rf"\b(?:in|during|since|early|late|mid|в|во|в\s+начале|в\s+конце|в\s+середине)?[\s-]*"
    rf"(?P<m>{_MONTH_RE})\b(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?", re.I)
_WEEKDAY = re.compile(
    rf"\b(?:(?P<last>last|past|прошл\w*|өткөн)\s+)?(?P<w>{_WD_RE})(?:\s+күнү)?\b", re.I)

# relative words → days before publication (precision 1)
_RELATIVE: list[tuple[re.Pattern[str], int, int]] = [
    (re.compile(r"\b(?:the\s+day\s+before\s+yesterday|позавчера|мурдагы\s+күнү|бүрсүгүнү)\b",
                re.I), 2, 1),
    (re.compile(r"\b(?:yesterday|last\s+night|a\s+day\s+earlier|the\s+day\s+before|"
                r"the\s+previous\s+day|днем\s+ранее|днём\s+ранее|вчера|вчерашн\w*|прошлой\s+ночью|"
                r"накануне|кечээ|кечээ\s+кечинде)\b", re.I), 1, 1),
    # the night that ended on the publication morning: most of it falls on the publication day
    # (a storming "overnight" in a morning report is that day's event, not the evening rally's)
    (_NIGHT := re.compile(r"\b(?:overnight|түнү\s+бою)\b", re.I), 0, 1),
    (re.compile(r"\b(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight|"
                r"сегодня|этим\s+утром|сегодня\s+утром|бүгүн|бүгүнкү|ушул\s+күнү)\b", re.I), 0, 1),
]
_WEEK = [
    (re.compile(r"\b(?:earlier\s+this\s+week|this\s+week|на\s+этой\s+неделе|"
                r"в\s+начале\s+недели|ушул\s+жумада|ушул\s+аптада)\b", re.I), "this"),
    (re.compile(r"\b(?:last\s+week|the\s+previous\s+week|на\s+прошлой\s+неделе|"
                r"өткөн\s+жумада|өткөн\s+аптада)\b", re.I), "last"),
    (re.compile(r"\b(?:last\s+weekend|over\s+the\s+weekend|this\s+weekend|"
                r"на\s+выходных|в\s+выходные|дем\s+алыш\s+күндөрү)\b", re.I), "weekend"),
]


# a date inside a phrase naming an election: (?P<q>...) is the date, masked before reading
_Q_DATE = (rf"(?:[0-3]?\d(?:st|nd|rd|th)?[\s-]*(?:of\s+)?(?:{_MONTH_RE})"
           rf"|(?:{_MONTH_RE})\.?\s+[0-3]?\d(?:st|nd|rd|th)?)(?:,?\s*(?:19|20)\d\d)?")
_Q_NOUN_EN = r"(?:elections?|votes?|ballots?|polls?|referend(?:um|a)|plebiscites?)"
_QUALIFIERS = [
    # "the October 4 election", "the 4 October parliamentary vote", "Kyrgyzstan's 4 October poll"
    re.compile(rf"(?i)(?:\bthe|'s|’s)\s+(?P<q>{_Q_DATE})\s+(?:[a-z-]+\s+){{0,2}}?{_Q_NOUN_EN}\b"),
    # "the election of 4 October", "elections held on 4 October"; not "annulled the vote on 6
    # October", where the date is the annulment's
    re.compile(rf"(?i)\b{_Q_NOUN_EN}\s+(?:of|held\s+on|of\s+the)\s+(?P<q>{_Q_DATE})"),
    # "итоги выборов 4 октября", "выборов в Жогорку Кенеш 4 октября" (not nominative "выборы")
    re.compile(rf"(?i)\b(?:выбор(?:ов|ах|ам)|голосовани[яеи]|референдум(?:а|е|ом)|плебисцита)"
               rf"(?:\s+в\s+[А-ЯЁ]\w*(?:\s+[А-ЯЁ]\w*)?)?\s+(?P<q>{_Q_DATE})"),
    # "выборы, прошедшие 4 октября", "прошедших 4 октября выборов"
    re.compile(rf"(?i)\b(?:выбор\w*|голосовани\w*|референдум\w*),?\s+"
               rf"(?:прошедш|состоявш)\w*\s+(?P<q>{_Q_DATE})"),
    re.compile(rf"(?i)\b(?:прошедш|состоявш)\w*\s+(?P<q>{_Q_DATE})\s+(?:\w+\s+)?"
               rf"(?:выбор|голосовани|референдум)"),
    # Kyrgyz locative-attributive: "4-октябрдагы шайлоонун", "6-октябрындагы референдум"
    re.compile(rf"(?i)(?P<q>(?:(?:19|20)\d\d[-\s]*(?:жылдын|жылы|ж\.)?\s*)?[0-3]?\d[\s-]*"
               rf"(?:{_MONTH_RE})[а-яөүң]*(?:да|дө|та|тө)(?:гы|гү|кы|кү))\s+"
               rf"(?:\w+\s+)?(?:шайлоо|референдум|добуш\s+берүү)"),
    # Kyrgyz participle: "4-октябрда өткөн Жогорку Кеңештин шайлоосунун"
    re.compile(rf"(?i)(?P<q>[0-3]?\d[\s-]*(?:{_MONTH_RE})[а-яөүң]*)\s+(?:болуп\s+)?(?:өткөн|болгон)"
               rf"\s+(?:\w+\s+){{0,2}}?(?:шайлоо|референдум|добуш\s+берүү)"),
    # "the vote held on Sunday", "the parliament elected on Sunday"
    re.compile(rf"(?i)\b(?:{_Q_NOUN_EN}\s+held\s+|(?:parliament|legislature)\s+elected\s+)"
               rf"on\s+(?P<q>{_WD_RE})\b"),
]
# the sentence is about that election being held: then its date is the event's
_HELD = re.compile(r"(?i)\b(?:(?:was|were|is|are|being)\s+held|took\s+place|"
                   r"went\s+to\s+the\s+polls|прошл[иао]|состоял[иао]сь|проходи[лт]\w*|"
                   r"өттү|өтүүдө|болуп\s+өттү)\b")


def _without_qualified_dates(text: str) -> str:
    """``text`` with dates that only name an election blanked out (positions kept)."""
    spans = [(m.end(), m.start("q"), m.end("q"))
             for pattern in _QUALIFIERS for m in pattern.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for end, q_start, q_end in spans:
        if _HELD.search(text, end, min(len(text), end + 60)):
            continue  # "the 4 October vote was held peacefully"
        chars[q_start:q_end] = " " * (q_end - q_start)
    return "".join(chars)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _with_year(m: int, d: int, year: int | None, published: date | None) -> date | None:
    """A date; without a year, the latest one not after publication."""
    if year is not None:
        return _safe_date(year, m, d)
    if published is None:
        return None
    got = _safe_date(published.year, m, d)
    if got is not None and got > published:
        got = _safe_date(published.year - 1, m, d)
    return got


def _absolute(text: str, published: date | None) -> tuple[int, date, int] | None:
    """Earliest absolute date in the text: (position, date, precision)."""
    best: tuple[int, date, int] | None = None
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[0]:
                break
            g = m.groupdict()
            if g["m"] in ("may", "march"):
                continue  # the verb and the noun, not the months
            month = _MONTHS.get(g["m"].lower()) if not g["m"].isdigit() else int(g["m"])
            if month is None or not 1 <= month <= 12:
                continue
            year_s = g.get("y") or g.get("y2")
            year = int(year_s) if year_s else None
            day = int(g["d"])
            if kind == "range":
                d2 = int(g["d2"])
                if not day < d2 <= 31:
                    continue
                first = _with_year(month, day, year, published)
                if first is None:
                    continue
                mid = first + timedelta(days=(d2 - day) // 2)
                precision = 1 if d2 - day == 1 else 2
                best = (m.start(), first if precision == 1 else mid, precision)
                break
            got = _with_year(month, day, year, published)
            if got is not None:
                best = (m.start(), got, 1)
                break
    return best


def _mid_month(month: int, year: int | None, published: date | None) -> date | None:
    if year is None:
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
    got = date(year, month, 15)
    if published is not None and got > published and (year, month) == (
        published.year, published.month
    ):
        got = published
    return got


def _relative(text: str, published: date) -> tuple[int, date, int] | None:
    """Earliest relative phrase: yesterday, on Tuesday, last week..."""
    found: list[tuple[int, date, int]] = []
    weekday: tuple[int, date, int] | None = None
    for m in _WEEKDAY.finditer(text):
        word = m.group("w").lower()
        if re.search(r"(?i)\b(?:bloody|black|super|cyber)\s+$",
                     text[max(0, m.start() - 12):m.start()]):
            continue  # "Bloody Sunday", "Black Friday": names, not days of this week
        if text[m.end():m.end() + 2] in ("'s", "’s") and _WEEKDAY.search(text, m.end()):
            continue  # "Sunday's election ... on Tuesday": the later day is the event's
        if word == "жума" and not m.group(0).lower().endswith("күнү"):
            continue  # "жума" alone is "week"
        wd = _WEEKDAYS[word]
        back = (published.weekday() - wd) % 7
        if m.group("last") and back == 0:
            back = 7
        weekday = (m.start(), published - timedelta(days=back), 1)
        found.append(weekday)
        break
    for pattern, days, precision in _RELATIVE:
        m = pattern.search(text)
        if not m:
            continue
        near_weekday = weekday is not None and abs(weekday[0] - m.start()) < 25
        if not ((days == 1 or pattern is _NIGHT) and near_weekday):
            found.append((m.start(), published - timedelta(days=days), precision))
    for pattern, which in _WEEK:
        m = pattern.search(text)
        if not m:
            continue
        monday = published - timedelta(days=published.weekday())
        if which == "this":
            mid = monday + (published - monday) / 2
        elif which == "last":
            mid = monday - timedelta(days=4)
        else:  # the weekend on or before publication
            sat = published - timedelta(days=(published.weekday() - 5) % 7)
            mid = sat
        found.append((m.start(), min(mid, published), 2))
    return min(found, key=lambda f: f[0]) if found else None


@functools.cache
def _dateparser_search():
    from dateparser.search import search_dates

    return search_dates


def _fallback(text: str, published: date | None, lang: str) -> tuple[date, int] | None:
    """dateparser for absolute dates our rules did not read; never for relative phrases."""
    if not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # without a year our own rules have read every form dateparser would
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        found = _dateparser_search()(text[:2000], languages=[lang if lang in ("en", "ru")
                                                             else "ru"], settings=settings)
    except Exception:
        return None
    for phrase, when in found or ():
        if not re.search(r"[^\W\d_]{3,}", phrase) or not re.search(
                r"\d{1,2}\D+\d{4}|\d{4}\D+\d{1,2}|\d{1,2}\s+[^\W\d]{3,}", phrase) \
                or re.search(r"\d0s\b", phrase):
            continue
        if published is None and not re.search(r"(?:19|20)\d\d", phrase):
            continue  # no year and nothing to take it from
        got = when.date()
        if published is not None and got > published:
            continue
        return got, 1
    return None


def resolve_date(text: str, published: date | None, lang: str) -> tuple[date | None, int | None]:
    """(date, ACLED time precision) of what ``text`` says, or (None, None) if it names no date."""
    if not text:
        return None, None
    text = _without_qualified_dates(text[:20000])
    absolute = _absolute(text, published)
    relative = _relative(text, published) if published is not None else None
    candidates = [c for c in (absolute, relative) if c is not None]
    if candidates:
        _, when, precision = min(candidates, key=lambda c: c[0])
        if published is not None and when > published and candidates[0] is relative:
            when = published
        return when, precision
    for m in _MONTH_ONLY.finditer(text):
        word = m.group("m").lower()
        if m.group("m").isascii() and (m.group("m").islower() or word in _ABBREVIATIONS):
            continue  # English months are capitalised; "may" and "Oct" alone are not months
        if word == "may" and not re.match(r"(?i)\s*(?:in|during|since|early|late|mid)", m.group(0)):
            continue
        got = _mid_month(_MONTHS[word], int(m.group("y")) if m.group("y") else None, published)
        if got is not None:
            return got, 3
    fb = _fallback(text, published, lang)
    if fb is not None:
        return fb
    return None, None
