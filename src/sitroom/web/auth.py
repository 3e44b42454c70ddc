"""Who is asking and may they: password hashes, session and token secrets, CSRF, rate limits.

Everything here is pure or holds only its own small state (the rate limiter); the store keeps
users, sessions and tokens (``sitroom.store.accounts``). Passwords are hashed with scrypt from the
standard library (memory-hard, N=2**14, r=8, p=1, a 16-byte salt), in a self-describing string
``scrypt$N$r$p$salt$hash`` so the cost can be raised later without breaking stored hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # scrypt's cost grows with the input; refuse silly lengths early


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int = SCRYPT_N) -> str:
    """A salted scrypt hash string of the password."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValueError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=64 * 1024 * 1024, dklen=32)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether the password matches the stored hash (constant-time compare; False on junk)."""
    if not stored or len(password) > MAX_PASSWORD:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), maxmem=64 * 1024 * 1024, dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


# A hash to check against when the user does not exist, so a wrong name costs the same time.
_DUMMY = "scrypt$16384$8$1$" + _b64(b"\0" * 16) + "$" + _b64(b"\0" * 32)


def check_login(password: str, stored: str | None) -> bool:
    """``verify_password``, spending the same time whether or not the user exists."""
    return verify_password(password, stored or _DUMMY) and stored is not None


def new_secret() -> str:
    """A random URL-safe secret for a session cookie or an API token (256 bits)."""
    return secrets.token_urlsafe(32)


def csrf_token(key: bytes, holder: str) -> str:
    """The CSRF token of a session (or of an anonymous visitor's cookie): an HMAC of it."""
    return hmac.new(key, b"csrf:" + holder.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_ok(key: bytes, holder: str | None, token: str | None) -> bool:
    """Whether a submitted token belongs to this session or visitor."""
    if not holder or not token:
        return False
    return hmac.compare_digest(csrf_token(key, holder), token)


class RateLimiter:
    """At most ``limit`` hits per key within ``window`` seconds (a sliding window in memory)."""

    def __init__(self, limit: int, window: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count a hit for ``key``; False (and not counted) when over the limit."""
        now = self.clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle visitors so memory stays bounded
                for k in [k for k, v in self._hits.items() if not v]:
                    del self._hits[k]
            return True

    def blocked(self, key: str) -> bool:
        """Whether ``key`` is over the limit now (without counting a hit)."""
        now = self.clock()
        with self._lock:
            hits = self._hits.get(key) or ()
            return sum(1 for t in hits if t > now - self.window) >= self.limit

    def retry_after(self, key: str) -> int:
        """Seconds until ``key`` may try again (0 when it may now)."""
        with self._lock:
            hits = self._hits.get(key)
            if not hits or len(hits) < self.limit:
                return 0
            return max(1, int(hits[0] + self.window - self.clock()) + 1)
