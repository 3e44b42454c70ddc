"""`sitroom case list|show|validate|load`: read case folders, check them, put them in the store."""

from __future__ import annotations

import json
from pathlib import Path


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    parser = subparsers.add_parser("case", help="list, show, validate and load case folders")
    sub = parser.add_subparsers(dest="case_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="case folders under ./cases and the shipped ones")
    p.add_argument("--root", help="look only in this folder")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="a case's head, outlets, actors, ties, hypotheses, watches")
    p.add_argument("case", help="case name or folder")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("validate", help="report every problem of a case folder (file:line)")
    p.add_argument("case", nargs="+", help="case names or folders")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("load", help="validate a case and save it into the store")
    p.add_argument("case", help="case name or folder")
    p.set_defaults(handler=cmd_load)


def cmd_list(args, ctx) -> int:
    """List the case folders found on disk (./cases and the shipped ones), marking invalid ones."""
    from sitroom.cases import find_cases, load_case, packaged_cases_dir
    from sitroom.errors import CaseError

    roots = [Path(args.root)] if args.root else [Path("cases"), packaged_cases_dir()]
    seen: set[Path] = set()
    for root in roots:
        for folder in find_cases(root):
            if folder.resolve() in seen:
                continue
            seen.add(folder.resolve())
            try:
                case = load_case(folder)
                print(f"{case.name}\t{case.title}\t{folder}", file=ctx.out)
            except CaseError as exc:
                print(f"{folder.name}\tINVALID: {exc}\t{folder}", file=ctx.out)
    if not seen:
        print("no cases found", file=ctx.err)
    return 0


def cmd_show(args, ctx) -> int:
    """Print a case folder, as text or JSON."""
    from sitroom.cases import load_case

    case = load_case(args.case)
    if args.format == "json":
        print(json.dumps(case.to_dict(), ensure_ascii=False, indent=2), file=ctx.out)
        return 0
    out = ctx.out
    period = f"{case.start or '?'} .. {case.end or '?'}"
    print(f"{case.name}: {case.title}", file=out)
    print(f"  countries {', '.join(case.countries)}; period {period}; languages "
          f"{', '.join(case.languages)}; population {case.population or '?'}", file=out)
    print(f"  keywords: {', '.join(case.keywords)}", file=out)
    print(f"\noutlets ({len(case.outlets)}):", file=out)
    for o in case.outlets:
        print(f"  {o.key:20} {o.bloc:9} {o.ownership:21} {o.reliability} {o.country}  {o.name}",
              file=out)
    print(f"\nactors ({len(case.actors)}):", file=out)
    for a in case.actors:
        print(f"  {a.key:20} {a.kind:14} {a.name}  [{', '.join(a.aliases[:4])}]", file=out)
    print(f"\nroles and ties ({len(case.ties)}):", file=out)
    for t in case.ties:
        span = f"{t.start or ''}..{t.end or ''}" if (t.start or t.end) else ""
        print(f"  {t.source} {t.relation} {t.target} {span}".rstrip(), file=out)
    print(f"\nhypotheses ({len(case.hypotheses)}):", file=out)
    for h in case.hypotheses:
        print(f"  {h.key}: {h.title}", file=out)
    print(f"\nwatches ({len(case.watches)}):", file=out)
    for w in case.watches:
        print(f"  {w.key}: {w.title}  {dict(w.query)}", file=out)
    return 0


def cmd_validate(args, ctx) -> int:
    """Report every problem of the named case folders; exit 1 if any is bad."""
    from sitroom.cases import resolve_case, validate_case
    from sitroom.errors import CaseError

    bad = 0
    for name in args.case:
        try:
            folder = resolve_case(name)
        except CaseError as exc:
            print(exc, file=ctx.err)
            bad += 1
            continue
        problems = validate_case(folder)
        for problem in problems:
            print(problem, file=ctx.out)
        if problems:
            bad += 1
            print(f"{folder}: {len(problems)} problem(s)", file=ctx.err)
        else:
            print(f"{folder}: ok", file=ctx.out)
    return 1 if bad else 0


def cmd_load(args, ctx) -> int:
    """Load a case folder into the store (outlets, actors, ties, hypotheses, watches)."""
    from sitroom.cases import load_case

    case = load_case(args.case)
    with ctx.open_store() as store:
        store.save_case(case)
    print(f"loaded case {case.name}: {len(case.outlets)} outlets, {len(case.actors)} actors, "
          f"{len(case.ties)} ties, {len(case.hypotheses)} hypotheses, "
          f"{len(case.watches)} watches", file=ctx.out)
    return 0
