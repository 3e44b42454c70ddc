"""`sitroom code` (documents to JSON lines, no database) and `sitroom recode` (stored reports)."""

from __future__ import annotations

import json
import sys


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    p = subparsers.add_parser(
        "code", help="code documents into events (JSON lines on stdout; touches no database)")
    p.add_argument("files", nargs="*", metavar="FILE", help="text files, or - for stdin")
    p.add_argument("--jsonl", metavar="FILE", action="append", default=[],
                   help='JSON lines {"id","text","published","country"?,"lang"?,"source"?}'
                        " (- for stdin)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication day for relative dates")
    p.add_argument("--country", metavar="ISO3", help="country hint")
    p.add_argument("--lang", metavar="CODE", help="language (en, ru, ky); detected if absent")
    p.add_argument("--case", metavar="NAME", help="use a case's actors and countries")
    p.set_defaults(handler=cmd_code)

    p = subparsers.add_parser(
        "recode", help="run the coder over stored reports (new claims, old ones kept)")
    p.add_argument("--case", metavar="NAME", help="only this case's reports, with its actors")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only reports published since")
    p.set_defaults(handler=cmd_recode)


def _coder_for(case_name: str | None, country: str | None, processes: int):
    from sitroom.coding import Coder

    actors, countries, ties = (), (), ()
    if case_name:
        from sitroom.cases import load_case

        case = load_case(case_name)
        actors, countries, ties = case.actors, case.countries, case.ties
    hint = (country.upper(),) if country else tuple(countries)
    return Coder(actors, countries_hint=hint, ties=ties, processes=processes)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def cmd_code(args, ctx) -> int:
    from sitroom.coding.inputs import documents_from_jsonl, parse_day
    from sitroom.errors import InputError
    from sitroom.model import Document

    if not args.files and not args.jsonl:
        print("sitroom code: give FILE..., - for stdin, or --jsonl FILE", file=ctx.err)
        return 2
    published = parse_day(args.published, "--published")
    country = args.country.upper() if args.country else None
    coder = _coder_for(args.case, country, ctx.settings.coding_processes)
    read_ok = 0
    failures = 0

    def documents():
        nonlocal read_ok, failures
        for path in args.files:
            try:
                text = _decoded(_read(path), path, ctx)
            except (OSError, InputError) as exc:
                failures += 1
                print(f"sitroom code: {_message(exc, path)}", file=ctx.err)
                continue
            read_ok += 1
            name = "stdin" if path == "-" else path
            yield Document(id=name, text=text, published=published, country=country,
                           lang=args.lang)
        for path in args.jsonl:
            try:
                text = _decoded(_read(path), path, ctx)
            except (OSError, InputError) as exc:
                failures += 1
                print(f"sitroom code: {_message(exc, path)}", file=ctx.err)
                continue
            for item in documents_from_jsonl(text, path, published=published, country=country):
                if isinstance(item, InputError):
                    failures += 1
                    print(f"sitroom code: {item}", file=ctx.err)
                    continue
                read_ok += 1
                yield item if item.lang or not args.lang else _with_lang(item, args.lang)

    for claims in coder.code_many(documents()):
        for claim in claims:
            ctx.out.write(json.dumps(claim.contract_dict(), ensure_ascii=False) + "\n")
    ctx.out.flush()
    if read_ok == 0:
        print("sitroom code: nothing could be read", file=ctx.err)
        return 1
    return 0


def _decoded(data: bytes, path: str, ctx) -> str:
    """The text of a file, saying on stderr which encoding was used when it was not UTF-8."""
    from sitroom.coding.inputs import decode_text

    text, encoding = decode_text(data, path)
    if encoding not in ("utf-8", "utf-8-sig"):
        print(f"sitroom code: {path}: not UTF-8, read as {encoding}", file=ctx.err)
    return text


def _with_lang(doc, lang: str):
    from dataclasses import replace

    return replace(doc, lang=lang)


def _message(exc: Exception, path: str) -> str:
    if isinstance(exc, OSError):
        return f"{path}: {exc.strerror or exc}"
    return str(exc)


def cmd_recode(args, ctx) -> int:
    from datetime import datetime

    from sitroom.coding.inputs import parse_day
    from sitroom.pipeline.code import case_coders, coder_for_case, recode

    since_day = parse_day(args.since, "--since")
    since = datetime(since_day.year, since_day.month, since_day.day) if since_day else None
    store = ctx.open_store()
    try:
        processes = ctx.settings.coding_processes
        coder = coder_for_case(store.get_case(args.case) if args.case else None, processes)
        # without --case, each report is coded with its own case's inputs (idempotent recode)
        result = recode(store, coder, case=args.case, since=since,
                        case_coder=case_coders(store, processes))
    finally:
        store.close()
    print(f"recoded {result.reports} reports with {result.coder_version}: "
          f"{result.claims_new} new claims, {result.errors} errors", file=ctx.out)
    return 0
