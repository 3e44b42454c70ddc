"""`sitroom train`: fit the coder's learned type classifier on the gold files' development split."""

from __future__ import annotations

from pathlib import Path

# Gold files trained on when none is named (paths from the checkout root): ours and real text.
TRAINING_GOLD = ("gold/sitroom_gold.jsonl", "gold/seed_note.jsonl",
                 "gold/real/mass_mobilization.jsonl", "gold/real/ucdp_ged.jsonl")
DEFAULT_OUTPUT = (Path(__file__).resolve().parents[1] / "coding" / "typing" / "data"
                  / "type_model.npz")


def register(subparsers) -> None:
    """Add ``sitroom train`` to the parser."""
    p = subparsers.add_parser(
        "train", help="train the coder's type classifier on gold development splits",
        description="Code the development documents of the gold files with the rules, label the "
                    "claims with gold's types and fit the classifier the coder ships. Test "
                    "documents are never used. The same data gives a byte-identical model.")
    p.add_argument("gold", nargs="*", metavar="GOLD.jsonl",
                   help="gold files; default: " + ", ".join(TRAINING_GOLD))
    p.add_argument("--output", metavar="PATH", default=str(DEFAULT_OUTPUT),
                   help="model file to write (default: the one inside the package)")
    p.set_defaults(handler=run_train)


def run_train(args, ctx) -> int:
    """Handler of ``sitroom train``."""
    from sitroom.coding import Coder
    from sitroom.training import examples_from_docs, train, training_docs
    from sitroom.training.report import format_training

    docs, left_out = training_docs(args.gold or list(TRAINING_GOLD))
    print(f"training on {len(docs)} development documents ({left_out} test documents, or "
          f"development copies of them, left out)", file=ctx.err)
    examples = examples_from_docs(docs, Coder(learned=False))
    result = train(examples)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    result.model.save(out)
    print(format_training(result), file=ctx.out)
    print(f"model written to {out} ({out.stat().st_size} bytes)", file=ctx.err)
    return 0
