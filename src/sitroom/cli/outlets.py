"""`sitroom outlets list|add|check`: the outlets a store watches."""

from __future__ import annotations

import json
import re
import unicodedata

from sitroom.errors import ConfigError
from sitroom.model import BLOCS, OWNERSHIPS, RELIABILITY, Outlet


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    group = subparsers.add_parser("outlets", help="list, add and check outlets")
    sub = group.add_subparsers(dest="outlets_command", metavar="ACTION", required=True)

    lister = sub.add_parser("list", help="list outlets in the store")
    lister.add_argument("--case", help="only this case's outlets")
    lister.add_argument("--format", choices=("text", "jsonl"), default="text")
    lister.set_defaults(handler=list_outlets)

    add = sub.add_parser("add", help="watch an outlet that no case lists")
    add.add_argument("--name", required=True)
    add.add_argument("--feed", required=True, action="append", metavar="URL",
                     help="feed URL (repeat for several)")
    add.add_argument("--country", required=True, metavar="ISO3")
    add.add_argument("--bloc", required=True, choices=BLOCS)
    add.add_argument("--ownership", choices=OWNERSHIPS, default="private")
    add.add_argument("--language", action="append", default=[], metavar="ISO639",
                     help="language code (repeat for several)")
    add.add_argument("--reliability", choices=RELIABILITY, default="F")
    add.add_argument("--homepage", default="")
    add.add_argument("--key", help="stable slug (default: from the name)")
    add.add_argument("--interval", type=int, default=1, metavar="MINUTES",
                     help="how often `sitroom run` polls it")
    add.add_argument("--case", help="attach the outlet to this case")
    add.set_defaults(handler=add_outlet)

    check = sub.add_parser("check", help="fetch each feed once and print its state")
    check.add_argument("keys", nargs="*", metavar="KEY", help="outlet keys (default: all)")
    check.add_argument("--case", help="only this case's outlets")
    check.add_argument("--format", choices=("text", "jsonl"), default="text")
    check.set_defaults(handler=check_outlets)


def slugify(name: str) -> str:
    """A stable ASCII key from an outlet's name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "outlet"


def _country(code: str) -> str:
    """An upper-case ISO 3166 alpha-3 code, or a ConfigError naming the bad value."""
    code = code.strip().upper()
    import pycountry  # lazy: only this command needs it

    if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.countries.get(alpha_3=code) is None:
        raise ConfigError(f"--country {code!r} is not an ISO 3166 alpha-3 code (e.g. KGZ, RUS)")
    return code


def list_outlets(args, ctx) -> int:
    store = ctx.open_store()
    try:
        outlets = store.list_outlets(args.case)
    finally:
        store.close()
    if args.format == "jsonl":
        for outlet in outlets:
            print(json.dumps(outlet.to_dict(), ensure_ascii=False), file=ctx.out)
        return 0
    if not outlets:
        print("no outlets" + (f" in case {args.case!r}" if args.case else ""), file=ctx.out)
        return 0
    width = max(len(o.key) for o in outlets)
    for o in outlets:
        langs = ",".join(o.languages) or "-"
        print(f"{o.key:<{width}}  {o.country or '-':<3}  {o.bloc:<9} {o.ownership:<21} "
              f"{o.reliability}  {langs:<8} {len(o.feeds)} feed(s)  {o.name}", file=ctx.out)
    return 0


def add_outlet(args, ctx) -> int:
    for url in args.feed:
        if not re.match(r"https?://[^/\s]+", url):
            raise ConfigError(f"--feed {url!r} is not an http(s) URL")
    outlet = Outlet(
        key=args.key or slugify(args.name), name=args.name, homepage=args.homepage,
        feeds=tuple(args.feed), country=_country(args.country),
        languages=tuple(args.language), ownership=args.ownership, bloc=args.bloc,
        reliability=args.reliability, interval_minutes=max(1, args.interval),
    )
    store = ctx.open_store()
    try:
        store.save_outlet(outlet, args.case)
    finally:
        store.close()
    print(f"outlet {outlet.key} saved ({len(outlet.feeds)} feed(s))", file=ctx.out)
    return 0


def check_outlets(args, ctx) -> int:
    from sitroom.collect.check import check_feeds

    store = ctx.open_store()
    try:
        outlets = store.list_outlets(args.case)
        if args.keys:
            known = {o.key for o in outlets}
            missing = [k for k in args.keys if k not in known]
            if missing:
                raise ConfigError(f"unknown outlet(s): {', '.join(missing)}")
            outlets = [o for o in outlets if o.key in args.keys]
        checks = check_feeds(outlets, ctx.settings)
        states = {c.url: store.get_feed_state(c.url) for c in checks}
    finally:
        store.close()
    for c in checks:
        state = states.get(c.url)
        last_error = state.last_error if state else ""
        if args.format == "jsonl":
            print(json.dumps({**c.to_dict(), "last_error": last_error}, ensure_ascii=False),
                  file=ctx.out)
            continue
        status = "ok  " if c.ok else "FAIL"
        code = c.status if c.status is not None else "-"
        line = f"{status} {c.outlet}  {c.url}  HTTP {code}  {c.items} item(s)"
        if c.format:
            line += f"  {c.format}"
        if c.problem:
            line += f"  problem: {c.problem}"
        if last_error:
            line += f"  last error: {last_error}"
        print(line, file=ctx.out)
    if not checks:
        print("no feeds to check", file=ctx.out)
    return 0 if all(c.ok for c in checks) else 1
