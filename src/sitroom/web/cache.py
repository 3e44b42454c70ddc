"""A small cache for what is costly to compute over a million events (a case's aggregates) and
cheap to check for staleness. An entry kept under the store's data version lives until the
version moves (a new report, history entry or alert); one kept without a version (a case's
definition) lives ``ttl`` seconds. Concurrent requests for the same missing entry wait for one
computation instead of all running it (no stampede when many analysts open the overview)."""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class VersionedCache:
    """Least-recently-used entries keyed by (key, version)."""

    def __init__(self, maxsize: int = 32, ttl: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.maxsize, self.ttl, self.clock = maxsize, ttl, clock
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def _fresh(self, k: Hashable, versioned: bool, now: float) -> tuple[bool, Any]:
        hit = self._items.get(k)
        if hit is None or (not versioned and now - hit[0] > self.ttl):
            return False, None
        self._items.move_to_end(k)
        return True, hit[1]

    def get(self, key: Hashable, version: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value, or ``compute()`` (run once however many ask at the same time)."""
        k = (key, version)
        versioned = version is not None
        with self._lock:
            ok, value = self._fresh(k, versioned, self.clock())
            if ok:
                return value
            gate = self._computing.setdefault(k, threading.Lock())
        with gate:
            with self._lock:
                ok, value = self._fresh(k, versioned, self.clock())
                if ok:
                    return value
            value = compute()
            with self._lock:
                self._items[k] = (self.clock(), value)
                self._items.move_to_end(k)
                while len(self._items) > self.maxsize:
                    self._items.popitem(last=False)
                self._computing.pop(k, None)
        return value
