"""Test helper run as a subprocess: add reports START..END to a store and print the tally.

Used by the kill and race tests: ``python _writer.py URL START END [--reverse] [--slow]``.
Each report also gets a signature and a raw page, so a kill can land inside a bigger write.
The texts are samples written for the tests.
"""

from __future__ import annotations

import sys
import zlib
from collections import Counter

from sitroom.model import Report
from sitroom.store import open_store


def sample(n: int) -> Report:
    """The n-th sample report; the same n always gives the same report."""
    text = f"Sample report {n}: a rally of {n * 10} people in Bishkek. " * 20
    return Report(
        id=f"r{n}", kind="article", text=text, title=f"Sample {n}",
        canonical_url=f"https://sample.example/{n}", outlet="sample-domestic",
        raw=zlib.compress(text.encode() * 5), raw_type="text/html",
    )


def main(argv: list[str]) -> int:
    url, start, end = argv[0], int(argv[1]), int(argv[2])
    order = range(start, end)
    if "--reverse" in argv:
        order = reversed(order)
    store = open_store(url)
    tally: Counter[str] = Counter()
    for n in order:
        result = store.add_report(sample(n), signature=n.to_bytes(8, "big") * 16)
        tally[result.status] += 1
        print(n, result.status, flush=True)
    print("TALLY", tally["new"], sum(tally.values()) - tally["new"], flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
