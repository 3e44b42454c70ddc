"""Check outlets' feeds once, storing nothing: is each reachable, readable, and how many items."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.collect.feeds import parse_feed
from sitroom.collect.http import Fetcher, FetchFailure
from sitroom.model import Outlet, _Plain
from sitroom.settings import Settings

__all__ = ["FeedCheck", "check_feeds"]


@dataclass(frozen=True)
class FeedCheck(_Plain):
    """The state of one feed right now."""

    outlet: str
    url: str
    ok: bool
    status: int | None = None
    format: str = ""
    items: int = 0
    problem: str = ""
    elapsed_seconds: float = 0.0


async def _check(fetcher: Fetcher, outlet: Outlet, url: str) -> FeedCheck:
    try:
        result = await fetcher.fetch(url)
    except FetchFailure as failure:
        return FeedCheck(outlet.key, url, ok=False, status=failure.status, problem=str(failure))
    parsed = parse_feed(result.content, url=result.final_url, content_type=result.content_type)
    return FeedCheck(
        outlet.key, url, ok=bool(parsed.items) or not parsed.problem, status=result.status,
        format=parsed.format, items=len(parsed.items), problem=parsed.problem or "",
        elapsed_seconds=round(result.elapsed, 3),
    )


def check_feeds(
    outlets: Sequence[Outlet], settings: Settings, *, transport: object | None = None
) -> list[FeedCheck]:
    """Fetch and parse every feed of the outlets once (politely), in outlet order."""

    async def run() -> list[FeedCheck]:
        async with Fetcher(settings, transport=transport) as fetcher:  # type: ignore[arg-type]
            return list(await asyncio.gather(
                *(_check(fetcher, o, url) for o in outlets for url in o.feeds)
            ))

    return asyncio.run(run()) if any(o.feeds for o in outlets) else []
