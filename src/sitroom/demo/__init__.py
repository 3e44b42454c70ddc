"""The demo: a bundled sample corpus served as real feeds, collected by the real pipeline.

``run_demo(db_path, *, out)`` is the main job on the embedded default; ``sitroom demo`` calls it.
Heavy parts (store, collector) are imported only when the demo runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitroom.demo.runner import DemoSummary

__all__ = ["DemoSummary", "run_demo"]


def run_demo(db_path: Any = "var/demo.sqlite", **kwargs: Any) -> DemoSummary:
    """Build a fresh SQLite store and collect the served corpus (see ``runner.run_demo``)."""
    from sitroom.demo.runner import run_demo as _run

    return _run(db_path, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "DemoSummary":
        from sitroom.demo.runner import DemoSummary

        return DemoSummary
    raise AttributeError(name)
