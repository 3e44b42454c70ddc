"""Generated sample articles and feeds for collection tests and benchmarks.

Every text here is a SAMPLE written for sitroom's tests, attributed to no real outlet.
"""

from __future__ import annotations

import html
import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

_PLACES = ("Bishkek", "Osh", "Jalal-Abad", "Karakol", "Naryn", "Talas", "Batken", "Tokmok")
_ACTORS = ("protesters", "opposition supporters", "police", "election officials",
           "party members", "students", "local residents", "security forces")
_VERBS = ("gathered near", "marched towards", "blocked the road to", "held a meeting at",
          "demanded talks outside", "dispersed a crowd at", "set up tents by", "spoke outside")
_SITES = ("the government building", "the central square", "the electoral commission",
          "the regional administration", "the mayor's office", "the city court")
_TAILS = ("according to witnesses quoted in this sample", "the sample report says",
          "as described by a sample correspondent", "officials told this sample desk",
          "while the sample crowd grew through the evening", "with no figures confirmed")


_WORD_LIST = (
    "vote count result appeal court ruling parliament deputy speaker minister cabinet budget "
    "border customs mine gold license investor contract region district village city street "
    "square crowd march rally strike picket camp tent banner slogan leader party bloc list "
    "candidate ballot station observer mission report statement embassy ambassador foreign "
    "ministry spokesman briefing talks meeting session decree order emergency curfew patrol "
    "checkpoint police guard army unit officer detention release prison hospital doctor "
    "injury clinic ambulance fire building office gate window car bus road bridge market "
    "shop price fuel bread water power grid winter harvest farmer worker teacher student "
    "journalist editor camera video photo message channel network phone signal night morning "
    "evening afternoon week month autumn cold wind rain snow quiet tense calm angry hopeful "
    "former current acting interim new old local central northern southern eastern western "
    "early late brief long formal public private joint separate final partial full"
)
_WORDS = _WORD_LIST.split()


def sample_paragraphs(seed: int, count: int = 8) -> list[str]:
    """News-length sample prose (each run of a seed gives the same text)."""
    rng = random.Random(seed)
    paras = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 10)))
            sentences.append(
                f"{rng.randint(2, 9000)} {rng.choice(_ACTORS)} {rng.choice(_VERBS)} "
                f"{rng.choice(_SITES)} in {rng.choice(_PLACES)}, {rng.choice(_TAILS)}; "
                f"sample notes mention {words}."
            )
        paras.append(" ".join(sentences).capitalize())
    return paras


def article_html(title: str, paras: Sequence[str], *, charset: str = "utf-8",
                 author: str = "Sample Desk") -> str:
    """A full article page with navigation and footer around the story."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
    return (
        f'<!doctype html><html><head><meta charset="{charset}">'
        f"<title>{html.escape(title)}</title>"
        f'<meta name="author" content="{html.escape(author)}"></head><body>'
        "<header><nav><a href='/'>Home</a> | <a href='/politics'>Politics</a></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>\n{body}</article></main>"
        "<footer>Sample site for sitroom tests. Not a real outlet.</footer></body></html>"
    )


def rss(title: str, items: Sequence[dict], *, encoding: str = "utf-8") -> str:
    """An RSS 2.0 document; each item is a dict with link, title and optional summary, date."""
    start = datetime(2020, 10, 5, 12, tzinfo=UTC)
    parts = []
    for i, item in enumerate(items):
        date = item.get("date") or start + timedelta(minutes=i)
        summary = item.get("summary", "")
        parts.append(
            f"<item><title>{html.escape(item['title'])}</title>"
            f"<link>{html.escape(item['link'])}</link>"
            + (f"<description>{html.escape(summary)}</description>" if summary else "")
            + f"<pubDate>{format_datetime(date)}</pubDate><guid>{html.escape(item['link'])}</guid>"
            "</item>"
        )
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
            f"<title>{html.escape(title)}</title><link>http://example.org/</link>"
            f"<description>sample feed</description>{''.join(parts)}</channel></rss>")


def wire_copy(paras: Sequence[str]) -> list[str]:
    """A wire copy: the same story with a rewritten first sentence and an outlet's tag line."""
    return ["Sample outlet staff report: " + paras[0][20:], *paras[1:], "Sample wire service."]
