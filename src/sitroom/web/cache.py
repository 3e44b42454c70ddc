"""A small cache for what is costly to compute over a million events (a case's aggregates) and
cheap to check for staleness: each entry is kept under the store's data version and for at most
``ttl`` seconds, so a new report, history entry or alert makes the next request recompute."""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class VersionedCache:
    """Least-recently-used entries keyed by (key, version), each living ``ttl`` seconds."""

    def __init__(self, maxsize: int = 32, ttl: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.maxsize, self.ttl, self.clock = maxsize, ttl, clock
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value, or ``compute()`` stored for next time."""
        k = (key, version)
        now = self.clock()
        with self._lock:
            hit = self._items.get(k)
            if hit is not None and now - hit[0] <= self.ttl:
                self._items.move_to_end(k)
                return hit[1]
        value = compute()  # outside the lock: two first requests may both compute, both right
        with self._lock:
            self._items[k] = (now, value)
            self._items.move_to_end(k)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return value
