"""Run benchmark modules by name: ``python -m benchmarks collect [ARGS...]``; no name runs all."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    """Names of the benchmark modules in this package."""
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    names = available()
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip() + "\n\nbenchmarks: " + ", ".join(names))
        return 0
    if argv:
        name, rest = argv[0], argv[1:]
        if name not in names:
            print(f"benchmarks: no benchmark {name!r} (have: {', '.join(names)})",
                  file=sys.stderr)
            return 2
        return int(importlib.import_module(f"benchmarks.{name}").main(rest) or 0)
    worst = 0
    for name in names:
        print(f"== {name}", flush=True)
        worst = max(worst, int(importlib.import_module(f"benchmarks.{name}").main([]) or 0))
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
