"""`sitroom eval`: score the coder on gold files, print the figures, check or raise the floors."""

from __future__ import annotations

# The gold files the project ships, scored when no file is named (paths from the checkout root).
SHIPPED_GOLD = ("gold/sitroom_gold.jsonl", "gold/seed_note.jsonl", "gold/plover_gsr.jsonl",
                "gold/real/mass_mobilization.jsonl", "gold/real/ucdp_ged.jsonl")


def register(subparsers) -> None:
    """Add ``sitroom eval`` to the parser."""
    p = subparsers.add_parser(
        "eval", help="score the coder on gold files (event P/R/F1, fields, confusion)",
        description="Code every document of the gold files and score the result field by field.")
    p.add_argument("gold", nargs="*", metavar="GOLD.jsonl",
                   help="gold files (JSON Lines); default: the shipped " + ", ".join(SHIPPED_GOLD))
    p.add_argument("--split", choices=("dev", "test"), help="only documents of this split")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output form")
    p.add_argument("--mistakes", type=int, metavar="N", default=0,
                   help="also list up to N lines of mistakes (missed, spurious, wrong fields)")
    p.add_argument("--case", metavar="NAME", help="use this case's actors (a case name or folder)")
    p.add_argument("--rules-only", action="store_true",
                   help="score the rules without the learned type classifier (for before/after)")
    p.add_argument("--check-floors", metavar="FILE",
                   help="fail (exit 1) when a headline figure drops below its pinned floor")
    p.add_argument("--update-floors", metavar="FILE",
                   help="raise the floors in FILE to the figures measured (never lowers one)")
    p.set_defaults(handler=run_eval)


def _case_coder(name: str | None, learned: bool = True):
    """A coder with a case's actors and dated roles (a folder, or a name under ./cases);
    ``learned=False`` gives the rules alone."""
    from sitroom.cases import load_case
    from sitroom.evaluation.runner import default_coder

    if name is None:
        return default_coder(learned=learned)
    case = load_case(name)
    return default_coder(tuple(case.actors), tuple(case.ties), learned=learned)


def check_text_file(path: str) -> None:
    """Refuse a gold file that is binary or not UTF-8, naming the first bad line."""
    from pathlib import Path

    from sitroom.errors import InputError

    p = Path(path)
    if not p.is_file():
        return  # the gold reader says "no such gold file"
    with p.open("rb") as fh:
        if b"\x00" in fh.read(65536):
            raise InputError(f"{p}: looks like a binary file, not a gold JSONL file")
        fh.seek(0)
        for n, line in enumerate(fh, 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{p.name}:{n}: not valid UTF-8 text (byte {exc.start + 1}); "
                                 "gold files are UTF-8 JSON Lines") from None


def run_eval(args, ctx) -> int:
    """Handler of ``sitroom eval``."""
    from sitroom.evaluation import evaluate, format_table
    from sitroom.evaluation.floors import check_floors, raise_floors, read_floors, write_floors
    from sitroom.evaluation.report import dumps

    gold = args.gold or list(SHIPPED_GOLD)
    for path in args.gold:
        check_text_file(path)
    coder = _case_coder(args.case, learned=not args.rules_only) if (
        args.case or args.rules_only) else None
    report = evaluate(gold, coder, split=args.split)
    print(dumps(report) if args.format == "json" else format_table(report), file=ctx.out)
    if args.format == "table":
        from sitroom.evaluation.sidebyside import format_reliability, format_side_by_side

        table = format_side_by_side(report)
        if table:
            print("\nown gold and real text side by side (real text: gold/real/README.md):\n"
                  + table, file=ctx.out)
        rel = format_reliability(report)
        if rel:
            print("\n" + rel, file=ctx.out)
    if args.mistakes:
        from sitroom.evaluation.report import format_mistakes

        print("\nmistakes:\n" + format_mistakes(report, args.mistakes), file=ctx.out)
    status = 0
    figures = report.headlines_by_file()
    if args.split:  # whole-file floors do not apply to a part; real-text test parts do
        figures = {k: v for k, v in figures.items() if k.endswith(" [test]")}
    if args.check_floors:
        data = read_floors(args.check_floors)
        pinned = {g: v for g, v in data["floors"].items() if g in figures}
        failures = check_floors(figures, pinned)
        for line in failures:
            print(f"floor: {line}", file=ctx.err)
        if failures:
            status = 1
        else:
            print(f"floors: all {sum(len(v) for v in pinned.values())} pinned figures hold",
                  file=ctx.err)
    if args.update_floors:
        if args.split == "dev":
            print("sitroom: --update-floors scores whole gold files (or, with --split test, "
                  "real-text test parts); drop --split dev", file=ctx.err)
            return 2
        data = read_floors(args.update_floors)
        tol = float(data.get("tolerance", 0.01))
        new = raise_floors(figures, data["floors"], tol, report.support_by_file())
        write_floors(args.update_floors, new, tol)
        print(f"floors written to {args.update_floors}", file=ctx.err)
    return status
